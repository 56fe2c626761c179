//! The status line: the focused context, a message or the key hints that
//! fit, and the position on the right.

use crate::fit::fit;
use crate::tui::action::Action;
use crate::tui::app::{App, View};
use crate::tui::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// A key's label and what it does here.
type Hint = (String, &'static str);

/// Moves every list has; the hints show only "down" of them.
const OBVIOUS: [Action; 7] = [
    Action::Up,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::PrevMatch,
    Action::FocusPrev,
];

/// The hints that matter most come first, as many as fit are shown; the
/// rest follow in keymap order.
const PRIORITY: [Action; 21] = [
    Action::Accept,
    Action::Open,
    Action::Put,
    Action::Back,
    Action::Pick,
    Action::SplitStory,
    Action::MarkStatus,
    Action::EditNote,
    Action::ShowTimeline,
    Action::ClearSearch,
    Action::FindInArticle,
    Action::FindInList,
    Action::NextMatch,
    Action::NextSection,
    Action::ToggleConflicts,
    Action::CycleKind,
    Action::ToggleScope,
    Action::CycleOutlet,
    Action::CycleMeasure,
    Action::CycleSort,
    Action::Down,
];

fn priority(action: Action) -> Option<usize> {
    PRIORITY.iter().position(|&a| a == action)
}

/// What `action` does here, where that differs from its help text.
fn describe_here(app: &App, ctx: Context, action: Action) -> &'static str {
    let in_group = app.diff.detail.is_some();
    let marked = app.reader.search.is_some() || app.reader.focus_sentence.is_some();
    match (ctx, action) {
        (Context::Sources, Action::Open) if matches!(app.view, View::Diff | View::Stories) => {
            "read"
        }
        (Context::Diff, Action::Open) if in_group => "jump to sentence",
        (Context::Diff, Action::Open) => "open row",
        (Context::Diff, Action::Back) if in_group => "back to list",
        (Context::Diff, Action::Back) => "back to sources",
        (Context::Diff, Action::ToggleConflicts) if app.diff.conflicts_only => "show all",
        (Context::Diff, Action::ToggleConflicts) => "conflicts only",
        (Context::Claims, Action::ToggleConflicts) if app.claims.disagreeing => "show all",
        (Context::Claims, Action::ToggleConflicts) => "disagreements only",
        (Context::Stories, Action::Open) => match app.stories.rows.get(app.stories.selected) {
            Some(crate::tui::app::StoryRow::All) => "show all stories",
            _ => "show only this story",
        },
        (Context::Stories, Action::Back) if app.stories.picked.is_some() => "drop the pick",
        (Context::Stories, Action::Back) => "back to sources",
        (Context::Stories, Action::Pick) => "pick to move",
        (Context::Stories, Action::Put) => "move/merge here",
        (Context::Stories, Action::SplitStory) => "own story",
        (Context::Stories, Action::UndoStoryEdit) => "undo edit",
        (Context::Prompt, Action::Accept)
            if app.prompt.as_ref().is_some_and(|p| p.edit.is_some()) =>
        {
            "save"
        }
        (Context::Prompt, Action::Accept) => "search",
        (_, Action::MarkStatus) => "mark",
        (_, Action::EditNote) => "note",
        (_, Action::ShowTimeline) => "timeline",
        (Context::Reader, Action::ClearSearch) if marked => "clear search",
        (Context::Reader, Action::ClearSearch) => "back to sources",
        _ => action.describe_in(ctx),
    }
}

/// Whether `action` does anything where the user is.
fn works_here(app: &App, action: Action) -> bool {
    match action {
        Action::NextMatch => match app.view {
            View::Reader => app.reader.search.is_some(),
            _ => app.list_query().is_some(),
        },
        Action::ShowTimeline | Action::SetAccepted => {
            app.view == View::Diff && app.diff.section == crate::tui::app::DiffSection::Figures
        }
        // The reader's Esc says it; h does the same.
        Action::Back => app.top_context() != Context::Reader,
        Action::Put => app.stories.picked.is_some(),
        Action::UndoStoryEdit => !app.story_edits.is_empty(),
        _ => true,
    }
}

/// The keys that work where the user is, generated from the keymap as the
/// help is: the top context's actions in keymap order (of the moves, only
/// "down"), then, from a pane, the global ones most asked for. Returns
/// those hints, and the ones always shown at the end (help, quit).
fn hints(app: &App) -> (Vec<Hint>, Vec<Hint>) {
    let ctx = app.top_context();
    let mut here: Vec<Hint> = app
        .keymap
        .bindings(ctx)
        .iter()
        .filter(|(a, _)| !OBVIOUS.contains(a) && works_here(app, *a))
        .filter_map(|(a, keys)| Some((*a, keys.first()?.label())))
        .collect::<Vec<_>>()
        .into_iter()
        .enumerate()
        .map(|(i, (a, key))| (priority(a).unwrap_or(PRIORITY.len() + i), key, a))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .map(|(_, key, a)| (key, describe_here(app, ctx, a)))
        .collect();
    let mut tail = Vec::new();
    if Context::PANES.contains(&ctx) {
        for a in [Action::OpenFinder, Action::OpenUrl, Action::FocusNext] {
            if let Some(key) = app.keymap.first_key(Context::Global, a) {
                here.push((key, a.describe()));
            }
        }
        for a in [Action::Help, Action::Quit] {
            if let Some(key) = app.keymap.first_key(Context::Global, a) {
                tail.push((key, a.describe()));
            }
        }
    }
    (here, tail)
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let right = status_right(app);
    let mut spans = vec![Span::styled(
        format!(" {} ", app.top_context().name()),
        app.theme.selected,
    )];
    let room = (area.width as usize).saturating_sub(right.width() + 1);
    let mut used = spans[0].content.width();
    if let Some(p) = app.prompt.as_ref().filter(|p| p.list || p.edit.is_some()) {
        // A list pane's `/` prompt, or a note, is typed here.
        let label = match &p.edit {
            Some((edit, _)) => format!(" {}", edit.label()),
            None => " /".to_string(),
        };
        // The end of a long input stays in view, where the typing is.
        let room_for_input = room.saturating_sub(used + label.width() + 1);
        let input = if p.edit.is_some() {
            tail(&p.input, room_for_input)
        } else {
            fit(&p.input, room_for_input)
        };
        used += label.width() + input.width() + 1;
        spans.push(Span::styled(label, app.theme.accent));
        spans.push(Span::raw(input));
        spans.push(Span::styled("▏", app.theme.accent));
    } else if let Some(msg) = &app.message {
        let msg = fit(&format!(" {msg}"), room.saturating_sub(used));
        used += msg.width();
        spans.push(Span::styled(msg, app.theme.warning));
    } else {
        // Whole hints only, as many as fit beside the position indicator,
        // keeping room for help and quit.
        let (here, tail) = hints(app);
        let width = |(key, what): &(String, &str)| 3 + key.width() + what.width();
        let tail_width: usize = tail.iter().map(width).sum();
        let mut shown = Vec::new();
        for hint in here {
            if used + width(&hint) + tail_width > room {
                break;
            }
            used += width(&hint);
            shown.push(hint);
        }
        for hint in tail {
            if used + width(&hint) > room {
                break;
            }
            used += width(&hint);
            shown.push(hint);
        }
        for (key, what) in shown {
            spans.push(Span::raw(" "));
            spans.push(Span::styled(key, app.theme.accent));
            spans.push(Span::raw(format!(" {what} ")));
        }
    }
    spans.push(Span::raw(" ".repeat(
        (area.width as usize).saturating_sub(used + right.width()),
    )));
    spans.push(Span::styled(right, app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The last `width` columns of `s`, with "…" in front when cut.
fn tail(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out: Vec<char> = Vec::new();
    let mut used = 1;
    for c in s.chars().rev() {
        let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out.iter().rev().collect()
}

/// The reader's position, or the article search counter "i/N".
fn status_right(app: &App) -> String {
    if app.view == View::Diff {
        let n = app.diff_rows(app.diff.section);
        return if n == 0 {
            String::new()
        } else {
            format!("{}/{n} ", app.diff.selected() + 1)
        };
    }
    if app.view == View::Stories {
        let n = app.stories.rows.len();
        return if n == 0 {
            String::new()
        } else {
            format!("{}/{n} ", app.stories.selected + 1)
        };
    }
    if app.view == View::Claims {
        let n = app.visible_claims().len();
        return if n == 0 {
            String::new()
        } else {
            format!("{}/{n} ", app.claims.selected + 1)
        };
    }
    if app.view != View::Reader || app.corpus.documents.is_empty() {
        return String::new();
    }
    if let Some(s) = &app.reader.search {
        return if s.matches.is_empty() {
            format!("/{}: 0/0 ", s.query)
        } else {
            format!("/{}: {}/{} ", s.query, s.current + 1, s.matches.len())
        };
    }
    let total = app.reader_lines().len().max(1);
    let bottom = (app.reader.scroll + app.reader_height()).min(total);
    format!("{}/{} {}% ", bottom, total, bottom * 100 / total)
}

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

/// The focused pane's main keys, from the keymap.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let ctx = app.top_context();
    let wanted: &[Action] = match ctx {
        Context::Sources => &[
            Action::Down,
            Action::Open,
            Action::OpenFinder,
            Action::FocusNext,
        ],
        Context::Reader => &[
            Action::Down,
            Action::PageDown,
            Action::FindInArticle,
            Action::NextMatch,
            Action::OpenFinder,
        ],
        Context::Finder => &[Action::Accept, Action::Down, Action::Close],
        Context::Prompt => &[Action::Accept, Action::Close],
        Context::Help => &[Action::Down, Action::Close],
        Context::Claims => &[
            Action::Open,
            Action::CycleKind,
            Action::CycleOutlet,
            Action::ToggleScope,
        ],
        Context::Diff => &[
            Action::Down,
            Action::Open,
            Action::NextSection,
            Action::Back,
        ],
        Context::Global => &[Action::Down, Action::OpenFinder],
    };
    let mut out: Vec<(String, &'static str)> = wanted
        .iter()
        .filter_map(|&a| {
            let key = app
                .keymap
                .first_key(ctx, a)
                .or_else(|| app.keymap.first_key(Context::Global, a))?;
            Some((key, a.describe_in(ctx)))
        })
        .collect();
    if !matches!(ctx, Context::Finder | Context::Prompt | Context::Help) {
        for a in [Action::Help, Action::Quit] {
            if let Some(key) = app.keymap.first_key(Context::Global, a) {
                out.push((key, a.describe()));
            }
        }
    }
    out
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let right = status_right(app);
    let mut spans = vec![Span::styled(
        format!(" {} ", app.top_context().name()),
        app.theme.selected,
    )];
    let room = (area.width as usize).saturating_sub(right.width() + 1);
    let mut used = spans[0].content.width();
    if let Some(msg) = &app.message {
        let msg = fit(&format!(" {msg}"), room.saturating_sub(used));
        used += msg.width();
        spans.push(Span::styled(msg, app.theme.warning));
    } else {
        // Whole hints only, as many as fit beside the position indicator.
        for (key, what) in hints(app) {
            let what = format!(" {what} ");
            let width = 1 + key.width() + what.width();
            if used + width > room {
                break;
            }
            used += width;
            spans.push(Span::raw(" "));
            spans.push(Span::styled(key, app.theme.accent));
            spans.push(Span::raw(what));
        }
    }
    spans.push(Span::raw(" ".repeat(
        (area.width as usize).saturating_sub(used + right.width()),
    )));
    spans.push(Span::styled(right, app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
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

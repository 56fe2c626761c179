//! The stories pane: every story the comparison found (its label, sources
//! and disagreements) with its sources under it; the story shown and what
//! is picked to move are marked.

use super::{pane_block, short_date, view_tabs};
use crate::display;
use crate::fit::fit;
use crate::tui::app::{App, Focus, Picked, StoryRow};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let mut block = pane_block(app, view_tabs(app, area.width), focused);
    if !app.story_edits.is_empty() {
        let n = app.story_edits.len();
        block = block.title_bottom(
            Line::from(Span::styled(
                format!(" {n} story edit{} kept ", if n == 1 { "" } else { "s" }),
                app.theme.dim,
            ))
            .right_aligned(),
        );
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(c) = &app.comparison else {
        let msg = if app.analysis.is_some() {
            "comparing the sources…"
        } else {
            "analyzing…"
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim), inner);
        return;
    };
    let width = inner.width as usize;
    let rows = &app.stories.rows;
    let height = (inner.height as usize).max(1);
    let pos = app.stories.selected.min(rows.len().saturating_sub(1));
    // Only the rows in view are built: at 10,000 sources there are as
    // many rows.
    let first = pos.saturating_sub(height - 1);
    let shown = app.story_shown();
    let picked_doc = app.stories.picked.map(|p| match p {
        Picked::Source(d) | Picked::Story(d) => d,
    });
    let items: Vec<ListItem> = rows
        .iter()
        .skip(first)
        .take(height)
        .map(|&row| {
            let line = match row {
                StoryRow::All => {
                    let on = if shown.is_none() { "▸ " } else { "  " };
                    Line::from(Span::styled(
                        fit(&format!("{on}All stories ({})", c.stories.len()), width),
                        Style::new().add_modifier(Modifier::BOLD),
                    ))
                }
                StoryRow::Story(s) => {
                    let story = &c.stories[s];
                    let on = if shown == Some(s) { "▸ " } else { "  " };
                    let conflicts: usize = app.stories.conflicts.get(s).map_or(0, |c| c.iter().sum());
                    let picked = matches!(app.stories.picked, Some(Picked::Story(d)) if app.doc_story.get(d) == Some(&s));
                    let tail = format!(
                        "  {} src{}{}",
                        story.documents.len(),
                        if conflicts > 0 {
                            format!("  {conflicts} ≠")
                        } else {
                            String::new()
                        },
                        if picked { "  [picked]" } else { "" }
                    );
                    let head = format!("{on}S{} ", s + 1);
                    let label = fit(
                        &display::story_label(&story.label),
                        width.saturating_sub(head.width() + tail.width()),
                    );
                    let pad = width.saturating_sub(head.width() + label.width() + tail.width());
                    Line::from(vec![
                        Span::styled(head, app.theme.title),
                        Span::styled(label, Style::new().add_modifier(Modifier::BOLD)),
                        Span::raw(" ".repeat(pad)),
                        Span::styled(
                            tail,
                            if picked || conflicts > 0 {
                                app.theme.conflict
                            } else {
                                app.theme.dim
                            },
                        ),
                    ])
                }
                StoryRow::Source(_, d) => {
                    let doc = &app.corpus.documents[d];
                    let picked = matches!(app.stories.picked, Some(Picked::Source(_)))
                        && picked_doc == Some(d);
                    let date = short_date(doc);
                    let head = format!("      {} {date} ", doc.display_name());
                    let tail = if picked { "  [picked]" } else { "" };
                    let title = fit(
                        doc.title.as_deref().unwrap_or("(no headline)"),
                        width.saturating_sub(head.width() + tail.width()),
                    );
                    Line::from(vec![
                        Span::raw(head),
                        Span::styled(title, app.theme.dim),
                        Span::styled(tail, app.theme.conflict),
                    ])
                }
            };
            ListItem::new(line)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(pos - first));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        inner,
        &mut state,
    );
}

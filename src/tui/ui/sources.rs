//! The sources pane: one entry per document (outlet or file name, date,
//! headline, figure count), the open one marked.

use super::{pane_block, short_date};
use crate::fit::fit;
use crate::tui::app::{App, Focus, SourceOrder};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState};
use unicode_width::UnicodeWidthStr;

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Sources && app.finder.is_none();
    let title = match (app.loading, app.analyzing) {
        (Some((done, total)), _) => format!(" Sources · loading {done}/{total} "),
        (None, Some((done, total))) => format!(" Sources · analyzing {done}/{total} "),
        (None, None) => match app.story_shown() {
            Some(s) => format!(
                " Sources ({}/{}) › S{} ",
                app.source_count(),
                app.corpus.documents.len(),
                s + 1
            ),
            None => format!(" Sources ({}) ", app.corpus.documents.len()),
        },
    };
    let title = match app.sources.order_by {
        SourceOrder::Loaded => title,
        by => format!("{title}› {} ", by.name()),
    };
    let block = pane_block(app, Line::from(title), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    // Only the sources in view are built: at 10,000 sources building them
    // all took longer than a frame. Two lines each.
    let rows = (inner.height as usize / 2).max(1);
    let selected = app.source_pos(app.selected_source);
    let first = selected.saturating_sub(rows - 1);
    let n = app.source_count();
    let items: Vec<ListItem> = (first..n)
        .take(rows)
        .map(|pos| {
            let i = app.source_at(pos);
            let d = &app.corpus.documents[i];
            let open = if i == app.reader.doc { "▸ " } else { "  " };
            let name = d.display_name();
            let date = short_date(d);
            let date = date.as_str();
            let head = fit(
                &format!("{open}{name}"),
                width.saturating_sub(date.width() + 1),
            );
            let pad = width.saturating_sub(head.width() + date.width());
            let name_style = if d.outlet.is_some() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let title = d.title.as_deref().unwrap_or("(no headline)");
            let figures = app
                .analysis
                .as_ref()
                .and_then(|a| a.docs.get(i))
                .map_or(String::new(), |a| format!(" {}#", a.figures.len()));
            let title = fit(&format!("  {title}"), width.saturating_sub(figures.width()));
            let title_pad = width.saturating_sub(title.width() + figures.width());
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(head, name_style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(date.to_string(), app.theme.dim),
                ]),
                Line::from(vec![
                    Span::styled(title, app.theme.dim),
                    Span::raw(" ".repeat(title_pad)),
                    Span::styled(figures, app.theme.figure),
                ]),
            ])
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(app.theme.selected);
    let mut state = ListState::default().with_selected(Some(selected - first));
    frame.render_stateful_widget(list, area, &mut state);
}

//! The finder overlay: search (fuzzy, or fzf's extended syntax) over every
//! sentence of every source,
//! the hits with their matched characters highlighted and a preview of the
//! selected one.

use super::{popup, short_date};
use crate::fit::fit;
use crate::tui::app::App;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A sentence cut to `width` with its matched chars highlighted. When the
/// first match lies beyond the width, the start is cut instead ("…") so the
/// match shows, as fzf does.
fn highlighted(
    text: &str,
    indices: &[usize],
    width: usize,
    base: Style,
    hit: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = text.chars().collect();
    let col = |range: std::ops::Range<usize>| -> usize {
        chars[range].iter().map(|c| c.width().unwrap_or(0)).sum()
    };
    let first = indices.first().copied().unwrap_or(0).min(chars.len());
    let mut start = 0;
    if col(0..first) + 1 > width / 2 {
        // Keep a little context before the first match.
        start = first;
        while start > 0 && col(start - 1..first) < width / 4 {
            start -= 1;
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used = 1;
    }
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        let style = if indices.binary_search(&i).is_ok() {
            hit
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}

pub(super) fn draw(frame: &mut Frame, app: &App, size: Rect) {
    let Some(f) = &app.finder else { return };
    let area = popup(size, 90, 80);
    frame.render_widget(Clear, area);
    let count = if f.query.trim().is_empty() {
        "fuzzy; 'exact 'word' \"a phrase\" ^start end$ !not".to_string()
    } else if f.answered != f.query {
        "searching…".to_string()
    } else if let Some((done, total)) = f.progress {
        format!(
            "searching {}% · {} hits so far",
            done * 100 / total.max(1),
            f.matched
        )
    } else if f.matched > f.hits.len() {
        format!("best {} of {} hits", f.hits.len(), f.matched)
    } else {
        format!("{} hits", f.matched)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(Line::from(" Find in all sources "))
        .title_bottom(Line::from(format!(" {count} ")).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, list_area, preview_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(4),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", app.theme.accent),
            Span::raw(f.query.clone()),
            Span::styled("▏", app.theme.accent),
        ])),
        input,
    );
    let name_width = 14usize.min(list_area.width as usize / 3);
    // The date (2018-11-06) when the list is wide enough for it.
    let date_width = if list_area.width >= 60 { 11 } else { 0 };
    let text_width = (list_area.width as usize).saturating_sub(name_width + date_width + 2);
    // Only the hits in view are built (up to 500 are kept).
    let rows = (list_area.height as usize).max(1);
    let first = f.selected.saturating_sub(rows - 1);
    let items: Vec<ListItem> = f
        .hits
        .iter()
        .skip(first)
        .take(rows)
        .map(|h| {
            let doc = &app.corpus.documents[h.id.doc];
            let name = fit(doc.display_name(), name_width);
            let pad = name_width.saturating_sub(name.width());
            let mut spans = vec![
                Span::styled(name, app.theme.dim),
                Span::raw(" ".repeat(pad + 1)),
            ];
            if date_width > 0 {
                spans.push(Span::styled(
                    format!("{:<10} ", short_date(doc)),
                    app.theme.dim,
                ));
            }
            spans.extend(highlighted(
                doc.sentence_text(h.id.sentence),
                &h.indices,
                text_width,
                Style::new(),
                app.theme.fuzzy_match,
            ));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state =
        ListState::default().with_selected((!f.hits.is_empty()).then_some(f.selected - first));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        list_area,
        &mut state,
    );
    if let Some(h) = f.hits.get(f.selected) {
        let doc = &app.corpus.documents[h.id.doc];
        let s = &doc.sentences[h.id.sentence];
        let lines = vec![
            Line::from(Span::styled(
                format!(
                    "{}:{} · {}{}",
                    doc.source,
                    s.line,
                    doc.display_name(),
                    doc.date
                        .as_deref()
                        .map_or(String::new(), |d| format!(" · {d}"))
                ),
                app.theme.dim,
            )),
            Line::from(doc.sentence_text(h.id.sentence).to_string()),
        ];
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(app.theme.dim);
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            preview_area,
        );
    }
}

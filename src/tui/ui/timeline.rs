//! The timeline overlay: a figure group's entries in publication order
//! (date, outlet, value with its hedge, claimer), the first and the latest
//! report and stated revisions marked, undated entries listed apart.

use super::{mark_line, popup};
use crate::display;
use crate::fit::fit;
use crate::tui::app::{App, DiffSection, TimelineView};
use crosscheck::date::Stamp;
use crosscheck::timeline::{Point, Timeline};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The overlay's lines for group `group` of the comparison.
pub fn timeline_lines(app: &App, group: usize, width: usize) -> Vec<Line<'static>> {
    let Some(g) = app.comparison.as_ref().and_then(|c| c.figures.get(group)) else {
        return vec![Line::from("no such group")];
    };
    let t = Timeline::of(g);
    let mut lines = Vec::new();
    if let Some(r) = app.group_mark(DiffSection::Figures, group) {
        lines.push(mark_line(app, r, width));
        lines.push(Line::default());
    }
    let row = |p: &Point| -> Line<'static> {
        let e = &g.entries[p.entry];
        let figure = app
            .analysis
            .as_deref()
            .and_then(|a| a.figure(e.id.doc, e.figure));
        let when = match (p.stamp, e.date.as_deref()) {
            (Some(Stamp::Day(d)), _) => d.iso(),
            // A day without its year is shown as written, never completed.
            (_, Some(date)) => fit(date, 10),
            (_, None) => "-".to_string(),
        };
        let mut tags = Vec::new();
        if p.first {
            tags.push("first report");
        }
        if p.latest {
            tags.push("latest");
        }
        if p.revision {
            tags.push("states a revision");
        }
        let text = format!(
            "{when:<10}  {:<14} {:<14} {:<22} L{}",
            fit(&e.display, 14),
            fit(&display::entry_value(e, figure), 14),
            fit(e.claimer.as_deref().unwrap_or("-"), 22),
            e.line,
        );
        let mut spans = vec![Span::raw(fit(&text, width.saturating_sub(2)))];
        if !tags.is_empty() {
            let style = if p.revision {
                app.theme.conflict
            } else {
                app.theme.accent
            };
            spans.push(Span::styled(format!("  {}", tags.join(", ")), style));
        }
        Line::from(spans)
    };
    lines.push(Line::from(Span::styled(
        format!("Dated ({})", t.dated.len()),
        app.theme.title,
    )));
    if t.dated.is_empty() {
        lines.push(Line::from(Span::styled(
            "  no source of this group states a date",
            app.theme.dim,
        )));
    }
    lines.extend(t.dated.iter().map(row));
    if !t.undated.is_empty() {
        lines.push(Line::default());
        lines.push(Line::from(Span::styled(
            format!(
                "Undated ({}): listed apart, never given a date",
                t.undated.len()
            ),
            app.theme.title,
        )));
        lines.extend(t.undated.iter().map(row));
    }
    lines
}

pub(super) fn draw(frame: &mut Frame, app: &App, size: Rect, view: TimelineView) {
    let area = popup(size, 90, 80);
    frame.render_widget(Clear, area);
    let width = area.width.saturating_sub(2) as usize;
    let lines = timeline_lines(app, view.group, width);
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = view.scroll.min(lines.len().saturating_sub(inner_height));
    let label = app
        .comparison
        .as_ref()
        .and_then(|c| c.figures.get(view.group))
        .map_or(String::new(), |g| g.label.clone());
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(format!(
            " Timeline: {} ",
            fit(&label, width.saturating_sub(14))
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        area,
    );
}

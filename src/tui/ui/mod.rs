//! Drawing: a pure function of the App state. One file per screen element
//! (the sources, reader, claims, diff and stories panes, the status line, the finder
//! and help overlays, the too-small screen); the pieces they share are here.

mod claims;
mod diff;
mod finder;
pub(super) mod help; // help_lines: read by the tests too
mod reader;
mod sources;
mod status;
mod stories;
mod timeline;
mod too_small;

use super::action::Action;
use super::app::{App, View, areas};
use super::keymap::Context;
use crate::fit::fit;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, app: &App) {
    let size = frame.area();
    if app.too_small() {
        too_small::draw(frame, size);
        return;
    }
    let a = areas(size);
    sources::draw(frame, app, a.sources);
    match app.view {
        View::Reader => reader::draw(frame, app, a.main),
        View::Claims => claims::draw(frame, app, a.main),
        View::Diff => diff::draw(frame, app, a.main),
        View::Stories => stories::draw(frame, app, a.main),
    }
    status::draw(frame, app, a.status);
    if app.finder.is_some() {
        finder::draw(frame, app, size);
    }
    if let Some(t) = app.timeline {
        timeline::draw(frame, app, size, t);
    }
    if let Some(scroll) = app.help {
        help::draw(frame, app, size, scroll);
    }
}

/// A mark's symbol (`✓ ! ✗ ?`, `·` for unchecked) and its style: bold as
/// well as coloured, so NO_COLOR still shows it; dim when stale.
pub(super) fn mark_symbol(
    app: &App,
    r: Option<crosscheck::store::Resolved>,
) -> Option<(&'static str, ratatui::style::Style)> {
    use crosscheck::store::Status;
    let r = r?;
    let style = match r.mark.status {
        _ if r.stale => app.theme.dim,
        Status::Confirmed => app.theme.agree,
        Status::Disputed | Status::False => app.theme.conflict,
        Status::NeedsSource | Status::Unchecked => app.theme.accent,
    };
    Some((
        r.mark.status.symbol(),
        style.add_modifier(ratatui::style::Modifier::BOLD),
    ))
}

/// One line telling a mark: status, stale, note, accepted value.
pub(super) fn mark_line(app: &App, r: crosscheck::store::Resolved, width: usize) -> Line<'static> {
    let m = r.mark;
    let mut text = format!("{} {}", m.status.symbol(), m.status);
    if r.stale {
        text.push_str(" (stale: the article changed since)");
    }
    if let Some(v) = &m.accepted_value {
        text.push_str(&format!(" · accepted {v}"));
        if let Some(s) = &m.accepted_source {
            text.push_str(&format!(" ({s})"));
        }
    }
    if !m.note.is_empty() {
        text.push_str(&format!(" · {}", m.note));
    }
    let style = mark_symbol(app, Some(r)).map_or(app.theme.accent, |(_, s)| s);
    Line::from(Span::styled(fit(&text, width), style))
}

/// A document's date, compact: the day as `2018-11-06` when it can be
/// read, else as written (a dateline's "Nov. 6"), cut to 10 columns.
pub(super) fn short_date(doc: &crosscheck::Document) -> String {
    match doc.date.as_deref() {
        None => String::new(),
        Some(d) => crosscheck::date::parse(d).map_or_else(|| fit(d, 10), |day| day.iso()),
    }
}

fn pane_block<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if focused {
        block.border_style(app.theme.focus_border)
    } else {
        block.border_style(app.theme.dim)
    }
}

/// The main pane's title: the view tabs, then where the pane is (the
/// breadcrumb, "Diff › Figures › wounded"), cut to the pane's `width`.
fn view_tabs(app: &App, width: u16) -> Line<'static> {
    let crumbs = app.breadcrumb().join(" › ");
    let tabs = |compact: bool| {
        let mut spans = vec![Span::raw(" ")];
        for (view, key, name) in [
            (View::Reader, Action::ShowReader, "Reader"),
            (View::Claims, Action::ShowClaims, "Claims"),
            (View::Diff, Action::ShowDiff, "Diff"),
            (View::Stories, Action::ShowStories, "Stories"),
        ] {
            let key = app
                .keymap
                .first_key(Context::Global, key)
                .unwrap_or_default();
            // Compact: the keys only, the breadcrumb names the view.
            let label = if compact {
                key
            } else {
                format!("{key} {name}")
            };
            if app.view == view {
                spans.push(Span::styled(format!("[{label}]"), app.theme.accent));
            } else {
                spans.push(Span::styled(format!(" {label} "), app.theme.dim));
            }
            if !compact {
                spans.push(Span::raw(" "));
            }
        }
        spans
    };
    let width = width as usize;
    let mut spans = tabs(false);
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    // The breadcrumb matters more than the views' names: on a narrow pane
    // the tabs shrink to their keys.
    if used + crumbs.width() + 6 > width {
        spans = tabs(true);
    }
    let used: usize = spans.iter().map(|s| s.content.width()).sum();
    let room = width.saturating_sub(used + 4);
    if room > 4 && !crumbs.is_empty() {
        let text = fit(&crumbs, room - 2);
        spans.push(Span::styled(format!(" {text} "), app.theme.title));
    }
    Line::from(spans)
}

fn popup(area: Rect, width_pct: u16, height_pct: u16) -> Rect {
    let w = (area.width * width_pct / 100).max(20).min(area.width);
    let h = (area.height * height_pct / 100).max(8).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

//! Drawing: a pure function of the App state. One file per screen element
//! (the sources, reader, claims and diff panes, the status line, the finder
//! and help overlays, the too-small screen); the pieces they share are here.

mod claims;
mod diff;
mod finder;
pub(super) mod help; // help_lines: read by the tests too
mod reader;
mod sources;
mod status;
mod too_small;

use super::action::Action;
use super::app::{App, View, areas};
use super::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders};

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
    }
    status::draw(frame, app, a.status);
    if app.finder.is_some() {
        finder::draw(frame, app, size);
    }
    if let Some(scroll) = app.help {
        help::draw(frame, app, size, scroll);
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

fn view_tabs(app: &App) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (view, key, name) in [
        (View::Reader, Action::ShowReader, "Reader"),
        (View::Claims, Action::ShowClaims, "Claims"),
        (View::Diff, Action::ShowDiff, "Diff"),
    ] {
        let key = app
            .keymap
            .first_key(Context::Global, key)
            .unwrap_or_default();
        let label = format!("{key} {name}");
        if app.view == view {
            spans.push(Span::styled(format!("[{label}]"), app.theme.accent));
        } else {
            spans.push(Span::styled(format!(" {label} "), app.theme.dim));
        }
        spans.push(Span::raw(" "));
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

//! The help overlay: every binding of every context, generated from the
//! keymap.

use super::popup;
use crate::tui::app::App;
use crate::tui::keymap::Context;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

/// The help text, generated from the keymap so it always tells the truth.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        let bindings = app.keymap.bindings(ctx);
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            ctx.name().to_string(),
            app.theme.title,
        )));
        for (action, keys) in bindings {
            if keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), app.theme.accent),
                Span::raw(action.describe_in(ctx)),
            ]));
        }
    }
    lines
}

pub(super) fn draw(frame: &mut Frame, app: &App, size: Rect, scroll: usize) {
    let area = popup(size, 70, 85);
    frame.render_widget(Clear, area);
    let lines = help_lines(app);
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(" Keys ")
        .title_bottom(
            Line::from(" config: $XDG_CONFIG_HOME/crosscheck/config.toml ").right_aligned(),
        );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        area,
    );
}

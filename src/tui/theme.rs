//! Styles. Base text keeps the terminal's default colours (readable on light
//! and dark themes); emphasis always carries a modifier (bold, italic,
//! underline, reverse) as well as a colour, so NO_COLOR loses no meaning.

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;

/// Colours a user may set in the config's `[colors]` table (names such as
/// "yellow", "light-blue", "#ffaa00" or an ANSI index).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Colors {
    pub figure: Option<String>,
    pub quote: Option<String>,
    pub claimer: Option<String>,
    pub accent: Option<String>,
    pub agree: Option<String>,
    pub compatible: Option<String>,
    pub conflict: Option<String>,
    pub inserted: Option<String>,
    pub deleted: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Theme {
    pub title: Style,
    pub caption: Style,
    pub dim: Style,
    pub figure: Style,
    pub quote: Style,
    pub claimer: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub fuzzy_match: Style,
    pub selected: Style,
    pub accent: Style,
    pub focus_border: Style,
    pub agree: Style,
    pub compatible: Style,
    pub conflict: Style,
    pub single: Style,
    pub inserted: Style,
    pub deleted: Style,
    pub warning: Style,
}

fn fg(color: Option<&str>, default: Color) -> Result<Color, String> {
    match color {
        None => Ok(default),
        Some(name) => name
            .parse::<Color>()
            .map_err(|_| format!("unknown colour `{name}`")),
    }
}

impl Theme {
    /// The theme with the user's colours; `color: false` (NO_COLOR) keeps
    /// only the modifiers.
    pub fn new(colors: &Colors, color: bool) -> Result<Theme, String> {
        let c = |name: &Option<String>, default: Color| fg(name.as_deref(), default);
        let b = Modifier::BOLD;
        let mut t = Theme {
            title: Style::new().add_modifier(b),
            caption: Style::new().add_modifier(Modifier::ITALIC | Modifier::DIM),
            dim: Style::new().add_modifier(Modifier::DIM),
            figure: Style::new()
                .fg(c(&colors.figure, Color::Yellow)?)
                .add_modifier(b),
            quote: Style::new()
                .fg(c(&colors.quote, Color::Cyan)?)
                .add_modifier(Modifier::ITALIC),
            claimer: Style::new()
                .fg(c(&colors.claimer, Color::Magenta)?)
                .add_modifier(Modifier::UNDERLINED),
            search_match: Style::new().add_modifier(Modifier::REVERSED),
            current_match: Style::new().add_modifier(Modifier::REVERSED | b | Modifier::UNDERLINED),
            fuzzy_match: Style::new()
                .fg(c(&colors.accent, Color::Green)?)
                .add_modifier(b | Modifier::UNDERLINED),
            selected: Style::new().add_modifier(Modifier::REVERSED),
            accent: Style::new()
                .fg(c(&colors.accent, Color::Green)?)
                .add_modifier(b),
            focus_border: Style::new()
                .fg(c(&colors.accent, Color::Green)?)
                .add_modifier(b),
            agree: Style::new().fg(c(&colors.agree, Color::Green)?),
            compatible: Style::new().fg(c(&colors.compatible, Color::Blue)?),
            conflict: Style::new()
                .fg(c(&colors.conflict, Color::Red)?)
                .add_modifier(b),
            single: Style::new().add_modifier(Modifier::DIM),
            inserted: Style::new()
                .fg(c(&colors.inserted, Color::Green)?)
                .add_modifier(b | Modifier::UNDERLINED),
            deleted: Style::new()
                .fg(c(&colors.deleted, Color::Red)?)
                .add_modifier(Modifier::CROSSED_OUT),
            warning: Style::new().fg(Color::Yellow).add_modifier(b),
        };
        if !color {
            for s in [
                &mut t.title,
                &mut t.caption,
                &mut t.dim,
                &mut t.figure,
                &mut t.quote,
                &mut t.claimer,
                &mut t.search_match,
                &mut t.current_match,
                &mut t.fuzzy_match,
                &mut t.selected,
                &mut t.accent,
                &mut t.focus_border,
                &mut t.agree,
                &mut t.compatible,
                &mut t.conflict,
                &mut t.single,
                &mut t.inserted,
                &mut t.deleted,
                &mut t.warning,
            ] {
                s.fg = None;
                s.bg = None;
            }
        }
        Ok(t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_modifiers() {
        let t = Theme::new(&Colors::default(), false).unwrap();
        assert_eq!(t.figure.fg, None);
        assert!(t.figure.add_modifier.contains(Modifier::BOLD));
        assert!(t.conflict.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn user_colours_and_errors() {
        let colors = Colors {
            figure: Some("#ff8800".into()),
            ..Colors::default()
        };
        let t = Theme::new(&colors, true).unwrap();
        assert_eq!(t.figure.fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
        let bad = Colors {
            quote: Some("ultraviolet".into()),
            ..Colors::default()
        };
        assert_eq!(
            Theme::new(&bad, true).unwrap_err(),
            "unknown colour `ultraviolet`"
        );
    }
}

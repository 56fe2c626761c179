//! Colour for the reports on stdout: ANSI codes on a terminal, plain text
//! when piped or under NO_COLOR.

use std::io::IsTerminal;

/// Whether the user asked for no colour: NO_COLOR set to any non-empty
/// value (<https://no-color.org>). The one place both the reports and the
/// TUI read it.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Styling for stdout: ANSI only when stdout is a terminal and NO_COLOR is
/// unset (<https://no-color.org>: any non-empty value).
#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        Style {
            color: !no_color() && std::io::stdout().is_terminal(),
        }
    }

    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }

    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }

    pub fn warn(self, s: &str) -> String {
        self.paint("33", s)
    }

    /// Removed words in a diff: red, struck through.
    pub fn deleted(self, s: &str) -> String {
        self.paint("9;31", s)
    }

    /// Added words in a diff: green, bold.
    pub fn inserted(self, s: &str) -> String {
        self.paint("1;32", s)
    }

    /// A plain style, for tests.
    #[cfg(test)]
    pub fn plain() -> Style {
        Style { color: false }
    }
}

//! Reports for people and for scripts. Text goes to stdout, problems to
//! stderr; colour only on a terminal and never under NO_COLOR.

pub mod claims;
pub mod diff;
pub mod figures;
pub mod search;
pub mod sources;

use std::io::IsTerminal;

pub fn error(message: &str) {
    eprintln!("crosscheck: error: {message}");
}

/// Styling for stdout: ANSI only when stdout is a terminal and NO_COLOR is
/// unset (https://no-color.org: any non-empty value).
#[derive(Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    pub fn detect() -> Style {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Style {
            color: !no_color && std::io::stdout().is_terminal(),
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

/// Writes JSON to stdout as one value.
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    let out = std::io::stdout().lock();
    serde_json::to_writer_pretty(out, value)?;
    println!();
    Ok(())
}

/// A document's heading in reports: outlet and path, or the path alone.
pub fn heading(d: &crosscheck::Document) -> String {
    match &d.outlet {
        Some(outlet) => format!("{outlet}  {}", d.source),
        None => d.source.clone(),
    }
}

/// "1 document", "5 documents".
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

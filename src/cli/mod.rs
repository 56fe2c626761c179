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
/// Buffered: stdout is line-buffered, and pretty JSON of a large corpus has
/// millions of lines (one `write` call each without the buffer).
pub fn print_json(value: &impl serde::Serialize) -> anyhow::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    serde_json::to_writer_pretty(&mut out, value)?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

/// Documents analyzed per step of [`print_json_analyzed`].
const CHUNK: usize = 512;

/// The records of one document, as elements of the pretty JSON array
/// [`print_json_analyzed`] writes.
pub struct JsonElements {
    buf: Vec<u8>,
    scratch: Vec<u8>,
}

impl JsonElements {
    /// Appends one array element: `,\n  ` and the value pretty-printed one
    /// level deep (the same bytes `serde_json` writes for a sequence).
    pub fn push(&mut self, value: &impl serde::Serialize) -> serde_json::Result<()> {
        self.scratch.clear();
        serde_json::to_writer_pretty(&mut self.scratch, value)?;
        self.buf.extend_from_slice(b",\n  ");
        // Pretty JSON has no raw newline inside strings, so every newline
        // starts a line that needs one more level of indentation.
        let mut rest = &self.scratch[..];
        while let Some(i) = rest.iter().position(|&b| b == b'\n') {
            self.buf.extend_from_slice(&rest[..=i]);
            self.buf.extend_from_slice(b"  ");
            rest = &rest[i + 1..];
        }
        self.buf.extend_from_slice(rest);
        Ok(())
    }
}

/// Writes one JSON array to stdout, the same bytes as [`print_json`] of all
/// the records, but analyzes the corpus a chunk of documents at a time and
/// writes each chunk's records before the next: only one chunk's analysis
/// is ever held in memory. Analysis and serialization both run on the
/// worker threads; `each` pushes the records of one document.
pub fn print_json_analyzed(
    corpus: &crosscheck::Corpus,
    each: impl Fn(
        &crosscheck::Document,
        &crosscheck::analysis::DocAnalysis,
        &mut JsonElements,
    ) -> serde_json::Result<()>
    + Sync,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    use std::io::Write;
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    out.write_all(b"[")?;
    let mut empty = true;
    for chunk in corpus.documents.chunks(CHUNK) {
        let written: Vec<Vec<u8>> = chunk
            .par_iter()
            .map(|d| {
                let mut elements = JsonElements {
                    buf: Vec::new(),
                    scratch: Vec::new(),
                };
                each(d, &crosscheck::analysis::analyze_document(d), &mut elements)?;
                Ok(elements.buf)
            })
            .collect::<serde_json::Result<_>>()?;
        for bytes in written.iter().filter(|b| !b.is_empty()) {
            // The first element has no comma before it.
            out.write_all(if empty { &bytes[1..] } else { bytes })?;
            empty = false;
        }
    }
    out.write_all(if empty { b"]\n" } else { b"\n]\n" })?;
    out.flush()?;
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

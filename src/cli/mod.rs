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

/// The array being written by [`print_json_analyzed`].
pub type JsonSeq<'a> = serde_json::ser::Compound<
    'a,
    std::io::BufWriter<std::io::StdoutLock<'static>>,
    serde_json::ser::PrettyFormatter<'static>,
>;

/// Documents analyzed per step of [`print_json_analyzed`].
const CHUNK: usize = 512;

/// Writes one JSON array to stdout, the same bytes as [`print_json`] of all
/// the records, but analyzes the corpus a chunk of documents at a time (in
/// parallel) and writes each chunk's records before the next: only one
/// chunk's analysis is ever held in memory. `each` writes the records of
/// one document.
pub fn print_json_analyzed(
    corpus: &crosscheck::Corpus,
    mut each: impl FnMut(
        &crosscheck::Document,
        &crosscheck::analysis::DocAnalysis,
        &mut JsonSeq,
    ) -> serde_json::Result<()>,
) -> anyhow::Result<()> {
    use rayon::prelude::*;
    use serde::ser::{SerializeSeq, Serializer};
    use std::io::Write;
    let out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let mut ser = serde_json::Serializer::pretty(out);
    let mut seq = (&mut ser).serialize_seq(None)?;
    for chunk in corpus.documents.chunks(CHUNK) {
        let analyses: Vec<_> = chunk
            .par_iter()
            .map(crosscheck::analysis::analyze_document)
            .collect();
        for (d, a) in chunk.iter().zip(&analyses) {
            each(d, a, &mut seq)?;
        }
    }
    seq.end()?;
    let mut out = ser.into_inner();
    out.write_all(b"\n")?;
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

//! Reports for people and for scripts. Text goes to stdout, problems to
//! stderr; colour only on a terminal and never under NO_COLOR.
//!
//! Nothing here panics on a write: stdout errors are returned (a closed
//! pipe ends the program quietly in `main`, anything else is reported),
//! and stderr errors are ignored, as there is nowhere left to report them.

pub mod claims;
pub mod diff;
pub mod figures;
pub mod json;
pub mod markdown;
pub mod report;
pub mod search;
pub mod sources;
pub mod style;

use std::io::Write;

pub fn error(message: &str) {
    to_stderr(&format!("crosscheck: error: {message}\n"));
}

/// Problems with the input, one line each on stderr.
pub fn report_problems(problems: &[crosscheck::load::Problem]) {
    for p in problems {
        to_stderr(&format!("crosscheck: {p}\n"));
    }
}

/// Writes to stderr, one write for the whole text; a full or closed stderr
/// is ignored (`eprintln!` would panic).
pub fn to_stderr(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Writes a report to stdout and flushes it.
pub fn print(text: &str) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(stdout_error)
}

/// An error writing to stdout, said so.
pub fn stdout_error(e: std::io::Error) -> anyhow::Error {
    anyhow::Error::new(e).context("cannot write to standard output")
}

/// Whether an error is stdout's reader going away (`| head`): the program
/// then ends quietly with status 0, as ripgrep does.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        let kind = cause
            .downcast_ref::<std::io::Error>()
            .map(std::io::Error::kind)
            .or_else(|| cause.downcast_ref::<serde_json::Error>()?.io_error_kind());
        kind == Some(std::io::ErrorKind::BrokenPipe)
    })
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

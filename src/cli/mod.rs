//! Reports for people and for scripts. Text goes to stdout, problems to
//! stderr; colour only on a terminal and never under NO_COLOR.

pub mod claims;
pub mod diff;
pub mod figures;
pub mod json;
pub mod search;
pub mod sources;
pub mod style;

pub fn error(message: &str) {
    eprintln!("crosscheck: error: {message}");
}

/// Problems with the input, one line each on stderr.
pub fn report_problems(problems: &[crosscheck::load::Problem]) {
    for p in problems {
        eprintln!("crosscheck: {p}");
    }
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

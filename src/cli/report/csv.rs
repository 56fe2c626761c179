//! The report as CSV: one row per sentence of each item (an item without
//! one gets one row), quoted as RFC 4180 says. A cell that a spreadsheet
//! would run as a formula (starting with `=`, `+`, `-`, `@`, a tab or a
//! carriage return) is prefixed with `'`, so article text and notes are
//! shown as text, never evaluated.

use super::{day, verdict_of};
use crosscheck::findings::{Evidence, Item};

const HEADER: [&str; 17] = [
    "item",
    "kind",
    "label",
    "verdict",
    "status",
    "stale",
    "note",
    "accepted_value",
    "accepted_source",
    "outlet",
    "source",
    "date",
    "url",
    "line",
    "claimer",
    "figure",
    "sentence",
];

/// A cell a spreadsheet shows as the text it is.
pub fn cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

pub fn report(items: &[Item]) -> anyhow::Result<String> {
    let mut w = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    w.write_record(HEADER)?;
    for (n, item) in items.iter().enumerate() {
        let none = [None];
        let rows: Box<dyn Iterator<Item = Option<&Evidence>>> = if item.evidence.is_empty() {
            Box::new(none.into_iter())
        } else {
            Box::new(item.evidence.iter().map(Some))
        };
        for e in rows {
            let opt = |f: fn(&Evidence) -> Option<String>| e.and_then(f).unwrap_or_default();
            let record = [
                (n + 1).to_string(),
                item.kind.as_str().to_string(),
                item.label.clone(),
                // Empty, not "-", for an item without one: a lone "-" would
                // be prefixed as a formula.
                item.verdict
                    .map_or(String::new(), |_| verdict_of(item).to_string()),
                item.status.as_str().to_string(),
                item.stale.to_string(),
                item.note.clone(),
                item.accepted_value.clone().unwrap_or_default(),
                item.accepted_source.clone().unwrap_or_default(),
                e.map_or(String::new(), |e| e.display.clone()),
                e.map_or(String::new(), |e| e.source.clone()),
                opt(|e| day(e.date.as_deref())),
                opt(|e| e.url.clone()),
                opt(|e| e.line.map(|l| l.to_string())),
                opt(|e| e.claimer.clone()),
                opt(|e| e.figure.clone()),
                e.map_or(String::new(), |e| e.sentence.clone()),
            ];
            w.write_record(record.iter().map(|c| cell(c)))?;
        }
    }
    Ok(String::from_utf8(w.into_inner()?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_defused_and_other_text_kept() {
        for s in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(cell(s), format!("'{s}"));
        }
        for s in ["10,000 troops", "", "a=b", " =1"] {
            assert_eq!(cell(s), s);
        }
    }
}

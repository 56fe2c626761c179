//! `crosscheck sources`: the loaded documents.

use super::json::print_json;
use super::style::Style;
use crate::CorpusArgs;
use crosscheck::Document;
use serde::Serialize;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

#[derive(Serialize)]
struct SourceRecord<'a> {
    source: &'a str,
    outlet: Option<&'a str>,
    outlet_from: Option<crosscheck::document::OutletEvidence>,
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    author: Option<&'a str>,
    paragraphs: usize,
    sentences: usize,
    warnings: &'a [String],
}

impl<'a> From<&'a Document> for SourceRecord<'a> {
    fn from(d: &'a Document) -> Self {
        SourceRecord {
            source: &d.source,
            outlet: d.outlet.as_deref(),
            outlet_from: d.outlet_from,
            title: d.title.as_deref(),
            date: d.date.as_deref(),
            url: d.url.as_deref(),
            author: d.author.as_deref(),
            paragraphs: d.paragraphs.len(),
            sentences: d.sentences.len(),
            warnings: &d.warnings,
        }
    }
}

pub fn run(args: &CorpusArgs, json: bool) -> anyhow::Result<ExitCode> {
    let corpus = args.load()?;
    if json {
        let records: Vec<SourceRecord> = corpus.documents.iter().map(SourceRecord::from).collect();
        print_json(&records)?;
    } else {
        super::print(&table(&corpus.documents, Style::detect(), terminal_width()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn terminal_width() -> Option<usize> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() {
        return None;
    }
    crossterm::terminal::size().ok().map(|(w, _)| w as usize)
}

/// The table for people. On a terminal, titles are cut to fit its width;
/// piped output keeps them whole.
fn table(docs: &[Document], style: Style, width: Option<usize>) -> String {
    let headers = ["SOURCE", "OUTLET", "DATE", "SENT", "TITLE"];
    let rows: Vec<[String; 5]> = docs
        .iter()
        .map(|d| {
            [
                d.source.clone(),
                d.outlet.clone().unwrap_or_else(|| "-".into()),
                d.date.clone().unwrap_or_else(|| "-".into()),
                d.sentences.len().to_string(),
                d.title.clone().unwrap_or_else(|| "(no headline)".into()),
            ]
        })
        .collect();
    let mut widths = headers.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let fixed: usize = widths[..4].iter().map(|w| w + 2).sum();
    let title_width = width.map(|w| w.saturating_sub(fixed).max(10));
    let mut out = String::new();
    let line = |cells: &[String; 5]| {
        let mut s = String::new();
        for (i, cell) in cells.iter().enumerate() {
            if i == 4 {
                s.push_str(&title_width.map_or_else(|| cell.clone(), |w| crate::fit::fit(cell, w)));
            } else if i == 3 {
                s.push_str(&format!("{:>w$}  ", cell, w = widths[i]));
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        s.trim_end().to_string()
    };
    out.push_str(&style.bold(&line(&headers.map(String::from))));
    out.push('\n');
    for (row, d) in rows.iter().zip(docs) {
        out.push_str(&line(row));
        out.push('\n');
        for w in &d.warnings {
            out.push_str(&format!("  {} {}\n", style.warn("warning:"), w));
        }
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();
    out.push_str(&style.dim(&format!(
        "{}, {}",
        super::count(docs.len(), "document"),
        super::count(sentences, "sentence")
    )));
    out.push('\n');
    out
}

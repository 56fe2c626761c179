//! `crosscheck search`: the finder's results on the command line.

use super::json::print_json;
use super::style::Style;
use crate::CorpusArgs;
use crosscheck::search;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct HitRecord<'a> {
    source: &'a str,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    line: usize,
    sentence: &'a str,
    score: i64,
    /// Char indices of the matched characters in `sentence`.
    indices: &'a [usize],
}

pub fn run(query: &str, args: &CorpusArgs, json: bool, limit: usize) -> anyhow::Result<ExitCode> {
    let corpus = args.load()?;
    let hits = search::search(&corpus, query, limit).hits;
    let records: Vec<HitRecord> = hits
        .iter()
        .map(|h| {
            let d = &corpus.documents[h.id.doc];
            HitRecord {
                source: &d.source,
                outlet: d.outlet.as_deref(),
                date: d.date.as_deref(),
                url: d.url.as_deref(),
                line: d.sentences[h.id.sentence].line,
                sentence: d.sentence_text(h.id.sentence),
                score: h.score,
                indices: &h.indices,
            }
        })
        .collect();
    if json {
        print_json(&records)?;
        return Ok(ExitCode::SUCCESS);
    }
    let style = Style::detect();
    let mut out = String::new();
    for r in &records {
        let mut text = String::new();
        let mut next = r.indices.iter().peekable();
        for (i, c) in r.sentence.chars().enumerate() {
            if next.peek() == Some(&&i) {
                next.next();
                text.push_str(&style.bold(&c.to_string()));
            } else {
                text.push(c);
            }
        }
        out.push_str(&format!("{}:{}: {}\n", style.dim(r.source), r.line, text));
    }
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}

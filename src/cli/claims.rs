//! `crosscheck claims`: the sentences that matter, each with who made it.

use super::json::print_json_analyzed;
use super::style::Style;
use crate::CorpusArgs;
use crosscheck::analysis::{self, Claim, DocAnalysis};
use crosscheck::{Corpus, Document};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct QuoteRecord<'a> {
    text: &'a str,
    speaker: Option<&'a str>,
}

#[derive(Serialize)]
struct ClaimRecord<'a> {
    source: &'a str,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    line: usize,
    sentence: &'a str,
    kinds: Vec<&'static str>,
    claimer: Option<&'a str>,
    claimer_role: Option<&'a str>,
    /// Every claimer of the sentence that governs part of it (not those
    /// inside another's reported clause), in order, without repeats.
    claimers: Vec<&'a str>,
    quotes: Vec<QuoteRecord<'a>>,
    figures: Vec<&'a str>,
}

fn record<'a>(doc: &'a Document, a: &'a DocAnalysis, c: &'a Claim) -> ClaimRecord<'a> {
    ClaimRecord {
        source: &doc.source,
        outlet: doc.outlet.as_deref(),
        date: doc.date.as_deref(),
        url: doc.url.as_deref(),
        line: doc.sentences[c.sentence].line,
        sentence: doc.sentence_text(c.sentence),
        kinds: c.kinds.iter().map(|k| k.as_str()).collect(),
        claimer: c.claimer.as_ref().map(|x| x.name.as_str()),
        claimer_role: c.claimer.as_ref().and_then(|x| x.role.as_deref()),
        claimers: a
            .attribution
            .sentences
            .get(c.sentence)
            .into_iter()
            .flatten()
            .filter(|x| !x.embedded)
            .fold(Vec::new(), |mut names, x| {
                if !names.contains(&x.claimer.name.as_str()) {
                    names.push(x.claimer.name.as_str());
                }
                names
            }),
        quotes: c
            .quotes
            .iter()
            .map(|&q| {
                let q = &a.attribution.quotes[q];
                QuoteRecord {
                    text: &q.text,
                    speaker: q.speaker.as_ref().map(|s| s.name.as_str()),
                }
            })
            .collect(),
        figures: c
            .figures
            .iter()
            .map(|&f| a.figures[f].figure.text.as_str())
            .collect(),
    }
}

pub fn run(args: &CorpusArgs, json: bool) -> anyhow::Result<ExitCode> {
    crosscheck::analysis::prepare();
    if json {
        print_json_analyzed(args, analysis::analyze_document, &|d, a, out| {
            a.claims.iter().try_for_each(|c| out.push(&record(d, a, c)))
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let corpus = args.load()?;
    let analysis = analysis::analyze(&corpus);
    super::print(&report(&corpus, &analysis, Style::detect()))?;
    Ok(ExitCode::SUCCESS)
}

fn report(corpus: &Corpus, analysis: &analysis::Analysis, style: Style) -> String {
    let mut out = String::new();
    let mut total = 0;
    for (d, a) in corpus.documents.iter().zip(&analysis.docs) {
        if a.claims.is_empty() {
            continue;
        }
        out.push_str(&style.bold(&super::heading(d)));
        out.push('\n');
        for c in &a.claims {
            let who = c
                .claimer
                .as_ref()
                .map_or("unattributed".to_string(), |x| match &x.role {
                    Some(role) => format!("{} ({role})", x.name),
                    None => x.name.clone(),
                });
            let kinds: Vec<&str> = c.kinds.iter().map(|k| k.as_str()).collect();
            out.push_str(&format!(
                "  L{:<4} {}  {}\n",
                d.sentences[c.sentence].line,
                style.bold(&who),
                style.dim(&format!("[{}]", kinds.join(", ")))
            ));
            out.push_str(&format!("        {}\n", d.sentence_text(c.sentence)));
            total += 1;
        }
        out.push('\n');
    }
    out.push_str(&style.dim(&format!(
        "{} in {}",
        super::count(total, "claim"),
        super::count(corpus.documents.len(), "document")
    )));
    out.push('\n');
    out
}

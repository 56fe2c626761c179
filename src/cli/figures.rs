//! `crosscheck figures`: every figure with its hedge, interval, measure and
//! claimer.

use super::{Style, print_json_analyzed};
use crate::CorpusArgs;
use crosscheck::analysis::{self, FoundFigure};
use crosscheck::document::ParagraphKind;
use crosscheck::format::describe;
use crosscheck::{Corpus, Document};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct FigureRecord<'a> {
    source: &'a str,
    outlet: Option<&'a str>,
    line: usize,
    sentence: &'a str,
    text: &'a str,
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    qualifier: &'static str,
    unit: Option<&'a str>,
    measure: &'a str,
    subject: Option<&'a str>,
    claimer: Option<&'a str>,
    claimer_role: Option<&'a str>,
    derived: bool,
    caption: bool,
}

fn record<'a>(doc: &'a Document, f: &'a FoundFigure) -> FigureRecord<'a> {
    let s = &doc.sentences[f.sentence];
    FigureRecord {
        source: &doc.source,
        outlet: doc.outlet.as_deref(),
        line: s.line,
        sentence: doc.sentence_text(f.sentence),
        text: &f.figure.text,
        value: f.figure.value,
        low: f.figure.low,
        high: f.figure.high,
        qualifier: f.figure.qualifier.as_str(),
        unit: f.figure.unit.as_deref(),
        measure: &f.figure.measure,
        subject: f.figure.subject.as_deref(),
        claimer: f.claimer.as_ref().map(|c| c.name.as_str()),
        claimer_role: f.claimer.as_ref().and_then(|c| c.role.as_deref()),
        derived: f.figure.derived,
        caption: s.kind == ParagraphKind::Caption,
    }
}

pub fn run(args: &CorpusArgs, json: bool) -> anyhow::Result<ExitCode> {
    if json {
        print_json_analyzed(args, &|d, a, out| {
            a.figures.iter().try_for_each(|f| out.push(&record(d, f)))
        })?;
        return Ok(ExitCode::SUCCESS);
    }
    let corpus = args.load()?;
    let analysis = analysis::analyze(&corpus);
    print!("{}", report(&corpus, &analysis, Style::detect()));
    Ok(ExitCode::SUCCESS)
}

fn report(corpus: &Corpus, analysis: &analysis::Analysis, style: Style) -> String {
    let mut out = String::new();
    let mut total = 0;
    for (d, a) in corpus.documents.iter().zip(&analysis.docs) {
        if a.figures.is_empty() {
            continue;
        }
        out.push_str(&style.bold(&super::heading(d)));
        out.push('\n');
        let rows: Vec<[String; 5]> = a
            .figures
            .iter()
            .map(|f| {
                let line = d.sentences[f.sentence].line;
                let derived = if f.figure.derived { " (derived)" } else { "" };
                [
                    format!("L{line}"),
                    describe(&f.figure),
                    format!("{}{derived}", f.figure.measure),
                    f.claimer.as_ref().map_or("-".into(), |c| c.name.clone()),
                    format!("“{}”", f.figure.text),
                ]
            })
            .collect();
        let mut widths = [0usize; 4];
        for r in &rows {
            for (w, c) in widths.iter_mut().zip(r) {
                *w = (*w).max(unicode_width::UnicodeWidthStr::width(c.as_str()));
            }
        }
        for r in rows {
            let mut line = String::from("  ");
            for (i, cell) in r.iter().enumerate() {
                let cell_style = match i {
                    1 => style.bold(cell),
                    4 => style.dim(cell),
                    _ => cell.clone(),
                };
                line.push_str(&cell_style);
                if i < 4 {
                    let pad = widths[i] - unicode_width::UnicodeWidthStr::width(cell.as_str()) + 2;
                    line.push_str(&" ".repeat(pad));
                }
            }
            out.push_str(line.trim_end());
            out.push('\n');
            total += 1;
        }
        out.push('\n');
    }
    out.push_str(&style.dim(&format!(
        "{} in {}",
        super::count(total, "figure"),
        super::count(corpus.documents.len(), "document")
    )));
    out.push('\n');
    out
}

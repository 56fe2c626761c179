//! `crosscheck figures`: every figure with its hedge, interval, measure and
//! claimer.

use super::json::{JsonElements, print_json_analyzed};
use super::style::Style;
use crate::CorpusArgs;
use crate::display::describe;
use crosscheck::analysis::{self, FoundFigure};
use crosscheck::document::ParagraphKind;
use crosscheck::{Corpus, Document};
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct FigureRecord<'a> {
    source: &'a str,
    outlet: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
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
    direction: Option<&'static str>,
    caption: bool,
}

fn record<'a>(doc: &'a Document, f: &'a FoundFigure) -> FigureRecord<'a> {
    let s = &doc.sentences[f.sentence];
    FigureRecord {
        source: &doc.source,
        outlet: doc.outlet.as_deref(),
        date: doc.date.as_deref(),
        url: doc.url.as_deref(),
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
        direction: f.figure.direction.map(|d| d.as_str()),
        caption: s.kind == ParagraphKind::Caption,
    }
}

impl FigureRecord<'_> {
    /// The bytes `out.push(self)` would write, written faster.
    fn write(&self, out: &mut JsonElements) {
        out.object(|o| {
            o.str("source", self.source);
            o.opt_str("outlet", self.outlet);
            o.opt_str("date", self.date);
            o.opt_str("url", self.url);
            o.uint("line", self.line);
            o.shared_str("sentence", self.sentence);
            o.str("text", self.text);
            o.float("value", self.value);
            o.opt_float("low", self.low);
            o.opt_float("high", self.high);
            o.str("qualifier", self.qualifier);
            o.opt_str("unit", self.unit);
            o.str("measure", self.measure);
            o.opt_str("subject", self.subject);
            o.opt_str("claimer", self.claimer);
            o.opt_str("claimer_role", self.claimer_role);
            o.bool("derived", self.derived);
            o.opt_str("direction", self.direction);
            o.bool("caption", self.caption);
        });
    }
}

pub fn run(args: &CorpusArgs, json: bool) -> anyhow::Result<ExitCode> {
    crosscheck::analysis::prepare();
    if json {
        print_json_analyzed(args, analysis::document_figures, &|d, figures, out| {
            figures.iter().for_each(|f| record(d, f).write(out));
            Ok(())
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
                let direction = f
                    .figure
                    .direction
                    .map_or(String::new(), |d| format!(" {}", d.as_str()));
                [
                    format!("L{line}"),
                    format!("{}{direction}", describe(&f.figure)),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn record<'a>(
        sentence: &'a str,
        low: Option<f64>,
        claimer: Option<&'a str>,
    ) -> FigureRecord<'a> {
        FigureRecord {
            source: "dir/a \"b\".txt",
            outlet: None,
            date: Some("2024-11-05"),
            url: None,
            line: 12,
            sentence,
            text: "10,000 troops",
            value: 10_000.0,
            low,
            high: Some(f64::NAN),
            qualifier: "about",
            unit: Some("km²"),
            measure: "troops",
            subject: None,
            claimer,
            claimer_role: Some("tab\there"),
            derived: true,
            direction: Some("down"),
            caption: false,
        }
    }

    #[test]
    fn hand_written_json_is_what_serde_writes() {
        let (long, odd) = ("x".repeat(15), "é\u{7f}".repeat(9));
        // Sentences long enough to be shared, one of them escaped.
        let shared = "Some 40 people, “and” 12 more. ".repeat(60);
        let escaped = "A \"quoted\" 7 km\n".repeat(80);
        let records = [
            record("Plain ASCII, 10,000 troops.", Some(9_500.5), Some("Kim")),
            record(
                "“Quoted” — 1.5e-7 of \"it\" \\ back\u{1}slash\n",
                None,
                None,
            ),
            record("", Some(f64::INFINITY), Some("Zelensky’s office")),
            record(&long, Some(-0.0), Some(&odd)),
            record(&shared, None, None),
            record(&shared, Some(1.0), None),
            record(&escaped, None, Some("Kim")),
            record(&escaped, None, None),
            record(&shared, None, None),
        ];
        let mut by_hand = JsonElements::default();
        let mut by_serde = JsonElements::default();
        for r in &records {
            r.write(&mut by_hand);
            by_serde.push(r).unwrap();
        }
        assert_eq!(
            String::from_utf8(by_hand.to_bytes()).unwrap(),
            String::from_utf8(by_serde.to_bytes()).unwrap()
        );
    }

    /// Issue 14: `figures --json` held each figure's sentence once per
    /// figure (a 254 KB sentence of figures took 6 GB before it was
    /// written); a long sentence is now held once per run of its figures.
    #[test]
    fn a_long_sentence_is_held_once_for_all_its_figures() {
        let sentence = "The counts were 1 people, 2 people and 3 people. ".repeat(100);
        let mut out = JsonElements::default();
        for _ in 0..1000 {
            record(&sentence, None, None).write(&mut out);
        }
        assert!(
            out.held() < 2 * sentence.len() + 1000 * 1024,
            "{} bytes held for 1,000 records of a {}-byte sentence",
            out.held(),
            sentence.len()
        );
        let written = String::from_utf8(out.to_bytes()).unwrap();
        assert_eq!(written.matches(sentence.as_str()).count(), 1000);
    }
}

//! The report as Markdown: one section per item, its status, note and
//! accepted value, then its sentences in publication order.

use super::{day, verdict_of};
use crate::cli::count;
use crate::cli::markdown::{link, md};
use crosscheck::findings::Item;
use crosscheck::store::TargetKind;
use std::fmt::Write as _;
use std::path::Path;

fn kind_name(k: TargetKind) -> &'static str {
    match k {
        TargetKind::FigureGroup => "figure group",
        TargetKind::StatementGroup => "statement group",
        TargetKind::Entry => "figure",
        TargetKind::Sentence => "sentence",
    }
}

/// The whole report; `workspace` is named at the top when given.
pub fn report(items: &[Item], workspace: Option<&Path>) -> String {
    let mut out = String::from("# Fact-check report\n\n");
    let disagreements = items.iter().filter(|i| i.is_disagreement()).count();
    let marked = items.iter().filter(|i| i.is_marked()).count();
    let stale = items.iter().filter(|i| i.stale).count();
    let _ = writeln!(
        out,
        "{}: {}, {marked} marked, {stale} stale.",
        count(items.len(), "item"),
        count(disagreements, "disagreement")
    );
    if let Some(w) = workspace {
        let _ = writeln!(
            out,
            "Workspace: `{}`",
            w.display().to_string().replace('`', "'")
        );
    }
    for (n, item) in items.iter().enumerate() {
        let mut heading = format!("{}. {} — {}", n + 1, md(&item.label), kind_name(item.kind));
        if item.verdict.is_some() {
            let _ = write!(heading, ", {}", verdict_of(item));
        }
        let _ = writeln!(out, "\n## {heading}\n");
        let _ = write!(out, "- Status: **{}**", item.status);
        if item.stale {
            out.push_str(" (stale: the article changed since it was marked)");
        }
        out.push('\n');
        if !item.note.is_empty() {
            let _ = writeln!(out, "- Note: {}", md(&item.note));
        }
        if let Some(v) = &item.accepted_value {
            let _ = write!(out, "- Accepted value: {}", md(v));
            if let Some(s) = &item.accepted_source {
                let _ = write!(out, " (source: {})", link(s, Some(s)));
            }
            out.push('\n');
        }
        if item.evidence.is_empty() {
            continue;
        }
        out.push_str(
            "\n| Outlet | Date | Line | Claimer | Figure | Sentence |\n|---|---|---|---|---|---|\n",
        );
        for e in &item.evidence {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                link(&e.display, e.url.as_deref()),
                md(&day(e.date.as_deref()).unwrap_or_else(|| "–".into())),
                e.line.map_or("–".to_string(), |l| l.to_string()),
                md(e.claimer.as_deref().unwrap_or("–")),
                md(e.figure.as_deref().unwrap_or("–")),
                md(&e.sentence),
            );
        }
    }
    out
}

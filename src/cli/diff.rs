//! `crosscheck diff`: the comparison report — figure groups with verdicts,
//! aligned statements with word diffs, and coverage — as text for people,
//! Markdown for a write-up, or one JSON value.

use super::markdown::{link, md};
use super::style::Style;
use crate::CorpusArgs;
use crate::display::{entry_value as value_of, spread as spread_of, statement_label, story_label};
use crate::fit::fit_words;
use crosscheck::compare::{
    self, Change, Comparison, DiffKind, FigureEntry, Op, StatementGroup, Story, Verdict, WordDiff,
};
use crosscheck::figures::{Direction, Figure};
use crosscheck::load::Input;
use crosscheck::{Corpus, cache};
use std::fmt::Write as _;
use std::process::ExitCode;
use unicode_width::UnicodeWidthStr;

pub fn run(
    args: &CorpusArgs,
    json: bool,
    markdown: bool,
    options: compare::Options,
    cache: bool,
) -> anyhow::Result<ExitCode> {
    crosscheck::analysis::prepare();
    let corpus = args.load()?;
    // No report needs the full analysis: each document is reduced to what
    // the comparison reads as soon as it is analyzed, the comparison frees
    // that as it goes, and the corpus is freed before writing.
    let facts = facts(&corpus, args, cache);
    if json {
        let cmp = compare::compare_facts_with(&corpus, facts, options);
        drop(corpus);
        super::json::print_json(&cmp)?;
        return Ok(ExitCode::SUCCESS);
    }
    // The reports show each figure as the extractor read it.
    let figures = facts.figures();
    let cmp = compare::compare_facts_with(&corpus, facts, options);
    drop(corpus);
    if markdown {
        super::print(&markdown_report(&cmp, &figures))?;
    } else {
        super::print(&text_report(&cmp, &figures, Style::detect()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Corpora smaller than this are analyzed faster than a cache file is
/// read and written, and are not cached.
const CACHE_MIN_DOCUMENTS: usize = 64;

/// The facts of every document, from the cache where it holds them (unless
/// `cache` is false or the corpus is small), printing the cache's warnings.
fn facts(corpus: &Corpus, args: &CorpusArgs, cache: bool) -> compare::Facts<'static> {
    let warn = |w: &str| super::to_stderr(&format!("crosscheck: warning: {w}\n"));
    let store = (cache && corpus.documents.len() >= CACHE_MIN_DOCUMENTS)
        .then(|| open_cache(args))
        .flatten();
    let Some((store, warning)) = store else {
        return compare::Facts::analyze(corpus);
    };
    if let Some(w) = warning {
        warn(&w);
    }
    let (facts, warning) = compare::Facts::analyze_cached(corpus, &store);
    if let Some(w) = warning {
        warn(&w);
    }
    facts
}

/// The cache file of the inputs `args` names: one per list of paths, in
/// [`cache::dir`]; None for the bundled seeds, when no cache folder is
/// known, or when it lies inside an input folder (nothing is ever written
/// into a corpus).
fn open_cache(args: &CorpusArgs) -> Option<(cache::Store, Option<String>)> {
    if !args.has_paths() {
        return None;
    }
    let dir = cache::dir()?;
    // The deepest part of the cache folder that exists, resolved, to
    // compare with the inputs.
    let resolved = dir.ancestors().find_map(|a| a.canonicalize().ok())?;
    let mut name = cache::Key::default();
    for input in args.inputs() {
        match input {
            Input::Stdin => name.bytes(b"-"),
            Input::Path(p) => {
                let p = p.canonicalize().ok()?;
                if resolved.starts_with(&p) {
                    return None;
                }
                name.bytes(p.to_string_lossy().as_bytes())
            }
        };
    }
    let name = format!("facts-{:016x}.bin", name.finish() as u64);
    cache::Store::open(&dir, &name, crosscheck::analysis::ANALYSIS_VERSION)
}

/// The figure an entry stands for.
fn figure_of<'a>(figures: &'a [Vec<Figure>], e: &FigureEntry) -> Option<&'a Figure> {
    figures.get(e.id.doc)?.get(e.figure)
}

fn flags(e: &FigureEntry) -> String {
    let mut f = Vec::new();
    if e.derived {
        f.push("derived");
    }
    if e.vague {
        f.push(if e.decides() {
            "vague"
        } else {
            "vague, not in verdict"
        });
    }
    if e.subject_inferred {
        f.push("subject from context");
    }
    if e.caption {
        f.push("caption");
    }
    if e.revision {
        f.push("states a new level");
    }
    match e.direction {
        Some(Direction::Up) => f.push("a rise"),
        Some(Direction::Down) => f.push("a fall"),
        None => {}
    }
    let mut f = f.join(", ");
    if !e.also_at.is_empty() {
        if !f.is_empty() {
            f.push_str(", ");
        }
        f.push_str(&format!("also at {}", e.also_at.len()));
    }
    f
}

/// "2017-03-26" for a date that can be read, else the date as given.
fn day_of(e: &FigureEntry) -> Option<String> {
    let date = e.date.as_deref()?;
    Some(crosscheck::date::parse(date).map_or_else(|| date.to_string(), |d| d.iso()))
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Aligned rows; the last column is not padded.
fn table(rows: &[Vec<String>], styles: &[fn(Style, &str) -> String], style: Style) -> String {
    let cols = rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut widths = vec![0usize; cols];
    for r in rows {
        for (w, c) in widths.iter_mut().zip(r) {
            *w = (*w).max(c.width());
        }
    }
    let mut out = String::new();
    for r in rows {
        let mut line = String::from("    ");
        for (i, cell) in r.iter().enumerate() {
            let painted = styles.get(i).map_or(cell.clone(), |f| f(style, cell));
            line.push_str(&painted);
            if i + 1 < r.len() {
                line.push_str(&" ".repeat(widths[i] - cell.width() + 2));
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// A diff with long equal runs shortened to a few words either side.
fn diff_text(changes: &[Change], style: Style, context: usize) -> String {
    let mut out = Vec::new();
    for (i, c) in changes.iter().enumerate() {
        match c.op {
            Op::Equal => {
                let words: Vec<&str> = c.text.split_whitespace().collect();
                let first = i == 0;
                let last = i + 1 == changes.len();
                let keep = |n: usize| words.len() > n;
                let text = if first && keep(context) {
                    format!("… {}", words[words.len() - context..].join(" "))
                } else if last && keep(context) {
                    format!("{} …", words[..context].join(" "))
                } else if !first && !last && keep(2 * context + 1) {
                    format!(
                        "{} … {}",
                        words[..context].join(" "),
                        words[words.len() - context..].join(" ")
                    )
                } else {
                    c.text.clone()
                };
                out.push(text);
            }
            Op::Delete => out.push(style.deleted(&format!("[-{}-]", c.text))),
            Op::Insert => out.push(style.inserted(&format!("{{+{}+}}", c.text))),
        }
    }
    out.join(" ")
}

fn diff_heading(g: &StatementGroup, d: &WordDiff) -> String {
    let (a, b) = (&g.entries[d.a], &g.entries[d.b]);
    let what = match (&d.speaker, d.kind) {
        (Some(s), DiffKind::Quote) => format!("quote of {s}"),
        (None, DiffKind::Quote) => "quote".to_string(),
        _ => "sentence".to_string(),
    };
    format!(
        "{} L{} → {} L{} ({what})",
        a.display, a.line, b.display, b.line
    )
}

/// " in 3 stories" when the corpus reports more than one event.
fn in_stories(cmp: &Comparison) -> String {
    if cmp.stories.len() > 1 {
        format!(" in {} stories", cmp.stories.len())
    } else {
        String::new()
    }
}

fn story_title(st: &Story) -> String {
    format!(
        "Story {}: {} — {}",
        st.id + 1,
        story_label(&st.label),
        plural(st.sources.len(), "source", "sources")
    )
}

/// The heading above the groups of one story.
fn story_heading(cmp: &Comparison, id: usize, style: Style) -> String {
    match cmp.stories.get(id) {
        Some(st) => format!("\n  {}\n", style.bold(&story_title(st))),
        None => String::new(),
    }
}

fn md_story_heading(cmp: &Comparison, id: usize) -> String {
    match cmp.stories.get(id) {
        Some(st) => format!("\n### {}\n", md(&story_title(st))),
        None => String::new(),
    }
}

/// The report for people.
pub fn text_report(cmp: &Comparison, figures: &[Vec<Figure>], style: Style) -> String {
    let mut out = String::new();
    if cmp.stories.len() > 1 {
        let _ = writeln!(
            out,
            "{}",
            style.bold(&format!("STORIES — {}", cmp.stories.len()))
        );
        for st in &cmp.stories {
            let _ = writeln!(out, "  {}", story_title(st));
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}",
        style.bold(&format!(
            "FIGURES — {}{}",
            plural(cmp.figures.len(), "group", "groups"),
            in_stories(cmp)
        ))
    );
    let mut story = None;
    for g in &cmp.figures {
        if story != Some(g.story.id) {
            story = Some(g.story.id);
            out.push_str(&story_heading(cmp, g.story.id, style));
        }
        let verdict = match g.verdict {
            Verdict::Conflict | Verdict::Revised => style.warn(&style.bold(g.verdict.as_str())),
            v => style.bold(v.as_str()),
        };
        let _ = writeln!(
            out,
            "\n  {}  {verdict}  {}  {}",
            style.bold(&g.label),
            spread_of(g),
            style.dim(&plural(g.sources, "source", "sources"))
        );
        // A date column only where some entry has a date.
        let dated = g.entries.iter().any(|e| e.date.is_some());
        let rows: Vec<Vec<String>> = g
            .entries
            .iter()
            .map(|e| {
                let mut row = vec![
                    value_of(e, figure_of(figures, e)),
                    format!("{} L{}", e.display, e.line),
                ];
                if dated {
                    row.push(day_of(e).unwrap_or_else(|| "-".into()));
                }
                row.extend([
                    e.claimer.as_deref().unwrap_or("-").to_string(),
                    e.scope.clone().unwrap_or_else(|| "-".into()),
                    flags(e),
                ]);
                row
            })
            .collect();
        let plain: fn(Style, &str) -> String = |_, s| s.to_string();
        let mut styles = vec![Style::bold as fn(Style, &str) -> String, plain];
        if dated {
            styles.push(Style::dim);
        }
        styles.extend([plain, Style::dim, Style::dim]);
        out.push_str(&table(&rows, &styles, style));
    }

    let _ = writeln!(
        out,
        "\n{}",
        style.bold(&format!(
            "STATEMENTS — {} reported by more than one source",
            plural(cmp.statements.len(), "statement", "statements")
        ))
    );
    let mut story = None;
    for (i, g) in cmp.statements.iter().enumerate() {
        if story != Some(g.story.id) {
            story = Some(g.story.id);
            out.push_str(&story_heading(cmp, g.story.id, style));
        }
        let mark = if g.quote_differs {
            format!("  {}", style.warn("quoted differently"))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "\n  {}. {}{mark}  {}",
            i + 1,
            style.bold(&statement_label(&g.label)),
            style.dim(&plural(g.sources, "source", "sources"))
        );
        for e in &g.entries {
            let _ = writeln!(
                out,
                "    {}  {}",
                style.bold(&format!("{} L{}", e.display, e.line)),
                e.sentence
            );
        }
        for d in g.diffs.iter().filter(|d| d.changed).take(3) {
            let _ = writeln!(out, "    {}", style.dim(&diff_heading(g, d)));
            let _ = writeln!(out, "      {}", diff_text(&d.changes, style, 4));
        }
    }

    let _ = writeln!(out, "\n{}", style.bold("COVERAGE"));
    for s in &cmp.coverage.sources {
        let list = if s.statements.is_empty() {
            "none".to_string()
        } else {
            s.statements
                .iter()
                .map(|i| (i + 1).to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            out,
            "  {}  story {}; shared statements: {list}; {} no other source reports",
            style.bold(&s.display),
            s.story + 1,
            plural(s.exclusive, "claim", "claims")
        );
    }
    if !cmp.coverage.exclusive.is_empty() {
        let _ = writeln!(out, "\n  {}", style.bold("Reported by one source only"));
        for e in &cmp.coverage.exclusive {
            let who = e
                .claimer
                .as_deref()
                .map_or(String::new(), |c| format!("{c}: "));
            let _ = writeln!(
                out,
                "    {}  {who}{}",
                style.bold(&format!("{} L{}", e.display, e.line)),
                fit_words(&e.sentence, 120)
            );
        }
    }
    out
}

/// The outlet, linked to the article when its URL is known.
fn md_outlet(e: &FigureEntry) -> String {
    link(&e.display, e.url.as_deref())
}

/// Changed words marked as ~~removed~~ **added**.
fn md_diff(changes: &[Change]) -> String {
    changes
        .iter()
        .map(|c| match c.op {
            Op::Equal => md(&c.text),
            Op::Delete => format!("~~{}~~", md(&c.text)),
            Op::Insert => format!("**{}**", md(&c.text)),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The report to paste into a write-up.
pub fn markdown_report(cmp: &Comparison, figures: &[Vec<Figure>]) -> String {
    let mut out = String::from("# Cross-source comparison\n");
    if !cmp.stories.is_empty() {
        out.push_str("\n## Stories\n\n| Story | Sources | Title |\n|---|---|---|\n");
        for st in &cmp.stories {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                st.id + 1,
                st.sources.len(),
                md(&story_label(&st.label))
            );
        }
    }
    out.push_str("\n## Figures\n");
    let mut story = None;
    for g in &cmp.figures {
        if story != Some(g.story.id) {
            story = Some(g.story.id);
            out.push_str(&md_story_heading(cmp, g.story.id));
        }
        let _ = writeln!(out, "\n#### {} — {}\n", md(&g.label), g.verdict.as_str());
        let _ = writeln!(
            out,
            "Spread: {} · {}\n",
            md(&spread_of(g)),
            plural(g.sources, "source", "sources")
        );
        out.push_str(
            "| Value | Outlet | Date | Line | Claimer | Scope | Figure as written | Notes |\n",
        );
        out.push_str("|---|---|---|---|---|---|---|---|\n");
        for e in &g.entries {
            let mut notes = md(&flags(e));
            if !e.also_at.is_empty() {
                let copies: Vec<String> = e.also_at.iter().map(|a| md(a)).collect();
                notes.push_str(&format!(" ({})", copies.join(", ")));
            }
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} | {} |",
                md(&value_of(e, figure_of(figures, e))),
                md_outlet(e),
                md(&day_of(e).unwrap_or_else(|| "–".into())),
                e.line,
                md(e.claimer.as_deref().unwrap_or("–")),
                md(e.scope.as_deref().unwrap_or("–")),
                md(&e.text),
                notes,
            );
        }
    }
    out.push_str("\n## Aligned statements\n");
    let mut story = None;
    for (i, g) in cmp.statements.iter().enumerate() {
        if story != Some(g.story.id) {
            story = Some(g.story.id);
            out.push_str(&md_story_heading(cmp, g.story.id));
        }
        let mark = if g.quote_differs {
            " (quoted differently)"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "\n#### {}. {}{mark}\n",
            i + 1,
            md(&statement_label(&g.label))
        );
        out.push_str("| Outlet | Line | Sentence |\n|---|---|---|\n");
        for e in &g.entries {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                md(&e.display),
                e.line,
                md(&e.sentence)
            );
        }
        let changed: Vec<&WordDiff> = g.diffs.iter().filter(|d| d.changed).collect();
        if !changed.is_empty() {
            out.push('\n');
        }
        for d in changed {
            let _ = writeln!(
                out,
                "- {}: {}",
                md(&diff_heading(g, d)),
                md_diff(&d.changes)
            );
        }
    }
    out.push_str("\n## Coverage\n\n| Outlet | Story | Shared statements | Claims no other source reports |\n|---|---|---|---|\n");
    for s in &cmp.coverage.sources {
        let list = s
            .statements
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&s.display),
            s.story + 1,
            if list.is_empty() { "–".into() } else { list },
            s.exclusive
        );
    }
    if !cmp.coverage.exclusive.is_empty() {
        out.push_str("\n### Reported by one outlet only\n\n");
        for e in &cmp.coverage.exclusive {
            let who = e
                .claimer
                .as_deref()
                .map_or(String::new(), |c| format!("{}: ", md(c)));
            let _ = writeln!(
                out,
                "- **{}** L{} — {who}{}",
                md(&e.display),
                e.line,
                md(&e.sentence)
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diff_text_marks_changes_and_elides_long_equal_runs() {
        let changes = compare::word_diff(
            "one two three four five six seven a new chapter of instability in the world today",
            "one two three four five six seven a new page of instability in the world today",
        );
        let t = diff_text(&changes, Style::plain(), 3);
        assert_eq!(t, "… seven a new [-chapter-] {+page+} of instability in …");
        assert_eq!(
            md_diff(&changes),
            "one two three four five six seven a new ~~chapter~~ **page** of instability in the world today"
        );
    }
}

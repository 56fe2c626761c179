//! `crosscheck report`: the fact-check findings — every disagreement and
//! every marked item — as Markdown for an editor, CSV for a spreadsheet,
//! JSON for scripts, or schema.org ClaimReview JSON-LD to publish. The
//! items come from the library ([`crosscheck::findings`]); this module
//! only writes them.
//!
//! | File | Format |
//! |---|---|
//! | `markdown.rs` | Markdown (also the TUI's export) |
//! | `csv.rs` | CSV, RFC 4180, safe to open in a spreadsheet |
//! | `claimreview.rs` | ClaimReview JSON-LD |

pub mod claimreview;
pub mod csv;
pub mod markdown;

use crate::CorpusArgs;
use crosscheck::compare;
use crosscheck::findings::{Item, findings};
use crosscheck::store::{MarkIndex, Store, location};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A Markdown report for an editor.
    Markdown,
    /// One row per sentence of each item, for a spreadsheet.
    Csv,
    /// One JSON array of items.
    Json,
    /// schema.org ClaimReview JSON-LD for the items marked confirmed,
    /// disputed or false.
    Claimreview,
}

/// What a report is made from, past the corpus.
pub struct Settings {
    pub format: Format,
    pub workspace: Option<PathBuf>,
    pub options: compare::Options,
    /// Who publishes a ClaimReview, and where.
    pub author: String,
    pub review_url: Option<String>,
}

pub fn run(args: &CorpusArgs, settings: &Settings) -> anyhow::Result<ExitCode> {
    // A named workspace that is not there is a mistake to report, not an
    // empty report; the default one is simply not made yet.
    if let Some(w) = &settings.workspace
        && !w.exists()
    {
        anyhow::bail!("{}: no such workspace", w.display());
    }
    let path = location::store_path(settings.workspace.as_deref(), &args.paths)?;
    crosscheck::analysis::prepare();
    let corpus = args.load()?;
    let (marks, story_edits) = read_workspace(&path)?;
    let facts = compare::Facts::analyze(&corpus);
    // The stories as the checker edited them, as the app shows them.
    let cmp = compare::compare_facts_edited(&corpus, facts, settings.options, &story_edits);
    let index = MarkIndex::new(marks, &corpus);
    let items = findings(&corpus, &cmp, &index);
    match settings.format {
        // A workspace not made yet is not named.
        Format::Markdown => super::print(&markdown::report(
            &items,
            Some(path.as_path()).filter(|p| p.exists()),
        )),
        Format::Csv => super::print(&csv::report(&items)?),
        Format::Json => super::json::print_json(&items),
        Format::Claimreview => super::json::print_json(&claimreview::reviews(
            &items,
            &settings.author,
            settings.review_url.as_deref(),
            crosscheck::date::Day::today(),
        )),
    }?;
    Ok(ExitCode::SUCCESS)
}

/// The marks and story edits of the store at `path`, none when it does
/// not exist yet.
pub fn read_workspace(
    path: &Path,
) -> anyhow::Result<(Vec<crosscheck::store::Mark>, Vec<compare::StoryEdit>)> {
    Ok(match Store::open_existing(path)? {
        Some(store) => (store.marks()?, store.story_edits()?),
        None => (Vec::new(), Vec::new()),
    })
}

/// "conflict", "agree", ... or "-" for an item without a verdict.
pub fn verdict_of(item: &Item) -> &'static str {
    // A revision is a conflict in reports, as in `diff --json`.
    item.verdict.map_or("-", |v| match v {
        compare::Verdict::Revised => "conflict",
        v => v.as_str(),
    })
}

/// "2024-11-06" for a date that reads as a day, else the date as given.
pub fn day(date: Option<&str>) -> Option<String> {
    let date = date?;
    Some(crosscheck::date::parse(date).map_or_else(|| date.to_string(), |d| d.iso()))
}

//! `crosscheck diff`: the comparison report.

use super::print_json;
use crate::CorpusArgs;
use crosscheck::{analysis, compare};
use std::process::ExitCode;

pub fn run(args: &CorpusArgs, json: bool, _markdown: bool) -> anyhow::Result<ExitCode> {
    let corpus = args.load()?;
    let analysis = analysis::analyze(&corpus);
    let cmp = compare::compare(&corpus, &analysis);
    if json {
        print_json(&cmp)?;
    }
    Ok(ExitCode::SUCCESS)
}

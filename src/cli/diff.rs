//! `crosscheck diff`: the comparison report.

use crate::CorpusArgs;
use std::process::ExitCode;

pub fn run(_args: &CorpusArgs, _json: bool, _markdown: bool) -> anyhow::Result<ExitCode> {
    anyhow::bail!("diff is not built yet")
}

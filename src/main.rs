//! The `crosscheck` binary: a thin CLI over the library.

mod cli;
mod display;
mod fit;
mod tui;

use clap::{Args, Parser, Subcommand};
use crosscheck::compare::Options as CompareOptions;
use crosscheck::load::{self, Input};
use std::path::PathBuf;
use std::process::ExitCode;

/// Analysis allocates many small strings from several threads; mimalloc
/// serves them faster than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Read news from several outlets side by side and see where they differ.
///
/// With no command, opens the reader on the articles; with no PATH, on the
/// five bundled seed articles. A PATH is a file (.txt, .md, .html, .json,
/// .jsonl), a folder (read recursively; hidden and unknown files skipped,
/// symbolic links inside it not followed) or `-` for standard input. A file
/// reached twice is read once.
#[derive(Parser, Debug)]
#[command(name = "crosscheck", version, args_conflicts_with_subcommands = true)]
#[command(after_help = "Exit status: 0 ok, 1 error (nothing could be loaded), 2 usage.")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    corpus: CorpusArgs,
    /// Capture the mouse for wheel scrolling (off by default, so text can be
    /// selected and copied).
    #[arg(long)]
    mouse: bool,
    /// Treat every input as a report of one event: one story, no clustering.
    #[arg(long)]
    one_story: bool,
    /// The workspace file marks and notes are kept in (share it with a
    /// team); by default one per corpus under $XDG_DATA_HOME/crosscheck/.
    #[arg(long, value_name = "FILE")]
    workspace: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List the loaded documents: outlet, title, date, sentences, warnings.
    Sources {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List every figure: value, hedge, interval, what it measures, who claims it.
    Figures {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON array instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the claims: sentences with a figure, a quote or an attribution.
    Claims {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON array instead of a report.
        #[arg(long)]
        json: bool,
    },
    /// Compare the sources: figure groups with verdicts, aligned statements
    /// with word diffs, and which outlet reports what.
    Diff {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON object instead of a report.
        #[arg(long, conflicts_with = "markdown")]
        json: bool,
        /// Print a Markdown report to paste into a write-up.
        #[arg(long)]
        markdown: bool,
        /// Treat every input as a report of one event: one story, no
        /// clustering (by default documents are clustered into stories and
        /// only compared within one).
        #[arg(long)]
        one_story: bool,
        /// Neither read nor write the analysis cache. By default each
        /// article's figures, claimers and quotes are kept in
        /// $XDG_CACHE_HOME/crosscheck/ (else ~/.cache/crosscheck/), one
        /// file per list of PATHs (about 9 KB per article), and reused
        /// while the article's text is unchanged; corpora of fewer than 64
        /// articles are not cached. The files can be deleted at any time.
        #[arg(long)]
        no_cache: bool,
    },
    /// Write the fact-check findings: every disagreement (a conflict
    /// verdict) and every item marked in the workspace, with outlet, date,
    /// URL, exact sentence, claimer, status, note and accepted value.
    #[command(after_help = "The marks are read from the corpus's workspace \
        ($XDG_DATA_HOME/crosscheck/, else ~/.local/share/crosscheck/; one file per set of \
        input paths, seeds.sqlite for the bundled seeds) or from --workspace FILE. \
        A report never writes to it.\n\n\
        Exit status: 0 ok, 1 error (nothing could be loaded, a workspace that cannot be \
        read), 2 usage.")]
    Report {
        #[command(flatten)]
        corpus: CorpusArgs,
        /// markdown for an editor, csv for a spreadsheet (formula-safe),
        /// json for scripts, claimreview for schema.org ClaimReview JSON-LD
        /// of the items marked confirmed, disputed or false.
        #[arg(long, value_enum, default_value = "markdown")]
        format: cli::report::Format,
        /// The workspace file the marks live in (shared by a team),
        /// instead of the corpus's own.
        #[arg(long, value_name = "FILE")]
        workspace: Option<PathBuf>,
        /// Treat every input as a report of one event.
        #[arg(long)]
        one_story: bool,
        /// The fact-checker publishing a ClaimReview (its `author`).
        #[arg(long, value_name = "NAME", default_value = "crosscheck")]
        author: String,
        /// Where the ClaimReview is published (its `url`).
        #[arg(long, value_name = "URL")]
        review_url: Option<String>,
    },
    /// Fuzzy-search every sentence of every source, best first.
    Search {
        /// Space-separated terms, each matched fuzzily (smart case).
        query: String,
        #[command(flatten)]
        corpus: CorpusArgs,
        /// Print one JSON array instead of a list.
        #[arg(long)]
        json: bool,
        /// How many hits to show.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
}

#[derive(Args, Debug, Clone)]
pub struct CorpusArgs {
    /// Files, folders or `-` (stdin). Default: the bundled seed articles.
    /// Symbolic links inside a folder are not followed; name a link's
    /// target to load it.
    #[arg(value_name = "PATH", value_parser = clap::value_parser!(PathBuf))]
    paths: Vec<PathBuf>,
    /// Skip files larger than this (bytes, or with K/M/G suffix).
    #[arg(
        long,
        value_name = "SIZE",
        default_value_t = Size(load::DEFAULT_MAX_FILE_SIZE),
        value_parser = parse_size
    )]
    max_file_size: Size,
}

/// A size in bytes, as `--max-file-size` takes it and `--help` shows its
/// default: in the largest of G, M and K that divides it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Size(u64);

impl std::fmt::Display for Size {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = self.0;
        match [(1 << 30, 'G'), (1 << 20, 'M'), (1 << 10, 'K')]
            .into_iter()
            .find(|&(unit, _)| n != 0 && n.is_multiple_of(unit))
        {
            Some((unit, suffix)) => write!(f, "{}{suffix}", n / unit),
            None => write!(f, "{n}"),
        }
    }
}

fn parse_size(s: &str) -> Result<Size, String> {
    let s = s.trim();
    let (digits, unit) = match s.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        Some((i, _)) => s.split_at(i),
        None => (s, ""),
    };
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a size (try 20M, 500K or 1G)"))?;
    let factor: u64 = match unit.to_ascii_uppercase().trim_end_matches('B') {
        "" => 1,
        "K" => 1 << 10,
        "M" => 1 << 20,
        "G" => 1 << 30,
        _ => return Err(format!("`{s}`: unknown size unit `{unit}` (use K, M or G)")),
    };
    n.checked_mul(factor)
        .map(Size)
        .ok_or_else(|| format!("`{s}` is too large"))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_exit(&e),
    };
    let result = match cli.command {
        Some(Command::Sources { corpus, json }) => cli::sources::run(&corpus, json),
        Some(Command::Figures { corpus, json }) => cli::figures::run(&corpus, json),
        Some(Command::Claims { corpus, json }) => cli::claims::run(&corpus, json),
        Some(Command::Diff {
            corpus,
            json,
            markdown,
            one_story,
            no_cache,
        }) => cli::diff::run(
            &corpus,
            json,
            markdown,
            CompareOptions { one_story },
            !no_cache,
        ),
        Some(Command::Report {
            corpus,
            format,
            workspace,
            one_story,
            author,
            review_url,
        }) => cli::report::run(
            &corpus,
            &cli::report::Settings {
                format,
                workspace,
                options: CompareOptions { one_story },
                author,
                review_url,
            },
        ),
        Some(Command::Search {
            query,
            corpus,
            json,
            limit,
        }) => cli::search::run(&query, &corpus, json, limit),
        None => tui::run(
            &cli.corpus,
            cli.mouse,
            CompareOptions {
                one_story: cli.one_story,
            },
            cli.workspace.as_deref(),
        ),
    };
    match result {
        Ok(code) => code,
        // `crosscheck figures | head -1` is normal use.
        Err(e) if cli::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            cli::error(&format!("{e:#}"));
            ExitCode::from(1)
        }
    }
}

/// Prints clap's help, version or usage error as `Error::exit` would, but
/// a failed write of help or version to stdout (a full disk) is reported
/// with status 1 rather than lost; a closed pipe is still a quiet success.
fn usage_exit(e: &clap::Error) -> ExitCode {
    use std::io::Write;
    let printed = e.print().and_then(|()| std::io::stdout().flush());
    match printed {
        Err(io) if !e.use_stderr() && io.kind() != std::io::ErrorKind::BrokenPipe => {
            cli::error(&format!("{:#}", cli::stdout_error(io)));
            ExitCode::from(1)
        }
        _ => ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2)),
    }
}

impl CorpusArgs {
    /// Loads the corpus the arguments name, printing every problem to
    /// stderr. Fails only when nothing at all could be loaded.
    pub fn load(&self) -> anyhow::Result<crosscheck::Corpus> {
        let Some(plan) = self.plan() else {
            return Ok(crosscheck::Corpus::seeds());
        };
        let mut documents = Vec::new();
        for loaded in plan.read(0..plan.len(), |loaded| loaded) {
            cli::report_problems(&loaded.problems);
            documents.extend(loaded.documents);
        }
        if documents.is_empty() {
            return Err(self.nothing_loaded());
        }
        Ok(crosscheck::Corpus { documents })
    }

    /// The files the paths name, with the problems of finding them already
    /// printed; `None` for the bundled seeds.
    pub fn plan(&self) -> Option<load::Plan> {
        if self.paths.is_empty() {
            return None;
        }
        let plan = load::plan(&self.inputs(), self.options());
        cli::report_problems(&plan.problems);
        Some(plan)
    }

    /// The loader's options the arguments set.
    pub fn options(&self) -> load::Options {
        load::Options {
            max_file_size: self.max_file_size.0,
        }
    }

    /// What the paths name: `-` is standard input.
    pub fn inputs(&self) -> Vec<Input> {
        self.paths.iter().map(Input::parse).collect()
    }

    /// Whether any path was given (else the bundled seeds are read).
    pub fn has_paths(&self) -> bool {
        !self.paths.is_empty()
    }

    pub fn nothing_loaded(&self) -> anyhow::Error {
        let shown: Vec<String> = self.paths.iter().map(|p| load::shown_path(p)).collect();
        anyhow::anyhow!("no documents loaded from {}", shown.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::{Size, parse_size};

    /// `--help` shows the default cap as it is typed, and what it shows
    /// parses back to the same size.
    #[test]
    fn size_shows_in_its_largest_unit_and_parses_back() {
        let default = Size(crosscheck::load::DEFAULT_MAX_FILE_SIZE);
        assert_eq!(default.to_string(), "20M");
        for (n, shown) in [
            (0, "0"),
            (1000, "1000"),
            (1536, "1536"),
            (2048, "2K"),
            (3 << 20, "3M"),
            (1 << 30, "1G"),
            ((1 << 30) + (1 << 20), "1025M"),
        ] {
            assert_eq!(Size(n).to_string(), shown);
            assert_eq!(parse_size(shown), Ok(Size(n)));
        }
        assert_eq!(parse_size(&default.to_string()), Ok(default));
    }
}

//! The corpus loader: files, folders and standard input in plain text,
//! Markdown, saved HTML, JSON and JSON Lines. Bad input becomes a problem
//! naming the file; it never panics and never stops the rest from loading.
//!
//! Here: what to load and the plan of files to read; `files` finds and
//! reads them, `decode` turns bytes into text, and `markdown`, `html` and
//! `json` parse their formats.

mod charset;
mod decode;
mod files;
mod format;
mod html;
mod json;
mod markdown;
mod nesting;
mod problem;

pub use format::Format;
pub use problem::{Problem, ProblemKind, RecordAt, Severity};

use crate::document::Document;
use crate::sanitize::escape;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

/// Stack size of the loader's threads. The HTML extractor recurses once a
/// level of element nesting; nesting is bounded before extraction (to
/// [`nesting::MAX_DEPTH`]), which takes well under a megabyte even in a
/// debug build, and this leaves room many times over for what the bound's
/// model of the parser misses. Only the pages touched is memory used.
const LOAD_STACK_SIZE: usize = 64 << 20;

/// The loader's own threads, with [`LOAD_STACK_SIZE`] stacks (the default
/// of rayon's global pool is 2 MB, and a single job would run on the
/// calling thread, whatever its stack). `None` if they cannot be had.
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new()
            .stack_size(LOAD_STACK_SIZE)
            .thread_name(|i| format!("crosscheck-load-{i}"))
            .build()
            .ok()
    })
    .as_ref()
}

/// Runs `work` on the loader's threads (see [`pool`]).
fn on_load_threads<R: Send>(work: impl FnOnce() -> R + Send) -> R {
    match pool() {
        Some(pool) => pool.install(work),
        None => work(),
    }
}

/// The default cap on one file's size.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub max_file_size: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_file_size: DEFAULT_MAX_FILE_SIZE,
        }
    }
}

/// What to load: a path (file or folder) or standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    /// `-` is standard input; anything else a path (which need not be
    /// UTF-8).
    pub fn parse(arg: impl AsRef<std::ffi::OsStr>) -> Input {
        let arg = arg.as_ref();
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// A path as the loader shows it (in `Document::source` and in problems):
/// control characters, bidi overrides and bytes that are not UTF-8 escaped,
/// as `\x1b` or `\xff`.
pub fn shown_path(path: &Path) -> String {
    files::shown(path)
}

#[derive(Debug, Default)]
pub struct Loaded {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
}

/// A file found for loading, with the format it will be read as.
struct Job {
    source: String,
    path: Option<PathBuf>,
    format: Option<Format>,
    /// Named on the command line (read whatever it is, as `cat` does), not
    /// found in a folder.
    named: bool,
}

/// How far a load has got, for a progress display on another thread.
#[derive(Debug, Default)]
pub struct LoadProgress {
    /// Files found to read (known once the folders are walked).
    pub total: AtomicUsize,
    /// Files read and parsed so far.
    pub done: AtomicUsize,
}

/// Loads every input in order. Folders are walked recursively in name order,
/// hidden entries and files of unknown type skipped.
pub fn load(inputs: &[Input], options: Options) -> Loaded {
    load_with_progress(inputs, options, &LoadProgress::default())
}

/// As [`load`], counting files into `progress` as they are done.
pub fn load_with_progress(inputs: &[Input], options: Options, progress: &LoadProgress) -> Loaded {
    let plan = plan(inputs, options);
    progress.total.store(plan.len(), Ordering::Relaxed);
    let results = plan.read(0..plan.len(), |loaded| {
        progress.done.fetch_add(1, Ordering::Relaxed);
        loaded
    });
    let mut loaded = Loaded {
        documents: Vec::new(),
        problems: plan.problems,
    };
    for r in results {
        loaded.documents.extend(r.documents);
        loaded.problems.extend(r.problems);
    }
    loaded
}

/// The files that inputs name, found but not yet read: [`Plan::read`] loads
/// any stretch of them, so a caller can stream a large corpus a chunk at a
/// time instead of holding all of it.
pub struct Plan {
    jobs: Vec<Job>,
    stdin: Option<Result<Vec<u8>, ProblemKind>>,
    options: Options,
    /// What went wrong while finding the files (missing paths, loops).
    pub problems: Vec<Problem>,
}

/// Walks the inputs (folders recursively, in name order, symbolic links
/// inside them not followed) and reads standard input if it is named; reads
/// no file. A file or folder reached twice (named twice, inside a folder
/// also named, through a link) is taken once, with a note.
pub fn plan(inputs: &[Input], options: Options) -> Plan {
    let mut plan = Plan {
        jobs: Vec::new(),
        stdin: None,
        options,
        problems: Vec::new(),
    };
    let mut seen = files::Seen::default();
    for input in inputs {
        match input {
            Input::Stdin if plan.stdin.is_some() => {
                plan.problems
                    .push(Problem::note("-", ProblemKind::StdinAgain));
            }
            Input::Stdin => {
                plan.jobs.push(Job {
                    source: "-".into(),
                    path: None,
                    format: None,
                    named: true,
                });
                plan.stdin = Some(files::read_capped(
                    std::io::stdin().lock(),
                    options.max_file_size,
                    0,
                ));
            }
            Input::Path(path) => {
                files::collect(path, &mut plan.jobs, &mut plan.problems, &mut seen);
            }
        }
    }
    plan
}

impl Plan {
    /// How many files there are to read.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }

    /// Reads and parses the files in `range` in parallel and hands each
    /// file's result to `each` on the worker thread; the results come back
    /// in file order. A file that cannot be read is a problem in its result.
    pub fn read<T: Send>(
        &self,
        range: std::ops::Range<usize>,
        each: impl Fn(Loaded) -> T + Sync,
    ) -> Vec<T> {
        let jobs = self.jobs.get(range).unwrap_or_default();
        on_load_threads(|| {
            jobs.par_iter()
                .map(|job| {
                    let bytes = match &job.path {
                        Some(path) => files::read_file(path, self.options.max_file_size, job.named),
                        None => self.stdin.clone().unwrap_or_else(|| Ok(Vec::new())),
                    };
                    each(match bytes {
                        Ok(bytes) => decode::parse(&job.source, &bytes, job.format),
                        Err(kind) => Loaded {
                            documents: Vec::new(),
                            problems: vec![Problem::warning(job.source.as_str(), kind)],
                        },
                    })
                })
                .collect()
        })
    }
}

/// Loads in-memory files by name (the bundled seeds, tests).
pub fn load_named<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Loaded {
    let files: Vec<(&str, &[u8])> = files.into_iter().collect();
    on_load_threads(|| {
        let mut loaded = Loaded::default();
        for (name, bytes) in files {
            let r = decode::parse(&escape(name), bytes, Format::from_path(Path::new(name)));
            loaded.documents.extend(r.documents);
            loaded.problems.extend(r.problems);
        }
        loaded
    })
}

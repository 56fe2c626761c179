//! The corpus loader: files, folders and standard input in plain text,
//! Markdown, saved HTML, JSON and JSON Lines. Bad input becomes a problem
//! naming the file; it never panics and never stops the rest from loading.

use crate::document::{self, Document, LineOrigin, Meta};
use crate::sanitize::escape;
use rayon::prelude::*;
use regex::Regex;
use serde_json::Value;
use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The default cap on one file's size.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 20 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file name's extension declares, if it is one we read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    /// Guesses the format of content with no telling name (stdin, a file
    /// named on the command line without a known extension).
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.contains("<body")
        {
            Format::Html
        } else if head.starts_with('[') {
            Format::Json
        } else if head.starts_with('{') {
            // One object a line is JSON Lines; one object over many lines is JSON.
            let mut lines = head.lines().filter(|l| !l.trim().is_empty());
            let first_is_whole = lines
                .next()
                .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok());
            if first_is_whole && lines.next().is_some() {
                Format::JsonLines
            } else {
                Format::Json
            }
        } else if head.starts_with("---\n") || head.starts_with("---\r\n") || head.starts_with("# ")
        {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// An input could not be read at all.
    Error,
    /// A file or record was skipped, or loaded with a defect.
    Warning,
}

/// Something wrong with one input, named by its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.path, self.message)
    }
}

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
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &str) -> Input {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
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
}

/// How far a load has got, for a progress display on another thread.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files found to read (known once the folders are walked).
    pub total: AtomicUsize,
    /// Files read and parsed so far.
    pub done: AtomicUsize,
}

/// Loads every input in order. Folders are walked recursively in name order,
/// hidden entries and files of unknown type skipped.
pub fn load(inputs: &[Input], options: Options) -> Loaded {
    load_with_progress(inputs, options, &Progress::default())
}

/// As [`load`], counting files into `progress` as they are done.
pub fn load_with_progress(inputs: &[Input], options: Options, progress: &Progress) -> Loaded {
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
    stdin: Option<Result<Vec<u8>, String>>,
    options: Options,
    /// What went wrong while finding the files (missing paths, loops).
    pub problems: Vec<Problem>,
}

/// Walks the inputs (folders recursively, in name order) and reads standard
/// input if it is named; reads no file.
pub fn plan(inputs: &[Input], options: Options) -> Plan {
    let mut plan = Plan {
        jobs: Vec::new(),
        stdin: None,
        options,
        problems: Vec::new(),
    };
    for input in inputs {
        match input {
            Input::Stdin => {
                plan.jobs.push(Job {
                    source: "-".into(),
                    path: None,
                    format: None,
                });
                if plan.stdin.is_none() {
                    plan.stdin = Some(read_capped(
                        std::io::stdin().lock(),
                        options.max_file_size,
                        0,
                    ));
                }
            }
            Input::Path(path) => collect(path, &mut plan.jobs, &mut plan.problems),
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
        jobs.par_iter()
            .map(|job| {
                let bytes = match &job.path {
                    Some(path) => read_file(path, self.options.max_file_size),
                    None => self.stdin.clone().unwrap_or_else(|| Ok(Vec::new())),
                };
                each(match bytes {
                    Ok(bytes) => parse(&job.source, &bytes, job.format),
                    Err(message) => Loaded {
                        documents: Vec::new(),
                        problems: vec![Problem {
                            severity: Severity::Warning,
                            path: job.source.clone(),
                            message,
                        }],
                    },
                })
            })
            .collect()
    }
}

/// Loads in-memory files by name (the bundled seeds, tests).
pub fn load_named<'a>(files: impl IntoIterator<Item = (&'a str, &'a [u8])>) -> Loaded {
    let mut loaded = Loaded::default();
    for (name, bytes) in files {
        let r = parse(&escape(name), bytes, Format::from_path(Path::new(name)));
        loaded.documents.extend(r.documents);
        loaded.problems.extend(r.problems);
    }
    loaded
}

fn collect(path: &Path, jobs: &mut Vec<Job>, problems: &mut Vec<Problem>) {
    let shown = shown(path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(Problem {
                severity: Severity::Error,
                path: shown,
                message: io_message(&e),
            });
            return;
        }
    };
    if !meta.is_dir() {
        // Named explicitly: read it whatever its extension says.
        jobs.push(Job {
            source: shown,
            path: Some(path.to_path_buf()),
            format: Format::from_path(path),
        });
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Some(format) = Format::from_path(e.path()) {
                    jobs.push(Job {
                        source: self::shown(e.path()),
                        path: Some(e.path().to_path_buf()),
                        format: Some(format),
                    });
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().map_or(shown.clone(), self::shown);
                let message = if let Some(ancestor) = e.loop_ancestor() {
                    format!("symlink loop back to {}, skipped", self::shown(ancestor))
                } else if let Some(io) = e.io_error() {
                    io_message(io)
                } else {
                    e.to_string()
                };
                problems.push(Problem {
                    severity: Severity::Warning,
                    path: at,
                    message,
                });
            }
        }
    }
}

/// A path as shown in `Document::source` and in problems: file names are
/// untrusted too, so controls and bidi overrides in them are escaped.
fn shown(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let s = e.to_string();
            // Drop the "(os error N)" tail: it helps nobody reading the message.
            s.split(" (os error").next().unwrap_or(&s).to_lowercase()
        }
    }
}

fn read_file(path: &Path, cap: u64) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| io_message(&e))?;
    let len = file.metadata().map_or(0, |meta| meta.len());
    if len > cap {
        return Err(too_large(len, cap));
    }
    // Room for the whole file and the read that finds its end: one read
    // call for the text instead of a dozen growing ones.
    read_capped(file, cap, len as usize + 1)
}

/// Reads at most `cap` bytes; more is an error, so a growing or endless file
/// (a pipe, /dev/zero) cannot exhaust memory.
fn read_capped(reader: impl Read, cap: u64, expected: usize) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    // Only a hint: if it can't be had, the read grows the buffer as it goes.
    let _ = bytes.try_reserve_exact(expected);
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() as u64 > cap {
        return Err(too_large(bytes.len() as u64, cap));
    }
    Ok(bytes)
}

fn too_large(len: u64, cap: u64) -> String {
    format!(
        "{} is over the size cap of {}, skipped (raise it with --max-file-size)",
        human_size(len),
        human_size(cap)
    )
}

fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        format!("{:.1} MB", bytes as f64 / MB)
    } else {
        format!("{bytes} bytes")
    }
}

/// Decodes and parses one file's bytes into documents.
fn parse(source: &str, bytes: &[u8], format: Option<Format>) -> Loaded {
    let mut loaded = Loaded::default();
    let warn = |message: String| Problem {
        severity: Severity::Warning,
        path: source.to_string(),
        message,
    };
    if let Some(at) = memchr::memchr(0, bytes) {
        loaded.problems.push(warn(format!(
            "binary file (NUL byte at offset {at}), skipped"
        )));
        return loaded;
    }
    let mut doc_warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            let w = format!(
                "invalid UTF-8 at byte {}; decoded with replacement characters",
                e.valid_up_to()
            );
            loaded.problems.push(warn(w.clone()));
            doc_warnings.push(w);
            String::from_utf8_lossy(bytes)
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        loaded.problems.push(warn("empty file, skipped".into()));
        return loaded;
    }
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    match format {
        Format::Text => loaded.documents.push(document::build(
            source.into(),
            &text,
            Meta::default(),
            LineOrigin::From(1),
            doc_warnings,
        )),
        Format::Markdown => loaded.documents.push(markdown(source, &text, doc_warnings)),
        Format::Html => match html(source, &text, doc_warnings) {
            Ok(doc) => loaded.documents.push(doc),
            Err(message) => loaded.problems.push(warn(message)),
        },
        Format::Json => json(source, &text, &doc_warnings, &mut loaded),
        Format::JsonLines => json_lines(source, &text, &doc_warnings, &mut loaded),
    }
    loaded
}

// ---------------------------------------------------------------- Markdown

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}#{1,6}\s+").expect("regex"));
static MD_QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}(>\s?)+").expect("regex"));
static MD_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}([-*_]\s*){3,}$").expect("regex"));
static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("regex"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("regex"));
static MD_STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__").expect("regex"));
static MD_EM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*([^*\s][^*]*)\*").expect("regex"));

/// Front matter fields, as web clippers write them.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct FrontMatter {
    title: Option<Value>,
    source: Option<Value>,
    site: Option<Value>,
    outlet: Option<Value>,
    url: Option<Value>,
    date: Option<Value>,
    published: Option<Value>,
    author: Option<Value>,
}

fn markdown(source: &str, text: &str, mut warnings: Vec<String>) -> Document {
    let text = text.trim_start_matches('\u{feff}');
    let (meta, body, first_line) = match split_front_matter(text) {
        Some((yaml, body, body_line)) => {
            let meta = match serde_norway::from_str::<FrontMatter>(yaml) {
                Ok(fm) => {
                    let outlet = fm.outlet.or(fm.site).or(fm.source);
                    let outlet = outlet.as_ref().and_then(value_text);
                    // A clipper's `source:` is often the page URL.
                    let (outlet, source_url) = match outlet {
                        Some(o) if o.starts_with("http://") || o.starts_with("https://") => {
                            (None, Some(o))
                        }
                        o => (o, None),
                    };
                    Meta {
                        title: fm.title.as_ref().and_then(value_text),
                        outlet,
                        url: fm.url.as_ref().and_then(value_text).or(source_url),
                        date: fm.date.or(fm.published).as_ref().and_then(value_text),
                        author: fm.author.as_ref().and_then(value_text),
                    }
                }
                Err(e) => {
                    warnings.push(format!("front matter is not valid YAML ({e}); ignored"));
                    Meta::default()
                }
            };
            (meta, body, body_line)
        }
        None => (Meta::default(), text, 1),
    };
    let plain: Vec<String> = body.split('\n').map(markdown_line).collect();
    document::build(
        source.into(),
        &plain.join("\n"),
        meta,
        LineOrigin::From(first_line),
        warnings,
    )
}

/// `---\n yaml \n---\n body`: (yaml, body, the body's first line number).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split('\n').enumerate() {
        let bare = line.trim_end_matches('\r');
        if bare == "---" || bare == "..." {
            let body_start = (offset + line.len() + 1).min(rest.len());
            return Some((&rest[..offset], &rest[body_start..], i + 3));
        }
        offset += line.len() + 1;
    }
    None
}

/// A Markdown line as plain text (one line in, one line out, so line
/// numbers still match the file).
fn markdown_line(line: &str) -> String {
    if MD_RULE.is_match(line) {
        return String::new();
    }
    let line = MD_HEADING.replace(line, "");
    let line = MD_QUOTE.replace(&line, "");
    let line = MD_IMAGE.replace_all(&line, "$1");
    let line = MD_LINK.replace_all(&line, "$1");
    let line = MD_STRONG.replace_all(&line, "$1$2");
    MD_EM.replace_all(&line, "$1").into_owned()
}

// -------------------------------------------------------------------- HTML

fn html(source: &str, text: &str, warnings: Vec<String>) -> Result<Document, String> {
    let result = rs_trafilatura::extract(text)
        .map_err(|e| format!("could not extract the article text: {e}"))?;
    if result.content_text.trim().is_empty() {
        return Err("no article text found in the page, skipped".into());
    }
    let m = result.metadata;
    let url = m.url.clone().or(m.hostname.clone());
    let meta = Meta {
        title: m.title,
        outlet: m.sitename.filter(|s| !s.trim().is_empty()),
        url,
        date: m.date.map(|d| d.date_naive().to_string()),
        author: m.author,
    };
    Ok(document::build(
        source.into(),
        &result.content_text,
        meta,
        LineOrigin::From(1),
        warnings,
    ))
}

// -------------------------------------------------------------------- JSON

const TEXT_KEYS: &[&str] = &[
    "text",
    "content",
    "body",
    "maintext",
    "article",
    "article_text",
];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const OUTLET_KEYS: &[&str] = &[
    "outlet",
    "source",
    "site",
    "site_name",
    "publisher",
    "source_domain",
];
const URL_KEYS: &[&str] = &["url", "link"];
const DATE_KEYS: &[&str] = &[
    "date",
    "date_publish",
    "published",
    "publishedAt",
    "published_at",
    "pubDate",
];
const AUTHOR_KEYS: &[&str] = &["author", "authors", "byline"];

/// A field's text: a string, a number, the `name` of an object (NewsAPI's
/// `source`), or a list of those joined (authors).
fn value_text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.trim().to_string(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => return o.get("name").and_then(value_text),
        Value::Array(items) => items
            .iter()
            .filter_map(value_text)
            .collect::<Vec<_>>()
            .join(", "),
        _ => return None,
    };
    (!s.is_empty()).then_some(s)
}

fn field(record: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter()
        .find_map(|k| record.get(*k).and_then(value_text))
}

/// One record as a document, or why it was skipped.
fn record(
    source: String,
    value: &Value,
    line: usize,
    warnings: &[String],
) -> Result<Document, String> {
    let Value::Object(obj) = value else {
        return Err("is not an object with a text field, skipped".into());
    };
    let Some(text) = field(obj, TEXT_KEYS) else {
        return Err(format!(
            "has no text (looked for {}), skipped",
            TEXT_KEYS.join("/")
        ));
    };
    let meta = Meta {
        title: field(obj, TITLE_KEYS),
        outlet: field(obj, OUTLET_KEYS),
        url: field(obj, URL_KEYS),
        date: field(obj, DATE_KEYS),
        author: field(obj, AUTHOR_KEYS),
    };
    Ok(document::build(
        source,
        &text,
        meta,
        LineOrigin::Fixed(line),
        warnings.to_vec(),
    ))
}

fn json(source: &str, text: &str, warnings: &[String], loaded: &mut Loaded) {
    let problem = |message: String| Problem {
        severity: Severity::Warning,
        path: source.to_string(),
        message,
    };
    let trimmed = text.trim_start_matches('\u{feff}');
    let offset = text.len() - trimmed.len();
    if !trimmed.trim_start().starts_with('[') {
        match serde_json::from_str::<Value>(trimmed) {
            Ok(v) => match record(
                source.to_string(),
                &v,
                line_of(text, offset + leading_ws(trimmed)),
                warnings,
            ) {
                Ok(doc) => loaded.documents.push(doc),
                Err(why) => loaded.problems.push(problem(format!("the record {why}"))),
            },
            Err(e) => loaded.problems.push(problem(format!(
                "{}:{}: malformed JSON: {}",
                e.line(),
                e.column(),
                json_error_text(&e)
            ))),
        }
        return;
    }
    // An array: parse element by element so one bad record costs only itself.
    let elements = match array_elements(text) {
        Ok(elements) => elements,
        Err((at, message)) => {
            let (line, col) = line_col(text, at);
            loaded
                .problems
                .push(problem(format!("{line}:{col}: malformed JSON: {message}")));
            return;
        }
    };
    for (n, range) in elements.into_iter().enumerate() {
        let slice = text[range.clone()].trim_start();
        let start = range.end - slice.len();
        let (line, col) = line_col(text, start);
        let name = format!("{source}#{}", n + 1);
        match serde_json::from_str::<Value>(slice) {
            Ok(v) => match record(name, &v, line, warnings) {
                Ok(doc) => loaded.documents.push(doc),
                Err(why) => loaded
                    .problems
                    .push(problem(format!("{line}:{col}: record {} {why}", n + 1))),
            },
            Err(e) => {
                let at = absolute(text, start, &e);
                loaded.problems.push(problem(format!(
                    "{}:{}: malformed JSON in record {}: {} (record skipped)",
                    at.0,
                    at.1,
                    n + 1,
                    json_error_text(&e)
                )));
            }
        }
    }
}

fn json_lines(source: &str, text: &str, warnings: &[String], loaded: &mut Loaded) {
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let problem = |message: String| Problem {
            severity: Severity::Warning,
            path: source.to_string(),
            message,
        };
        match serde_json::from_str::<Value>(line) {
            Ok(v) => match record(format!("{source}#{n}"), &v, n, warnings) {
                Ok(doc) => loaded.documents.push(doc),
                Err(why) => loaded
                    .problems
                    .push(problem(format!("{n}:1: the record {why}"))),
            },
            Err(e) => loaded.problems.push(problem(format!(
                "{n}:{}: malformed JSON: {} (record skipped)",
                e.column(),
                json_error_text(&e)
            ))),
        }
    }
}

/// serde_json's message without its own " at line L column C" tail (we print
/// the position ourselves, relative to the file).
fn json_error_text(e: &serde_json::Error) -> String {
    let s = e.to_string();
    s.rsplit_once(" at line ")
        .map_or(s.clone(), |(head, _)| head.to_string())
}

fn leading_ws(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

fn line_of(text: &str, offset: usize) -> usize {
    line_col(text, offset).0
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let head = &text[..offset.min(text.len())];
    let line = head.matches('\n').count() + 1;
    let line_start = head.rfind('\n').map_or(0, |p| p + 1);
    (line, head[line_start..].chars().count() + 1)
}

/// A serde_json error inside a slice starting at `start`, as a file position.
fn absolute(text: &str, start: usize, e: &serde_json::Error) -> (usize, usize) {
    let (line, col) = line_col(text, start);
    if e.line() <= 1 {
        (line, col + e.column().saturating_sub(1))
    } else {
        (line + e.line() - 1, e.column())
    }
}

/// Byte ranges of the top-level elements of a JSON array, found by a scan
/// that tracks strings and nesting without recursion (so no depth of nesting
/// can overflow the stack). The elements themselves are not validated here.
fn array_elements(text: &str) -> Result<Vec<std::ops::Range<usize>>, (usize, String)> {
    let bytes = text.as_bytes();
    let open = text.find('[').ok_or((0, "expected an array".to_string()))?;
    let mut elements = Vec::new();
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut start = open + 1;
    for (i, &b) in bytes.iter().enumerate().skip(open + 1) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => depth += 1,
            b']' | b'}' if depth > 0 => depth -= 1,
            b',' if depth == 0 => {
                elements.push(start..i);
                start = i + 1;
            }
            b']' => {
                if !text[start..i].trim().is_empty() {
                    elements.push(start..i);
                }
                let rest = text[i + 1..].trim();
                if !rest.is_empty() {
                    return Err((
                        i + 1 + leading_ws(&text[i + 1..]),
                        "trailing characters after the array".into(),
                    ));
                }
                return Ok(elements);
            }
            b'}' => return Err((i, "unmatched `}`".into())),
            _ => {}
        }
    }
    if !text[start..].trim().is_empty() {
        // The unterminated tail is reported by the element's own parse.
        elements.push(start..text.len());
    }
    Ok(elements)
}

//! What can go wrong with one input: a [`Problem`] names the file, says how
//! bad it is and what kind of thing went wrong ([`ProblemKind`]); the kind's
//! text is the message users read.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// An input could not be read at all.
    Error,
    /// A file or record was skipped, or loaded with a defect.
    Warning,
    /// Worth knowing, nothing wrong: an input named twice and read once,
    /// symbolic links in a folder not followed.
    Note,
}

/// Something wrong with one input, named by its path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    pub path: String,
    /// What went wrong, for a caller to act on.
    pub kind: ProblemKind,
    /// What went wrong, for people: the text of `kind`.
    pub message: String,
}

impl Problem {
    /// A problem with the input shown as `path`; its message is the kind's
    /// text.
    pub fn new(severity: Severity, path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem {
            severity,
            path: path.into(),
            message: kind.to_string(),
            kind,
        }
    }

    /// A [`Severity::Warning`] about the input shown as `path`.
    pub fn warning(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem::new(Severity::Warning, path, kind)
    }

    /// A [`Severity::Note`] about the input shown as `path`.
    pub fn note(path: impl Into<String>, kind: ProblemKind) -> Problem {
        Problem::new(Severity::Note, path, kind)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        write!(f, "{label}: {}: {}", self.path, self.message)
    }
}

/// The kinds of problem the loader meets. Each one's text (its `Display`)
/// is the message printed after the path; positions in JSON are 1-based
/// line and column (in characters) in the file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProblemKind {
    /// The path does not exist.
    #[error("no such file or directory")]
    NotFound,
    /// The path exists but may not be read.
    #[error("permission denied")]
    PermissionDenied,
    /// Any other failure to read or walk a path, in the system's words.
    #[error("{0}")]
    Unreadable(String),
    /// A folder's symlink leads back to one of its ancestors (shown as
    /// `ancestor`); the walk does not follow it.
    #[error("symlink loop back to {ancestor}, skipped")]
    SymlinkLoop { ancestor: String },
    /// A folder inside a kernel filesystem (`/proc`, `/sys`): endless and
    /// not articles, so not walked.
    #[error("a kernel filesystem (/proc, /sys), not read")]
    KernelFilesystem,
    /// Not a regular file where one was listed (a named pipe, a device, a
    /// socket, or a file swapped for a symbolic link since): not read, so a
    /// pipe with no writer cannot hang the load.
    #[error("not a regular file ({what}), skipped")]
    NotRegular { what: &'static str },
    /// The same file (by device and inode) as one already loaded, shown as
    /// `first`.
    #[error("same file as {first}, loaded once")]
    SameFile { first: String },
    /// The same folder (by device and inode) as one already read, shown as
    /// `first`.
    #[error("same folder as {first}, read once")]
    SameFolder { first: String },
    /// Standard input named more than once.
    #[error("standard input named again, read once")]
    StdinAgain,
    /// Symbolic links inside a folder are not followed (a link to `/` would
    /// walk the whole filesystem); `count` of them were passed by.
    #[error(
        "{count} symbolic link{} inside not followed (name a link's target to load it)",
        if *.count == 1 { "" } else { "s" }
    )]
    LinksNotFollowed { count: usize },
    /// The file (or standard input) holds more than the size cap.
    #[error(
        "{} is over the size cap of {}, skipped (raise it with --max-file-size)",
        human_size(*.len),
        human_size(*.cap)
    )]
    TooLarge { len: u64, cap: u64 },
    /// A NUL byte at `offset`: not text.
    #[error("binary file (NUL byte at offset {offset}), skipped")]
    Binary { offset: usize },
    /// Not UTF-8 from byte `valid_up_to` on; the file is still loaded, with
    /// replacement characters (so this is a defect, not a skip).
    #[error("invalid UTF-8 at byte {valid_up_to}; decoded with replacement characters")]
    NotUtf8 { valid_up_to: usize },
    /// `count` isolated NUL bytes, the first at `offset`, in text that is
    /// otherwise fine; each was replaced with U+FFFD and the file loaded.
    #[error(
        "{count} stray NUL byte{} (the first at offset {offset}) replaced with U+FFFD",
        if *.count == 1 { "" } else { "s" }
    )]
    StrayNul { count: usize, offset: usize },
    /// A saved page declares a charset (`<meta charset>`) that some of its
    /// bytes are not valid in; they were replaced.
    #[error(
        "bytes not valid in the page's declared charset {charset}; decoded with replacement characters"
    )]
    NotInCharset { charset: String },
    /// Nothing but whitespace.
    #[error("empty file, skipped")]
    Empty,
    /// The HTML extractor failed on the page.
    #[error("could not extract the article text: {0}")]
    HtmlExtraction(String),
    /// A page whose elements nest deeper than `limit` levels: the start
    /// tags that would have gone deeper (`ignored`) were left out before
    /// extraction; their text is kept.
    #[error(
        "HTML nested more than {limit} levels deep: {ignored} tags below that ignored (their text is kept)"
    )]
    TooDeep { ignored: usize, limit: usize },
    /// A page that leaves more than `limit` formatting elements (`b`, `i`,
    /// `font`, ...) open at once: the parser would repeat every one of them
    /// in each paragraph after, so the rest (`ignored`) were left out; their
    /// text is kept.
    #[error(
        "HTML leaves more than {limit} formatting tags open: {ignored} more ignored (their text is kept)"
    )]
    TooManyFormatting { ignored: usize, limit: usize },
    /// The page has no main text.
    #[error("no article text found in the page, skipped")]
    NoArticleText,
    /// A JSON file is not valid JSON at `line:column` (or, for an array,
    /// its outline is broken there); nothing was loaded from it.
    #[error("{line}:{column}: malformed JSON: {error}")]
    MalformedJson {
        line: usize,
        column: usize,
        error: String,
    },
    /// Element `record` (1-based) of a JSON array is not valid JSON at
    /// `line:column`; the other elements load.
    #[error("{line}:{column}: malformed JSON in record {record}: {error} (record skipped)")]
    MalformedRecord {
        line: usize,
        column: usize,
        record: usize,
        error: String,
    },
    /// Line `line` of a JSON Lines file is not valid JSON at `column`; the
    /// other lines load.
    #[error("{line}:{column}: malformed JSON: {error} (record skipped)")]
    MalformedLine {
        line: usize,
        column: usize,
        error: String,
    },
    /// A JSON record that is not an object.
    #[error("{at} is not an object with a text field, skipped")]
    NotAnObject { at: RecordAt },
    /// A JSON record holds `count` lone UTF-16 surrogate escapes (`\ud83d`
    /// without its pair, as text cut in the middle of an emoji leaves it);
    /// each became U+FFFD and the record loaded.
    #[error(
        "{at} has {count} lone surrogate escape{} (\\uD800-\\uDFFF without its pair), replaced with U+FFFD",
        if *.count == 1 { "" } else { "s" }
    )]
    LoneSurrogate { at: RecordAt, count: usize },
    /// A JSON record with none of the fields that hold article text.
    #[error("{at} has no text (looked for {}), skipped", super::json::TEXT_KEYS.join("/"))]
    NoText { at: RecordAt },
}

impl ProblemKind {
    /// Where in a JSON or JSON Lines file the problem is: 1-based line and
    /// column.
    pub fn position(&self) -> Option<(usize, usize)> {
        match self {
            ProblemKind::MalformedJson { line, column, .. }
            | ProblemKind::MalformedRecord { line, column, .. }
            | ProblemKind::MalformedLine { line, column, .. } => Some((*line, *column)),
            ProblemKind::NotAnObject { at }
            | ProblemKind::NoText { at }
            | ProblemKind::LoneSurrogate { at, .. } => at.position(),
            _ => None,
        }
    }
}

/// Which record of a JSON file a problem is about, as its message names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecordAt {
    /// The one record a JSON file holds.
    Whole,
    /// Element `index` (1-based) of a JSON array, starting at `line:column`.
    Element {
        line: usize,
        column: usize,
        index: usize,
    },
    /// The record on line `line` of a JSON Lines file.
    Line(usize),
}

impl RecordAt {
    fn position(self) -> Option<(usize, usize)> {
        match self {
            RecordAt::Whole => None,
            RecordAt::Element { line, column, .. } => Some((line, column)),
            RecordAt::Line(line) => Some((line, 1)),
        }
    }
}

impl fmt::Display for RecordAt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordAt::Whole => write!(f, "the record"),
            RecordAt::Element {
                line,
                column,
                index,
            } => write!(f, "{line}:{column}: record {index}"),
            RecordAt::Line(line) => write!(f, "{line}:1: the record"),
        }
    }
}

fn human_size(bytes: u64) -> String {
    const MB: f64 = 1024.0 * 1024.0;
    if bytes as f64 >= MB {
        format!("{:.1} MB", bytes as f64 / MB)
    } else {
        format!("{bytes} bytes")
    }
}

//! JSON and JSON Lines records as scrapers write them: text, title,
//! outlet, URL, date and author under their usual names. An array is parsed
//! element by element, so one bad record costs only itself.

use super::{Loaded, Problem, ProblemKind, RecordAt};
use crate::document::{self, Document, LineOrigin, Meta};
use serde_json::Value;
use std::borrow::Cow;

/// The fields that hold a record's text, in order of preference.
pub(super) const TEXT_KEYS: &[&str] = &[
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
pub(super) fn value_text(v: &Value) -> Option<String> {
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

/// One record as a document, or why it was skipped (`at` names the record
/// in the problem).
fn record(
    source: String,
    value: &Value,
    line: usize,
    at: RecordAt,
    warnings: &[String],
) -> Result<Document, ProblemKind> {
    let Value::Object(obj) = value else {
        return Err(ProblemKind::NotAnObject { at });
    };
    let Some(text) = field(obj, TEXT_KEYS) else {
        return Err(ProblemKind::NoText { at });
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

/// A JSON file: one record, or an array of records.
pub(super) fn parse(source: &str, text: &str, warnings: &[String], loaded: &mut Loaded) {
    let problem = |kind: ProblemKind| Problem::warning(source, kind);
    let trimmed = text.trim_start_matches('\u{feff}');
    let offset = text.len() - trimmed.len();
    if !trimmed.trim_start().starts_with('[') {
        let (fixed, lone) = repair_surrogates(trimmed);
        match serde_json::from_str::<Value>(&fixed) {
            Ok(v) => match record(
                source.to_string(),
                &v,
                line_of(text, offset + leading_ws(trimmed)),
                RecordAt::Whole,
                warnings,
            ) {
                Ok(doc) => push_record(loaded, source, doc, lone, RecordAt::Whole),
                Err(kind) => loaded.problems.push(problem(kind)),
            },
            Err(e) => loaded.problems.push(problem(ProblemKind::MalformedJson {
                line: e.line(),
                column: e.column(),
                error: json_error_text(&e),
            })),
        }
        return;
    }
    // An array: parse element by element so one bad record costs only itself.
    let elements = match array_elements(text) {
        Ok(elements) => elements,
        Err((at, error)) => {
            let (line, column) = line_col(text, at);
            loaded.problems.push(problem(ProblemKind::MalformedJson {
                line,
                column,
                error,
            }));
            return;
        }
    };
    // Elements come in file order: the position of each is found from the
    // one before, so the whole array costs one pass over the text.
    let mut at = Position::start();
    for (n, range) in elements.into_iter().enumerate() {
        let slice = text[range.clone()].trim_start();
        let start = range.end - slice.len();
        let (line, col) = at.advance_to(text, start);
        let name = format!("{source}#{}", n + 1);
        let (fixed, lone) = repair_surrogates(slice);
        match serde_json::from_str::<Value>(&fixed) {
            Ok(v) => {
                let at = RecordAt::Element {
                    line,
                    column: col,
                    index: n + 1,
                };
                match record(name, &v, line, at, warnings) {
                    Ok(doc) => push_record(loaded, source, doc, lone, at),
                    Err(kind) => loaded.problems.push(problem(kind)),
                }
            }
            Err(e) => {
                let (line, column) = absolute((line, col), &e);
                loaded.problems.push(problem(ProblemKind::MalformedRecord {
                    line,
                    column,
                    record: n + 1,
                    error: json_error_text(&e),
                }));
            }
        }
    }
}

/// A JSON Lines file: one record a line; blank lines are skipped.
pub(super) fn parse_lines(source: &str, text: &str, warnings: &[String], loaded: &mut Loaded) {
    for (i, line) in text.split('\n').enumerate() {
        let n = i + 1;
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() {
            continue;
        }
        let problem = |kind: ProblemKind| Problem::warning(source, kind);
        let (fixed, lone) = repair_surrogates(line);
        match serde_json::from_str::<Value>(&fixed) {
            Ok(v) => match record(format!("{source}#{n}"), &v, n, RecordAt::Line(n), warnings) {
                Ok(doc) => push_record(loaded, source, doc, lone, RecordAt::Line(n)),
                Err(kind) => loaded.problems.push(problem(kind)),
            },
            Err(e) => loaded.problems.push(problem(ProblemKind::MalformedLine {
                line: n,
                column: e.column(),
                error: json_error_text(&e),
            })),
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
    Position::start().advance_to(text, offset)
}

/// A serde_json error inside a slice that starts at file position `start`
/// (line and column), as a file position.
fn absolute(start: (usize, usize), e: &serde_json::Error) -> (usize, usize) {
    let (line, col) = start;
    if e.line() <= 1 {
        (line, col + e.column().saturating_sub(1))
    } else {
        (line + e.line() - 1, e.column())
    }
}

/// A 1-based line and column (in characters) at a byte offset, moved
/// forward through the text: each step scans only the bytes it passes, so
/// positions of many elements cost one pass in all (finding each from the
/// file's start made a large array quadratic).
#[derive(Debug, Clone, Copy)]
struct Position {
    offset: usize,
    line: usize,
    column: usize,
}

impl Position {
    fn start() -> Position {
        Position {
            offset: 0,
            line: 1,
            column: 1,
        }
    }

    /// Moves to `offset` (at or after the current one; an earlier offset
    /// leaves the position where it is) and returns its line and column.
    fn advance_to(&mut self, text: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(text.len());
        if offset > self.offset {
            let passed = &text.as_bytes()[self.offset..offset];
            match memchr::memrchr(b'\n', passed) {
                Some(last) => {
                    self.line += memchr::memchr_iter(b'\n', passed).count();
                    self.column = chars_in(&passed[last + 1..]) + 1;
                }
                None => self.column += chars_in(passed),
            }
            self.offset = offset;
        }
        (self.line, self.column)
    }
}

/// Characters in a stretch of UTF-8 (whole or cut mid-character): the bytes
/// that start one.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
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

/// A loaded record's document, with a warning naming the record when lone
/// surrogate escapes in it were repaired.
fn push_record(loaded: &mut Loaded, source: &str, mut doc: Document, lone: usize, at: RecordAt) {
    if lone > 0 {
        let problem = Problem::warning(source, ProblemKind::LoneSurrogate { at, count: lone });
        doc.warnings.push(problem.message.clone());
        loaded.problems.push(problem);
    }
    loaded.documents.push(doc);
}

/// JSON text with every lone UTF-16 surrogate escape (`\ud83d` without its
/// pair, as scraped text cut in the middle of an emoji leaves it, which
/// serde_json refuses) rewritten as `\ufffd`, and how many there were.
/// Escapes are read pairwise from the start, so an escaped backslash
/// (`\\ud83d`, a backslash and "ud83d") is left alone; the text keeps its
/// length, so positions in it still hold.
fn repair_surrogates(text: &str) -> (Cow<'_, str>, usize) {
    let b = text.as_bytes();
    let hex4 = |at: usize| -> Option<u32> {
        let digits = std::str::from_utf8(b.get(at..at + 4)?).ok()?;
        digits
            .bytes()
            .all(|c| c.is_ascii_hexdigit())
            .then(|| u32::from_str_radix(digits, 16).ok())?
    };
    let escape_at = |at: usize| -> Option<u32> {
        (b.get(at) == Some(&b'\\') && b.get(at + 1) == Some(&b'u'))
            .then(|| hex4(at + 2))
            .flatten()
    };
    let mut out = String::new();
    let mut copied = 0;
    let mut count = 0;
    let mut i = 0;
    while let Some(found) = b.get(i..).and_then(|rest| memchr::memchr(b'\\', rest)) {
        let at = i + found;
        let Some(unit) = escape_at(at) else {
            // Any other escape: the backslash and the character it escapes.
            i = at + 2;
            continue;
        };
        i = at + 6;
        let lone = match unit {
            0xD800..=0xDBFF => match escape_at(at + 6) {
                Some(0xDC00..=0xDFFF) => {
                    i = at + 12;
                    false
                }
                _ => true,
            },
            0xDC00..=0xDFFF => true,
            _ => false,
        };
        if lone {
            out.push_str(&text[copied..at]);
            out.push_str("\\ufffd");
            copied = at + 6;
            count += 1;
        }
    }
    if count == 0 {
        return (Cow::Borrowed(text), 0);
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), count)
}

#[cfg(test)]
mod tests {
    use super::{Position, repair_surrogates};

    #[test]
    fn lone_surrogate_escapes_become_replacement_escapes() {
        let cases = [
            (r#""cut \ud83d""#, r#""cut \ufffd""#, 1),
            (r#""\uDE00 low first""#, r#""\ufffd low first""#, 1),
            (
                r#""pair \ud83d\ude00 kept""#,
                r#""pair \ud83d\ude00 kept""#,
                0,
            ),
            (r#""\ud83d\ud83d\ude00""#, r#""\ufffd\ud83d\ude00""#, 1),
            (r#""\ud83d\n""#, r#""\ufffd\n""#, 1),
            // An escaped backslash then "ud83d" is text, not an escape.
            (r#""\\ud83d""#, r#""\\ud83d""#, 0),
            (r#""\\\ud83d""#, r#""\\\ufffd""#, 1),
            (r#""\ud8""#, r#""\ud8""#, 0),
            ("\\", "\\", 0),
            ("", "", 0),
        ];
        for (input, want, n) in cases {
            let (got, count) = repair_surrogates(input);
            assert_eq!((got.as_ref(), count), (want, n), "{input}");
            assert_eq!(got.len(), input.len());
        }
    }

    /// Line and column found from the start, as the loader once did for
    /// every element.
    fn from_start(text: &str, offset: usize) -> (usize, usize) {
        let head = &text[..offset];
        let line = head.matches('\n').count() + 1;
        let line_start = head.rfind('\n').map_or(0, |p| p + 1);
        (line, head[line_start..].chars().count() + 1)
    }

    #[test]
    fn position_carried_forward_matches_a_scan_from_the_start() {
        let text = "[\n {\"a\": \"é—x\"},\n\n  {\"b\": \"日本\"}, {\"c\": 1}\n]\n";
        let mut at = Position::start();
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                at.advance_to(text, offset),
                from_start(text, offset),
                "{offset}"
            );
        }
        // Going back is refused: the position stays where it is.
        assert_eq!(at.advance_to(text, 3), from_start(text, text.len()));
    }
}

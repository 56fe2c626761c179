//! Markdown, as web clippers save articles: YAML front matter for the
//! metadata, and the body read by a CommonMark parser (pulldown-cmark) whose
//! text is put back on the lines it came from, so line numbers still match
//! the file. Cleaning only drops markup: it never joins or reorders the
//! article's characters.

use super::json::value_text;
use crate::document::{self, Document, LineOrigin, Meta};
use crate::sanitize::escape;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde::Deserialize;
use serde_json::Value;
use std::borrow::Cow;

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

/// A Markdown file as one document, its front matter as metadata.
pub(super) fn parse(source: &str, text: &str, mut warnings: Vec<String>) -> Document {
    let text = normalize_newlines(text.trim_start_matches('\u{feff}'));
    let (meta, body, first_line) = match split_front_matter(&text) {
        Some((yaml, body, body_line)) => (front_matter(yaml, &mut warnings), body, body_line),
        None => (Meta::default(), &text[..], 1),
    };
    document::build(
        source.into(),
        &plain_text(body, first_line, &mut warnings),
        meta,
        LineOrigin::From(first_line),
        warnings,
    )
}

/// `\r\n` and a lone `\r` (old Mac files) as `\n`, so the front matter's
/// fences and the line numbers are found in any of them.
fn normalize_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// `---\n yaml \n---\n body`: (yaml, body, the body's first line number).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text.strip_prefix("---\n")?;
    let mut offset = 0;
    for (i, line) in rest.split('\n').enumerate() {
        if line == "---" || line == "..." {
            let body_start = (offset + line.len() + 1).min(rest.len());
            return Some((&rest[..offset], &rest[body_start..], i + 3));
        }
        offset += line.len() + 1;
    }
    None
}

/// The metadata the front matter states. YAML the fields cannot be read
/// from as a whole (a custom tag such as `date: !custom 2024-01-01` on one
/// field) is read field by field: a tag is dropped and its value kept, a
/// field that still cannot be read is dropped, each with a warning naming
/// the field; only YAML that does not parse at all loses them all.
fn front_matter(yaml: &str, warnings: &mut Vec<String>) -> Meta {
    let fm = match serde_norway::from_str::<FrontMatter>(yaml) {
        Ok(fm) => fm,
        Err(e) => match field_by_field(yaml, warnings) {
            Some(fm) => fm,
            None => {
                warnings.push(format!("front matter is not valid YAML ({e}); ignored"));
                return Meta::default();
            }
        },
    };
    let outlet = fm.outlet.or(fm.site).or(fm.source);
    let outlet = outlet.as_ref().and_then(value_text);
    // A clipper's `source:` is often the page URL.
    let (outlet, source_url) = match outlet {
        Some(o) if o.starts_with("http://") || o.starts_with("https://") => (None, Some(o)),
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

/// The fields of front matter that parses as a YAML mapping, each read on
/// its own; `None` when it is not one.
fn field_by_field(yaml: &str, warnings: &mut Vec<String>) -> Option<FrontMatter> {
    let serde_norway::Value::Mapping(map) = serde_norway::from_str(yaml).ok()? else {
        return None;
    };
    let mut field = |name: &str| -> Option<Value> {
        let mut tags = Vec::new();
        let value = untag(map.get(name)?.clone(), &mut tags);
        if !tags.is_empty() {
            warnings.push(format!(
                "front matter field `{name}`: YAML tag {} ignored",
                escape(&tags.join(", "))
            ));
        }
        match Value::deserialize(value) {
            Ok(v) => Some(v),
            Err(e) => {
                warnings.push(format!(
                    "front matter field `{name}` could not be read ({e}); ignored"
                ));
                None
            }
        }
    };
    Some(FrontMatter {
        title: field("title"),
        source: field("source"),
        site: field("site"),
        outlet: field("outlet"),
        url: field("url"),
        date: field("date"),
        published: field("published"),
        author: field("author"),
    })
}

/// A YAML value without its tags (collected into `tags`).
fn untag(value: serde_norway::Value, tags: &mut Vec<String>) -> serde_norway::Value {
    use serde_norway::Value as Y;
    match value {
        Y::Tagged(t) => {
            tags.push(t.tag.to_string());
            untag(t.value, tags)
        }
        Y::Sequence(items) => Y::Sequence(items.into_iter().map(|v| untag(v, tags)).collect()),
        Y::Mapping(map) => Y::Mapping(
            map.into_iter()
                .map(|(k, v)| (untag(k, tags), untag(v, tags)))
                .collect(),
        ),
        v => v,
    }
}

/// Bodies up to this size (any real article) are parsed whole; a larger
/// one is parsed a stretch of paragraphs at a time, so the parser's tree
/// (50 to 150 bytes for each byte of hostile input such as a megabyte of
/// `>` or `*a `) never holds more than a stretch.
const WHOLE_BODY: usize = 512 << 10;
/// A stretch is cut at the last blank line within this many bytes.
const STRETCH: usize = 64 << 10;
/// A stretch with no blank line for longer than this (no article has such a
/// paragraph) is kept as it is written, markup and all.
const MAX_STRETCH: usize = 256 << 10;

/// The body's text without its markup, line for line (see [`clean`]); a
/// large body a stretch at a time, cut at blank lines.
fn plain_text(body: &str, first_line: usize, warnings: &mut Vec<String>) -> String {
    if body.len() <= WHOLE_BODY {
        return clean(body);
    }
    let mut out = String::with_capacity(body.len());
    let mut start = 0;
    let mut line = first_line;
    while start < body.len() {
        let end = stretch_end(body, start);
        let stretch = &body[start..end];
        if stretch.len() > MAX_STRETCH {
            warnings.push(format!(
                "Markdown paragraph of {} KB at line {line} is kept as written, markup and all",
                stretch.len() >> 10
            ));
            out.push_str(stretch);
        } else {
            out.push_str(&clean(stretch));
        }
        line += memchr::memchr_iter(b'\n', stretch.as_bytes()).count();
        start = end;
    }
    out
}

/// Where the stretch from `start` ends: just after the last blank line
/// within [`STRETCH`] bytes, or failing one, the first blank line after
/// them, or the body's end.
fn stretch_end(body: &str, start: usize) -> usize {
    let b = body.as_bytes();
    let limit = (start + STRETCH).min(b.len());
    if limit == b.len() {
        return limit;
    }
    if let Some(p) = memchr::memmem::rfind(&b[start..limit], b"\n\n") {
        return start + p + 2;
    }
    let mut at = limit;
    // The rest of the line `at` falls in, then line by line to a blank one.
    while let Some(nl) = memchr::memchr(b'\n', &b[at..]) {
        let next = at + nl + 1;
        let line_end = memchr::memchr(b'\n', &b[next..]).map_or(b.len(), |n| next + n);
        if body[next..line_end].trim().is_empty() {
            return (line_end + 1).min(b.len());
        }
        at = next;
    }
    b.len()
}

/// The text without its markup, each piece on the line of the file
/// it came from (one line out for each line in). Headings' `#`, quotes'
/// `>`, emphasis markers, fences, link targets and reference definitions
/// go; link text, images' alt text, code and raw HTML stay as text, list
/// markers stay as written. An emphasis whose marker stands between two
/// letters or digits (`2*3 km and 4*5 km`, which CommonMark reads as
/// emphasis) keeps its markers, so no two characters are ever joined.
fn clean(body: &str) -> String {
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(memchr::memchr_iter(b'\n', body.as_bytes()).map(|i| i + 1))
        .collect();
    let mut lines = vec![String::new(); line_starts.len()];
    let mut put = |at: std::ops::Range<usize>, piece: &str| {
        let first = line_starts.partition_point(|&s| s <= at.start) - 1;
        let spans_lines = body.get(at).unwrap_or("").matches('\n').count();
        if !piece.contains('\n') {
            lines[first].push_str(piece);
        } else if piece.matches('\n').count() == spans_lines {
            // A code block's or HTML block's lines, each on its own line.
            for (k, part) in piece.split('\n').enumerate() {
                if let Some(line) = lines.get_mut(first + k) {
                    line.push_str(part);
                }
            }
        } else {
            // A newline the source does not have (`&#10;`): a space.
            lines[first].push_str(&piece.replace('\n', " "));
        }
    };
    // For each open emphasis: the length of its markers, and whether they
    // are kept as text.
    let mut open: Vec<(usize, bool)> = Vec::new();
    for (event, range) in Parser::new_ext(body, Options::empty()).into_offset_iter() {
        match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                put(range, &t);
            }
            Event::Start(Tag::Item) => {
                let item = &body[range.start..];
                // A nested item's range starts at its line's indentation.
                let at = range.start + (item.len() - item.trim_start_matches([' ', '\t']).len());
                let marker = list_marker(&body[at..]);
                put(at..at + marker.len(), marker);
            }
            Event::Start(tag @ (Tag::Emphasis | Tag::Strong)) => {
                let n = if matches!(tag, Tag::Strong) { 2 } else { 1 };
                let keep = range.len() >= 2 * n
                    && (between_words(body, range.start, n)
                        || between_words(body, range.end - n, n));
                if keep {
                    put(
                        range.start..range.start + n,
                        &body[range.start..range.start + n],
                    );
                }
                open.push((n, keep));
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong) => {
                if let Some((n, true)) = open.pop() {
                    put(range.end - n..range.end, &body[range.end - n..range.end]);
                }
            }
            _ => {}
        }
    }
    lines.join("\n")
}

/// True when the emphasis marker at `at..at + n` is part of a run of `*`
/// and `_` with a letter or digit on both sides: dropping it would join
/// them.
fn between_words(body: &str, at: usize, n: usize) -> bool {
    let is_marker = |c: char| c == '*' || c == '_';
    let (Some(before), Some(after)) = (body.get(..at), body.get(at + n..)) else {
        return false;
    };
    let before = before.trim_end_matches(is_marker).chars().next_back();
    let after = after.trim_start_matches(is_marker).chars().next();
    before.is_some_and(char::is_alphanumeric) && after.is_some_and(char::is_alphanumeric)
}

/// The marker a list item starts with (`- `, `* `, `1. `, `10) `) and the
/// spaces after it on its line, as written.
fn list_marker(item: &str) -> &str {
    let b = item.as_bytes();
    let mut end = match b.first() {
        Some(b'-' | b'*' | b'+') => 1,
        Some(c) if c.is_ascii_digit() => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            match b.get(digits) {
                Some(b'.' | b')') => digits + 1,
                _ => return "",
            }
        }
        _ => return "",
    };
    end += b[end..]
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    &item[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_goes_and_every_line_stays_a_line() {
        let body = "# Head\n\nThe **ministry** said *on* _Monday_ [it](http://x.org) had `5,000`.\n- item one\n    - nested\n1. first\n> quote **x\n> y**\n\n```\ncode\n```\n[1]: http://ref\n";
        assert_eq!(
            clean(body),
            "Head\n\nThe ministry said on Monday it had 5,000.\n- item one\n- nested\n1. first\nquote x\ny\n\n\ncode\n\n\n"
        );
    }

    #[test]
    fn emphasis_markers_between_digits_are_kept() {
        assert_eq!(clean("2*3 km and 4*5 km"), "2*3 km and 4*5 km");
        assert_eq!(clean("a 2**3**4 b"), "a 2**3**4 b");
        assert_eq!(clean("un*frig*gin and *so*"), "un*frig*gin and so");
        // A closing marker run next to an opening one joins nothing.
        assert_eq!(clean("**x* 2**3**4"), "*x 2**3**4");
        assert_eq!(clean("***x*** y"), "x y");
    }

    #[test]
    fn a_large_body_is_cleaned_a_stretch_at_a_time_line_for_line() {
        let para = "The **ministry** said [5,000](http://x.org) troops *moved*.\n\n";
        let n = 3 * WHOLE_BODY / para.len();
        let mut warnings = Vec::new();
        let out = plain_text(&para.repeat(n), 1, &mut warnings);
        assert_eq!(out, "The ministry said 5,000 troops moved.\n\n".repeat(n));
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn a_paragraph_over_a_megabyte_is_kept_as_written() {
        let huge = "*a ".repeat(MAX_STRETCH);
        let body = format!("# Head\n\n{huge}\n\nThe **end**.\n{}", "\n".repeat(10));
        let mut warnings = Vec::new();
        let out = plain_text(&body, 5, &mut warnings);
        assert_eq!(
            out,
            format!("Head\n\n{huge}\n\nThe end.\n{}", "\n".repeat(10))
        );
        assert_eq!(
            warnings,
            vec!["Markdown paragraph of 768 KB at line 7 is kept as written, markup and all"]
        );
    }

    #[test]
    fn newlines_are_normalized() {
        assert_eq!(normalize_newlines("a\rb\r\nc\n"), "a\nb\nc\n");
    }
}

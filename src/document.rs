//! The document model: cleaned text, metadata, paragraphs and sentences with
//! byte spans into the cleaned text and 1-based lines in the original file.

mod header;

use crate::word_boundary::ascii_prefix_len;
use crate::{boilerplate, outlet, sanitize::sanitize_cow, segment};
use header::Header;
use serde::Serialize;
use std::borrow::Cow;
use std::ops::Range;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Title,
    Body,
    Caption,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub span: Range<usize>,
    pub kind: ParagraphKind,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Sentence {
    /// Byte span in the document's cleaned `text`.
    pub span: Range<usize>,
    pub paragraph: usize,
    /// 1-based line in the original file (for a JSON record, see `Document`).
    pub line: usize,
    pub kind: ParagraphKind,
}

/// Where the outlet name came from, so a reader can judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OutletEvidence {
    Record,
    Url,
    Dateline,
    Credit,
    Caption,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// The path as loaded; for the bundled corpus the seed's file name; for a
    /// JSON Lines record `path#N`.
    pub source: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub outlet_from: Option<OutletEvidence>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Sanitized, NFC-normalized article text without chrome; paragraphs are
    /// separated by a blank line.
    pub text: String,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub warnings: Vec<String>,
}

impl Document {
    pub fn sentence_text(&self, index: usize) -> &str {
        &self.text[self.sentences[index].span.clone()]
    }

    /// The outlet, or the file name when the text names none.
    pub fn display_name(&self) -> &str {
        self.outlet
            .as_deref()
            .unwrap_or_else(|| file_name(&self.source))
    }
}

fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

/// Metadata a record or front matter states about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Meta {
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub url: Option<String>,
    pub date: Option<String>,
    pub author: Option<String>,
}

/// Where the lines of a text stand in the original file.
#[derive(Debug, Clone, Copy)]
pub enum LineOrigin {
    /// The text's first line is this line of the file, the rest follow.
    From(usize),
    /// Every line of the text is reported at this line (a JSON Lines record).
    Fixed(usize),
}

impl LineOrigin {
    fn line(self, index: usize) -> usize {
        match self {
            LineOrigin::From(first) => first + index,
            LineOrigin::Fixed(line) => line,
        }
    }
}

/// A paragraph being assembled: its lines (borrowed from the cleaned text)
/// with their original line numbers, and the lines joined by spaces, built
/// once (borrowed when the paragraph is one line, as most are).
struct Draft<'a> {
    lines: Vec<(&'a str, usize)>,
    kind: ParagraphKind,
    joined: Cow<'a, str>,
}

impl<'a> Draft<'a> {
    fn joined(&self) -> &str {
        &self.joined
    }

    fn join_lines(&mut self) {
        if self.lines.len() > 1 {
            let parts: Vec<&str> = self.lines.iter().map(|(l, _)| *l).collect();
            self.joined = Cow::Owned(parts.join(" "));
        }
    }
}

/// Builds a document from raw text: sanitizes, normalizes, drops chrome,
/// finds title, captions, outlet and date, and segments.
pub fn build(
    source: String,
    raw: &str,
    meta: Meta,
    origin: LineOrigin,
    warnings: Vec<String>,
) -> Document {
    // Every field a record states is untrusted and ends up on a terminal.
    let meta = Meta {
        title: meta.title,
        outlet: meta.outlet,
        url: meta
            .url
            .as_deref()
            .map(clean_inline)
            .filter(|s| !s.is_empty()),
        date: meta
            .date
            .as_deref()
            .map(clean_inline)
            .filter(|s| !s.is_empty()),
        author: meta
            .author
            .as_deref()
            .map(clean_inline)
            .filter(|s| !s.is_empty()),
    };
    let text = nfc(sanitize_cow(raw));
    let (mut drafts, head) = paragraphs(&text, origin);

    let mut title = meta
        .title
        .as_deref()
        .map(clean_inline)
        .filter(|t| !t.is_empty());
    if let Some(first) = drafts.first_mut() {
        let joined = first.joined();
        match &title {
            Some(t) if same_words(joined, t) => first.kind = ParagraphKind::Title,
            None if is_headline(joined)
                || (head.after_first && is_headline_with_period(joined)) =>
            {
                title = Some(joined.to_string());
                first.kind = ParagraphKind::Title;
            }
            _ => {}
        }
    }
    // Clippers often repeat a truncated copy of the headline below it.
    if let Some(t) = &title {
        let mut seen_body = false;
        drafts.retain(|d| {
            let keep =
                seen_body || d.kind == ParagraphKind::Title || !is_truncated_copy(d.joined(), t);
            seen_body |= d.kind == ParagraphKind::Body && keep;
            keep
        });
    }
    for d in &mut drafts {
        if d.kind == ParagraphKind::Body && boilerplate::is_caption(d.joined()) {
            d.kind = ParagraphKind::Caption;
        }
    }

    let (outlet, outlet_from, dateline_date) = find_outlet(&meta, &drafts, &head.facts);
    let header_date = head.facts.date.map(|(day, _)| day);
    let date = meta.date.clone().or(header_date).or(dateline_date);
    let author = meta.author.or(head.facts.author);
    assemble(
        Document {
            source,
            title,
            outlet,
            outlet_from,
            date,
            url: meta.url,
            author,
            text: String::new(),
            paragraphs: Vec::new(),
            sentences: Vec::new(),
            warnings,
        },
        drafts,
    )
}

/// The text in Unicode NFC; text the quick check finds normalized already
/// (nearly all news text) is returned as it is, without a rebuild char by char.
fn nfc(text: Cow<'_, str>) -> Cow<'_, str> {
    if is_nfc(&text) {
        text
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

/// True when the NFC quick check says Yes. An ASCII char is a starter that
/// resets the check, so it runs on the stretches between ASCII text only.
fn is_nfc(text: &str) -> bool {
    let mut rest = text;
    loop {
        rest = &rest[ascii_prefix_len(rest.as_bytes())..];
        if rest.is_empty() {
            return true;
        }
        let run = rest.find(|c: char| c.is_ascii()).unwrap_or(rest.len());
        if unicode_normalization::is_nfc_quick(rest[..run].chars()) != IsNormalized::Yes {
            return false;
        }
        rest = &rest[run..];
    }
}

/// What the lines above the text state, as [`paragraphs`] reads them.
#[derive(Default)]
struct Head {
    facts: Header,
    /// The first paragraph is followed at once by a byline or date line:
    /// it is the headline even with a final period.
    after_first: bool,
}

/// Most non-empty lines looked at for a headline, byline and date.
const HEADER_LINES: usize = 12;

/// Splits cleaned text into paragraph drafts, dropping chrome lines and
/// truncation markers. A blank or dropped line ends a paragraph; so does a
/// line that ends a sentence (text with one paragraph a line), while
/// hard-wrapped lines are joined. Above the text, a headline line ends its
/// paragraph, and byline and date lines are read into the header and left
/// out (see [`header`]).
fn paragraphs(text: &str, origin: LineOrigin) -> (Vec<Draft<'_>>, Head) {
    let mut drafts: Vec<Draft<'_>> = Vec::new();
    let mut head = Head::default();
    let mut open = false;
    let mut seen_chrome = false;
    // Above the text: until a long line, a dateline or HEADER_LINES lines.
    let mut in_header = true;
    let mut header_seen = 0;
    let mut name_follows = false;
    let mut lines = text.split('\n').enumerate().peekable();
    while let Some((i, line)) = lines.next() {
        let line = boilerplate::strip_truncation(line).trim();
        if line.is_empty() {
            open = false;
            continue;
        }
        if boilerplate::is_chrome(line) || (seen_chrome && boilerplate::is_caps_heading(line)) {
            seen_chrome = true;
            open = false;
            continue;
        }
        let number = origin.line(i);
        if in_header {
            header_seen += 1;
            // A line that goes on with a hard-wrapped paragraph is its text.
            if let Some(facts) = header::read(line, name_follows).filter(|_| !open) {
                name_follows = facts.name_follows;
                head.after_first |= drafts.len() == 1 && head.facts == Header::default();
                head.facts.add(facts);
                open = false;
                continue;
            }
            name_follows = false;
            if drafts.is_empty() {
                if let Some(at) = header::title_then_date(line)
                    && is_headline(line[..at].trim_end())
                {
                    drafts.push(Draft {
                        lines: vec![(line[..at].trim_end(), number)],
                        kind: ParagraphKind::Body,
                        joined: Cow::Borrowed(line[..at].trim_end()),
                    });
                    if let Some(facts) = header::read(&line[at..], false) {
                        head.facts.add(facts);
                        head.after_first = true;
                    }
                    open = false;
                    continue;
                }
                if is_headline(line) && headline_ends_here(line, lines.peek().map(|(_, l)| *l)) {
                    drafts.push(Draft {
                        lines: vec![(line, number)],
                        kind: ParagraphKind::Body,
                        joined: Cow::Borrowed(line),
                    });
                    open = false;
                    continue;
                }
            }
            if line.len() > 160
                || header_seen >= HEADER_LINES
                || outlet::from_dateline(line).is_some()
            {
                in_header = false;
            }
        }
        match drafts.last_mut() {
            Some(d) if open => d.lines.push((line, number)),
            _ => drafts.push(Draft {
                lines: vec![(line, number)],
                kind: ParagraphKind::Body,
                joined: Cow::Borrowed(line),
            }),
        }
        open = !ends_paragraph(line);
    }
    for d in &mut drafts {
        d.join_lines();
    }
    (drafts, head)
}

/// Whether a first line that reads as a headline is one on its own, not
/// the first of hard-wrapped lines: nothing or a byline or date line
/// follows, or a line that does not go on with its sentence (it starts in
/// lower case, or the first ends with a word such as "of" or "the").
fn headline_ends_here(line: &str, next: Option<&str>) -> bool {
    let next = next.map(str::trim).unwrap_or_default();
    if next.is_empty() {
        return true;
    }
    let last = line.rsplit(' ').next().unwrap_or_default();
    let goes_on = matches!(
        last,
        "a" | "an"
            | "the"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "and"
            | "or"
            | "but"
            | "that"
            | "as"
            | "is"
            | "was"
            | "were"
            | "are"
            | "its"
            | "their"
            | "his"
            | "her"
    );
    let next_lower = next
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_lowercase);
    if goes_on || next_lower {
        return false;
    }
    if header::read(next, false).is_some() {
        return true;
    }
    // A headline is set in title case more often than not. Under one in
    // sentence case comes a short line (a byline), a line that is a
    // paragraph of its own (a standfirst) or one longer than a wrapped
    // text's lines.
    let words: Vec<&str> = line.split_whitespace().collect();
    let capitalized = words
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    let next_chars = next.chars().count();
    2 * capitalized >= words.len()
        || !(40..=100).contains(&next_chars)
        || next
            .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
            .ends_with(['.', '!', '?'])
}

/// A headline that ends with a period ("Stock Falls. Why It Matters."),
/// known as one by the byline or date line under it.
fn is_headline_with_period(text: &str) -> bool {
    let trimmed = text.trim_end_matches('.');
    trimmed.len() + 1 >= text.len() && is_headline(trimmed)
}

/// A line ends its paragraph when it closes a sentence or is short enough to
/// be a heading, caption or credit rather than a hard-wrapped line.
fn ends_paragraph(line: &str) -> bool {
    let last = line
        .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
        .chars()
        .last();
    matches!(last, Some('.' | '!' | '?' | '…' | ':')) || line.chars().count() < 40
}

fn is_headline(text: &str) -> bool {
    let chars = text.chars().count();
    let words = text.split_whitespace().count();
    let first_letter = text.chars().find(|c| c.is_alphanumeric());
    (8..=200).contains(&chars)
        && (2..=30).contains(&words)
        && !text
            .trim_end_matches(['"', '\'', '”', '’', ')', ']'])
            .ends_with(['.', ',', ';', ':'])
        && first_letter.is_some_and(|c| c.is_uppercase() || c.is_numeric())
        && !boilerplate::is_caption(text)
        && !ends_with_credit(text)
        && outlet::from_dateline(text).is_none()
}

/// "Crowds at the harbour on Friday. (Photo: Jane Roe/Gazette)": a caption
/// with its credit, not a headline.
fn ends_with_credit(text: &str) -> bool {
    let Some(open) = text.rfind(" (") else {
        return false;
    };
    text.ends_with(')')
        && text[..open]
            .trim_end_matches(['"', '\'', '”', '’'])
            .ends_with(['.', '!', '?'])
}

fn words(text: &str) -> impl Iterator<Item = String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

fn same_words(a: &str, b: &str) -> bool {
    words(a).eq(words(b))
}

/// "Ukraine says it fought N Korean" below "Ukraine says it fought N Korean
/// troops for first time". Compared word by word, so a paragraph that is
/// none (nearly all) is done with at its first word.
fn is_truncated_copy(paragraph: &str, title: &str) -> bool {
    let mut t = words(title);
    let mut any = false;
    for w in words(paragraph) {
        if t.next() != Some(w) {
            return false;
        }
        any = true;
    }
    any && t.next().is_some()
}

/// Collapses whitespace in a one-line field such as a title.
fn clean_inline(s: &str) -> String {
    let s = nfc(sanitize_cow(s));
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn find_outlet(
    meta: &Meta,
    drafts: &[Draft<'_>],
    header: &Header,
) -> (Option<String>, Option<OutletEvidence>, Option<String>) {
    let dateline = drafts
        .iter()
        .filter(|d| d.kind != ParagraphKind::Title)
        .take(3)
        .find_map(|d| outlet::from_dateline(d.joined()));
    let dateline_date = dateline.as_ref().and_then(|(_, date)| date.clone());
    if let Some(name) = meta
        .outlet
        .as_deref()
        .map(clean_inline)
        .filter(|n| !n.is_empty())
    {
        let name = outlet::known(&name)
            .or_else(|| outlet::from_url_like(&name))
            .unwrap_or(name);
        return (Some(name), Some(OutletEvidence::Record), dateline_date);
    }
    if let Some(name) = meta.url.as_deref().and_then(outlet::from_url) {
        return (Some(name), Some(OutletEvidence::Url), dateline_date);
    }
    if let Some((name, _)) = dateline {
        return (Some(name), Some(OutletEvidence::Dateline), dateline_date);
    }
    if let Some(name) = drafts
        .iter()
        .find_map(|d| outlet::from_credit(d.joined()))
        .or_else(|| header.outlet.clone())
    {
        return (Some(name), Some(OutletEvidence::Credit), dateline_date);
    }
    let caption = drafts
        .iter()
        .filter(|d| d.kind == ParagraphKind::Caption)
        .find_map(|d| outlet::from_caption(d.joined()));
    match caption {
        Some(name) => (Some(name), Some(OutletEvidence::Caption), dateline_date),
        None => (None, None, dateline_date),
    }
}

/// Lays the drafts out as the document's text, with paragraph and sentence
/// spans and lines.
fn assemble(mut doc: Document, drafts: Vec<Draft<'_>>) -> Document {
    // The text never grows past the cleaned text it is cut from.
    let cap = drafts
        .iter()
        .map(|d| d.lines.iter().map(|(l, _)| l.len() + 1).sum::<usize>() + 1)
        .sum();
    let mut text = String::with_capacity(cap);
    // (byte offset in text, original line) at the start of each line.
    let mut line_starts: Vec<(usize, usize)> = Vec::new();
    for d in &drafts {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let start = text.len();
        for (j, (line, number)) in d.lines.iter().enumerate() {
            if j > 0 {
                text.push('\n');
            }
            line_starts.push((text.len(), *number));
            text.push_str(line);
        }
        doc.paragraphs.push(Paragraph {
            span: start..text.len(),
            kind: d.kind,
            line: d.lines[0].1,
        });
    }
    let line_at = |offset: usize| {
        let i = line_starts.partition_point(|&(start, _)| start <= offset);
        line_starts[i.saturating_sub(1)].1
    };
    for (p, para) in doc.paragraphs.iter().enumerate() {
        for span in segment::sentences(&text, para.span.clone()) {
            doc.sentences.push(Sentence {
                line: line_at(span.start),
                span,
                paragraph: p,
                kind: para.kind,
            });
        }
    }
    doc.text = text;
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(raw: &str) -> Document {
        build(
            "t.txt".into(),
            raw,
            Meta::default(),
            LineOrigin::From(1),
            vec![],
        )
    }

    #[test]
    fn title_chrome_and_lines() {
        let d = doc(
            "Checkout\nCart: $0.00 - (0 items )\n\nTroops Cross the River\n\nFirst sentence here. Second one.\n\nBack to top",
        );
        assert_eq!(d.title.as_deref(), Some("Troops Cross the River"));
        let texts: Vec<&str> = (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect();
        assert_eq!(
            texts,
            vec![
                "Troops Cross the River",
                "First sentence here.",
                "Second one."
            ]
        );
        assert_eq!(d.sentences[1].line, 6);
        assert_eq!(d.sentences[2].line, 6);
        assert_eq!(d.sentences[0].kind, ParagraphKind::Title);
    }

    #[test]
    fn hard_wrapped_lines_join_into_one_paragraph() {
        let d = doc(
            "A long line of body text that was wrapped by an email\nclient at an arbitrary column, and goes on.\nNext paragraph.",
        );
        assert_eq!(d.paragraphs.len(), 2);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[1].line, 3);
    }

    #[test]
    fn sentence_like_first_line_is_no_title() {
        let d = doc(
            "Officials said on Tuesday that the talks had failed after three days.\nMore text follows here.",
        );
        assert_eq!(d.title, None);
    }

    #[test]
    fn truncated_title_copy_is_dropped() {
        let d = doc(
            "Ukraine says it fought N Korean troops for first time\n\nUkraine says it fought N Korean\n\nBody text. More.",
        );
        assert_eq!(d.paragraphs.len(), 2);
        assert!(!d.text.contains("N Korean\n"));
    }

    #[test]
    fn escapes_never_survive() {
        let d = doc("Title \x1b]0;pwned\x07Here\n\nBody \x1b[2J text\u{202e}. More\u{9b}1m.");
        assert!(!d.text.chars().any(|c| c.is_control() && c != '\n'));
        assert!(!d.text.contains('\u{202e}'));
        assert_eq!(d.title.as_deref(), Some("Title Here"));
    }

    /// Regression: a record's date, url and author reached the terminal raw
    /// (only title and outlet were sanitized).
    #[test]
    fn metadata_fields_are_sanitized() {
        let evil = "\x1b]0;pwned\x07\u{9b}2J\u{202e}";
        let d = build(
            "r.json".into(),
            "Body text.",
            Meta {
                title: Some(format!("T{evil}itle")),
                outlet: Some(format!("Out{evil}let")),
                url: Some(format!("https://x.example/{evil}")),
                date: Some(format!("2024{evil}")),
                author: Some(format!("Mal{evil}lory")),
            },
            LineOrigin::From(1),
            vec![],
        );
        for field in [&d.title, &d.outlet, &d.url, &d.date, &d.author] {
            let f = field.as_deref().unwrap();
            assert!(
                !f.chars().any(|c| c.is_control() || c == '\u{202e}'),
                "{f:?}"
            );
        }
        assert_eq!(d.date.as_deref(), Some("2024"));
        assert_eq!(d.author.as_deref(), Some("Mallory"));
    }

    #[test]
    fn nfc_normalization() {
        let d = doc("Cafe\u{301} owners protest\n\nThe cafe\u{301} closed.");
        assert_eq!(d.title.as_deref(), Some("Café owners protest"));
        assert!(d.text.contains("café"));
    }

    #[test]
    fn display_name_falls_back_to_file_name() {
        let d = build(
            "dir/a.txt".into(),
            "Body text.",
            Meta::default(),
            LineOrigin::From(1),
            vec![],
        );
        assert_eq!(d.display_name(), "a.txt");
    }
}

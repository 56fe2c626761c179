//! Quotations: their spans in a whole document (“…”, "…", ‘…’, '…', «…»), then
//! their sentences and speakers once the sentences' attributions are known.
//!
//! Finding them is one linear pass. `’` and `'` double as apostrophes (Ukraine’s,
//! they’re, Ukraine‘s): a single quote opens only after a non-alphanumeric
//! character and closes only before one, and single quotes are not looked for
//! inside double quotes.

use super::chunk::Sent;
use super::tokens::Tok;
use super::{Attribution, DocAttribution, Pattern, Quote};
use std::ops::Range;

/// A quote found in the text: `span` includes the marks, `inner` excludes them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RawQuote {
    pub span: Range<usize>,
    pub inner: Range<usize>,
}

/// Longest single-quoted stretch we accept; longer ones are apostrophes gone astray.
const MAX_SINGLE: usize = 400;

/// Bytes that can start a quote mark or a newline: `"`, `'`, `\n`, and the lead
/// bytes of `«` `»` (0xC2) and of `“` `”` `„` `‘` `’` (0xE2). Everything else
/// is skipped without decoding.
fn may_matter(b: u8) -> bool {
    // `|`, not `||`: without branches, testing a chunk vectorizes.
    (b == b'"') | (b == b'\'') | (b == b'\n') | (b == 0xC2) | (b == 0xE2)
}

/// Index of the first byte of `b` that may matter, testing 16 bytes at a time.
fn next_mark(b: &[u8]) -> Option<usize> {
    let quiet = b
        .chunks_exact(16)
        .take_while(|c| !c.iter().fold(false, |any, &x| any | may_matter(x)))
        .count()
        * 16;
    let at = b[quiet..].iter().position(|&x| may_matter(x))?;
    Some(quiet + at)
}

pub(crate) fn find_quotes(text: &str) -> Vec<RawQuote> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // (byte offset of the mark, the mark)
    let mut double: Option<(usize, char)> = None;
    // Width of the open double mark: 2 for a typewriter `''` or ``` `` ```.
    let mut double_w = 1;
    // A straight "…" opened inside an open “: its close is not the outer one's.
    let mut nested = false;
    let mut single: Option<(usize, char)> = None;
    let mut pos = 0;
    while let Some(skip) = next_mark(&bytes[pos..]) {
        pos += skip;
        // `''` (typewriter quotes, as some outlets' archives write them) is a
        // double mark two bytes wide.
        let pair = bytes[pos] == b'\'' && bytes.get(pos + 1) == Some(&b'\'');
        let c = match bytes[pos] {
            _ if pair => '"',
            b @ (b'"' | b'\'' | b'\n') => char::from(b),
            _ => match text[pos..].chars().next() {
                Some(c @ ('\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}')) => c,
                Some(c @ ('\u{2018}' | '\u{2019}')) => c,
                // Another char with the same lead byte: nothing to do.
                _ => {
                    pos += 1;
                    continue;
                }
            },
        };
        let width = if pair { 2 } else { c.len_utf8() };
        let end = pos + width;
        let prev = text[..pos].chars().next_back();
        // A single quote is dropped once it has stayed open past MAX_SINGLE
        // (checked after every char, so: past the char before this one).
        if let (Some((open, _)), Some(p)) = (single, prev)
            && pos - p.len_utf8() > open + MAX_SINGLE
        {
            single = None;
        }
        let next = text[end..].chars().next();
        let prev_alnum = || prev.is_some_and(char::is_alphanumeric);
        let prev_space = || prev.is_none_or(char::is_whitespace);
        let next_alnum = || next.is_some_and(char::is_alphanumeric);
        let next_space = || next.is_none_or(char::is_whitespace);
        let close = |open: usize, open_w: usize, out: &mut Vec<RawQuote>| {
            let inner = open + open_w..pos;
            if !text[inner.clone()].trim().is_empty() {
                out.push(RawQuote {
                    span: open..end,
                    inner,
                });
            }
        };
        match c {
            '\n' => {
                single = None;
                // A blank line: another newline with only whitespace since.
                let blank = text[..pos]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_whitespace())
                    .any(|c| c == '\n');
                if matches!(double, Some((_, '"'))) || blank {
                    double = None;
                }
            }
            '\u{201C}' | '\u{00AB}' | '\u{201E}' => {
                double = Some((pos, c));
                nested = false;
                double_w = width;
                single = None;
            }
            '\u{201D}' | '\u{00BB}' => match double {
                // Mixed marks close too: "…” as typed by hand.
                Some((open, mark)) if mark != '"' || c == '\u{201D}' => {
                    close(open, double_w, &mut out);
                    double = None;
                }
                Some(_) => {}
                None => {
                    if c == '\u{201D}' && prev_space() && !next_space() {
                        double = Some((pos, c));
                        double_w = width;
                        single = None;
                    }
                }
            },
            '"' => match double {
                Some((open, '"')) => {
                    close(open, double_w, &mut out);
                    double = None;
                }
                // “…" closes where a closing mark would: after a word, before no
                // word, unless it closes a "…" opened inside.
                Some((open, '\u{201C}')) if !prev_space() && !next_alnum() => {
                    if nested {
                        nested = false;
                    } else {
                        close(open, double_w, &mut out);
                        double = None;
                    }
                }
                Some((_, '\u{201C}')) if prev_space() && !next_space() => nested = true,
                Some(_) => {}
                None => {
                    if !next_space() {
                        double = Some((pos, c));
                        double_w = width;
                        single = None;
                    }
                }
            },
            '\u{2018}' if double.is_none() && !prev_alnum() && !next_space() => {
                single = Some((pos, c));
            }
            '\u{2019}' | '\'' if double.is_none() => match single {
                Some((open, mark)) if !prev_space() && !next_alnum() => {
                    close(open, mark.len_utf8(), &mut out);
                    single = None;
                }
                None if c == '\'' && !prev_alnum() && next_alnum() => {
                    single = Some((pos, c));
                }
                _ => {}
            },
            _ => {}
        }
        pos = end;
    }
    out
}

/// At most three words outside quotes in a sentence (counting stops at the fourth).
fn bare(toks: &[Tok]) -> bool {
    toks.iter().filter(|t| t.is_word()).nth(3).is_none()
}

/// Add the quotes to `doc`: each with its first and last sentence and, as its
/// speaker, the claimer governing its start (else its end). A quote still without
/// one, in sentences of at most three words outside quotes, takes the speaker of
/// the sentence before (or of the one after, if named at its start), and those
/// sentences get a [`Pattern::QuoteContinuation`] attribution.
pub(super) fn attach_quotes(
    text: &str,
    spans: &[Range<usize>],
    order: &[usize],
    sents: &[Sent],
    raw: &[RawQuote],
    mut doc: DocAttribution,
) -> DocAttribution {
    // Position of each sentence in `order`.
    let mut pos_of = vec![0; order.len()];
    for (p, &i) in order.iter().enumerate() {
        pos_of[i] = p;
    }
    // Once per sentence, not per quote: a long line of quotes made this
    // quadratic.
    let bare_sentence: Vec<bool> = sents.iter().map(|s| bare(s.toks)).collect();
    let bare = |si: usize| bare_sentence[si];
    for q in raw {
        let p = order.partition_point(|&i| spans[i].end <= q.span.start);
        if p >= order.len() || spans[order[p]].start >= q.span.end {
            continue;
        }
        let first = order[p];
        let p2 = order.partition_point(|&i| spans[i].start < q.span.end);
        let last = if p2 > p { order[p2 - 1] } else { first };
        let rel =
            |si: usize, byte: usize| byte.saturating_sub(spans[si].start).min(spans[si].len());
        let mut speaker = doc
            .claimer_at(first, rel(first, q.span.start))
            .cloned()
            .or_else(|| {
                doc.claimer_at(last, rel(last, q.span.end.saturating_sub(1)))
                    .cloned()
            });
        let mut continued = false;
        if speaker.is_none() && bare(first) && bare(last) {
            let fp = pos_of[first];
            let lp = pos_of[last];
            let prev = fp.checked_sub(1).map(|x| order[x]);
            let next = order.get(lp + 1).copied();
            speaker = prev
                .and_then(|s| doc.sentences[s].iter().rev().find(|a| !a.embedded))
                .map(|a| a.claimer.clone())
                .or_else(|| {
                    let s = next?;
                    let a = doc.sentences[s].iter().find(|a| !a.embedded)?;
                    let lead = &sents[s].s[..a.mention.start.min(a.cue.start)];
                    (lead.split_whitespace().count() <= 2).then(|| a.claimer.clone())
                });
            continued = speaker.is_some();
        }
        if continued && let Some(sp) = &speaker {
            let fp = pos_of[first];
            let lp = pos_of[last];
            for &si in order.iter().take(lp.max(fp) + 1).skip(fp) {
                if doc.sentences[si].is_empty() {
                    let at = rel(si, q.span.start);
                    doc.sentences[si].push(Attribution {
                        claimer: sp.clone(),
                        span: 0..spans[si].len(),
                        cue: at..at,
                        mention: at..at,
                        resolved_from: None,
                        pattern: Pattern::QuoteContinuation,
                        embedded: false,
                    });
                }
            }
        }
        doc.quotes.push(Quote {
            span: q.span.clone(),
            text: text[q.inner.clone()].trim().to_owned(),
            speaker,
            first_sentence: first,
            last_sentence: last,
        });
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inners(t: &str) -> Vec<&str> {
        find_quotes(t).into_iter().map(|q| &t[q.inner]).collect()
    }

    #[test]
    fn curly_straight_and_single() {
        assert_eq!(inners("He said “yes” and \"no\"."), vec!["yes", "no"]);
        assert_eq!(
            inners("Ukraine’s high-ranking ‘counter-disinformation’ official"),
            vec!["counter-disinformation"]
        );
        assert_eq!(
            inners("They’re in Ukraine‘s east, Ukraine’s north."),
            Vec::<&str>::new()
        );
        assert_eq!(inners("a 'small group' of"), vec!["small group"]);
    }

    #[test]
    fn typewriter_double_marks() {
        assert_eq!(
            inners("''We will win,'' she said. ''Maybe,'' he said."),
            vec!["We will win,", "Maybe,"]
        );
        assert_eq!(inners("the teachers' union's plan"), Vec::<&str>::new());
    }

    #[test]
    fn mixed_marks_close() {
        assert_eq!(
            inners("\"We will win,” said Ana. “It is over,\" said Bo."),
            vec!["We will win,", "It is over,"]
        );
        assert_eq!(
            inners("“He said \"go\" now,” she said."),
            vec!["He said \"go\" now,"]
        );
    }

    #[test]
    fn singles_inside_doubles_are_part_of_the_double() {
        assert_eq!(
            inners("“He said ‘go’ now,” she said."),
            vec!["He said ‘go’ now,"]
        );
    }

    #[test]
    fn unbalanced_never_panics() {
        for t in [
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "“a",
            "a”",
            "“a\n\n“b”",
            "'",
            "«x",
            "x»",
            "",
        ] {
            let qs = find_quotes(t);
            for q in qs {
                assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
            }
        }
        assert_eq!(inners("“a\n\nb “c”"), vec!["c"]);
    }
}

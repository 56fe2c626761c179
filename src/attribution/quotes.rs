//! Quotation spans in a whole document: “…”, "…", ‘…’, '…', «…».
//!
//! One linear pass. `’` and `'` double as apostrophes (Ukraine’s, they’re, Ukraine‘s):
//! a single quote opens only after a non-alphanumeric character and closes only
//! before one, and single quotes are not looked for inside double quotes.

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
    let mut single: Option<(usize, char)> = None;
    let mut pos = 0;
    while let Some(skip) = next_mark(&bytes[pos..]) {
        pos += skip;
        let c = match bytes[pos] {
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
        let end = pos + c.len_utf8();
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
        let close = |open: usize, open_mark: char, out: &mut Vec<RawQuote>| {
            let inner = open + open_mark.len_utf8()..pos;
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
                single = None;
            }
            '\u{201D}' | '\u{00BB}' => match double {
                Some((open, mark)) if mark != '"' => {
                    close(open, mark, &mut out);
                    double = None;
                }
                Some(_) => {}
                None => {
                    if c == '\u{201D}' && prev_space() && !next_space() {
                        double = Some((pos, c));
                        single = None;
                    }
                }
            },
            '"' => match double {
                Some((open, '"')) => {
                    close(open, '"', &mut out);
                    double = None;
                }
                Some(_) => {}
                None => {
                    if !next_space() {
                        double = Some((pos, c));
                        single = None;
                    }
                }
            },
            '\u{2018}' if double.is_none() && !prev_alnum() && !next_space() => {
                single = Some((pos, c));
            }
            '\u{2019}' | '\'' if double.is_none() => match single {
                Some((open, mark)) if !prev_space() && !next_alnum() => {
                    close(open, mark, &mut out);
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

//! The tokenizer as it was before the fast paths of `tokenize` (quote checks only
//! where a quote may start, ASCII bytes before chars, the lexicon pre-filter):
//! kept unchanged as the reference the property tests compare against.

use super::super::lexicon::{LEXICON as LEX, ascii_len};
use super::{ABBREVIATIONS, ALNUM, Kind, Tok, all_caps};
use std::ops::Range;

/// Length in bytes of `c` folded by [`super::lexicon::fold`].
fn folded_len(c: char) -> usize {
    match c {
        c if c.is_ascii() => 1,
        '\u{2019}' | '\u{2018}' | '\u{02BC}' => 1,
        '\u{2000}'..='\u{206F}' => c.len_utf8(),
        c => c.to_lowercase().map(char::len_utf8).sum(),
    }
}

fn folded_len_str(s: &str) -> usize {
    let mut len = 0;
    let mut rest = s;
    loop {
        // ASCII runs keep their length.
        let run = ascii_len(rest.as_bytes());
        let mut chars = rest[run..].chars();
        let Some(c) = chars.next() else {
            return len + run;
        };
        len += run + folded_len(c);
        rest = chars.as_str();
    }
}

/// The char starting at byte `i` of `s` (a char boundary).
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        Some(_) => s[i..].chars().next(),
        None => None,
    }
}

/// Tokenize `s` onto the end of `toks`; `folded` is `fold(s)`; `quotes` are byte
/// ranges in `s` (sorted, non-overlapping, on char boundaries) that become single
/// quote tokens.
pub(crate) fn tokenize_reference<'a>(
    s: &str,
    folded: &'a str,
    quotes: &[Range<usize>],
    toks: &mut Vec<Tok<'a>>,
) {
    // Folding goes char by char, so the folded text of `s[x..y]` is `folded[fx..fy]`;
    // `fpos` tracks `fx` alongside `pos`.
    let bytes = s.as_bytes();
    let mut qi = 0;
    let mut pos = 0;
    let mut fpos = 0;
    let quote_starts_at = |qi: usize, pos: usize| qi < quotes.len() && quotes[qi].start == pos;
    while let Some(c) = char_at(s, pos) {
        while qi < quotes.len() && quotes[qi].end <= pos {
            qi += 1;
        }
        if qi < quotes.len() && quotes[qi].start <= pos {
            let end = quotes[qi].end.min(s.len());
            let text = &s[pos..end];
            toks.push(Tok {
                start: pos,
                end,
                kind: Kind::Quote,
                lower: "",
                cap: false,
                acronym: false,
                poss: false,
                qwords: text.split_whitespace().take(4).count() as u8,
                lower_sets: 0,
                base_sets: 0,
            });
            fpos += folded_len_str(text);
            pos = end;
            qi += 1;
            continue;
        }
        // ASCII spaces and punctuation: one byte, folding to one byte.
        let ascii = c.is_ascii();
        if ascii && !ALNUM[usize::from(c as u8)] {
            if !c.is_ascii_whitespace() && c != '\x0b' {
                toks.push(Tok::punct(pos, c));
            }
            pos += 1;
            fpos += 1;
            continue;
        }
        if !ascii && c.is_whitespace() {
            pos += c.len_utf8();
            fpos += folded_len(c);
            continue;
        }
        if !ascii && !c.is_alphanumeric() {
            toks.push(Tok::punct(pos, c));
            pos += c.len_utf8();
            fpos += folded_len(c);
            continue;
        }
        // A word: letters and digits, and the joiners below between them.
        let start = pos;
        let fstart = fpos;
        let mut end = pos + c.len_utf8();
        let mut fend = fpos + if ascii { 1 } else { folded_len(c) };
        loop {
            // The common case first: ASCII letters and digits.
            let run = bytes[end..]
                .iter()
                .position(|&b| !ALNUM[usize::from(b)])
                .unwrap_or(bytes.len() - end);
            end += run;
            fend += run;
            let Some(cj) = char_at(s, end) else {
                break;
            };
            // Only a joiner between alphanumerics needs a look at its neighbours.
            // After the run, an ASCII char is not alphanumeric.
            let joins = (!cj.is_ascii() && cj.is_alphanumeric())
                || match cj {
                    '-' | '\'' | '\u{2019}' | '\u{2018}' | '&' | '\u{2010}' | '\u{2011}' => {
                        !quote_starts_at(qi, end)
                            && char_at(s, end + cj.len_utf8()).is_some_and(char::is_alphanumeric)
                    }
                    ',' | '.' if !quote_starts_at(qi, end) => {
                        let next = char_at(s, end + cj.len_utf8());
                        // Never `None`: the word has its first char.
                        match s[..end].chars().next_back() {
                            None => false,
                            Some(prev) if cj == ',' => {
                                prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit())
                            }
                            Some(prev) => {
                                (prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()))
                                    || (prev.is_alphabetic()
                                        && next.is_some_and(char::is_alphabetic)
                                        && !s[..end - prev.len_utf8()]
                                            .chars()
                                            .next_back()
                                            .is_some_and(char::is_alphanumeric))
                            }
                        }
                    }
                    _ => false,
                };
            if !joins {
                break;
            }
            end += cj.len_utf8();
            fend += folded_len(cj);
        }
        let mut lower = &folded[fstart..fend];
        // Folding is char by char, so the folded word with its period is the
        // folded word and a period.
        if bytes.get(end) == Some(&b'.') && (lower.contains('.') || ABBREVIATIONS.contains(&lower))
        {
            end += 1;
            fend += 1;
            lower = &folded[fstart..fend];
        }
        let poss = lower.len() > 2 && lower.ends_with("'s");
        // A lower-case first or second letter rules out an acronym.
        let upper = if ascii {
            c.is_ascii_uppercase()
        } else {
            c.is_uppercase()
        };
        let lower_start = (if ascii {
            c.is_ascii_lowercase()
        } else {
            c.is_alphabetic() && !upper
        }) || bytes[start + 1..end]
            .first()
            .is_some_and(u8::is_ascii_lowercase);
        let acronym = !lower_start && {
            let text = &s[start..end];
            all_caps(text)
                || (poss && {
                    let tail: usize = text.chars().rev().take(2).map(char::len_utf8).sum();
                    all_caps(&text[..text.len() - tail])
                })
        };
        let lower_sets = LEX.flags(lower);
        let base_sets = if poss {
            LEX.flags(&lower[..lower.len() - 2])
        } else {
            lower_sets
        };
        toks.push(Tok {
            start,
            end,
            kind: Kind::Word,
            lower,
            cap: upper,
            acronym,
            poss,
            qwords: 0,
            lower_sets,
            base_sets,
        });
        pos = end;
        fpos = fend;
    }
}

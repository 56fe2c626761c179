//! Tokens of a sentence: numbers in digits, words, single symbols, each with
//! its byte span and a normalized form the lexicon is matched against.

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Num,
    Word,
    Sym,
}

/// One token of a sentence, with its byte span.
#[derive(Debug, Clone)]
pub struct Tok<'a> {
    pub kind: Kind,
    pub raw: &'a str,
    /// Lowercased, curly quotes and apostrophes folded, dashes folded to "-"
    /// (the em dash stays "—").
    pub norm: Cow<'a, str>,
    pub start: usize,
    pub end: usize,
    /// Whitespace between the previous token and this one.
    pub space_before: bool,
}

impl Tok<'_> {
    pub fn capitalized(&self) -> bool {
        self.kind == Kind::Word && self.raw.chars().next().is_some_and(char::is_uppercase)
    }
}

/// The zeros of the digit sets beyond ASCII that numbers are read in:
/// Arabic-Indic, Extended Arabic-Indic (Persian, Urdu), Devanagari, Bengali
/// and fullwidth; each set is the ten code points from its zero.
const DIGIT_ZEROS: [u32; 5] = [0x660, 0x6F0, 0x966, 0x9E6, 0xFF10];

/// The value of a decimal digit of ASCII or of a set of `DIGIT_ZEROS`.
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - '0' as u32);
    }
    DIGIT_ZEROS
        .iter()
        .find_map(|&zero| (c as u32).checked_sub(zero).filter(|d| *d < 10))
}

/// The decimal point and thousands separator of those digit sets, as ASCII.
fn number_separator(c: char) -> Option<char> {
    match c {
        '.' | '\u{66b}' | '\u{ff0e}' => Some('.'),
        ',' | '\u{66c}' | '\u{ff0c}' => Some(','),
        _ => None,
    }
}

/// The digits of `DIGIT_ZEROS` and ASCII, as a regex class.
pub const DIGIT_CLASS: &str =
    r"[0-9\x{660}-\x{669}\x{6f0}-\x{6f9}\x{966}-\x{96f}\x{9e6}-\x{9ef}\x{ff10}-\x{ff19}]";

static TOKEN_RE: LazyLock<Regex> = LazyLock::new(|| {
    let d = DIGIT_CLASS;
    let sep = r"[.,\x{66b}\x{66c}\x{ff0c}\x{ff0e}]";
    Regex::new(&format!(
        r"{d}+(?:{sep}{d}+)*|\p{{L}}[\p{{L}}\p{{M}}]*(?:['’]\p{{L}}[\p{{L}}\p{{M}}]*)*|\S"
    ))
    .expect("token regex")
});

fn normalize(raw: &str, kind: Kind) -> Cow<'_, str> {
    match kind {
        Kind::Num if raw.is_ascii() => Cow::Borrowed(raw),
        // "٣٠٠", "１２，０００": read as ASCII digits
        Kind::Num => Cow::Owned(
            raw.chars()
                .map(|c| {
                    digit_value(c)
                        .and_then(|d| char::from_digit(d, 10))
                        .or_else(|| number_separator(c))
                        .unwrap_or(c)
                })
                .collect(),
        ),
        Kind::Word => {
            if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                Cow::Borrowed(raw)
            } else if raw.is_ascii() {
                // The same as below: ASCII has no curly apostrophe.
                Cow::Owned(raw.to_ascii_lowercase())
            } else {
                Cow::Owned(raw.to_lowercase().replace('’', "'"))
            }
        }
        // Every folded symbol is beyond ASCII.
        Kind::Sym if raw.len() == 1 => Cow::Borrowed(raw),
        Kind::Sym => match raw {
            "“" | "”" | "„" | "«" | "»" | "‟" => Cow::Borrowed("\""),
            "‘" | "’" | "‚" | "′" => Cow::Borrowed("'"),
            "–" | "‒" | "−" | "‑" | "‐" => Cow::Borrowed("-"),
            "―" => Cow::Borrowed("—"),
            _ => Cow::Borrowed(raw),
        },
    }
}

/// Split a sentence into tokens (numbers, words, single symbols), as
/// `TOKEN_RE.find_iter` would: tokens of ASCII and punctuation are scanned
/// by hand, anything that needs Unicode classes is left to the regex, from
/// the token's start.
pub fn tokenize(s: &str) -> Vec<Tok<'_>> {
    tokenize_with(s, None)
}

/// `tokenize`, with the norms of ASCII words that have capitals taken from
/// `lower`, which must be `s.to_ascii_lowercase()`: one copy of a sentence
/// instead of one per capitalised word.
pub fn tokenize_lowered<'a>(s: &'a str, lower: &'a str) -> Vec<Tok<'a>> {
    debug_assert_eq!(s.len(), lower.len());
    tokenize_with(s, Some(lower))
}

fn tokenize_with<'a>(s: &'a str, lower: Option<&'a str>) -> Vec<Tok<'a>> {
    let b = s.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(s.len() / 4 + 1);
    let mut prev_end = 0;
    let mut start = 0;
    while let Some(&first) = b.get(start) {
        if first == b' ' {
            start += 1;
            continue;
        }
        // `\S` is any char but White_Space, which is what `is_whitespace`
        // tests; so a token starts at every other char.
        let c = if first.is_ascii() {
            first as char
        } else {
            s[start..].chars().next().unwrap_or_default()
        };
        if c.is_whitespace() {
            start += c.len_utf8();
            continue;
        }
        let (end, kind, fold) = plain_token(s, start, c).unwrap_or_else(|| {
            let end = TOKEN_RE
                .find_at(s, start)
                .map_or(start + c.len_utf8(), |m| m.end());
            let kind = if digit_value(c).is_some() {
                Kind::Num
            } else if c.is_alphabetic() {
                Kind::Word
            } else {
                Kind::Sym
            };
            (end, kind, Fold::Any)
        });
        let raw = &s[start..end];
        let norm = match (fold, lower) {
            (Fold::None, _) => Cow::Borrowed(raw),
            (Fold::AsciiCase, Some(lower)) => Cow::Borrowed(&lower[start..end]),
            (Fold::AsciiCase, None) => Cow::Owned(raw.to_ascii_lowercase()),
            (Fold::Any, _) => normalize(raw, kind),
        };
        out.push(Tok {
            kind,
            raw,
            norm,
            start,
            end,
            space_before: start > prev_end,
        });
        prev_end = end;
        start = end;
    }
    out
}

/// What it takes to normalize a token found by `plain_token`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fold {
    /// The token is its own norm.
    None,
    /// ASCII letters (and straight apostrophes) with capitals: lowercase them.
    AsciiCase,
    /// Anything `normalize` may do.
    Any,
}

/// True for a char of General Punctuation (U+2000–U+206F: spaces, dashes,
/// curly quotes, the ellipsis, invisible format chars). None is a letter,
/// mark or digit (see the tests): each ends a word, and is a token of its
/// own unless it is whitespace.
fn is_general_punctuation(c: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&c)
}

/// The end and kind of the `TOKEN_RE` match at `start`, whose first char
/// is `first`, when deciding it needs no Unicode class: ASCII digits, ASCII
/// letters up to ASCII or punctuation, one symbol that is no letter. Also
/// what normalizing the token takes. `None` when a char beyond could
/// change the answer.
fn plain_token(s: &str, start: usize, first: char) -> Option<(usize, Kind, Fold)> {
    let b = s.as_bytes();
    let char_at = |i: usize| s.get(i..).and_then(|r| r.chars().next());
    if first.is_ascii_digit() {
        // [0-9]+(?:[.,][0-9]+)*
        let digits_from = |mut i: usize| {
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            i
        };
        let mut i = digits_from(start + 1);
        while i + 1 < b.len() && matches!(b[i], b'.' | b',') && b[i + 1].is_ascii_digit() {
            i = digits_from(i + 2);
        }
        // Digits or separators of another set may go on: the regex decides.
        let beyond = |at: usize| {
            b.get(at).is_some_and(|c| !c.is_ascii())
                && char_at(at)
                    .is_some_and(|c| digit_value(c).is_some() || number_separator(c).is_some())
        };
        if beyond(i) || (matches!(b.get(i), Some(b'.' | b',')) && beyond(i + 1)) {
            return None;
        }
        return Some((i, Kind::Num, Fold::None));
    }
    if digit_value(first).is_some() {
        return None;
    }
    if !first.is_ascii_alphabetic() {
        // \S: one symbol. A char that is not alphabetic is no `\p{L}`
        // either, so no word starts at it; an alphabetic one beyond ASCII
        // may start one.
        let end = start + first.len_utf8();
        return if first.is_ascii() {
            Some((end, Kind::Sym, Fold::None))
        } else if is_general_punctuation(first) || !first.is_alphabetic() {
            Some((end, Kind::Sym, Fold::Any))
        } else {
            None
        };
    }
    // \p{L}[\p{L}\p{M}]*(?:['’]\p{L}[\p{L}\p{M}]*)*
    let mut i = start;
    let mut fold = Fold::None;
    loop {
        // An ASCII letter is lowercase when it has bit 0x20: AND them all.
        let mut lowercase = 0x20;
        while i < b.len() && b[i].is_ascii_alphabetic() {
            lowercase &= b[i];
            i += 1;
        }
        if lowercase == 0 && fold == Fold::None {
            fold = Fold::AsciiCase;
        }
        // The loop took the ASCII letters: any other ASCII char but an
        // apostrophe ends the word, without decoding a char.
        if b.get(i).is_none_or(|&c| c.is_ascii() && c != b'\'') {
            return Some((i, Kind::Word, fold));
        }
        let apostrophe = match char_at(i) {
            Some('\'') => 1,
            Some('’') => {
                // folded to a straight one
                fold = Fold::Any;
                '’'.len_utf8()
            }
            // Punctuation ends the word; another char may be a letter or a mark.
            Some(x) if !x.is_ascii() && !is_general_punctuation(x) => return None,
            _ => return Some((i, Kind::Word, fold)),
        };
        match char_at(i + apostrophe) {
            Some(x) if x.is_ascii_alphabetic() => i += apostrophe,
            Some(x) if !x.is_ascii() && !is_general_punctuation(x) => return None,
            _ => return Some((i, Kind::Word, fold)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn tokenize_agrees_with_the_token_regex_on_anything(
            s in "[a-zA-Z0-9.,'’ \u{a0}\u{2003}\u{200b}\u{2026}\u{2060}\t\n“”—«éÉ\u{301}ß北２٣٠٫٬１$%-]{0,40}"
        ) {
            let kind = |m: &str| match m.chars().next() {
                Some(c) if digit_value(c).is_some() => Kind::Num,
                Some(c) if c.is_alphabetic() => Kind::Word,
                _ => Kind::Sym,
            };
            let want: Vec<(usize, usize, Kind)> = TOKEN_RE
                .find_iter(&s)
                .map(|m| (m.start(), m.end(), kind(m.as_str())))
                .collect();
            let got: Vec<(usize, usize, Kind)> =
                tokenize(&s).iter().map(|t| (t.start, t.end, t.kind)).collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    proptest::proptest! {
        /// The shortcuts of `tokenize` (ASCII case folding, from the
        /// sentence's lowercase copy or not) normalize as `normalize` does.
        #[test]
        fn tokens_normalize_as_normalize_does(
            s in "[a-zA-Z0-9.,'’ \u{a0}“”—–«éÉ\u{301}ß£€½İK\u{212a}-]{0,40}"
        ) {
            let lower = s.to_ascii_lowercase();
            let plain = tokenize(&s);
            let lowered = tokenize_lowered(&s, &lower);
            proptest::prop_assert_eq!(plain.len(), lowered.len());
            for (a, b) in plain.iter().zip(&lowered) {
                let want = normalize(a.raw, a.kind);
                proptest::prop_assert_eq!(&a.norm, &want);
                proptest::prop_assert_eq!(&b.norm, &want);
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_letter_mark_or_digit() {
        let word = Regex::new(r"[\p{L}\p{M}0-9]").unwrap();
        for c in '\u{2000}'..='\u{206f}' {
            assert!(
                !word.is_match(&c.to_string()) && !c.is_alphabetic(),
                "{c:?}"
            );
        }
    }

    /// The tokenizer splits as the token regex does, on ASCII and Unicode.
    #[test]
    fn tokenize_agrees_with_the_token_regex() {
        let samples = [
            "More than 10,000 North Korean soldiers, 1.5bn and 3,000-strong.",
            "Ukraine’s “new page” — Zelensky's aides' plan; 12.7%, 1,5 or 1.2.3.",
            "Café naïve Ærø x\u{301}y o’ o'1 rock’n’roll l’Été 北朝鮮 ２３ 3.",
            "\u{a0}tab\there\u{2003}em\u{85}next, ends with ’",
            "a' b’ c’’d ’e 1. 2, 3.4.5 ,6 Straße İstanbul ǅemal",
        ];
        for s in samples {
            let want: Vec<(usize, usize)> = TOKEN_RE
                .find_iter(s)
                .map(|m| (m.start(), m.end()))
                .collect();
            let got: Vec<(usize, usize)> = tokenize(s).iter().map(|t| (t.start, t.end)).collect();
            assert_eq!(got, want, "{s}");
        }
    }

    #[test]
    fn tokens_keep_char_boundaries() {
        let s = "“More than 10,000” — ’tis\u{a0}5 km";
        for t in tokenize(s) {
            assert!(s.is_char_boundary(t.start) && s.is_char_boundary(t.end));
            assert_eq!(&s[t.start..t.end], t.raw);
        }
        let toks = tokenize(s);
        assert_eq!(toks[0].norm, "\"");
        assert!(toks.iter().any(|t| t.norm == "10,000"));
        assert!(toks.iter().any(|t| t.norm == "—"));
    }
}

//! Sentence tokens: words, punctuation, and quotations as single opaque tokens, so
//! nothing inside a quote can act as a cue or a claimer of the outer sentence.

use super::lexicon::{LEXICON as LEX, ascii_len};
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Quote,
    Punct(char),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tok<'a> {
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Folded (lower-case, `'`) text of a word; empty for other tokens. A slice of
    /// the folded sentence, so a token allocates nothing.
    pub lower: &'a str,
    /// First character is upper case.
    pub cap: bool,
    /// All letters upper case, at least two of them (US, KBS, DPRK).
    pub acronym: bool,
    /// Ends in a possessive `'s`.
    pub poss: bool,
    /// Number of words inside a quote token, counted up to 4 (only `<= 3` matters).
    pub qwords: u8,
    /// Lexicon sets holding `lower`, and holding `base()` ([`super::lexicon::w`] bits;
    /// 0 for non-words: the lexicon has no empty word).
    lower_sets: u32,
    base_sets: u32,
}

impl<'a> Tok<'a> {
    /// The punctuation character `c` at byte `start`.
    fn punct(start: usize, c: char) -> Tok<'a> {
        Tok {
            start,
            end: start + c.len_utf8(),
            kind: Kind::Punct(c),
            lower: "",
            cap: false,
            acronym: false,
            poss: false,
            qwords: 0,
            lower_sets: 0,
            base_sets: 0,
        }
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_quote(&self) -> bool {
        self.kind == Kind::Quote
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn word(&self) -> Option<&'a str> {
        self.is_word().then_some(self.lower)
    }
    /// Is `lower` in one of the lexicon sets `bits`?
    pub fn lower_in(&self, bits: u32) -> bool {
        self.lower_sets & bits != 0
    }
    /// Is `base()` in one of the lexicon sets `bits`?
    pub fn base_in(&self, bits: u32) -> bool {
        self.base_sets & bits != 0
    }
    /// `lower` without a possessive `'s`.
    pub fn base(&self) -> &'a str {
        if self.poss {
            &self.lower[..self.lower.len() - 2]
        } else {
            self.lower
        }
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "st", "prof", "maj",
    "capt", "adm", "jr", "sr", "no", "vs", "u.s", "u.k", "u.n", "e.u",
];

/// ASCII letters and digits, by byte.
static ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = (i as u8).is_ascii_alphanumeric();
        i += 1;
    }
    t
};

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

/// At least two letters, all of them upper case.
fn all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// Tokenize `s` onto the end of `toks`; `folded` is `fold(s)`; `quotes` are byte
/// ranges in `s` (sorted, non-overlapping, on char boundaries) that become single
/// quote tokens.
/// `text.split_whitespace().take(max).count()`, without the iterator
/// machinery: a quote only needs to know whether it has more than three words,
/// and ASCII bytes (most of any quote) need no char decoding.
// Out of line: once per quote, and inlined it cost the hot word loop of
// `tokenize` more than the call saves (callgrind).
#[inline(never)]
pub(crate) fn count_words(text: &str, max: u8) -> u8 {
    let mut n = 0;
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() && n < max {
        let b = bytes[i];
        let space = if b.is_ascii() {
            i += 1;
            b.is_ascii_whitespace() || b == b'\x0b'
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            i += c.len_utf8();
            c.is_whitespace()
        };
        if !space && !in_word {
            n += 1;
        }
        in_word = !space;
    }
    n
}

pub(crate) fn tokenize<'a>(
    s: &str,
    folded: &'a str,
    quotes: &[Range<usize>],
    toks: &mut Vec<Tok<'a>>,
) {
    // Folding goes char by char, so the folded text of `s[x..y]` is `folded[fx..fy]`;
    // `fpos` tracks `fx` alongside `pos`.
    let bytes = s.as_bytes();
    let lex = &*LEX;
    let mut qi = 0;
    let mut pos = 0;
    let mut fpos = 0;
    let quote_starts_at = |qi: usize, pos: usize| qi < quotes.len() && quotes[qi].start == pos;
    // Below this byte, quote `qi` neither starts nor has ended, so the quote
    // bookkeeping has nothing to do (`min`: a range that ends before it starts
    // still gets skipped where it ends).
    let quote_from = |qi: usize| quotes.get(qi).map_or(usize::MAX, |q| q.start.min(q.end));
    let mut next_quote = quote_from(0);
    while pos < bytes.len() {
        if pos >= next_quote {
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
                    qwords: count_words(text, 4),
                    lower_sets: 0,
                    base_sets: 0,
                });
                fpos += folded_len_str(text);
                pos = end;
                qi += 1;
                next_quote = quote_from(qi);
                continue;
            }
            next_quote = quote_from(qi);
        }
        // ASCII spaces and punctuation: one byte, folding to one byte.
        let b = bytes[pos];
        let ascii = b.is_ascii();
        if ascii && !ALNUM[usize::from(b)] {
            if !b.is_ascii_whitespace() && b != b'\x0b' {
                toks.push(Tok::punct(pos, char::from(b)));
            }
            pos += 1;
            fpos += 1;
            continue;
        }
        let Some(c) = char_at(s, pos) else {
            break;
        };
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
        let lower_sets = lex.flags(lower);
        let base_sets = if poss {
            lex.flags(&lower[..lower.len() - 2])
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

#[cfg(test)]
mod reference;

#[cfg(test)]
mod tests {
    use super::super::lexicon::fold;
    use super::*;
    use proptest::prelude::*;

    fn tok(s: &str) -> Vec<Tok<'_>> {
        // Leaked: the tokens borrow the folded text.
        let folded: &str = Box::leak(fold(s).into_boxed_str());
        let mut toks = Vec::new();
        tokenize(s, folded, &[], &mut toks);
        toks
    }

    #[test]
    fn words_possessives_abbreviations() {
        let s = "U.S. State Department’s Ha-kyou said 10,000 in Ukraine‘s east.";
        let t = tok(s);
        let words: Vec<&str> = t.iter().map(|t| &s[t.start..t.end]).collect();
        assert_eq!(
            words,
            vec![
                "U.S.",
                "State",
                "Department’s",
                "Ha-kyou",
                "said",
                "10,000",
                "in",
                "Ukraine‘s",
                "east",
                "."
            ]
        );
        assert!(t[2].poss && t[2].base() == "department");
        assert!(t[7].poss && t[7].base() == "ukraine");
        assert!(t[0].acronym);
    }

    #[test]
    fn quotes_are_single_tokens() {
        let s = "“He said no,” Umerov said.";
        let q = 0..s.find(" Umerov").unwrap_or(0);
        let folded = fold(s);
        let mut t = Vec::new();
        tokenize(s, &folded, std::slice::from_ref(&q), &mut t);
        assert!(t[0].is_quote());
        assert_eq!(t[1].lower, "umerov");
        assert_eq!(t[2].lower, "said");
    }

    #[test]
    fn lower_is_the_folded_word() {
        // Chars whose folded form is longer or shorter than they are.
        for s in [
            "İstanbul’s ȺB said `x` to Ω-team KELVIN’S Kº ǅemal ΣΑΣ.",
            "“Zelensky’s” ‘aide’ İİ. A.B. u.s. No. 5,000.5 e.U. Ⱥ’s",
            "\u{2028}Straße ʼn DŽ ß'S O'Neil's U.S.’s",
        ] {
            let folded = fold(s);
            let quote = s.find('“').map(|a| a..s.find('”').map_or(a, |b| b + 3));
            let quotes: Vec<Range<usize>> = quote.into_iter().collect();
            let mut toks = Vec::new();
            tokenize(s, &folded, &quotes, &mut toks);
            for t in toks {
                if t.is_word() {
                    assert_eq!(t.lower, fold(&s[t.start..t.end]), "{s}");
                }
            }
        }
    }

    /// Pieces that exercise every branch: joiners, abbreviations, possessives,
    /// chars that fold longer or shorter, Unicode spaces and punctuation, quote marks.
    const PIECES: &[&str] = &[
        "a", "Z", "7", "US", "said", "Mr", "u.s", " ", "  ", ".", ",", "-", "&", "'", "`", "’",
        "‘", "ʼ", "s", "’s", "'S", "“", "”", "\"", "—", "\u{2010}", "\u{2011}", "İ", "ß", "Σ", "ǅ",
        "Ⱥ", "é", "\u{2028}", "\u{a0}", "\x0b", "\n", "(", ":", "5,000", "1.5", "e.U", "KBS", "«",
        "»", "名", "🙂",
    ];

    /// A text built from `PIECES`, with quote ranges on its char boundaries:
    /// sorted and disjoint as callers give them, or any ranges at all.
    fn text_and_quotes() -> impl Strategy<Value = (String, Vec<Range<usize>>)> {
        (
            proptest::collection::vec(0..PIECES.len(), 0..40),
            proptest::collection::vec((any::<prop::sample::Index>(), 0usize..12), 0..4),
            any::<bool>(),
        )
            .prop_map(|(pieces, quotes, tidy)| {
                let s: String = pieces.iter().map(|&i| PIECES[i]).collect();
                let bounds: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
                let mut qs: Vec<Range<usize>> = quotes
                    .iter()
                    .map(|(at, len)| {
                        let a = at.index(bounds.len());
                        bounds[a]..bounds[(a + len).min(bounds.len() - 1)]
                    })
                    .collect();
                if tidy {
                    qs.retain(|q| q.start < q.end);
                    qs.sort_by_key(|q| q.start);
                    let mut last_end = 0;
                    qs.retain(|q| {
                        let keep = q.start >= last_end;
                        if keep {
                            last_end = q.end;
                        }
                        keep
                    });
                }
                (s, qs)
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        /// The fast paths change no token.
        #[test]
        fn same_tokens_as_the_reference((s, quotes) in text_and_quotes()) {
            let folded = fold(&s);
            let mut fast = Vec::new();
            tokenize(&s, &folded, &quotes, &mut fast);
            let mut slow = Vec::new();
            reference::tokenize_reference(&s, &folded, &quotes, &mut slow);
            prop_assert_eq!(fast, slow);
        }
    }
}

//! Sentence tokens: words, punctuation, and quotations as single opaque tokens, so
//! nothing inside a quote can act as a cue or a claimer of the outer sentence.

use super::lexicon::fold;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Quote,
    Punct(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    /// Byte span in the sentence.
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Folded (lower-case, `'`) text of a word; empty for other tokens.
    pub lower: String,
    /// `lower` without a possessive `'s`.
    pub base: String,
    /// First character is upper case.
    pub cap: bool,
    /// All letters upper case, at least two of them (US, KBS, DPRK).
    pub acronym: bool,
    /// Ends in a possessive `'s`.
    pub poss: bool,
    /// Number of words inside a quote token.
    pub qwords: usize,
}

impl Tok {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
    pub fn is_quote(&self) -> bool {
        self.kind == Kind::Quote
    }
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct(c)
    }
    pub fn word(&self) -> Option<&str> {
        self.is_word().then_some(self.lower.as_str())
    }
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sgt", "rep", "sen", "gov", "st", "prof", "maj",
    "capt", "adm", "jr", "sr", "no", "vs", "u.s", "u.k", "u.n", "e.u",
];

/// Tokenize `s`; `quotes` are byte ranges in `s` (sorted, non-overlapping, on char
/// boundaries) that become single quote tokens.
pub(crate) fn tokenize(s: &str, quotes: &[Range<usize>]) -> Vec<Tok> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let n = chars.len();
    let at = |i: usize| if i < n { chars[i].0 } else { s.len() };
    let mut toks = Vec::new();
    let mut qi = 0;
    let mut i = 0;
    let quote_starts_at = |qi: usize, pos: usize| qi < quotes.len() && quotes[qi].start == pos;
    while i < n {
        let (pos, c) = chars[i];
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
                lower: String::new(),
                base: String::new(),
                cap: false,
                acronym: false,
                poss: false,
                qwords: text.split_whitespace().count(),
            });
            while i < n && chars[i].0 < end {
                i += 1;
            }
            qi += 1;
            continue;
        }
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            toks.push(Tok {
                start: pos,
                end: pos + c.len_utf8(),
                kind: Kind::Punct(c),
                lower: String::new(),
                base: String::new(),
                cap: false,
                acronym: false,
                poss: false,
                qwords: 0,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < n {
            let cj = chars[j].1;
            if cj.is_alphanumeric() {
                j += 1;
                continue;
            }
            let prev = chars[j - 1].1;
            let next = if j + 1 < n {
                Some(chars[j + 1].1)
            } else {
                None
            };
            let next_alnum = next.is_some_and(char::is_alphanumeric);
            if quote_starts_at(qi, chars[j].0) {
                break;
            }
            let joins = match cj {
                '-' | '\'' | '\u{2019}' | '\u{2018}' | '&' | '\u{2010}' | '\u{2011}' => next_alnum,
                ',' => prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()),
                '.' => {
                    (prev.is_ascii_digit() && next.is_some_and(|x| x.is_ascii_digit()))
                        || (prev.is_alphabetic()
                            && next.is_some_and(char::is_alphabetic)
                            && (j < 2 || !chars[j - 2].1.is_alphanumeric()))
                }
                _ => false,
            };
            if joins {
                j += 1;
            } else {
                break;
            }
        }
        let mut end = at(j);
        // Folding is char by char, so the folded word with its period is the
        // folded word and a period.
        let mut lower = fold(&s[pos..end]);
        if j < n
            && chars[j].1 == '.'
            && (lower.contains('.') || ABBREVIATIONS.contains(&lower.as_str()))
        {
            end += 1;
            j += 1;
            lower.push('.');
        }
        let text = &s[pos..end];
        let poss = lower.len() > 2 && lower.ends_with("'s");
        let base = if poss {
            lower[..lower.len() - 2].to_owned()
        } else {
            lower.clone()
        };
        let letters = text.chars().filter(|c| c.is_alphabetic());
        let acronym = letters.clone().count() >= 2 && letters.clone().all(char::is_uppercase)
            || (poss && {
                let b = &text[..text.len()
                    - text
                        .chars()
                        .rev()
                        .take(2)
                        .map(char::len_utf8)
                        .sum::<usize>()];
                b.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && b.chars()
                        .filter(|c| c.is_alphabetic())
                        .all(char::is_uppercase)
            });
        toks.push(Tok {
            start: pos,
            end,
            kind: Kind::Word,
            base,
            lower,
            cap: c.is_uppercase(),
            acronym,
            poss,
            qwords: 0,
        });
        i = j;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_possessives_abbreviations() {
        let s = "U.S. State Department’s Ha-kyou said 10,000 in Ukraine‘s east.";
        let t = tokenize(s, &[]);
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
        assert!(t[2].poss && t[2].base == "department");
        assert!(t[7].poss && t[7].base == "ukraine");
        assert!(t[0].acronym);
    }

    #[test]
    fn quotes_are_single_tokens() {
        let s = "“He said no,” Umerov said.";
        let q = 0..s.find(" Umerov").unwrap_or(0);
        let t = tokenize(s, std::slice::from_ref(&q));
        assert!(t[0].is_quote());
        assert_eq!(t[1].lower, "umerov");
        assert_eq!(t[2].lower, "said");
    }
}

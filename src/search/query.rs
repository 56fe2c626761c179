//! A finder query in fzf's extended syntax: whitespace-separated terms,
//! all of which must match.
//!
//! | term | matches a sentence that |
//! | --- | --- |
//! | `word` | holds its letters in order (fuzzy) |
//! | `'word` | holds it as typed (exact) |
//! | `'word'` | holds it as a whole word |
//! | `"a phrase"` | holds the phrase, spaces included |
//! | `^word` | starts with it (after opening quotes) |
//! | `word$` | ends with it (before the closing full stop and quotes) |
//! | `^whole sentence$` | is it |
//! | `!word` (`!'word`, `!^word`, `!word$`, `!"a phrase"`) | does not hold it |
//!
//! Case is smart, term by term: a term with a capital letter matches case,
//! one without folds ASCII letters. A lone operator (`'`, `^`, `!`) is no
//! term yet: it is what one types on the way to one.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use std::ops::Range;

/// What a term asks of a sentence.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Kind {
    Fuzzy,
    Exact,
    Word,
    Prefix,
    Suffix,
    Equal,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Term {
    pub kind: Kind,
    pub text: String,
    /// `!`: the sentence must not match.
    pub negated: bool,
}

impl Term {
    fn new(kind: Kind, text: &str, negated: bool) -> Term {
        Term {
            kind,
            text: text.to_string(),
            negated,
        }
    }

    /// Matches case (the term has a capital letter).
    fn case_sensitive(&self) -> bool {
        self.text.chars().any(char::is_uppercase)
    }
}

/// The terms of `query`, each once, in the order typed.
pub fn parse(query: &str) -> Vec<Term> {
    let mut out: Vec<Term> = Vec::new();
    let mut rest = query;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            break;
        }
        let negated = rest.starts_with('!');
        if negated {
            rest = &rest[1..];
        }
        let term = if let Some(after) = rest.strip_prefix('"') {
            // A phrase runs to the closing quote, or to the end while it is
            // still being typed.
            let (phrase, next) = match after.find('"') {
                Some(end) => (&after[..end], &after[end + 1..]),
                None => (after, ""),
            };
            rest = next;
            (!phrase.trim().is_empty()).then(|| Term::new(Kind::Exact, phrase, negated))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let token = &rest[..end];
            rest = &rest[end..];
            classify(token, negated)
        };
        if let Some(t) = term
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
    out
}

fn classify(token: &str, negated: bool) -> Option<Term> {
    let (kind, text) = if let Some(t) = token.strip_prefix('\'') {
        match t.strip_suffix('\'') {
            Some(w) if !w.is_empty() => (Kind::Word, w),
            _ => (Kind::Exact, t),
        }
    } else if let Some(t) = token.strip_prefix('^') {
        match t.strip_suffix('$') {
            Some(w) if !w.is_empty() => (Kind::Equal, w),
            _ => (Kind::Prefix, t),
        }
    } else if let Some(t) = token.strip_suffix('$') {
        (Kind::Suffix, t)
    } else if negated {
        // fzf: `!word` does not hold the word exactly.
        (Kind::Exact, token)
    } else {
        (Kind::Fuzzy, token)
    };
    (!text.is_empty()).then(|| Term::new(kind, text, negated))
}

/// Whether every sentence `new` matches is one `old` matches, so that a
/// search for `new` may look only among `old`'s matches: the same terms,
/// the last one typed on (a fuzzy, exact or prefix term made longer), and
/// maybe more terms after.
pub fn narrows(old: &[Term], new: &[Term]) -> bool {
    let Some((last, before)) = old.split_last() else {
        return false;
    };
    if new.len() < old.len() || new[..before.len()] != *before {
        return false;
    }
    let next = &new[before.len()];
    next == last
        || (!last.negated
            && !next.negated
            && last.kind == next.kind
            && matches!(last.kind, Kind::Fuzzy | Kind::Exact | Kind::Prefix)
            && next.text.starts_with(&last.text))
}

/// Characters a sentence may open with before its first word.
const OPENING: &[char] = &['“', '"', '\'', '‘', '(', '[', '«', '—', '-'];
/// Characters a sentence may close with after its last word.
const CLOSING: &[char] = &[
    '.', '!', '?', '…', ':', ';', ',', '”', '"', '\'', '’', ')', ']', '»',
];

/// Byte offset of the first match of `pat` in `text` at or after `from`,
/// folding ASCII case when `fold`.
fn find(text: &str, pat: &str, fold: bool, from: usize) -> Option<usize> {
    let (t, p) = (text.as_bytes(), pat.as_bytes());
    if !fold {
        return memchr::memmem::find(&t[from..], p).map(|i| i + from);
    }
    let last = t.len().checked_sub(p.len())?;
    (from..=last).find(|&i| t[i..i + p.len()].eq_ignore_ascii_case(p))
}

fn eq(a: &str, b: &str, fold: bool) -> bool {
    if fold {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// The byte range in `text` that a positive term matches, for every kind
/// but fuzzy.
fn literal_match(term: &Term, text: &str) -> Option<Range<usize>> {
    let fold = !term.case_sensitive();
    let pat = term.text.as_str();
    let n = pat.len();
    match term.kind {
        Kind::Fuzzy => None,
        Kind::Exact => find(text, pat, fold, 0).map(|i| i..i + n),
        Kind::Word => {
            let mut from = 0;
            while let Some(i) = find(text, pat, fold, from) {
                let before = text[..i].chars().next_back();
                let after = text[i + n..].chars().next();
                if !is_word_char(before) && !is_word_char(after) {
                    return Some(i..i + n);
                }
                from = i + text[i..].chars().next().map_or(1, char::len_utf8);
            }
            None
        }
        Kind::Prefix | Kind::Suffix | Kind::Equal => {
            let start = text.len() - text.trim_start_matches(OPENING).trim_start().len();
            let end = text.trim_end().trim_end_matches(CLOSING).trim_end().len();
            let body = text.get(start..end.max(start))?;
            let hit = match term.kind {
                Kind::Prefix => body.get(..n).filter(|b| eq(b, pat, fold)).map(|_| 0..n),
                Kind::Suffix => body
                    .len()
                    .checked_sub(n)
                    .filter(|&i| body.is_char_boundary(i) && eq(&body[i..], pat, fold))
                    .map(|i| i..body.len()),
                _ => eq(body, pat, fold).then_some(0..body.len()),
            }?;
            Some(start + hit.start..start + hit.end)
        }
    }
}

/// A literal match's score: as long a fuzzy match of the same characters
/// would score, about, with a bonus for starting a word.
fn literal_score(text: &str, range: &Range<usize>) -> i64 {
    let chars = text[range.clone()].chars().count() as i64;
    let at_word = !is_word_char(text[..range.start].chars().next_back());
    chars * 20 + if at_word { 10 } else { 0 }
}

/// One term's score on `text`, or None when it does not match. A negated
/// term that holds scores 0.
pub fn score(matcher: &SkimMatcherV2, text: &str, term: &Term) -> Option<i64> {
    let positive = match term.kind {
        Kind::Fuzzy => matcher.fuzzy_match(text, &term.text),
        _ => literal_match(term, text).map(|r| literal_score(text, &r)),
    };
    match (term.negated, positive) {
        (false, s) => s,
        (true, None) => Some(0),
        (true, Some(_)) => None,
    }
}

/// Char indices (not bytes) of what a positive term matched in `text`.
pub fn indices(matcher: &SkimMatcherV2, text: &str, term: &Term) -> Vec<usize> {
    if term.negated {
        return Vec::new();
    }
    match term.kind {
        Kind::Fuzzy => matcher
            .fuzzy_indices(text, &term.text)
            .map_or(Vec::new(), |(_, i)| i),
        _ => literal_match(term, text).map_or(Vec::new(), |r| {
            let first = text[..r.start].chars().count();
            (first..first + text[r].chars().count()).collect()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(kind: Kind, text: &str) -> Term {
        Term::new(kind, text, false)
    }

    fn not(kind: Kind, text: &str) -> Term {
        Term::new(kind, text, true)
    }

    #[test]
    fn parses_fzf_extended_syntax() {
        assert_eq!(
            parse(
                r#"troops 'injured 'war' ^The kursk$ ^All clear$ !fired !^Mr !said$ !'x "nearly 40" !"per cent""#
            ),
            vec![
                t(Kind::Fuzzy, "troops"),
                t(Kind::Exact, "injured"),
                t(Kind::Word, "war"),
                t(Kind::Prefix, "The"),
                t(Kind::Suffix, "kursk"),
                t(Kind::Prefix, "All"),
                t(Kind::Suffix, "clear"),
                not(Kind::Exact, "fired"),
                not(Kind::Prefix, "Mr"),
                not(Kind::Suffix, "said"),
                not(Kind::Exact, "x"),
                t(Kind::Exact, "nearly 40"),
                not(Kind::Exact, "per cent"),
            ]
        );
        assert_eq!(parse("^exactly$"), vec![t(Kind::Equal, "exactly")]);
        // Half-typed: lone operators are no terms; an open quote runs on.
        assert_eq!(parse("' ^ ! !' \"\" $"), vec![]);
        assert_eq!(parse("\"nearly 4"), vec![t(Kind::Exact, "nearly 4")]);
        assert_eq!(
            parse("a 'a a"),
            vec![t(Kind::Fuzzy, "a"), t(Kind::Exact, "a")]
        );
    }

    fn matches(query: &str, text: &str) -> bool {
        let m = SkimMatcherV2::default().smart_case();
        parse(query).iter().all(|t| score(&m, text, t).is_some())
    }

    #[test]
    fn each_kind_matches_what_it_says() {
        let s = "“Nearly 40 people were injured,” the mayor of Kursk said.";
        assert!(matches("injured", s));
        assert!(matches("njrd", s), "fuzzy stays the default");
        assert!(!matches("'njrd", s), "exact needs the letters together");
        assert!(matches("'injured", s));
        assert!(matches("'jure", s), "exact is a substring, as in fzf");
        assert!(!matches("'jure'", s), "'…' is a whole word");
        assert!(matches("'injured'", s));
        assert!(matches("\"nearly 40\"", s));
        assert!(!matches("\"nearly 41\"", s));
        assert!(matches("^nearly", s), "after the opening quote");
        assert!(!matches("^people", s));
        assert!(matches("said$", s), "before the full stop");
        assert!(matches("kursk said$", s));
        assert!(!matches("kursk$", s));
        assert!(matches("!wounded", s));
        assert!(!matches("!injured", s));
        assert!(!matches("!^nearly", s));
        assert!(matches("!^people", s));
        assert!(!matches("!\"40 people\"", s));
        assert!(matches("^Nearly$", "Nearly."));
        // Smart case, term by term.
        assert!(matches("'Kursk 'mayor", s));
        assert!(!matches("'KURSK", s));
    }

    #[test]
    fn indices_mark_the_literal_match() {
        let m = SkimMatcherV2::default().smart_case();
        let s = "Über 40 were injured.";
        let term = &parse("'injured")[0];
        assert_eq!(indices(&m, s, term), (13..20).collect::<Vec<_>>());
        let term = &parse("^über")[0];
        assert_eq!(
            indices(&m, s, term),
            Vec::<usize>::new(),
            "Ü folds only as ASCII: no match"
        );
        let term = &parse("^Über")[0];
        assert_eq!(indices(&m, s, term), (0..4).collect::<Vec<_>>());
        assert!(indices(&m, s, &parse("!x")[0]).is_empty());
    }

    #[test]
    fn a_query_narrows_only_what_it_can_only_narrow() {
        let n = |a: &str, b: &str| narrows(&parse(a), &parse(b));
        assert!(n("inj", "inju"));
        assert!(n("'inj", "'inju"));
        assert!(n("^th", "^the"));
        assert!(n("inj", "inj '"));
        assert!(n("inj", "inj 'x"));
        assert!(n("inj", "inj !x"));
        assert!(n("\"nearly", "\"nearly 40\""));
        assert!(!n("!a", "!ab"), "fewer sentences lack the longer word");
        assert!(!n("ab$", "abc$"));
        assert!(!n("'ab'", "'abc'"));
        assert!(!n("ab", "ab$"));
        assert!(!n("ab cd", "ab"));
        assert!(!n("", "ab"));
    }
}

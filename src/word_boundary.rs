//! Regexes with `\b` that stay fast on news text.
//!
//! A Unicode `\b` makes regex's lazy DFA give up at the first non-ASCII byte
//! (a curly quote, a dash, a euro sign) and fall back to an NFA engine that is
//! many times slower. Where a text has no non-ASCII *word* character, an
//! ASCII-only `(?-u:\b)` finds exactly the same boundaries, and the DFA
//! handles it; so each such pattern is compiled twice and the text picks.

use regex::{Regex, RegexBuilder};
use std::sync::OnceLock;

/// A pattern compiled with an ASCII-only word boundary and, when it has a
/// `\b`, as written as well.
#[derive(Debug, Clone)]
pub struct BoundaryRegex {
    pattern: String,
    case_insensitive: bool,
    /// The pattern with ASCII word boundaries; the pattern itself when it
    /// has no `\b`.
    ascii: Regex,
    /// True when the pattern has a word boundary.
    has_boundary: bool,
    /// The pattern as written, compiled on first need only: most text keeps
    /// ASCII boundaries, and compiling is most of what a regex costs a short
    /// run.
    unicode: OnceLock<Regex>,
}

fn build(pattern: &str, case_insensitive: bool) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern)
        .case_insensitive(case_insensitive)
        .build()
}

impl BoundaryRegex {
    pub fn new(pattern: &str, case_insensitive: bool) -> Result<BoundaryRegex, regex::Error> {
        let ascii = ascii_word_boundary(pattern);
        Ok(BoundaryRegex {
            pattern: pattern.to_string(),
            case_insensitive,
            ascii: build(&ascii, case_insensitive)?,
            has_boundary: ascii != pattern,
            unicode: OnceLock::new(),
        })
    }

    /// The regex to run on a text for which `ascii_boundaries_hold` said
    /// `plain_text`: both answer alike, the ASCII one faster.
    pub fn for_text(&self, plain_text: bool) -> &Regex {
        if plain_text || !self.has_boundary {
            return &self.ascii;
        }
        self.unicode.get_or_init(|| {
            // The forms differ only in the kind of `\b`, so this compiles as
            // the ASCII form did; the fallback only keeps text from ever
            // reaching a panic here.
            build(&self.pattern, self.case_insensitive).unwrap_or_else(|_| self.ascii.clone())
        })
    }
}

/// True when every word boundary in `text` is the same under Unicode and
/// ASCII rules: no character outside ASCII is (or might be) a word
/// character. Punctuation news text uses — curly quotes, dashes, ellipses,
/// currency signs, no-break spaces — is allowed; letters, digits, marks and
/// joiners beyond ASCII are not.
pub fn ascii_boundaries_hold(text: &str) -> bool {
    let mut rest = text;
    loop {
        let i = ascii_prefix_len(rest.as_bytes());
        let Some(c) = rest[i..].chars().next() else {
            return true;
        };
        let allowed = match c {
            // Latin-1 punctuation and signs, but not ª ² ³ µ ¹ º ¼ ½ ¾
            '\u{a0}'..='\u{bf}' => !c.is_alphanumeric(),
            // dashes, quotes, bullets, ellipsis; currency signs (no letter
            // or digit among them, see the tests)
            '\u{2010}'..='\u{203e}' | '\u{20a0}'..='\u{20cf}' => true,
            _ => false,
        };
        if !allowed {
            return false;
        }
        rest = &rest[i + c.len_utf8()..];
    }
}

/// The length of the ASCII prefix of `b`: most text is ASCII between a few
/// quotes and dashes, and `is_ascii` tests a block a word at a time.
pub fn ascii_prefix_len(b: &[u8]) -> usize {
    let mut i = 0;
    while b.len() - i >= 16 && b[i..i + 16].is_ascii() {
        i += 16;
    }
    while i < b.len() && b[i].is_ascii() {
        i += 1;
    }
    i
}

/// The pattern with every `\b` written as `(?-u:\b)` (an escaped backslash
/// before a `b` is left alone).
pub fn ascii_word_boundary(pattern: &str) -> String {
    replace_word_boundaries(pattern, r"(?-u:\b)")
}

/// The pattern with every `\b` left out (as an empty group, so that nothing
/// after it changes meaning). It matches wherever the pattern does, and more:
/// a cheap first test that needs no word boundary.
pub fn without_word_boundaries(pattern: &str) -> String {
    replace_word_boundaries(pattern, "(?:)")
}

fn replace_word_boundaries(pattern: &str, with: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 8);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b') => out.push_str(with),
            Some(next) => {
                out.push(c);
                out.push(next);
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rewrites_only_word_boundaries() {
        assert_eq!(ascii_word_boundary(r"\bphoto\b"), r"(?-u:\b)photo(?-u:\b)");
        assert_eq!(ascii_word_boundary(r"a\\b\d"), r"a\\b\d");
        assert!(
            !BoundaryRegex::new(r"^photo\s*:", true)
                .unwrap()
                .has_boundary
        );
        assert!(BoundaryRegex::new(r"\bphoto\b", true).unwrap().has_boundary);
    }

    #[test]
    fn leaves_out_only_word_boundaries() {
        assert_eq!(without_word_boundaries(r"\bphoto\b"), r"(?:)photo(?:)");
        assert_eq!(without_word_boundaries(r"a\\b\d"), r"a\\b\d");
    }

    #[test]
    fn which_texts_keep_ascii_boundaries() {
        assert!(ascii_boundaries_hold("plain text, 10,000."));
        assert!(ascii_boundaries_hold("“Quoted” — he said… €5 £3\u{a0}x"));
        assert!(!ascii_boundaries_hold("café"));
        assert!(!ascii_boundaries_hold("x\u{301}"));
        assert!(!ascii_boundaries_hold("٣ items"));
        assert!(!ascii_boundaries_hold("a\u{200d}b"));
        assert!(!ascii_boundaries_hold("µs ª º ²"));
        assert!(!ascii_boundaries_hold("a\u{203f}b"));
    }

    #[test]
    fn punctuation_ranges_hold_no_word_chars() {
        for c in ('\u{2010}'..='\u{203e}').chain('\u{20a0}'..='\u{20cf}') {
            assert!(!c.is_alphanumeric(), "{c:?}");
        }
    }

    /// Text the check fails on gets the pattern as written, compiled when
    /// first asked for.
    #[test]
    fn unicode_form_is_the_pattern_as_written() {
        let r = BoundaryRegex::new(r"\bphoto\b", true).unwrap();
        assert!(r.for_text(true).is_match("éphoto"));
        assert!(!r.for_text(false).is_match("éphoto"));
        assert!(r.for_text(false).is_match("a photo"));
        let plain = BoundaryRegex::new(r"^photo:", true).unwrap();
        assert!(plain.for_text(false).is_match("Photo: x"));
    }

    /// Both regexes find the same matches wherever the check passes.
    #[test]
    fn both_forms_agree_where_the_check_passes() {
        let patterns = [
            r"\b\d+\s+(?:comments?|replies)\b",
            r"(?i)\b(?:cart|basket)\s*:\s*[^\n]*",
            r"\bphoto (by|courtesy of) [^.]{2,80}$",
            r"(?:\+\d{1,3}[\s.\-]?)?\b\d{3}[.\-]\d{3}[.\-]\d{4}\b",
        ];
        let texts = [
            "“12 comments” — cart: 3 items",
            "call 555-123-4567… now",
            "“Photo by AP,” he said",
            "x12 comments€ 5 replies’",
            "Cart:—“x”",
        ];
        for p in patterns {
            let r = BoundaryRegex::new(p, true).unwrap();
            for t in texts {
                assert!(ascii_boundaries_hold(t));
                let a: Vec<_> = r.for_text(true).find_iter(t).map(|m| m.range()).collect();
                let u: Vec<_> = r.for_text(false).find_iter(t).map(|m| m.range()).collect();
                assert_eq!(a, u, "{p} on {t}");
            }
        }
    }
}

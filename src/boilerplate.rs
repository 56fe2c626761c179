//! Boilerplate: drops web chrome lines, marks captions, strips truncation
//! markers. Driven by `assets/boilerplate.toml`.

use crate::word_boundary::{BoundaryRegex, ascii_boundaries_hold, without_word_boundaries};
use regex::{Regex, RegexBuilder, RegexSet, RegexSetBuilder};
use serde::Deserialize;
use std::sync::{LazyLock, OnceLock};

#[derive(Deserialize)]
struct Raw {
    drop: Vec<String>,
    tail_caps_max_words: usize,
    truncation: String,
    caption: Vec<String>,
}

struct Lexicon {
    drop: Patterns,
    tail_caps_max_words: usize,
    truncation: Regex,
    caption: Patterns,
}

/// A case-insensitive pattern set that matches as one `RegexSet` would, but
/// fast on news text. Patterns anchored at the start form one set, which
/// gives up within a few bytes of a line that does not open like any of them.
/// Any other pattern in a set would make the set scan the whole text, so each
/// is a regex of its own: one anchored only at the end (a caption's
/// "(photo: …)$") is then searched backwards from the end, a few dozen bytes.
///
/// A pattern with a `\b` takes part without its word boundaries, which
/// matches wherever the pattern does: no line of news text pays for finding
/// which boundaries hold (see [`crate::word_boundary`]) unless it is a candidate,
/// and such lines are rare. The pattern as written then has the last word.
struct Patterns {
    /// The patterns anchored at the start.
    anchored: RegexSet,
    /// For each member of `anchored`, what a match of it must still pass.
    anchored_confirm: Vec<Confirm>,
    /// The other patterns, each with what a match must still pass.
    unanchored: Vec<(Regex, Confirm)>,
}

/// What a match of a pattern as it takes part in [`Patterns`] must still pass.
enum Confirm {
    /// Nothing: the pattern took part as written.
    Nothing,
    /// The pattern as written, which took part without its word boundaries;
    /// compiled on first need only.
    Boundaries {
        pattern: String,
        regex: OnceLock<Result<BoundaryRegex, regex::Error>>,
    },
}

impl Confirm {
    fn for_pattern(pattern: &str) -> (String, Confirm) {
        let loose = without_word_boundaries(pattern);
        if loose == pattern {
            return (loose, Confirm::Nothing);
        }
        let confirm = Confirm::Boundaries {
            pattern: pattern.to_string(),
            regex: OnceLock::new(),
        };
        (loose, confirm)
    }

    /// True when `text`, which the pattern matched as it takes part, is a
    /// match of the pattern as written.
    fn holds(&self, text: &str) -> bool {
        match self {
            Confirm::Nothing => true,
            Confirm::Boundaries { pattern, regex } => {
                // Its loose form compiled, so this does as well; should it
                // not, the loose answer stands rather than a panic.
                match regex.get_or_init(|| BoundaryRegex::new(pattern, true)) {
                    Ok(r) => r.for_text(ascii_boundaries_hold(text)).is_match(text),
                    Err(_) => true,
                }
            }
        }
    }
}

impl Patterns {
    fn new(patterns: &[String], what: &str) -> Patterns {
        let (anchored, unanchored): (Vec<_>, Vec<_>) = patterns
            .iter()
            .map(|p| Confirm::for_pattern(p))
            // Only a matter of speed: any pattern may sit on either side.
            .partition(|(p, _)| p.starts_with('^'));
        let (anchored, anchored_confirm): (Vec<String>, Vec<Confirm>) =
            anchored.into_iter().unzip();
        Patterns {
            anchored: RegexSetBuilder::new(anchored)
                .case_insensitive(true)
                .build()
                .unwrap_or_else(|e| panic!("{what} patterns compile: {e}")),
            anchored_confirm,
            unanchored: unanchored
                .into_iter()
                .map(|(p, confirm)| {
                    let regex = RegexBuilder::new(&p)
                        .case_insensitive(true)
                        .build()
                        .unwrap_or_else(|e| panic!("{what} pattern {p:?} compiles: {e}"));
                    (regex, confirm)
                })
                .collect(),
        }
    }

    fn is_match(&self, text: &str) -> bool {
        // Most text matches no member; which ones matched is asked only then.
        if self.anchored.is_match(text)
            && self
                .anchored
                .matches(text)
                .iter()
                .any(|i| self.anchored_confirm[i].holds(text))
        {
            return true;
        }
        self.unanchored
            .iter()
            .any(|(r, confirm)| r.is_match(text) && confirm.holds(text))
    }
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let raw: Raw = toml::from_str(include_str!("../assets/boilerplate.toml"))
        .expect("assets/boilerplate.toml is valid");
    let anchored: Vec<String> = raw.drop.iter().map(|p| format!("^(?:{p})$")).collect();
    Lexicon {
        drop: Patterns::new(&anchored, "drop"),
        tail_caps_max_words: raw.tail_caps_max_words,
        truncation: Regex::new(&raw.truncation).expect("truncation pattern compiles"),
        caption: Patterns::new(&raw.caption, "caption"),
    }
});

/// Builds LEXICON now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&LEXICON);
}

/// The line with leading and trailing punctuation and symbols trimmed, as
/// chrome patterns see it ("‚ Subscribe" → "Subscribe").
fn core(line: &str) -> &str {
    line.trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')' && c != '$')
}

/// True when a line is page chrome rather than article text.
pub fn is_chrome(line: &str) -> bool {
    let core = core(line);
    !core.is_empty() && LEXICON.drop.is_match(core)
}

/// A short ALL-CAPS line such as a sidebar heading ("INVESTING BOOKS").
pub fn is_caps_heading(line: &str) -> bool {
    let core = core(line);
    // A lowercase letter rules out nearly every line within a few chars, so
    // it is tested first; counting words past the limit would not change the
    // answer.
    if core.chars().any(char::is_lowercase) {
        return false;
    }
    let words = core
        .split_whitespace()
        .take(LEXICON.tail_caps_max_words + 1)
        .count();
    words > 0 && words <= LEXICON.tail_caps_max_words && core.chars().any(char::is_alphabetic)
}

/// True when a paragraph is a photo caption or credit.
pub fn is_caption(paragraph: &str) -> bool {
    LEXICON.caption.is_match(paragraph.trim())
}

/// The line without a trailing truncation marker ("…[+]", "… [+1234 chars]").
pub fn strip_truncation(line: &str) -> &str {
    // Every marker holds "[+"; most lines have no '[' at all.
    if !holds_open_plus(line.as_bytes()) {
        return line;
    }
    match LEXICON.truncation.find(line) {
        Some(m) => &line[..m.start()],
        None => line,
    }
}

/// True when `b` holds "[+", found by memchr on '[' (rare in news text).
fn holds_open_plus(b: &[u8]) -> bool {
    let mut from = 0;
    while let Some(p) = memchr::memchr(b'[', &b[from..]) {
        let at = from + p;
        if b.get(at + 1) == Some(&b'+') {
            return true;
        }
        from = at + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_lines_from_the_seeds_and_elsewhere() {
        for line in [
            "Checkout",
            "Cart: $0.00 - (0 items )",
            "Loading…",
            "Be the first to know when NEW books are released!",
            "We don’t spam! Read our privacy policy for more info.",
            "Write a Reply or Comment:",
            "Back to top",
            "‚ Subscribe",
            "LEAVE A REPLY",
            "Please enter your comment!",
            "Please enter your name here",
            "The reCAPTCHA verification period has expired. Please reload the page.",
            "More Articles",
            "Share this article",
            "Share on: Facebook Twitter Email",
            "Sign up for our daily newsletter",
            "Advertisement",
            "Skip to main content",
            "View cart (2)",
            "12 Comments",
        ] {
            assert!(is_chrome(line), "not chrome: {line}");
        }
    }

    #[test]
    fn article_sentences_are_not_chrome() {
        for line in [
            "Ukraine Announces First Direct Clashes With North Korean Troops",
            "Subscribers to the service said prices rose by 12%.",
            "The shop was destroyed in the attack, officials said.",
            "Readers left more than 300 comments on the ministry's post.",
            "He urged Europe to share the burden of air defence.",
            "Loading of the grain ships resumed on Monday.",
        ] {
            assert!(!is_chrome(line), "chrome: {line}");
        }
    }

    #[test]
    fn captions_and_credits() {
        assert!(is_caption(
            "Photo: Ukraine’s President Volodymyr Zelensky estimates that some 11,000 North Korean troops are in Russia’s Kursk border region. (BBC)"
        ));
        assert!(is_caption(
            "Ukraine's President Volodymyr Zelenskiy said Tuesday that North Korean troops have entered combat. File Photo by Ting Shen/UPI"
        ));
        assert!(is_caption("Getty Images"));
        assert!(is_caption("Credit: ABC News"));
        assert!(is_caption(
            "Firefighters hose down the roof of the mill on Friday. (Source: WXYZ News 4)"
        ));
        assert!(!is_caption(
            "The mill employed 300 people (source: the county's records) until it closed."
        ));
        assert!(!is_caption(
            "The Pentagon stated that at least 10,000 North Korean soldiers are currently stationed near Ukraine’s border."
        ));
    }

    #[test]
    fn truncation_markers() {
        assert_eq!(strip_truncation("region. (BBC)…[+]"), "region. (BBC)");
        assert_eq!(strip_truncation("the war … [+2345 chars]"), "the war");
        assert_eq!(strip_truncation("no marker [+] here"), "no marker [+] here");
    }

    /// The split set answers as the plain `RegexSet` of the same patterns,
    /// on ASCII and non-ASCII text alike.
    #[test]
    fn split_patterns_match_as_one_set() {
        let raw: Raw = toml::from_str(include_str!("../assets/boilerplate.toml")).unwrap();
        let set = RegexSetBuilder::new(&raw.caption)
            .case_insensitive(true)
            .build()
            .unwrap();
        let split = Patterns::new(&raw.caption, "caption");
        let drop: Vec<String> = raw.drop.iter().map(|p| format!("^(?:{p})$")).collect();
        let drop_set = RegexSetBuilder::new(&drop)
            .case_insensitive(true)
            .build()
            .unwrap();
        let drop_split = Patterns::new(&drop, "drop");
        for text in [
            "Read our privacy policy — “now”",
            "Be the first to know… today",
            "Be the first to knowé",
            "We don’t spam! Read our privacy policy for more info.",
        ] {
            assert_eq!(drop_split.is_match(text), drop_set.is_match(text), "{text}");
        }
        for text in [
            "File photo by Ting Shen/UPI",
            "Zelenskiy said it. File Photo by Ting Shen/UPI",
            "“Quoted,” he said. File photo by Ting Shen/UPI",
            "éphoto by someone",
            "xphoto by someone",
            "“Quoted,” he said. Photo by AP — and more",
            "naïve photo by someone",
            "Photo: the scene",
            "The scene (photo: AP)",
            "“Nothing here,” the minister said.",
        ] {
            assert_eq!(split.is_match(text), set.is_match(text), "{text}");
        }
    }

    /// Texts made of pieces of the patterns, letters whose word boundaries
    /// differ under Unicode and ASCII rules, and punctuation.
    fn pattern_like_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let pieces = prop::sample::select(vec![
            "be the first to know",
            "Read our privacy policy",
            "read our privacy policy",
            "photo by ",
            "File Photo by ",
            "photo courtesy of ",
            "credit: ",
            "Subscribe",
            "share on ",
            "x",
            "é",
            "ſ",
            "\u{212a}",
            "\u{301}",
            "1",
            " ",
            ".",
            "—",
            "“",
            "(",
            ")",
            "/AFP",
        ]);
        prop::collection::vec(pieces, 0..12).prop_map(|p| p.concat())
    }

    /// The caption and drop patterns, each as a plain set and split.
    static SETS: LazyLock<Vec<(RegexSet, Patterns)>> = LazyLock::new(|| {
        let raw: Raw = toml::from_str(include_str!("../assets/boilerplate.toml")).unwrap();
        let drop: Vec<String> = raw.drop.iter().map(|p| format!("^(?:{p})$")).collect();
        [raw.caption, drop]
            .iter()
            .map(|patterns| {
                let set = RegexSetBuilder::new(patterns)
                    .case_insensitive(true)
                    .build()
                    .unwrap();
                (set, Patterns::new(patterns, "test"))
            })
            .collect()
    });

    proptest::proptest! {
        /// Taking part without word boundaries and confirming with them
        /// answers as the plain `RegexSet` of the patterns as written.
        #[test]
        fn loose_then_confirmed_matches_as_one_set(text in pattern_like_text()) {
            for (set, split) in SETS.iter() {
                proptest::prop_assert_eq!(split.is_match(&text), set.is_match(&text), "{}", text);
            }
        }
    }

    #[test]
    fn caps_headings() {
        assert!(is_caps_heading("INVESTING BOOKS"));
        assert!(!is_caps_heading("Investing books"));
        assert!(!is_caps_heading("THE FIVE MOST IMPORTANT THINGS TO KNOW"));
        assert!(!is_caps_heading("2024"));
    }
}

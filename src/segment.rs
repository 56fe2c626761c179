//! Sentence segmentation for news text: abbreviations (U.S., Nov. 6, Mr.,
//! Gen., a.m., No. 5, initials), decimals, quotes that end a sentence and
//! quotes that do not (“…,” he said.), ellipses.

use rustc_hash::FxHashSet;
use std::borrow::Cow;
use std::ops::Range;
use std::sync::LazyLock;

/// Words that take a period and never end a sentence when a name or number
/// follows (compared without the period, case-insensitively).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt",
    "ft", "jr", "sr", "inc", "ltd", "co", "corp", "bros", "dept", "univ", "assn", "vs", "v", "no",
    "nos", "vol", "fig", "approx", "est", "ave", "blvd", "rd", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "a.m", "p.m", "e.g", "i.e", "etc", "cf", "al", "ca", "op", "pp",
    "para", "art", "sec", "ch",
];

/// Abbreviations that stand before a name or number and so never end a
/// sentence, whatever follows.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cpt", "sgt", "cpl", "pvt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "st", "mt",
    "ft", "no", "nos", "vol", "fig", "vs", "v",
];

/// After an abbreviation that can also end a sentence (U.S., a.m., etc.), a
/// capitalised word from this list starts a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "Or",
    "So",
    "In",
    "On",
    "At",
    "As",
    "By",
    "For",
    "If",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "According",
    "However",
    "Meanwhile",
    "Earlier",
    "Later",
    "After",
    "Before",
    "When",
    "While",
    "Since",
    "Although",
    "Officials",
    "Some",
    "Many",
    "Most",
    "No",
    "Not",
    "What",
    "Who",
    "Why",
    "How",
    "Yet",
    "Still",
    "Then",
];

/// The word lists as sets: most full stops look words up in them.
struct Words {
    abbreviations: FxHashSet<&'static str>,
    titles: FxHashSet<&'static str>,
    starters: FxHashSet<&'static str>,
}

static WORDS: LazyLock<Words> = LazyLock::new(|| Words {
    abbreviations: ABBREVIATIONS.iter().copied().collect(),
    titles: TITLES.iter().copied().collect(),
    starters: SENTENCE_STARTERS.iter().copied().collect(),
});

/// Builds WORDS now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&WORDS);
}

fn is_closing(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '}')
}

fn is_opening(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '«' | '(' | '[')
}

/// Sentence spans inside `text[range]`, trimmed of surrounding whitespace.
pub fn sentences(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let para = &text[range.clone()];
    let base = range.start;
    let mut out = Vec::new();
    let mut start = 0;
    // Byte positions, always on char boundaries.
    let mut i = 0;
    while let Some(pos) = next_terminator(para, i) {
        let char_at = |p: usize| para[p..].chars().next();
        let is_ellipsis = para[pos..].starts_with('…') || para[pos..].starts_with("...");
        let c = char_at(pos).unwrap_or('.');
        // The terminator run: "...", "?!", "." then closing quotes/brackets.
        let mut j = pos + c.len_utf8();
        while let Some(d) = char_at(j).filter(|d| matches!(d, '.' | '!' | '?' | '…')) {
            j += d.len_utf8();
        }
        while let Some(d) = char_at(j).filter(|&d| is_closing(d)) {
            j += d.len_utf8();
        }
        let end = j;
        // A boundary needs whitespace after the run (or the paragraph's end).
        if char_at(j).is_some_and(|d| !d.is_whitespace()) {
            i = j;
            continue;
        }
        let mut k = j;
        while let Some(d) = char_at(k).filter(|d| d.is_whitespace()) {
            k += d.len_utf8();
        }
        if k >= para.len() {
            break;
        }
        let next_word = word_at(para, k);
        if breaks(para, pos, c, is_ellipsis, next_word) && !is_trailing_credit(&para[k..]) {
            push_trimmed(&mut out, para, start..end, base);
            start = k;
        }
        i = k;
    }
    push_trimmed(&mut out, para, start..para.len(), base);
    out
}

/// The byte position of the first '.', '!', '?' or '…' at or after `from`.
fn next_terminator(para: &str, from: usize) -> Option<usize> {
    let rest = &para.as_bytes()[from..];
    let stop = memchr::memchr3(b'.', b'!', b'?', rest).unwrap_or(rest.len());
    let at = find_ellipsis(&rest[..stop]).unwrap_or(stop);
    (at < rest.len()).then_some(from + at)
}

/// The byte position of the first '…' (E2 80 A6) in `h`: found by its lead
/// byte, which most paragraphs hold seldom, without building a searcher.
fn find_ellipsis(h: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(p) = memchr::memchr(0xE2, &h[from..]) {
        let at = from + p;
        if h.get(at + 1..at + 3) == Some(&[0x80, 0xA6][..]) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// A short parenthesis closing the paragraph, such as a caption's "(BBC)",
/// belongs to the sentence before it.
fn is_trailing_credit(rest: &str) -> bool {
    let rest = rest.trim_end();
    rest.starts_with('(')
        && rest.ends_with(')')
        && rest.matches(')').count() == 1
        && rest.split_whitespace().count() <= 4
}

/// The word starting at `pos`, skipping opening quotes and brackets.
fn word_at(text: &str, pos: usize) -> &str {
    let rest = text[pos..].trim_start_matches(is_opening);
    let end = rest
        .find(|c: char| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’' || c == '-'))
        .unwrap_or(rest.len());
    &rest[..end]
}

/// Decides whether the terminator `c` at `pos` ends a sentence, given the
/// word that follows it.
fn breaks(para: &str, pos: usize, c: char, is_ellipsis: bool, next: &str) -> bool {
    let Some(first) = next.chars().next() else {
        // Next is a symbol or dash: a new sentence only after ! or ?.
        return c != '.';
    };
    if first.is_lowercase() {
        return false;
    }
    if c != '.' || is_ellipsis {
        return first.is_uppercase() || first.is_numeric();
    }
    let before = word_before(para, pos);
    let bare = before.trim_end_matches('.');
    let mut buf = [0; KEY_LEN];
    let lower = abbreviation_key(bare, &mut buf);
    if WORDS.titles.contains(&*lower) {
        return false;
    }
    let starter = WORDS.starters.contains(next.trim_end_matches('.'));
    // Months and weekdays before a number ("Nov. 6"); any abbreviation before
    // a name unless that name is a common sentence opener.
    if WORDS.abbreviations.contains(&*lower) {
        return first.is_uppercase() && starter;
    }
    // Initials and dotted acronyms: "U.S.", "J. K. Rowling", "N. Korea".
    let is_initials = !bare.is_empty()
        && bare
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase));
    if is_initials {
        return first.is_uppercase() && starter && bare.contains('.');
    }
    true
}

/// Room for the longest listed abbreviation (a test keeps them within it).
const KEY_LEN: usize = 8;

/// `word` lowercased, as the abbreviation sets are looked up with, written
/// into `buf` rather than a new String: the word before nearly every full
/// stop is looked up, and nearly all are ASCII. An ASCII word too long for
/// `buf` is no listed abbreviation, so its key is "", which none is.
fn abbreviation_key<'a>(word: &str, buf: &'a mut [u8; KEY_LEN]) -> Cow<'a, str> {
    if !word.is_ascii() {
        // Unicode lowercasing can make ASCII of a non-ASCII letter (the
        // Kelvin sign K becomes k), so these take the general path.
        return Cow::Owned(word.to_lowercase());
    }
    match buf.get_mut(..word.len()) {
        Some(key) => {
            key.copy_from_slice(word.as_bytes());
            key.make_ascii_lowercase();
            Cow::Borrowed(std::str::from_utf8(key).unwrap_or_default())
        }
        None => Cow::Borrowed(""),
    }
}

/// The whitespace-delimited word that ends at `pos` (exclusive), without
/// opening quotes or brackets.
fn word_before(para: &str, pos: usize) -> &str {
    let head = &para[..pos];
    let start = head
        .rfind(|c: char| c.is_whitespace() || is_opening(c))
        .map_or(0, |p| {
            p + head[p..].chars().next().map_or(1, char::len_utf8)
        });
    &head[start..]
}

fn push_trimmed(out: &mut Vec<Range<usize>>, para: &str, r: Range<usize>, base: usize) {
    let s = &para[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let start = r.start + lead;
        out.push(base + start..base + start + trimmed.len());
    }
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn abbreviations_fit_the_key_buffer() {
        for w in super::ABBREVIATIONS.iter().chain(super::TITLES) {
            assert!(w.is_ascii() && w.len() <= super::KEY_LEN, "{w}");
            assert_eq!(w.to_lowercase(), *w);
        }
        assert!(!super::ABBREVIATIONS.contains(&""));
    }

    proptest::proptest! {
        /// The key finds a word in the sets exactly when its lowercase does.
        #[test]
        fn abbreviation_key_looks_up_as_lowercase(
            word in "(Mr|MRS|nOv|A\\.m|u\\.s|approx|Approxi|Thurs|é|K|K|İ|[A-Za-z.]{0,10}){1,2}"
        ) {
            let mut buf = [0; super::KEY_LEN];
            let key = super::abbreviation_key(&word, &mut buf);
            let lower = word.to_lowercase();
            for set in [super::ABBREVIATIONS, super::TITLES] {
                proptest::prop_assert_eq!(set.contains(&&*key), set.contains(&lower.as_str()));
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text, 0..text.len())
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split(
                "U.S. State Department spokesman Matthew Miller placed the estimate at 10,000. He did not elaborate."
            ),
            vec![
                "U.S. State Department spokesman Matthew Miller placed the estimate at 10,000.",
                "He did not elaborate."
            ]
        );
        assert_eq!(
            split("SEOUL, Nov. 6 (UPI) — North Korean troops have entered combat."),
            vec!["SEOUL, Nov. 6 (UPI) — North Korean troops have entered combat."]
        );
        assert_eq!(
            split("Mr. Smith met Gen. Jones at St. Mary's at 9 a.m. on Friday. No. 5 was next."),
            vec![
                "Mr. Smith met Gen. Jones at St. Mary's at 9 a.m. on Friday.",
                "No. 5 was next."
            ]
        );
        assert_eq!(
            split("J. K. Rowling wrote it. It sold well."),
            vec!["J. K. Rowling wrote it.", "It sold well."]
        );
    }

    #[test]
    fn abbreviation_can_end_a_sentence() {
        assert_eq!(
            split("Troops arrived from the U.S. The Pentagon confirmed it."),
            vec!["Troops arrived from the U.S.", "The Pentagon confirmed it."]
        );
        assert_eq!(
            split("It started at 9 a.m. The shelling lasted an hour."),
            vec!["It started at 9 a.m.", "The shelling lasted an hour."]
        );
    }

    #[test]
    fn decimals_and_thousands() {
        assert_eq!(
            split("Inflation hit 12.7 percent. About 1,500.5 tonnes were lost."),
            vec![
                "Inflation hit 12.7 percent.",
                "About 1,500.5 tonnes were lost."
            ]
        );
    }

    #[test]
    fn quotes_ending_and_continuing() {
        assert_eq!(
            split(
                "“The first battles open a new page of instability in the world,” he said. “Together we must act.”"
            ),
            vec![
                "“The first battles open a new page of instability in the world,” he said.",
                "“Together we must act.”"
            ]
        );
        assert_eq!(
            split("He said: “All indications are that they will fight.” He added more."),
            vec![
                "He said: “All indications are that they will fight.”",
                "He added more."
            ]
        );
        assert_eq!(
            split("“Is this war?” she asked. \"Yes.\" It is."),
            vec!["“Is this war?” she asked.", "\"Yes.\"", "It is."]
        );
    }

    #[test]
    fn ellipses() {
        assert_eq!(
            split("the “first military units… [had] already come under fire in Kursk”. Next."),
            vec![
                "the “first military units… [had] already come under fire in Kursk”.",
                "Next."
            ]
        );
        assert_eq!(
            split("He paused... Then he left."),
            vec!["He paused...", "Then he left."]
        );
    }

    #[test]
    fn trailing_credit_stays_with_its_sentence() {
        assert_eq!(
            split("Zelensky estimates that some 11,000 troops are in Kursk. (BBC)"),
            vec!["Zelensky estimates that some 11,000 troops are in Kursk. (BBC)"]
        );
        assert_eq!(
            split("Troops left. (The talks resumed on Monday after a long pause.)"),
            vec![
                "Troops left.",
                "(The talks resumed on Monday after a long pause.)"
            ]
        );
    }

    #[test]
    fn headline_without_final_punctuation() {
        assert_eq!(
            split("Ukraine says it fought N Korean troops for first time"),
            vec!["Ukraine says it fought N Korean troops for first time"]
        );
    }

    #[test]
    fn spans_are_offset_by_range_start() {
        let text = "Title\n\nOne. Two.";
        let spans = sentences(text, 7..text.len());
        assert_eq!(spans, vec![7..11, 12..16]);
    }

    #[test]
    fn degenerate_input() {
        assert!(split("").is_empty());
        assert!(split("   ").is_empty());
        assert_eq!(split("..."), vec!["..."]);
        assert_eq!(split("。!?"), vec!["。!?"]);
    }
}

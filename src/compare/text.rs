//! Word tokens with byte spans, whole-word phrase matching and content-word
//! stems, shared by figure grouping and statement alignment.

use rustc_hash::FxHashMap;
use std::ops::Range;

/// A word of a sentence: letters and digits, with internal apostrophes,
/// hyphens and digit separators ("Russia's", "front-line", "11,000").
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// Byte span in the text given to [`words`].
    pub span: Range<usize>,
    /// Lowercased, curly apostrophes folded, a possessive "'s" removed.
    pub norm: String,
}

/// Splits `s` into words. Never panics; spans lie on char boundaries.
pub fn words(s: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].1.is_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i + 1;
        while j < chars.len() {
            let c = chars[j].1;
            if c.is_alphanumeric() {
                j += 1;
                continue;
            }
            let next_alnum = chars.get(j + 1).is_some_and(|(_, n)| n.is_alphanumeric());
            let joins = match c {
                '\'' | '’' | '-' | '‑' => next_alnum,
                ',' | '.' => {
                    chars[j - 1].1.is_ascii_digit()
                        && chars.get(j + 1).is_some_and(|(_, n)| n.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 2;
        }
        let begin = chars[start].0;
        let end = chars.get(j).map_or(s.len(), |(b, _)| *b);
        out.push(Word {
            span: begin..end,
            norm: normalize(&s[begin..end]),
        });
        i = j;
    }
    out
}

/// Lowercase, fold apostrophes and dashes, drop a possessive "'s" / "s'".
pub fn normalize(w: &str) -> String {
    let mut n: String = if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.chars()
            .map(|c| match c {
                '’' => '\'',
                '‑' => '-',
                c => c,
            })
            .flat_map(char::to_lowercase)
            .collect()
    };
    if n.ends_with("'s") {
        n.truncate(n.len() - 2);
    } else if n.ends_with('\'') {
        n.pop();
    }
    n
}

/// A lexicon phrase as normalized tokens.
pub fn phrase_tokens(p: &str) -> Vec<String> {
    words(p).into_iter().map(|w| w.norm).collect()
}

/// Every match of `phrase` in `words`, as word index ranges.
pub fn find_phrase(words: &[Word], phrase: &[String]) -> Vec<Range<usize>> {
    if phrase.is_empty() || phrase.len() > words.len() {
        return Vec::new();
    }
    (0..=words.len() - phrase.len())
        .filter(|&i| {
            phrase
                .iter()
                .enumerate()
                .all(|(k, p)| words[i + k].norm == *p)
        })
        .map(|i| i..i + phrase.len())
        .collect()
}

/// True when the word contains a digit.
pub fn has_digit(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

/// Stems word parts and interns the stems as small ids, first seen first.
/// Each distinct part is stemmed once: the Snowball stemmer on every word
/// was a quarter of `diff`'s instructions.
pub struct StemIds {
    stemmer: rust_stemmers::Stemmer,
    parts: FxHashMap<Box<str>, u32>,
    stems: FxHashMap<Box<str>, u32>,
}

impl Default for StemIds {
    fn default() -> StemIds {
        StemIds {
            stemmer: rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English),
            parts: FxHashMap::default(),
            stems: FxHashMap::default(),
        }
    }
}

impl StemIds {
    /// The id of `part`'s stem.
    pub fn id(&mut self, part: &str) -> u32 {
        if let Some(&id) = self.parts.get(part) {
            return id;
        }
        let stem = self.stemmer.stem(part);
        let id = match self.stems.get(stem.as_ref()) {
            Some(&id) => id,
            None => {
                let id = self.stems.len() as u32;
                self.stems.insert(stem.into(), id);
                id
            }
        };
        self.parts.insert(part.into(), id);
        id
    }

    /// How many distinct stems have ids.
    pub fn count(&self) -> usize {
        self.stems.len()
    }

    /// Ids in `self` of the stems of `other`, indexed by their ids in
    /// `other`: to merge vocabularies built apart (in parallel).
    pub fn translate(&mut self, other: &StemIds) -> Vec<u32> {
        let mut to = vec![0; other.stems.len()];
        for (stem, &id) in &other.stems {
            let next = self.stems.len() as u32;
            to[id as usize] = *self.stems.entry(stem.clone()).or_insert(next);
        }
        to
    }
}

/// The parts of `s` between hyphens, as `s.split('-')` yields them.
///
/// Written out because it runs for every word the comparison reads: the
/// standard splitter is generic code that is inlined or not depending on
/// how the crate falls into codegen units, and a call per part costs the
/// comparison about 2% of its instructions.
pub fn hyphen_parts(s: &str) -> HyphenParts<'_> {
    HyphenParts { rest: Some(s) }
}

/// The iterator of [`hyphen_parts`].
pub struct HyphenParts<'a> {
    rest: Option<&'a str>,
}

impl<'a> Iterator for HyphenParts<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        let s = self.rest?;
        // A hyphen is one byte, so its position is a char boundary.
        match s.bytes().position(|b| b == b'-') {
            Some(i) => {
                self.rest = Some(&s[i + 1..]);
                Some(&s[..i])
            }
            None => {
                self.rest = None;
                Some(s)
            }
        }
    }
}

/// The content parts of a word: split at hyphens, stop words and numbers
/// dropped, spelling variants folded.
pub fn content_parts<'a>(
    norm: &'a str,
    lex: &'a super::lexicon::Lexicon,
) -> impl Iterator<Item = &'a str> + 'a {
    hyphen_parts(norm).filter_map(move |part| {
        let part = part.trim_matches('\'');
        if part.is_empty() || has_digit(part) || lex.stop_words.contains(part) {
            return None;
        }
        let part = lex.variants.get(part).map_or(part, String::as_str);
        (part.chars().count() >= 2).then_some(part)
    })
}

/// The content stems of a text, as ids: [`content_parts`] stemmed
/// (English).
pub fn content_stems(text: &str, ids: &mut StemIds, lex: &super::lexicon::Lexicon) -> Vec<u32> {
    let mut out = Vec::new();
    for w in words(text) {
        for part in content_parts(&w.norm, lex) {
            out.push(ids.id(part));
        }
    }
    out
}

/// A text's letters and digits, case folded, hashed, with how many there
/// are: "Click here!" and "click here" are one text. ASCII is read a byte
/// at a time (every page of a corpus goes through here); other characters
/// fold as Unicode says, so the hash is the same either way.
pub fn folded_hash(text: &str) -> (u64, usize) {
    use std::hash::Hasher;
    let mut h = rustc_hash::FxHasher::default();
    let mut len = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        for b in rest.as_bytes()[..ascii]
            .iter()
            .filter(|b| b.is_ascii_alphanumeric())
        {
            h.write_u32(u32::from(b.to_ascii_lowercase()));
            len += 1;
        }
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    h.write_u32(u32::from(l));
                    len += 1;
                }
            }
            rest = chars.as_str();
        }
    }
    (h.finish(), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folded_hash_is_one_for_ascii_and_unicode_case_and_ignores_punctuation() {
        assert_eq!(folded_hash("Click here!"), folded_hash("click HERE"));
        assert_eq!(folded_hash("Café Zürich 3"), folded_hash("CAFÉ zürich, 3."));
        assert_eq!(folded_hash("ab").1, 2);
        assert_ne!(folded_hash("Café"), folded_hash("Cafe"));
    }

    #[test]
    fn words_keep_possessives_hyphens_and_numbers_together() {
        let s = "Russia’s 1,500-kilometer front-line, 11,000 troops. End.";
        let w: Vec<&str> = words(s).iter().map(|w| &s[w.span.clone()]).collect();
        assert_eq!(
            w,
            [
                "Russia’s",
                "1,500-kilometer",
                "front-line",
                "11,000",
                "troops",
                "End"
            ]
        );
        assert_eq!(words(s)[0].norm, "russia");
    }

    #[test]
    fn words_never_panic_on_odd_text() {
        for s in ["", "'", "-a-", "é’", "1,", ",1", "a\u{301}b’s’", "\u{0}x"] {
            for w in words(s) {
                assert!(s.is_char_boundary(w.span.start) && s.is_char_boundary(w.span.end));
            }
        }
    }

    #[test]
    fn hyphen_parts_split_as_split_does() {
        for s in [
            "",
            "-",
            "--",
            "a",
            "a-b",
            "-a-",
            "front-line",
            "a--b-",
            "é-ü-",
            "‑-x",
        ] {
            let want: Vec<&str> = s.split('-').collect();
            assert_eq!(hyphen_parts(s).collect::<Vec<_>>(), want, "{s:?}");
        }
    }

    #[test]
    fn phrases_match_whole_words() {
        let ws = words("near Ukraine’s border and north of Korea");
        assert_eq!(
            find_phrase(&ws, &phrase_tokens("near Ukraine's border")),
            vec![0..3]
        );
        assert!(find_phrase(&ws, &phrase_tokens("north korea")).is_empty());
    }
}

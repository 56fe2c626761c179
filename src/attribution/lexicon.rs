//! The attribution lexicon: `assets/attribution.toml`, compiled in and parsed once.

use super::tokens::Tok;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::LazyLock;

/// A word set of the lexicon.
pub(crate) type Set = HashSet<String>;

/// The lexicon source as shipped inside the binary.
pub const LEXICON_TOML: &str = include_str!("../../assets/attribution.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    cues: RawCues,
    words: RawWords,
    entities: RawEntities,
    #[serde(default)]
    gender: RawGender,
    #[serde(default)]
    aliases: std::collections::HashMap<String, Vec<String>>,
}

/// First names and person words by gender, for he/she resolution.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGender {
    #[serde(default)]
    female: Vec<String>,
    #[serde(default)]
    male: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCues {
    verbs: Vec<String>,
    #[serde(default)]
    ambiguous_nouns: Vec<String>,
    #[serde(default)]
    quote_only_verbs: Vec<String>,
    #[serde(default)]
    not_before_to: Vec<String>,
    #[serde(default)]
    not_inverted: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    #[serde(default)]
    according: Vec<String>,
    #[serde(default)]
    assessment_nouns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWords {
    titles: Vec<String>,
    #[serde(default)]
    plural_people: Vec<String>,
    #[serde(default)]
    org_nouns: Vec<String>,
    #[serde(default)]
    report_nouns: Vec<String>,
    #[serde(default)]
    descriptions: Vec<String>,
    #[serde(default)]
    person_pronouns: Vec<String>,
    #[serde(default)]
    group_pronouns: Vec<String>,
    #[serde(default)]
    determiners: Vec<String>,
    #[serde(default)]
    skippable: Vec<String>,
    #[serde(default)]
    parentheticals: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    blockers: Vec<String>,
    #[serde(default)]
    passive_aux: Vec<String>,
    #[serde(default)]
    relatives: Vec<String>,
    #[serde(default)]
    time_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntities {
    #[serde(default)]
    governments: Vec<String>,
    #[serde(default)]
    organisations: Vec<String>,
    #[serde(default)]
    demonyms: Vec<String>,
}

/// Multi-word phrases indexed by their first word.
#[derive(Debug, Default)]
pub(crate) struct Phrases {
    by_first: HashMap<String, Vec<Vec<String>>>,
}

impl Phrases {
    fn new(list: &[String]) -> Self {
        let mut by_first: HashMap<String, Vec<Vec<String>>> = HashMap::default();
        for p in list {
            let words: Vec<String> = fold(p).split_whitespace().map(str::to_owned).collect();
            if let Some(first) = words.first() {
                by_first.entry(first.clone()).or_default().push(words);
            }
        }
        for v in by_first.values_mut() {
            v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Phrases { by_first }
    }

    /// Length in words of the longest phrase matching at the start of `toks`
    /// (non-word tokens never match).
    pub(crate) fn match_at(&self, toks: &[Tok]) -> Option<usize> {
        let first = toks.first()?.word()?;
        let cands = self.by_first.get(first)?;
        cands
            .iter()
            .find(|cand| {
                cand.len() <= toks.len()
                    && cand
                        .iter()
                        .zip(toks)
                        .all(|(c, t)| t.word() == Some(c.as_str()))
            })
            .map(Vec::len)
    }
}

/// Bits of [`Lexicon::flags`]: the word sets a folded word belongs to.
pub(crate) mod w {
    /// A one-word verb cue.
    pub const VERB: u32 = 1 << 0;
    /// First word of a verb cue (one word or a phrase).
    pub const VERB_FIRST: u32 = 1 << 1;
    /// First word of an "according to" cue.
    pub const ACCORDING_FIRST: u32 = 1 << 2;
    pub const AMBIGUOUS_NOUN: u32 = 1 << 3;
    pub const QUOTE_ONLY_VERB: u32 = 1 << 4;
    pub const NOT_BEFORE_TO: u32 = 1 << 5;
    pub const PARTICIPLE: u32 = 1 << 6;
    pub const ASSESSMENT_NOUN: u32 = 1 << 7;
    pub const TITLE: u32 = 1 << 8;
    pub const PLURAL_PEOPLE: u32 = 1 << 9;
    pub const ORG_NOUN: u32 = 1 << 10;
    pub const REPORT_NOUN: u32 = 1 << 11;
    pub const PERSON_PRONOUN: u32 = 1 << 12;
    pub const GROUP_PRONOUN: u32 = 1 << 13;
    pub const DETERMINER: u32 = 1 << 14;
    pub const SKIPPABLE: u32 = 1 << 15;
    pub const STOPWORD: u32 = 1 << 16;
    pub const BLOCKER: u32 = 1 << 17;
    pub const PASSIVE_AUX: u32 = 1 << 18;
    pub const RELATIVE: u32 = 1 << 19;
    pub const TIME_WORD: u32 = 1 << 20;
    pub const GOVERNMENT: u32 = 1 << 21;
    pub const ORGANISATION: u32 = 1 << 22;
    pub const DEMONYM: u32 = 1 << 23;
    /// First word of a government, organisation or demonym.
    pub const ENTITY_FIRST: u32 = 1 << 24;
    /// A word that ends a clause ("while", "that", …; see `Sent::is_hard`).
    pub const HARD: u32 = 1 << 25;
    /// "citing", "cited", "to", "on": words that rule out an "X's assessment" cue.
    pub const CITING: u32 = 1 << 26;
    /// A verb whose subject never follows it ("called the KKK …" names no speaker).
    pub const NOT_INVERTED: u32 = 1 << 27;
    /// A woman's first name or a word for a woman ("Maria", "Mrs.", "spokeswoman").
    pub const FEMALE: u32 = 1 << 28;
    /// A man's first name or a word for a man ("John", "Mr.", "spokesman").
    pub const MALE: u32 = 1 << 29;
    /// An organisation's description ("the agency", "the daily"): it stands
    /// for the organisation named before it.
    pub const DESCRIPTION: u32 = 1 << 30;
}

/// Words with the [`w::HARD`] bit.
pub(crate) const HARD_WORDS: &[&str] = &[
    "while", "whereas", "but", "although", "though", "because", "as", "when", "after", "before",
    "since", "that", "if",
];
/// Words with the [`w::CITING`] bit.
pub(crate) const CITING_WORDS: &[&str] = &["citing", "cited", "to", "on"];

pub(crate) struct Lexicon {
    pub verbs: Phrases,
    pub according: Phrases,
    pub titles: HashSet<String>,
    pub parentheticals: HashSet<String>,
    pub governments: HashSet<String>,
    pub organisations: HashSet<String>,
    pub demonyms: HashSet<String>,
    /// folded variant (and folded canonical) -> canonical display name
    pub aliases: HashMap<String, String>,
    /// folded word -> the word sets holding it ([`w`] bits): one lookup per token
    /// answers every membership question about that token.
    flags: HashMap<String, u32>,
    /// The words of `flags` up to 16 bytes long, open-addressed: a probe compares
    /// integers instead of hashing and comparing strings.
    short: Vec<Slot>,
    /// A bit per [`filter_bit`] of the words of `flags`. Most words of a text are
    /// not in the lexicon; for most of those the bit is clear, and `flags` answers
    /// without a lookup.
    filter: Box<[u64; FILTER_WORDS]>,
}

/// Size of [`Lexicon::filter`] in 64-bit words: 2^15 bits, so the lexicon's
/// words (under 1,000) set under 3% of them.
const FILTER_WORDS: usize = 1 << 9;

/// The filter bit of a non-empty word: a hash of its first byte, last byte and
/// length, cheap enough to beat the lookup it saves.
fn filter_bit(first: u8, last: u8, len: usize) -> usize {
    let key = u32::from(first) | u32::from(last) << 8 | (len as u32) << 16;
    // The top 15 bits of a multiplicative hash.
    (key.wrapping_mul(0x9E37_79B1) >> 17) as usize
}

/// A word of up to 16 bytes, zero-padded into two integers, with its length (so
/// equal keys are equal words) and its flags. `len == 0` marks an empty slot.
#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    lo: u64,
    hi: u64,
    len: u64,
    flags: u32,
}

/// The longest word kept in [`Lexicon::short`].
const SHORT: usize = 16;

/// The key of a word of `1..=SHORT` bytes.
fn short_key(b: &[u8]) -> (u64, u64) {
    // Overlapping loads: a byte read twice is or-ed with itself.
    let u64_at = |i: usize| {
        b.get(i..i + 8)
            .and_then(|x| x.try_into().ok())
            .map_or(0, u64::from_le_bytes)
    };
    let u32_at = |i: usize| {
        b.get(i..i + 4)
            .and_then(|x| x.try_into().ok())
            .map_or(0, |x| u64::from(u32::from_le_bytes(x)))
    };
    let byte_at = |i: usize| b.get(i).map_or(0, |&x| u64::from(x)) << (8 * i);
    match b.len() {
        0 => (0, 0),
        len @ 1..4 => (byte_at(0) | byte_at(len / 2) | byte_at(len - 1), 0),
        len @ 4..8 => (u32_at(0) | u32_at(len - 4) << (8 * (len - 4)), 0),
        8 => (u64_at(0), 0),
        len @ 9..=SHORT => (u64_at(0), u64_at(len - 8) >> (8 * (SHORT - len))),
        _ => (0, 0),
    }
}

/// Slot index of a key in a table of `mask + 1` slots.
fn short_hash(lo: u64, hi: u64, len: u64, mask: usize) -> usize {
    let h = (lo ^ hi.rotate_left(29) ^ len).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (h >> 40) as usize & mask
}

/// Lower-case and fold typographic apostrophes to `'`.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appended to `out`. Char by char: the fold of a concatenation is the
/// concatenation of the folds.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    let mut rest = s;
    loop {
        // A run of ASCII other than '`' lower-cases byte by byte.
        let ascii = &rest[..ascii_len(rest.as_bytes())];
        let run = ascii.find('`').unwrap_or(ascii.len());
        let at = out.len();
        out.push_str(&rest[..run]);
        out[at..].make_ascii_lowercase();
        let mut chars = rest[run..].chars();
        match chars.next() {
            None => return,
            Some('\u{2019}' | '\u{2018}' | '\u{02BC}' | '`') => out.push('\''),
            // General punctuation (“ ” — …) has no case: skip the table lookup.
            Some(c @ '\u{2000}'..='\u{206F}') => out.push(c),
            Some(c) => out.extend(c.to_lowercase()),
        }
        rest = chars.as_str();
    }
}

/// Length of the ASCII prefix of `b`, checked eight bytes at a time.
pub(crate) fn ascii_len(b: &[u8]) -> usize {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let words = b
        .chunks_exact(8)
        // Every chunk has 8 bytes; the fallback (non-ASCII) is never used.
        .map(|w| u64::from_ne_bytes(w.try_into().unwrap_or([0x80; 8])))
        .take_while(|w| w & HIGH_BITS == 0)
        .count()
        * 8;
    words + b[words..].iter().take_while(|b| b.is_ascii()).count()
}

fn set(list: &[String]) -> HashSet<String> {
    list.iter().map(|s| fold(s.trim())).collect()
}

/// Title entries may be phrases ("prime minister"); the head word is what marks a role.
fn heads(list: &[String]) -> HashSet<String> {
    list.iter()
        .filter_map(|s| fold(s).split_whitespace().last().map(str::to_owned))
        .collect()
}

impl Lexicon {
    pub(crate) fn parse(src: &str) -> Result<Lexicon, toml::de::Error> {
        let raw: RawLexicon = toml::from_str(src)?;
        let mut aliases = HashMap::default();
        for (canon, variants) in &raw.aliases {
            aliases.insert(fold(canon), canon.clone());
            for v in variants {
                aliases.insert(fold(v), canon.clone());
            }
        }
        let mut verbs = raw.cues.verbs.clone();
        verbs.extend(raw.cues.quote_only_verbs.iter().cloned());
        let verbs = Phrases::new(&verbs);
        let according = Phrases::new(&raw.cues.according);
        let titles = heads(&raw.words.titles);
        let governments = set(&raw.entities.governments);
        let organisations = set(&raw.entities.organisations);
        let demonyms = set(&raw.entities.demonyms);
        let mut flags: HashMap<String, u32> = HashMap::default();
        let mut mark = |words: &HashSet<String>, bit: u32| {
            for word in words {
                *flags.entry(word.clone()).or_default() |= bit;
            }
        };
        let firsts = |p: &Phrases, single: bool| -> HashSet<String> {
            p.by_first
                .iter()
                .filter(|(_, phrases)| !single || phrases.iter().any(|p| p.len() == 1))
                .map(|(first, _)| first.clone())
                .collect()
        };
        mark(&firsts(&verbs, true), w::VERB);
        mark(&firsts(&verbs, false), w::VERB_FIRST);
        mark(&firsts(&according, false), w::ACCORDING_FIRST);
        mark(&set(&raw.cues.ambiguous_nouns), w::AMBIGUOUS_NOUN);
        mark(&set(&raw.cues.quote_only_verbs), w::QUOTE_ONLY_VERB);
        mark(&set(&raw.cues.not_before_to), w::NOT_BEFORE_TO);
        mark(&set(&raw.cues.not_inverted), w::NOT_INVERTED);
        mark(&set(&raw.gender.female), w::FEMALE);
        mark(&set(&raw.gender.male), w::MALE);
        mark(&set(&raw.cues.participles), w::PARTICIPLE);
        mark(&set(&raw.cues.assessment_nouns), w::ASSESSMENT_NOUN);
        mark(&titles, w::TITLE);
        mark(&set(&raw.words.plural_people), w::PLURAL_PEOPLE);
        mark(&set(&raw.words.org_nouns), w::ORG_NOUN);
        mark(&set(&raw.words.report_nouns), w::REPORT_NOUN);
        mark(&set(&raw.words.descriptions), w::DESCRIPTION);
        mark(&set(&raw.words.person_pronouns), w::PERSON_PRONOUN);
        mark(&set(&raw.words.group_pronouns), w::GROUP_PRONOUN);
        mark(&set(&raw.words.determiners), w::DETERMINER);
        mark(&set(&raw.words.skippable), w::SKIPPABLE);
        mark(&set(&raw.words.stopwords), w::STOPWORD);
        mark(&set(&raw.words.blockers), w::BLOCKER);
        mark(&set(&raw.words.passive_aux), w::PASSIVE_AUX);
        mark(&set(&raw.words.relatives), w::RELATIVE);
        mark(&set(&raw.words.time_words), w::TIME_WORD);
        mark(&governments, w::GOVERNMENT);
        mark(&organisations, w::ORGANISATION);
        mark(&demonyms, w::DEMONYM);
        let entity_first: HashSet<String> = [&governments, &organisations, &demonyms]
            .into_iter()
            .flatten()
            .filter_map(|e| e.split(' ').next().map(str::to_owned))
            .collect();
        mark(&entity_first, w::ENTITY_FIRST);
        let words = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        mark(&words(HARD_WORDS), w::HARD);
        mark(&words(CITING_WORDS), w::CITING);
        // At most a quarter full, so probes stay short.
        let slots = (flags.len() * 4).next_power_of_two().max(64);
        let mut short = vec![Slot::default(); slots];
        for (word, &bits) in &flags {
            let b = word.as_bytes();
            if b.is_empty() || b.len() > SHORT {
                continue;
            }
            let (lo, hi) = short_key(b);
            let len = b.len() as u64;
            let mut i = short_hash(lo, hi, len, slots - 1);
            while short[i].len != 0 {
                i = (i + 1) & (slots - 1);
            }
            short[i] = Slot {
                lo,
                hi,
                len,
                flags: bits,
            };
        }
        let mut filter = Box::new([0u64; FILTER_WORDS]);
        for word in flags.keys() {
            let b = word.as_bytes();
            if let (Some(&first), Some(&last)) = (b.first(), b.last()) {
                let bit = filter_bit(first, last, b.len());
                filter[bit / 64] |= 1 << (bit % 64);
            }
        }
        Ok(Lexicon {
            verbs,
            according,
            titles,
            parentheticals: set(&raw.words.parentheticals),
            governments,
            organisations,
            demonyms,
            aliases,
            flags,
            short,
            filter,
        })
    }

    /// The [`w`] bits of a folded word.
    #[inline]
    pub(crate) fn flags(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        let (Some(&first), Some(&last)) = (b.first(), b.last()) else {
            return 0;
        };
        let bit = filter_bit(first, last, b.len());
        if self.filter[bit / 64] >> (bit % 64) & 1 == 0 {
            return 0;
        }
        self.lookup(word)
    }

    /// [`Lexicon::flags`] of a word past the filter.
    #[inline(never)]
    fn lookup(&self, word: &str) -> u32 {
        let b = word.as_bytes();
        if b.is_empty() {
            return 0;
        }
        if b.len() > SHORT {
            return self.flags.get(word).copied().unwrap_or(0);
        }
        let (lo, hi) = short_key(b);
        let len = b.len() as u64;
        let mask = self.short.len() - 1;
        let mut i = short_hash(lo, hi, len, mask);
        // The table is never full, so an empty slot ends every probe.
        loop {
            let slot = &self.short[i];
            if slot.len == len && slot.lo == lo && slot.hi == hi {
                return slot.flags;
            }
            if slot.len == 0 {
                return 0;
            }
            i = (i + 1) & mask;
        }
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The file is compiled in and covered by tests; a parse failure is a build defect.
    Lexicon::parse(LEXICON_TOML).unwrap_or_else(|e| panic!("assets/attribution.toml: {e}"))
});

/// Builds LEXICON now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&LEXICON);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_table_agrees_with_the_map() {
        let lex = &*LEXICON;
        for (word, &bits) in &lex.flags {
            assert_eq!(lex.flags(word), bits, "{word}");
            for near in [
                format!("{word}x"),
                format!("x{word}"),
                word.chars().skip(1).collect(),
                format!("{word}\0"),
            ] {
                let want = lex.flags.get(&near).copied().unwrap_or(0);
                assert_eq!(lex.flags(&near), want, "{near:?}");
            }
        }
        for word in [
            "",
            "a",
            "ab",
            "abc\0",
            "zzzzzzzzzzzzzzzz",
            "zzzzzzzzzzzzzzzzz",
        ] {
            let want = lex.flags.get(word).copied().unwrap_or(0);
            assert_eq!(lex.flags(word), want, "{word:?}");
        }
    }

    /// [`fold`] as it was, char by char through `String`.
    fn fold_chars(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn fold_agrees_with_char_by_char(s in "(?s).{0,80}|[ -~’‘ʼİßΣ“”—]{0,80}") {
            proptest::prop_assert_eq!(fold(&s), fold_chars(&s));
        }

        #[test]
        fn ascii_len_is_the_ascii_prefix(s in "[ -~]{0,40}(?s).{0,4}[ -~]{0,20}") {
            let want = s.bytes().take_while(u8::is_ascii).count();
            proptest::prop_assert_eq!(ascii_len(s.as_bytes()), want);
        }

        /// The filter never hides a word of the lexicon.
        #[test]
        fn flags_agree_with_the_map(s in "[a-z'’.]{1,20}|(?s).{0,20}") {
            let lex = &*LEXICON;
            let folded = fold(&s);
            let want = lex.flags.get(&folded).copied().unwrap_or(0);
            proptest::prop_assert_eq!(lex.flags(&folded), want);
        }
    }
}

//! The attribution lexicon: `assets/attribution.toml`, compiled in and parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use serde::Deserialize;
use std::sync::LazyLock;

/// A word set of the lexicon (Fx-hashed: looked up for every token).
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
    aliases: std::collections::HashMap<String, Vec<String>>,
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

    /// Length in words of the longest phrase matching at the start of `words`
    /// (`None` entries are non-word tokens and never match).
    pub(crate) fn match_at(&self, words: &[Option<&str>]) -> Option<usize> {
        let first = words.first().copied().flatten()?;
        let cands = self.by_first.get(first)?;
        cands
            .iter()
            .find(|cand| {
                cand.len() <= words.len()
                    && cand.iter().zip(words).all(|(c, w)| *w == Some(c.as_str()))
            })
            .map(Vec::len)
    }

    pub(crate) fn contains_single(&self, w: &str) -> bool {
        self.by_first
            .get(w)
            .is_some_and(|v| v.iter().any(|p| p.len() == 1))
    }
}

pub(crate) struct Lexicon {
    pub verbs: Phrases,
    pub ambiguous_nouns: HashSet<String>,
    pub quote_only_verbs: HashSet<String>,
    pub not_before_to: HashSet<String>,
    pub participles: HashSet<String>,
    pub according: Phrases,
    pub assessment_nouns: HashSet<String>,
    pub titles: HashSet<String>,
    pub plural_people: HashSet<String>,
    pub org_nouns: HashSet<String>,
    pub report_nouns: HashSet<String>,
    pub person_pronouns: HashSet<String>,
    pub group_pronouns: HashSet<String>,
    pub determiners: HashSet<String>,
    pub skippable: HashSet<String>,
    pub parentheticals: HashSet<String>,
    pub stopwords: HashSet<String>,
    pub blockers: HashSet<String>,
    pub passive_aux: HashSet<String>,
    pub relatives: HashSet<String>,
    pub time_words: HashSet<String>,
    pub governments: HashSet<String>,
    pub organisations: HashSet<String>,
    pub demonyms: HashSet<String>,
    /// folded variant (and folded canonical) -> canonical display name
    pub aliases: HashMap<String, String>,
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
    if s.is_ascii() && !s.contains('`') {
        let at = out.len();
        out.push_str(s);
        out[at..].make_ascii_lowercase();
        return;
    }
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
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
        Ok(Lexicon {
            verbs: Phrases::new(&verbs),
            ambiguous_nouns: set(&raw.cues.ambiguous_nouns),
            quote_only_verbs: set(&raw.cues.quote_only_verbs),
            not_before_to: set(&raw.cues.not_before_to),
            participles: set(&raw.cues.participles),
            according: Phrases::new(&raw.cues.according),
            assessment_nouns: set(&raw.cues.assessment_nouns),
            titles: heads(&raw.words.titles),
            plural_people: set(&raw.words.plural_people),
            org_nouns: set(&raw.words.org_nouns),
            report_nouns: set(&raw.words.report_nouns),
            person_pronouns: set(&raw.words.person_pronouns),
            group_pronouns: set(&raw.words.group_pronouns),
            determiners: set(&raw.words.determiners),
            skippable: set(&raw.words.skippable),
            parentheticals: set(&raw.words.parentheticals),
            stopwords: set(&raw.words.stopwords),
            blockers: set(&raw.words.blockers),
            passive_aux: set(&raw.words.passive_aux),
            relatives: set(&raw.words.relatives),
            time_words: set(&raw.words.time_words),
            governments: set(&raw.entities.governments),
            organisations: set(&raw.entities.organisations),
            demonyms: set(&raw.entities.demonyms),
            aliases,
        })
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    // The file is compiled in and covered by tests; a parse failure is a build defect.
    Lexicon::parse(LEXICON_TOML).unwrap_or_else(|e| panic!("assets/attribution.toml: {e}"))
});

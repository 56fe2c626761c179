//! The comparison lexicon (`assets/compare.toml`): counted measures, subject
//! classes, scope cues, stop words and spelling variants. Parsed once.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::text::phrase_tokens;

/// The lexicon text compiled into the binary.
pub const LEXICON_TOML: &str = include_str!("../../assets/compare.toml");

#[derive(Debug, Deserialize)]
struct Raw {
    figures: RawFigures,
    statements: RawStatements,
}

#[derive(Debug, Deserialize)]
struct RawFigures {
    counted_measures: Vec<String>,
    generic_anchors: Vec<String>,
    anchor_window: usize,
    subject: Vec<RawPhrases>,
    scope: Vec<RawScope>,
    quantity: RawQuantity,
}

#[derive(Debug, Deserialize)]
struct RawQuantity {
    bridge: Vec<String>,
    apposition: Vec<String>,
    before_window: usize,
    people: Vec<String>,
    part_after: Vec<String>,
    part_pronoun: Vec<String>,
    revision: Vec<String>,
    earlier: Vec<String>,
    measures: HashMap<String, String>,
    outcomes: HashMap<String, Vec<String>>,
    manner: HashMap<String, String>,
}

#[derive(Debug, Deserialize)]
struct RawPhrases {
    label: String,
    phrases: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ScopeKind {
    Place,
    Frame,
}

#[derive(Debug, Deserialize)]
struct RawScope {
    label: String,
    kind: ScopeKind,
    phrases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct RawStatements {
    stop_words: Vec<String>,
    variants: HashMap<String, String>,
}

/// A label with the token sequences that signal it.
#[derive(Debug)]
pub struct Cue {
    pub label: String,
    pub kind: ScopeKind,
    pub phrases: Vec<Vec<String>>,
}

#[derive(Debug)]
pub struct Lexicon {
    pub counted_measures: HashSet<String>,
    pub generic_anchors: HashSet<String>,
    pub anchor_window: usize,
    pub subjects: Vec<Cue>,
    pub scopes: Vec<Cue>,
    pub stop_words: HashSet<String>,
    pub variants: HashMap<String, String>,
    pub quantity: Quantity,
}

/// What a count counts (`[figures.quantity]`).
#[derive(Debug)]
pub struct Quantity {
    pub bridge: HashSet<String>,
    /// First words of an aside between a count and its verb.
    pub apposition: HashSet<String>,
    pub before_window: usize,
    pub people: HashSet<String>,
    pub part_after: Vec<Vec<String>>,
    /// The part phrases that name their whole by a pronoun ("of whom").
    pub part_pronoun: Vec<Vec<String>>,
    /// Words that state a figure changed.
    pub revision: HashSet<String>,
    /// Phrases that tell of an earlier event.
    pub earlier: Vec<Vec<String>>,
    /// Extractor measure → the outcome it names.
    pub measures: HashMap<String, String>,
    /// Outcome word → outcome.
    pub outcomes: HashMap<String, String>,
    /// Bridge word → the outcome it names when no outcome word follows
    /// ("55 wounded, 15 critically").
    pub manner: HashMap<String, String>,
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, toml::de::Error> {
        let raw: Raw = toml::from_str(text)?;
        let cue = |label: String, kind: ScopeKind, phrases: Vec<String>| Cue {
            label,
            kind,
            phrases: phrases
                .iter()
                .map(|p| phrase_tokens(p))
                .filter(|p| !p.is_empty())
                .collect(),
        };
        let lower = |v: Vec<String>| v.into_iter().map(|s| s.to_lowercase()).collect();
        Ok(Lexicon {
            counted_measures: lower(raw.figures.counted_measures),
            generic_anchors: lower(raw.figures.generic_anchors),
            anchor_window: raw.figures.anchor_window.clamp(1, 50),
            subjects: raw
                .figures
                .subject
                .into_iter()
                .map(|s| cue(s.label, ScopeKind::Place, s.phrases))
                .collect(),
            scopes: raw
                .figures
                .scope
                .into_iter()
                .map(|s| cue(s.label, s.kind, s.phrases))
                .collect(),
            quantity: {
                let q = raw.figures.quantity;
                Quantity {
                    bridge: lower(q.bridge),
                    apposition: lower(q.apposition),
                    before_window: q.before_window.clamp(1, 10),
                    people: lower(q.people),
                    part_after: q.part_after.iter().map(|p| phrase_tokens(p)).collect(),
                    part_pronoun: q.part_pronoun.iter().map(|p| phrase_tokens(p)).collect(),
                    revision: lower(q.revision),
                    earlier: q.earlier.iter().map(|p| phrase_tokens(p)).collect(),
                    measures: q.measures,
                    manner: q.manner,
                    outcomes: q
                        .outcomes
                        .into_iter()
                        .flat_map(|(outcome, words)| {
                            words
                                .into_iter()
                                .map(move |w| (w.to_lowercase(), outcome.clone()))
                        })
                        .collect(),
                }
            },
            stop_words: lower(raw.statements.stop_words),
            variants: raw
                .statements
                .variants
                .into_iter()
                .map(|(k, v)| (k.to_lowercase(), v.to_lowercase()))
                .collect(),
        })
    }
}

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::parse(LEXICON_TOML).unwrap_or_else(|e| panic!("assets/compare.toml is invalid: {e}"))
});

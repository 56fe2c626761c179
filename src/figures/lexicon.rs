//! The figure lexicon (`assets/figures.toml`): hedges, vague amounts, scales,
//! currencies, units, counted heads and non-figure contexts. Parsed once.

use crate::word_boundary::{BoundaryRegex, ascii_word_boundary};
use regex::{Regex, RegexSet};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use serde::Deserialize;

use super::numbers::{VULGAR, number_words};
use super::tokens::{DIGIT_CLASS, Tok, tokenize};
use super::{Direction, Qualifier};

/// The lexicon text compiled into the binary.
pub const LEXICON_TOML: &str = include_str!("../../assets/figures.toml");

#[derive(Debug, Deserialize)]
pub struct RawLexicon {
    pub settings: Settings,
    #[serde(default)]
    pub hedge: Vec<HedgeEntry>,
    #[serde(default)]
    pub vague: Vec<VagueEntry>,
    pub scales: HashMap<String, f64>,
    pub tight_scales: HashMap<String, f64>,
    #[serde(default)]
    pub money_scales: HashMap<String, f64>,
    #[serde(default)]
    pub multipliers: HashMap<String, f64>,
    #[serde(default)]
    pub direction: DirectionWords,
    #[serde(default)]
    pub currency: Vec<CurrencyEntry>,
    pub dimensions: HashMap<String, String>,
    #[serde(default)]
    pub unit: Vec<UnitEntry>,
    #[serde(default)]
    pub measure: Vec<MeasureEntry>,
    pub military: Military,
    pub exclude: Exclude,
    pub stop: Stop,
    pub product: Product,
}

/// Words that give a stated change its direction (see `super::direction`).
#[derive(Debug, Deserialize, Default)]
pub struct DirectionWords {
    /// Right before the figure, or before "by"/"of": "rose 5%", "an increase of".
    pub up_before: Vec<String>,
    pub down_before: Vec<String>,
    /// Right after it: "5% higher", "a 5% rise".
    pub up_after: Vec<String>,
    pub down_after: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Product {
    pub connectors: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Settings {
    pub approximate_tolerance: f64,
    pub max_head_words: usize,
    pub max_back_tokens: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Position {
    #[default]
    Before,
    After,
}

#[derive(Debug, Clone, Deserialize)]
pub struct HedgeEntry {
    pub qualifier: Qualifier,
    #[serde(default)]
    pub position: Position,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub phrases: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct VagueEntry {
    pub phrases: Vec<String>,
    pub low: f64,
    pub high: f64,
    pub value: f64,
    #[serde(default)]
    pub needs_head: bool,
    #[serde(default)]
    pub needs_of: bool,
}

#[derive(Debug, Deserialize)]
pub struct CurrencyEntry {
    pub code: String,
    pub symbols: Vec<String>,
    pub words: Vec<String>,
    /// Words after a number that name a million of the currency ("45 MUSD").
    #[serde(default)]
    pub million_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct UnitEntry {
    pub name: String,
    pub dimension: String,
    pub factor: f64,
    /// Added after the factor (Fahrenheit to Celsius).
    #[serde(default)]
    pub offset: f64,
    pub words: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct MeasureEntry {
    pub name: String,
    #[serde(default)]
    pub person: bool,
    #[serde(default)]
    pub group: bool,
    #[serde(default)]
    pub heads: Vec<String>,
    #[serde(default)]
    pub after: Vec<String>,
    #[serde(default)]
    pub before: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Military {
    pub context: Vec<String>,
    pub demonym_suffixes: Vec<String>,
    pub demonyms: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Exclude {
    pub months: Vec<String>,
    pub months_cased: Vec<String>,
    pub time_after: Vec<String>,
    pub ordinal_suffixes: Vec<String>,
    pub label_before: Vec<String>,
    pub year_before: Vec<String>,
    pub change_verbs: Vec<String>,
    #[serde(default)]
    pub caliber_words: Vec<String>,
    #[serde(default)]
    pub ammunition_words: Vec<String>,
    #[serde(default)]
    pub population_of: Vec<String>,
    #[serde(default)]
    pub street_words: Vec<String>,
    #[serde(default)]
    pub brand_words: Vec<String>,
    #[serde(default)]
    pub emergency_numbers: Vec<String>,
    #[serde(default)]
    pub not_counted_by_one: Vec<String>,
    #[serde(default)]
    pub aged_subjects: Vec<String>,
    pub chrome: Vec<String>,
    pub phones: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct Stop {
    pub words: Vec<String>,
    pub modifiers: Vec<String>,
    pub aux: Vec<String>,
    pub back_triggers: Vec<String>,
}

/// A quick "no" to whether a word is in a set of words, cheaper than
/// hashing it: one bit for each (first byte, last byte, length) a member
/// has. A word whose bit is clear is no member; most words of a sentence
/// are no member of a lexicon's sets, and most are told so here.
#[derive(Debug, Clone)]
pub struct Signatures {
    bits: [u64; 64],
}

impl Default for Signatures {
    fn default() -> Self {
        Self { bits: [0; 64] }
    }
}

impl Signatures {
    /// The bit of a word, among 4096.
    fn slot(w: &str) -> usize {
        let b = w.as_bytes();
        let first = usize::from(b.first().copied().unwrap_or(0));
        let last = usize::from(b.last().copied().unwrap_or(0));
        (first.wrapping_mul(31).wrapping_add(last).wrapping_mul(31) + b.len()) % 4096
    }

    pub fn insert(&mut self, w: &str) {
        let slot = Self::slot(w);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when `w` was never inserted; true when it may have been.
    pub fn may_contain(&self, w: &str) -> bool {
        let slot = Self::slot(w);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }

    /// The bit of a word pair, among 4096.
    fn pair_slot(a: &str, b: &str) -> usize {
        (Self::slot(a).wrapping_mul(97) + Self::slot(b)) % 4096
    }

    pub fn insert_pair(&mut self, a: &str, b: &str) {
        let slot = Self::pair_slot(a, b);
        self.bits[slot / 64] |= 1 << (slot % 64);
    }

    /// False when the pair (`a`, `b`) was never inserted.
    pub fn may_contain_pair(&self, a: &str, b: &str) -> bool {
        let slot = Self::pair_slot(a, b);
        self.bits[slot / 64] & (1 << (slot % 64)) != 0
    }
}

/// A table of multi-token phrases, looked up by their first token; the longest
/// match wins. Quote marks inside the sentence are skipped while matching.
#[derive(Debug)]
pub struct PhraseTable<T> {
    by_first: FxHashMap<String, Vec<(Vec<String>, T)>>,
    /// The first tokens, to tell most tokens without hashing them that no
    /// phrase starts there.
    firsts: Signatures,
    /// First tokens that are a whole phrase: a lookup at them always finds
    /// one, so `pairs` cannot rule it out.
    singles: Signatures,
    /// The (first, second) token pairs of the longer phrases. Common first
    /// words ("the", "in", "at", "more") start a few phrases each but are
    /// rarely followed by any of their second words: this tells most such
    /// lookups "no" without hashing the first word or walking its phrases.
    pairs: Signatures,
    /// Some phrase has a quote mark as its second token; quote marks are
    /// skipped only before other tokens, so the token after the first one
    /// is not known in advance and `pairs` is not used.
    quoted_second: bool,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        Self {
            by_first: FxHashMap::default(),
            firsts: Signatures::default(),
            singles: Signatures::default(),
            pairs: Signatures::default(),
            quoted_second: false,
        }
    }
}

pub fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "'" | "`" | "*")
}

impl<T> PhraseTable<T> {
    pub fn insert(&mut self, phrase: &str, value: T) {
        let toks: Vec<String> = tokenize(phrase)
            .into_iter()
            .map(|t| t.norm.into_owned())
            .collect();
        if let Some(first) = toks.first() {
            self.firsts.insert(first);
            match toks.get(1) {
                None => self.singles.insert(first),
                Some(second) => {
                    self.pairs.insert_pair(first, second);
                    self.quoted_second |= is_quote(second);
                }
            }
            let list = self.by_first.entry(first.clone()).or_default();
            list.push((toks, value));
            list.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        }
    }

    /// Longest phrase starting at token `i`; returns the index after it.
    pub fn longest(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let first = toks.get(i)?;
        if !self.firsts.may_contain(&first.norm) {
            return None;
        }
        if !self.quoted_second && !self.singles.may_contain(&first.norm) {
            // Only phrases of two tokens or more start here, and each takes
            // the first token after `i` that is no quote mark as its second.
            let second = toks[i + 1..].iter().find(|t| !is_quote(&t.norm))?;
            if !self.pairs.may_contain_pair(&first.norm, &second.norm) {
                return None;
            }
        }
        self.walk(toks, i)
    }

    /// [`longest`](Self::longest) without its shortcuts: the phrases that
    /// start with token `i`, longest first, each walked.
    fn walk(&self, toks: &[Tok], i: usize) -> Option<(usize, &T)> {
        let list = self.by_first.get(toks.get(i)?.norm.as_ref())?;
        'outer: for (phrase, value) in list {
            let mut j = i + 1;
            for p in &phrase[1..] {
                while toks
                    .get(j)
                    .is_some_and(|t| is_quote(&t.norm) && !is_quote(p))
                {
                    j += 1;
                }
                match toks.get(j) {
                    Some(t) if t.norm == *p => j += 1,
                    _ => continue 'outer,
                }
            }
            return Some((j, value));
        }
        None
    }

    /// The first tokens of the phrases.
    pub fn first_tokens(&self) -> impl Iterator<Item = &str> {
        self.by_first.keys().map(String::as_str)
    }

    /// Longest phrase that ends right before token `end` (exclusive).
    pub fn ending_at(&self, toks: &[Tok], end: usize) -> Option<(usize, &T)> {
        let mut best: Option<(usize, &T)> = None;
        for start in end.saturating_sub(6)..end {
            if let Some((e, v)) = self.longest(toks, start)
                && e == end
                && best.is_none_or(|(s, _)| start < s)
            {
                best = Some((start, v));
            }
        }
        best
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Hedge {
    pub qualifier: Qualifier,
    pub low: Option<f64>,
    pub high: Option<f64>,
}

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub name: &'static str,
    pub dimension: &'static str,
    pub factor: f64,
    pub offset: f64,
}

#[derive(Debug, Clone, Copy)]
pub struct Head {
    pub measure: &'static str,
    pub person: bool,
    pub group: bool,
    /// An outcome ("dead", "injured") rather than a counted noun.
    pub outcome: bool,
}

/// The compiled lexicon.
pub struct Lexicon {
    pub raw: &'static RawLexicon,
    pub hedges_before: PhraseTable<Hedge>,
    pub hedges_after: PhraseTable<Hedge>,
    pub vague: PhraseTable<VagueEntry>,
    pub scales: FxHashMap<String, f64>,
    pub tight_scales: FxHashMap<String, f64>,
    pub money_scales: FxHashMap<&'static str, f64>,
    pub multipliers: FxHashMap<&'static str, f64>,
    pub direction_before: FxHashMap<&'static str, Direction>,
    pub direction_after: FxHashMap<&'static str, Direction>,
    pub currency_symbols: PhraseTable<&'static str>,
    pub currency_words: PhraseTable<&'static str>,
    pub currency_million_words: PhraseTable<&'static str>,
    pub units: PhraseTable<Unit>,
    pub units_by_name: FxHashMap<&'static str, Unit>,
    pub bases: FxHashMap<&'static str, &'static str>,
    pub heads: PhraseTable<Head>,
    pub after_verbs: PhraseTable<&'static str>,
    pub before_verbs: PhraseTable<&'static str>,
    pub military: FxHashSet<&'static str>,
    pub demonym_suffixes: Vec<&'static str>,
    pub demonyms: FxHashSet<&'static str>,
    pub months: FxHashSet<&'static str>,
    pub months_cased: FxHashSet<&'static str>,
    pub time_after: PhraseTable<()>,
    pub ordinal_suffixes: FxHashSet<&'static str>,
    pub label_before: PhraseTable<()>,
    pub year_before: FxHashSet<&'static str>,
    pub change_verbs: FxHashSet<&'static str>,
    pub caliber_words: FxHashSet<&'static str>,
    pub ammunition_words: FxHashSet<&'static str>,
    pub population_of: FxHashSet<&'static str>,
    pub street_words: FxHashSet<&'static str>,
    pub brand_words: FxHashSet<&'static str>,
    pub emergency_numbers: FxHashSet<&'static str>,
    pub not_counted_by_one: FxHashSet<&'static str>,
    pub aged_subjects: FxHashSet<&'static str>,
    /// The chrome and phone patterns, compiled when a text first needs them
    /// (see `blockers`).
    blockers: OnceLock<Vec<BoundaryRegex>>,
    pub stop: FxHashSet<&'static str>,
    pub modifiers: FxHashSet<&'static str>,
    pub aux: FxHashSet<&'static str>,
    pub back_triggers: FxHashSet<&'static str>,
    /// Gaps between the two factors of a product, as normalized tokens.
    pub product_connectors: Vec<Vec<String>>,
    /// Matches where a sentence may hold a figure: at a digit, a vulgar
    /// fraction or a Kelvin sign, or at a number word or a word of each vague
    /// amount, in any case, between non-letters (see `may_hold_figure`).
    pub number_text: Regex,
    /// Every normalized word or symbol a figure can start at, besides
    /// digits, and how (see `Start`).
    pub starts: FxHashMap<String, Start>,
    /// The words of `starts`, to rule out most words without hashing them.
    pub start_words: Signatures,
    /// The chrome and phone patterns with ASCII word boundaries, as one set:
    /// for texts where `ascii_boundaries_hold`, to ask once whether any of
    /// them matches (in most sentences none does).
    pub blockers_ascii: RegexSet,
    /// The same patterns without their word boundaries: they match
    /// wherever a pattern as written does (and more), as fast on any text,
    /// to ask once whether any is worth running on a text beyond plain
    /// ASCII. Compiled when such a text first needs it.
    blockers_loose: OnceLock<RegexSet>,
}

/// How a word can start a figure.
#[derive(Debug, Clone, Copy, Default)]
pub struct Start {
    /// A number word, a vulgar fraction, "a", "an" or a range opener.
    pub always: bool,
    /// The first word of a hedge before a number, of a vague amount, of a
    /// currency symbol: these start a figure only with the rest of their
    /// phrase ("the" only as in "the equivalent of").
    pub hedge: bool,
    pub vague: bool,
    pub symbol: bool,
}

fn directions(
    up: &'static [String],
    down: &'static [String],
) -> FxHashMap<&'static str, Direction> {
    let up = up.iter().map(|w| (w.as_str(), Direction::Up));
    up.chain(down.iter().map(|w| (w.as_str(), Direction::Down)))
        .collect()
}

fn set(v: &'static [String]) -> FxHashSet<&'static str> {
    v.iter().map(String::as_str).collect()
}

impl Lexicon {
    /// Parse a lexicon from TOML text. Errors name what is wrong.
    pub fn parse(text: &str) -> Result<RawLexicon, toml::de::Error> {
        toml::from_str(text)
    }

    /// The chrome and phone patterns (numbers inside a match are no
    /// figures). Most texts never need them: `blockers_ascii` finds no match.
    pub fn blockers(&self) -> &[BoundaryRegex] {
        self.blockers.get_or_init(|| {
            let exclude = &self.raw.exclude;
            exclude
                .chrome
                .iter()
                .chain(&exclude.phones)
                .map(|p| {
                    BoundaryRegex::new(p, false)
                        .unwrap_or_else(|e| panic!("bad regex {p:?} in figures.toml: {e}"))
                })
                .collect()
        })
    }

    /// The set of chrome and phone patterns to ask a text first whether
    /// any of `blockers` may match it (in most texts none does).
    pub fn blocker_set(&self, plain_text: bool) -> &RegexSet {
        if plain_text {
            return &self.blockers_ascii;
        }
        self.blockers_loose.get_or_init(|| {
            let exclude = &self.raw.exclude;
            let loose = exclude.chrome.iter().chain(&exclude.phones);
            RegexSet::new(loose.map(|p| p.replace(r"\b", "")))
                .unwrap_or_else(|e| panic!("bad regex in figures.toml: {e}"))
        })
    }

    fn build(raw: &'static RawLexicon) -> Lexicon {
        let mut hedges_before = PhraseTable::default();
        let mut hedges_after = PhraseTable::default();
        for h in &raw.hedge {
            let hedge = Hedge {
                qualifier: h.qualifier,
                low: h.low,
                high: h.high,
            };
            let table = match h.position {
                Position::Before => &mut hedges_before,
                Position::After => &mut hedges_after,
            };
            for p in &h.phrases {
                table.insert(p, hedge);
            }
        }
        let mut vague = PhraseTable::default();
        for v in &raw.vague {
            for p in &v.phrases {
                vague.insert(p, v.clone());
            }
        }
        let mut currency_symbols = PhraseTable::default();
        let mut currency_words = PhraseTable::default();
        let mut currency_million_words = PhraseTable::default();
        for c in &raw.currency {
            for w in &c.million_words {
                currency_million_words.insert(w, c.code.as_str());
            }
            for s in &c.symbols {
                currency_symbols.insert(s, c.code.as_str());
            }
            for w in &c.words {
                currency_words.insert(w, c.code.as_str());
            }
        }
        let mut units = PhraseTable::default();
        let mut units_by_name = FxHashMap::default();
        for u in &raw.unit {
            let unit = Unit {
                name: u.name.as_str(),
                dimension: u.dimension.as_str(),
                factor: u.factor,
                offset: u.offset,
            };
            units_by_name.insert(u.name.as_str(), unit);
            for w in &u.words {
                units.insert(w, unit);
            }
        }
        let bases = raw
            .dimensions
            .iter()
            .map(|(d, b)| (d.as_str(), b.as_str()))
            .collect();
        let mut heads = PhraseTable::default();
        let mut after_verbs = PhraseTable::default();
        let mut before_verbs = PhraseTable::default();
        for m in &raw.measure {
            let head = Head {
                measure: m.name.as_str(),
                person: m.person,
                group: m.group,
                outcome: !m.after.is_empty(),
            };
            for h in &m.heads {
                heads.insert(h, head);
            }
            for a in &m.after {
                after_verbs.insert(a, m.name.as_str());
            }
            for b in &m.before {
                before_verbs.insert(b, m.name.as_str());
            }
        }
        let mut words: Vec<String> = number_words()
            .chain(raw.multipliers.keys().map(String::as_str))
            .map(str::to_string)
            .collect();
        for v in &raw.vague {
            for p in &v.phrases {
                // Any word of the phrase will do; the longest is the rarest.
                let key = tokenize(p)
                    .into_iter()
                    .map(|t| t.norm)
                    .filter(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
                    .max_by_key(|w| w.len())
                    .unwrap_or_else(|| {
                        panic!("vague amount {p:?} in figures.toml has no plain word")
                    });
                words.push(key.into_owned());
            }
        }
        let signs: String = VULGAR.iter().map(|(v, _)| *v).chain(["\u{212a}"]).collect();
        words.sort();
        words.dedup();
        let number_text = Regex::new(&format!(
            "{}|[{}]|(?i:(?:^|[^a-z])(?:{})(?:[^a-z]|$))",
            DIGIT_CLASS,
            regex::escape(&signs),
            words.join("|")
        ))
        .unwrap_or_else(|e| panic!("number words in figures.toml: {e}"));
        let mut starts: FxHashMap<String, Start> = FxHashMap::default();
        for w in number_words()
            .chain(raw.multipliers.keys().map(String::as_str))
            .chain(VULGAR.iter().map(|(v, _)| *v))
            .chain(["a", "an", "between", "from"])
        {
            starts.entry(w.to_string()).or_default().always = true;
        }
        for w in hedges_before.first_tokens() {
            starts.entry(w.to_string()).or_default().hedge = true;
        }
        for w in vague.first_tokens() {
            starts.entry(w.to_string()).or_default().vague = true;
        }
        for w in currency_symbols.first_tokens() {
            starts.entry(w.to_string()).or_default().symbol = true;
        }
        let mut start_words = Signatures::default();
        for w in starts.keys() {
            start_words.insert(w);
        }
        let blockers_ascii = RegexSet::new(
            raw.exclude
                .chrome
                .iter()
                .chain(&raw.exclude.phones)
                .map(|p| ascii_word_boundary(p)),
        )
        .unwrap_or_else(|e| panic!("bad regex in figures.toml: {e}"));
        let mut time_after = PhraseTable::default();
        for t in &raw.exclude.time_after {
            time_after.insert(t, ());
        }
        let mut label_before = PhraseTable::default();
        for t in &raw.exclude.label_before {
            label_before.insert(t, ());
        }
        Lexicon {
            raw,
            hedges_before,
            hedges_after,
            vague,
            scales: raw.scales.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            tight_scales: raw
                .tight_scales
                .iter()
                .map(|(k, v)| (k.clone(), *v))
                .collect(),
            money_scales: raw
                .money_scales
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect(),
            multipliers: raw
                .multipliers
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect(),
            direction_before: directions(&raw.direction.up_before, &raw.direction.down_before),
            direction_after: directions(&raw.direction.up_after, &raw.direction.down_after),
            currency_symbols,
            currency_words,
            currency_million_words,
            units,
            units_by_name,
            bases,
            heads,
            after_verbs,
            before_verbs,
            military: set(&raw.military.context),
            demonym_suffixes: raw
                .military
                .demonym_suffixes
                .iter()
                .map(String::as_str)
                .collect(),
            demonyms: set(&raw.military.demonyms),
            months: set(&raw.exclude.months),
            months_cased: set(&raw.exclude.months_cased),
            time_after,
            ordinal_suffixes: set(&raw.exclude.ordinal_suffixes),
            label_before,
            year_before: set(&raw.exclude.year_before),
            change_verbs: set(&raw.exclude.change_verbs),
            caliber_words: set(&raw.exclude.caliber_words),
            ammunition_words: set(&raw.exclude.ammunition_words),
            population_of: set(&raw.exclude.population_of),
            street_words: set(&raw.exclude.street_words),
            brand_words: set(&raw.exclude.brand_words),
            emergency_numbers: set(&raw.exclude.emergency_numbers),
            not_counted_by_one: set(&raw.exclude.not_counted_by_one),
            aged_subjects: set(&raw.exclude.aged_subjects),
            blockers: OnceLock::new(),
            stop: set(&raw.stop.words),
            modifiers: set(&raw.stop.modifiers),
            aux: set(&raw.stop.aux),
            back_triggers: set(&raw.stop.back_triggers),
            product_connectors: raw
                .product
                .connectors
                .iter()
                .map(|c| {
                    tokenize(c)
                        .into_iter()
                        .map(|t| t.norm.into_owned())
                        .collect()
                })
                .collect(),
            number_text,
            starts,
            start_words,
            blockers_ascii,
            blockers_loose: OnceLock::new(),
        }
    }
}

static RAW: LazyLock<RawLexicon> = LazyLock::new(|| {
    Lexicon::parse(LEXICON_TOML).unwrap_or_else(|e| panic!("assets/figures.toml is invalid: {e}"))
});

/// The lexicon, built on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::build(&RAW));

/// Builds LEXICON now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&LEXICON);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_parses_and_has_entries() {
        let lex = &*LEXICON;
        assert!(lex.raw.hedge.len() >= 8);
        assert!(lex.units_by_name.contains_key("km"));
        assert_eq!(lex.bases.get("distance"), Some(&"km"));
        let exclude = &lex.raw.exclude;
        assert_eq!(
            lex.blockers().len(),
            exclude.chrome.len() + exclude.phones.len()
        );
        for u in lex.units_by_name.values() {
            assert!(
                lex.bases.contains_key(u.dimension),
                "unit {} has unknown dimension {}",
                u.name,
                u.dimension
            );
        }
    }

    #[test]
    fn signatures_never_say_no_to_a_member() {
        let words = ["", "a", "the", "thousands", "£", "kilometres", "in"];
        let mut sig = Signatures::default();
        for w in words {
            sig.insert(w);
        }
        for w in words {
            assert!(sig.may_contain(w), "{w:?}");
        }
        assert!(!Signatures::default().may_contain("the"));
        // Most other words are told apart.
        let others = ["said", "officials", "government", "of", "and", "was"];
        assert!(others.iter().filter(|w| sig.may_contain(w)).count() <= 1);
    }

    /// Same end and same entry (by address) as the plain walk.
    fn same_as_walk<T>(table: &PhraseTable<T>, text: &str) {
        let toks = tokenize(text);
        let found = |a: Option<(usize, &T)>| a.map(|(e, v)| (e, std::ptr::from_ref(v)));
        for i in 0..=toks.len() {
            assert_eq!(
                found(table.longest(&toks, i)),
                found(table.walk(&toks, i)),
                "{text:?} at {i}"
            );
        }
    }

    /// Texts made of each table's phrases: whole, cut short, with quote
    /// marks inside, and among common words.
    fn phrase_texts<T>(table: &PhraseTable<T>) -> Vec<String> {
        let mut texts = Vec::new();
        for list in table.by_first.values() {
            for (phrase, _) in list {
                let whole = phrase.join(" ");
                texts.push(format!("the {whole} 10 in the said"));
                texts.push(whole.clone());
                texts.push(phrase[..phrase.len() - 1].join(" "));
                texts.push(phrase.join(" \" "));
                texts.push(format!("{} \"' {}", phrase[0], phrase[1..].join(" ")));
                texts.push(format!("{} of the {}", phrase[0], whole));
            }
        }
        texts
    }

    #[test]
    fn phrase_lookup_shortcuts_change_no_answer() {
        let lex = &*LEXICON;
        // The shortcut is in use where it matters most.
        assert!(!lex.hedges_before.quoted_second);
        let common = "in the region of at least about \"more than\" 5 the said \
                      on average, up to 'the' at most 3 in excess of in total";
        macro_rules! check {
            ($($table:ident),*) => {$(
                for text in phrase_texts(&lex.$table).iter().map(String::as_str).chain([common]) {
                    same_as_walk(&lex.$table, text);
                }
            )*};
        }
        check!(
            hedges_before,
            hedges_after,
            vague,
            currency_symbols,
            currency_words,
            units,
            heads,
            after_verbs,
            before_verbs,
            time_after,
            label_before
        );
    }

    #[test]
    fn pair_shortcut_is_off_when_a_quote_is_a_second_token() {
        let mut table = PhraseTable::default();
        table.insert("in \" foo", 1);
        table.insert("at least", 2);
        assert!(table.quoted_second);
        same_as_walk(&table, "in \" foo at \" least in ' \" foo");
        let mut table = PhraseTable::default();
        table.insert("at least", 2);
        table.insert("at", 3);
        assert!(!table.quoted_second);
        same_as_walk(&table, "at \" least at most at");
    }

    #[test]
    fn phrase_table_prefers_longest() {
        let toks = tokenize("at least 10,000");
        let (end, h) = LEXICON.hedges_before.longest(&toks, 0).unwrap();
        assert_eq!(end, 2);
        assert_eq!(h.qualifier, Qualifier::AtLeast);
    }
}

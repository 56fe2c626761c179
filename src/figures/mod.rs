//! Figure extraction: numbers in digits and words, with their hedges turned
//! into intervals, their units and what they count, and products such as
//! "five units of 3,000 soldiers each".
//!
//! One sentence in, figures out. Everything language-specific (hedges, vague
//! amounts, units, counted heads, non-figure contexts) lives in the lexicon
//! `assets/figures.toml`, parsed once.
//!
//! Conventions:
//! - `value` is the number as stated, in `unit` (scales applied: "$4.2bn" is
//!   4.2e9 USD). For a range it is the midpoint; for a vague amount
//!   ("thousands") a representative number from the lexicon.
//! - Fractions ("half", "two-thirds") have unit `fraction` and measure
//!   `percent`; [`to_base_unit`] turns them into percent.
//! - Ages ("a 35-year-old", "Maria Lopez, 35,") get measure `age`, never a count.
//!
//! One concern per file: `tokens` (a sentence's tokens), `numbers` (digits
//! and number words), `quantity` (currency, scale, unit, ranges, ages),
//! `vague` (vague amounts and fractions), `heads` (what a number counts),
//! `direction` (which way a stated change goes),
//! `nonfigures` (numbers that state no quantity), `products`; this file runs
//! them over a sentence.

mod direction;
mod heads;
pub(crate) mod lexicon;
mod nonfigures;
pub(crate) mod numbers;
mod products;
mod quantity;
pub(crate) mod tokens;
mod vague;

use crate::word_boundary::ascii_boundaries_hold;
use std::cell::OnceCell;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use lexicon::{Head, Hedge, LEXICON, Lexicon, Unit, VagueEntry};
use numbers::{Num, denominator, parse_number, tens_value, word_value};
use tokens::{Kind, Tok, tokenize_lowered};

/// How a figure is hedged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximate,
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    UpTo,
    Range,
    Vague,
}

impl Qualifier {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate => "approximate",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::UpTo => "up_to",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }
}

/// Which way a stated change goes: "fell 2.3%", "a 5% rise", "0.5 percent
/// lower". None for a level ("rose to 45") or a figure that states no change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

impl Direction {
    /// The name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Up => "up",
            Direction::Down => "down",
        }
    }
}

/// One figure found in a sentence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Byte span of `text` inside the sentence given.
    pub span: Range<usize>,
    /// The matched text, e.g. "more than 900 miles".
    pub text: String,
    /// The number as stated, in `unit`.
    pub value: f64,
    /// The interval it stands for; None = unbounded.
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// "km", "mi", "day", "USD", "%", "fraction", ...; None for plain counts.
    pub unit: Option<String>,
    /// What is measured: troops, units, killed, injured, people, distance,
    /// duration, money, percent, age, count, ...
    pub measure: String,
    /// The counted head phrase as written ("North Korean soldiers").
    pub subject: Option<String>,
    /// True for computed figures such as a product.
    pub derived: bool,
    /// The way a stated change goes, if the figure is a change.
    pub direction: Option<Direction>,
}

/// Convert a value to the base unit of its dimension (distance -> km,
/// duration -> day, area -> km2, weight -> kg, speed -> km/h, fraction -> %).
/// Money is not converted between currencies; unknown units come back as given
/// (with None when the unit is not in the lexicon).
pub fn to_base_unit(value: f64, unit: Option<&str>) -> (f64, Option<&'static str>) {
    let lex = &*LEXICON;
    let Some(u) = unit else {
        return (value, None);
    };
    if let Some(unit) = lex.units_by_name.get(u) {
        let base = lex.bases.get(unit.dimension).copied();
        return (value * unit.factor + unit.offset, base.or(Some(unit.name)));
    }
    for c in &lex.raw.currency {
        if c.code == u {
            return match c.code.split_once('_') {
                // a minor unit: "USD_CENT" is a hundredth of "USD"
                Some((major, _)) => (value / 100.0, Some(&c.code[..major.len()])),
                None => (value, Some(c.code.as_str())),
            };
        }
    }
    (value, None)
}

/// Extract the figures of one sentence, in source order; derived figures come
/// right after their factors. Never panics; spans lie on char boundaries.
pub fn extract_figures(sentence: &str) -> Vec<Figure> {
    let lex = &*LEXICON;
    if !may_hold_figure(lex, sentence) {
        return Vec::new();
    }
    extract(lex, sentence)
}

/// False when a sentence cannot hold a figure, checked on its text without
/// tokenizing it (most sentences have no figure). Every figure reads a
/// number in digits, a vulgar fraction, a number word or a vague amount, so
/// it has a token that is a digit, a vulgar fraction or one of the number
/// words `lex.number_text` looks for. Such a word token is the same letters
/// in ASCII of any case between non-letters, unless it holds a Kelvin sign
/// (the one char beyond ASCII that lowercases into ASCII).
fn may_hold_figure(lex: &Lexicon, s: &str) -> bool {
    lex.number_text.is_match(s)
}

fn extract(lex: &'static Lexicon, sentence: &str) -> Vec<Figure> {
    let lower = sentence.to_ascii_lowercase();
    let toks = tokenize_lowered(sentence, &lower);
    let ex = Extractor {
        s: sentence,
        toks: &toks,
        lex,
        blocked: OnceCell::new(),
        military: OnceCell::new(),
    };
    ex.run()
}

/// A figure being built, with its token range and what was found around it.
#[derive(Debug, Clone)]
struct Cand {
    fig: Figure,
    /// Token range of the text.
    ts: usize,
    te: usize,
    head: Option<Head>,
    /// Token index after "each" following the figure, if any.
    each_end: Option<usize>,
    hedged: bool,
}

struct Amount {
    num: Num,
    currency: Option<&'static str>,
    /// The currency was written before the number ("$5", "EUR40m").
    prefixed: bool,
    end: usize,
}

#[derive(Clone, Copy)]
struct UnitMatch {
    unit: Unit,
    end: usize,
    compound: bool,
    age: bool,
}

#[derive(Default)]
struct HeadRun {
    head: Option<Head>,
    /// Token range of the subject phrase.
    subject: Option<(usize, usize)>,
    /// Token index after the words taken into the figure text.
    end: usize,
    demonym: bool,
}

enum Attempt {
    Found(Box<Cand>),
    /// Not a figure; tokens up to this index are consumed.
    Skip(usize),
    Nothing,
}

struct Extractor<'s, 't> {
    s: &'s str,
    toks: &'t [Tok<'s>],
    lex: &'static Lexicon,
    /// See `blocked_ranges`; looked up when a number is found, which many
    /// sentences with a number word never come to.
    blocked: OnceCell<Vec<Range<usize>>>,
    /// Whether the sentence speaks of the military; looked up when a rule
    /// asks, which few sentences come to.
    military: OnceCell<bool>,
}

const DETERMINERS: &[&str] = &[
    "the", "their", "its", "his", "her", "our", "those", "these", "all", "some",
];

impl<'s> Extractor<'s, '_> {
    fn n(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.norm.as_ref()).unwrap_or("")
    }

    fn run(&self) -> Vec<Figure> {
        let mut cands: Vec<Cand> = Vec::new();
        let mut i = 0;
        while i < self.toks.len() {
            // Most tokens cannot start a figure: `try_at` would find nothing.
            let Some(hedge) = self.start_at(i) else {
                i += 1;
                continue;
            };
            match self.try_at(i, hedge) {
                Attempt::Found(c) => {
                    i = c.te.max(i + 1);
                    cands.push(*c);
                }
                Attempt::Skip(e) => i = e.max(i + 1),
                Attempt::Nothing => i += 1,
            }
        }
        self.ages_listed(&mut cands);
        // products first: they re-measure their second factor ("3,000 people" -> troops)
        let mut derived: Vec<Option<Figure>> = vec![None; cands.len()];
        let mut k = 0;
        while k + 1 < cands.len() {
            if let Some((b, d)) = self.product(&cands[k], &cands[k + 1]) {
                cands[k + 1].fig = b;
                derived[k + 1] = Some(d);
                k += 2;
            } else {
                k += 1;
            }
        }
        self.back_inherit(&mut cands);
        for c in &mut cands {
            c.fig.direction = self.direction(c);
        }
        let mut out = Vec::with_capacity(cands.len() + 1);
        for (c, d) in cands.into_iter().zip(derived) {
            out.push(c.fig);
            out.extend(d);
        }
        out
    }

    /// "ages 16, 14, 9 and 10": bare numbers listed right after an age are
    /// ages too.
    fn ages_listed(&self, cands: &mut [Cand]) {
        for k in 1..cands.len() {
            let (done, rest) = cands.split_at_mut(k);
            let (p, c) = (&done[k - 1], &mut rest[0]);
            let listed = p.te < c.ts && (p.te..c.ts).all(|t| matches!(self.n(t), "," | "and"));
            if listed
                && p.fig.measure == "age"
                && c.fig.measure == "count"
                && c.fig.unit.is_none()
                && c.fig.subject.is_none()
                && !c.hedged
            {
                c.fig.measure = "age".to_string();
                c.fig.unit.clone_from(&p.fig.unit);
            }
        }
    }

    fn military(&self) -> bool {
        *self.military.get_or_init(|| {
            self.toks
                .iter()
                .any(|t| self.lex.military.contains(t.norm.as_ref()))
        })
    }

    /// None when no figure can start at token `i`; else the hedge before
    /// a number that starts there, if any, which `try_at` takes (looked up
    /// here once rather than there again).
    fn start_at(&self, i: usize) -> Option<Option<(usize, &'static Hedge)>> {
        let lex = self.lex;
        let t = &self.toks[i];
        if t.kind == Kind::Num {
            return Some(lex.hedges_before.longest(self.toks, i));
        }
        if !lex.start_words.may_contain(&t.norm) {
            return None;
        }
        let start = lex.starts.get(t.norm.as_ref())?;
        // Only the first word of a hedge starts one.
        let hedge = if start.hedge {
            lex.hedges_before.longest(self.toks, i)
        } else {
            None
        };
        // Common words ("the", "in", "on", "at") begin a hedge; without
        // the rest of it they start nothing, and most of the time it is not
        // there.
        let can = start.always
            || hedge.is_some()
            || (start.vague && lex.vague.longest(self.toks, i).is_some())
            || (start.symbol && lex.currency_symbols.longest(self.toks, i).is_some());
        can.then_some(hedge)
    }

    fn text(&self, ts: usize, te: usize) -> (Range<usize>, String) {
        let start = self.toks[ts].start;
        let end = self.toks[te.saturating_sub(1).max(ts)].end;
        (start..end, self.s[start..end].to_string())
    }

    /// `hedge` is `lex.hedges_before.longest(self.toks, i)`.
    fn try_at(&self, i: usize, hedge: Option<(usize, &Hedge)>) -> Attempt {
        let lex = self.lex;
        // hedge before
        let (hedge, mut j) = match hedge {
            Some((e, h)) => (Some(*h), e),
            None => (None, i),
        };
        if hedge.is_some() && self.toks.get(j).is_none() {
            return Attempt::Nothing;
        }
        // range opener
        let opener = match self.n(j) {
            "between" | "from" if hedge.is_none() => {
                let o = self.n(j).to_string();
                j += 1;
                Some(o)
            }
            _ => None,
        };
        if let Some(&times) = lex.multipliers.get(self.n(j)) {
            // "fivefold", "tripled"
            let (qualifier, low, high) = interval(times, None, hedge, lex);
            let mut c = self.make(
                i,
                j + 1,
                times,
                low,
                high,
                qualifier,
                None,
                Some("multiplier"),
                &HeadRun::default(),
            );
            c.hedged = hedge.is_some();
            return Attempt::Found(Box::new(c));
        }
        if let Some((ve, v)) = lex.vague.longest(self.toks, j) {
            if let Some(c) = self.vague(i, hedge, ve, v) {
                return Attempt::Found(Box::new(c));
            }
            if opener.is_none() && hedge.is_none() {
                return Attempt::Nothing;
            }
        }
        if let Some(a1) = self.amount(j) {
            // "two-thirds of", "one in five": the fraction reads further than the number
            if opener.is_none()
                && (a1.num.words || matches!(self.n(a1.end), "in" | "out"))
                && let Some(c) = self.fraction(i, hedge, j)
                && c.te > a1.end
            {
                return Attempt::Found(Box::new(c));
            }
            return self.quantity(i, hedge, opener.as_deref(), j, a1);
        }
        if opener.is_some() {
            return Attempt::Nothing;
        }
        if let Some(c) = self.fraction(i, hedge, j) {
            return Attempt::Found(Box::new(c));
        }
        Attempt::Nothing
    }

    #[allow(clippy::too_many_arguments)]
    fn make(
        &self,
        ts: usize,
        te: usize,
        value: f64,
        low: Option<f64>,
        high: Option<f64>,
        qualifier: Qualifier,
        unit: Option<&str>,
        measure: Option<&str>,
        run: &HeadRun,
    ) -> Cand {
        let (span, text) = self.text(ts, te);
        let mut measure = measure
            .map(str::to_string)
            .or_else(|| run.head.map(|h| h.measure.to_string()))
            .unwrap_or_else(|| "count".to_string());
        if run.demonym && measure == "people" && self.military() {
            measure = "troops".to_string();
        }
        let subject = run.subject.map(|(a, b)| self.text(a, b).1);
        let each_end = (self.n(te) == "each").then_some(te + 1);
        Cand {
            fig: Figure {
                span,
                text,
                value,
                low,
                high,
                qualifier,
                unit: unit.map(str::to_string),
                measure,
                subject,
                derived: false,
                direction: None,
            },
            ts,
            te,
            head: run.head,
            each_end,
            hedged: false,
        }
    }
}

/// The interval and qualifier of a value with an optional range and hedge.
fn interval(
    value: f64,
    range: Option<(f64, f64)>,
    hedge: Option<Hedge>,
    lex: &Lexicon,
) -> (Qualifier, Option<f64>, Option<f64>) {
    if let Some((l, h)) = range {
        return (Qualifier::Range, Some(l), Some(h));
    }
    match hedge {
        None => (Qualifier::Exact, Some(value), Some(value)),
        Some(h) => {
            let tol = lex.raw.settings.approximate_tolerance;
            let (lo, hi) = match h.qualifier {
                Qualifier::Approximate => (h.low.or(Some(1.0 - tol)), h.high.or(Some(1.0 + tol))),
                _ => (h.low, h.high),
            };
            let (lo, hi) = (lo.map(|f| value * f), hi.map(|f| value * f));
            // below zero a multiplier under 1 makes the upper bound
            match (lo, hi) {
                (Some(l), Some(u)) if l > u => (h.qualifier, Some(u), Some(l)),
                _ => (h.qualifier, lo, hi),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(s: &str) -> Figure {
        let f = extract_figures(s);
        assert_eq!(f.len(), 1, "{s:?} gave {f:#?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn conversions() {
        let (v, u) = to_base_unit(900.0, Some("mi"));
        assert!((v - 1448.4096).abs() < 1e-6);
        assert_eq!(u, Some("km"));
        assert_eq!(to_base_unit(2.0, Some("week")), (14.0, Some("day")));
        assert_eq!(to_base_unit(1500.0, Some("km")), (1500.0, Some("km")));
        assert_eq!(to_base_unit(0.5, Some("fraction")), (50.0, Some("%")));
        assert_eq!(to_base_unit(3.0, Some("t")), (3000.0, Some("kg")));
        assert_eq!(to_base_unit(5.0, Some("USD")), (5.0, Some("USD")));
        assert_eq!(to_base_unit(5.0, Some("EUR")), (5.0, Some("EUR")));
        assert_eq!(to_base_unit(5.0, None), (5.0, None));
        assert_eq!(to_base_unit(5.0, Some("furlong")), (5.0, None));
        let (v, u) = to_base_unit(100.0, Some("ha"));
        assert!((v - 1.0).abs() < 1e-9);
        assert_eq!(u, Some("km2"));
    }

    #[test]
    fn reference_markers_are_not_figures() {
        let f = extract_figures("Two guards were hurt at the depot.[3][14] The gate was shut.[7]");
        assert_eq!(
            f.iter().map(|f| f.value).collect::<Vec<_>>(),
            [2.0],
            "{f:#?}"
        );
    }

    #[test]
    fn a_count_names_what_it_counts_in_irregular_plurals_and_model_names() {
        let f = one("Rebels held nearly 300 crewmen on the coast.");
        assert_eq!(f.subject.as_deref(), Some("crewmen"));
        let f = one("Troops found seven AK-47s in the boat.");
        assert_eq!(f.subject.as_deref(), Some("AK-47s"));
        let f = one("Troops found 12 AK-47 rifles in the boat.");
        assert_eq!(f.subject.as_deref(), Some("AK-47 rifles"));
        // a singular noun in "-men" is no plural: nothing is counted
        let f = extract_figures("The lab kept 40 specimen jars.");
        assert!(
            f.iter().all(|f| f.subject.as_deref() != Some("specimen")),
            "{f:#?}"
        );
    }

    #[test]
    fn hedged_troops() {
        let f = one("More than 10,000 North Korean soldiers are currently in Russia.");
        assert_eq!(f.qualifier, Qualifier::MoreThan);
        assert_eq!((f.value, f.low, f.high), (10000.0, Some(10000.0), None));
        assert_eq!(f.measure, "troops");
        assert_eq!(f.subject.as_deref(), Some("North Korean soldiers"));
        assert_eq!(f.text, "More than 10,000 North Korean soldiers");
    }

    #[test]
    fn spans_are_exact() {
        let s = "Officials said “about 1,500 km” — roughly\u{a0}900 miles.";
        for f in extract_figures(s) {
            assert_eq!(&s[f.span.clone()], f.text);
        }
        assert_eq!(extract_figures(s).len(), 2);
    }
}

/// The shortcuts of `extract_figures` (the number check of a sentence and the
/// tokens `run` skips) never change what is found.
#[cfg(test)]
mod shortcut_tests {
    use super::*;
    use proptest::prelude::*;

    /// Words figures are made of, and some that are not, often.
    const CORE: &[&str] = &[
        "10,000",
        "3",
        "1.5",
        "2024",
        "11k",
        "$4.2bn",
        "½",
        "31",
        "0",
        "1,5",
        "the",
        "of",
        "in",
        "and",
        "a",
        "an",
        "one",
        "two",
        "twenty",
        "half",
        "third",
        "hundred",
        "thousand",
        "million",
        "dozen",
        "thousands",
        "several",
        "few",
        "said",
        "troops",
        "people",
        "Koreans",
        "North",
        "each",
        "killed",
        "old",
        "year",
        "km",
        "percent",
        "-",
        ",",
        ".",
        "“",
        "”",
        "’",
        "(",
        ")",
        "%",
        "ago",
        "K",
        "\u{212a}",
        "Cart:",
        "page",
        "+1",
        "555-123-4567",
        "between",
        "from",
        "to",
        "or",
        "plus",
        "odd",
        "about",
        "more than",
        "up to",
        "some",
        "units",
        "soldiers",
        "November",
        "May",
        "at",
        "Route",
        "aged",
        "in",
        "of",
        "five",
    ];

    /// Every phrase of the lexicon.
    fn lexicon_phrases() -> Vec<String> {
        let raw = LEXICON.raw;
        let phrases = raw
            .hedge
            .iter()
            .flat_map(|h| &h.phrases)
            .chain(raw.vague.iter().flat_map(|v| &v.phrases))
            .chain(
                raw.currency
                    .iter()
                    .flat_map(|c| c.symbols.iter().chain(&c.words)),
            )
            .chain(raw.unit.iter().flat_map(|u| &u.words))
            .chain(
                raw.measure
                    .iter()
                    .flat_map(|m| m.heads.iter().chain(&m.after)),
            )
            .chain(&raw.exclude.months)
            .chain(&raw.exclude.label_before)
            .chain(raw.scales.keys())
            .chain(raw.tight_scales.keys());
        numbers::number_words()
            .map(str::to_string)
            .chain(phrases.cloned())
            .collect()
    }

    fn sentence() -> impl Strategy<Value = String> {
        let all = lexicon_phrases();
        let word = prop_oneof![
            3 => proptest::sample::select(CORE).prop_map(str::to_string),
            2 => proptest::sample::select(all),
        ];
        proptest::collection::vec((word, 0..6usize, 0..3u8), 1..14).prop_map(|parts| {
            let mut s = String::new();
            for (w, sep, case) in parts {
                s.push_str([" ", " ", "", "-", ", ", " “"][sep]);
                match case {
                    0 => s.push_str(&w),
                    1 => s.push_str(&w.to_uppercase()),
                    _ => {
                        let mut cs = w.chars();
                        s.extend(cs.next().map(|c| c.to_ascii_uppercase()));
                        s.push_str(cs.as_str());
                    }
                }
            }
            s
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4096, ..ProptestConfig::default() })]

        #[test]
        fn shortcuts_find_what_the_full_search_finds(s in sentence()) {
            let lex = &*LEXICON;
            let full = extract(lex, &s);
            prop_assert!(full.is_empty() || may_hold_figure(lex, &s), "{s:?}: {full:?}");
            let toks = tokens::tokenize(&s);
            let ex = Extractor {
                s: &s,
                toks: &toks,
                lex,
                blocked: OnceCell::new(),
                military: OnceCell::new(),
            };
            for i in 0..toks.len() {
                let hedge = lex.hedges_before.longest(&toks, i);
                match ex.start_at(i) {
                    None => prop_assert!(
                        matches!(ex.try_at(i, hedge), Attempt::Nothing),
                        "{s:?} at {i}"
                    ),
                    // The hedge it found is the one `try_at` asks for.
                    Some(h) => prop_assert_eq!(
                        h.map(|(e, h)| (e, std::ptr::from_ref(h))),
                        hedge.map(|(e, h)| (e, std::ptr::from_ref(h))),
                        "{} at {}", s, i
                    ),
                }
            }
        }
    }

    /// `may_hold_figure` relies on it.
    #[test]
    fn only_the_kelvin_sign_lowercases_into_ascii() {
        for c in (0x80..=0x10ffff).filter_map(char::from_u32) {
            if c.to_lowercase().all(|l| l.is_ascii()) {
                assert_eq!(c, '\u{212a}');
            }
        }
    }

    #[test]
    fn sentences_without_numbers_are_skipped() {
        let lex = &*LEXICON;
        for s in [
            "The talks failed, officials said on Tuesday.",
            "Someone said it was often done alone.",
            "“Nobody knew,” she said — café owners agreed.",
        ] {
            assert!(!may_hold_figure(lex, s), "{s}");
        }
        for s in [
            "Some 11,000 troops.",
            "Thousands fled.",
            "TWENTY-THREE died.",
            "Half of them left.",
            "A handful of people.",
            "¾ of the vote.",
            "a \u{212a}elvin sign",
        ] {
            assert!(may_hold_figure(lex, s), "{s}");
        }
    }
}

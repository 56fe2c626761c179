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
//! This file is over 800 lines: its split is planned with the extraction
//! rework (issue 13), so it is not split twice.

pub(crate) mod lexicon;
pub(crate) mod numbers;

use crate::word_boundary::ascii_boundaries_hold;
use std::cell::OnceCell;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use lexicon::{Head, Hedge, LEXICON, Lexicon, Unit, VagueEntry};
use numbers::{
    Kind, Num, Tok, denominator, parse_number, tens_value, tokenize_lowered, word_value,
};

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
        return (value * unit.factor, base.or(Some(unit.name)));
    }
    if u == "USD_CENT" {
        return (value / 100.0, Some("USD"));
    }
    for c in &lex.raw.currency {
        if c.code == u {
            return (value, Some(c.code.as_str()));
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

/// Byte ranges of chrome and phone numbers in `s`: numbers inside are no
/// figures.
fn blocked_ranges(lex: &Lexicon, s: &str) -> Vec<Range<usize>> {
    let mut blocked = Vec::new();
    let plain_text = ascii_boundaries_hold(s);
    // One pass of the set tells whether any pattern matches at all.
    if !plain_text || lex.blockers_ascii.is_match(s) {
        for re in lex.blockers() {
            for m in re.for_text(plain_text).find_iter(s) {
                blocked.push(m.range());
            }
        }
    }
    blocked
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
        let mut out = Vec::with_capacity(cands.len() + 1);
        for (c, d) in cands.into_iter().zip(derived) {
            out.push(c.fig);
            out.extend(d);
        }
        out
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

    fn is_blocked(&self, t: usize) -> bool {
        let pos = self.toks[t].start;
        self.blocked
            .get_or_init(|| blocked_ranges(self.lex, self.s))
            .iter()
            .any(|r| r.contains(&pos))
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
                && (a1.num.words || self.n(a1.end) == "in")
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

    /// `[currency symbol] number [scale] [currency word]`
    fn amount(&self, j: usize) -> Option<Amount> {
        let lex = self.lex;
        let (currency, k) = match lex.currency_symbols.longest(self.toks, j) {
            // "US$300" but not "a $15bn loan": a symbol of several tokens is written solid
            Some((e, code))
                if self.toks.get(e).is_some_and(|t| t.kind == Kind::Num)
                    && (j + 1..e).all(|k| !self.toks[k].space_before) =>
            {
                (Some(*code), e)
            }
            _ => (None, j),
        };
        let num = parse_number(self.toks, k)?;
        let mut a = Amount {
            num,
            currency,
            end: num.end,
        };
        if a.currency.is_none() {
            if let Some((e, code)) = lex.currency_words.longest(self.toks, num.end) {
                a.currency = Some(*code);
                a.end = e;
            } else if num.scaled && matches!(self.n(num.end), "pounds" | "pound") {
                a.currency = Some("GBP");
                a.end = num.end + 1;
            }
        }
        Some(a)
    }

    fn unit_at(&self, k: usize) -> Option<UnitMatch> {
        let toks = self.toks;
        let (k2, compound) = if self.n(k) == "-"
            && toks.get(k).is_some_and(|t| !t.space_before)
            && toks.get(k + 1).is_some_and(|t| !t.space_before)
        {
            (k + 1, true)
        } else {
            (k, false)
        };
        let (e, u) = self.lex.units.longest(toks, k2)?;
        // "5 in" / "the 12 ha" — short unit words need to be written as such
        let mut m = UnitMatch {
            unit: *u,
            end: e,
            compound,
            age: false,
        };
        if u.dimension == "duration" {
            if compound && self.n(e) == "-" && self.n(e + 1) == "old" {
                m.age = true;
                m.end = e + 2;
            } else if !compound && self.n(e) == "old" {
                m.age = true;
                m.end = e + 1;
            }
        }
        Some(m)
    }

    /// Reasons a number at tokens [n, e) is not an amount. Returns the token
    /// index to skip to.
    fn excluded(&self, n: usize, num: &Num, hedged: bool, currency: bool) -> Option<usize> {
        let toks = self.toks;
        let lex = self.lex;
        let t = &toks[n];
        let e = num.end;
        if self.is_blocked(n) {
            return Some(e);
        }
        let prev = n.checked_sub(1).map(|p| &toks[p]);
        let next = toks.get(num.start + 1);
        if t.kind == Kind::Num {
            if let Some(p) = prev
                && !t.space_before
            {
                // G7, A320, mid-2024, F-16, COVID-19, '90s
                if p.kind == Kind::Word {
                    return Some(e);
                }
                if p.norm == "-"
                    && n >= 2
                    && !p.space_before
                    && matches!(toks[n - 2].kind, Kind::Word | Kind::Num)
                {
                    return Some(e);
                }
                if p.norm == "'" || p.norm == "#" {
                    return Some(e);
                }
            }
            if let Some(nx) = next
                && !nx.space_before
            {
                match nx.kind {
                    Kind::Word => {
                        let w = nx.norm.as_ref();
                        let known = lex.tight_scales.contains_key(w)
                            || lex.units.longest(toks, n + 1).is_some()
                            || lex.currency_words.longest(toks, n + 1).is_some();
                        if !known || lex.ordinal_suffixes.contains(w) {
                            return Some(n + 2);
                        }
                    }
                    Kind::Sym => {
                        if matches!(nx.norm.as_ref(), ":" | "/")
                            && toks.get(n + 2).is_some_and(|t| t.kind == Kind::Num)
                        {
                            return Some(n + 3);
                        }
                    }
                    Kind::Num => {}
                }
            }
            if lex.time_after.longest(toks, e).is_some() {
                return Some(e + 1);
            }
            if num.value == 0.0 {
                return Some(e);
            }
            if !hedged && !currency {
                // Route 66, Boeing 737, World War 2 (capitalised word before, not sentence start)
                if let Some(p) = prev
                    && p.capitalized()
                    && !num.grouped
                    && !num.scaled
                    && n >= 2
                    && !matches!(
                        toks[n - 2].norm.as_ref(),
                        "\"" | "(" | "." | ":" | "—" | "-"
                    )
                    && !lex.months.contains(p.norm.as_ref())
                    && !lex.stop.contains(p.norm.as_ref())
                    && !is_weekday(&p.norm)
                    && lex.before_verbs.longest(toks, n - 1).is_none()
                {
                    return Some(e);
                }
            }
        }
        // dates: "4 November", "Nov. 6", "November 4"
        if num.value <= 31.0 && num.value.fract() == 0.0 && !num.grouped && !currency {
            let month = |i: usize| self.is_month(i);
            let before =
                n >= 1 && (month(n - 1) || (n >= 2 && self.n(n - 1) == "." && month(n - 2)));
            let mut a = e;
            if self.n(a) == "of" {
                a += 1;
            }
            if before || month(a) {
                return Some(if month(a) { a + 1 } else { e });
            }
        }
        if !hedged && let Some((_, ())) = lex.label_before.ending_at(toks, n) {
            return Some(e);
        }
        None
    }

    fn quantity(
        &self,
        i: usize,
        hedge: Option<Hedge>,
        opener: Option<&str>,
        j: usize,
        a1: Amount,
    ) -> Attempt {
        let lex = self.lex;
        let toks = self.toks;
        let hedged = hedge.is_some();
        if let Some(skip) = self.excluded(a1.num.start, &a1.num, hedged, a1.currency.is_some()) {
            return Attempt::Skip(skip);
        }
        let mut value = a1.num.value;
        let mut currency = a1.currency;
        let mut end = a1.end;
        let mut unit = if currency.is_none() {
            self.unit_at(end)
        } else {
            None
        };
        let mut range: Option<(f64, f64)> = None;
        let mut ts = if hedged { i } else { j };
        let year_like = |num: &Num| {
            !num.words
                && !num.grouped
                && !num.decimal
                && !num.scaled
                && (1000.0..=2100.0).contains(&num.value)
        };
        // ranges
        {
            let c = unit.map(|u| u.end).unwrap_or(end);
            let conn = self.n(c);
            let conn_tok = toks.get(c);
            let ok_conn = match (opener, conn) {
                (Some("between"), "and" | "-") => true,
                (Some("from"), "to" | "-") => true,
                (None, "-") => conn_tok.is_some_and(|t| {
                    t.raw != "-"
                        || (!t.space_before && toks.get(c + 1).is_some_and(|n| !n.space_before))
                }),
                (None, "to") => true,
                (None, "or") => a1.num.words,
                _ => false,
            };
            let changing = {
                let from = if opener.is_some() { j - 1 } else { j };
                (from.saturating_sub(3)..from).any(|k| lex.change_verbs.contains(self.n(k)))
            };
            if ok_conn
                && !(conn == "to" && changing)
                && let Some(a2) = self.amount(c + 1)
                && (a2.num.words == a1.num.words || !a1.num.words)
            {
                let mut low = value;
                let high = a2.num.value;
                if !a1.num.scaled && a2.num.scaled && low * a2.num.scale <= high * 1.000001 {
                    low *= a2.num.scale;
                }
                let u2 = if a2.currency.is_none() {
                    self.unit_at(a2.end)
                } else {
                    None
                };
                let units_agree = match (unit, u2) {
                    (Some(x), Some(y)) => x.unit.name == y.unit.name,
                    _ => true,
                };
                let years = year_like(&a1.num)
                    && (year_like(&a2.num)
                        || (conn == "-"
                            && !a2.num.grouped
                            && a2.num.value < 100.0
                            && !a2.num.scaled));
                if years {
                    return Attempt::Skip(a2.end);
                }
                if self.is_month(a2.end) && high <= 31.0 && unit.is_none() && currency.is_none() {
                    // "from 9 to 11 July"
                    return Attempt::Skip(a2.end + 1);
                }
                if units_agree && low < high && !self.is_blocked(c + 1) {
                    range = Some((low, high));
                    value = (low + high) / 2.0;
                    currency = currency.or(a2.currency);
                    end = a2.end;
                    if u2.is_some() {
                        unit = u2;
                    }
                    if opener.is_some() {
                        ts = j - 1;
                    }
                } else if conn == "-" && low >= high && currency.is_none() && unit.is_none() {
                    // scores ("won 3-1") and the like
                    return Attempt::Skip(a2.end);
                }
            }
        }
        if let Some(u) = unit {
            end = u.end;
        }
        if a1.num.needs_unit && unit.is_none() {
            return Attempt::Nothing;
        }
        // post hedge: "or more", "10,000-plus", "40-odd"
        let mut qual_hedge = hedge;
        if range.is_none() {
            let k = if self.n(end) == "-" && toks.get(end).is_some_and(|t| !t.space_before) {
                end + 1
            } else {
                end
            };
            if let Some((e, h)) = lex.hedges_after.longest(toks, k)
                && !(self.n(k) == "plus" && toks.get(e).is_some_and(|t| t.kind == Kind::Num))
                && !(self.n(k) == "at" && self.n(k + 1) == "least" && self.after_is_number(e))
            {
                if hedge.is_none() {
                    qual_hedge = Some(*h);
                }
                end = e;
            }
        }
        // age
        let mut measure: Option<&'static str> = None;
        let mut head_run = HeadRun {
            end,
            ..Default::default()
        };
        let mut unit_name: Option<&'static str> = None;
        let age_before = {
            let p = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
            matches!(p, "aged" | "age" | "ages" | "turned" | "turns" | "turning")
                || (p == "of" && ts >= 2 && self.n(ts - 2) == "age")
        };
        let apposition_age = !hedged
            && range.is_none()
            && currency.is_none()
            && unit.is_none()
            && !a1.num.words
            && !a1.num.grouped
            && !a1.num.decimal
            && (1.0..=120.0).contains(&value)
            && ts >= 2
            && self.n(ts - 1) == ","
            && toks[ts - 2].kind == Kind::Word
            && matches!(self.n(end), "," | "." | ")" | "" | ";");
        if unit.is_some_and(|u| u.age) || age_before || apposition_age {
            measure = Some("age");
            unit_name = Some("year");
            if let Some(u) = unit {
                end = u.end;
            }
        } else if let Some(code) = currency {
            measure = Some("money");
            unit_name = Some(code);
            if code == "USD_CENT" {
                unit_name = Some("USD");
                value /= 100.0;
                range = range.map(|(l, h)| (l / 100.0, h / 100.0));
            }
            head_run = self.of_subject(end);
        } else if let Some(u) = unit {
            measure = Some(if u.unit.name == "fraction" {
                "percent"
            } else {
                u.unit.dimension
            });
            unit_name = Some(u.unit.name);
            if u.compound {
                // "a 1,500-kilometer front line": the noun it qualifies
                head_run = self.head_run(end, false);
                if head_run.subject.is_none() {
                    head_run.subject = self.noun_run(end);
                }
                head_run.end = end;
            } else if u.unit.dimension == "percent" {
                head_run = self.of_subject(end);
            }
        } else {
            head_run = self.head_run(end, true);
        }
        // years: "in 2022", "since 1945"
        if year_like(&a1.num) && range.is_none() && measure.is_none() {
            let prev = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
            if head_run.head.is_none() || (!hedged && lex.year_before.contains(prev)) {
                return Attempt::Skip(a1.end);
            }
        }
        if a1.num.bare_one && measure.is_none() && self.n(end) == "of" {
            return Attempt::Nothing;
        }
        if a1.num.bare_one && measure.is_none() {
            let prev = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
            if head_run.head.is_none()
                || matches!(
                    prev,
                    "the" | "this" | "that" | "no" | "any" | "every" | "each" | "which" | "another"
                )
            {
                return Attempt::Nothing;
            }
        }
        if measure.is_none()
            && a1.num.words
            && head_run.head.is_none()
            && head_run.subject.is_none()
        {
            // bare number words with nothing counted: "the two met", "one of them"
            let next = self.n(end);
            if matches!(next, "of") || a1.num.value < 2.0 {
                return Attempt::Nothing;
            }
        }
        let te = head_run.end.max(end);
        let (qualifier, low, high) = interval(value, range, qual_hedge, lex);
        let mut cand = self.make(
            ts, te, value, low, high, qualifier, unit_name, measure, &head_run,
        );
        cand.hedged = hedged;
        self.outcomes(&mut cand);
        Attempt::Found(Box::new(cand))
    }

    /// "Koreans", "Israelis", "Chinese": a capitalised plural of a people.
    fn is_demonym(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        let w = t.norm.as_ref();
        t.capitalized()
            && (self.lex.demonyms.contains(w)
                || (w.len() > 4 && self.lex.demonym_suffixes.iter().any(|s| w.ends_with(s))))
    }

    /// A month name at token `i` ("November", "Nov", "May" but not "may").
    fn is_month(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            self.lex.months.contains(t.norm.as_ref())
                && (t.capitalized() || t.norm.len() > 3)
                && (!self
                    .lex
                    .months_cased
                    .iter()
                    .any(|m| m.eq_ignore_ascii_case(&t.norm))
                    || t.capitalized())
        })
    }

    fn after_is_number(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Num)
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
            },
            ts,
            te,
            head: run.head,
            each_end,
            hedged: false,
        }
    }

    /// "killing 20", "20 people were killed": outcome verbs re-measure counts of people.
    fn outcomes(&self, c: &mut Cand) {
        if c.fig.unit.is_some() || c.fig.measure == "age" {
            return;
        }
        let countable = c.head.is_none_or(|h| h.person) || c.fig.measure == "count";
        if !countable {
            return;
        }
        let lex = self.lex;
        // after: skip auxiliaries
        let mut k = c.te;
        let mut n = 0;
        while n < 5 && lex.aux.contains(self.n(k)) {
            k += 1;
            n += 1;
        }
        if let Some((_, m)) = lex.after_verbs.longest(self.toks, k) {
            c.fig.measure = m.to_string();
            return;
        }
        if let Some((_, m)) = lex.before_verbs.ending_at(self.toks, c.ts) {
            c.fig.measure = m.to_string();
        }
    }

    /// Words after a number: adjectives up to the counted head.
    fn head_run(&self, start: usize, allow_of: bool) -> HeadRun {
        let lex = self.lex;
        let toks = self.toks;
        let mut k = start;
        if allow_of && self.n(k) == "of" {
            k += 1;
            if DETERMINERS.contains(&self.n(k)) {
                k += 1;
            }
        }
        // "a 1,200-page bill", "a 10,000-man force": the compound names what is counted
        if self.n(k) == "-"
            && toks.get(k).is_some_and(|t| !t.space_before)
            && toks
                .get(k + 1)
                .is_some_and(|t| !t.space_before && t.kind == Kind::Word)
            && self.n(k + 1) != "strong"
        {
            return match lex.heads.longest(toks, k + 1) {
                Some((e, h)) => HeadRun {
                    head: Some(*h),
                    subject: Some((k + 1, e)),
                    end: e,
                    demonym: false,
                },
                None => HeadRun {
                    head: None,
                    subject: Some((k + 1, k + 2)),
                    end: k + 2,
                    demonym: false,
                },
            };
        }
        let run_start = k;
        let mut words = 0;
        let mut plural_end: Option<usize> = None;
        let mut last: Option<(Head, usize, usize, bool)> = None; // head, start, end, demonym
        let mut noun: Option<(Head, usize, usize, bool)> = None;
        let mut run_end = k;
        while words < lex.raw.settings.max_head_words {
            let Some(t) = toks.get(k) else { break };
            if t.norm == "-"
                && !t.space_before
                && toks
                    .get(k + 1)
                    .is_some_and(|n| !n.space_before && n.kind == Kind::Word)
            {
                k += 1;
                continue;
            }
            // A model name inside the run: "12 AK-47 rifles", "seven AK-47s"
            if t.norm == "-"
                && k > run_start
                && !t.space_before
                && toks
                    .get(k + 1)
                    .is_some_and(|n| !n.space_before && n.kind == Kind::Num)
            {
                k += 2;
                if toks
                    .get(k)
                    .is_some_and(|n| !n.space_before && n.norm == "s")
                {
                    k += 1;
                    if last.is_none() && plural_end.is_none() {
                        plural_end = Some(k);
                        run_end = k;
                    }
                }
                continue;
            }
            if t.kind != Kind::Word {
                break;
            }
            let w = t.norm.as_ref();
            if let Some((e, h)) = lex.heads.longest(toks, k) {
                last = Some((*h, k, e, false));
                if !h.outcome {
                    noun = last;
                }
                words += e - k;
                k = e;
                run_end = k;
                continue;
            }
            if (lex.stop.contains(w) && !lex.modifiers.contains(w))
                || word_value(w).is_some()
                || tens_value(w).is_some()
            {
                break;
            }
            if self.is_demonym(k) {
                last = Some((PEOPLE, k, k + 1, true));
                noun = last;
            }
            k += 1;
            words += 1;
            if last.is_none() && plural_end.is_none() {
                run_end = k;
                if is_plural_noun(t) {
                    plural_end = Some(k);
                }
            }
        }
        match last {
            Some((h, _, e, dem)) => {
                let subj_end = if h.outcome {
                    noun.map(|n| n.2).unwrap_or(e)
                } else {
                    e
                };
                HeadRun {
                    head: Some(h),
                    subject: Some((run_start, subj_end)),
                    end: e,
                    demonym: dem || noun.is_some_and(|n| n.3),
                }
            }
            None => {
                // a plural noun we do not know: keep it as the subject of a count
                let plural = plural_end.is_some();
                let run_end = plural_end.unwrap_or(run_end);
                if plural {
                    HeadRun {
                        head: None,
                        subject: Some((run_start, run_end)),
                        end: run_end,
                        demonym: false,
                    }
                } else {
                    HeadRun {
                        end: start,
                        ..Default::default()
                    }
                }
            }
        }
    }

    /// Plain words after a compound adjective: "1,500-kilometer front line".
    fn noun_run(&self, start: usize) -> Option<(usize, usize)> {
        let mut k = start;
        while k < start + 3
            && self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && !self.lex.stop.contains(t.norm.as_ref()))
        {
            k += 1;
        }
        (k > start).then_some((start, k))
    }

    /// "12% of voters", "$4bn in aid": the subject of a percent or money figure.
    fn of_subject(&self, start: usize) -> HeadRun {
        if !matches!(self.n(start), "of" | "in") {
            return HeadRun {
                end: start,
                ..Default::default()
            };
        }
        let mut r = self.head_run(start + 1, false);
        if r.subject.is_none() {
            let mut k = start + 1;
            if DETERMINERS.contains(&self.n(k)) {
                k += 1;
            }
            r = self.head_run(k, false);
        }
        // the subject is informative; the text of the figure stays the amount
        HeadRun {
            head: None,
            subject: r.subject,
            end: start,
            demonym: false,
        }
    }

    fn vague(&self, i: usize, hedge: Option<Hedge>, ve: usize, v: &VagueEntry) -> Option<Cand> {
        if v.needs_of && self.n(ve) != "of" {
            return None;
        }
        let mut k = ve;
        if self.n(k) == "of" {
            k += 1;
            if DETERMINERS.contains(&self.n(k)) {
                k += 1;
            }
        }
        let (mut low, mut high) = (Some(v.low), Some(v.high));
        let mut qualifier = Qualifier::Vague;
        if let Some(h) = hedge {
            match (h.low, h.high) {
                (Some(_), None) => {
                    high = None;
                    qualifier = h.qualifier;
                }
                (None, Some(_)) => {
                    low = None;
                    qualifier = h.qualifier;
                }
                _ => {}
            }
        }
        if let Some(u) = self.unit_at(k).filter(|u| !u.compound && !u.age) {
            let measure = if u.unit.name == "fraction" {
                "percent"
            } else {
                u.unit.dimension
            };
            return Some(self.make(
                i,
                u.end,
                v.value,
                low,
                high,
                qualifier,
                Some(u.unit.name),
                Some(measure),
                &HeadRun::default(),
            ));
        }
        if let Some((e, code)) = self.lex.currency_words.longest(self.toks, k) {
            return Some(self.make(
                i,
                e,
                v.value,
                low,
                high,
                qualifier,
                Some(code),
                Some("money"),
                &HeadRun::default(),
            ));
        }
        let run = self.head_run(k, false);
        if v.needs_head && run.subject.is_none() {
            return None;
        }
        let te = if run.subject.is_some() { run.end } else { ve };
        let mut c = self.make(i, te, v.value, low, high, qualifier, None, None, &run);
        c.hedged = hedge.is_some();
        self.outcomes(&mut c);
        Some(c)
    }

    /// "half of", "a third of", "two-thirds of", "one in five".
    fn fraction(&self, i: usize, hedge: Option<Hedge>, j: usize) -> Option<Cand> {
        let w = self.n(j);
        let prev = j.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
        let (frac, end) = if w == "half" {
            if matches!(
                prev,
                "the"
                    | "first"
                    | "second"
                    | "latter"
                    | "former"
                    | "other"
                    | "top"
                    | "bottom"
                    | "back"
                    | "front"
                    | "this"
                    | "that"
                    | "each"
                    | "and"
                    | "a"
            ) {
                return None;
            }
            (0.5, j + 1)
        } else {
            let numer = match w {
                "a" | "an" | "one" => Some(1.0),
                _ if self.toks.get(j).is_some_and(|t| t.kind == Kind::Num)
                    && self.n(j + 1) == "in" =>
                {
                    numbers::parse_digits(w).filter(|v| *v >= 1.0)
                }
                _ => word_value(w).filter(|v| *v >= 1.0),
            };
            let numer = numer?;
            let mut k = j + 1;
            if self.n(k) == "-" {
                k += 1;
            }
            if let Some(d) = denominator(self.n(k)).filter(|_| self.n(k) != "half") {
                (numer / d, k + 1)
            } else if w != "a" && w != "an" && self.n(j + 1) == "in" {
                let d = parse_number(self.toks, j + 2)?;
                if d.value <= numer || d.value > 1000.0 {
                    return None;
                }
                (numer / d.value, d.end)
            } else {
                return None;
            }
        };
        let next = self.n(end);
        let one_in = self.n(j + 1) == "in";
        let of_like =
            matches!(next, "of") || (w == "half" && DETERMINERS.contains(&next) && next != "some");
        if !(of_like || one_in || (hedge.is_some() && matches!(next, "" | "." | "," | ";" | ")"))) {
            return None;
        }
        let (qualifier, low, high) = interval(frac, None, hedge, self.lex);
        let run = if one_in {
            self.head_run(end, false)
        } else {
            self.of_subject_any(end)
        };
        let mut c = self.make(
            i,
            end,
            frac,
            low,
            high,
            qualifier,
            Some("fraction"),
            Some("percent"),
            &run,
        );
        c.hedged = hedge.is_some();
        Some(c)
    }

    fn of_subject_any(&self, start: usize) -> HeadRun {
        let mut k = start;
        if self.n(k) == "of" {
            k += 1;
        }
        if DETERMINERS.contains(&self.n(k)) {
            k += 1;
        }
        let r = self.head_run(k, false);
        HeadRun {
            head: None,
            subject: r.subject,
            end: start,
            demonym: false,
        }
    }

    /// Headless counts ("placed the estimate at 10,000", "bring the total
    /// number of North Koreans ... to 15,000") take what they count from
    /// the sentence before them.
    fn back_inherit(&self, cands: &mut [Cand]) {
        let lex = self.lex;
        for idx in 0..cands.len() {
            let c = &cands[idx];
            if c.fig.measure != "count"
                || c.fig.subject.is_some()
                || c.fig.unit.is_some()
                || c.ts == 0
            {
                continue;
            }
            if !lex.back_triggers.contains(self.n(c.ts - 1)) {
                continue;
            }
            // an earlier figure with a head, or a head word before it: the nearer wins
            let earlier = cands[..idx]
                .iter()
                .rev()
                .find(|p| p.fig.unit.is_none() && p.head.is_some_and(|h| !h.group))
                .map(|p| (p.te, p.fig.measure.clone(), p.fig.subject.clone(), p.head));
            let lo = c.ts.saturating_sub(lex.raw.settings.max_back_tokens);
            let mut found = None;
            let mut k = c.ts - 1;
            while k > lo {
                k -= 1;
                let t = &self.toks[k];
                if t.kind != Kind::Word {
                    continue;
                }
                if let Some((e, h)) = lex.heads.longest(self.toks, k)
                    && e <= c.ts
                    && !h.group
                {
                    found = Some((*h, k, e, false));
                    break;
                }
                if self.is_demonym(k) {
                    let mut s = k;
                    while s > lo + 1
                        && self.toks[s - 1].capitalized()
                        && !lex.stop.contains(self.n(s - 1))
                    {
                        s -= 1;
                    }
                    found = Some((PEOPLE, s, k + 1, true));
                    break;
                }
            }
            let scanned_pos = found.map(|f| f.2).unwrap_or(0);
            match (earlier, found) {
                (Some((pe, m, s, h)), f) if f.is_none() || pe >= scanned_pos => {
                    cands[idx].fig.measure = m;
                    cands[idx].fig.subject = s;
                    cands[idx].head = h;
                }
                (_, Some((h, s, e, dem))) => {
                    let mut m = h.measure.to_string();
                    if dem && m == "people" && self.military() {
                        m = "troops".to_string();
                    }
                    cands[idx].fig.measure = m;
                    cands[idx].fig.subject = Some(self.text(s, e).1);
                    cands[idx].head = Some(h);
                }
                _ => {}
            }
        }
    }

    /// "five units of roughly 3,000 soldiers each" -> units 5, troops ~3,000 and
    /// a derived troops ~15,000.
    fn product(&self, a: &Cand, b: &Cand) -> Option<(Figure, Figure)> {
        if a.fig.unit.is_some()
            || a.fig.derived
            || b.fig.measure == "age"
            || b.fig.measure == "percent"
        {
            return None;
        }
        if b.ts < a.te {
            return None;
        }
        let gap: Vec<&str> = (a.te..b.ts)
            .map(|k| self.n(k))
            .filter(|w| *w != ",")
            .collect();
        let conn = self
            .lex
            .product_connectors
            .iter()
            .any(|c| c.iter().map(String::as_str).eq(gap.iter().copied()));
        let group = a.head.is_some_and(|h| h.group);
        let each_inside = gap.first() == Some(&"each");
        if !conn || !(group || b.each_end.is_some() || each_inside) || (gap == ["of"] && !group) {
            return None;
        }
        if !(group || b.each_end.is_some() || each_inside) {
            return None;
        }
        let mut bf = b.fig.clone();
        if group
            && self.military()
            && a.fig.measure == "units"
            && matches!(bf.measure.as_str(), "people" | "count")
        {
            bf.measure = "troops".to_string();
        }
        let end_tok = b.each_end.unwrap_or(b.te);
        let (span, text) = self.text(a.ts, end_tok);
        let mul = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => Some(x * y),
            _ => None,
        };
        let low = mul(a.fig.low, bf.low);
        let high = mul(a.fig.high, bf.high);
        let qualifier = combine(a.fig.qualifier, bf.qualifier, low, high);
        let d = Figure {
            span,
            text,
            value: a.fig.value * bf.value,
            low,
            high,
            qualifier,
            unit: bf.unit.clone(),
            measure: bf.measure.clone(),
            subject: bf.subject.clone(),
            derived: true,
        };
        Some((bf, d))
    }
}

const PEOPLE: Head = Head {
    measure: "people",
    person: true,
    group: false,
    outcome: false,
};

/// A lowercase word that looks like a plural noun ("crates", "beds").
fn is_plural_noun(t: &Tok) -> bool {
    let w = t.norm.as_ref();
    if t.capitalized() {
        return false;
    }
    let regular = w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us");
    // "crewmen", "gunmen", "fishermen"; not "specimen", "abdomen", "acumen"
    let men = w.len() > 4
        && w.strip_suffix("men")
            .is_some_and(|stem| !stem.ends_with(['i', 'o', 'u']));
    regular || men
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
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
            (h.qualifier, lo.map(|f| value * f), hi.map(|f| value * f))
        }
    }
}

fn combine(a: Qualifier, b: Qualifier, low: Option<f64>, high: Option<f64>) -> Qualifier {
    use Qualifier::*;
    if a == Exact && b == Exact {
        return Exact;
    }
    let pick = |cands: &[Qualifier]| [b, a].into_iter().find(|q| cands.contains(q));
    match (low, high) {
        (Some(_), Some(_)) => {
            if a == Range || b == Range {
                Range
            } else if a == Vague || b == Vague {
                Vague
            } else {
                Approximate
            }
        }
        (Some(_), None) => pick(&[MoreThan, AtLeast]).unwrap_or(AtLeast),
        (None, Some(_)) => pick(&[UpTo, AtMost, LessThan]).unwrap_or(UpTo),
        (None, None) => Vague,
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
            let toks = numbers::tokenize(&s);
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

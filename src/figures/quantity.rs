//! Amounts and quantities: currency, number, scale, unit; ranges, hedges
//! after the number, ages.

use super::heads::is_plural_noun;
use super::*;

impl Extractor<'_, '_> {
    /// `[currency symbol] number [scale] [currency word] [cents]`
    pub(super) fn amount(&self, j: usize) -> Option<Amount> {
        let lex = self.lex;
        let toks = self.toks;
        let (currency, k) = match lex.currency_symbols.longest(toks, j) {
            // "US$300" but not "a $15bn loan": a symbol of several tokens is written solid
            Some((e, code))
                if toks.get(e).is_some_and(|t| t.kind == Kind::Num)
                    && (j + 1..e).all(|k| !toks[k].space_before) =>
            {
                (Some(*code), e)
            }
            _ => (None, j),
        };
        let num = parse_number(toks, k)?;
        let mut a = Amount {
            num,
            currency,
            prefixed: currency.is_some(),
            end: num.end,
        };
        self.money_scale(&mut a);
        if a.currency.is_none() {
            if let Some((e, code)) = lex.currency_million_words.longest(toks, a.end) {
                // "45 MUSD"
                a.currency = Some(*code);
                a.num.value *= 1e6;
                a.num.scaled = true;
                a.end = e;
            } else if let Some((e, code)) = lex.currency_words.longest(toks, a.end) {
                a.currency = Some(*code);
                a.end = e;
                self.cents_after(&mut a);
            } else if a.num.scaled && matches!(self.n(a.end), "pounds" | "pound") {
                a.currency = Some("GBP");
                a.end += 1;
            } else if self.n(a.end) == "p"
                && toks[a.end].raw == "p"
                && !toks[a.end].space_before
                && toks
                    .get(a.end + 1)
                    .is_none_or(|t| t.kind != Kind::Word || t.space_before)
            {
                // "312p": pence
                a.currency = Some("GBP_PENCE");
                a.end += 1;
            }
        }
        Some(a)
    }

    /// Abbreviations written against a number that scale money only
    /// ("£3m", "$1.3T", "US$ 2MM"); "m" also before a counted head ("15m
    /// people") and is metres otherwise ("a 36m crane").
    fn money_scale(&self, a: &mut Amount) {
        let Some(t) = self.toks.get(a.end) else {
            return;
        };
        if a.num.scaled || t.kind != Kind::Word {
            return;
        }
        // "9 B people": a capital B set apart, before what it counts
        let spaced_billions = t.space_before && t.raw == "B" && self.counts_at(a.end + 1);
        let scale = if spaced_billions {
            1e9
        } else if t.space_before {
            return;
        } else if let Some(&s) = self.lex.money_scales.get(t.norm.as_ref()) {
            s
        } else {
            return;
        };
        let money = a.currency.is_some()
            || self
                .lex
                .currency_words
                .longest(self.toks, a.end + 1)
                .is_some();
        let counted = t.norm == "m" && self.counts_at(a.end + 1);
        if money || counted || spaced_billions {
            a.num.value *= scale;
            a.num.scale = scale;
            a.num.scaled = true;
            a.end += 1;
            a.num.end = a.end;
        }
    }

    /// True when token `k` starts what a count counts: a known head or a
    /// plural noun.
    pub(super) fn counts_at(&self, k: usize) -> bool {
        self.lex.heads.longest(self.toks, k).is_some()
            || self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && is_plural_noun(t))
    }

    /// "12 dollars 40": the cents after a currency word, when nothing
    /// follows them that they could count.
    fn cents_after(&self, a: &mut Amount) {
        let code = a.currency.unwrap_or("");
        let Some(t) = self.toks.get(a.end) else {
            return;
        };
        let two_digits = t.kind == Kind::Num && t.norm.len() == 2 && !t.norm.contains([',', '.']);
        let ends = self
            .toks
            .get(a.end + 1)
            .is_none_or(|n| n.kind != Kind::Word || matches!(n.norm.as_ref(), "cents" | "and"));
        if code.contains('_') || a.num.scaled || !two_digits || !ends {
            return;
        }
        if let Ok(cents) = t.norm.parse::<f64>() {
            a.num.value += cents / 100.0;
            a.end += 1;
            if self.n(a.end) == "cents" {
                a.end += 1;
            }
        }
    }

    pub(super) fn unit_at(&self, k: usize) -> Option<UnitMatch> {
        let toks = self.toks;
        // "a 35-year-old"; "a 36 - year - old", "a 50 - year career" as
        // tokenized corpora space them: a spaced dash between a number and
        // a unit word that something other than a number follows
        let solid = |t: usize| toks.get(t).is_some_and(|t| !t.space_before);
        let spaced = self.n(k) == "-"
            && !solid(k)
            && !solid(k + 1)
            && toks.get(k + 1).is_some_and(|t| t.kind == Kind::Word)
            && self
                .lex
                .units
                .longest(toks, k + 1)
                .is_some_and(|(e, _)| toks.get(e).is_none_or(|t| t.kind != Kind::Num));
        let (k2, compound) = if self.n(k) == "-" && ((solid(k) && solid(k + 1)) || spaced) {
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
            } else if self.n(e) == "old" {
                m.age = true;
                m.end = e + 1;
            }
        }
        Some(m)
    }

    /// The token of a minus sign right before the number at `j` ("fell
    /// -2.3%", "minus 3 million"), if any: a dash set apart before and
    /// solid after, not between two numbers.
    fn sign_before(&self, j: usize) -> Option<usize> {
        let p = j.checked_sub(1)?;
        let t = &self.toks[p];
        let solid = !self.toks[j].space_before;
        let dash = t.norm == "-"
            && solid
            && (p == 0 || t.space_before)
            && (p == 0 || self.toks[p - 1].kind != Kind::Num);
        (dash || (t.norm == "minus" && !solid)).then_some(p)
    }

    /// "6 ft 1 in", "2 hours 30 minutes", "12 m 20 cm": the second part of
    /// a measure in two units of one dimension, in the first unit, and
    /// where it ends.
    fn compound_measure(&self, u: UnitMatch, end: usize) -> Option<(f64, usize)> {
        let solid = |t: usize| self.toks.get(t).is_some_and(|t| !t.space_before);
        // "6-foot-2": inches written against the feet
        if u.compound
            && u.unit.name == "ft"
            && self.n(end) == "-"
            && solid(end)
            && solid(end + 1)
            && let Some(inches) = self.toks.get(end + 1).filter(|t| t.kind == Kind::Num)
            && let Some(v) = numbers::parse_digits(&inches.norm).filter(|v| *v < 12.0)
        {
            return Some((v / 12.0, end + 2));
        }
        if u.compound || u.age || self.toks.get(end)?.kind != Kind::Num {
            return None;
        }
        let n2 = parse_number(self.toks, end)?;
        let (u2, e2) = match self.unit_at(n2.end) {
            Some(m) if !m.compound && !m.age => (m.unit, m.end),
            // "in" is inches only after feet
            None if u.unit.name == "ft" && self.n(n2.end) == "in" => {
                (*self.lex.units_by_name.get("in")?, n2.end + 1)
            }
            _ => return None,
        };
        (u2.dimension == u.unit.dimension && u2.factor < u.unit.factor && !n2.scaled)
            .then(|| (n2.value * u2.factor / u.unit.factor, e2))
    }

    /// "in their early 30s", "a man in his 40s", "her mid-20s": an age
    /// known to the decade, as an interval in years.
    fn decade_age(&self, j: usize, a: &Amount) -> Option<Cand> {
        let n = a.num.start;
        let v = a.num.value;
        let decade = a.end == n + 1
            && self
                .toks
                .get(n + 1)
                .is_some_and(|t| t.raw == "s" && !t.space_before)
            && !a.num.words
            && (10.0..=90.0).contains(&v)
            && v % 10.0 == 0.0;
        if !decade || a.currency.is_some() || j != n {
            return None;
        }
        let mut ts = n;
        if ts >= 1 && self.n(ts - 1) == "-" {
            ts -= 1;
        }
        let part = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
        let (low, high) = match part {
            "early" => (v, v + 4.0),
            "mid" => (v + 3.0, v + 7.0),
            "late" => (v + 6.0, v + 9.0),
            _ => (v, v + 9.0),
        };
        if matches!(part, "early" | "mid" | "late") {
            ts -= 1;
        } else {
            ts = n;
        }
        let owner = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
        if !matches!(owner, "his" | "her" | "their") {
            return None;
        }
        let mut c = self.make(
            ts,
            n + 2,
            (low + high) / 2.0,
            Some(low),
            Some(high),
            Qualifier::Vague,
            Some("year"),
            Some("age"),
            &HeadRun::default(),
        );
        c.hedged = true;
        Some(c)
    }

    /// A lowercase noun a bare "one" counts ("one count", "one touchdown"),
    /// not a verb ("one said", "one told").
    fn singular_noun_at(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        let w = t.norm.as_ref();
        t.kind == Kind::Word
            && !t.capitalized()
            && !self.lex.stop.contains(w)
            && !self.lex.not_counted_by_one.contains(w)
            && !w.ends_with("ed")
            && !w.ends_with("ly")
            && word_value(w).is_none()
    }

    pub(super) fn quantity(
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
        if let Some(c) = self.decade_age(j, &a1) {
            return Attempt::Found(Box::new(c));
        }
        if let Some(skip) = self.excluded(&a1, hedged) {
            return Attempt::Skip(skip);
        }
        if !hedged && a1.num.words && self.in_a_name(a1.num.start, a1.num.end) {
            return Attempt::Skip(a1.num.end);
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
        // "fell -2.3%", "−18 °C", "minus 3 million"
        if let Some(sign) = self.sign_before(j) {
            value = -value;
            ts = ts.min(sign);
        }
        let year_like = |num: &Num| {
            !num.words
                && !num.grouped
                && !num.decimal
                && !num.scaled
                && (1000.0..=2100.0).contains(&num.value)
        };
        // ranges
        {
            let mut c = unit.map(|u| u.end).unwrap_or(end);
            // "three- to four-page": a suspended hyphen before the "to".
            if self.n(c) == "-"
                && self.n(c + 1) == "to"
                && toks.get(c).is_some_and(|t| !t.space_before)
            {
                c += 1;
            }
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
            // "rose from 5 to 7" and "rose 10% to 4.2 million" are two figures;
            // "rose 5 to 7 per cent" is a range
            let change = changing && (opener.is_some() || unit.is_some() || currency.is_some());
            // "5-foot-10" is one height: a dash after a joined unit starts no range
            let joined_unit = unit.is_some_and(|u| u.compound);
            if ok_conn
                && !(conn == "to" && change)
                && !(conn == "-" && joined_unit)
                && value >= 0.0
                && let Some(a2) = self.amount(c + 1)
                && (a2.num.words == a1.num.words || !a1.num.words || a1.num.value < a2.num.value)
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
                // "in 2019 to 4.2 million units": a year, then the amount
                if year_like(&a1.num)
                    && (1900.0..=2100.0).contains(&a1.num.value)
                    && (a2.num.scaled || a2.num.decimal)
                {
                    return Attempt::Skip(a1.end);
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
            // "7.62 mm rounds", "a 9-mm pistol": the bore of a weapon
            if u.unit.dimension == "distance" && lex.ammunition_words.contains(self.n(end)) {
                return Attempt::Skip(end + 1);
            }
            if range.is_none()
                && let Some((more, e)) = self.compound_measure(u, end)
            {
                // "6 ft 1 in", "2 hours 30 minutes"
                value += more;
                end = e;
            }
        }
        if a1.num.needs_unit && unit.is_none() {
            // "on 3/4": a date, its digits no figure either
            return if a1.num.words {
                Attempt::Nothing
            } else {
                Attempt::Skip(a1.num.end)
            };
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
        // right before the number, after any hedge ("under the age of 18")
        let age_before = {
            let p = j.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
            matches!(p, "aged" | "age" | "ages" | "turned" | "turns" | "turning")
                || (p == "of" && j >= 2 && self.n(j - 2) == "age")
        };
        let bare_age = !hedged
            && range.is_none()
            && currency.is_none()
            && unit.is_none()
            && !a1.num.words
            && !a1.num.grouped
            && !a1.num.decimal
            && (1.0..=120.0).contains(&value)
            && ts >= 2;
        let list_end = matches!(self.n(end), "," | "." | ")" | "" | ";");
        // "Maria Lopez, 35,", "Brian Posley, Jr., 19,"
        let named_before = ts >= 2
            && (toks[ts - 2].kind == Kind::Word
                || (ts >= 3 && self.n(ts - 2) == "." && toks[ts - 3].kind == Kind::Word));
        let apposition_age = bare_age && self.n(ts - 1) == "," && named_before && list_end;
        // "the suspects were 17", "who were 16, 14, 9 and 10"
        let person_was = bare_age
            && (list_end || self.n(end) == "and")
            && matches!(self.n(ts - 1), "was" | "were" | "is" | "are")
            && (lex.aged_subjects.contains(self.n(ts - 2))
                || lex
                    .heads
                    .ending_at(toks, ts - 1)
                    .is_some_and(|(_, h)| h.person));
        if unit.is_some_and(|u| u.age) || age_before || apposition_age || person_was {
            measure = Some("age");
            // "a 6-month-old" is 6 months old
            unit_name = Some(unit.filter(|u| u.age).map_or("year", |u| u.unit.name));
            if let Some(u) = unit {
                end = u.end;
            }
        } else if let Some(code) = currency {
            measure = Some("money");
            unit_name = Some(code);
            // a minor unit ("USD_CENT", "GBP_PENCE") is a hundredth of its currency
            if let Some((major, _)) = code.split_once('_') {
                unit_name = Some(major);
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
        // years: "in 2022", "since 1945"; not "about 1000 arrived"
        if year_like(&a1.num) && range.is_none() && measure.is_none() {
            let prev = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
            let plausible_year = (1900.0..=2100.0).contains(&a1.num.value);
            if (head_run.head.is_none() && (!hedged || plausible_year))
                || (!hedged && lex.year_before.contains(prev))
            {
                return Attempt::Skip(a1.end);
            }
        }
        let prev = ts.checked_sub(1).map(|p| self.n(p)).unwrap_or("");
        if measure.is_none()
            && head_run.head.is_none()
            && head_run.subject.is_none()
            && prev == "of"
            && ts >= 2
            && lex.population_of.contains(self.n(ts - 2))
        {
            // "a town of about 4,000"
            measure = Some("population");
        }
        if a1.num.bare_one && measure.is_none() && self.n(end) == "of" {
            return Attempt::Nothing;
        }
        if a1.num.bare_one && measure.is_none() {
            if matches!(
                prev,
                "the"
                    | "this"
                    | "that"
                    | "no"
                    | "any"
                    | "every"
                    | "each"
                    | "which"
                    | "another"
                    | "at"
                    | "no-"
            ) {
                return Attempt::Nothing;
            }
            if head_run.head.is_none() {
                // "one count of", "one touchdown": a singular noun is counted too
                if !self.singular_noun_at(end) {
                    return Attempt::Nothing;
                }
                head_run.subject = Some((end, end + 1));
                head_run.end = end + 1;
            }
        }
        if measure.is_none()
            && a1.num.words
            && head_run.head.is_none()
            && head_run.subject.is_none()
        {
            // bare number words with nothing counted: "the two met", "one of
            // them"; but "four of the five people" counts
            let next = self.n(end);
            let part_of = next == "of"
                && a1.num.value >= 2.0
                && prev != "the"
                && matches!(self.n(end + 1), "the" | "these" | "those" | "them" | "whom");
            // "the two met": a pronoun for people named before
            if (next == "of" && !part_of) || a1.num.value < 2.0 || prev == "the" {
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

    pub(super) fn after_is_number(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Num)
    }
}

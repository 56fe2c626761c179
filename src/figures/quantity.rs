//! Amounts and quantities: currency, number, scale, unit; ranges, hedges
//! after the number, ages.

use super::*;

impl Extractor<'_, '_> {
    /// `[currency symbol] number [scale] [currency word]`
    pub(super) fn amount(&self, j: usize) -> Option<Amount> {
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

    pub(super) fn unit_at(&self, k: usize) -> Option<UnitMatch> {
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

    pub(super) fn after_is_number(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| t.kind == Kind::Num)
    }
}

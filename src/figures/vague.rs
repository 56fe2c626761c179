//! Vague amounts ("dozens", "several thousand") and fractions ("half of",
//! "two-thirds of", "one in five").

use super::*;

impl Extractor<'_, '_> {
    pub(super) fn vague(
        &self,
        i: usize,
        hedge: Option<Hedge>,
        ve: usize,
        v: &VagueEntry,
    ) -> Option<Cand> {
        if v.needs_of && self.n(ve) != "of" {
            return None;
        }
        let (mut value, mut low, mut high) = (v.value, Some(v.low), Some(v.high));
        let mut ve = ve;
        // "several hundred million"
        if let Some((scale, e)) = numbers::big_scale_at(self.toks, ve) {
            (value, low, high) = (
                value * scale,
                low.map(|l| l * scale),
                high.map(|h| h * scale),
            );
            ve = e;
        }
        let mut k = ve;
        if self.n(k) == "of" {
            k += 1;
            if DETERMINERS.contains(&self.n(k)) {
                k += 1;
            }
        }
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
                value,
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
                value,
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
        let mut c = self.make(i, te, value, low, high, qualifier, None, None, &run);
        c.hedged = hedge.is_some();
        self.outcomes(&mut c);
        Some(c)
    }

    /// "half of", "a third of", "two-thirds of", "one in five".
    pub(super) fn fraction(&self, i: usize, hedge: Option<Hedge>, j: usize) -> Option<Cand> {
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
                    && self.per_at(j + 1).is_some() =>
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
            } else if w != "a"
                && w != "an"
                && let Some(d_at) = self.per_at(j + 1)
            {
                let d = parse_number(self.toks, d_at)?;
                if d.value <= numer || d.value > 1000.0 {
                    return None;
                }
                (numer / d.value, d.end)
            } else {
                return None;
            }
        };
        let next = self.n(end);
        let one_in = self.per_at(j + 1).is_some();
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

    /// The token after "in" or "out of" at `k` ("one in four", "one out of
    /// four"), if there.
    fn per_at(&self, k: usize) -> Option<usize> {
        match (self.n(k), self.n(k + 1)) {
            ("in", _) => Some(k + 1),
            ("out", "of") => Some(k + 2),
            _ => None,
        }
    }
}

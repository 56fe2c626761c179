//! Non-figures: chrome, phone numbers, model names, dates, labels — numbers
//! that state no quantity, and the rules that keep them out.

use super::*;

impl Extractor<'_, '_> {
    pub(super) fn is_blocked(&self, t: usize) -> bool {
        let pos = self.toks[t].start;
        self.blocked
            .get_or_init(|| blocked_ranges(self.lex, self.s))
            .iter()
            .any(|r| r.contains(&pos))
    }

    /// Reasons a number at tokens [n, e) is not an amount. Returns the token
    /// index to skip to.
    pub(super) fn excluded(
        &self,
        n: usize,
        num: &Num,
        hedged: bool,
        currency: bool,
    ) -> Option<usize> {
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

    /// A month name at token `i` ("November", "Nov", "May" but not "may").
    pub(super) fn is_month(&self, i: usize) -> bool {
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
}

/// Byte ranges of chrome and phone numbers in `s`: numbers inside are no
/// figures.
pub(super) fn blocked_ranges(lex: &Lexicon, s: &str) -> Vec<Range<usize>> {
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

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

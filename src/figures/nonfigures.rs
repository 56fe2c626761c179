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

    /// Reasons the amount `a` is no figure. Returns the token index to skip to.
    pub(super) fn excluded(&self, a: &Amount, hedged: bool) -> Option<usize> {
        let toks = self.toks;
        let lex = self.lex;
        let num = &a.num;
        let n = num.start;
        let t = &toks[n];
        let e = num.end;
        let currency = a.currency.is_some();
        let prev = n.checked_sub(1).map(|p| &toks[p]);
        if t.kind == Kind::Num {
            if let Some(p) = prev
                && !t.space_before
                && !a.prefixed
            {
                // G7, A320, mid-2024, F-16, COVID-19, '90s
                if p.kind == Kind::Word {
                    return Some(e);
                }
                if p.norm == "-"
                    && n >= 2
                    && !p.space_before
                    && matches!(toks[n - 2].kind, Kind::Word | Kind::Num)
                    && toks[n - 2].norm != "magnitude"
                {
                    return Some(e);
                }
                if p.norm == "'" || p.norm == "#" {
                    return Some(e);
                }
                // a path: ids inside URLs ("ktxs.com/150835821", "freep.com/2f2yH7x")
                if p.norm == "/" && !p.space_before {
                    return Some(e);
                }
            }
            // what is written against a single number, unless the amount took it
            if a.end == n + 1
                && let Some(nx) = toks.get(n + 1)
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
            // "10 : 30 p. m." as tokenized corpora space a time
            if self.n(e) == ":"
                && toks
                    .get(e + 1)
                    .is_some_and(|t| t.kind == Kind::Num && t.norm.len() == 2)
                && lex.time_after.longest(toks, e + 2).is_some()
            {
                return Some(e + 3);
            }
            if num.value == 0.0 {
                return Some(e);
            }
            if !hedged && !currency {
                // Route 66, Boeing 737, World War 2, iPhone 15, "Bus 42 was
                // late" (a name before: capitalised, also at the start of a
                // sentence, or with a capital inside)
                if let Some(p) = prev
                    && (p.capitalized() || has_inner_capital(p))
                    && !num.grouped
                    && !num.scaled
                    && ((n == 1 && !self.counts_at(e))
                        || n >= 2
                            && !matches!(
                                toks[n - 2].norm.as_ref(),
                                "\"" | "(" | "." | ":" | "—" | "-"
                            ))
                    && !lex.starts.contains_key(p.norm.as_ref())
                    // "Sylvester's 33-year-old wife": a possessive, and a measure
                    && !p.norm.ends_with("'s")
                    && self.unit_at(e).is_none()
                    && !lex.months.contains(p.norm.as_ref())
                    && !lex.stop.contains(p.norm.as_ref())
                    && !is_weekday(&p.norm)
                    && lex.before_verbs.longest(toks, n - 1).is_none()
                {
                    return Some(e);
                }
                if let Some(skip) = self.not_an_amount_after(num) {
                    return Some(skip);
                }
                if self.continues_a_name_list(n, e) {
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
        // Last: the chrome and phone patterns scan the whole sentence, which
        // the rules above spare most numbers that are no figure.
        if self.is_blocked(n) {
            return Some(e);
        }
        // "sector 4", "Flight 370"; not "the sector 0.5 percent lower"
        if !hedged
            && !currency
            && !num.decimal
            && lex.label_before.ending_at(toks, n).is_some()
            && self.unit_at(a.end).is_none()
        {
            return Some(e);
        }
        None
    }

    /// What follows a number in digits that makes it no amount: an
    /// emergency number ("called 911"), a street address ("3400 block of",
    /// "66 Cottage St."), a station ("7 Action News"), a weapon's size
    /// ("40-caliber", ".223 caliber"), a record or score ("58 - 3",
    /// "28-of-41").
    fn not_an_amount_after(&self, num: &Num) -> Option<usize> {
        let lex = self.lex;
        let e = num.end;
        if self.n(e) == "block" {
            return Some(e + 1);
        }
        let toks = self.toks;
        let digits = toks[num.start].norm.len();
        let single = e == num.start + 1 && !num.grouped && !num.decimal;
        // a zip code after a state's abbreviation ("TX 78701"), a text
        // short code in parentheses ("(27463)")
        let state_before = num.start > 0 && {
            let p = &toks[num.start - 1];
            p.raw.len() == 2 && p.raw.bytes().all(|b| b.is_ascii_uppercase())
        };
        let in_parentheses = num.start > 0 && self.n(num.start - 1) == "(" && self.n(e) == ")";
        if single
            && ((digits == 5 && state_before) || ((4..=6).contains(&digits) && in_parentheses))
        {
            return Some(e + usize::from(in_parentheses));
        }
        // "called 911", "a 911 call"; not "911 people"
        if e == num.start + 1
            && lex.emergency_numbers.contains(self.n(num.start))
            && !self.counts_at(e)
            && self.unit_at(e).is_none()
        {
            return Some(e);
        }
        // capitalised words up to a street word, initials with their dots
        // among them ("44 E. Bruce Ave.")
        let mut k = e;
        while k < e + 6
            && self
                .toks
                .get(k)
                .is_some_and(|t| t.capitalized() || (k > e && t.norm == "."))
        {
            k += 1;
            let last = self.n(k - 1);
            if (lex.street_words.contains(last) && !num.grouped) || lex.brand_words.contains(last) {
                return Some(k);
            }
        }
        if lex.caliber_words.contains(self.n(e))
            || (self.n(e) == "-" && lex.caliber_words.contains(self.n(e + 1)))
        {
            return Some(e + 2);
        }
        let int = |t: usize| {
            self.toks
                .get(t)
                .filter(|t| t.kind == Kind::Num && !t.norm.contains([',', '.']))
                .and_then(|t| t.norm.parse::<u32>().ok())
        };
        if self.n(e) == "-" && self.n(e + 1) == "of" && self.n(e + 2) == "-" && int(e + 3).is_some()
        {
            return Some(e + 4);
        }
        // "the Chiefs (2 - 13)": a record in parentheses
        if num.start > 0
            && self.n(num.start - 1) == "("
            && self.n(e) == "-"
            && int(e + 1).is_some()
            && self.n(e + 2) == ")"
        {
            return Some(e + 3);
        }
        let spaced_dash = self.n(e) == "-"
            && self.toks.get(e).is_some_and(|t| t.space_before)
            && self.toks.get(e + 1).is_some_and(|t| t.space_before);
        if spaced_dash
            && let (Some(x), Some(y)) = (int(num.start).filter(|_| e == num.start + 1), int(e + 1))
            && x > y
            && x <= 200
        {
            return Some(e + 2);
        }
        None
    }

    /// A number word written as part of a name: "Ten Point Coalition",
    /// "BBC ONE", "Formula One" (capitalised inside a sentence, next to
    /// another capitalised word that is nothing it counts). Not in
    /// headlines written in title case.
    pub(super) fn in_a_name(&self, start: usize, end: usize) -> bool {
        let toks = self.toks;
        if start == 0 || !toks[start].capitalized() {
            return false;
        }
        let p = &toks[start - 1];
        if matches!(
            p.norm.as_ref(),
            "." | "\"" | ":" | "(" | "—" | "-" | "'" | "!" | "?"
        ) {
            return false;
        }
        // "Seven Mile Road", "Four Seasons": a capitalised word after it is
        // part of the name even when it could be counted
        let next_named = toks.get(end).is_some_and(Tok::capitalized);
        let counts_next =
            !next_named && (self.counts_at(end) || self.lex.units.longest(toks, end).is_some());
        if counts_next || !(p.capitalized() || next_named) {
            return false;
        }
        let words = toks.iter().filter(|t| t.kind == Kind::Word);
        let (all, caps) = words.fold((0, 0), |(a, c), t| {
            (a + 1, c + usize::from(t.capitalized()))
        });
        // headlines in title case: three words in four capitalised
        all < 4 || caps * 4 < all * 3
    }

    /// "IE6, 7, 8 and 9", "Windows 7, 8, and 8.1": a number in a list whose
    /// first item is a name with a number.
    fn continues_a_name_list(&self, n: usize, e: usize) -> bool {
        let mut k = n;
        let mut separated = false;
        // "Windows XP, Vista, 7, 8": names listed with it, and another
        // number next ("Maria Lopez, 35, of" is an age)
        let num_at = |t: usize| self.toks.get(t).is_some_and(|t| t.kind == Kind::Num);
        let mut listed = matches!(self.n(e), "," | "and" | "or")
            && (num_at(e + 1) || (matches!(self.n(e + 1), "and" | "or") && num_at(e + 2)));
        while k > 0 {
            let p = &self.toks[k - 1];
            match p.norm.as_ref() {
                "," | "and" | "or" => separated = true,
                _ if separated
                    && listed
                    && p.capitalized()
                    && !self.lex.stop.contains(p.norm.as_ref())
                    && !self.is_month(k - 1)
                    && !is_weekday(&p.norm) =>
                {
                    return true;
                }
                _ if p.kind == Kind::Num => {
                    listed = true;
                    let named = k >= 2 && {
                        let w = &self.toks[k - 2];
                        (w.kind == Kind::Word && (!p.space_before || w.capitalized()))
                            && !self.lex.stop.contains(w.norm.as_ref())
                            && !self.is_month(k - 2)
                    };
                    if separated && named {
                        return true;
                    }
                }
                _ => return false,
            }
            k -= 1;
        }
        false
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
    // One pass of a set tells whether any pattern may match at all.
    if lex.blocker_set(plain_text).is_match(s) {
        for re in lex.blockers() {
            for m in re.for_text(plain_text).find_iter(s) {
                blocked.push(m.range());
            }
        }
    }
    blocked
}

/// "iPhone", "eBay", "McDonald": a capital after the first letter.
fn has_inner_capital(t: &Tok) -> bool {
    t.kind == Kind::Word && t.raw.chars().skip(1).any(char::is_uppercase)
}

pub(super) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

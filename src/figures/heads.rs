//! What a number counts: the head noun after it, outcome verbs around it,
//! and heads inherited from earlier in the sentence.

use super::*;

impl Extractor<'_, '_> {
    /// "Koreans", "Israelis", "Chinese": a capitalised plural of a people.
    pub(super) fn is_demonym(&self, k: usize) -> bool {
        let Some(t) = self.toks.get(k) else {
            return false;
        };
        let w = t.norm.as_ref();
        t.capitalized()
            && (self.lex.demonyms.contains(w)
                || (w.len() > 4 && self.lex.demonym_suffixes.iter().any(|s| w.ends_with(s))))
    }

    /// "killing 20", "20 people were killed": outcome verbs re-measure counts of people.
    pub(super) fn outcomes(&self, c: &mut Cand) {
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
    pub(super) fn head_run(&self, start: usize, allow_of: bool) -> HeadRun {
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
    pub(super) fn noun_run(&self, start: usize) -> Option<(usize, usize)> {
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
    pub(super) fn of_subject(&self, start: usize) -> HeadRun {
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

    pub(super) fn of_subject_any(&self, start: usize) -> HeadRun {
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
    pub(super) fn back_inherit(&self, cands: &mut [Cand]) {
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
}

pub(super) const PEOPLE: Head = Head {
    measure: "people",
    person: true,
    group: false,
    outcome: false,
};

/// A lowercase word that looks like a plural noun ("crates", "beds").
pub(super) fn is_plural_noun(t: &Tok) -> bool {
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

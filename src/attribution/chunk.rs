//! Claimer phrases: where a noun phrase around a cue starts and ends ("the
//! spokesman for South Korea's defense ministry, Jeon Ha-kyou"), on a sentence's
//! tokens, with the word classes the scans test. [`shape`](super::shape) then says
//! what a phrase is.

use super::ClaimerKind;
use super::lexicon::{self, LEXICON as LEX, w};
use super::names::tidy_into;
use super::shape::Shape;
use super::tokens::{Kind, Tok};
use std::ops::Range;

pub(super) fn is_det(t: &Tok) -> bool {
    t.is_word() && t.lower_in(w::DETERMINER)
}
pub(super) fn is_role(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TITLE)
}
pub(super) fn is_org_noun(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::ORG_NOUN)
}
pub(super) fn is_report(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::REPORT_NOUN)
}
pub(super) fn is_head(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TITLE | w::ORG_NOUN | w::REPORT_NOUN | w::DESCRIPTION)
}
pub(super) fn is_stop(t: &Tok) -> bool {
    t.is_word() && !t.acronym && t.lower_in(w::STOPWORD)
}
pub(super) fn is_time(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TIME_WORD)
}
/// `Some(true)` for he/she, `Some(false)` for they/it.
pub(super) fn pronoun(t: &Tok) -> Option<bool> {
    if !t.is_word() {
        None
    } else if t.lower_in(w::PERSON_PRONOUN) {
        Some(true)
    } else if t.lower_in(w::GROUP_PRONOUN) {
        Some(false)
    } else {
        None
    }
}
pub(super) fn is_cue_word(t: &Tok) -> bool {
    t.is_word() && t.lower_in(w::VERB | w::PARTICIPLE)
}
/// A lower-case word that can modify a role noun ("top", "high-ranking", "regional").
pub(super) fn is_modifier(t: &Tok) -> bool {
    t.is_word()
        && !t.cap
        && !is_stop(t)
        && !is_det(t)
        && !is_cue_word(t)
        && pronoun(t).is_none()
        && !t.lower.ends_with("ly")
        && t.lower.chars().any(char::is_alphabetic)
}
/// How many tokens a clause or chunk scan looks back.
const MAX_REACH: usize = 60;

/// A claimer phrase found in a sentence, before resolution. Token ranges.
#[derive(Debug, Clone)]
pub(super) struct Np {
    pub(super) a: usize,
    pub(super) b: usize,
    /// Appositive or qualifier tokens giving the role.
    pub(super) appos: Option<(usize, usize)>,
}

pub(super) struct Sent<'a> {
    pub(super) s: &'a str,
    pub(super) toks: &'a [Tok<'a>],
}

impl Sent<'_> {
    /// Text of tokens `a..b`, without a possessive `'s` on the last token.
    pub(super) fn text(&self, a: usize, b: usize) -> String {
        // Tidying never lengthens text: one allocation, no regrowth.
        let mut out = String::with_capacity(self.bytes(a, b).len());
        self.text_into(a, b, &mut out);
        out
    }

    /// [`Sent::text`], appended to `out`.
    pub(super) fn text_into(&self, a: usize, b: usize, out: &mut String) {
        if a >= b || b > self.toks.len() {
            return;
        }
        let last = &self.toks[b - 1];
        let mut end = last.end;
        if last.poss {
            let tail: usize = self.s[last.start..last.end]
                .chars()
                .rev()
                .take(2)
                .map(char::len_utf8)
                .sum();
            end -= tail;
        }
        tidy_into(&self.s[self.toks[a].start..end], out);
    }

    pub(super) fn bytes(&self, a: usize, b: usize) -> Range<usize> {
        if a >= b || b > self.toks.len() {
            let p = self.toks.get(a).map_or(self.s.len(), |t| t.start);
            return p..p;
        }
        self.toks[a].start..self.toks[b - 1].end
    }

    /// A short quote inside a phrase (“small group”, ‘counter-disinformation’), as
    /// opposed to a quoted utterance that ends a clause (“No,” he said).
    fn scare_quote(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        if !t.is_quote() || t.qwords > 3 || self.toks.get(i + 1).is_some_and(|n| n.is_punct(',')) {
            return false;
        }
        let inner = self.s[t.start..t.end].trim_end_matches(|c: char| !c.is_alphanumeric());
        let tail = &self.s[t.start + inner.len()..t.end];
        !tail.chars().any(|c| matches!(c, ',' | '.' | '!' | '?'))
    }

    /// Does token `i` end a clause (a quoted utterance, `;`, a dash, "while", …)?
    fn is_hard(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Quote => !self.scare_quote(i),
            Kind::Punct(c) => matches!(c, ';' | ':' | '—' | '–' | '(' | ')' | '[' | ']'),
            Kind::Word => t.lower_in(w::HARD),
        }
    }

    /// Index just after the nearest clause boundary left of `j` (looking back a
    /// bounded distance, so analysis stays linear).
    pub(super) fn clause_start(&self, j: usize) -> usize {
        let mut i = j.min(self.toks.len());
        let mut steps = 0;
        while i > 0 && steps < MAX_REACH {
            if self.is_hard(i - 1) {
                return i;
            }
            i -= 1;
            steps += 1;
        }
        i
    }

    /// Start of the comma chunk ending before `end`; whether a comma precedes it.
    fn chunk_start(&self, end: usize) -> (usize, bool) {
        let mut i = end.min(self.toks.len());
        let mut steps = 0;
        while i > 0 && steps < MAX_REACH {
            if self.toks[i - 1].is_punct(',') {
                return (i, true);
            }
            if self.is_hard(i - 1) {
                return (i, false);
            }
            i -= 1;
            steps += 1;
        }
        (i, false)
    }

    /// Claimer phrase ending just before token `end`, not reaching below `floor`.
    pub(super) fn left_np(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let b = end.min(toks.len());
        let mut j = b;
        let mut head = false;
        let mut steps = 0;
        while j > floor && steps < 30 {
            steps += 1;
            let t = &toks[j - 1];
            match t.kind {
                Kind::Word => {
                    if let Some(_p) = pronoun(t) {
                        if j == b {
                            return Some((j - 1, b));
                        }
                        break;
                    }
                    if is_det(t) {
                        if j < b {
                            j -= 1;
                        }
                        break;
                    }
                    if t.poss && !t.base_in(w::STOPWORD) {
                        j -= 1;
                        continue;
                    }
                    // "South Korean and US intelligence as well as Nato"
                    if t.lower == "as"
                        && j < b
                        && j >= floor + 4
                        && toks[j - 2].lower == "well"
                        && toks[j - 3].lower == "as"
                        && (toks[j].cap || is_head(&toks[j]))
                        && (toks[j - 4].cap || is_head(&toks[j - 4]))
                    {
                        j -= 3;
                        continue;
                    }
                    if is_stop(t) {
                        let caps_around = j < b
                            && toks[j].cap
                            && j >= floor + 2
                            && toks[j - 2].is_word()
                            && toks[j - 2].cap;
                        // "US and South Korea"; "Council on Foreign Relations"
                        let org_to_right = || (j..b).any(|k| is_org_noun(&toks[k]) && toks[k].cap);
                        let org_joiner = caps_around
                            && matches!(t.lower, "of" | "on" | "for")
                            && (is_org_noun(&toks[j - 2]) || org_to_right());
                        if caps_around && (t.lower == "and" || org_joiner) {
                            j -= 1;
                            continue;
                        }
                        break;
                    }
                    if is_head(t) {
                        head = true;
                        j -= 1;
                        continue;
                    }
                    if t.cap && !is_time(t) {
                        j -= 1;
                        continue;
                    }
                    if head && is_modifier(t) {
                        j -= 1;
                        continue;
                    }
                    break;
                }
                Kind::Quote if j < b && t.qwords <= 3 && toks[j].is_word() && !toks[j].cap => {
                    j -= 1;
                }
                _ => break,
            }
        }
        // Never end on a bare determiner or start on a dangling "and".
        while j < b && toks[j].is_word() && toks[j].lower == "and" {
            j += 1;
        }
        (j < b).then_some((j, b))
    }

    /// Is there a role/org/report noun within the next few modifier tokens?
    fn head_ahead(&self, mut i: usize, limit: usize) -> bool {
        let mut steps = 0;
        while i < limit && steps < 4 {
            let t = &self.toks[i];
            if is_head(t) {
                return true;
            }
            if !(is_modifier(t) || t.cap && t.is_word() || t.is_quote() && t.qwords <= 3) {
                return false;
            }
            i += 1;
            steps += 1;
        }
        false
    }

    /// Does a name of two capitalized words or more follow, after at most two
    /// more lower-case modifiers ("supplement executive Frank Vander")?
    fn name_ahead(&self, mut i: usize, limit: usize) -> bool {
        let mut steps = 0;
        while i < limit && steps < 2 && is_modifier(&self.toks[i]) {
            i += 1;
            steps += 1;
        }
        let caps = self.toks[i..limit]
            .iter()
            .take_while(|t| t.is_word() && t.cap && !is_time(t) && !is_stop(t))
            .count();
        caps >= 2
    }

    /// Claimer phrase starting at token `start`.
    pub(super) fn right_np(&self, start: usize, limit: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        let limit = limit.min(toks.len());
        let mut j = start;
        if j < limit && pronoun(&toks[j]).is_some() {
            return Some((j, j + 1));
        }
        if j < limit && is_det(&toks[j]) {
            j += 1;
        }
        let first = j;
        while j < limit && j - first < 30 {
            let t = &toks[j];
            match t.kind {
                Kind::Word => {
                    if t.poss && !t.base_in(w::STOPWORD) {
                        j += 1;
                        continue;
                    }
                    if is_stop(t) {
                        let caps_around =
                            j > first && toks[j - 1].cap && j + 1 < limit && toks[j + 1].cap;
                        // "Council on Foreign Relations", "Ministry of Defence"
                        let org_joiner = matches!(t.lower, "of" | "on" | "for")
                            && (first..j).any(|k| is_org_noun(&toks[k]) && toks[k].cap);
                        if caps_around && (t.lower == "and" || org_joiner) {
                            j += 1;
                            continue;
                        }
                        break;
                    }
                    if is_time(t) {
                        break;
                    }
                    if is_head(t) || t.cap {
                        j += 1;
                        continue;
                    }
                    if is_modifier(t)
                        && (self.head_ahead(j + 1, limit) || self.name_ahead(j + 1, limit))
                    {
                        j += 1;
                        continue;
                    }
                    break;
                }
                Kind::Quote if t.qwords <= 3 && self.head_ahead(j + 1, limit) => j += 1,
                _ => break,
            }
        }
        (j > first).then_some((start, j))
    }

    /// A comma chunk `a..b` that names a role: "spokesman for South Korea's defense
    /// ministry", "Ukraine's high-ranking ‘counter-disinformation’ official".
    fn role_appositive(&self, a: usize, b: usize) -> bool {
        if a >= b || b > self.toks.len() {
            return false;
        }
        if (a..b).any(|k| is_cue_word(&self.toks[k])) {
            return false;
        }
        let mut i = a;
        if is_det(&self.toks[i]) {
            i += 1;
        }
        if i < b
            && is_role(&self.toks[i])
            && (i + 1 == b
                || matches!(
                    self.toks[i + 1].lower,
                    "of" | "for" | "at" | "in" | "to" | "with"
                ))
        {
            return true;
        }
        matches!(self.left_np(b, a), Some((x, y)) if x == a
            && matches!(self.shape(x, y), Some(Shape::RoleRef { .. })))
    }

    fn chunk_is(&self, a: usize, b: usize, set: &lexicon::Set) -> bool {
        let words: Vec<&str> = self.toks[a..b].iter().filter_map(Tok::word).collect();
        !words.is_empty() && words.len() == b - a && set.contains(&words.join(" "))
    }

    /// The subject of a cue at token `k`, looking left.
    pub(super) fn subject_left(&self, k: usize) -> Option<Np> {
        let toks = self.toks;
        let mut j = k;
        loop {
            if j > 0 && toks[j - 1].is_word() && toks[j - 1].lower_in(w::SKIPPABLE) {
                j -= 1;
            } else if j > 0 && is_time(&toks[j - 1]) {
                j -= 1;
                if j > 0 && matches!(toks[j - 1].lower, "on" | "last" | "this") {
                    j -= 1;
                }
            } else {
                break;
            }
        }
        // "Sen. Ines Cole (D-Vt.) said": a short parenthesis after a name.
        if j > 0
            && toks[j - 1].is_punct(')')
            && let Some(open) = (j.saturating_sub(6)..j - 1)
                .rev()
                .find(|&i| toks[i].is_punct('('))
            && open > 0
            && toks[open - 1].is_word()
            && toks[open - 1].cap
        {
            j = open;
        }
        if j == 0 {
            return None;
        }
        if let Some(np) = self.report_subject(j) {
            return Some(np);
        }
        if toks[j - 1].is_punct(',') {
            return self.comma_subject(j - 1);
        }
        let (a, b) = self.left_np(j, 0)?;
        Some(Np { a, b, appos: None })
    }

    /// "Intelligence assessments from the U.S., South Korea, and Ukraine indicate":
    /// a report noun heading the clause, with its qualifier up to the verb.
    fn report_subject(&self, j: usize) -> Option<Np> {
        let toks = self.toks;
        let cs = self.clause_start(j);
        let mut r = cs;
        if r < j && is_det(&toks[r]) {
            r += 1;
        }
        while r < j {
            let t = &toks[r];
            if is_report(t) && !(r + 1 < j && is_report(&toks[r + 1])) {
                break;
            }
            if !(t.is_word() && (t.cap || t.poss || is_modifier(t) || is_head(t))) {
                return None;
            }
            r += 1;
        }
        if r >= j || (cs..r).any(|k| is_role(&toks[k])) {
            return None;
        }
        if r + 1 == j {
            return Some(Np {
                a: cs,
                b: j,
                appos: None,
            });
        }
        let q = &toks[r + 1];
        if matches!(
            q.lower,
            "from" | "by" | "of" | "published" | "released" | "compiled" | "issued" | "seen"
        ) && !(r + 1..j).any(|k| is_cue_word(&toks[k]))
        {
            let mut e = j;
            while e > r + 1 && toks[e - 1].is_punct(',') {
                e -= 1;
            }
            return Some(Np {
                a: cs,
                b: r + 1,
                appos: Some((r + 1, e)),
            });
        }
        None
    }

    /// Subject ending in a comma: "Seoul, however, said", "Zelensky, who …, said",
    /// "Kovalenko, Ukraine's … official, announced", "spokesman for …, Jeon Ha-kyou, told",
    /// "Omar Bell, 44, of Dayton, Ohio, a retired teacher, said": the name, and
    /// between it and the verb only parentheticals, relative clauses and
    /// descriptions of it.
    fn comma_subject(&self, comma: usize) -> Option<Np> {
        let mut pos = comma;
        let mut appos = None;
        for _ in 0..8 {
            // "Rep. Elijah Cummings (D-Md.), chair of …": a parenthesis is part of its chunk.
            let mut end = pos;
            if end > 0 && self.toks[end - 1].is_punct(')') {
                let open = (end.saturating_sub(8)..end - 1)
                    .rev()
                    .find(|&i| self.toks[i].is_punct('('))?;
                end = open;
            }
            let (cs, comma_before) = self.chunk_start(end);
            if cs >= end {
                return None;
            }
            let first = &self.toks[cs];
            if self.chunk_is(cs, end, &LEX.parentheticals)
                || (first.is_word() && first.lower_in(w::RELATIVE))
            {
                if comma_before {
                    pos = cs - 1;
                    continue;
                }
                return None;
            }
            if appos.is_none() && comma_before && self.role_appositive(cs, end) {
                appos = Some((cs, end));
                pos = cs - 1;
                continue;
            }
            let np = self.left_np(end, cs);
            // A chunk that is not a claimer phrase describes the one before it.
            let whole =
                np.is_some_and(|(a, b)| a == cs && (!comma_before || self.shape(a, b).is_some()));
            if comma_before && (self.description(cs, end, whole) || self.after_place(cs, end)) {
                pos = cs - 1;
                continue;
            }
            let (a, b) = np?;
            if !whole {
                return None;
            }
            if appos.is_none() && comma_before && cs >= 1 {
                let (cs2, _) = self.chunk_start(cs - 1);
                if cs2 < cs - 1
                    && self.role_appositive(cs2, cs - 1)
                    && matches!(
                        self.shape(a, b),
                        Some(Shape::Named {
                            kind: ClaimerKind::Person,
                            ..
                        })
                    )
                {
                    appos = Some((cs2, cs - 1));
                }
            }
            return Some(Np { a, b, appos });
        }
        None
    }

    /// A comma chunk `a..b` that describes the name before it rather than
    /// naming anyone: an age ("44"), a home ("of Dayton"), a party tag
    /// ("R-Fla."), an indefinite description ("a veteran organizer from the
    /// north") or any other that is not itself a claimer phrase (`whole`:
    /// "research director for IHS Life Sciences", "Sanders's chief of staff").
    fn description(&self, a: usize, b: usize, whole: bool) -> bool {
        let t = &self.toks[a];
        if !t.is_word() || (a..b).any(|k| is_cue_word(&self.toks[k])) {
            return false;
        }
        let age = b == a + 1 && t.lower.bytes().all(|c| c.is_ascii_digit());
        let home = matches!(t.lower, "of" | "from") && self.toks.get(a + 1).is_some_and(|n| n.cap);
        let party = b <= a + 2 && {
            let x = t.lower.as_bytes();
            x.len() >= 3 && matches!(x[0], b'r' | b'd' | b'i') && x[1] == b'-'
        };
        let indefinite = matches!(t.lower, "a" | "an") && b > a + 1;
        let lower = !whole && !is_stop(t) && pronoun(t).is_none();
        age || home || party || indefinite || lower
    }

    /// Is the chunk `a..b` the state or country of a place ("of Dayton, Ohio")?
    fn after_place(&self, a: usize, b: usize) -> bool {
        if a < 2 || b > a + 3 {
            return false;
        }
        // The chunk before ends in "of/from/in/at" and capitalized words
        // ("of Dayton", "a professor at Vandermeer University in Nashville").
        let (p, _) = self.chunk_start(a - 1);
        let Some(last_lower) = (p..a - 1).rev().find(|&k| !self.toks[k].cap) else {
            return false;
        };
        last_lower + 1 < a - 1
            && matches!(self.toks[last_lower].lower, "of" | "from" | "in" | "at")
            && self.toks[a..b].iter().all(|t| t.is_word() && t.cap)
    }

    /// Role appositive after a phrase ending at `b`: "Andrii Yermak, head of …".
    pub(super) fn right_appositive(&self, b: usize) -> Option<(usize, usize)> {
        let toks = self.toks;
        if b >= toks.len() || !toks[b].is_punct(',') {
            return None;
        }
        let start = b + 1;
        let mut e = start;
        while e < toks.len() {
            let t = &toks[e];
            if t.is_punct(',')
                || t.is_punct('.')
                || t.is_punct(';')
                || t.is_quote()
                || t.is_punct('—')
            {
                break;
            }
            e += 1;
        }
        self.role_appositive(start, e).then_some((start, e))
    }
}

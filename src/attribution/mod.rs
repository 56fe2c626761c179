//! Attribution: who claims what in one document, and the quotes they speak.
//!
//! Input is a document's cleaned text and its sentence byte spans (the segmenter keeps
//! a quote and its attribution in one sentence). Output, per sentence, the
//! attributions found there — each with the byte span of the clause it governs, so a
//! sentence can hold two claimers — and the document's quotes with their speakers.
//!
//! Patterns: "X said", "said X", "X told KBS", "X confirmed/claimed/…", "according to
//! X", "X's assessment", "X placed the estimate at", "X: “…”", "…, saying …", and
//! “…,” the statement read. Pronouns and role nouns ("he", "the minister") resolve to
//! the last named speaker; aliases and surname-only mentions merge into one canonical
//! name. Everything the rules can't tie to a named source stays `None`.
//!
//! Vocabulary lives in `assets/attribution.toml` (see [`LEXICON_TOML`]).

mod lexicon;
mod quotes;
mod tokens;

pub use lexicon::LEXICON_TOML;
pub(crate) use lexicon::prepare;

use lexicon::{LEXICON as LEX, fold, w};
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use std::hash::BuildHasher;
use std::ops::Range;
use std::rc::Rc;
use tokens::{Kind, Tok, tokenize};

/// What sort of source a claimer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimerKind {
    /// A named person, or a person known only by role ("a Ukrainian official").
    Person,
    /// A ministry, agency, outlet, alliance: "the Pentagon", "Financial Times".
    Organisation,
    /// A state, capital or its officials: "Ukraine", "Seoul", "US officials".
    Government,
    /// A document: "intelligence assessments", "the statement".
    Report,
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Claimer {
    /// Canonical display name ("Volodymyr Zelensky", "the Pentagon", "US officials").
    pub name: String,
    /// Title or role as written ("President", "spokesman for South Korea's defense
    /// ministry"); for a report, its qualifier ("from the U.S., South Korea, and Ukraine").
    pub role: Option<String>,
    pub kind: ClaimerKind,
}

/// Which rule found an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// "X said", "X told KBS", "X placed the estimate at".
    Verb,
    /// “…,” said X.
    Inverted,
    /// "according to X".
    According,
    /// "X's assessment".
    Possessive,
    /// X: “…”
    Colon,
    /// "…, saying …" — the subject of the main clause.
    Participle,
    /// A sentence that only continues a quote whose speaker is named next door.
    QuoteContinuation,
}

/// One attribution inside a sentence. All spans are byte offsets in the sentence
/// text and lie on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub claimer: Claimer,
    /// The clause this attribution governs. The spans of a sentence's non-embedded
    /// attributions partition the sentence.
    pub span: Range<usize>,
    /// The cue: "said", "according to", "placed the estimate at", ":".
    pub cue: Range<usize>,
    /// Where the claimer is named in the sentence ("he", "Defense Minister Rustem Umerov").
    pub mention: Range<usize>,
    /// The pronoun or role noun this claimer was resolved from ("he", "The minister").
    pub resolved_from: Option<String>,
    pub pattern: Pattern,
    /// Inside the reported clause of another attribution ("The minister said that Kyiv
    /// expects …"): the outer claimer governs, so this one doesn't take part in
    /// [`DocAttribution::claimer_at`].
    pub embedded: bool,
}

/// A quotation. `span` is in the document text and includes the marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub span: Range<usize>,
    /// Inner text, trimmed.
    pub text: String,
    pub speaker: Option<Claimer>,
    pub first_sentence: usize,
    pub last_sentence: usize,
}

/// Attributions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocAttribution {
    /// Per input sentence, its attributions ordered by cue.
    pub sentences: Vec<Vec<Attribution>>,
    /// Quotes in document order.
    pub quotes: Vec<Quote>,
}

impl DocAttribution {
    /// The claimer governing byte `offset_in_sentence` of sentence `sentence`.
    pub fn claimer_at(&self, sentence: usize, offset_in_sentence: usize) -> Option<&Claimer> {
        let atts = self.sentences.get(sentence)?;
        let mut last = None;
        for a in atts.iter().filter(|a| !a.embedded) {
            if a.span.contains(&offset_in_sentence) {
                return Some(&a.claimer);
            }
            last = Some(a);
        }
        last.filter(|a| offset_in_sentence >= a.span.end)
            .map(|a| &a.claimer)
    }

    /// The main claimer of a sentence: its first non-embedded attribution.
    pub fn sentence_claimer(&self, sentence: usize) -> Option<&Claimer> {
        self.sentences
            .get(sentence)?
            .iter()
            .find(|a| !a.embedded)
            .map(|a| &a.claimer)
    }

    /// All claimers of a sentence, in order, without repeats.
    pub fn sentence_claimers(&self, sentence: usize) -> Vec<&Claimer> {
        let mut out: Vec<&Claimer> = Vec::new();
        for a in self.sentences.get(sentence).into_iter().flatten() {
            if !out.iter().any(|c| c.name == a.claimer.name) {
                out.push(&a.claimer);
            }
        }
        out
    }

    /// Quotes that start or end in `sentence`, or span it.
    pub fn quotes_in(&self, sentence: usize) -> impl Iterator<Item = &Quote> {
        self.quotes
            .iter()
            .filter(move |q| q.first_sentence <= sentence && sentence <= q.last_sentence)
    }
}

/// Normalize typography in a name or role: `’` → `'`, runs of whitespace → one space.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    tidy_into(s, &mut out);
    out
}

/// [`tidy`], appended to `out`.
fn tidy_into(s: &str, out: &mut String) {
    // Most names are tidy already: ASCII words between single spaces.
    let mut space = true;
    let tidy = s.bytes().all(|b| {
        let ok = b.is_ascii() && !matches!(b, b'\t'..=b'\r') && !(b == b' ' && space);
        space = b == b' ';
        ok
    }) && !space;
    if tidy {
        out.push_str(s);
        return;
    }
    let mut first = true;
    for word in s.split_whitespace() {
        if !first {
            out.push(' ');
        }
        first = false;
        if word.is_ascii() {
            out.push_str(word);
            continue;
        }
        out.extend(word.chars().map(|c| match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
            c => c,
        }));
    }
}

fn is_det(t: &Tok) -> bool {
    t.is_word() && t.lower_in(w::DETERMINER)
}
fn is_role(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TITLE)
}
fn is_org_noun(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::ORG_NOUN)
}
fn is_report(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::REPORT_NOUN)
}
fn is_head(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TITLE | w::ORG_NOUN | w::REPORT_NOUN)
}
fn is_stop(t: &Tok) -> bool {
    t.is_word() && !t.acronym && t.lower_in(w::STOPWORD)
}
fn is_time(t: &Tok) -> bool {
    t.is_word() && t.base_in(w::TIME_WORD)
}
/// `Some(true)` for he/she, `Some(false)` for they/it.
fn pronoun(t: &Tok) -> Option<bool> {
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
fn is_cue_word(t: &Tok) -> bool {
    t.is_word() && t.lower_in(w::VERB | w::PARTICIPLE)
}
/// A lower-case word that can modify a role noun ("top", "high-ranking", "regional").
fn is_modifier(t: &Tok) -> bool {
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

const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "de", "al", "bin", "da", "di", "la", "le", "du", "del", "dos",
];
fn is_gov_name(folded: &str) -> bool {
    fn strip(p: &str) -> &str {
        // `trim_start_matches("the ")`, without a substring searcher.
        let mut p = p.trim();
        while let Some(rest) = p.strip_prefix("the ") {
            p = rest;
        }
        p.trim()
    }
    if LEX.governments.contains(strip(folded)) {
        return true;
    }
    // One part only: nothing more to try.
    let b = folded.as_bytes();
    let and = (0..b.len()).any(|i| b[i] == b' ' && b[i + 1..].starts_with(b"and "));
    if !folded.contains(',') && !and {
        return false;
    }
    let parts: Vec<&str> = folded
        .split([','])
        .flat_map(|p| p.split(" and "))
        .map(strip)
        .filter(|p| !p.is_empty())
        .collect();
    parts.len() > 1 && parts.iter().all(|p| LEX.governments.contains(*p))
}

/// A claimer phrase found in a sentence, before resolution. Token ranges.
#[derive(Debug, Clone)]
struct Np {
    a: usize,
    b: usize,
    /// Appositive or qualifier tokens giving the role.
    appos: Option<(usize, usize)>,
}

/// A claimer phrase as [`Sent::shape`] classifies it: token ranges and flags, no
/// strings yet (most phrases are looked at only to be dropped).
#[derive(Debug, Clone, Copy)]
enum Shape {
    Named {
        name: Name,
        /// Tokens of the title ("Defense Minister").
        role: Option<(usize, usize)>,
        kind: ClaimerKind,
    },
    Pronoun {
        at: usize,
        person: bool,
    },
    RoleRef {
        /// Tokens of the phrase as written, with any determiner.
        written: (usize, usize),
        /// Tokens of the phrase after the determiner.
        phrase: (usize, usize),
        det: bool,
        lower_first: bool,
        /// First title token after any possessive ("defense" in "Ukraine's defense minister").
        title_start: usize,
        definite: bool,
        possessive: bool,
    },
}

/// A name: the text of tokens `a..b`, with its first letter lower-cased if `lower_first`.
#[derive(Debug, Clone, Copy)]
struct Name {
    a: usize,
    b: usize,
    lower_first: bool,
}

/// See [`Sent::entity`].
#[derive(Debug, Clone, Copy, Default)]
struct Entity {
    gov: bool,
    org: bool,
    demonym: bool,
}

/// A [`Shape`] with its strings.
#[derive(Debug, Clone)]
enum Built {
    Named {
        name: String,
        role: Option<String>,
        kind: ClaimerKind,
    },
    Pronoun {
        text: String,
        person: bool,
    },
    RoleRef {
        phrase: String,
        /// The phrase as written ("The minister").
        written: String,
        /// Title words after any determiner/possessive ("defense minister").
        title: String,
        head: String,
        definite: bool,
        possessive: bool,
    },
}

struct Sent<'a> {
    s: &'a str,
    toks: &'a [Tok<'a>],
}

impl Sent<'_> {
    /// Text of tokens `a..b`, without a possessive `'s` on the last token.
    fn text(&self, a: usize, b: usize) -> String {
        // Tidying never lengthens text: one allocation, no regrowth.
        let mut out = String::with_capacity(self.bytes(a, b).len());
        self.text_into(a, b, &mut out);
        out
    }

    /// [`Sent::text`], appended to `out`.
    fn text_into(&self, a: usize, b: usize, out: &mut String) {
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

    fn bytes(&self, a: usize, b: usize) -> Range<usize> {
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
    fn clause_start(&self, j: usize) -> usize {
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
    fn left_np(&self, end: usize, floor: usize) -> Option<(usize, usize)> {
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

    /// Claimer phrase starting at token `start`.
    fn right_np(&self, start: usize, limit: usize) -> Option<(usize, usize)> {
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
                    if is_modifier(t) && self.head_ahead(j + 1, limit) {
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
    fn subject_left(&self, k: usize) -> Option<Np> {
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
    /// "Kovalenko, Ukraine's … official, announced", "spokesman for …, Jeon Ha-kyou, told".
    fn comma_subject(&self, comma: usize) -> Option<Np> {
        let mut pos = comma;
        let mut appos = None;
        for _ in 0..6 {
            let (cs, comma_before) = self.chunk_start(pos);
            if cs >= pos {
                return None;
            }
            let first = &self.toks[cs];
            if self.chunk_is(cs, pos, &LEX.parentheticals)
                || (first.is_word() && first.lower_in(w::RELATIVE))
            {
                if comma_before {
                    pos = cs - 1;
                    continue;
                }
                return None;
            }
            if appos.is_none() && comma_before && self.role_appositive(cs, pos) {
                appos = Some((cs, pos));
                pos = cs - 1;
                continue;
            }
            let (a, b) = self.left_np(pos, cs)?;
            if a != cs {
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

    /// Role appositive after a phrase ending at `b`: "Andrii Yermak, head of …".
    fn right_appositive(&self, b: usize) -> Option<(usize, usize)> {
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

    /// `fold(&self.text(a, b))`. Words are separated by whitespace only, so for
    /// words it is their folded forms joined by single spaces.
    fn folded(&self, a: usize, b: usize) -> String {
        let toks = &self.toks[a..b];
        if !toks.iter().all(Tok::is_word) {
            return fold(&self.text(a, b));
        }
        let mut out = String::with_capacity(toks.iter().map(|t| t.lower.len() + 1).sum());
        for (i, t) in toks.iter().enumerate() {
            match toks.get(i + 1) {
                Some(next) => {
                    out.push_str(t.lower);
                    // "Mr.Smith" is two words with nothing between them.
                    if t.end < next.start {
                        out.push(' ');
                    }
                }
                None => out.push_str(t.base()),
            }
        }
        out
    }

    /// What the name made of the words `a..b` is: [`is_gov_name`], an organisation,
    /// a demonym. Mostly from the words' lexicon flags, without building the name.
    fn entity(&self, a: usize, b: usize) -> Entity {
        let first = &self.toks[a];
        // A byte loop: words are short, and a `memchr` call costs more here.
        if !first.lower.bytes().any(|b| b == b',') {
            if b == a + 1 {
                // One word, no comma: `is_gov_name` is a plain lookup.
                return Entity {
                    gov: first.base_in(w::GOVERNMENT),
                    org: first.base_in(w::ORGANISATION),
                    demonym: first.base_in(w::DEMONYM),
                };
            }
            // The folded name (or the first part `is_gov_name` splits off, as "the"
            // is not stripped) starts with this word: it must start an entity.
            if first.end < self.toks[a + 1].start
                && first.lower != "the"
                && !first.lower_in(w::ENTITY_FIRST)
            {
                return Entity::default();
            }
        }
        let folded = self.folded(a, b);
        Entity {
            gov: is_gov_name(&folded),
            org: LEX.organisations.contains(&folded),
            demonym: LEX.demonyms.contains(&folded),
        }
    }

    /// The text of a name.
    fn name(&self, n: Name) -> String {
        // Sized for the tidied text, which is never longer than the tokens' bytes.
        let mut out = String::with_capacity(self.bytes(n.a, n.b).len());
        self.name_into(n, &mut out);
        out
    }

    /// [`Sent::name`], appended to `out`.
    fn name_into(&self, n: Name, out: &mut String) {
        let at = out.len();
        self.text_into(n.a, n.b, out);
        if n.lower_first
            && let Some(f) = out[at..].chars().next()
        {
            let lower: String = f.to_lowercase().collect();
            out.replace_range(at..at + f.len_utf8(), &lower);
        }
    }

    /// The strings of a shape: the claimer phrase, not yet resolved.
    fn finish(&self, shape: Shape) -> Built {
        match shape {
            Shape::Named { name, role, kind } => Built::Named {
                name: self.name(name),
                role: role.map(|(x, y)| self.text(x, y)),
                kind,
            },
            Shape::Pronoun { at, person } => Built::Pronoun {
                text: self.text(at, at + 1),
                person,
            },
            Shape::RoleRef {
                written,
                phrase: (a, b),
                det,
                lower_first,
                title_start,
                definite,
                possessive,
            } => Built::RoleRef {
                phrase: if det {
                    format!("{} {}", self.toks[written.0].lower, self.text(a, b))
                } else {
                    self.name(Name { a, b, lower_first })
                },
                written: self.text(written.0, written.1),
                title: fold(&self.text(title_start, b)),
                head: self.toks[b - 1].base().to_owned(),
                definite,
                possessive,
            },
        }
    }

    /// Classify a claimer phrase (see [`Sent::finish`]).
    fn shape(&self, a: usize, b: usize) -> Option<Shape> {
        let toks = self.toks;
        if a >= b || b > toks.len() {
            return None;
        }
        if b - a == 1
            && let Some(person) = pronoun(&toks[a])
        {
            return Some(Shape::Pronoun { at: a, person });
        }
        let det = is_det(&toks[a]);
        let definite = det && toks[a].lower == "the";
        let a0 = a;
        let a = if det { a + 1 } else { a };
        if a >= b || !toks[b - 1].is_word() {
            return None;
        }
        let last = &toks[b - 1];
        // Sentence-initial capital on a common word: "Officials said", "Reports indicate".
        let lower_first = {
            let t = &toks[a];
            a == 0
                && t.cap
                && !t.acronym
                && !t.base_in(w::GOVERNMENT | w::ORGANISATION | w::DEMONYM)
                && (is_head(t) || t.base_in(w::STOPWORD) || is_report(t))
        };
        // A coordinated group speaks as one: "US intelligence as well as Nato".
        if (a + 2..b.saturating_sub(1)).any(|k| {
            toks[k - 2].lower == "as" && toks[k - 1].lower == "well" && toks[k].lower == "as"
        }) {
            let kind = if is_gov_name(&self.folded(a, b).replace(" as well as ", " and ")) {
                ClaimerKind::Government
            } else {
                ClaimerKind::Organisation
            };
            return Some(Shape::Named {
                name: Name {
                    a,
                    b,
                    lower_first: false,
                },
                role: None,
                kind,
            });
        }
        if last.base_in(w::ASSESSMENT_NOUN)
            && let Some(p) = (a..b - 1).rev().find(|&p| toks[p].poss)
        {
            return self.shape(a0, p + 1);
        }
        let split = (a..b)
            .rev()
            .find(|&k| is_role(&toks[k]) || (is_org_noun(&toks[k]) && !toks[k].cap));
        let mut name_start = split.map_or(a, |k| k + 1);
        // "Ukraine's Zelensky": the possessor is not part of the name.
        if let Some(p) = (name_start..b.saturating_sub(1))
            .rev()
            .find(|&p| toks[p].poss)
        {
            name_start = p + 1;
        }
        let name_ok = name_start < b
            && !is_report(&toks[b - 1])
            && !toks[b - 1].base_in(w::PLURAL_PEOPLE)
            && (name_start..b).all(|k| {
                let t = &toks[k];
                t.is_word()
                    && !is_time(t)
                    && (t.cap
                        || (k > name_start
                            && k + 1 < b
                            && (matches!(t.lower, "and" | "of" | "on" | "for")
                                || NAME_PARTICLES.contains(&t.lower))))
            })
            && (name_start + 1..b).all(|k| !toks[k - 1].poss);
        let phrase = Name { a, b, lower_first };
        if name_ok {
            // "President of Ukraine Volodymyr Zelensky" walks back to "Ukraine Volodymyr
            // Zelensky": a leading state or nationality is not part of a person's name.
            let whole_start = name_start;
            let whole = self.entity(name_start, b);
            if !whole.gov && !whole.org {
                while name_start + 2 <= b
                    && toks[name_start + 1].cap
                    && toks[name_start].base_in(w::GOVERNMENT | w::DEMONYM)
                    && !(name_start + 1..b).any(|k| is_org_noun(&toks[k]))
                {
                    name_start += 1;
                }
            }
            // Unchanged when no leading state was dropped.
            let entity = if name_start == whole_start {
                whole
            } else {
                self.entity(name_start, b)
            };
            if entity.demonym {
                return None;
            }
            let role = split.map(|k| (a, k + 1));
            let kind = if entity.gov {
                ClaimerKind::Government
            } else if entity.org || (name_start..b).any(|k| is_org_noun(&toks[k])) {
                ClaimerKind::Organisation
            } else {
                ClaimerKind::Person
            };
            if kind != ClaimerKind::Person
                && let Some(k) = split
                && toks[k].cap
            {
                return Some(Shape::Named {
                    name: Name {
                        a,
                        b,
                        lower_first: false,
                    },
                    role: None,
                    kind,
                });
            }
            return Some(Shape::Named {
                name: Name {
                    a: name_start,
                    b,
                    lower_first: false,
                },
                role,
                kind,
            });
        }
        let head = &toks[b - 1];
        if is_report(head) {
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: ClaimerKind::Report,
            });
        }
        if head.base_in(w::PLURAL_PEOPLE) {
            let gov = (a..b).any(|k| {
                let t = &toks[k];
                t.is_word() && t.base_in(w::DEMONYM | w::GOVERNMENT)
            }) || (a + 1 < b && LEX.demonyms.contains(&self.folded(a, a + 2)));
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: if gov {
                    ClaimerKind::Government
                } else {
                    ClaimerKind::Organisation
                },
            });
        }
        if is_org_noun(head) {
            return Some(Shape::Named {
                name: phrase,
                role: None,
                kind: ClaimerKind::Organisation,
            });
        }
        if is_role(head) {
            return Some(Shape::RoleRef {
                written: (a0, b),
                phrase: (a, b),
                det,
                lower_first,
                title_start: (a..b).rev().find(|&k| toks[k].poss).map_or(a, |k| k + 1),
                definite,
                possessive: (a..b - 1).any(|k| toks[k].poss),
            });
        }
        None
    }
}

/// A person named in the document, for surname merging and role lookup.
#[derive(Debug, Clone)]
struct Mention {
    pos: (usize, usize),
    name: String,
    role: Option<String>,
}

#[derive(Debug, Clone)]
struct Found {
    pattern: Pattern,
    cue: (usize, usize),
    np: Option<Np>,
    /// `shape` of `np`, when finding the cue needed it already.
    shape: Option<Shape>,
    /// For participles without a subject: copy the previous attribution.
    copy_prev: bool,
}

/// Most names [`Resolver::canonical`] remembers across documents, per thread.
const CANONICAL_MEMO: usize = 1 << 14;

thread_local! {
    /// `canonical_name` of names seen by this thread (it is a pure function).
    static CANONICAL: std::cell::RefCell<HashMap<String, Rc<str>>> =
        std::cell::RefCell::new(HashMap::default());
}

/// Doc-wide resolution state.
#[derive(Default)]
struct Resolver {
    mentions: Vec<Mention>,
    by_last: HashMap<String, Vec<usize>>,
    roles: HashMap<String, String>,
    history: Vec<Claimer>,
    /// Scratch for folding a surname to look it up in `by_last` without
    /// allocating a key each time (most lookups hit an existing entry, or miss).
    fold_buf: std::cell::RefCell<String>,
}

impl Resolver {
    /// [`canonical_name`], remembered: a document names the same people again
    /// and again, and documents of one story name the same people.
    fn canonical(&self, name: &str) -> Rc<str> {
        CANONICAL
            .try_with(|memo| {
                if let Some(c) = memo.borrow().get(name) {
                    return c.clone();
                }
                let c: Rc<str> = canonical_name(name).into();
                let mut memo = memo.borrow_mut();
                // Bounded: a long run over many stories doesn't grow it forever.
                if memo.len() >= CANONICAL_MEMO {
                    memo.clear();
                }
                memo.insert(name.to_owned(), c.clone());
                c
            })
            .unwrap_or_else(|_| canonical_name(name).into())
    }

    fn add_mention(&mut self, m: Mention) {
        if let Some(last) = m.name.split_whitespace().last() {
            let key = self.fold_buf.get_mut();
            key.clear();
            lexicon::fold_into(last, key);
            let at = self.mentions.len();
            // An owned key only for a surname seen for the first time.
            match self.by_last.get_mut(key.as_str()) {
                Some(ids) => ids.push(at),
                None => {
                    self.by_last.insert(key.clone(), vec![at]);
                }
            }
        }
        if let Some(r) = &m.role
            && !self.roles.contains_key(&m.name)
        {
            self.roles.insert(m.name.clone(), r.clone());
        }
        self.mentions.push(m);
    }

    /// Full name for a surname-only mention at `pos`: the latest earlier full name
    /// ending in it, else the first later one.
    fn full_name(&self, surname: &str, pos: (usize, usize)) -> Option<&str> {
        let ids = {
            let mut key = self.fold_buf.borrow_mut();
            key.clear();
            lexicon::fold_into(surname, &mut key);
            self.by_last.get(key.as_str())?
        };
        let cands = ids
            .iter()
            .map(|&i| &self.mentions[i])
            .filter(|m| m.name.contains(' '));
        let mut before = None;
        let mut after = None;
        for m in cands {
            if m.pos < pos {
                before = Some(m);
            } else if after.is_none() {
                after = Some(m);
            }
        }
        before.or(after).map(|m| m.name.as_str())
    }

    fn role_matches(role: &str, title: &str, head: &str) -> bool {
        let r = fold(role);
        r.contains(title) || r.split(|c: char| !c.is_alphanumeric()).any(|w| w == head)
    }

    fn person(&self, name: &str, role: Option<String>, pos: (usize, usize)) -> Claimer {
        let canonical = self.canonical(name);
        let name = if !canonical.contains(' ')
            && let Some(full) = self.full_name(&canonical, pos)
        {
            full.to_owned()
        } else {
            String::from(&*canonical)
        };
        let role = role.or_else(|| self.roles.get(&name).cloned());
        Claimer {
            name,
            role,
            kind: ClaimerKind::Person,
        }
    }

    /// Resolve a built phrase into a claimer (and what it was resolved from).
    fn resolve(
        &mut self,
        built: Built,
        appos: Option<String>,
        pos: (usize, usize),
    ) -> Option<(Claimer, Option<String>)> {
        match built {
            Built::Named { name, role, kind } => {
                let c = match kind {
                    ClaimerKind::Person => self.person(&name, appos.or(role), pos),
                    ClaimerKind::Report => Claimer {
                        name,
                        role: appos.or(role),
                        kind,
                    },
                    _ => Claimer {
                        name: String::from(&*self.canonical(&name)),
                        role: appos.or(role),
                        kind,
                    },
                };
                Some((c, None))
            }
            Built::Pronoun { text, person } => {
                let found = self
                    .history
                    .iter()
                    .rev()
                    .take(64)
                    .find(|c| (c.kind == ClaimerKind::Person) == person)?
                    .clone();
                Some((found, Some(text)))
            }
            Built::RoleRef {
                phrase,
                written,
                title,
                head,
                definite,
                possessive,
            } => {
                if definite {
                    let hit = self
                        .history
                        .iter()
                        .rev()
                        .take(64)
                        .find(|c| {
                            c.kind == ClaimerKind::Person
                                && c.role
                                    .as_deref()
                                    .is_some_and(|r| Self::role_matches(r, &title, &head))
                        })
                        .cloned()
                        .or_else(|| {
                            self.mentions
                                .iter()
                                .rev()
                                .filter(|m| m.pos < pos)
                                .take(256)
                                .find(|m| {
                                    m.role
                                        .as_deref()
                                        .is_some_and(|r| Self::role_matches(r, &title, &head))
                                })
                                .map(|m| self.person(&m.name, m.role.clone(), pos))
                        })
                        .or_else(|| {
                            self.history
                                .iter()
                                .rev()
                                .find(|c| c.kind == ClaimerKind::Person)
                                .filter(|c| c.role.is_none())
                                .cloned()
                        });
                    if let Some(c) = hit {
                        return Some((c, Some(written)));
                    }
                } else if possessive {
                    let title_words = title.split_whitespace().count();
                    let hit = self
                        .mentions
                        .iter()
                        .filter(|m| {
                            m.role
                                .as_deref()
                                .is_some_and(|r| title_words >= 2 && fold(r).contains(&title))
                        })
                        .min_by_key(|m| (m.pos < pos, m.pos))
                        .map(|m| self.person(&m.name, m.role.clone(), pos));
                    if let Some(c) = hit {
                        return Some((c, Some(written)));
                    }
                }
                Some((
                    Claimer {
                        name: phrase.clone(),
                        role: Some(phrase),
                        kind: ClaimerKind::Person,
                    },
                    None,
                ))
            }
        }
    }
}

/// Canonical display name: typography tidied, a leading "the" and titles stripped
/// ("President Volodymyr Zelensky" → "Volodymyr Zelensky"), then the alias table
/// applied ("Zelenskiy" → "Volodymyr Zelensky", "FT" → "Financial Times").
pub fn canonical_name(name: &str) -> String {
    let norm = tidy(name);
    let folded = fold(&norm);
    if let Some(c) = LEX.aliases.get(&folded) {
        return c.clone();
    }
    let mut toks = Vec::new();
    tokenize(&norm, &folded, &[], &mut toks);
    let sent = Sent {
        s: &norm,
        toks: &toks,
    };
    let toks = sent.toks;
    let n = toks.len();
    let mut a = 0;
    if n > 1 && is_det(&toks[0]) {
        a = 1;
    }
    if let Some(k) = (a..n).rev().find(|&k| is_role(&toks[k]))
        && k + 1 < n
        && (k + 1..n).all(|i| toks[i].is_word() && toks[i].cap && !is_org_noun(&toks[i]))
    {
        a = k + 1;
    }
    // Nothing to strip: the rest is `norm`, looked up already.
    if a == 0 && toks.last().is_none_or(|t| !t.poss) {
        return norm;
    }
    let rest = sent.text(a, n);
    if rest.is_empty() {
        return norm;
    }
    LEX.aliases.get(&fold(&rest)).cloned().unwrap_or(rest)
}

/// Is [`canonical_name`] of the one-word name `t` (its text without a possessive,
/// as [`Sent::text`] gives it) surely without a space? Its folded form is
/// `t.base()`; unless an alias names a full name, the canonical name is that word
/// again. A word still ending in `'s` is left to `canonical_name`, which strips a
/// possessive once more before a second alias lookup.
fn stays_one_word(t: &Tok) -> bool {
    let base = t.base();
    let still_possessive = base.len() > 2 && base.ends_with("'s");
    t.is_word() && !still_possessive && !LEX.aliases.get(base).is_some_and(|c| c.contains(' '))
}

/// Clamp a span to `text`, moving both ends down to char boundaries.
fn clamp(text: &str, r: &Range<usize>) -> Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let s = fix(r.start);
    let e = fix(r.end).max(s);
    s..e
}

/// At most three words outside quotes in a sentence (counting stops at the fourth).
fn bare(toks: &[Tok]) -> bool {
    toks.iter().filter(|t| t.is_word()).nth(3).is_none()
}

/// Analyze one document: `sentences` are byte spans in `text` (the segmenter's
/// output). Spans out of range or off char boundaries are clamped; never panics.
pub fn analyze(text: &str, sentences: &[Range<usize>]) -> DocAttribution {
    let spans: Vec<Range<usize>> = sentences.iter().map(|r| clamp(text, r)).collect();
    let raw_quotes = quotes::find_quotes(text);

    // Sentence order by position, for mapping quotes to sentences.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, spans[i].end));

    // Every sentence folded into one buffer: the tokens' `lower` are slices of it.
    let mut folded = String::with_capacity(spans.iter().map(|sp| sp.len()).sum());
    let folded_at: Vec<Range<usize>> = spans
        .iter()
        .map(|sp| {
            let at = folded.len();
            lexicon::fold_into(&text[sp.clone()], &mut folded);
            at..folded.len()
        })
        .collect();

    // Tokenize every sentence with its quotes masked, into one vector (about a
    // token per six bytes).
    let mut toks: Vec<Tok> = Vec::with_capacity(folded.len() / 6);
    let mut qs: Vec<Range<usize>> = Vec::new();
    let tok_at: Vec<Range<usize>> = spans
        .iter()
        .zip(&folded_at)
        .map(|(sp, f)| {
            let first = raw_quotes.partition_point(|q| q.span.end <= sp.start);
            qs.clear();
            qs.extend(
                raw_quotes[first..]
                    .iter()
                    .take_while(|q| q.span.start < sp.end)
                    .map(|q| {
                        q.span.start.max(sp.start) - sp.start..q.span.end.min(sp.end) - sp.start
                    }),
            );
            let at = toks.len();
            tokenize(&text[sp.clone()], &folded[f.clone()], &qs, &mut toks);
            at..toks.len()
        })
        .collect();
    let sents: Vec<Sent> = spans
        .iter()
        .zip(tok_at)
        .map(|(sp, t)| Sent {
            s: &text[sp.clone()],
            toks: &toks[t],
        })
        .collect();

    // Pass 1: people named anywhere (with their titles), for surname merging and
    // role-noun resolution.
    let mut res = Resolver::default();
    let mut name_text = String::new();
    for &si in &order {
        let st = &sents[si];
        let toks = st.toks;
        for k in 0..toks.len() {
            let t = &toks[k];
            if !(t.is_word() && t.cap) || toks.get(k + 1).is_some_and(|n| n.is_word() && n.cap) {
                continue;
            }
            let Some((a, b)) = st.left_np(k + 1, 0) else {
                continue;
            };
            if let Some(Shape::Named {
                name,
                role,
                kind: ClaimerKind::Person,
            }) = st.shape(a, b)
            {
                // Most one-word names can't become a full name: skip building them.
                if name.b == name.a + 1 && !name.lower_first && stays_one_word(&toks[name.a]) {
                    continue;
                }
                name_text.clear();
                st.name_into(name, &mut name_text);
                let name = res.canonical(&name_text);
                if name.contains(' ') {
                    res.add_mention(Mention {
                        pos: (si, k),
                        name: String::from(&*name),
                        role: role.map(|(x, y)| st.text(x, y)),
                    });
                }
            }
        }
    }
    // Sort mentions by position (order is already by position unless spans overlap).
    // Pass 2: attributions, sentence by sentence in document order.
    let mut out: Vec<Vec<Attribution>> = vec![Vec::new(); spans.len()];
    // The sentence's attributions by the hash of their (mention, claimer): the
    // first index in `atts` with that hash. A table, not a scan of `atts`, which
    // was quadratic in a sentence with thousands of cues; indices, not copies of
    // the claimers. One table for the document, cleared per sentence, and shrunk
    // back so that a sentence with thousands of cues doesn't make every later
    // clear slow.
    let mut seen: HashMap<u64, usize> = HashMap::default();
    let key_hash = |mention: &Range<usize>, claimer: &Claimer| {
        rustc_hash::FxBuildHasher.hash_one((mention, claimer))
    };
    let mut found = Vec::new();
    for &si in &order {
        let st = &sents[si];
        find_cues(st, &mut found);
        let mut atts: Vec<Attribution> = Vec::with_capacity(found.len());
        seen.clear();
        seen.shrink_to(64);
        let mut first_org: Option<String> = None;
        for f in found.drain(..) {
            let cue = st.bytes(f.cue.0, f.cue.1);
            let (claimer, resolved_from, mention) = if f.copy_prev {
                match atts.last() {
                    Some(p) => (
                        p.claimer.clone(),
                        p.resolved_from.clone(),
                        p.mention.clone(),
                    ),
                    None => continue,
                }
            } else {
                let Some(np) = f.np else { continue };
                // `shape` is pure: the finder's result stands.
                let Some(built) = f
                    .shape
                    .or_else(|| st.shape(np.a, np.b))
                    .map(|sh| st.finish(sh))
                else {
                    continue;
                };
                let appos = np.appos.map(|(x, y)| st.text(x, y));
                let Some((c, from)) = res.resolve(built, appos, (si, np.a)) else {
                    continue;
                };
                (c, from, st.bytes(np.a, np.b))
            };
            if mention.start < mention.end
                && f.pattern != Pattern::Participle
                && let Some(&i) = seen.get(&key_hash(&mention, &claimer))
            {
                let same = |a: &Attribution| a.mention == mention && a.claimer == claimer;
                // Another key with the same hash would need the scan.
                if same(&atts[i]) || atts.iter().any(same) {
                    continue;
                }
            }
            let mut claimer = claimer;
            if resolved_from.is_none() {
                qualify_bare_role(first_org.as_deref(), &mut claimer);
            }
            if claimer.kind == ClaimerKind::Person
                && claimer.name.contains(' ')
                && let Some(r) = &claimer.role
                && !res.roles.contains_key(&claimer.name)
            {
                res.roles.insert(claimer.name.clone(), r.clone());
            }
            if resolved_from.is_none() || f.pattern == Pattern::Participle {
                res.history.push(claimer.clone());
            }
            seen.entry(key_hash(&mention, &claimer))
                .or_insert(atts.len());
            if first_org.is_none() && claimer.kind == ClaimerKind::Organisation {
                first_org = Some(claimer.name.clone());
            }
            atts.push(Attribution {
                claimer,
                span: 0..0,
                cue,
                mention,
                resolved_from,
                pattern: f.pattern,
                embedded: false,
            });
        }
        assign_spans(st, &mut atts);
        out[si] = atts;
    }

    // Quotes and their speakers.
    let doc = DocAttribution {
        sentences: out,
        quotes: Vec::new(),
    };
    attach_quotes(text, &spans, &order, &sents, &raw_quotes, doc)
}

/// "The Pentagon has said the same with spokesman Pat Ryder": a bare title gets the
/// organisation named earlier in the same sentence ("Pentagon spokesman").
/// `org` is the first organisation among the sentence's earlier attributions,
/// tracked by the caller (finding it anew for every cue was quadratic).
fn qualify_bare_role(org: Option<&str>, c: &mut Claimer) {
    let Some(org) = org.map(|name| name.trim_start_matches("the ")) else {
        return;
    };
    if c.kind == ClaimerKind::Person
        && let Some(r) = &c.role
        && !r.contains(' ')
        && LEX.titles.contains(&fold(r))
    {
        c.role = Some(format!("{org} {r}"));
    }
}

fn tok_index_at(toks: &[Tok], byte: usize) -> usize {
    toks.partition_point(|t| t.end <= byte)
}

fn is_separator(t: &Tok) -> bool {
    match t.kind {
        Kind::Punct(c) => matches!(c, ',' | ';' | '—' | '–' | ':'),
        Kind::Quote => true,
        Kind::Word => matches!(
            t.lower,
            "while" | "whereas" | "but" | "although" | "though" | "however"
        ),
    }
}

/// Give each attribution the clause it governs; mark embedded ones.
fn assign_spans(st: &Sent, atts: &mut [Attribution]) {
    let toks = st.toks;
    let len = st.s.len();
    // A lone attribution governs the whole sentence: skip the counting below.
    match atts {
        [] => return,
        [a] => {
            a.span = 0..len;
            return;
        }
        _ => {}
    }
    let anchor = |a: &Attribution| {
        if a.mention.start < a.mention.end {
            a.mention.start.min(a.cue.start)..a.mention.end.max(a.cue.end)
        } else {
            a.cue.clone()
        }
    };
    // Separators and "that"s before each token, so that a gap is counted in
    // constant time: scanning it made a long chain of "X said that Y said
    // that …" quadratic.
    let prefix = |f: &dyn Fn(&Tok) -> bool| -> Vec<usize> {
        let mut v = Vec::with_capacity(toks.len() + 1);
        v.push(0);
        for t in toks {
            v.push(v[v.len() - 1] + usize::from(f(t)));
        }
        v
    };
    let separators = prefix(&is_separator);
    let thats = prefix(&|t: &Tok| t.lower == "that");
    // Embedding.
    let mut outer: Option<usize> = None;
    for i in 0..atts.len() {
        let an = anchor(&atts[i]);
        if let Some(o) = outer {
            let oa = &atts[o];
            let gap_from = tok_index_at(toks, oa.cue.end.max(anchor(oa).end));
            let gap_to = tok_index_at(toks, an.start);
            let leading_according =
                oa.pattern == Pattern::According && st.s[..anchor(oa).start].trim().is_empty();
            let gap = gap_from.min(gap_to)..gap_to;
            let count = |prefix: &[usize]| prefix[gap.end] - prefix[gap.start];
            let embedded = atts[i].pattern == Pattern::Participle
                || leading_according
                || (matches!(atts[i].pattern, Pattern::Verb)
                    && gap_from <= gap_to
                    && count(&separators) == 0
                    && (gap.is_empty() || count(&thats) > 0));
            if embedded && an.start >= anchor(oa).start {
                atts[i].embedded = true;
                continue;
            }
        }
        outer = Some(i);
    }
    // Partition among the non-embedded.
    let idx: Vec<usize> = (0..atts.len()).filter(|&i| !atts[i].embedded).collect();
    let mut start = 0;
    for (n, &i) in idx.iter().enumerate() {
        let end = match idx.get(n + 1) {
            None => len,
            Some(&j) => {
                let here = anchor(&atts[i]);
                let next = anchor(&atts[j]);
                let from = tok_index_at(toks, here.end);
                let to = tok_index_at(toks, next.start);
                // Content before a postposed attribution (“…,” X said) is X's.
                let mut k = to;
                while k > from && toks[k - 1].is_punct(',') {
                    k -= 1;
                }
                if k > from && toks[k - 1].is_quote() {
                    toks[k - 1].start
                } else if let Some(s) = (from..to).rev().find(|&k| is_separator(&toks[k])) {
                    toks[s].start
                } else {
                    next.start
                }
            }
        };
        let end = end.clamp(start, len);
        atts[i].span = start..end;
        start = end;
    }
    // Embedded ones govern from their anchor to the end of their outer span.
    for i in 0..atts.len() {
        if atts[i].embedded {
            let an = anchor(&atts[i]);
            let outer_end = idx[..idx.partition_point(|&o| o < i)]
                .last()
                .map_or(len, |&o| atts[o].span.end);
            atts[i].span = an.start.min(outer_end)..outer_end;
        }
    }
}

/// Find cues and their claimer phrases in one sentence, in cue order, into
/// `found` (cleared first; one buffer serves every sentence of a document).
fn find_cues(st: &Sent, found: &mut Vec<Found>) {
    let toks = st.toks;
    let n = toks.len();
    found.clear();
    let mut k = 0;
    while k < n {
        let t = &toks[k];
        // Every test below needs one of these: most tokens have none.
        let may_cue = t.lower_in(w::ACCORDING_FIRST | w::VERB_FIRST | w::PARTICIPLE)
            || t.poss
            || t.is_punct(':');
        if !may_cue {
            k += 1;
            continue;
        }
        // Cue phrases are matched within five words.
        let window = || &toks[k..(k + 5).min(n)];
        if t.lower_in(w::ACCORDING_FIRST)
            && let Some(m) = LEX.according.match_at(window())
        {
            if let Some((a, b)) = st.right_np(k + m, n) {
                let appos = st.right_appositive(b);
                found.push(Found {
                    pattern: Pattern::According,
                    cue: (k, k + m),
                    np: Some(Np { a, b, appos }),
                    shape: None,
                    copy_prev: false,
                });
            }
            k += m;
            continue;
        }
        if t.lower_in(w::VERB_FIRST)
            && let Some(m) = LEX.verbs.match_at(window())
            && let Some(f) = verb_cue(st, k, m)
        {
            found.push(f);
            k += m;
            continue;
        }
        if t.is_word() && t.lower_in(w::PARTICIPLE) && k > 0 && toks[k - 1].is_punct(',') {
            if found.is_empty() {
                if let Some(np) = main_subject(st, k) {
                    found.push(Found {
                        pattern: Pattern::Participle,
                        cue: (k, k + 1),
                        np: Some(np),
                        shape: None,
                        copy_prev: false,
                    });
                }
            } else {
                found.push(Found {
                    pattern: Pattern::Participle,
                    cue: (k, k + 1),
                    np: None,
                    shape: None,
                    copy_prev: true,
                });
            }
        }
        if t.is_punct(':')
            && toks.get(k + 1).is_some_and(Tok::is_quote)
            && let Some((a, b)) = st.left_np(k, 0)
            && let Some(shape) = st.shape(a, b)
            && !matches!(
                shape,
                Shape::Named {
                    kind: ClaimerKind::Report,
                    ..
                }
            )
        {
            found.push(Found {
                pattern: Pattern::Colon,
                cue: (k, k + 1),
                np: Some(Np { a, b, appos: None }),
                shape: Some(shape),
                copy_prev: false,
            });
        }
        if t.poss {
            // X's (latest) assessment
            let mut j = k + 1;
            while j < n
                && j <= k + 3
                && is_modifier(&toks[j])
                && !toks[j].base_in(w::ASSESSMENT_NOUN)
            {
                j += 1;
            }
            let citing = (k.saturating_sub(4)..k).any(|i| toks[i].lower_in(w::CITING));
            if j < n
                && toks[j].is_word()
                && toks[j].base_in(w::ASSESSMENT_NOUN)
                && !citing
                && let Some((a, b)) = st.left_np(k + 1, 0)
                && !found
                    .iter()
                    .rev()
                    .take(8)
                    .any(|f| f.np.as_ref().is_some_and(|np| np.a <= k && k < np.b))
            {
                found.push(Found {
                    pattern: Pattern::Possessive,
                    cue: (j, j + 1),
                    np: Some(Np { a, b, appos: None }),
                    shape: None,
                    copy_prev: false,
                });
            }
        }
        k += 1;
    }
}

/// A finite attribution verb at token `k` spanning `m` words.
fn verb_cue(st: &Sent, k: usize, m: usize) -> Option<Found> {
    let toks = st.toks;
    let first = &toks[k];
    // "the said agreement", "an estimated 11,000", "Russia's claims"
    if k > 0 && (is_det(&toks[k - 1]) || toks[k - 1].poss) {
        return None;
    }
    // "the United States": a capitalized cue word that ends a known name.
    if first.cap
        && (1..=2).any(|back| {
            k >= back && {
                let name = fold(&st.text(k - back, k + 1));
                LEX.governments.contains(&name) || LEX.organisations.contains(&name)
            }
        })
    {
        return None;
    }
    // "did not confirm", "to warn", "was reported"
    let mut p = k;
    while p > 0
        && toks[p - 1].is_word()
        && toks[p - 1].lower_in(w::SKIPPABLE)
        && !matches!(toks[p - 1].lower, "has" | "have" | "had" | "having")
    {
        p -= 1;
    }
    if p > 0 && toks[p - 1].is_word() && toks[p - 1].lower_in(w::BLOCKER | w::PASSIVE_AUX) {
        return None;
    }
    let next = toks.get(k + m);
    if m == 1 && first.lower_in(w::NOT_BEFORE_TO) && next.is_some_and(|t| t.lower == "to") {
        return None;
    }
    if m == 1
        && first.lower_in(w::AMBIGUOUS_NOUN)
        && next.is_some_and(|t| {
            is_cue_word(t)
                || matches!(
                    t.lower,
                    "have"
                        | "has"
                        | "had"
                        | "are"
                        | "were"
                        | "is"
                        | "was"
                        | "will"
                        | "would"
                        | "could"
                        | "may"
                )
        })
    {
        return None;
    }
    let quote_only = first.lower_in(w::QUOTE_ONLY_VERB);
    let after_quote = |i: usize| {
        let mut i = i;
        while i > 0 && toks[i - 1].is_punct(',') {
            i -= 1;
        }
        i > 0 && toks[i - 1].is_quote()
    };
    if let Some(np) = st.subject_left(k)
        && let Some(shape) = st.shape(np.a, np.b)
    {
        if quote_only && !after_quote(np.a) {
            return None;
        }
        return Some(Found {
            pattern: Pattern::Verb,
            cue: (k, k + m),
            np: Some(np),
            shape: Some(shape),
            copy_prev: false,
        });
    }
    // “…,” said X
    let inverted_ok =
        k == 0 || toks[k - 1].is_punct(',') || toks[k - 1].is_quote() || toks[k - 1].is_punct('—');
    if inverted_ok
        && let Some((a, b)) = st.right_np(k + m, toks.len())
        && let Some(shape) = st.shape(a, b)
    {
        let appos = st.right_appositive(b);
        return Some(Found {
            pattern: Pattern::Inverted,
            cue: (k, k + m),
            np: Some(Np { a, b, appos }),
            shape: Some(shape),
            copy_prev: false,
        });
    }
    None
}

/// Subject of the main clause for a participle at `k` ("Kiev has …, saying").
fn main_subject(st: &Sent, k: usize) -> Option<Np> {
    let toks = st.toks;
    let mut cs = st.clause_start(k);
    if cs < k && (is_stop(&toks[cs]) || is_time(&toks[cs])) {
        // Skip an introductory phrase up to its comma.
        cs = (cs..k).find(|&i| toks[i].is_punct(','))? + 1;
    }
    let (a, b) = st.right_np(cs, k)?;
    let mut appos = None;
    if b < k && is_report(&toks[b - 1]) && matches!(toks[b].lower, "published" | "by" | "from") {
        let mut q = b;
        while q < k && matches!(toks[q].lower, "published" | "by" | "from" | "released") {
            q += 1;
        }
        if let Some((_, e)) = st.right_np(q, k) {
            appos = Some((b, e));
        }
    }
    Some(Np { a, b, appos })
}

fn attach_quotes(
    text: &str,
    spans: &[Range<usize>],
    order: &[usize],
    sents: &[Sent],
    raw: &[quotes::RawQuote],
    mut doc: DocAttribution,
) -> DocAttribution {
    // Position of each sentence in `order`.
    let mut pos_of = vec![0; order.len()];
    for (p, &i) in order.iter().enumerate() {
        pos_of[i] = p;
    }
    // Once per sentence, not per quote: a long line of quotes made this
    // quadratic.
    let bare_sentence: Vec<bool> = sents.iter().map(|s| bare(s.toks)).collect();
    let bare = |si: usize| bare_sentence[si];
    for q in raw {
        let p = order.partition_point(|&i| spans[i].end <= q.span.start);
        if p >= order.len() || spans[order[p]].start >= q.span.end {
            continue;
        }
        let first = order[p];
        let p2 = order.partition_point(|&i| spans[i].start < q.span.end);
        let last = if p2 > p { order[p2 - 1] } else { first };
        let rel =
            |si: usize, byte: usize| byte.saturating_sub(spans[si].start).min(spans[si].len());
        let mut speaker = doc
            .claimer_at(first, rel(first, q.span.start))
            .cloned()
            .or_else(|| {
                doc.claimer_at(last, rel(last, q.span.end.saturating_sub(1)))
                    .cloned()
            });
        let mut continued = false;
        if speaker.is_none() && bare(first) && bare(last) {
            let fp = pos_of[first];
            let lp = pos_of[last];
            let prev = fp.checked_sub(1).map(|x| order[x]);
            let next = order.get(lp + 1).copied();
            speaker = prev
                .and_then(|s| doc.sentences[s].iter().rev().find(|a| !a.embedded))
                .map(|a| a.claimer.clone())
                .or_else(|| {
                    let s = next?;
                    let a = doc.sentences[s].iter().find(|a| !a.embedded)?;
                    let lead = &sents[s].s[..a.mention.start.min(a.cue.start)];
                    (lead.split_whitespace().count() <= 2).then(|| a.claimer.clone())
                });
            continued = speaker.is_some();
        }
        if continued && let Some(sp) = &speaker {
            let fp = pos_of[first];
            let lp = pos_of[last];
            for &si in order.iter().take(lp.max(fp) + 1).skip(fp) {
                if doc.sentences[si].is_empty() {
                    let at = rel(si, q.span.start);
                    doc.sentences[si].push(Attribution {
                        claimer: sp.clone(),
                        span: 0..spans[si].len(),
                        cue: at..at,
                        mention: at..at,
                        resolved_from: None,
                        pattern: Pattern::QuoteContinuation,
                        embedded: false,
                    });
                }
            }
        }
        doc.quotes.push(Quote {
            span: q.span.clone(),
            text: text[q.inner.clone()].trim().to_owned(),
            speaker,
            first_sentence: first,
            last_sentence: last,
        });
    }
    doc
}

#[cfg(test)]
mod tests;

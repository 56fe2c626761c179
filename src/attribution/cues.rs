//! Cues: the words that mark an attribution ("said", "according to", "X's
//! assessment", "X: “…”", "…, saying"), found in one sentence with the claimer
//! phrase each one points to.

use super::chunk::{
    Np, Sent, is_cue_word, is_det, is_modifier, is_report, is_stop, is_time, pronoun,
};
use super::lexicon::{LEXICON as LEX, fold, w};
use super::shape::Shape;
use super::tokens::Tok;
use super::{ClaimerKind, Pattern};

/// A cue and the claimer phrase it points to, in token ranges of the sentence.
#[derive(Debug, Clone)]
pub(super) struct Found {
    pub(super) pattern: Pattern,
    pub(super) cue: (usize, usize),
    pub(super) np: Option<Np>,
    /// `shape` of `np`, when finding the cue needed it already.
    pub(super) shape: Option<Shape>,
    /// For participles without a subject: copy the previous attribution.
    pub(super) copy_prev: bool,
}

/// Find cues and their claimer phrases in one sentence, in cue order, into
/// `found` (cleared first; one buffer serves every sentence of a document).
pub(super) fn find_cues(st: &Sent, found: &mut Vec<Found>) {
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
                // "according to figures released Monday by the state election
                // office": the office, for its figures.
                let np = match by_author(st, b) {
                    Some((x, y)) if is_report(&toks[b - 1]) => Np {
                        a: x,
                        b: y,
                        appos: Some((a, b)),
                    },
                    _ => Np { a, b, appos },
                };
                found.push(Found {
                    pattern: Pattern::According,
                    cue: (k, k + m),
                    np: Some(np),
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
        // "X is calling for", "X has been saying": a progressive is a finite verb.
        if t.is_word()
            && t.lower_in(w::PARTICIPLE)
            && k > 0
            && matches!(toks[k - 1].lower, "is" | "are" | "was" | "were" | "been")
            && let Some(np) = st.subject_left(k - 1)
            && let Some(shape) = st.shape(np.a, np.b)
            && !matches!(
                shape,
                Shape::Named {
                    kind: ClaimerKind::Report,
                    ..
                }
            )
        {
            found.push(Found {
                pattern: Pattern::Verb,
                cue: (k - 1, k + 1),
                np: Some(np),
                shape: Some(shape),
                copy_prev: false,
            });
            k += 1;
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
            && let Some((np, shape)) = colon_speaker(st, k, found.is_empty())
        {
            found.push(Found {
                pattern: Pattern::Colon,
                cue: (k, k + 1),
                np: Some(np),
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

/// The speaker of a quote after the colon at `k`: the phrase right before it
/// ("Ana Reyes: “…”"), else, when no cue came before in the sentence (`first`),
/// the subject of the clause that the colon ends ("Ana Reyes boomed: “…”").
fn colon_speaker(st: &Sent, k: usize, first: bool) -> Option<(Np, Shape)> {
    let not_report = |shape: &Shape| {
        !matches!(
            shape,
            Shape::Named {
                kind: ClaimerKind::Report,
                ..
            }
        )
    };
    if let Some((a, b)) = st.left_np(k, 0)
        && let Some(shape) = st.shape(a, b)
    {
        return not_report(&shape).then_some((Np { a, b, appos: None }, shape));
    }
    if !first {
        return None;
    }
    let np = main_subject(st, k)?;
    let shape = st.shape(np.a, np.b)?;
    // The subject, then a verb phrase in lower case: not a heading ("Poll: “…”").
    let verb = st.toks[np.b..k].iter().any(|t| t.is_word() && !t.cap);
    (verb && not_report(&shape)).then_some((np, shape))
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
    let subject = |np: Np, shape: Shape| Found {
        pattern: Pattern::Verb,
        cue: (k, k + m),
        np: Some(np),
        shape: Some(shape),
        copy_prev: false,
    };
    if let Some(np) = st.subject_left(k)
        && let Some(shape) = st.shape(np.a, np.b)
    {
        if quote_only && !after_quote(np.a) {
            return None;
        }
        return Some(subject(np, shape));
    }
    // "X called on her to resign and said, …": the subject of the clause.
    if k > 0
        && toks[k - 1].lower == "and"
        && !quote_only
        && let Some(np) = main_subject(st, k - 1)
        && let Some(shape) = st.shape(np.a, np.b)
    {
        return Some(subject(np, shape));
    }
    // “…,” said X
    let inverted_ok = !first.lower_in(w::NOT_INVERTED)
        && (k == 0
            || toks[k - 1].is_punct(',')
            || toks[k - 1].is_quote()
            || toks[k - 1].is_punct('—'));
    if inverted_ok
        && let Some((a, b)) = st.right_np(k + m, toks.len())
        && inverted_subject(st, k, a, b)
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

/// Is `a..b` after the cue at `k` its subject ("“…,” said X", "…, said X, an
/// analyst")? Not the start of the reported clause ("X, a …, said he would",
/// "…, said Lew's plan"): a pronoun only right after a quote, and a name only
/// when no lower-case content word goes on from it.
fn inverted_subject(st: &Sent, k: usize, a: usize, b: usize) -> bool {
    let toks = st.toks;
    let mut i = k;
    while i > 0 && toks[i - 1].is_punct(',') {
        i -= 1;
    }
    let after_quote = i > 0 && toks[i - 1].is_quote();
    if b == a + 1 && pronoun(&toks[a]).is_some() {
        return after_quote;
    }
    if toks[b - 1].poss {
        return false;
    }
    after_quote
        || toks.get(b).is_none_or(|t| {
            !t.is_word() || t.cap || is_stop(t) || is_time(t) || t.lower_in(w::SKIPPABLE)
        })
}

/// The author after a report noun ending at `b`: "(released|published|issued|
/// compiled) [time words] by X".
fn by_author(st: &Sent, b: usize) -> Option<(usize, usize)> {
    let toks = st.toks;
    let mut i = b;
    if toks
        .get(i)
        .is_some_and(|t| matches!(t.lower, "released" | "published" | "issued" | "compiled"))
    {
        i += 1;
    }
    while toks
        .get(i)
        .is_some_and(|t| is_time(t) || t.lower == "on" || t.lower == "last")
    {
        i += 1;
    }
    if toks.get(i).is_none_or(|t| t.lower != "by") {
        return None;
    }
    st.right_np(i + 1, toks.len())
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

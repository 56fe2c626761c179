//! Names: canonical display names (typography, titles, aliases), one string at
//! a time. Which earlier name a mention means is [`coref`](super::coref)'s job.

use super::chunk::{Sent, is_det, is_org_noun, is_role};
use super::lexicon::{LEXICON as LEX, fold};
use super::tokens::{Tok, tokenize};
use super::{Claimer, ClaimerKind};

/// Normalize typography in a name or role: `’` → `'`, runs of whitespace → one space.
fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    tidy_into(s, &mut out);
    out
}

/// [`tidy`], appended to `out`.
pub(super) fn tidy_into(s: &str, out: &mut String) {
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
pub(super) fn stays_one_word(t: &Tok) -> bool {
    let base = t.base();
    let still_possessive = base.len() > 2 && base.ends_with("'s");
    t.is_word() && !still_possessive && !LEX.aliases.get(base).is_some_and(|c| c.contains(' '))
}

/// "The Pentagon has said the same with spokesman Pat Ryder": a bare title gets the
/// organisation named earlier in the same sentence ("Pentagon spokesman").
/// `org` is the first organisation among the sentence's earlier attributions,
/// tracked by the caller (finding it anew for every cue was quadratic).
pub(super) fn qualify_bare_role(org: Option<&str>, c: &mut Claimer) {
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

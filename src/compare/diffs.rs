//! Word diffs: which words two reports of one statement change, between
//! their quotes when both quote it, else between their sentences (rules in
//! the module docs).

use similar::{Algorithm, DiffOp, capture_diff_slices};
use std::sync::Arc;

use super::similarity::{Feat, jaccard};
use super::{Change, DiffKind, Op, StatementEntry, WordDiff};

/// Words per text in a diff.
const MAX_DIFF_WORDS: usize = 600;
/// Two quotes are of one statement from this overlap of their stems.
const MIN_QUOTE_OVERLAP: f64 = 0.3;

/// The diff between entries `a` and `b` of a group (features `fa`, `fb`):
/// between their best-matching quotes when those overlap enough, else
/// between their sentences.
pub(super) fn pair_diff(
    fa: &Feat,
    fb: &Feat,
    entries: &[StatementEntry],
    a: usize,
    b: usize,
) -> WordDiff {
    // (overlap, quote of a, quote of b)
    let mut best: Option<(f64, usize, usize)> = None;
    for (i, qa) in fa.ev().quotes.iter().enumerate() {
        for (j, qb) in fb.ev().quotes.iter().enumerate() {
            let s = jaccard(&qa.stems, &qb.stems);
            if s >= MIN_QUOTE_OVERLAP && best.is_none_or(|(bs, _, _)| s > bs) {
                best = Some((s, i, j));
            }
        }
    }
    if let Some((_, i, j)) = best {
        let (qa, qb) = (&fa.ev().quotes[i], &fb.ev().quotes[j]);
        let who_a: Vec<&Arc<str>> = qa.speaker.iter().chain(&fa.ev().claimers).collect();
        let speaker = qb
            .speaker
            .iter()
            .chain(&fb.ev().claimers)
            .find(|s| who_a.contains(s))
            .map(|s| s.to_string());
        let changes = word_diff(&qa.text, &qb.text);
        return WordDiff {
            a,
            b,
            kind: DiffKind::Quote,
            speaker,
            changed: changes.iter().any(|c| c.op != Op::Equal),
            changes,
        };
    }
    let changes = word_diff(&entries[a].sentence, &entries[b].sentence);
    WordDiff {
        a,
        b,
        kind: DiffKind::Sentence,
        speaker: None,
        changed: changes.iter().any(|c| c.op != Op::Equal),
        changes,
    }
}

/// Word-level diff of two texts: words compared case-insensitively and
/// without surrounding punctuation; runs of one op merged; texts as written
/// (equal runs as in `a`).
pub fn word_diff(a: &str, b: &str) -> Vec<Change> {
    let wa: Vec<&str> = a.split_whitespace().take(MAX_DIFF_WORDS).collect();
    let wb: Vec<&str> = b.split_whitespace().take(MAX_DIFF_WORDS).collect();
    let key = |w: &&str| -> String {
        let k: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if k.is_empty() { w.to_string() } else { k }
    };
    let ka: Vec<String> = wa.iter().map(key).collect();
    let kb: Vec<String> = wb.iter().map(key).collect();
    let mut out: Vec<Change> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(Change { op, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, &wa[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &wa[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &wb[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &wa[old_index..old_index + old_len]);
                push(Op::Insert, &wb[new_index..new_index + new_len]);
            }
        }
    }
    out
}

/// True when a diff replaces words by others (not only cuts, additions or
/// editorial brackets and ellipses): "chapter" → "page".
pub(super) fn substituted(d: &WordDiff) -> bool {
    let editorial = |t: &str| t.contains(['[', ']', '…']) || t.contains("...");
    d.changes.windows(2).any(|w| {
        w[0].op != Op::Equal
            && w[1].op != Op::Equal
            && w[0].op != w[1].op
            && !editorial(&w[0].text)
            && !editorial(&w[1].text)
    })
}

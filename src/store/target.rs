//! The stable names of what can be marked, so a mark finds its item again
//! when the corpus is compared anew (another run, another order of files,
//! a new article added).
//!
//! - A **figure group** is keyed by its measure and label ("troops",
//!   "North Korean troops"): a new article adding an entry to the group
//!   keeps the key. When two groups of one comparison share both (the
//!   same quantity in two stories), each also takes its first entry's
//!   source and sentence hash, which a re-run of the same files keeps.
//! - A **statement group** is keyed by its label (claimer and quote, else
//!   its central sentence), disambiguated the same way.
//! - An **entry** (one figure) by its source, its sentence's hash and the
//!   figure as written; a **sentence** by its source and hash.
//!
//! Keys never hold an index into the comparison, which changes whenever
//! the corpus does.

use super::mark::{Anchor, Target, TargetKind};
use crate::compare::{Comparison, FigureEntry, FigureGroup, StatementGroup};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// The hash a sentence's text is known by: hex of the first 16 bytes of
/// its SHA-256.
pub fn sentence_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

/// How many groups of a comparison share each base key, to know which
/// need their anchor in the key.
fn counts<'a>(keys: impl Iterator<Item = String> + 'a) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    for k in keys {
        *out.entry(k).or_insert(0) += 1;
    }
    out
}

fn figure_base(g: &FigureGroup) -> String {
    format!("figure:{}\u{1f}{}", g.measure, g.label)
}

fn statement_base(g: &StatementGroup) -> String {
    format!("statement:{}", g.label)
}

/// The key of every figure group of `cmp`, in order.
pub fn figure_group_keys(cmp: &Comparison) -> Vec<String> {
    let n = counts(cmp.figures.iter().map(figure_base));
    cmp.figures
        .iter()
        .map(|g| {
            let base = figure_base(g);
            match g.entries.first() {
                Some(e) if n[&base] > 1 => {
                    format!("{base}@{}#{}", e.source, sentence_hash(&e.sentence))
                }
                _ => base,
            }
        })
        .collect()
}

/// The key of every statement group of `cmp`, in order.
pub fn statement_group_keys(cmp: &Comparison) -> Vec<String> {
    let n = counts(cmp.statements.iter().map(statement_base));
    cmp.statements
        .iter()
        .map(|g| {
            let base = statement_base(g);
            match g.entries.first() {
                Some(e) if n[&base] > 1 => {
                    format!("{base}@{}#{}", e.source, sentence_hash(&e.sentence))
                }
                _ => base,
            }
        })
        .collect()
}

pub fn entry_key(e: &FigureEntry) -> String {
    format!(
        "entry:{}#{}#{}",
        e.source,
        sentence_hash(&e.sentence),
        e.text
    )
}

pub fn sentence_key(source: &str, sentence: &str) -> String {
    format!("sentence:{source}#{}", sentence_hash(sentence))
}

/// Figure group `i` of `cmp` as a target (None past the end).
pub fn figure_group(cmp: &Comparison, i: usize) -> Option<Target> {
    let g = cmp.figures.get(i)?;
    Some(Target {
        kind: TargetKind::FigureGroup,
        key: figure_group_keys(cmp).swap_remove(i),
        label: g.label.clone(),
        anchors: anchors(g.entries.iter().map(|e| (&*e.source, &*e.sentence))),
    })
}

/// Statement group `i` of `cmp` as a target.
pub fn statement_group(cmp: &Comparison, i: usize) -> Option<Target> {
    let g = cmp.statements.get(i)?;
    Some(Target {
        kind: TargetKind::StatementGroup,
        key: statement_group_keys(cmp).swap_remove(i),
        label: g.label.to_string(),
        anchors: anchors(g.entries.iter().map(|e| (&*e.source, &*e.sentence))),
    })
}

/// One figure entry as a target.
pub fn entry(e: &FigureEntry) -> Target {
    Target {
        kind: TargetKind::Entry,
        key: entry_key(e),
        label: format!("{} ({})", e.text, e.display),
        anchors: vec![Anchor::new(&e.source, &e.sentence)],
    }
}

/// One sentence of a source as a target.
pub fn sentence(source: &str, display: &str, text: &str) -> Target {
    Target {
        kind: TargetKind::Sentence,
        key: sentence_key(source, text),
        label: format!("{display}: {text}"),
        anchors: vec![Anchor::new(source, text)],
    }
}

/// The distinct sentences of a group, in order.
fn anchors<'a>(sentences: impl Iterator<Item = (&'a str, &'a str)>) -> Vec<Anchor> {
    let mut out: Vec<Anchor> = Vec::new();
    for (source, text) in sentences {
        let a = Anchor::new(source, text);
        if !out.contains(&a) {
            out.push(a);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_hash_is_stable_and_tells_texts_apart() {
        assert_eq!(sentence_hash("a"), sentence_hash("a"));
        assert_ne!(sentence_hash("a"), sentence_hash("a "));
        assert_eq!(sentence_hash("").len(), 32);
        // SHA-256 of "abc", first 16 bytes: a known value, so the keys of
        // stores already written never change under a new build.
        assert_eq!(sentence_hash("abc"), "ba7816bf8f01cfea414140de5dae2223");
    }
}

//! A checker's corrections to the stories the clustering found: a source
//! moved into another story or into one of its own, a story merged into
//! another. They name documents by source, never by story number (which
//! changes whenever the corpus does), and are replayed in order over each
//! new clustering, so a source added later is still clustered as usual.

use crate::corpus::Corpus;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;

use super::copies::Copies;

/// One correction of the stories.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "edit", rename_all = "snake_case")]
pub enum StoryEdit {
    /// The document `source` joins the story of the document `to`; with
    /// `to` none, a story of its own.
    Move { source: String, to: Option<String> },
    /// Every document of the story of `source` joins the story of `into`.
    Merge { source: String, into: String },
}

/// Applies `edits` in order to `story` (a story key per document: equal
/// keys, one story). An edit naming a source the corpus does not hold is
/// skipped. A copy stays in its origin's story whatever the edits say: it
/// is one source with it.
pub(super) fn apply(corpus: &Corpus, copies: &Copies, edits: &[StoryEdit], story: &mut [usize]) {
    if edits.is_empty() {
        return;
    }
    let index: HashMap<&str, usize> = corpus
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| (d.source.as_str(), i))
        .collect();
    let n = story.len();
    let doc = |s: &str| index.get(s).copied().filter(|&d| d < n);
    // Keys of new stories: past every key the clustering can give.
    let mut fresh = story.iter().copied().max().unwrap_or(0);
    for edit in edits {
        match edit {
            StoryEdit::Move { source, to } => {
                let Some(d) = doc(source) else { continue };
                story[d] = match to {
                    Some(t) => match doc(t) {
                        Some(t) => story[t],
                        None => continue,
                    },
                    None => {
                        fresh += 1;
                        fresh
                    }
                };
            }
            StoryEdit::Merge { source, into } => {
                let (Some(a), Some(b)) = (doc(source), doc(into)) else {
                    continue;
                };
                let (from, to) = (story[a], story[b]);
                for s in story.iter_mut().filter(|s| **s == from) {
                    *s = to;
                }
            }
        }
    }
    for d in 0..story.len() {
        let o = copies.origin.get(d).copied().unwrap_or(d);
        if o != d && o < story.len() {
            story[d] = story[o];
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus(names: &[&str]) -> Corpus {
        let named = names.iter().map(|n| (*n, "One sentence here.".as_bytes()));
        Corpus {
            documents: crate::load::load_named(named).documents,
        }
    }

    fn mv(source: &str, to: Option<&str>) -> StoryEdit {
        StoryEdit::Move {
            source: source.into(),
            to: to.map(Into::into),
        }
    }

    #[test]
    fn moves_merges_and_splits_in_order() {
        let c = corpus(&["a.txt", "b.txt", "c.txt", "d.txt"]);
        let copies = Copies::none(4);
        let mut story = vec![0, 0, 2, 3];
        apply(&c, &copies, &[mv("b.txt", Some("c.txt"))], &mut story);
        assert_eq!(story, [0, 2, 2, 3]);
        let merge = StoryEdit::Merge {
            source: "d.txt".into(),
            into: "a.txt".into(),
        };
        apply(&c, &copies, &[merge], &mut story);
        assert_eq!(story, [0, 2, 2, 0]);
        apply(&c, &copies, &[mv("c.txt", None)], &mut story);
        assert_eq!(story[..2], [0, 2]);
        assert!(
            ![0, 1, 3].iter().any(|&d| story[d] == story[2]),
            "a new key, no other document's: {story:?}"
        );
    }

    #[test]
    fn unknown_sources_are_skipped_and_copies_follow_their_origin() {
        let c = corpus(&["a.txt", "b.txt", "c.txt"]);
        let copies = Copies {
            origin: vec![0, 1, 0],
        };
        let mut story = vec![0, 1, 0];
        apply(
            &c,
            &copies,
            &[
                mv("gone.txt", Some("a.txt")),
                mv("a.txt", Some("gone.txt")),
                mv("a.txt", Some("b.txt")),
            ],
            &mut story,
        );
        assert_eq!(story, [1, 1, 1]);
    }
}

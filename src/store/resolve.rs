//! Marks matched to the corpus as loaded now. A mark is **stale** when a
//! sentence it was made on is no longer in its source (the article was
//! edited on disk): it is then shown as stale on its group, and a mark on
//! one sentence is listed apart instead of moving to another sentence.

use super::mark::Mark;
use crate::Corpus;
use std::collections::{HashMap, HashSet};

/// A mark and whether it still stands on the text it was made on.
#[derive(Debug, Clone, Copy)]
pub struct Resolved<'a> {
    pub mark: &'a Mark,
    pub stale: bool,
}

/// The marks of a store, looked up by key, with what the corpus holds of
/// the sentences they were made on.
#[derive(Debug, Clone, Default)]
pub struct MarkIndex {
    marks: Vec<Mark>,
    by_key: HashMap<String, usize>,
    /// The sentence hashes of each loaded source some mark stands on.
    present: HashMap<String, HashSet<String>>,
    /// Every loaded source's name.
    loaded: HashSet<String>,
}

impl MarkIndex {
    pub fn new(marks: Vec<Mark>, corpus: &Corpus) -> MarkIndex {
        let mut index = MarkIndex {
            loaded: corpus.documents.iter().map(|d| d.source.clone()).collect(),
            ..MarkIndex::default()
        };
        let wanted: HashSet<&str> = marks
            .iter()
            .flat_map(|m| &m.anchors)
            .map(|a| a.source.as_str())
            .collect();
        for d in corpus
            .documents
            .iter()
            .filter(|d| wanted.contains(d.source.as_str()))
        {
            let hashes = (0..d.sentences.len())
                .map(|i| super::sentence_hash(d.sentence_text(i)))
                .collect();
            index.present.insert(d.source.clone(), hashes);
        }
        for m in marks {
            index.by_key.insert(m.key.clone(), index.marks.len());
            index.marks.push(m);
        }
        index
    }

    /// Adds or replaces a mark (after the store wrote it): its anchors
    /// were read from the loaded corpus, so they are present.
    pub fn insert(&mut self, mark: Mark) {
        for a in &mark.anchors {
            self.present
                .entry(a.source.clone())
                .or_default()
                .insert(a.hash.clone());
        }
        match self.by_key.get(&mark.key) {
            Some(&i) => self.marks[i] = mark,
            None => {
                self.by_key.insert(mark.key.clone(), self.marks.len());
                self.marks.push(mark);
            }
        }
    }

    pub fn get(&self, key: &str) -> Option<Resolved<'_>> {
        let mark = &self.marks[*self.by_key.get(key)?];
        Some(Resolved {
            mark,
            stale: self.is_stale(mark),
        })
    }

    /// Every mark, oldest change first.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Whether a sentence the mark was made on has gone from its loaded
    /// source. A sentence of a source that is not loaded says nothing.
    pub fn is_stale(&self, mark: &Mark) -> bool {
        mark.anchors.iter().any(|a| {
            self.loaded.contains(&a.source)
                && !self
                    .present
                    .get(&a.source)
                    .is_some_and(|h| h.contains(&a.hash))
        })
    }

    /// Whether some sentence the mark stands on is in the loaded corpus.
    pub fn concerns_corpus(&self, mark: &Mark) -> bool {
        mark.anchors.iter().any(|a| self.loaded.contains(&a.source))
    }
}

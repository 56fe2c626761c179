//! Interned strings for the entries of a comparison: hundreds of thousands
//! of entries point at one allocation per sentence, document and claimer
//! instead of owning copies.

use rustc_hash::FxHashSet as HashSet;
use std::sync::Arc;

use super::copies::Copies;
use crate::corpus::Corpus;

/// The names of one document, shared by its entries.
#[derive(Clone)]
pub(crate) struct DocNames {
    pub(crate) source: Arc<str>,
    pub(crate) outlet: Option<Arc<str>>,
    /// Outlet name for display: the outlet, else the file name.
    pub(crate) display: Arc<str>,
    pub(crate) title: Option<Arc<str>>,
    /// The publication date as the document gives it.
    pub(crate) date: Option<Arc<str>>,
    pub(crate) url: Option<Arc<str>>,
    /// The sources of the document's copies (see `copies.rs`).
    pub(crate) also_at: Arc<[Arc<str>]>,
}

/// The interned strings of one comparison.
pub(crate) struct Strings {
    docs: Vec<Option<DocNames>>,
    copies: Copies,
    /// Per document, per sentence.
    sentences: Vec<Vec<Option<Arc<str>>>>,
    names: HashSet<Arc<str>>,
}

impl Strings {
    pub(crate) fn new(corpus: &Corpus, copies: &Copies) -> Self {
        let n = corpus.documents.len();
        Strings {
            docs: vec![None; n],
            copies: copies.clone(),
            sentences: vec![Vec::new(); n],
            names: HashSet::default(),
        }
    }

    /// The names of document `d`.
    pub(crate) fn doc(&mut self, corpus: &Corpus, d: usize) -> DocNames {
        let doc = &corpus.documents[d];
        if d >= self.docs.len() {
            self.docs.resize(d + 1, None);
        }
        if self.docs[d].is_none() {
            let also_at = self
                .copies
                .copies_of(d)
                .filter_map(|c| corpus.documents.get(c))
                .map(|c| Arc::from(c.source.as_str()))
                .collect();
            self.docs[d] = Some(DocNames {
                source: Arc::from(doc.source.as_str()),
                outlet: doc.outlet.as_deref().map(Arc::from),
                display: Arc::from(doc.display_name()),
                title: doc.title.as_deref().map(Arc::from),
                date: doc.date.as_deref().map(Arc::from),
                url: doc.url.as_deref().map(Arc::from),
                also_at,
            });
        }
        self.docs[d].clone().expect("filled above")
    }

    /// The text of sentence `s` of document `d`.
    pub(crate) fn sentence(&mut self, d: usize, doc: &crate::Document, s: usize) -> Arc<str> {
        if d >= self.sentences.len() {
            self.sentences.resize(d + 1, Vec::new());
        }
        let list = &mut self.sentences[d];
        if list.len() <= s {
            list.resize(doc.sentences.len().max(s + 1), None);
        }
        list[s]
            .get_or_insert_with(|| Arc::from(doc.sentence_text(s)))
            .clone()
    }

    /// The document `d` is a copy of, or `d`.
    pub(crate) fn origin(&self, d: usize) -> usize {
        self.copies.origin.get(d).copied().unwrap_or(d)
    }

    /// A claimer name or role.
    pub(crate) fn name(&mut self, name: &str) -> Arc<str> {
        if let Some(n) = self.names.get(name) {
            return n.clone();
        }
        let n: Arc<str> = Arc::from(name);
        self.names.insert(n.clone());
        n
    }
}

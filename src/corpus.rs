//! A loaded corpus and the index that addresses every sentence as
//! (document, sentence).

use crate::document::Document;
use crate::load::{self, Loaded};

/// The five seed articles, embedded so the binary works from any directory.
pub const SEEDS: &[(&str, &str)] = &[
    (
        "000_41db1b6327612eac.txt",
        include_str!("../seeds/000_41db1b6327612eac.txt"),
    ),
    (
        "001_43ad6872aaa5aaa8.txt",
        include_str!("../seeds/001_43ad6872aaa5aaa8.txt"),
    ),
    (
        "002_3b829d3d25381edc.txt",
        include_str!("../seeds/002_3b829d3d25381edc.txt"),
    ),
    (
        "003_8bc150cff370669c.txt",
        include_str!("../seeds/003_8bc150cff370669c.txt"),
    ),
    (
        "004_e51b7a29b7724d29.txt",
        include_str!("../seeds/004_e51b7a29b7724d29.txt"),
    ),
];

/// A sentence's address in a corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SentenceId {
    pub doc: usize,
    pub sentence: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
}

impl Corpus {
    /// Each document's publication day as a day number ([`crate::date`]),
    /// where its date can be read.
    pub fn publication_days(&self) -> Vec<Option<i64>> {
        self.documents
            .iter()
            .map(|d| {
                d.date
                    .as_deref()
                    .and_then(crate::date::parse)
                    .map(|d| d.number())
            })
            .collect()
    }

    /// The bundled seed corpus.
    pub fn seeds() -> Corpus {
        let Loaded { documents, .. } =
            load::load_named(SEEDS.iter().map(|&(name, text)| (name, text.as_bytes())));
        Corpus { documents }
    }

    pub fn document(&self, id: SentenceId) -> &Document {
        &self.documents[id.doc]
    }

    pub fn sentence_text(&self, id: SentenceId) -> &str {
        self.documents[id.doc].sentence_text(id.sentence)
    }

    /// Every sentence of every document, in corpus order.
    pub fn sentence_ids(&self) -> impl Iterator<Item = SentenceId> + '_ {
        self.documents.iter().enumerate().flat_map(|(doc, d)| {
            (0..d.sentences.len()).map(move |sentence| SentenceId { doc, sentence })
        })
    }

    pub fn sentence_count(&self) -> usize {
        self.documents.iter().map(|d| d.sentences.len()).sum()
    }
}

//! What the comparison reads of an analysis: the figures, and per claim its
//! claimer names and quotes. Attribution records (spans, cues, patterns)
//! are the larger part of an analysis and are not kept, so a large corpus
//! can be analyzed and reduced document by document without ever holding
//! every full analysis.

use std::borrow::Cow;

use rayon::prelude::*;

use crate::analysis::{Analysis, ClaimKind, DocAnalysis, FoundFigure, analyze_document};
use crate::corpus::Corpus;

/// The facts of every document of a corpus, for [`super::compare_facts`].
pub struct Facts<'a> {
    /// One per corpus document, in the same order.
    pub(super) docs: Vec<DocFacts<'a>>,
}

impl Facts<'static> {
    /// Analyzes every document in parallel, keeping only its facts.
    pub fn analyze(corpus: &Corpus) -> Self {
        Facts {
            docs: corpus
                .documents
                .par_iter()
                .map(|d| DocFacts::owned(analyze_document(d)))
                .collect(),
        }
    }
}

impl<'a> Facts<'a> {
    /// The facts of `analysis`, borrowing its figures (documents missing
    /// from it have none).
    pub fn of(corpus: &Corpus, analysis: &'a Analysis) -> Self {
        Facts {
            docs: (0..corpus.documents.len())
                .map(|d| {
                    analysis
                        .docs
                        .get(d)
                        .map_or_else(Default::default, DocFacts::borrowed)
                })
                .collect(),
        }
    }
}

#[derive(Default)]
pub(super) struct DocFacts<'a> {
    pub(super) figures: Cow<'a, [FoundFigure]>,
    /// The document's claims, sorted by sentence (one per sentence).
    pub(super) claims: Vec<ClaimFacts>,
    pub(super) quotes: Vec<QuoteFacts>,
}

/// A claim: a sentence with a figure, a quote or an attribution.
pub(super) struct ClaimFacts {
    pub(super) sentence: usize,
    pub(super) figure: bool,
    /// Every claimer of the sentence, in order, without repeats.
    pub(super) claimers: Vec<String>,
    /// The main claimer: an index into `claimers`.
    pub(super) claimer: Option<usize>,
    /// Indices into the document's quotes: those in the sentence.
    pub(super) quotes: Vec<usize>,
}

impl ClaimFacts {
    /// The kinds, as `analysis::Claim::kinds` lists them (a sentence is
    /// attributed exactly when it has a claimer).
    pub(super) fn kinds(&self) -> impl Iterator<Item = ClaimKind> + '_ {
        ClaimKind::ALL.into_iter().filter(|k| match k {
            ClaimKind::Figure => self.figure,
            ClaimKind::Quote => !self.quotes.is_empty(),
            ClaimKind::Attribution => !self.claimers.is_empty(),
        })
    }
}

pub(super) struct QuoteFacts {
    pub(super) text: String,
    pub(super) speaker: Option<String>,
}

impl<'a> DocFacts<'a> {
    fn borrowed(a: &'a DocAnalysis) -> Self {
        let (claims, quotes) = claims_and_quotes(a);
        DocFacts {
            figures: Cow::Borrowed(&a.figures),
            claims,
            quotes,
        }
    }

    /// The claim of `sentence`, if it is one.
    pub(super) fn claim(&self, sentence: usize) -> Option<&ClaimFacts> {
        self.claims
            .binary_search_by_key(&sentence, |c| c.sentence)
            .ok()
            .map(|i| &self.claims[i])
    }
}

impl DocFacts<'static> {
    fn owned(a: DocAnalysis) -> Self {
        let (claims, quotes) = claims_and_quotes(&a);
        DocFacts {
            figures: Cow::Owned(a.figures),
            claims,
            quotes,
        }
    }
}

fn claims_and_quotes(a: &DocAnalysis) -> (Vec<ClaimFacts>, Vec<QuoteFacts>) {
    let claims = a
        .claims
        .iter()
        .map(|c| {
            let claimers: Vec<String> = a
                .attribution
                .sentence_claimers(c.sentence)
                .into_iter()
                .map(|k| k.name.clone())
                .collect();
            let claimer = c
                .claimer
                .as_ref()
                .and_then(|k| claimers.iter().position(|n| *n == k.name));
            ClaimFacts {
                sentence: c.sentence,
                figure: c.kinds.contains(&ClaimKind::Figure),
                claimers,
                claimer,
                quotes: c.quotes.clone(),
            }
        })
        .collect();
    let quotes = a
        .attribution
        .quotes
        .iter()
        .map(|q| QuoteFacts {
            text: q.text.clone(),
            speaker: q.speaker.as_ref().map(|s| s.name.clone()),
        })
        .collect();
    (claims, quotes)
}

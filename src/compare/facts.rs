//! What the comparison reads of an analysis: the figures, and per claim its
//! claimer names and quotes. Attribution records (spans, cues, patterns)
//! are the larger part of an analysis and are not kept, so a large corpus
//! can be analyzed and reduced document by document without ever holding
//! every full analysis.

use std::borrow::Cow;

use rayon::prelude::*;

use super::copies::Copies;
use super::repeats::Repeats;
use crate::analysis::{Analysis, ClaimKind, DocAnalysis, FoundFigure, analyze_document};
use crate::corpus::Corpus;
use crate::figures::Figure;

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
    /// Leaves copies and chrome paragraphs out: their sentences are
    /// skipped, their figures and claims dropped.
    pub(super) fn restrict(&mut self, corpus: &Corpus, copies: &Copies, repeats: &Repeats) {
        for (d, (doc, f)) in corpus.documents.iter().zip(&mut self.docs).enumerate() {
            let copy = copies.is_copy(d);
            let skipped: Vec<bool> = doc
                .sentences
                .iter()
                .map(|s| copy || repeats.is_chrome(d, s.paragraph))
                .collect();
            if !skipped.contains(&true) {
                continue;
            }
            let skips = |s: usize| skipped.get(s).copied().unwrap_or(false);
            if f.figures.iter().any(|x| skips(x.sentence)) {
                f.figures = Cow::Owned(
                    f.figures
                        .iter()
                        .filter(|x| !skips(x.sentence))
                        .cloned()
                        .collect(),
                );
            }
            f.claims.retain(|c| !skips(c.sentence));
            f.skipped = skipped;
        }
    }

    /// Each document's figures, as the extractor read them.
    pub fn figures(&self) -> Vec<Vec<Figure>> {
        self.docs
            .iter()
            .map(|d| d.figures.iter().map(|f| f.figure.clone()).collect())
            .collect()
    }

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
    /// Sentences that take no part in the comparison (chrome, or the whole
    /// document when it is a copy); empty when none.
    pub(super) skipped: Vec<bool>,
    pub(super) figures: Cow<'a, [FoundFigure]>,
    /// The document's claims, sorted by sentence (one per sentence).
    pub(super) claims: Vec<ClaimFacts<'a>>,
    pub(super) quotes: Vec<QuoteFacts<'a>>,
}

/// A claim: a sentence with a figure, a quote or an attribution. Boxed
/// slices, not vectors: there are hundreds of thousands.
pub(super) struct ClaimFacts<'a> {
    pub(super) sentence: usize,
    pub(super) figure: bool,
    /// Every claimer of the sentence, in order, without repeats.
    pub(super) claimers: Box<[Cow<'a, str>]>,
    /// The main claimer: an index into `claimers`.
    pub(super) claimer: Option<usize>,
    /// Indices into the document's quotes: those in the sentence.
    pub(super) quotes: Box<[usize]>,
}

impl ClaimFacts<'_> {
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

pub(super) struct QuoteFacts<'a> {
    pub(super) text: Cow<'a, str>,
    pub(super) speaker: Option<Cow<'a, str>>,
}

impl<'a> DocFacts<'a> {
    /// Borrows the figures and the names and quotes of `a`.
    fn borrowed(a: &'a DocAnalysis) -> Self {
        let claims = a
            .claims
            .iter()
            .map(|c| {
                let claimers: Box<[Cow<str>]> = a
                    .attribution
                    .sentence_claimers(c.sentence)
                    .into_iter()
                    .map(|k| Cow::Borrowed(k.name.as_str()))
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
                    quotes: c.quotes.as_slice().into(),
                }
            })
            .collect();
        let quotes = a
            .attribution
            .quotes
            .iter()
            .map(|q| QuoteFacts {
                text: Cow::Borrowed(&q.text),
                speaker: q.speaker.as_ref().map(|s| Cow::Borrowed(s.name.as_str())),
            })
            .collect();
        DocFacts {
            skipped: Vec::new(),
            figures: Cow::Borrowed(&a.figures),
            claims,
            quotes,
        }
    }

    /// Whether `sentence` is left out of the comparison.
    pub(super) fn skips(&self, sentence: usize) -> bool {
        self.skipped.get(sentence).copied().unwrap_or(false)
    }

    /// The claim of `sentence`, if it is one.
    pub(super) fn claim(&self, sentence: usize) -> Option<&ClaimFacts<'a>> {
        self.claims
            .binary_search_by_key(&sentence, |c| c.sentence)
            .ok()
            .map(|i| &self.claims[i])
    }
}

impl DocFacts<'static> {
    /// The facts of `a`, which is freed.
    fn owned(a: DocAnalysis) -> Self {
        let own = |s: Cow<str>| Cow::Owned(s.into_owned());
        let DocFacts { claims, quotes, .. } = DocFacts::borrowed(&a);
        let claims = claims
            .into_iter()
            .map(|c| ClaimFacts {
                claimers: c.claimers.into_iter().map(own).collect(),
                ..c
            })
            .collect();
        let quotes = quotes
            .into_iter()
            .map(|q| QuoteFacts {
                text: own(q.text),
                speaker: q.speaker.map(own),
            })
            .collect();
        DocFacts {
            skipped: Vec::new(),
            figures: Cow::Owned(a.figures),
            claims,
            quotes,
        }
    }
}

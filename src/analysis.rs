//! Per-document analysis: figures with their claimers, quotes, and claims
//! (sentences with a figure, a quote or an attribution).

use crate::attribution::{self, Claimer, DocAttribution};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::figures::{self, Figure};
use rayon::prelude::*;
use serde::Serialize;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

/// The version of what [`analyze_document`] finds, for caches of it: a
/// change to its results must raise it. (A cache also records the build
/// that wrote it and is not read by another, so a forgotten raise costs a
/// rebuild of the cache, never a wrong result.)
pub const ANALYSIS_VERSION: u32 = 3;

/// A figure in its sentence, with who the sentence attributes it to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FoundFigure {
    pub sentence: usize,
    pub figure: Figure,
    pub claimer: Option<Claimer>,
}

impl FoundFigure {
    /// The figure's byte span in the document text.
    pub fn doc_span(&self, doc: &Document) -> Range<usize> {
        let base = doc.sentences[self.sentence].span.start;
        base + self.figure.span.start..base + self.figure.span.end
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Figure,
    Quote,
    Attribution,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 3] = [ClaimKind::Figure, ClaimKind::Quote, ClaimKind::Attribution];

    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Figure => "figure",
            ClaimKind::Quote => "quote",
            ClaimKind::Attribution => "attribution",
        }
    }
}

/// A sentence that matters: it holds a figure, a quote or an attribution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub sentence: usize,
    pub kinds: Vec<ClaimKind>,
    pub claimer: Option<Claimer>,
    /// Indices into the document's quotes.
    pub quotes: Vec<usize>,
    /// Indices into the document's figures.
    pub figures: Vec<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct DocAnalysis {
    pub attribution: DocAttribution,
    pub figures: Vec<FoundFigure>,
    pub claims: Vec<Claim>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Analysis {
    /// One per corpus document, in the same order.
    pub docs: Vec<DocAnalysis>,
}

impl Analysis {
    /// Figure `index` of document `doc`, if both exist.
    pub fn figure(&self, doc: usize, index: usize) -> Option<&Figure> {
        Some(&self.docs.get(doc)?.figures.get(index)?.figure)
    }
}

/// Builds the lexicons and patterns analysis compiles on first use (tens of
/// milliseconds, mostly regexes) on the worker threads, in the background.
/// Called before a corpus is listed and read, they are ready by the time
/// the first document is, instead of one worker building them while the
/// other waits.
pub fn prepare() {
    rayon::spawn(crate::boilerplate::prepare);
    rayon::spawn(|| {
        crate::figures::lexicon::prepare();
        crate::attribution::prepare();
        crate::segment::prepare();
        crate::outlet::prepare();
    });
}

/// Analyzes every document, in parallel.
pub fn analyze(corpus: &Corpus) -> Analysis {
    analyze_with_progress(corpus, &AtomicUsize::new(0))
}

/// As [`analyze`], counting analyzed documents into `done` for a progress
/// display on another thread.
pub fn analyze_with_progress(corpus: &Corpus, done: &AtomicUsize) -> Analysis {
    Analysis {
        docs: corpus
            .documents
            .par_iter()
            .map(|d| {
                let a = analyze_document(d);
                done.fetch_add(1, Ordering::Relaxed);
                a
            })
            .collect(),
    }
}

pub fn analyze_document(doc: &Document) -> DocAnalysis {
    let attribution = attribution::analyze(&doc.text, &sentence_spans(doc));
    let figures = found_figures(doc, &attribution);
    let claims = claims(doc, &attribution, &figures);
    DocAnalysis {
        attribution,
        figures,
        claims,
    }
}

/// A document's figures with their claimers, as [`analyze_document`] finds
/// them, without the claims (for a caller that only lists figures).
pub fn document_figures(doc: &Document) -> Vec<FoundFigure> {
    let attribution = attribution::analyze(&doc.text, &sentence_spans(doc));
    found_figures(doc, &attribution)
}

fn sentence_spans(doc: &Document) -> Vec<Range<usize>> {
    doc.sentences.iter().map(|s| s.span.clone()).collect()
}

/// Every figure of the document, in sentence order.
fn found_figures(doc: &Document, attribution: &DocAttribution) -> Vec<FoundFigure> {
    let mut figures = Vec::new();
    for (i, s) in doc.sentences.iter().enumerate() {
        for figure in figures::extract_figures(&doc.text[s.span.clone()]) {
            let claimer = attribution.claimer_at(i, figure.span.start).cloned();
            figures.push(FoundFigure {
                sentence: i,
                figure,
                claimer,
            });
        }
    }
    figures
}

/// The sentences with a figure, a quote or an attribution.
fn claims(doc: &Document, attribution: &DocAttribution, figures: &[FoundFigure]) -> Vec<Claim> {
    // The quotes of each sentence, in one pass: quotes do not overlap, so
    // this is linear (filtering every quote for every sentence was
    // quadratic on a long run of quoted sentences).
    let mut quotes_of: Vec<Vec<usize>> = vec![Vec::new(); doc.sentences.len()];
    for (qi, q) in attribution.quotes.iter().enumerate() {
        for list in quotes_of
            .iter_mut()
            .take(q.last_sentence.saturating_add(1))
            .skip(q.first_sentence)
        {
            list.push(qi);
        }
    }
    let mut claims = Vec::new();
    let mut next_figure = 0;
    for (i, quotes) in quotes_of.into_iter().enumerate() {
        let first_figure = next_figure;
        while figures.get(next_figure).is_some_and(|f| f.sentence == i) {
            next_figure += 1;
        }
        let attributed = attribution.sentences.get(i).is_some_and(|a| !a.is_empty());
        let mut kinds = Vec::new();
        if next_figure > first_figure {
            kinds.push(ClaimKind::Figure);
        }
        if !quotes.is_empty() {
            kinds.push(ClaimKind::Quote);
        }
        if attributed {
            kinds.push(ClaimKind::Attribution);
        }
        if !kinds.is_empty() {
            claims.push(Claim {
                sentence: i,
                kinds,
                claimer: attribution.sentence_claimer(i).cloned(),
                quotes,
                figures: (first_figure..next_figure).collect(),
            });
        }
    }
    claims
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> (Corpus, Analysis) {
        let corpus = Corpus::seeds();
        let analysis = analyze(&corpus);
        (corpus, analysis)
    }

    /// (doc prefix, figure text start, claimer name) for the figures a
    /// reader would compare, through the real loader and segmenter.
    #[test]
    fn seed_figures_carry_their_claimers() {
        let (corpus, analysis) = seeds();
        let find = |prefix: &str, text: &str| -> (String, Option<String>, String) {
            let d = corpus
                .documents
                .iter()
                .position(|d| d.source.starts_with(prefix))
                .unwrap();
            let f = analysis.docs[d]
                .figures
                .iter()
                .find(|f| f.figure.text.starts_with(text))
                .unwrap_or_else(|| panic!("{prefix}: no figure {text:?}"));
            (
                f.figure.qualifier.as_str().to_string(),
                f.claimer.as_ref().map(|c| c.name.clone()),
                f.figure.measure.clone(),
            )
        };
        let q = |s: &str| s.to_string();
        assert_eq!(
            find("000", "More than 10,000"),
            (q("more_than"), Some(q("Jeon Ha-kyou")), q("troops"))
        );
        assert_eq!(
            find("001", "an estimated 11,000"),
            (q("approximate"), Some(q("Ukraine")), q("troops"))
        );
        assert_eq!(
            find("001", "some 11,000"),
            (q("approximate"), Some(q("Volodymyr Zelensky")), q("troops"))
        );
        assert_eq!(
            find("002", "up to 12,000"),
            (q("up_to"), Some(q("intelligence assessments")), q("troops"))
        );
        assert_eq!(
            find("002", "at least 10,000"),
            (q("at_least"), Some(q("the Pentagon")), q("troops"))
        );
        assert_eq!(
            find("002", "six dead"),
            (q("exact"), Some(q("Ivan Fedorov")), q("killed"))
        );
        assert_eq!(
            find("002", "23 injured"),
            (q("exact"), Some(q("Ivan Fedorov")), q("injured"))
        );
        assert_eq!(
            find("003", "11,000"),
            (q("exact"), Some(q("Volodymyr Zelensky")), q("troops"))
        );
        assert_eq!(
            find("003", "1,500-kilometer"),
            (q("exact"), Some(q("Kyiv")), q("distance"))
        );
        assert_eq!(
            find("004", "11,000"),
            (q("exact"), Some(q("Volodymyr Zelensky")), q("troops"))
        );
        assert_eq!(
            find("004", "10,000"),
            (q("exact"), Some(q("Matthew Miller")), q("troops"))
        );
        assert_eq!(
            find("004", "more than 900 miles"),
            (q("more_than"), Some(q("Rustem Umerov")), q("distance"))
        );
    }

    #[test]
    fn seed_claims_have_kinds_and_quotes() {
        let (corpus, analysis) = seeds();
        let d = corpus
            .documents
            .iter()
            .position(|d| d.source.starts_with("004"))
            .unwrap();
        let doc = &corpus.documents[d];
        let claim = analysis.docs[d]
            .claims
            .iter()
            .find(|c| {
                doc.sentence_text(c.sentence)
                    .starts_with("“The first battles with North Korean soldiers")
            })
            .unwrap();
        assert_eq!(claim.kinds, vec![ClaimKind::Quote, ClaimKind::Attribution]);
        assert_eq!(claim.claimer.as_ref().unwrap().name, "Volodymyr Zelensky");
        let quote = &analysis.docs[d].attribution.quotes[claim.quotes[0]];
        assert!(quote.text.starts_with("The first battles"));
        assert_eq!(quote.speaker.as_ref().unwrap().name, "Volodymyr Zelensky");
        // A sentence with nothing to claim is not a claim.
        let plain = (0..doc.sentences.len())
            .find(|&i| doc.sentence_text(i).starts_with("It was also signed by"))
            .unwrap();
        assert!(analysis.docs[d].claims.iter().all(|c| c.sentence != plain));
    }

    #[test]
    fn no_date_cart_line_or_world_war_becomes_a_figure() {
        let (corpus, analysis) = seeds();
        for (d, a) in corpus.documents.iter().zip(&analysis.docs) {
            for f in &a.figures {
                for bad in [
                    "November",
                    "Nov.",
                    "World War",
                    "world war",
                    "$0.00",
                    "first",
                ] {
                    assert!(
                        !f.figure.text.contains(bad),
                        "{}: {:?}",
                        d.source,
                        f.figure.text
                    );
                }
            }
        }
    }
}

//! Fuzzy search over every sentence of a corpus, as fzf does it: the query's
//! whitespace-separated terms must all match (each fuzzily, smart case), the
//! best scores first.

use crate::corpus::{Corpus, SentenceId};
use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: SentenceId,
    pub score: i64,
    /// Char indices (not bytes) of the matched characters in the sentence.
    pub indices: Vec<usize>,
}

/// The query's terms; an empty query has none and matches nothing.
fn terms(query: &str) -> Vec<&str> {
    query.split_whitespace().collect()
}

/// Scores one text against all terms: `None` unless every term matches.
fn score(matcher: &SkimMatcherV2, text: &str, terms: &[&str]) -> Option<i64> {
    terms
        .iter()
        .try_fold(0i64, |sum, t| matcher.fuzzy_match(text, t).map(|s| sum + s))
}

/// Matched char indices of all terms, sorted and deduplicated.
pub fn indices(text: &str, query: &str) -> Vec<usize> {
    let matcher = SkimMatcherV2::default().smart_case();
    let mut out: Vec<usize> = terms(query)
        .iter()
        .filter_map(|t| matcher.fuzzy_indices(text, t).map(|(_, i)| i))
        .flatten()
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The best `limit` sentences for `query`, best first; ties keep corpus
/// order.
pub fn search(corpus: &Corpus, query: &str, limit: usize) -> Vec<Hit> {
    top(corpus, query, scored(corpus, query, None), limit)
}

/// Every sentence matching `query` with its score, in corpus order; only
/// among `within` when given. Typing that extends a query only narrows its
/// matches, so a finder passes the previous matches as `within`.
pub fn scored(
    corpus: &Corpus,
    query: &str,
    within: Option<&[SentenceId]>,
) -> Vec<(SentenceId, i64)> {
    let terms = terms(query);
    if terms.is_empty() {
        return Vec::new();
    }
    match within {
        Some(ids) => ids
            .par_iter()
            .map_init(
                || SkimMatcherV2::default().smart_case(),
                |m, &id| score(m, corpus.sentence_text(id), &terms).map(|s| (id, s)),
            )
            .flatten()
            .collect(),
        None => corpus
            .documents
            .par_iter()
            .enumerate()
            .map_init(
                || SkimMatcherV2::default().smart_case(),
                |m, (doc, d)| {
                    (0..d.sentences.len())
                        .filter_map(|sentence| {
                            score(m, d.sentence_text(sentence), &terms)
                                .map(|s| (SentenceId { doc, sentence }, s))
                        })
                        .collect::<Vec<_>>()
                },
            )
            .flatten()
            .collect(),
    }
}

/// The best `limit` of `scored`, best first (ties in corpus order), with
/// their match indices.
pub fn top(
    corpus: &Corpus,
    query: &str,
    mut scored: Vec<(SentenceId, i64)>,
    limit: usize,
) -> Vec<Hit> {
    scored.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    scored.truncate(limit);
    scored
        .into_iter()
        .map(|(id, score)| Hit {
            id,
            score,
            indices: indices(corpus.sentence_text(id), query),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_pentagon_sentence_first() {
        let corpus = Corpus::seeds();
        let hits = search(&corpus, "pentagon 10,000", 5);
        assert!(!hits.is_empty());
        let best = corpus.sentence_text(hits[0].id);
        assert!(
            best.contains("Pentagon") && best.contains("10,000"),
            "{best}"
        );
        // Indices point at the matched characters.
        let chars: Vec<char> = best.chars().collect();
        let matched: String = hits[0].indices.iter().map(|&i| chars[i]).collect();
        assert!(matched.to_lowercase().contains("pentagon"), "{matched}");
    }

    #[test]
    fn all_terms_must_match() {
        let corpus = Corpus::seeds();
        let hits = search(&corpus, "zelensky 11,000", 50);
        assert!(!hits.is_empty());
        for h in &hits {
            let s = corpus.sentence_text(h.id).to_lowercase();
            assert!(s.contains("11"), "{s}");
        }
        assert!(search(&corpus, "zelensky qqqqzzzz", 50).is_empty());
    }

    #[test]
    fn smart_case() {
        let corpus = Corpus::seeds();
        let lower = search(&corpus, "kbs", 100).len();
        let upper = search(&corpus, "KBS", 100).len();
        assert!(lower >= upper && upper > 0);
    }

    #[test]
    fn narrowing_gives_the_same_hits() {
        let corpus = Corpus::seeds();
        let candidates: Vec<SentenceId> = scored(&corpus, "troop", None)
            .into_iter()
            .map(|(id, _)| id)
            .collect();
        let narrowed = top(
            &corpus,
            "troops kursk",
            scored(&corpus, "troops kursk", Some(&candidates)),
            20,
        );
        assert_eq!(narrowed, search(&corpus, "troops kursk", 20));
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert!(search(&Corpus::seeds(), "   ", 10).is_empty());
    }
}

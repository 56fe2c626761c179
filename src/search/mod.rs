//! Search over every sentence of a corpus, as fzf does it: the query's
//! whitespace-separated terms must all match, fuzzily by default, with
//! fzf's extended syntax for exact words, phrases, starts, ends and
//! negations ([`query`]); smart case; the best scores first.

pub mod query;

use query::Term;

use crate::corpus::{Corpus, SentenceId};
use fuzzy_matcher::skim::SkimMatcherV2;
use rayon::prelude::*;
use std::ops::ControlFlow;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub id: SentenceId,
    pub score: i64,
    /// Char indices (not bytes) of the matched characters in the sentence.
    pub indices: Vec<usize>,
}

/// The query's terms ([`query::parse`]), each once, in the order typed: a
/// repeated term matches what it matched the first time, and matching it
/// again cost the whole corpus once more per repeat. An empty query has
/// none and matches nothing.
fn terms(query: &str) -> Vec<Term> {
    query::parse(query)
}

/// Scores one text against all terms: `None` unless every term matches.
fn score(matcher: &SkimMatcherV2, text: &str, terms: &[Term]) -> Option<i64> {
    terms.iter().try_fold(0i64, |sum, t| {
        query::score(matcher, text, t).map(|s| sum + s)
    })
}

/// Matched char indices of all terms, sorted and deduplicated.
fn indices(matcher: &SkimMatcherV2, text: &str, terms: &[Term]) -> Vec<usize> {
    let mut out: Vec<usize> = terms
        .iter()
        .flat_map(|t| query::indices(matcher, text, t))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// The ASCII letters and digits every sentence that matches `terms` must
/// hold (those of the terms that must match).
fn needed_mask(terms: &[Term]) -> u64 {
    terms
        .iter()
        .filter(|t| !t.negated)
        .fold(0, |mask, t| mask | char_mask(&t.text))
}

/// The best `limit` sentences for `query`, best first; ties keep corpus
/// order.
pub fn search(corpus: &Corpus, query: &str, limit: usize) -> Found {
    SearchSession::new(corpus).search(corpus, query, limit)
}

/// The ASCII letters and digits a text holds, case folded, one bit each.
/// The matcher folds ASCII case only, so a term can match a text only if
/// the text's mask holds every bit of the term's.
fn char_mask(text: &str) -> u64 {
    const BITS: [u64; 256] = {
        let mut bits = [0; 256];
        let mut b = 0;
        while b < 256 {
            let lower = (b as u8).to_ascii_lowercase();
            bits[b] = match lower {
                b'a'..=b'z' => 1 << (lower - b'a'),
                b'0'..=b'9' => 1 << (26 + lower - b'0'),
                _ => 0,
            };
            b += 1;
        }
        bits
    };
    text.bytes().fold(0, |mask, b| mask | BITS[usize::from(b)])
}

/// Sentences scored per step of [`SearchSession::search_in_steps`]: a few
/// milliseconds of work, so a newer query never waits long.
const STEP: usize = 4096;

/// A search session: a finder's successive queries over one corpus. Each
/// sentence's `char_mask` is computed once, so most sentences are ruled
/// out without running the matcher; and a query that extends the previous
/// one (the user typed on) is matched only among the previous query's
/// matches.
#[derive(Debug)]
pub struct SearchSession {
    ids: Vec<SentenceId>,
    masks: Vec<u64>,
    /// Candidates per step: [`STEP`], smaller in tests.
    step: usize,
    /// The last query searched to the end, and its matches (indices into
    /// `ids`).
    last: Option<(String, Vec<usize>)>,
}

/// How far a [`SearchSession::search_in_steps`] has got.
pub struct SearchProgress<'a> {
    pub done: usize,
    pub total: usize,
    /// Sentences matched so far.
    pub matched: usize,
    best: &'a [(usize, i64)],
    session: &'a SearchSession,
    corpus: &'a Corpus,
    query: &'a str,
}

impl SearchProgress<'_> {
    /// The best hits so far, best first.
    pub fn hits(&self) -> Vec<Hit> {
        self.session.hits(self.corpus, self.query, self.best)
    }
}

/// What a finished search found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The best hits, at most the limit asked for, best first.
    pub hits: Vec<Hit>,
    /// How many sentences matched in all.
    pub matched: usize,
}

impl SearchSession {
    pub fn new(corpus: &Corpus) -> SearchSession {
        let ids: Vec<SentenceId> = corpus.sentence_ids().collect();
        let masks = ids
            .par_iter()
            .map(|&id| char_mask(corpus.sentence_text(id)))
            .collect();
        SearchSession {
            ids,
            masks,
            step: STEP,
            last: None,
        }
    }

    /// The best `limit` hits for `query`, as [`search`] finds them.
    pub fn search(&mut self, corpus: &Corpus, query: &str, limit: usize) -> Found {
        self.search_in_steps(corpus, query, limit, |_| ControlFlow::Continue(()))
            .expect("the search is never stopped")
    }

    /// As [`search`](Self::search), a step of `STEP` sentences at a time:
    /// after each step but the last, `between` sees the progress (and can
    /// show the best hits so far) and may stop the search, which then
    /// returns `None`.
    pub fn search_in_steps(
        &mut self,
        corpus: &Corpus,
        query: &str,
        limit: usize,
        mut between: impl FnMut(&SearchProgress) -> ControlFlow<()>,
    ) -> Option<Found> {
        let terms = terms(query);
        if terms.is_empty() {
            self.last = None;
            return Some(Found::default());
        }
        let need = needed_mask(&terms);
        let possible = |&i: &usize| self.masks[i] & need == need;
        let candidates: Vec<usize> = match &self.last {
            Some((prev, matched)) if query::narrows(&query::parse(prev), &terms) => {
                matched.iter().copied().filter(possible).collect()
            }
            _ => (0..self.ids.len()).filter(possible).collect(),
        };
        let mut matched = Vec::new();
        let mut best: Vec<(usize, i64)> = Vec::new();
        let steps = candidates.chunks(self.step);
        let last_step = steps.len().saturating_sub(1);
        for (n, step) in steps.enumerate() {
            let scored: Vec<(usize, i64)> = step
                .par_iter()
                .map_init(
                    || SkimMatcherV2::default().smart_case(),
                    |m, &i| score(m, corpus.sentence_text(self.ids[i]), &terms).map(|s| (i, s)),
                )
                .flatten()
                .collect();
            matched.extend(scored.iter().map(|&(i, _)| i));
            best.extend(scored);
            // Best first; ties in corpus order, which is the order of `ids`.
            best.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            best.truncate(limit);
            if n < last_step {
                let progress = SearchProgress {
                    done: (n + 1) * self.step,
                    total: candidates.len(),
                    matched: matched.len(),
                    best: &best,
                    session: self,
                    corpus,
                    query,
                };
                if between(&progress).is_break() {
                    return None;
                }
            }
        }
        let found = Found {
            hits: self.hits(corpus, query, &best),
            matched: matched.len(),
        };
        self.last = Some((query.to_string(), matched));
        Some(found)
    }

    fn hits(&self, corpus: &Corpus, query: &str, best: &[(usize, i64)]) -> Vec<Hit> {
        let matcher = SkimMatcherV2::default().smart_case();
        let terms = terms(query);
        best.iter()
            .map(|&(i, score)| {
                let id = self.ids[i];
                Hit {
                    id,
                    score,
                    indices: indices(&matcher, corpus.sentence_text(id), &terms),
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_pentagon_sentence_first() {
        let corpus = Corpus::seeds();
        let hits = search(&corpus, "pentagon 10,000", 5).hits;
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
        let hits = search(&corpus, "zelensky 11,000", 50).hits;
        assert!(!hits.is_empty());
        for h in &hits {
            let s = corpus.sentence_text(h.id).to_lowercase();
            assert!(s.contains("11"), "{s}");
        }
        assert!(search(&corpus, "zelensky qqqqzzzz", 50).hits.is_empty());
    }

    #[test]
    fn smart_case() {
        let corpus = Corpus::seeds();
        let lower = search(&corpus, "kbs", 100).matched;
        let upper = search(&corpus, "KBS", 100).matched;
        assert!(lower > upper && upper > 0, "{lower} {upper}");
    }

    /// Every sentence scored by the matcher, no masks, no narrowing.
    fn reference(corpus: &Corpus, query: &str, limit: usize) -> Found {
        let m = SkimMatcherV2::default().smart_case();
        let terms = terms(query);
        let mut all: Vec<(SentenceId, i64)> = corpus
            .sentence_ids()
            .filter(|_| !terms.is_empty())
            .filter_map(|id| score(&m, corpus.sentence_text(id), &terms).map(|s| (id, s)))
            .collect();
        let matched = all.len();
        all.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        all.truncate(limit);
        let hits = all
            .into_iter()
            .map(|(id, score)| Hit {
                id,
                score,
                indices: indices(&m, corpus.sentence_text(id), &terms),
            })
            .collect();
        Found { hits, matched }
    }

    #[test]
    fn masks_steps_and_narrowing_find_what_the_matcher_finds() {
        let corpus = Corpus::seeds();
        let mut finder = SearchSession::new(&corpus);
        finder.step = 7;
        // Typed a key at a time, then edited: each answer must be the
        // full search's, whether narrowed or fresh.
        let typed = [
            "t",
            "tr",
            "tro",
            "troops",
            "troops ",
            "troops k",
            "troops kursk",
            "troops k",
            "KBS",
            "kbs",
            "11,000",
            "11,000 z",
            "Zelensky’s",
            "'",
            "'tro",
            "'troops",
            "'troops'",
            "'troops' k",
            "'troops' !k",
            "'troops' !ku",
            "^the",
            "^the n",
            "kursk$",
            "\"north kor",
            "\"north korean troops\"",
            "!a",
            "!ab",
            "ç",
            "q",
            "",
            "e",
        ];
        for query in typed {
            let want = reference(&corpus, query, 30);
            assert_eq!(finder.search(&corpus, query, 30), want, "{query:?}");
        }
        assert!(reference(&corpus, "troops kursk", 30).matched > 1);
    }

    #[test]
    fn a_stopped_search_returns_none_and_the_next_starts_afresh() {
        let corpus = Corpus::seeds();
        let mut finder = SearchSession::new(&corpus);
        finder.step = 5;
        finder.search(&corpus, "tro", 10);
        let mut seen = Vec::new();
        let stopped = finder.search_in_steps(&corpus, "troops", 10, |p| {
            seen.push((p.done, p.total, p.hits().len()));
            ControlFlow::Break(())
        });
        assert_eq!(stopped, None);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].0, 5);
        assert!(seen[0].1 > 5, "{seen:?}");
        assert_eq!(
            finder.search(&corpus, "troops", 10),
            reference(&corpus, "troops", 10)
        );
    }

    #[test]
    fn masks_fold_ascii_case_only() {
        assert_eq!(char_mask("aZ9"), char_mask("Az9"));
        assert_eq!(
            char_mask("a") | char_mask("z") | char_mask("9"),
            char_mask("aZ9")
        );
        // The Kelvin sign and other non-ASCII letters set no bits: the
        // matcher never folds them to ASCII.
        assert_eq!(char_mask("\u{212A}é’"), 0);
        assert_eq!(char_mask("k").count_ones(), 1);
    }

    #[test]
    fn repeated_terms_count_once_in_the_order_typed() {
        let texts: Vec<String> = terms("b a  b\tA a b").into_iter().map(|t| t.text).collect();
        assert_eq!(texts, vec!["b", "a", "A"]);
        let corpus = Corpus::seeds();
        assert_eq!(
            search(&corpus, "troops kursk troops kursk troops", 30),
            search(&corpus, "troops kursk", 30)
        );
    }

    /// A query of 4,000 words, 8 distinct, each in every sentence, took
    /// 60 s on 5,000 sentences (release): every repeat was matched against
    /// every sentence. Debug, with repeats counted once: well under a
    /// second; a regression fails at the timeout instead of hanging.
    #[test]
    fn many_repeated_query_words_cost_as_much_as_the_distinct_ones() {
        let words = "police said people were injured in crash number";
        let text: Vec<String> = (0..2000)
            .map(|i| format!("Police said {i} people were injured in crash number {i}."))
            .collect();
        let loaded = crate::load::load_named([(
            "crashes.txt",
            format!("Crashes\n\n{}\n", text.join(" ")).as_bytes(),
        )]);
        let corpus = Corpus {
            documents: loaded.documents,
        };
        let query: Vec<&str> = words.split(' ').cycle().take(20_000).collect();
        let query = query.join(" ");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(search(&corpus, &query, 10).matched);
        });
        let matched = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("search with repeated words finishes");
        assert_eq!(matched, 2000);
    }

    #[test]
    fn empty_query_matches_nothing() {
        assert_eq!(search(&Corpus::seeds(), "   ", 10), Found::default());
    }
}

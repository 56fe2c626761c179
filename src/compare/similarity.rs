//! How alike two texts are: sparse TF-IDF vectors and their cosine, each
//! sentence's features (its vector and what it states besides its words),
//! the pair score of two sentences, and candidate pairs found through an
//! inverted index instead of comparing every pair (rules in the module
//! docs). Story clustering reuses the vectors, the cosine and [`top`].

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;
use std::sync::Arc;

use super::Strings;
use super::facts::Facts;
use super::lexicon::Lexicon;
use super::text::{StemIds, content_stems};
use crate::corpus::{Corpus, SentenceId};
use crate::figures::{Qualifier, to_base_unit};

/// A term in more than this share of all sentences finds no candidates
/// (it still counts, with its low weight, in the similarity).
pub const MAX_DF_FRACTION: f64 = 0.2;
/// A term's list of sentences in one story is read whole up to this
/// length; a longer one only around the sentence ([`WINDOW`]).
pub const MAX_POSTINGS: usize = 400;
/// Postings read on either side of a sentence in a list longer than
/// [`MAX_POSTINGS`].
pub const WINDOW: usize = 8;
/// Candidates kept per sentence, best partial score first.
pub const MAX_CANDIDATES: usize = 24;
/// Terms this rare are always indexed, however small the corpus.
const MIN_SKIP_DF: usize = 8;
/// Sentences with fewer distinct content terms are not aligned.
const MIN_TERMS: usize = 4;
/// Lowest lexical similarity at which bonuses may lift a pair.
const MIN_COSINE: f64 = 0.2;
/// Lowest lexical similarity for a pair that states the same figure with the
/// same claimer ("Zelensky: 11,000 troops").
const MIN_COSINE_ATTRIBUTED: f64 = 0.1;

/// One entry of a sparse vector: an interned stem and its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct TermWeight {
    pub(super) term: u32,
    pub(super) weight: f64,
}

/// A sparse vector: sorted by term (unit length once weighted).
pub(super) type Vector = Vec<TermWeight>;

/// Two items (indices `a < b`) and how alike they are.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct ScoredPair {
    pub(super) score: f64,
    pub(super) a: usize,
    pub(super) b: usize,
}

impl ScoredPair {
    /// Best score first; ties by `(a, b)`, a total order.
    pub(super) fn best_first(x: &ScoredPair, y: &ScoredPair) -> std::cmp::Ordering {
        y.score
            .total_cmp(&x.score)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    }
}

/// A candidate pair of sentences: indices into the features, `a < b`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pair {
    pub(super) a: u32,
    pub(super) b: u32,
}

/// An item and its (partial) score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Scored {
    pub(super) index: usize,
    pub(super) score: f64,
}

/// A sentence as the alignment sees it.
pub(super) struct Feat {
    pub(super) id: SentenceId,
    /// The document's story: only sentences of one story are aligned.
    pub(super) story: usize,
    /// Sorted by term, unit length.
    pub(super) terms: Vector,
    /// Boxed and only there when the sentence has any: most have none.
    ev: Option<Box<Evidence>>,
}

/// What a sentence states besides its words.
#[derive(Default)]
pub(super) struct Evidence {
    /// Its precise figures, sorted by measure, unit, then value.
    figures: Vec<FigureEvidence>,
    /// Those with a claimer, sorted by claimer, measure, unit, then value.
    /// Sorted, a pair of sentences of thousands of figures each compares
    /// each figure with a logarithm of the other's, not with all of them.
    claimed: Vec<FigureEvidence>,
    pub(super) claimers: Vec<Arc<str>>,
    pub(super) quotes: Vec<QuoteEvidence>,
    /// The union of the quotes' stems, sorted and distinct.
    quote_terms: Vec<u32>,
}

/// A precise figure of a sentence, its strings interned as ids (equal ids,
/// equal strings).
#[derive(Clone, Copy, Debug)]
struct FigureEvidence {
    measure: u32,
    /// The base unit, else the unit as written, else "".
    unit: u32,
    /// In the base unit.
    value: f64,
    claimer: Option<u32>,
}

/// A quote of a sentence.
pub(super) struct QuoteEvidence {
    pub(super) text: String,
    pub(super) speaker: Option<Arc<str>>,
    /// Interned content stems, sorted and distinct.
    pub(super) stems: Vec<u32>,
}

static NO_EVIDENCE: Evidence = Evidence {
    figures: Vec::new(),
    claimed: Vec::new(),
    claimers: Vec::new(),
    quotes: Vec::new(),
    quote_terms: Vec::new(),
};

impl Feat {
    pub(super) fn ev(&self) -> &Evidence {
        self.ev.as_deref().unwrap_or(&NO_EVIDENCE)
    }
}

/// Interns `s` as a small id.
fn intern(ids: &mut HashMap<String, u32>, s: &str) -> u32 {
    if let Some(&id) = ids.get(s) {
        return id;
    }
    let id = ids.len() as u32;
    ids.insert(s.to_string(), id);
    id
}

/// The features of every sentence with at least [`MIN_TERMS`] content
/// terms, in corpus order; `doc_story[d]` is the story of document `d`.
pub(super) fn features(
    corpus: &Corpus,
    facts: &Facts,
    lex: &Lexicon,
    doc_story: &[usize],
    strings: &mut Strings,
) -> Vec<Feat> {
    let mut vocab = StemIds::default();
    // Figure measures, unit keys and claimers; quote stems.
    let mut names: HashMap<String, u32> = HashMap::default();
    let mut quote_vocab = StemIds::default();
    // At most one per sentence: reserved once, so the vectors never hold
    // two copies while growing.
    let most: usize = corpus.documents.iter().map(|d| d.sentences.len()).sum();
    // Term counts (the weight is a count until weighted below).
    let mut raw: Vec<Vector> = Vec::with_capacity(most);
    let mut feats = Vec::with_capacity(most);
    for (d, doc) in corpus.documents.iter().enumerate() {
        let a = facts.docs.get(d);
        // The document's figures by sentence (in document order within one),
        // read in step with the sentences: filtering every figure for every
        // sentence was quadratic in a long document (issue 14).
        let mut by_sentence: Vec<usize> = a.map_or(Vec::new(), |a| (0..a.figures.len()).collect());
        if let Some(a) = a {
            by_sentence.sort_by_key(|&k| a.figures[k].sentence);
        }
        let mut next_figure = 0;
        for s in 0..doc.sentences.len() {
            let first_figure = next_figure;
            while let Some(a) = a
                && by_sentence
                    .get(next_figure)
                    .is_some_and(|&k| a.figures[k].sentence <= s)
            {
                next_figure += 1;
            }
            let sentence_figures = &by_sentence[first_figure..next_figure];
            if a.is_some_and(|a| a.skips(s)) {
                continue;
            }
            let mut tf: HashMap<u32, f64> = HashMap::default();
            for id in content_stems(doc.sentence_text(s), &mut vocab, lex) {
                *tf.entry(id).or_default() += 1.0;
            }
            if tf.len() < MIN_TERMS {
                continue;
            }
            let id = SentenceId {
                doc: d,
                sentence: s,
            };
            let (figures, claimers, quotes): (Vec<FigureEvidence>, _, _) = match a {
                Some(a) => {
                    let figures: Vec<FigureEvidence> = sentence_figures
                        .iter()
                        .map(|&k| &a.figures[k])
                        .filter(|f| f.sentence == s && f.figure.qualifier != Qualifier::Vague)
                        .map(|f| {
                            let unit = f.figure.unit.as_deref();
                            let (value, b) = to_base_unit(f.figure.value, unit);
                            let unit = intern(&mut names, b.or(unit).unwrap_or_default());
                            let claimer = f.claimer.as_ref().map(|c| intern(&mut names, &c.name));
                            FigureEvidence {
                                measure: intern(&mut names, &f.figure.measure),
                                unit,
                                value,
                                claimer,
                            }
                        })
                        .collect();
                    let claim = a.claim(s);
                    let claimers = claim
                        .into_iter()
                        .flat_map(|c| &c.claimers)
                        .map(|n| strings.name(n))
                        .collect();
                    let quotes = claim
                        .into_iter()
                        .flat_map(|c| &c.quotes)
                        .filter_map(|&q| a.quotes.get(q))
                        .map(|q| {
                            let mut stems = content_stems(&q.text, &mut quote_vocab, lex);
                            stems.sort_unstable();
                            stems.dedup();
                            QuoteEvidence {
                                text: q.text.to_string(),
                                speaker: q.speaker.as_deref().map(|n| strings.name(n)),
                                stems,
                            }
                        })
                        .collect();
                    (figures, claimers, quotes)
                }
                None => (Vec::new(), Vec::new(), Vec::new()),
            };
            let mut quote_terms: Vec<u32> = quotes
                .iter()
                .flat_map(|q: &QuoteEvidence| q.stems.iter().copied())
                .collect();
            quote_terms.sort_unstable();
            quote_terms.dedup();
            raw.push(
                tf.into_iter()
                    .map(|(term, weight)| TermWeight { term, weight })
                    .collect(),
            );
            let (figures, claimed) = ordered(figures);
            let ev = Evidence {
                figures,
                claimed,
                claimers,
                quotes,
                quote_terms,
            };
            let any = !(ev.figures.is_empty()
                && ev.claimers.is_empty()
                && ev.quotes.is_empty()
                && ev.quote_terms.is_empty());
            feats.push(Feat {
                id,
                story: doc_story.get(d).copied().unwrap_or(0),
                terms: Vec::new(),
                ev: any.then(|| Box::new(ev)),
            });
        }
    }
    let n = raw.len() as f64;
    let mut df = vec![0usize; vocab.count()];
    for tf in &raw {
        for t in tf {
            df[t.term as usize] += 1;
        }
    }
    for (f, tf) in feats.iter_mut().zip(raw) {
        let mut terms: Vector = tf
            .into_iter()
            .map(
                |TermWeight {
                     term,
                     weight: count,
                 }| {
                    let d = df[term as usize] as f64;
                    let idf = (1.0 + (n - d + 0.5) / (d + 0.5)).ln();
                    TermWeight {
                        term,
                        weight: (1.0 + count.ln()) * idf,
                    }
                },
            )
            .collect();
        terms.sort_by_key(|t| t.term); // a fixed order: the same rounding in every run
        normalize(&mut terms);
        f.terms = terms;
    }
    feats
}

/// Scales `v` to unit length (a zero vector stays zero).
pub(super) fn normalize(v: &mut Vector) {
    let norm = v.iter().map(|t| t.weight * t.weight).sum::<f64>().sqrt();
    if norm > 0.0 {
        for t in v {
            t.weight /= norm;
        }
    }
}

/// The dot product of two sparse vectors sorted by term (their cosine when
/// both have unit length).
pub(super) fn cosine(a: &[TermWeight], b: &[TermWeight]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].term.cmp(&b[j].term) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].weight * b[j].weight;
                i += 1;
                j += 1;
            }
        }
    }
    sum
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The pair score: cosine plus evidence (module docs).
pub(super) fn score(a: &Feat, b: &Feat) -> f64 {
    let cos = cosine(&a.terms, &b.terms);
    if cos < MIN_COSINE_ATTRIBUTED {
        return cos;
    }
    // Shared precise figures; the best evidence is one figure with one claimer.
    let (ea, eb) = (a.ev(), b.ev());
    let attributed = ea.claimed.iter().any(|fa| {
        let key = |f: &FigureEvidence| (f.claimer, f.measure, f.unit);
        holds_value(key_block(&eb.claimed, key, key(fa)), fa.value)
    });
    if cos < MIN_COSINE && !attributed {
        return cos;
    }
    let mut s = cos;
    s += if attributed {
        0.25
    } else {
        let key = |f: &FigureEvidence| (f.measure, f.unit);
        let shared = ea
            .figures
            .iter()
            .filter(|fa| holds_value(key_block(&eb.figures, key, key(fa)), fa.value))
            .count();
        0.1 * shared.min(2) as f64
    };
    if !a.ev().claimers.is_empty() && !b.ev().claimers.is_empty() {
        if a.ev().claimers.iter().any(|c| b.ev().claimers.contains(c)) {
            s += 0.1;
        } else {
            s -= 0.15;
        }
    }
    if !a.ev().quote_terms.is_empty() && !b.ev().quote_terms.is_empty() {
        s += 0.2 * jaccard(&a.ev().quote_terms, &b.ev().quote_terms);
    }
    s
}

/// The figures of `sorted` (sorted by `key`) whose key is `k`.
fn key_block<K: Ord>(
    sorted: &[FigureEvidence],
    key: impl Fn(&FigureEvidence) -> K,
    k: K,
) -> &[FigureEvidence] {
    let lo = sorted.partition_point(|f| key(f) < k);
    let hi = lo + sorted[lo..].partition_point(|f| key(f) == k);
    &sorted[lo..hi]
}

/// Whether a figure of `block` (sorted by value, `total_cmp`) has the same
/// value as `v` ([`same_value`]), in a logarithm of the block.
fn holds_value(block: &[FigureEvidence], v: f64) -> bool {
    if v.is_nan() || block.is_empty() {
        return false;
    }
    // `total_cmp` orders -NaN, -inf, the finite values, +inf, +NaN.
    let neg_nan = block.partition_point(|f| f.value.is_nan() && f.value.is_sign_negative());
    let finite_lo = block.partition_point(|f| !f.value.is_finite() && f.value.is_sign_negative());
    let finite_hi = block.partition_point(|f| f.value.is_finite() || f.value.is_sign_negative());
    let pos_nan = block.partition_point(|f| !f.value.is_nan() || f.value.is_sign_negative());
    let finite = &block[finite_lo..finite_hi];
    let (neg_inf, pos_inf) = (finite_lo > neg_nan, pos_nan > finite_hi);
    // As `same_value` has it: an infinity is within the tolerance of every
    // finite value and of the other infinity, not of itself.
    if v.is_infinite() {
        return !finite.is_empty() || if v > 0.0 { neg_inf } else { pos_inf };
    }
    if neg_inf || pos_inf {
        return true;
    }
    // Below `v` the tolerance is met from some value on, above it up to
    // some value: the first value not below the window decides.
    let at = finite.partition_point(|f| f.value < v && !same_value(v, f.value));
    finite.get(at).is_some_and(|f| same_value(v, f.value))
}

/// Jaccard overlap of two sorted, distinct lists.
pub(super) fn jaccard(a: &[u32], b: &[u32]) -> f64 {
    let (mut i, mut j, mut inter) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                inter += 1;
                i += 1;
                j += 1;
            }
        }
    }
    let inter = inter as f64;
    let union = (a.len() + b.len()) as f64 - inter;
    if union == 0.0 { 0.0 } else { inter / union }
}

/// The `k` best items of `acc` (index → score), best first. Ties go by
/// index, a total order, so the result does not depend on the map's order
/// and the top few need no full sort.
pub(super) fn top(acc: &HashMap<usize, f64>, k: usize) -> Vec<Scored> {
    let mut best: Vec<Scored> = acc
        .iter()
        .map(|(&index, &score)| Scored { index, score })
        .collect();
    let order = |a: &Scored, b: &Scored| b.score.total_cmp(&a.score).then(a.index.cmp(&b.index));
    if best.len() > k {
        best.select_nth_unstable_by(k, order);
        best.truncate(k);
    }
    best.sort_unstable_by(order);
    best
}

/// Candidate pairs (different documents of one story) through the inverted
/// index, sorted and distinct. `cap` is the longest list of a term in one
/// story that is read whole: [`MAX_POSTINGS`] (tests lower it to make a
/// small corpus behave like a large one).
///
/// The index is kept per story. A term in more than [`MAX_DF_FRACTION`] of
/// all sentences finds nothing ("said", "officials"). A longer list than
/// `cap` is not skipped but read only around the sentence: its
/// [`WINDOW`] neighbours on either side, in corpus order. Skipping those
/// terms starved large stories: a statement that a thousand outlets repeat
/// is made of words with long lists, so at 10,000 articles its sentences
/// found no partners at all. Read around each sentence, every sentence
/// reads a bounded number of postings per term however large the story.
pub(super) fn candidates_capped(feats: &[Feat], cap: usize) -> Vec<Pair> {
    let n = feats.len();
    let mut df: HashMap<u32, usize> = HashMap::default();
    let mut postings: HashMap<(usize, u32), Vec<u32>> = HashMap::default();
    for (i, f) in feats.iter().enumerate() {
        for t in &f.terms {
            *df.entry(t.term).or_default() += 1;
            postings
                .entry((f.story, t.term))
                .or_default()
                .push(i as u32);
        }
    }
    let common = ((n as f64 * MAX_DF_FRACTION) as usize).max(MIN_SKIP_DF);
    postings.retain(|&(_, term), _| df.get(&term).is_some_and(|&d| d <= common));
    drop(df);
    // Each sentence's best partners are independent of the others': found
    // in parallel, one score map per worker.
    let mut pairs: Vec<Pair> = feats
        .par_iter()
        .enumerate()
        .map_init(HashMap::<usize, f64>::default, |acc, (i, f)| {
            acc.clear();
            for t in &f.terms {
                let Some(p) = postings.get(&(f.story, t.term)) else {
                    continue;
                };
                let p = if p.len() <= cap {
                    &p[..]
                } else {
                    // The list holds `i`, in corpus order.
                    let at = p.partition_point(|&j| (j as usize) < i);
                    &p[at.saturating_sub(WINDOW)..(at + WINDOW + 1).min(p.len())]
                };
                for &j in p {
                    let j = j as usize;
                    if feats[j].id.doc == f.id.doc {
                        continue;
                    }
                    let wj = feats[j]
                        .terms
                        .binary_search_by_key(&t.term, |x| x.term)
                        .map_or(0.0, |k| feats[j].terms[k].weight);
                    *acc.entry(j).or_default() += t.weight * wj;
                }
            }
            top(acc, MAX_CANDIDATES)
                .into_iter()
                .map(|c| Pair {
                    a: i.min(c.index) as u32,
                    b: i.max(c.index) as u32,
                })
                .collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

/// A sentence's figures in the two orders the pair score searches by
/// binary search: by (measure, unit, value), and the attributed ones by
/// (claimer, measure, unit, value).
fn ordered(mut figures: Vec<FigureEvidence>) -> (Vec<FigureEvidence>, Vec<FigureEvidence>) {
    figures.sort_by(|x, y| {
        (x.measure, x.unit)
            .cmp(&(y.measure, y.unit))
            .then(x.value.total_cmp(&y.value))
    });
    let mut claimed: Vec<FigureEvidence> = figures
        .iter()
        .filter(|f| f.claimer.is_some())
        .copied()
        .collect();
    claimed.sort_by(|x, y| {
        (x.claimer, x.measure, x.unit)
            .cmp(&(y.claimer, y.measure, y.unit))
            .then(x.value.total_cmp(&y.value))
    });
    (figures, claimed)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule as first written: every figure of one sentence against
    /// every figure of the other.
    fn by_scan(a: &[FigureEvidence], b: &[FigureEvidence]) -> (usize, bool) {
        let mut shared = 0;
        let mut attributed = false;
        for fa in a {
            let mut any = false;
            for fb in b.iter().filter(|fb| {
                fa.measure == fb.measure && fa.unit == fb.unit && same_value(fa.value, fb.value)
            }) {
                any = true;
                attributed |= fa.claimer.is_some() && fa.claimer == fb.claimer;
            }
            shared += usize::from(any);
        }
        (shared, attributed)
    }

    fn by_search(a: &Evidence, b: &Evidence) -> (usize, bool) {
        let key = |f: &FigureEvidence| (f.measure, f.unit);
        let shared = a
            .figures
            .iter()
            .filter(|fa| holds_value(key_block(&b.figures, key, key(fa)), fa.value))
            .count();
        let key = |f: &FigureEvidence| (f.claimer, f.measure, f.unit);
        let attributed = a
            .claimed
            .iter()
            .any(|fa| holds_value(key_block(&b.claimed, key, key(fa)), fa.value));
        (shared, attributed)
    }

    fn evidence(figures: &[FigureEvidence]) -> Evidence {
        let (figures, claimed) = ordered(figures.to_vec());
        Evidence {
            figures,
            claimed,
            ..Evidence::default()
        }
    }

    /// Values on both sides of the tolerance, zeros, infinities and NaN:
    /// the search finds what the scan over every pair found.
    #[test]
    fn shared_figures_by_search_match_the_scan_over_every_pair() {
        let values = [
            0.0,
            -0.0,
            1.0,
            1.000_000_5,
            1.000_002,
            0.999_999,
            12.0,
            -12.0,
            1e6,
            1e6 + 0.9,
            1e6 + 1.1,
            1e6 - 1.0,
            -1e6,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::MAX,
            -f64::MAX,
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        let mut below = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..3_000 {
            let mut side = || -> Vec<FigureEvidence> {
                (0..below(7))
                    .map(|_| FigureEvidence {
                        measure: below(2) as u32,
                        unit: below(2) as u32,
                        value: values[below(values.len())],
                        claimer: [None, Some(0), Some(1)][below(3)],
                    })
                    .collect()
            };
            let (a, b) = (side(), side());
            assert_eq!(
                by_search(&evidence(&a), &evidence(&b)),
                by_scan(&a, &b),
                "{a:?} against {b:?}"
            );
        }
    }
}

//! Stories: documents clustered by the event they report, so that figures and
//! statements are only compared within one story (rules in the module docs).

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::copies::Copies;
use super::lexicon::Lexicon;
use super::repeats::Repeats;
use super::similarity::{ScoredPair, TermWeight, Vector, cosine, normalize, top};
use super::text::{StemIds, content_parts, content_stems, words};
use super::{Story, StoryEdit, StoryRef};
use crate::corpus::Corpus;
use crate::document::ParagraphKind;

/// Content stems of a document's body that describe it (the whole text of
/// all but very long articles).
pub const BODY_STEMS: usize = 2000;
/// A capitalised word inside a sentence (a name: a person, place, venue)
/// counts this many times more: names tell one event from another of the
/// same kind better than the words that describe it.
const NAME_WEIGHT: f64 = 3.0;
/// Two documents whose similarity reaches this report one story.
pub const STORY_THRESHOLD: f64 = 0.11;
/// Two story candidates only merge when the average cosine between their
/// documents reaches this (guards the best-first linking against chaining
/// one event to another through one odd document).
pub const MERGE_THRESHOLD: f64 = 0.09;
/// Reports published within this many days of each other are compared by
/// their words alone...
const SAME_DAYS: f64 = 3.0;
/// ...further apart, the similarity is divided by 1 + (gap − SAME_DAYS) /
/// this: a report a month later needs twice the similarity.
const DATE_SCALE_DAYS: f64 = 30.0;
/// Postings read per term when looking for candidates (the first ones), so a
/// term shared by thousands of documents costs a constant.
pub const MAX_STORY_POSTINGS: usize = 256;
/// The highest-weighted terms of a document that look for candidates.
const QUERY_TERMS: usize = 16;
/// Candidates per document whose cosine is computed.
const MAX_STORY_CANDIDATES: usize = 32;
/// Pseudo-documents that contain no term: keeps the IDF of a tiny corpus
/// from punishing the very words a few reports of one event share.
const BACKGROUND_DOCS: f64 = 150.0;
/// Title words count this many times.
const TITLE_WEIGHT: f64 = 2.0;

/// The stories of a corpus: `doc_story[d]` indexes `stories`.
pub(super) struct Stories {
    pub doc_story: Vec<usize>,
    pub stories: Vec<Story>,
}

impl Stories {
    pub fn reference(&self, story: usize) -> StoryRef {
        let s = &self.stories[story];
        StoryRef {
            id: s.id,
            label: s.label.clone(),
        }
    }
}

/// What describes each document, in corpus order.
struct Leads {
    /// Lead vectors (unit length).
    vecs: Vec<Vector>,
    /// Title terms, as they come (repeats kept).
    titles: Vec<Vec<u32>>,
}

/// The content stems of `text` with, for each, whether its word is a name:
/// capitalised and not the first word of a sentence.
fn stems_with_names(text: &str, ids: &mut StemIds, lex: &Lexicon, out: &mut Vec<(u32, bool)>) {
    for w in words(text) {
        let capital = text[w.span.clone()]
            .chars()
            .next()
            .is_some_and(char::is_uppercase);
        let before = text[..w.span.start].trim_end_matches([' ', '"', '\u{201c}', '\'', '(']);
        let opens_sentence =
            before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '\u{2014}']);
        let name = capital && !opens_sentence;
        for part in content_parts(&w.norm, lex) {
            out.push((ids.id(part), name));
        }
    }
}

/// Reports days apart are less likely one event: 1 within [`SAME_DAYS`],
/// then falling with the gap; 1 when a date is unknown.
fn date_factor(a: Option<i64>, b: Option<i64>) -> f64 {
    match (a, b) {
        (Some(a), Some(b)) => {
            let gap = (a - b).abs() as f64;
            if gap <= SAME_DAYS {
                1.0
            } else {
                1.0 / (1.0 + (gap - SAME_DAYS) / DATE_SCALE_DAYS)
            }
        }
        _ => 1.0,
    }
}

/// A document's term frequencies and title terms.
type Described = (HashMap<u32, f64>, Vec<u32>);

/// Documents read per parallel task when describing documents.
const CHUNK: usize = 256;

/// Document `d`'s term frequencies (title words, then its body up to
/// [`BODY_STEMS`] stems, names weighted) and its title terms.
fn describe(
    d: usize,
    doc: &crate::document::Document,
    lex: &Lexicon,
    copies: &Copies,
    repeats: &Repeats,
    vocab: &mut StemIds,
    buf: &mut Vec<(u32, bool)>,
) -> Described {
    let mut tf: HashMap<u32, f64> = HashMap::default();
    let mut title = Vec::new();
    if let Some(t) = &doc.title {
        for t in content_stems(t, vocab, lex) {
            title.push(t);
            *tf.entry(t).or_default() += TITLE_WEIGHT;
        }
    }
    if copies.is_copy(d) {
        return (tf, title);
    }
    let mut lead = 0;
    for (k, p) in doc.paragraphs.iter().enumerate() {
        if lead >= BODY_STEMS {
            break;
        }
        if repeats.is_repeated(d, k) || p.kind != ParagraphKind::Body {
            continue;
        }
        let Some(text) = doc.text.get(p.span.clone()) else {
            continue;
        };
        buf.clear();
        stems_with_names(text, vocab, lex, buf);
        for &(t, name) in buf.iter() {
            if lead >= BODY_STEMS {
                break;
            }
            lead += 1;
            *tf.entry(t).or_default() += if name { 1.0 + NAME_WEIGHT } else { 1.0 };
        }
    }
    (tf, title)
}

/// The vector and the title terms of every document (copies have none:
/// they join their origin's story).
fn vectors(corpus: &Corpus, lex: &Lexicon, copies: &Copies, repeats: &Repeats) -> Leads {
    // Documents are read in parallel chunks, each with its own vocabulary,
    // merged after: stemming every word of every body is the costly part.
    let chunks: Vec<(StemIds, Vec<Described>)> = corpus
        .documents
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, docs)| {
            let mut vocab = StemIds::default();
            let mut buf = Vec::new();
            let described = docs
                .iter()
                .enumerate()
                .map(|(k, doc)| {
                    describe(
                        c * CHUNK + k,
                        doc,
                        lex,
                        copies,
                        repeats,
                        &mut vocab,
                        &mut buf,
                    )
                })
                .collect();
            (vocab, described)
        })
        .collect();
    let mut vocab = StemIds::default();
    let mut tfs: Vec<HashMap<u32, f64>> = Vec::with_capacity(corpus.documents.len());
    let mut titles: Vec<Vec<u32>> = Vec::with_capacity(corpus.documents.len());
    for (local, described) in chunks {
        let to = vocab.translate(&local);
        for (tf, title) in described {
            tfs.push(tf.into_iter().map(|(t, w)| (to[t as usize], w)).collect());
            titles.push(title.into_iter().map(|t| to[t as usize]).collect());
        }
    }
    let n = tfs.len() as f64;
    let mut df = vec![0usize; vocab.count()];
    for tf in &tfs {
        for t in tf.keys() {
            df[*t as usize] += 1;
        }
    }
    let vecs = tfs
        .into_iter()
        .map(|tf| {
            let mut v: Vector = tf
                .into_iter()
                .map(|(term, c)| {
                    let idf = ((n + BACKGROUND_DOCS + 1.0) / (df[term as usize] as f64 + 1.0)).ln();
                    TermWeight {
                        term,
                        weight: (1.0 + c.ln()) * idf,
                    }
                })
                .collect();
            v.sort_by_key(|t| t.term); // a fixed order: the same rounding in every run
            normalize(&mut v);
            v
        })
        .collect();
    Leads { vecs, titles }
}

/// Candidate edges (i < j, cosine ≥ [`STORY_THRESHOLD`]), best first. Each
/// document asks twice: with its heaviest terms, and with its heaviest terms
/// outside its title, so that reports under one headline do not crowd out
/// the same event under another.
fn edges(leads: &Leads, days: &[Option<i64>]) -> Vec<ScoredPair> {
    let Leads { vecs, titles } = leads;
    // Each document's two queries: its heaviest terms, and its heaviest
    // terms outside its title.
    let queries: Vec<[Vec<&TermWeight>; 2]> = vecs
        .par_iter()
        .enumerate()
        .map(|(i, v)| {
            let mut query: Vec<&TermWeight> = v.iter().collect();
            query.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.term.cmp(&b.term)));
            [false, true].map(|lead_only| {
                query
                    .iter()
                    .filter(|t| !lead_only || !titles[i].contains(&t.term))
                    .take(QUERY_TERMS)
                    .copied()
                    .collect()
            })
        })
        .collect();
    // Postings only for terms some query asks for: the rest are never read.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for q in queries.iter().flatten().flatten() {
        postings.entry(q.term).or_default();
    }
    for (i, v) in vecs.iter().enumerate() {
        for t in v {
            if let Some(p) = postings.get_mut(&t.term)
                && p.len() < MAX_STORY_POSTINGS
            {
                p.push(i);
            }
        }
    }
    // Each document's queries are independent: run in parallel, one score
    // map per worker.
    let mut out: Vec<ScoredPair> = vecs
        .par_iter()
        .enumerate()
        .map_init(HashMap::<usize, f64>::default, |acc, (i, v)| {
            let mut found = Vec::new();
            for terms in &queries[i] {
                acc.clear();
                for t in terms {
                    let Some(p) = postings.get(&t.term) else {
                        continue;
                    };
                    for &j in p {
                        if j != i {
                            *acc.entry(j).or_default() += t.weight;
                        }
                    }
                }
                for c in top(acc, MAX_STORY_CANDIDATES) {
                    let j = c.index;
                    let score = cosine(v, &vecs[j]) * date_factor(days[i], days[j]);
                    if score >= STORY_THRESHOLD {
                        found.push(ScoredPair {
                            score,
                            a: i.min(j),
                            b: i.max(j),
                        });
                    }
                }
            }
            found
        })
        .flatten_iter()
        .collect();
    out.sort_by(ScoredPair::best_first);
    out.dedup_by(|x, y| (x.a, x.b) == (y.a, y.b));
    out
}

/// Clusters the documents of `corpus` into stories: best-first linking
/// of similar documents, two clusters merging only when the average cosine
/// between their documents reaches [`MERGE_THRESHOLD`]. A copy joins its
/// origin's story. With `one_story` every document is in one story.
#[cfg(test)]
pub(super) fn cluster(
    corpus: &Corpus,
    lex: &Lexicon,
    copies: &Copies,
    repeats: &Repeats,
    one_story: bool,
) -> Stories {
    cluster_edited(corpus, lex, copies, repeats, one_story, &[])
}

/// As [`cluster`], with a checker's `edits` applied to what the
/// clustering found.
pub(super) fn cluster_edited(
    corpus: &Corpus,
    lex: &Lexicon,
    copies: &Copies,
    repeats: &Repeats,
    one_story: bool,
    edits: &[StoryEdit],
) -> Stories {
    let n = corpus.documents.len();
    let leads = vectors(corpus, lex, copies, repeats);
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Per cluster: the sum of its documents' unit vectors, and its size;
    // sum(A) · sum(B) / (|A| |B|) is the average cosine between A and B.
    let mut sums: Vec<HashMap<u32, f64>> = leads
        .vecs
        .iter()
        .map(|v| {
            v.iter()
                .map(|t| (t.term, t.weight))
                .collect::<HashMap<u32, f64>>()
        })
        .collect();
    let mut sizes = vec![1usize; n];
    let days = corpus.publication_days();
    if one_story {
        parent.fill(0);
    }
    let edges = if one_story {
        Vec::new()
    } else {
        edges(&leads, &days)
    };
    for ScoredPair { a: i, b: j, .. } in edges {
        let (a, b) = (find(&mut parent, i), find(&mut parent, j));
        if a == b {
            continue;
        }
        let (big, small) = if sums[a].len() >= sums[b].len() {
            (a, b)
        } else {
            (b, a)
        };
        let small_sum = std::mem::take(&mut sums[small]);
        let dot: f64 = small_sum
            .iter()
            .map(|(t, w)| sums[big].get(t).map_or(0.0, |x| x * w))
            .sum();
        if dot / ((sizes[big] * sizes[small]) as f64) < MERGE_THRESHOLD {
            sums[small] = small_sum;
            continue;
        }
        for (t, w) in small_sum {
            *sums[big].entry(t).or_default() += w;
        }
        parent[small] = big;
        sizes[big] += sizes[small];
    }
    for d in 0..n {
        let o = copies.origin.get(d).copied().unwrap_or(d);
        if o != d {
            parent[d] = find(&mut parent, o);
        }
    }
    drop(sums);
    let mut root: Vec<usize> = (0..n).map(|d| find(&mut parent, d)).collect();
    super::story_edits::apply(corpus, copies, edits, &mut root);
    // Stories ordered by size (largest first), then by first document.
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    for (d, r) in root.into_iter().enumerate() {
        members.entry(r).or_default().push(d);
    }
    let mut groups: Vec<Vec<usize>> = members.into_values().collect();
    groups.sort_by(|a, b| b.len().cmp(&a.len()).then(a[0].cmp(&b[0])));
    let mut doc_story = vec![0; n];
    let stories = groups
        .into_iter()
        .enumerate()
        .map(|(id, docs)| {
            for &d in &docs {
                doc_story[d] = id;
            }
            Story {
                id,
                label: label(corpus, &leads.titles, &docs).into(),
                sources: docs
                    .iter()
                    .map(|&d| corpus.documents[d].source.clone())
                    .collect(),
                documents: docs,
            }
        })
        .collect();
    Stories { doc_story, stories }
}

/// The most central title of the story: the one whose words the other titles
/// share most (ties: the most frequent title, then the first); a story
/// without titles is named by its first document's first sentence. In full:
/// readers cut it to their width.
fn label(corpus: &Corpus, titles: &[Vec<u32>], docs: &[usize]) -> String {
    let mut df: HashMap<u32, usize> = HashMap::default();
    let mut same: HashMap<&str, usize> = HashMap::default();
    for &d in docs {
        let mut ts = titles[d].clone();
        ts.sort_unstable();
        ts.dedup();
        for t in ts {
            *df.entry(t).or_default() += 1;
        }
        if let Some(t) = &corpus.documents[d].title {
            *same.entry(t.as_str()).or_default() += 1;
        }
    }
    let mut best: Option<(f64, usize, usize)> = None;
    for (k, &d) in docs.iter().enumerate() {
        let Some(t) = &corpus.documents[d].title else {
            continue;
        };
        if titles[d].is_empty() {
            continue;
        }
        let score = titles[d].iter().map(|t| df[t] as f64).sum::<f64>() / titles[d].len() as f64;
        let count = same[t.as_str()];
        let better = best.is_none_or(|(bs, bc, _)| {
            score > bs + 1e-9 || ((score - bs).abs() <= 1e-9 && count > bc)
        });
        if better {
            best = Some((score, count, k));
        }
    }
    let text = match best {
        Some((_, _, k)) => corpus.documents[docs[k]].title.clone().unwrap_or_default(),
        None => docs
            .iter()
            .find_map(|&d| {
                let doc = &corpus.documents[d];
                (!doc.sentences.is_empty()).then(|| doc.sentence_text(0).to_string())
            })
            .unwrap_or_default(),
    };
    text.trim().to_string()
}

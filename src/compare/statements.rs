//! Aligned statements, word diffs and coverage (rules in the module docs).

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::facts::Facts;
use super::lexicon::{LEXICON, Lexicon};
use super::stories::Stories;
use super::text::{StemIds, content_stems};
use super::{
    Change, Coverage, ExclusiveClaim, Op, SourceCoverage, StatementEntry, StatementGroup, Strings,
    WordDiff,
};
use crate::corpus::{Corpus, SentenceId};
use crate::document::ParagraphKind;
use crate::figures::{Qualifier, to_base_unit};
use crate::format::shorten;

/// A term in more than this share of all sentences finds no candidates
/// (it still counts, with its low weight, in the similarity).
pub const MAX_DF_FRACTION: f64 = 0.2;
/// A term with more postings than this finds no candidates either.
pub const MAX_POSTINGS: usize = 400;
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
/// A pair seeds or extends a group at this score.
const PAIR_THRESHOLD: f64 = 0.42;
/// Every cross-source pair of a group must reach this score.
const LINK_THRESHOLD: f64 = 0.3;
/// Largest group (bounds the complete-linkage checks).
const MAX_GROUP: usize = 64;
/// Word diffs per group.
const MAX_DIFFS: usize = 12;
/// Words per text in a diff.
const MAX_DIFF_WORDS: usize = 600;

pub(super) struct Feat {
    pub(super) id: SentenceId,
    /// The document's story: only sentences of one story are aligned.
    pub(super) story: usize,
    /// (term, weight), sorted by term, unit length.
    pub(super) terms: Vec<(u32, f64)>,
    /// Boxed and only there when the sentence has any: most have none.
    ev: Option<Box<Evidence>>,
}

/// What a sentence states besides its words.
#[derive(Default)]
struct Evidence {
    /// (measure, unit key, value in base unit, claimer) of precise figures,
    /// strings interned as ids (equal ids, equal strings).
    figures: Vec<(u32, u32, f64, Option<u32>)>,
    claimers: Vec<Arc<str>>,
    /// (text, speaker, interned stems sorted and distinct).
    quotes: Vec<(String, Option<Arc<str>>, Vec<u32>)>,
    /// The union of the quotes' stems, sorted and distinct.
    quote_terms: Vec<u32>,
}

static NO_EVIDENCE: Evidence = Evidence {
    figures: Vec::new(),
    claimers: Vec::new(),
    quotes: Vec::new(),
    quote_terms: Vec::new(),
};

impl Feat {
    fn ev(&self) -> &Evidence {
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

pub(super) fn features(
    corpus: &Corpus,
    facts: &Facts,
    lex: &Lexicon,
    stories: &Stories,
    strings: &mut Strings,
) -> Vec<Feat> {
    let mut vocab = StemIds::default();
    // Figure measures, unit keys and claimers; quote stems.
    let mut names: HashMap<String, u32> = HashMap::default();
    let mut quote_vocab = StemIds::default();
    // At most one per sentence: reserved once, so the vectors never hold
    // two copies while growing.
    let most: usize = corpus.documents.iter().map(|d| d.sentences.len()).sum();
    let mut raw: Vec<Vec<(u32, f64)>> = Vec::with_capacity(most);
    let mut feats = Vec::with_capacity(most);
    for (d, doc) in corpus.documents.iter().enumerate() {
        let a = facts.docs.get(d);
        for s in 0..doc.sentences.len() {
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
            let (figures, claimers, quotes) = match a {
                Some(a) => {
                    let figures = a
                        .figures
                        .iter()
                        .filter(|f| f.sentence == s && f.figure.qualifier != Qualifier::Vague)
                        .map(|f| {
                            let unit = f.figure.unit.as_deref();
                            let (v, b) = to_base_unit(f.figure.value, unit);
                            let key = intern(&mut names, b.or(unit).unwrap_or_default());
                            let claimer = f.claimer.as_ref().map(|c| intern(&mut names, &c.name));
                            (intern(&mut names, &f.figure.measure), key, v, claimer)
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
                            (
                                q.text.to_string(),
                                q.speaker.as_deref().map(|n| strings.name(n)),
                                stems,
                            )
                        })
                        .collect();
                    (figures, claimers, quotes)
                }
                None => (Vec::new(), Vec::new(), Vec::new()),
            };
            let mut quote_terms: Vec<u32> = quotes
                .iter()
                .flat_map(|(_, _, s): &(String, Option<Arc<str>>, Vec<u32>)| s.iter().copied())
                .collect();
            quote_terms.sort_unstable();
            quote_terms.dedup();
            raw.push(tf.into_iter().collect());
            let ev = Evidence {
                figures,
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
                story: stories.doc_story.get(d).copied().unwrap_or(0),
                terms: Vec::new(),
                ev: any.then(|| Box::new(ev)),
            });
        }
    }
    let n = raw.len() as f64;
    let mut df = vec![0usize; vocab.count()];
    for tf in &raw {
        for (t, _) in tf {
            df[*t as usize] += 1;
        }
    }
    for (f, tf) in feats.iter_mut().zip(raw) {
        let mut terms: Vec<(u32, f64)> = tf
            .into_iter()
            .map(|(t, c)| {
                let d = df[t as usize] as f64;
                let idf = (1.0 + (n - d + 0.5) / (d + 0.5)).ln();
                (t, (1.0 + c.ln()) * idf)
            })
            .collect();
        terms.sort_by_key(|t| t.0); // a fixed order: the same rounding in every run
        let norm = terms.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
        if norm > 0.0 {
            for t in &mut terms {
                t.1 /= norm;
            }
        }
        f.terms = terms;
    }
    feats
}

pub(super) fn cosine(a: &[(u32, f64)], b: &[(u32, f64)]) -> f64 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
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
    let mut shared = 0;
    let mut attributed = false;
    for (m, u, v, c) in &a.ev().figures {
        let same = b
            .ev()
            .figures
            .iter()
            .filter(|(m2, u2, v2, _)| m == m2 && u == u2 && same_value(*v, *v2));
        let mut any = false;
        for (_, _, _, c2) in same {
            any = true;
            attributed |= c.is_some() && c == c2;
        }
        shared += usize::from(any);
    }
    if cos < MIN_COSINE && !attributed {
        return cos;
    }
    let mut s = cos;
    s += if attributed {
        0.25
    } else {
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

/// Jaccard overlap of two sorted, distinct lists.
fn jaccard(a: &[u32], b: &[u32]) -> f64 {
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

/// The `k` best (index, score) pairs of `acc`, best first. Ties go by index,
/// a total order, so the result does not depend on the map's order and the
/// top few need no full sort.
pub(super) fn top(acc: &HashMap<usize, f64>, k: usize) -> Vec<(usize, f64)> {
    let mut best: Vec<(usize, f64)> = acc.iter().map(|(j, s)| (*j, *s)).collect();
    let order = |a: &(usize, f64), b: &(usize, f64)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
    if best.len() > k {
        best.select_nth_unstable_by(k, order);
        best.truncate(k);
    }
    best.sort_unstable_by(order);
    best
}

/// Candidate pairs (i < j, different documents of one story) through the
/// inverted index.
pub(super) fn candidates(feats: &[Feat]) -> Vec<(u32, u32)> {
    let n = feats.len();
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::default();
    for (i, f) in feats.iter().enumerate() {
        for (t, _) in &f.terms {
            postings.entry(*t).or_default().push(i as u32);
        }
    }
    let cap = ((n as f64 * MAX_DF_FRACTION) as usize).clamp(MIN_SKIP_DF, MAX_POSTINGS);
    postings.retain(|_, p| p.len() <= cap);
    // Each sentence's best partners are independent of the others': found
    // in parallel, one score map per worker.
    let mut pairs: Vec<(u32, u32)> = feats
        .par_iter()
        .enumerate()
        .map_init(HashMap::<usize, f64>::default, |acc, (i, f)| {
            acc.clear();
            for (t, w) in &f.terms {
                let Some(p) = postings.get(t) else { continue };
                for &j in p {
                    let j = j as usize;
                    if feats[j].id.doc == f.id.doc || feats[j].story != f.story {
                        continue;
                    }
                    let wj = feats[j]
                        .terms
                        .binary_search_by_key(t, |x| x.0)
                        .map_or(0.0, |k| feats[j].terms[k].1);
                    *acc.entry(j).or_default() += w * wj;
                }
            }
            top(acc, MAX_CANDIDATES)
                .into_iter()
                .map(|(j, _)| (i.min(j) as u32, i.max(j) as u32))
                .collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect();
    pairs.sort_unstable();
    pairs.dedup();
    pairs
}

pub(super) fn align(
    corpus: &Corpus,
    facts: &Facts,
    stories: &Stories,
    strings: &mut Strings,
) -> Vec<StatementGroup> {
    let lex = &*LEXICON;
    let feats = features(corpus, facts, lex, stories, strings);
    // Scores of the pairs that can link (others are recomputed if asked).
    let mut cache: HashMap<(usize, usize), f64> = HashMap::default();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    for (i, j) in candidates(&feats) {
        let (i, j) = (i as usize, j as usize);
        let s = score(&feats[i], &feats[j]);
        if s >= LINK_THRESHOLD {
            cache.insert((i, j), s);
        }
        if s >= PAIR_THRESHOLD {
            scored.push((s, i, j));
        }
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));

    // Best-first complete linkage.
    let mut cluster: Vec<usize> = (0..feats.len()).collect();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut weakest: HashMap<usize, f64> = HashMap::default();
    for (s, i, j) in scored {
        let (ci, cj) = (cluster[i], cluster[j]);
        if ci == cj {
            continue;
        }
        let mi = members.get(&ci).cloned().unwrap_or_else(|| vec![i]);
        let mj = members.get(&cj).cloned().unwrap_or_else(|| vec![j]);
        if mi.len() + mj.len() > MAX_GROUP {
            continue;
        }
        let mut min = s;
        let mut ok = true;
        'check: for &a in &mi {
            for &b in &mj {
                if feats[a].id.doc == feats[b].id.doc {
                    continue;
                }
                let key = (a.min(b), a.max(b));
                let sc = *cache
                    .entry(key)
                    .or_insert_with(|| score(&feats[key.0], &feats[key.1]));
                if sc < LINK_THRESHOLD {
                    ok = false;
                    break 'check;
                }
                min = min.min(sc);
            }
        }
        if !ok {
            continue;
        }
        let wi = weakest.remove(&ci).unwrap_or(f64::INFINITY);
        let wj = weakest.remove(&cj).unwrap_or(f64::INFINITY);
        members.remove(&cj);
        let mut all = mi;
        all.extend(mj.iter().copied());
        for &m in &mj {
            cluster[m] = ci;
        }
        members.insert(ci, all);
        weakest.insert(ci, min.min(wi).min(wj));
    }

    let mut groups: Vec<(SentenceId, StatementGroup)> = members
        .into_iter()
        .filter_map(|(c, mut m)| {
            let docs: HashSet<usize> = m.iter().map(|&i| feats[i].id.doc).collect();
            if docs.len() < 2 {
                return None;
            }
            m.sort_by_key(|&i| feats[i].id);
            let w = weakest.get(&c).copied().unwrap_or(0.0);
            let g = make_group(corpus, &feats, &m, w, stories, strings);
            Some((feats[m[0]].id, g))
        })
        .collect();
    groups.sort_by(|(ia, a), (ib, b)| {
        a.story
            .id
            .cmp(&b.story.id)
            .then(b.quote_differs.cmp(&a.quote_differs))
            .then(b.sources.cmp(&a.sources))
            .then(b.score.total_cmp(&a.score))
            .then(ia.cmp(ib))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

fn make_group(
    corpus: &Corpus,
    feats: &[Feat],
    m: &[usize],
    weakest: f64,
    stories: &Stories,
    strings: &mut Strings,
) -> StatementGroup {
    let entries: Vec<StatementEntry> = m
        .iter()
        .map(|&i| {
            let f = &feats[i];
            let doc = corpus.document(f.id);
            let s = &doc.sentences[f.id.sentence];
            let names = strings.doc(f.id.doc, doc);
            StatementEntry {
                id: f.id,
                source: names.source,
                outlet: names.outlet,
                display: names.display,
                line: s.line,
                sentence: strings.sentence(f.id.doc, doc, f.id.sentence),
                claimers: f.ev().claimers.iter().map(|c| c.to_string()).collect(),
                quotes: f.ev().quotes.iter().map(|q| q.0.clone()).collect(),
                caption: s.kind == ParagraphKind::Caption,
            }
        })
        .collect();
    let docs: HashSet<usize> = entries.iter().map(|e| e.id.doc).collect();
    // The claimer most entries name.
    let mut counts: Vec<(String, usize)> = Vec::new();
    for e in &entries {
        for c in &e.claimers {
            match counts.iter_mut().find(|(n, _)| n == c) {
                Some(x) => x.1 += 1,
                None => counts.push((c.clone(), 1)),
            }
        }
    }
    let claimer = counts
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.len().cmp(&a.0.len()).reverse()))
        .filter(|c| c.1 >= 2 || entries.len() == 2)
        .map(|c| c.0.clone());

    // The medoid: the member closest to all others by term cosine, i.e. to
    // the sum of the members' vectors (captions only when every member is
    // one). Linear in the group.
    let mut centroid: HashMap<u32, f64> = HashMap::default();
    for &i in m {
        for (t, w) in &feats[i].terms {
            *centroid.entry(*t).or_default() += w;
        }
    }
    let sums: Vec<f64> = m
        .iter()
        .map(|&i| {
            feats[i]
                .terms
                .iter()
                .map(|(t, w)| w * centroid.get(t).copied().unwrap_or(0.0))
                .sum()
        })
        .collect();
    let medoid = (0..m.len())
        .max_by(|&x, &y| {
            let caption = |i: usize| entries[i].caption;
            caption(y)
                .cmp(&caption(x))
                .then(if (sums[x] - sums[y]).abs() <= 1e-9 {
                    std::cmp::Ordering::Equal
                } else {
                    sums[x].total_cmp(&sums[y])
                })
                .then(y.cmp(&x))
        })
        .unwrap_or(0);
    // Every cross-source pair when there are few, else each member against
    // the medoid, so the diffs grow with the group, not with its square.
    let cross = |a: usize, b: usize| feats[m[a]].id.doc != feats[m[b]].id.doc;
    let all_pairs: Vec<(usize, usize)> = (0..m.len())
        .flat_map(|a| (a + 1..m.len()).map(move |b| (a, b)))
        .filter(|&(a, b)| cross(a, b))
        .take(MAX_DIFFS + 1)
        .collect();
    let (diff_pairs, pairs) = if all_pairs.len() <= MAX_DIFFS {
        ("all", all_pairs)
    } else {
        let pairs = (0..m.len())
            .filter(|&x| x != medoid && cross(x, medoid))
            .map(|x| (x.min(medoid), x.max(medoid)))
            .collect();
        ("medoid", pairs)
    };
    let mut diffs: Vec<WordDiff> = pairs
        .into_iter()
        .map(|(a, b)| pair_diff(&feats[m[a]], &feats[m[b]], &entries, a, b))
        .collect();
    let misquote = |d: &WordDiff| d.kind == "quote" && d.speaker.is_some() && substituted(d);
    diffs.sort_by_key(|d: &WordDiff| (!misquote(d), d.kind != "quote", d.a, d.b));
    let quote_differs = diffs.iter().any(misquote);
    let quote = diffs
        .iter()
        .find(|d| d.kind == "quote")
        .and_then(|d| quote_of(&feats[m[d.a]], &feats[m[d.b]]));
    let label = label(&entries[medoid].sentence, quote, claimer.as_deref());
    StatementGroup {
        label,
        claimer,
        quote_differs,
        score: (weakest * 1000.0).round() / 1000.0,
        sources: docs.len(),
        story: stories.reference(feats[m[0]].story),
        entries,
        diff_pairs,
        diffs,
    }
}

fn pair_diff(fa: &Feat, fb: &Feat, entries: &[StatementEntry], a: usize, b: usize) -> WordDiff {
    let mut best: Option<(f64, usize, usize)> = None;
    for (i, qa) in fa.ev().quotes.iter().enumerate() {
        for (j, qb) in fb.ev().quotes.iter().enumerate() {
            let s = jaccard(&qa.2, &qb.2);
            if s >= 0.3 && best.is_none_or(|(bs, _, _)| s > bs) {
                best = Some((s, i, j));
            }
        }
    }
    if let Some((_, i, j)) = best {
        let (qa, qb) = (&fa.ev().quotes[i], &fb.ev().quotes[j]);
        let who_a: Vec<&Arc<str>> = qa.1.iter().chain(&fa.ev().claimers).collect();
        let speaker =
            qb.1.iter()
                .chain(&fb.ev().claimers)
                .find(|s| who_a.contains(s))
                .map(|s| s.to_string());
        let changes = word_diff(&qa.0, &qb.0);
        return WordDiff {
            a,
            b,
            kind: "quote",
            speaker,
            changed: changes.iter().any(|c| c.op != Op::Equal),
            changes,
        };
    }
    let changes = word_diff(&entries[a].sentence, &entries[b].sentence);
    WordDiff {
        a,
        b,
        kind: "sentence",
        speaker: None,
        changed: changes.iter().any(|c| c.op != Op::Equal),
        changes,
    }
}

/// Word-level diff of two texts: words compared case-insensitively and
/// without surrounding punctuation; runs of one op merged; texts as written
/// (equal runs as in `a`).
pub fn word_diff(a: &str, b: &str) -> Vec<Change> {
    let wa: Vec<&str> = a.split_whitespace().take(MAX_DIFF_WORDS).collect();
    let wb: Vec<&str> = b.split_whitespace().take(MAX_DIFF_WORDS).collect();
    let key = |w: &&str| -> String {
        let k: String = w
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if k.is_empty() { w.to_string() } else { k }
    };
    let ka: Vec<String> = wa.iter().map(key).collect();
    let kb: Vec<String> = wb.iter().map(key).collect();
    let mut out: Vec<Change> = Vec::new();
    let mut push = |op: Op, words: &[&str]| {
        if words.is_empty() {
            return;
        }
        let text = words.join(" ");
        match out.last_mut() {
            Some(last) if last.op == op => {
                last.text.push(' ');
                last.text.push_str(&text);
            }
            _ => out.push(Change { op, text }),
        }
    };
    for op in capture_diff_slices(Algorithm::Myers, &ka, &kb) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push(Op::Equal, &wa[old_index..old_index + len])
            }
            DiffOp::Delete {
                old_index, old_len, ..
            } => push(Op::Delete, &wa[old_index..old_index + old_len]),
            DiffOp::Insert {
                new_index, new_len, ..
            } => push(Op::Insert, &wb[new_index..new_index + new_len]),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                push(Op::Delete, &wa[old_index..old_index + old_len]);
                push(Op::Insert, &wb[new_index..new_index + new_len]);
            }
        }
    }
    out
}

/// True when a diff replaces words by others (not only cuts, additions or
/// editorial brackets and ellipses): "chapter" → "page".
fn substituted(d: &WordDiff) -> bool {
    let editorial = |t: &str| t.contains(['[', ']', '…']) || t.contains("...");
    d.changes.windows(2).any(|w| {
        w[0].op != Op::Equal
            && w[1].op != Op::Equal
            && w[0].op != w[1].op
            && !editorial(&w[0].text)
            && !editorial(&w[1].text)
    })
}

/// The quote of `fa` that best matches one of `fb`.
fn quote_of<'f>(fa: &'f Feat, fb: &Feat) -> Option<&'f str> {
    let mut best: Option<(f64, &str)> = None;
    for qa in &fa.ev().quotes {
        for qb in &fb.ev().quotes {
            let s = jaccard(&qa.2, &qb.2);
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, qa.0.as_str()));
            }
        }
    }
    best.map(|b| b.1)
}

/// "Volodymyr Zelensky: “new chapter of instability in the world”": the
/// claimer with the shared quote, else with the most central sentence,
/// shortened.
fn label(sentence: &str, quote: Option<&str>, claimer: Option<&str>) -> String {
    let text = match quote {
        Some(q) => format!("“{}”", shorten(q.trim_matches([',', '.', ' ']), 90)),
        None => shorten(sentence, 100),
    };
    match claimer {
        Some(c) => format!("{c}: {text}"),
        None => text,
    }
}

pub(super) fn coverage(
    corpus: &Corpus,
    facts: &Facts,
    statements: &[StatementGroup],
    stories: &Stories,
    strings: &mut Strings,
) -> Coverage {
    let aligned: HashSet<SentenceId> = statements
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.id))
        .collect();
    let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); corpus.documents.len()];
    for (i, g) in statements.iter().enumerate() {
        for e in &g.entries {
            if let Some(v) = in_groups.get_mut(e.id.doc)
                && v.last() != Some(&i)
            {
                v.push(i);
            }
        }
    }
    // Counted first, so the list is allocated once at its size.
    let count: usize = corpus
        .documents
        .iter()
        .zip(&facts.docs)
        .enumerate()
        .map(|(d, (doc, a))| {
            a.claims
                .iter()
                .filter(|c| {
                    let id = SentenceId {
                        doc: d,
                        sentence: c.sentence,
                    };
                    !aligned.contains(&id) && c.sentence < doc.sentences.len()
                })
                .count()
        })
        .sum();
    let mut sources = Vec::with_capacity(corpus.documents.len());
    let mut exclusive = Vec::with_capacity(count);
    for (d, (doc, in_groups)) in corpus.documents.iter().zip(in_groups).enumerate() {
        let before = exclusive.len();
        let names = strings.doc(d, doc);
        if let Some(a) = facts.docs.get(d) {
            for c in &a.claims {
                let id = SentenceId {
                    doc: d,
                    sentence: c.sentence,
                };
                if aligned.contains(&id) || c.sentence >= doc.sentences.len() {
                    continue;
                }
                let s = &doc.sentences[c.sentence];
                exclusive.push(ExclusiveClaim {
                    id,
                    source: names.source.clone(),
                    outlet: names.outlet.clone(),
                    display: names.display.clone(),
                    line: s.line,
                    sentence: strings.sentence(d, doc, c.sentence),
                    claimer: c.claimer.map(|i| strings.name(&c.claimers[i])),
                    kinds: c.kinds().map(|k| k.as_str()).collect(),
                    caption: s.kind == ParagraphKind::Caption,
                });
            }
        }
        sources.push(SourceCoverage {
            source: names.source.to_string(),
            outlet: names.outlet.as_deref().map(str::to_string),
            display: names.display.to_string(),
            story: stories.doc_story.get(d).copied().unwrap_or(0),
            statements: in_groups,
            exclusive: exclusive.len() - before,
        });
    }
    Coverage { sources, exclusive }
}

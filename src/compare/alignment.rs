//! Aligned statements: candidate pairs scored and merged best first with
//! complete linkage into groups of sentences from different outlets; each
//! group gets its medoid, its word diffs and its label (rules in the module
//! docs).

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::diffs::{pair_diff, substituted};
use super::facts::Facts;
use super::lexicon::LEXICON;
use super::similarity::{
    Feat, MAX_POSTINGS, Pair, ScoredPair, candidates_capped, features, jaccard, score,
};
use super::stories::Stories;
use super::{
    DiffKind, DiffPairs, StatementEntry, StatementGroup, StatementLabel, Strings, WordDiff,
};
use crate::corpus::{Corpus, SentenceId};
use crate::document::ParagraphKind;

/// A pair seeds or extends a group at this score.
const PAIR_THRESHOLD: f64 = 0.42;
/// Every cross-source pair of a group must reach this score.
const LINK_THRESHOLD: f64 = 0.3;
/// Largest group (bounds the complete-linkage checks).
const MAX_GROUP: usize = 64;
/// Word diffs per group.
const MAX_DIFFS: usize = 12;

/// The statement groups of the corpus, ranked: by story, misquotes first,
/// then by sources, then by score.
pub(super) fn align(
    corpus: &Corpus,
    facts: &Facts,
    stories: &Stories,
    strings: &mut Strings,
) -> Vec<StatementGroup> {
    align_capped(corpus, facts, stories, strings, MAX_POSTINGS)
}

/// As [`align`], reading a term's list of one story whole up to `cap`
/// postings (see [`candidates_capped`]).
pub(super) fn align_capped(
    corpus: &Corpus,
    facts: &Facts,
    stories: &Stories,
    strings: &mut Strings,
    cap: usize,
) -> Vec<StatementGroup> {
    let lex = &*LEXICON;
    let feats = features(corpus, facts, lex, &stories.doc_story, strings);
    // Scored in parallel; pairs below the seed score are never merged.
    let scored: Vec<ScoredPair> = candidates_capped(&feats, cap)
        .into_par_iter()
        .filter_map(|Pair { a, b }| {
            let (a, b) = (a as usize, b as usize);
            let s = score(&feats[a], &feats[b]);
            (s >= PAIR_THRESHOLD).then_some(ScoredPair { score: s, a, b })
        })
        .collect();
    // Pairs lie within one story, so each story is linked on its own, in
    // parallel.
    let mut by_story: Vec<Vec<ScoredPair>> = vec![Vec::new(); stories.stories.len().max(1)];
    for p in scored {
        let story = feats[p.a].story.min(by_story.len() - 1);
        by_story[story].push(p);
    }
    let linked: Vec<(Vec<usize>, f64)> = by_story
        .into_par_iter()
        .flat_map_iter(|pairs| link(&feats, pairs))
        .collect();

    // The entries share strings, made one at a time; the rest of each
    // group (medoid, word diffs, label) is its own, made in parallel.
    let with_entries: Vec<(Vec<usize>, f64, Vec<StatementEntry>)> = linked
        .into_iter()
        .filter_map(|(mut m, w)| {
            let docs: HashSet<usize> = m.iter().map(|&i| feats[i].id.doc).collect();
            if docs.len() < 2 {
                return None;
            }
            m.sort_by_key(|&i| feats[i].id);
            let entries = entries(corpus, &feats, &m, strings);
            Some((m, w, entries))
        })
        .collect();
    let mut groups: Vec<(SentenceId, StatementGroup)> = with_entries
        .into_par_iter()
        .map(|(m, w, entries)| (feats[m[0]].id, make_group(&feats, &m, entries, w, stories)))
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

/// Best-first complete linkage of the scored pairs of one story: the
/// groups (of two members or more) with their weakest link. The links a
/// merge checks are scored again rather than remembered: a table of every
/// pair's score was most of the memory of a large story, and the score is
/// cheap.
fn link(feats: &[Feat], mut pairs: Vec<ScoredPair>) -> Vec<(Vec<usize>, f64)> {
    pairs.sort_by(ScoredPair::best_first);
    // A sentence's cluster, where it has joined one.
    let mut cluster: HashMap<usize, usize> = HashMap::default();
    let mut members: HashMap<usize, Vec<usize>> = HashMap::default();
    let mut weakest: HashMap<usize, f64> = HashMap::default();
    for ScoredPair {
        score: s,
        a: i,
        b: j,
    } in pairs
    {
        let ci = cluster.get(&i).copied().unwrap_or(i);
        let cj = cluster.get(&j).copied().unwrap_or(j);
        if ci == cj {
            continue;
        }
        let (alone_i, alone_j) = ([i], [j]);
        let mi: &[usize] = members.get(&ci).map_or(&alone_i, Vec::as_slice);
        let mj: &[usize] = members.get(&cj).map_or(&alone_j, Vec::as_slice);
        if mi.len() + mj.len() > MAX_GROUP {
            continue;
        }
        let mut min = s;
        let mut ok = true;
        'check: for &a in mi {
            for &b in mj {
                if feats[a].id.doc == feats[b].id.doc {
                    continue;
                }
                let (lo, hi) = (a.min(b), a.max(b));
                let sc = score(&feats[lo], &feats[hi]);
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
        let mj = members.remove(&cj).unwrap_or_else(|| vec![j]);
        let mut all = members.remove(&ci).unwrap_or_else(|| vec![i]);
        for &m in &mj {
            cluster.insert(m, ci);
        }
        cluster.insert(i, ci);
        all.extend(mj);
        members.insert(ci, all);
        weakest.insert(ci, min.min(wi).min(wj));
    }
    members
        .into_iter()
        .map(|(c, m)| {
            let w = weakest.get(&c).copied().unwrap_or(0.0);
            (m, w)
        })
        .collect()
}

/// A claimer name and how many entries name it.
struct Tally {
    name: String,
    count: usize,
}

/// The entries of the group of features `m` (sorted by sentence).
fn entries(
    corpus: &Corpus,
    feats: &[Feat],
    m: &[usize],
    strings: &mut Strings,
) -> Vec<StatementEntry> {
    m.iter()
        .map(|&i| {
            let f = &feats[i];
            let doc = corpus.document(f.id);
            let s = &doc.sentences[f.id.sentence];
            let names = strings.doc(corpus, f.id.doc);
            StatementEntry {
                id: f.id,
                source: names.source,
                outlet: names.outlet,
                display: names.display,
                title: names.title,
                date: names.date,
                url: names.url,
                also_at: names.also_at,
                line: s.line,
                sentence: strings.sentence(f.id.doc, doc, f.id.sentence),
                claimers: f.ev().claimers.iter().map(|c| c.to_string()).collect(),
                quotes: f.ev().quotes.iter().map(|q| q.text.clone()).collect(),
                caption: s.kind == ParagraphKind::Caption,
            }
        })
        .collect()
}

/// The group of features `m` (sorted by sentence) with its `entries`,
/// whose weakest link scored `weakest`.
fn make_group(
    feats: &[Feat],
    m: &[usize],
    entries: Vec<StatementEntry>,
    weakest: f64,
    stories: &Stories,
) -> StatementGroup {
    let docs: HashSet<usize> = entries.iter().map(|e| e.id.doc).collect();
    // The claimer most entries name.
    let mut counts: Vec<Tally> = Vec::new();
    for e in &entries {
        for c in &e.claimers {
            match counts.iter_mut().find(|t| t.name == *c) {
                Some(t) => t.count += 1,
                None => counts.push(Tally {
                    name: c.clone(),
                    count: 1,
                }),
            }
        }
    }
    let claimer = counts
        .iter()
        .max_by(|a, b| {
            a.count
                .cmp(&b.count)
                .then(b.name.len().cmp(&a.name.len()).reverse())
        })
        .filter(|t| t.count >= 2 || entries.len() == 2)
        .map(|t| t.name.clone());

    // The medoid: the member closest to all others by term cosine, i.e. to
    // the sum of the members' vectors (captions only when every member is
    // one). Linear in the group.
    let mut centroid: HashMap<u32, f64> = HashMap::default();
    for &i in m {
        for t in &feats[i].terms {
            *centroid.entry(t.term).or_default() += t.weight;
        }
    }
    let sums: Vec<f64> = m
        .iter()
        .map(|&i| {
            feats[i]
                .terms
                .iter()
                .map(|t| t.weight * centroid.get(&t.term).copied().unwrap_or(0.0))
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
        (DiffPairs::All, all_pairs)
    } else {
        let pairs = (0..m.len())
            .filter(|&x| x != medoid && cross(x, medoid))
            .map(|x| (x.min(medoid), x.max(medoid)))
            .collect();
        (DiffPairs::Medoid, pairs)
    };
    let mut diffs: Vec<WordDiff> = pairs
        .into_iter()
        .map(|(a, b)| pair_diff(&feats[m[a]], &feats[m[b]], &entries, a, b))
        .collect();
    let misquote =
        |d: &WordDiff| d.kind == DiffKind::Quote && d.speaker.is_some() && substituted(d);
    diffs.sort_by_key(|d: &WordDiff| (!misquote(d), d.kind != DiffKind::Quote, d.a, d.b));
    let quote_differs = diffs.iter().any(misquote);
    let quote = diffs
        .iter()
        .find(|d| d.kind == DiffKind::Quote)
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

/// The quote of `fa` that best matches one of `fb`.
fn quote_of<'f>(fa: &'f Feat, fb: &Feat) -> Option<&'f str> {
    let mut best: Option<(f64, &str)> = None;
    for qa in &fa.ev().quotes {
        for qb in &fb.ev().quotes {
            let s = jaccard(&qa.stems, &qb.stems);
            if best.is_none_or(|(bs, _)| s > bs) {
                best = Some((s, qa.text.as_str()));
            }
        }
    }
    best.map(|b| b.1)
}

/// "Volodymyr Zelensky: “new chapter of instability in the world”": the
/// claimer with the shared quote, else with the most central sentence, in
/// full (readers cut it to their width).
fn label(sentence: &str, quote: Option<&str>, claimer: Option<&str>) -> StatementLabel {
    let (text, quoted) = match quote {
        Some(q) => (q.trim_matches([',', '.', ' ']).to_string(), true),
        None => (sentence.to_string(), false),
    };
    StatementLabel {
        claimer: claimer.map(str::to_string),
        text,
        quoted,
    }
}

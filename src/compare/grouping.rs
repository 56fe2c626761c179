//! Which figures form one group. Figures with equal keys are one quantity —
//! a count of what happened to what ("people shot"), the age of a named
//! person — and form one group, split only by a stated detail (two first
//! names under one surname). Figures measured by context (money,
//! durations, distances, shares) are one quantity only when the words
//! around them say so: complete linkage, every pair of a group sharing
//! enough context words or standing in two articles' leads ([`linked`]).
//! A figure of unknown identity stays
//! alone. Then values more than [`MAX_RATIO`] apart are not taken for
//! one quantity: "one person died" and a background "49 people" in the same
//! story are two groups, not a disagreement; one voice of one document
//! (its body or a caption, per claimer) gives one value per quantity
//! ([`by_source`]); and disagreeing values stay together only when their
//! clauses or their places in the leads say they are one statement
//! ([`by_support`]).

use rustc_hash::FxHashMap as HashMap;
use std::collections::{BTreeMap, BTreeSet};

use super::figures::{Item, Key};
use super::quantity::Identity;
use super::verdict::same_value;

/// Anchors shared by more figures of one bucket than this are too common to
/// tie figures together; they find no candidates.
const MAX_ANCHOR_POSTINGS: usize = 64;
/// A group of context figures stops growing here: past it, it lumps.
const MAX_CONTEXT_GROUP: usize = 64;
/// Context figures are linked when they share at least NUM/DEN of the
/// fewer anchors (counting at most [`MAX_ANCHORS_NEEDED`]), and at least one.
const ANCHOR_SHARE_NUM: usize = 1;
const ANCHOR_SHARE_DEN: usize = 3;
const MAX_ANCHORS_NEEDED: usize = 6;
/// Share of the smaller clause two disagreeing figures must have in common
/// to be taken for one statement.
const MIN_CLAUSE_SHARE: f64 = 0.3;
/// Two values of one group are at most this many times apart; a group
/// whose values spread wider is cut at its widest gaps ([`by_value`]).
const MAX_RATIO: f64 = 3.0;
/// A document's first sentences, where reports of one event give its main
/// figures ([`in_leads`]).
const LEAD: usize = 3;

/// The items of each group, ascending, groups in order of their first item.
pub(super) fn members(items: &[Item]) -> Vec<Vec<usize>> {
    let mut buckets: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    let mut first_of: HashMap<&Key, usize> = HashMap::default();
    for (i, it) in items.iter().enumerate() {
        let first = match it.key.identity {
            Identity::Unknown => i,
            _ => *first_of.entry(&it.key).or_insert(i),
        };
        buckets.entry(first).or_default().push(i);
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for bucket in buckets.into_values() {
        let parts = match items[bucket[0]].key.identity {
            Identity::Context => by_context(items, &bucket),
            _ => by_detail(items, bucket),
        };
        for p in parts {
            for v in by_value(items, p) {
                for q in by_source(items, v) {
                    groups.extend(by_support(items, q));
                }
            }
        }
    }
    groups.sort_by_key(|g| g[0]);
    groups
}

/// The items of `group` that decide its verdict.
fn deciding(items: &[Item], group: &[usize]) -> Vec<usize> {
    group
        .iter()
        .copied()
        .filter(|&i| items[i].decides)
        .collect()
}

/// Splits a group whose deciding values spread more than [`MAX_RATIO`]
/// times apart, at the widest gap between them (on a log scale), until no
/// part spreads so far: 2, 3, 5, 10, 28, 40 and 50 killed are two parts or
/// more, not one chained from step to step. The other entries join the
/// part nearest their value.
fn by_value(items: &[Item], group: Vec<usize>) -> Vec<Vec<usize>> {
    let mut deciding = deciding(items, &group);
    if deciding.len() < 2 {
        return vec![group];
    }
    deciding.sort_by(|&a, &b| items[a].value.total_cmp(&items[b].value).then(a.cmp(&b)));
    let log = |v: f64| v.abs().max(f64::MIN_POSITIVE).ln();
    // The gap between two neighbouring values; a change of sign (or zero)
    // is wider than any.
    let gap = |lo: f64, hi: f64| {
        if lo <= 0.0 && hi > 0.0 || lo < 0.0 && hi >= 0.0 {
            f64::INFINITY
        } else {
            (log(hi) - log(lo)).abs()
        }
    };
    let too_wide = |lo: usize, hi: usize| {
        gap(items[deciding[lo]].value, items[deciding[hi]].value) > MAX_RATIO.ln()
    };
    if !too_wide(0, deciding.len() - 1) {
        return vec![group];
    }
    // Cutting the widest gap of each part that is too wide, again and again,
    // is cutting the gaps widest first wherever the part around a gap is
    // still too wide: a part never too wide holds no part that is.
    let mut gaps: Vec<(f64, usize)> = (1..deciding.len())
        .map(|a| {
            (
                gap(items[deciding[a - 1]].value, items[deciding[a]].value),
                a,
            )
        })
        .collect();
    gaps.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
    let mut cuts: BTreeSet<usize> = BTreeSet::new();
    for (_, a) in gaps {
        let lo = cuts.range(..a).next_back().copied().unwrap_or(0);
        let hi = cuts
            .range(a + 1..)
            .next()
            .copied()
            .unwrap_or(deciding.len());
        if too_wide(lo, hi - 1) {
            cuts.insert(a);
        }
    }
    let mut done: Vec<Vec<usize>> = Vec::new();
    let mut start = 0;
    for end in cuts.into_iter().chain([deciding.len()]) {
        done.push(deciding[start..end].to_vec());
        start = end;
    }
    // (lowest, highest) value of each part, and its items.
    let mut parts: Vec<(f64, f64, Vec<usize>)> = done
        .into_iter()
        .map(|m| (items[m[0]].value, items[m[m.len() - 1]].value, m))
        .collect();
    if parts.len() == 1 {
        return vec![group];
    }
    for &i in group.iter().filter(|&&i| !items[i].decides) {
        let v = items[i].value.abs().max(f64::MIN_POSITIVE).ln();
        let distance = |p: &(f64, f64, Vec<usize>)| {
            let (lo, hi) = (
                p.0.abs().max(f64::MIN_POSITIVE).ln(),
                p.1.abs().max(f64::MIN_POSITIVE).ln(),
            );
            if v < lo {
                lo - v
            } else if v > hi {
                v - hi
            } else {
                0.0
            }
        };
        if let Some(p) = parts
            .iter_mut()
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        {
            p.2.push(i);
        }
    }
    parts
        .into_iter()
        .map(|(_, _, mut m)| {
            m.sort_unstable();
            m
        })
        .collect()
}

/// A document and who speaks in it for a figure ([`Item::voice`]).
type Voice = (usize, (bool, u64));

/// The overlapping intervals of `m`'s items, in order: each part's highest
/// value and its items.
fn interval_parts(items: &[Item], m: &[usize]) -> Vec<(f64, Vec<usize>)> {
    let mut sorted = m.to_vec();
    sorted.sort_by(|&a, &b| items[a].low.total_cmp(&items[b].low).then(a.cmp(&b)));
    let mut parts: Vec<(f64, Vec<usize>)> = Vec::new();
    for i in sorted {
        match parts.last_mut() {
            Some((high, m)) if items[i].low <= *high || same_value(items[i].low, *high) => {
                *high = high.max(items[i].high);
                m.push(i);
            }
            _ => parts.push((items[i].high, vec![i])),
        }
    }
    parts
}

/// One voice gives one value for one quantity: when a document states two
/// values in one voice, a group cannot hold both ("one person died" and, of
/// an earlier case, "two people were killed") unless it says one revised
/// the other. Each claimer the article cites is a voice ("Kyiv says 11,000;
/// Washington says 10,000" is one quantity in dispute), and so is a caption,
/// written apart from the body. Each value of the voice that states most
/// values is one part; every other voice's value joins the part holding its
/// value, else the part whose clauses its clause shares most of, and never
/// a part that already holds another value of its own voice.
fn by_source(items: &[Item], group: Vec<usize>) -> Vec<Vec<usize>> {
    // As in `by_support`: a group this large is not searched pair by pair.
    if group.len() > MAX_CONTEXT_GROUP * 4 {
        return vec![group];
    }
    let deciding = deciding(items, &group);
    let mut by_voice: BTreeMap<Voice, Vec<usize>> = BTreeMap::new();
    for &i in &deciding {
        by_voice
            .entry((items[i].id.doc, items[i].voice))
            .or_default()
            .push(i);
    }
    // Each voice's values: its items of overlapping intervals together; a
    // voice that states a revision keeps its values as one.
    let values: Vec<(Voice, Vec<Vec<usize>>)> = by_voice
        .into_iter()
        .map(|(voice, m)| {
            let parts = if m.iter().any(|&i| items[i].revision) {
                vec![m]
            } else {
                interval_parts(items, &m)
                    .into_iter()
                    .map(|(_, p)| p)
                    .collect()
            };
            (voice, parts)
        })
        .collect();
    let Some(widest) = (0..values.len()).max_by_key(|&k| (values[k].1.len(), usize::MAX - k))
    else {
        return vec![group];
    };
    if values[widest].1.len() < 2 {
        return vec![group];
    }
    // (voices held, items) of each part.
    let mut parts: Vec<(Vec<Voice>, Vec<usize>)> = values[widest]
        .1
        .iter()
        .map(|m| (vec![values[widest].0], m.clone()))
        .collect();
    for (k, (voice, voice_values)) in values.iter().enumerate() {
        if k == widest {
            continue;
        }
        let mut taken: Vec<usize> = Vec::new();
        for m in voice_values {
            let overlaps = |p: &[usize]| {
                m.iter().any(|&i| {
                    p.iter().any(|&j| {
                        items[i].low <= items[j].high && items[j].low <= items[i].high
                            || same_value(items[i].value, items[j].value)
                    })
                })
            };
            let share = |p: &[usize]| {
                m.iter()
                    .flat_map(|&i| p.iter().map(move |&j| clause_share(&items[i], &items[j])))
                    .fold(0.0, f64::max)
            };
            let best = parts
                .iter()
                .enumerate()
                .filter(|(p, (voices, _))| !taken.contains(p) && !voices.contains(voice))
                .map(|(p, (_, members))| (p, (overlaps(members), share(members))))
                .max_by(|a, b| {
                    a.1.0
                        .cmp(&b.1.0)
                        .then(a.1.1.total_cmp(&b.1.1))
                        .then(b.0.cmp(&a.0))
                })
                .map(|(p, _)| p);
            match best {
                Some(p) => {
                    parts[p].0.push(*voice);
                    parts[p].1.extend(m);
                    taken.push(p);
                }
                None => {
                    taken.push(parts.len());
                    parts.push((vec![*voice], m.clone()));
                }
            }
        }
    }
    let mut out: Vec<Vec<usize>> = parts.into_iter().map(|(_, m)| m).collect();
    attach_nearest(items, &group, &mut out);
    out
}

/// Splits a group whose values disagree when nothing says the disagreeing
/// figures are one statement: two of its parts of overlapping intervals are
/// one group when two of their figures, from different sources, share at
/// least [`MIN_CLAUSE_SHARE`] of the smaller clause or stand in two leads,
/// and so are the parts joined through such pairs. Ages of a named
/// person need no such support: the name says it.
fn by_support(items: &[Item], group: Vec<usize>) -> Vec<Vec<usize>> {
    if matches!(items[group[0]].key.identity, Identity::Age { .. }) {
        return vec![group];
    }
    let deciding = deciding(items, &group);
    if deciding.len() < 2 {
        return vec![group];
    }
    let parts = interval_parts(items, &deciding);
    // A group this large stays whole whatever its clauses say: asked first,
    // its pairs are never compared.
    if parts.len() < 2 || group.len() > MAX_CONTEXT_GROUP * 4 {
        return vec![group];
    }
    // Figures of one clause share its stems: each part's distinct (document,
    // clause) pairs are compared, not every pair of figures (a sentence of
    // many figures has one clause for many of them).
    let clauses = |m: &[usize]| -> Vec<(usize, &Item)> {
        let mut seen: HashMap<(usize, *const u32), usize> = HashMap::default();
        m.iter()
            .filter(|&&i| {
                let key = (items[i].id.doc, items[i].clause.as_ptr());
                seen.insert(key, i).is_none()
            })
            .map(|&i| (items[i].id.doc, &items[i]))
            .collect()
    };
    let distinct: Vec<Vec<(usize, &Item)>> = parts.iter().map(|(_, m)| clauses(m)).collect();
    let supported = |x: usize, y: usize| {
        distinct[x].iter().any(|&(da, a)| {
            distinct[y]
                .iter()
                .any(|&(db, b)| da != db && (similar_clauses(a, b) || in_leads(a, b)))
        })
    };
    // Parts said to be one statement are one group, whatever the others
    // say: one unsupported outlier does not split the rest apart.
    let mut component: Vec<usize> = (0..parts.len()).collect();
    for y in 1..parts.len() {
        for x in 0..y {
            if component[x] != component[y] && supported(x, y) {
                let (keep, gone) = (
                    component[x].min(component[y]),
                    component[x].max(component[y]),
                );
                for c in component.iter_mut().filter(|c| **c == gone) {
                    *c = keep;
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for ((_, m), c) in parts.into_iter().zip(component) {
        joined.entry(c).or_default().extend(m);
    }
    if joined.len() == 1 {
        return vec![group];
    }
    // Not one statement: each component its own group, the others to the
    // one whose value is nearest theirs.
    let mut out: Vec<Vec<usize>> = joined.into_values().collect();
    attach_nearest(items, &group, &mut out);
    out
}

/// The items of `group` that do not decide join the part of `parts` whose
/// value is nearest theirs; each part sorted after.
fn attach_nearest(items: &[Item], group: &[usize], parts: &mut [Vec<usize>]) {
    for &i in group.iter().filter(|&&i| !items[i].decides) {
        let v = items[i].value;
        let distance = |m: &Vec<usize>| {
            m.iter()
                .map(|&j| (items[j].value - v).abs())
                .fold(f64::INFINITY, f64::min)
        };
        if let Some(m) = parts
            .iter_mut()
            .min_by(|a, b| distance(a).total_cmp(&distance(b)))
        {
            m.push(i);
        }
    }
    for m in parts.iter_mut() {
        m.sort_unstable();
    }
}

/// Whether two figures of different documents both stand in their
/// documents' first [`LEAD`] sentences, where reports of one event give
/// its main figures.
fn in_leads(a: &Item, b: &Item) -> bool {
    a.id.doc != b.id.doc && a.id.sentence < LEAD && b.id.sentence < LEAD
}

/// Whether two figures' clauses share at least [`MIN_CLAUSE_SHARE`] of the
/// smaller one.
fn similar_clauses(a: &Item, b: &Item) -> bool {
    clause_share(a, b) >= MIN_CLAUSE_SHARE
}

/// The share of the smaller of two figures' clauses that the other holds.
fn clause_share(a: &Item, b: &Item) -> f64 {
    // The shorter list searched in the longer: the count is the same.
    let (x, y) = if a.clause.len() <= b.clause.len() {
        (&a.clause, &b.clause)
    } else {
        (&b.clause, &a.clause)
    };
    if x.is_empty() {
        return 0.0;
    }
    let shared = x.iter().filter(|t| y.binary_search(t).is_ok()).count();
    shared as f64 / x.len() as f64
}

/// Splits a bucket by stated detail: items whose details share a word are
/// one (Larry Darnell Gordon and Larry Gordon); items that state none join
/// the one person stated; when several are stated, they cannot tell which
/// and stay alone (one "Zawahri, 23" beside John and Samir Zawahri).
fn by_detail(items: &[Item], bucket: Vec<usize>) -> Vec<Vec<usize>> {
    // Union-find over the stated items, joined through shared words.
    let stated: Vec<usize> = bucket
        .iter()
        .copied()
        .filter(|&i| !items[i].detail.is_empty())
        .collect();
    let mut parent: Vec<usize> = (0..stated.len()).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    let mut first_with: HashMap<&str, usize> = HashMap::default();
    for (k, &i) in stated.iter().enumerate() {
        for word in &items[i].detail {
            match first_with.get(word.as_str()) {
                Some(&other) => {
                    let (a, b) = (find(&mut parent, k), find(&mut parent, other));
                    parent[a] = b;
                }
                None => {
                    first_with.insert(word, k);
                }
            }
        }
    }
    let mut people: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (k, &i) in stated.iter().enumerate() {
        people.entry(find(&mut parent, k)).or_default().push(i);
    }
    if people.len() <= 1 {
        return vec![bucket];
    }
    let mut out: Vec<Vec<usize>> = people.into_values().collect();
    out.extend(
        bucket
            .into_iter()
            .filter(|&i| items[i].detail.is_empty())
            .map(|i| vec![i]),
    );
    out
}

/// Whether two context figures share enough words to be one quantity.
fn linked(a: &Item, b: &Item) -> bool {
    if in_leads(a, b) {
        return true;
    }
    let shared = a
        .anchors
        .iter()
        .filter(|x| b.anchors.iter().any(|y| y.stem == x.stem))
        .count();
    let fewer = a.anchors.len().min(b.anchors.len()).min(MAX_ANCHORS_NEEDED);
    shared >= 1 && shared * ANCHOR_SHARE_DEN >= fewer * ANCHOR_SHARE_NUM
}

/// Complete linkage over the pairs that share an anchor, most shared
/// anchors first.
fn by_context(items: &[Item], bucket: &[usize]) -> Vec<Vec<usize>> {
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::default();
    for (k, &i) in bucket.iter().enumerate() {
        for a in &items[i].anchors {
            postings.entry(a.stem).or_default().push(k);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::default();
    for p in postings.values().filter(|p| p.len() <= MAX_ANCHOR_POSTINGS) {
        for (x, &a) in p.iter().enumerate() {
            for &b in &p[x + 1..] {
                *shared.entry((a, b)).or_default() += 1;
            }
        }
    }
    let leads: Vec<usize> = (0..bucket.len())
        .filter(|&k| items[bucket[k]].id.sentence < LEAD)
        .collect();
    if leads.len() <= MAX_ANCHOR_POSTINGS {
        for (x, &a) in leads.iter().enumerate() {
            for &b in &leads[x + 1..] {
                if items[bucket[a]].id.doc != items[bucket[b]].id.doc {
                    shared.entry((a, b)).or_default();
                }
            }
        }
    }
    let mut pairs: Vec<(usize, usize, usize)> = shared
        .into_iter()
        .filter(|&((a, b), _)| linked(&items[bucket[a]], &items[bucket[b]]))
        .map(|((a, b), n)| (n, a, b))
        .collect();
    pairs.sort_by(|x, y| y.0.cmp(&x.0).then((x.1, x.2).cmp(&(y.1, y.2))));
    let mut cluster: Vec<usize> = (0..bucket.len()).collect();
    let mut member_list: Vec<Vec<usize>> = (0..bucket.len()).map(|k| vec![k]).collect();
    for (_, a, b) in pairs {
        let (ca, cb) = (cluster[a], cluster[b]);
        if ca == cb || member_list[ca].len() + member_list[cb].len() > MAX_CONTEXT_GROUP {
            continue;
        }
        let all = member_list[ca].iter().all(|&x| {
            member_list[cb]
                .iter()
                .all(|&y| linked(&items[bucket[x]], &items[bucket[y]]))
        });
        if !all {
            continue;
        }
        let (keep, gone) = (ca.min(cb), ca.max(cb));
        let moved = std::mem::take(&mut member_list[gone]);
        for &x in &moved {
            cluster[x] = keep;
        }
        member_list[keep].extend(moved);
    }
    member_list
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|mut m| {
            m.sort_unstable();
            m.into_iter().map(|k| bucket[k]).collect()
        })
        .collect()
}

//! Figure groups: key, scope, anchors and verdict (rules in the module docs).

use rayon::prelude::*;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::hash::BuildHasher;
use std::ops::Range;
use std::sync::Arc;

use super::context::SentenceContext;
use super::facts::Facts;
use super::grouping;
use super::lexicon::{LEXICON, Lexicon};
use super::quantity::{self, Identity};
use super::stories::Stories;
use super::text::{StemIds, find_phrase, has_digit, hyphen_parts, words};
use super::verdict::{self, same_value};
use super::{DocNames, FigureEntry, FigureGroup, Spread, Strings, ValueHolders, Verdict};
use crate::analysis::FoundFigure;
use crate::corpus::{Corpus, SentenceId};
use crate::document::{Document, ParagraphKind};
use crate::figures::{Qualifier, to_base_unit};

/// What a figure measures: figures with equal keys may group.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Key {
    story: usize,
    /// What the figure counts or measures (`quantity.rs`).
    pub(super) identity: Identity,
    /// The extractor's measure, for figures grouped by context (a duration
    /// and a distance never meet); empty for counts and ages.
    measure: String,
    /// The base unit of the figure's dimension, else its unit, else "".
    unit: String,
    /// The factor of a product ("3,000 soldiers each").
    per_unit: bool,
    /// Who is counted ("North Korean"), for counted measures.
    class: Option<String>,
    /// Told of an earlier event (`quantity::earlier_event`).
    earlier: bool,
}

pub(super) struct Item {
    pub(super) key: Key,
    /// Splits a group only where stated (a first name).
    pub(super) detail: Vec<String>,
    /// A name as written, for the label of an age.
    pub(super) name: Option<String>,
    /// The extractor's measure.
    pub(super) measure: String,
    /// The clause states the figure changed.
    pub(super) revision: bool,
    /// Who speaks in the article for the figure: its caption or body, and
    /// the hash of its claimer's name (0 for none). One voice gives one
    /// value for one quantity (`grouping::by_source`).
    pub(super) voice: (bool, u64),
    /// The value and interval in the base unit, and whether it decides the
    /// verdict.
    pub(super) value: f64,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) decides: bool,
    /// The content stems of the figure's clause (`quantity::clause_stems`),
    /// one list for the figures of one clause.
    pub(super) clause: Arc<[u32]>,
    pub(super) id: SentenceId,
    /// Index into the document's figures.
    pub(super) figure: usize,
    /// Context words (only used without a subject class), nearest first.
    pub(super) anchors: Vec<Anchor>,
    /// The figure's word indices in its sentence.
    pub(super) fig: Range<usize>,
    pub(super) scope: Option<String>,
    /// The subject class came from the document, not the sentence.
    pub(super) subject_inferred: bool,
    /// The figure's own words name who it counts ("Nine Israelis"): no
    /// class is taken from around it.
    pub(super) names_whom: bool,
}

/// A content word near a figure.
#[derive(Clone, Copy)]
pub(super) struct Anchor {
    /// Interned stem.
    pub(super) stem: u32,
    /// Word index in the sentence.
    pub(super) pos: u32,
    /// Byte span in the sentence: a label quotes it without splitting the
    /// sentence into words again.
    pub(super) start: u32,
    pub(super) end: u32,
    /// Written in lowercase inside the sentence (not its first word).
    pub(super) lower: bool,
}

/// Groups the figures in two passes: the keys and anchors of every figure
/// decide the groups first, then each entry is made once, straight into its
/// group (entries made before their group is known would be moved into it,
/// a second full copy at the peak).
pub(super) fn group(
    corpus: &Corpus,
    facts: &mut Facts,
    stories: &Stories,
    strings: &mut Strings,
) -> Vec<FigureGroup> {
    let lex = &*LEXICON;
    // Documents are read in parallel chunks, each with its own stem
    // vocabulary, merged after (ids translated, clause lists re-sorted).
    let chunks: Vec<(StemIds, Vec<Item>)> = corpus
        .documents
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, docs)| {
            let mut vocab = StemIds::default();
            let mut items = Vec::new();
            for (k, doc) in docs.iter().enumerate() {
                let d = c * CHUNK + k;
                if let Some(a) = facts.docs.get(d) {
                    let story = stories.doc_story.get(d).copied().unwrap_or(0);
                    items.extend(doc_items(lex, &mut vocab, d, doc, a, story));
                }
            }
            (vocab, items)
        })
        .collect();
    let mut vocab = StemIds::default();
    let mut items: Vec<Item> = Vec::new();
    for (local, chunk) in chunks {
        let to = vocab.translate(&local);
        // Figures of one clause share its list: translated once.
        let mut clauses: HashMap<*const u32, Arc<[u32]>> = HashMap::default();
        for mut it in chunk {
            for anchor in &mut it.anchors {
                anchor.stem = to[anchor.stem as usize];
            }
            it.clause = clauses
                .entry(it.clause.as_ptr())
                .or_insert_with(|| {
                    let mut ids: Vec<u32> = it.clause.iter().map(|&t| to[t as usize]).collect();
                    ids.sort_unstable();
                    ids.into()
                })
                .clone();
            items.push(it);
        }
    }
    let members = grouping::members(&items);
    let entries = make_entries(corpus, facts, &mut items, &members, strings);
    build_groups(&items, &members, entries, stories)
}

/// Documents read per parallel task.
const CHUNK: usize = 256;

/// The items of document `d`'s figures, in figure order, with the
/// document's consensus subject class filled in.
fn doc_items(
    lex: &Lexicon,
    vocab: &mut StemIds,
    d: usize,
    doc: &Document,
    a: &super::facts::DocFacts,
    story: usize,
) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::new();
    // The figures of each sentence together (in document order within
    // it): a sentence is indexed once for all its figures, and every
    // per-figure question below costs a logarithm or the figure's own
    // window, never the sentence or the document again (issue 14).
    let mut order: Vec<usize> = (0..a.figures.len())
        .filter(|&k| a.figures[k].sentence < doc.sentences.len())
        .collect();
    order.sort_by_key(|&k| a.figures[k].sentence);
    let first_item = 0;
    let doc_year = doc
        .date
        .as_deref()
        .and_then(|d| d.get(..4))
        .and_then(|y| y.parse::<u32>().ok());
    for run in order.chunk_by(|&x, &y| a.figures[x].sentence == a.figures[y].sentence) {
        let sentence = a.figures[run[0]].sentence;
        let text = doc.sentence_text(sentence);
        let mut ctx = SentenceContext::new(lex, text, run.iter().map(|&k| &a.figures[k]));
        let earlier = quantity::earlier_event(lex, &ctx.words, doc_year);
        // The sentence's counts, in word order: two neighbours joined by
        // "and" are parts (`quantity::coordinated`).
        let mut counts: Vec<(usize, Range<usize>)> = run
            .iter()
            .filter(|&&k| {
                let f = &a.figures[k].figure;
                f.unit.is_none()
                    && f.value >= 0.0
                    && (lex.counted_measures.contains(&f.measure) || f.measure == "count")
            })
            .map(|&k| (k, ctx.word_range(&a.figures[k].figure.span)))
            .collect();
        counts.sort_by_key(|(_, r)| r.start);
        let parts: Vec<usize> = counts
            .windows(2)
            .filter(|w| quantity::coordinated(lex, text, &ctx.words, &w[0].1, &w[1].1))
            .flat_map(|w| [w[0].0, w[1].0])
            .collect();
        for &k in run {
            let f = &a.figures[k];
            let fw = ctx.word_range(&f.figure.span);
            let coordinated = parts.contains(&k);
            let counted = lex.counted_measures.contains(&f.figure.measure);
            let names_whom = quantity::names_whom(&f.figure);
            let class = if counted {
                subject_class(lex, &mut ctx, &fw, f.figure.subject.as_deref(), names_whom)
            } else {
                None
            };
            let per_unit = ctx.is_per_unit(f);
            let unit_key = f
                .figure
                .unit
                .as_ref()
                .map(|_| base_unit_key(f))
                .unwrap_or_default();
            let anchors = anchors(lex, vocab, &ctx, &fw);
            let ws = &ctx.words;
            let reading = quantity::identity(lex, text, ws, &fw, &f.figure, coordinated);
            let measure = match reading.identity {
                Identity::Context | Identity::Unknown => f.figure.measure.clone(),
                _ => String::new(),
            };
            let revision = quantity::states_revision(lex, text, ws, &fw);
            let item = Item {
                key: Key {
                    story,
                    identity: reading.identity,
                    measure,
                    unit: unit_key,
                    per_unit,
                    class,
                    earlier,
                },
                detail: reading.detail,
                name: reading.name,
                measure: f.figure.measure.clone(),
                revision,
                voice: (
                    doc.sentences[sentence].kind == ParagraphKind::Caption,
                    f.claimer
                        .as_ref()
                        .map_or(0, |c| rustc_hash::FxBuildHasher.hash_one(&c.name)),
                ),
                value: to_base_unit(f.figure.value, f.figure.unit.as_deref()).0,
                low: f.figure.low.map_or(f64::NEG_INFINITY, |l| {
                    to_base_unit(l, f.figure.unit.as_deref()).0
                }),
                high: f.figure.high.map_or(f64::INFINITY, |h| {
                    to_base_unit(h, f.figure.unit.as_deref()).0
                }),
                clause: ctx.clause_stems(lex, vocab, &fw),
                decides: verdict::decides_figure(&f.figure),
                id: SentenceId { doc: d, sentence },
                figure: k,
                anchors,
                scope: ctx.scope(&fw),
                fig: fw,
                subject_inferred: false,
                names_whom,
            };
            items.push(item);
        }
    }
    // In figure order (the analysis lists figures in sentence order:
    // already so).
    items[first_item..].sort_by_key(|it| it.figure);
    let direct_classes: Vec<(usize, Option<String>)> = (first_item..items.len())
        .filter(|&i| lex.counted_measures.contains(&items[i].measure))
        .map(|i| (i, items[i].key.class.clone()))
        .collect();
    // Document consensus for counted figures with no class of their own:
    // the one class of the other figures of the same measure, else of all
    // counted figures. The classes are gathered once per document (per
    // figure, they cost the document's figures for each).
    let mut fills = Vec::new();
    {
        let mut by_measure: HashMap<&str, HashSet<&str>> = HashMap::default();
        let mut all: HashSet<&str> = HashSet::default();
        for (i, c) in &direct_classes {
            if let Some(c) = c {
                by_measure
                    .entry(items[*i].measure.as_str())
                    .or_default()
                    .insert(c);
                all.insert(c);
            }
        }
        let one = |set: &HashSet<&str>| -> Option<String> {
            if set.len() == 1 {
                set.iter().next().map(|c| c.to_string())
            } else {
                None
            }
        };
        for &(i, ref c) in &direct_classes {
            // "Nine Israelis" says who it counts: nothing to fill in.
            if c.is_some() || items[i].names_whom {
                continue;
            }
            let chosen = match by_measure.get(items[i].measure.as_str()) {
                Some(same) => one(same),
                None => one(&all),
            };
            if let Some(c) = chosen {
                fills.push((i, c));
            }
        }
    }
    for (i, c) in fills {
        items[i].key.class = Some(c);
        items[i].subject_inferred = true;
    }
    items
}

/// The entries of each group of `members`, in the order of its items.
fn make_entries(
    corpus: &Corpus,
    facts: &mut Facts,
    items: &mut [Item],
    members: &[Vec<usize>],
    strings: &mut Strings,
) -> Vec<Vec<FigureEntry>> {
    let mut group_of = vec![0; items.len()];
    for (g, m) in members.iter().enumerate() {
        for &i in m {
            group_of[i] = g;
        }
    }
    let mut entries: Vec<Vec<FigureEntry>> = members
        .iter()
        .map(|m| Vec::with_capacity(m.len()))
        .collect();
    // Items are in document order; each document's figures are freed once
    // its entries are made.
    let mut next = 0;
    for (d, (doc, a)) in corpus.documents.iter().zip(&mut facts.docs).enumerate() {
        let names = strings.doc(corpus, d);
        let figures = std::mem::take(&mut a.figures);
        while let Some(it) = items.get_mut(next).filter(|it| it.id.doc == d) {
            let e = entry(doc, &figures[it.figure], it, &names, strings);
            entries[group_of[next]].push(e);
            next += 1;
        }
    }
    entries
}

/// The groups, ranked: by story, groups of several sources first, then by
/// verdict, then by sources.
fn build_groups(
    items: &[Item],
    members: &[Vec<usize>],
    entries: Vec<Vec<FigureEntry>>,
    stories: &Stories,
) -> Vec<FigureGroup> {
    let mut groups: Vec<(usize, FigureGroup)> = members
        .iter()
        .zip(entries)
        .map(|(m, entries)| (m[0], make_group(items, entries, m, stories)))
        .collect();
    let rank = |g: &FigureGroup| match g.verdict {
        Verdict::Conflict => 0,
        Verdict::Revised => 0,
        Verdict::Compatible => 1,
        Verdict::Agree => 2,
        Verdict::Single => 3,
    };
    groups.sort_by(|(fa, a), (fb, b)| {
        a.story
            .id
            .cmp(&b.story.id)
            .then((a.sources < 2).cmp(&(b.sources < 2)))
            .then(rank(a).cmp(&rank(b)))
            .then(b.sources.cmp(&a.sources))
            .then(fa.cmp(fb))
    });
    groups.into_iter().map(|(_, g)| g).collect()
}

fn gap(m: &Range<usize>, f: &Range<usize>) -> usize {
    if m.end <= f.start {
        f.start - m.end
    } else {
        m.start.saturating_sub(f.end)
    }
}

/// Who is counted: the figure's own phrase, else the nearest mention in
/// its sentence (see [`SentenceContext::nearest_subject`]).
fn subject_class<'l>(
    lex: &'l Lexicon,
    ctx: &mut SentenceContext<'_, 'l>,
    fw: &Range<usize>,
    subject: Option<&str>,
    names_whom: bool,
) -> Option<String> {
    if let Some(s) = subject {
        let sw = words(s);
        for cue in &lex.subjects {
            if cue.phrases.iter().any(|p| !find_phrase(&sw, p).is_empty()) {
                return Some(cue.label.clone());
            }
        }
    }
    // "Nine Israelis, including three civilians, …": a figure that names who
    // it counts takes no class from the words around it.
    if names_whom {
        return None;
    }
    ctx.nearest_subject(lex, fw).map(str::to_string)
}

/// Content words near the figure (outside every figure of the sentence),
/// stemmed, nearest first.
fn anchors(
    lex: &Lexicon,
    vocab: &mut StemIds,
    ctx: &SentenceContext<'_, '_>,
    fw: &Range<usize>,
) -> Vec<Anchor> {
    let (text, ws) = (ctx.text, &ctx.words);
    let n = lex.anchor_window;
    let lo = fw.start.saturating_sub(n);
    let hi = (fw.end + n).min(ws.len());
    let mut idx: Vec<usize> = (lo..hi).filter(|i| !fw.contains(i)).collect();
    idx.sort_by_key(|&i| gap(&(i..i + 1), fw));
    let mut out: Vec<Anchor> = Vec::new();
    for i in idx {
        if ctx.in_figure[i] {
            continue;
        }
        let w = &ws[i];
        for part in hyphen_parts(&w.norm) {
            if part.len() < 2
                || has_digit(part)
                || lex.stop_words.contains(part)
                || lex.generic_anchors.contains(part)
            {
                continue;
            }
            let part = lex.variants.get(part).map_or(part, String::as_str);
            let stem = vocab.id(part);
            if !out.iter().any(|a| a.stem == stem) {
                let written = text.get(w.span.clone()).unwrap_or(part);
                out.push(Anchor {
                    stem,
                    pos: i as u32,
                    start: w.span.start as u32,
                    end: w.span.end as u32,
                    lower: i > 0 && written.starts_with(char::is_lowercase),
                });
            }
        }
    }
    out
}

fn base_unit_key(f: &FoundFigure) -> String {
    let unit = f.figure.unit.as_deref();
    match to_base_unit(f.figure.value, unit) {
        (_, Some(b)) => b.to_string(),
        (_, None) => unit.unwrap_or_default().to_string(),
    }
}

/// The entry of figure `f` of item `it` (its scope is moved out).
fn entry(
    doc: &Document,
    f: &FoundFigure,
    it: &mut Item,
    names: &DocNames,
    strings: &mut Strings,
) -> FigureEntry {
    let fig = &f.figure;
    let unit = fig.unit.as_deref();
    let conv = |v: f64| {
        let b = to_base_unit(v, unit).0;
        b.is_finite().then_some(b)
    };
    let s = &doc.sentences[f.sentence];
    FigureEntry {
        id: it.id,
        figure: it.figure,
        source: names.source.clone(),
        outlet: names.outlet.clone(),
        display: names.display.clone(),
        title: names.title.clone(),
        date: names.date.clone(),
        url: names.url.clone(),
        also_at: names.also_at.clone(),
        line: s.line,
        sentence: strings.sentence(it.id.doc, doc, f.sentence),
        text: fig.text.clone(),
        value: fig.value,
        low: fig.low,
        high: fig.high,
        qualifier: fig.qualifier,
        unit: fig.unit.clone(),
        base_value: to_base_unit(fig.value, unit).0,
        base_low: fig.low.and_then(conv),
        base_high: fig.high.and_then(conv),
        claimer: f.claimer.as_ref().map(|c| strings.name(&c.name)),
        claimer_role: f
            .claimer
            .as_ref()
            .and_then(|c| c.role.as_deref())
            .map(|r| strings.name(r)),
        subject: fig.subject.clone(),
        subject_inferred: it.subject_inferred,
        scope: it.scope.take(),
        derived: fig.derived,
        vague: fig.qualifier == Qualifier::Vague,
        revision: it.revision,
        caption: s.kind == ParagraphKind::Caption,
        direction: fig.direction,
    }
}

/// The group of items `m`; `entries[j]` is the entry of item `m[j]`.
fn make_group(
    items: &[Item],
    mut entries: Vec<FigureEntry>,
    m: &[usize],
    stories: &Stories,
) -> FigureGroup {
    let first = &items[m[0]];
    let Key {
        story,
        per_unit,
        class,
        identity,
        ..
    } = first.key.clone();
    let per = if per_unit { " per unit" } else { "" };
    let measure = match &identity {
        Identity::Count { what, .. } => what.clone(),
        _ => first.measure.clone(),
    };
    let label = match (&class, &identity) {
        (Some(c), _) => format!("{c} {measure}{per}"),
        (None, Identity::Count { what, head, part }) => {
            let mut l = count_label(what, head.as_deref(), &entries);
            l.push_str(per);
            if *part {
                l.push_str(" (part of a larger count)");
            }
            l
        }
        (None, Identity::Age { .. }) => {
            let name = m
                .iter()
                .filter_map(|&i| items[i].name.as_deref())
                .max_by_key(|n| n.len())
                .unwrap_or_default();
            format!("age of {name}")
        }
        (None, Identity::Unknown) => format!("{measure}{per} (what is counted is not stated)"),
        (None, Identity::Context) => {
            let what = anchor_label(items, &entries, m);
            if what.is_empty() {
                format!("{measure}{per}")
            } else {
                format!("{measure}{per}: {what}")
            }
        }
    };
    let base_unit = entries[0].unit.as_ref().map(|_| first.key.unit.clone());
    // Deciding entries first, by value: equal values are adjacent.
    entries.sort_by(|a, b| {
        (!verdict::decides(a))
            .cmp(&!verdict::decides(b))
            .then(a.base_value.total_cmp(&b.base_value))
            .then(a.id.cmp(&b.id))
    });
    let sources: HashSet<&str> = entries.iter().map(|e| &*e.source).collect();
    let precise: Vec<&FigureEntry> = entries.iter().filter(|e| verdict::decides(e)).collect();
    let verdict = verdict::verdict(&precise);
    let spread = (!precise.is_empty()).then(|| Spread {
        low: precise
            .iter()
            .map(|e| e.base_value)
            .fold(f64::INFINITY, f64::min),
        high: precise
            .iter()
            .map(|e| e.base_value)
            .fold(f64::NEG_INFINITY, f64::max),
    });
    let mut units: Vec<(&str, usize)> = Vec::new();
    for u in precise.iter().filter_map(|e| e.unit.as_deref()) {
        match units.iter_mut().find(|(x, _)| *x == u) {
            Some((_, n)) => *n += 1,
            None => units.push((u, 1)),
        }
    }
    // Most used first; a stable sort keeps the first written first in a tie.
    units.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    let units: Vec<String> = units.into_iter().map(|(u, _)| u.to_string()).collect();
    let mut values: Vec<ValueHolders> = Vec::new();
    // Outlets and claimers already listed for the last value.
    let mut seen_outlets: HashSet<&str> = HashSet::default();
    let mut seen_claimers: HashSet<&str> = HashSet::default();
    for (i, e) in entries
        .iter()
        .enumerate()
        .filter(|(_, e)| verdict::decides(e))
    {
        // Entries are sorted by value: equal values are adjacent.
        if !values
            .last()
            .is_some_and(|v| same_value(v.value, e.base_value))
        {
            values.push(ValueHolders {
                value: e.base_value,
                qualifiers: Vec::new(),
                outlets: Vec::new(),
                claimers: Vec::new(),
                entries: Vec::new(),
            });
            seen_outlets.clear();
            seen_claimers.clear();
        }
        let v = values.last_mut().expect("pushed above");
        if !v.qualifiers.contains(&e.qualifier) {
            v.qualifiers.push(e.qualifier);
        }
        if seen_outlets.insert(&e.display) {
            v.outlets.push(e.display.to_string());
        }
        if let Some(c) = &e.claimer
            && seen_claimers.insert(c)
        {
            v.claimers.push(c.to_string());
        }
        v.entries.push(i);
    }
    let mut scopes = Vec::new();
    for e in &entries {
        if let Some(s) = &e.scope {
            push_unique(&mut scopes, s);
        }
    }
    let timeline = verdict::timeline(&entries);
    let revision = timeline
        .iter()
        .copied()
        .filter(|&i| entries[i].revision)
        .collect();
    let undated = timeline
        .iter()
        .copied()
        .filter(|&i| {
            entries[i]
                .date
                .as_deref()
                .and_then(crate::date::Stamp::parse)
                .is_none()
        })
        .collect();
    FigureGroup {
        measure,
        label,
        verdict,
        subject: class,
        per_unit,
        base_unit,
        units,
        spread,
        values,
        sources: sources.len(),
        scopes,
        story: stories.reference(story),
        entries,
        timeline,
        undated,
        revision,
    }
}

/// "killed", "bailiffs killed", "AK-47s": what a count counts, in words.
fn count_label(what: &str, head: Option<&str>, entries: &[FigureEntry]) -> String {
    let written = || {
        entries
            .iter()
            .filter_map(|e| e.subject.as_deref())
            .min_by_key(|s| (s.len(), *s))
            .unwrap_or_default()
            .to_string()
    };
    match head {
        _ if what == "count" => written(),
        None | Some("people") => what.to_string(),
        Some(h) => format!("{h}s {what}"),
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

/// How many members of a group have an anchor, and where it first appears.
#[derive(Clone, Copy)]
struct AnchorCount {
    stem: u32,
    members: usize,
    /// Member order × 100 + the anchor's rank in that member.
    first: usize,
}

/// Longest phrase a label quotes from a sentence, in words.
const LABEL_WORDS: usize = 8;

/// The anchors most members share (up to two), else the first member's
/// subject phrase or its nearest anchors, quoted as a phrase from one
/// member's sentence: "lies … from the capital" (… stands for the figure),
/// "front line".
fn anchor_label(items: &[Item], entries: &[FigureEntry], m: &[usize]) -> String {
    let mut chosen: Vec<u32> = Vec::new();
    if m.len() > 1 {
        let mut count: HashMap<u32, AnchorCount> = HashMap::default();
        for (order, &i) in m.iter().enumerate() {
            for (rank, a) in items[i].anchors.iter().enumerate() {
                let c = count.entry(a.stem).or_insert(AnchorCount {
                    stem: a.stem,
                    members: 0,
                    first: order.saturating_mul(100).saturating_add(rank),
                });
                c.members += 1;
            }
        }
        let mut shared: Vec<AnchorCount> = count.into_values().filter(|c| c.members > 1).collect();
        shared.sort_by(|a, b| b.members.cmp(&a.members).then(a.first.cmp(&b.first)));
        chosen = shared.iter().take(2).map(|c| c.stem).collect();
    }
    if chosen.is_empty() {
        if let Some(s) = &entries[0].subject {
            return s.clone();
        }
        chosen = items[m[0]].anchors.iter().take(2).map(|a| a.stem).collect();
    }
    if chosen.is_empty() {
        return String::new();
    }
    // The first member that has every chosen anchor (else the most).
    let has = |i: usize| {
        chosen
            .iter()
            .filter(|c| items[i].anchors.iter().any(|a| a.stem == **c))
            .count()
    };
    let rep = (0..m.len())
        .find(|&j| has(m[j]) == chosen.len())
        .or_else(|| (0..m.len()).max_by_key(|&j| (has(m[j]), usize::MAX - m[j])))
        .unwrap_or(0);
    let it = &items[m[rep]];
    let sentence = &*entries[rep].sentence;
    // A sentence-initial word is lowercased when another member writes it in
    // lowercase inside a sentence ("Prices rose" → "prices rose").
    let lower_ok = |stem: u32| {
        m.iter()
            .any(|&i| items[i].anchors.iter().any(|a| a.stem == stem && a.lower))
    };
    let mut anchors: Vec<Anchor> = it
        .anchors
        .iter()
        .filter(|a| chosen.contains(&a.stem))
        .copied()
        .collect();
    anchors.sort_by_key(|a| a.pos);
    // The representative holds every chosen anchor it was picked for, at
    // least one.
    let (Some(first), Some(last)) = (anchors.first(), anchors.last()) else {
        return String::new();
    };
    let written = |pos: usize, w: &str| -> String {
        match anchors.iter().find(|a| a.pos as usize == pos) {
            Some(a) if pos == 0 && lower_ok(a.stem) => w.to_lowercase(),
            _ => w.to_string(),
        }
    };
    let (lo, hi) = (first.pos as usize, last.pos as usize);
    if hi + 1 - lo <= LABEL_WORDS {
        // The words from the first anchor to the last, split out of that
        // stretch alone (the same words the whole sentence has there): a
        // sentence of thousands of figures is not split once per group.
        let (from, to) = (first.start as usize, last.end as usize);
        let stretch = sentence.get(from..to).unwrap_or("");
        let ws = words(stretch);
        let mut out: Vec<String> = Vec::new();
        for k in lo..=hi {
            if it.fig.contains(&k) {
                if k == it.fig.start {
                    out.push("…".into());
                }
            } else {
                let w = ws
                    .get(k - lo)
                    .and_then(|w| stretch.get(w.span.clone()))
                    .unwrap_or("");
                out.push(written(k, w));
            }
        }
        return out.join(" ");
    }
    anchors
        .iter()
        .map(|a| {
            let w = sentence.get(a.start as usize..a.end as usize).unwrap_or("");
            written(a.pos as usize, w)
        })
        .collect::<Vec<_>>()
        .join(" … ")
}

//! Figure groups: key, scope, anchors and verdict (rules in the module docs).

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::ops::Range;

use super::facts::Facts;
use super::grouping;
use super::lexicon::{LEXICON, Lexicon, ScopeKind};
use super::quantity::{self, Identity};
use super::stories::Stories;
use super::text::{StemIds, Word, find_phrase, has_digit, hyphen_parts, words};
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
    /// The value and interval in the base unit, and whether it decides the
    /// verdict.
    pub(super) value: f64,
    pub(super) low: f64,
    pub(super) high: f64,
    pub(super) decides: bool,
    /// The content stems of the figure's clause (`quantity::clause_stems`).
    pub(super) clause: Vec<u32>,
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
}

/// A content word near a figure.
#[derive(Clone, Copy)]
pub(super) struct Anchor {
    /// Interned stem.
    pub(super) stem: u32,
    /// Word index in the sentence.
    pub(super) pos: u32,
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
    let mut items: Vec<Item> = Vec::new();
    let mut vocab = StemIds::default();
    for (d, (doc, a)) in corpus.documents.iter().zip(&facts.docs).enumerate() {
        let story = stories.doc_story.get(d).copied().unwrap_or(0);
        // Word lists per sentence, computed once.
        let mut sentence_words: HashMap<usize, Vec<Word>> = HashMap::default();
        let mut direct_classes: Vec<(usize, Option<String>)> = Vec::new();
        for (k, f) in a.figures.iter().enumerate() {
            if f.sentence >= doc.sentences.len() {
                continue;
            }
            let text = doc.sentence_text(f.sentence);
            let ws = sentence_words
                .entry(f.sentence)
                .or_insert_with(|| words(text));
            let fw = word_range(ws, &f.figure.span);
            let counted = lex.counted_measures.contains(&f.figure.measure);
            let class = if counted {
                subject_class(lex, ws, &fw, f.figure.subject.as_deref())
            } else {
                None
            };
            let per_unit = is_per_unit(f, &a.figures);
            let unit_key = f
                .figure
                .unit
                .as_ref()
                .map(|_| base_unit_key(f))
                .unwrap_or_default();
            let others: Vec<Range<usize>> = a
                .figures
                .iter()
                .filter(|o| o.sentence == f.sentence)
                .map(|o| word_range(ws, &o.figure.span))
                .collect();
            let anchors = anchors(lex, &mut vocab, text, ws, &fw, &others);
            let reading = quantity::identity(lex, text, ws, &fw, &f.figure);
            let measure = match reading.identity {
                Identity::Context | Identity::Unknown => f.figure.measure.clone(),
                _ => String::new(),
            };
            items.push(Item {
                key: Key {
                    story,
                    identity: reading.identity,
                    measure,
                    unit: unit_key,
                    per_unit,
                    class: class.clone(),
                },
                detail: reading.detail,
                name: reading.name,
                measure: f.figure.measure.clone(),
                revision: quantity::states_revision(lex, text, ws, &fw),
                value: to_base_unit(f.figure.value, f.figure.unit.as_deref()).0,
                low: f.figure.low.map_or(f64::NEG_INFINITY, |l| {
                    to_base_unit(l, f.figure.unit.as_deref()).0
                }),
                high: f.figure.high.map_or(f64::INFINITY, |h| {
                    to_base_unit(h, f.figure.unit.as_deref()).0
                }),
                clause: quantity::clause_stems(lex, &mut vocab, text, ws, &fw),
                decides: verdict::decides_figure(&f.figure),
                id: SentenceId {
                    doc: d,
                    sentence: f.sentence,
                },
                figure: k,
                anchors,
                fig: fw.clone(),
                scope: scope(lex, ws, &fw),
                subject_inferred: false,
            });
            if counted {
                direct_classes.push((items.len() - 1, class));
            }
        }
        // Document consensus for counted figures with no class of their own:
        // the one class of the other figures of the same measure, else of all
        // counted figures.
        let classes_of = |filter: &dyn Fn(&Item) -> bool| -> HashSet<String> {
            direct_classes
                .iter()
                .filter(|(i, c)| c.is_some() && filter(&items[*i]))
                .filter_map(|(_, c)| c.clone())
                .collect()
        };
        let mut fills = Vec::new();
        for &(i, ref c) in &direct_classes {
            if c.is_some() {
                continue;
            }
            let measure = items[i].measure.clone();
            let same = classes_of(&|it: &Item| it.measure == measure);
            let chosen = if same.len() == 1 {
                same.into_iter().next()
            } else if same.is_empty() {
                let all = classes_of(&|_| true);
                if all.len() == 1 {
                    all.into_iter().next()
                } else {
                    None
                }
            } else {
                None
            };
            if let Some(c) = chosen {
                fills.push((i, c));
            }
        }
        for (i, c) in fills {
            items[i].key.class = Some(c);
            items[i].subject_inferred = true;
        }
    }
    let members = grouping::members(&items);
    let entries = make_entries(corpus, facts, &mut items, &members, strings);
    build_groups(&items, &members, entries, stories)
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

/// The word indices a byte span covers.
fn word_range(ws: &[Word], span: &Range<usize>) -> Range<usize> {
    let start = ws.iter().position(|w| w.span.end > span.start);
    let end = ws.iter().rposition(|w| w.span.start < span.end);
    match (start, end) {
        (Some(s), Some(e)) if s <= e => s..e + 1,
        (Some(s), _) => s..s,
        _ => ws.len()..ws.len(),
    }
}

fn gap(m: &Range<usize>, f: &Range<usize>) -> usize {
    if m.end <= f.start {
        f.start - m.end
    } else {
        m.start.saturating_sub(f.end)
    }
}

/// Who is counted: the figure's own phrase, else the nearest mention before
/// the figure in its sentence, else the nearest after.
fn subject_class(
    lex: &Lexicon,
    ws: &[Word],
    fw: &Range<usize>,
    subject: Option<&str>,
) -> Option<String> {
    if let Some(s) = subject {
        let sw = words(s);
        for cue in &lex.subjects {
            if cue.phrases.iter().any(|p| !find_phrase(&sw, p).is_empty()) {
                return Some(cue.label.clone());
            }
        }
    }
    // (order, label): inside the figure first, then before (nearest), then after.
    let mut best: Option<(usize, usize, &str)> = None;
    for cue in &lex.subjects {
        for p in &cue.phrases {
            for m in find_phrase(ws, p) {
                let rank = if m.start >= fw.start && m.end <= fw.end {
                    (0, 0)
                } else if m.end <= fw.start {
                    (1, fw.start - m.end)
                } else if m.start >= fw.end {
                    (2, m.start - fw.end)
                } else {
                    (0, 0)
                };
                // Longer phrases win ties ("north korean" over "korean").
                if best.is_none_or(|(o, g, _)| (rank.0, rank.1) < (o, g)) {
                    best = Some((rank.0, rank.1, &cue.label));
                }
            }
        }
    }
    best.map(|(_, _, l)| l.to_string())
}

/// The factor of a product: not derived, inside a derived figure of the same
/// measure in the same sentence.
fn is_per_unit(f: &FoundFigure, all: &[FoundFigure]) -> bool {
    !f.figure.derived
        && all.iter().any(|o| {
            o.sentence == f.sentence
                && o.figure.derived
                && o.figure.measure == f.figure.measure
                && o.figure.span.start <= f.figure.span.start
                && f.figure.span.end <= o.figure.span.end
        })
}

/// "in Kursk, total expected": the nearest place cue and the nearest frame cue.
fn scope(lex: &Lexicon, ws: &[Word], fw: &Range<usize>) -> Option<String> {
    let mut parts = Vec::new();
    for kind in [ScopeKind::Place, ScopeKind::Frame] {
        let mut best: Option<(usize, &str)> = None;
        for cue in lex.scopes.iter().filter(|c| c.kind == kind) {
            for p in &cue.phrases {
                for m in find_phrase(ws, p) {
                    let g = gap(&m, fw);
                    if best.is_none_or(|(bg, _)| g < bg) {
                        best = Some((g, &cue.label));
                    }
                }
            }
        }
        if let Some((_, l)) = best {
            parts.push(l.to_string());
        }
    }
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// Content words near the figure (outside every figure of the sentence),
/// stemmed, nearest first.
fn anchors(
    lex: &Lexicon,
    vocab: &mut StemIds,
    text: &str,
    ws: &[Word],
    fw: &Range<usize>,
    figures: &[Range<usize>],
) -> Vec<Anchor> {
    let n = lex.anchor_window;
    let lo = fw.start.saturating_sub(n);
    let hi = (fw.end + n).min(ws.len());
    let mut idx: Vec<usize> = (lo..hi).filter(|i| !fw.contains(i)).collect();
    idx.sort_by_key(|&i| gap(&(i..i + 1), fw));
    let mut out: Vec<Anchor> = Vec::new();
    for i in idx {
        if figures.iter().any(|r| r.contains(&i)) {
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
    FigureGroup {
        measure,
        label,
        verdict,
        subject: class,
        per_unit,
        base_unit,
        spread,
        values,
        sources: sources.len(),
        scopes,
        story: stories.reference(story),
        entries,
        timeline,
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
    let ws = words(sentence);
    let written = |k: usize| -> String {
        let w = ws
            .get(k)
            .and_then(|w| sentence.get(w.span.clone()))
            .unwrap_or("");
        match anchors.iter().find(|a| a.pos as usize == k) {
            Some(a) if k == 0 && lower_ok(a.stem) => w.to_lowercase(),
            _ => w.to_string(),
        }
    };
    let lo = anchors.first().map_or(0, |a| a.pos as usize);
    let hi = anchors.last().map_or(0, |a| a.pos as usize);
    if hi < ws.len() && hi + 1 - lo <= LABEL_WORDS {
        let mut out: Vec<String> = Vec::new();
        for k in lo..=hi {
            if it.fig.contains(&k) {
                if k == it.fig.start {
                    out.push("…".into());
                }
            } else {
                out.push(written(k));
            }
        }
        return out.join(" ");
    }
    anchors
        .iter()
        .map(|a| written(a.pos as usize))
        .collect::<Vec<_>>()
        .join(" … ")
}

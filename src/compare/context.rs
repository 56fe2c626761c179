//! The sentence a figure is read in, indexed once for all its figures: its
//! words, each figure's word range, which words belong to some figure, the
//! mentions of the lexicon's subject and scope cues, the derived figures
//! that make a factor "per unit", and its clauses with their content stems.
//!
//! A figure's subject class, scope, anchors, role and clause depend on the
//! other words and figures of its sentence. Read per figure, a sentence of
//! `n` figures cost `n` times its length (and, through the other figures,
//! `n²` times it): 2,000 figures in one sentence took seconds, 4,000 tens
//! of seconds (issue 14). Indexed once, a sentence costs its length and
//! each figure a logarithm (plus the words it spans and its anchor window).

use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;
use std::sync::Arc;

use super::lexicon::{Cue, Lexicon, ScopeKind};
use super::quantity;
use super::text::{StemIds, Word, find_phrase, words};
use crate::analysis::FoundFigure;

/// One sentence with figures, indexed.
pub(super) struct SentenceContext<'t, 'l> {
    pub(super) text: &'t str,
    pub(super) words: Vec<Word>,
    /// True for the words inside any figure of the sentence.
    pub(super) in_figure: Vec<bool>,
    /// Subject cue mentions, built when a counted figure first asks.
    subjects: Option<Mentions<'l>>,
    places: Mentions<'l>,
    frames: Mentions<'l>,
    /// The derived figures' byte spans, per measure.
    derived: HashMap<&'t str, Covers>,
    /// Per word, the first word of its clause and the word after its last
    /// (clauses end at punctuation, `quantity::broken`).
    clause_start: Vec<usize>,
    clause_end: Vec<usize>,
    /// The content stems of each clause range asked for, made once and
    /// shared by the figures in it.
    clause_stems: HashMap<(usize, usize), Arc<[u32]>>,
}

impl<'t, 'l> SentenceContext<'t, 'l> {
    /// The context of sentence `text`, whose figures are `figures`.
    pub(super) fn new(
        lex: &'l Lexicon,
        text: &'t str,
        figures: impl Iterator<Item = &'t FoundFigure> + Clone,
    ) -> Self {
        let ws = words(text);
        // Which words lie in a figure: +1 where a figure starts, -1 where
        // it ends, summed (nested or overlapping figures cost nothing more).
        let mut depth = vec![0i64; ws.len() + 1];
        for f in figures.clone() {
            let r = word_range(&ws, &f.figure.span);
            if r.start < r.end {
                depth[r.start] += 1;
                depth[r.end] -= 1;
            }
        }
        let mut sum = 0;
        let in_figure = depth[..ws.len()]
            .iter()
            .map(|d| {
                sum += d;
                sum > 0
            })
            .collect();
        let mut derived: HashMap<&str, Vec<Range<usize>>> = HashMap::default();
        for f in figures.filter(|f| f.figure.derived) {
            derived
                .entry(f.figure.measure.as_str())
                .or_default()
                .push(f.figure.span.clone());
        }
        let scopes =
            |kind: ScopeKind| Mentions::new(&ws, lex.scopes.iter().filter(move |c| c.kind == kind));
        let mut clause_start = Vec::with_capacity(ws.len());
        for k in 0..ws.len() {
            let start = match k {
                0 => 0,
                _ if quantity::broken(text, &ws[k - 1], &ws[k]) => k,
                _ => clause_start[k - 1],
            };
            clause_start.push(start);
        }
        let mut clause_end = vec![ws.len(); ws.len()];
        for k in (0..ws.len().saturating_sub(1)).rev() {
            if quantity::broken(text, &ws[k], &ws[k + 1]) {
                clause_end[k] = k + 1;
            } else {
                clause_end[k] = clause_end[k + 1];
            }
        }
        SentenceContext {
            text,
            clause_start,
            clause_end,
            clause_stems: HashMap::default(),
            places: scopes(ScopeKind::Place),
            frames: scopes(ScopeKind::Frame),
            subjects: None,
            in_figure,
            derived: derived
                .into_iter()
                .map(|(m, spans)| (m, Covers::new(spans)))
                .collect(),
            words: ws,
        }
    }

    /// The word indices a byte span covers.
    pub(super) fn word_range(&self, span: &Range<usize>) -> Range<usize> {
        word_range(&self.words, span)
    }

    /// The subject class nearest the figure at words `fw`: a mention that
    /// overlaps it, else the nearest before it, else the nearest after; on a
    /// tie the cue, then the phrase, listed first in the lexicon, then the
    /// first match.
    pub(super) fn nearest_subject(
        &mut self,
        lex: &'l Lexicon,
        fw: &Range<usize>,
    ) -> Option<&'l str> {
        let ws = &self.words;
        self.subjects
            .get_or_insert_with(|| Mentions::new(ws, lex.subjects.iter()))
            .nearest_subject(fw)
    }

    /// "in Kursk, total expected": the nearest place cue and the nearest
    /// frame cue to the figure at words `fw` (ties as in
    /// [`nearest_subject`](Self::nearest_subject)).
    pub(super) fn scope(&self, fw: &Range<usize>) -> Option<String> {
        let parts: Vec<&str> = [&self.places, &self.frames]
            .into_iter()
            .filter_map(|m| m.nearest_scope(fw))
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }

    /// The content stems of the clause of the figure at words `fw`, as
    /// `quantity::clause_stems` reads them: from the start of the clause of
    /// its first word to the end of the clause of its last (its first, when
    /// it spans none). Figures of one clause share one list.
    pub(super) fn clause_stems(
        &mut self,
        lex: &Lexicon,
        vocab: &mut StemIds,
        fw: &Range<usize>,
    ) -> Arc<[u32]> {
        let n = self.words.len();
        if fw.start >= n {
            return Arc::from(Vec::new());
        }
        let last = fw.end.max(fw.start + 1).min(n) - 1;
        let range = (self.clause_start[fw.start], self.clause_end[last]);
        let ws = &self.words;
        self.clause_stems
            .entry(range)
            .or_insert_with(|| quantity::clause_stems(lex, vocab, &ws[range.0..range.1]).into())
            .clone()
    }

    /// The factor of a product: `f` is not derived and lies inside a
    /// derived figure of the same measure in this sentence.
    pub(super) fn is_per_unit(&self, f: &FoundFigure) -> bool {
        !f.figure.derived
            && self
                .derived
                .get(f.figure.measure.as_str())
                .is_some_and(|c| c.covers(&f.figure.span))
    }
}

/// The word indices a byte span covers: from the first word that ends after
/// it starts to the last word that starts before it ends. Words are in
/// order and do not overlap, so both are binary searches.
pub(super) fn word_range(ws: &[Word], span: &Range<usize>) -> Range<usize> {
    let first = ws.partition_point(|w| w.span.end <= span.start);
    let after_last = ws.partition_point(|w| w.span.start < span.end);
    let start = (first < ws.len()).then_some(first);
    let end = after_last.checked_sub(1);
    match (start, end) {
        (Some(s), Some(e)) if s <= e => s..e + 1,
        (Some(s), _) => s..s,
        _ => ws.len()..ws.len(),
    }
}

/// Byte spans, answering "does one of them contain this span?" in a
/// logarithm.
struct Covers {
    /// Sorted by start.
    starts: Vec<usize>,
    /// The largest end among the spans up to each one.
    max_end: Vec<usize>,
}

impl Covers {
    fn new(mut spans: Vec<Range<usize>>) -> Covers {
        spans.sort_by_key(|s| s.start);
        let mut end = 0;
        Covers {
            starts: spans.iter().map(|s| s.start).collect(),
            max_end: spans
                .iter()
                .map(|s| {
                    end = end.max(s.end);
                    end
                })
                .collect(),
        }
    }

    /// Some span starts at or before `span` and ends at or after it.
    fn covers(&self, span: &Range<usize>) -> bool {
        let k = self.starts.partition_point(|&s| s <= span.start);
        k > 0 && self.max_end[k - 1] >= span.end
    }
}

/// A cue phrase found in a sentence.
#[derive(Clone, Copy)]
struct Mention<'l> {
    /// Word indices.
    start: usize,
    end: usize,
    /// Its place in the lexicon's order (cue, phrase, then position): the
    /// lower wins a tie.
    order: usize,
    label: &'l str,
}

/// The mentions of some cues in one sentence.
struct Mentions<'l> {
    /// Sorted by (start, order).
    by_start: Vec<Mention<'l>>,
    /// Sorted by (end, order).
    by_end: Vec<Mention<'l>>,
    /// The most words a mention spans.
    longest: usize,
}

impl<'l> Mentions<'l> {
    fn new(ws: &[Word], cues: impl Iterator<Item = &'l Cue>) -> Mentions<'l> {
        let mut by_start = Vec::new();
        for cue in cues {
            for p in &cue.phrases {
                for m in find_phrase(ws, p) {
                    by_start.push(Mention {
                        start: m.start,
                        end: m.end,
                        order: by_start.len(),
                        label: &cue.label,
                    });
                }
            }
        }
        let longest = by_start.iter().map(|m| m.end - m.start).max().unwrap_or(0);
        let mut by_end = by_start.clone();
        by_start.sort_unstable_by_key(|m| (m.start, m.order));
        by_end.sort_unstable_by_key(|m| (m.end, m.order));
        Mentions {
            by_start,
            by_end,
            longest,
        }
    }

    /// The mentions that start within `lo..hi`.
    fn starting_in(&self, lo: usize, hi: usize) -> &[Mention<'l>] {
        let a = self.by_start.partition_point(|m| m.start < lo);
        let b = self.by_start.partition_point(|m| m.start < hi);
        &self.by_start[a..b.max(a)]
    }

    /// The mention that ends last at or before word `at` (the first listed
    /// of those ending there).
    fn last_ending_by(&self, at: usize) -> Option<&Mention<'l>> {
        let k = self.by_end.partition_point(|m| m.end <= at);
        let end = self.by_end.get(k.checked_sub(1)?)?.end;
        self.by_end
            .get(self.by_end.partition_point(|m| m.end < end))
    }

    /// The mention that starts first at or after word `at` (the first
    /// listed of those starting there).
    fn first_starting_from(&self, at: usize) -> Option<&Mention<'l>> {
        self.by_start
            .get(self.by_start.partition_point(|m| m.start < at))
    }

    /// A mention overlapping `fw` (rank 0), else the nearest that ends
    /// before it starts (rank 1), else the nearest that starts after it ends
    /// (rank 2); the lowest order within a rank.
    fn nearest_subject(&self, fw: &Range<usize>) -> Option<&'l str> {
        let overlapping = self
            .starting_in(fw.start.saturating_sub(self.longest), fw.end)
            .iter()
            .filter(|m| m.end > fw.start)
            .min_by_key(|m| m.order);
        overlapping
            .or_else(|| self.last_ending_by(fw.start))
            .or_else(|| self.first_starting_from(fw.end))
            .map(|m| m.label)
    }

    /// The mention with the smallest gap to `fw` (words between them, 0
    /// when they touch or overlap), the lowest order on a tie.
    fn nearest_scope(&self, fw: &Range<usize>) -> Option<&'l str> {
        // Every mention ends by fw.start (before), or ends after it and
        // starts by fw.end (gap 0), or starts after fw.end.
        let before = self.last_ending_by(fw.start).map(|m| (fw.start - m.end, m));
        let touching = self
            .starting_in(fw.start.saturating_sub(self.longest), fw.end + 1)
            .iter()
            .filter(|m| m.end > fw.start)
            .min_by_key(|m| m.order)
            .map(|m| (0, m));
        let after = self
            .first_starting_from(fw.end + 1)
            .map(|m| (m.start - fw.end, m));
        [before, touching, after]
            .into_iter()
            .flatten()
            .min_by_key(|(gap, m)| (*gap, m.order))
            .map(|(_, m)| m.label)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::lexicon::LEXICON;

    /// The rules as first written: every mention of every cue compared
    /// with the figure (`subject_class` and `scope` before the index).
    fn gap(m: &Range<usize>, f: &Range<usize>) -> usize {
        if m.end <= f.start {
            f.start - m.end
        } else {
            m.start.saturating_sub(f.end)
        }
    }

    fn subject_by_scan(lex: &Lexicon, ws: &[Word], fw: &Range<usize>) -> Option<String> {
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
                    if best.is_none_or(|(o, g, _)| (rank.0, rank.1) < (o, g)) {
                        best = Some((rank.0, rank.1, &cue.label));
                    }
                }
            }
        }
        best.map(|(_, _, l)| l.to_string())
    }

    fn scope_by_scan(lex: &Lexicon, ws: &[Word], fw: &Range<usize>) -> Option<String> {
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

    /// A small deterministic generator (xorshift), so the test needs no crate.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    /// Sentences of cue words, their parts and fillers, with every figure
    /// range: the index answers exactly what the scan over every mention
    /// answered, ties included.
    #[test]
    fn indexed_subject_and_scope_match_the_scan_over_every_mention() {
        let lex = &*LEXICON;
        let vocab = [
            "north",
            "korean",
            "koreans",
            "korea",
            "south",
            "ukrainian",
            "russian",
            "civilians",
            "residents",
            "kursk",
            "region",
            "oblast",
            "border",
            "in",
            "russia",
            "to",
            "total",
            "expected",
            "near",
            "the",
            "front",
            "troops",
            "said",
            "and",
            "of",
            "ukraine",
            "donetsk",
            "line",
            "frontline",
            "dprk",
            "children",
            "will",
            "bring",
        ];
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut checked = 0;
        for _ in 0..300 {
            let n = 1 + rng.below(24);
            let text: Vec<&str> = (0..n).map(|_| vocab[rng.below(vocab.len())]).collect();
            let text = text.join(" ");
            let ctx = SentenceContext::new(lex, &text, std::iter::empty());
            let ws = &ctx.words;
            let mut ctx_subjects = SentenceContext::new(lex, &text, std::iter::empty());
            for start in 0..=ws.len() {
                for end in start..=ws.len().min(start + 4) {
                    let fw = start..end;
                    assert_eq!(
                        ctx_subjects.nearest_subject(lex, &fw).map(str::to_string),
                        subject_by_scan(lex, ws, &fw),
                        "subject of {fw:?} in {text:?}"
                    );
                    assert_eq!(
                        ctx.scope(&fw),
                        scope_by_scan(lex, ws, &fw),
                        "scope of {fw:?} in {text:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 1000);
    }

    /// The clause as first read: walked from the figure to the punctuation
    /// on either side.
    fn clause_by_walk(text: &str, ws: &[Word], fw: &Range<usize>) -> Range<usize> {
        if fw.start >= ws.len() {
            return 0..0;
        }
        let mut start = fw.start;
        while start > 0 && !quantity::broken(text, &ws[start - 1], &ws[start]) {
            start -= 1;
        }
        let mut end = fw.end.max(fw.start + 1).min(ws.len());
        while end < ws.len() && !quantity::broken(text, &ws[end - 1], &ws[end]) {
            end += 1;
        }
        start..end
    }

    /// Every word range of sentences of words and punctuation: the clause
    /// stems are those of the clause walked from the figure.
    #[test]
    fn clause_stems_are_those_of_the_walked_clause() {
        let lex = &*LEXICON;
        let pieces = [
            "police", "said", "killed", "troops", "12", "and", ",", ";", " (", ") ", "—", ":", "“",
            "”", "wounded", "of",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut vocab = StemIds::default();
        for _ in 0..300 {
            let n = 1 + rng.below(20);
            let text: Vec<&str> = (0..n).map(|_| pieces[rng.below(pieces.len())]).collect();
            let text = text.join(" ");
            let mut ctx = SentenceContext::new(lex, &text, std::iter::empty());
            let ws = ctx.words.clone();
            for start in 0..=ws.len() + 1 {
                for end in start.saturating_sub(1)..=(ws.len() + 1).min(start + 4) {
                    let fw = start..end;
                    let walked = clause_by_walk(&text, &ws, &fw);
                    let expected = quantity::clause_stems(lex, &mut vocab, &ws[walked]);
                    assert_eq!(
                        &*ctx.clause_stems(lex, &mut vocab, &fw),
                        &expected[..],
                        "clause of {fw:?} in {text:?}"
                    );
                }
            }
        }
    }

    fn word_range_by_scan(ws: &[Word], span: &Range<usize>) -> Range<usize> {
        let start = ws.iter().position(|w| w.span.end > span.start);
        let end = ws.iter().rposition(|w| w.span.start < span.end);
        match (start, end) {
            (Some(s), Some(e)) if s <= e => s..e + 1,
            (Some(s), _) => s..s,
            _ => ws.len()..ws.len(),
        }
    }

    #[test]
    fn word_range_by_binary_search_matches_the_scan() {
        let text = "About 1,500 troops — “north-east” of it, 40 km; and 7.";
        let ws = words(text);
        for a in 0..=text.len() + 2 {
            for b in a..=text.len() + 2 {
                assert_eq!(
                    word_range(&ws, &(a..b)),
                    word_range_by_scan(&ws, &(a..b)),
                    "{a}..{b}"
                );
            }
        }
        assert_eq!(word_range(&[], &(0..3)), 0..0);
    }

    #[test]
    fn covers_finds_a_containing_span_among_many() {
        let c = Covers::new(vec![10..20, 0..5, 12..40, 3..4]);
        assert!(c.covers(&(0..5)));
        assert!(c.covers(&(13..39)));
        assert!(c.covers(&(12..40)));
        assert!(!c.covers(&(10..40)));
        assert!(!c.covers(&(4..6)));
        assert!(!c.covers(&(9..12)));
        assert!(!c.covers(&(41..42)));
    }
}

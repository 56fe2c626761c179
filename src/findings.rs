//! What a fact-check report lists: every disagreement of a comparison (a
//! figure group whose verdict is `conflict`) and every marked item, each
//! with the sentences it stands on (outlet, date, URL, exact sentence,
//! claimer) and the checker's status, note and accepted value. Marks whose
//! sentence has changed are listed as stale with the text they were made
//! on; marks on another corpus's sources are left out.

use crate::Corpus;
use crate::compare::{Comparison, FigureEntry, FigureGroup, StatementEntry, Verdict};
use crate::store::{Mark, MarkIndex, Status, TargetKind, target};
use serde::Serialize;
use std::collections::HashMap;

/// One sentence an item stands on.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub source: String,
    pub outlet: Option<String>,
    /// Outlet, or the file name.
    pub display: String,
    pub date: Option<String>,
    pub url: Option<String>,
    /// None for a stale mark's sentence, which is no longer in the source.
    pub line: Option<usize>,
    pub sentence: String,
    pub claimer: Option<String>,
    /// For a figure: the figure as written ("more than 10,000 troops").
    pub figure: Option<String>,
}

/// A disagreement or a marked item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Item {
    pub kind: TargetKind,
    pub key: String,
    pub label: String,
    /// For a figure group: its verdict (a revision is a `conflict`, as in
    /// `diff --json`), else None.
    pub verdict: Option<Verdict>,
    pub status: Status,
    pub note: String,
    pub accepted_value: Option<String>,
    pub accepted_source: Option<String>,
    /// A sentence the mark was made on has changed since.
    pub stale: bool,
    pub evidence: Vec<Evidence>,
}

impl Item {
    fn new(kind: TargetKind, key: String, label: String, mark: Option<(&Mark, bool)>) -> Item {
        let mut item = Item {
            kind,
            key,
            label,
            verdict: None,
            status: Status::Unchecked,
            note: String::new(),
            accepted_value: None,
            accepted_source: None,
            stale: false,
            evidence: Vec::new(),
        };
        if let Some((m, stale)) = mark {
            item.status = m.status;
            item.note = m.note.clone();
            item.accepted_value = m.accepted_value.clone();
            item.accepted_source = m.accepted_source.clone();
            item.stale = stale;
        }
        item
    }

    /// Whether the item carries anything a checker recorded.
    pub fn is_marked(&self) -> bool {
        self.status != Status::Unchecked || !self.note.is_empty() || self.accepted_value.is_some()
    }

    pub fn is_disagreement(&self) -> bool {
        matches!(self.verdict, Some(Verdict::Conflict | Verdict::Revised))
    }
}

fn figure_evidence(e: &FigureEntry) -> Evidence {
    Evidence {
        source: e.source.to_string(),
        outlet: e.outlet.as_deref().map(String::from),
        display: e.display.to_string(),
        date: e.date.as_deref().map(String::from),
        url: e.url.as_deref().map(String::from),
        line: Some(e.line),
        sentence: e.sentence.to_string(),
        claimer: e.claimer.as_deref().map(String::from),
        figure: Some(e.text.clone()),
    }
}

fn statement_evidence(e: &StatementEntry) -> Evidence {
    Evidence {
        source: e.source.to_string(),
        outlet: e.outlet.as_deref().map(String::from),
        display: e.display.to_string(),
        date: e.date.as_deref().map(String::from),
        url: e.url.as_deref().map(String::from),
        line: Some(e.line),
        sentence: e.sentence.to_string(),
        claimer: (!e.claimers.is_empty()).then(|| e.claimers.join(", ")),
        figure: None,
    }
}

fn group_item(g: &FigureGroup, key: String, mark: Option<(&Mark, bool)>) -> Item {
    let mut item = Item::new(TargetKind::FigureGroup, key, g.label.clone(), mark);
    item.verdict = Some(g.verdict);
    // In publication order, as the timeline shows them.
    item.evidence = g
        .timeline
        .iter()
        .filter_map(|&i| g.entries.get(i))
        .map(figure_evidence)
        .collect();
    item
}

/// The items of a report: disagreements and marked groups in the
/// comparison's order, then marked entries and sentences, then stale
/// marks that match nothing any more.
pub fn findings(corpus: &Corpus, cmp: &Comparison, marks: &MarkIndex) -> Vec<Item> {
    let resolved = |key: &str| marks.get(key).map(|r| (r.mark, r.stale));
    let mut out = Vec::new();
    let mut matched: Vec<&str> = Vec::new();
    for (g, key) in cmp.figures.iter().zip(target::figure_group_keys(cmp)) {
        let mark = resolved(&key);
        let item = group_item(g, key, mark);
        if item.is_disagreement() || item.is_marked() {
            out.push(item);
        }
        matched.extend(mark.map(|(m, _)| m.key.as_str()));
    }
    for (g, key) in cmp.statements.iter().zip(target::statement_group_keys(cmp)) {
        let Some(mark) = resolved(&key) else {
            continue;
        };
        matched.push(&mark.0.key);
        let mut item = Item::new(
            TargetKind::StatementGroup,
            key,
            g.label.to_string(),
            Some(mark),
        );
        item.evidence = g.entries.iter().map(statement_evidence).collect();
        out.push(item);
    }
    let mut entries: HashMap<String, &FigureEntry> = HashMap::new();
    for e in cmp.figures.iter().flat_map(|g| &g.entries) {
        entries.insert(target::entry_key(e), e);
    }
    let claimers = claimers(cmp);
    for m in marks.marks() {
        if matched.contains(&m.key.as_str()) || !marks.concerns_corpus(m) {
            continue;
        }
        let mut item = Item::new(m.kind, m.key.clone(), m.label.clone(), Some((m, false)));
        match entries.get(&m.key).filter(|_| m.kind == TargetKind::Entry) {
            Some(e) => item.evidence = vec![figure_evidence(e)],
            // A group no longer found under its key, or a sentence: the
            // sentences it was made on, as they are now where they still
            // are, else as they were.
            None => {
                item.evidence = m
                    .anchors
                    .iter()
                    .map(|a| {
                        let mut ev = sentence_evidence(corpus, &a.source, &a.hash)
                            .unwrap_or_else(|| stale_evidence(corpus, &a.source, &a.sentence));
                        ev.claimer = claimers
                            .get(&(a.source.as_str(), a.sentence.as_str()))
                            .cloned();
                        ev
                    })
                    .collect();
                // A figure's mark whose figure is gone is stale even if its
                // sentence is there.
                item.stale = marks.is_stale(m) || m.kind == TargetKind::Entry;
            }
        }
        if item.is_marked() {
            out.push(item);
        }
    }
    out
}

/// Who each sentence of the comparison is attributed to, by source and
/// sentence text.
fn claimers(cmp: &Comparison) -> HashMap<(&str, &str), String> {
    let mut out = HashMap::new();
    for e in cmp.figures.iter().flat_map(|g| &g.entries) {
        if let Some(c) = &e.claimer {
            out.insert((&*e.source, &*e.sentence), c.to_string());
        }
    }
    for e in cmp.statements.iter().flat_map(|g| &g.entries) {
        if !e.claimers.is_empty() {
            out.insert((&*e.source, &*e.sentence), e.claimers.join(", "));
        }
    }
    for e in &cmp.coverage.exclusive {
        if let Some(c) = &e.claimer {
            out.insert((&*e.source, &*e.sentence), c.to_string());
        }
    }
    out
}

/// The sentence of `source` whose hash is `hash`, if it is still there.
fn sentence_evidence(corpus: &Corpus, source: &str, hash: &str) -> Option<Evidence> {
    let d = corpus.documents.iter().find(|d| d.source == source)?;
    let i = (0..d.sentences.len()).find(|&i| target::sentence_hash(d.sentence_text(i)) == hash)?;
    let mut ev = stale_evidence(corpus, source, d.sentence_text(i));
    ev.line = Some(d.sentences[i].line);
    Some(ev)
}

/// A sentence as a mark recorded it, with what the corpus still says of
/// its source.
fn stale_evidence(corpus: &Corpus, source: &str, sentence: &str) -> Evidence {
    let d = corpus.documents.iter().find(|d| d.source == source);
    Evidence {
        source: source.to_string(),
        outlet: d.and_then(|d| d.outlet.clone()),
        display: d.map_or(source, |d| d.display_name()).to_string(),
        date: d.and_then(|d| d.date.clone()),
        url: d.and_then(|d| d.url.clone()),
        line: None,
        sentence: sentence.to_string(),
        claimer: None,
        figure: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Anchor, Status};
    use crate::{analysis, compare, load};

    fn corpus() -> Corpus {
        let a = "Storm forces evacuations\n\nAbout 3,000 residents were evacuated from \
                 coastal villages on Sunday, the regional governor said.";
        let b = "Coastal villages evacuated\n\nAuthorities evacuated 4,500 residents from \
                 coastal villages on Sunday, according to the civil protection agency.";
        let loaded = load::load_named([("a.txt", a.as_bytes()), ("b.txt", b.as_bytes())]);
        Corpus {
            documents: loaded.documents,
        }
    }

    fn mark(kind: TargetKind, key: &str, anchors: Vec<Anchor>) -> Mark {
        Mark {
            kind,
            key: key.to_string(),
            label: key.to_string(),
            status: Status::Disputed,
            note: String::new(),
            accepted_value: None,
            accepted_source: None,
            updated: 0,
            anchors,
        }
    }

    #[test]
    fn lists_the_conflict_and_the_marks_each_as_stale_as_it_is() {
        let corpus = corpus();
        let cmp = compare::compare(&corpus, &analysis::analyze(&corpus));
        let first = &cmp.figures[0].entries[0];
        let here = Anchor::new(&first.source, &first.sentence);
        let marks = vec![
            // A group renamed since: its sentences are all still there.
            mark(
                TargetKind::FigureGroup,
                "figure:old name",
                vec![here.clone()],
            ),
            // A figure no longer found: stale, though its sentence is there.
            mark(TargetKind::Entry, "entry:a.txt#gone#9,000", vec![here]),
            // A mark on a source this corpus does not load.
            mark(
                TargetKind::Sentence,
                "sentence:z.txt#x",
                vec![Anchor::new("z.txt", "Elsewhere.")],
            ),
        ];
        let index = MarkIndex::new(marks, &corpus);
        let items = findings(&corpus, &cmp, &index);
        let keys: Vec<&str> = items.iter().map(|i| i.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                target::figure_group_keys(&cmp)[0].as_str(),
                "figure:old name",
                "entry:a.txt#gone#9,000"
            ]
        );
        assert!(items[0].is_disagreement() && !items[0].is_marked());
        assert_eq!(items[0].evidence.len(), 2);
        assert!(!items[1].stale);
        assert_eq!(items[1].evidence[0].line, Some(first.line));
        assert_eq!(
            items[1].evidence[0].claimer.as_deref(),
            Some("the regional governor")
        );
        assert!(items[2].stale);
    }
}

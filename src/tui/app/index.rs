//! What the app asks of a comparison again and again, made once per
//! comparison, on the thread that made the comparison: at 10,000 articles
//! a comparison has some 230,000 figure groups, and walking their entries
//! on a key press took longer than a frame.

use super::GroupKeys;
use crosscheck::SentenceId;
use crosscheck::analysis::Analysis;
use crosscheck::compare::{Comparison, Verdict};
use rustc_hash::FxHashMap as HashMap;

/// Lists of documents, one per group, in one allocation (a group's
/// documents are `docs[starts[g]..starts[g + 1]]`): scanned for the
/// outlet filter without touching the entries themselves.
#[derive(Debug, Clone, Default)]
pub struct GroupDocs {
    starts: Vec<u32>,
    docs: Vec<u32>,
}

impl GroupDocs {
    fn of<D: Iterator<Item = usize>>(groups: impl Iterator<Item = D>) -> GroupDocs {
        let mut out = GroupDocs {
            starts: vec![0],
            docs: Vec::new(),
        };
        for docs in groups {
            out.docs.extend(docs.map(|d| d as u32));
            out.starts.push(out.docs.len() as u32);
        }
        out
    }

    /// The documents of group `g` (with repeats), none past the end.
    pub fn get(&self, g: usize) -> &[u32] {
        match (self.starts.get(g), self.starts.get(g + 1)) {
            (Some(&a), Some(&b)) => &self.docs[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// What the diff's filters read of a group, packed: scanning the groups
/// themselves (hundreds of bytes each) for them took longer than a frame.
#[derive(Debug, Clone, Copy, Default)]
pub struct GroupRow {
    /// A disagreement: a conflicting (or revised) figure group, a
    /// statement quoted differently.
    pub disagrees: bool,
    /// Index into `measures` (figure groups).
    pub measure: u32,
    pub story: u32,
}

/// A claim: (document, index among its claims).
pub type ClaimId = (u32, u32);

/// A comparison's index for the app.
#[derive(Debug, Clone, Default)]
pub struct ComparisonIndex {
    /// The keys its groups' marks are filed under.
    pub group_keys: GroupKeys,
    /// The measures of its figure groups, in order, each once.
    pub measures: Vec<String>,
    /// The sentences of its disagreements (conflicting figure groups and
    /// statements quoted differently), in corpus order.
    pub disagreeing: Vec<SentenceId>,
    /// Per measure (as `measures`), the sentences of its figure groups,
    /// in corpus order.
    pub measure_sentences: Vec<Vec<SentenceId>>,
    /// Per figure group, and per statement group, what the filters read.
    pub figure_rows: Vec<GroupRow>,
    pub statement_rows: Vec<GroupRow>,
    /// The claims of `disagreeing` and of each measure's sentences, in
    /// corpus order, once the analysis is known ([`Self::resolve_claims`]).
    pub disagreeing_claims: Vec<ClaimId>,
    pub measure_claims: Vec<Vec<ClaimId>>,
    /// Each document's figure groups, and its statement groups.
    pub doc_figures: GroupDocs,
    pub doc_statements: GroupDocs,
}

/// Sorted, each once.
fn sorted(mut ids: Vec<SentenceId>) -> Vec<SentenceId> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The inverse of `groups`: each of `docs` documents' groups, in order.
fn inverse(groups: &GroupDocs, docs: usize) -> GroupDocs {
    let mut of_doc: Vec<Vec<usize>> = vec![Vec::new(); docs];
    for g in 0..groups.starts.len().saturating_sub(1) {
        for &d in groups.get(g) {
            if let Some(list) = of_doc.get_mut(d as usize)
                && list.last() != Some(&g)
            {
                list.push(g);
            }
        }
    }
    GroupDocs::of(of_doc.into_iter().map(Vec::into_iter))
}

impl ComparisonIndex {
    /// The index of `c`, a comparison of a corpus of `docs` documents.
    pub fn new(c: &Comparison, docs: usize) -> ComparisonIndex {
        let mut number: HashMap<&str, usize> = HashMap::default();
        let mut measures = Vec::new();
        let mut measure_sentences: Vec<Vec<SentenceId>> = Vec::new();
        for g in &c.figures {
            let m = *number.entry(g.measure.as_str()).or_insert_with(|| {
                measures.push(g.measure.clone());
                measure_sentences.push(Vec::new());
                measures.len() - 1
            });
            measure_sentences[m].extend(g.entries.iter().map(|e| e.id));
        }
        let figures = c
            .figures
            .iter()
            .filter(|g| matches!(g.verdict, Verdict::Conflict | Verdict::Revised))
            .flat_map(|g| g.entries.iter().map(|e| e.id));
        let statements = c
            .statements
            .iter()
            .filter(|g| g.quote_differs)
            .flat_map(|g| g.entries.iter().map(|e| e.id));
        let figure_docs =
            GroupDocs::of(c.figures.iter().map(|g| g.entries.iter().map(|e| e.id.doc)));
        let statement_docs = GroupDocs::of(
            c.statements
                .iter()
                .map(|g| g.entries.iter().map(|e| e.id.doc)),
        );
        ComparisonIndex {
            doc_figures: inverse(&figure_docs, docs),
            doc_statements: inverse(&statement_docs, docs),
            measure_sentences: measure_sentences.into_iter().map(sorted).collect(),
            group_keys: GroupKeys {
                figures: crosscheck::store::target::figure_group_keys(c),
                statements: crosscheck::store::target::statement_group_keys(c),
            },
            measures,
            disagreeing: sorted(figures.chain(statements).collect()),
            figure_rows: c
                .figures
                .iter()
                .map(|g| GroupRow {
                    disagrees: matches!(g.verdict, Verdict::Conflict | Verdict::Revised),
                    measure: number.get(g.measure.as_str()).copied().unwrap_or(0) as u32,
                    story: g.story.id as u32,
                })
                .collect(),
            statement_rows: c
                .statements
                .iter()
                .map(|g| GroupRow {
                    disagrees: g.quote_differs,
                    measure: 0,
                    story: g.story.id as u32,
                })
                .collect(),
            disagreeing_claims: Vec::new(),
            measure_claims: Vec::new(),
        }
    }
}

impl ComparisonIndex {
    /// The claims of the disagreeing and measure sentences, from
    /// `analysis` (one claim per sentence, in sentence order): what the
    /// claims pane's filters list, found once rather than on each key.
    pub fn resolve_claims(&mut self, analysis: &Analysis) {
        let claims = |ids: &[SentenceId]| -> Vec<ClaimId> {
            ids.iter()
                .filter_map(|id| {
                    let claims = &analysis.docs.get(id.doc)?.claims;
                    let i = claims.partition_point(|x| x.sentence < id.sentence);
                    (claims.get(i)?.sentence == id.sentence).then_some((id.doc as u32, i as u32))
                })
                .collect()
        };
        self.disagreeing_claims = claims(&self.disagreeing);
        self.measure_claims = self.measure_sentences.iter().map(|s| claims(s)).collect();
    }
}

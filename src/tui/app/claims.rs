//! The claims pane's state: its filters and selection, and the claims
//! they leave (made once per change of a filter, not once per frame).

use super::{App, Focus, areas};
use crate::tui::action::Action;
use crosscheck::SentenceId;
use crosscheck::analysis::ClaimKind;
use crosscheck::compare::{Comparison, Verdict};
use std::collections::HashSet;
use std::sync::Arc;

/// The claims pane: which claims show and which one is selected.
#[derive(Debug, Clone, Default)]
pub struct ClaimsView {
    /// All sources, or only the open one.
    pub all_sources: bool,
    pub kind: Option<ClaimKind>,
    /// Only this outlet's (display name) claims; implies all sources.
    pub outlet: Option<String>,
    /// Only claims in a disagreement: a figure of a conflicting group, or
    /// a statement quoted differently.
    pub disagreeing: bool,
    /// Only claims with a figure of this measure ("troops").
    pub measure: Option<String>,
    pub selected: usize,
    /// The rows' `/` search.
    pub search: Option<String>,
}

/// What the visible claims depend on: a change of any makes them again.
#[derive(Debug, Clone, PartialEq)]
struct Filter {
    all_sources: bool,
    kind: Option<ClaimKind>,
    outlet: Option<String>,
    disagreeing: bool,
    measure: Option<String>,
    /// The open source (for the scope "this source").
    doc: usize,
    story: Option<usize>,
    /// The analysis and comparison, by address: new ones, new claims.
    analysis: usize,
    comparison: usize,
}

/// The claims the filters left last, and the filters.
#[derive(Debug, Clone, Default)]
pub(super) struct ClaimsMemo(Option<(Filter, Arc<[(usize, usize)]>)>);

/// The sentences in a disagreement: those of conflicting figure groups
/// and of statements quoted differently.
pub fn disagreeing_sentences(c: &Comparison) -> HashSet<SentenceId> {
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
    figures.chain(statements).collect()
}

/// A claim kind as the pane names it.
pub fn kind_name(k: ClaimKind) -> &'static str {
    match k {
        ClaimKind::Figure => "figures",
        ClaimKind::Quote => "quotes",
        ClaimKind::Attribution => "attributed",
    }
}

impl App {
    /// The claims the claims pane shows, as (document, claim index), in
    /// corpus order. Made again only when a filter, the open source, the
    /// story shown, the analysis or the comparison changed: the pane and
    /// the status line both ask for them every frame.
    pub fn visible_claims(&self) -> Arc<[(usize, usize)]> {
        let c = &self.claims;
        let filter = Filter {
            all_sources: c.all_sources,
            kind: c.kind,
            outlet: c.outlet.clone(),
            disagreeing: c.disagreeing,
            measure: c.measure.clone(),
            doc: self.reader.doc,
            story: self.story_shown(),
            analysis: self
                .analysis
                .as_ref()
                .map_or(0, |a| Arc::as_ptr(a) as usize),
            comparison: self
                .comparison
                .as_ref()
                .map_or(0, |c| Arc::as_ptr(c) as usize),
        };
        if let Some((f, claims)) = &self.claims_memo.borrow().0
            && *f == filter
        {
            return Arc::clone(claims);
        }
        let claims: Arc<[(usize, usize)]> = self.filter_claims().into();
        self.claims_memo.borrow_mut().0 = Some((filter, Arc::clone(&claims)));
        claims
    }

    fn filter_claims(&self) -> Vec<(usize, usize)> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let c = &self.claims;
        let docs: Vec<usize> = if c.all_sources || c.outlet.is_some() {
            (0..self.corpus.documents.len()).collect()
        } else {
            vec![self.reader.doc]
        };
        let disagreeing = match (&self.comparison, c.disagreeing) {
            (Some(cmp), true) => Some(disagreeing_sentences(cmp)),
            // Before the comparison nothing is known to disagree.
            (None, true) => Some(HashSet::new()),
            (_, false) => None,
        };
        let mut out = Vec::new();
        for d in docs {
            let (Some(doc), Some(a)) = (self.corpus.documents.get(d), analysis.docs.get(d)) else {
                continue;
            };
            if c.outlet.as_deref().is_some_and(|o| o != doc.display_name())
                || !self.in_story_shown(d)
            {
                continue;
            }
            for (i, claim) in a.claims.iter().enumerate() {
                let keep = match c.kind {
                    None => true,
                    Some(ClaimKind::Attribution) => claim.claimer.is_some(),
                    Some(k) => claim.kinds.contains(&k),
                } && disagreeing.as_ref().is_none_or(|set| {
                    set.contains(&SentenceId {
                        doc: d,
                        sentence: claim.sentence,
                    })
                }) && c.measure.as_deref().is_none_or(|m| {
                    claim
                        .figures
                        .iter()
                        .any(|&f| a.figures.get(f).is_some_and(|x| x.figure.measure == m))
                });
                if keep {
                    out.push((d, i));
                }
            }
        }
        out
    }

    /// The outlets (display names) in corpus order, each once; only those
    /// of the story shown.
    pub fn outlets(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for (i, d) in self.corpus.documents.iter().enumerate() {
            let name = d.display_name().to_string();
            if self.in_story_shown(i) && !seen.contains(&name) {
                seen.push(name);
            }
        }
        seen
    }

    /// The measures of the comparison's figure groups, in order, each
    /// once; what `m` steps through.
    pub fn measures(&self) -> Vec<String> {
        let mut measures: Vec<String> = Vec::new();
        for g in self.comparison.iter().flat_map(|c| &c.figures) {
            if !measures.contains(&g.measure) {
                measures.push(g.measure.clone());
            }
        }
        measures
    }

    pub(super) fn claims_action(&mut self, action: Action) -> bool {
        let n = self.visible_claims().len();
        let page = (areas(self.size).main.height.saturating_sub(2) / 3).max(1) as usize;
        let c = &mut self.claims;
        if let Some(p) = action.moved(c.selected, n, page) {
            c.selected = p;
            return true;
        }
        match action {
            Action::CycleKind => {
                c.kind = match c.kind {
                    None => Some(ClaimKind::Figure),
                    Some(ClaimKind::Figure) => Some(ClaimKind::Quote),
                    Some(ClaimKind::Quote) => Some(ClaimKind::Attribution),
                    Some(ClaimKind::Attribution) => None,
                };
                c.selected = 0;
            }
            Action::CycleOutlet => {
                let outlets = self.outlets();
                let c = &mut self.claims;
                c.outlet = next_of(&outlets, c.outlet.as_ref());
                c.selected = 0;
            }
            Action::ToggleConflicts => {
                c.disagreeing = !c.disagreeing;
                c.selected = 0;
            }
            Action::CycleMeasure => {
                let measures = self.measures();
                let c = &mut self.claims;
                c.measure = next_of(&measures, c.measure.as_ref());
                c.selected = 0;
            }
            Action::ToggleScope => {
                c.all_sources = !c.all_sources;
                if !c.all_sources {
                    c.outlet = None;
                }
                c.selected = 0;
            }
            Action::Open => {
                let visible = self.visible_claims();
                if let (Some(&(doc, i)), Some(analysis)) =
                    (visible.get(self.claims.selected), &self.analysis)
                {
                    let sentence = analysis.docs[doc].claims[i].sentence;
                    self.jump_to(SentenceId { doc, sentence });
                }
            }
            Action::Back => self.focus = Focus::Sources,
            _ => return false,
        }
        true
    }
}

/// The value after `current` in `values`, none after the last: what a
/// filter key steps to.
pub(super) fn next_of(values: &[String], current: Option<&String>) -> Option<String> {
    let next = match current {
        None => 0,
        Some(v) => values.iter().position(|x| x == v).map_or(0, |i| i + 1),
    };
    values.get(next).cloned()
}

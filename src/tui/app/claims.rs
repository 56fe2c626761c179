//! The claims pane's state: its filters and selection, and the claims
//! they leave (made once per change of a filter, not once per frame).

use super::{App, Focus, areas};
use crate::tui::action::Action;
use crosscheck::SentenceId;
use crosscheck::analysis::ClaimKind;
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

/// Claims as the pane lists them: (document, index among its claims).
type Claims = Arc<[(usize, usize)]>;

/// The claims the filters left last, and the filters.
#[derive(Debug, Clone, Default)]
pub(super) struct ClaimsMemo(Option<(Filter, Claims)>);

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
        let all = c.all_sources || c.outlet.is_some();
        let index = &self.index;
        // The claims the disagreement and measure filters leave, from the
        // comparison's index (in corpus order).
        let measure = c.measure.as_ref().map(|m| {
            index
                .measures
                .iter()
                .position(|x| x == m)
                .and_then(|k| index.measure_claims.get(k))
                .map_or(&[][..], Vec::as_slice)
        });
        let disagreeing = c.disagreeing.then_some(index.disagreeing_claims.as_slice());
        let keeps_doc = |d: usize| {
            (all || d == self.reader.doc)
                && self.in_story_shown(d)
                && c.outlet.as_deref().is_none_or(|o| {
                    self.corpus
                        .documents
                        .get(d)
                        .is_some_and(|doc| doc.display_name() == o)
                })
        };
        let keeps_claim = |claim: &crosscheck::analysis::Claim| match c.kind {
            None => true,
            Some(ClaimKind::Attribution) => claim.claimer.is_some(),
            Some(k) => claim.kinds.contains(&k),
        };
        // With a filter of the comparison, its list of claims leads (the
        // shorter of two; the other is asked by binary search); else every
        // claim.
        let (lead, other) = match (measure, disagreeing) {
            (Some(m), Some(d)) if d.len() < m.len() => (Some(d), Some(m)),
            (Some(m), d) => (Some(m), d),
            (None, d) => (d, None),
        };
        let mut out = Vec::new();
        let Some(lead) = lead else {
            let docs = if all {
                0..self.corpus.documents.len()
            } else {
                self.reader.doc..self.reader.doc + 1
            };
            for d in docs.filter(|&d| keeps_doc(d)) {
                let Some(a) = analysis.docs.get(d) else {
                    continue;
                };
                for (i, claim) in a.claims.iter().enumerate() {
                    if keeps_claim(claim) {
                        out.push((d, i));
                    }
                }
            }
            return out;
        };
        for &(d, i) in lead {
            let (doc, claim) = (d as usize, i as usize);
            if !keeps_doc(doc) || other.is_some_and(|o| o.binary_search(&(d, i)).is_err()) {
                continue;
            }
            let Some(x) = analysis.docs.get(doc).and_then(|a| a.claims.get(claim)) else {
                continue;
            };
            if keeps_claim(x) {
                out.push((doc, claim));
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
                let c = &mut self.claims;
                c.measure = next_of(&self.index.measures, c.measure.as_ref());
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

//! The claims pane's state: its filters and selection.

use super::{App, Focus, areas};
use crate::tui::action::Action;
use crosscheck::SentenceId;
use crosscheck::analysis::ClaimKind;

/// The claims pane: which claims show and which one is selected.
#[derive(Debug, Clone, Default)]
pub struct ClaimsView {
    /// All sources, or only the open one.
    pub all_sources: bool,
    pub kind: Option<ClaimKind>,
    /// Only this outlet's (display name) claims; implies all sources.
    pub outlet: Option<String>,
    pub selected: usize,
    /// The rows' `/` search.
    pub search: Option<String>,
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
    /// corpus order.
    pub fn visible_claims(&self) -> Vec<(usize, usize)> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let c = &self.claims;
        let docs: Vec<usize> = if c.all_sources || c.outlet.is_some() {
            (0..self.corpus.documents.len()).collect()
        } else {
            vec![self.reader.doc]
        };
        let mut out = Vec::new();
        for d in docs {
            let (Some(doc), Some(a)) = (self.corpus.documents.get(d), analysis.docs.get(d)) else {
                continue;
            };
            if c.outlet.as_deref().is_some_and(|o| o != doc.display_name()) {
                continue;
            }
            for (i, claim) in a.claims.iter().enumerate() {
                let keep = match c.kind {
                    None => true,
                    Some(ClaimKind::Attribution) => claim.claimer.is_some(),
                    Some(k) => claim.kinds.contains(&k),
                };
                if keep {
                    out.push((d, i));
                }
            }
        }
        out
    }

    /// The outlets (display names) in corpus order, each once.
    pub fn outlets(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for d in &self.corpus.documents {
            let name = d.display_name().to_string();
            if !seen.contains(&name) {
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
                let next = match &c.outlet {
                    None => 0,
                    Some(o) => outlets.iter().position(|x| x == o).map_or(0, |i| i + 1),
                };
                c.outlet = outlets.get(next).cloned();
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

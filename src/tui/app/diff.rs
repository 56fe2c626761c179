//! The diff pane's state: section, filters, the rows they leave, the
//! detail stepped into.

use super::claims::next_of;
use super::{App, Focus, areas};
use crate::tui::action::Action;
use crosscheck::SentenceId;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffSection {
    #[default]
    Figures,
    Statements,
    Coverage,
}

impl DiffSection {
    pub const ALL: [DiffSection; 3] = [
        DiffSection::Figures,
        DiffSection::Statements,
        DiffSection::Coverage,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DiffSection::Figures => "Figures",
            DiffSection::Statements => "Statements",
            DiffSection::Coverage => "Coverage",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The diff pane: a section, the selected row of each section (a position
/// among the rows the filters leave), and, when the reader has stepped into
/// a row, the selected line inside it.
#[derive(Debug, Clone, Default)]
pub struct DiffView {
    pub section: DiffSection,
    pub selected: [usize; 3],
    pub detail: Option<usize>,
    /// Only disagreements: conflicting figure groups, statements quoted
    /// differently.
    pub conflicts_only: bool,
    /// Only rows an outlet (display name) takes part in.
    pub outlet: Option<String>,
    /// Only figure groups of this measure ("troops", "killed").
    pub measure: Option<String>,
    /// The rows' `/` search.
    pub search: Option<String>,
    /// Per section, the comparison's rows the filters leave, in order;
    /// made again whenever the comparison or a filter changes.
    visible: [Vec<usize>; 3],
}

impl DiffView {
    pub fn selected(&self) -> usize {
        self.selected[self.section.index()]
    }
}

impl App {
    /// `S`: every source as one story, or the stories as clustered (and
    /// edited). Asked of the run loop, which compares again off this
    /// thread.
    pub(super) fn toggle_one_story(&mut self) {
        self.one_story = !self.one_story;
        self.recompare = true;
        self.message = Some(if self.one_story {
            "comparing every source as one story…".to_string()
        } else {
            "clustering the sources into stories…".to_string()
        });
    }

    /// Rows of a diff section the filters leave: figure groups, statements,
    /// or sources.
    pub fn diff_rows(&self, section: DiffSection) -> usize {
        self.diff.visible[section.index()].len()
    }

    /// The comparison's rows of a section that the filters leave, in order.
    pub fn diff_visible(&self, section: DiffSection) -> &[usize] {
        &self.diff.visible[section.index()]
    }

    /// The comparison's index of the row at `pos` among the visible ones.
    pub fn diff_row(&self, section: DiffSection, pos: usize) -> Option<usize> {
        self.diff.visible[section.index()].get(pos).copied()
    }

    /// A short name of the row at `pos`: a group's label, a statement's
    /// claimer (or its first words), a source's name.
    pub fn diff_row_label(&self, section: DiffSection, pos: usize) -> Option<String> {
        let c = self.comparison.as_ref()?;
        let row = self.diff_row(section, pos)?;
        Some(match section {
            DiffSection::Figures => c.figures.get(row)?.label.clone(),
            DiffSection::Statements => {
                let g = c.statements.get(row)?;
                g.claimer.clone().unwrap_or_else(|| {
                    g.label
                        .text
                        .split_whitespace()
                        .take(5)
                        .collect::<Vec<_>>()
                        .join(" ")
                })
            }
            DiffSection::Coverage => c.coverage.sources.get(row)?.display.clone(),
        })
    }

    /// Makes the visible rows again after the comparison or a filter
    /// changed, keeping each selection inside them.
    pub(super) fn refresh_diff_rows(&mut self) {
        let d = &mut self.diff;
        let Some(c) = &self.comparison else {
            d.visible = Default::default();
            return;
        };
        // The outlet's documents, once: comparing each entry's name to
        // the outlet's took longer than a frame at 10,000 articles.
        let outlet_docs: Option<Vec<bool>> = d.outlet.as_deref().map(|o| {
            self.corpus
                .documents
                .iter()
                .map(|doc| doc.display_name() == o)
                .collect()
        });
        let has = |doc: usize| {
            outlet_docs
                .as_ref()
                .is_none_or(|w| w.get(doc).copied().unwrap_or(false))
        };
        let idx = &self.index;
        // The groups an outlet takes part in, from its documents' lists:
        // scanning every group's documents took longer than a frame.
        let outlet_groups = |n: usize, doc_groups: &super::index::GroupDocs| {
            outlet_docs.as_ref().map(|w| {
                let mut groups = vec![false; n];
                for doc in (0..w.len()).filter(|&d| w[d]) {
                    for &g in doc_groups.get(doc) {
                        if let Some(x) = groups.get_mut(g as usize) {
                            *x = true;
                        }
                    }
                }
                groups
            })
        };
        let figure_in = outlet_groups(c.figures.len(), &idx.doc_figures);
        let statement_in = outlet_groups(c.statements.len(), &idx.doc_statements);
        let takes_part = |groups: &Option<Vec<bool>>, g: usize| {
            groups
                .as_ref()
                .is_none_or(|w| w.get(g).copied().unwrap_or(false))
        };
        let shown = self
            .story_filter
            .and_then(|doc| self.doc_story.get(doc).copied());
        let in_story = |story: usize| shown.is_none_or(|s| s == story);
        // The measure's number; one not in this comparison matches none.
        let measure = d.measure.as_deref().map(|m| {
            idx.measures
                .iter()
                .position(|x| x == m)
                .map_or(u32::MAX, |k| k as u32)
        });
        d.visible[DiffSection::Figures.index()] = (0..c.figures.len())
            .filter(|&i| {
                let g = idx.figure_rows.get(i).copied().unwrap_or_default();
                (!d.conflicts_only || g.disagrees)
                    && measure.is_none_or(|m| m == g.measure)
                    && in_story(g.story as usize)
                    && takes_part(&figure_in, i)
            })
            .collect();
        d.visible[DiffSection::Statements.index()] = (0..c.statements.len())
            .filter(|&i| {
                let g = idx.statement_rows.get(i).copied().unwrap_or_default();
                (!d.conflicts_only || g.disagrees)
                    && in_story(g.story as usize)
                    && takes_part(&statement_in, i)
            })
            .collect();
        d.visible[DiffSection::Coverage.index()] = (0..c.coverage.sources.len())
            .filter(|&i| {
                let s = &c.coverage.sources[i];
                in_story(s.story) && has(i)
            })
            .collect();
        for s in DiffSection::ALL {
            let n = d.visible[s.index()].len();
            d.selected[s.index()] = d.selected[s.index()].min(n.saturating_sub(1));
        }
        d.detail = None;
    }

    /// The sentences inside the diff row at `pos` (among the visible), in
    /// the order the pane lists them: a group's entries, a statement's
    /// sentences, a source's claims that no other source reports.
    pub fn diff_detail(&self, section: DiffSection, pos: usize) -> Vec<SentenceId> {
        let (Some(c), Some(row)) = (&self.comparison, self.diff_row(section, pos)) else {
            return Vec::new();
        };
        match section {
            DiffSection::Figures => c
                .figures
                .get(row)
                .map_or(Vec::new(), |g| g.entries.iter().map(|e| e.id).collect()),
            DiffSection::Statements => c
                .statements
                .get(row)
                .map_or(Vec::new(), |g| g.entries.iter().map(|e| e.id).collect()),
            DiffSection::Coverage => c.exclusive_of(row),
        }
    }

    pub(super) fn diff_action(&mut self, action: Action) -> bool {
        let section = self.diff.section;
        let row = self.diff.selected();
        let rows = self.diff_rows(section);
        let details = self.diff_detail(section, row);
        // Moves act on the lines inside a row once the reader stepped in.
        let (pos, n) = match self.diff.detail {
            Some(d) => (d, details.len()),
            None => (row, rows),
        };
        let page = (areas(self.size).main.height / 4).max(1) as usize;
        if let Some(p) = action.moved(pos, n, page) {
            match &mut self.diff.detail {
                Some(d) => *d = p,
                None => self.diff.selected[section.index()] = p,
            }
            return true;
        }
        match action {
            Action::Open => match self.diff.detail {
                None if !details.is_empty() => self.diff.detail = Some(0),
                None => {}
                Some(d) => {
                    if let Some(&id) = details.get(d) {
                        self.jump_to(id);
                    }
                }
            },
            Action::NextSection => {
                let next = DiffSection::ALL[(section.index() + 1) % DiffSection::ALL.len()];
                self.diff.section = next;
                self.diff.detail = None;
            }
            Action::ToggleOneStory => self.toggle_one_story(),
            Action::Back => match self.diff.detail {
                Some(_) => self.diff.detail = None,
                None => self.focus = Focus::Sources,
            },
            Action::ToggleConflicts => {
                self.diff.conflicts_only = !self.diff.conflicts_only;
                self.refresh_diff_rows();
            }
            Action::CycleMeasure => {
                self.diff.measure = next_of(&self.index.measures, self.diff.measure.as_ref());
                self.refresh_diff_rows();
            }
            Action::CycleOutlet => {
                self.diff.outlet = next_of(&self.outlets(), self.diff.outlet.as_ref());
                self.refresh_diff_rows();
            }
            _ => return false,
        }
        true
    }
}

//! The diff pane's state: section, rows, the detail stepped into.

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

/// The diff pane: a section, the selected row of each section, and, when
/// the reader has stepped into a row, the selected line inside it.
#[derive(Debug, Clone, Default)]
pub struct DiffView {
    pub section: DiffSection,
    pub selected: [usize; 3],
    pub detail: Option<usize>,
}

impl DiffView {
    pub fn selected(&self) -> usize {
        self.selected[self.section.index()]
    }
}

impl App {
    /// Rows of a diff section: figure groups, statements, or sources.
    pub fn diff_rows(&self, section: DiffSection) -> usize {
        match (&self.comparison, section) {
            (None, _) => 0,
            (Some(c), DiffSection::Figures) => c.figures.len(),
            (Some(c), DiffSection::Statements) => c.statements.len(),
            (Some(c), DiffSection::Coverage) => c.coverage.sources.len(),
        }
    }

    /// The sentences inside a diff row, in the order the pane lists them:
    /// a group's entries, a statement's sentences, a source's claims that no
    /// other source reports.
    pub fn diff_detail(&self, section: DiffSection, row: usize) -> Vec<SentenceId> {
        let Some(c) = &self.comparison else {
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
        let last = n.saturating_sub(1);
        let moved = match action {
            Action::Down => Some((pos + 1).min(last)),
            Action::Up => Some(pos.saturating_sub(1)),
            Action::PageDown => Some((pos + page).min(last)),
            Action::PageUp => Some(pos.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => None,
        };
        if let Some(p) = moved {
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
            Action::ToggleOneStory => {
                // Asked of the run loop, which compares again off this thread.
                self.one_story = !self.one_story;
                self.recompare = true;
                self.message = Some(if self.one_story {
                    "comparing every source as one story…".to_string()
                } else {
                    "clustering the sources into stories…".to_string()
                });
            }
            Action::Back => match self.diff.detail {
                Some(_) => self.diff.detail = None,
                None => self.focus = Focus::Sources,
            },
            _ => return false,
        }
        true
    }
}

//! The sources pane's state: its order (as loaded, or sorted by date,
//! outlet or title), the selection and stepping.

use super::{App, Focus, areas};
use crate::tui::action::Action;

/// How the sources pane orders the sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SourceOrder {
    /// As loaded (file name order for a folder).
    #[default]
    Loaded,
    /// By publication day, oldest first; undated last.
    Date,
    /// By outlet (or file name), then by day.
    Outlet,
    /// By headline; without one last.
    Title,
}

impl SourceOrder {
    pub fn name(self) -> &'static str {
        match self {
            SourceOrder::Loaded => "as loaded",
            SourceOrder::Date => "by date",
            SourceOrder::Outlet => "by outlet",
            SourceOrder::Title => "by title",
        }
    }

    fn next(self) -> SourceOrder {
        match self {
            SourceOrder::Loaded => SourceOrder::Date,
            SourceOrder::Date => SourceOrder::Outlet,
            SourceOrder::Outlet => SourceOrder::Title,
            SourceOrder::Title => SourceOrder::Loaded,
        }
    }
}

/// The sources pane's order: the documents in list order, and each
/// document's place in it. Empty while the order is the loaded one.
#[derive(Debug, Clone, Default)]
pub struct SourcesView {
    pub order_by: SourceOrder,
    order: Vec<usize>,
    rank: Vec<usize>,
}

impl App {
    /// The document at list position `pos` of the sources pane.
    pub fn source_at(&self, pos: usize) -> usize {
        self.sources.order.get(pos).copied().unwrap_or(pos)
    }

    /// The list position of document `doc` in the sources pane.
    pub fn source_pos(&self, doc: usize) -> usize {
        self.sources.rank.get(doc).copied().unwrap_or(doc)
    }

    /// Orders the sources as `order_by` says; the selection stays on its
    /// document.
    pub(super) fn sort_sources(&mut self) {
        let docs = &self.corpus.documents;
        let mut order: Vec<usize> = (0..docs.len()).collect();
        let days = self.corpus.publication_days();
        // Undated last: None sorts after every day.
        let day = |i: usize| (days[i].is_none(), days[i]);
        match self.sources.order_by {
            SourceOrder::Loaded => {
                self.sources.order.clear();
                self.sources.rank.clear();
                return;
            }
            SourceOrder::Date => order.sort_by_key(|&i| day(i)),
            SourceOrder::Outlet => {
                order.sort_by_cached_key(|&i| (docs[i].display_name().to_lowercase(), day(i)))
            }
            SourceOrder::Title => order.sort_by_cached_key(|&i| {
                let t = docs[i].title.as_deref();
                (t.is_none(), t.map(str::to_lowercase))
            }),
        }
        let mut rank = vec![0; order.len()];
        for (pos, &doc) in order.iter().enumerate() {
            rank[doc] = pos;
        }
        self.sources.order = order;
        self.sources.rank = rank;
    }

    pub(super) fn step_source(&mut self, delta: isize) {
        let n = self.corpus.documents.len();
        if n == 0 {
            return;
        }
        let pos = self.source_pos(self.reader.doc) as isize;
        let next = self.source_at((pos + delta).rem_euclid(n as isize) as usize);
        self.selected_source = next;
        self.open_document(next);
    }

    pub(super) fn sources_action(&mut self, action: Action) -> bool {
        let n = self.corpus.documents.len();
        let page = (areas(self.size).sources.height.saturating_sub(2) / 2).max(1) as usize;
        let pos = self.source_pos(self.selected_source);
        if let Some(p) = action.moved(pos, n, page) {
            self.selected_source = self.source_at(p);
            return true;
        }
        match action {
            Action::Open => {
                if n > 0 {
                    self.open_document(self.selected_source);
                    self.focus = Focus::Main;
                }
            }
            Action::CycleSort => {
                self.sources.order_by = self.sources.order_by.next();
                self.sort_sources();
                self.message = Some(format!("sources {}", self.sources.order_by.name()));
            }
            _ => return false,
        }
        true
    }
}

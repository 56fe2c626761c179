//! The sources pane's state: its order (as loaded, or sorted by date,
//! outlet or title), the story it is filtered to, the selection and
//! stepping.

use super::{App, Focus, View, areas};
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

/// The sources pane's order: the documents listed, in list order, and
/// each document's place in it (past the end for one not listed). Both
/// empty while every document is listed in the loaded order.
#[derive(Debug, Clone, Default)]
pub struct SourcesView {
    pub order_by: SourceOrder,
    order: Vec<usize>,
    rank: Vec<usize>,
    /// Only the documents of one story are listed.
    filtered: bool,
    /// Each document's publication day, read once per corpus (the order
    /// is made again whenever the story shown changes).
    pub(super) days: Option<Vec<Option<i64>>>,
}

impl App {
    /// The document at list position `pos` of the sources pane.
    pub fn source_at(&self, pos: usize) -> usize {
        self.sources.order.get(pos).copied().unwrap_or(pos)
    }

    /// The list position of document `doc` in the sources pane (0 for a
    /// document not listed).
    pub fn source_pos(&self, doc: usize) -> usize {
        match self.sources.rank.get(doc) {
            Some(&pos) if pos < self.source_count() => pos,
            Some(_) => 0,
            None => doc,
        }
    }

    /// How many sources the pane lists.
    pub fn source_count(&self) -> usize {
        if self.sources.filtered {
            self.sources.order.len()
        } else {
            self.corpus.documents.len()
        }
    }

    /// Orders the sources as `order_by` says and keeps those of the story
    /// shown; the selection stays on its document.
    pub(super) fn sort_sources(&mut self) {
        let docs = &self.corpus.documents;
        let filtered = self.story_shown().is_some();
        let mut order: Vec<usize> = (0..docs.len())
            .filter(|&d| self.in_story_shown(d))
            .collect();
        if self.sources.days.is_none() {
            self.sources.days = Some(self.corpus.publication_days());
        }
        let days = self.sources.days.as_deref().unwrap_or_default();
        // Undated last: None sorts after every day.
        let day = |i: usize| (days[i].is_none(), days[i]);
        self.sources.filtered = filtered;
        match self.sources.order_by {
            SourceOrder::Loaded if !filtered => {
                self.sources.order.clear();
                self.sources.rank.clear();
                return;
            }
            SourceOrder::Loaded => {}
            SourceOrder::Date => order.sort_by_key(|&i| day(i)),
            SourceOrder::Outlet => {
                order.sort_by_cached_key(|&i| (docs[i].display_name().to_lowercase(), day(i)))
            }
            SourceOrder::Title => order.sort_by_cached_key(|&i| {
                let t = docs[i].title.as_deref();
                (t.is_none(), t.map(str::to_lowercase))
            }),
        }
        let mut rank = vec![usize::MAX; docs.len()];
        for (pos, &doc) in order.iter().enumerate() {
            rank[doc] = pos;
        }
        self.sources.order = order;
        self.sources.rank = rank;
    }

    pub(super) fn step_source(&mut self, delta: isize) {
        let n = self.source_count();
        if n == 0 {
            return;
        }
        let pos = self.source_pos(self.reader.doc) as isize;
        let next = self.source_at((pos + delta).rem_euclid(n as isize) as usize);
        self.selected_source = next;
        self.open_document(next);
    }

    pub(super) fn sources_action(&mut self, action: Action) -> bool {
        let n = self.source_count();
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
                    // The claims follow the source open; the diff and the
                    // stories do not, so from them Enter reads the source.
                    if matches!(self.view, View::Diff | View::Stories) {
                        self.view = View::Reader;
                    }
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

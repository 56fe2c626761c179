//! The sources pane's state: selection and stepping.

use super::{App, Focus, areas};
use crate::tui::action::Action;

impl App {
    pub(super) fn step_source(&mut self, delta: isize) {
        let n = self.corpus.documents.len();
        if n == 0 {
            return;
        }
        let next = (self.reader.doc as isize + delta).rem_euclid(n as isize) as usize;
        self.selected_source = next;
        self.open_document(next);
    }

    pub(super) fn sources_action(&mut self, action: Action) -> bool {
        let n = self.corpus.documents.len();
        let page = (areas(self.size).sources.height.saturating_sub(2) / 2).max(1) as usize;
        let s = &mut self.selected_source;
        match action {
            Action::Down => *s = (*s + 1).min(n.saturating_sub(1)),
            Action::Up => *s = s.saturating_sub(1),
            Action::PageDown => *s = (*s + page).min(n.saturating_sub(1)),
            Action::PageUp => *s = s.saturating_sub(page),
            Action::Top => *s = 0,
            Action::Bottom => *s = n.saturating_sub(1),
            Action::Open => {
                if n > 0 {
                    self.open_document(self.selected_source);
                    self.focus = Focus::Main;
                }
            }
            _ => return false,
        }
        true
    }
}

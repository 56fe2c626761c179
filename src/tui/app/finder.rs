//! The finder overlay's state: the query, the hits answered, typing.

use super::App;
use crate::tui::action::Action;
use crosscheck::search::{Found, Hit};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: String,
    /// The best hits for `answered`, best first.
    pub hits: Vec<Hit>,
    /// How many sentences match `answered` (so far, while `progress` is set).
    pub matched: usize,
    /// The query `hits` answer; differs from `query` while a search runs.
    pub answered: String,
    /// While the search for `answered` still runs: candidates done, and
    /// how many in all.
    pub progress: Option<(usize, usize)>,
    pub selected: usize,
}

impl App {
    pub(super) fn finder_action(&mut self, action: Action) -> bool {
        let Some(f) = &mut self.finder else {
            return false;
        };
        let n = f.hits.len();
        match action {
            Action::Close => self.finder = None,
            Action::Accept => {
                if let Some(hit) = f.hits.get(f.selected) {
                    let id = hit.id;
                    self.finder = None;
                    self.jump_to(id);
                }
            }
            Action::Down => f.selected = (f.selected + 1).min(n.saturating_sub(1)),
            Action::Up => f.selected = f.selected.saturating_sub(1),
            Action::PageDown => f.selected = (f.selected + 10).min(n.saturating_sub(1)),
            Action::PageUp => f.selected = f.selected.saturating_sub(10),
            _ => return false,
        }
        true
    }

    /// Typing in the finder or the prompt.
    pub(super) fn edit_input(&mut self, event: KeyEvent) {
        let input = match (&mut self.finder, &mut self.prompt) {
            (Some(f), _) => &mut f.query,
            (None, Some(p)) => &mut p.input,
            _ => return,
        };
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match event.code {
            KeyCode::Char('u') if ctrl => input.clear(),
            KeyCode::Char('w') if ctrl => {
                let trimmed = input.trim_end().len();
                let cut = input[..trimmed].rfind(' ').map_or(0, |i| i + 1);
                input.truncate(cut);
            }
            KeyCode::Char(c) if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) => {
                input.push(c)
            }
            KeyCode::Backspace => {
                input.pop();
            }
            _ => {}
        }
    }

    /// The query the finder wants answered, if its results are stale or
    /// partial.
    pub fn pending_search(&self) -> Option<&str> {
        self.finder
            .as_ref()
            .filter(|f| f.query != f.answered || f.progress.is_some())
            .map(|f| f.query.as_str())
    }

    /// Results for `query` arrived, all of them or (with `progress`) the
    /// best so far; stale ones (the user typed on) are dropped.
    pub fn set_hits(&mut self, query: &str, found: Found, progress: Option<(usize, usize)>) {
        let Some(f) = &mut self.finder else { return };
        if f.query != query {
            return;
        }
        if f.answered != query {
            f.selected = 0;
        }
        f.selected = f.selected.min(found.hits.len().saturating_sub(1));
        f.hits = found.hits;
        f.matched = found.matched;
        f.answered = query.to_string();
        f.progress = progress;
    }
}

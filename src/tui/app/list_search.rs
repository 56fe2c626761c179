//! `/` in the claims and diff panes: the rows that hold a text (smart
//! case), stepped through with `n` and `N` as the reader's matches are.

use super::{App, DiffSection, View};
use crate::tui::action::Action;

/// Whether `text` holds `query`: folding case unless the query has a
/// capital letter.
fn holds(text: &str, query: &str) -> bool {
    if query.chars().any(char::is_uppercase) {
        text.contains(query)
    } else {
        text.to_lowercase().contains(&query.to_lowercase())
    }
}

impl App {
    /// The query of the focused list pane's `/` search, if any.
    pub fn list_query(&self) -> Option<&str> {
        match self.view {
            View::Claims => self.claims.search.as_deref(),
            View::Diff => self.diff.search.as_deref(),
            View::Reader | View::Stories => None,
        }
    }

    fn list_len(&self) -> usize {
        match self.view {
            View::Claims => self.visible_claims().len(),
            View::Diff => self.diff_rows(self.diff.section),
            View::Reader | View::Stories => 0,
        }
    }

    /// What `/` searches in the row at `pos` of the list pane: a claim's
    /// outlet, claimer and sentence; a diff row's label and its entries'
    /// outlets, claimers and sentences; a source's name.
    fn list_row_text(&self, visible_claims: &[(usize, usize)], pos: usize) -> String {
        let mut parts: Vec<&str> = Vec::new();
        match self.view {
            View::Claims => {
                let Some((&(d, i), a)) = visible_claims.get(pos).zip(self.analysis.as_ref()) else {
                    return String::new();
                };
                let doc = &self.corpus.documents[d];
                let claim = &a.docs[d].claims[i];
                parts.push(doc.display_name());
                if let Some(c) = &claim.claimer {
                    parts.push(&c.name);
                }
                parts.push(doc.sentence_text(claim.sentence));
                parts.join(" ")
            }
            View::Diff => {
                let (Some(c), Some(row)) = (
                    self.comparison.as_ref(),
                    self.diff_row(self.diff.section, pos),
                ) else {
                    return String::new();
                };
                match self.diff.section {
                    DiffSection::Figures => {
                        let g = &c.figures[row];
                        parts.push(&g.label);
                        for e in &g.entries {
                            parts.extend([&*e.display, &*e.sentence]);
                            parts.extend(e.claimer.as_deref());
                        }
                    }
                    DiffSection::Statements => {
                        let g = &c.statements[row];
                        parts.push(&g.label.text);
                        parts.extend(g.claimer.as_deref());
                        for e in &g.entries {
                            parts.extend([&*e.display, &*e.sentence]);
                        }
                    }
                    DiffSection::Coverage => parts.push(&c.coverage.sources[row].display),
                }
                parts.join(" ")
            }
            View::Reader | View::Stories => String::new(),
        }
    }

    fn set_list_selected(&mut self, pos: usize) {
        match self.view {
            View::Claims => self.claims.selected = pos,
            View::Diff => {
                self.diff.selected[self.diff.section.index()] = pos;
                self.diff.detail = None;
            }
            View::Reader | View::Stories => {}
        }
    }

    fn list_selected(&self) -> usize {
        match self.view {
            View::Claims => self.claims.selected,
            View::Diff => self.diff.selected(),
            View::Reader | View::Stories => 0,
        }
    }

    /// `/` accepted in a list pane: keeps the query and moves to the first
    /// matching row from the selection on.
    pub(super) fn search_list(&mut self, query: &str) {
        let query = (!query.is_empty()).then(|| query.to_string());
        match self.view {
            View::Claims => self.claims.search = query,
            View::Diff => self.diff.search = query,
            View::Reader | View::Stories => return,
        }
        if self.list_query().is_some() {
            self.step_list_match(0);
        }
    }

    /// `/`, `n` and `N` in a pane whose rows can be searched; false for
    /// any other action.
    pub(super) fn list_search_action(&mut self, action: Action) -> bool {
        match action {
            Action::FindInList => {
                self.prompt = Some(super::Prompt {
                    input: String::new(),
                    list: true,
                    edit: None,
                })
            }
            Action::NextMatch => self.step_list_match(1),
            Action::PrevMatch => self.step_list_match(-1),
            _ => return false,
        }
        true
    }

    /// Moves the selection to the next (`delta` 1), previous (-1) or
    /// first from here (0) row that holds the query, wrapping around, and
    /// says which of how many it is.
    pub(super) fn step_list_match(&mut self, delta: isize) {
        let Some(query) = self.list_query().map(str::to_string) else {
            self.message = Some("no search: press / to search the rows".into());
            return;
        };
        let n = self.list_len();
        let claims = if self.view == View::Claims {
            self.visible_claims()
        } else {
            std::sync::Arc::from(Vec::new())
        };
        let matching: Vec<usize> = (0..n)
            .filter(|&p| holds(&self.list_row_text(&claims, p), &query))
            .collect();
        if matching.is_empty() {
            self.message = Some(format!("pattern not found: {query}"));
            return;
        }
        let here = self.list_selected();
        let pick = match delta {
            0 => matching.iter().position(|&p| p >= here).unwrap_or(0),
            d if d > 0 => matching.iter().position(|&p| p > here).unwrap_or(0),
            _ => matching
                .iter()
                .rposition(|&p| p < here)
                .unwrap_or(matching.len() - 1),
        };
        self.set_list_selected(matching[pick]);
        self.message = Some(format!("/{query}: {}/{}", pick + 1, matching.len()));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn smart_case() {
        assert!(super::holds("Zelensky said", "zelensky"));
        assert!(super::holds("Zelensky said", "Zelensky"));
        assert!(!super::holds("zelensky said", "Zelensky"));
    }
}

//! The stories pane's state: the stories the comparison found, each with
//! its sources; the whole app filtered to one story; a source moved to
//! another story or a story of its own, two stories merged, the last edit
//! undone. The App only decides the edit: the run loop keeps it in the
//! workspace ([`StoreJob`]) and compares again with every edit.

use super::{App, Focus, StoreJob, areas};
use crate::tui::action::Action;
use crosscheck::compare::{Comparison, StoryEdit, Verdict};

/// One row of the stories pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StoryRow {
    /// "All stories": Enter shows every story again.
    All,
    /// A story (index into the comparison's stories).
    Story(usize),
    /// A source (document) of a story.
    Source(usize, usize),
}

/// What `x` picked, for `p` to move: a source, or a whole story (known by
/// one of its documents, since story numbers change with every edit).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    Source(usize),
    Story(usize),
}

/// The stories pane: its rows (made once per comparison), the selection,
/// and what is picked to move.
#[derive(Debug, Clone, Default)]
pub struct StoriesView {
    pub rows: Vec<StoryRow>,
    pub selected: usize,
    pub picked: Option<Picked>,
    /// Per story: its disagreements, [conflicting figure groups,
    /// statements quoted differently].
    pub conflicts: Vec<[usize; 2]>,
}

/// Each story's disagreements: [conflicting figure groups, statements
/// quoted differently].
fn conflicts(c: &Comparison) -> Vec<[usize; 2]> {
    let mut out = vec![[0, 0]; c.stories.len()];
    for g in &c.figures {
        if matches!(g.verdict, Verdict::Conflict | Verdict::Revised)
            && let Some(n) = out.get_mut(g.story.id)
        {
            n[0] += 1;
        }
    }
    for g in c.statements.iter().filter(|g| g.quote_differs) {
        if let Some(n) = out.get_mut(g.story.id) {
            n[1] += 1;
        }
    }
    out
}

impl App {
    /// The story the app is filtered to (an index into the comparison's
    /// stories), if any.
    pub fn story_shown(&self) -> Option<usize> {
        self.story_filter
            .and_then(|d| self.doc_story.get(d).copied())
    }

    /// Whether document `doc` is in the story shown (always, unfiltered).
    pub fn in_story_shown(&self, doc: usize) -> bool {
        match self.story_shown() {
            None => true,
            Some(s) => self.doc_story.get(doc) == Some(&s),
        }
    }

    /// A new comparison: each document's story, the pane's rows.
    pub(super) fn refresh_stories(&mut self) {
        let Some(c) = &self.comparison else {
            self.doc_story.clear();
            self.stories = StoriesView::default();
            return;
        };
        self.doc_story = vec![0; self.corpus.documents.len()];
        let mut rows = vec![StoryRow::All];
        for (s, story) in c.stories.iter().enumerate() {
            rows.push(StoryRow::Story(s));
            for &d in &story.documents {
                if let Some(x) = self.doc_story.get_mut(d) {
                    *x = s;
                }
                rows.push(StoryRow::Source(s, d));
            }
        }
        self.stories.conflicts = conflicts(c);
        self.stories.rows = rows;
        // The selection stays on its row's document where it can.
        let n = self.stories.rows.len();
        self.stories.selected = self.stories.selected.min(n.saturating_sub(1));
    }

    /// The story of a row (none for "all").
    fn row_story(&self, row: StoryRow) -> Option<usize> {
        match row {
            StoryRow::All => None,
            StoryRow::Story(s) | StoryRow::Source(s, _) => Some(s),
        }
    }

    /// The source (as loaded) of the first document of story `s`: what an
    /// edit names the story by.
    fn story_source(&self, s: usize) -> Option<(usize, String)> {
        let c = self.comparison.as_ref()?;
        let d = *c.stories.get(s)?.documents.first()?;
        Some((d, self.corpus.documents.get(d)?.source.clone()))
    }

    /// Filters the app to story `s` (none: every story), known from now on
    /// by one of its documents.
    pub(super) fn show_story(&mut self, s: Option<usize>) {
        self.story_filter = s.and_then(|s| self.story_source(s)).map(|(d, _)| d);
        self.story_filter_changed();
        self.message = Some(match (s, &self.comparison) {
            (Some(s), Some(c)) => format!(
                "showing story S{} only ({} sources); Enter on \"all stories\" shows all",
                s + 1,
                c.stories.get(s).map_or(0, |x| x.documents.len())
            ),
            _ => "showing every story".to_string(),
        });
    }

    /// Everything that lists by story follows the filter.
    pub(super) fn story_filter_changed(&mut self) {
        self.sort_sources();
        if !self.in_story_shown(self.selected_source) {
            self.selected_source = self.source_at(0);
        }
        self.claims.selected = 0;
        self.refresh_diff_rows();
    }

    /// Asks the run loop to keep `edit` and compare again; the filter
    /// keeps to its story.
    fn edit_stories(&mut self, edit: StoryEdit) {
        // The filter is known by a document: if that one leaves the story
        // shown, another of the story's documents stands for it.
        if let (Some(rep), Some(shown), StoryEdit::Move { source, .. }) =
            (self.story_filter, self.story_shown(), &edit)
            && self
                .corpus
                .documents
                .get(rep)
                .is_some_and(|d| &d.source == source)
            && let Some(other) = self.comparison.as_ref().and_then(|c| {
                c.stories
                    .get(shown)?
                    .documents
                    .iter()
                    .copied()
                    .find(|&d| d != rep)
            })
        {
            self.story_filter = Some(other);
        }
        self.stories.picked = None;
        self.store_job = Some(StoreJob::StoryEdit(edit));
    }

    /// The edits were kept (or, without a workspace, made for this
    /// session): compare again with them.
    pub fn set_story_edits(&mut self, edits: Vec<StoryEdit>) {
        self.story_edits = edits;
        self.recompare = true;
    }

    /// `p`: the picked source joins the story under the cursor, or the
    /// picked story merges into it.
    fn put(&mut self, target: usize) {
        let Some(picked) = self.stories.picked else {
            self.message = Some(match self.keymap_hint(Action::Pick) {
                Some(k) => format!("nothing picked: {k} on a source or a story picks it"),
                None => "nothing picked".to_string(),
            });
            return;
        };
        let Some((_, into)) = self.story_source(target) else {
            return;
        };
        let doc = match picked {
            Picked::Source(d) | Picked::Story(d) => d,
        };
        let Some(source) = self.corpus.documents.get(doc).map(|d| d.source.clone()) else {
            return;
        };
        if self.doc_story.get(doc) == Some(&target) {
            self.message = Some(format!("already in story S{}", target + 1));
            return;
        }
        self.message = Some(match picked {
            Picked::Source(_) => format!("moving {source} to story S{}…", target + 1),
            Picked::Story(_) => format!("merging its story into S{}…", target + 1),
        });
        self.edit_stories(match picked {
            Picked::Source(_) => StoryEdit::Move {
                source,
                to: Some(into),
            },
            Picked::Story(_) => StoryEdit::Merge { source, into },
        });
    }

    /// The first key of `action` in the stories pane, for messages.
    fn keymap_hint(&self, action: Action) -> Option<String> {
        self.keymap
            .first_key(crate::tui::keymap::Context::Stories, action)
    }

    pub(super) fn stories_action(&mut self, action: Action) -> bool {
        let n = self.stories.rows.len();
        let page = (areas(self.size).main.height.saturating_sub(2)).max(1) as usize;
        if let Some(p) = action.moved(self.stories.selected, n, page) {
            self.stories.selected = p;
            return true;
        }
        let row = self.stories.rows.get(self.stories.selected).copied();
        match action {
            Action::Open => match row {
                Some(StoryRow::All) => self.show_story(None),
                Some(r) => {
                    let s = self.row_story(r);
                    // Enter on the story shown shows every story again.
                    if s == self.story_shown() {
                        self.show_story(None);
                    } else {
                        self.show_story(s);
                    }
                }
                None => {}
            },
            Action::Pick => {
                self.stories.picked = match row {
                    Some(StoryRow::Source(_, d)) => Some(Picked::Source(d)),
                    Some(StoryRow::Story(s)) => self.story_source(s).map(|(d, _)| Picked::Story(d)),
                    _ => None,
                };
                let put = self.keymap_hint(Action::Put).unwrap_or_default();
                self.message = Some(match (self.stories.picked, row) {
                    (Some(Picked::Source(d)), _) => format!(
                        "picked {}: {put} on another story moves it there",
                        self.corpus.documents[d].display_name()
                    ),
                    (Some(Picked::Story(_)), Some(StoryRow::Story(s))) => {
                        format!(
                            "picked story S{}: {put} on another story merges it there",
                            s + 1
                        )
                    }
                    _ => "pick a source or a story".to_string(),
                });
            }
            Action::Put => {
                if let Some(s) = row.and_then(|r| self.row_story(r)) {
                    self.put(s);
                }
            }
            Action::SplitStory => {
                let Some(StoryRow::Source(s, d)) = row else {
                    self.message = Some("on a source: moves it to a story of its own".into());
                    return true;
                };
                let alone = self
                    .comparison
                    .as_ref()
                    .and_then(|c| c.stories.get(s))
                    .is_some_and(|x| x.documents.len() == 1);
                if alone {
                    self.message = Some("already a story of its own".into());
                } else {
                    let source = self.corpus.documents[d].source.clone();
                    self.message = Some(format!("moving {source} to a story of its own…"));
                    self.edit_stories(StoryEdit::Move { source, to: None });
                }
            }
            Action::UndoStoryEdit => {
                if self.story_edits.is_empty() {
                    self.message = Some("no story edit to undo".into());
                } else {
                    self.store_job = Some(StoreJob::UndoStoryEdit);
                }
            }
            Action::ToggleOneStory => self.toggle_one_story(),
            Action::Back => {
                if self.stories.picked.take().is_some() {
                    self.message = Some("nothing picked".into());
                } else {
                    self.focus = Focus::Sources;
                }
            }
            _ => return false,
        }
        true
    }
}

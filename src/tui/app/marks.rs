//! Marking what is under the cursor: a status (`M` cycles it), a note, an
//! accepted value; a figure group's timeline; exporting the report. The
//! App only decides what to write: the run loop carries out the
//! [`StoreJob`] (one transaction each) and hands the stored mark back.

use super::{App, DiffSection, Prompt, View};
use crate::tui::action::Action;
use crosscheck::SentenceId;
use crosscheck::store::{MarkIndex, Resolved, Target, TargetKind, target};

/// A change for the workspace, or the report to export.
#[derive(Debug, Clone, PartialEq)]
pub enum StoreJob {
    /// The status after the stored one.
    NextStatus(Target),
    Note(Target, String),
    Accepted(Target, Option<String>, Option<String>),
    Export,
    /// A correction of the stories, after the others.
    StoryEdit(crosscheck::compare::StoryEdit),
    /// The last correction of the stories taken back.
    UndoStoryEdit,
}

/// What a prompt is typed for, past a search.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edit {
    Note,
    /// "VALUE; SOURCE".
    Accepted,
}

impl Edit {
    /// The prompt's label on the status line.
    pub fn label(self) -> &'static str {
        match self {
            Edit::Note => "note: ",
            Edit::Accepted => "accepted value; source: ",
        }
    }
}

/// The timeline overlay: which figure group, scrolled how far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimelineView {
    /// Index into the comparison's figure groups.
    pub group: usize,
    pub scroll: usize,
}

/// The keys of a comparison's groups, made once per comparison: every
/// frame looks marks up by them.
#[derive(Debug, Clone, Default)]
pub struct GroupKeys {
    pub figures: Vec<String>,
    pub statements: Vec<String>,
}

/// "VALUE; SOURCE" split, each part trimmed, empty parts none.
fn split_accepted(input: &str) -> (Option<String>, Option<String>) {
    let (value, source) = input.split_once(';').unwrap_or((input, ""));
    let part = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    (part(value), part(source))
}

impl App {
    /// The marks, matched to the corpus as loaded now.
    /// Says so when some are stale: a stale mark on one sentence is shown
    /// on no row (it never moves to another sentence), only in reports.
    pub fn set_marks(&mut self, marks: Vec<crosscheck::store::Mark>) {
        self.marks = MarkIndex::new(marks, &self.corpus);
        let stale = self
            .marks
            .marks()
            .iter()
            .filter(|m| self.marks.concerns_corpus(m) && self.marks.is_stale(m))
            .count();
        if stale > 0 && self.message.is_none() {
            let export = self
                .keymap
                .first_key(crate::tui::keymap::Context::Global, Action::ExportReport)
                .map_or(String::new(), |k| format!("{k} or "));
            self.message = Some(format!(
                "{stale} stale mark(s): their article changed since; listed by {export}`crosscheck report`"
            ));
        }
    }

    /// The store wrote `mark`: show it.
    pub fn mark_saved(&mut self, mark: crosscheck::store::Mark) {
        self.message = Some(match (mark.note.is_empty(), &mark.accepted_value) {
            (_, Some(v)) => format!("{}: {}, accepted {v}", mark.label, mark.status),
            (false, None) => format!("{}: {}, note saved", mark.label, mark.status),
            (true, None) => format!("{}: {}", mark.label, mark.status),
        });
        self.marks.insert(mark);
    }

    /// The mark of figure group or statement group `row` of the comparison.
    pub fn group_mark(&self, section: DiffSection, row: usize) -> Option<Resolved<'_>> {
        let keys = match section {
            DiffSection::Figures => &self.index.group_keys.figures,
            DiffSection::Statements => &self.index.group_keys.statements,
            DiffSection::Coverage => return None,
        };
        self.marks.get(keys.get(row)?)
    }

    /// The mark on one sentence of the corpus.
    pub fn sentence_mark(&self, id: SentenceId) -> Option<Resolved<'_>> {
        let d = self.corpus.documents.get(id.doc)?;
        if id.sentence >= d.sentences.len() {
            return None;
        }
        self.marks.get(&target::sentence_key(
            &d.source,
            d.sentence_text(id.sentence),
        ))
    }

    fn sentence_target(&self, id: SentenceId) -> Option<Target> {
        let d = self.corpus.documents.get(id.doc)?;
        (id.sentence < d.sentences.len())
            .then(|| target::sentence(&d.source, d.display_name(), d.sentence_text(id.sentence)))
    }

    /// What a mark made now would be on: in the diff pane the group, or
    /// once stepped in the entry or sentence; in the claims pane the
    /// claim's sentence.
    pub fn mark_target(&self) -> Option<Target> {
        match self.view {
            View::Diff => {
                let c = self.comparison.as_deref()?;
                let section = self.diff.section;
                let pos = self.diff.selected();
                let row = self.diff_row(section, pos)?;
                match (section, self.diff.detail) {
                    (DiffSection::Figures, None) => target::figure_group(c, row),
                    (DiffSection::Figures, Some(d)) => {
                        c.figures.get(row)?.entries.get(d).map(target::entry)
                    }
                    (DiffSection::Statements, None) => target::statement_group(c, row),
                    (_, Some(d)) => self.sentence_target(*self.diff_detail(section, pos).get(d)?),
                    (DiffSection::Coverage, None) => None,
                }
            }
            View::Claims => {
                let (doc, i) = *self.visible_claims().get(self.claims.selected)?;
                let claim = self.analysis.as_ref()?.docs.get(doc)?.claims.get(i)?;
                self.sentence_target(SentenceId {
                    doc,
                    sentence: claim.sentence,
                })
            }
            View::Reader | View::Stories => None,
        }
    }

    /// `M`, `A`, `V` and `T` in the claims and diff panes; false for any
    /// other action.
    pub(super) fn mark_action(&mut self, action: Action) -> bool {
        match action {
            Action::MarkStatus | Action::EditNote | Action::SetAccepted => {}
            Action::ShowTimeline => {
                let row = self.diff_row(DiffSection::Figures, self.diff.selected());
                match row.filter(|_| {
                    self.view == View::Diff && self.diff.section == DiffSection::Figures
                }) {
                    Some(group) => self.timeline = Some(TimelineView { group, scroll: 0 }),
                    None => self.message = Some("a timeline is of a figure group".into()),
                }
                return true;
            }
            _ => return false,
        }
        let Some(t) = self.mark_target() else {
            self.message = Some("nothing to mark here".into());
            return true;
        };
        let current = self.marks.get(&t.key).map(|r| r.mark.clone());
        match action {
            Action::MarkStatus => self.store_job = Some(StoreJob::NextStatus(t)),
            Action::EditNote => {
                self.prompt = Some(Prompt {
                    input: current.map(|m| m.note).unwrap_or_default(),
                    list: false,
                    edit: Some((Edit::Note, t)),
                });
            }
            _ if !matches!(t.kind, TargetKind::FigureGroup | TargetKind::Entry) => {
                self.message = Some("an accepted value is for a figure group or figure".into());
            }
            _ => {
                let input = current.map_or(String::new(), |m| {
                    match (m.accepted_value, m.accepted_source) {
                        (Some(v), Some(s)) => format!("{v}; {s}"),
                        (Some(v), None) => v,
                        (None, _) => String::new(),
                    }
                });
                self.prompt = Some(Prompt {
                    input,
                    list: false,
                    edit: Some((Edit::Accepted, t)),
                });
            }
        }
        true
    }

    /// A note or accepted value was typed and accepted.
    pub(super) fn accept_edit(&mut self, edit: Edit, t: Target, input: &str) {
        self.store_job = Some(match edit {
            Edit::Note => StoreJob::Note(t, input.to_string()),
            Edit::Accepted => {
                let (value, source) = split_accepted(input);
                StoreJob::Accepted(t, value, source)
            }
        });
    }

    pub(super) fn timeline_action(&mut self, action: Action) -> bool {
        let Some(t) = &mut self.timeline else {
            return false;
        };
        match action {
            Action::Close => self.timeline = None,
            Action::Down => t.scroll += 1,
            Action::Up => t.scroll = t.scroll.saturating_sub(1),
            Action::PageDown => t.scroll += 10,
            Action::PageUp => t.scroll = t.scroll.saturating_sub(10),
            _ => return false,
        }
        true
    }

    /// `X`: asks the run loop to write the report.
    pub(super) fn export(&mut self) {
        if self.comparison.is_some() {
            self.store_job = Some(StoreJob::Export);
        } else {
            self.message = Some("the comparison is not ready yet".into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::split_accepted;

    #[test]
    fn accepted_value_and_source_split_at_the_first_semicolon() {
        let s = |a: &str, b: &str| (Some(a.to_string()), Some(b.to_string()));
        assert_eq!(
            split_accepted(" 11,000 ; https://x.example/a;b"),
            s("11,000", "https://x.example/a;b")
        );
        assert_eq!(split_accepted("11,000"), (Some("11,000".into()), None));
        assert_eq!(split_accepted("  ;  "), (None, None));
    }
}

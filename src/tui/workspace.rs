//! The reader's workspace: the store its marks and story edits are
//! written to, one transaction per action, and the file its report is
//! exported to (beside the store, never in the corpus).

use super::app::{App, StoreJob};
use crate::CorpusArgs;
use crosscheck::store::{Store, location};
use std::path::{Path, PathBuf};

pub struct Workspace {
    store: Store,
}

impl Workspace {
    /// Opens (or creates) the corpus's store, or the `--workspace` file.
    pub fn open(args: &CorpusArgs, workspace: Option<&Path>) -> anyhow::Result<Workspace> {
        let path = location::store_path(workspace, &args.paths)?;
        let mut store = Store::open(&path)?;
        let inputs: Vec<String> = args.paths.iter().map(|p| p.display().to_string()).collect();
        store.record_inputs(&inputs)?;
        Ok(Workspace::new(store))
    }

    pub fn new(store: Store) -> Workspace {
        Workspace { store }
    }

    pub fn marks(&self) -> anyhow::Result<Vec<crosscheck::store::Mark>> {
        Ok(self.store.marks()?)
    }

    pub fn story_edits(&self) -> anyhow::Result<Vec<crosscheck::compare::StoryEdit>> {
        Ok(self.store.story_edits()?)
    }

    /// Where `X` writes the report: beside the store, `NAME.report.md`.
    pub fn export_path(&self) -> PathBuf {
        self.store.path().with_extension("report.md")
    }

    /// Writes what `job` asks, telling the app how it went.
    pub fn carry_out(&mut self, job: StoreJob, app: &mut App) {
        let saved = match job {
            StoreJob::NextStatus(t) => self.store.next_status(&t),
            StoreJob::Note(t, note) => self.store.set_note(&t, &note),
            StoreJob::Accepted(t, value, source) => {
                self.store
                    .set_accepted(&t, value.as_deref(), source.as_deref())
            }
            StoreJob::StoryEdit(edit) => {
                let saved = self.store.add_story_edit(&edit);
                self.stories_saved(saved.map(|()| None), app);
                return;
            }
            StoreJob::UndoStoryEdit => {
                let undone = self.store.undo_story_edit();
                self.stories_saved(undone, app);
                return;
            }
            StoreJob::Export => {
                app.message = Some(match self.export(app) {
                    Ok(path) => format!("report written to {}", path.display()),
                    Err(e) => format!("cannot export the report: {e:#}"),
                });
                return;
            }
        };
        match saved {
            Ok(mark) => app.mark_saved(mark),
            Err(e) => app.message = Some(format!("not saved: {e}")),
        }
    }

    /// A story edit was written (or undone, `undone` the edit taken
    /// back): the app compares again with every edit the store holds now,
    /// another instance's too.
    fn stories_saved(
        &mut self,
        saved: Result<Option<crosscheck::compare::StoryEdit>, crosscheck::store::StoreError>,
        app: &mut App,
    ) {
        let read = saved.map_err(anyhow::Error::from).and_then(|undone| {
            let edits = self.story_edits()?;
            Ok((undone, edits))
        });
        match read {
            Ok((undone, edits)) => {
                if undone.is_some() {
                    app.message = Some("story edit undone; comparing again…".into());
                }
                app.set_story_edits(edits);
            }
            Err(e) => app.message = Some(format!("not saved: {e:#}")),
        }
    }

    fn export(&self, app: &App) -> anyhow::Result<PathBuf> {
        let Some(cmp) = &app.comparison else {
            anyhow::bail!("the comparison is not ready yet");
        };
        let items = crosscheck::findings::findings(&app.corpus, cmp, &app.marks);
        let text = crate::cli::report::markdown::report(&items, Some(self.store.path()));
        let path = self.export_path();
        // Written whole under another name, then renamed: a reader of the
        // file never sees half a report.
        let partial = path.with_extension("report.md.partial");
        std::fs::write(&partial, text)
            .and_then(|()| std::fs::rename(&partial, &path))
            .map_err(|e| anyhow::anyhow!("{}: {e}", path.display()))?;
        Ok(path)
    }
}

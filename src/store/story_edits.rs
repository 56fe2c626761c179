//! The checker's corrections of the stories (a source moved, two stories
//! merged), kept in order: the comparison replays them over each new
//! clustering ([`crate::compare::compare_facts_edited`]). Each change is
//! one transaction, as a mark's is.

use super::{Store, StoreError, clean, now};
use crate::compare::StoryEdit;
use rusqlite::{OptionalExtension, TransactionBehavior};

impl Store {
    /// Every story edit, in the order made.
    pub fn story_edits(&self) -> Result<Vec<StoryEdit>, StoreError> {
        let mut st = self
            .conn
            .prepare("SELECT kind, source, target FROM story_edits ORDER BY position")
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (kind, source, target) = row.map_err(|e| self.err(e))?;
            // A row this build cannot read (hand-edited, or of a later
            // minor version) is left out, not fatal.
            let edit = match (kind.as_str(), target) {
                ("move", to) => StoryEdit::Move { source, to },
                ("merge", Some(into)) => StoryEdit::Merge { source, into },
                _ => continue,
            };
            out.push(edit);
        }
        Ok(out)
    }

    /// Adds `edit` after the others.
    pub fn add_story_edit(&mut self, edit: &StoryEdit) -> Result<(), StoreError> {
        let (kind, source, target) = match edit {
            StoryEdit::Move { source, to } => ("move", source, to.as_deref()),
            StoryEdit::Merge { source, into } => ("merge", source, Some(into.as_str())),
        };
        self.conn
            .execute(
                "INSERT INTO story_edits (kind, source, target, updated) VALUES (?1, ?2, ?3, ?4)",
                rusqlite::params![kind, clean(source), target.map(clean), now()],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }

    /// Removes the last edit (whoever made it) and returns it; none when
    /// there is none.
    pub fn undo_story_edit(&mut self) -> Result<Option<StoryEdit>, StoreError> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let last = tx
            .query_row(
                "SELECT position, kind, source, target FROM story_edits
                 ORDER BY position DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(err)?;
        let Some((position, kind, source, target)) = last else {
            return Ok(None);
        };
        tx.execute("DELETE FROM story_edits WHERE position = ?1", [position])
            .map_err(err)?;
        tx.commit().map_err(err)?;
        Ok(match (kind.as_str(), target) {
            ("merge", Some(into)) => Some(StoryEdit::Merge { source, into }),
            (_, to) => Some(StoryEdit::Move { source, to }),
        })
    }
}

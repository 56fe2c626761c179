//! The checker's work: marks, notes, accepted values and story edits, kept in an
//! embedded SQLite database, one per corpus ([`location`]) or a shared
//! file (`--workspace`).
//!
//! Every change is one `IMMEDIATE` transaction that reads the mark, changes
//! one field and writes it back: a second instance on the same file waits
//! (busy timeout) instead of failing, and never overwrites a field it did
//! not change (no lost update). The journal is a WAL with full syncs, so a
//! process killed at any moment leaves every committed mark readable.
//! Nothing here ever writes anywhere but the store's own file (and
//! SQLite's `-wal` and `-shm` beside it).
//!
//! | File | Concern |
//! |---|---|
//! | `mod.rs` | [`Store`]: open, read, change |
//! | `schema.rs` | the tables, migrations, and refusing a file that is not ours |
//! | `story_edits.rs` | the checker's moves and merges of stories |
//! | `mark.rs` | statuses, targets, anchors, marks |
//! | `target.rs` | stable keys of groups, entries and sentences |
//! | `location.rs` | where a corpus's store lives |
//! | `resolve.rs` | marks matched to a comparison's rows; stale marks |

pub mod location;
mod mark;
mod resolve;
mod schema;
mod story_edits;
pub mod target;

pub use mark::{Anchor, Mark, Status, Target, TargetKind};
pub use resolve::{MarkIndex, Resolved};
pub use target::sentence_hash;

use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a write waits for another instance's transaction to end.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// What can go wrong with a store; every error names its file.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{}: not a crosscheck workspace ({reason})", path.display())]
    Foreign { path: PathBuf, reason: String },
    #[error(
        "{}: written by a newer crosscheck (schema {found}; this one reads up to {})",
        path.display(),
        schema::VERSION
    )]
    Newer { path: PathBuf, found: i32 },
    #[error("{}: {source}", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "cannot tell where to keep the workspace: set XDG_DATA_HOME or HOME, or name a file with --workspace"
    )]
    NoDataDir,
    #[error(
        "{}: a workspace must not be written into the corpus (it is inside the input {})",
        path.display(),
        input.display()
    )]
    InsideInput { path: PathBuf, input: PathBuf },
    #[error("{}: cannot create its folder: {source}", path.display())]
    Folder {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Runs `f` again while SQLite answers "busy" without waiting, up to
/// [`BUSY_TIMEOUT`]: two instances opening a new file at once both switch
/// it to WAL, and that switch does not wait on the busy handler.
fn busy_retry<T>(mut f: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = std::time::Instant::now();
    loop {
        match f() {
            Err(e)
                if e.sqlite_error_code() == Some(ErrorCode::DatabaseBusy)
                    && start.elapsed() < BUSY_TIMEOUT =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            other => return other,
        }
    }
}

impl StoreError {
    fn sqlite(path: &Path, e: rusqlite::Error) -> StoreError {
        // A file that is not SQLite at all (or is damaged) is reported as
        // such, not as a bare SQLite code.
        let code = e.sqlite_error_code();
        if matches!(
            code,
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt)
        ) {
            return StoreError::Foreign {
                path: path.to_path_buf(),
                reason: "not an SQLite database, or a damaged one".into(),
            };
        }
        StoreError::Sqlite {
            path: path.to_path_buf(),
            source: e,
        }
    }
}

/// An open workspace.
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens the store at `path`, creating it (and its folder) if needed.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Folder {
                path: path.to_path_buf(),
                source,
            })?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Store::with_flags(path, flags)
    }

    /// Opens the store at `path` to read it, or `None` when there is no
    /// file: a report never creates a store.
    pub fn open_existing(path: &Path) -> Result<Option<Store>, StoreError> {
        if !path.exists() {
            return Ok(None);
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Store::with_flags(path, flags).map(Some)
    }

    fn with_flags(path: &Path, flags: OpenFlags) -> Result<Store, StoreError> {
        let err = |e| StoreError::sqlite(path, e);
        let mut conn = Connection::open_with_flags(path, flags).map_err(err)?;
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Nothing is written before the file is known to be ours. The
        // reads of the check are one snapshot: another instance may be
        // creating the schema right now.
        let found = {
            let snapshot = conn.transaction().map_err(err)?;
            schema::check(&snapshot, path)?
        };
        // WAL: readers never block the writer, and a killed writer's
        // unfinished transaction is simply not in the log.
        let mode: String =
            busy_retry(|| conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0)))
                .map_err(err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::Foreign {
                path: path.to_path_buf(),
                reason: format!("cannot use a write-ahead log (journal mode {mode})"),
            });
        }
        conn.pragma_update(None, "synchronous", "FULL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(err)?;
        if found != schema::Found::Ours {
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(err)?;
            // Another instance may have created or migrated it while this
            // one waited for the write lock: both look again inside the
            // transaction.
            schema::create(&tx, path)?;
            schema::migrate(&tx, path)?;
            tx.commit().map_err(err)?;
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }

    /// Every mark, oldest change first.
    pub fn marks(&self) -> Result<Vec<Mark>, StoreError> {
        let mut anchors = std::collections::HashMap::<String, Vec<Anchor>>::new();
        {
            let mut st = self
                .conn
                .prepare("SELECT key, source, hash, sentence FROM anchors ORDER BY key, position")
                .map_err(|e| self.err(e))?;
            let rows = st
                .query_map([], |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        Anchor {
                            source: r.get(1)?,
                            hash: r.get(2)?,
                            sentence: r.get(3)?,
                        },
                    ))
                })
                .map_err(|e| self.err(e))?;
            for row in rows {
                let (key, a) = row.map_err(|e| self.err(e))?;
                anchors.entry(key).or_default().push(a);
            }
        }
        let mut st = self
            .conn
            .prepare(
                "SELECT key, kind, label, status, note, accepted_value, accepted_source, updated
                 FROM marks ORDER BY updated, key",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, String>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, Option<String>>(5)?,
                    r.get::<_, Option<String>>(6)?,
                    r.get::<_, i64>(7)?,
                ))
            })
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for row in rows {
            let (key, kind, label, status, note, value, source, updated) =
                row.map_err(|e| self.err(e))?;
            // A row this build cannot read (hand-edited, or a value of a
            // later minor version) is left out, not fatal.
            let (Some(kind), Some(status)) = (TargetKind::parse(&kind), Status::parse(&status))
            else {
                continue;
            };
            let mut anchors = anchors.remove(&key).unwrap_or_default();
            for a in &mut anchors {
                a.sentence = clean(&a.sentence);
            }
            out.push(Mark {
                anchors,
                kind,
                key,
                label: clean(&label),
                status,
                note: clean(&note),
                accepted_value: value.as_deref().map(clean),
                accepted_source: source.as_deref().map(clean),
                updated,
            });
        }
        Ok(out)
    }

    /// Sets the status of `target`.
    pub fn set_status(&mut self, target: &Target, status: Status) -> Result<Mark, StoreError> {
        self.update(target, |m| m.status = status)
    }

    /// Moves `target` to the status after the one stored now (see
    /// [`Status::next`]): read and written in one transaction, so a status
    /// another instance set in between is the one stepped from.
    pub fn next_status(&mut self, target: &Target) -> Result<Mark, StoreError> {
        self.update(target, |m| m.status = m.status.next())
    }

    /// Sets the note of `target` (an empty note removes it).
    pub fn set_note(&mut self, target: &Target, note: &str) -> Result<Mark, StoreError> {
        let note = clean(note).trim().to_string();
        self.update(target, |m| m.note = note)
    }

    /// Sets the value a checker accepts for a figure target and what it
    /// rests on (`None` removes them).
    pub fn set_accepted(
        &mut self,
        target: &Target,
        value: Option<&str>,
        source: Option<&str>,
    ) -> Result<Mark, StoreError> {
        let tidy = |s: Option<&str>| {
            s.map(clean)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (value, source) = (tidy(value), tidy(source));
        self.update(target, |m| {
            m.accepted_value = value;
            m.accepted_source = source;
        })
    }

    /// Reads the mark of `target` (or a fresh one), changes it and writes
    /// it back, all in one transaction that holds the write lock from its
    /// start, so no other instance's change in between is lost. The mark
    /// is re-anchored on the sentences the target stands on now.
    fn update(
        &mut self,
        target: &Target,
        change: impl FnOnce(&mut Mark),
    ) -> Result<Mark, StoreError> {
        let path = self.path.clone();
        let err = |e| StoreError::sqlite(&path, e);
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(err)?;
        let stored = tx
            .query_row(
                "SELECT status, note, accepted_value, accepted_source FROM marks WHERE key = ?1",
                [&target.key],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, Option<String>>(2)?,
                        r.get::<_, Option<String>>(3)?,
                    ))
                },
            )
            .optional()
            .map_err(err)?;
        let mut mark = Mark {
            kind: target.kind,
            key: target.key.clone(),
            label: clean(&target.label),
            status: Status::Unchecked,
            note: String::new(),
            accepted_value: None,
            accepted_source: None,
            updated: now(),
            anchors: target.anchors.clone(),
        };
        if let Some((status, note, value, source)) = stored {
            mark.status = Status::parse(&status).unwrap_or_default();
            mark.note = note;
            mark.accepted_value = value;
            mark.accepted_source = source;
        }
        change(&mut mark);
        tx.execute(
            "INSERT INTO marks (key, kind, label, status, note, accepted_value, accepted_source, updated)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(key) DO UPDATE SET kind = ?2, label = ?3, status = ?4, note = ?5,
                 accepted_value = ?6, accepted_source = ?7, updated = ?8",
            rusqlite::params![
                mark.key,
                mark.kind.as_str(),
                mark.label,
                mark.status.as_str(),
                mark.note,
                mark.accepted_value,
                mark.accepted_source,
                mark.updated
            ],
        )
        .map_err(err)?;
        tx.execute("DELETE FROM anchors WHERE key = ?1", [&mark.key])
            .map_err(err)?;
        for (i, a) in mark.anchors.iter().enumerate() {
            tx.execute(
                "INSERT INTO anchors (key, position, source, hash, sentence) VALUES (?1, ?2, ?3, ?4, ?5)",
                rusqlite::params![mark.key, i as i64, a.source, a.hash, a.sentence],
            )
            .map_err(err)?;
        }
        tx.commit().map_err(err)?;
        Ok(mark)
    }

    /// Records which inputs the store is for (the corpus's identity), once.
    pub fn record_inputs(&mut self, inputs: &[String]) -> Result<(), StoreError> {
        let value = inputs.join("\n");
        self.conn
            .execute(
                "INSERT INTO meta (name, value) VALUES ('inputs', ?1) ON CONFLICT(name) DO NOTHING",
                [value],
            )
            .map_err(|e| self.err(e))?;
        Ok(())
    }
}

/// Text for or from a store (a team shares it and any tool can write it),
/// made safe for a terminal and one line, as article text is on loading.
fn clean(s: &str) -> String {
    crate::sanitize::sanitize(s).replace('\n', " ")
}

fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

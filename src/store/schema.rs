//! The store's tables, and the check that a file is one of ours before
//! anything is written to it.
//!
//! `PRAGMA application_id` says the file is a crosscheck workspace and
//! `PRAGMA user_version` which schema it holds; a file with tables of
//! another program, or of a newer schema, is refused rather than changed.

use super::StoreError;
use rusqlite::{Connection, Transaction};
use std::path::Path;

/// "ccws" (crosscheck workspace) in ASCII.
pub const APPLICATION_ID: i32 = 0x6363_7773;
/// The schema this build writes and reads. 2 added `story_edits`; a file
/// of schema 1 is migrated when opened ([`migrate`]).
pub const VERSION: i32 = 2;

const TABLES: &str = "
CREATE TABLE marks (
    key TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    label TEXT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    accepted_value TEXT,
    accepted_source TEXT,
    updated INTEGER NOT NULL
);
CREATE TABLE anchors (
    key TEXT NOT NULL REFERENCES marks(key) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    source TEXT NOT NULL,
    hash TEXT NOT NULL,
    sentence TEXT NOT NULL,
    PRIMARY KEY (key, position)
);
CREATE TABLE meta (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";

/// Schema 2: the checker's corrections of the stories, replayed in
/// `position` order over each clustering. `kind` is `move` (`target` the
/// source whose story `source` joins, null for a story of its own) or
/// `merge` (the story of `source` joins the story of `target`).
const STORY_EDITS: &str = "
CREATE TABLE story_edits (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT,
    updated INTEGER NOT NULL
);
";

/// What a file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    /// Nothing yet (a new file): the tables are to be made.
    Empty,
    /// A workspace of this schema.
    Ours,
    /// A workspace of an older schema, to migrate.
    Older(i32),
}

/// Reads what the file at `path` holds, writing nothing: another
/// program's database, a newer schema or a file that is not SQLite at all
/// is refused before anything could change it.
pub fn check(conn: &Connection, path: &Path) -> Result<Found, StoreError> {
    let sql = |e| StoreError::sqlite(path, e);
    let app: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(sql)?;
    let version: i32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(sql)?;
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .map_err(sql)?;
    if app == 0 && version == 0 && tables == 0 {
        return Ok(Found::Empty);
    }
    if app != APPLICATION_ID {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            reason: "an SQLite database of another program".into(),
        });
    }
    if version > VERSION {
        return Err(StoreError::Newer {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let mut tables = vec!["marks", "anchors", "meta"];
    if version >= 2 {
        tables.push("story_edits");
    }
    if !has_tables(conn, &tables).map_err(sql)? {
        return Err(StoreError::Foreign {
            path: path.to_path_buf(),
            reason: "its tables are missing".into(),
        });
    }
    Ok(if version < VERSION {
        Found::Older(version)
    } else {
        Found::Ours
    })
}

/// Makes the tables, unless another instance made them first.
pub fn create(tx: &Transaction<'_>, path: &Path) -> Result<(), StoreError> {
    if check(tx, path)? != Found::Empty {
        return Ok(());
    }
    let sql = |e| StoreError::sqlite(path, e);
    tx.execute_batch(TABLES).map_err(sql)?;
    tx.execute_batch(STORY_EDITS).map_err(sql)?;
    tx.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(sql)?;
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(sql)?;
    Ok(())
}

/// Brings a workspace of an older schema to this one, inside the caller's
/// write transaction, unless another instance did first. Only adds: an
/// older build can no longer open the file (it refuses a newer schema),
/// but nothing it wrote is changed.
pub fn migrate(tx: &Transaction<'_>, path: &Path) -> Result<(), StoreError> {
    let Found::Older(version) = check(tx, path)? else {
        return Ok(());
    };
    let sql = |e| StoreError::sqlite(path, e);
    if version < 2 {
        tx.execute_batch(STORY_EDITS).map_err(sql)?;
    }
    tx.pragma_update(None, "user_version", VERSION)
        .map_err(sql)?;
    Ok(())
}

fn has_tables(conn: &Connection, names: &[&str]) -> rusqlite::Result<bool> {
    for name in names {
        let n: i64 = conn.query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
            [name],
            |r| r.get(0),
        )?;
        if n == 0 {
            return Ok(false);
        }
    }
    Ok(true)
}

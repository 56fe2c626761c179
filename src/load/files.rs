//! Finding and reading the files: folders walked in name order, paths
//! escaped for display, reads capped in size, I/O errors as problems.

use super::{Format, Job, Problem, ProblemKind, Severity};
use crate::sanitize::escape;
use std::io::Read;
use std::path::Path;

/// Adds the files `path` names to `jobs`: the file itself, or a folder's
/// files of known type (hidden entries skipped).
pub(super) fn collect(path: &Path, jobs: &mut Vec<Job>, problems: &mut Vec<Problem>) {
    let shown = shown(path);
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            problems.push(Problem::new(Severity::Error, shown, io_problem(&e)));
            return;
        }
    };
    if !meta.is_dir() {
        // Named explicitly: read it whatever its extension says.
        jobs.push(Job {
            source: shown,
            path: Some(path.to_path_buf()),
            format: Format::from_path(path),
        });
        return;
    }
    let walker = walkdir::WalkDir::new(path)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        match entry {
            Ok(e) if e.file_type().is_file() => {
                if let Some(format) = Format::from_path(e.path()) {
                    jobs.push(Job {
                        source: self::shown(e.path()),
                        path: Some(e.path().to_path_buf()),
                        format: Some(format),
                    });
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().map_or(shown.clone(), self::shown);
                let kind = if let Some(ancestor) = e.loop_ancestor() {
                    ProblemKind::SymlinkLoop {
                        ancestor: self::shown(ancestor),
                    }
                } else if let Some(io) = e.io_error() {
                    io_problem(io)
                } else {
                    ProblemKind::Unreadable(e.to_string())
                };
                problems.push(Problem::warning(at, kind));
            }
        }
    }
}

/// A path as shown in `Document::source` and in problems: file names are
/// untrusted too, so controls and bidi overrides in them are escaped.
pub(super) fn shown(path: &Path) -> String {
    escape(&path.display().to_string()).into_owned()
}

fn io_problem(e: &std::io::Error) -> ProblemKind {
    match e.kind() {
        std::io::ErrorKind::NotFound => ProblemKind::NotFound,
        std::io::ErrorKind::PermissionDenied => ProblemKind::PermissionDenied,
        _ => {
            let s = e.to_string();
            // Drop the "(os error N)" tail: it helps nobody reading the message.
            ProblemKind::Unreadable(s.split(" (os error").next().unwrap_or(&s).to_lowercase())
        }
    }
}

pub(super) fn read_file(path: &Path, cap: u64) -> Result<Vec<u8>, ProblemKind> {
    let file = std::fs::File::open(path).map_err(|e| io_problem(&e))?;
    let len = file.metadata().map_or(0, |meta| meta.len());
    if len > cap {
        return Err(ProblemKind::TooLarge { len, cap });
    }
    // Room for the whole file and the read that finds its end: one read
    // call for the text instead of a dozen growing ones.
    read_capped(file, cap, len as usize + 1)
}

/// Reads at most `cap` bytes; more is an error, so a growing or endless file
/// (a pipe, /dev/zero) cannot exhaust memory.
pub(super) fn read_capped(
    reader: impl Read,
    cap: u64,
    expected: usize,
) -> Result<Vec<u8>, ProblemKind> {
    let mut bytes = Vec::new();
    // Only a hint: if it can't be had, the read grows the buffer as it goes.
    let _ = bytes.try_reserve_exact(expected);
    reader
        .take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| io_problem(&e))?;
    if bytes.len() as u64 > cap {
        return Err(ProblemKind::TooLarge {
            len: bytes.len() as u64,
            cap,
        });
    }
    Ok(bytes)
}

//! Finding and reading the files: folders walked in name order, paths
//! escaped for display, every file and folder taken once, reads capped in
//! size, I/O errors as problems.
//!
//! Symbolic links named on the command line are followed; links inside a
//! folder are not (as ripgrep does by default): a link to `/` or `/proc`
//! would walk the whole filesystem, and one into the corpus itself would
//! load its files twice. Kernel filesystems (`/proc`, `/sys`) are never
//! walked. A file found in a folder is opened without blocking and read
//! only if it still is a regular file, so one swapped for a named pipe
//! cannot hang the load; a file named on the command line is read whatever
//! it is, as `cat` does (a pipe waits for its writer).

use super::{Format, Job, Problem, ProblemKind, Severity};
use crate::sanitize::escape;
use std::collections::HashMap;
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// What makes two paths the same file or folder: device and inode (on
/// other systems, the canonical path).
#[cfg(unix)]
type Identity = (u64, u64);
#[cfg(not(unix))]
type Identity = std::path::PathBuf;

#[cfg(unix)]
fn identity(meta: &Metadata, _path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    Some((meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn identity(_meta: &Metadata, path: &Path) -> Option<Identity> {
    std::fs::canonicalize(path).ok()
}

/// The files and folders taken so far, by identity, with the path each was
/// shown as; so that nothing is loaded twice, however it is reached.
#[derive(Default)]
pub(super) struct Seen {
    files: HashMap<Identity, String>,
    folders: HashMap<Identity, String>,
}

impl Seen {
    /// Takes the file at `path` unless it was taken already; then the note
    /// says where.
    fn file(&mut self, meta: &Metadata, path: &Path, shown: &str) -> Result<(), Problem> {
        let Some(id) = identity(meta, path) else {
            return Ok(());
        };
        match self.files.get(&id) {
            Some(first) => Err(Problem::note(
                shown,
                ProblemKind::SameFile {
                    first: first.clone(),
                },
            )),
            None => {
                self.files.insert(id, shown.to_string());
                Ok(())
            }
        }
    }

    /// As [`Seen::file`], for a folder.
    fn folder(&mut self, meta: &Metadata, path: &Path, shown: &str) -> Result<(), Problem> {
        let Some(id) = identity(meta, path) else {
            return Ok(());
        };
        match self.folders.get(&id) {
            Some(first) => Err(Problem::note(
                shown,
                ProblemKind::SameFolder {
                    first: first.clone(),
                },
            )),
            None => {
                self.folders.insert(id, shown.to_string());
                Ok(())
            }
        }
    }
}

/// True for a folder on the filesystem of `/proc` or `/sys`.
#[cfg(unix)]
fn on_kernel_filesystem(meta: &Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    static DEVICES: std::sync::OnceLock<Vec<u64>> = std::sync::OnceLock::new();
    DEVICES
        .get_or_init(|| {
            ["/proc", "/sys"]
                .iter()
                .filter_map(|p| std::fs::metadata(p).ok())
                .map(|m| m.dev())
                .collect()
        })
        .contains(&meta.dev())
}

#[cfg(not(unix))]
fn on_kernel_filesystem(_meta: &Metadata) -> bool {
    false
}

/// Adds the files `path` names to `jobs`: the file itself, or a folder's
/// files of known type (hidden entries skipped, links not followed), each
/// once however often it is reached.
pub(super) fn collect(
    path: &Path,
    jobs: &mut Vec<Job>,
    problems: &mut Vec<Problem>,
    seen: &mut Seen,
) {
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
        match seen.file(&meta, path, &shown) {
            Ok(()) => jobs.push(Job {
                source: shown,
                path: Some(path.to_path_buf()),
                format: Format::from_path(path),
                named: true,
            }),
            Err(note) => problems.push(note),
        }
        return;
    }
    if on_kernel_filesystem(&meta) {
        problems.push(Problem::warning(shown, ProblemKind::KernelFilesystem));
        return;
    }
    if let Err(note) = seen.folder(&meta, path, &shown) {
        problems.push(note);
        return;
    }
    let mut links = 0;
    let mut walker = walkdir::WalkDir::new(path)
        .follow_links(false)
        .sort_by_file_name()
        .min_depth(1)
        .into_iter()
        .filter_entry(|e| !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walker.next() {
        let e = match entry {
            Ok(e) => e,
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
                continue;
            }
        };
        let kind = e.file_type();
        if kind.is_symlink() {
            links += 1;
            continue;
        }
        if kind.is_dir() {
            let here = self::shown(e.path());
            let skip = match e.metadata() {
                Ok(meta) if on_kernel_filesystem(&meta) => {
                    Some(Problem::warning(here, ProblemKind::KernelFilesystem))
                }
                // A folder reached twice (a bind mount, or named before).
                Ok(meta) => seen.folder(&meta, e.path(), &here).err(),
                Err(_) => None,
            };
            if let Some(problem) = skip {
                problems.push(problem);
                walker.skip_current_dir();
            }
            continue;
        }
        let Some(format) = Format::from_path(e.path()) else {
            continue;
        };
        let here = self::shown(e.path());
        if !kind.is_file() {
            problems.push(Problem::warning(
                here,
                ProblemKind::NotRegular {
                    what: file_kind(&kind),
                },
            ));
            continue;
        }
        if let Ok(meta) = e.metadata()
            && let Err(note) = seen.file(&meta, e.path(), &here)
        {
            problems.push(note);
            continue;
        }
        jobs.push(Job {
            source: here,
            path: Some(e.path().to_path_buf()),
            format: Some(format),
            named: false,
        });
    }
    if links > 0 {
        problems.push(Problem::note(
            shown,
            ProblemKind::LinksNotFollowed { count: links },
        ));
    }
}

/// What a file that is not a regular one is, for a message.
fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe";
        }
        if kind.is_socket() {
            return "a socket";
        }
        if kind.is_block_device() || kind.is_char_device() {
            return "a device";
        }
    }
    if kind.is_symlink() {
        "a symbolic link"
    } else if kind.is_dir() {
        "a folder"
    } else {
        "not a file"
    }
}

/// A path as shown in `Document::source` and in problems: file names are
/// untrusted too, so controls and bidi overrides in them are escaped, and
/// so are bytes that are not UTF-8 (as `\xff`), so that two such names stay
/// apart.
pub(crate) fn shown(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let bytes = path.as_os_str().as_bytes();
        if std::str::from_utf8(bytes).is_err() {
            let mut out = String::with_capacity(bytes.len() + 8);
            for chunk in bytes.utf8_chunks() {
                out.push_str(&escape(chunk.valid()));
                for b in chunk.invalid() {
                    out.push_str(&format!("\\x{b:02x}"));
                }
            }
            return out;
        }
    }
    escape(&path.display().to_string()).into_owned()
}

fn io_problem(e: &std::io::Error) -> ProblemKind {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        // Opened without following links: it became one since it was listed.
        return ProblemKind::NotRegular {
            what: "a symbolic link",
        };
    }
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

/// Opens a file to read. One `named` on the command line is opened as
/// `cat` would (a named pipe waits for its writer); one found in a folder
/// is opened without blocking and without following a link, and refused
/// unless the opened file is a regular one.
fn open(path: &Path, named: bool) -> Result<(File, Metadata), ProblemKind> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    if !named {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW);
    }
    let file = options.open(path).map_err(|e| io_problem(&e))?;
    // The type of the file opened, not of whatever the path names now.
    let meta = file.metadata().map_err(|e| io_problem(&e))?;
    if named {
        return Ok((file, meta));
    }
    if !meta.is_file() {
        return Err(ProblemKind::NotRegular {
            what: file_kind(&meta.file_type()),
        });
    }
    #[cfg(unix)]
    {
        // A regular file: reads block as usual again.
        use std::os::fd::AsRawFd;
        let fd = file.as_raw_fd();
        // SAFETY: `fd` is the open descriptor `file` owns; F_GETFL and
        // F_SETFL only read and set its status flags.
        unsafe {
            let flags = libc::fcntl(fd, libc::F_GETFL);
            if flags >= 0 {
                libc::fcntl(fd, libc::F_SETFL, flags & !libc::O_NONBLOCK);
            }
        }
    }
    Ok((file, meta))
}

/// Reads a file, at most `cap` bytes; `named` as for [`open`].
pub(super) fn read_file(path: &Path, cap: u64, named: bool) -> Result<Vec<u8>, ProblemKind> {
    let (file, meta) = open(path, named)?;
    let len = meta.len();
    if meta.is_file() && len > cap {
        return Err(ProblemKind::TooLarge { len, cap });
    }
    // Room for the whole file and the read that finds its end: one read
    // call for the text instead of a dozen growing ones.
    let expected = if meta.is_file() { len as usize + 1 } else { 0 };
    read_capped(file, cap, expected)
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

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::ffi::OsStrExt;

    #[test]
    fn names_that_are_not_utf8_are_shown_escaped_and_stay_apart() {
        let a = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xe9.txt"));
        let b = Path::new(std::ffi::OsStr::from_bytes(b"dir/caf\xe8.txt"));
        assert_eq!(shown(a), "dir/caf\\xe9.txt");
        assert_ne!(shown(a), shown(b));
        let c = Path::new(std::ffi::OsStr::from_bytes(b"\x1b[2J\xff.txt"));
        assert_eq!(shown(c), "\\x1b[2J\\xff.txt");
        assert_eq!(shown(Path::new("plain/ok.txt")), "plain/ok.txt");
    }
}

//! The real binary against a hostile output side: a reader that goes away
//! (`crosscheck figures | head -1`), a full disk (`> /dev/full`), a full
//! stderr. A closed pipe is a quiet exit 0, as in ripgrep; any other write
//! error is reported on stderr with status 1; nothing ever panics.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

/// A corpus of `n` sentences with a figure each. With 3,000 every report
/// is far larger than a pipe's buffer (64 KB), so the writer is still
/// writing when the reader goes away.
fn corpus(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crashes.txt");
    let sentences: Vec<String> = (0..n)
        .map(|i| format!("Police said {i} people were injured in crash number {i}."))
        .collect();
    std::fs::write(&path, format!("Crashes\n\n{}\n", sentences.join(" "))).unwrap();
    (dir, path)
}

/// Every report, in text and in JSON.
const COMMANDS: &[&[&str]] = &[
    &["figures"],
    &["figures", "--json"],
    &["claims"],
    &["claims", "--json"],
    &["diff"],
    &["diff", "--markdown"],
    &["diff", "--json"],
    &["search", "police", "--limit", "5000"],
    &["search", "police", "--limit", "5000", "--json"],
];

fn command(args: &[&str], path: &Path) -> Command {
    let mut cmd = Command::new(BIN);
    cmd.args(args).arg(path).env("NO_COLOR", "1");
    cmd
}

/// Waits for the child, killing it after a minute (a hang must fail, not
/// stall the suite).
fn wait(mut child: Child, what: &str) -> ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        if start.elapsed() > Duration::from_secs(60) {
            let _ = child.kill();
            panic!("{what}: still running after 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn stderr_of(child: &mut Child) -> String {
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    err
}

/// `crosscheck figures | head -1` panicked ("failed printing to stdout:
/// Broken pipe", status 101), and `--json` printed "Broken pipe" with
/// status 1.
#[test]
fn a_closed_pipe_ends_every_report_quietly_with_status_0() {
    let (_dir, path) = corpus(3000);
    for args in COMMANDS {
        let what = args.join(" ");
        let mut child = command(args, &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        // stderr is read to its end before waiting: it never fills up.
        let err = stderr_of(&mut child);
        let status = wait(child, &what);
        assert_eq!(status.code(), Some(0), "{what}: {err}");
        assert_eq!(err, "", "{what}: nothing on stderr");
    }
}

/// Text reports to a full disk panicked ("failed printing to stdout: No
/// space left on device", status 101).
#[test]
fn a_full_disk_is_reported_with_status_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let (_dir, path) = corpus(20);
    for args in COMMANDS
        .iter()
        .chain([&["sources"][..], &["sources", "--json"]].iter())
    {
        let what = args.join(" ");
        let mut child = command(args, &path)
            .stdout(full.try_clone().unwrap())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let err = stderr_of(&mut child);
        let status = wait(child, &what);
        assert_eq!(status.code(), Some(1), "{what}: {err}");
        assert_eq!(
            err,
            "crosscheck: error: cannot write to standard output: \
             No space left on device (os error 28)\n",
            "{what}"
        );
    }
}

/// `--help` to a full disk was lost with status 0.
#[test]
fn help_to_a_full_disk_is_reported_with_status_1() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let out = Command::new(BIN)
        .arg("--help")
        .stdout(full)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("cannot write to standard output"), "{err}");
}

/// A warning written to a full stderr panicked (status 101): the reports
/// go on, their warnings lost, and the status is the report's.
#[test]
fn warnings_to_a_full_stderr_do_not_panic() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        eprintln!("no /dev/full here: skipped");
        return;
    };
    let (dir, path) = corpus(20);
    let missing = dir.path().join("missing.txt");
    for args in [&["sources"][..], &["figures", "--json"], &["diff"]] {
        let what = args.join(" ");
        let out = Command::new(BIN)
            .args(args)
            .arg(&missing)
            .arg(&path)
            .stderr(full.try_clone().unwrap())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{what}");
        assert!(!out.stdout.is_empty(), "{what}: the report is written");
    }
    // Nothing loaded: the error is lost too, the status still says it.
    let out = Command::new(BIN)
        .args(["sources"])
        .arg(&missing)
        .stderr(full)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

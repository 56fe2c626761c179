//! Hostile input end to end: terminal safety of every CLI command (piped and
//! on a terminal), limits with clear messages, and a corpus never written to.

mod common;

use common::hostile;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_crosscheck");

fn run_piped(args: &[&str], paths: &[&Path]) -> Output {
    Command::new(BIN)
        .args(args)
        .args(paths)
        .env_remove("NO_COLOR")
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Every report command, text and JSON.
fn commands() -> Vec<Vec<&'static str>> {
    let mut cmds = Vec::new();
    for c in [
        vec!["sources"],
        vec!["figures"],
        vec!["claims"],
        vec!["search", "troops"],
        vec!["search", "pwned"],
        vec!["search", "evil"],
        vec!["diff"],
    ] {
        let mut json = c.clone();
        json.push("--json");
        cmds.push(c);
        cmds.push(json);
    }
    cmds.push(vec!["diff", "--markdown"]);
    cmds
}

#[test]
fn hostile_corpus_never_reaches_a_piped_terminal() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    for cmd in commands() {
        let out = run_piped(&cmd, &[dir.path()]);
        let label = format!("{cmd:?}");
        if let Err(e) = hostile::check_output(&out.stdout, "") {
            panic!("{label} stdout: {e}");
        }
        if let Err(e) = hostile::check_output(&out.stderr, "") {
            panic!("{label} stderr: {e}");
        }
    }
}

/// Runs the binary on a pseudo-terminal (util-linux `script`), so stdout is a
/// tty and the colored output paths run. None when `script` is missing.
fn run_on_tty(args: &[&str], dir: &Path) -> Option<Output> {
    let quote = |s: &str| format!("'{}'", s.replace('\'', r"'\''"));
    let mut line = quote(BIN);
    for a in args {
        line.push(' ');
        line.push_str(&quote(a));
    }
    line.push(' ');
    line.push_str(&quote(dir.to_str().unwrap()));
    let out = Command::new("script")
        .args(["-qec", &line, "/dev/null"])
        .env_remove("NO_COLOR")
        .env("TERM", "xterm-256color")
        .env("COLUMNS", "100")
        .env("LINES", "30")
        .stdin(Stdio::null())
        .output()
        .ok()?;
    Some(out)
}

#[test]
fn hostile_corpus_never_reaches_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    let mut colored = false;
    for cmd in commands() {
        let Some(out) = run_on_tty(&cmd, dir.path()) else {
            eprintln!("`script` not found: tty variant skipped");
            return;
        };
        // `script` merges the program's stdout and stderr into the pty.
        colored |= out.stdout.windows(2).any(|w| w == b"\x1b[");
        if let Err(e) = hostile::check_output(&out.stdout, "m") {
            panic!("{cmd:?} on a tty: {e}");
        }
    }
    assert!(colored, "no command colored its output: not on a tty?");
}

/// Every file under `dir` with its bytes' hash, length, mode and mtime, and
/// every directory entry: what a run must leave exactly as it was.
fn snapshot(dir: &Path) -> Vec<(String, u64, u64, String, std::time::SystemTime)> {
    use std::collections::hash_map::DefaultHasher;
    use std::hash::{Hash, Hasher};
    let mut out = Vec::new();
    for e in walk(dir) {
        let meta = std::fs::symlink_metadata(&e).unwrap();
        let mut h = DefaultHasher::new();
        if meta.is_file() {
            std::fs::read(&e).unwrap().hash(&mut h);
        }
        out.push((
            e.display().to_string(),
            h.finish(),
            meta.len(),
            format!("{:?}", meta.permissions()),
            meta.modified().unwrap(),
        ));
    }
    out.sort();
    out
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = vec![dir.to_path_buf()];
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn no_command_writes_to_the_corpus() {
    let dir = tempfile::tempdir().unwrap();
    hostile::write(dir.path());
    let sub = dir.path().join("nested");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("seed.txt"),
        "Officials said 10,000 troops crossed.\n",
    )
    .unwrap();
    std::fs::write(sub.join(".hidden.txt"), "hidden").unwrap();
    std::fs::write(sub.join("notes.xyz"), "unknown type").unwrap();
    let before = snapshot(dir.path());
    let file = dir.path().join("article.txt");
    for cmd in commands() {
        for target in [dir.path(), file.as_path()] {
            run_piped(&cmd, &[target]);
        }
        // Standard input too.
        let mut child = Command::new(BIN)
            .args(&cmd)
            .arg("-")
            .current_dir(dir.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(&std::fs::read(&file).unwrap())
            .unwrap();
        child.wait().unwrap();
    }
    assert_eq!(snapshot(dir.path()), before, "a command changed the corpus");
}

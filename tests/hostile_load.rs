//! Hostile input for the loader, round two: files and folders a scraper or a
//! colleague can hand a user that once aborted the process (deeply nested
//! HTML), hung it (symlinks to `/` or `/proc`, a file swapped for a FIFO),
//! loaded something twice, or took quadratic time (JSON arrays). Nothing is
//! timed; work that could regress to quadratic or hang runs under a timeout,
//! so a regression fails fast instead of stalling CI.

mod common;

use common::with_timeout;
use crosscheck::load::{self, Input, Options};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn load_paths(paths: &[PathBuf]) -> load::Loaded {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.clone())).collect();
    load::load(&inputs, Options::default())
}

fn messages(loaded: &load::Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

/// Runs the binary with `args`, killing it after `secs` seconds (a failure).
fn run_cli(secs: u64, args: &[&std::ffi::OsStr]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run crosscheck");
    let deadline = Instant::now() + Duration::from_secs(secs);
    while child.try_wait().expect("wait").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("crosscheck {args:?}: not done after {secs} s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

/// `crosscheck sources --json PATH...`: the sources listed, and stderr.
fn sources(secs: u64, paths: &[&Path]) -> (Vec<serde_json::Value>, String) {
    let mut args: Vec<&std::ffi::OsStr> = vec!["sources".as_ref(), "--json".as_ref()];
    args.extend(paths.iter().map(|p| p.as_os_str()));
    let out = run_cli(secs, &args);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON array");
    (list.as_array().cloned().unwrap_or_default(), stderr)
}

// Deeply nested HTML.

const BODY: &str = "<p>Officials said 40 people were hurt in the blast on Monday.</p>";

fn nested(open: &str, close: &str, n: usize) -> String {
    format!(
        "<html><head><title>Deep</title></head><body>{}{BODY}{}</body></html>",
        open.repeat(n),
        close.repeat(n)
    )
}

#[test]
fn deeply_nested_html_does_not_abort() {
    // 100,000 nested `<b>` overflowed the stack of the thread that ran the
    // extractor (the main thread for a single file): the process aborted.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("deep_b.html");
    fs::write(&page, nested("<b>", "</b>", 100_000)).unwrap();
    let (list, stderr) = sources(60, &[&page]);
    assert_eq!(list.len(), 1, "{stderr}");
    assert!(
        stderr.contains("deep_b.html: HTML nested more than 512 levels deep"),
        "{stderr}"
    );
}

#[test]
fn deeply_nested_html_in_a_folder_does_not_abort() {
    // In a folder the extractor ran on a worker thread, whose stack is
    // smaller: 10,000 levels were enough. (A table nests 4 a level; past
    // the limit its rows stay, at the bottom.)
    let dir = tempfile::tempdir().unwrap();
    fs::write(
        dir.path().join("a_deep_b.html"),
        nested("<b>", "</b>", 10_000),
    )
    .unwrap();
    fs::write(
        dir.path().join("b_deep_table.html"),
        nested("<table><tr><td>", "</td></tr></table>", 1_000),
    )
    .unwrap();
    fs::write(
        dir.path().join("c_plain.txt"),
        "Title\n\nNothing deep here.\n",
    )
    .unwrap();
    let (list, stderr) = sources(60, &[dir.path()]);
    assert_eq!(list.len(), 3, "{stderr}");
    assert_eq!(
        stderr.matches("nested more than 512 levels").count(),
        2,
        "{stderr}"
    );
}

#[test]
fn deeply_nested_divs_load_in_linear_time() {
    // Nested `<div>`s cost time quadratic in the depth (10,000 levels 32 s
    // in a release build); formatting elements left open at once cost their
    // number times the paragraphs after them (300 x 2,000: 80 s).
    let dir = tempfile::tempdir().unwrap();
    let divs = dir.path().join("divs.html");
    fs::write(&divs, nested("<div>", "</div>", 20_000)).unwrap();
    let open: String = (0..300).map(|i| format!("<b class=c{i}>")).collect();
    let formatting = dir.path().join("formatting.html");
    fs::write(
        &formatting,
        format!(
            "<html><body><div>{open}</div>{}</body></html>",
            BODY.repeat(2000)
        ),
    )
    .unwrap();
    let (list, stderr) = sources(60, &[&divs, &formatting]);
    assert_eq!(list.len(), 2, "{stderr}");
    assert!(
        stderr.contains("divs.html: HTML nested more than 512"),
        "{stderr}"
    );
    assert!(
        stderr.contains("formatting.html: HTML leaves more than 16 formatting tags open"),
        "{stderr}"
    );
}

// JSON arrays.

/// `n` records, each with a short text and 1800 bytes of padding, joined by
/// `sep`; the last one has no text, so its problem carries its position.
fn json_array(n: usize, sep: &str) -> String {
    let pad = "p".repeat(1800);
    let mut records: Vec<String> = (1..n)
        .map(|i| format!(r#"{{"title": "t{i}", "text": "Record {i} says 5 people were hurt.", "pad": "{pad}"}}"#))
        .collect();
    records.push(r#"{"pad": "no text here"}"#.to_string());
    format!("[{}]", records.join(sep))
}

#[test]
fn json_array_of_many_records_loads_in_one_pass() {
    // The line of every element was found by rescanning the file from its
    // start: 10,000 records (18 MB) took minutes. One record a line, and all
    // of them on one line (where the column was the rescan).
    let dir = tempfile::tempdir().unwrap();
    let n = 10_000;
    let mut expected = Vec::new();
    for (name, sep) in [("lines.json", ",\n"), ("one_line.json", ", ")] {
        let text = json_array(n, sep);
        let last = text.rfind('{').unwrap();
        let line = text[..last].matches('\n').count() + 1;
        let line_start = text[..last].rfind('\n').map_or(0, |p| p + 1);
        expected.push((line, text[line_start..last].chars().count() + 1));
        fs::write(dir.path().join(name), text).unwrap();
    }
    let paths = vec![
        dir.path().join("lines.json"),
        dir.path().join("one_line.json"),
    ];
    let loaded = with_timeout(30, "load two 18 MB JSON arrays", move || load_paths(&paths));
    assert_eq!(
        loaded.documents.len(),
        2 * (n - 1),
        "{:?}",
        messages(&loaded)
    );
    let positions: Vec<_> = loaded.problems.iter().map(|p| p.kind.position()).collect();
    assert_eq!(positions, [Some(expected[0]), Some(expected[1])]);
    assert_eq!(expected[0], (n, 1), "one record a line");
    let last = &loaded.documents[n - 2];
    assert!(
        last.source.ends_with(&format!("lines.json#{}", n - 1)),
        "{}",
        last.source
    );
    assert_eq!(last.sentences[0].line, n - 1);
}

// The filesystem.

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates a file.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

#[cfg(unix)]
#[test]
fn symlinks_to_the_root_and_proc_inside_a_folder_are_not_walked() {
    // A link to `/` or `/proc` in a corpus folder walked the whole
    // filesystem, with no output, for ever.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    fs::write(root.join("a.txt"), "Title\n\nBody of the article.\n").unwrap();
    std::os::unix::fs::symlink("/", root.join("everything")).unwrap();
    std::os::unix::fs::symlink("/proc", root.join("proc")).unwrap();
    std::os::unix::fs::symlink(&root, root.join("again")).unwrap();
    let loaded = with_timeout(30, "load a folder with a link to /", move || {
        load_paths(&[root])
    });
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(
        messages(&loaded),
        [format!(
            "note: {}: 3 symbolic links inside not followed (name a link's target to load it)",
            dir.path().display()
        )]
    );
}

#[cfg(target_os = "linux")]
#[test]
fn proc_and_sys_are_never_walked() {
    let loaded = with_timeout(30, "load /proc and /sys", || {
        load_paths(&[PathBuf::from("/proc"), PathBuf::from("/sys")])
    });
    assert!(loaded.documents.is_empty());
    assert_eq!(
        messages(&loaded),
        [
            "warning: /proc: a kernel filesystem (/proc, /sys), not read",
            "warning: /sys: a kernel filesystem (/proc, /sys), not read"
        ]
    );
}

#[cfg(unix)]
#[test]
fn a_file_swapped_for_a_fifo_after_listing_is_skipped() {
    // Reading opened the path as it was then: a named pipe with no writer
    // blocked the load for ever.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    fs::write(root.join("a.txt"), "Title\n\nBody of the article.\n").unwrap();
    fs::write(root.join("b.txt"), "Title\n\nAnother article.\n").unwrap();
    mkfifo(&root.join("c.txt"));
    let plan = load::plan(&[Input::Path(root.clone())], Options::default());
    assert_eq!(plan.len(), 2, "a listed pipe is not planned");
    fs::remove_file(root.join("b.txt")).unwrap();
    mkfifo(&root.join("b.txt"));
    let read = with_timeout(30, "read a pipe found in a folder", move || {
        plan.read(0..plan.len(), |loaded| loaded)
    });
    assert_eq!(read[0].documents.len(), 1);
    assert_eq!(
        read[1].problems[0].to_string(),
        format!(
            "warning: {}: not a regular file (a named pipe), skipped",
            dir.path().join("b.txt").display()
        )
    );
}

#[cfg(unix)]
#[test]
fn a_fifo_named_on_the_command_line_is_read_like_cat() {
    // Named explicitly, a pipe is read (and waits for its writer).
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.txt");
    mkfifo(&fifo);
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || fs::write(fifo, "Title\n\nBody through a pipe.\n").unwrap())
    };
    let loaded = with_timeout(30, "read a named pipe", move || load_paths(&[fifo]));
    writer.join().unwrap();
    assert_eq!(loaded.documents.len(), 1, "{:?}", messages(&loaded));
}

#[cfg(unix)]
#[test]
fn a_file_or_folder_reached_twice_is_loaded_once() {
    // Named twice, inside a folder also named, or through a link: each was
    // loaded again, and changed the stories and verdicts.
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    fs::create_dir_all(corpus.join("sub")).unwrap();
    fs::write(corpus.join("b.txt"), "Title\n\nOne article.\n").unwrap();
    fs::write(corpus.join("sub/a.txt"), "Title\n\nAnother article.\n").unwrap();
    let link = dir.path().join("link");
    std::os::unix::fs::symlink(&corpus, &link).unwrap();
    let loaded = load_paths(&[
        corpus.join("b.txt"),
        corpus.clone(),
        corpus.join("sub"),
        link.clone(),
        link.join("sub/a.txt"),
    ]);
    let sources: Vec<&str> = loaded.documents.iter().map(|d| d.source.as_str()).collect();
    let shown = |p: &Path| p.display().to_string();
    assert_eq!(
        sources,
        [
            shown(&corpus.join("b.txt")),
            shown(&corpus.join("sub/a.txt"))
        ]
    );
    assert_eq!(
        messages(&loaded),
        [
            format!(
                "note: {}: same file as {}, loaded once",
                shown(&corpus.join("b.txt")),
                shown(&corpus.join("b.txt"))
            ),
            format!(
                "note: {}: same folder as {}, read once",
                shown(&corpus.join("sub")),
                shown(&corpus.join("sub"))
            ),
            format!(
                "note: {}: same folder as {}, read once",
                shown(&link),
                shown(&corpus)
            ),
            format!(
                "note: {}: same file as {}, loaded once",
                shown(&link.join("sub/a.txt")),
                shown(&corpus.join("sub/a.txt"))
            ),
        ]
    );
}

#[test]
fn standard_input_named_twice_is_read_once() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(["sources", "--json", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"Title\n\nBody from standard input.\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let list: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{stderr}");
    assert!(
        stderr.contains("note: -: standard input named again, read once"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_can_be_named_and_are_shown_escaped() {
    // clap took the paths as UTF-8 strings: such a name was a usage error.
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    let file = dir.path().join(name);
    fs::write(&file, "Title\n\nBody of the article.\n").unwrap();
    let sub = dir.path().join("sub");
    fs::create_dir(&sub).unwrap();
    fs::write(
        sub.join(std::ffi::OsStr::from_bytes(b"na\xefve.txt")),
        "Title\n\nBody.\n",
    )
    .unwrap();
    let (list, stderr) = sources(30, &[&file, &sub]);
    let sources: Vec<&str> = list.iter().filter_map(|s| s["source"].as_str()).collect();
    assert_eq!(
        sources,
        [
            format!("{}/caf\\xe9.txt", dir.path().display()),
            format!("{}/sub/na\\xefve.txt", dir.path().display())
        ],
        "{stderr}"
    );
}

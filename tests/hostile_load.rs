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

fn load_paths(paths: &[PathBuf]) -> load::Loaded {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.clone())).collect();
    load::load(&inputs, Options::default())
}

fn messages(loaded: &load::Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
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

//! Limits: huge files, huge lines, deep nesting and huge folders end with a
//! clear message or a complete load, never a crash, a hang or a blow-up.
//! Nothing here is timed (speed lives in benchmarks); a regression to
//! quadratic work shows as a test that no longer finishes.

use crosscheck::analysis;
use crosscheck::load::{self, Input, Options};
use std::fs::{self, File};
use std::path::Path;

fn load_paths(paths: &[&Path]) -> load::Loaded {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    load::load(&inputs, Options::default())
}

/// Loads `text` as one file and analyzes it; returns (sentences, figures).
fn load_and_analyze(text: &str) -> (usize, usize) {
    let loaded = load::load_named([("long.txt", text.as_bytes())]);
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.problems);
    let d = &loaded.documents[0];
    let a = analysis::analyze_document(d);
    (d.sentences.len(), a.figures.len())
}

/// Runs of `unit` long enough that quadratic work on them would not finish.
fn run_of(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes / unit.len())
}

// Regressions, each named after the input that made the work quadratic.

#[test]
fn long_run_of_quotes_in_one_sentence() {
    // attach_quotes counted the sentence's words once per quote.
    load_and_analyze(&run_of("“a” ", 200_000));
    load_and_analyze(&run_of("\"a ", 200_000));
}

#[test]
fn long_run_of_quoted_sentences() {
    // analyze_document filtered every quote for every sentence.
    let (sentences, _) = load_and_analyze(&run_of("“Go.” ", 200_000));
    assert!(sentences > 10_000);
}

#[test]
fn long_run_of_cues_in_one_sentence() {
    // A scan of the sentence's earlier attributions per cue: the duplicate
    // check, the organisation for a bare title, the embedded's outer span.
    for unit in [
        "The Pentagon Said ",
        "Zelensky told KBS ",
        "according to X, ",
    ] {
        load_and_analyze(&run_of(unit, 150_000));
    }
}

#[test]
fn long_chain_of_reported_speech() {
    // "X said that Y said that …": the gap to the outer cue was rescanned.
    load_and_analyze(&run_of("X said that ", 150_000));
}

#[test]
fn three_megabyte_single_line_loads_segments_and_extracts() {
    let sentence = "The Pentagon said that more than 10,000 North Korean troops, five units of about 3,000 each, crossed 1,500 kilometers, according to “officials” who told KBS. ";
    let mut line = String::new();
    while line.len() < 3 * 1024 * 1024 {
        line.push_str(sentence);
    }
    let (sentences, figures) = load_and_analyze(&line);
    assert!(sentences > 15_000, "{sentences} sentences");
    assert!(figures > 3 * sentences, "{figures} figures");
}

#[test]
fn one_gigabyte_file_is_refused_by_the_size_cap() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.txt");
    // Sparse: costs no disk.
    File::create(&big).unwrap().set_len(1 << 30).unwrap();
    fs::write(dir.path().join("ok.txt"), "Officials said 5 troops left.\n").unwrap();
    let loaded = load_paths(&[dir.path()]);
    assert_eq!(loaded.documents.len(), 1, "the rest still loads");
    let msgs: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].contains("big.txt")
            && msgs[0].contains("1024.0 MB")
            && msgs[0].contains("over the size cap")
            && msgs[0].contains("--max-file-size"),
        "{msgs:?}"
    );
    // The CLI says the same and still lists the good file.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("sources")
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("big.txt") && stderr.contains("over the size cap"),
        "{stderr}"
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("ok.txt"));
}

#[test]
fn deeply_nested_json_lines_record_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested_field = format!(
        "{{\"text\": \"Nested 3 troops.\", \"extra\": {}{}}}",
        "{\"a\":".repeat(100_000),
        "}".repeat(100_000)
    );
    let good = r#"{"title": "Fine", "text": "Officials said 10,000 troops crossed."}"#;
    let path = dir.path().join("deep.jsonl");
    fs::write(&path, format!("{deep}\n{nested_field}\n{good}\n")).unwrap();
    let loaded = load_paths(&[&path]);
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.problems);
    assert_eq!(loaded.documents[0].source, format!("{}#3", path.display()));
    let msgs: Vec<String> = loaded.problems.iter().map(ToString::to_string).collect();
    assert_eq!(msgs.len(), 2, "{msgs:?}");
    assert!(
        msgs[0].contains("1:") && msgs[0].contains("recursion limit"),
        "{msgs:?}"
    );
    assert!(
        msgs[1].contains("2:") && msgs[1].contains("recursion limit"),
        "{msgs:?}"
    );
}

/// Many files in one folder: every one loads, in name order, and a bad one
/// among them costs only itself.
fn many_files(n: usize) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("{i:06}.txt")),
            format!("Item {i} said {i} troops.\n"),
        )
        .unwrap();
    }
    fs::write(dir.path().join("000000-bad.json"), "{").unwrap();
    let loaded = load_paths(&[dir.path()]);
    assert_eq!(loaded.documents.len(), n);
    assert_eq!(loaded.problems.len(), 1);
    assert!(
        loaded.documents[n - 1]
            .source
            .ends_with(&format!("{:06}.txt", n - 1))
    );
    let sentences: usize = loaded.documents.iter().map(|d| d.sentences.len()).sum();
    assert_eq!(sentences, n);
}

#[test]
fn a_hundred_thousand_files_in_one_folder() {
    many_files(100_000);
}

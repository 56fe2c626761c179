//! `crosscheck diff` through the real binary: JSON contract, Markdown and
//! text reports, paths and usage errors.

use serde_json::Value;
use std::process::{Command, Output};

fn crosscheck(args: &[&str], cwd: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(cwd)
        .env_remove("NO_COLOR")
        .output()
        .unwrap()
}

fn seeds(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    crosscheck(args, dir.path())
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn json(args: &[&str]) -> Value {
    let out = seeds(args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_str(&stdout(&out)).expect("stdout is one JSON value")
}

fn has_keys(v: &Value, keys: &[&str]) {
    for k in keys {
        assert!(v.get(k).is_some(), "missing key {k} in {v}");
    }
}

#[test]
fn json_follows_the_contract() {
    let v = json(&["diff", "--json"]);
    has_keys(&v, &["figures", "statements", "coverage"]);
    let figures = v["figures"].as_array().unwrap();
    assert!(!figures.is_empty());
    for g in figures {
        has_keys(
            g,
            &[
                "measure", "label", "verdict", "entries", "timeline", "undated", "revision",
            ],
        );
        let verdict = g["verdict"].as_str().unwrap();
        assert!(["agree", "compatible", "conflict", "single"].contains(&verdict));
        for e in g["entries"].as_array().unwrap() {
            has_keys(
                e,
                &[
                    "source",
                    "outlet",
                    "value",
                    "low",
                    "high",
                    "qualifier",
                    "unit",
                    "claimer",
                    "sentence",
                    "line",
                    "derived",
                    "scope",
                    "date",
                    "url",
                    "also_at",
                ],
            );
        }
    }
    let statements = v["statements"].as_array().unwrap();
    assert!(!statements.is_empty());
    for s in statements {
        has_keys(s, &["label", "entries", "diffs"]);
        for e in s["entries"].as_array().unwrap() {
            has_keys(e, &["source", "outlet", "line", "sentence", "date", "url"]);
        }
        for d in s["diffs"].as_array().unwrap() {
            has_keys(d, &["a", "b", "changes"]);
            for c in d["changes"].as_array().unwrap() {
                let op = c["op"].as_str().unwrap();
                assert!(["equal", "delete", "insert"].contains(&op));
                assert!(c["text"].is_string());
            }
        }
    }
    assert_eq!(v["coverage"]["sources"].as_array().unwrap().len(), 5);
}

#[test]
fn json_troops_group_conflicts_with_outlets_and_claimers() {
    let v = json(&["diff", "--json"]);
    let g = &v["figures"][0];
    assert_eq!(g["label"], "North Korean troops");
    assert_eq!(g["measure"], "troops");
    assert_eq!(g["verdict"], "conflict");
    let entries = g["entries"].as_array().unwrap();
    let find = |value: f64, claimer: &str| {
        entries
            .iter()
            .any(|e| e["value"].as_f64() == Some(value) && e["claimer"] == claimer)
    };
    assert!(find(10_000.0, "the Pentagon"));
    assert!(find(11_000.0, "Volodymyr Zelensky"));
    assert!(find(12_000.0, "intelligence assessments"));
    assert!(find(15_000.0, "Rustem Umerov"));
    let up_to = entries.iter().find(|e| e["qualifier"] == "up_to").unwrap();
    assert_eq!(up_to["outlet"], "ABC News");
    assert_eq!(up_to["low"], Value::Null);
    assert_eq!(up_to["high"].as_f64(), Some(12_000.0));
    let front = v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["measure"] == "distance" && g["entries"].as_array().unwrap().len() == 2)
        .unwrap();
    assert_eq!(front["verdict"], "compatible");
}

#[test]
fn json_first_statement_shows_chapter_to_page() {
    let v = json(&["diff", "--json"]);
    let s = &v["statements"][0];
    assert_eq!(s["quote_differs"], true);
    let changes = s["diffs"][0]["changes"].as_array().unwrap();
    let ops: Vec<(&str, &str)> = changes
        .iter()
        .map(|c| (c["op"].as_str().unwrap(), c["text"].as_str().unwrap()))
        .collect();
    let i = ops
        .iter()
        .position(|c| *c == ("delete", "chapter"))
        .unwrap();
    assert_eq!(ops[i + 1], ("insert", "page"));
}

/// Issue 19: `diff --json` carries each statement's label whole (it used to
/// carry the cut one); the text report cuts it at a word with an ellipsis.
#[test]
fn statement_labels_are_whole_in_json_and_cut_at_a_word_in_the_report() {
    let v = json(&["diff", "--json"]);
    let text = stdout(&seeds(&["diff"]));
    let mut cut = 0;
    for (i, s) in v["statements"].as_array().unwrap().iter().enumerate() {
        let label = s["label"].as_str().unwrap();
        assert!(!label.ends_with('…') && !label.ends_with("…”"), "{label}");
        let head = format!("  {}. ", i + 1);
        let line = text.lines().find(|l| l.starts_with(&head)).unwrap();
        let shown = &line[head.len()..];
        if shown.starts_with(label) {
            continue;
        }
        let before = shown.split('…').next().unwrap();
        assert!(
            label.starts_with(before),
            "{shown:?} does not begin {label:?}"
        );
        assert!(
            label[before.len()..].starts_with(' '),
            "{shown:?} is not cut at a word of {label:?}"
        );
        cut += 1;
    }
    assert!(
        cut >= 4,
        "only {cut} of the seeds' statement labels are long"
    );
}

#[test]
fn markdown_has_tables_marked_words_and_coverage() {
    let out = seeds(&["diff", "--markdown"]);
    assert_eq!(out.status.code(), Some(0));
    let md = stdout(&out);
    assert!(md.starts_with("# Cross-source comparison"));
    assert!(md.contains("### North Korean troops — conflict"));
    assert!(md.contains("| Value | Outlet | Date | Line | Claimer | Scope |"));
    assert!(md.contains("| ≤12,000 | ABC News | – | 5 | intelligence assessments |"));
    assert!(md.contains("~~chapter~~ **page**"));
    assert!(md.contains("## Coverage"));
    assert!(md.contains("### Reported by one outlet only"));
    assert!(md.contains("Seoul: Seoul, however, said it “does not believe"));
    assert!(!md.contains('\x1b'));
}

#[test]
fn text_report_is_plain_when_piped() {
    let out = seeds(&["diff"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(!text.contains('\x1b'), "colour on a pipe");
    assert!(text.contains("North Korean troops  conflict  10,000–15,000  5 sources"));
    assert!(text.contains("[-chapter-] {+page+}"));
    assert!(text.contains("quoted differently"));
    assert!(text.contains("COVERAGE"));
}

#[test]
fn paths_are_compared_and_json_and_markdown_conflict() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.txt"),
        "The storm destroyed 40 homes in the coastal village of Marden, officials said.",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.txt"),
        "Officials said the storm destroyed 45 homes in the coastal village of Marden overnight.",
    )
    .unwrap();
    let out = crosscheck(&["diff", "--json", "a.txt", "b.txt"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["statements"].as_array().unwrap().len(), 1);
    assert_eq!(v["statements"][0]["entries"][0]["source"], "a.txt");
    let usage = crosscheck(&["diff", "--json", "--markdown"], dir.path());
    assert_eq!(usage.status.code(), Some(2));
    let missing = crosscheck(&["diff", "--json", "nope.txt"], dir.path());
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).is_empty());
}

#[test]
fn every_group_names_its_story_in_json_text_and_markdown() {
    let v = json(&["diff", "--json"]);
    let stories = v["stories"].as_array().unwrap();
    assert_eq!(stories.len(), 1);
    has_keys(&stories[0], &["id", "label", "sources"]);
    assert_eq!(stories[0]["sources"].as_array().unwrap().len(), 5);
    for g in v["figures"]
        .as_array()
        .unwrap()
        .iter()
        .chain(v["statements"].as_array().unwrap())
    {
        assert_eq!(g["story"]["id"], 0);
        assert_eq!(g["story"]["label"], stories[0]["label"]);
    }
    for s in v["statements"].as_array().unwrap() {
        let pairs = s["diff_pairs"].as_str().unwrap();
        assert!(["all", "medoid"].contains(&pairs));
    }
    let label = stories[0]["label"].as_str().unwrap();
    let text = stdout(&seeds(&["diff"]));
    assert!(
        text.contains(&format!("Story 1: {label} — 5 sources")),
        "{text}"
    );
    let md = stdout(&seeds(&["diff", "--markdown"]));
    assert!(md.contains("## Stories"));
    assert!(md.contains("### Story 1: "), "{md}");
}

#[test]
fn unrelated_stories_get_their_own_headings() {
    let dir = tempfile::tempdir().unwrap();
    let files = [
        (
            "a.txt",
            "Storm destroys homes in Marden\n\nThe storm destroyed 40 homes in the coastal village of Marden, officials said.",
        ),
        (
            "b.txt",
            "Marden storm damage\n\nOfficials said the storm destroyed 45 homes in the coastal village of Marden overnight.",
        ),
        (
            "c.txt",
            "Central bank raises rates\n\nThe central bank raised interest rates by a quarter point to curb inflation, the governor said.",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let out = crosscheck(&["diff", "--json", "."], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v["stories"].as_array().unwrap().len(),
        2,
        "{}",
        v["stories"]
    );
    let text = stdout(&crosscheck(&["diff", "."], dir.path()));
    assert!(text.contains("in 2 stories"), "{text}");
    assert!(
        text.contains("Story 2: Central bank raises rates — 1 source"),
        "{text}"
    );

    // The user can say it is all one event.
    let out = crosscheck(&["diff", "--json", "--one-story", "."], dir.path());
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(
        v["stories"].as_array().unwrap().len(),
        1,
        "{}",
        v["stories"]
    );
}

/// Issue 12: values in the unit the articles wrote (an age in years, not
/// days), and each entry's date in the text report and link in Markdown.
#[test]
fn reports_show_written_units_dates_and_links() {
    let dir = tempfile::tempdir().unwrap();
    let record = |date: &str, url: &str, text: &str| {
        serde_json::json!({"title": "Arson charge after warehouse fire", "source": "Elm Gazette",
            "date": date, "url": url, "text": text})
        .to_string()
    };
    let files = [
        (
            "a.json",
            record(
                "2020-03-02",
                "https://elm.example/fire",
                "Police charged Marco Silva, 24, with arson after the warehouse fire on Elm Road.",
            ),
        ),
        (
            "b.json",
            record(
                "March 3, 2020",
                "https://valley.example/arson",
                "Marco Silva, a 25-year-old cook, was charged with arson over the warehouse fire on Elm Road, police said.",
            ),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.path().join(name), text).unwrap();
    }
    let text = stdout(&crosscheck(&["diff", "."], dir.path()));
    let line = text
        .lines()
        .find(|l| l.contains("age of Marco Silva"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(
        line.contains("conflict") && line.contains("24–25 year"),
        "{line}"
    );
    assert!(
        text.contains("2020-03-02") && text.contains("2020-03-03"),
        "{text}"
    );
    let md = stdout(&crosscheck(&["diff", "--markdown", "."], dir.path()));
    assert!(
        md.contains("[Elm Gazette](https://valley.example/arson)"),
        "{md}"
    );
}

//! `crosscheck report` on the seeds with marks written through the
//! library's store: every format, the default workspace location, CSV
//! that a spreadsheet cannot run, ClaimReview's required properties, and
//! the exit codes. Every run has its own `XDG_DATA_HOME`.

use crosscheck::store::{Status, Store, target};
use crosscheck::{Corpus, analysis, compare};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

fn report(xdg: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("report")
        .args(args)
        .env("XDG_DATA_HOME", xdg)
        .env_remove("HOME")
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Marks a group, an entry, a statement group and a sentence of the seeds
/// in the seeds' default workspace under `xdg`.
fn mark_seeds(xdg: &Path) {
    let corpus = Corpus::seeds();
    let cmp = compare::compare(&corpus, &analysis::analyze(&corpus));
    let mut s = Store::open(&xdg.join("crosscheck").join("seeds.sqlite")).unwrap();
    let troops = cmp
        .figures
        .iter()
        .position(|g| g.label == "North Korean troops")
        .unwrap();
    let group = target::figure_group(&cmp, troops).unwrap();
    s.set_status(&group, Status::Disputed).unwrap();
    // Cells a spreadsheet would run, from the checker's own fields.
    s.set_note(
        &group,
        "=HYPERLINK(\"http://evil.example\") counts differ by source",
    )
    .unwrap();
    s.set_accepted(&group, Some("+11,000"), Some("@intel report"))
        .unwrap();
    let miller = cmp.figures[troops]
        .entries
        .iter()
        .find(|e| e.claimer.as_deref() == Some("Matthew Miller"))
        .unwrap();
    s.set_status(&target::entry(miller), Status::Confirmed)
        .unwrap();
    let statement = target::statement_group(&cmp, 0).unwrap();
    s.set_status(&statement, Status::False).unwrap();
    let bbc = corpus
        .documents
        .iter()
        .find(|d| d.outlet.as_deref() == Some("BBC"))
        .unwrap();
    let sentence = target::sentence(&bbc.source, "BBC", bbc.sentence_text(1));
    s.set_status(&sentence, Status::NeedsSource).unwrap();
    s.set_note(&sentence, "ask BBC for the source").unwrap();
}

#[test]
fn markdown_lists_the_disagreement_and_every_mark() {
    let xdg = tempfile::tempdir().unwrap();
    mark_seeds(xdg.path());
    let text = stdout(&report(xdg.path(), &["--format", "markdown"]));
    let text = text.replace(&xdg.path().display().to_string(), "$XDG_DATA_HOME");
    insta::assert_snapshot!("report_seeds_markdown", text);
}

#[test]
fn csv_is_rfc4180_and_never_a_formula() {
    let xdg = tempfile::tempdir().unwrap();
    mark_seeds(xdg.path());
    let text = stdout(&report(xdg.path(), &["--format", "csv"]));
    insta::assert_snapshot!("report_seeds_csv", text);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    for row in &rows {
        assert_eq!(row.len(), header.len());
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "a formula cell: {cell:?}"
            );
        }
    }
    let troops = rows
        .iter()
        .find(|r| &r[col("label")] == "North Korean troops")
        .unwrap();
    assert_eq!(&troops[col("status")], "disputed");
    assert!(troops[col("note")].starts_with("'=HYPERLINK"));
    assert_eq!(&troops[col("accepted_value")], "'+11,000");
    assert_eq!(&troops[col("accepted_source")], "'@intel report");
    // Quotes and commas inside a sentence survive the round trip.
    assert!(
        rows.iter()
            .any(|r| r[col("sentence")].contains("“More than 10,000"))
    );
}

#[test]
fn csv_defuses_formulas_from_article_text() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Evacuations\n\n=cmd|' /C calc'!A0 About 3,000 residents were evacuated from coastal villages on Sunday, the governor said.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Evacuations\n\n-2 degrees and 4,500 residents were evacuated from coastal villages on Sunday, the agency said.\n",
    )
    .unwrap();
    let xdg = tempfile::tempdir().unwrap();
    let out = report(
        xdg.path(),
        &["--format", "csv", a.to_str().unwrap(), b.to_str().unwrap()],
    );
    let text = stdout(&out);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let sentences: Vec<String> = r.records().map(|r| r.unwrap()[16].to_string()).collect();
    assert!(
        sentences.iter().any(|s| s.starts_with("'=cmd|")),
        "{sentences:?}"
    );
    assert!(sentences.iter().any(|s| s.starts_with("'-2 degrees")));
    assert!(
        !xdg.path().join("crosscheck").exists(),
        "a report writes no store"
    );
}

fn has(v: &Value, path: &[&str]) -> bool {
    let mut v = v;
    for p in path {
        match v.get(p) {
            Some(x) => v = x,
            None => return false,
        }
    }
    !v.is_null()
}

#[test]
fn claimreview_has_the_required_properties_for_each_verdict() {
    let xdg = tempfile::tempdir().unwrap();
    mark_seeds(xdg.path());
    let out = report(
        xdg.path(),
        &[
            "--format",
            "claimreview",
            "--author",
            "Desk",
            "--review-url",
            "https://factcheck.example/troops",
        ],
    );
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let reviews = v.as_array().unwrap();
    // Disputed, confirmed and false; "needs source" is no verdict.
    let names: Vec<&str> = reviews
        .iter()
        .map(|r| r["reviewRating"]["alternateName"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Disputed", "False", "Confirmed"]);
    for r in reviews {
        assert_eq!(r["@context"], "https://schema.org");
        assert_eq!(r["@type"], "ClaimReview");
        for p in [
            &["claimReviewed"][..],
            &["reviewRating", "ratingValue"],
            &["reviewRating", "bestRating"],
            &["reviewRating", "worstRating"],
            &["itemReviewed", "author", "name"],
            &["author", "name"],
            &["datePublished"],
            &["url"],
        ] {
            assert!(has(r, p), "{p:?} missing in {r:#}");
        }
        assert_eq!(r["itemReviewed"]["@type"], "Claim");
        let appearance = r["itemReviewed"]["appearance"].as_array().unwrap();
        assert!(!appearance.is_empty());
        assert_eq!(r["author"]["name"], "Desk");
        let day = r["datePublished"].as_str().unwrap();
        assert!(crosscheck::date::parse(day).is_some(), "{day}");
    }
    let confirmed = &reviews[2];
    assert_eq!(confirmed["reviewRating"]["ratingValue"], 5);
    assert_eq!(
        confirmed["itemReviewed"]["author"]["name"],
        "Matthew Miller"
    );
    assert_eq!(confirmed["itemReviewed"]["author"]["@type"], "Person");
    assert!(
        confirmed["claimReviewed"]
            .as_str()
            .unwrap()
            .contains("placed the estimate at 10,000")
    );
}

#[test]
fn json_is_one_array_of_items_with_their_marks() {
    let xdg = tempfile::tempdir().unwrap();
    mark_seeds(xdg.path());
    let v: Value =
        serde_json::from_str(&stdout(&report(xdg.path(), &["--format", "json"]))).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 4);
    for i in items {
        for k in [
            "kind", "key", "label", "status", "note", "stale", "evidence",
        ] {
            assert!(i.get(k).is_some(), "{k} in {i:#}");
        }
        for e in i["evidence"].as_array().unwrap() {
            for k in ["source", "outlet", "date", "url", "sentence", "claimer"] {
                assert!(e.get(k).is_some(), "{k} in {e:#}");
            }
        }
    }
    assert_eq!(items[0]["status"], "disputed");
    assert_eq!(items[0]["accepted_value"], "+11,000");
    assert_eq!(items[3]["status"], "needs_source");
}

#[test]
fn a_missing_or_foreign_workspace_is_an_error_naming_it() {
    let xdg = tempfile::tempdir().unwrap();
    let missing = xdg.path().join("nope.sqlite");
    let out = report(xdg.path(), &["--workspace", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nope.sqlite"));
    let junk = xdg.path().join("junk.sqlite");
    std::fs::write(&junk, "not a database at all, just text").unwrap();
    let out = report(xdg.path(), &["--workspace", junk.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("junk.sqlite") && err.contains("not a crosscheck workspace"),
        "{err}"
    );
    let out = report(xdg.path(), &["--format", "pdf"]);
    assert_eq!(out.status.code(), Some(2));
}

/// Every seed sentence marked with a long note: each report is far larger
/// than a pipe's buffer.
fn mark_every_sentence(xdg: &Path) {
    let corpus = Corpus::seeds();
    let mut s = Store::open(&xdg.join("crosscheck").join("seeds.sqlite")).unwrap();
    for d in &corpus.documents {
        for i in 0..d.sentences.len() {
            let t = target::sentence(&d.source, d.display_name(), d.sentence_text(i));
            s.set_status(&t, Status::False).unwrap();
            s.set_note(&t, &"a long note ".repeat(100)).unwrap();
        }
    }
}

#[test]
fn a_closed_pipe_ends_the_report_quietly_and_a_full_disk_is_an_error() {
    use std::io::Read;
    use std::process::Stdio;
    let xdg = tempfile::tempdir().unwrap();
    mark_every_sentence(xdg.path());
    for format in ["markdown", "csv", "json", "claimreview"] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["report", "--format", format])
            .env("XDG_DATA_HOME", xdg.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdout = child.stdout.take().unwrap();
        let mut first = [0u8; 16];
        stdout.read_exact(&mut first).unwrap();
        drop(stdout);
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{format}");

        let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
            continue;
        };
        let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["report", "--format", format])
            .env("XDG_DATA_HOME", xdg.path())
            .stdout(full)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("No space left on device"),
            "{format}"
        );
    }
}

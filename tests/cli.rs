//! The real binary: the CLI contract (output, JSON keys, exit codes).

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn crosscheck(args: &[&str]) -> Output {
    run(args, None)
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    // From a foreign directory: the bundled seeds must not depend on the cwd.
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .current_dir(dir.path())
        .env_remove("NO_COLOR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or_default()).unwrap();
    drop(pipe);
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn sources_lists_the_bundled_seeds() {
    let out = crosscheck(&["sources"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("SOURCE"));
    assert_eq!(lines.len(), 7, "{text}");
    assert!(lines[2].starts_with("001_43ad6872aaa5aaa8.txt  BBC"));
    assert!(lines[5].contains("UPI") && lines[5].contains("Nov. 6"));
    assert!(!text.contains('\x1b'), "piped output is plain");
    assert_eq!(stderr(&out), "");
}

#[test]
fn bare_command_without_a_terminal_says_what_to_do() {
    let out = crosscheck(&[]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the reader needs a terminal"),
        "{}",
        stderr(&out)
    );
    assert_eq!(stdout(&out), "");
}

#[test]
fn sources_json_has_the_contract_keys() {
    let out = crosscheck(&["sources", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), 5);
    for rec in arr {
        for key in ["source", "outlet", "title", "date", "sentences", "warnings"] {
            assert!(rec.get(key).is_some(), "missing {key} in {rec}");
        }
    }
    assert_eq!(arr[2]["outlet"], "ABC News");
    assert_eq!(arr[0]["outlet"], serde_json::Value::Null);
}

#[test]
fn missing_path_alone_exits_1_and_names_it() {
    let out = crosscheck(&["sources", "/nonexistent/article.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("error: /nonexistent/article.txt: no such file or directory"),
        "{err}"
    );
    assert!(err.contains("no documents loaded"), "{err}");
    assert_eq!(stdout(&out), "");
}

#[test]
fn missing_path_beside_a_good_one_still_loads_the_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Headline Of The Day\n\nGood body.").unwrap();
    let out = crosscheck(&[
        "sources",
        "--json",
        "/nonexistent/x.txt",
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stderr(&out).contains("/nonexistent/x.txt"));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["title"], "Headline Of The Day");
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(
        crosscheck(&["sources", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(
        crosscheck(&["sources", "--max-file-size", "lots"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn help_names_the_commands() {
    let out = crosscheck(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(text.contains("sources"));
    assert!(text.contains("Exit status"));
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = run(
        &["sources", "--json", "-"],
        Some(b"Stdin Headline Here\n\nFirst. Second."),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["source"], "-");
    assert_eq!(v[0]["title"], "Stdin Headline Here");
    assert_eq!(v[0]["sentences"], 3);
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("evil.txt");
    std::fs::write(
        &p,
        "Evil \x1b]0;owned\x07Title \x1b[2J\u{202e}Here\u{9b}31m\n\nBody \x1b]52;c;ZXZpbA==\x07text.",
    )
    .unwrap();
    for json in [false, true] {
        let mut args = vec!["sources", p.to_str().unwrap()];
        if json {
            args.push("--json");
        }
        let out = crosscheck(&args);
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(
            !text
                .chars()
                .any(|c| (c.is_control() && c != '\n') || c == '\u{202e}'),
            "{text:?}"
        );
        assert!(text.contains("Evil Title Here"), "{text}");
    }
}

#[test]
fn sources_lists_document_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("latin1.txt");
    std::fs::write(&p, b"Caf\xe9 Owners Protest\n\nBody.").unwrap();
    let out = crosscheck(&["sources", p.to_str().unwrap()]);
    assert!(stdout(&out).contains("warning: invalid UTF-8 at byte 3"));
    let out = crosscheck(&["sources", "--json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        v[0]["warnings"][0],
        "invalid UTF-8 at byte 3; decoded with replacement characters"
    );
}

fn json(args: &[&str]) -> serde_json::Value {
    let out = crosscheck(args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn figures_json_has_the_contract_keys_and_seed_values() {
    let v = json(&["figures", "--json"]);
    let arr = v.as_array().unwrap();
    for rec in arr {
        for key in [
            "source",
            "outlet",
            "line",
            "sentence",
            "text",
            "value",
            "low",
            "high",
            "qualifier",
            "unit",
            "measure",
            "claimer",
            "derived",
            "date",
            "url",
        ] {
            assert!(rec.get(key).is_some(), "missing {key} in {rec}");
        }
    }
    let find = |text: &str| {
        arr.iter()
            .find(|r| r["text"].as_str().unwrap().starts_with(text))
            .unwrap()
    };
    let pentagon = find("at least 10,000");
    assert_eq!(pentagon["qualifier"], "at_least");
    assert_eq!(pentagon["low"], 10000.0);
    assert_eq!(pentagon["high"], serde_json::Value::Null);
    assert_eq!(pentagon["claimer"], "the Pentagon");
    assert_eq!(pentagon["outlet"], "ABC News");
    assert_eq!(pentagon["line"], 5);
    let front = find("more than 900 miles");
    assert_eq!(
        (front["measure"].as_str(), front["unit"].as_str()),
        (Some("distance"), Some("mi"))
    );
    let derived = find("five units of roughly 3,000");
    assert_eq!(derived["derived"], true);
    assert_eq!(derived["value"], 15000.0);
}

#[test]
fn claims_json_has_the_contract_keys() {
    let v = json(&["claims", "--json"]);
    let arr = v.as_array().unwrap();
    assert!(arr.len() > 30);
    for rec in arr {
        for key in [
            "source", "outlet", "line", "sentence", "kinds", "claimer", "quotes", "figures",
            "date", "url",
        ] {
            assert!(rec.get(key).is_some(), "missing {key} in {rec}");
        }
        assert!(!rec["kinds"].as_array().unwrap().is_empty());
    }
    let page = arr
        .iter()
        .find(|r| {
            r["sentence"]
                .as_str()
                .unwrap()
                .starts_with("“The first battles with North Korean soldiers")
        })
        .unwrap();
    assert_eq!(page["claimer"], "Volodymyr Zelensky");
    assert_eq!(page["quotes"][0]["speaker"], "Volodymyr Zelensky");
    assert_eq!(page["kinds"], serde_json::json!(["quote", "attribution"]));
}

#[test]
fn search_json_is_ranked_with_indices() {
    let v = json(&["search", "pentagon at least", "--json", "--limit", "3"]);
    let arr = v.as_array().unwrap();
    assert!(!arr.is_empty() && arr.len() <= 3);
    assert!(
        arr[0]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("The Pentagon stated that at least 10,000")
    );
    for key in [
        "source", "outlet", "line", "sentence", "score", "indices", "date", "url",
    ] {
        assert!(arr[0].get(key).is_some(), "missing {key}");
    }
    let scores: Vec<i64> = arr.iter().map(|r| r["score"].as_i64().unwrap()).collect();
    assert!(
        scores.windows(2).all(|w| w[0] >= w[1]),
        "best first: {scores:?}"
    );
    let chars: Vec<char> = arr[0]["sentence"].as_str().unwrap().chars().collect();
    let first = arr[0]["indices"][0].as_u64().unwrap() as usize;
    assert_eq!(chars[first].to_ascii_lowercase(), 'p');
}

#[test]
fn search_people_output_names_file_and_line() {
    let out = crosscheck(&["search", "placed the estimate"]);
    assert_eq!(out.status.code(), Some(0));
    let first = stdout(&out).lines().next().unwrap().to_string();
    assert!(
        first.starts_with("004_e51b7a29b7724d29.txt:19: On Monday, Zelensky said"),
        "{first}"
    );
}

#[test]
fn figures_and_claims_reports_for_people() {
    let figures = stdout(&crosscheck(&["figures"]));
    assert!(figures.contains("ABC News  002_3b829d3d25381edc.txt"));
    assert!(
        figures
            .lines()
            .any(|l| l.contains("≥10,000") && l.contains("the Pentagon"))
    );
    assert!(
        figures
            .lines()
            .any(|l| l.contains("~15,000") && l.contains("troops (derived)"))
    );
    let claims = stdout(&crosscheck(&["claims"]));
    assert!(claims.contains("Jeon Ha-kyou (spokesman for South Korea's defense ministry)"));
    assert!(!claims.contains('\x1b'));
}

/// `figures` and `claims` stream their arrays from worker threads; the bytes
/// must still be one pretty-printed JSON value (two spaces a level), empty
/// arrays included.
#[test]
fn streamed_json_is_one_pretty_array() {
    for command in ["figures", "claims"] {
        let out = crosscheck(&[command, "--json"]);
        let text = stdout(&out);
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(value.as_array().unwrap().len() > 10, "{command}");
        assert!(text.starts_with("[\n  {\n    \"source\": "), "{command}");
        assert!(text.ends_with("\n  }\n]\n"), "{command}");
        let mut depth = 0usize;
        for line in text.lines() {
            let body = line.trim_start_matches(' ');
            if body.starts_with('}') || body.starts_with(']') {
                depth -= 1;
            }
            assert_eq!(line.len() - body.len(), 2 * depth, "{command}: {line:?}");
            if body.ends_with('{') || body.ends_with('[') {
                depth += 1;
            }
        }
        assert_eq!(depth, 0, "{command}");
        let empty = run(&[command, "--json", "-"], Some(b"Nothing to see here.\n"));
        assert_eq!(stdout(&empty), "[]\n", "{command}: {}", stderr(&empty));
    }
}

/// More files than one streaming chunk, one of them unreadable: every good
/// file's records come out in file order and the bad one is named on stderr.
#[test]
fn streamed_json_keeps_file_order_across_chunks() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..530 {
        let text = format!(
            "Police said {} people were hurt in town number {i}.\n",
            i + 2
        );
        std::fs::write(dir.path().join(format!("{i:04}.txt")), text).unwrap();
    }
    std::fs::write(dir.path().join("0300.txt"), b"\xff\xfe\x00binary").unwrap();
    let path = dir.path().to_str().unwrap();
    let out = crosscheck(&["figures", path, "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("0300.txt"), "{}", stderr(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let values: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["measure"] == "injured")
        .map(|r| r["value"].as_f64().unwrap())
        .collect();
    let want: Vec<f64> = (0..530)
        .filter(|&i| i != 300)
        .map(|i| (i + 2) as f64)
        .collect();
    assert_eq!(values, want);
}

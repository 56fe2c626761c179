//! The real binary in a real terminal (tmux), for issue 15: Esc never
//! quits and q does; the diff's conflicts filter; the reader's provenance
//! header for a Markdown front-matter, a JSON Lines and an HTML source; sorting the
//! sources by date; an exact-word finder query; `o` handing the URL to
//! `$BROWSER` as one argument, never through a shell. Every test waits for
//! the state it asserts: the app draws asynchronously.
//!
//! The corpora are our own (tests/fixtures/provenance, or written here).
//! Without tmux the tests are skipped with a message on stderr, unless
//! `CI=true`: then they fail.

mod common;

use common::tmux::{AFTER_EXIT, Tmux, require_tmux, sh_quote};
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provenance");

impl Tmux {
    /// Waits until the status line names `context` (" diff ", " sources ").
    fn wait_context(&self, context: &str) -> String {
        self.wait_until(context, |screen| {
            screen
                .lines()
                .rfind(|l| !l.trim().is_empty())
                .is_some_and(|l| l.starts_with(&format!(" {context} ")))
        })
    }

    /// Quits with q and checks the exit status and the terminal modes.
    fn quit_cleanly(&self) {
        self.key("q");
        let screen = self.wait_for("END");
        assert!(screen.contains("EXIT=0"), "{screen}");
        assert!(
            screen.contains("icanon echo"),
            "terminal modes restored:\n{screen}"
        );
    }
}

/// Starts the app in a fresh tmux server of 120×36 with `env` (NAME=value
/// pairs) and `args`; after it exits the pane shows its exit status, the
/// terminal modes and END.
fn start(name: &str, env: &[(&str, &str)], args: &[&str]) -> Tmux {
    let env: Vec<String> = env
        .iter()
        .map(|(k, v)| format!("{k}={}", sh_quote(v)))
        .collect();
    let args: Vec<String> = args.iter().map(|a| sh_quote(a)).collect();
    let script = format!(
        "{} {} {}; {AFTER_EXIT}",
        env.join(" "),
        sh_quote(env!("CARGO_BIN_EXE_crosscheck")),
        args.join(" ")
    );
    Tmux::launch(&format!("e2e15-{name}"), (120, 36), &script)
}

/// Esc quit the app from the claims pane and from a diff group's entries.
/// Now, from every pane and overlay, it closes or goes back and the app
/// keeps running; q quits at once.
#[test]
fn esc_never_quits_from_any_pane_or_overlay_and_q_quits() {
    require_tmux!();
    let tmux = start("esc", &[], &[]);
    tmux.wait_for("Sources (5)");
    tmux.key("Escape");
    tmux.wait_for("nothing to close here; q quits");

    tmux.key("2");
    tmux.wait_for("Claims › ");
    tmux.key("Escape");
    tmux.wait_context("sources");

    tmux.key("3");
    // The comparison runs in the background: Enter before it arrives
    // opens nothing.
    tmux.wait_for("≠ conflict");
    tmux.key("Enter");
    tmux.wait_for("Diff › Figures › North Korean troops");
    tmux.key("Escape");
    tmux.wait_until("the group left", |s| {
        s.contains("Diff › Figures") && !s.contains("› North Korean troops")
    });
    tmux.wait_context("diff");
    tmux.key("Escape");
    tmux.wait_context("sources");

    tmux.key("1");
    tmux.wait_context("reader");
    tmux.key("/");
    tmux.wait_context("prompt");
    tmux.key("Escape");
    tmux.wait_context("reader");
    tmux.key("Escape");
    tmux.wait_context("sources");

    tmux.key("f");
    tmux.wait_for("Find in all sources");
    tmux.key("Escape");
    tmux.wait_until("the finder closed", |s| !s.contains("Find in all sources"));

    tmux.key("?");
    tmux.wait_for(" Keys ");
    tmux.key("Escape");
    tmux.wait_until("the help closed", |s| !s.contains(" Keys "));

    tmux.key("Escape");
    let screen = tmux.wait_for("nothing to close here; q quits");
    assert!(screen.contains("Sources (5)"), "still running:\n{screen}");
    tmux.quit_cleanly();
}

#[test]
fn the_diff_filters_to_conflicts() {
    require_tmux!();
    let tmux = start("conflicts", &[], &[FIXTURES]);
    tmux.wait_for("Sources (4)");
    tmux.key("3");
    let screen = tmux.wait_for("= agree");
    assert!(screen.contains("≠ conflict"), "{screen}");
    tmux.key("c");
    let screen = tmux.wait_for("[conflicts only]");
    assert!(screen.contains("Diff › Figures › conflicts"), "{screen}");
    assert!(
        screen.contains("Figures 1/"),
        "the count follows:\n{screen}"
    );
    assert!(screen.contains("≠ conflict    displaced"), "{screen}");
    assert!(!screen.contains("= agree"), "{screen}");
    // The entries of the conflict: who said 120, who said 140, and when.
    tmux.key("Enter");
    let screen = tmux.wait_for("Diff › Figures › conflicts › displaced");
    assert!(
        screen.contains("Harbor Gazette 2031-03-04 L11")
            && screen.contains("Coast Wire     2031-03-02 L1"),
        "{screen}"
    );
    tmux.key("c");
    tmux.wait_until("all groups again", |s| s.contains("= agree"));
    tmux.quit_cleanly();
}

#[test]
fn the_reader_header_gives_outlet_date_and_url() {
    require_tmux!();
    let tmux = start("header", &[], &[FIXTURES]);
    tmux.wait_for("Sources (4)");
    // bulletin.txt, harbor.md, wire.jsonl#1, wire.jsonl#2.
    tmux.key("j");
    tmux.key("Enter");
    let screen = tmux.wait_for("Harbor Gazette · 2031-03-04 · by Mina Okafor · Ferry runs aground");
    assert!(
        screen.contains("https://news.example.org/harbor/ferry-aground"),
        "{screen}"
    );
    tmux.key("]");
    let screen = tmux.wait_for("Coast Wire · 2031-03-02 · Pell Island ferry stuck on sandbar");
    assert!(
        screen.contains("https://wire.example.net/2031/03/02/pell-ferry"),
        "{screen}"
    );
    // The second record of the same outlet tells itself apart by date and URL.
    tmux.key("]");
    let screen = tmux.wait_for("Coast Wire · 2031-03-06 · Pell Island ferry refloated");
    assert!(
        screen.contains("https://wire.example.net/2031/03/06/pell-ferry-refloated"),
        "{screen}"
    );
    tmux.quit_cleanly();
}

/// A saved page: outlet, date, author and URL from its metadata.
#[test]
fn the_reader_header_of_a_saved_html_page() {
    require_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("lantern.html");
    std::fs::write(
        &page,
        r#"<!DOCTYPE html>
<html><head>
<title>Ferry inspection begins | Lantern Post</title>
<meta property="og:site_name" content="Lantern Post">
<meta property="og:title" content="Ferry inspection begins at Pell Island dry dock">
<meta property="og:url" content="https://lantern.example.com/2031/03/10/ferry-inspection">
<meta property="article:published_time" content="2031-03-10T08:00:00Z">
<meta name="author" content="Tomas Varga">
</head><body>
<nav><a href="/">Home</a></nav>
<article>
<h1>Ferry inspection begins at Pell Island dry dock</h1>
<p>Inspectors began examining the hull of the ferry Northern Tern on Monday, a week after it ran aground with 130 passengers on board, the operator said.</p>
<p>The inspection is expected to last about two weeks, the operator added, and the ferry route will be served by a smaller vessel in the meantime.</p>
</article>
<footer>Back to top</footer>
</body></html>
"#,
    )
    .unwrap();
    let tmux = start("html", &[], &[&page.display().to_string()]);
    tmux.wait_for("Sources (1)");
    tmux.key("Enter");
    let screen = tmux.wait_for("Lantern Post · 2031-03-10 · by Tomas Varga · Ferry inspection");
    assert!(
        screen.contains("https://lantern.example.com/2031/03/10/ferry-inspection"),
        "{screen}"
    );
    tmux.quit_cleanly();
}

#[test]
fn sources_sort_by_date() {
    require_tmux!();
    let tmux = start("sort", &[], &[FIXTURES]);
    tmux.wait_for("Sources (4)");
    tmux.key("S");
    let screen = tmux.wait_for("Sources (4) › by date");
    // The sources column only (36 wide at 120 columns): the reader's
    // title names the open source.
    let column: String = screen
        .lines()
        .map(|l| l.chars().take(36).collect::<String>() + "\n")
        .collect();
    let at = |needle: &str| {
        column
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} not shown:\n{screen}"))
    };
    assert!(at("2031-03-02") < at("2031-03-04"), "{screen}");
    assert!(at("2031-03-04") < at("2031-03-06"), "{screen}");
    assert!(
        at("2031-03-06") < at("bulletin.txt"),
        "undated last:\n{screen}"
    );
    tmux.quit_cleanly();
}

/// "units" typed plainly matches fuzzily (u…n…i…t…s); `'units'` only the
/// sentences that hold the word.
#[test]
fn an_exact_word_finder_query() {
    require_tmux!();
    let tmux = start("exact", &[], &[]);
    tmux.wait_for("Sources (5)");
    tmux.key("f");
    tmux.wait_for("Find in all sources");
    tmux.text("units");
    let fuzzy = tmux.wait_for(" 67 hits ");
    assert!(fuzzy.contains("> units"), "{fuzzy}");
    tmux.key("C-u");
    tmux.text("'units'");
    let screen = tmux.wait_for(" 7 hits ");
    let hits: Vec<&str> = screen
        .lines()
        .skip_while(|l| !l.contains("> 'units'"))
        .skip(1)
        .take(7)
        .collect();
    assert!(
        hits.iter().all(|l| l.contains("units")),
        "every hit holds the word:\n{screen}"
    );
    tmux.key("Enter");
    tmux.wait_until("the jump to a sentence with the word", |s| {
        s.lines()
            .filter(|l| l.contains("▌ "))
            .any(|l| l.contains("units"))
    });
    tmux.quit_cleanly();
}

/// `o` gives the URL to `$BROWSER` as one argument: a URL full of shell
/// syntax reaches the program whole and runs nothing.
#[test]
fn o_hands_the_url_to_the_browser_as_one_argument() {
    require_tmux!();
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("browser-args");
    let browser = dir.path().join("browser.sh");
    std::fs::write(
        &browser,
        format!(
            "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" > {}\n",
            sh_quote(&record.display().to_string())
        ),
    )
    .unwrap();
    Command::new("chmod")
        .arg("+x")
        .arg(&browser)
        .status()
        .unwrap();
    let pwned = dir.path().join("pwned");
    let url = format!(
        "https://news.example.org/a?x=1&y=$(touch${{IFS}}{});z=`touch${{IFS}}{}`",
        pwned.display(),
        pwned.display()
    );
    let article = dir.path().join("article.md");
    std::fs::write(
        &article,
        format!(
            "---\ntitle: Ferry inquiry opens\nsource: Harbor Gazette\nurl: \"{url}\"\ndate: 2031-03-09\n---\n\nAn inquiry into the grounding of the ferry opened on Monday, the port authority said.\n"
        ),
    )
    .unwrap();
    let tmux = start(
        "browser",
        &[("BROWSER", &browser.display().to_string())],
        &[&article.display().to_string()],
    );
    tmux.wait_for("Sources (1)");
    tmux.key("o");
    tmux.wait_for("opening https://news.example.org/a?x=1");
    let start = Instant::now();
    while !record.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the browser never ran"
        );
        sleep(Duration::from_millis(50));
    }
    sleep(Duration::from_millis(200));
    let recorded = std::fs::read_to_string(&record).unwrap();
    assert_eq!(recorded, format!("1\n{url}\n"));
    assert!(!Path::new(&pwned).exists(), "no shell ran the URL");
    // The app runs on, its screen whole.
    tmux.key("1");
    let screen = tmux.wait_for("Harbor Gazette · 2031-03-09");
    assert!(screen.contains("Sources (1)"), "{screen}");
    tmux.quit_cleanly();
}

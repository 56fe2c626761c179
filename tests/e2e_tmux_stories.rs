//! The real binary in a real terminal (tmux), for the rest of issue 15:
//! the first screen shows where the outlets differ without a key press; the
//! stories pane filters the app to one story; a source moved to a story of
//! its own is kept in the workspace and still moved after quit and reopen;
//! the claims pane filters to the claims in a disagreement and by measure.
//! Every test waits for the state it asserts: the app draws asynchronously.
//!
//! The corpora are the bundled seeds and our own sentences (written here).
//! The workspace is in a temporary XDG_DATA_HOME (the harness's). Without
//! tmux the tests are skipped with a message on stderr, unless `CI=true`.

mod common;

use common::tmux::{AFTER_EXIT, Tmux, require_tmux, sh_quote};
use std::path::Path;

/// Starts the app in a fresh tmux server of 120×36 on `args`; after it
/// exits the pane shows its exit status, the terminal modes and END.
fn start(name: &str, args: &[&str]) -> Tmux {
    let args: Vec<String> = args.iter().map(|a| sh_quote(a)).collect();
    let script = format!(
        "{} {}; {AFTER_EXIT}",
        sh_quote(env!("CARGO_BIN_EXE_crosscheck")),
        args.join(" ")
    );
    Tmux::launch(&format!("e2e15s-{name}"), (120, 36), &script)
}

fn quit_cleanly(tmux: &Tmux) {
    tmux.key("q");
    let screen = tmux.wait_for("END");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(
        screen.contains("icanon echo"),
        "terminal modes restored:\n{screen}"
    );
}

/// Two reports of a flood in an invented town and one of a bridge opening
/// elsewhere: two stories.
fn write_corpus(dir: &Path) {
    let files = [
        (
            "flood-a.txt",
            "Flood in Varnholt\n\nThe river Ossel burst its banks in Varnholt on Monday. \
             Officials said 40 homes were flooded in the lower town. \
             The mayor of Varnholt, Ilse Brandauer, said pumps were on the way.\n",
        ),
        (
            "flood-b.txt",
            "Varnholt under water\n\nFloodwater from the Ossel covered the lower town of \
             Varnholt on Monday. Officials said 55 homes were flooded. \
             Mayor Ilse Brandauer asked for pumps from the region.\n",
        ),
        (
            "bridge.txt",
            "New bridge opens in Quellmark\n\nA footbridge over the canal in Quellmark \
             opened on Saturday after two years of work. The city said it cost 4 million \
             euros. Cyclists crossed it first.\n",
        ),
    ];
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

/// The first screen used to be the first article; a checker had to know
/// to press 3 to see where the outlets differ.
#[test]
fn the_first_screen_shows_the_story_and_its_conflicts() {
    require_tmux!();
    let tmux = start("first", &[]);
    let screen = tmux.wait_all(&["Sources (5)", "≠ conflict", "Story: "]);
    assert!(screen.contains("[3 Diff]"), "{screen}");
    assert!(screen.contains("5 sources · 2 disagreements"), "{screen}");
    // The conflict is the first row; the reader is one key away.
    let first_row = screen
        .lines()
        .find(|l| l.contains("≠ conflict") || l.contains("= agree"))
        .unwrap();
    assert!(first_row.contains("North Korean troops"), "{screen}");
    tmux.key("Enter");
    tmux.wait_for("Reader › 000_41db1b6327612eac.txt");
    quit_cleanly(&tmux);
}

#[test]
fn a_story_filter_narrows_sources_and_diff() {
    require_tmux!();
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let tmux = start("filter", &[dir.path().to_str().unwrap()]);
    tmux.wait_all(&["Sources (3)", "2 stories"]);
    tmux.key("4");
    tmux.wait_for("All stories (2)");
    // The last row is the bridge report, in the second story.
    tmux.key("G");
    tmux.key("Enter");
    let screen = tmux.wait_for("Sources (1/3) › S2");
    // The sources pane (the left 36 columns) lists the bridge report only.
    let left: String = screen
        .lines()
        .map(|l| l.chars().take(36).collect::<String>() + "\n")
        .collect();
    assert!(left.contains("bridge.txt"), "{screen}");
    assert!(!left.contains("flood"), "{screen}");
    tmux.key("3");
    let screen = tmux.wait_for("S2 of 2: New bridge opens in Quellmark");
    assert!(screen.contains("Diff › S2 › Figures"), "{screen}");
    assert!(!screen.contains("homes"), "{screen}");
    // Enter on "all stories" shows every source again.
    tmux.key("4");
    tmux.key("g");
    tmux.key("Enter");
    tmux.wait_for("Sources (3)");
    quit_cleanly(&tmux);
}

#[test]
fn a_moved_source_stays_moved_after_quit_and_reopen() {
    require_tmux!();
    let dir = tempfile::tempdir().unwrap();
    write_corpus(dir.path());
    let corpus = dir.path().to_str().unwrap();
    let tmux = start("move", &[corpus]);
    tmux.wait_all(&["Sources (3)", "2 stories"]);
    tmux.key("4");
    tmux.wait_for("All stories (2)");
    // Rows: all, S1, flood-a, flood-b, S2, bridge. d on flood-b: a story
    // of its own.
    for _ in 0..3 {
        tmux.key("j");
    }
    tmux.key("d");
    let screen = tmux.wait_all(&["All stories (3)", "1 story edit kept"]);
    assert!(screen.contains("compared in 3 stories"), "{screen}");
    quit_cleanly(&tmux);
    drop(tmux);

    let tmux = start("move-again", &[corpus]);
    tmux.wait_for("3 stories");
    tmux.key("4");
    tmux.wait_all(&["All stories (3)", "1 story edit kept"]);
    // u takes it back, and that is kept too.
    tmux.key("u");
    tmux.wait_for("All stories (2)");
    quit_cleanly(&tmux);
    drop(tmux);
    let tmux = start("move-undone", &[corpus]);
    tmux.wait_for("2 stories");
    quit_cleanly(&tmux);
}

#[test]
fn the_claims_filter_to_disagreements_and_a_measure() {
    require_tmux!();
    let tmux = start("claims", &[]);
    tmux.wait_for("≠ conflict");
    tmux.key("2");
    tmux.key("a");
    let screen = tmux.wait_for("all sources · all kinds · ");
    let count = |screen: &str, after: &str| -> usize {
        let line = screen.lines().find(|l| l.contains(after)).unwrap();
        let tail = &line[line.find(after).unwrap() + after.len()..];
        tail.trim_start()
            .split(|c: char| !c.is_ascii_digit())
            .next()
            .unwrap()
            .parse()
            .unwrap()
    };
    let all = count(&screen, "all kinds · ");
    tmux.key("c");
    let screen = tmux.wait_for("all kinds · disagreements · ");
    let disagreeing = count(&screen, "disagreements · ");
    assert!(0 < disagreeing && disagreeing < all, "{screen}");
    assert!(
        screen.contains("Claims › all sources › disagreements"),
        "{screen}"
    );
    tmux.key("m");
    let screen = tmux.wait_for("· measure: ");
    assert!(screen.contains("troops"), "{screen}");
    tmux.key("c");
    tmux.key("m");
    tmux.wait_until("the measure filter steps on", |s| {
        s.contains("· measure: ") && !s.contains("disagreements")
    });
    quit_cleanly(&tmux);
}

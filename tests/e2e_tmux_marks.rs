//! Issue 16 end to end, the real binary in a real terminal (tmux): mark
//! the troops group `disputed` with a note, quit, open the app again and
//! see both, then export the report and find it where the app says.
//! Without tmux the test is skipped with a message on stderr, unless
//! `CI=true`: then it fails.

mod common;

use common::tmux::{AFTER_EXIT, Tmux, require_tmux, sh_quote};
use std::path::Path;

impl Tmux {
    /// Quits with q and checks the exit status.
    fn quit_cleanly(&self) {
        self.key("q");
        let screen = self.wait_for("END");
        assert!(screen.contains("EXIT=0"), "{screen}");
    }
}

/// The app on the seeds in a fresh tmux server of 120×36, its data in
/// `data_home`; after it exits the pane shows its exit status and END.
fn start(name: &str, data_home: &Path) -> Tmux {
    let script = format!(
        "XDG_DATA_HOME={} {}; {AFTER_EXIT}",
        sh_quote(&data_home.display().to_string()),
        sh_quote(env!("CARGO_BIN_EXE_crosscheck")),
    );
    Tmux::launch(&format!("e2e16-{name}"), (120, 36), &script)
}

#[test]
fn a_group_marked_disputed_with_a_note_is_there_after_a_restart_and_exported() {
    require_tmux!();
    let data = tempfile::tempdir().unwrap();
    let tmux = start("mark", data.path());
    tmux.wait_for("Sources (5)");
    tmux.key("3");
    tmux.wait_for("≠ conflict    North Korean troops");
    // unchecked → confirmed → disputed
    tmux.key("M");
    tmux.wait_for("North Korean troops: confirmed");
    tmux.key("M");
    tmux.wait_for("≠ conflict  ! North Korean troops");
    tmux.key("A");
    tmux.wait_for("note:");
    tmux.text("Pentagon 10,000 vs Kyiv 11,000");
    tmux.key("Enter");
    tmux.wait_for("note saved");
    tmux.quit_cleanly();
    drop(tmux);

    let store = data.path().join("crosscheck").join("seeds.sqlite");
    assert!(
        store.exists(),
        "the store lives under $XDG_DATA_HOME/crosscheck"
    );

    let tmux = start("reopen", data.path());
    tmux.wait_for("Sources (5)");
    tmux.key("3");
    tmux.wait_all(&[
        "≠ conflict  ! North Korean troops",
        "! disputed · Pentagon 10,000 vs Kyiv 11,000",
    ]);
    tmux.key("X");
    let report = data.path().join("crosscheck").join("seeds.report.md");
    tmux.wait_for("report written to");
    tmux.quit_cleanly();
    let text = std::fs::read_to_string(&report).unwrap();
    assert!(text.contains("## 1. North Korean troops — figure group, conflict"));
    assert!(text.contains("- Status: **disputed**"));
    assert!(text.contains("- Note: Pentagon 10,000 vs Kyiv 11,000"));
}

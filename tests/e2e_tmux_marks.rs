//! Issue 16 end to end, the real binary in a real terminal (tmux): mark
//! the troops group `disputed` with a note, quit, open the app again and
//! see both, then export the report and find it where the app says.
//! Without tmux the test is skipped with a message on stderr, unless
//! `CI=true`: then it fails.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn key(&self, key: &str) {
        self.run(&["send-keys", "-t", "e2e", key]);
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn wait_for(&self, needle: &str) -> String {
        self.wait_all(&[needle])
    }

    /// Waits until the screen shows all of `needles` at once (a capture
    /// can catch a frame half drawn).
    fn wait_all(&self, needles: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if needles.iter().all(|n| screen.contains(n)) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {needles:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn quit_cleanly(&self) {
        self.key("q");
        let screen = self.wait_for("END");
        assert!(screen.contains("EXIT=0"), "{screen}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

fn tmux_available() -> bool {
    let found = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if found {
        return true;
    }
    assert!(
        std::env::var("CI").as_deref() != Ok("true"),
        "CI=true but tmux is not installed (.ci/run installs it)"
    );
    let _ = writeln!(
        std::io::stderr(),
        "skipping the tmux end-to-end test: tmux is not installed (with CI=true this fails)"
    );
    false
}

fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The app on the seeds in a fresh tmux server of 120×36, its data in
/// `data_home`; after it exits the pane shows its exit status and END.
fn start(name: &str, data_home: &Path) -> Tmux {
    let tmux = Tmux {
        socket: format!("crosscheck-e2e16-{name}-{}", std::process::id()),
    };
    let script = format!(
        "XDG_DATA_HOME={} {}; echo EXIT=$?; echo END; sleep 60",
        sh_quote(&data_home.display().to_string()),
        sh_quote(env!("CARGO_BIN_EXE_crosscheck")),
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "120",
        "-y",
        "36",
        "sh",
        "-c",
        &script,
    ]);
    tmux
}

#[test]
fn a_group_marked_disputed_with_a_note_is_there_after_a_restart_and_exported() {
    if !tmux_available() {
        return;
    }
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

//! The real binary in a real terminal: each test drives its own tmux server
//! (`-L` socket), reads the screen with `capture-pane` and waits for the
//! state it asserts, since the app draws asynchronously.
//!
//! Without tmux a test is skipped with a message on stderr (`require_tmux!`),
//! unless `CI=true` (`.ci/run` sets it and installs tmux): then it fails.

// Each end-to-end file uses part of this.
#![allow(dead_code)]

use std::io::Write as _;
use std::path::Path;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

/// How long a wait for the screen may take before the test fails.
const PATIENCE: Duration = Duration::from_secs(30);

/// One tmux server of a test, with one session named `e2e`; killed on drop.
pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// Starts a server on the socket `crosscheck-{name}-{pid}` whose one
    /// pane of `cols`×`rows` runs the `sh` script.
    pub fn launch(name: &str, (cols, rows): (u16, u16), script: &str) -> Tmux {
        let tmux = Tmux {
            socket: format!("crosscheck-{name}-{}", std::process::id()),
        };
        let (cols, rows) = (cols.to_string(), rows.to_string());
        tmux.run(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &cols,
            "-y",
            &rows,
            "sh",
            "-c",
            script,
        ]);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        // The server, started by the first call, hands this to the app:
        // its workspace store goes to a temporary folder, never the home.
        let out = Command::new("tmux")
            .env("XDG_DATA_HOME", data_home())
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (.ci/run installs it)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    pub fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Sends one key: a tmux key name such as `Escape` or `Enter`, or a
    /// character.
    pub fn key(&self, key: &str) {
        self.run(&["send-keys", "-t", "e2e", key]);
    }

    /// Types `text` as it is.
    pub fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_all(&[needle])
    }

    /// Waits until the screen shows all of `needles` at once (a capture
    /// can catch a frame half drawn).
    pub fn wait_all(&self, needles: &[&str]) -> String {
        self.wait_until(&format!("{needles:?}"), |screen| {
            needles.iter().all(|n| screen.contains(n))
        })
    }

    pub fn wait_until(&self, what: &str, done: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        // No panic here: it would abort a test that is already failing.
        let _ = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .arg("kill-server")
            .output();
    }
}

/// Whether the tests can run: tmux is installed. Without it the test is
/// skipped, with the reason on stderr (written past the test harness's
/// capture, so `cargo test` shows it), unless `CI=true`.
pub fn tmux_available() -> bool {
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

/// Skips the test (returns) when tmux is missing and CI is not set.
#[allow(unused_macros)]
macro_rules! require_tmux {
    () => {
        if !$crate::common::tmux::tmux_available() {
            return;
        }
    };
}
#[allow(unused_imports)]
pub(crate) use require_tmux;

/// A data folder for this test process's apps, in the temporary folder.
pub fn data_home() -> &'static Path {
    static DIR: std::sync::OnceLock<tempfile::TempDir> = std::sync::OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().expect("a temporary folder"))
        .path()
}

/// Quotes a word for the `sh -c` script that runs the app in the pane.
pub fn sh_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// The script's tail after the app: its exit status, the terminal modes
/// (`icanon echo` when restored) and END, then a pause so the pane stays.
pub const AFTER_EXIT: &str = "echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo END; sleep 60";

//! The real binary in a real terminal (tmux): open, search, jump, help,
//! quit. The process must exit 0 and leave the terminal as it found it.

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

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn text(&self, text: &str) {
        self.run(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// Waits until the screen shows `needle` (the app draws asynchronously).
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{screen}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.run(&["kill-server"]);
    }
}

#[test]
fn open_search_jump_help_quit() {
    let tmux = Tmux {
        socket: format!("crosscheck-e2e-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    // After the app exits, report its status and the terminal modes.
    let script = format!(
        "{bin}; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo END; sleep 60"
    );
    tmux.run(&[
        "new-session",
        "-d",
        "-s",
        "e2e",
        "-x",
        "100",
        "-y",
        "30",
        "sh",
        "-c",
        &script,
    ]);

    let screen = tmux.wait_for("Sources (5)");
    assert!(
        screen.contains("Ukraine Announces First Direct Clashes"),
        "{screen}"
    );

    tmux.keys(&["f"]);
    tmux.wait_for("Find in all sources");
    tmux.text("placed the estimate");
    let screen = tmux.wait_for(" hits ");
    let first_hit = screen
        .lines()
        .find(|l| l.contains("> placed the estimate"))
        .and_then(|_| {
            let lines: Vec<&str> = screen.lines().collect();
            let at = lines
                .iter()
                .position(|l| l.contains("> placed the estimate"))?;
            lines.get(at + 1).copied()
        });
    assert!(first_hit.is_some_and(|l| l.contains("UPI")), "{screen}");

    tmux.keys(&["Enter"]);
    let screen = tmux.wait_for("▌ ");
    assert!(!screen.contains("Find in all sources"), "{screen}");
    let marked: Vec<&str> = screen.lines().filter(|l| l.contains("▌ ")).collect();
    assert!(
        marked
            .iter()
            .any(|l| l.contains("placed the estimate") || l.contains("Matthew")),
        "the jumped-to sentence is marked:\n{screen}"
    );

    tmux.keys(&["?"]);
    tmux.wait_for("fuzzy-find in all sources");
    tmux.keys(&["q"]);
    tmux.keys(&["q"]);
    // END comes after the exit status and the terminal modes are printed.
    let screen = tmux.wait_for("END");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert!(
        screen.contains("icanon echo"),
        "terminal modes restored:\n{screen}"
    );
    assert!(
        !screen.contains("Sources (5)"),
        "the alternate screen is gone:\n{screen}"
    );
}

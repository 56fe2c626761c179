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

/// Starts the app in a fresh tmux server, with `env` before the command;
/// after it exits the pane shows its exit status, the terminal modes and END.
fn start(name: &str, env: &str) -> Tmux {
    let tmux = Tmux {
        socket: format!("crosscheck-e2e-{name}-{}", std::process::id()),
    };
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    let script = format!(
        "{env} {bin}; echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo END; sleep 60"
    );
    let size = ["-x", "100", "-y", "30"];
    let mut args = vec!["new-session", "-d", "-s", "e2e"];
    args.extend(size);
    args.extend(["sh", "-c", &script]);
    tmux.run(&args);
    tmux
}

fn assert_restored(screen: &str) {
    assert!(
        screen.contains("icanon echo"),
        "terminal modes restored:\n{screen}"
    );
    assert!(
        !screen.contains("Sources (5)"),
        "the alternate screen is gone:\n{screen}"
    );
}

#[test]
fn a_panic_on_the_ui_thread_restores_the_terminal() {
    let tmux = start("ui-panic", "CROSSCHECK_PANIC=ui");
    let screen = tmux.wait_for("END");
    assert!(screen.contains("injected panic (ui)"), "{screen}");
    assert!(screen.contains("EXIT=101"), "{screen}");
    assert_restored(&screen);
}

#[test]
fn a_panic_on_a_worker_exits_cleanly_and_reports_it() {
    let tmux = start("worker-panic", "CROSSCHECK_PANIC=worker");
    let screen = tmux.wait_for("END");
    assert!(
        screen.contains("internal error in a background task, please report it"),
        "{screen}"
    );
    assert!(screen.contains("EXIT=1"), "{screen}");
    assert_restored(&screen);
}

#[test]
fn open_search_jump_help_quit() {
    let tmux = start("main", "");
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

//! The real binary in a real terminal (tmux): open, search, jump, help,
//! quit. The process must exit 0 and leave the terminal as it found it,
//! after a panic and after a signal too.
//!
//! Without tmux the tests are skipped with a message on stderr, unless
//! `CI=true` (`.ci/run` sets it and installs tmux): then they fail.

mod common;

use common::tmux::{AFTER_EXIT, Tmux, require_tmux};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

impl Tmux {
    /// Waits until a line of the screen ends with `tail` and is not the
    /// shell's command line (which starts with the prompt, "$ ").
    fn wait_for_output(&self, tail: &str) -> String {
        self.wait_until(tail, |screen| {
            screen
                .lines()
                .any(|l| l.trim_end().ends_with(tail) && !l.starts_with("$ "))
        })
    }

    /// The process id of the program the pane's shell started (the app).
    fn app_pid(&self) -> u32 {
        let shell: u32 = self
            .run(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
            .trim()
            .parse()
            .expect("tmux reports the pane's pid");
        let start = Instant::now();
        loop {
            if let Some(pid) = child_of(shell) {
                return pid;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "no child of the pane's shell {shell}"
            );
            sleep(Duration::from_millis(50));
        }
    }
}

/// A child process of `parent`, from /proc.
fn child_of(parent: u32) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
        // "pid (comm) state ppid ...": comm may hold spaces and parentheses.
        let after = &stat[stat.rfind(')')? + 1..];
        let ppid: u32 = after.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == parent).then_some(pid)
    })
}

fn kill(pid: u32, signal: &str) {
    let status = Command::new("kill")
        .args([&format!("-{signal}"), &pid.to_string()])
        .status()
        .expect("kill runs");
    assert!(status.success(), "kill -{signal} {pid}");
}

/// Starts the app in a fresh tmux server of 100×30, with `env` before the
/// command; after it exits the pane shows its exit status, the terminal
/// modes and END.
fn start(name: &str, env: &str) -> Tmux {
    let bin = env!("CARGO_BIN_EXE_crosscheck");
    Tmux::launch(
        &format!("e2e-{name}"),
        (100, 30),
        &format!("{env} {bin}; {AFTER_EXIT}"),
    )
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
    require_tmux!();
    let tmux = start("ui-panic", "CROSSCHECK_PANIC=ui");
    let screen = tmux.wait_for("END");
    assert!(screen.contains("injected panic (ui)"), "{screen}");
    assert!(screen.contains("EXIT=101"), "{screen}");
    assert_restored(&screen);
}

#[test]
fn a_panic_on_a_worker_exits_cleanly_and_reports_it() {
    require_tmux!();
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
    require_tmux!();
    let tmux = start("main", "");
    // The first screen: the sources beside the diff, its conflict first.
    tmux.wait_all(&["Sources (5)", "≠ conflict    North Korean troops"]);

    tmux.key("f");
    tmux.wait_for("Find in all sources");
    tmux.text("placed the estimate");
    // Hits arrive as the search runs: wait for the best one to be UPI's.
    let first_hit = |screen: &str| -> Option<String> {
        let lines: Vec<&str> = screen.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.contains("> placed the estimate"))?;
        lines.get(at + 1).map(|l| l.to_string())
    };
    let screen = tmux.wait_until("UPI's hit first", |screen| {
        screen.contains(" hits ") && first_hit(screen).is_some_and(|l| l.contains("UPI"))
    });
    assert!(
        first_hit(&screen).is_some_and(|l| l.contains("UPI")),
        "{screen}"
    );

    tmux.key("Enter");
    // The app draws asynchronously: a frame may show a mark before the jump
    // lands, so wait for the jumped-to sentence to be the marked one.
    let screen = tmux.wait_until("the jumped-to sentence marked", |screen| {
        screen
            .lines()
            .filter(|l| l.contains("▌ "))
            .any(|l| l.contains("placed the estimate") || l.contains("Matthew"))
    });
    assert!(!screen.contains("Find in all sources"), "{screen}");

    tmux.key("?");
    tmux.wait_for("fuzzy-find in all sources");
    tmux.key("q");
    tmux.key("q");
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

/// SIGTERM, SIGHUP and SIGINT (`kill`, `timeout`, a closed terminal) used
/// to end the app with the terminal raw and on the alternate screen.
fn a_signal_restores_the_terminal(signal: &str, status: u8) {
    let tmux = start(&format!("signal-{signal}"), "");
    tmux.wait_for("Sources (5)");
    kill(tmux.app_pid(), signal);
    let screen = tmux.wait_for("END");
    assert!(screen.contains(&format!("EXIT={status}")), "{screen}");
    assert_restored(&screen);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    require_tmux!();
    a_signal_restores_the_terminal("TERM", 143);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    require_tmux!();
    a_signal_restores_the_terminal("HUP", 129);
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    require_tmux!();
    a_signal_restores_the_terminal("INT", 130);
}

/// SIGTSTP used to stop the app on the alternate screen in raw mode, and
/// `fg` did not take the terminal back or redraw.
#[test]
fn sigtstp_gives_the_terminal_back_and_fg_takes_it_again() {
    require_tmux!();
    // An interactive shell, for job control.
    let tmux = Tmux::launch(
        "e2e-tstp",
        (160, 30),
        "PS1='$ ' exec bash --norc --noprofile -i",
    );
    tmux.text(env!("CARGO_BIN_EXE_crosscheck"));
    tmux.key("Enter");
    tmux.wait_for("Sources (5)");
    kill(tmux.app_pid(), "TSTP");
    tmux.wait_for("Stopped");
    tmux.text(
        "stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo MODES",
    );
    tmux.key("Enter");
    let screen = tmux.wait_for_output(" MODES");
    assert_restored(&screen);

    tmux.text("fg");
    tmux.key("Enter");
    // Redrawn whole, and in raw mode again: `?` arrives without Enter.
    tmux.wait_for("Sources (5)");
    tmux.key("?");
    tmux.wait_for("fuzzy-find in all sources");
    tmux.key("q");
    tmux.key("q");
    // Type only once the shell has the terminal again: the app would read
    // the keys.
    tmux.wait_until("the prompt", |screen| {
        !screen.contains("Sources (") && screen.lines().rfind(|l| !l.trim().is_empty()) == Some("$")
    });
    tmux.text("echo EXIT=$?; stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' '; echo END");
    tmux.key("Enter");
    let screen = tmux.wait_for_output(" END");
    assert!(screen.contains("EXIT=0"), "{screen}");
    assert_restored(&screen);
}

/// `cargo test --locked` failed on a machine without tmux: the tests now
/// skip with a reason there, but fail under `CI=true`, where tmux must be.
/// Runs one test of this binary again with a PATH that finds no tmux.
#[test]
fn without_tmux_the_tests_skip_unless_ci_is_set() {
    let exe = std::env::current_exe().expect("the test binary");
    let no_tools = tempfile::tempdir().unwrap();
    let run = |ci: Option<&str>| {
        let mut cmd = Command::new(&exe);
        cmd.args(["--exact", "open_search_jump_help_quit", "--test-threads=1"])
            .env("PATH", no_tools.path())
            .env_remove("CI");
        if let Some(ci) = ci {
            cmd.env("CI", ci);
        }
        cmd.output().expect("the test binary runs")
    };
    let skipped = run(None);
    let stderr = String::from_utf8_lossy(&skipped.stderr);
    let stdout = String::from_utf8_lossy(&skipped.stdout);
    assert!(skipped.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("1 passed"), "{stdout}");
    assert!(
        stderr.contains("skipping the tmux end-to-end test: tmux is not installed"),
        "{stderr}"
    );

    let ci = run(Some("true"));
    let stdout = String::from_utf8_lossy(&ci.stdout);
    assert!(!ci.status.success(), "{stdout}");
    assert!(
        stdout.contains("CI=true but tmux is not installed"),
        "{stdout}"
    );
}

/// A keymap with no way out used to start the app, which then could only
/// be killed: it is refused before the terminal is touched, naming the
/// file, with status 1 (an error in a file, not in the command line).
#[test]
fn a_keymap_with_no_way_out_does_not_start() {
    require_tmux!();
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("crosscheck");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), "[keys.global]\nquit = []\n").unwrap();
    let tmux = start(
        "config-trap",
        &format!("XDG_CONFIG_HOME={}", home.path().display()),
    );
    let screen = tmux.wait_for("END");
    assert!(screen.contains("EXIT=1"), "{screen}");
    // The message wraps at the pane's width.
    assert!(
        screen
            .replace('\n', "")
            .contains("config.toml: [keys]: `quit` in [keys.global] has no key"),
        "{screen}"
    );
    assert_restored(&screen);
}

//! The terminal while the app owns it, and the signals that take it away.
//!
//! SIGTERM, SIGHUP and SIGINT (`kill`, `timeout`, a closed terminal) restore
//! the terminal as the panic path does and exit with 128 + the signal's
//! number. SIGTSTP restores it and stops the process; SIGCONT (`fg`) takes
//! it back and asks for a full redraw. A thread of its own waits for the
//! signals; it and the UI thread take [`lock`] before they touch the
//! terminal, so a restore never lands in the middle of a frame.

use crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// Whether the app has the terminal (raw mode, alternate screen), and with
/// the mouse captured.
#[derive(Debug, Default)]
pub struct State {
    active: bool,
    mouse: bool,
}

static STATE: Mutex<State> = Mutex::new(State {
    active: false,
    mouse: false,
});

/// Set when the terminal was taken back after a stop: the screen must be
/// cleared and drawn whole.
static REDRAW: AtomicBool = AtomicBool::new(false);

/// The terminal, held while writing to it. A panic while it was held does
/// not make it unusable: the state is two flags.
pub fn lock() -> MutexGuard<'static, State> {
    STATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts handling the signals for a terminal the app has just taken
/// (ratatui's `init`): raw mode and the alternate screen are on, and the
/// mouse is captured if `mouse`.
pub fn install(mouse: bool) -> std::io::Result<()> {
    {
        let mut state = lock();
        state.active = true;
        state.mouse = mouse;
    }
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])?;
    std::thread::Builder::new()
        .name("crosscheck-signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                on_signal(signal);
            }
        })?;
    Ok(())
}

fn on_signal(signal: i32) {
    let state = lock();
    match signal {
        SIGTSTP => {
            // Stopped with the lock held: the UI thread cannot draw on the
            // restored terminal until it is taken back.
            if state.active {
                restore(&state);
            }
            let _ = signal_hook::low_level::emulate_default_handler(SIGTSTP);
            if state.active {
                take_back(&state);
            }
        }
        // A stop that was not ours (SIGSTOP) or a shell that reset the
        // modes: take the terminal back whatever it looks like.
        SIGCONT => {
            if state.active {
                take_back(&state);
            }
        }
        _ => {
            if state.active {
                restore(&state);
            }
            std::process::exit(128 + signal);
        }
    }
}

/// Gives the terminal back to the shell: what ratatui's `restore` and panic
/// hook do, plus the mouse (which ratatui leaves captured) and the cursor
/// (which the `Terminal` shows when dropped). Errors are ignored: there is
/// nowhere left to report them.
fn restore(state: &State) {
    let mut out = std::io::stdout();
    if state.mouse {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = disable_raw_mode();
    let _ = execute!(out, LeaveAlternateScreen, cursor::Show);
}

/// Takes the terminal back after a stop: raw mode (set afresh, whatever the
/// shell did to the modes meanwhile), the alternate screen, the mouse; the
/// UI thread then draws the whole screen.
fn take_back(state: &State) {
    let mut out = std::io::stdout();
    // crossterm skips enabling raw mode when it believes it is on.
    let _ = disable_raw_mode();
    let _ = enable_raw_mode();
    let _ = execute!(out, EnterAlternateScreen);
    if state.mouse {
        let _ = execute!(out, EnableMouseCapture);
    }
    REDRAW.store(true, Ordering::SeqCst);
}

/// Whether the screen must be cleared and drawn whole (the app was
/// stopped and continued); true once per continuation.
pub fn take_redraw() -> bool {
    REDRAW.swap(false, Ordering::SeqCst)
}

/// Runs `f` (an editor) with the terminal given back to it: raw mode off,
/// the main screen, the mouse released; then takes the terminal back and
/// asks for a full redraw. While `f` runs a signal does not touch the
/// terminal, which is the other program's.
pub fn suspended<T>(f: impl FnOnce() -> T) -> T {
    {
        let mut state = lock();
        if state.active {
            restore(&state);
        }
        state.active = false;
    }
    let result = f();
    let mut state = lock();
    state.active = true;
    take_back(&state);
    result
}

/// Gives the terminal back on the normal way out (and after an error):
/// the same steps as on a signal. Signals that come later end the process
/// as they would without the app.
pub fn release() {
    let mut state = lock();
    if state.active {
        restore(&state);
        state.active = false;
    }
}

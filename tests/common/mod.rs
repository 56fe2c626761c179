//! Fixtures shared by the integration tests.

pub mod hostile;
pub mod tmux;

use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Runs `f` on its own thread and returns its result, failing the test if it
/// takes more than `secs` seconds (or panics): a regression to quadratic
/// work or a hang fails fast instead of stalling CI. `what` names the work in
/// the failure. A thread that overruns is left behind; the test process
/// ends it when it exits.
#[allow(dead_code)]
pub fn with_timeout<T: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .name(what.to_string())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn a thread");
    match rx.recv_timeout(Duration::from_secs(secs)) {
        Ok(value) => value,
        Err(RecvTimeoutError::Timeout) => panic!("{what}: not done after {secs} s"),
        Err(RecvTimeoutError::Disconnected) => panic!("{what}: panicked"),
    }
}

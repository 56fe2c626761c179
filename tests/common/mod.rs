//! Fixtures shared by the integration tests.

pub mod hostile;

/// Runs `f` on its own thread and returns its result, failing the test if
/// it takes more than `secs` seconds: a size regression (quadratic work)
/// then fails fast instead of hanging CI. Not a speed assertion: pick sizes
/// the linear code finishes well within `secs` in a debug build.
#[allow(dead_code)]
pub fn with_timeout<T: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name(what.to_string())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .expect("spawn a test thread");
    match rx.recv_timeout(std::time::Duration::from_secs(secs)) {
        Ok(v) => v,
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: did not finish within {secs} s")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => {
            panic!("{what}: panicked")
        }
    }
}

//! Frame timing for measuring, off unless `CROSSCHECK_FRAME_LOG` names a
//! file: one line per frame drawn, with the time the last key took to
//! handle and the time the frame took to build and write, and where the
//! app was. Each time is given twice: as on the clock, and as the UI
//! thread's own CPU time (on a machine shared with other work the clock
//! also counts the time the thread waited for a core).
//! docs/PERFORMANCE.md reads it to show frames stay within 16 ms at
//! 10,000 articles.

use super::app::App;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::time::{Duration, Instant};

/// A span of the UI thread's work, on the clock and in CPU time.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub wall: Duration,
    pub cpu: Duration,
}

/// The start of a [`Span`].
pub struct Started {
    wall: Instant,
    cpu: Duration,
}

impl Started {
    pub fn now() -> Started {
        Started {
            wall: Instant::now(),
            cpu: thread_cpu(),
        }
    }

    pub fn span(&self) -> Span {
        Span {
            wall: self.wall.elapsed(),
            cpu: thread_cpu().saturating_sub(self.cpu),
        }
    }
}

/// The CPU time this thread has used (zero where it cannot be read).
fn thread_cpu() -> Duration {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec, which `t` is.
    let ok = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) } == 0;
    if ok {
        Duration::new(
            t.tv_sec.max(0) as u64,
            t.tv_nsec.clamp(0, 999_999_999) as u32,
        )
    } else {
        Duration::ZERO
    }
}

pub struct FrameLog {
    out: Option<BufWriter<File>>,
}

impl FrameLog {
    /// The log `CROSSCHECK_FRAME_LOG` names, created anew; none without
    /// the variable or when the file cannot be made (timing is never
    /// worth failing the app for).
    pub fn from_env() -> FrameLog {
        let out = std::env::var_os("CROSSCHECK_FRAME_LOG")
            .and_then(|p| File::create(p).ok())
            .map(BufWriter::new);
        let mut log = FrameLog { out };
        if let Some(out) = &mut log.out {
            let _ = writeln!(
                out,
                "key_ms\tdraw_ms\tkey_cpu_ms\tdraw_cpu_ms\tcontext\twhere"
            );
        }
        log
    }

    /// Something else the UI thread did between frames (taking a new
    /// comparison in), in the key column.
    pub fn record_event(&mut self, what: &str, took: Span) {
        let Some(out) = &mut self.out else { return };
        let _ = writeln!(out, "{}\t-\t{}\t-\t{what}\t-", ms(took.wall), ms(took.cpu));
        let _ = out.flush();
    }

    /// One frame: the key handled before it (if any) and the drawing.
    pub fn record(&mut self, key: Option<Span>, draw: Span, app: &App) {
        let Some(out) = &mut self.out else { return };
        let _ = writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}",
            key.map_or("-".to_string(), |k| ms(k.wall)),
            ms(draw.wall),
            key.map_or("-".to_string(), |k| ms(k.cpu)),
            ms(draw.cpu),
            app.top_context().name(),
            app.breadcrumb().join(" › ")
        );
        // Written as it goes: the app may be ended by a signal.
        let _ = out.flush();
    }
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

//! Heap in use after each stage of `crosscheck diff --json`, and the peak
//! within each stage, counted by a global allocator that wraps the one the
//! binary uses (mimalloc):
//!
//!     cargo run --release --example mem_stages -- DIR
//!
//! Heap bytes are what the program asked for; the resident size (RSS, also
//! printed) adds the allocator's free pages and fragmentation.
use crosscheck::{Corpus, compare, load};
use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

struct Counting;

static CURRENT: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = CURRENT.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on unchanged to mimalloc; only the sizes are
// counted.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { mimalloc::MiMalloc.alloc(l) }
    }
    unsafe fn alloc_zeroed(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        unsafe { mimalloc::MiMalloc.alloc_zeroed(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        CURRENT.fetch_sub(l.size(), Relaxed);
        unsafe { mimalloc::MiMalloc.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, new: usize) -> *mut u8 {
        if new >= l.size() {
            grew(new - l.size());
        } else {
            CURRENT.fetch_sub(l.size() - new, Relaxed);
        }
        unsafe { mimalloc::MiMalloc.realloc(p, l, new) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn mb(bytes: usize) -> String {
    format!("{:.0}", bytes as f64 / 1e6)
}

/// The peak resident size so far (VmHWM), in MB.
fn rss_peak() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    s.lines()
        .find(|l| l.starts_with("VmHWM"))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|kb| kb.parse::<f64>().ok())
        .map_or_else(String::new, |kb| format!("{:.0}", kb / 1e3))
}

struct Stages {
    start: Instant,
}

impl Stages {
    /// Prints the stage that just ended and starts counting the next
    /// stage's peak from the heap in use now.
    fn end(&mut self, stage: &str) {
        println!(
            "| {stage} | {:.2} | {} | {} | {} |",
            self.start.elapsed().as_secs_f64(),
            mb(PEAK.load(Relaxed)),
            mb(CURRENT.load(Relaxed)),
            rss_peak()
        );
        PEAK.store(CURRENT.load(Relaxed), Relaxed);
        self.start = Instant::now();
    }
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: mem_stages DIR");
        std::process::exit(2);
    };
    println!(
        "| stage | seconds | heap peak in stage (MB) | heap after (MB) | RSS peak so far (MB) |"
    );
    println!("| --- | --- | --- | --- | --- |");
    let mut st = Stages {
        start: Instant::now(),
    };
    crosscheck::analysis::prepare();
    let loaded = load::load(&[load::Input::parse(&dir)], load::Options::default());
    let corpus = Corpus {
        documents: loaded.documents,
    };
    st.end("load");
    let facts = compare::Facts::analyze(&corpus);
    st.end("analysis (facts)");
    let c = compare::compare_facts_staged(&corpus, facts, compare::Options::default(), &mut |s| {
        st.end(s)
    });
    drop(corpus);
    st.end("corpus dropped");
    let n = serde_json::to_vec(&c).map_or(0, |v| v.len());
    st.end(&format!("json ({} MB)", mb(n)));
    eprintln!(
        "{} figure groups, {} statement groups, {} stories",
        c.figures.len(),
        c.statements.len(),
        c.stories.len()
    );
}

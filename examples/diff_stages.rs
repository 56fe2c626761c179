//! Time and resident memory after each stage of `crosscheck diff`:
//!
//!     cargo run --release --example diff_stages -- DIR
use crosscheck::{Corpus, compare, load};
use std::time::Instant;

/// "RSS hwm PEAK" (/proc lists the peak, VmHWM, first).
fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        s.lines()
            .find(|l| l.starts_with(name))
            .map(|l| l.split_whitespace().skip(1).collect::<String>())
            .unwrap_or_default()
    };
    format!("{} hwm {}", field("VmRSS"), field("VmHWM"))
}

fn main() {
    let dir = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let loaded = load::load(&[load::Input::parse(&dir)], load::Options::default());
    let corpus = Corpus {
        documents: loaded.documents,
    };
    eprintln!("load {:?} rss {}", t.elapsed(), rss());
    let t = Instant::now();
    let facts = compare::Facts::analyze(&corpus);
    eprintln!("analyze {:?} rss {}", t.elapsed(), rss());
    let t = Instant::now();
    let c = compare::compare_facts(&corpus, facts);
    eprintln!("compare {:?} rss {}", t.elapsed(), rss());
    let t = Instant::now();
    let n = serde_json::to_vec(&c).unwrap().len();
    eprintln!("json {n} {:?} rss {}", t.elapsed(), rss());
}

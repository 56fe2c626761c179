//! Generates a synthetic news corpus for benchmarks and scale tests.
//!
//!     cargo run --release --example gen_corpus -- N OUT_DIR [--seed S]
//!
//! Writes N plain-text articles (2–8 KB each) named `NNNNNN_xxxxxxxx.txt`:
//! a headline, a dateline or credit line naming an outlet (or none), body
//! paragraphs with figures in digits and words, money, percentages,
//! distances and ranges under hedges, quotes with attributions, and some
//! site chrome. Articles are grouped around a few dozen recurring events, so
//! different outlets report the same statements with small word changes.
//! The output is a pure function of N and the seed.

mod articles;

use std::path::Path;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut positional = Vec::new();
    let mut seed = 42u64;
    while let Some(a) = args.next() {
        if a == "--seed" {
            seed = args
                .next()
                .and_then(|s| s.parse().ok())
                .unwrap_or_else(|| usage());
        } else {
            positional.push(a);
        }
    }
    let [n, dir] = positional.as_slice() else {
        usage()
    };
    let n: usize = n.parse().unwrap_or_else(|_| usage());
    let dir = Path::new(dir);
    std::fs::create_dir_all(dir).expect("create the output folder");
    let mut bytes = 0;
    for (name, text) in articles::corpus(n, seed) {
        bytes += text.len();
        std::fs::write(dir.join(name), text).expect("write an article");
    }
    eprintln!(
        "wrote {n} articles ({:.1} MB) to {}",
        bytes as f64 / 1e6,
        dir.display()
    );
}

fn usage() -> ! {
    eprintln!("usage: gen_corpus N OUT_DIR [--seed S]");
    std::process::exit(2)
}

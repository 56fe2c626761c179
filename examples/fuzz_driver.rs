//! A plain-loop fuzzer for the loader and the extractors, for machines
//! without cargo-fuzz: mutates the seed articles, the hostile corpus and
//! random bytes, loads each input in every format, analyzes and searches the
//! documents, and checks the invariants. A panic or a broken invariant is
//! saved under `target/fuzz-findings/` and reported; so is an input that
//! takes over a second (a hint of super-linear work).
//!
//!     cargo run --release --example fuzz_driver -- [SECONDS] [SEED]

#[path = "../tests/common/hostile.rs"]
mod hostile;

use crosscheck::{Corpus, analysis, attribution, corpus::SEEDS, load, search};
use std::panic::{self, AssertUnwindSafe};
use std::time::{Duration, Instant};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Fragments that steer inputs into the interesting branches.
const TOKENS: &[&str] = &[
    "“",
    "”",
    "\"",
    "'",
    "’",
    "‘",
    "«",
    "»",
    " said ",
    " told KBS ",
    "according to ",
    ": ",
    ", saying ",
    " he ",
    "The Pentagon ",
    "Zelensky ",
    "more than ",
    "up to ",
    "about ",
    "10,000",
    "1,500-kilometer",
    "five units of 3,000 each",
    "900 miles",
    "$4.2bn",
    "12.5%",
    "½",
    "two-thirds",
    "1e400",
    "99999999999999999999999",
    "-",
    "–",
    "—",
    ". ",
    "? ",
    "... ",
    "…",
    "U.S. ",
    "Nov. 6 ",
    "(UPI) ",
    "(BBC)",
    "Credit: ABC News",
    "\n",
    "\n\n",
    "\r\n",
    "---\n",
    "title: x\n",
    "{",
    "}",
    "[",
    "]",
    "{\"text\": \"",
    "\"}",
    "\\u001b",
    "\\ud800",
    "<p>",
    "</p>",
    "<html><body>",
    "<script>",
    "&#x1b;",
    "&#x202e;",
    "\u{0}",
    "\u{feff}",
    "\u{301}",
    "é",
    "北",
    "👍🏽",
    "\u{200d}",
    "\u{fffd}",
];

fn mutate(rng: &mut Rng, pool: &[Vec<u8>], input: &mut Vec<u8>) {
    for _ in 0..=rng.below(8) {
        let at = rng.below(input.len() + 1);
        match rng.below(8) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let t = TOKENS[rng.below(TOKENS.len())].as_bytes();
                input.splice(at..at, t.iter().copied());
            }
            2 => {
                let p = hostile::PAYLOADS[rng.below(hostile::PAYLOADS.len())].as_bytes();
                input.splice(at..at, p.iter().copied());
            }
            3 if !input.is_empty() => {
                let end = (at + rng.below(64)).min(input.len());
                input.drain(at..end);
            }
            4 => {
                let other = &pool[rng.below(pool.len())];
                if !other.is_empty() {
                    let s = rng.below(other.len());
                    let e = (s + rng.below(512)).min(other.len());
                    input.splice(at..at, other[s..e].iter().copied());
                }
            }
            5 if !input.is_empty() => {
                // Repeat a stretch: long runs find super-linear work.
                let s = rng.below(input.len());
                let e = (s + 1 + rng.below(16)).min(input.len());
                let chunk = input[s..e].to_vec();
                for _ in 0..rng.below(200) {
                    input.splice(at..at, chunk.iter().copied());
                }
            }
            6 => {
                let n = rng.below(32);
                let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
                input.splice(at..at, bytes);
            }
            _ => input.truncate(at),
        }
    }
    input.truncate(256 * 1024);
}

/// Everything the pipeline promises on one input; Err names what broke.
fn check(name: &str, bytes: &[u8]) -> Result<(), String> {
    let loaded = load::load_named([(name, bytes)]);
    for d in &loaded.documents {
        if d.text.chars().any(hostile::is_dangerous) {
            return Err("dangerous char in document text".into());
        }
        for field in [&d.title, &d.outlet, &d.date, &d.url, &d.author] {
            if field
                .as_deref()
                .is_some_and(|f| f.chars().any(hostile::is_dangerous))
            {
                return Err(format!("dangerous char in a field: {field:?}"));
            }
        }
        let mut prev = 0;
        for s in &d.sentences {
            let ok = s.span.start < s.span.end
                && s.span.end <= d.text.len()
                && s.span.start >= prev
                && d.text.is_char_boundary(s.span.start)
                && d.text.is_char_boundary(s.span.end);
            if !ok {
                return Err(format!("bad sentence span {:?}", s.span));
            }
            prev = s.span.end;
        }
        let spans: Vec<_> = d.sentences.iter().map(|s| s.span.clone()).collect();
        let att = attribution::analyze(&d.text, &spans);
        for (span, atts) in spans.iter().zip(&att.sentences) {
            let len = span.len();
            for a in atts {
                if a.span.end > len || a.cue.end > len || a.mention.end > len {
                    return Err(format!("attribution outside its sentence: {a:?}"));
                }
            }
        }
        for q in &att.quotes {
            if q.span.end > d.text.len() || !d.text.is_char_boundary(q.span.start) {
                return Err(format!("bad quote span {:?}", q.span));
            }
        }
        let a = analysis::analyze_document(d);
        for f in &a.figures {
            let s = &d.sentences[f.sentence].span;
            let span = f.doc_span(d);
            if span.start < s.start || span.end > s.end {
                return Err(format!("figure outside its sentence: {:?}", f.figure.text));
            }
            if let (Some(lo), Some(hi)) = (f.figure.low, f.figure.high)
                && lo > hi
            {
                return Err(format!("empty interval {lo}..{hi} for {:?}", f.figure.text));
            }
        }
    }
    let corpus = Corpus {
        documents: loaded.documents,
    };
    let query: String = String::from_utf8_lossy(&bytes[..bytes.len().min(12)]).into_owned();
    search::search(&corpus, &query, 20);
    search::search(&corpus, "troops said", 20);
    Ok(())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let seconds: u64 = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args
        .get(2)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    let mut rng = Rng(seed | 1);
    let mut pool: Vec<Vec<u8>> = SEEDS.iter().map(|(_, t)| t.as_bytes().to_vec()).collect();
    pool.extend(hostile::files().into_iter().map(|(_, b)| b));
    let names = ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "noext"];
    let out_dir = std::path::Path::new("target/fuzz-findings");
    panic::set_hook(Box::new(|_| {}));
    let start = Instant::now();
    let (mut runs, mut findings, mut slow) = (0u64, 0u64, 0u64);
    while start.elapsed() < Duration::from_secs(seconds) {
        let mut input = if rng.below(10) == 0 {
            (0..rng.below(4096)).map(|_| rng.next() as u8).collect()
        } else {
            pool[rng.below(pool.len())].clone()
        };
        mutate(&mut rng, &pool, &mut input);
        let name = names[rng.below(names.len())];
        let t = Instant::now();
        let result = panic::catch_unwind(AssertUnwindSafe(|| check(name, &input)));
        let took = t.elapsed();
        runs += 1;
        let problem = match result {
            Ok(Ok(())) if took > Duration::from_secs(1) => {
                slow += 1;
                Some(format!("slow: {took:?} for {} bytes", input.len()))
            }
            Ok(Ok(())) => None,
            Ok(Err(e)) => Some(e),
            Err(p) => Some(format!(
                "panic: {}",
                p.downcast_ref::<String>()
                    .cloned()
                    .or(p.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_default()
            )),
        };
        if let Some(problem) = problem {
            findings += 1;
            std::fs::create_dir_all(out_dir).unwrap();
            let file = out_dir.join(format!("{runs:08}-{name}"));
            std::fs::write(&file, &input).unwrap();
            eprintln!("{}: {problem}", file.display());
            // Keep the mutated input in the pool: its neighbours are likely bad too.
            pool.push(input);
        } else if rng.below(50) == 0 && input.len() < 64 * 1024 {
            pool.push(input);
            if pool.len() > 400 {
                let i = 16 + rng.below(pool.len() - 16);
                pool.swap_remove(i);
            }
        }
    }
    println!(
        "{runs} inputs in {:?}: {findings} findings ({slow} slow)",
        start.elapsed()
    );
}

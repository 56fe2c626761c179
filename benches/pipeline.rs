//! Pipeline benchmarks on generated corpora: load and segment, analysis
//! (figures, quotes, claimers), figure extraction alone, the facts `diff`
//! reads with and without a warm cache, the comparison, one fuzzy search.
//! Each at 1,000 and 10,000
//! articles from `examples/gen_corpus` (seed 42), written to a temporary
//! folder once per run so loading goes through the real file path.
//!
//!     cargo bench --bench pipeline                  # everything
//!     cargo bench --bench pipeline -- analysis/1000 # one benchmark
//!     CROSSCHECK_BENCH_SIZES=1000 cargo bench       # smaller corpora only
//!
//! A new stage is one more function over a [`Fixture`] added to
//! `criterion_group!`.

#[path = "../examples/gen_corpus/articles.rs"]
mod articles;

use criterion::{
    BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group, criterion_main,
};
use crosscheck::analysis::{self, Analysis};
use crosscheck::load::{self, Input, Options};
use crosscheck::{Corpus, cache, compare, search};
use std::hint::black_box;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Duration;

const SEED: u64 = 42;
const QUERY: &str = "zelensky new page";

/// One generated corpus on disk, loaded and analyzed once for the stages
/// that start later in the pipeline.
struct Fixture {
    articles: usize,
    bytes: u64,
    dir: tempfile::TempDir,
    corpus: OnceLock<Corpus>,
    analysis: OnceLock<Analysis>,
}

impl Fixture {
    fn new(articles: usize) -> Fixture {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut bytes = 0;
        for (name, text) in articles::corpus(articles, SEED) {
            bytes += text.len() as u64;
            std::fs::write(dir.path().join(name), text).expect("write article");
        }
        Fixture {
            articles,
            bytes,
            dir,
            corpus: OnceLock::new(),
            analysis: OnceLock::new(),
        }
    }

    fn inputs(&self) -> Vec<Input> {
        vec![Input::Path(PathBuf::from(self.dir.path()))]
    }

    fn corpus(&self) -> &Corpus {
        self.corpus.get_or_init(|| Corpus {
            documents: load::load(&self.inputs(), Options::default()).documents,
        })
    }

    fn analysis(&self) -> &Analysis {
        self.analysis
            .get_or_init(|| analysis::analyze(self.corpus()))
    }
}

fn sizes() -> Vec<usize> {
    std::env::var("CROSSCHECK_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000])
}

fn fixtures() -> &'static [Fixture] {
    static FIXTURES: OnceLock<Vec<Fixture>> = OnceLock::new();
    FIXTURES.get_or_init(|| sizes().into_iter().map(Fixture::new).collect())
}

/// A group sized for a 2-core machine: few samples, flat sampling (each
/// iteration of the large corpora takes seconds).
fn group<'a>(
    c: &'a mut Criterion,
    name: &str,
) -> criterion::BenchmarkGroup<'a, criterion::measurement::WallTime> {
    let mut g = c.benchmark_group(name);
    g.sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(5))
        .sampling_mode(SamplingMode::Flat);
    g
}

fn load_and_segment(c: &mut Criterion) {
    let mut g = group(c, "load");
    for f in fixtures() {
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(f.articles), f, |b, f| {
            b.iter(|| {
                let loaded = load::load(&f.inputs(), Options::default());
                black_box(loaded.documents.len())
            })
        });
    }
    g.finish();
}

fn analysis(c: &mut Criterion) {
    let mut g = group(c, "analysis");
    for f in fixtures() {
        let corpus = f.corpus();
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(
            BenchmarkId::from_parameter(f.articles),
            corpus,
            |b, corpus| b.iter(|| black_box(analysis::analyze(corpus).docs.len())),
        );
    }
    g.finish();
}

/// Figure extraction alone, over every sentence of the corpus.
fn figures(c: &mut Criterion) {
    let mut g = group(c, "figures");
    for f in fixtures() {
        let corpus = f.corpus();
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(
            BenchmarkId::from_parameter(f.articles),
            corpus,
            |b, corpus| {
                b.iter(|| {
                    let mut n = 0;
                    for d in &corpus.documents {
                        for i in 0..d.sentences.len() {
                            n += crosscheck::figures::extract_figures(d.sentence_text(i)).len();
                        }
                    }
                    black_box(n)
                })
            },
        );
    }
    g.finish();
}

fn comparison(c: &mut Criterion) {
    let mut g = group(c, "compare");
    for f in fixtures() {
        let (corpus, analysis) = (f.corpus(), f.analysis());
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(BenchmarkId::from_parameter(f.articles), &(), |b, _| {
            b.iter(|| black_box(compare::compare(corpus, analysis).figures.len()))
        });
    }
    g.finish();
}

/// What `diff` reads of each document: analyzed, and from a warm cache
/// (the file read, every entry found and decoded).
fn facts(c: &mut Criterion) {
    let mut g = group(c, "facts");
    for f in fixtures() {
        let corpus = f.corpus();
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(
            BenchmarkId::new("analyze", f.articles),
            corpus,
            |b, corpus| b.iter(|| black_box(compare::Facts::analyze(corpus))),
        );
        let dir = tempfile::tempdir().expect("temp dir");
        let open = || {
            cache::Store::open(dir.path(), "facts.bin", analysis::ANALYSIS_VERSION)
                .expect("the bench's executable is readable")
                .0
        };
        // Written once: every iteration then finds every document.
        let _ = compare::Facts::analyze_cached(corpus, &open());
        g.bench_with_input(
            BenchmarkId::new("warm-cache", f.articles),
            corpus,
            |b, corpus| b.iter(|| black_box(compare::Facts::analyze_cached(corpus, &open()).0)),
        );
    }
    g.finish();
}

fn fuzzy_search(c: &mut Criterion) {
    let mut g = group(c, "search");
    for f in fixtures() {
        let corpus = f.corpus();
        g.throughput(Throughput::Bytes(f.bytes));
        g.bench_with_input(
            BenchmarkId::from_parameter(f.articles),
            corpus,
            |b, corpus| b.iter(|| black_box(search::search(corpus, QUERY, 20).hits.len())),
        );
    }
    g.finish();
}

/// The TUI finder's work per keystroke, with its limit of 500 hits: the
/// first key of a fresh query (the most common letter, the worst case),
/// until its first answer (the best hits of the first step, which the
/// finder shows at once) and to the end; and typing [`QUERY`] a key at a
/// time (each key narrows the last matches).
fn finder(c: &mut Criterion) {
    const LIMIT: usize = 500;
    let mut g = group(c, "finder");
    for f in fixtures() {
        let corpus = f.corpus();
        g.bench_with_input(
            BenchmarkId::new("first-key-e", f.articles),
            corpus,
            |b, corpus| {
                b.iter_batched(
                    || search::SearchSession::new(corpus),
                    |mut finder| black_box(finder.search(corpus, "e", LIMIT).matched),
                    criterion::BatchSize::LargeInput,
                )
            },
        );
        g.bench_with_input(
            BenchmarkId::new("first-answer-e", f.articles),
            corpus,
            |b, corpus| {
                b.iter_batched(
                    || search::SearchSession::new(corpus),
                    |mut finder| {
                        finder.search_in_steps(corpus, "e", LIMIT, |p| {
                            black_box(p.hits());
                            std::ops::ControlFlow::Break(())
                        })
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
        let keys = QUERY
            .char_indices()
            .map(|(i, c)| &QUERY[..i + c.len_utf8()]);
        let prefixes: Vec<&str> = keys.collect();
        g.bench_with_input(
            BenchmarkId::new("typing-17-keys", f.articles),
            corpus,
            |b, corpus| {
                b.iter_batched(
                    || search::SearchSession::new(corpus),
                    |mut finder| {
                        for q in &prefixes {
                            black_box(finder.search(corpus, q, LIMIT).matched);
                        }
                    },
                    criterion::BatchSize::LargeInput,
                )
            },
        );
    }
    g.finish();
}

criterion_group!(
    benches,
    load_and_segment,
    analysis,
    figures,
    facts,
    comparison,
    fuzzy_search,
    finder
);
criterion_main!(benches);

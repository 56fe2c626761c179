//! The analysis cache of `crosscheck diff` through the real binary: warm
//! and cold runs print the same report, a damaged cache is ignored with
//! one warning and rebuilt, `--no-cache` writes nothing, and nothing is
//! written into the corpus. Every test sets `XDG_CACHE_HOME` and `HOME` to
//! a folder of its own.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A corpus large enough to be cached (64 articles or more).
fn corpus() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..70 {
        let text = format!(
            "Storm forces evacuations, report {i}\n\n\
             About {} residents were evacuated from coastal villages on Sunday, \
             the regional governor said. “We will not leave anyone behind,” \
             said Mayor Ana Ruiz. Schools stayed closed for {} days.\n",
            3000 + 500 * (i % 4),
            2 + i % 3
        );
        std::fs::write(dir.path().join(format!("a{i:02}.txt")), text).unwrap();
    }
    dir
}

fn diff(corpus: &Path, cache_home: &Path, extra: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .arg("diff")
        .arg(corpus)
        .arg("--json")
        .args(extra)
        .env("XDG_CACHE_HOME", cache_home)
        .env("HOME", cache_home)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    out
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Every file under `dir`.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn warm_and_cold_caches_print_the_same_report() {
    let (corpus, home) = (corpus(), tempfile::tempdir().unwrap());
    let uncached = diff(corpus.path(), home.path(), &["--no-cache"]);
    let cold = diff(corpus.path(), home.path(), &[]);
    let cached = files(&home.path().join("crosscheck"));
    assert_eq!(cached.len(), 1, "{cached:?}");
    let warm = diff(corpus.path(), home.path(), &[]);
    assert_eq!(cold.stdout, uncached.stdout);
    assert_eq!(warm.stdout, uncached.stdout);
    assert_eq!(stderr(&cold), "");
    assert_eq!(stderr(&warm), "");
    // An edited article is analyzed again; the others come from the cache.
    let edited = corpus.path().join("a03.txt");
    std::fs::write(
        &edited,
        "Storm forces evacuations\n\nAbout 9,000 residents were evacuated, the governor said.\n",
    )
    .unwrap();
    let after = diff(corpus.path(), home.path(), &[]);
    let fresh = diff(corpus.path(), home.path(), &["--no-cache"]);
    assert_eq!(after.stdout, fresh.stdout);
    assert!(String::from_utf8_lossy(&after.stdout).contains("9,000"));
}

#[test]
fn a_damaged_cache_gives_one_warning_and_is_rebuilt() {
    let (corpus, home) = (corpus(), tempfile::tempdir().unwrap());
    let uncached = diff(corpus.path(), home.path(), &["--no-cache"]);
    diff(corpus.path(), home.path(), &[]);
    let file = files(&home.path().join("crosscheck")).remove(0);
    let good = std::fs::read(&file).unwrap();
    let mut flipped = good.clone();
    let middle = flipped.len() / 2;
    flipped[middle] ^= 0xff;
    let damages: [(&str, Vec<u8>); 4] = [
        ("truncated", good[..good.len() / 3].to_vec()),
        ("one byte changed", flipped),
        ("foreign", b"PK\x03\x04 not a cache at all".to_vec()),
        ("empty", Vec::new()),
    ];
    for (what, bytes) in damages {
        std::fs::write(&file, bytes).unwrap();
        let out = diff(corpus.path(), home.path(), &[]);
        assert_eq!(out.stdout, uncached.stdout, "{what}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{what}: {err}");
        assert!(
            err.contains("warning") && err.contains("cache"),
            "{what}: {err}"
        );
        // Rebuilt: the next run reads it without a word.
        let again = diff(corpus.path(), home.path(), &[]);
        assert_eq!(stderr(&again), "", "{what}");
        assert_eq!(again.stdout, uncached.stdout, "{what}");
    }
}

#[test]
fn no_cache_writes_nothing() {
    let (corpus, home) = (corpus(), tempfile::tempdir().unwrap());
    diff(corpus.path(), home.path(), &["--no-cache"]);
    assert_eq!(files(home.path()), Vec::<PathBuf>::new());
}

#[test]
fn the_cache_is_never_written_into_the_corpus() {
    let corpus = corpus();
    let before = files(corpus.path());
    let inside = corpus.path().join(".cache");
    diff(corpus.path(), &inside, &[]);
    assert_eq!(files(corpus.path()), before);
    assert!(!inside.exists());
}

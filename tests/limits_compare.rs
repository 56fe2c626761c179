//! Limits of the comparison (issue 14): a sentence of thousands of figures
//! and a document of tens of thousands of repeated or near-identical
//! sentences are compared in time linear in their size. Nothing here is
//! timed; each shape runs under a timeout that the linear code meets many
//! times over in a debug build, and that the quadratic and cubic code it
//! replaced missed.

mod common;

use common::with_timeout;
use crosscheck::Corpus;
use crosscheck::compare::{Comparison, Facts, compare_facts};
use crosscheck::load;

/// Generous: the debug build on a loaded two-core machine.
const TIMEOUT_SECS: u64 = 120;

/// Loads `files` (name, text) and compares them, under the timeout;
/// returns the comparison and how many figures the analysis found.
fn compare_files(what: &str, files: Vec<(String, String)>) -> (Comparison, usize) {
    with_timeout(TIMEOUT_SECS, what, move || {
        let loaded = load::load_named(files.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let corpus = Corpus {
            documents: loaded.documents,
        };
        let facts = Facts::analyze(&corpus);
        let found: usize = facts.figures().iter().map(Vec::len).sum();
        (compare_facts(&corpus, facts), found)
    })
}

/// As [`compare_files`], checking that every figure found is in exactly
/// one group (nothing here is a copy or chrome).
fn compare_all(what: &str, files: Vec<(String, String)>) -> Comparison {
    let (c, found) = compare_files(what, files);
    assert_eq!(entries(&c), found, "{what}: figures found and grouped");
    c
}

fn one_file(body: String) -> Vec<(String, String)> {
    vec![("hostile.txt".to_string(), format!("Title\n\n{body}\n"))]
}

/// Figure entries in all groups.
fn entries(c: &Comparison) -> usize {
    c.figures.iter().map(|g| g.entries.len()).sum()
}

// A sentence of many figures: every figure's word range, the other figures
// of its sentence, its per-unit test, its subject and scope cues and its
// clause each scanned the sentence or all its figures again: cubic.

#[test]
fn many_figures_in_one_sentence() {
    let n = 3_000;
    let counts: Vec<String> = (1..=n).map(|i| format!("{i} people")).collect();
    let body = format!(
        "Officials in Kursk said the Ukrainian counts were {}, in total.",
        counts.join(", ")
    );
    let c = compare_all("3,000 figures in one sentence", one_file(body));
    assert_eq!(entries(&c), n);
    // Every figure still reads its subject and scope from the sentence.
    let e = &c.figures[0].entries[0];
    assert_eq!(c.figures[0].subject.as_deref(), Some("Ukrainian"));
    assert_eq!(e.scope.as_deref(), Some("in Kursk, total expected"));
}

#[test]
fn many_figures_in_one_clause() {
    // No punctuation between them: one clause for all, its stems made once.
    let n = 3_000;
    let counts: Vec<String> = (1..=n).map(|i| format!("{i} people were hurt")).collect();
    let body = format!("Police said {} in the storm.", counts.join(" and "));
    let c = compare_all("3,000 figures in one clause", one_file(body));
    // 1000 to 2100 with no separator before "people were" read as years.
    assert_eq!(entries(&c), n - 1_101);
}

#[test]
fn many_distances_in_one_sentence() {
    // Figures grouped by their context words: each group's label quotes
    // words near its figure, not the sentence split again per group.
    let n = 3_000;
    let legs: Vec<String> = (1..=n).map(|i| format!("{i} km to camp {i}")).collect();
    let body = format!("The convoy drove {}, the army said.", legs.join(", "));
    let c = compare_all("3,000 distances in one sentence", one_file(body));
    let distances = c.figures.iter().filter(|g| g.measure == "distance");
    assert_eq!(distances.map(|g| g.entries.len()).sum::<usize>(), n);
    assert!(c.figures.iter().all(|g| !g.label.is_empty()));
}

#[test]
fn long_run_of_number_words_in_one_sentence() {
    let body = format!(
        "The counts were {} people.",
        vec!["twenty-one"; 3_000].join(" and ")
    );
    let c = compare_all("twenty-one and … in one sentence", one_file(body));
    assert_eq!(entries(&c), 3_000);
}

#[test]
fn long_run_of_between_and_in_one_sentence() {
    let numbers: Vec<String> = (0..6_000).map(|i| i.to_string()).collect();
    let body = format!("The count was between {} people.", numbers.join(" and "));
    let c = compare_all("between 0 and 1 and … in one sentence", one_file(body));
    assert!(entries(&c) > 2_000, "{} figures", entries(&c));
}

#[test]
fn many_products_in_one_sentence() {
    // Each factor of a product is tested against the derived figures of
    // its sentence: per unit only inside its own product.
    let products = vec!["five units of 3,000 soldiers each"; 1_000].join(", ");
    let body = format!("The army sent {products}.");
    let c = compare_all("1,000 products in one sentence", one_file(body));
    let per_unit: usize = c
        .figures
        .iter()
        .filter(|g| g.per_unit)
        .map(|g| g.entries.len())
        .sum();
    let derived: usize = c
        .figures
        .iter()
        .flat_map(|g| &g.entries)
        .filter(|e| e.derived)
        .count();
    assert_eq!(derived, 1_000);
    assert_eq!(per_unit, 1_000);
}

#[test]
fn two_documents_of_one_long_sentence_of_figures() {
    // The two sentences are a candidate pair for alignment: each figure of
    // one is looked up among the other's, not compared with all of them.
    let sentence = |said: &str| {
        let counts: Vec<String> = (1..=3_000).map(|i| format!("{i} people")).collect();
        format!(
            "Officials {said} that the injured counts were {}, in total.",
            counts.join(", ")
        )
    };
    let files = vec![
        (
            "a.txt".to_string(),
            format!("Storm\n\n{}\n", sentence("said")),
        ),
        (
            "b.txt".to_string(),
            format!("Storm toll\n\n{}\n", sentence("told reporters")),
        ),
    ];
    let c = compare_all("two sentences of 3,000 figures", files);
    assert_eq!(entries(&c), 6_000);
}

// Repetition: the alignment's features filtered every figure of the
// document for every sentence, and the figure groups every figure of the
// document for every figure (its sentence's others, its per-unit test, the
// document's subject classes): quadratic in a long document.

#[test]
fn one_sentence_repeated_many_times() {
    // One paragraph: chrome is a paragraph printed by several documents
    // (repeats.rs), never a sentence one document repeats, so every
    // figure is compared.
    let n = 100_000;
    let body = "Police said 12 people were injured in the crash. ".repeat(n);
    let c = compare_all("one sentence 100,000 times", one_file(body));
    assert_eq!(entries(&c), n);
}

#[test]
fn one_paragraph_repeated_many_times() {
    // As paragraphs of one document: still one document, so not chrome.
    let n = 100_000;
    let body = "Police said 12 people were injured in the crash.\n\n".repeat(n);
    let c = compare_all("one paragraph 100,000 times", one_file(body));
    assert_eq!(entries(&c), n);
}

#[test]
fn many_distinct_one_figure_sentences() {
    let n = 100_000;
    let body: Vec<String> = (0..n)
        .map(|i| format!("Police said {i} people were injured in crash number {i}."))
        .collect();
    let c = compare_all("100,000 one-figure sentences", one_file(body.join(" ")));
    // "0 people" is no figure.
    assert_eq!(entries(&c), n - 1);
}

#[test]
fn two_documents_repeating_one_sentence() {
    // Each document prints one distinct sentence, fewer than a reprint is
    // matched on (copies.rs), so the two are two sources and every figure
    // of both is compared.
    let body = "Police said 12 people were injured in the crash. ".repeat(60_000);
    let files = vec![
        ("a.txt".to_string(), format!("Title\n\n{body}\n")),
        ("b.txt".to_string(), format!("Other\n\n{body}\n")),
    ];
    let c = compare_all("two documents of 60,000 equal sentences", files);
    assert_eq!(c.coverage.sources.len(), 2);
    assert!(c.coverage.sources.iter().all(|s| s.copy_of.is_none()));
    assert_eq!(entries(&c), 120_000);
}

#[test]
fn six_documents_sharing_one_paragraph_of_figures() {
    // A paragraph printed by five or more documents is chrome (repeats.rs):
    // its figures are dropped, however many. Each document's own paragraph,
    // a sentence of 2,000 figures, is printed by it alone: its figures are
    // compared.
    let shared = "Police said 12 people were injured in the crash. ".repeat(1_000);
    let counts: Vec<String> = (1..=2_000).map(|i| format!("{i} people")).collect();
    let files: Vec<(String, String)> = (0..6)
        .map(|d| {
            let own = format!(
                "Officials in town {d} said the counts were {}, in total.",
                counts.join(", ")
            );
            (
                format!("{d}.txt"),
                format!("Report {d}\n\n{own}\n\n{shared}\n"),
            )
        })
        .collect();
    let (c, found) = compare_files(
        "six documents of 2,000 figures and a shared paragraph",
        files,
    );
    assert!(
        c.coverage.sources.iter().all(|s| s.copy_of.is_none()),
        "no document is a copy"
    );
    // Their own: the 2,000 each and the numbers of their titles and towns.
    let own = found - 6 * 1_000;
    assert!(own >= 6 * 2_000, "{own} figures of their own");
    assert_eq!(entries(&c), own, "only the documents' own figures");
}

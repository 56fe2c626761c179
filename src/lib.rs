//! crosscheck: load news articles from several outlets, extract their figures,
//! quotes and claimers, and compare them. No terminal code lives here: the
//! binary (`src/main.rs`, `src/cli/`, `src/tui/`, `src/display.rs`) writes
//! the reports and runs the reader.
//!
//! # The pipeline
//!
//! ```text
//! files ─▶ load ─▶ Document ─▶ segment ─▶ extract ─▶ compare ─▶ reports
//! ```
//!
//! | Stage | Module | In → out |
//! |---|---|---|
//! | files | [`load`] | paths, folders, `-` → bytes; what cannot be read becomes a [`load::Problem`] naming the file |
//! | load | [`load`] | bytes in plain text, Markdown, HTML, JSON or JSON Lines → text and metadata |
//! | Document | [`document`], [`sanitize`] | raw text → a [`Document`]: control characters stripped, web chrome dropped and captions marked (`boilerplate`), outlet found (`outlet`), paragraphs; a [`Corpus`] holds the documents |
//! | segment | [`segment`] | a paragraph → sentence byte spans (run by [`document::build`]) |
//! | extract | [`analysis`] over [`figures`] and [`attribution`] | a document → figures with hedges, intervals and units; claimers; quotes with speakers; claims |
//! | compare | [`compare`] | corpus and analysis → a [`compare::Comparison`]: stories, figure groups with verdicts, aligned statements with word diffs, coverage |
//! | reports | the binary | a comparison or an analysis → text, Markdown, JSON, the reader's panes |
//!
//! Beside the pipeline, [`search`] finds sentences fuzzily for `crosscheck
//! search` and the reader, and a [`SentenceId`] addresses one sentence of a
//! corpus, [`date`] reads the publication dates the comparison orders and
//! separates reports by, and `word_boundary` keeps regexes with `\b` fast
//! on news text. After it, a checker's work: [`timeline`] follows a figure
//! group over time, and [`store`] keeps marks, notes and accepted values
//! in an SQLite workspace.
//!
//! # Example
//!
//! Two outlets report one evacuation with different numbers:
//!
//! ```
//! use crosscheck::compare::{self, Verdict};
//! use crosscheck::{Corpus, analysis, load};
//!
//! let a = "Storm forces evacuations on the coast\n\n\
//!     About 3,000 residents were evacuated from coastal villages on Sunday, \
//!     the regional governor said. Schools stayed closed.";
//! let b = "Coastal villages evacuated as storm nears\n\n\
//!     Authorities evacuated 4,500 residents from coastal villages on Sunday, \
//!     according to the civil protection agency.";
//! let loaded = load::load_named([("a.txt", a.as_bytes()), ("b.txt", b.as_bytes())]);
//! assert!(loaded.problems.is_empty());
//! let corpus = Corpus { documents: loaded.documents };
//!
//! let analysis = analysis::analyze(&corpus);
//! let comparison = compare::compare(&corpus, &analysis);
//!
//! assert_eq!(comparison.stories.len(), 1);
//! let group = &comparison.figures[0];
//! assert_eq!(group.measure, "displaced");
//! assert_eq!(group.sources, 2);
//! assert_eq!(group.verdict, Verdict::Conflict);
//! let values: Vec<f64> = group.values.iter().map(|v| v.value).collect();
//! assert_eq!(values, [3000.0, 4500.0]);
//! assert_eq!(group.values[0].claimers, ["the regional governor"]);
//! ```

pub mod analysis;
pub mod attribution;
pub(crate) mod boilerplate;
pub mod cache;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod document;
pub mod figures;
pub mod findings;
pub mod load;
pub(crate) mod outlet;
pub mod sanitize;
pub mod search;
pub mod segment;
pub mod store;
pub mod timeline;
pub(crate) mod word_boundary;

pub use corpus::{Corpus, SentenceId};
pub use document::Document;

//! crosscheck: load news articles from several outlets, extract their figures,
//! quotes and claimers, and compare them. No terminal code lives here.

pub mod analysis;
pub mod attribution;
pub mod boilerplate;
pub mod compare;
pub mod corpus;
pub mod date;
pub mod document;
pub mod figures;
pub mod load;
pub mod outlet;
pub mod sanitize;
pub mod search;
pub mod segment;
pub mod word_boundary;

pub use corpus::{Corpus, SentenceId};
pub use document::Document;

//! crosscheck: load news articles from several outlets, extract their figures,
//! quotes and claimers, and compare them. No terminal code lives here.

pub mod analysis;
pub mod attribution;
pub(crate) mod boilerplate;
pub mod compare;
pub mod corpus;
pub mod document;
pub mod figures;
pub mod load;
pub(crate) mod outlet;
pub mod sanitize;
pub mod search;
pub mod segment;
pub(crate) mod word_boundary;

pub use corpus::{Corpus, SentenceId};
pub use document::Document;

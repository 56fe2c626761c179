//! crosscheck: load news articles from several outlets, extract their figures,
//! quotes and claimers, and compare them. No terminal code lives here.

pub mod figures;

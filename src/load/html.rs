//! Saved HTML pages: the main text and the page's metadata, as
//! rs-trafilatura extracts them; site chrome stays behind.

use super::ProblemKind;
use crate::document::{self, Document, LineOrigin, Meta};

/// The article of a saved page, or why there is none.
pub(super) fn parse(
    source: &str,
    text: &str,
    warnings: Vec<String>,
) -> Result<Document, ProblemKind> {
    // No length cap of the extractor's own: the file size cap bounds the
    // text, and its cap cuts a string at a byte offset, which panics inside
    // a multi-byte character (rs-trafilatura 0.2.2, extract.rs:1115).
    let options = rs_trafilatura::Options {
        max_extracted_len: usize::MAX,
        ..rs_trafilatura::Options::default()
    };
    let result = rs_trafilatura::extract_with_options(text, &options)
        .map_err(|e| ProblemKind::HtmlExtraction(e.to_string()))?;
    if result.content_text.trim().is_empty() {
        return Err(ProblemKind::NoArticleText);
    }
    let m = result.metadata;
    let url = m.url.clone().or(m.hostname.clone());
    let meta = Meta {
        title: m.title,
        outlet: m.sitename.filter(|s| !s.trim().is_empty()),
        url,
        date: m.date.map(|d| d.date_naive().to_string()),
        author: m.author,
    };
    Ok(document::build(
        source.into(),
        &result.content_text,
        meta,
        LineOrigin::From(1),
        warnings,
    ))
}

//! Saved HTML pages: the main text as rs-trafilatura extracts it (site
//! chrome stays behind), and the page's metadata as the page states it
//! (`meta`), with the extractor's guesses where the page states nothing.

mod meta;

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
    let page = meta::read(text);
    let m = result.metadata;
    let nonempty = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
    // A social-media handle ("@wsj") is no site name.
    let sitename = nonempty(m.sitename).filter(|s| !s.starts_with('@'));
    let meta = Meta {
        title: page.title.or(nonempty(m.title)),
        outlet: page.site.or(sitename),
        url: nonempty(m.url).or(page.url).or(m.hostname),
        date: page.date.or(m.date.map(|d| d.date_naive().to_string())),
        author: nonempty(m.author).or(page.author),
    };
    Ok(document::build(
        source.into(),
        &result.content_text,
        meta,
        LineOrigin::From(1),
        warnings,
    ))
}

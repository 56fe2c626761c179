//! One file's bytes to documents: binary and empty files refused, invalid
//! UTF-8 replaced (and reported), plain text built here, the other formats
//! handed to their parsers.

use super::{Format, Loaded, Problem, ProblemKind, html, json, markdown, nesting};
use crate::document::{self, LineOrigin, Meta};

/// Decodes and parses one file's bytes into documents.
pub(super) fn parse(source: &str, bytes: &[u8], format: Option<Format>) -> Loaded {
    let mut loaded = Loaded::default();
    let warn = |kind: ProblemKind| Problem::warning(source, kind);
    if let Some(at) = memchr::memchr(0, bytes) {
        loaded
            .problems
            .push(warn(ProblemKind::Binary { offset: at }));
        return loaded;
    }
    let mut doc_warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => std::borrow::Cow::Borrowed(t),
        Err(e) => {
            let problem = warn(ProblemKind::NotUtf8 {
                valid_up_to: e.valid_up_to(),
            });
            doc_warnings.push(problem.message.clone());
            loaded.problems.push(problem);
            String::from_utf8_lossy(bytes)
        }
    };
    if text
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}')
        .is_empty()
    {
        loaded.problems.push(warn(ProblemKind::Empty));
        return loaded;
    }
    let format = format.unwrap_or_else(|| Format::sniff(&text));
    match format {
        Format::Text => loaded.documents.push(document::build(
            source.into(),
            &text,
            Meta::default(),
            LineOrigin::From(1),
            doc_warnings,
        )),
        Format::Markdown => loaded
            .documents
            .push(markdown::parse(source, &text, doc_warnings)),
        Format::Html => {
            // Nesting is bounded before the parser and the extractor see the
            // page: they recurse once a level.
            let bounded = nesting::bound(&text);
            for kind in [
                (bounded.too_deep > 0).then_some(ProblemKind::TooDeep {
                    ignored: bounded.too_deep,
                    limit: nesting::MAX_DEPTH,
                }),
                (bounded.too_many_formatting > 0).then_some(ProblemKind::TooManyFormatting {
                    ignored: bounded.too_many_formatting,
                    limit: nesting::MAX_FORMATTING,
                }),
            ]
            .into_iter()
            .flatten()
            {
                let problem = warn(kind);
                doc_warnings.push(problem.message.clone());
                loaded.problems.push(problem);
            }
            match html::parse(source, &bounded.html, doc_warnings) {
                Ok(doc) => loaded.documents.push(doc),
                Err(kind) => loaded.problems.push(warn(kind)),
            }
        }
        Format::Json => json::parse(source, &text, &doc_warnings, &mut loaded),
        Format::JsonLines => json::parse_lines(source, &text, &doc_warnings, &mut loaded),
    }
    loaded
}

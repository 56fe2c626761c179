//! One file's bytes to documents: byte order marks read (UTF-16 decoded,
//! a UTF-8 BOM dropped), binary and empty files refused, stray NUL bytes
//! and invalid UTF-8 replaced (and reported), a saved page's declared
//! charset honoured, plain text built here, the other formats handed to
//! their parsers.

use super::charset::{self, Nuls};
use super::{Format, Loaded, Problem, ProblemKind, html, json, markdown, nesting};
use crate::document::{self, LineOrigin, Meta};
use std::borrow::Cow;

/// Decodes and parses one file's bytes into documents.
pub(super) fn parse(source: &str, bytes: &[u8], format: Option<Format>) -> Loaded {
    let mut loaded = Loaded::default();
    let warn = |kind: ProblemKind| Problem::warning(source, kind);
    let mut doc_warnings = Vec::new();
    let mut report = |loaded: &mut Loaded, kind: ProblemKind| {
        let problem = warn(kind);
        doc_warnings.push(problem.message.clone());
        loaded.problems.push(problem);
    };
    // Offsets in messages are offsets in the file: `file_offset` maps one
    // in the bytes checked below back to the file.
    let utf16 = charset::utf16(bytes);
    let (body, file_offset): (&[u8], Box<dyn Fn(usize) -> usize + '_>) = match &utf16 {
        Some((text, bom)) => (
            text.as_bytes(),
            Box::new(move |at| bom + 2 * text[..at].encode_utf16().count()),
        ),
        None => {
            let bom = charset::utf8_bom(bytes);
            (&bytes[bom..], Box::new(move |at| bom + at))
        }
    };
    let utf8 = std::str::from_utf8(body);
    let nuls = charset::classify_nuls(body, utf8.is_ok());
    if let Nuls::Binary { first } = nuls {
        loaded.problems.push(warn(ProblemKind::Binary {
            offset: file_offset(first),
        }));
        return loaded;
    }
    let mut format = format;
    let mut text = match utf8 {
        Ok(t) => Cow::Borrowed(t),
        Err(e) => {
            let lossy = String::from_utf8_lossy(body);
            let is_html = *format.get_or_insert_with(|| Format::sniff(&lossy)) == Format::Html;
            match charset::html_declared(body).filter(|_| is_html) {
                Some(encoding) if encoding != encoding_rs::UTF_8 => {
                    let (decoded, had_errors) = encoding.decode_without_bom_handling(body);
                    if had_errors {
                        report(
                            &mut loaded,
                            ProblemKind::NotInCharset {
                                charset: encoding.name().to_string(),
                            },
                        );
                    }
                    Cow::Owned(decoded.into_owned())
                }
                _ => {
                    report(
                        &mut loaded,
                        ProblemKind::NotUtf8 {
                            valid_up_to: file_offset(e.valid_up_to()),
                        },
                    );
                    lossy
                }
            }
        }
    };
    if let Nuls::Stray { count, first } = nuls {
        report(
            &mut loaded,
            ProblemKind::StrayNul {
                count,
                offset: file_offset(first),
            },
        );
        text = Cow::Owned(text.replace('\0', "\u{fffd}"));
    }
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

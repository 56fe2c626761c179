//! Markdown, as web clippers save articles: YAML front matter for the
//! metadata, and markup stripped line by line so line numbers still match
//! the file.

use super::json::value_text;
use crate::document::{self, Document, LineOrigin, Meta};
use regex::Regex;
use serde_json::Value;
use std::sync::LazyLock;

static MD_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}#{1,6}\s+").expect("regex"));
static MD_QUOTE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s{0,3}(>\s?)+").expect("regex"));
static MD_RULE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s{0,3}([-*_]\s*){3,}$").expect("regex"));
static MD_IMAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"!\[([^\]]*)\]\([^)]*\)").expect("regex"));
static MD_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[([^\]]+)\]\([^)]*\)").expect("regex"));
static MD_STRONG: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\*\*([^*]+)\*\*|__([^_]+)__").expect("regex"));
static MD_EM: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*([^*\s][^*]*)\*").expect("regex"));

/// Front matter fields, as web clippers write them.
#[derive(serde::Deserialize, Default)]
#[serde(default)]
struct FrontMatter {
    title: Option<Value>,
    source: Option<Value>,
    site: Option<Value>,
    outlet: Option<Value>,
    url: Option<Value>,
    date: Option<Value>,
    published: Option<Value>,
    author: Option<Value>,
}

/// A Markdown file as one document, its front matter as metadata.
pub(super) fn parse(source: &str, text: &str, mut warnings: Vec<String>) -> Document {
    let text = text.trim_start_matches('\u{feff}');
    let (meta, body, first_line) = match split_front_matter(text) {
        Some((yaml, body, body_line)) => {
            let meta = match serde_norway::from_str::<FrontMatter>(yaml) {
                Ok(fm) => {
                    let outlet = fm.outlet.or(fm.site).or(fm.source);
                    let outlet = outlet.as_ref().and_then(value_text);
                    // A clipper's `source:` is often the page URL.
                    let (outlet, source_url) = match outlet {
                        Some(o) if o.starts_with("http://") || o.starts_with("https://") => {
                            (None, Some(o))
                        }
                        o => (o, None),
                    };
                    Meta {
                        title: fm.title.as_ref().and_then(value_text),
                        outlet,
                        url: fm.url.as_ref().and_then(value_text).or(source_url),
                        date: fm.date.or(fm.published).as_ref().and_then(value_text),
                        author: fm.author.as_ref().and_then(value_text),
                    }
                }
                Err(e) => {
                    warnings.push(format!("front matter is not valid YAML ({e}); ignored"));
                    Meta::default()
                }
            };
            (meta, body, body_line)
        }
        None => (Meta::default(), text, 1),
    };
    let plain: Vec<String> = body.split('\n').map(markdown_line).collect();
    document::build(
        source.into(),
        &plain.join("\n"),
        meta,
        LineOrigin::From(first_line),
        warnings,
    )
}

/// `---\n yaml \n---\n body`: (yaml, body, the body's first line number).
fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split('\n').enumerate() {
        let bare = line.trim_end_matches('\r');
        if bare == "---" || bare == "..." {
            let body_start = (offset + line.len() + 1).min(rest.len());
            return Some((&rest[..offset], &rest[body_start..], i + 3));
        }
        offset += line.len() + 1;
    }
    None
}

/// A Markdown line as plain text (one line in, one line out, so line
/// numbers still match the file).
fn markdown_line(line: &str) -> String {
    if MD_RULE.is_match(line) {
        return String::new();
    }
    let line = MD_HEADING.replace(line, "");
    let line = MD_QUOTE.replace(&line, "");
    let line = MD_IMAGE.replace_all(&line, "$1");
    let line = MD_LINK.replace_all(&line, "$1");
    let line = MD_STRONG.replace_all(&line, "$1$2");
    MD_EM.replace_all(&line, "$1").into_owned()
}

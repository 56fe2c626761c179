//! The formats the loader reads: declared by a file name's extension, or
//! sniffed from the content when the name does not tell.

use serde_json::Value;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Html,
    Json,
    JsonLines,
}

impl Format {
    /// The format a file name's extension declares, if it is one we read.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "text" => Format::Text,
            "md" | "markdown" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "json" => Format::Json,
            "jsonl" | "ndjson" => Format::JsonLines,
            _ => return None,
        })
    }

    /// Guesses the format of content with no telling name (stdin, a file
    /// named on the command line without a known extension).
    pub fn sniff(text: &str) -> Format {
        let head = text.trim_start_matches('\u{feff}').trim_start();
        let lower: String = head
            .chars()
            .take(512)
            .collect::<String>()
            .to_ascii_lowercase();
        if lower.starts_with("<!doctype html")
            || lower.starts_with("<html")
            || lower.contains("<body")
        {
            Format::Html
        } else if head.starts_with('[') {
            Format::Json
        } else if head.starts_with('{') {
            // One object a line is JSON Lines; one object over many lines is JSON.
            let mut lines = head.lines().filter(|l| !l.trim().is_empty());
            let first_is_whole = lines
                .next()
                .is_some_and(|l| serde_json::from_str::<Value>(l).is_ok());
            if first_is_whole && lines.next().is_some() {
                Format::JsonLines
            } else {
                Format::Json
            }
        } else if head.starts_with("---\n") || head.starts_with("---\r") || head.starts_with("# ") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

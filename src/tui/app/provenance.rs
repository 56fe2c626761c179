//! Where the user is, and what `o`, `e`, `y` and `Y` ask of the world
//! outside for it: the source's URL in a browser, its file in an editor,
//! the URL or the sentence on the clipboard. The App only asks
//! ([`External`]); the run loop does it.

use super::{App, DiffSection, Focus, View};
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crosscheck::SentenceId;
use std::path::PathBuf;

/// A request to the world outside, carried out by the run loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum External {
    /// Open this web address in the user's browser.
    Browse(String),
    /// Open this file at this 1-based line in the user's editor.
    Edit { file: PathBuf, line: usize },
    /// Put this text on the clipboard (OSC 52).
    Copy { text: String, what: &'static str },
}

/// The source (document index) the user is on, and the sentence when one
/// is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub doc: usize,
    pub sentence: Option<usize>,
}

/// Whether `url` is a web address that may be handed to a browser: http or
/// https, with no spaces or control characters. Anything else from an
/// article's metadata (`file:`, `javascript:`, an option such as
/// `--help`) is refused.
pub fn is_web_address(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let host = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    host.is_some_and(|h| !h.is_empty()) && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The file on disk a document was read from and the line: a JSON Lines
/// record's source is `path#N`.
pub fn file_of(source: &str) -> PathBuf {
    if let Some((path, n)) = source.rsplit_once('#')
        && !n.is_empty()
        && n.bytes().all(|b| b.is_ascii_digit())
        && !std::path::Path::new(source).exists()
    {
        return PathBuf::from(path);
    }
    PathBuf::from(source)
}

impl App {
    /// Where the user is: the selected claim, the diff entry stepped onto,
    /// the reader's marked sentence (else the first on screen); the
    /// selected source from the sources pane or the diff's coverage. None
    /// in the diff's figures and statements lists (a row holds several
    /// sources) and with nothing loaded.
    pub fn place(&self) -> Option<Place> {
        if self.corpus.documents.is_empty() {
            return None;
        }
        let sentence = |id: SentenceId| Place {
            doc: id.doc,
            sentence: Some(id.sentence),
        };
        match (self.focus, self.view) {
            (Focus::Sources, _) => Some(Place {
                doc: self.selected_source,
                sentence: None,
            }),
            (Focus::Main, View::Claims) => {
                let (doc, i) = *self.visible_claims().get(self.claims.selected)?;
                let claim = self.analysis.as_ref()?.docs.get(doc)?.claims.get(i)?;
                Some(sentence(SentenceId {
                    doc,
                    sentence: claim.sentence,
                }))
            }
            // A coverage row is one source.
            (Focus::Main, View::Diff)
                if self.diff.detail.is_none() && self.diff.section == DiffSection::Coverage =>
            {
                Some(Place {
                    doc: self.diff_row(DiffSection::Coverage, self.diff.selected())?,
                    sentence: None,
                })
            }
            (Focus::Main, View::Diff) => {
                let d = self.diff.detail?;
                let id = *self
                    .diff_detail(self.diff.section, self.diff.selected())
                    .get(d)?;
                Some(sentence(id))
            }
            // A source row of the stories pane is one source.
            (Focus::Main, View::Stories) => match self.stories.rows.get(self.stories.selected)? {
                super::StoryRow::Source(_, d) => Some(Place {
                    doc: *d,
                    sentence: None,
                }),
                _ => None,
            },
            (Focus::Main, View::Reader) => {
                let doc = self.reader.doc;
                let d = self.corpus.documents.get(doc)?;
                let on_screen = || {
                    let lines = self.reader_lines();
                    let start = lines
                        .get(self.reader.scroll..)?
                        .iter()
                        .find_map(crate::tui::wrap::VisualLine::span)?
                        .start;
                    let i = d.sentences.partition_point(|s| s.span.end <= start);
                    (i < d.sentences.len()).then_some(i)
                };
                Some(Place {
                    doc,
                    sentence: self.reader.focus_sentence.or_else(on_screen),
                })
            }
        }
    }

    /// `o`, `e`, `y`, `Y`: asks the run loop to act on the current place,
    /// or says in the status line why it cannot.
    pub(super) fn provenance_action(&mut self, action: Action) {
        let Some(place) = self.place() else {
            self.message = Some(if self.corpus.documents.is_empty() {
                "no source loaded".to_string()
            } else if self.view == View::Diff {
                let key = self
                    .keymap
                    .first_key(Context::Diff, Action::Open)
                    .unwrap_or_default();
                format!("a row holds several sources: {key} to step in, then choose one")
            } else {
                "nothing selected".to_string()
            });
            return;
        };
        let doc = &self.corpus.documents[place.doc];
        let name = doc.display_name().to_string();
        match action {
            Action::OpenUrl | Action::CopyUrl => match doc.url.as_deref() {
                Some(url) if is_web_address(url) => {
                    self.external = Some(if action == Action::OpenUrl {
                        External::Browse(url.to_string())
                    } else {
                        External::Copy {
                            text: url.to_string(),
                            what: "the URL",
                        }
                    });
                }
                Some(url) => {
                    self.message = Some(format!(
                        "{name}: not a web address, not opened: {}",
                        crate::fit::fit(url, 60)
                    ))
                }
                None => self.message = Some(format!("{name} gives no URL")),
            },
            Action::CopySentence => match place.sentence {
                Some(s) => {
                    self.external = Some(External::Copy {
                        text: doc.sentence_text(s).to_string(),
                        what: "the sentence",
                    })
                }
                None => self.message = Some("no sentence chosen".to_string()),
            },
            Action::Edit => {
                let file = file_of(&doc.source);
                if !file.is_file() {
                    self.message = Some(format!(
                        "{} is not a file on disk (bundled or read from stdin)",
                        doc.source
                    ));
                    return;
                }
                let line = place
                    .sentence
                    .and_then(|s| doc.sentences.get(s))
                    .map_or(1, |s| s.line);
                self.external = Some(External::Edit { file, line });
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_go_to_a_browser() {
        assert!(is_web_address("https://example.com/a?b=c#d"));
        assert!(is_web_address("HTTP://example.com"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "--help",
            "https://",
            "https://a b",
            "https://a\u{1b}]52",
            "example.com",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn a_json_lines_record_is_its_file() {
        assert_eq!(file_of("dir/a.jsonl#12"), PathBuf::from("dir/a.jsonl"));
        assert_eq!(file_of("dir/a.txt"), PathBuf::from("dir/a.txt"));
        assert_eq!(file_of("dir/a#b.txt"), PathBuf::from("dir/a#b.txt"));
    }
}

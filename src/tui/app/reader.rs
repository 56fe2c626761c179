//! The reader pane's state: the open article, its scroll, its layout memo, the `/` prompt and search.

use super::{App, Focus, View, areas};
use crate::tui::action::Action;
use crate::tui::wrap;
use crosscheck::{Corpus, SentenceId};
use regex::RegexBuilder;
use std::ops::Range;
use std::sync::{Arc, Weak};

/// A `/` search inside the open article.
#[derive(Debug, Clone, Default)]
pub struct ArticleSearch {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: usize,
}

/// Lines the reader's header takes above the text.
pub const READER_HEADER: u16 = 2;

#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub doc: usize,
    /// First visible visual line.
    pub scroll: usize,
    /// The sentence a jump landed on, marked in the gutter.
    pub focus_sentence: Option<usize>,
    pub search: Option<ArticleSearch>,
}

/// A text input line: the `/` prompt of the reader, or (with `list`) of
/// the claims or diff pane, which searches its rows.
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    pub input: String,
    pub list: bool,
    /// A note or accepted value typed for this item, not a search.
    pub edit: Option<(super::Edit, crosscheck::store::Target)>,
}

/// A document laid out at a width, remembered with what it was made from:
/// laying out a large article costs its whole length, and every key in
/// the reader and every frame needs the layout. A memo, not state: the
/// answer depends only on the corpus, the document and the width, which
/// it is checked against on every use.
#[derive(Debug, Default)]
pub(super) struct LayoutMemo {
    /// Weak, so that a corpus replaced and freed is not kept alive, and its
    /// address is not reused by a new corpus while this is held.
    corpus: Weak<Corpus>,
    doc: usize,
    width: usize,
    lines: Arc<Vec<wrap::VisualLine>>,
}

impl App {
    pub fn open_document(&mut self, doc: usize) {
        if self.reader.doc != doc {
            self.reader = Reader {
                doc,
                ..Reader::default()
            };
            if !self.claims.all_sources {
                self.claims.selected = 0;
            }
        }
    }

    /// Opens the reader on a sentence, scrolled so that it stands a third of
    /// the way down, and marks it.
    pub fn jump_to(&mut self, id: SentenceId) {
        if id.doc >= self.corpus.documents.len() {
            return;
        }
        self.selected_source = id.doc;
        self.open_document(id.doc);
        self.reader.focus_sentence = Some(id.sentence);
        self.show(View::Reader);
        let start = self.corpus.documents[id.doc].sentences[id.sentence]
            .span
            .start;
        self.scroll_to_offset(start);
    }

    /// Reader text width: inside the border, less the 2-column gutter and a
    /// 1-column right margin.
    pub fn reader_width(&self) -> usize {
        areas(self.size).main.width.saturating_sub(5).max(1) as usize
    }

    /// Lines of text the reader shows: inside the border, below the
    /// header (outlet, date, author, title; the URL).
    pub fn reader_height(&self) -> usize {
        areas(self.size)
            .main
            .height
            .saturating_sub(2 + READER_HEADER)
            .max(1) as usize
    }

    /// The open document laid out at the reader's width; laid out once per
    /// document and width, then shared.
    pub fn reader_lines(&self) -> Arc<Vec<wrap::VisualLine>> {
        let (doc, width) = (self.reader.doc, self.reader_width());
        {
            let memo = self.layout.borrow();
            if std::ptr::eq(memo.corpus.as_ptr(), Arc::as_ptr(&self.corpus))
                && (memo.doc, memo.width) == (doc, width)
            {
                return Arc::clone(&memo.lines);
            }
        }
        let lines = Arc::new(match self.corpus.documents.get(doc) {
            Some(d) => {
                let paragraphs: Vec<Range<usize>> =
                    d.paragraphs.iter().map(|p| p.span.clone()).collect();
                wrap::layout(&d.text, &paragraphs, width)
            }
            None => Vec::new(),
        });
        *self.layout.borrow_mut() = LayoutMemo {
            corpus: Arc::downgrade(&self.corpus),
            doc,
            width,
            lines: Arc::clone(&lines),
        };
        lines
    }

    pub(super) fn max_scroll(&self, lines: usize) -> usize {
        lines.saturating_sub(self.reader_height())
    }

    pub(super) fn scroll_to_offset(&mut self, offset: usize) {
        let lines = self.reader_lines();
        let line = wrap::line_of(&lines, offset);
        let target = line.saturating_sub(self.reader_height() / 3);
        self.reader.scroll = target.min(self.max_scroll(lines.len()));
    }

    pub(super) fn reader_action(&mut self, action: Action) -> bool {
        let total = self.reader_lines().len();
        let max = self.max_scroll(total);
        let page = self.reader_height().saturating_sub(2).max(1);
        let r = &mut self.reader;
        match action {
            Action::Down => r.scroll = (r.scroll + 1).min(max),
            Action::Up => r.scroll = r.scroll.saturating_sub(1),
            Action::PageDown => r.scroll = (r.scroll + page).min(max),
            Action::PageUp => r.scroll = r.scroll.saturating_sub(page),
            Action::Top => r.scroll = 0,
            Action::Bottom => r.scroll = max,
            Action::FindInArticle => self.prompt = Some(Prompt::default()),
            Action::NextMatch => self.step_match(1),
            Action::PrevMatch => self.step_match(-1),
            Action::ClearSearch => {
                // Esc clears an active search or mark; with none it goes
                // back to the sources, one level up. It never quits.
                if r.search.is_none() && r.focus_sentence.is_none() {
                    self.focus = Focus::Sources;
                } else {
                    r.search = None;
                    r.focus_sentence = None;
                }
            }
            Action::Back => self.focus = Focus::Sources,
            _ => return false,
        }
        true
    }

    pub(super) fn step_match(&mut self, delta: isize) {
        let Some(search) = &mut self.reader.search else {
            self.message = Some("no search: press / to search the article".into());
            return;
        };
        let n = search.matches.len();
        if n == 0 {
            self.message = Some(format!("pattern not found: {}", search.query));
            return;
        }
        search.current = (search.current as isize + delta).rem_euclid(n as isize) as usize;
        let start = search.matches[search.current].start;
        self.scroll_to_offset(start);
    }

    pub(super) fn prompt_action(&mut self, action: Action) -> bool {
        match action {
            Action::Close => self.prompt = None,
            Action::Accept => {
                let prompt = self.prompt.take().unwrap_or_default();
                if let Some((edit, target)) = prompt.edit {
                    self.accept_edit(edit, target, &prompt.input);
                } else if prompt.list {
                    self.search_list(&prompt.input);
                } else {
                    self.search_article(&prompt.input);
                }
            }
            _ => return false,
        }
        true
    }

    /// Finds every match of `query` in the open article (literal, smart
    /// case) and moves to the first one at or after the top of the view.
    pub fn search_article(&mut self, query: &str) {
        if query.is_empty() {
            self.reader.search = None;
            return;
        }
        let Some(doc) = self.corpus.documents.get(self.reader.doc) else {
            return;
        };
        let case_insensitive = !query.chars().any(char::is_uppercase);
        let Ok(re) = RegexBuilder::new(&regex::escape(query))
            .case_insensitive(case_insensitive)
            .build()
        else {
            return;
        };
        let matches: Vec<Range<usize>> = re.find_iter(&doc.text).map(|m| m.range()).collect();
        let lines = self.reader_lines();
        let top = lines
            .get(self.reader.scroll)
            .and_then(wrap::VisualLine::span)
            .map_or(0, |s| s.start);
        let current = matches.iter().position(|m| m.start >= top).unwrap_or(0);
        self.reader.search = Some(ArticleSearch {
            query: query.to_string(),
            matches,
            current,
        });
        self.step_match(0);
    }
}

//! The one App state and its update function: keys become actions, actions
//! change state. Nothing here draws or does I/O; the run loop feeds it
//! events, sizes and search results.
//!
//! This file is over 800 lines: the TUI issue (15) reworks how keys move
//! between panes and overlays (Esc, breadcrumbs, filters); the state is split
//! by pane with that work, so it is not split twice.

use super::action::Action;
use super::keymap::{Context, Key, Keymap};
use super::theme::Theme;
use super::wrap;
use crosscheck::analysis::{Analysis, ClaimKind};
use crosscheck::compare::Comparison;
use crosscheck::search::{Found, Hit};
use crosscheck::{Corpus, SentenceId};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use regex::RegexBuilder;
use std::cell::RefCell;
use std::ops::Range;
use std::sync::{Arc, Weak};

/// The smallest terminal the layout fits in.
pub const MIN_WIDTH: u16 = 50;
pub const MIN_HEIGHT: u16 = 12;
/// How many hits the finder keeps.
pub const FINDER_LIMIT: usize = 500;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Sources,
    Main,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Reader,
    Claims,
    Diff,
}

/// A `/` search inside the open article.
#[derive(Debug, Clone, Default)]
pub struct ArticleSearch {
    pub query: String,
    pub matches: Vec<Range<usize>>,
    pub current: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Reader {
    pub doc: usize,
    /// First visible visual line.
    pub scroll: usize,
    /// The sentence a jump landed on, marked in the gutter.
    pub focus_sentence: Option<usize>,
    pub search: Option<ArticleSearch>,
}

#[derive(Debug, Clone, Default)]
pub struct Finder {
    pub query: String,
    /// The best hits for `answered`, best first.
    pub hits: Vec<Hit>,
    /// How many sentences match `answered` (so far, while `progress` is set).
    pub matched: usize,
    /// The query `hits` answer; differs from `query` while a search runs.
    pub answered: String,
    /// While the search for `answered` still runs: candidates done, and
    /// how many in all.
    pub progress: Option<(usize, usize)>,
    pub selected: usize,
}

/// The claims pane: which claims show and which one is selected.
#[derive(Debug, Clone, Default)]
pub struct ClaimsView {
    /// All sources, or only the open one.
    pub all_sources: bool,
    pub kind: Option<ClaimKind>,
    /// Only this outlet's (display name) claims; implies all sources.
    pub outlet: Option<String>,
    pub selected: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DiffSection {
    #[default]
    Figures,
    Statements,
    Coverage,
}

impl DiffSection {
    pub const ALL: [DiffSection; 3] = [
        DiffSection::Figures,
        DiffSection::Statements,
        DiffSection::Coverage,
    ];

    pub fn name(self) -> &'static str {
        match self {
            DiffSection::Figures => "Figures",
            DiffSection::Statements => "Statements",
            DiffSection::Coverage => "Coverage",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// The diff pane: a section, the selected row of each section, and, when
/// the reader has stepped into a row, the selected line inside it.
#[derive(Debug, Clone, Default)]
pub struct DiffView {
    pub section: DiffSection,
    pub selected: [usize; 3],
    pub detail: Option<usize>,
}

impl DiffView {
    pub fn selected(&self) -> usize {
        self.selected[self.section.index()]
    }
}

/// A text input line (the reader's `/` prompt).
#[derive(Debug, Clone, Default)]
pub struct Prompt {
    pub input: String,
}

pub struct App {
    pub corpus: Arc<Corpus>,
    /// Loading in progress: (files done, files total).
    pub loading: Option<(usize, usize)>,
    /// Figures, quotes and claims, once the background analysis is done.
    pub analysis: Option<Arc<Analysis>>,
    /// Analysis in progress: (documents done, total).
    pub analyzing: Option<(usize, usize)>,
    pub claims: ClaimsView,
    /// The cross-source comparison, once computed in the background.
    pub comparison: Option<Arc<Comparison>>,
    /// Every source is compared as one story (`--one-story`, `S`).
    pub one_story: bool,
    /// The comparison must be made again (the run loop clears it).
    pub recompare: bool,
    pub diff: DiffView,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Focus,
    pub view: View,
    pub selected_source: usize,
    pub reader: Reader,
    pub finder: Option<Finder>,
    pub prompt: Option<Prompt>,
    /// Scroll offset of the help overlay when open.
    pub help: Option<usize>,
    pub size: Rect,
    pub message: Option<String>,
    pub quit: bool,
    /// The last layout of the reader, for [`App::reader_lines`].
    layout: RefCell<LayoutMemo>,
}

/// A document laid out at a width, remembered with what it was made from:
/// laying out a large article costs its whole length, and every key in
/// the reader and every frame needs the layout. A memo, not state: the
/// answer depends only on the corpus, the document and the width, which
/// it is checked against on every use.
#[derive(Debug, Default)]
struct LayoutMemo {
    /// Weak, so that a corpus replaced and freed is not kept alive, and its
    /// address is not reused by a new corpus while this is held.
    corpus: Weak<Corpus>,
    doc: usize,
    width: usize,
    lines: Arc<Vec<wrap::VisualLine>>,
}

/// Where each pane sits for a terminal of `size`; shared by drawing and by
/// the update (page sizes, wrapping width).
pub struct Areas {
    pub sources: Rect,
    pub main: Rect,
    pub status: Rect,
}

pub fn areas(size: Rect) -> Areas {
    let body_height = size.height.saturating_sub(1);
    let left = (size.width / 3).clamp(24, 36).min(size.width);
    Areas {
        sources: Rect::new(size.x, size.y, left, body_height),
        main: Rect::new(size.x + left, size.y, size.width - left, body_height),
        status: Rect::new(size.x, size.y + body_height, size.width, size.height.min(1)),
    }
}

impl App {
    pub fn new(corpus: Arc<Corpus>, keymap: Keymap, theme: Theme, size: Rect) -> App {
        App {
            corpus,
            loading: None,
            analysis: None,
            analyzing: None,
            claims: ClaimsView::default(),
            comparison: None,
            one_story: false,
            recompare: false,
            diff: DiffView::default(),
            keymap,
            theme,
            focus: Focus::Sources,
            view: View::Reader,
            selected_source: 0,
            reader: Reader::default(),
            finder: None,
            prompt: None,
            help: None,
            size,
            message: None,
            quit: false,
            layout: RefCell::default(),
        }
    }

    /// The terminal was resized: keep the reader's scroll inside the text
    /// as it rewraps.
    pub fn resize(&mut self, size: Rect) {
        self.size = size;
        let max = self.max_scroll(self.reader_lines().len());
        self.reader.scroll = self.reader.scroll.min(max);
    }

    /// How `keymap` would trap the user, if it would: a pane no key quits
    /// from, or an overlay (finder, help, the `/` prompt) no key closes.
    /// Found by pressing the keys in an app with nothing loaded, through
    /// the same routing as the run loop's.
    pub fn trap(keymap: &Keymap) -> Option<String> {
        let theme = Theme::new(&super::theme::Colors::default(), false)
            .expect("the default colours are valid");
        let probe = || {
            App::new(
                Arc::new(Corpus::default()),
                keymap.clone(),
                theme.clone(),
                Rect::new(0, 0, 80, 24),
            )
        };
        let quit = keymap.keys(Context::Global, Action::Quit);
        if quit.is_empty() {
            return Some("`quit` in [keys.global] has no key: nothing would quit the app".into());
        }
        for ctx in Context::PANES {
            let quits = quit.iter().any(|&key| {
                let mut app = probe();
                (app.focus, app.view) = match ctx {
                    Context::Sources => (Focus::Sources, View::Reader),
                    Context::Claims => (Focus::Main, View::Claims),
                    Context::Diff => (Focus::Main, View::Diff),
                    _ => (Focus::Main, View::Reader),
                };
                app.press(key);
                app.quit
            });
            if !quits {
                let taken: Vec<String> = quit
                    .iter()
                    .map(|&k| match keymap.action(ctx, k) {
                        Some(a) => format!("{} is `{}`", k.label(), a.name()),
                        None => k.label(),
                    })
                    .collect();
                return Some(format!(
                    "no key quits the app from the {} pane: [keys.{}] takes every key of `quit` ({})",
                    ctx.name(),
                    ctx.name(),
                    taken.join(", ")
                ));
            }
        }
        type Open = fn(&mut App);
        type IsOpen = fn(&App) -> bool;
        let overlays: [(Context, &str, Open, IsOpen); 3] = [
            (
                Context::Finder,
                "`close`",
                |a| a.finder = Some(Finder::default()),
                |a| a.finder.is_some(),
            ),
            (
                Context::Help,
                "`close`",
                |a| a.help = Some(0),
                |a| a.help.is_some(),
            ),
            (
                Context::Prompt,
                "`close` or `accept`",
                |a| a.prompt = Some(Prompt::default()),
                |a| a.prompt.is_some(),
            ),
        ];
        for (ctx, actions, open, is_open) in overlays {
            let closes = keymap
                .bindings(ctx)
                .iter()
                .flat_map(|(_, keys)| keys)
                .any(|&key| {
                    let mut app = probe();
                    open(&mut app);
                    app.press(key);
                    !is_open(&app)
                });
            if !closes {
                return Some(format!(
                    "no key closes the {} ([keys.{}] {actions} has no key)",
                    match ctx {
                        Context::Finder => "finder",
                        Context::Help => "help",
                        _ => "search prompt",
                    },
                    ctx.name()
                ));
            }
        }
        None
    }

    pub fn too_small(&self) -> bool {
        self.size.width < MIN_WIDTH || self.size.height < MIN_HEIGHT
    }

    /// Replaces the corpus (a background load finished); its analysis is
    /// still to come.
    pub fn set_corpus(&mut self, corpus: Arc<Corpus>) {
        self.corpus = corpus;
        self.loading = None;
        self.analysis = None;
        self.comparison = None;
        self.diff = DiffView::default();
        self.selected_source = 0;
        self.reader = Reader::default();
        self.claims = ClaimsView::default();
    }

    pub fn set_analysis(&mut self, analysis: Arc<Analysis>) {
        self.analysis = Some(analysis);
        self.analyzing = None;
    }

    pub fn set_comparison(&mut self, comparison: Arc<Comparison>) {
        if self.comparison.is_some() {
            // A comparison made again: say what changed.
            let n = comparison.stories.len();
            self.message = Some(match n {
                1 => "compared as one story".to_string(),
                n => format!("compared in {n} stories"),
            });
        }
        self.comparison = Some(comparison);
        self.diff.detail = None;
    }

    /// Rows of a diff section: figure groups, statements, or sources.
    pub fn diff_rows(&self, section: DiffSection) -> usize {
        match (&self.comparison, section) {
            (None, _) => 0,
            (Some(c), DiffSection::Figures) => c.figures.len(),
            (Some(c), DiffSection::Statements) => c.statements.len(),
            (Some(c), DiffSection::Coverage) => c.coverage.sources.len(),
        }
    }

    /// The sentences inside a diff row, in the order the pane lists them:
    /// a group's entries, a statement's sentences, a source's claims that no
    /// other source reports.
    pub fn diff_detail(&self, section: DiffSection, row: usize) -> Vec<SentenceId> {
        let Some(c) = &self.comparison else {
            return Vec::new();
        };
        match section {
            DiffSection::Figures => c
                .figures
                .get(row)
                .map_or(Vec::new(), |g| g.entries.iter().map(|e| e.id).collect()),
            DiffSection::Statements => c
                .statements
                .get(row)
                .map_or(Vec::new(), |g| g.entries.iter().map(|e| e.id).collect()),
            DiffSection::Coverage => c.exclusive_of(row),
        }
    }

    /// The context of the focused pane.
    pub fn pane_context(&self) -> Context {
        match (self.focus, self.view) {
            (Focus::Sources, _) => Context::Sources,
            (Focus::Main, View::Reader) => Context::Reader,
            (Focus::Main, View::Claims) => Context::Claims,
            (Focus::Main, View::Diff) => Context::Diff,
        }
    }

    /// The context that takes keys first: an overlay, else the pane.
    pub fn top_context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else if self.finder.is_some() {
            Context::Finder
        } else if self.prompt.is_some() {
            Context::Prompt
        } else {
            self.pane_context()
        }
    }

    pub fn handle_key(&mut self, event: KeyEvent) {
        self.message = None;
        let Some(key) = Key::from_event(event) else {
            return;
        };
        if !self.press(key) {
            self.edit_input(event);
        }
    }

    /// Runs what `key` is bound to: in the top context, else (from a pane)
    /// in the global one. False when the finder or the prompt has the
    /// keyboard and the key is not bound there: it is typed.
    fn press(&mut self, key: Key) -> bool {
        let top = self.top_context();
        if let Some(action) = self.keymap.action(top, key)
            && self.apply(top, action)
        {
            return true;
        }
        match top {
            Context::Finder | Context::Prompt => false,
            Context::Help => true,
            _ => {
                if let Some(action) = self.keymap.action(Context::Global, key) {
                    self.apply(Context::Global, action);
                }
                true
            }
        }
    }

    /// Runs `action` in `ctx`; false when it does not apply there and the
    /// key should fall through to the global context.
    pub fn apply(&mut self, ctx: Context, action: Action) -> bool {
        match ctx {
            Context::Help => self.help_action(action),
            Context::Finder => self.finder_action(action),
            Context::Prompt => self.prompt_action(action),
            Context::Sources => self.sources_action(action),
            Context::Reader => self.reader_action(action),
            Context::Claims => self.claims_action(action),
            Context::Diff => self.diff_action(action),
            Context::Global => {
                self.global_action(action);
                true
            }
        }
    }

    fn global_action(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Help => self.help = Some(0),
            Action::OpenFinder => self.finder = Some(Finder::default()),
            Action::FocusNext | Action::FocusPrev => {
                self.focus = match self.focus {
                    Focus::Sources => Focus::Main,
                    Focus::Main => Focus::Sources,
                }
            }
            Action::ShowReader => self.show(View::Reader),
            Action::ShowClaims => self.show(View::Claims),
            Action::ShowDiff => self.show(View::Diff),
            Action::NextSource => self.step_source(1),
            Action::PrevSource => self.step_source(-1),
            _ => {}
        }
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.focus = Focus::Main;
    }

    fn step_source(&mut self, delta: isize) {
        let n = self.corpus.documents.len();
        if n == 0 {
            return;
        }
        let next = (self.reader.doc as isize + delta).rem_euclid(n as isize) as usize;
        self.selected_source = next;
        self.open_document(next);
    }

    fn sources_action(&mut self, action: Action) -> bool {
        let n = self.corpus.documents.len();
        let page = (areas(self.size).sources.height.saturating_sub(2) / 2).max(1) as usize;
        let s = &mut self.selected_source;
        match action {
            Action::Down => *s = (*s + 1).min(n.saturating_sub(1)),
            Action::Up => *s = s.saturating_sub(1),
            Action::PageDown => *s = (*s + page).min(n.saturating_sub(1)),
            Action::PageUp => *s = s.saturating_sub(page),
            Action::Top => *s = 0,
            Action::Bottom => *s = n.saturating_sub(1),
            Action::Open => {
                if n > 0 {
                    self.open_document(self.selected_source);
                    self.focus = Focus::Main;
                }
            }
            _ => return false,
        }
        true
    }

    /// The claims the claims pane shows, as (document, claim index), in
    /// corpus order.
    pub fn visible_claims(&self) -> Vec<(usize, usize)> {
        let Some(analysis) = &self.analysis else {
            return Vec::new();
        };
        let c = &self.claims;
        let docs: Vec<usize> = if c.all_sources || c.outlet.is_some() {
            (0..self.corpus.documents.len()).collect()
        } else {
            vec![self.reader.doc]
        };
        let mut out = Vec::new();
        for d in docs {
            let (Some(doc), Some(a)) = (self.corpus.documents.get(d), analysis.docs.get(d)) else {
                continue;
            };
            if c.outlet.as_deref().is_some_and(|o| o != doc.display_name()) {
                continue;
            }
            for (i, claim) in a.claims.iter().enumerate() {
                let keep = match c.kind {
                    None => true,
                    Some(ClaimKind::Attribution) => claim.claimer.is_some(),
                    Some(k) => claim.kinds.contains(&k),
                };
                if keep {
                    out.push((d, i));
                }
            }
        }
        out
    }

    /// The outlets (display names) in corpus order, each once.
    pub fn outlets(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for d in &self.corpus.documents {
            let name = d.display_name().to_string();
            if !seen.contains(&name) {
                seen.push(name);
            }
        }
        seen
    }

    fn diff_action(&mut self, action: Action) -> bool {
        let section = self.diff.section;
        let row = self.diff.selected();
        let rows = self.diff_rows(section);
        let details = self.diff_detail(section, row);
        // Moves act on the lines inside a row once the reader stepped in.
        let (pos, n) = match self.diff.detail {
            Some(d) => (d, details.len()),
            None => (row, rows),
        };
        let page = (areas(self.size).main.height / 4).max(1) as usize;
        let last = n.saturating_sub(1);
        let moved = match action {
            Action::Down => Some((pos + 1).min(last)),
            Action::Up => Some(pos.saturating_sub(1)),
            Action::PageDown => Some((pos + page).min(last)),
            Action::PageUp => Some(pos.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => None,
        };
        if let Some(p) = moved {
            match &mut self.diff.detail {
                Some(d) => *d = p,
                None => self.diff.selected[section.index()] = p,
            }
            return true;
        }
        match action {
            Action::Open => match self.diff.detail {
                None if !details.is_empty() => self.diff.detail = Some(0),
                None => {}
                Some(d) => {
                    if let Some(&id) = details.get(d) {
                        self.jump_to(id);
                    }
                }
            },
            Action::NextSection => {
                let next = DiffSection::ALL[(section.index() + 1) % DiffSection::ALL.len()];
                self.diff.section = next;
                self.diff.detail = None;
            }
            Action::ToggleOneStory => {
                // Asked of the run loop, which compares again off this thread.
                self.one_story = !self.one_story;
                self.recompare = true;
                self.message = Some(if self.one_story {
                    "comparing every source as one story…".to_string()
                } else {
                    "clustering the sources into stories…".to_string()
                });
            }
            Action::Back => match self.diff.detail {
                Some(_) => self.diff.detail = None,
                None => self.focus = Focus::Sources,
            },
            _ => return false,
        }
        true
    }

    fn claims_action(&mut self, action: Action) -> bool {
        let n = self.visible_claims().len();
        let page = (areas(self.size).main.height.saturating_sub(2) / 3).max(1) as usize;
        let c = &mut self.claims;
        match action {
            Action::Down => c.selected = (c.selected + 1).min(n.saturating_sub(1)),
            Action::Up => c.selected = c.selected.saturating_sub(1),
            Action::PageDown => c.selected = (c.selected + page).min(n.saturating_sub(1)),
            Action::PageUp => c.selected = c.selected.saturating_sub(page),
            Action::Top => c.selected = 0,
            Action::Bottom => c.selected = n.saturating_sub(1),
            Action::CycleKind => {
                c.kind = match c.kind {
                    None => Some(ClaimKind::Figure),
                    Some(ClaimKind::Figure) => Some(ClaimKind::Quote),
                    Some(ClaimKind::Quote) => Some(ClaimKind::Attribution),
                    Some(ClaimKind::Attribution) => None,
                };
                c.selected = 0;
            }
            Action::CycleOutlet => {
                let outlets = self.outlets();
                let c = &mut self.claims;
                let next = match &c.outlet {
                    None => 0,
                    Some(o) => outlets.iter().position(|x| x == o).map_or(0, |i| i + 1),
                };
                c.outlet = outlets.get(next).cloned();
                c.selected = 0;
            }
            Action::ToggleScope => {
                c.all_sources = !c.all_sources;
                if !c.all_sources {
                    c.outlet = None;
                }
                c.selected = 0;
            }
            Action::Open => {
                let visible = self.visible_claims();
                if let (Some(&(doc, i)), Some(analysis)) =
                    (visible.get(self.claims.selected), &self.analysis)
                {
                    let sentence = analysis.docs[doc].claims[i].sentence;
                    self.jump_to(SentenceId { doc, sentence });
                }
            }
            Action::Back => self.focus = Focus::Sources,
            _ => return false,
        }
        true
    }

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

    pub fn reader_height(&self) -> usize {
        areas(self.size).main.height.saturating_sub(2).max(1) as usize
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

    fn max_scroll(&self, lines: usize) -> usize {
        lines.saturating_sub(self.reader_height())
    }

    fn scroll_to_offset(&mut self, offset: usize) {
        let lines = self.reader_lines();
        let line = wrap::line_of(&lines, offset);
        let target = line.saturating_sub(self.reader_height() / 3);
        self.reader.scroll = target.min(self.max_scroll(lines.len()));
    }

    fn reader_action(&mut self, action: Action) -> bool {
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
                // Esc clears an active search; with none it falls through (quit).
                if r.search.is_none() && r.focus_sentence.is_none() {
                    return false;
                }
                r.search = None;
                r.focus_sentence = None;
            }
            Action::Back => self.focus = Focus::Sources,
            _ => return false,
        }
        true
    }

    fn step_match(&mut self, delta: isize) {
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

    fn prompt_action(&mut self, action: Action) -> bool {
        match action {
            Action::Close => self.prompt = None,
            Action::Accept => {
                let query = self.prompt.take().map(|p| p.input).unwrap_or_default();
                self.search_article(&query);
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

    fn finder_action(&mut self, action: Action) -> bool {
        let Some(f) = &mut self.finder else {
            return false;
        };
        let n = f.hits.len();
        match action {
            Action::Close => self.finder = None,
            Action::Accept => {
                if let Some(hit) = f.hits.get(f.selected) {
                    let id = hit.id;
                    self.finder = None;
                    self.jump_to(id);
                }
            }
            Action::Down => f.selected = (f.selected + 1).min(n.saturating_sub(1)),
            Action::Up => f.selected = f.selected.saturating_sub(1),
            Action::PageDown => f.selected = (f.selected + 10).min(n.saturating_sub(1)),
            Action::PageUp => f.selected = f.selected.saturating_sub(10),
            _ => return false,
        }
        true
    }

    /// Typing in the finder or the prompt.
    fn edit_input(&mut self, event: KeyEvent) {
        let input = match (&mut self.finder, &mut self.prompt) {
            (Some(f), _) => &mut f.query,
            (None, Some(p)) => &mut p.input,
            _ => return,
        };
        let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
        match event.code {
            KeyCode::Char('u') if ctrl => input.clear(),
            KeyCode::Char('w') if ctrl => {
                let trimmed = input.trim_end().len();
                let cut = input[..trimmed].rfind(' ').map_or(0, |i| i + 1);
                input.truncate(cut);
            }
            KeyCode::Char(c) if !ctrl && !event.modifiers.contains(KeyModifiers::ALT) => {
                input.push(c)
            }
            KeyCode::Backspace => {
                input.pop();
            }
            _ => {}
        }
    }

    /// The query the finder wants answered, if its results are stale or
    /// partial.
    pub fn pending_search(&self) -> Option<&str> {
        self.finder
            .as_ref()
            .filter(|f| f.query != f.answered || f.progress.is_some())
            .map(|f| f.query.as_str())
    }

    /// Results for `query` arrived, all of them or (with `progress`) the
    /// best so far; stale ones (the user typed on) are dropped.
    pub fn set_hits(&mut self, query: &str, found: Found, progress: Option<(usize, usize)>) {
        let Some(f) = &mut self.finder else { return };
        if f.query != query {
            return;
        }
        if f.answered != query {
            f.selected = 0;
        }
        f.selected = f.selected.min(found.hits.len().saturating_sub(1));
        f.hits = found.hits;
        f.matched = found.matched;
        f.answered = query.to_string();
        f.progress = progress;
    }

    fn help_action(&mut self, action: Action) -> bool {
        let Some(scroll) = &mut self.help else {
            return false;
        };
        match action {
            Action::Close => self.help = None,
            Action::Down => *scroll += 1,
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::PageDown => *scroll += 10,
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            _ => return false,
        }
        true
    }
}

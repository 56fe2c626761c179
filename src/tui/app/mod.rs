//! The one App state and its update function: keys become actions, actions
//! change state. Nothing here draws or does I/O; the run loop feeds it
//! events, sizes and search results.
//!
//! One file per pane or overlay holds that part's state and its actions
//! (`sources`, `reader`, `claims`, `diff`, `stories`, `finder`); this one holds the
//! App, the routing of keys and the global actions.

mod claims;
mod diff;
mod finder;
mod index;
mod list_search;
mod marks;
mod provenance;
mod reader;
mod sources;
mod stories;

pub use claims::ClaimsView;
pub use diff::{DiffSection, DiffView};
pub use finder::Finder;
pub use index::ComparisonIndex;
pub use marks::{Edit, GroupKeys, StoreJob, TimelineView};
pub use provenance::External;
use reader::LayoutMemo;
pub use reader::{Prompt, READER_HEADER, Reader};
pub use sources::{SourceOrder, SourcesView};
pub use stories::{Picked, StoriesView, StoryRow};

use super::action::Action;
use super::keymap::{Context, Key, Keymap};
use super::theme::Theme;
use crosscheck::Corpus;
use crosscheck::analysis::Analysis;
use crosscheck::compare::{Comparison, StoryEdit};
use crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use std::cell::RefCell;
use std::sync::Arc;

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
    Stories,
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
    /// The checker's corrections of the stories, in order (kept in the
    /// workspace); every comparison is made with them.
    pub story_edits: Vec<StoryEdit>,
    /// The app shows one story only: the one this document is in (a
    /// document, since story numbers change with every comparison).
    pub story_filter: Option<usize>,
    /// Each document's story in the comparison.
    pub doc_story: Vec<usize>,
    pub stories: StoriesView,
    pub diff: DiffView,
    pub keymap: Keymap,
    pub theme: Theme,
    pub focus: Focus,
    pub view: View,
    /// The selected source (a document index).
    pub selected_source: usize,
    pub sources: SourcesView,
    pub reader: Reader,
    pub finder: Option<Finder>,
    pub prompt: Option<Prompt>,
    /// Scroll offset of the help overlay when open.
    pub help: Option<usize>,
    pub size: Rect,
    pub message: Option<String>,
    /// Something the run loop is asked to do outside (`o`, `e`, `y`).
    pub external: Option<External>,
    /// The workspace's marks, matched to the corpus.
    pub marks: crosscheck::store::MarkIndex,
    /// The keys of the comparison's groups the marks are filed under.
    /// What the filters and marks ask of the comparison, made with it.
    pub index: ComparisonIndex,
    /// A mark to write or the report to export, for the run loop.
    pub store_job: Option<StoreJob>,
    /// The timeline overlay, when open.
    pub timeline: Option<TimelineView>,
    pub quit: bool,
    /// The last layout of the reader, for [`App::reader_lines`].
    layout: RefCell<LayoutMemo>,
    /// The claims the claims pane's filters left, for [`App::visible_claims`].
    claims_memo: RefCell<claims::ClaimsMemo>,
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
            story_edits: Vec::new(),
            story_filter: None,
            doc_story: Vec::new(),
            stories: StoriesView::default(),
            diff: DiffView::default(),
            keymap,
            theme,
            focus: Focus::Sources,
            view: View::Reader,
            selected_source: 0,
            sources: SourcesView::default(),
            reader: Reader::default(),
            finder: None,
            prompt: None,
            help: None,
            size,
            message: None,
            external: None,
            marks: crosscheck::store::MarkIndex::default(),
            index: ComparisonIndex::default(),
            store_job: None,
            timeline: None,
            quit: false,
            layout: RefCell::default(),
            claims_memo: RefCell::default(),
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
                    Context::Stories => (Focus::Main, View::Stories),
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
        let overlays: [(Context, &str, Open, IsOpen); 4] = [
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
            (
                Context::Timeline,
                "`close`",
                |a| {
                    a.timeline = Some(TimelineView {
                        group: 0,
                        scroll: 0,
                    })
                },
                |a| a.timeline.is_some(),
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
                        Context::Timeline => "timeline",
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
        // Another corpus: its days are read again.
        self.sources.days = None;
        self.loading = None;
        self.analysis = None;
        self.comparison = None;
        self.index = ComparisonIndex::default();
        self.diff = DiffView::default();
        self.selected_source = 0;
        self.sort_sources();
        self.selected_source = self.source_at(0);
        self.reader = Reader {
            doc: self.selected_source,
            ..Reader::default()
        };
        self.claims = ClaimsView::default();
        self.timeline = None;
        // Documents of another corpus: the filter's document means nothing.
        self.story_filter = None;
        self.refresh_stories();
        self.set_marks(self.marks.marks().to_vec());
    }

    pub fn set_analysis(&mut self, analysis: Arc<Analysis>) {
        // The run loop's comparison comes after its analysis, its index
        // resolved; a comparison set before (tests) is resolved now.
        if self.comparison.is_some() {
            self.index.resolve_claims(&analysis);
        }
        self.analysis = Some(analysis);
        self.analyzing = None;
    }

    /// A new comparison; its index is made here (the run loop makes it on
    /// the comparison's thread and calls [`App::set_indexed_comparison`]).
    #[cfg(test)]
    pub fn set_comparison(&mut self, comparison: Arc<Comparison>) {
        let mut index = ComparisonIndex::new(&comparison, self.corpus.documents.len());
        if let Some(a) = &self.analysis {
            index.resolve_claims(a);
        }
        self.set_indexed_comparison(comparison, index);
    }

    pub fn set_indexed_comparison(&mut self, comparison: Arc<Comparison>, index: ComparisonIndex) {
        if self.comparison.is_some() {
            // A comparison made again: say what changed.
            let n = comparison.stories.len();
            self.message = Some(match n {
                1 => "compared as one story".to_string(),
                n => format!("compared in {n} stories"),
            });
        }
        self.index = index;
        // A group index of the old comparison means nothing in the new one.
        self.timeline = None;
        self.comparison = Some(comparison);
        self.refresh_stories();
        self.story_filter_changed();
    }

    /// Where the main pane is, outermost first, for its title: the view,
    /// then (reader) the source and a search, (claims) the scope and kind,
    /// (diff) the section, its filters and the row stepped into.
    pub fn breadcrumb(&self) -> Vec<String> {
        let doc_name = |d: usize| {
            self.corpus
                .documents
                .get(d)
                .map(|d| d.display_name().to_string())
        };
        let mut out = Vec::new();
        match self.view {
            View::Reader => {
                out.push("Reader".to_string());
                out.extend(doc_name(self.reader.doc));
                if let Some(s) = &self.reader.search {
                    out.push(format!("/{}", s.query));
                }
            }
            View::Claims => {
                out.push("Claims".to_string());
                out.extend(self.story_shown().map(|s| format!("S{}", s + 1)));
                let c = &self.claims;
                out.push(match (&c.outlet, c.all_sources) {
                    (Some(o), _) => o.clone(),
                    (None, true) => "all sources".to_string(),
                    (None, false) => doc_name(self.reader.doc).unwrap_or_default(),
                });
                if let Some(k) = c.kind {
                    out.push(claims::kind_name(k).to_string());
                }
                if c.disagreeing {
                    out.push("disagreements".to_string());
                }
                out.extend(c.measure.clone());
            }
            View::Stories => {
                out.push("Stories".to_string());
                if let Some(s) = self.story_shown() {
                    out.push(format!("S{}", s + 1));
                }
            }
            View::Diff => {
                out.push("Diff".to_string());
                out.extend(self.story_shown().map(|s| format!("S{}", s + 1)));
                let section = self.diff.section;
                out.push(section.name().to_string());
                if self.diff.conflicts_only {
                    out.push("conflicts".to_string());
                }
                if let Some(o) = &self.diff.outlet {
                    out.push(o.clone());
                }
                if let Some(m) = &self.diff.measure {
                    out.push(m.clone());
                }
                if self.diff.detail.is_some()
                    && let Some(label) = self.diff_row_label(section, self.diff.selected())
                {
                    out.push(label);
                }
            }
        }
        out
    }

    /// The context of the focused pane.
    pub fn pane_context(&self) -> Context {
        match (self.focus, self.view) {
            (Focus::Sources, _) => Context::Sources,
            (Focus::Main, View::Reader) => Context::Reader,
            (Focus::Main, View::Claims) => Context::Claims,
            (Focus::Main, View::Diff) => Context::Diff,
            (Focus::Main, View::Stories) => Context::Stories,
        }
    }

    /// The context that takes keys first: an overlay, else the pane.
    pub fn top_context(&self) -> Context {
        if self.help.is_some() {
            Context::Help
        } else if self.timeline.is_some() {
            Context::Timeline
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
            Context::Help | Context::Timeline => true,
            _ => {
                if let Some(action) = self.keymap.action(Context::Global, key) {
                    self.apply(Context::Global, action);
                } else if key == Key::parse("esc").expect("a key name") {
                    // Nothing left to close or leave: say how to quit.
                    if let Some(q) = self.keymap.first_key(Context::Global, Action::Quit) {
                        self.message = Some(format!("nothing to close here; {q} quits"));
                    }
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
            Context::Timeline => self.timeline_action(action),
            Context::Sources => self.sources_action(action),
            Context::Reader => self.reader_action(action),
            Context::Claims => {
                self.list_search_action(action)
                    || self.mark_action(action)
                    || self.claims_action(action)
            }
            Context::Diff => {
                self.list_search_action(action)
                    || self.mark_action(action)
                    || self.diff_action(action)
            }
            Context::Stories => self.stories_action(action),
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
            Action::ShowStories => self.show(View::Stories),
            Action::NextSource => self.step_source(1),
            Action::PrevSource => self.step_source(-1),
            Action::OpenUrl | Action::Edit | Action::CopyUrl | Action::CopySentence => {
                self.provenance_action(action)
            }
            Action::ExportReport => self.export(),
            _ => {}
        }
    }

    fn show(&mut self, view: View) {
        self.view = view;
        self.focus = Focus::Main;
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

//! Terminal safety of the TUI: the hostile corpus (escape sequences, C1
//! controls, bidi overrides, zero-width characters in every format, field
//! and file name) is drawn in every view through the real crossterm backend
//! into a byte buffer, and the bytes are checked: the only escape sequences
//! are the backend's own styling and cursor moves.

#[path = "../../tests/common/hostile.rs"]
pub mod hostile;

use super::app::{App, Edit, FINDER_LIMIT, Finder, Prompt, TimelineView, View};
use super::keymap::Keymap;
use super::theme::{Colors, Theme};
use super::ui;
use crosscheck::{Corpus, analysis, load, search};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;
use std::sync::Arc;

fn hostile_app(width: u16, height: u16, color: bool) -> App {
    let files = hostile::files();
    let loaded = load::load_named(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    assert!(loaded.documents.len() >= 10, "the hostile corpus loads");
    let corpus = Arc::new(Corpus {
        documents: loaded.documents,
    });
    let mut app = App::new(
        Arc::clone(&corpus),
        Keymap::defaults(),
        Theme::new(&Colors::default(), color).unwrap(),
        Rect::new(0, 0, width, height),
    );
    app.set_analysis(Arc::new(analysis::analyze(&corpus)));
    // What the run loop shows after a load with problems.
    app.message = loaded.problems.first().map(ToString::to_string);
    app
}

/// A writer whose bytes stay readable after the backend took it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes the real backend writes to draw `app` on a fresh screen.
fn bytes(app: &App) -> Vec<u8> {
    let out = Shared::default();
    let mut terminal = Terminal::with_options(
        CrosstermBackend::new(out.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(app.size),
        },
    )
    .unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    drop(terminal);
    out.0.take()
}

fn check(app: &App, what: &str) -> String {
    let out = bytes(app);
    assert!(!out.is_empty());
    if let Err(e) = hostile::check_output(&out, "mHhlK") {
        panic!("{what}: {e}");
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every view of every hostile document, at two sizes, colour and NO_COLOR.
#[test]
fn hostile_corpus_never_reaches_the_terminal_through_the_tui() {
    for (w, h, color) in [(120, 40, true), (80, 24, false), (300, 100, true)] {
        let mut app = hostile_app(w, h, color);
        let docs = app.corpus.documents.len();
        check(&app, "sources");
        for doc in 0..docs {
            app.selected_source = doc;
            app.open_document(doc);
            app.view = View::Reader;
            let shown = check(&app, &format!("reader on document {doc}"));
            assert!(
                shown.contains("Officials") || shown.contains("Pentagon"),
                "the reader shows the article text of document {doc}"
            );
            app.search_article("troops");
            check(&app, &format!("reader search on document {doc}"));
            app.prompt = Some(Prompt {
                input: hostile::all(),
                list: false,
                edit: None,
            });
            check(&app, &format!("reader prompt on document {doc}"));
            app.prompt = Some(Prompt {
                input: hostile::all(),
                list: true,
                edit: None,
            });
            check(&app, &format!("list prompt on document {doc}"));
            app.prompt = None;
            app.view = View::Claims;
            check(&app, &format!("claims of document {doc}"));
        }
        app.claims.all_sources = true;
        check(&app, "claims of all sources");
        for query in ["troops", "evil", "pwned", "mallory", "link"] {
            app.finder = Some(Finder {
                query: query.into(),
                ..Finder::default()
            });
            let hits = search::search(&app.corpus, query, FINDER_LIMIT);
            app.set_hits(query, hits, None);
            check(&app, &format!("finder on {query:?}"));
        }
        app.finder = Some(Finder {
            query: hostile::all(),
            ..Finder::default()
        });
        check(&app, "finder with a hostile query");
        app.finder = None;
        app.view = View::Diff;
        check(&app, "diff");
        marked(&mut app);
        check(&app, "diff with marks");
        app.timeline = Some(TimelineView {
            group: 0,
            scroll: 0,
        });
        check(&app, "timeline");
        app.timeline = None;
        let t = crosscheck::store::target::figure_group(app.comparison.as_ref().unwrap(), 0);
        app.prompt = Some(Prompt {
            input: hostile::all(),
            list: false,
            edit: Some((Edit::Note, t.unwrap())),
        });
        check(&app, "note prompt");
        app.prompt = None;
        app.help = Some(0);
        check(&app, "help");
    }
}

/// Compares the hostile corpus and marks its first figure group, its first
/// figure and its first claim with hostile notes, through a real store.
fn marked(app: &mut App) {
    use crosscheck::store::{Store, target};
    let analysis = app.analysis.clone().unwrap();
    let cmp = Arc::new(crosscheck::compare::compare(&app.corpus, &analysis));
    app.set_comparison(Arc::clone(&cmp));
    assert!(
        !cmp.figures.is_empty(),
        "the hostile corpus has figures to mark"
    );
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("w.sqlite")).unwrap();
    let mut targets = Vec::new();
    targets.extend(target::figure_group(&cmp, 0));
    targets.extend(cmp.figures.first().map(|g| target::entry(&g.entries[0])));
    for t in targets {
        store.set_note(&t, &hostile::all()).unwrap();
        let m = store
            .set_accepted(&t, Some(&hostile::all()), Some(&hostile::all()))
            .unwrap();
        app.mark_saved(m);
    }
    app.set_marks(store.marks().unwrap());
    app.diff.detail = Some(0);
}

/// The check itself catches a leak: drawing raw text through a backend
/// that printed it verbatim would fail.
#[test]
fn the_terminal_check_catches_raw_payloads() {
    for p in hostile::PAYLOADS {
        let raw = format!("text{p}text");
        assert!(
            hostile::check_output(raw.as_bytes(), "mHhlK").is_err(),
            "{p:?} slipped through the check"
        );
    }
}

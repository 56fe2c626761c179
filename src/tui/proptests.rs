//! Property test: the TUI never panics, whatever keys arrive at whatever
//! terminal size. Random sequences of keys from the real keymap (every
//! context) and random characters, with resizes between them, at sizes from
//! 1×1 to 300×100, on every kind of corpus (seeds, seeds still being
//! analyzed, nothing loaded yet, the hostile corpus); after every event the
//! app is drawn on a `TestBackend`.

use super::app::{App, FINDER_LIMIT};
use super::hostile_tests::hostile;
use super::keymap::{Context, Key, Keymap};
use super::theme::{Colors, Theme};
use super::ui;
use crosscheck::{Corpus, analysis, load, search};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::sync::{Arc, LazyLock};

/// Every key bound anywhere in the default keymap.
static BOUND: LazyLock<Vec<Key>> = LazyLock::new(|| {
    let keymap = Keymap::defaults();
    let mut keys: Vec<Key> = Context::ALL
        .iter()
        .flat_map(|&ctx| keymap.bindings(ctx).iter())
        .flat_map(|(_, keys)| keys.iter().copied())
        .collect();
    keys.sort();
    keys.dedup();
    keys
});

static SEEDS: LazyLock<(Arc<Corpus>, Arc<analysis::Analysis>)> = LazyLock::new(|| {
    let corpus = Arc::new(Corpus::seeds());
    let analysis = Arc::new(analysis::analyze(&corpus));
    (corpus, analysis)
});

static HOSTILE: LazyLock<(Arc<Corpus>, Arc<analysis::Analysis>)> = LazyLock::new(|| {
    let files = hostile::files();
    let loaded = load::load_named(files.iter().map(|(n, b)| (n.as_str(), b.as_slice())));
    let corpus = Arc::new(Corpus {
        documents: loaded.documents,
    });
    let analysis = Arc::new(analysis::analyze(&corpus));
    (corpus, analysis)
});

/// The key event a terminal sends for a keymap key.
fn key_event(key: Key) -> KeyEvent {
    key.to_event()
}

#[derive(Debug, Clone)]
enum Event {
    Key(KeyEvent),
    Resize(u16, u16),
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        (1u16..=300, 1u16..=100),
        // Around the "too small" threshold and typical terminals.
        (45u16..=85, 8u16..=26),
        Just((1, 1)),
        Just((300, 100)),
    ]
}

fn event() -> impl Strategy<Value = Event> {
    let bound = (0..BOUND.len()).prop_map(|i| Event::Key(key_event(BOUND[i])));
    let text =
        any::<char>().prop_map(|c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)));
    let modified = (any::<char>(), 0u8..8).prop_map(|(c, m)| {
        Event::Key(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::from_bits_truncate(m),
        ))
    });
    let other = prop_oneof![
        Just(KeyCode::Insert),
        Just(KeyCode::Null),
        Just(KeyCode::F(13)),
        Just(KeyCode::Backspace),
        Just(KeyCode::Delete),
    ]
    .prop_map(|c| Event::Key(KeyEvent::new(c, KeyModifiers::NONE)));
    prop_oneof![
        8 => bound,
        3 => text,
        1 => modified,
        1 => other,
        1 => size().prop_map(|(w, h)| Event::Resize(w, h)),
    ]
}

fn app(corpus: u8, (w, h): (u16, u16)) -> App {
    let (c, a) = match corpus {
        0 | 1 => SEEDS.clone(),
        2 => (
            Arc::new(Corpus::default()),
            Arc::new(analysis::Analysis::default()),
        ),
        _ => HOSTILE.clone(),
    };
    let mut app = App::new(
        c,
        Keymap::defaults(),
        Theme::new(&Colors::default(), true).unwrap(),
        Rect::new(0, 0, w, h),
    );
    match corpus {
        // Seeds whose analysis is still running.
        1 => app.analyzing = Some((0, 5)),
        // Nothing loaded yet: the loader is still walking.
        2 => app.loading = Some((0, 0)),
        _ => app.set_analysis(a),
    }
    app
}

fn draw(app: &App) {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn tui_never_panics_on_random_keys_at_random_sizes(
        corpus in 0u8..4,
        start in size(),
        events in proptest::collection::vec(event(), 1..48),
    ) {
        let mut app = app(corpus, start);
        draw(&app);
        for e in events {
            match e {
                Event::Key(k) => app.handle_key(k),
                Event::Resize(w, h) => app.size = Rect::new(0, 0, w, h),
            }
            // The search worker's answer, at once.
            if let Some(q) = app.pending_search().map(str::to_string) {
                let hits = search::search(&app.corpus, &q, FINDER_LIMIT);
                app.set_hits(&q, hits, None);
            }
            draw(&app);
            if app.quit {
                // The run loop would exit; go on to stress the state further.
                app.quit = false;
            }
        }
    }
}

//! Behaviour tests (key sequences through the real keymap and update,
//! asserting on state) and snapshot tests of every view.

use super::app::{App, FINDER_LIMIT, Focus, View};
use super::keymap::{Key, Keymap};
use super::theme::{Colors, Theme};
use super::ui;
use crosscheck::{Corpus, analysis, compare, search};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::sync::Arc;

pub(super) fn app(width: u16, height: u16) -> App {
    let corpus = Arc::new(Corpus::seeds());
    let mut app = App::new(
        Arc::clone(&corpus),
        Keymap::defaults(),
        Theme::new(&Colors::default(), true).unwrap(),
        Rect::new(0, 0, width, height),
    );
    let analysis = analysis::analyze(&corpus);
    app.set_comparison(Arc::new(compare::compare(&corpus, &analysis)));
    app.set_analysis(Arc::new(analysis));
    app
}

/// An app on our own fixture corpus (tests/fixtures/provenance): a
/// Markdown file with front matter, a JSON Lines file of two records of
/// one outlet, and a plain text file without metadata.
fn fixture_app(width: u16, height: u16) -> App {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/provenance");
    let loaded = crosscheck::load::load(
        &[crosscheck::load::Input::parse(dir)],
        crosscheck::load::Options::default(),
    );
    assert!(loaded.problems.is_empty());
    let corpus = Arc::new(Corpus {
        documents: loaded.documents,
    });
    let mut app = App::new(
        Arc::clone(&corpus),
        Keymap::defaults(),
        Theme::new(&Colors::default(), true).unwrap(),
        Rect::new(0, 0, width, height),
    );
    let analysis = analysis::analyze(&corpus);
    app.set_comparison(Arc::new(compare::compare(&corpus, &analysis)));
    app.set_analysis(Arc::new(analysis));
    app
}

/// A key as the terminal would send it.
fn event(name: &str) -> KeyEvent {
    Key::parse(name).unwrap().to_event()
}

/// Presses space-separated keys; a finder's pending query is answered at
/// once, as the worker thread would.
pub(super) fn press(app: &mut App, keys: &str) {
    for k in keys.split(' ').filter(|k| !k.is_empty()) {
        app.handle_key(event(k));
        settle(app);
    }
}

/// Types literal text into whatever has the keyboard.
pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        settle(app);
    }
}

fn settle(app: &mut App) {
    if let Some(q) = app.pending_search().map(str::to_string) {
        let hits = search::search(&app.corpus, &q, FINDER_LIMIT);
        app.set_hits(&q, hits, None);
    }
}

pub(super) fn render(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.size.width, app.size.height)).unwrap();
    terminal.draw(|f| ui::draw(f, app)).unwrap();
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        for x in 0..buf.area.width {
            line.push_str(buf[(x, y)].symbol());
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

// ------------------------------------------------------------- behaviour

#[test]
fn navigate_sources_and_open_one() {
    let mut a = app(80, 24);
    press(&mut a, "j j");
    assert_eq!(a.selected_source, 2);
    press(&mut a, "enter");
    assert_eq!(
        (a.focus, a.view, a.reader.doc),
        (Focus::Main, View::Reader, 2)
    );
    press(&mut a, "h G g k");
    assert_eq!(a.focus, Focus::Sources);
    assert_eq!(a.selected_source, 0);
    press(&mut a, "]");
    assert_eq!(a.reader.doc, 3, "] steps from the open source");
}

#[test]
fn reader_pages_like_less() {
    let mut a = app(80, 24);
    press(&mut a, "enter");
    assert_eq!(a.reader.scroll, 0);
    press(&mut a, "j j");
    assert_eq!(a.reader.scroll, 2);
    press(&mut a, "k");
    assert_eq!(a.reader.scroll, 1);
    let page = a.reader_height() - 2;
    press(&mut a, "space");
    assert_eq!(a.reader.scroll, 1 + page);
    press(&mut a, "b");
    assert_eq!(a.reader.scroll, 1);
    press(&mut a, "G");
    let max = a.reader_lines().len() - a.reader_height();
    assert_eq!(a.reader.scroll, max);
    press(&mut a, "j pagedown");
    assert_eq!(a.reader.scroll, max, "never scrolls past the end");
    press(&mut a, "g");
    assert_eq!(a.reader.scroll, 0);
}

#[test]
fn article_search_counts_and_cycles_matches() {
    let mut a = app(80, 24);
    press(&mut a, "j j j j enter /");
    assert!(a.prompt.is_some());
    type_text(&mut a, "zelensky");
    press(&mut a, "enter");
    let s = a.reader.search.clone().unwrap();
    let doc = &a.corpus.documents[4];
    let expected = doc.text.to_lowercase().matches("zelensky").count();
    assert_eq!(s.matches.len(), expected);
    assert_eq!(
        expected, 4,
        "004 names Zelensky four times (and Zelenskiy once)"
    );
    assert_eq!(s.current, 0);
    press(&mut a, "n n");
    assert_eq!(a.reader.search.as_ref().unwrap().current, 2);
    press(&mut a, "N N N");
    assert_eq!(
        a.reader.search.as_ref().unwrap().current,
        expected - 1,
        "N wraps around"
    );
    // The current match is on screen.
    let m = a.reader.search.as_ref().unwrap().matches[expected - 1].clone();
    let line = super::wrap::line_of(&a.reader_lines(), m.start);
    assert!((a.reader.scroll..a.reader.scroll + a.reader_height()).contains(&line));
    // Esc clears the search instead of quitting.
    press(&mut a, "esc");
    assert!(a.reader.search.is_none());
    assert!(!a.quit);
}

#[test]
fn smart_case_article_search() {
    let mut a = app(80, 24);
    press(&mut a, "enter /");
    type_text(&mut a, "Kursk");
    press(&mut a, "enter");
    let n_exact = a.reader.search.as_ref().unwrap().matches.len();
    press(&mut a, "/");
    type_text(&mut a, "kursk");
    press(&mut a, "enter");
    assert!(a.reader.search.as_ref().unwrap().matches.len() >= n_exact);
    press(&mut a, "/");
    type_text(&mut a, "qqqzzz");
    press(&mut a, "enter");
    assert_eq!(a.message.as_deref(), Some("pattern not found: qqqzzz"));
}

#[test]
fn finder_searches_all_sources_and_jumps_to_the_hit() {
    let mut a = app(80, 24);
    press(&mut a, "f");
    type_text(&mut a, "placed the estimate");
    let f = a.finder.as_ref().unwrap();
    assert!(!f.hits.is_empty());
    let best = f.hits[0].id;
    assert!(
        a.corpus
            .sentence_text(best)
            .contains("placed the estimate at 10,000")
    );
    press(&mut a, "enter");
    assert!(a.finder.is_none());
    assert_eq!(
        (a.view, a.focus, a.reader.doc),
        (View::Reader, Focus::Main, best.doc)
    );
    assert_eq!(a.reader.focus_sentence, Some(best.sentence));
    let start = a.corpus.documents[best.doc].sentences[best.sentence]
        .span
        .start;
    let line = super::wrap::line_of(&a.reader_lines(), start);
    assert!((a.reader.scroll..a.reader.scroll + a.reader_height()).contains(&line));
}

#[test]
fn finder_moves_and_esc_returns_without_jumping() {
    let mut a = app(80, 24);
    press(&mut a, "f");
    type_text(&mut a, "troops");
    let n = a.finder.as_ref().unwrap().hits.len();
    assert!(n > 3);
    press(&mut a, "down down up ctrl-n");
    assert_eq!(a.finder.as_ref().unwrap().selected, 2);
    press(&mut a, "backspace");
    assert_eq!(a.finder.as_ref().unwrap().query, "troop");
    press(&mut a, "ctrl-u");
    assert_eq!(a.finder.as_ref().unwrap().query, "");
    assert!(a.finder.as_ref().unwrap().hits.is_empty());
    press(&mut a, "esc");
    assert!(a.finder.is_none());
    assert_eq!(a.focus, Focus::Sources);
    assert!(!a.quit, "Esc closes the overlay, it does not quit");
}

#[test]
fn a_long_sources_list_shows_the_selected_source() {
    let texts: Vec<(String, String)> = (0..60)
        .map(|i| {
            let name = format!("story-{i:02}.txt");
            (
                name,
                format!("Headline number {i}\n\nThe council met on day {i}."),
            )
        })
        .collect();
    let loaded =
        crosscheck::load::load_named(texts.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
    let corpus = Arc::new(Corpus {
        documents: loaded.documents,
    });
    let mut a = App::new(
        corpus,
        Keymap::defaults(),
        Theme::new(&Colors::default(), true).unwrap(),
        Rect::new(0, 0, 80, 24),
    );
    // The sources pane: the left 25 columns.
    let sources = |a: &App| -> String {
        render(a)
            .lines()
            .map(|l| l.chars().take(25).collect::<String>() + "\n")
            .collect()
    };
    let pane = sources(&a);
    assert!(
        pane.contains("story-00") && !pane.contains("story-59"),
        "{pane}"
    );
    press(&mut a, "G");
    let pane = sources(&a);
    assert!(
        pane.contains("story-59") && !pane.contains("story-00"),
        "{pane}"
    );
    // The selection stays in view on the way back up.
    press(&mut a, "k k k");
    assert_eq!(a.selected_source, 56);
    assert!(sources(&a).contains("story-56"));
}

#[test]
fn the_finder_list_scrolls_with_the_selection() {
    let mut a = app(80, 24);
    press(&mut a, "f");
    type_text(&mut a, "e");
    let hits = a.finder.as_ref().unwrap().hits.clone();
    assert!(hits.len() > 50, "{}", hits.len());
    // Far below the first screenful, the hits above the window do not
    // matter: dropping ten of them shows the same screen.
    let view = |a: &mut App, from: usize| {
        let f = a.finder.as_mut().unwrap();
        f.hits = hits[from..].to_vec();
        f.selected = 40 - from;
        // All but the bottom border, whose count changes with the list.
        let screen = render(a);
        screen
            .lines()
            .filter(|l| !l.contains(" hits ┘"))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let scrolled = view(&mut a, 0);
    assert_eq!(view(&mut a, 10), scrolled);
    assert_ne!(
        view(&mut a, 40),
        scrolled,
        "the selection is not at the top"
    );
}

#[test]
fn stale_search_results_are_dropped() {
    let mut a = app(80, 24);
    press(&mut a, "f");
    a.handle_key(event("k"));
    a.handle_key(event("b"));
    let stale = search::search(&a.corpus, "k", 10);
    a.set_hits("k", stale, None);
    assert!(a.finder.as_ref().unwrap().hits.is_empty());
    assert_eq!(a.pending_search(), Some("kb"));
}

#[test]
fn partial_search_results_show_and_keep_the_selection() {
    let mut a = app(100, 30);
    press(&mut a, "f");
    a.handle_key(event("t"));
    let all = search::search(&a.corpus, "t", FINDER_LIMIT);
    assert!(all.matched > 20, "{}", all.matched);
    // The worker's best hits after a first step of its search.
    let first = search::Found {
        hits: all.hits[..20].to_vec(),
        matched: 20,
    };
    a.set_hits("t", first, Some((20, all.matched)));
    assert_eq!(a.pending_search(), Some("t"), "still wants the rest");
    let screen = render(&a);
    let pct = 20 * 100 / all.matched;
    assert!(
        screen.contains(&format!("searching {pct}% · 20 hits so far")),
        "{screen}"
    );
    a.handle_key(event("down"));
    a.handle_key(event("down"));
    a.set_hits("t", all.clone(), None);
    let f = a.finder.as_ref().unwrap();
    assert_eq!(
        f.selected, 2,
        "a later answer to the same query keeps the selection"
    );
    assert_eq!(a.pending_search(), None);
    assert!(render(&a).contains(&format!("{} hits", all.matched)));
}

#[test]
fn the_hit_count_says_when_only_the_best_are_kept() {
    let mut a = app(100, 30);
    press(&mut a, "f");
    a.handle_key(event("e"));
    let found = search::search(&a.corpus, "e", 10);
    assert!(found.matched > 10);
    a.set_hits("e", found.clone(), None);
    let screen = render(&a);
    assert!(
        screen.contains(&format!("best 10 of {} hits", found.matched)),
        "{screen}"
    );
}

#[test]
fn resize_keeps_the_reader_inside_the_text() {
    let mut a = app(80, 24);
    press(&mut a, "enter G");
    let bottom_small = a.reader.scroll;
    a.resize(Rect::new(0, 0, 200, 60));
    let max = a.reader_lines().len().saturating_sub(a.reader_height());
    assert!(a.reader.scroll <= max && a.reader.scroll < bottom_small);
    assert!(!render(&a).contains("Terminal too small"));
    a.resize(Rect::new(0, 0, 30, 8));
    assert!(render(&a).contains("Terminal too small"));
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app(80, 24);
    press(&mut a, "?");
    assert_eq!(a.help, Some(0));
    press(&mut a, "j j");
    assert_eq!(a.help, Some(2));
    press(&mut a, "q");
    assert_eq!(a.help, None);
    assert!(!a.quit, "q closes help first");
}

#[test]
fn quit_keys() {
    for k in ["q", "ctrl-c"] {
        let mut a = app(80, 24);
        press(&mut a, k);
        assert!(a.quit, "{k} quits");
    }
    let mut a = app(80, 24);
    press(&mut a, "f ctrl-c");
    assert!(!a.quit, "ctrl-c in the finder closes it");
    press(&mut a, "ctrl-c");
    assert!(a.quit);
}

/// Esc quit the app from the claims pane and from a diff group's entries:
/// it closes the innermost overlay or goes back one level, never quits.
#[test]
fn esc_goes_back_one_level_and_never_quits() {
    let mut a = app(120, 36);
    // Diff: a group's entries, then the list, then the sources.
    press(&mut a, "3 enter j");
    assert_eq!(a.diff.detail, Some(1));
    press(&mut a, "esc");
    assert_eq!((a.diff.detail, a.focus), (None, Focus::Main));
    press(&mut a, "esc");
    assert_eq!(a.focus, Focus::Sources);
    press(&mut a, "esc esc");
    assert!(!a.quit);
    assert_eq!(a.message.as_deref(), Some("nothing to close here; q quits"));
    // Claims, the reader (a search first), the overlays.
    press(&mut a, "2 esc");
    assert_eq!((a.view, a.focus), (View::Claims, Focus::Sources));
    press(&mut a, "1 /");
    type_text(&mut a, "troops");
    press(&mut a, "enter");
    assert!(a.reader.search.is_some());
    press(&mut a, "esc");
    assert_eq!((a.reader.search.is_none(), a.focus), (true, Focus::Main));
    press(&mut a, "esc");
    assert_eq!(a.focus, Focus::Sources);
    for overlay in ["f", "?", "1 /"] {
        press(&mut a, overlay);
        press(&mut a, "esc");
        assert!(a.finder.is_none() && a.help.is_none() && a.prompt.is_none());
        assert!(!a.quit, "Esc after {overlay}");
    }
    for keys in ["1", "2", "3", "3 enter", "h"] {
        press(&mut a, keys);
        press(&mut a, "esc esc esc esc");
        assert!(!a.quit, "Esc after {keys}");
    }
    press(&mut a, "q");
    assert!(a.quit, "q quits from the top level without asking");
}

#[test]
fn the_pane_title_says_where_you_are() {
    let mut a = app(160, 40);
    press(&mut a, "3 enter");
    assert_eq!(a.breadcrumb(), ["Diff", "Figures", "North Korean troops"]);
    let top = render(&a).lines().next().unwrap().to_string();
    assert!(
        top.contains("Diff › Figures › North Korean troops"),
        "{top}"
    );
    press(&mut a, "esc c");
    assert_eq!(a.breadcrumb(), ["Diff", "Figures", "conflicts"]);
    press(&mut a, "2 a t");
    assert_eq!(a.breadcrumb(), ["Claims", "all sources", "figures"]);
    press(&mut a, "1");
    assert_eq!(a.breadcrumb(), ["Reader", "000_41db1b6327612eac.txt"]);
}

/// The status line's keys come from the keymap and change with the place.
#[test]
fn the_status_line_shows_the_keys_that_work_here() {
    let mut a = app(160, 40);
    let status = |a: &App| render(a).lines().last().unwrap().to_string();
    press(&mut a, "3");
    let s = status(&a);
    assert!(
        s.contains("Enter open row") && s.contains("c conflicts only"),
        "{s}"
    );
    assert!(s.contains("? this help") && s.contains("q quit"), "{s}");
    press(&mut a, "enter");
    let s = status(&a);
    assert!(
        s.contains("Enter jump to sentence") && s.contains("Esc back to list"),
        "{s}"
    );
    press(&mut a, "esc c");
    assert!(status(&a).contains("c show all"));
    // A key the user rebinds shows as rebound.
    let table = toml::from_str("[diff]\ntoggle_conflicts = [\"x\"]\n").unwrap();
    a.keymap = Keymap::with_overrides(&table).unwrap().0;
    assert!(status(&a).contains("x show all"), "{}", status(&a));
}

/// `/` in the claims and diff panes searches the rows, `n`/`N` step
/// through the matches, as in the reader.
#[test]
fn slash_searches_the_rows_of_lists() {
    let mut a = app(120, 36);
    press(&mut a, "3 s /");
    assert!(a.prompt.as_ref().is_some_and(|p| p.list));
    type_text(&mut a, "Kovalenko");
    assert!(render(&a).lines().last().unwrap().contains("/Kovalenko▏"));
    press(&mut a, "enter");
    let c = a.comparison.clone().unwrap();
    let with: Vec<usize> = (0..c.statements.len())
        .filter(|&i| {
            let g = &c.statements[i];
            g.claimer.as_deref() == Some("Andrii Kovalenko")
                || g.entries.iter().any(|e| e.sentence.contains("Kovalenko"))
        })
        .collect();
    assert!(with.len() >= 2, "{with:?}");
    assert_eq!(a.diff.selected(), with[0]);
    assert_eq!(
        a.message.as_deref(),
        Some(&*format!("/Kovalenko: 1/{}", with.len()))
    );
    press(&mut a, "n");
    assert_eq!(a.diff.selected(), with[1]);
    press(&mut a, "N N");
    assert_eq!(a.diff.selected(), with[with.len() - 1], "N wraps around");
    // Claims: the rows of all sources, smart case.
    press(&mut a, "2 a /");
    type_text(&mut a, "kbs");
    press(&mut a, "enter");
    let (d, i) = a.visible_claims()[a.claims.selected];
    let doc = &a.corpus.documents[d];
    let sentence = doc.sentence_text(a.analysis.as_ref().unwrap().docs[d].claims[i].sentence);
    assert!(sentence.contains("KBS"), "{sentence}");
    press(&mut a, "/");
    type_text(&mut a, "qqqzzz");
    press(&mut a, "enter");
    assert_eq!(a.message.as_deref(), Some("pattern not found: qqqzzz"));
    assert!(!a.quit);
}

/// The diff list builds only the rows in view; the selection stays in view.
#[test]
fn the_diff_list_scrolls_with_the_selection() {
    let mut a = app(80, 24);
    press(&mut a, "3 G");
    let screen = render(&a);
    assert!(screen.contains("· single      countries"), "{screen}");
    assert!(!screen.contains("≠ conflict"), "{screen}");
    press(&mut a, "g");
    let screen = render(&a);
    assert!(screen.contains("≠ conflict"), "{screen}");
}

/// `c` in the diff keeps the disagreements; the section counts follow.
#[test]
fn diff_conflicts_filter() {
    let mut a = app(160, 40);
    press(&mut a, "3");
    let c = a.comparison.clone().unwrap();
    let conflicts = c
        .figures
        .iter()
        .filter(|g| {
            matches!(
                g.verdict,
                compare::Verdict::Conflict | compare::Verdict::Revised
            )
        })
        .count();
    assert!(conflicts > 0 && conflicts < c.figures.len());
    press(&mut a, "G c");
    assert_eq!(a.diff_rows(super::app::DiffSection::Figures), conflicts);
    assert_eq!(a.diff.selected(), 0, "the selection stays inside the rows");
    let screen = render(&a);
    assert!(
        screen.contains(&format!("Figures {conflicts}/{}", c.figures.len())),
        "{screen}"
    );
    assert!(screen.contains("[conflicts only]"), "{screen}");
    assert!(!screen.contains("= agree"), "{screen}");
    // Entering a filtered row opens that row, not the unfiltered one at
    // its position.
    press(&mut a, "enter enter");
    let first = c
        .figures
        .iter()
        .find(|g| g.verdict == compare::Verdict::Conflict)
        .unwrap();
    assert_eq!(a.reader.focus_sentence, Some(first.entries[0].id.sentence));
    press(&mut a, "3 s");
    let quoted = c.statements.iter().filter(|g| g.quote_differs).count();
    assert_eq!(a.diff_rows(super::app::DiffSection::Statements), quoted);
    press(&mut a, "c");
    assert_eq!(
        a.diff_rows(super::app::DiffSection::Statements),
        c.statements.len()
    );
    // O: only the rows an outlet takes part in.
    press(&mut a, "s s O O");
    assert_eq!(a.diff.outlet.as_deref(), Some("BBC"));
    for &i in a.diff_visible(super::app::DiffSection::Figures) {
        assert!(c.figures[i].entries.iter().any(|e| &*e.display == "BBC"));
    }
    // m: one measure's groups; the filters combine.
    press(&mut a, "m");
    let measure = c.figures[0].measure.clone();
    assert_eq!(a.diff.measure.as_deref(), Some(measure.as_str()));
    for &i in a.diff_visible(super::app::DiffSection::Figures) {
        assert_eq!(c.figures[i].measure, measure);
        assert!(c.figures[i].entries.iter().any(|e| &*e.display == "BBC"));
    }
    assert!(render(&a).contains(&format!("outlet: BBC, measure: {measure}]")));
}

#[test]
fn the_reader_header_says_who_when_and_where() {
    let mut a = fixture_app(120, 30);
    // bulletin.txt, harbor.md, wire.jsonl#1, wire.jsonl#2
    press(&mut a, "j enter");
    let screen = render(&a);
    let lines: Vec<&str> = screen.lines().collect();
    assert!(
        lines[1].contains("Harbor Gazette · 2031-03-04 · by Mina Okafor · Ferry runs aground"),
        "{screen}"
    );
    assert!(
        lines[2].contains("https://news.example.org/harbor/ferry-aground"),
        "{screen}"
    );
    press(&mut a, "]");
    let screen = render(&a);
    assert!(
        screen.contains("Coast Wire · 2031-03-02 · Pell Island ferry stuck"),
        "{screen}"
    );
    assert!(
        screen.contains("https://wire.example.net/2031/03/02/pell-ferry"),
        "{screen}"
    );
    press(&mut a, "[ [");
    let screen = render(&a);
    assert!(
        screen.contains("file: "),
        "no URL: the file instead\n{screen}"
    );
}

#[test]
fn sources_sort_by_date_outlet_and_title() {
    let mut a = fixture_app(120, 30);
    let names = |a: &App| -> Vec<String> {
        (0..a.corpus.documents.len())
            .map(|p| {
                a.corpus.documents[a.source_at(p)]
                    .source
                    .rsplit('/')
                    .next()
                    .unwrap()
                    .to_string()
            })
            .collect()
    };
    assert_eq!(
        names(&a),
        ["bulletin.txt", "harbor.md", "wire.jsonl#1", "wire.jsonl#2"]
    );
    press(&mut a, "j S");
    assert_eq!(a.sources.order_by, super::app::SourceOrder::Date);
    assert_eq!(
        names(&a),
        ["wire.jsonl#1", "harbor.md", "wire.jsonl#2", "bulletin.txt"]
    );
    assert_eq!(a.selected_source, 1, "the selection stays on harbor.md");
    let screen = render(&a);
    assert!(screen.contains("Sources (4) › by date"), "{screen}");
    let second = screen.lines().nth(1).unwrap();
    assert!(
        second.contains("Coast Wire ") && second.contains(" 2031-03-02│"),
        "{screen}"
    );
    press(&mut a, "g");
    assert_eq!(
        a.selected_source, 2,
        "g goes to the top of the list as shown"
    );
    press(&mut a, "S");
    assert_eq!(
        names(&a),
        ["bulletin.txt", "wire.jsonl#1", "wire.jsonl#2", "harbor.md"]
    );
    press(&mut a, "S");
    assert_eq!(names(&a)[0], "harbor.md", "Ferry runs… first by title");
    press(&mut a, "S");
    assert_eq!(a.sources.order_by, super::app::SourceOrder::Loaded);
    // S in the diff pane is still one story / stories.
    press(&mut a, "3 S");
    assert!(a.one_story && a.recompare);
}

#[test]
fn o_y_and_e_ask_for_the_source_url_and_file() {
    use super::app::External;
    let mut a = fixture_app(120, 30);
    press(&mut a, "j o");
    assert_eq!(
        a.external.take(),
        Some(External::Browse(
            "https://news.example.org/harbor/ferry-aground".into()
        ))
    );
    press(&mut a, "y");
    assert!(
        matches!(a.external.take(), Some(External::Copy { text, .. }) if text.ends_with("ferry-aground"))
    );
    press(&mut a, "k o");
    assert_eq!(a.external, None);
    assert_eq!(a.message.as_deref(), Some("bulletin.txt gives no URL"));
    // e opens the file at the sentence's line; a JSON Lines record is its file.
    press(&mut a, "j j 2 a j e");
    let Some(External::Edit { file, line }) = a.external.take() else {
        panic!("{:?}", a.message)
    };
    assert!(
        file.ends_with("tests/fixtures/provenance/bulletin.txt"),
        "{file:?}"
    );
    assert_eq!(line, 5);
    press(&mut a, "O O O");
    assert_eq!(a.claims.outlet.as_deref(), Some("Coast Wire"));
    press(&mut a, "e");
    let Some(External::Edit { file, line }) = a.external.take() else {
        panic!("{:?}", a.message)
    };
    assert!(
        file.ends_with("tests/fixtures/provenance/wire.jsonl"),
        "{file:?}"
    );
    assert_eq!(line, 1);
    press(&mut a, "Y");
    assert!(
        matches!(a.external.take(), Some(External::Copy { text, .. }) if text.contains("140 passengers")),
    );
    // In the diff's list a row holds several sources.
    press(&mut a, "3 o");
    assert_eq!(a.external, None);
    assert!(a.message.as_deref().unwrap().contains("several sources"));
    // A coverage row is one source.
    press(&mut a, "s s j o");
    assert_eq!(
        a.external.take(),
        Some(External::Browse(
            "https://news.example.org/harbor/ferry-aground".into()
        ))
    );
    // A URL that is not a web address never reaches a browser.
    let mut a = app(80, 24);
    let mut corpus = (*a.corpus).clone();
    corpus.documents[0].url = Some("file:///etc/passwd".into());
    a.corpus = Arc::new(corpus);
    press(&mut a, "o");
    assert_eq!(a.external, None);
    assert!(a.message.as_deref().unwrap().contains("not a web address"));
    // Bundled seeds are no files on disk.
    press(&mut a, "e");
    assert!(a.message.as_deref().unwrap().contains("not a file on disk"));
}

/// Every row of the claims, the diff entries and the finder says whose and
/// when.
#[test]
fn rows_show_outlet_and_date() {
    let mut a = fixture_app(140, 36);
    press(&mut a, "j enter 2");
    let screen = render(&a);
    assert!(
        screen.contains("Harbor Gazette 2031-03-04 · coast guard"),
        "{screen}"
    );
    press(&mut a, "3 enter");
    let screen = render(&a);
    assert!(screen.contains("Harbor Gazette 2031-03-04 L11"), "{screen}");
    assert!(screen.contains("Coast Wire     2031-03-02 L1"), "{screen}");
    press(&mut a, "f");
    type_text(&mut a, "refloated");
    let screen = render(&a);
    assert!(
        screen.contains("Coast Wire     2031-03-06 Tugs refloated"),
        "{screen}"
    );
}

/// A fuzzy query for "injured" ranked lines without "injur" in them; an
/// exact word finds only the lines that hold it.
#[test]
fn finder_exact_word_and_phrase() {
    let mut a = app(120, 36);
    press(&mut a, "f");
    type_text(&mut a, "'injured'");
    let f = a.finder.as_ref().unwrap();
    assert!(!f.hits.is_empty());
    for h in &f.hits {
        assert!(a.corpus.sentence_text(h.id).contains("injured"));
    }
    press(&mut a, "ctrl-u");
    type_text(&mut a, "\"five units\" !roughly");
    let f = a.finder.as_ref().unwrap();
    assert_eq!(f.hits.len(), 1);
    assert!(
        a.corpus
            .sentence_text(f.hits[0].id)
            .contains("five units of 3,000 people")
    );
}

#[test]
fn tab_switches_focus_and_views_switch() {
    let mut a = app(80, 24);
    press(&mut a, "tab");
    assert_eq!(a.focus, Focus::Main);
    press(&mut a, "backtab");
    assert_eq!(a.focus, Focus::Sources);
    press(&mut a, "2");
    assert_eq!((a.view, a.focus), (View::Claims, Focus::Main));
    press(&mut a, "1");
    assert_eq!(a.view, View::Reader);
}

#[test]
fn help_lists_every_binding_of_the_keymap() {
    let a = app(80, 24);
    let text: String = ui::help::help_lines(&a)
        .iter()
        .map(|l| {
            l.spans
                .iter()
                .map(|s| s.content.to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    for ctx in super::keymap::Context::ALL {
        for (action, keys) in a.keymap.bindings(ctx) {
            for k in keys {
                assert!(
                    text.contains(&k.label()),
                    "help lacks {} for {action:?}",
                    k.label()
                );
            }
            assert!(text.contains(action.describe_in(ctx)));
        }
    }
}

#[test]
fn claims_filter_by_kind_outlet_and_scope_then_jump() {
    let mut a = app(100, 30);
    press(&mut a, "j enter 2");
    assert_eq!(
        (a.view, a.focus, a.reader.doc),
        (View::Claims, Focus::Main, 1)
    );
    let analysis = a.analysis.clone().unwrap();
    let bbc = a.visible_claims();
    assert_eq!(bbc.len(), analysis.docs[1].claims.len());
    assert!(bbc.iter().all(|&(d, _)| d == 1));

    press(&mut a, "a");
    let all: usize = analysis.docs.iter().map(|d| d.claims.len()).sum();
    assert_eq!(a.visible_claims().len(), all);

    press(&mut a, "t");
    let figures = a.visible_claims();
    assert!(!figures.is_empty() && figures.len() < all);
    for &(d, i) in figures.iter() {
        assert!(!analysis.docs[d].claims[i].figures.is_empty());
    }
    press(&mut a, "t");
    for &(d, i) in a.visible_claims().iter() {
        assert!(!analysis.docs[d].claims[i].quotes.is_empty());
    }
    press(&mut a, "t");
    for &(d, i) in a.visible_claims().iter() {
        assert!(analysis.docs[d].claims[i].claimer.is_some());
    }
    press(&mut a, "t");
    assert_eq!(a.claims.kind, None);

    // O cycles the outlets in corpus order: the first is seed 000's file name.
    press(&mut a, "O O");
    assert_eq!(a.claims.outlet.as_deref(), Some("BBC"));
    assert!(a.visible_claims().iter().all(|&(d, _)| d == 1));

    // Enter jumps to the claim's sentence in the reader.
    press(&mut a, "j j enter");
    let (d, i) = (1, 2);
    assert_eq!((a.view, a.reader.doc), (View::Reader, d));
    assert_eq!(
        a.reader.focus_sentence,
        Some(analysis.docs[d].claims[i].sentence)
    );
}

/// The claims follow the source open, so Enter keeps them; the diff and
/// the stories do not, so from them Enter reads the source.
#[test]
fn sources_enter_keeps_the_claims_and_reads_from_the_diff() {
    let mut a = app(100, 30);
    press(&mut a, "2 h j j j enter");
    assert_eq!(
        (a.view, a.focus, a.reader.doc),
        (View::Claims, Focus::Main, 3)
    );
    press(&mut a, "3 h j enter");
    assert_eq!(
        (a.view, a.focus, a.reader.doc),
        (View::Reader, Focus::Main, 4)
    );
}

#[test]
fn diff_sections_drill_in_and_jump() {
    let mut a = app(120, 36);
    press(&mut a, "3");
    assert_eq!((a.view, a.focus), (View::Diff, Focus::Main));
    let c = a.comparison.clone().unwrap();
    assert_eq!(c.figures[0].verdict, compare::Verdict::Conflict);
    // Step into the troops group and onto its second entry, then jump.
    press(&mut a, "enter j");
    assert_eq!(a.diff.detail, Some(1));
    let target = c.figures[0].entries[1].id;
    press(&mut a, "enter");
    assert_eq!(
        (a.view, a.reader.doc, a.reader.focus_sentence),
        (View::Reader, target.doc, Some(target.sentence))
    );
    // Back in the diff, h leaves the group before it leaves the pane.
    press(&mut a, "3 h");
    assert_eq!((a.diff.detail, a.focus), (None, Focus::Main));
    press(&mut a, "h");
    assert_eq!(a.focus, Focus::Sources);
    // s cycles figures → statements → coverage, each keeping its row.
    press(&mut a, "tab j");
    assert_eq!(a.diff.selected(), 1);
    press(&mut a, "s");
    assert_eq!(
        (a.diff.section, a.diff.selected()),
        (super::app::DiffSection::Statements, 0)
    );
    press(&mut a, "s s");
    assert_eq!(
        (a.diff.section, a.diff.selected()),
        (super::app::DiffSection::Figures, 1)
    );
}

#[test]
fn diff_shows_verdicts_in_words_and_marks_changed_words() {
    let mut a = app(120, 36);
    press(&mut a, "3");
    let screen = render(&a);
    assert!(
        screen.contains("≠ conflict    North Korean troops"),
        "{screen}"
    );
    assert!(
        screen.contains("≈ compatible  distance: front line"),
        "{screen}"
    );
    press(&mut a, "s");
    let screen = render(&a);
    assert!(screen.contains("≠ quoted differently"), "{screen}");
    assert!(screen.contains("[-chapter-] {+page+}"), "{screen}");
    press(&mut a, "s j");
    let screen = render(&a);
    assert!(screen.contains("Reported by BBC alone"), "{screen}");
    assert!(
        screen.contains("Seoul: Seoul, however, said it “does not believe"),
        "{screen}"
    );
}

// -------------------------------------------------------------- snapshots

#[test]
fn snapshot_main_view() {
    insta::assert_snapshot!("main_80x24", render(&app(80, 24)));
    insta::assert_snapshot!("main_160x48", render(&app(160, 48)));
}

#[test]
fn snapshot_reader_after_jump() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, "f");
        type_text(&mut a, "five units");
        press(&mut a, "enter");
        insta::assert_snapshot!(format!("reader_jump_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_reader_search() {
    let mut a = app(80, 24);
    press(&mut a, "j enter /");
    type_text(&mut a, "korean");
    insta::assert_snapshot!("reader_prompt_80x24", render(&a));
    press(&mut a, "enter n");
    insta::assert_snapshot!("reader_search_80x24", render(&a));
}

#[test]
fn snapshot_finder() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, "f");
        type_text(&mut a, "umerov kbs");
        insta::assert_snapshot!(format!("finder_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_claims() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, "j j enter 2 j");
        insta::assert_snapshot!(format!("claims_{w}x{h}"), render(&a));
        press(&mut a, "a t");
        insta::assert_snapshot!(format!("claims_all_figures_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_diff() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, "3");
        insta::assert_snapshot!(format!("diff_figures_{w}x{h}"), render(&a));
        press(&mut a, "enter j");
        insta::assert_snapshot!(format!("diff_figures_detail_{w}x{h}"), render(&a));
        press(&mut a, "h s");
        insta::assert_snapshot!(format!("diff_statements_{w}x{h}"), render(&a));
        press(&mut a, "s j");
        insta::assert_snapshot!(format!("diff_coverage_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_help() {
    for (w, h) in [(80, 24), (160, 48)] {
        let mut a = app(w, h);
        press(&mut a, "?");
        insta::assert_snapshot!(format!("help_{w}x{h}"), render(&a));
    }
}

#[test]
fn snapshot_too_small() {
    insta::assert_snapshot!("too_small_40x10", render(&app(40, 10)));
}

#[test]
fn never_panics_at_tiny_sizes() {
    for (w, h) in [(1, 1), (2, 5), (49, 12), (50, 11), (50, 12), (300, 100)] {
        let mut a = app(w, h);
        press(&mut a, "enter G f");
        type_text(&mut a, "troops");
        render(&a);
        press(&mut a, "esc ?");
        render(&a);
    }
}

/// The key list as docs/KEYS.md shows it, generated from the default keymap.
fn keys_markdown() -> String {
    let km = Keymap::defaults();
    let mut out = String::from("| where | keys | action |\n| --- | --- | --- |\n");
    for ctx in super::keymap::Context::ALL {
        for (action, keys) in km.bindings(ctx) {
            let keys: Vec<String> = keys.iter().map(|k| format!("`{}`", k.label())).collect();
            out.push_str(&format!(
                "| {} | {} | {} |\n",
                ctx.name(),
                keys.join(" "),
                action.describe_in(ctx)
            ));
        }
    }
    out
}

#[test]
fn keys_doc_lists_the_default_keys() {
    let doc = include_str!("../../docs/KEYS.md");
    let expected = keys_markdown();
    assert!(
        doc.contains(&expected),
        "docs/KEYS.md's key table is out of date; replace it with:\n\n{expected}"
    );
}

/// Progress fits the sources pane's title at the usual widths: "393/10"
/// (cut from 393/1000) would misreport it.
#[test]
fn progress_title_fits_the_sources_pane() {
    for (progress, want) in [
        ((Some((37, 10_000)), None), "loading 37/10000"),
        ((None, Some((3_930, 10_000))), "analyzing 3930/10000"),
    ] {
        let mut a = app(100, 30);
        (a.loading, a.analyzing) = progress;
        let top = render(&a).lines().next().unwrap().to_string();
        assert!(top.contains(want), "{top}");
    }
}

// ------------------------------------------------------------- large input

/// Runs `f` on a thread and fails if it takes more than `secs`: a
/// regression to work per key that grows with the article fails here
/// instead of hanging the suite.
fn with_timeout<T: Send + 'static>(
    secs: u64,
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(secs))
        .unwrap_or_else(|_| panic!("{what}: not done after {secs} s"))
}

/// The reader laid out the whole article for every key and every frame: a
/// 19.7 MB article cost 0.5 s per `j` (release). Now the layout is made
/// once per document and width, and a frame draws only what it shows.
/// Debug, 2 MB, 400 keys each drawn: a few seconds; laid out per key, it
/// took minutes.
#[test]
fn scrolling_a_large_article_lays_it_out_once() {
    let paragraphs: Vec<String> = (0..30_000)
        .map(|i| {
            format!(
                "P{i:06} police said {} people were hurt in the crash.",
                i % 97
            )
        })
        .collect();
    let text = format!("A long article\n\n{}\n", paragraphs.join("\n\n"));
    let loaded = crosscheck::load::load_named([("long.txt", text.as_bytes())]);
    let corpus = Arc::new(Corpus {
        documents: loaded.documents,
    });
    let screen = with_timeout(60, "400 keys in a 2 MB article", move || {
        let mut app = App::new(
            corpus,
            Keymap::defaults(),
            Theme::new(&Colors::default(), true).unwrap(),
            Rect::new(0, 0, 120, 40),
        );
        press(&mut app, "enter");
        for _ in 0..200 {
            press(&mut app, "j");
            render(&app);
        }
        for _ in 0..100 {
            press(&mut app, "space");
            render(&app);
        }
        for _ in 0..100 {
            press(&mut app, "k");
            render(&app);
        }
        assert_eq!(app.reader.scroll, 100 + 100 * (app.reader_height() - 2));
        press(&mut app, "G");
        render(&app)
    });
    // The last paragraph is on the last line of the reader.
    let last = screen.lines().rfind(|l| l.contains("police said"));
    assert!(last.is_some_and(|l| l.contains("P029999")), "{screen}");
}

/// The layout is remembered per corpus, document and width: a new width
/// or another document is laid out afresh.
#[test]
fn the_reader_layout_follows_document_width_and_corpus() {
    let mut app = app(120, 40);
    let wide = app.reader_lines();
    assert!(Arc::ptr_eq(&wide, &app.reader_lines()), "remembered");
    app.resize(Rect::new(0, 0, 60, 40));
    let narrow = app.reader_lines();
    assert!(narrow.len() > wide.len());
    press(&mut app, "j enter");
    let other = app.reader_lines();
    assert_ne!(app.reader.doc, 0);
    assert!(!Arc::ptr_eq(&narrow, &other));
    // A new corpus: same document index and width, other text.
    let before = app.reader_lines();
    let mut seeds = Corpus::seeds();
    seeds.documents.reverse();
    app.set_corpus(Arc::new(seeds));
    app.open_document(1);
    let after = app.reader_lines();
    assert_ne!(*before, *after);
    let doc = &app.corpus.documents[1];
    let paragraphs: Vec<_> = doc.paragraphs.iter().map(|p| p.span.clone()).collect();
    assert_eq!(
        *after,
        super::wrap::layout(&doc.text, &paragraphs, app.reader_width())
    );
}

#[test]
fn one_story_key_asks_for_the_comparison_again_and_reports_it() {
    let mut app = app(120, 40);
    press(&mut app, "3 S");
    assert!(app.one_story && app.recompare);
    assert!(app.message.as_deref().unwrap().contains("one story"));
    // The run loop compares again and hands the result back.
    let corpus = Arc::clone(&app.corpus);
    let analysis = analysis::analyze(&corpus);
    let facts = compare::Facts::of(&corpus, &analysis);
    let one = compare::compare_facts_with(&corpus, facts, compare::Options { one_story: true });
    app.recompare = false;
    app.set_comparison(Arc::new(one));
    assert_eq!(app.message.as_deref(), Some("compared as one story"));
    press(&mut app, "S");
    assert!(!app.one_story && app.recompare);
}

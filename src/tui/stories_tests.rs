//! Behaviour tests of the stories pane and the claims filters (issue 15):
//! keys through the real keymap, asserting on state. The corpus is our own
//! sentences: two reports of a flood in an invented town and one of a
//! bridge opening elsewhere, which the clustering keeps apart.

use super::app::{App, Focus, StoreJob, View};
use super::keymap::Keymap;
use super::tests::press;
use super::theme::{Colors, Theme};
use crosscheck::compare::{self, StoryEdit};
use crosscheck::{Corpus, analysis};
use ratatui::layout::Rect;
use std::sync::Arc;

/// Two reports of a flood in an invented town and one of a bridge opening
/// elsewhere (tests/fixtures/stories, shared with tests/story_edits.rs).
const FILES: [(&str, &str); 3] = [
    (
        "flood-a.txt",
        include_str!("../../tests/fixtures/stories/flood-a.txt"),
    ),
    (
        "flood-b.txt",
        include_str!("../../tests/fixtures/stories/flood-b.txt"),
    ),
    (
        "bridge.txt",
        include_str!("../../tests/fixtures/stories/bridge.txt"),
    ),
];

fn corpus() -> Arc<Corpus> {
    Arc::new(Corpus {
        documents: crosscheck::load::load_named(FILES.iter().map(|(n, t)| (*n, t.as_bytes())))
            .documents,
    })
}

/// The app as the run loop leaves it: analysed, compared with `edits`.
fn app_with(edits: &[StoryEdit]) -> App {
    let corpus = corpus();
    let mut app = App::new(
        Arc::clone(&corpus),
        Keymap::defaults(),
        Theme::new(&Colors::default(), true).unwrap(),
        Rect::new(0, 0, 120, 40),
    );
    let a = analysis::analyze(&corpus);
    app.set_analysis(Arc::new(a.clone()));
    recompare(&mut app, edits, &a);
    app
}

/// What the run loop does after a story job: keeps the edits, compares
/// again with them.
fn recompare(app: &mut App, edits: &[StoryEdit], a: &analysis::Analysis) {
    app.set_story_edits(edits.to_vec());
    let facts = compare::Facts::of(&app.corpus, a);
    let c = compare::compare_facts_edited(&app.corpus, facts, compare::Options::default(), edits);
    app.recompare = false;
    app.set_comparison(Arc::new(c));
}

fn story_of(app: &App, source: &str) -> usize {
    let d = app
        .corpus
        .documents
        .iter()
        .position(|d| d.source == source)
        .unwrap();
    app.doc_story[d]
}

#[test]
fn the_stories_pane_lists_each_story_with_its_sources() {
    let mut a = app_with(&[]);
    press(&mut a, "4");
    assert_eq!((a.view, a.focus), (View::Stories, Focus::Main));
    let c = a.comparison.clone().unwrap();
    assert_eq!(c.stories.len(), 2);
    // "All", then each story followed by its sources.
    assert_eq!(a.stories.rows.len(), 1 + 2 + 3);
    let screen = super::tests::render(&a);
    assert!(screen.contains("All stories (2)"), "{screen}");
    assert!(screen.contains("flood-b.txt"), "{screen}");
    assert_eq!(story_of(&a, "flood-a.txt"), story_of(&a, "flood-b.txt"));
    assert_ne!(story_of(&a, "flood-a.txt"), story_of(&a, "bridge.txt"));
}

#[test]
fn enter_on_a_story_filters_sources_claims_and_diff_to_it() {
    let mut a = app_with(&[]);
    let bridge = story_of(&a, "bridge.txt");
    // Down to the bridge's story row.
    press(&mut a, "4");
    while a.stories.rows[a.stories.selected] != super::app::StoryRow::Story(bridge) {
        press(&mut a, "j");
    }
    press(&mut a, "enter");
    assert_eq!(a.story_shown(), Some(bridge));
    assert_eq!(a.source_count(), 1);
    assert_eq!(a.corpus.documents[a.source_at(0)].source, "bridge.txt");
    press(&mut a, "2 a");
    assert!(
        a.visible_claims()
            .iter()
            .all(|&(d, _)| a.corpus.documents[d].source == "bridge.txt")
    );
    press(&mut a, "3");
    let c = a.comparison.clone().unwrap();
    let rows = a.diff_visible(super::app::DiffSection::Figures);
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|&i| c.figures[i].story.id == bridge));
    assert!(super::tests::render(&a).contains(&format!("S{} of 2", bridge + 1)));
    // Enter on "all stories" shows every story again.
    press(&mut a, "4 g enter");
    assert_eq!(a.story_shown(), None);
    assert_eq!(a.source_count(), 3);
}

#[test]
fn pick_and_put_ask_for_a_move_or_a_merge_and_undo_takes_it_back() {
    let mut a = app_with(&[]);
    let bridge = story_of(&a, "bridge.txt");
    let flood = story_of(&a, "flood-a.txt");
    press(&mut a, "4");
    let row = |a: &App, r| a.stories.rows.iter().position(|&x| x == r).unwrap();
    // x on flood-b's row picks the source; p on the bridge's story moves it.
    let b = a
        .corpus
        .documents
        .iter()
        .position(|d| d.source == "flood-b.txt")
        .unwrap();
    a.stories.selected = row(&a, super::app::StoryRow::Source(flood, b));
    press(&mut a, "x");
    a.stories.selected = row(&a, super::app::StoryRow::Story(bridge));
    press(&mut a, "p");
    let moved = StoryEdit::Move {
        source: "flood-b.txt".into(),
        to: Some(
            a.corpus.documents[a.comparison.as_ref().unwrap().stories[bridge].documents[0]]
                .source
                .clone(),
        ),
    };
    assert_eq!(a.store_job, Some(StoreJob::StoryEdit(moved.clone())));
    let analysis = a.analysis.clone().unwrap();
    recompare(&mut a, std::slice::from_ref(&moved), &analysis);
    assert_eq!(story_of(&a, "flood-b.txt"), story_of(&a, "bridge.txt"));
    // x on a story row picks the story; p on another merges it there.
    a.store_job = None;
    let flood = story_of(&a, "flood-a.txt");
    let bridge = story_of(&a, "bridge.txt");
    a.stories.selected = row(&a, super::app::StoryRow::Story(flood));
    press(&mut a, "x");
    a.stories.selected = row(&a, super::app::StoryRow::Story(bridge));
    press(&mut a, "p");
    assert!(
        matches!(&a.store_job, Some(StoreJob::StoryEdit(StoryEdit::Merge { source, .. })) if source == "flood-a.txt"),
        "{:?}",
        a.store_job
    );
    // u asks for the last edit back.
    a.store_job = None;
    press(&mut a, "u");
    assert_eq!(a.store_job, Some(StoreJob::UndoStoryEdit));
    // d gives a source a story of its own; Esc drops a pick first.
    a.store_job = None;
    press(&mut a, "x esc");
    assert!(a.stories.picked.is_none() && a.focus == Focus::Main);
}

#[test]
fn d_moves_a_source_to_a_story_of_its_own() {
    let mut a = app_with(&[]);
    let flood = story_of(&a, "flood-a.txt");
    press(&mut a, "4");
    let b = a
        .corpus
        .documents
        .iter()
        .position(|d| d.source == "flood-b.txt")
        .unwrap();
    a.stories.selected = a
        .stories
        .rows
        .iter()
        .position(|&x| x == super::app::StoryRow::Source(flood, b))
        .unwrap();
    press(&mut a, "d");
    let own = StoryEdit::Move {
        source: "flood-b.txt".into(),
        to: None,
    };
    assert_eq!(a.store_job, Some(StoreJob::StoryEdit(own.clone())));
    let analysis = a.analysis.clone().unwrap();
    recompare(&mut a, &[own], &analysis);
    assert_eq!(a.comparison.as_ref().unwrap().stories.len(), 3);
}

#[test]
fn claims_filter_to_disagreements_and_by_measure() {
    let mut a = super::tests::app(120, 40);
    press(&mut a, "2 a");
    let all = a.visible_claims().len();
    let c = a.comparison.clone().unwrap();
    let analysis = a.analysis.clone().unwrap();
    // c: only claims in a disagreement (a conflicting figure group, a
    // statement quoted differently).
    press(&mut a, "c");
    let disagreeing = a.visible_claims();
    assert!(!disagreeing.is_empty() && disagreeing.len() < all);
    for &(d, i) in disagreeing.iter() {
        let id = crosscheck::SentenceId {
            doc: d,
            sentence: analysis.docs[d].claims[i].sentence,
        };
        let in_conflict = c.figures.iter().any(|g| {
            matches!(
                g.verdict,
                compare::Verdict::Conflict | compare::Verdict::Revised
            ) && g.entries.iter().any(|e| e.id == id)
        });
        let quoted = c
            .statements
            .iter()
            .any(|g| g.quote_differs && g.entries.iter().any(|e| e.id == id));
        assert!(in_conflict || quoted, "{id:?}");
    }
    assert!(a.breadcrumb().contains(&"disagreements".to_string()));
    // m: only claims with a figure of one measure; the filters combine.
    press(&mut a, "m");
    let measure = a.claims.measure.clone().unwrap();
    let both = a.visible_claims();
    assert!(!both.is_empty() && both.len() <= disagreeing.len());
    for &(d, i) in both.iter() {
        let claim = &analysis.docs[d].claims[i];
        assert!(
            claim
                .figures
                .iter()
                .any(|&f| analysis.docs[d].figures[f].figure.measure == measure)
        );
    }
    assert!(super::tests::render(&a).contains(&format!("measure: {measure}")));
    press(&mut a, "c");
    assert!(a.visible_claims().len() >= both.len());
}

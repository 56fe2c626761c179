//! Story edits (issue 15): a source moved into another story or a story
//! of its own, two stories merged. They are kept in the workspace in
//! order, survive reopening, migrate a workspace of schema 1, and change
//! the comparison: figures are only compared within the stories as edited.
//! The corpus is our own sentences.

use crosscheck::compare::{self, StoryEdit};
use crosscheck::store::Store;
use crosscheck::{Corpus, analysis, load};

/// Two reports of a flood in an invented town and one of a bridge opening
/// elsewhere (tests/fixtures/stories, shared with src/tui/stories_tests.rs).
const FILES: [(&str, &str); 3] = [
    ("flood-a.txt", include_str!("fixtures/stories/flood-a.txt")),
    ("flood-b.txt", include_str!("fixtures/stories/flood-b.txt")),
    ("bridge.txt", include_str!("fixtures/stories/bridge.txt")),
];

fn corpus() -> Corpus {
    Corpus {
        documents: load::load_named(FILES.iter().map(|(n, t)| (*n, t.as_bytes()))).documents,
    }
}

fn compared(corpus: &Corpus, edits: &[StoryEdit]) -> compare::Comparison {
    let a = analysis::analyze(corpus);
    let facts = compare::Facts::of(corpus, &a);
    compare::compare_facts_edited(corpus, facts, compare::Options::default(), edits)
}

fn story_of(c: &compare::Comparison, source: &str) -> usize {
    c.stories
        .iter()
        .position(|s| s.sources.iter().any(|x| x == source))
        .unwrap()
}

#[test]
fn a_moved_source_is_compared_within_its_new_story() {
    let corpus = corpus();
    let found = compared(&corpus, &[]);
    assert_eq!(found.stories.len(), 2, "{:#?}", found.stories);
    let homes = |c: &compare::Comparison| {
        c.figures
            .iter()
            .filter(|g| g.entries.iter().any(|e| e.sentence.contains("homes")))
            .map(|g| g.sources)
            .collect::<Vec<_>>()
    };
    assert_eq!(homes(&found), [2], "the two flood reports meet");
    let split = [StoryEdit::Move {
        source: "flood-b.txt".into(),
        to: None,
    }];
    let edited = compared(&corpus, &split);
    assert_eq!(edited.stories.len(), 3);
    assert_eq!(homes(&edited), [1, 1], "apart, they no longer meet");
    // Moved back into the first report's story, they meet again.
    let back = [
        split[0].clone(),
        StoryEdit::Move {
            source: "flood-b.txt".into(),
            to: Some("flood-a.txt".into()),
        },
    ];
    assert_eq!(homes(&compared(&corpus, &back)), [2]);
}

#[test]
fn merged_stories_are_one() {
    let corpus = corpus();
    let merge = [StoryEdit::Merge {
        source: "bridge.txt".into(),
        into: "flood-a.txt".into(),
    }];
    let c = compared(&corpus, &merge);
    assert_eq!(c.stories.len(), 1);
    assert_eq!(story_of(&c, "bridge.txt"), story_of(&c, "flood-b.txt"));
}

#[test]
fn story_edits_are_kept_in_order_and_undone_last_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let a = StoryEdit::Move {
        source: "flood-b.txt".into(),
        to: None,
    };
    let b = StoryEdit::Merge {
        source: "bridge.txt".into(),
        into: "flood-a.txt".into(),
    };
    {
        let mut s = Store::open(&path).unwrap();
        s.add_story_edit(&a).unwrap();
        s.add_story_edit(&b).unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    assert_eq!(s.story_edits().unwrap(), [a.clone(), b.clone()]);
    assert_eq!(s.undo_story_edit().unwrap(), Some(b));
    assert_eq!(s.story_edits().unwrap(), std::slice::from_ref(&a));
    assert_eq!(s.undo_story_edit().unwrap(), Some(a));
    assert_eq!(s.undo_story_edit().unwrap(), None);
}

/// A workspace written before story edits existed (schema 1: marks,
/// anchors, meta) opens, keeps its marks and takes story edits.
#[test]
fn a_schema_1_workspace_is_migrated_and_keeps_its_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.sqlite");
    {
        let c = rusqlite::Connection::open(&path).unwrap();
        c.execute_batch(
            "CREATE TABLE marks (key TEXT PRIMARY KEY, kind TEXT NOT NULL, label TEXT NOT NULL,
                 status TEXT NOT NULL, note TEXT NOT NULL DEFAULT '', accepted_value TEXT,
                 accepted_source TEXT, updated INTEGER NOT NULL);
             CREATE TABLE anchors (key TEXT NOT NULL REFERENCES marks(key) ON DELETE CASCADE,
                 position INTEGER NOT NULL, source TEXT NOT NULL, hash TEXT NOT NULL,
                 sentence TEXT NOT NULL, PRIMARY KEY (key, position));
             CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
             INSERT INTO marks VALUES ('sentence:x', 'sentence', 'x', 'disputed', 'a note', NULL, NULL, 1);",
        )
        .unwrap();
        c.pragma_update(None, "application_id", 0x6363_7773)
            .unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let marks = s.marks().unwrap();
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].note, "a note");
    let edit = StoryEdit::Move {
        source: "a.txt".into(),
        to: Some("b.txt".into()),
    };
    s.add_story_edit(&edit).unwrap();
    drop(s);
    let c = rusqlite::Connection::open(&path).unwrap();
    let version: i32 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 2);
    assert_eq!(Store::open(&path).unwrap().story_edits().unwrap(), [edit]);
}

/// `crosscheck report` compares with the workspace's story edits, as the
/// app shows them: a flood report moved into a story of its own no longer
/// disagrees with the other about the homes flooded.
#[test]
fn the_report_reads_the_workspace_story_edits() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for d in &self::corpus().documents {
        std::fs::write(corpus.join(&d.source), &d.text).unwrap();
    }
    let workspace = dir.path().join("w.sqlite");
    let conflicts = || {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_crosscheck"))
            .args(["report", "--format", "json", "--workspace"])
            .arg(&workspace)
            .arg(&corpus)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let items: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        items
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["verdict"] == "conflict")
            .count()
    };
    Store::open(&workspace).unwrap();
    let before = conflicts();
    assert!(before > 0);
    Store::open(&workspace)
        .unwrap()
        .add_story_edit(&StoryEdit::Move {
            // A source as loaded: the path of the file in the folder.
            source: corpus.join("flood-b.txt").display().to_string(),
            to: None,
        })
        .unwrap();
    assert!(conflicts() < before);
}

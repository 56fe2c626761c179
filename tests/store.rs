//! The workspace store (issue 16): marks round-trip; a writer killed with
//! SIGKILL in the middle of its writes leaves a store that opens with every
//! mark it committed; two writers on one file keep both their marks and
//! each other's fields; a mark goes stale when its article is edited; a
//! file that is not a workspace is refused with its name.

use crosscheck::compare;
use crosscheck::store::{MarkIndex, Status, Store, StoreError, Target, target};
use crosscheck::{Corpus, analysis, load};
use std::io::BufRead;
use std::path::Path;
use std::process::{Command, Stdio};

fn sentence_target(i: usize) -> Target {
    target::sentence("a.txt", "A", &format!("Sentence number {i}."))
}

#[test]
fn marks_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deep").join("w.sqlite");
    let t = sentence_target(1);
    {
        let mut s = Store::open(&path).unwrap();
        s.set_status(&t, Status::Disputed).unwrap();
        s.set_note(&t, "  the ministry gave 9 the next day ")
            .unwrap();
        s.set_accepted(&t, Some("9"), Some("https://example.org/x"))
            .unwrap();
    }
    let s = Store::open(&path).unwrap();
    let marks = s.marks().unwrap();
    assert_eq!(marks.len(), 1);
    let m = &marks[0];
    assert_eq!(m.key, t.key);
    assert_eq!(m.status, Status::Disputed);
    assert_eq!(m.note, "the ministry gave 9 the next day");
    assert_eq!(m.accepted_value.as_deref(), Some("9"));
    assert_eq!(m.accepted_source.as_deref(), Some("https://example.org/x"));
    assert_eq!(m.anchors, t.anchors);
    // Clearing the accepted value keeps the rest.
    let mut s = s;
    let m = s.set_accepted(&t, Some(" "), None).unwrap();
    assert_eq!((m.accepted_value, m.status), (None, Status::Disputed));
}

#[test]
fn a_file_that_is_not_a_workspace_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let junk = dir.path().join("junk.sqlite");
    std::fs::write(&junk, vec![b'x'; 4096]).unwrap();
    let e = Store::open(&junk).unwrap_err();
    assert!(matches!(e, StoreError::Foreign { .. }), "{e:?}");
    assert!(e.to_string().contains("junk.sqlite"), "{e}");
    assert_eq!(
        std::fs::read(&junk).unwrap(),
        vec![b'x'; 4096],
        "left as it was"
    );

    // Another program's database.
    let other = dir.path().join("other.db");
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    drop(c);
    let e = Store::open(&other).unwrap_err();
    assert!(e.to_string().contains("other.db") && e.to_string().contains("another program"));
    // Refused before anything was written: not even its journal mode.
    let mode: String = rusqlite::Connection::open(&other)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete");

    // A newer schema.
    let newer = dir.path().join("newer.sqlite");
    Store::open(&newer).unwrap();
    let c = rusqlite::Connection::open(&newer).unwrap();
    c.pragma_update(None, "user_version", 99).unwrap();
    drop(c);
    let e = Store::open(&newer).unwrap_err();
    assert!(matches!(e, StoreError::Newer { found: 99, .. }), "{e:?}");
}

#[test]
fn a_report_never_creates_a_store() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("none.sqlite");
    assert!(Store::open_existing(&path).unwrap().is_none());
    assert!(!path.exists());
}

/// The child of [`a_writer_killed_mid_write_loses_nothing_it_committed`]:
/// writes marks in a loop and prints each committed number. Does nothing
/// unless the parent set the variable.
#[test]
fn killed_writer_child() {
    let Some(path) = std::env::var_os("CROSSCHECK_TEST_KILLED_WRITER") else {
        return;
    };
    let mut s = Store::open(Path::new(&path)).unwrap();
    let mut out = std::io::stdout().lock();
    for i in 0.. {
        let t = sentence_target(i);
        s.set_status(&t, Status::Confirmed).unwrap();
        s.set_note(&t, &"a long note to make the write longer ".repeat(50))
            .unwrap();
        use std::io::Write;
        writeln!(out, "committed {i}").unwrap();
        out.flush().unwrap();
    }
}

#[test]
fn a_writer_killed_mid_write_loses_nothing_it_committed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    for round in 0..3 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "killed_writer_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("CROSSCHECK_TEST_KILLED_WRITER", &path)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
        let mut committed = None;
        // Kill it at a different point each round, surely mid-write: it
        // writes as fast as it can.
        while committed.is_none_or(|c| c < 20 + 13 * round) {
            let line = lines.next().expect("the child writes").unwrap();
            if let Some(n) = line.strip_prefix("committed ") {
                committed = Some(n.parse::<usize>().unwrap());
            }
        }
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let committed = committed.unwrap();
        let s = Store::open(&path).expect("the store opens after a kill");
        let marks = s.marks().unwrap();
        for i in 0..=committed {
            let key = sentence_target(i).key;
            let m = marks.iter().find(|m| m.key == key);
            assert!(
                m.is_some_and(|m| m.status == Status::Confirmed && !m.note.is_empty()),
                "round {round}: mark {i} of {committed} committed ones is lost"
            );
        }
        let ok: String = rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
    }
}

#[test]
fn two_writers_on_one_workspace_keep_all_their_marks_and_fields() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    Store::open(&path).unwrap();
    let shared = sentence_target(0);
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let path = path.clone();
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                for i in 0..40 {
                    s.set_status(&sentence_target(1000 * (w + 1) + i), Status::Disputed)
                        .unwrap();
                }
                // One writer sets the note of the shared mark, the other its
                // status: neither overwrites the other's field.
                if w == 0 {
                    s.set_note(&shared, "note of writer 0").unwrap();
                } else {
                    s.set_status(&shared, Status::False).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let marks = Store::open(&path).unwrap().marks().unwrap();
    assert_eq!(marks.len(), 81);
    let m = marks.iter().find(|m| m.key == shared.key).unwrap();
    assert_eq!(
        (m.status, m.note.as_str()),
        (Status::False, "note of writer 0")
    );
}

fn compare_files(paths: &[&Path]) -> (Corpus, compare::Comparison) {
    let inputs: Vec<load::Input> = paths.iter().map(load::Input::parse).collect();
    let loaded = load::load(&inputs, load::Options::default());
    let corpus = Corpus {
        documents: loaded.documents,
    };
    let a = analysis::analyze(&corpus);
    let c = compare::compare(&corpus, &a);
    (corpus, c)
}

#[test]
fn a_mark_goes_stale_when_its_article_is_edited_and_never_moves() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Storm forces evacuations\n\nAbout 3,000 residents were evacuated from coastal villages on Sunday, the regional governor said. Schools stayed closed.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Coastal villages evacuated\n\nAuthorities evacuated 4,500 residents from coastal villages on Sunday, according to the civil protection agency.\n",
    )
    .unwrap();
    let store = dir.path().join("w.sqlite");
    let (corpus, cmp) = compare_files(&[&a, &b]);
    assert_eq!(cmp.figures.len(), 1);
    let group = target::figure_group(&cmp, 0).unwrap();
    let entry = target::entry(&cmp.figures[0].entries[0]);
    let mut s = Store::open(&store).unwrap();
    s.set_status(&group, Status::Disputed).unwrap();
    s.set_status(&entry, Status::NeedsSource).unwrap();
    let index = MarkIndex::new(s.marks().unwrap(), &corpus);
    assert!(!index.get(&group.key).unwrap().stale);
    assert!(!index.get(&entry.key).unwrap().stale);

    // The article's figure is corrected on disk.
    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("3,000", "3,500");
    std::fs::write(&a, text).unwrap();
    let (corpus, cmp) = compare_files(&[&a, &b]);
    let index = MarkIndex::new(s.marks().unwrap(), &corpus);
    // The group keeps its key and its mark, now stale.
    let keys = target::figure_group_keys(&cmp);
    assert_eq!(keys, std::slice::from_ref(&group.key));
    assert!(index.get(&group.key).unwrap().stale);
    // The entry's mark matches no entry now, and says it is stale.
    assert!(
        cmp.figures[0]
            .entries
            .iter()
            .all(|e| target::entry_key(e) != entry.key)
    );
    let m = index.marks().iter().find(|m| m.key == entry.key).unwrap();
    assert!(index.is_stale(m));
    // The correction undone, and a new sentence in the other article:
    // nothing the marks stand on changed, so nothing is stale.
    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("3,500", "3,000");
    std::fs::write(&a, text).unwrap();
    let text = std::fs::read_to_string(&b).unwrap() + "\nMore rain is expected on Monday.\n";
    std::fs::write(&b, text).unwrap();
    let (corpus, _) = compare_files(&[&a, &b]);
    let index = MarkIndex::new(s.marks().unwrap(), &corpus);
    assert!(!index.get(&group.key).unwrap().stale);
    assert!(!index.get(&entry.key).unwrap().stale);
}

#[test]
fn the_next_status_steps_from_the_stored_one_not_a_stale_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let t = sentence_target(7);
    let mut a = Store::open(&path).unwrap();
    let mut b = Store::open(&path).unwrap();
    assert_eq!(a.next_status(&t).unwrap().status, Status::Confirmed);
    // Another instance set it meanwhile.
    b.set_status(&t, Status::False).unwrap();
    assert_eq!(a.next_status(&t).unwrap().status, Status::NeedsSource);
}

#[test]
fn text_from_a_shared_store_reaches_no_terminal_raw() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    let t = sentence_target(3);
    Store::open(&path)
        .unwrap()
        .set_status(&t, Status::Disputed)
        .unwrap();
    // Another tool writes escape sequences and line breaks into it.
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute(
        "UPDATE marks SET note = ?1, label = ?1, accepted_value = ?1",
        ["a\u{1b}[2Jb\nc\u{1b}]52;c;AAAA\u{7}d"],
    )
    .unwrap();
    drop(c);
    let m = Store::open(&path).unwrap().marks().unwrap().remove(0);
    for s in [&m.note, &m.label, m.accepted_value.as_ref().unwrap()] {
        assert_eq!(s, "ab cd");
    }
}

/// The child of [`two_writer_processes_keep_all_their_marks`]: writes 30
/// marks of its own and one field of a shared mark.
#[test]
fn writer_process_child() {
    let (Some(path), Some(id)) = (
        std::env::var_os("CROSSCHECK_TEST_WRITER_PATH"),
        std::env::var("CROSSCHECK_TEST_WRITER_ID").ok(),
    ) else {
        return;
    };
    let id: usize = id.parse().unwrap();
    let mut s = Store::open(Path::new(&path)).unwrap();
    let shared = sentence_target(0);
    for i in 0..30 {
        s.set_status(&sentence_target(10_000 * id + i), Status::Disputed)
            .unwrap();
        if i == 15 {
            if id == 1 {
                s.set_note(&shared, "from process 1").unwrap();
            } else {
                s.set_accepted(&shared, Some("7"), None).unwrap();
            }
        }
    }
}

#[test]
fn two_writer_processes_keep_all_their_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("shared.sqlite");
    let children: Vec<_> = [1, 2]
        .into_iter()
        .map(|id| {
            Command::new(std::env::current_exe().unwrap())
                .args(["--exact", "writer_process_child", "--test-threads=1"])
                .env("CROSSCHECK_TEST_WRITER_PATH", &path)
                .env("CROSSCHECK_TEST_WRITER_ID", id.to_string())
                .stdout(Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    for mut c in children {
        assert!(c.wait().unwrap().success());
    }
    let marks = Store::open(&path).unwrap().marks().unwrap();
    assert_eq!(marks.len(), 61);
    let shared = marks
        .iter()
        .find(|m| m.key == sentence_target(0).key)
        .unwrap();
    assert_eq!(shared.note, "from process 1");
    assert_eq!(shared.accepted_value.as_deref(), Some("7"));
}

#[test]
fn a_writer_waits_for_another_instances_transaction_instead_of_failing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.sqlite");
    Store::open(&path).unwrap();
    let mut other = rusqlite::Connection::open(&path).unwrap();
    let tx = other
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || {
            let mut s = Store::open(&path).unwrap();
            s.set_status(&sentence_target(1), Status::False)
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(400));
    assert!(!writer.is_finished(), "the write waits for the lock");
    tx.commit().unwrap();
    let m = writer
        .join()
        .unwrap()
        .expect("written once the lock is free");
    assert_eq!(m.status, Status::False);
}

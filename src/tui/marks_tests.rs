//! Issue 16 in the reader: marking a group, a figure and a claim, notes
//! and accepted values typed in the prompt (Esc cancels), the timeline
//! overlay, and the export; every write goes through a real store in a
//! temporary folder, and a new app on the same store shows the marks.

use super::app::{StoreJob, View};
use super::tests::{app, press, render, type_text};
use super::workspace::Workspace;
use crosscheck::store::{Status, Store, TargetKind};

fn workspace(dir: &std::path::Path) -> Workspace {
    Workspace::new(Store::open(&dir.join("w.sqlite")).unwrap())
}

/// Carries out the job the last keys asked for, as the run loop does.
fn run_job(app: &mut super::app::App, ws: &mut Workspace) {
    let job = app.store_job.take().expect("a job for the workspace");
    ws.carry_out(job, app);
}

#[test]
fn marks_a_group_with_a_status_a_note_and_an_accepted_value_and_keeps_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace(dir.path());
    let mut a = app(160, 48);
    press(&mut a, "3");
    // The first row is the troops conflict.
    press(&mut a, "M");
    match &a.store_job {
        Some(StoreJob::Status(t, Status::Confirmed)) => {
            assert_eq!(t.kind, TargetKind::FigureGroup);
            assert_eq!(t.label, "North Korean troops");
        }
        other => panic!("{other:?}"),
    }
    run_job(&mut a, &mut ws);
    press(&mut a, "M");
    run_job(&mut a, &mut ws);
    assert!(render(&a).contains("≠ conflict  ! North Korean troops"));

    // A note: typed in the prompt, saved on Enter.
    press(&mut a, "A");
    type_text(&mut a, "Pentagon and Zelensky differ");
    assert!(render(&a).contains("note: Pentagon and Zelensky differ"));
    press(&mut a, "enter");
    run_job(&mut a, &mut ws);
    // Esc cancels a prompt: nothing is written.
    press(&mut a, "A");
    type_text(&mut a, " and more");
    press(&mut a, "esc");
    assert!(a.store_job.is_none() && a.prompt.is_none());
    press(&mut a, "V");
    type_text(&mut a, "11,000; https://example.org/intel");
    press(&mut a, "enter");
    run_job(&mut a, &mut ws);
    let screen = render(&a);
    assert!(
        screen.contains(
            "! disputed · accepted 11,000 (https://example.org/intel) · Pentagon and Zelensky differ"
        ),
        "{screen}"
    );

    // A figure of the group, stepped into.
    press(&mut a, "enter j j j");
    press(&mut a, "M");
    run_job(&mut a, &mut ws);
    let screen = render(&a);
    assert!(screen.contains("▌✓"), "{screen}");

    // A claim in the claims pane.
    press(&mut a, "2 M M M M");
    assert!(matches!(
        &a.store_job,
        Some(StoreJob::Status(t, Status::Confirmed)) if t.kind == TargetKind::Sentence
    ));
    run_job(&mut a, &mut ws);

    // A new app on the same store shows all three.
    let mut b = app(160, 48);
    b.set_marks(
        Store::open(&dir.path().join("w.sqlite"))
            .unwrap()
            .marks()
            .unwrap(),
    );
    press(&mut b, "3");
    let screen = render(&b);
    assert!(
        screen.contains("≠ conflict  ! North Korean troops"),
        "{screen}"
    );
    assert!(screen.contains("accepted 11,000"));
    press(&mut b, "enter");
    assert!(render(&b).contains(" ✓"));
    press(&mut b, "2");
    assert_eq!(b.view, View::Claims);
    assert!(render(&b).contains("✓ "));
}

#[test]
fn the_timeline_lists_upi_first_and_the_undated_apart() {
    let mut a = app(160, 48);
    press(&mut a, "3 T");
    let screen = render(&a);
    assert!(screen.contains("Timeline: North Korean troops"), "{screen}");
    let dated = screen.find("Dated (4)").expect("four dated entries");
    let undated = screen.find("Undated (12)").expect("twelve undated");
    assert!(dated < undated);
    let upi = screen[dated..undated].matches("Nov. 6      UPI").count();
    assert_eq!(upi, 4, "{screen}");
    assert!(screen[dated..undated].contains("first report"));
    assert!(!screen[undated..].contains("UPI"));
    press(&mut a, "esc");
    assert!(a.timeline.is_none());
    // Only a figure group has one.
    press(&mut a, "s T");
    assert!(a.timeline.is_none());
    assert_eq!(
        a.message.as_deref(),
        Some("a timeline is of a figure group")
    );
}

#[test]
fn export_writes_the_report_beside_the_store_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = workspace(dir.path());
    let mut a = app(160, 48);
    press(&mut a, "3 M");
    run_job(&mut a, &mut ws);
    press(&mut a, "M");
    run_job(&mut a, &mut ws);
    press(&mut a, "X");
    run_job(&mut a, &mut ws);
    let path = dir.path().join("w.report.md");
    let message = a.message.clone().unwrap();
    assert!(message.contains(&path.display().to_string()), "{message}");
    assert!(render(&a).contains("report written to"));
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# Fact-check report"));
    assert!(text.contains("## 1. North Korean troops — figure group, conflict"));
    assert!(text.contains("- Status: **disputed**"));
}

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
        Some(StoreJob::NextStatus(t)) => {
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
    press(&mut a, "2 M");
    assert!(matches!(
        &a.store_job,
        Some(StoreJob::NextStatus(t)) if t.kind == TargetKind::Sentence
    ));
    run_job(&mut a, &mut ws);
    let claim = a.marks.marks().last().unwrap();
    assert_eq!(claim.status, Status::Confirmed);

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

/// An app on the files `paths`, as loaded now.
fn files_app(paths: &[&std::path::Path]) -> super::app::App {
    use crosscheck::{Corpus, analysis, compare, load};
    use std::sync::Arc;
    let inputs: Vec<load::Input> = paths.iter().map(load::Input::parse).collect();
    let corpus = Arc::new(Corpus {
        documents: load::load(&inputs, load::Options::default()).documents,
    });
    let mut app = super::app::App::new(
        Arc::clone(&corpus),
        super::keymap::Keymap::defaults(),
        super::theme::Theme::new(&super::theme::Colors::default(), true).unwrap(),
        ratatui::layout::Rect::new(0, 0, 160, 48),
    );
    let analysis = analysis::analyze(&corpus);
    app.set_comparison(Arc::new(compare::compare(&corpus, &analysis)));
    app.set_analysis(Arc::new(analysis));
    app
}

#[test]
fn an_edited_article_makes_its_marks_stale_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a.txt");
    let b = dir.path().join("b.txt");
    std::fs::write(
        &a,
        "Storm forces evacuations\n\nAbout 3,000 residents were evacuated from coastal villages on Sunday, the regional governor said.\n",
    )
    .unwrap();
    std::fs::write(
        &b,
        "Coastal villages evacuated\n\nAuthorities evacuated 4,500 residents from coastal villages on Sunday, according to the civil protection agency.\n",
    )
    .unwrap();
    let mut ws = workspace(dir.path());
    let mut app = files_app(&[&a, &b]);
    // The group, then its first figure.
    press(&mut app, "3 M");
    run_job(&mut app, &mut ws);
    press(&mut app, "enter M");
    run_job(&mut app, &mut ws);

    let text = std::fs::read_to_string(&a)
        .unwrap()
        .replace("3,000", "3,500");
    std::fs::write(&a, text).unwrap();
    let mut app = files_app(&[&a, &b]);
    app.set_marks(
        Store::open(&dir.path().join("w.sqlite"))
            .unwrap()
            .marks()
            .unwrap(),
    );
    assert_eq!(
        app.message.as_deref(),
        Some("2 stale mark(s): their article changed since; listed by X or `crosscheck report`")
    );
    press(&mut app, "3");
    let screen = render(&app);
    assert!(
        screen.contains("≠ conflict  ✓ civilian displaced"),
        "{screen}"
    );
    assert!(screen.contains("2 src  stale"), "{screen}");
    // The figure's mark did not move to the edited figure.
    press(&mut app, "enter");
    assert!(!render(&app).contains("▌✓"));
}

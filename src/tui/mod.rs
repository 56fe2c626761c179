//! The terminal UI: a thin layer over the library. One App state, keys
//! mapped to named actions, drawing as a pure function of state; loading and
//! searching run on worker threads so no keystroke waits for them.

pub mod action;
pub mod app;
pub mod config;
pub mod external;
pub mod frame_log;
pub mod keymap;
pub mod terminal;
pub mod theme;
pub mod ui;
pub mod workspace;
pub mod wrap;

use crate::CorpusArgs;
use app::{App, FINDER_LIMIT, StoreJob};
use crosscheck::Corpus;
use crosscheck::analysis::{self, Analysis};
use crosscheck::compare::{self, Comparison};
use crosscheck::load::{self, LoadProgress, Problem};
use crosscheck::search;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, MouseEventKind};
use crossterm::execute;
use ratatui::layout::Rect;
use std::ops::ControlFlow;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// What the search worker is asked to do.
enum SearchJob {
    Corpus(Arc<Corpus>),
    Query(String),
}

pub fn run(
    args: &CorpusArgs,
    mouse_flag: bool,
    options: compare::Options,
    workspace: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    if !std::io::stdout().is_terminal() || !std::io::stdin().is_terminal() {
        anyhow::bail!(
            "the reader needs a terminal; for piped output use a command such as `crosscheck sources` (see --help)"
        );
    }
    // Everything that can fail with a message fails before raw mode.
    let config = config::load().map_err(anyhow::Error::msg)?;
    let (keymap, warnings) = config.keymap().map_err(anyhow::Error::msg)?;
    for w in &warnings {
        crate::cli::to_stderr(&format!("crosscheck: warning: {w}\n"));
    }
    let color = !crate::cli::style::no_color();
    let theme = config.theme(color).map_err(anyhow::Error::msg)?;
    let mouse = mouse_flag || config.mouse;
    // A workspace named with --workspace must open; the default one not
    // opening (no home, a damaged file) only turns marking off.
    let named = workspace.is_some();
    let workspace = workspace::Workspace::open(args, workspace)
        .and_then(|w| Ok((w.marks()?, w.story_edits()?, w)))
        .map_err(|e| format!("{e:#}"));
    if named && let Err(e) = &workspace {
        anyhow::bail!("{e}");
    }
    let (marks, story_edits, mut workspace) = match workspace {
        Ok((marks, edits, w)) => (marks, edits, Ok(w)),
        Err(e) => (Vec::new(), Vec::new(), Err(format!("marks are off: {e}"))),
    };

    // The panic hook goes in before any worker starts, so that no worker's
    // panic can print over the screen.
    let mut tty = ratatui::try_init()?;
    install_panic_hook(mouse);
    // From here on every way out gives the terminal back, a signal's too.
    let taken = terminal::install(mouse).and_then(|()| {
        if mouse {
            execute!(std::io::stdout(), EnableMouseCapture)
        } else {
            Ok(())
        }
    });
    if let Err(e) = taken {
        terminal::release();
        return Err(e.into());
    }

    let progress = Arc::new(LoadProgress::default());
    let (load_tx, load_rx) = mpsc::channel();
    let initial = if !args.has_paths() {
        Arc::new(Corpus::seeds())
    } else {
        spawn_loader(args, Arc::clone(&progress), load_tx);
        Arc::new(Corpus::default())
    };
    let searcher = spawn_searcher(Arc::clone(&initial));
    let analyzed = Arc::new(AtomicUsize::new(0));
    let (analysis_tx, analysis_rx) = mpsc::channel();
    if !initial.documents.is_empty() {
        spawn_analyzer(
            Arc::clone(&initial),
            Arc::clone(&analyzed),
            analysis_tx.clone(),
            options,
            story_edits.clone(),
        );
    }
    let size = tty
        .size()
        .map(|s| Rect::new(0, 0, s.width, s.height))
        .unwrap_or_default();
    let mut app = App::new(initial, keymap, theme, size);
    // The first screen answers "where do these outlets differ?": the
    // sources beside the diff, its disagreements first; `1` is the reader.
    app.view = app::View::Diff;
    app.set_marks(marks);
    app.story_edits = story_edits;
    app.one_story = options.one_story;
    if args.has_paths() {
        app.loading = Some((0, 0));
    }
    app.message = warnings
        .first()
        .cloned()
        .or_else(|| workspace.as_ref().err().cloned());
    let channels = Channels {
        progress: &progress,
        load_rx: &load_rx,
        analyzed: &analyzed,
        analysis_tx: &analysis_tx,
        analysis_rx: &analysis_rx,
        searcher: &searcher,
    };
    let result = event_loop(&mut tty, &mut app, &channels, &mut workspace);
    terminal::release();
    let problems = result?;
    crate::cli::report_problems(&problems);
    if args.has_paths() && app.corpus.documents.is_empty() {
        return Err(args.nothing_loaded());
    }
    Ok(ExitCode::SUCCESS)
}

/// A panic on a worker thread, kept for the UI thread to report once the
/// terminal is restored.
static WORKER_PANIC: Mutex<Option<String>> = Mutex::new(None);

/// On the UI thread, a panic restores the terminal (ratatui's hook, plus the
/// mouse, which ratatui leaves on) before the message prints. A worker's
/// panic must not write over the screen: it is stored, and the UI thread
/// exits cleanly and reports it.
fn install_panic_hook(mouse: bool) {
    let ui_thread = thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().id() != ui_thread {
            if let Ok(mut slot) = WORKER_PANIC.lock() {
                slot.get_or_insert_with(|| info.to_string());
            }
            return;
        }
        if mouse {
            let _ = execute!(std::io::stdout(), DisableMouseCapture);
        }
        previous(info);
    }));
}

/// Debug builds panic where `CROSSCHECK_PANIC` says ("ui" after the first
/// frame, "worker" in the analysis thread), so the end-to-end test can check
/// that a panic leaves the terminal restored.
fn injected_panic(place: &str) {
    if cfg!(debug_assertions) && std::env::var("CROSSCHECK_PANIC").is_ok_and(|p| p == place) {
        panic!("injected panic ({place})");
    }
}

/// What the analysis thread delivers, in this order.
enum Analyzed {
    Analysis(Arc<Analysis>),
    /// A comparison with its index, and the options and story edits it
    /// was made with.
    Comparison(
        Arc<Comparison>,
        Box<app::ComparisonIndex>,
        compare::Options,
        Vec<compare::StoryEdit>,
    ),
}

/// Compares `corpus` with `options` and the checker's story `edits`.
fn comparison(
    corpus: &Corpus,
    analysis: &Analysis,
    options: compare::Options,
    edits: Vec<compare::StoryEdit>,
) -> Analyzed {
    let facts = compare::Facts::of(corpus, analysis);
    let c = compare::compare_facts_edited(corpus, facts, options, &edits);
    let mut index = Box::new(app::ComparisonIndex::new(&c, corpus.documents.len()));
    index.resolve_claims(analysis);
    Analyzed::Comparison(Arc::new(c), index, options, edits)
}

/// Analyzes and then compares a corpus off the UI thread, counting
/// documents into `done`.
fn spawn_analyzer(
    corpus: Arc<Corpus>,
    done: Arc<AtomicUsize>,
    tx: Sender<Analyzed>,
    options: compare::Options,
    edits: Vec<compare::StoryEdit>,
) {
    thread::spawn(move || {
        injected_panic("worker");
        let analysis = Arc::new(analysis::analyze_with_progress(&corpus, &done));
        if tx.send(Analyzed::Analysis(Arc::clone(&analysis))).is_err() {
            return;
        }
        let _ = tx.send(comparison(&corpus, &analysis, options, edits));
    });
}

fn spawn_loader(
    args: &CorpusArgs,
    progress: Arc<LoadProgress>,
    tx: Sender<(Corpus, Vec<Problem>)>,
) {
    let inputs = args.inputs();
    let options = args.options();
    thread::spawn(move || {
        let loaded = load::load_with_progress(&inputs, options, &progress);
        let _ = tx.send((
            Corpus {
                documents: loaded.documents,
            },
            loaded.problems,
        ));
    });
}

/// The UI's end of the finder's worker.
struct Searcher {
    jobs: Sender<SearchJob>,
    /// Jobs sent and not yet taken: the worker stops a search when one
    /// waits, so typing never queues up behind a slow query.
    queued: Arc<AtomicUsize>,
    answers: Receiver<Answer>,
}

impl Searcher {
    fn send(&self, job: SearchJob) {
        self.queued.fetch_add(1, Ordering::SeqCst);
        let _ = self.jobs.send(job);
    }
}

/// Hits for a query: all of them, or (with `progress`) the best so far.
struct Answer {
    query: String,
    found: search::Found,
    progress: Option<(usize, usize)>,
}

/// How often a long search shows its best hits so far.
const PARTIAL_EVERY: Duration = Duration::from_millis(30);

/// The finder's worker: always answers the newest query, narrowing the
/// previous matches when the query extends the last one. It has threads of
/// its own, so a search shares the CPU with the analysis instead of
/// queueing behind it in rayon's global pool.
fn spawn_searcher(corpus: Arc<Corpus>) -> Searcher {
    let (job_tx, job_rx) = mpsc::channel::<SearchJob>();
    let (answer_tx, answer_rx) = mpsc::channel();
    let queued = Arc::new(AtomicUsize::new(0));
    let waiting = Arc::clone(&queued);
    thread::spawn(move || {
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("crosscheck-finder-{i}"))
            .build();
        let in_pool = |work: &mut (dyn FnMut() + Send)| match &pool {
            Ok(pool) => pool.install(work),
            Err(_) => work(),
        };
        let mut corpus = corpus;
        let mut finder = search::SearchSession::new(&corpus);
        while let Ok(job) = job_rx.recv() {
            let mut query = None;
            for job in std::iter::once(job).chain(job_rx.try_iter()) {
                waiting.fetch_sub(1, Ordering::SeqCst);
                match job {
                    SearchJob::Corpus(c) => {
                        corpus = c;
                        in_pool(&mut || finder = search::SearchSession::new(&corpus));
                    }
                    SearchJob::Query(q) => query = Some(q),
                }
            }
            let Some(query) = query else { continue };
            let mut shown: Option<std::time::Instant> = None;
            let mut found = None;
            in_pool(&mut || {
                found = finder.search_in_steps(&corpus, &query, FINDER_LIMIT, |p| {
                    if waiting.load(Ordering::SeqCst) > 0 {
                        return ControlFlow::Break(());
                    }
                    if shown.is_none_or(|t| t.elapsed() >= PARTIAL_EVERY) {
                        shown = Some(std::time::Instant::now());
                        let _ = answer_tx.send(Answer {
                            query: query.clone(),
                            found: search::Found {
                                hits: p.hits(),
                                matched: p.matched,
                            },
                            progress: Some((p.done, p.total)),
                        });
                    }
                    ControlFlow::Continue(())
                })
            });
            if let Some(found) = found {
                let answer = Answer {
                    query,
                    found,
                    progress: None,
                };
                if answer_tx.send(answer).is_err() {
                    return;
                }
            }
        }
    });
    Searcher {
        jobs: job_tx,
        queued,
        answers: answer_rx,
    }
}

/// The run loop's ends of the worker threads.
struct Channels<'a> {
    progress: &'a LoadProgress,
    load_rx: &'a Receiver<(Corpus, Vec<Problem>)>,
    analyzed: &'a Arc<AtomicUsize>,
    analysis_tx: &'a Sender<Analyzed>,
    analysis_rx: &'a Receiver<Analyzed>,
    searcher: &'a Searcher,
}

fn event_loop(
    tty: &mut ratatui::DefaultTerminal,
    app: &mut App,
    ch: &Channels,
    workspace: &mut Result<workspace::Workspace, String>,
) -> anyhow::Result<Vec<Problem>> {
    let mut problems = Vec::new();
    let mut sent_query: Option<String> = None;
    // Draw only when something changed: an idle app costs nothing, however
    // large the corpus and whatever the open pane lays out.
    let mut dirty = true;
    let mut frames = frame_log::FrameLog::from_env();
    // How long the last key took to handle, for the frame log.
    let mut key_time = None;
    loop {
        let progress_before = (app.loading, app.analyzing);
        if app.loading.is_some() {
            app.loading = Some((
                ch.progress.done.load(Ordering::Relaxed),
                ch.progress.total.load(Ordering::Relaxed),
            ));
        }
        if app.analysis.is_none() && !app.corpus.documents.is_empty() {
            app.analyzing = Some((
                ch.analyzed.load(Ordering::Relaxed),
                app.corpus.documents.len(),
            ));
        }
        if let Some(panic) = WORKER_PANIC.lock().ok().and_then(|mut p| p.take()) {
            anyhow::bail!("internal error in a background task, please report it: {panic}");
        }
        if terminal::take_redraw() {
            // Continued after a stop: the screen is not what ratatui
            // thinks it is, and the window may have changed size.
            let _held = terminal::lock();
            tty.clear()?;
            if let Ok(s) = tty.size() {
                app.resize(Rect::new(0, 0, s.width, s.height));
            }
            dirty = true;
        }
        if dirty || (app.loading, app.analyzing) != progress_before {
            let _held = terminal::lock();
            let start = frame_log::Started::now();
            tty.draw(|frame| ui::draw(frame, app))?;
            frames.record(key_time.take(), start.span(), app);
            dirty = false;
        }
        injected_panic("ui");
        if app.quit {
            return Ok(problems);
        }
        if let Some(request) = app.external.take() {
            app.message = Some(external::carry_out(request));
            dirty = true;
            continue;
        }
        if let Some(job) = app.store_job.take() {
            match (&mut *workspace, job) {
                (Ok(w), job) => w.carry_out(job, app),
                // Without a workspace a story edit holds for the session.
                (Err(off), StoreJob::StoryEdit(edit)) => {
                    let mut edits = app.story_edits.clone();
                    edits.push(edit);
                    app.set_story_edits(edits);
                    app.message = Some(format!("for this session only: {off}"));
                }
                (Err(off), StoreJob::UndoStoryEdit) => {
                    let mut edits = app.story_edits.clone();
                    edits.pop();
                    app.set_story_edits(edits);
                    app.message = Some(format!("for this session only: {off}"));
                }
                (Err(off), _) => app.message = Some(off.clone()),
            }
            dirty = true;
            continue;
        }
        if let Some(note) = external::take_note() {
            app.message = Some(note);
            dirty = true;
        }
        // Hits due from the finder's worker are drawn within a frame.
        let tick = if app.pending_search().is_some() {
            5
        } else {
            50
        };
        if event::poll(Duration::from_millis(tick))? {
            dirty = true;
            match event::read()? {
                Event::Key(key) if key.is_press() => {
                    let start = frame_log::Started::now();
                    app.handle_key(key);
                    key_time = Some(start.span());
                }
                Event::Resize(w, h) => app.resize(Rect::new(0, 0, w, h)),
                Event::Mouse(m) => {
                    let action = match m.kind {
                        MouseEventKind::ScrollDown => Some(action::Action::Down),
                        MouseEventKind::ScrollUp => Some(action::Action::Up),
                        _ => None,
                    };
                    if let Some(a) = action {
                        app.apply(app.pane_context(), a);
                    }
                }
                _ => {}
            }
        }
        if let Ok((corpus, found)) = ch.load_rx.try_recv() {
            dirty = true;
            let corpus = Arc::new(corpus);
            ch.searcher.send(SearchJob::Corpus(Arc::clone(&corpus)));
            if corpus.documents.is_empty() {
                app.quit = true;
            } else {
                spawn_analyzer(
                    Arc::clone(&corpus),
                    Arc::clone(ch.analyzed),
                    ch.analysis_tx.clone(),
                    compare::Options {
                        one_story: app.one_story,
                    },
                    app.story_edits.clone(),
                );
            }
            if !found.is_empty() {
                app.message = Some(format!(
                    "{} problem(s) while loading; listed on exit and by `crosscheck sources`",
                    found.len()
                ));
            }
            app.set_corpus(corpus);
            problems = found;
            sent_query = None;
        }
        for done in ch.analysis_rx.try_iter() {
            dirty = true;
            match done {
                Analyzed::Analysis(a) => app.set_analysis(a),
                // One made with options or edits since changed is stale.
                Analyzed::Comparison(c, index, made, edits)
                    if made.one_story == app.one_story && edits == app.story_edits =>
                {
                    let start = frame_log::Started::now();
                    app.set_indexed_comparison(c, *index);
                    frames.record_event("set_comparison", start.span());
                }
                Analyzed::Comparison(..) => {}
            }
        }
        for answer in ch.searcher.answers.try_iter() {
            dirty = true;
            app.set_hits(&answer.query, answer.found, answer.progress);
        }
        // A comparison asked for before the analysis is done waits for it.
        if app.recompare
            && let Some(analysis) = app.analysis.clone()
        {
            app.recompare = false;
            let corpus = Arc::clone(&app.corpus);
            let tx = ch.analysis_tx.clone();
            let options = compare::Options {
                one_story: app.one_story,
            };
            let edits = app.story_edits.clone();
            thread::spawn(move || {
                let _ = tx.send(comparison(&corpus, &analysis, options, edits));
            });
        }
        if let Some(q) = app.pending_search()
            && sent_query.as_deref() != Some(q)
        {
            sent_query = Some(q.to_string());
            ch.searcher.send(SearchJob::Query(q.to_string()));
        }
    }
}

#[cfg(test)]
mod hostile_tests;
#[cfg(test)]
mod marks_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod stories_tests;
#[cfg(test)]
mod tests;

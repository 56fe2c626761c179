//! The diff pane: the comparison's sections (figure groups with verdicts,
//! aligned statements with word diffs, coverage) as a list and the selected
//! row's detail.

use super::{mark_line, mark_symbol, pane_block, view_tabs};
use crate::display;
use crate::fit::fit;
use crate::tui::action::Action;
use crate::tui::app::{App, DiffSection, Focus};
use crate::tui::keymap::Context;
use crosscheck::compare::{Change, Comparison, Op, Verdict};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

/// A document's compact date, empty when it has none.
fn date_of(app: &App, doc: usize) -> String {
    app.corpus
        .documents
        .get(doc)
        .map_or(String::new(), super::short_date)
}

fn verdict_style(app: &App, v: Verdict) -> (&'static str, Style) {
    match v {
        Verdict::Agree => ("= agree", app.theme.agree),
        Verdict::Compatible => ("≈ compatible", app.theme.compatible),
        Verdict::Conflict => ("≠ conflict", app.theme.conflict),
        Verdict::Revised => ("↻ revised", app.theme.conflict),
        Verdict::Single => ("· single", app.theme.single),
    }
}

/// "S2 " before a row when the corpus holds several stories, nothing when
/// it holds one.
fn story_tag(c: &Comparison, story: usize) -> String {
    if c.stories.len() > 1 {
        format!("S{} ", story + 1)
    } else {
        String::new()
    }
}

/// What the pane is about, above its sections: the story shown (or the
/// only one) with its sources and disagreements, or how many stories
/// there are and the key that lists them.
fn story_line(app: &App, c: &Comparison, width: usize) -> Line<'static> {
    let disagreements = |s: usize| app.stories.conflicts.get(s).copied().unwrap_or([0, 0]);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    // In words where the label keeps room, else shorter.
    let counts = |sources: usize, [figures, quotes]: [usize; 2], label: &str| {
        let long = format!(
            " · {} · {} · {}",
            plural(sources, "source", "sources"),
            plural(figures, "figure in conflict", "figures in conflict"),
            plural(
                quotes,
                "quote worded differently",
                "quotes worded differently"
            ),
        );
        let medium = format!(
            " · {} · {}",
            plural(sources, "source", "sources"),
            plural(figures + quotes, "disagreement", "disagreements")
        );
        if label.width() + long.width() + 10 <= width {
            long
        } else if medium.width() + 30 <= width {
            medium
        } else {
            format!(" · {sources} src · {} ≠", figures + quotes)
        }
    };
    let (head, label, tail) = match (app.story_shown(), c.stories.len()) {
        (Some(s), total) => {
            let label = c
                .stories
                .get(s)
                .map_or(String::new(), |x| display::story_label(&x.label));
            let sources = c.stories.get(s).map_or(0, |x| x.documents.len());
            let tail = counts(sources, disagreements(s), &label);
            (format!("S{} of {total}: ", s + 1), label, tail)
        }
        (None, 1) => {
            let label = display::story_label(&c.stories[0].label);
            let tail = counts(c.stories[0].documents.len(), disagreements(0), &label);
            ("Story: ".to_string(), label, tail)
        }
        (None, n) => {
            let all: usize = app.stories.conflicts.iter().flatten().sum();
            let key = app
                .keymap
                .first_key(Context::Global, Action::ShowStories)
                .map_or(String::new(), |k| format!(" ({k}: list them)"));
            (
                format!("{n} stories"),
                String::new(),
                format!(" · {}{key}", plural(all, "disagreement", "disagreements")),
            )
        }
    };
    let label = fit(&label, width.saturating_sub(head.width() + tail.width()));
    let tail = fit(&tail, width.saturating_sub(head.width()));
    Line::from(vec![
        Span::styled(head, app.theme.title),
        Span::styled(label, Style::new().add_modifier(Modifier::BOLD)),
        Span::styled(tail, app.theme.dim),
    ])
}

/// The rows of a diff section's list at positions `shown` (among the
/// rows the filters leave), one line each: only those in view are built,
/// a section can hold thousands.
fn diff_list_rows(
    app: &App,
    c: &Comparison,
    section: DiffSection,
    shown: std::ops::Range<usize>,
    width: usize,
) -> Vec<Line<'static>> {
    let visible = app.diff_visible(section)[shown].iter().copied();
    match section {
        DiffSection::Figures => visible
            .map(|i| {
                let g = &c.figures[i];
                let (word, style) = verdict_style(app, g.verdict);
                let mark = app.group_mark(DiffSection::Figures, i);
                let rest = format!(
                    "{}{}  {}  {} src{}",
                    story_tag(c, g.story.id),
                    g.label,
                    display::spread(g),
                    g.sources,
                    if mark.is_some_and(|m| m.stale) {
                        "  stale"
                    } else {
                        ""
                    }
                );
                // The mark takes the first of the two spaces after the verdict.
                let (symbol, symbol_style) = mark_symbol(app, mark).unwrap_or((" ", Style::new()));
                Line::from(vec![
                    Span::styled(format!("{word:<12}"), style),
                    Span::styled(symbol, symbol_style),
                    Span::raw(" "),
                    Span::raw(fit(&rest, width.saturating_sub(14))),
                ])
            })
            .collect(),
        DiffSection::Statements => visible
            .map(|i| {
                let g = &c.statements[i];
                let mut spans = Vec::new();
                if let Some((symbol, style)) =
                    mark_symbol(app, app.group_mark(DiffSection::Statements, i))
                {
                    spans.push(Span::styled(format!("{symbol} "), style));
                }
                if g.quote_differs {
                    spans.push(Span::styled("≠ quoted differently  ", app.theme.conflict));
                }
                let head = format!("{}{} src  ", story_tag(c, g.story.id), g.sources);
                spans.push(Span::styled(head, app.theme.dim));
                let used: usize = spans.iter().map(|s| s.content.width()).sum();
                let label = display::statement_label(&g.label);
                spans.push(Span::raw(fit(&label, width.saturating_sub(used))));
                Line::from(spans)
            })
            .collect(),
        DiffSection::Coverage => visible
            .map(|i| {
                let s = &c.coverage.sources[i];
                let counts = format!(
                    "  {:>3} shared  {:>3} only here",
                    s.statements.len(),
                    s.exclusive
                );
                let name = fit(&s.display, width.saturating_sub(counts.width()));
                let pad = width.saturating_sub(name.width() + counts.width());
                Line::from(vec![
                    Span::styled(name, Style::new().add_modifier(Modifier::BOLD)),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(counts, app.theme.dim),
                ])
            })
            .collect(),
    }
}

/// One changed-words line: deleted words struck out, inserted underlined.
fn diff_changes(app: &App, changes: &[Change]) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, ch) in changes.iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw(" "));
        }
        // Marked as git's word diff does, so the change reads without colour
        // and survives copy and paste.
        match ch.op {
            Op::Equal => spans.push(Span::raw(ch.text.clone())),
            Op::Delete => spans.push(Span::styled(format!("[-{}-]", ch.text), app.theme.deleted)),
            Op::Insert => spans.push(Span::styled(
                format!("{{+{}+}}", ch.text),
                app.theme.inserted,
            )),
        }
    }
    Line::from(spans)
}

/// The detail of the selected row: its sentences (selectable once stepped
/// in) and, for statements, the word diffs.
///
/// Only the lines of `window` (indices of the row's entries, diffs or
/// claims) are built: a group can hold thousands of entries, and each
/// line's mark is looked up by a hash of its sentence.
fn diff_detail_lines(
    app: &App,
    c: &Comparison,
    section: DiffSection,
    row: usize,
    width: usize,
    window: std::ops::Range<usize>,
) -> Vec<Line<'static>> {
    let selected = app.diff.detail;
    let ids = match section {
        DiffSection::Figures => Vec::new(),
        _ => app.diff_detail(section, app.diff.selected()),
    };
    // The detail's marks, line by line: the figures' own, else the
    // sentences'.
    let mark_of = |i: usize| -> Option<crosscheck::store::Resolved> {
        match section {
            DiffSection::Figures => {
                let e = c.figures.get(row)?.entries.get(i)?;
                app.marks.get(&crosscheck::store::target::entry_key(e))
            }
            _ => app.sentence_mark(*ids.get(i)?),
        }
    };
    let in_window = |i: &usize| window.contains(i);
    let mark = |i: usize| -> (Span<'static>, Style) {
        let here = selected == Some(i);
        let style = if here {
            app.theme.selected
        } else {
            Style::new()
        };
        let bar = if here { "▌" } else { " " };
        let gutter = match mark_symbol(app, mark_of(i)) {
            Some((symbol, st)) => Span::styled(format!("{bar}{symbol}"), st),
            None if here => Span::styled("▌ ", app.theme.accent),
            None => Span::raw("  "),
        };
        (gutter, style)
    };
    let mut lines = Vec::new();
    // The group's own mark heads its detail.
    if let Some(r) = app.group_mark(section, row) {
        lines.push(mark_line(app, r, width));
    }
    // So does the mark of the line stepped into.
    if let Some(r) = selected.and_then(mark_of) {
        lines.push(mark_line(app, r, width));
    }
    let story = match section {
        DiffSection::Figures => c.figures.get(row).map(|g| &g.story),
        DiffSection::Statements => c.statements.get(row).map(|g| &g.story),
        DiffSection::Coverage => None,
    };
    if let Some(story) = story.filter(|_| c.stories.len() > 1) {
        lines.push(Line::from(Span::styled(
            fit(
                &format!("S{}: {}", story.id + 1, display::story_label(&story.label)),
                width,
            ),
            app.theme.title,
        )));
    }
    match section {
        DiffSection::Figures => {
            let Some(g) = c.figures.get(row) else {
                return lines;
            };
            let analysis = app.analysis.as_deref();
            // A date column only as wide as the dates in view need.
            let dates: Vec<String> = g.entries[window.start.min(g.entries.len())..]
                .iter()
                .take(window.len())
                .map(|e| date_of(app, e.id.doc))
                .collect();
            let date_width = dates.iter().map(|d| d.width()).max().unwrap_or(0);
            for (i, e) in g
                .entries
                .iter()
                .enumerate()
                .skip(window.start)
                .take(window.len())
            {
                let figure = analysis.and_then(|a| a.figure(e.id.doc, e.figure));
                let value = display::entry_value(e, figure);
                let mut flags = Vec::new();
                if e.derived {
                    flags.push("derived");
                }
                if e.vague {
                    flags.push(if e.decides() {
                        "vague"
                    } else {
                        "vague, not in verdict"
                    });
                }
                if e.caption {
                    flags.push("caption");
                }
                let date = if date_width == 0 {
                    String::new()
                } else {
                    format!("{:<date_width$} ", dates[i - window.start])
                };
                let text = format!(
                    "{:<13} {:<14} {date}L{:<4} {:<22} {}{}",
                    fit(&value, 13),
                    fit(&e.display, 14),
                    e.line,
                    fit(e.claimer.as_deref().unwrap_or("-"), 22),
                    e.scope.as_deref().unwrap_or(""),
                    if flags.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", flags.join(", "))
                    }
                );
                let (m, style) = mark(i);
                lines.push(Line::from(vec![
                    m,
                    Span::styled(fit(&text, width.saturating_sub(2)), style),
                ]));
            }
            if let Some(e) = selected.and_then(|i| g.entries.get(i)) {
                lines.push(Line::default());
                lines.push(Line::from(Span::styled(
                    e.sentence.to_string(),
                    app.theme.dim,
                )));
            }
        }
        DiffSection::Statements => {
            let Some(g) = c.statements.get(row) else {
                return lines;
            };
            let entries = |lines: &mut Vec<Line<'static>>| {
                for (i, e) in g.entries.iter().enumerate().filter(|(i, _)| in_window(i)) {
                    let (m, style) = mark(i);
                    let date = date_of(app, e.id.doc);
                    let head = if date.is_empty() {
                        format!("{} L{}  ", e.display, e.line)
                    } else {
                        format!("{} {date} L{}  ", e.display, e.line)
                    };
                    let room = width.saturating_sub(2 + head.width());
                    lines.push(Line::from(vec![
                        m,
                        Span::styled(head, app.theme.accent),
                        Span::styled(fit(&e.sentence, room), style),
                    ]));
                }
            };
            match selected {
                // Stepped in: the sentences to choose from, then the chosen one whole.
                Some(i) => {
                    entries(&mut lines);
                    if let Some(e) = g.entries.get(i) {
                        lines.push(Line::default());
                        lines.push(Line::from(Span::styled(
                            e.sentence.to_string(),
                            app.theme.dim,
                        )));
                    }
                }
                // The word diffs first: they are what the pane is for.
                None => {
                    for d in g.diffs.iter().take(window.len()) {
                        let (a, b) = (&g.entries[d.a], &g.entries[d.b]);
                        let about = match &d.speaker {
                            Some(s) => format!("quote of {s}"),
                            None => d.kind.to_string(),
                        };
                        lines.push(Line::from(Span::styled(
                            format!(
                                "{} L{} → {} L{} ({about})",
                                a.display, a.line, b.display, b.line
                            ),
                            app.theme.dim,
                        )));
                        lines.push(diff_changes(app, &d.changes));
                    }
                    lines.push(Line::default());
                    entries(&mut lines);
                }
            }
        }
        DiffSection::Coverage => {
            let Some(src) = c.coverage.sources.get(row) else {
                return lines;
            };
            let exclusive: Vec<_> = c
                .coverage
                .exclusive
                .iter()
                .filter(|e| e.id.doc == row)
                .collect();
            lines.push(Line::from(Span::styled(
                format!(
                    "Reported by {}{} alone ({}):",
                    src.display,
                    match date_of(app, row) {
                        d if d.is_empty() => String::new(),
                        d => format!(" ({d})"),
                    },
                    exclusive.len()
                ),
                app.theme.dim,
            )));
            for (i, e) in exclusive.iter().enumerate().filter(|(i, _)| in_window(i)) {
                let (m, style) = mark(i);
                lines.push(Line::from(vec![
                    m,
                    Span::styled(
                        format!(
                            "L{} {}: ",
                            e.line,
                            e.claimer.as_deref().unwrap_or("unattributed")
                        ),
                        app.theme.accent,
                    ),
                    Span::styled(e.sentence.to_string(), style),
                ]));
            }
        }
    }
    lines
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let block = pane_block(app, view_tabs(app, area.width), focused);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(c) = &app.comparison else {
        let msg = if app.analysis.is_some() {
            "comparing the sources…"
        } else {
            "analyzing…"
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim), inner);
        return;
    };
    let section = app.diff.section;
    let mut tabs = Vec::new();
    let filtered =
        app.diff.conflicts_only || app.diff.outlet.is_some() || app.diff.measure.is_some();
    for s in DiffSection::ALL {
        let total = match s {
            DiffSection::Figures => c.figures.len(),
            DiffSection::Statements => c.statements.len(),
            DiffSection::Coverage => c.coverage.sources.len(),
        };
        let shown = app.diff_rows(s);
        let label = if shown == total {
            format!(" {} {shown} ", s.name())
        } else {
            format!(" {} {shown}/{total} ", s.name())
        };
        tabs.push(if s == section {
            Span::styled(label, app.theme.selected)
        } else {
            Span::styled(label, app.theme.dim)
        });
        tabs.push(Span::raw(" "));
    }
    if filtered {
        let mut what = Vec::new();
        if app.diff.conflicts_only {
            what.push("conflicts only".to_string());
        }
        if let Some(o) = &app.diff.outlet {
            what.push(format!("outlet: {o}"));
        }
        if let Some(m) = &app.diff.measure {
            what.push(format!("measure: {m}"));
        }
        tabs.push(Span::styled(
            format!("[{}] ", what.join(", ")),
            app.theme.accent,
        ));
    }
    if let Some(key) = app.keymap.first_key(Context::Diff, Action::NextSection) {
        tabs.push(Span::styled(format!("({key}: next)"), app.theme.dim));
    }
    let [story_area, tab_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Percentage(40),
        Constraint::Min(3),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(story_line(app, c, story_area.width as usize)),
        story_area,
    );
    frame.render_widget(Paragraph::new(Line::from(tabs)), tab_area);
    let width = list_area.width as usize;
    let n = app.diff_rows(section);
    if n == 0 {
        let filtered =
            app.diff.conflicts_only || app.diff.outlet.is_some() || app.diff.measure.is_some();
        let none = match section {
            _ if filtered => "no rows match the filter",
            DiffSection::Figures => "no figures to compare",
            DiffSection::Statements => "no statement is reported by more than one source",
            DiffSection::Coverage => "no sources",
        };
        frame.render_widget(Paragraph::new(none).style(app.theme.dim), list_area);
        return;
    }
    let pos = app.diff.selected().min(n - 1);
    let row = app.diff_row(section, pos).unwrap_or(0);
    // The rows in view: the selection at the bottom once it is past the
    // first screen, as a list scrolled from the top shows it.
    let height = (list_area.height as usize).max(1);
    let first = pos.saturating_sub(height - 1);
    let rows = diff_list_rows(app, c, section, first..n.min(first + height), width);
    let items: Vec<ListItem> = rows.into_iter().map(ListItem::new).collect();
    let mut state = ListState::default().with_selected(Some(pos - first));
    let list_style = if app.diff.detail.is_some() {
        app.theme.dim
    } else {
        app.theme.selected
    };
    frame.render_stateful_widget(
        List::new(items).highlight_style(list_style),
        list_area,
        &mut state,
    );
    // The lines in view, the selected one kept in view: the header (the
    // marks, the story) stays on top.
    let height = detail_area.height as usize;
    let first = app
        .diff
        .detail
        .map_or(0, |d| d.saturating_sub(height.saturating_sub(6)));
    let detail = diff_detail_lines(
        app,
        c,
        section,
        row,
        detail_area.width as usize,
        first..first + height,
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.dim);
    frame.render_widget(
        Paragraph::new(detail)
            .block(block)
            .wrap(Wrap { trim: false }),
        detail_area,
    );
}

//! Drawing: a pure function of the App state.

use super::action::Action;
use super::app::{App, DiffSection, Focus, MIN_HEIGHT, MIN_WIDTH, View, areas};
use super::keymap::Context;
use super::wrap::{self, Highlight};
use crate::display;
use crate::fit::fit;
use crosscheck::compare::{Change, Comparison, Op, Verdict};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, List, ListItem, ListState, Paragraph, Wrap};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn draw(frame: &mut Frame, app: &App) {
    let size = frame.area();
    if app.too_small() {
        draw_too_small(frame, size);
        return;
    }
    let a = areas(size);
    draw_sources(frame, app, a.sources);
    match app.view {
        View::Reader => draw_reader(frame, app, a.main),
        View::Claims => draw_claims(frame, app, a.main),
        View::Diff => draw_diff(frame, app, a.main),
    }
    draw_status(frame, app, a.status);
    if app.finder.is_some() {
        draw_finder(frame, app, size);
    }
    if let Some(scroll) = app.help {
        draw_help(frame, app, size, scroll);
    }
}

fn draw_too_small(frame: &mut Frame, area: Rect) {
    let text = vec![
        Line::from(Span::styled(
            "Terminal too small",
            Style::new().add_modifier(Modifier::BOLD),
        )),
        Line::from(format!(
            "need {MIN_WIDTH}×{MIN_HEIGHT}, have {}×{}",
            area.width, area.height
        )),
        Line::from("enlarge it, or press q to quit"),
    ];
    let top = area.height.saturating_sub(3) / 2;
    let rect = Rect::new(
        area.x,
        area.y + top,
        area.width,
        area.height.saturating_sub(top),
    );
    frame.render_widget(
        Paragraph::new(text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

fn pane_block<'a>(app: &App, title: Line<'a>, focused: bool) -> Block<'a> {
    let block = Block::default().borders(Borders::ALL).title(title);
    if focused {
        block.border_style(app.theme.focus_border)
    } else {
        block.border_style(app.theme.dim)
    }
}

fn draw_sources(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Sources && app.finder.is_none();
    let title = match (app.loading, app.analyzing) {
        (Some((done, total)), _) => format!(" Sources · loading {done}/{total} "),
        (None, Some((done, total))) => format!(" Sources · analyzing {done}/{total} "),
        (None, None) => format!(" Sources ({}) ", app.corpus.documents.len()),
    };
    let block = pane_block(app, Line::from(title), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    // Only the sources in view are built: at 10,000 sources building them
    // all took longer than a frame. Two lines each.
    let rows = (inner.height as usize / 2).max(1);
    let first = app.selected_source.saturating_sub(rows - 1);
    let items: Vec<ListItem> = app
        .corpus
        .documents
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .map(|(i, d)| {
            let open = if i == app.reader.doc { "▸ " } else { "  " };
            let name = d.display_name();
            let date = d.date.as_deref().unwrap_or("");
            let head = fit(
                &format!("{open}{name}"),
                width.saturating_sub(date.width() + 1),
            );
            let pad = width.saturating_sub(head.width() + date.width());
            let name_style = if d.outlet.is_some() {
                Style::new().add_modifier(Modifier::BOLD)
            } else {
                Style::new()
            };
            let title = d.title.as_deref().unwrap_or("(no headline)");
            let figures = app
                .analysis
                .as_ref()
                .and_then(|a| a.docs.get(i))
                .map_or(String::new(), |a| format!(" {}#", a.figures.len()));
            let title = fit(&format!("  {title}"), width.saturating_sub(figures.width()));
            let title_pad = width.saturating_sub(title.width() + figures.width());
            ListItem::new(vec![
                Line::from(vec![
                    Span::styled(head, name_style),
                    Span::raw(" ".repeat(pad)),
                    Span::styled(date.to_string(), app.theme.dim),
                ]),
                Line::from(vec![
                    Span::styled(title, app.theme.dim),
                    Span::raw(" ".repeat(title_pad)),
                    Span::styled(figures, app.theme.figure),
                ]),
            ])
        })
        .collect();
    let list = List::new(items)
        .block(block)
        .highlight_style(app.theme.selected);
    let mut state = ListState::default().with_selected(Some(app.selected_source - first));
    frame.render_stateful_widget(list, area, &mut state);
}

fn view_tabs(app: &App) -> Line<'static> {
    let mut spans = vec![Span::raw(" ")];
    for (view, key, name) in [
        (View::Reader, Action::ShowReader, "Reader"),
        (View::Claims, Action::ShowClaims, "Claims"),
        (View::Diff, Action::ShowDiff, "Diff"),
    ] {
        let key = app
            .keymap
            .first_key(Context::Global, key)
            .unwrap_or_default();
        let label = format!("{key} {name}");
        if app.view == view {
            spans.push(Span::styled(format!("[{label}]"), app.theme.accent));
        } else {
            spans.push(Span::styled(format!(" {label} "), app.theme.dim));
        }
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

/// The highlights of the open document: quotes, then claimer mentions and
/// figures over them, then search matches over everything.
fn reader_highlights(app: &App) -> Vec<Highlight> {
    let mut out = Vec::new();
    let doc = &app.corpus.documents[app.reader.doc];
    if let Some(a) = app
        .analysis
        .as_ref()
        .and_then(|a| a.docs.get(app.reader.doc))
    {
        for q in &a.attribution.quotes {
            out.push(Highlight {
                range: q.span.clone(),
                style: app.theme.quote,
            });
        }
        for (i, atts) in a.attribution.sentences.iter().enumerate() {
            let base = doc.sentences[i].span.start;
            for att in atts {
                out.push(Highlight {
                    range: base + att.mention.start..base + att.mention.end,
                    style: app.theme.claimer,
                });
            }
        }
        for f in a.figures.iter().filter(|f| !f.figure.derived) {
            out.push(Highlight {
                range: f.doc_span(doc),
                style: app.theme.figure,
            });
        }
    }
    if let Some(search) = &app.reader.search {
        for (i, m) in search.matches.iter().enumerate() {
            let style = if i == search.current {
                app.theme.current_match
            } else {
                app.theme.search_match
            };
            out.push(Highlight {
                range: m.clone(),
                style,
            });
        }
    }
    out
}

fn draw_reader(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let mut block = pane_block(app, view_tabs(app), focused);
    if let Some(doc) = app.corpus.documents.get(app.reader.doc) {
        let mut about = vec![doc.display_name().to_string()];
        about.extend(doc.date.clone());
        if doc.outlet.is_some() {
            about.push(doc.source.clone());
        }
        let about = fit(
            &format!(" {} ", about.join(" · ")),
            area.width.saturating_sub(4) as usize,
        );
        block = block.title_bottom(Line::from(Span::styled(about, app.theme.dim)).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(doc) = app.corpus.documents.get(app.reader.doc) else {
        let msg = if app.loading.is_some() {
            "loading…"
        } else {
            "no documents"
        };
        frame.render_widget(Paragraph::new(msg).style(app.theme.dim), inner);
        return;
    };
    let lines = app.reader_lines();
    let highlights = reader_highlights(app);
    let focus_span = app
        .reader
        .focus_sentence
        .and_then(|i| doc.sentences.get(i))
        .map(|s| s.span.clone());
    let mut height = inner.height as usize;
    let mut out: Vec<Line> = Vec::new();
    if let Some(prompt) = &app.prompt {
        height = height.saturating_sub(1);
        let prompt_line = Line::from(vec![
            Span::styled("/", app.theme.accent),
            Span::raw(prompt.input.clone()),
            Span::styled("▏", app.theme.accent),
        ]);
        let rect = Rect::new(
            inner.x,
            inner.y + inner.height.saturating_sub(1),
            inner.width,
            1,
        );
        frame.render_widget(Paragraph::new(prompt_line), rect);
    }
    for line in lines.iter().skip(app.reader.scroll).take(height) {
        let paragraph_kind = line
            .span()
            .and_then(|s| {
                doc.paragraphs
                    .iter()
                    .find(|p| p.span.start <= s.start && s.start < p.span.end)
            })
            .map(|p| p.kind);
        let base = match paragraph_kind {
            Some(crosscheck::document::ParagraphKind::Title) => app.theme.title,
            Some(crosscheck::document::ParagraphKind::Caption) => app.theme.caption,
            _ => Style::new(),
        };
        let in_focus = match (&focus_span, line.span()) {
            (Some(f), Some(s)) => s.start < f.end && s.end > f.start,
            _ => false,
        };
        let mut rendered = wrap::render_line(&doc.text, line, base, &highlights);
        let gutter = if in_focus {
            Span::styled("▌ ", app.theme.accent)
        } else {
            Span::raw("  ")
        };
        rendered.spans.insert(0, gutter);
        out.push(rendered);
    }
    let text_area = Rect::new(inner.x, inner.y, inner.width, height as u16);
    frame.render_widget(Paragraph::new(out), text_area);
}

/// The figure and quote highlights of one sentence, shifted to sentence
/// offsets, for a one-line rendering.
fn sentence_highlights(app: &App, doc: usize, sentence: usize) -> Vec<Highlight> {
    let Some(a) = app.analysis.as_ref().and_then(|a| a.docs.get(doc)) else {
        return Vec::new();
    };
    let d = &app.corpus.documents[doc];
    let span = d.sentences[sentence].span.clone();
    let mut out = Vec::new();
    for q in &a.attribution.quotes {
        if q.span.start < span.end && q.span.end > span.start {
            let start = q.span.start.max(span.start) - span.start;
            let end = q.span.end.min(span.end) - span.start;
            out.push(Highlight {
                range: start..end,
                style: app.theme.quote,
            });
        }
    }
    for f in a
        .figures
        .iter()
        .filter(|f| f.sentence == sentence && !f.figure.derived)
    {
        out.push(Highlight {
            range: f.figure.span.clone(),
            style: app.theme.figure,
        });
    }
    out
}

fn draw_claims(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let c = &app.claims;
    let scope = match (&c.outlet, c.all_sources) {
        (Some(o), _) => format!("outlet: {o}"),
        (None, true) => "all sources".to_string(),
        (None, false) => app
            .corpus
            .documents
            .get(app.reader.doc)
            .map_or(String::new(), |d| d.display_name().to_string()),
    };
    let kind = c.kind.map_or("all kinds", |k| match k {
        crosscheck::analysis::ClaimKind::Figure => "figures",
        crosscheck::analysis::ClaimKind::Quote => "quotes",
        crosscheck::analysis::ClaimKind::Attribution => "attributed",
    });
    let visible = app.visible_claims();
    let filter = format!(" {scope} · {kind} · {} ", visible.len());
    let block = pane_block(app, view_tabs(app), focused)
        .title_bottom(Line::from(Span::styled(filter, app.theme.dim)).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let Some(analysis) = &app.analysis else {
        frame.render_widget(Paragraph::new("analyzing…").style(app.theme.dim), inner);
        return;
    };
    if visible.is_empty() {
        frame.render_widget(
            Paragraph::new("no claims match this filter").style(app.theme.dim),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let show_source = c.all_sources || c.outlet.is_some();
    // Only the rows around the selection are built: the list can be long.
    let rows = (inner.height as usize / 3).max(1);
    let first = c.selected.saturating_sub(rows.saturating_sub(1));
    let items: Vec<ListItem> = visible
        .iter()
        .skip(first)
        .take(rows)
        .map(|&(d, i)| {
            let doc = &app.corpus.documents[d];
            let claim = &analysis.docs[d].claims[i];
            let who = claim
                .claimer
                .as_ref()
                .map_or("unattributed".to_string(), |x| x.name.clone());
            let marks: String = claim
                .kinds
                .iter()
                .map(|k| match k {
                    crosscheck::analysis::ClaimKind::Figure => '#',
                    crosscheck::analysis::ClaimKind::Quote => '“',
                    crosscheck::analysis::ClaimKind::Attribution => '@',
                })
                .collect();
            let mut head = vec![Span::styled(format!("{marks:<3} "), app.theme.accent)];
            if show_source {
                head.push(Span::styled(
                    format!("{} · ", doc.display_name()),
                    app.theme.dim,
                ));
            }
            head.push(Span::styled(
                who,
                if claim.claimer.is_some() {
                    app.theme.claimer
                } else {
                    app.theme.dim
                },
            ));
            head.push(Span::styled(
                format!("  L{}", doc.sentences[claim.sentence].line),
                app.theme.dim,
            ));
            let text = doc.sentence_text(claim.sentence);
            let lines = wrap::layout(
                text,
                std::slice::from_ref(&(0..text.len())),
                width.saturating_sub(5).max(1),
            );
            let highlights = sentence_highlights(app, d, claim.sentence);
            let mut out = vec![Line::from(head)];
            for l in lines.iter().take(2) {
                let mut line = wrap::render_line(text, l, Style::new(), &highlights);
                line.spans.insert(0, Span::raw("    "));
                out.push(line);
            }
            ListItem::new(out)
        })
        .collect();
    let mut state = ListState::default().with_selected(Some(c.selected - first));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        inner,
        &mut state,
    );
}

fn verdict_style(app: &App, v: Verdict) -> (&'static str, Style) {
    match v {
        Verdict::Agree => ("= agree", app.theme.agree),
        Verdict::Compatible => ("≈ compatible", app.theme.compatible),
        Verdict::Conflict => ("≠ conflict", app.theme.conflict),
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

/// The rows of a diff section's list, one line each.
fn diff_list_rows(
    app: &App,
    c: &Comparison,
    section: DiffSection,
    width: usize,
) -> Vec<Line<'static>> {
    match section {
        DiffSection::Figures => c
            .figures
            .iter()
            .map(|g| {
                let (word, style) = verdict_style(app, g.verdict);
                let rest = format!(
                    "  {}{}  {}  {} src",
                    story_tag(c, g.story.id),
                    g.label,
                    display::spread(g),
                    g.sources
                );
                Line::from(vec![
                    Span::styled(format!("{word:<12}"), style),
                    Span::raw(fit(&rest, width.saturating_sub(12))),
                ])
            })
            .collect(),
        DiffSection::Statements => c
            .statements
            .iter()
            .map(|g| {
                let mut spans = Vec::new();
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
        DiffSection::Coverage => c
            .coverage
            .sources
            .iter()
            .map(|s| {
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
fn diff_detail_lines(
    app: &App,
    c: &Comparison,
    section: DiffSection,
    row: usize,
    width: usize,
) -> Vec<Line<'static>> {
    let selected = app.diff.detail;
    let mark = |i: usize| -> (Span<'static>, Style) {
        if selected == Some(i) {
            (Span::styled("▌ ", app.theme.accent), app.theme.selected)
        } else {
            (Span::raw("  "), Style::new())
        }
    };
    let mut lines = Vec::new();
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
            for (i, e) in g.entries.iter().enumerate() {
                let figure = analysis.and_then(|a| a.figure(e.id.doc, e.figure));
                let value = display::entry_value(e, figure);
                let mut flags = Vec::new();
                if e.derived {
                    flags.push("derived");
                }
                if e.vague {
                    flags.push("vague");
                }
                if e.caption {
                    flags.push("caption");
                }
                let text = format!(
                    "{:<13} {:<14} L{:<4} {:<22} {}{}",
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
                for (i, e) in g.entries.iter().enumerate() {
                    let (m, style) = mark(i);
                    let head = format!("{} L{}  ", e.display, e.line);
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
                    for d in &g.diffs {
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
                format!("Reported by {} alone ({}):", src.display, exclusive.len()),
                app.theme.dim,
            )));
            for (i, e) in exclusive.iter().enumerate() {
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

fn draw_diff(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let block = pane_block(app, view_tabs(app), focused);
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
    for s in DiffSection::ALL {
        let label = format!(" {} {} ", s.name(), app.diff_rows(s));
        tabs.push(if s == section {
            Span::styled(label, app.theme.selected)
        } else {
            Span::styled(label, app.theme.dim)
        });
        tabs.push(Span::raw(" "));
    }
    if c.stories.len() > 1 {
        tabs.push(Span::styled(
            format!("{} stories ", c.stories.len()),
            app.theme.dim,
        ));
    }
    if let Some(key) = app.keymap.first_key(Context::Diff, Action::NextSection) {
        tabs.push(Span::styled(format!("({key}: next)"), app.theme.dim));
    }
    let [tab_area, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Percentage(40),
        Constraint::Min(3),
    ])
    .areas(inner);
    frame.render_widget(Paragraph::new(Line::from(tabs)), tab_area);
    let width = list_area.width as usize;
    let rows = diff_list_rows(app, c, section, width);
    if rows.is_empty() {
        let none = match section {
            DiffSection::Figures => "no figures to compare",
            DiffSection::Statements => "no statement is reported by more than one source",
            DiffSection::Coverage => "no sources",
        };
        frame.render_widget(Paragraph::new(none).style(app.theme.dim), list_area);
        return;
    }
    let row = app.diff.selected().min(rows.len() - 1);
    let items: Vec<ListItem> = rows.into_iter().map(ListItem::new).collect();
    let mut state = ListState::default().with_selected(Some(row));
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
    let detail = diff_detail_lines(app, c, section, row, detail_area.width as usize);
    // Keep the selected detail line in view.
    let scroll = app.diff.detail.map_or(0, |d| {
        d.saturating_sub(detail_area.height.saturating_sub(3) as usize)
    });
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(app.theme.dim);
    frame.render_widget(
        Paragraph::new(detail)
            .block(block)
            .wrap(Wrap { trim: false })
            .scroll((scroll as u16, 0)),
        detail_area,
    );
}

/// The focused pane's main keys, from the keymap.
fn hints(app: &App) -> Vec<(String, &'static str)> {
    let ctx = app.top_context();
    let wanted: &[Action] = match ctx {
        Context::Sources => &[
            Action::Down,
            Action::Open,
            Action::OpenFinder,
            Action::FocusNext,
        ],
        Context::Reader => &[
            Action::Down,
            Action::PageDown,
            Action::FindInArticle,
            Action::NextMatch,
            Action::OpenFinder,
        ],
        Context::Finder => &[Action::Accept, Action::Down, Action::Close],
        Context::Prompt => &[Action::Accept, Action::Close],
        Context::Help => &[Action::Down, Action::Close],
        Context::Claims => &[
            Action::Open,
            Action::CycleKind,
            Action::CycleOutlet,
            Action::ToggleScope,
        ],
        Context::Diff => &[
            Action::Down,
            Action::Open,
            Action::NextSection,
            Action::Back,
        ],
        Context::Global => &[Action::Down, Action::OpenFinder],
    };
    let mut out: Vec<(String, &'static str)> = wanted
        .iter()
        .filter_map(|&a| {
            let key = app
                .keymap
                .first_key(ctx, a)
                .or_else(|| app.keymap.first_key(Context::Global, a))?;
            Some((key, a.describe_in(ctx)))
        })
        .collect();
    if !matches!(ctx, Context::Finder | Context::Prompt | Context::Help) {
        for a in [Action::Help, Action::Quit] {
            if let Some(key) = app.keymap.first_key(Context::Global, a) {
                out.push((key, a.describe()));
            }
        }
    }
    out
}

fn draw_status(frame: &mut Frame, app: &App, area: Rect) {
    let right = status_right(app);
    let mut spans = vec![Span::styled(
        format!(" {} ", app.top_context().name()),
        app.theme.selected,
    )];
    let room = (area.width as usize).saturating_sub(right.width() + 1);
    let mut used = spans[0].content.width();
    if let Some(msg) = &app.message {
        let msg = fit(&format!(" {msg}"), room.saturating_sub(used));
        used += msg.width();
        spans.push(Span::styled(msg, app.theme.warning));
    } else {
        // Whole hints only, as many as fit beside the position indicator.
        for (key, what) in hints(app) {
            let what = format!(" {what} ");
            let width = 1 + key.width() + what.width();
            if used + width > room {
                break;
            }
            used += width;
            spans.push(Span::raw(" "));
            spans.push(Span::styled(key, app.theme.accent));
            spans.push(Span::raw(what));
        }
    }
    spans.push(Span::raw(" ".repeat(
        (area.width as usize).saturating_sub(used + right.width()),
    )));
    spans.push(Span::styled(right, app.theme.dim));
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// The reader's position, or the article search counter "i/N".
fn status_right(app: &App) -> String {
    if app.view == View::Diff {
        let n = app.diff_rows(app.diff.section);
        return if n == 0 {
            String::new()
        } else {
            format!("{}/{n} ", app.diff.selected() + 1)
        };
    }
    if app.view == View::Claims {
        let n = app.visible_claims().len();
        return if n == 0 {
            String::new()
        } else {
            format!("{}/{n} ", app.claims.selected + 1)
        };
    }
    if app.view != View::Reader || app.corpus.documents.is_empty() {
        return String::new();
    }
    if let Some(s) = &app.reader.search {
        return if s.matches.is_empty() {
            format!("/{}: 0/0 ", s.query)
        } else {
            format!("/{}: {}/{} ", s.query, s.current + 1, s.matches.len())
        };
    }
    let total = app.reader_lines().len().max(1);
    let bottom = (app.reader.scroll + app.reader_height()).min(total);
    format!("{}/{} {}% ", bottom, total, bottom * 100 / total)
}

fn popup(area: Rect, width_pct: u16, height_pct: u16) -> Rect {
    let w = (area.width * width_pct / 100).max(20).min(area.width);
    let h = (area.height * height_pct / 100).max(8).min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A sentence cut to `width` with its matched chars highlighted. When the
/// first match lies beyond the width, the start is cut instead ("…") so the
/// match shows, as fzf does.
fn highlighted(
    text: &str,
    indices: &[usize],
    width: usize,
    base: Style,
    hit: Style,
) -> Vec<Span<'static>> {
    let chars: Vec<char> = text.chars().collect();
    let col = |range: std::ops::Range<usize>| -> usize {
        chars[range].iter().map(|c| c.width().unwrap_or(0)).sum()
    };
    let first = indices.first().copied().unwrap_or(0).min(chars.len());
    let mut start = 0;
    if col(0..first) + 1 > width / 2 {
        // Keep a little context before the first match.
        start = first;
        while start > 0 && col(start - 1..first) < width / 4 {
            start -= 1;
        }
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used = 1;
    }
    for (i, &c) in chars.iter().enumerate().skip(start) {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        let style = if indices.binary_search(&i).is_ok() {
            hit
        } else {
            base
        };
        spans.push(Span::styled(c.to_string(), style));
    }
    spans
}

fn draw_finder(frame: &mut Frame, app: &App, size: Rect) {
    let Some(f) = &app.finder else { return };
    let area = popup(size, 90, 80);
    frame.render_widget(Clear, area);
    let count = if f.query.trim().is_empty() {
        "type to search every sentence of every source".to_string()
    } else if f.answered != f.query {
        "searching…".to_string()
    } else if let Some((done, total)) = f.progress {
        format!(
            "searching {}% · {} hits so far",
            done * 100 / total.max(1),
            f.matched
        )
    } else if f.matched > f.hits.len() {
        format!("best {} of {} hits", f.hits.len(), f.matched)
    } else {
        format!("{} hits", f.matched)
    };
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(Line::from(" Find in all sources "))
        .title_bottom(Line::from(format!(" {count} ")).right_aligned());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [input, list_area, preview_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(4),
    ])
    .areas(inner);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled("> ", app.theme.accent),
            Span::raw(f.query.clone()),
            Span::styled("▏", app.theme.accent),
        ])),
        input,
    );
    let name_width = 14usize.min(list_area.width as usize / 3);
    let text_width = (list_area.width as usize).saturating_sub(name_width + 2);
    // Only the hits in view are built (up to 500 are kept).
    let rows = (list_area.height as usize).max(1);
    let first = f.selected.saturating_sub(rows - 1);
    let items: Vec<ListItem> = f
        .hits
        .iter()
        .skip(first)
        .take(rows)
        .map(|h| {
            let doc = &app.corpus.documents[h.id.doc];
            let name = fit(doc.display_name(), name_width);
            let pad = name_width.saturating_sub(name.width());
            let mut spans = vec![
                Span::styled(name, app.theme.dim),
                Span::raw(" ".repeat(pad + 1)),
            ];
            spans.extend(highlighted(
                doc.sentence_text(h.id.sentence),
                &h.indices,
                text_width,
                Style::new(),
                app.theme.fuzzy_match,
            ));
            ListItem::new(Line::from(spans))
        })
        .collect();
    let mut state =
        ListState::default().with_selected((!f.hits.is_empty()).then_some(f.selected - first));
    frame.render_stateful_widget(
        List::new(items).highlight_style(app.theme.selected),
        list_area,
        &mut state,
    );
    if let Some(h) = f.hits.get(f.selected) {
        let doc = &app.corpus.documents[h.id.doc];
        let s = &doc.sentences[h.id.sentence];
        let lines = vec![
            Line::from(Span::styled(
                format!("{}:{} · {}", doc.source, s.line, doc.display_name()),
                app.theme.dim,
            )),
            Line::from(doc.sentence_text(h.id.sentence).to_string()),
        ];
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(app.theme.dim);
        frame.render_widget(
            Paragraph::new(lines).block(block).wrap(Wrap { trim: true }),
            preview_area,
        );
    }
}

/// The help text, generated from the keymap so it always tells the truth.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    for ctx in Context::ALL {
        let bindings = app.keymap.bindings(ctx);
        if bindings.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(Line::default());
        }
        lines.push(Line::from(Span::styled(
            ctx.name().to_string(),
            app.theme.title,
        )));
        for (action, keys) in bindings {
            if keys.is_empty() {
                continue;
            }
            let keys: Vec<String> = keys.iter().map(|k| k.label()).collect();
            lines.push(Line::from(vec![
                Span::styled(format!("  {:<22}", keys.join(" ")), app.theme.accent),
                Span::raw(action.describe_in(ctx)),
            ]));
        }
    }
    lines
}

fn draw_help(frame: &mut Frame, app: &App, size: Rect, scroll: usize) {
    let area = popup(size, 70, 85);
    frame.render_widget(Clear, area);
    let lines = help_lines(app);
    let inner_height = area.height.saturating_sub(2) as usize;
    let scroll = scroll.min(lines.len().saturating_sub(inner_height));
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.focus_border)
        .title(" Keys ")
        .title_bottom(
            Line::from(" config: $XDG_CONFIG_HOME/crosscheck/config.toml ").right_aligned(),
        );
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .scroll((scroll as u16, 0)),
        area,
    );
}

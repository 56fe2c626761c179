//! Drawing: a pure function of the App state.

use super::action::Action;
use super::app::{App, Focus, MIN_HEIGHT, MIN_WIDTH, View, areas};
use super::keymap::Context;
use super::wrap::{self, Highlight};
use crate::fit::fit;
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
        View::Diff => draw_pending_view(frame, app, a.main),
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
        (None, Some((done, total))) => format!(" Sources ({total}) · analyzing {done}/{total} "),
        (None, None) => format!(" Sources ({}) ", app.corpus.documents.len()),
    };
    let block = pane_block(app, Line::from(title), focused);
    let inner = block.inner(area);
    let width = inner.width as usize;
    let items: Vec<ListItem> = app
        .corpus
        .documents
        .iter()
        .enumerate()
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
    let mut state = ListState::default().with_selected(Some(app.selected_source));
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

fn draw_pending_view(frame: &mut Frame, app: &App, area: Rect) {
    let block = pane_block(app, view_tabs(app), app.focus == Focus::Main);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Paragraph::new(
            "This view needs the figure and claim analysis, which this build does not have yet.",
        )
        .style(app.theme.dim)
        .wrap(Wrap { trim: true }),
        inner,
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
        Context::Diff | Context::Global => &[Action::Down, Action::OpenFinder],
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
    } else {
        format!("{} hits", f.hits.len())
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
    let items: Vec<ListItem> = f
        .hits
        .iter()
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
    let mut state = ListState::default().with_selected((!f.hits.is_empty()).then_some(f.selected));
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

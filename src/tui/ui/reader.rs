//! The reader pane: the open article whole, wrapped, with quotes, claimers,
//! figures and search matches highlighted, the focused sentence marked in
//! the gutter and the `/` prompt on its last line.

use super::{pane_block, short_date, view_tabs};
use crate::fit::fit;
use crate::tui::app::{App, Focus, READER_HEADER};
use crate::tui::wrap::{self, Highlight};
use crosscheck::Document;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use std::ops::Range;
use unicode_width::UnicodeWidthStr;

/// The highlights of the open document that touch `visible` (a byte
/// range): quotes, then claimer mentions and figures over them, then
/// search matches over everything. Quotes, sentences, figures (by
/// sentence) and matches are each in text order, so those on screen are
/// found by binary search: a frame of a large article costs what it shows.
fn reader_highlights(app: &App, visible: Range<usize>) -> Vec<Highlight> {
    let touches = |r: &Range<usize>| r.start < visible.end && r.end > visible.start;
    let mut out = Vec::new();
    let doc = &app.corpus.documents[app.reader.doc];
    if let Some(a) = app
        .analysis
        .as_ref()
        .and_then(|a| a.docs.get(app.reader.doc))
    {
        let quotes = &a.attribution.quotes;
        let first = quotes.partition_point(|q| q.span.end <= visible.start);
        for q in quotes[first..]
            .iter()
            .take_while(|q| q.span.start < visible.end)
        {
            out.push(Highlight {
                range: q.span.clone(),
                style: app.theme.quote,
            });
        }
        let sentences = doc
            .sentences
            .partition_point(|s| s.span.end <= visible.start)
            ..doc
                .sentences
                .partition_point(|s| s.span.start < visible.end);
        for (i, atts) in a
            .attribution
            .sentences
            .iter()
            .enumerate()
            .take(sentences.end)
            .skip(sentences.start)
        {
            let base = doc.sentences[i].span.start;
            for att in atts {
                let range = base + att.mention.start..base + att.mention.end;
                if touches(&range) {
                    out.push(Highlight {
                        range,
                        style: app.theme.claimer,
                    });
                }
            }
        }
        let first = a.figures.partition_point(|f| f.sentence < sentences.start);
        for f in a.figures[first..]
            .iter()
            .take_while(|f| f.sentence < sentences.end)
            .filter(|f| !f.figure.derived)
        {
            let range = f.doc_span(doc);
            if touches(&range) {
                out.push(Highlight {
                    range,
                    style: app.theme.figure,
                });
            }
        }
    }
    if let Some(search) = &app.reader.search {
        let first = search.matches.partition_point(|m| m.end <= visible.start);
        for (i, m) in search
            .matches
            .iter()
            .enumerate()
            .skip(first)
            .take_while(|(_, m)| m.start < visible.end)
        {
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

/// Where the article came from: outlet, date, author and title on the
/// first line, the URL (else the file it was read from) on the second.
fn header(app: &App, doc: &Document, width: usize) -> Vec<Line<'static>> {
    let mut first = vec![Span::styled(
        doc.display_name().to_string(),
        Style::new().add_modifier(Modifier::BOLD),
    )];
    let mut about = Vec::new();
    let date = short_date(doc);
    if !date.is_empty() {
        about.push(date);
    }
    if let Some(a) = &doc.author {
        about.push(format!("by {a}"));
    }
    if !about.is_empty() {
        first.push(Span::raw(format!(" · {}", about.join(" · "))));
    }
    let used: usize = first.iter().map(|s| s.content.width()).sum();
    if let Some(t) = &doc.title {
        let room = width.saturating_sub(used + 3);
        if room > 3 {
            first.push(Span::raw(" · "));
            first.push(Span::styled(fit(t, room), app.theme.title));
        }
    }
    let second = match &doc.url {
        Some(url) => Span::styled(
            fit(url, width),
            app.theme.dim.add_modifier(Modifier::UNDERLINED),
        ),
        None => Span::styled(fit(&format!("file: {}", doc.source), width), app.theme.dim),
    };
    vec![Line::from(first), Line::from(second)]
}

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
    let focused = app.focus == Focus::Main && app.finder.is_none();
    let block = pane_block(app, view_tabs(app, area.width), focused);
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
    let header_height = READER_HEADER.min(inner.height);
    frame.render_widget(
        Paragraph::new(header(app, doc, inner.width as usize)),
        Rect::new(inner.x, inner.y, inner.width, header_height),
    );
    let inner = Rect::new(
        inner.x,
        inner.y + header_height,
        inner.width,
        inner.height - header_height,
    );
    let lines = app.reader_lines();
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
    let shown = lines
        .get(app.reader.scroll..)
        .unwrap_or_default()
        .iter()
        .take(height);
    let visible = shown
        .clone()
        .filter_map(wrap::VisualLine::span)
        .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
        .unwrap_or_default();
    let highlights = reader_highlights(app, visible);
    for line in shown {
        // Paragraphs are in text order: the one holding the line's start.
        let paragraph_kind = line
            .span()
            .and_then(|s| {
                let at = doc.paragraphs.partition_point(|p| p.span.end <= s.start);
                doc.paragraphs.get(at).filter(|p| p.span.start <= s.start)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::keymap::Keymap;
    use crate::tui::theme::{Colors, Theme};
    use crosscheck::{Corpus, analysis};
    use std::sync::Arc;

    /// Every highlight of the document, as the reader made them for each
    /// frame before it looked only at what it shows.
    fn all_highlights(app: &App) -> Vec<Highlight> {
        let mut out = Vec::new();
        let doc = &app.corpus.documents[app.reader.doc];
        let a = &app.analysis.as_ref().unwrap().docs[app.reader.doc];
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
        let search = app.reader.search.as_ref().unwrap();
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
        out
    }

    /// The highlights found by binary search are those of the whole
    /// document that touch the screen, in the same order, at every scroll
    /// position of every seed.
    #[test]
    fn highlights_on_screen_are_all_that_touch_it() {
        let corpus = Arc::new(Corpus::seeds());
        let mut app = App::new(
            Arc::clone(&corpus),
            Keymap::defaults(),
            Theme::new(&Colors::default(), true).unwrap(),
            Rect::new(0, 0, 80, 24),
        );
        app.set_analysis(Arc::new(analysis::analyze(&corpus)));
        let mut checked = 0;
        for doc in 0..corpus.documents.len() {
            app.open_document(doc);
            app.search_article("the");
            let lines = app.reader_lines();
            for scroll in 0..lines.len() {
                let visible = lines[scroll..]
                    .iter()
                    .take(app.reader_height())
                    .filter_map(wrap::VisualLine::span)
                    .reduce(|a, b| a.start.min(b.start)..a.end.max(b.end))
                    .unwrap_or_default();
                let want: Vec<Highlight> = all_highlights(&app)
                    .into_iter()
                    .filter(|h| h.range.start < visible.end && h.range.end > visible.start)
                    .collect();
                let got = reader_highlights(&app, visible);
                assert_eq!(got, want, "document {doc}, line {scroll}");
                checked += got.len();
            }
        }
        assert!(checked > 1000, "{checked}");
    }
}

//! The claims pane: the sentences with a figure, a quote or an attribution,
//! filtered by kind, outlet and scope, each with its claimer and line.

use super::{mark_symbol, pane_block, short_date, view_tabs};
use crate::tui::app::{App, Focus};
use crate::tui::wrap::{self, Highlight};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{List, ListItem, ListState, Paragraph};

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

pub(super) fn draw(frame: &mut Frame, app: &App, area: Rect) {
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
    let mut filter = format!(" {scope} · {kind}");
    if c.disagreeing {
        filter.push_str(" · disagreements");
    }
    if let Some(m) = &c.measure {
        filter.push_str(&format!(" · measure: {m}"));
    }
    let filter = format!("{filter} · {} ", visible.len());
    let block = pane_block(app, view_tabs(app, area.width), focused)
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
            let id = crosscheck::SentenceId {
                doc: d,
                sentence: claim.sentence,
            };
            let mark = app.sentence_mark(id);
            if let Some((symbol, style)) = mark_symbol(app, mark) {
                let stale = if mark.is_some_and(|m| m.stale) {
                    " stale"
                } else {
                    ""
                };
                head.push(Span::styled(format!("{symbol}{stale} "), style));
            }
            // Every row says whose and when, whatever the scope.
            let date = short_date(doc);
            head.push(Span::styled(
                format!(
                    "{} {}{}· ",
                    doc.display_name(),
                    date,
                    if date.is_empty() { "" } else { " " }
                ),
                app.theme.dim,
            ));
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

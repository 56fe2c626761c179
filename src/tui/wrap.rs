//! Word-wrapping of a document's text into styled terminal lines, keeping
//! the byte range of every visual line so that a sentence, a figure or a
//! search match can be scrolled to.

use ratatui::style::Style;
use ratatui::text::{Line, Span};
use std::ops::Range;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// A styled byte range of the text; later entries are drawn over earlier ones.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub range: Range<usize>,
    pub style: Style,
}

/// One visual line: the byte ranges of its words (None: a blank separator).
#[derive(Debug, Clone, PartialEq)]
pub struct VisualLine {
    pub words: Vec<Range<usize>>,
}

impl VisualLine {
    pub fn span(&self) -> Option<Range<usize>> {
        Some(self.words.first()?.start..self.words.last()?.end)
    }
}

/// Lays out `paragraphs` (byte ranges of `text`) at `width` columns, a blank
/// line between paragraphs.
pub fn layout(text: &str, paragraphs: &[Range<usize>], width: usize) -> Vec<VisualLine> {
    let width = width.max(1);
    let mut lines = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        if i > 0 {
            lines.push(VisualLine { words: Vec::new() });
        }
        let mut current: Vec<Range<usize>> = Vec::new();
        let mut used = 0;
        for word in words(text, p.clone()) {
            let w = text[word.clone()].width();
            if !current.is_empty() && used + 1 + w <= width {
                used += 1 + w;
                current.push(word);
                continue;
            }
            if !current.is_empty() {
                lines.push(VisualLine {
                    words: std::mem::take(&mut current),
                });
            }
            if w <= width {
                used = w;
                current.push(word);
            } else {
                // A word wider than the pane (a URL, a CJK run) is cut by columns.
                let chunks = split_by_width(text, word, width);
                let last = chunks.len() - 1;
                for (j, chunk) in chunks.into_iter().enumerate() {
                    if j == last {
                        used = text[chunk.clone()].width();
                        current.push(chunk);
                    } else {
                        lines.push(VisualLine { words: vec![chunk] });
                    }
                }
            }
        }
        if !current.is_empty() {
            lines.push(VisualLine { words: current });
        }
    }
    lines
}

fn words(text: &str, range: Range<usize>) -> impl Iterator<Item = Range<usize>> + '_ {
    let base = range.start;
    let slice = &text[range];
    let mut start = None;
    let mut out = Vec::new();
    for (i, c) in slice.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(base + s..base + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(base + s..base + slice.len());
    }
    out.into_iter()
}

fn split_by_width(text: &str, word: Range<usize>, width: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = word.start;
    let mut used = 0;
    for (i, c) in text[word.clone()].char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            out.push(start..word.start + i);
            start = word.start + i;
            used = 0;
        }
        used += w;
    }
    out.push(start..word.end);
    out
}

/// The style at byte `at`: `base` with every highlight covering it patched
/// on, in order.
fn style_at(at: usize, base: Style, highlights: &[Highlight]) -> Style {
    highlights
        .iter()
        .filter(|h| h.range.start <= at && at < h.range.end)
        .fold(base, |s, h| s.patch(h.style))
}

/// Draws one visual line: each word cut where highlights begin or end, and
/// the gaps between words as single spaces styled like the text around them
/// (so an underlined quote stays one line).
pub fn render_line(
    text: &str,
    line: &VisualLine,
    base: Style,
    highlights: &[Highlight],
) -> Line<'static> {
    let mut spans: Vec<Span<'static>> = Vec::new();
    let relevant: Vec<Highlight> = match line.span() {
        Some(span) => highlights
            .iter()
            .filter(|h| h.range.start < span.end && h.range.end > span.start)
            .cloned()
            .collect(),
        None => return Line::default(),
    };
    let mut prev_end = None;
    for word in &line.words {
        if let Some(end) = prev_end {
            let gap_style = style_at(end, base, &relevant);
            // A gap inside a highlight keeps it; a gap at its edge does not.
            let gap_style = if style_at(word.start, base, &relevant) == gap_style {
                gap_style
            } else {
                base
            };
            spans.push(Span::styled(" ", gap_style));
        }
        let mut cuts: Vec<usize> = vec![word.start, word.end];
        for h in &relevant {
            for b in [h.range.start, h.range.end] {
                if b > word.start && b < word.end && text.is_char_boundary(b) {
                    cuts.push(b);
                }
            }
        }
        cuts.sort_unstable();
        cuts.dedup();
        for pair in cuts.windows(2) {
            let piece = &text[pair[0]..pair[1]];
            spans.push(Span::styled(
                piece.to_string(),
                style_at(pair[0], base, &relevant),
            ));
        }
        prev_end = Some(word.end);
    }
    Line::from(spans)
}

/// The index of the visual line holding byte `offset` (or the first line
/// after it).
pub fn line_of(lines: &[VisualLine], offset: usize) -> usize {
    lines
        .iter()
        .position(|l| l.span().is_some_and(|s| s.end > offset))
        .unwrap_or(lines.len().saturating_sub(1))
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)] // a paragraph list of one
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn plain(text: &str, lines: &[VisualLine]) -> Vec<String> {
        lines
            .iter()
            .map(|l| {
                render_line(text, l, Style::default(), &[])
                    .spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn wraps_words_and_separates_paragraphs() {
        let text = "one two three four\n\nfive six";
        let lines = layout(text, &[0..18, 20..28], 9);
        assert_eq!(
            plain(text, &lines),
            vec!["one two", "three", "four", "", "five six"]
        );
    }

    #[test]
    fn hard_newlines_inside_a_paragraph_become_spaces() {
        let text = "one\ntwo";
        assert_eq!(plain(text, &layout(text, &[0..7], 20)), vec!["one two"]);
    }

    #[test]
    fn long_words_and_wide_chars_are_cut_by_columns() {
        let text = "北朝鮮軍の兵士 abcdefghij";
        let lines = layout(text, &[0..text.len()], 6);
        let got = plain(text, &lines);
        assert_eq!(got, vec!["北朝鮮", "軍の兵", "士", "abcdef", "ghij"]);
        for l in &got {
            assert!(l.width() <= 6);
        }
    }

    #[test]
    fn highlights_cut_words_and_span_gaps() {
        let text = "say “new page” now";
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let start = text.find('“').unwrap();
        let end = text.find('”').unwrap() + '”'.len_utf8();
        let lines = layout(text, &[0..text.len()], 40);
        let line = render_line(
            text,
            &lines[0],
            Style::default(),
            &[Highlight {
                range: start..end,
                style: bold,
            }],
        );
        let parts: Vec<(String, bool)> = line
            .spans
            .iter()
            .map(|s| {
                (
                    s.content.to_string(),
                    s.style.add_modifier.contains(Modifier::BOLD),
                )
            })
            .collect();
        assert_eq!(
            parts,
            vec![
                ("say".into(), false),
                (" ".into(), false),
                ("“new".into(), true),
                (" ".into(), true),
                ("page”".into(), true),
                (" ".into(), false),
                ("now".into(), false)
            ]
        );
    }

    #[test]
    fn line_of_finds_offsets() {
        let text = "aaa bbb ccc";
        let lines = layout(text, &[0..11], 3);
        assert_eq!(line_of(&lines, 0), 0);
        assert_eq!(line_of(&lines, 4), 1);
        assert_eq!(line_of(&lines, 10), 2);
    }
}

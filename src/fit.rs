//! Cutting text to a number of terminal columns: anywhere ([`fit`], for
//! cells and pane lines) or at a word ([`fit_words`], for labels and
//! previews in reports).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Cuts `s` to `width` columns, with an ellipsis when cut; wide (CJK, emoji)
/// characters count two columns.
pub fn fit(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// Cuts `s` at a word boundary to at most `width` columns and adds an
/// ellipsis (one column more) when it is wider; a first word wider than
/// `width` is cut inside. Wide (CJK, emoji) characters count two columns,
/// so ASCII text is cut after `width` characters.
pub fn fit_words(s: &str, width: usize) -> String {
    if s.width() <= width {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if let Some(p) = out.rfind(' ') {
        out.truncate(p);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::{fit, fit_words};

    #[test]
    fn cuts_by_columns() {
        assert_eq!(fit("abcdef", 6), "abcdef");
        assert_eq!(fit("abcdef", 4), "abc…");
        assert_eq!(fit("北朝鮮軍", 5), "北朝…");
        assert_eq!(fit("x", 0), "");
        assert_eq!(fit("xy", 1), "…");
    }

    #[test]
    fn fit_words_cuts_at_a_word_and_counts_columns() {
        assert_eq!(fit_words("North Korean troops", 19), "North Korean troops");
        assert_eq!(fit_words("North Korean troops", 15), "North Korean…");
        assert_eq!(fit_words("Zaporizhzhia", 5), "Zapor…");
        assert_eq!(fit_words("Київ — столиця", 6), "Київ…");
        // Two columns a character: 北朝 fills four of five.
        assert_eq!(fit_words("北朝鮮軍の兵士", 5), "北朝…");
        assert_eq!(fit_words("北朝 鮮軍の兵士", 8), "北朝…");
        assert_eq!(fit_words("", 0), "");
        assert_eq!(fit_words("ab", 0), "…");
    }
}

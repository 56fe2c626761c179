//! Text made safe for Markdown reports.

/// Escapes text for a Markdown table cell or list item (never at a line
/// start, so `#` and `>` need no escape).
pub fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '|' | '*' | '_' | '~' | '`' | '[' | ']' | '<' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// `text` linked to `url` when it is a web address (a link target cannot
/// run anything), else the text alone.
pub fn link(text: &str, url: Option<&str>) -> String {
    match url {
        Some(url)
            if (url.starts_with("https://") || url.starts_with("http://"))
                && !url
                    .contains(|c: char| c.is_whitespace() || c == ')' || c == '<' || c == '>') =>
        {
            format!("[{}]({url})", md(text))
        }
        _ => md(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_table_breakers() {
        assert_eq!(md("a|b *c* [d]"), "a\\|b \\*c\\* \\[d\\]");
        assert_eq!(md("x\ny"), "x y");
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(
            link("BBC", Some("https://bbc.co.uk/x")),
            "[BBC](https://bbc.co.uk/x)"
        );
        assert_eq!(link("BBC", Some("javascript:alert(1)")), "BBC");
        assert_eq!(link("BBC", Some("https://x/a) [y](z")), "BBC");
    }
}

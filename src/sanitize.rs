//! Article text is untrusted and ends up on a terminal: strip every control
//! character and escape sequence before anything else sees it.

/// Removes terminal escape sequences (CSI, OSC, DCS/SOS/PM/APC, two-byte ESC
/// sequences and their 8-bit C1 forms), C0/C1 control characters, bidi
/// overrides and invisible format characters. Tabs become spaces, `\r\n` and
/// lone `\r` become `\n`, no-break spaces become plain spaces.
pub fn sanitize(input: &str) -> String {
    sanitize_cow(input).into_owned()
}

/// As [`sanitize`], borrowing the input when there is nothing to remove or
/// replace (most text), instead of copying it.
pub fn sanitize_cow(input: &str) -> std::borrow::Cow<'_, str> {
    if passes_whole(input) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' => out.push('\n'),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                }
            }
            '\t' => out.push(' '),
            '\u{1b}' => match chars.next() {
                Some('[') => skip_csi(&mut chars),
                Some(']' | 'P' | 'X' | '^' | '_') => skip_string(&mut chars),
                // A two-byte sequence (ESC c, ESC 7, ...): the second char goes too.
                _ => {}
            },
            '\u{9b}' => skip_csi(&mut chars),
            '\u{9d}' | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string(&mut chars),
            '\u{a0}' | '\u{2007}' | '\u{202f}' => out.push(' '),
            c if is_stripped(c) => {}
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Shows the characters [`sanitize`] would strip as visible escapes
/// (`\x1b`, `\u{202e}`) and keeps everything else: for names such as file
/// paths, which must stay recognisable rather than be cleaned.
pub fn escape(input: &str) -> std::borrow::Cow<'_, str> {
    if !input.chars().any(|c| c == '\n' || is_stripped(c)) {
        return std::borrow::Cow::Borrowed(input);
    }
    let mut out = String::with_capacity(input.len() + 8);
    for c in input.chars() {
        if c == '\n' || is_stripped(c) {
            if (c as u32) < 0x100 {
                out.push_str(&format!("\\x{:02x}", c as u32));
            } else {
                out.push_str(&format!("\\u{{{:x}}}", c as u32));
            }
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// True when `sanitize` keeps every character of `input` as it is. Most
/// text is printable ASCII, checked 16 bytes at a time without a branch
/// a byte; a block with anything else is checked char by char.
fn passes_whole(input: &str) -> bool {
    let b = input.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if let Some(block) = b.get(i..i + 16)
            && block.iter().fold(true, |ok, &x| {
                ok & ((x == b'\n') | (b' '..=b'~').contains(&x))
            })
        {
            i += 16;
            continue;
        }
        let end = (i + 16).min(b.len());
        while i < end {
            let Some(c) = input[i..].chars().next() else {
                break;
            };
            if !passes_through(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// True for a character `sanitize` keeps as it is.
fn passes_through(c: char) -> bool {
    if c.is_ascii() {
        c == '\n' || (' '..='~').contains(&c)
    } else {
        !matches!(c, '\u{a0}' | '\u{2007}' | '\u{202f}') && !is_stripped(c)
    }
}

/// True for characters that must never reach the terminal.
fn is_stripped(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{200b}' | '\u{200e}' | '\u{200f}'     // zero-width space, LRM, RLM
            | '\u{202a}'..='\u{202e}'                // bidi embeddings and overrides
            | '\u{2060}'..='\u{2064}'                // word joiner, invisible operators
            | '\u{2066}'..='\u{2069}'                // bidi isolates
            | '\u{feff}'                             // BOM / zero-width no-break space
            | '\u{fff9}'..='\u{fffb}'                // interlinear annotations
        )
}

/// CSI: parameter and intermediate bytes up to a final byte in `@`..=`~`.
fn skip_csi(chars: &mut std::iter::Peekable<std::str::Chars>) {
    // A final byte ends it; so does anything that cannot be part of a CSI
    // sequence, which is dropped with it rather than leaked.
    for c in chars.by_ref() {
        if !(' '..='?').contains(&c) {
            break;
        }
    }
}

/// OSC/DCS/SOS/PM/APC: a string ended by BEL, ST (ESC \) or 8-bit ST. An
/// unterminated string swallows the rest of the line, never the rest of the
/// text, so a stray ESC ] cannot hide a whole article.
fn skip_string(chars: &mut std::iter::Peekable<std::str::Chars>) {
    while let Some(&c) = chars.peek() {
        match c {
            '\u{7}' | '\u{9c}' => {
                chars.next();
                return;
            }
            '\n' => return,
            '\u{1b}' => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn strips_csi_osc_and_c1() {
        assert_eq!(sanitize("a\x1b[2Jb"), "ab");
        assert_eq!(sanitize("a\x1b[1;31mred\x1b[0m"), "ared");
        assert_eq!(sanitize("t\x1b]0;evil title\x07x"), "tx");
        assert_eq!(sanitize("t\x1b]2;title\x1b\\x"), "tx");
        assert_eq!(sanitize("c\x1b]52;c;SGVsbG8=\x07d"), "cd");
        assert_eq!(
            sanitize("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\"),
            "link"
        );
        assert_eq!(sanitize("a\u{9b}31mb"), "ab");
        assert_eq!(sanitize("a\u{9d}0;t\u{9c}b"), "ab");
        assert_eq!(sanitize("a\u{85}b\u{8d}c"), "abc");
        assert_eq!(sanitize("a\x1bcb"), "ab");
    }

    #[test]
    fn strips_bidi_and_zero_width_and_controls() {
        assert_eq!(sanitize("abc\u{202e}fed\u{202c}"), "abcfed");
        assert_eq!(sanitize("x\u{200b}y\u{2066}z\u{2069}\u{feff}"), "xyz");
        assert_eq!(sanitize("bell\x07 nul\0 del\x7f"), "bell nul del");
    }

    #[test]
    fn normalizes_whitespace_and_newlines() {
        assert_eq!(sanitize("a\r\nb\rc\td\u{a0}e"), "a\nb\nc d e");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("x\x1b]0;never ends\nnext line"), "x\nnext line");
    }

    /// The fast path agrees with the char-by-char one.
    #[test]
    fn clean_text_is_copied_whole() {
        for s in ["plain", "a\nb “c” — é 北", "", "~ !"] {
            assert!(s.chars().all(super::passes_through));
            assert!(super::passes_whole(s));
            assert_eq!(sanitize(s), s);
        }
        for c in [
            '\r', '\t', '\x1b', '\x7f', '\u{85}', '\u{a0}', '\u{202e}', '\u{feff}',
        ] {
            assert!(!super::passes_through(c), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The block check agrees with the check char by char.
        #[test]
        fn whole_text_check_agrees_with_chars(
            s in "([ -~\n]{0,40}|[“é北—]){0,12}[\r\t\x00-\x1f\x7f\u{85}\u{a0}\u{202e}]?[ -~]{0,40}"
        ) {
            proptest::prop_assert_eq!(
                super::passes_whole(&s),
                s.chars().all(super::passes_through)
            );
        }
    }

    #[test]
    fn escape_makes_names_visible_and_inert() {
        use super::escape;
        assert_eq!(escape("a/b c.txt"), "a/b c.txt");
        assert_eq!(
            escape("n\x1b]0;x\x07\u{9b}\u{202e}.txt"),
            "n\\x1b]0;x\\x07\\x9b\\u{202e}.txt"
        );
        assert_eq!(escape("a\nb\tc"), "a\\x0ab\\x09c");
    }

    #[test]
    fn keeps_ordinary_unicode() {
        let s = "Zelensky’s “new page” — 北朝鮮 👍🏽 café";
        assert_eq!(sanitize(s), s);
    }
}

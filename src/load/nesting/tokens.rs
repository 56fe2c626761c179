//! The page's tags, as the HTML tokenizer reads them: start and end tags,
//! comments, raw text, with only what the nesting model needs.

use memchr::memchr;

pub(in crate::load) enum Token<'a> {
    /// A `<` that starts no markup: text.
    Literal,
    /// A comment, doctype, processing instruction, CDATA section, or a tag
    /// cut off by the end of the file.
    Skip,
    Start {
        name: &'a [u8],
        self_closing: bool,
        attributes: &'a [u8],
    },
    End(&'a [u8]),
}

pub(in crate::load) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// The token that starts at the `<` at `lt`, and the offset after it.
pub(in crate::load) fn lex(b: &[u8], lt: usize, foreign: bool) -> (Token<'_>, usize) {
    let rest = &b[lt + 1..];
    match rest.first() {
        Some(b'!') => {
            let body = lt + 2;
            if rest[1..].starts_with(b"--") {
                (Token::Skip, comment_end(b, body + 2))
            } else if foreign && rest[1..].starts_with(b"[CDATA[") {
                let from = body + 7;
                let end =
                    memchr::memmem::find(&b[from..], b"]]>").map_or(b.len(), |k| from + k + 3);
                (Token::Skip, end)
            } else {
                (Token::Skip, after_gt(b, body))
            }
        }
        Some(b'?') => (Token::Skip, after_gt(b, lt + 1)),
        Some(b'/') => match rest.get(1) {
            Some(c) if c.is_ascii_alphabetic() => {
                let (name, after_name) = tag_name(b, lt + 2);
                match attributes_end(b, after_name) {
                    Some((end, _)) => (Token::End(name), end),
                    None => (Token::Skip, b.len()),
                }
            }
            Some(_) => (Token::Skip, after_gt(b, lt + 2)),
            None => (Token::Literal, lt + 1),
        },
        Some(c) if c.is_ascii_alphabetic() => {
            let (name, after_name) = tag_name(b, lt + 1);
            match attributes_end(b, after_name) {
                Some((end, self_closing)) => (
                    Token::Start {
                        name,
                        self_closing,
                        attributes: &b[after_name..end - 1],
                    },
                    end,
                ),
                None => (Token::Skip, b.len()),
            }
        }
        _ => (Token::Literal, lt + 1),
    }
}

/// The offset after the next `>` from `from`, or the end of the text.
pub(super) fn after_gt(b: &[u8], from: usize) -> usize {
    memchr(b'>', &b[from.min(b.len())..]).map_or(b.len(), |k| from + k + 1)
}

/// The end of a comment whose text starts at `from`: after `-->` or `--!>`
/// (`<!-->` and `<!--->` end at once), or the end of the text.
pub(super) fn comment_end(b: &[u8], from: usize) -> usize {
    let from = from.min(b.len());
    let text = &b[from..];
    if text.starts_with(b">") {
        return from + 1;
    }
    if text.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(k) = memchr::memmem::find(&b[at..], b"--") {
        let dash = at + k;
        let after = &b[dash + 2..];
        if after.starts_with(b">") {
            return dash + 3;
        }
        if after.starts_with(b"!>") {
            return dash + 4;
        }
        at = dash + 1;
    }
    b.len()
}

/// A tag's name from `from` (up to a space, `/` or `>`), and where it ends.
pub(super) fn tag_name(b: &[u8], from: usize) -> (&[u8], usize) {
    let len = b[from..]
        .iter()
        .position(|&c| is_space(c) || c == b'/' || c == b'>')
        .unwrap_or(b.len() - from);
    (&b[from..from + len], from + len)
}

/// Where a tag whose attributes start at `from` ends (after its `>`) and
/// whether it is self-closing (`/>`); `None` if the text ends first. Quoted
/// attribute values may hold `>`.
pub(super) fn attributes_end(b: &[u8], from: usize) -> Option<(usize, bool)> {
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        Unquoted,
    }
    let mut state = State::BeforeName;
    let mut slash = false;
    let mut i = from;
    while i < b.len() {
        let c = b[i];
        match state {
            State::Quoted(q) => {
                // Skip to the closing quote at once.
                match memchr(q, &b[i..]) {
                    Some(k) => {
                        i += k + 1;
                        state = State::BeforeName;
                        slash = false;
                        continue;
                    }
                    None => return None,
                }
            }
            State::BeforeName | State::AfterName if c == b'>' => return Some((i + 1, slash)),
            State::Name | State::BeforeValue | State::Unquoted if c == b'>' => {
                return Some((i + 1, false));
            }
            State::BeforeName | State::Name | State::AfterName if c == b'/' => {
                state = State::BeforeName;
                slash = true;
                i += 1;
                continue;
            }
            State::BeforeName if is_space(c) => {}
            State::BeforeName => state = State::Name,
            State::Name if is_space(c) => state = State::AfterName,
            State::Name | State::AfterName if c == b'=' => state = State::BeforeValue,
            State::Name => {}
            State::AfterName if is_space(c) => {}
            State::AfterName => state = State::Name,
            State::BeforeValue if is_space(c) => {}
            State::BeforeValue if c == b'"' || c == b'\'' => state = State::Quoted(c),
            State::BeforeValue => state = State::Unquoted,
            State::Unquoted if is_space(c) => state = State::BeforeName,
            State::Unquoted => {}
        }
        slash = false;
        i += 1;
    }
    None
}

/// Where the text of a raw-text element (`<script>`, `<style>`, ...) that
/// starts at `from` ends: at its end tag, or at the end of the page. Its
/// text is never markup, so it is skipped whole.
pub(in crate::load) fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> usize {
    if name.eq_ignore_ascii_case(b"plaintext") {
        return b.len();
    }
    let mut at = from;
    while let Some(k) = memchr(b'<', &b[at..]) {
        let lt = at + k;
        let tail = &b[lt + 1..];
        if tail.first() == Some(&b'/')
            && tail.len() > name.len() + 1
            && tail[1..=name.len()].eq_ignore_ascii_case(name)
            && matches!(
                tail[name.len() + 1],
                b'/' | b'>' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c'
            )
        {
            return lt;
        }
        at = lt + 1;
    }
    b.len()
}

// The model of the tree builder: the stack of open elements and the list of
// active formatting elements, with the positions of each kind of element
// kept at hand so that every question the standard asks ("is a `p` in
// button scope?") is answered without walking the stack.

// Kinds of element (bits of a name's flags). The ones below `CATEGORIES`
// have their positions on the stack tracked.

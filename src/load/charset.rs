//! Telling text from binary and finding a file's character encoding: byte
//! order marks, a saved page's `<meta charset>`, and stray NUL bytes in text
//! that is otherwise fine.

use encoding_rs::{Encoding, REPLACEMENT, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252, X_USER_DEFINED};

/// How many bytes of a page are searched for its `<meta charset>`, as the
/// HTML standard's prescan does.
const PRESCAN_BYTES: usize = 1024;

/// The file's text when it starts with a UTF-16 byte order mark and decodes
/// cleanly as UTF-16 (BOM dropped). A file with a UTF-16 BOM that does not
/// decode (an odd length, a lone surrogate) is more likely binary and is
/// left to the byte checks. A UTF-32 LE BOM (`FF FE 00 00`) is not UTF-16.
pub(super) fn utf16(bytes: &[u8]) -> Option<(String, usize)> {
    let (encoding, bom) = Encoding::for_bom(bytes)?;
    if encoding == UTF_8 || bytes.starts_with(b"\xff\xfe\x00\x00") {
        return None;
    }
    let text = encoding.decode_without_bom_handling_and_without_replacement(&bytes[bom..])?;
    Some((text.into_owned(), bom))
}

/// The length of a UTF-8 byte order mark at the start of `bytes` (0 or 3).
pub(super) fn utf8_bom(bytes: &[u8]) -> usize {
    if bytes.starts_with(b"\xef\xbb\xbf") {
        3
    } else {
        0
    }
}

/// What the NUL bytes of a file say about it.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Nuls {
    /// No NUL byte.
    None,
    /// Not text: the first NUL byte is at this offset.
    Binary { first: usize },
    /// Text with a few isolated NUL bytes (a scraper's stray byte): `count`
    /// of them, the first at `first`.
    Stray { count: usize, first: usize },
}

/// Classifies a file by its NUL bytes. With none, it is text as far as
/// NULs go. With some, it is binary when the rest is not valid UTF-8
/// (`utf8` false), when two NULs stand together (binary formats and UTF-16
/// without a BOM have runs of them), or when NULs and other C0 controls make
/// up more than a tenth of the bytes; otherwise the NULs are strays in text.
pub(super) fn classify_nuls(bytes: &[u8], utf8: bool) -> Nuls {
    let Some(first) = memchr::memchr(0, bytes) else {
        return Nuls::None;
    };
    if !utf8 {
        return Nuls::Binary { first };
    }
    let mut count = 0;
    for at in memchr::memchr_iter(0, bytes) {
        if bytes.get(at + 1) == Some(&0) {
            return Nuls::Binary { first };
        }
        count += 1;
    }
    let controls = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c))
        .count();
    if controls * 10 > bytes.len() {
        Nuls::Binary { first }
    } else {
        Nuls::Stray { count, first }
    }
}

/// The encoding a saved page declares in a `<meta charset>` or `<meta
/// http-equiv="content-type" content="...; charset=...">` within its first
/// 1024 bytes (the HTML standard's prescan, without its rarer corners):
/// UTF-16 labels mean UTF-8 and `x-user-defined` windows-1252, as browsers
/// read them; the `replacement` encoding is not honoured.
pub(super) fn html_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let mut i = 0;
    while i < head.len() {
        let rest = &head[i..];
        if rest.starts_with(b"<!--") {
            i += 4 + find(&rest[4..], b"-->")? + 3;
        } else if starts_with_ci(rest, b"<meta")
            && rest
                .get(5)
                .is_some_and(|&b| b.is_ascii_whitespace() || b == b'/')
        {
            i += 5;
            if let Some(encoding) = meta(head, &mut i) {
                return Some(encoding);
            }
        } else if rest.starts_with(b"<") && rest.get(1).is_some_and(|&b| b.is_ascii_alphabetic()) {
            // Another tag: step over its attributes, whose values may hold `>`.
            i += 1;
            while i < head.len()
                && !matches!(head[i], b'>' | b'/')
                && !head[i].is_ascii_whitespace()
            {
                i += 1;
            }
            while attribute(head, &mut i).is_some() {}
        } else {
            i += 1;
        }
    }
    None
}

/// The attributes of one `<meta>` tag from `*i` on, and the encoding they
/// declare, if they do.
fn meta(head: &[u8], i: &mut usize) -> Option<&'static Encoding> {
    let mut seen: Vec<Vec<u8>> = Vec::new();
    let mut got_pragma = false;
    let mut need_pragma = None;
    let mut charset = None;
    while let Some((name, value)) = attribute(head, i) {
        if seen.contains(&name) {
            continue;
        }
        match name.as_slice() {
            b"http-equiv" => got_pragma |= value.eq_ignore_ascii_case(b"content-type"),
            b"content" if charset.is_none() => {
                if let Some(label) = charset_in_content(&value) {
                    charset = Encoding::for_label(label);
                    need_pragma = Some(true);
                }
            }
            b"charset" => {
                charset = Encoding::for_label(&value);
                need_pragma = Some(false);
            }
            _ => {}
        }
        seen.push(name);
    }
    match need_pragma {
        None => return None,
        Some(true) if !got_pragma => return None,
        _ => {}
    }
    let charset = charset?;
    if charset == UTF_16LE || charset == UTF_16BE {
        Some(UTF_8)
    } else if charset == X_USER_DEFINED {
        Some(WINDOWS_1252)
    } else if charset == REPLACEMENT {
        None
    } else {
        Some(charset)
    }
}

/// The next attribute of a tag at `*i` (name lowercased, value as written),
/// or `None` at the tag's end or the prescan's.
fn attribute(head: &[u8], i: &mut usize) -> Option<(Vec<u8>, Vec<u8>)> {
    let at = |i: usize| head.get(i).copied();
    while at(*i).is_some_and(|b| b.is_ascii_whitespace() || b == b'/') {
        *i += 1;
    }
    match at(*i) {
        None => return None,
        Some(b'>') => {
            *i += 1;
            return None;
        }
        _ => {}
    }
    let mut name = Vec::new();
    while let Some(b) = at(*i) {
        if (b == b'=' && !name.is_empty()) || b.is_ascii_whitespace() || b == b'/' || b == b'>' {
            break;
        }
        name.push(b.to_ascii_lowercase());
        *i += 1;
    }
    while at(*i).is_some_and(|b| b.is_ascii_whitespace()) {
        *i += 1;
    }
    if at(*i) != Some(b'=') {
        return Some((name, Vec::new()));
    }
    *i += 1;
    while at(*i).is_some_and(|b| b.is_ascii_whitespace()) {
        *i += 1;
    }
    let mut value = Vec::new();
    match at(*i) {
        Some(q @ (b'"' | b'\'')) => {
            *i += 1;
            while let Some(b) = at(*i) {
                *i += 1;
                if b == q {
                    return Some((name, value));
                }
                value.push(b);
            }
            // The prescan's end inside a quoted value: no attribute.
            None
        }
        _ => {
            while let Some(b) = at(*i) {
                if b.is_ascii_whitespace() || b == b'>' {
                    break;
                }
                value.push(b);
                *i += 1;
            }
            Some((name, value))
        }
    }
}

/// The label after `charset=` in a `content` attribute ("text/html;
/// charset=windows-1252").
fn charset_in_content(content: &[u8]) -> Option<&[u8]> {
    let mut rest = content;
    loop {
        let at = find_ci(rest, b"charset")?;
        rest = trim_start(&rest[at + 7..]);
        if let Some(after) = rest.strip_prefix(b"=") {
            rest = trim_start(after);
            break;
        }
    }
    match rest.first() {
        Some(&q @ (b'"' | b'\'')) => {
            let end = rest[1..].iter().position(|&b| b == q)?;
            Some(&rest[1..1 + end])
        }
        Some(_) => {
            let end = rest
                .iter()
                .position(|&b| b.is_ascii_whitespace() || b == b';')
                .unwrap_or(rest.len());
            Some(&rest[..end])
        }
        None => None,
    }
}

fn trim_start(s: &[u8]) -> &[u8] {
    let n = s.iter().take_while(|b| b.is_ascii_whitespace()).count();
    &s[n..]
}

fn starts_with_ci(s: &[u8], prefix: &[u8]) -> bool {
    s.len() >= prefix.len() && s[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn find(s: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(s, needle)
}

fn find_ci(s: &[u8], needle: &[u8]) -> Option<usize> {
    (0..s.len()).find(|&i| starts_with_ci(&s[i..], needle))
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{ISO_8859_2, SHIFT_JIS};

    #[test]
    fn meta_charset_is_found_in_its_forms() {
        let cases: &[(&[u8], Option<&'static Encoding>)] = &[
            (
                b"<html><head><meta charset=\"windows-1252\">",
                Some(WINDOWS_1252),
            ),
            (b"<META CHARSET=iso-8859-2>", Some(ISO_8859_2)),
            (b"<meta charset='latin1'/>", Some(WINDOWS_1252)),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\">",
                Some(SHIFT_JIS),
            ),
            (
                b"<meta content='text/html;charset=\"iso-8859-2\"' http-equiv=content-type>",
                Some(ISO_8859_2),
            ),
            // content= without the http-equiv pragma declares nothing.
            (b"<meta content=\"text/html; charset=iso-8859-2\">", None),
            // UTF-16 in a meta means UTF-8; an unknown label is no declaration.
            (b"<meta charset=utf-16le>", Some(UTF_8)),
            (
                b"<meta charset=no-such-thing><meta charset=latin2>",
                Some(ISO_8859_2),
            ),
            // Inside a comment or an attribute value it is not a meta tag.
            (b"<!-- <meta charset=latin2> --><p>", None),
            (b"<a title='<meta charset=latin2>'>x</a>", None),
            (b"<metadata charset=latin2>", None),
            (b"<meta charset=\"latin2", None),
            (b"", None),
        ];
        for (bytes, want) in cases {
            assert_eq!(
                html_declared(bytes).map(Encoding::name),
                want.map(Encoding::name),
                "{}",
                String::from_utf8_lossy(bytes)
            );
        }
    }

    #[test]
    fn meta_charset_after_the_prescan_window_is_not_seen() {
        let mut page = b"<html><head><title>x</title>".to_vec();
        page.resize(PRESCAN_BYTES + 10, b' ');
        page.extend_from_slice(b"<meta charset=latin2>");
        assert_eq!(html_declared(&page), None);
    }

    #[test]
    fn stray_nuls_in_text_are_not_binary() {
        assert_eq!(
            classify_nuls(b"Police said 12 people\0 were hurt.\0\n", true),
            Nuls::Stray {
                count: 2,
                first: 21
            }
        );
        assert_eq!(classify_nuls(b"no nul here", true), Nuls::None);
        // Runs, invalid UTF-8, and control-heavy content stay binary.
        assert_eq!(
            classify_nuls(b"PK\x03\x04\x00\x00binary", true),
            Nuls::Binary { first: 4 }
        );
        assert_eq!(
            classify_nuls(b"text \xff with a \0 NUL", false),
            Nuls::Binary { first: 14 }
        );
        assert_eq!(
            classify_nuls(b"PK\x03\x00", true),
            Nuls::Binary { first: 3 }
        );
        assert_eq!(
            classify_nuls(b"h\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0", true),
            Nuls::Binary { first: 1 }
        );
    }

    #[test]
    fn utf16_needs_a_bom_and_clean_units() {
        assert_eq!(utf16(b"\xff\xfeH\0i\0"), Some(("Hi".to_string(), 2)));
        assert_eq!(utf16(b"\xfe\xff\0H\0i"), Some(("Hi".to_string(), 2)));
        assert_eq!(utf16(b"\xff\xfe\x00binary"), None, "odd length");
        assert_eq!(utf16(b"\xff\xfe\x3d\xd8x\0"), None, "lone surrogate");
        assert_eq!(utf16(b"\xff\xfe\0\0H\0\0\0"), None, "UTF-32");
        assert_eq!(utf16(b"\xef\xbb\xbfHi"), None);
        assert_eq!(utf16(b"Hi"), None);
    }
}

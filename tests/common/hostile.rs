//! A hostile corpus: every format carrying terminal escape sequences (clear
//! screen, OSC window title / clipboard / hyperlink), 8-bit C1 controls, bidi
//! overrides and zero-width characters, in the text and in every metadata
//! field, and in file names. Written by the tests themselves, so CI always
//! runs against it.
//!
//! Shared by `tests/*.rs` (`mod common;`), by the TUI's unit tests and by
//! `examples/fuzz_driver.rs` (both through `#[path]`).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Payloads a terminal would act on, each with a marker word that must never
/// come out the other end as part of an escape sequence.
pub const PAYLOADS: &[&str] = &[
    "\x1b[2J\x1b[H",                                         // clear screen, home
    "\x1b]0;PWNED-OSC0\x07",                                 // window and icon title (BEL)
    "\x1b]2;PWNED-OSC2\x1b\\",                               // window title (ST)
    "\x1b]52;c;UFdORUQtQ0xJUEJPQVJE\x07",                    // clipboard write
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\", // hyperlink
    "\u{9b}31mC1CSI\u{9b}0m",                                // 8-bit CSI
    "\u{9d}0;PWNED-C1OSC\u{9c}",                             // 8-bit OSC and ST
    "\u{90}qDCS\u{9c}\u{85}\u{8d}",                          // 8-bit DCS, NEL, RI
    "\u{202e}desrever\u{202c}",                              // right-to-left override
    "\u{2066}iso\u{2069}\u{200b}zw\u{2060}\u{feff}",         // isolates, zero-width
    "\x1b[6n\x1b[21t",                                       // report cursor / title
    "\x07\x08\x0b\x0c\x7f",                                  // bell, backspace, VT, FF, DEL
    "\x1bP1$qm\x1b\\\x1b_apc\x1b\\\x1b^pm\x1b\\",            // DCS, APC, PM
];

/// Every payload run together.
pub fn all() -> String {
    PAYLOADS.concat()
}

/// Article text with figures, quotes and claimers, the payloads sprinkled in.
pub fn article(p: &str) -> String {
    format!(
        "North Korean troops{p} enter combat in Kursk{p}\n\n\
         KYIV, Nov. 6 (UPI) — The Pentagon said{p} that 10,000 North Korean soldiers{p} \
         had moved to the front. “The first battles{p} open a new page of instability,” \
         Zelensky{p} said. Up to 12,000 troops{p} may be there, according to intelligence{p} \
         assessments. Five units of about 3,000 each{p} were sent, {p}he told KBS.\n\n\
         The front line runs more than 900 miles{p} (1,500 kilometers).{p}\n"
    )
}

/// JSON string escaping that keeps every control as a `\u` escape.
fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

/// YAML double-quoted scalar: controls as `\x..`/`\u....` escapes.
fn yaml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() || (c as u32) >= 0x80 => {
                out.push_str(&format!("\\U{:08x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// HTML numeric character references for every non-ASCII or control char.
fn html_entities(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '&' => "&amp;".to_string(),
            c if c.is_control() || (c as u32) >= 0x80 => format!("&#x{:x};", c as u32),
            c => c.to_string(),
        })
        .collect()
}

fn html(p_raw: &str, p_ent: &str) -> String {
    let body = article(p_raw);
    let paras: String = body
        .split("\n\n")
        .skip(1)
        .map(|para| format!("<p>{para}{p_ent}</p>\n"))
        .collect();
    format!(
        "<!DOCTYPE html>\n<html><head><title>Troops{p_raw} enter combat{p_ent}</title>\n\
         <meta property=\"og:title\" content=\"Troops{p_ent} enter combat\">\n\
         <meta property=\"og:site_name\" content=\"Evil{p_ent} News\">\n\
         <meta name=\"author\" content=\"Mallory{p_ent}\">\n\
         <meta property=\"article:published_time\" content=\"2024-11-06\">\n\
         </head><body><article><h1>Troops{p_raw} enter combat</h1>\n{paras}\
         <p>More than 900 miles{p_ent} of front. Officials{p_raw} said 11,000 troops are in Kursk.</p>\n\
         </article></body></html>\n"
    )
}

fn record(p: &str, n: usize) -> serde_json::Value {
    serde_json::json!({
        "title": format!("Troops{p} enter combat {n}{p}"),
        "text": article(p),
        "source": format!("Evil{p} Outlet {n}"),
        "author": format!("Mallory{p}"),
        "date": format!("2024-11-0{n}{p}"),
        "url": format!("https://evil.example/{p}/{n}"),
    })
}

/// The hostile corpus: (file name, bytes). Names themselves carry payloads.
pub fn files() -> Vec<(String, Vec<u8>)> {
    let p = all();
    let mut files = Vec::new();
    files.push(("article.txt".to_string(), article(&p).into_bytes()));
    // Raw controls in YAML are invalid: the front matter is refused with a
    // message and the body still loads.
    files.push((
        "raw-front-matter.md".to_string(),
        format!(
            "---\ntitle: Troops{p} enter combat\nsource: Evil{p} News\nauthor: Mallory{p}\ndate: 2024-11-06{p}\n---\n# Troops{p} enter\n\n{}",
            article(&p)
        )
        .into_bytes(),
    ));
    // Escaped controls in YAML are valid and reach every field.
    files.push((
        "escaped-front-matter.md".to_string(),
        format!(
            "---\ntitle: {}\noutlet: {}\nauthor: {}\ndate: {}\nurl: {}\n---\n# Heading {p}\n\n> quote{p}\n\n**bold{p}** [link{p}](https://evil.example/{p})\n\n{}",
            yaml_str(&format!("Troops{p} enter combat")),
            yaml_str(&format!("Evil{p} News")),
            yaml_str(&format!("Mallory{p}")),
            yaml_str(&format!("2024-11-06{p}")),
            yaml_str(&format!("https://evil.example/{p}")),
            article(&p)
        )
        .into_bytes(),
    ));
    files.push((
        "page.html".to_string(),
        html(&p, &html_entities(&p)).into_bytes(),
    ));
    files.push((
        "record.json".to_string(),
        serde_json::to_string_pretty(&record(&p, 1))
            .unwrap()
            .into_bytes(),
    ));
    files.push((
        "array.json".to_string(),
        serde_json::to_string(&vec![record(&p, 2), record(&p, 3)])
            .unwrap()
            .into_bytes(),
    ));
    let lines: Vec<String> = (4..7).map(|n| record(&p, n).to_string()).collect();
    files.push(("records.jsonl".to_string(), lines.join("\n").into_bytes()));
    // Raw (unescaped) C1 and bidi characters inside JSON strings are valid JSON.
    files.push((
        "raw-unicode.json".to_string(),
        format!(
            "{{\"title\": \"Raw\u{9b}2J\u{202e} title\", \"author\": \"A\u{9d}0;t\u{9c}\u{202e}\", \"date\": \"\u{202e}2024\", \"text\": {}}}",
            json_str(&article(&p))
        )
        .into_bytes(),
    ));
    // File names carrying payloads (no outlet in the text, so the name shows).
    let plain = "Officials said 5,000 troops crossed. “We saw them,” he said.\n";
    files.push((
        "name\x1b]0;PWNED-NAME\x07\x1b[2J.txt".to_string(),
        plain.into(),
    ));
    files.push(("\u{202e}txt.exe\u{9b}1m.txt".to_string(), plain.into()));
    files.push((
        "bad\x1b]52;c;QUJD\x07.json".to_string(),
        b"{\"text\": 1".to_vec(),
    ));
    files
}

/// Writes the corpus into `dir`; returns the paths written.
pub fn write(dir: &Path) -> Vec<PathBuf> {
    files()
        .into_iter()
        .map(|(name, bytes)| {
            let path = dir.join(name);
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect()
}

/// Characters that must never reach a terminal from the corpus: C0 controls
/// but newline, C1 controls, bidi controls, zero-width format characters.
pub fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{200b}' | '\u{200e}' | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{feff}')
}

/// Checks terminal output: every ESC starts a CSI sequence whose final byte
/// is in `finals` (the ones the program itself emits: `m` for colour, the
/// cursor moves and clears of a TUI backend); no other dangerous char
/// appears. An empty `finals` means no ESC at all (piped output).
pub fn check_output(out: &[u8], finals: &str) -> Result<(), String> {
    let text = String::from_utf8_lossy(out);
    let chars: Vec<char> = text.chars().collect();
    let context = |i: usize| -> String {
        let lo = i.saturating_sub(30);
        let hi = (i + 30).min(chars.len());
        format!("{:?}", chars[lo..hi].iter().collect::<String>())
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\x1b' {
            if finals.is_empty() {
                return Err(format!("ESC in plain output at {i}: {}", context(i)));
            }
            if chars.get(i + 1) != Some(&'[') {
                return Err(format!("non-CSI escape at {i}: {}", context(i)));
            }
            let mut j = i + 2;
            while j < chars.len() && matches!(chars[j], '0'..='9' | ';' | '?' | ':') {
                j += 1;
            }
            match chars.get(j) {
                Some(f) if finals.contains(*f) => {}
                other => {
                    return Err(format!(
                        "unexpected CSI final {other:?} at {i}: {}",
                        context(i)
                    ));
                }
            }
            i = j + 1;
            continue;
        }
        if c == '\r' && !finals.is_empty() {
            // A terminal's line discipline (script's pty) turns \n into \r\n.
            i += 1;
            continue;
        }
        if is_dangerous(c) {
            return Err(format!("{c:?} at {i}: {}", context(i)));
        }
        i += 1;
    }
    Ok(())
}

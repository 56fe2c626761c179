//! Carrying out what the App asks of the world outside: a browser for a
//! source's URL, an editor at a line, the clipboard. Programs are started
//! directly with the URL or file as one argument, never through a shell,
//! so nothing in an article's metadata is ever read as a command.

use super::app::External;
use super::terminal;
use std::io::Write as _;
use std::process::{Command, Stdio};
use std::sync::Mutex;

/// Messages from programs that ended after the key that started them (a
/// browser that failed), for the status line.
static NOTES: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The next message a finished program left, if any.
pub fn take_note() -> Option<String> {
    let mut notes = NOTES.lock().unwrap_or_else(|p| p.into_inner());
    (!notes.is_empty()).then(|| notes.remove(0))
}

fn note(msg: String) {
    NOTES.lock().unwrap_or_else(|p| p.into_inner()).push(msg);
}

/// A command line split into a program and its arguments, as `$BROWSER`
/// and `$EDITOR` hold them ("code -w"): on whitespace, no shell quoting.
fn split_command(s: &str) -> Option<(String, Vec<String>)> {
    let mut words = s.split_whitespace().map(str::to_string);
    let program = words.next()?;
    Some((program, words.collect()))
}

/// The browser command for `url`: `$BROWSER` (its first entry, as a list
/// "a:b" is the convention; `%s` stands for the URL, else the URL comes
/// last), else `xdg-open` (`open` on macOS).
pub fn browser_command(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    let from_env = browser
        .and_then(|b| b.split(':').find(|c| !c.trim().is_empty()))
        .and_then(split_command);
    match from_env {
        Some((program, mut args)) => {
            if args.iter().any(|a| a.contains("%s")) {
                for a in &mut args {
                    *a = a.replace("%s", url);
                }
            } else {
                args.push(url.to_string());
            }
            (program, args)
        }
        None => {
            let opener = if cfg!(target_os = "macos") {
                "open"
            } else {
                "xdg-open"
            };
            (opener.to_string(), vec![url.to_string()])
        }
    }
}

/// The editor command for a file at a line: `$EDITOR` (else `$VISUAL`,
/// else `vi`) with `+LINE FILE`.
pub fn editor_command(
    file: &std::path::Path,
    line: usize,
    editor: Option<&str>,
) -> (String, Vec<std::ffi::OsString>) {
    let (program, args) = editor
        .and_then(split_command)
        .unwrap_or_else(|| ("vi".to_string(), Vec::new()));
    let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    args.push(format!("+{line}").into());
    args.push(file.as_os_str().to_owned());
    (program, args)
}

/// The OSC 52 sequence that puts `text` on the terminal's clipboard.
pub fn osc52(text: &str) -> String {
    format!("\x1b]52;c;{}\x07", base64(text.as_bytes()))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Does what the App asked; returns the message for the status line.
pub fn carry_out(request: External) -> String {
    match request {
        External::Browse(url) => {
            let (program, args) = browser_command(&url, std::env::var("BROWSER").ok().as_deref());
            // Not waited for here: the browser may run for as long as it
            // likes. Its output would write over the screen, so it has none.
            let spawned = Command::new(&program)
                .args(&args)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn();
            match spawned {
                Ok(mut child) => {
                    let shown = program.clone();
                    std::thread::spawn(move || match child.wait() {
                        Ok(status) if !status.success() => {
                            note(format!("{shown} failed ({status}) opening the URL"))
                        }
                        Err(e) => note(format!("{shown}: {e}")),
                        Ok(_) => {}
                    });
                    format!("opening {url} with {program}")
                }
                Err(e) => format!("could not start {program} (set $BROWSER): {e}"),
            }
        }
        External::Edit { file, line } => {
            let editor = std::env::var("EDITOR")
                .or_else(|_| std::env::var("VISUAL"))
                .ok();
            let (program, args) = editor_command(&file, line, editor.as_deref());
            let status = terminal::suspended(|| Command::new(&program).args(&args).status());
            match status {
                Ok(s) if s.success() => format!("back from {program}"),
                Ok(s) => format!("{program} ended with {s}"),
                Err(e) => format!("could not start {program} (set $EDITOR): {e}"),
            }
        }
        External::Copy { text, what } => {
            let held = terminal::lock();
            let mut out = std::io::stdout();
            let written = out
                .write_all(osc52(&text).as_bytes())
                .and_then(|()| out.flush());
            drop(held);
            match written {
                Ok(()) => format!("copied {what} (OSC 52: the terminal must allow it)"),
                Err(e) => format!("could not copy: {e}"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_gets_the_url_as_one_argument() {
        let url = "https://example.com/a b;$(touch x)";
        assert_eq!(
            browser_command(url, Some("firefox")),
            ("firefox".to_string(), vec![url.to_string()])
        );
        assert_eq!(
            browser_command(url, Some("w3m -o x=1 %s:lynx")),
            (
                "w3m".to_string(),
                vec!["-o".to_string(), "x=1".to_string(), url.to_string()]
            )
        );
        let (program, args) = browser_command(url, None);
        assert!(program == "xdg-open" || program == "open");
        assert_eq!(args, [url]);
        assert_eq!(browser_command(url, Some("  ")).1, [url]);
    }

    #[test]
    fn the_editor_opens_the_file_at_the_line() {
        let (program, args) = editor_command(std::path::Path::new("a b.txt"), 12, Some("code -w"));
        assert_eq!(program, "code");
        assert_eq!(args, ["-w", "+12", "a b.txt"]);
        assert_eq!(editor_command(std::path::Path::new("f"), 1, None).0, "vi");
    }

    #[test]
    fn osc52_encodes_base64() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        assert_eq!(osc52("hi\x1b"), "\x1b]52;c;aGkb\x07");
    }
}

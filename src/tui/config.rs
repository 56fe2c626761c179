//! The user's config: `$XDG_CONFIG_HOME/crosscheck/config.toml` (or
//! `~/.config/crosscheck/config.toml`). Everything in it is optional.

use super::keymap::Keymap;
use super::theme::{Colors, Theme};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Capture the mouse (wheel scrolling); off so text can be selected.
    pub mouse: bool,
    pub keys: BTreeMap<String, BTreeMap<super::action::Action, Vec<String>>>,
    pub colors: Colors,
    /// The file it was read from, for messages.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

/// The most of a config file read: a config is a few lines, and the path
/// may name a device that never ends (`/dev/zero`).
pub const MAX_BYTES: u64 = 1 << 20;

pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("crosscheck").join("config.toml"))
}

/// Reads the config file if there is one; a missing file is the defaults.
pub fn load() -> Result<Config, String> {
    match path() {
        Some(path) => load_from(&path),
        None => Ok(Config::default()),
    }
}

/// Reads the config at `path`: at most [`MAX_BYTES`], and never a FIFO
/// (opening one waits for a writer).
pub fn load_from(path: &Path) -> Result<Config, String> {
    use std::io::Read;
    let fail = |what: &dyn std::fmt::Display| format!("{}: {what}", path.display());
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
        Err(e) => return Err(fail(&e)),
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let kind = meta.file_type();
        if kind.is_fifo() || kind.is_socket() {
            return Err(fail(
                &"not a file (a FIFO or a socket); the config must be a file",
            ));
        }
    }
    if meta.is_dir() {
        return Err(fail(&"a folder; the config must be a file"));
    }
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| fail(&e))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(fail(&format_args!(
            "larger than {} MB, read no further; a config is a few lines",
            MAX_BYTES >> 20
        )));
    }
    let text = String::from_utf8(bytes).map_err(|_| fail(&"not UTF-8 text"))?;
    let mut config: Config = toml::from_str(&text).map_err(|e| fail(&e))?;
    config.path = Some(path.to_path_buf());
    Ok(config)
}

impl Config {
    /// The file's name in messages.
    fn file(&self) -> String {
        self.path
            .as_ref()
            .map_or_else(|| "config".into(), |p| p.display().to_string())
    }

    /// The keymap: the defaults with the file's `[keys]`, and warnings
    /// (keys given twice) each naming the file. A keymap that would trap
    /// the user (nothing quits, nothing closes the finder or help) is an
    /// error.
    pub fn keymap(&self) -> Result<(Keymap, Vec<String>), String> {
        let file = self.file();
        let (keymap, warnings) =
            Keymap::with_overrides(&self.keys).map_err(|e| format!("{file}: [keys]: {e}"))?;
        if let Some(trap) = super::app::App::trap(&keymap) {
            return Err(format!("{file}: [keys]: {trap}"));
        }
        let warnings = warnings
            .into_iter()
            .map(|w| format!("{file}: {w}"))
            .collect();
        Ok((keymap, warnings))
    }

    pub fn theme(&self, color: bool) -> Result<Theme, String> {
        Theme::new(&self.colors, color).map_err(|e| format!("{}: [colors]: {e}", self.file()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_full_config() {
        let cfg: Config = toml::from_str(
            "mouse = true\n[keys.reader]\ntop = [\"H\"]\n[colors]\nfigure = \"light-red\"\n",
        )
        .unwrap();
        assert!(cfg.mouse);
        let (km, warnings) = cfg.keymap().unwrap();
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            km.action(
                super::super::keymap::Context::Reader,
                super::super::keymap::Key::parse("H").unwrap()
            ),
            Some(super::super::action::Action::Top)
        );
        assert!(cfg.theme(true).is_ok());
    }

    #[test]
    fn rejects_unknown_fields_and_actions() {
        assert!(toml::from_str::<Config>("colour = 1").is_err());
        assert!(toml::from_str::<Config>("[keys.reader]\nteleport = [\"t\"]").is_err());
    }

    /// A config file in a folder of its own, read as the app reads it.
    fn config(text: &str) -> (tempfile::TempDir, Result<Config, String>) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        std::fs::write(&path, text).unwrap();
        let config = load_from(&path);
        (dir, config)
    }

    /// The keymap's error, which must name the file.
    fn refused(text: &str) -> String {
        let (dir, config) = config(text);
        let err = config.unwrap().keymap().map(|_| ()).unwrap_err();
        let file = dir.path().join("config.toml").display().to_string();
        assert!(err.starts_with(&format!("{file}: [keys]: ")), "{err}");
        err
    }

    fn warnings(text: &str) -> Vec<String> {
        let (_dir, config) = config(text);
        config.unwrap().keymap().unwrap().1
    }

    /// A keymap with no way out was accepted, and the app could then only
    /// be killed.
    #[test]
    fn a_keymap_that_cannot_quit_is_refused() {
        let err = refused("[keys.global]\nquit = []\n");
        assert!(err.contains("`quit` in [keys.global] has no key"), "{err}");
        // Every quit key taken by the reader: no way out of the reader.
        let err = refused("[keys.reader]\ntop = [\"q\", \"ctrl-c\"]\n");
        assert!(
            err.contains("no key quits the app from the reader pane")
                && err
                    .contains("[keys.reader] takes every key of `quit` (q is `top`, C-c is `top`)"),
            "{err}"
        );
        // Esc goes back one level in the panes and never quits there.
        let err = refused("[keys.global]\nquit = [\"esc\"]\n[keys.sources]\ntop = [\"esc\"]\n");
        assert!(err.contains("from the sources pane"), "{err}");
        let err = refused("[keys.global]\nquit = [\"esc\"]\n");
        assert!(
            err.contains("from the reader pane") && err.contains("(Esc is `clear_search`)"),
            "{err}"
        );
        assert!(warnings("[keys.global]\nquit = [\"z\"]\n").is_empty());
    }

    #[test]
    fn a_keymap_that_cannot_close_the_finder_or_help_is_refused() {
        let err = refused("[keys.finder]\nclose = []\n");
        assert!(
            err.contains("no key closes the finder ([keys.finder] `close` has no key)"),
            "{err}"
        );
        // The keys taken away by another action.
        let err = refused("[keys.finder]\ndown = [\"esc\", \"ctrl-c\"]\n");
        assert!(err.contains("no key closes the finder"), "{err}");
        let err = refused("[keys.help]\nclose = []\n");
        assert!(err.contains("no key closes the help"), "{err}");
        // The prompt closes on Enter as well.
        assert!(warnings("[keys.prompt]\nclose = []\n").is_empty());
        let err = refused("[keys.prompt]\nclose = []\naccept = []\n");
        assert!(err.contains("no key closes the search prompt"), "{err}");
    }

    /// Two actions on one key resolved silently.
    #[test]
    fn a_key_given_twice_is_warned_about() {
        let w = warnings("[keys.reader]\ntop = [\"x\"]\nbottom = [\"x\", \"end\"]\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(w[0].ends_with(
            "config.toml: [keys.reader]: key `x` is given to both `top` and `bottom`; `bottom` gets it"
        ), "{w:?}");
        // A global key every pane takes never runs.
        let w = warnings("[keys.global]\nhelp = [\"j\", \"?\"]\n");
        assert_eq!(w.len(), 1, "{w:?}");
        assert!(
            w[0].contains("[keys.global]: key `j` never runs `help`: every pane uses it (sources `down`, reader `down`, claims `down`, diff `down`, stories `down`)"),
            "{w:?}"
        );
    }

    /// A config path naming a device or a huge file was read whole.
    #[test]
    fn a_huge_config_or_a_device_is_read_no_further_than_1_mb() {
        let (_dir, config) = config(&"# padding\n".repeat(200_000));
        let err = config.unwrap_err();
        assert!(
            err.contains("config.toml: larger than 1 MB, read no further"),
            "{err}"
        );
        let zero = Path::new("/dev/zero");
        if zero.exists() {
            let err = load_from(zero).unwrap_err();
            assert!(err.starts_with("/dev/zero: larger than 1 MB"), "{err}");
        }
        let null = Path::new("/dev/null");
        if null.exists() {
            assert!(load_from(null).unwrap().keys.is_empty());
        }
        let dir = tempfile::tempdir().unwrap();
        let err = load_from(dir.path()).unwrap_err();
        assert!(err.contains("a folder"), "{err}");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            let err = load_from(&fifo).unwrap_err();
            assert!(err.contains("not a file"), "{err}");
        }
        assert!(
            load_from(&dir.path().join("missing.toml"))
                .unwrap()
                .path
                .is_none()
        );
    }
}

//! The user's config: `$XDG_CONFIG_HOME/crosscheck/config.toml` (or
//! `~/.config/crosscheck/config.toml`). Everything in it is optional.

use super::keymap::Keymap;
use super::theme::{Colors, Theme};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::PathBuf;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Capture the mouse (wheel scrolling); off so text can be selected.
    pub mouse: bool,
    pub keys: BTreeMap<String, BTreeMap<super::action::Action, Vec<String>>>,
    pub colors: Colors,
}

pub fn path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("crosscheck").join("config.toml"))
}

/// Reads the config file if there is one; a missing file is the defaults.
pub fn load() -> Result<Config, String> {
    let Some(path) = path() else {
        return Ok(Config::default());
    };
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(format!("{}: {e}", path.display())),
    }
}

impl Config {
    pub fn keymap(&self) -> Result<Keymap, String> {
        Keymap::with_overrides(&self.keys).map_err(|e| format!("config [keys]: {e}"))
    }

    pub fn theme(&self, color: bool) -> Result<Theme, String> {
        Theme::new(&self.colors, color).map_err(|e| format!("config [colors]: {e}"))
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
        let km = cfg.keymap().unwrap();
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
}

//! Keys to actions, per context. The defaults are embedded
//! (`assets/keymap.toml`); a user's config overrides them in part. Help and
//! the status line are generated from the same table, so they cannot drift.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Sources,
    Reader,
    Claims,
    Diff,
    Stories,
    Finder,
    Prompt,
    Timeline,
    Help,
}

impl Context {
    pub const ALL: [Context; 10] = [
        Context::Global,
        Context::Sources,
        Context::Reader,
        Context::Claims,
        Context::Diff,
        Context::Stories,
        Context::Finder,
        Context::Prompt,
        Context::Timeline,
        Context::Help,
    ];

    /// The panes: the contexts whose keys fall through to the global one.
    pub const PANES: [Context; 5] = [
        Context::Sources,
        Context::Reader,
        Context::Claims,
        Context::Diff,
        Context::Stories,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Sources => "sources",
            Context::Reader => "reader",
            Context::Claims => "claims",
            Context::Diff => "diff",
            Context::Stories => "stories",
            Context::Finder => "finder",
            Context::Prompt => "prompt",
            Context::Timeline => "timeline",
            Context::Help => "help",
        }
    }

    fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A key as written in the keymap ("ctrl-c", "G", "pagedown").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCodeKey,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// The comparable part of a key code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCodeKey {
    Char(char),
    F(u8),
    Named(&'static str),
}

const NAMED: &[(&str, KeyCode)] = &[
    ("enter", KeyCode::Enter),
    ("esc", KeyCode::Esc),
    ("tab", KeyCode::Tab),
    ("backtab", KeyCode::BackTab),
    ("space", KeyCode::Char(' ')),
    ("up", KeyCode::Up),
    ("down", KeyCode::Down),
    ("left", KeyCode::Left),
    ("right", KeyCode::Right),
    ("home", KeyCode::Home),
    ("end", KeyCode::End),
    ("pageup", KeyCode::PageUp),
    ("pagedown", KeyCode::PageDown),
    ("backspace", KeyCode::Backspace),
    ("delete", KeyCode::Delete),
];

impl Key {
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut key = Key {
            code: KeyCodeKey::Named(""),
            ctrl: false,
            alt: false,
            shift: false,
        };
        let mut rest = s;
        loop {
            // "-" alone is a key; "ctrl--" is ctrl and "-".
            if let Some(r) = rest.strip_prefix("ctrl-").filter(|r| !r.is_empty()) {
                key.ctrl = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-").filter(|r| !r.is_empty()) {
                key.alt = true;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("shift-").filter(|r| !r.is_empty()) {
                key.shift = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCodeKey::Char(c),
            _ if rest == "space" => KeyCodeKey::Char(' '),
            _ => {
                if let Some(&(name, _)) = NAMED.iter().find(|(n, _)| *n == rest) {
                    KeyCodeKey::Named(name)
                } else if let Some(n) = rest.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
                    KeyCodeKey::F(n)
                } else {
                    return Err(format!("unknown key `{s}`"));
                }
            }
        };
        Ok(key)
    }

    /// The key a terminal event stands for. Shift is folded into the
    /// character for printable keys ("G", not "shift-g").
    pub fn from_event(e: KeyEvent) -> Option<Key> {
        let code = match e.code {
            KeyCode::Char(c) => KeyCodeKey::Char(c),
            KeyCode::F(n) => KeyCodeKey::F(n),
            other => KeyCodeKey::Named(NAMED.iter().find(|(_, k)| *k == other)?.0),
        };
        // Shift is part of a printable character ("G") and of backtab.
        let printable = matches!(code, KeyCodeKey::Char(_) | KeyCodeKey::Named("backtab"));
        Some(Key {
            code,
            ctrl: e.modifiers.contains(KeyModifiers::CONTROL),
            alt: e.modifiers.contains(KeyModifiers::ALT),
            shift: e.modifiers.contains(KeyModifiers::SHIFT) && !printable,
        })
    }

    /// The event a terminal sends for this key (the inverse of
    /// [`Key::from_event`]), for tests that type through the real keymap.
    #[cfg(test)]
    pub fn to_event(self) -> KeyEvent {
        let code = match self.code {
            KeyCodeKey::Char(c) => KeyCode::Char(c),
            KeyCodeKey::F(n) => KeyCode::F(n),
            KeyCodeKey::Named(name) => NAMED
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(KeyCode::Null, |&(_, k)| k),
        };
        let mut mods = KeyModifiers::NONE;
        if self.ctrl {
            mods |= KeyModifiers::CONTROL;
        }
        if self.alt {
            mods |= KeyModifiers::ALT;
        }
        if self.shift
            || code == KeyCode::BackTab
            || matches!(code, KeyCode::Char(c) if c.is_uppercase())
        {
            mods |= KeyModifiers::SHIFT;
        }
        KeyEvent::new(code, mods)
    }

    pub fn label(&self) -> String {
        let mut s = String::new();
        if self.ctrl {
            s.push_str("C-");
        }
        if self.alt {
            s.push_str("M-");
        }
        if self.shift {
            s.push_str("S-");
        }
        match self.code {
            KeyCodeKey::Char(' ') => s.push_str("Space"),
            KeyCodeKey::Char(c) => s.push(c),
            KeyCodeKey::F(n) => s.push_str(&format!("F{n}")),
            KeyCodeKey::Named(n) => s.push_str(match n {
                "enter" => "Enter",
                "esc" => "Esc",
                "tab" => "Tab",
                "backtab" => "S-Tab",
                "up" => "↑",
                "down" => "↓",
                "left" => "←",
                "right" => "→",
                "home" => "Home",
                "end" => "End",
                "pageup" => "PgUp",
                "pagedown" => "PgDn",
                "backspace" => "Bksp",
                other => other,
            }),
        }
        s
    }
}

/// Context → action → keys, the form of the keymap file.
type Table = BTreeMap<String, BTreeMap<Action, Vec<String>>>;

#[derive(Debug, Clone)]
pub struct Keymap {
    /// For help and hints: each context's actions with their keys, in order.
    bindings: BTreeMap<Context, Vec<(Action, Vec<Key>)>>,
}

impl Keymap {
    pub fn defaults() -> Keymap {
        let table: Table = toml::from_str(include_str!("../../assets/keymap.toml"))
            .expect("assets/keymap.toml is valid");
        Keymap::from_table(table).expect("default keymap is valid")
    }

    /// The defaults with `overrides` applied: an action named there gets
    /// exactly the keys given, and those keys leave any other action of that
    /// context. Also returns warnings: a key the table gives to two actions
    /// of one context (the later action, in the file's vocabulary order,
    /// gets it), and a global key that every pane takes for itself (it
    /// never reaches the global action).
    pub fn with_overrides(overrides: &Table) -> Result<(Keymap, Vec<String>), String> {
        let mut keymap = Keymap::defaults();
        let mut warnings = Vec::new();
        for (ctx_name, actions) in overrides {
            let ctx = Context::from_name(ctx_name).ok_or_else(|| {
                format!(
                    "unknown key context `{ctx_name}` (one of {})",
                    context_names()
                )
            })?;
            // Which action of this table took each key, as written.
            let mut given: BTreeMap<Key, (Action, &str)> = BTreeMap::new();
            for (action, names) in actions {
                let keys = names
                    .iter()
                    .map(|k| Key::parse(k))
                    .collect::<Result<Vec<_>, _>>()?;
                for (&key, name) in keys.iter().zip(names) {
                    if let Some((other, _)) = given.insert(key, (*action, name))
                        && other != *action
                    {
                        warnings.push(format!(
                            "[keys.{ctx_name}]: key `{name}` is given to both `{}` and `{}`; `{}` gets it",
                            other.name(),
                            action.name(),
                            action.name()
                        ));
                    }
                }
                let list = keymap.bindings.entry(ctx).or_default();
                for (_, existing) in list.iter_mut() {
                    existing.retain(|k| !keys.contains(k));
                }
                match list.iter_mut().find(|(a, _)| a == action) {
                    Some((_, existing)) => *existing = keys,
                    None => list.push((*action, keys)),
                }
            }
        }
        if let Some(global) = overrides.get(Context::Global.name()) {
            for (action, names) in global {
                for name in names {
                    let Ok(key) = Key::parse(name) else { continue };
                    let taken: Vec<String> = Context::PANES
                        .iter()
                        .filter_map(|&ctx| {
                            let a = keymap.action(ctx, key)?;
                            Some(format!("{} `{}`", ctx.name(), a.name()))
                        })
                        .collect();
                    if taken.len() == Context::PANES.len() {
                        warnings.push(format!(
                            "[keys.global]: key `{name}` never runs `{}`: every pane uses it ({})",
                            action.name(),
                            taken.join(", ")
                        ));
                    }
                }
            }
        }
        Ok((keymap, warnings))
    }

    fn from_table(table: Table) -> Result<Keymap, String> {
        let mut bindings = BTreeMap::new();
        for (ctx_name, actions) in table {
            let ctx = Context::from_name(&ctx_name)
                .ok_or_else(|| format!("unknown context `{ctx_name}`"))?;
            let list = actions
                .into_iter()
                .map(|(action, keys)| {
                    Ok((
                        action,
                        keys.iter()
                            .map(|k| Key::parse(k))
                            .collect::<Result<_, String>>()?,
                    ))
                })
                .collect::<Result<Vec<_>, String>>()?;
            bindings.insert(ctx, list);
        }
        Ok(Keymap { bindings })
    }

    /// The action `key` runs in `ctx`, if any.
    pub fn action(&self, ctx: Context, key: Key) -> Option<Action> {
        self.bindings
            .get(&ctx)?
            .iter()
            .find(|(_, keys)| keys.contains(&key))
            .map(|(a, _)| *a)
    }

    /// The keys of `action` in `ctx`.
    pub fn keys(&self, ctx: Context, action: Action) -> &[Key] {
        self.bindings(ctx)
            .iter()
            .find(|(a, _)| *a == action)
            .map_or(&[], |(_, keys)| keys.as_slice())
    }

    /// A context's bindings, for help.
    pub fn bindings(&self, ctx: Context) -> &[(Action, Vec<Key>)] {
        self.bindings.get(&ctx).map_or(&[], Vec::as_slice)
    }

    /// The first key of `action` in `ctx`, as shown in hints.
    pub fn first_key(&self, ctx: Context, action: Action) -> Option<String> {
        self.bindings(ctx)
            .iter()
            .find(|(a, _)| *a == action)
            .and_then(|(_, keys)| keys.first())
            .map(Key::label)
    }
}

fn context_names() -> String {
    Context::ALL.map(Context::name).join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(code: KeyCode, mods: KeyModifiers) -> Key {
        Key::from_event(KeyEvent::new(code, mods)).unwrap()
    }

    #[test]
    fn parses_and_matches_events() {
        let km = Keymap::defaults();
        assert_eq!(
            km.action(
                Context::Global,
                ev(KeyCode::Char('c'), KeyModifiers::CONTROL)
            ),
            Some(Action::Quit)
        );
        assert_eq!(
            km.action(Context::Reader, ev(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            km.action(Context::Reader, ev(KeyCode::Char(' '), KeyModifiers::NONE)),
            Some(Action::PageDown)
        );
        assert_eq!(
            km.action(Context::Reader, ev(KeyCode::PageUp, KeyModifiers::NONE)),
            Some(Action::PageUp)
        );
        assert_eq!(
            km.action(Context::Global, ev(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::FocusPrev)
        );
        assert_eq!(
            km.action(Context::Reader, ev(KeyCode::Char('x'), KeyModifiers::NONE)),
            None
        );
    }

    #[test]
    fn overrides_replace_keys_and_free_them_elsewhere() {
        let table: Table = toml::from_str("[reader]\ntop = [\"j\"]\n").unwrap();
        let (km, warnings) = Keymap::with_overrides(&table).unwrap();
        assert_eq!(warnings, Vec::<String>::new());
        let j = Key::parse("j").unwrap();
        assert_eq!(km.action(Context::Reader, j), Some(Action::Top));
        assert_eq!(
            km.action(Context::Reader, Key::parse("down").unwrap()),
            Some(Action::Down)
        );
        assert_eq!(km.action(Context::Reader, Key::parse("g").unwrap()), None);
    }

    #[test]
    fn bad_overrides_are_reported() {
        let table: Table = toml::from_str("[nowhere]\nquit = [\"x\"]\n").unwrap();
        assert!(
            Keymap::with_overrides(&table)
                .unwrap_err()
                .contains("unknown key context `nowhere`")
        );
        let table: Table = toml::from_str("[global]\nquit = [\"hyper-x\"]\n").unwrap();
        assert!(
            Keymap::with_overrides(&table)
                .unwrap_err()
                .contains("unknown key `hyper-x`")
        );
    }

    #[test]
    fn events_round_trip() {
        for ctx in Context::ALL {
            for (_, keys) in Keymap::defaults().bindings(ctx) {
                for &k in keys {
                    assert_eq!(Key::from_event(k.to_event()), Some(k), "{}", k.label());
                }
            }
        }
    }

    #[test]
    fn labels() {
        assert_eq!(Key::parse("ctrl-c").unwrap().label(), "C-c");
        assert_eq!(Key::parse("space").unwrap().label(), "Space");
        assert_eq!(Key::parse("pagedown").unwrap().label(), "PgDn");
        assert_eq!(Key::parse("-").unwrap().label(), "-");
    }
}

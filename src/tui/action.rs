//! Named actions: what keys map to, and the vocabulary of the config file.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    OpenFinder,
    FocusNext,
    FocusPrev,
    ShowReader,
    ShowClaims,
    ShowDiff,
    ShowStories,
    NextSource,
    PrevSource,
    Down,
    Up,
    PageDown,
    PageUp,
    Top,
    Bottom,
    Open,
    Back,
    FindInArticle,
    FindInList,
    NextMatch,
    PrevMatch,
    ClearSearch,
    CycleKind,
    CycleOutlet,
    ToggleScope,
    NextSection,
    ToggleOneStory,
    ToggleConflicts,
    CycleMeasure,
    OpenUrl,
    Edit,
    CopyUrl,
    CopySentence,
    CycleSort,
    Close,
    Accept,
    MarkStatus,
    EditNote,
    SetAccepted,
    ShowTimeline,
    ExportReport,
    Pick,
    Put,
    SplitStory,
    UndoStoryEdit,
}

impl Action {
    /// Where this action moves a selection at `pos` in a list of `n` rows,
    /// `page` rows to a page; `None` when it is no move.
    pub fn moved(self, pos: usize, n: usize, page: usize) -> Option<usize> {
        let last = n.saturating_sub(1);
        match self {
            Action::Down => Some((pos + 1).min(last)),
            Action::Up => Some(pos.saturating_sub(1)),
            Action::PageDown => Some((pos + page).min(last)),
            Action::PageUp => Some(pos.saturating_sub(page)),
            Action::Top => Some(0),
            Action::Bottom => Some(last),
            _ => None,
        }
    }

    /// The action's name in the config file (`open_finder`).
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_ascii_uppercase() && i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        }
        out
    }

    /// What the action does in a context, for help and the status line.
    pub fn describe_in(self, ctx: super::keymap::Context) -> &'static str {
        match (self, ctx) {
            (Action::Accept, super::keymap::Context::Prompt) => "search, or save a note",
            (Action::Down, super::keymap::Context::Reader | super::keymap::Context::Help) => {
                "scroll down"
            }
            (Action::Up, super::keymap::Context::Reader | super::keymap::Context::Help) => {
                "scroll up"
            }
            (Action::Back, super::keymap::Context::Diff) => "back: the group, then the pane",
            (Action::Open, super::keymap::Context::Stories) => "show only this story / all",
            (Action::Back, super::keymap::Context::Stories) => "drop the pick, else back",
            (Action::ToggleConflicts, super::keymap::Context::Claims) => "disagreements only / all",
            _ => self.describe(),
        }
    }

    /// What the action does, for the help overlay and the status line.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "this help",
            Action::OpenFinder => "fuzzy-find in all sources",
            Action::FocusNext => "next pane",
            Action::FocusPrev => "previous pane",
            Action::ShowReader => "reader",
            Action::ShowClaims => "claims",
            Action::ShowDiff => "diff",
            Action::ShowStories => "stories",
            Action::NextSource => "next source",
            Action::PrevSource => "previous source",
            Action::Down => "down",
            Action::Up => "up",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::Open => "open",
            Action::Back => "back to sources",
            Action::FindInArticle => "search in article",
            Action::FindInList => "search the rows",
            Action::NextMatch => "next match",
            Action::PrevMatch => "previous match",
            Action::ClearSearch => "clear search, else back",
            Action::CycleKind => "filter by kind",
            Action::CycleOutlet => "filter by outlet",
            Action::ToggleScope => "this source / all",
            Action::NextSection => "next section",
            Action::ToggleOneStory => "one story / stories",
            Action::ToggleConflicts => "conflicts only / all",
            Action::CycleMeasure => "filter by measure",
            Action::OpenUrl => "open the URL in $BROWSER",
            Action::Edit => "edit the file at the line",
            Action::CopyUrl => "copy the URL",
            Action::CopySentence => "copy the sentence",
            Action::CycleSort => "sort: date, outlet, title",
            Action::Close => "close",
            Action::Accept => "jump to hit",
            Action::MarkStatus => "mark: next status",
            Action::EditNote => "write a note",
            Action::SetAccepted => "accepted value; source",
            Action::ShowTimeline => "timeline of the group",
            Action::ExportReport => "export the report (Markdown)",
            Action::Pick => "pick a source or story to move",
            Action::Put => "move the picked source here / merge the picked story in",
            Action::SplitStory => "move the source to a story of its own",
            Action::UndoStoryEdit => "undo the last story edit",
        }
    }
}

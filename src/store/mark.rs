//! What a checker records about an item: a status, a note and, for a
//! figure, the value they accept and the source it rests on.

use serde::Serialize;
use std::fmt;

/// Where a checker stands on an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Unchecked,
    Confirmed,
    Disputed,
    False,
    NeedsSource,
}

impl Status {
    pub const ALL: [Status; 5] = [
        Status::Unchecked,
        Status::Confirmed,
        Status::Disputed,
        Status::False,
        Status::NeedsSource,
    ];

    /// The name in the store, reports and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unchecked => "unchecked",
            Status::Confirmed => "confirmed",
            Status::Disputed => "disputed",
            Status::False => "false",
            Status::NeedsSource => "needs source",
        }
    }

    /// One column wide, readable without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Unchecked => "·",
            Status::Confirmed => "✓",
            Status::Disputed => "!",
            Status::False => "✗",
            Status::NeedsSource => "?",
        }
    }

    pub fn parse(s: &str) -> Option<Status> {
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == s || st.as_str().replace(' ', "_") == s)
    }

    /// The next status in [`Status::ALL`], wrapping.
    pub fn next(self) -> Status {
        let i = Status::ALL.iter().position(|&s| s == self).unwrap_or(0);
        Status::ALL[(i + 1) % Status::ALL.len()]
    }

    /// Whether the status is a finding a fact-check can publish.
    pub fn is_verdict(self) -> bool {
        matches!(self, Status::Confirmed | Status::Disputed | Status::False)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of item a mark is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    FigureGroup,
    StatementGroup,
    Entry,
    Sentence,
}

impl TargetKind {
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::FigureGroup => "figure_group",
            TargetKind::StatementGroup => "statement_group",
            TargetKind::Entry => "entry",
            TargetKind::Sentence => "sentence",
        }
    }

    pub fn parse(s: &str) -> Option<TargetKind> {
        [
            TargetKind::FigureGroup,
            TargetKind::StatementGroup,
            TargetKind::Entry,
            TargetKind::Sentence,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// A sentence a mark was made on: the mark holds while that sentence is
/// still in its source, and is stale once the source changed it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Anchor {
    pub source: String,
    /// [`super::sentence_hash`] of `sentence`.
    pub hash: String,
    pub sentence: String,
}

impl Anchor {
    pub fn new(source: &str, sentence: &str) -> Anchor {
        Anchor {
            source: source.to_string(),
            hash: super::sentence_hash(sentence),
            sentence: sentence.to_string(),
        }
    }
}

/// An item of a comparison that can be marked, named so the name survives
/// a re-run (see [`super::target`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub kind: TargetKind,
    /// The stable key the store files the mark under.
    pub key: String,
    /// What the item was called when marked, for reports of stale marks.
    pub label: String,
    /// The sentences the item stands on now.
    pub anchors: Vec<Anchor>,
}

/// A mark as stored.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    pub kind: TargetKind,
    pub key: String,
    pub label: String,
    pub status: Status,
    pub note: String,
    /// For a figure: the value the checker accepts, as they typed it.
    pub accepted_value: Option<String>,
    /// What the accepted value rests on: a URL or a reference.
    pub accepted_source: Option<String>,
    /// Seconds since 1970 of the last change.
    pub updated: i64,
    pub anchors: Vec<Anchor>,
}

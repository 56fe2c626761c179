//! Cross-source comparison: figures grouped by what they measure with a
//! verdict per group, sentences that report the same statement aligned across
//! outlets with word-level diffs, and which outlet reports what.
//!
//! The comparison is data: qualifiers, verdicts and diff kinds are enums,
//! labels are whole (a reader cuts them to its width), and numbers are left
//! for the reader to format.
//!
//! | File | Concern |
//! |---|---|
//! | `mod.rs` | the comparison's types and [`compare`] |
//! | `facts.rs` | what the comparison reads of an analysis ([`Facts`]) |
//! | `copies.rs` | one article under two addresses or reprinted: one source |
//! | `repeats.rs` | paragraphs printed on many pages (site chrome) |
//! | `stories.rs` | documents clustered into stories |
//! | `story_edits.rs` | a checker's moves and merges of stories |
//! | `quantity.rs` | what a figure counts, read from its clause |
//! | `figures.rs` | figure groups: items, keys, anchors, labels |
//! | `context.rs` | a figure's sentence, indexed once for all its figures |
//! | `grouping.rs` | which figures of one key are one quantity |
//! | `verdict.rs` | a group's verdict and timeline |
//! | `similarity.rs` | sentence vectors, cosine, pair score, candidate pairs |
//! | `alignment.rs` | statement groups: linkage, medoid, labels |
//! | `diffs.rs` | word diffs between quotes or sentences |
//! | `coverage.rs` | which source reports which statement |
//! | `text.rs`, `lexicon.rs` | words, stems and the lexicon they all share |
//! | `strings.rs` | strings shared by the entries of a comparison |
//!
//! # Sources
//!
//! One page loaded twice (the same URL up to tracking parameters, `www.`,
//! `m.`, `amp` and fragments) or reprinted by another site (most of its
//! sentences, weighted by rarity, found in an earlier article) is one
//! source: the copy joins its origin's story, its figures and statements
//! are not counted again, and the origin's entries list it in `also_at`.
//! Paragraphs printed by five or more articles, or by three of one outlet
//! (newsletter boxes, related-story lists, legal lines), are chrome: their
//! figures, claims and statements are dropped.
//!
//! # Stories
//!
//! Two numbers about different events must never be shown as a
//! disagreement, so documents are first clustered into stories and figures
//! and statements are only compared within one story. Follow-up reports
//! (victims' profiles, an arrest weeks later) share few title words with
//! the first report but the same names, places and incident, so a document
//! is described by the stemmed content words of its title (counted
//! twice) and its whole body (up to [`BODY_STEMS`]
//! stems), names (capitalised words inside a sentence) weighing three times
//! as much, weighted by TF-IDF against 150 empty background documents (so a
//! corpus of two reports of one event does not punish the words they
//! share). The cosine of two reports published more than three days apart
//! is divided by 1 + (gap − 3) / 30: a report a month later needs twice the
//! similarity. Candidates come from an inverted index (each document queries
//! its 16 heaviest terms, reading at most [`MAX_STORY_POSTINGS`] postings per
//! term, and keeps its 32 best candidates). Pairs reaching
//! [`STORY_THRESHOLD`] are merged best first, but two clusters only merge
//! when the average similarity between their documents reaches
//! [`MERGE_THRESHOLD`], so one odd document cannot chain two events. Stories
//! are ordered largest first and labelled with their most central title.
//!
//! # Figure groups
//!
//! One group is one quantity. Each figure's identity is read from its
//! clause (`quantity.rs`, words in `assets/compare.toml`):
//! - a **count** of what happened to what: "5 people were shot" is `shot`
//!   of people, "two of the officers were wounded" a part of a count, never
//!   set against the total; the head noun as written ("bailiffs killed")
//!   splits kinds;
//! - an **age** belongs to the person named beside it ("Maria Lopez, 35,"):
//!   ages of different people never meet;
//! - figures whose identity is their **context** (money, durations,
//!   distances, shares) group only by complete linkage: every pair of a
//!   group shares enough content words near the figures;
//! - a figure of **unknown** identity stays alone.
//!
//! Within that, the key also holds the story, the base unit (miles and
//! kilometres meet; currencies never mix), the role (the factor of a
//! product, "3,000 soldiers each", never meets totals) and the subject
//! class ("North Korean", "civilian", ...). Values more than three times
//! apart are not one quantity ("one person died" and a background "49
//! people" of another shooting), and two values that disagree must also
//! share at least 30% of their clause's words (ages excepted), so a
//! disagreement shown is about one statement. The place or frame a figure is
//! stated for ("in Kursk", "total expected") is shown per entry and does not
//! split a group.
//!
//! # Verdicts
//!
//! Precise figures decide, and so do vague ones that state an order of
//! magnitude ("dozens", "tens of thousands": a low bound of 20 or more);
//! "a few" or "a small group" are listed but decide nothing. With deciding
//! figures from fewer than two sources the verdict is `single`; otherwise
//! `agree` when every value is the same number (in the base unit),
//! `compatible` when every source's interval meets the others', `conflict`
//! when two sources' intervals do not meet (one outlet's own figures never
//! conflict with each other), and `revised` instead of `conflict` when an
//! entry states a new level ("was revised to seven", "rose to 17"; in JSON a
//! `conflict` whose `revision` lists those entries). Every
//! group carries its entries in publication order (`timeline`: dated, then
//! dated without a year, then undated) and its undated ones (`undated`).
//!
//! # Aligned statements
//!
//! Sentences (at least four distinct content terms) are compared by TF-IDF
//! cosine over stemmed content words (English Snowball stemmer, stop words
//! and spelling variants from `assets/compare.toml`, numbers left to the
//! figure evidence). The pair score adds +0.1 per shared precise figure (at
//! most two), or +0.25 when both sentences give one figure to one claimer
//! ("Zelensky: 11,000 troops"); +0.1 for a shared claimer, −0.15 when both
//! name claimers and none is shared; +0.2 × the Jaccard overlap of quoted
//! stems. Bonuses only apply from a cosine of 0.2 (0.1 for a shared attributed
//! figure). A pair seeds or extends a group at 0.42, and every cross-source
//! pair inside a group must reach 0.3. Groups need two sources and lie
//! within one story. Word diffs cover every cross-source pair when there are
//! at most 12, else each member against the group's medoid (`diff_pairs`:
//! "all" or "medoid"); they are between quotes when the two sentences carry
//! quotes of one statement (stem overlap ≥ 0.3), else between the sentences;
//! a group whose quote diff for one speaker replaces words (not only cuts,
//! brackets or ellipses) is marked `quote_differs` and ranked first (within
//! its story). A group is labelled with its claimer and the quote of its
//! first quote diff, else with its medoid sentence. Candidates come
//! from an inverted index per story (terms in more than [`MAX_DF_FRACTION`]
//! of sentences are skipped, a term's list longer than [`MAX_POSTINGS`] in
//! one story is read only [`WINDOW`] sentences either side of the sentence,
//! and each sentence keeps its [`MAX_CANDIDATES`] best candidates), so the
//! work grows with the corpus times these caps, never with the square of
//! the sentence count, and a statement repeated by thousands of outlets
//! still finds its partners. Pairs are
//! merged best first with complete linkage: a sentence joins a group only when
//! it is close enough to every member from another document.

mod alignment;
mod context;
mod copies;
mod coverage;
mod diffs;
mod facts;
mod figures;
mod grouping;
pub(crate) mod lexicon;
mod quantity;
mod repeats;
mod similarity;
mod stories;
mod story_edits;
mod strings;
pub(crate) mod text;
mod verdict;

#[cfg(test)]
pub(crate) mod tests;

use crate::analysis::{Analysis, ClaimKind};
use crate::corpus::{Corpus, SentenceId};
use crate::figures::Qualifier;
use serde::{Serialize, Serializer};
use std::fmt;
use std::sync::Arc;

pub use diffs::word_diff;
pub use facts::Facts;
pub use similarity::{MAX_CANDIDATES, MAX_DF_FRACTION, MAX_POSTINGS, WINDOW};
pub use stories::{BODY_STEMS, MAX_STORY_POSTINGS, MERGE_THRESHOLD, STORY_THRESHOLD};
pub use story_edits::StoryEdit;
pub(crate) use strings::{DocNames, Strings};

/// The whole comparison of a corpus.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Comparison {
    pub figures: Vec<FigureGroup>,
    pub statements: Vec<StatementGroup>,
    pub coverage: Coverage,
    /// The events the documents report, largest first; figures and
    /// statements are only compared within one story.
    pub stories: Vec<Story>,
}

/// Documents that report one event.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Story {
    /// Index into `Comparison::stories`.
    pub id: usize,
    /// The most central title of its documents, in full (shared with
    /// every group's [`StoryRef`]).
    pub label: Arc<str>,
    /// The sources, in corpus order.
    pub sources: Vec<String>,
    /// Indices of the documents in the corpus.
    #[serde(skip)]
    pub documents: Vec<usize>,
}

/// The story a group belongs to.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StoryRef {
    pub id: usize,
    /// As in [`Story::label`].
    pub label: Arc<str>,
}

/// How the figures of a group relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Agree,
    Compatible,
    Conflict,
    /// Incompatible values, and one source states that the figure changed
    /// ("rose to 17", "was revised"): see the group's `revision`. In JSON it
    /// is a `conflict` with a non-empty `revision`: the contract's verdicts
    /// are agree, compatible, conflict and single.
    #[serde(rename = "conflict")]
    Revised,
    Single,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Agree => "agree",
            Verdict::Compatible => "compatible",
            Verdict::Conflict => "conflict",
            Verdict::Revised => "revised",
            Verdict::Single => "single",
        }
    }
}

/// Figures of all sources that measure the same thing.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureGroup {
    /// The extractor's measure ("troops", "distance", ...).
    pub measure: String,
    /// For people: "North Korean troops", "North Korean troops per unit",
    /// "distance: front line".
    pub label: String,
    pub verdict: Verdict,
    /// Who is counted, when known.
    pub subject: Option<String>,
    /// True for the factor of a product ("3,000 soldiers each").
    pub per_unit: bool,
    /// The unit every `base_*` value is in (None for plain counts).
    pub base_unit: Option<String>,
    /// The units the deciding entries were written in, most used first:
    /// readers show the spread in the first, and in the base unit too when
    /// there are several.
    pub units: Vec<String>,
    /// Lowest and highest precise value, in the base unit.
    pub spread: Option<Spread>,
    /// Distinct precise values with who holds them, lowest first.
    pub values: Vec<ValueHolders>,
    /// Distinct sources in the group.
    pub sources: usize,
    /// Distinct scopes of the entries, in order of appearance.
    pub scopes: Vec<String>,
    /// The story every entry belongs to.
    pub story: StoryRef,
    pub entries: Vec<FigureEntry>,
    /// Indices into `entries` in publication order: dated entries, then
    /// those dated without a year, then the undated (in corpus order).
    pub timeline: Vec<usize>,
    /// The entries whose source states no date, in corpus order: listed
    /// apart from the timeline's dated part, never given a date.
    pub undated: Vec<usize>,
    /// The entries that state a revision ("rose to 17"), in publication
    /// order; empty when none does.
    pub revision: Vec<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    pub low: f64,
    pub high: f64,
}

/// One value of a group and the outlets and claimers that state it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ValueHolders {
    /// In the group's base unit.
    pub value: f64,
    /// Qualifiers used with it, in order of first use.
    pub qualifiers: Vec<Qualifier>,
    pub outlets: Vec<String>,
    pub claimers: Vec<String>,
    /// Indices into the group's entries.
    pub entries: Vec<usize>,
}

/// One figure in a group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureEntry {
    #[serde(skip)]
    pub id: SentenceId,
    /// Index into the document's `DocAnalysis::figures`.
    #[serde(skip)]
    pub figure: usize,
    pub source: Arc<str>,
    pub outlet: Option<Arc<str>>,
    /// Outlet, or the file name when no outlet is known.
    pub display: Arc<str>,
    /// The document's title, date and URL as it gives them.
    pub title: Option<Arc<str>>,
    pub date: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    /// Where else the same article ran (sources of its copies).
    pub also_at: Arc<[Arc<str>]>,
    pub line: usize,
    pub sentence: Arc<str>,
    pub text: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: Option<String>,
    pub base_value: f64,
    pub base_low: Option<f64>,
    pub base_high: Option<f64>,
    pub claimer: Option<Arc<str>>,
    pub claimer_role: Option<Arc<str>>,
    /// The counted phrase as written.
    pub subject: Option<String>,
    /// The subject class came from the document, not the sentence.
    pub subject_inferred: bool,
    /// "in Kursk", "in Russia, total expected", ...
    pub scope: Option<String>,
    pub derived: bool,
    /// A vague amount ("dozens", "several"): only an order of magnitude
    /// takes part in the verdict.
    pub vague: bool,
    /// The sentence states that the figure changed ("rose to", "revised").
    pub revision: bool,
    pub caption: bool,
    /// Which way the change it states goes ("fell 2.3%"), if it is one.
    pub direction: Option<crate::figures::Direction>,
}

/// Sentences of different sources that report one statement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementGroup {
    pub label: StatementLabel,
    /// The claimer most entries name, if any.
    pub claimer: Option<String>,
    /// True when one speaker is quoted with different words by two sources.
    pub quote_differs: bool,
    /// The weakest link between two members (pair score, see module docs).
    pub score: f64,
    /// Distinct sources.
    pub sources: usize,
    /// The story every entry belongs to.
    pub story: StoryRef,
    pub entries: Vec<StatementEntry>,
    /// Which pairs `diffs` holds.
    pub diff_pairs: DiffPairs,
    pub diffs: Vec<WordDiff>,
}

/// What a statement group is called: its claimer with the quote its members
/// share, else with its most central sentence, in full. Serialized as one
/// string, "Volodymyr Zelensky: “new chapter of instability in the world”"
/// (its [`Display`](fmt::Display)).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementLabel {
    /// The group's claimer, if it has one.
    pub claimer: Option<String>,
    /// The quote (without surrounding commas, full stops and spaces) or the
    /// sentence.
    pub text: String,
    /// True when `text` is a quote: it is shown within “ ”.
    pub quoted: bool,
}

impl fmt::Display for StatementLabel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(c) = &self.claimer {
            write!(f, "{c}: ")?;
        }
        if self.quoted {
            write!(f, "“{}”", self.text)
        } else {
            f.write_str(&self.text)
        }
    }
}

impl Serialize for StatementLabel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Which pairs of a statement group have word diffs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffPairs {
    /// Every cross-source pair (there are few).
    All,
    /// Each member against the group's most central one.
    Medoid,
}

impl DiffPairs {
    pub fn as_str(self) -> &'static str {
        match self {
            DiffPairs::All => "all",
            DiffPairs::Medoid => "medoid",
        }
    }
}

/// What a word diff compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    /// Two quotes of one statement.
    Quote,
    /// Two sentences.
    Sentence,
}

impl DiffKind {
    pub fn as_str(self) -> &'static str {
        match self {
            DiffKind::Quote => "quote",
            DiffKind::Sentence => "sentence",
        }
    }
}

impl fmt::Display for DiffKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatementEntry {
    #[serde(skip)]
    pub id: SentenceId,
    pub source: Arc<str>,
    pub outlet: Option<Arc<str>>,
    pub display: Arc<str>,
    /// The document's title, date and URL as it gives them.
    pub title: Option<Arc<str>>,
    pub date: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    /// Where else the same article ran (sources of its copies).
    pub also_at: Arc<[Arc<str>]>,
    pub line: usize,
    pub sentence: Arc<str>,
    pub claimers: Vec<String>,
    pub quotes: Vec<String>,
    pub caption: bool,
}

/// A word diff between two entries of a statement group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordDiff {
    /// Indices into the group's entries.
    pub a: usize,
    pub b: usize,
    pub kind: DiffKind,
    /// The speaker both quotes are attributed to, if they share one.
    pub speaker: Option<String>,
    /// True when some change is not `equal`.
    pub changed: bool,
    pub changes: Vec<Change>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Equal,
    Delete,
    Insert,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Equal => "equal",
            Op::Delete => "delete",
            Op::Insert => "insert",
        }
    }
}

/// A run of words: in both texts, only in `a` (delete) or only in `b` (insert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub op: Op,
    pub text: String,
}

/// Which outlet reports which statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// One per document, in corpus order.
    pub sources: Vec<SourceCoverage>,
    /// Claims (sentences with a figure, quote or attribution) that no other
    /// source was found to report, in corpus order.
    pub exclusive: Vec<ExclusiveClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceCoverage {
    pub source: String,
    pub outlet: Option<String>,
    pub display: String,
    /// The source this document is a copy of (it takes no part in the
    /// comparison of its own).
    pub copy_of: Option<String>,
    /// The sources of its copies.
    pub also_at: Vec<String>,
    /// Index into `Comparison::stories`.
    pub story: usize,
    /// Indices into `statements` this source takes part in.
    pub statements: Vec<usize>,
    /// How many of its claims no other source reports.
    pub exclusive: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExclusiveClaim {
    #[serde(skip)]
    pub id: SentenceId,
    pub source: Arc<str>,
    pub outlet: Option<Arc<str>>,
    pub display: Arc<str>,
    /// The document's title, date and URL as it gives them.
    pub title: Option<Arc<str>>,
    pub date: Option<Arc<str>>,
    pub url: Option<Arc<str>>,
    /// Where else the same article ran (sources of its copies).
    pub also_at: Arc<[Arc<str>]>,
    pub line: usize,
    pub sentence: Arc<str>,
    pub claimer: Option<Arc<str>>,
    pub kinds: Vec<ClaimKind>,
    pub caption: bool,
}

impl Comparison {
    /// The claims of document `doc` that no other source reports.
    pub fn exclusive_of(&self, doc: usize) -> Vec<SentenceId> {
        self.coverage
            .exclusive
            .iter()
            .filter(|e| e.id.doc == doc)
            .map(|e| e.id)
            .collect()
    }
}

impl FigureEntry {
    /// Whether the entry takes part in its group's verdict: precise
    /// figures do, and vague ones that state an order of magnitude.
    pub fn decides(&self) -> bool {
        verdict::decides(self)
    }
}

/// What a user can tell the comparison that the text does not.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Every document reports one event: one story, no clustering.
    pub one_story: bool,
}

/// Compares every source of `corpus`; `analysis` must be `analyze(corpus)`
/// (documents missing from it are treated as having no figures or claims).
/// Never panics.
pub fn compare(corpus: &Corpus, analysis: &Analysis) -> Comparison {
    compare_facts(corpus, Facts::of(corpus, analysis))
}

/// As [`compare`], from the facts of the analysis ([`Facts::analyze`]
/// never holds every full analysis, which lowers the peak memory). Each
/// document's facts are freed once read for the last time.
pub fn compare_facts(corpus: &Corpus, facts: Facts) -> Comparison {
    compare_facts_with(corpus, facts, Options::default())
}

/// As [`compare_facts`], with `options`.
pub fn compare_facts_with(corpus: &Corpus, facts: Facts, options: Options) -> Comparison {
    compare_facts_staged(corpus, facts, options, &mut |_| {})
}

/// As [`compare_facts_with`], calling `stage` with each stage's name as it
/// ends (the `mem_stages` example measures memory by stage with it).
pub fn compare_facts_staged(
    corpus: &Corpus,
    facts: Facts,
    options: Options,
    stage: &mut dyn FnMut(&str),
) -> Comparison {
    compare_edited_staged(corpus, facts, options, &[], stage)
}

/// As [`compare_facts_with`], with the stories the clustering finds
/// corrected by a checker's `edits` (in order) before anything is
/// compared: figures and statements are then compared within the stories
/// as edited.
pub fn compare_facts_edited(
    corpus: &Corpus,
    facts: Facts,
    options: Options,
    edits: &[StoryEdit],
) -> Comparison {
    compare_edited_staged(corpus, facts, options, edits, &mut |_| {})
}

fn compare_edited_staged(
    corpus: &Corpus,
    mut facts: Facts,
    options: Options,
    edits: &[StoryEdit],
    stage: &mut dyn FnMut(&str),
) -> Comparison {
    let copies = copies::Copies::find(corpus);
    let repeats = repeats::Repeats::find(corpus, &copies);
    facts.restrict(corpus, &copies, &repeats);
    stage("copies and chrome");
    let stories = stories::cluster_edited(
        corpus,
        &lexicon::LEXICON,
        &copies,
        &repeats,
        options.one_story,
        edits,
    );
    stage("stories");
    // Entries share one allocation per sentence, document name and claimer.
    let mut strings = Strings::new(corpus, &copies);
    let statements = alignment::align(corpus, &facts, &stories, &mut strings);
    stage("alignment");
    // The figure groups before the coverage: their working data (keys and
    // anchors of every figure) is freed before the coverage lists its
    // claims, so the two do not add up at the peak.
    for d in &mut facts.docs {
        d.quotes = Vec::new();
    }
    let figures = figures::group(corpus, &mut facts, &stories, &mut strings);
    stage("figure groups");
    let coverage = coverage::coverage(corpus, &facts, &statements, &stories, &mut strings);
    stage("coverage");
    Comparison {
        figures,
        statements,
        coverage,
        stories: stories.stories,
    }
}

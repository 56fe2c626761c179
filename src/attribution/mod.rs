//! Attribution: who claims what in one document, and the quotes they speak.
//!
//! Input is a document's cleaned text and its sentence byte spans (the segmenter keeps
//! a quote and its attribution in one sentence). Output, per sentence, the
//! attributions found there — each with the byte span of the clause it governs, so a
//! sentence can hold two claimers — and the document's quotes with their speakers.
//!
//! Patterns: "X said", "said X", "X told KBS", "X confirmed/claimed/…", "according to
//! X", "X's assessment", "X placed the estimate at", "X: “…”", "…, saying …", and
//! “…,” the statement read. Pronouns and role nouns ("he", "the minister") resolve to
//! the nearest person of their gender, the last speaker or a sentence's subject
//! named since; descriptions of organisations ("the agency") to the organisation
//! named last; aliases and surname-only mentions merge into one canonical name.
//! Everything the rules can't tie to a named source stays `None`.
//!
//! Vocabulary lives in `assets/attribution.toml` (see [`LEXICON_TOML`]).
//!
//! The work is split by stage: `tokens` cuts a sentence into words, punctuation
//! and opaque quotes; `chunk` finds claimer phrases around a cue and `shape`
//! classifies them; `cues` finds the cues ("said", "according to", …) with their
//! phrases; `names` makes canonical display names; `coref` collects the people a
//! document names and resolves surnames, pronouns and descriptions to them;
//! `spans` gives each attribution the clause it governs; `quotes` finds
//! quotations and their speakers.

mod chunk;
mod coref;
mod cues;
mod lexicon;
mod names;
mod quotes;
mod shape;
mod spans;
mod tokens;

pub use lexicon::LEXICON_TOML;
pub(crate) use lexicon::prepare;
pub use names::canonical_name;

use chunk::Sent;
use coref::collect_mentions;
use cues::find_cues;
use names::qualify_bare_role;
use quotes::attach_quotes;
use rustc_hash::FxHashMap as HashMap;
use serde::Serialize;
use shape::Shape;
use spans::assign_spans;
use std::hash::BuildHasher;
use std::ops::Range;
use tokens::{Tok, tokenize};

/// What sort of source a claimer is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimerKind {
    /// A named person, or a person known only by role ("a Ukrainian official").
    Person,
    /// A ministry, agency, outlet, alliance: "the Pentagon", "Financial Times".
    Organisation,
    /// A state, capital or its officials: "Ukraine", "Seoul", "US officials".
    Government,
    /// A document: "intelligence assessments", "the statement".
    Report,
}

/// Who a statement is attributed to.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Claimer {
    /// Canonical display name ("Volodymyr Zelensky", "the Pentagon", "US officials").
    pub name: String,
    /// Title or role as written ("President", "spokesman for South Korea's defense
    /// ministry"); for a report, its qualifier ("from the U.S., South Korea, and Ukraine").
    pub role: Option<String>,
    pub kind: ClaimerKind,
}

/// Which rule found an attribution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Pattern {
    /// "X said", "X told KBS", "X placed the estimate at".
    Verb,
    /// “…,” said X.
    Inverted,
    /// "according to X".
    According,
    /// "X's assessment".
    Possessive,
    /// X: “…”
    Colon,
    /// "…, saying …" — the subject of the main clause.
    Participle,
    /// A sentence that only continues a quote whose speaker is named next door.
    QuoteContinuation,
}

/// One attribution inside a sentence. All spans are byte offsets in the sentence
/// text and lie on char boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Attribution {
    pub claimer: Claimer,
    /// The clause this attribution governs. The spans of a sentence's non-embedded
    /// attributions partition the sentence.
    pub span: Range<usize>,
    /// The cue: "said", "according to", "placed the estimate at", ":".
    pub cue: Range<usize>,
    /// Where the claimer is named in the sentence ("he", "Defense Minister Rustem Umerov").
    pub mention: Range<usize>,
    /// The pronoun or role noun this claimer was resolved from ("he", "The minister").
    pub resolved_from: Option<String>,
    pub pattern: Pattern,
    /// Inside the reported clause of another attribution ("The minister said that Kyiv
    /// expects …"): the outer claimer governs, so this one doesn't take part in
    /// [`DocAttribution::claimer_at`].
    pub embedded: bool,
}

/// A quotation. `span` is in the document text and includes the marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub span: Range<usize>,
    /// Inner text, trimmed.
    pub text: String,
    pub speaker: Option<Claimer>,
    pub first_sentence: usize,
    pub last_sentence: usize,
}

/// Attributions of one document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct DocAttribution {
    /// Per input sentence, its attributions ordered by cue.
    pub sentences: Vec<Vec<Attribution>>,
    /// Quotes in document order.
    pub quotes: Vec<Quote>,
}

impl DocAttribution {
    /// The claimer governing byte `offset_in_sentence` of sentence `sentence`.
    pub fn claimer_at(&self, sentence: usize, offset_in_sentence: usize) -> Option<&Claimer> {
        let atts = self.sentences.get(sentence)?;
        let mut last = None;
        for a in atts.iter().filter(|a| !a.embedded) {
            if a.span.contains(&offset_in_sentence) {
                return Some(&a.claimer);
            }
            last = Some(a);
        }
        last.filter(|a| offset_in_sentence >= a.span.end)
            .map(|a| &a.claimer)
    }

    /// The main claimer of a sentence: its first non-embedded attribution.
    pub fn sentence_claimer(&self, sentence: usize) -> Option<&Claimer> {
        self.sentences
            .get(sentence)?
            .iter()
            .find(|a| !a.embedded)
            .map(|a| &a.claimer)
    }

    /// All claimers of a sentence, in order, without repeats.
    pub fn sentence_claimers(&self, sentence: usize) -> Vec<&Claimer> {
        let mut out: Vec<&Claimer> = Vec::new();
        for a in self.sentences.get(sentence).into_iter().flatten() {
            if !out.iter().any(|c| c.name == a.claimer.name) {
                out.push(&a.claimer);
            }
        }
        out
    }
}

/// Clamp a span to `text`, moving both ends down to char boundaries.
fn clamp(text: &str, r: &Range<usize>) -> Range<usize> {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let s = fix(r.start);
    let e = fix(r.end).max(s);
    s..e
}

/// Analyze one document: `sentences` are byte spans in `text` (the segmenter's
/// output). Spans out of range or off char boundaries are clamped; never panics.
pub fn analyze(text: &str, sentences: &[Range<usize>]) -> DocAttribution {
    let spans: Vec<Range<usize>> = sentences.iter().map(|r| clamp(text, r)).collect();
    let raw_quotes = quotes::find_quotes(text);

    // Sentence order by position, for mapping quotes to sentences.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| (spans[i].start, spans[i].end));

    // Every sentence folded into one buffer: the tokens' `lower` are slices of it.
    let mut folded = String::with_capacity(spans.iter().map(|sp| sp.len()).sum());
    let folded_at: Vec<Range<usize>> = spans
        .iter()
        .map(|sp| {
            let at = folded.len();
            lexicon::fold_into(&text[sp.clone()], &mut folded);
            at..folded.len()
        })
        .collect();

    // Tokenize every sentence with its quotes masked, into one vector (about a
    // token per six bytes).
    let mut toks: Vec<Tok> = Vec::with_capacity(folded.len() / 6);
    let mut qs: Vec<Range<usize>> = Vec::new();
    let tok_at: Vec<Range<usize>> = spans
        .iter()
        .zip(&folded_at)
        .map(|(sp, f)| {
            let first = raw_quotes.partition_point(|q| q.span.end <= sp.start);
            qs.clear();
            qs.extend(
                raw_quotes[first..]
                    .iter()
                    .take_while(|q| q.span.start < sp.end)
                    .map(|q| {
                        q.span.start.max(sp.start) - sp.start..q.span.end.min(sp.end) - sp.start
                    }),
            );
            let at = toks.len();
            tokenize(&text[sp.clone()], &folded[f.clone()], &qs, &mut toks);
            at..toks.len()
        })
        .collect();
    let sents: Vec<Sent> = spans
        .iter()
        .zip(tok_at)
        .map(|(sp, t)| Sent {
            s: &text[sp.clone()],
            toks: &toks[t],
        })
        .collect();

    // Pass 1: people named anywhere (with their titles), for surname merging and
    // role-noun resolution.
    let mut res = collect_mentions(&sents, &order);
    // Pass 2: attributions, sentence by sentence in document order.
    let mut out: Vec<Vec<Attribution>> = vec![Vec::new(); spans.len()];
    // The sentence's attributions by the hash of their (mention, claimer): the
    // first index in `atts` with that hash. A table, not a scan of `atts`, which
    // was quadratic in a sentence with thousands of cues; indices, not copies of
    // the claimers. One table for the document, cleared per sentence, and shrunk
    // back so that a sentence with thousands of cues doesn't make every later
    // clear slow.
    let mut seen: HashMap<u64, usize> = HashMap::default();
    let key_hash = |mention: &Range<usize>, claimer: &Claimer| {
        rustc_hash::FxBuildHasher.hash_one((mention, claimer))
    };
    let mut found = Vec::new();
    for &si in &order {
        let st = &sents[si];
        find_cues(st, &mut found);
        let mut atts: Vec<Attribution> = Vec::with_capacity(found.len());
        seen.clear();
        seen.shrink_to(64);
        let mut first_org: Option<String> = None;
        for f in found.drain(..) {
            let cue = st.bytes(f.cue.0, f.cue.1);
            let (claimer, resolved_from, mention) = if f.copy_prev {
                match atts.last() {
                    Some(p) => (
                        p.claimer.clone(),
                        p.resolved_from.clone(),
                        p.mention.clone(),
                    ),
                    None => continue,
                }
            } else {
                let Some(np) = f.np else { continue };
                // `shape` is pure: the finder's result stands.
                let Some(shape) = f.shape.or_else(|| st.shape(np.a, np.b)) else {
                    continue;
                };
                // A lone capitalised word that starts the sentence and is never
                // capitalised elsewhere is no name ("Facing criticism, …").
                if let Shape::Named {
                    name,
                    role: None,
                    kind: ClaimerKind::Person,
                } = shape
                    && name.b == name.a + 1
                    && !name.lower_first
                    && st.toks[..name.a].iter().all(|t| !t.is_word())
                    && !res.may_be_name(&sents, &st.toks[name.a], st.toks.get(name.b))
                {
                    continue;
                }
                let built = st.finish(shape);
                let appos = np.appos.map(|(x, y)| st.text(x, y));
                let Some((c, from)) = res.resolve(built, appos, (si, np.a)) else {
                    continue;
                };
                (c, from, st.bytes(np.a, np.b))
            };
            if mention.start < mention.end
                && f.pattern != Pattern::Participle
                && let Some(&i) = seen.get(&key_hash(&mention, &claimer))
            {
                let same = |a: &Attribution| a.mention == mention && a.claimer == claimer;
                // Another key with the same hash would need the scan.
                if same(&atts[i]) || atts.iter().any(same) {
                    continue;
                }
            }
            let mut claimer = claimer;
            if resolved_from.is_none() {
                qualify_bare_role(first_org.as_deref(), &mut claimer);
            }
            if claimer.kind == ClaimerKind::Person
                && claimer.name.contains(' ')
                && let Some(r) = &claimer.role
                && !res.roles.contains_key(&claimer.name)
            {
                res.roles.insert(claimer.name.clone(), r.clone());
            }
            if resolved_from.is_none() || f.pattern == Pattern::Participle {
                res.spoke(claimer.clone(), (si, f.cue.0));
            }
            seen.entry(key_hash(&mention, &claimer))
                .or_insert(atts.len());
            if first_org.is_none() && claimer.kind == ClaimerKind::Organisation {
                first_org = Some(claimer.name.clone());
            }
            atts.push(Attribution {
                claimer,
                span: 0..0,
                cue,
                mention,
                resolved_from,
                pattern: f.pattern,
                embedded: false,
            });
        }
        assign_spans(st, &mut atts);
        out[si] = atts;
    }

    // Quotes and their speakers.
    let doc = DocAttribution {
        sentences: out,
        quotes: Vec::new(),
    };
    attach_quotes(text, &spans, &order, &sents, &raw_quotes, doc)
}

#[cfg(test)]
mod tests;

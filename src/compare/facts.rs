//! What the comparison reads of an analysis: the figures, and per claim its
//! claimer names and quotes. Attribution records (spans, cues, patterns)
//! are the larger part of an analysis and are not kept, so a large corpus
//! can be analyzed and reduced document by document without ever holding
//! every full analysis.

use std::borrow::Cow;

use rayon::prelude::*;

use super::copies::Copies;
use super::repeats::Repeats;
use crate::analysis::{Analysis, ClaimKind, DocAnalysis, FoundFigure, analyze_document};
use crate::attribution::{Claimer, ClaimerKind};
use crate::cache::{Key, Reader, Store, Writer};
use crate::corpus::Corpus;
use crate::document::Document;
use crate::figures::{Direction, Figure, Qualifier};
use rustc_hash::FxHashSet as HashSet;

/// The facts of every document of a corpus, for [`super::compare_facts`].
pub struct Facts<'a> {
    /// One per corpus document, in the same order.
    pub(super) docs: Vec<DocFacts<'a>>,
}

impl Facts<'static> {
    /// Analyzes every document in parallel, keeping only its facts.
    pub fn analyze(corpus: &Corpus) -> Self {
        Facts {
            docs: corpus
                .documents
                .par_iter()
                .map(|d| DocFacts::owned(analyze_document(d)))
                .collect(),
        }
    }

    /// As [`Facts::analyze`], taking each document's facts from `store`
    /// where it holds them (keyed by the document's text and sentences,
    /// all its analysis reads) and writing the store anew when any were
    /// missing. Returns the facts and the warning to print, if any: an
    /// entry that cannot be read, or a store that cannot be written.
    pub fn analyze_cached(corpus: &Corpus, store: &Store) -> (Self, Option<String>) {
        let found: Vec<(u128, DocFacts<'static>, Option<Vec<u8>>, bool)> = corpus
            .documents
            .par_iter()
            .map(|d| {
                let key = cache_key(d);
                let cached = store.get(key).map(|bytes| {
                    let mut r = Reader::new(bytes);
                    DocFacts::decode(&mut r).filter(|_| r.done())
                });
                match cached {
                    Some(Some(facts)) => (key, facts, None, false),
                    damaged => {
                        let facts = DocFacts::owned(analyze_document(d));
                        let mut w = Writer::default();
                        facts.encode(&mut w);
                        (key, facts, Some(w.buf), damaged.is_some())
                    }
                }
            })
            .collect();
        let damaged = found.iter().any(|f| f.3);
        let missed = found.iter().any(|f| f.2.is_some());
        let mut keys: Vec<u128> = found.iter().map(|f| f.0).collect();
        keys.sort_unstable();
        keys.dedup();
        let mut warning = damaged.then(|| "ignoring damaged entries of the cache".to_string());
        // Entries of documents no longer loaded are dropped on rewrite.
        if missed || keys.len() != store.len() {
            let mut seen = HashSet::default();
            let entries = found.iter().filter_map(|(key, _, fresh, _)| {
                let bytes = match fresh {
                    Some(b) => b.as_slice(),
                    None => store.get(*key)?,
                };
                seen.insert(*key).then_some((*key, bytes))
            });
            if let Err(e) = store.save(entries) {
                warning = Some(format!("could not write the cache: {e}"));
            }
        }
        let docs = found.into_iter().map(|f| f.1).collect();
        (Facts { docs }, warning)
    }
}

/// What a document's analysis is a function of: its text and its
/// sentence spans ([`analyze_document`] reads nothing else).
fn cache_key(d: &Document) -> u128 {
    let mut k = Key::default();
    k.bytes(d.text.as_bytes());
    for s in &d.sentences {
        k.u64(s.span.start as u64).u64(s.span.end as u64);
    }
    k.finish()
}

impl<'a> Facts<'a> {
    /// Leaves copies and chrome paragraphs out: their sentences are
    /// skipped, their figures and claims dropped.
    pub(super) fn restrict(&mut self, corpus: &Corpus, copies: &Copies, repeats: &Repeats) {
        for (d, (doc, f)) in corpus.documents.iter().zip(&mut self.docs).enumerate() {
            let copy = copies.is_copy(d);
            let skipped: Vec<bool> = doc
                .sentences
                .iter()
                .map(|s| copy || repeats.is_chrome(d, s.paragraph))
                .collect();
            if !skipped.contains(&true) {
                continue;
            }
            let skips = |s: usize| skipped.get(s).copied().unwrap_or(false);
            if f.figures.iter().any(|x| skips(x.sentence)) {
                f.figures = Cow::Owned(
                    f.figures
                        .iter()
                        .filter(|x| !skips(x.sentence))
                        .cloned()
                        .collect(),
                );
            }
            f.claims.retain(|c| !skips(c.sentence));
            f.skipped = skipped;
        }
    }

    /// Each document's figures, as the extractor read them.
    pub fn figures(&self) -> Vec<Vec<Figure>> {
        self.docs
            .iter()
            .map(|d| d.figures.iter().map(|f| f.figure.clone()).collect())
            .collect()
    }

    /// The facts of `analysis`, borrowing its figures (documents missing
    /// from it have none).
    pub fn of(corpus: &Corpus, analysis: &'a Analysis) -> Self {
        Facts {
            docs: (0..corpus.documents.len())
                .map(|d| {
                    analysis
                        .docs
                        .get(d)
                        .map_or_else(Default::default, DocFacts::borrowed)
                })
                .collect(),
        }
    }
}

#[derive(Default)]
pub(super) struct DocFacts<'a> {
    /// Sentences that take no part in the comparison (chrome, or the whole
    /// document when it is a copy); empty when none.
    pub(super) skipped: Vec<bool>,
    pub(super) figures: Cow<'a, [FoundFigure]>,
    /// The document's claims, sorted by sentence (one per sentence).
    pub(super) claims: Vec<ClaimFacts<'a>>,
    pub(super) quotes: Vec<QuoteFacts<'a>>,
}

/// A claim: a sentence with a figure, a quote or an attribution. Boxed
/// slices, not vectors: there are hundreds of thousands.
pub(super) struct ClaimFacts<'a> {
    pub(super) sentence: usize,
    pub(super) figure: bool,
    /// Every claimer of the sentence, in order, without repeats.
    pub(super) claimers: Box<[Cow<'a, str>]>,
    /// The main claimer: an index into `claimers`.
    pub(super) claimer: Option<usize>,
    /// Indices into the document's quotes: those in the sentence.
    pub(super) quotes: Box<[usize]>,
}

impl ClaimFacts<'_> {
    /// The kinds, as `analysis::Claim::kinds` lists them (a sentence is
    /// attributed exactly when it has a claimer).
    pub(super) fn kinds(&self) -> impl Iterator<Item = ClaimKind> + '_ {
        ClaimKind::ALL.into_iter().filter(|k| match k {
            ClaimKind::Figure => self.figure,
            ClaimKind::Quote => !self.quotes.is_empty(),
            ClaimKind::Attribution => !self.claimers.is_empty(),
        })
    }
}

pub(super) struct QuoteFacts<'a> {
    pub(super) text: Cow<'a, str>,
    pub(super) speaker: Option<Cow<'a, str>>,
}

impl<'a> DocFacts<'a> {
    /// Borrows the figures and the names and quotes of `a`.
    fn borrowed(a: &'a DocAnalysis) -> Self {
        let claims = a
            .claims
            .iter()
            .map(|c| {
                let claimers: Box<[Cow<str>]> = a
                    .attribution
                    .sentence_claimers(c.sentence)
                    .into_iter()
                    .map(|k| Cow::Borrowed(k.name.as_str()))
                    .collect();
                let claimer = c
                    .claimer
                    .as_ref()
                    .and_then(|k| claimers.iter().position(|n| *n == k.name));
                ClaimFacts {
                    sentence: c.sentence,
                    figure: c.kinds.contains(&ClaimKind::Figure),
                    claimers,
                    claimer,
                    quotes: c.quotes.as_slice().into(),
                }
            })
            .collect();
        let quotes = a
            .attribution
            .quotes
            .iter()
            .map(|q| QuoteFacts {
                text: Cow::Borrowed(&q.text),
                speaker: q.speaker.as_ref().map(|s| Cow::Borrowed(s.name.as_str())),
            })
            .collect();
        DocFacts {
            skipped: Vec::new(),
            figures: Cow::Borrowed(&a.figures),
            claims,
            quotes,
        }
    }

    /// Writes the facts of a freshly analyzed document (nothing skipped
    /// yet) for the cache.
    fn encode(&self, w: &mut Writer) {
        w.usize(self.figures.len());
        for f in self.figures.iter() {
            w.usize(f.sentence);
            encode_figure(&f.figure, w);
            w.opt(f.claimer.as_ref(), encode_claimer);
        }
        w.usize(self.claims.len());
        for c in &self.claims {
            w.usize(c.sentence);
            w.u8(u8::from(c.figure));
            w.usize(c.claimers.len());
            for n in c.claimers.iter() {
                w.str(n);
            }
            w.opt(c.claimer, Writer::usize);
            w.usize(c.quotes.len());
            for &q in c.quotes.iter() {
                w.usize(q);
            }
        }
        w.usize(self.quotes.len());
        for q in &self.quotes {
            w.str(&q.text);
            w.opt(q.speaker.as_deref(), Writer::str);
        }
    }

    /// Whether `sentence` is left out of the comparison.
    pub(super) fn skips(&self, sentence: usize) -> bool {
        self.skipped.get(sentence).copied().unwrap_or(false)
    }

    /// The claim of `sentence`, if it is one.
    pub(super) fn claim(&self, sentence: usize) -> Option<&ClaimFacts<'a>> {
        self.claims
            .binary_search_by_key(&sentence, |c| c.sentence)
            .ok()
            .map(|i| &self.claims[i])
    }
}

impl DocFacts<'static> {
    /// What [`DocFacts::encode`] wrote; None for anything else. Counts are
    /// checked against the bytes left before anything is reserved, so a
    /// damaged count cannot ask for more memory than the entry's size.
    fn decode(r: &mut Reader) -> Option<Self> {
        let count = |r: &mut Reader| r.usize().filter(|&n| n <= r.left());
        let own = |s: &str| Cow::Owned(s.to_string());
        let figures = (0..count(r)?)
            .map(|_| {
                Some(FoundFigure {
                    sentence: r.usize()?,
                    figure: decode_figure(r)?,
                    claimer: r.opt(decode_claimer)?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let claims = (0..count(r)?)
            .map(|_| {
                Some(ClaimFacts {
                    sentence: r.usize()?,
                    figure: r.bool()?,
                    claimers: (0..count(r)?)
                        .map(|_| r.str().map(own))
                        .collect::<Option<_>>()?,
                    claimer: r.opt(Reader::usize)?,
                    quotes: (0..count(r)?).map(|_| r.usize()).collect::<Option<_>>()?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let quotes = (0..count(r)?)
            .map(|_| {
                Some(QuoteFacts {
                    text: own(r.str()?),
                    speaker: r.opt(|r| r.str().map(own))?,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        Some(DocFacts {
            skipped: Vec::new(),
            figures: Cow::Owned(figures),
            claims,
            quotes,
        })
    }

    /// The facts of `a`, which is freed.
    fn owned(a: DocAnalysis) -> Self {
        let own = |s: Cow<str>| Cow::Owned(s.into_owned());
        let DocFacts { claims, quotes, .. } = DocFacts::borrowed(&a);
        let claims = claims
            .into_iter()
            .map(|c| ClaimFacts {
                claimers: c.claimers.into_iter().map(own).collect(),
                ..c
            })
            .collect();
        let quotes = quotes
            .into_iter()
            .map(|q| QuoteFacts {
                text: own(q.text),
                speaker: q.speaker.map(own),
            })
            .collect();
        DocFacts {
            skipped: Vec::new(),
            figures: Cow::Owned(a.figures),
            claims,
            quotes,
        }
    }
}

fn encode_figure(f: &Figure, w: &mut Writer) {
    w.usize(f.span.start);
    w.usize(f.span.end);
    w.str(&f.text);
    w.f64(f.value);
    w.opt(f.low, Writer::f64);
    w.opt(f.high, Writer::f64);
    // Every qualifier is named: a new one must be given a number here.
    w.u8(match f.qualifier {
        Qualifier::Exact => 0,
        Qualifier::Approximate => 1,
        Qualifier::AtLeast => 2,
        Qualifier::MoreThan => 3,
        Qualifier::AtMost => 4,
        Qualifier::LessThan => 5,
        Qualifier::UpTo => 6,
        Qualifier::Range => 7,
        Qualifier::Vague => 8,
    });
    w.opt(f.unit.as_deref(), Writer::str);
    w.str(&f.measure);
    w.opt(f.subject.as_deref(), Writer::str);
    w.u8(u8::from(f.derived));
    w.u8(match f.direction {
        None => 0,
        Some(Direction::Up) => 1,
        Some(Direction::Down) => 2,
    });
}

fn decode_figure(r: &mut Reader) -> Option<Figure> {
    let owned = |r: &mut Reader| r.str().map(str::to_string);
    Some(Figure {
        span: r.usize()?..r.usize()?,
        text: owned(r)?,
        value: r.f64()?,
        low: r.opt(Reader::f64)?,
        high: r.opt(Reader::f64)?,
        qualifier: match r.u8()? {
            0 => Qualifier::Exact,
            1 => Qualifier::Approximate,
            2 => Qualifier::AtLeast,
            3 => Qualifier::MoreThan,
            4 => Qualifier::AtMost,
            5 => Qualifier::LessThan,
            6 => Qualifier::UpTo,
            7 => Qualifier::Range,
            8 => Qualifier::Vague,
            _ => return None,
        },
        unit: r.opt(owned)?,
        measure: owned(r)?,
        subject: r.opt(owned)?,
        derived: r.bool()?,
        direction: match r.u8()? {
            0 => None,
            1 => Some(Direction::Up),
            2 => Some(Direction::Down),
            _ => return None,
        },
    })
}

fn encode_claimer(w: &mut Writer, c: &Claimer) {
    w.str(&c.name);
    w.opt(c.role.as_deref(), Writer::str);
    w.u8(match c.kind {
        ClaimerKind::Person => 0,
        ClaimerKind::Organisation => 1,
        ClaimerKind::Government => 2,
        ClaimerKind::Report => 3,
    });
}

fn decode_claimer(r: &mut Reader) -> Option<Claimer> {
    Some(Claimer {
        name: r.str()?.to_string(),
        role: r.opt(|r| r.str().map(str::to_string))?,
        kind: match r.u8()? {
            0 => ClaimerKind::Person,
            1 => ClaimerKind::Organisation,
            2 => ClaimerKind::Government,
            3 => ClaimerKind::Report,
            _ => return None,
        },
    })
}

//! Repeated paragraphs: text a site prints on every page (newsletter boxes,
//! "Click here for a photo gallery", a station's tagline, the wire's
//! "This material may not be published, broadcast, rewritten or
//! redistributed") that the boilerplate patterns did not catch. A paragraph
//! whose text (letters and digits, case folded) stands in
//! [`SAME_OUTLET_DOCS`] documents of one outlet, or in [`ANY_DOCS`]
//! documents, is chrome: it tells nothing of the event and is no statement
//! outlets share; its figures and sentences are left out. A paragraph that
//! one outlet prints twice is *repeated*: it may be background a site reuses
//! in a follow-up, so it keeps its figures, but it does not tell two stories
//! apart or together. Copies count once, so a story run by five outlets is
//! not its own chrome.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::text::folded_hash;

use super::copies::Copies;
use crate::corpus::Corpus;

/// Documents of one outlet that print a paragraph for it to be chrome (two
/// would catch background paragraphs a site reuses in its follow-ups).
const SAME_OUTLET_DOCS: usize = 3;
/// Documents of any outlets that print a paragraph for it to be chrome.
const ANY_DOCS: usize = 5;

/// How often a paragraph's text is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Printed {
    Once,
    /// Twice by one outlet.
    Repeated,
    Chrome,
}

/// Per document, per paragraph, how often its text is printed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Repeats {
    printed: Vec<Vec<Printed>>,
}

impl Repeats {
    fn printed(&self, d: usize, p: usize) -> Printed {
        self.printed
            .get(d)
            .and_then(|c| c.get(p))
            .copied()
            .unwrap_or(Printed::Once)
    }

    /// Whether paragraph `p` of document `d` is chrome.
    pub(crate) fn is_chrome(&self, d: usize, p: usize) -> bool {
        self.printed(d, p) == Printed::Chrome
    }

    /// Whether paragraph `p` of document `d` is chrome or printed twice by
    /// its outlet.
    pub(crate) fn is_repeated(&self, d: usize, p: usize) -> bool {
        self.printed(d, p) >= Printed::Repeated
    }

    pub(crate) fn find(corpus: &Corpus, copies: &Copies) -> Repeats {
        let keys: Vec<Vec<u64>> = corpus
            .documents
            .par_iter()
            .map(|doc| {
                doc.paragraphs
                    .iter()
                    .map(|p| folded_hash(doc.text.get(p.span.clone()).unwrap_or("")).0)
                    .collect()
            })
            .collect();
        // Outlets as numbers; 0 is none.
        let mut outlet_ids: HashMap<&str, u32> = HashMap::default();
        let outlet: Vec<u32> = corpus
            .documents
            .iter()
            .map(|doc| match doc.outlet.as_deref() {
                Some(o) => {
                    let next = outlet_ids.len() as u32 + 1;
                    *outlet_ids.entry(o).or_insert(next)
                }
                None => 0,
            })
            .collect();
        // Each paragraph text with the originals that print it, once each;
        // then per text, how many print it, and how many of each outlet.
        let origin = |d: usize| copies.origin.get(d).copied().unwrap_or(d);
        let mut printed_by: Vec<(u64, usize)> = keys
            .iter()
            .enumerate()
            .flat_map(|(d, ks)| ks.iter().map(move |&k| (k, origin(d))))
            .collect();
        printed_by.sort_unstable();
        printed_by.dedup();
        let mut docs: HashMap<u64, usize> = HashMap::default();
        let mut by_outlet: HashMap<(u64, u32), usize> = HashMap::default();
        for &(k, o) in &printed_by {
            *docs.entry(k).or_default() += 1;
            if outlet[o] != 0 {
                *by_outlet.entry((k, outlet[o])).or_default() += 1;
            }
        }
        drop(printed_by);
        let printed = keys
            .iter()
            .enumerate()
            .map(|(d, ks)| {
                ks.iter()
                    .map(|&k| {
                        let n = docs.get(&k).copied().unwrap_or(0);
                        let of_outlet = by_outlet.get(&(k, outlet[d])).copied().unwrap_or(0);
                        if n >= ANY_DOCS || of_outlet >= SAME_OUTLET_DOCS {
                            Printed::Chrome
                        } else if of_outlet >= 2 {
                            Printed::Repeated
                        } else {
                            Printed::Once
                        }
                    })
                    .collect()
            })
            .collect();
        Repeats { printed }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_named;

    #[test]
    fn a_line_every_page_prints_is_chrome_and_an_article_line_is_not() {
        let tagline = "Stay with Channel 9 for updates on this story.";
        let docs: Vec<(String, String)> = (0..5)
            .map(|i| {
                (
                    format!("{i}.txt"),
                    format!(
                        "Story {i}\n\nA different report number {i} about event {i} with its \
                         own words.\n\n{tagline}\n"
                    ),
                )
            })
            .collect();
        let loaded = load_named(docs.iter().map(|(n, t)| (n.as_str(), t.as_bytes())));
        let corpus = Corpus {
            documents: loaded.documents,
        };
        let r = Repeats::find(&corpus, &Copies::none(5));
        for (d, doc) in corpus.documents.iter().enumerate() {
            let texts: Vec<(&str, bool)> = doc
                .paragraphs
                .iter()
                .enumerate()
                .map(|(p, para)| (&doc.text[para.span.clone()], r.is_chrome(d, p)))
                .collect();
            assert!(texts.contains(&(tagline, true)), "{texts:?}");
            assert!(
                texts
                    .iter()
                    .any(|(t, c)| t.starts_with("A different") && !c)
            );
        }
        // Copies count once: the same five pages as copies of one are no chrome.
        let r = Repeats::find(&corpus, &Copies { origin: vec![0; 5] });
        assert!(!r.is_chrome(0, 1) && !r.is_chrome(3, 1));
    }
}

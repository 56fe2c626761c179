//! Copies: one article loaded more than once — the same page under two
//! URLs (tracking parameters, `www.`, `amp`), or the same text run by
//! several outlets (wire copy, partner stations). A copy is never an
//! independent source: only its origin takes part in the comparison, and
//! the origin lists where else it ran.
//!
//! Two documents are copies when their canonical URLs are equal, or when
//! most of the shorter one's text ([`MIN_CONTAINMENT`]) lies in sentences
//! the other has word for word. Each sentence weighs its length divided by
//! the number of documents that print it, so the chrome a site prints on
//! every page (a login wall, a comment policy) weighs little and two pages
//! of one site are not copies for sharing it. Candidates are the documents
//! that share a sentence few others print, so the work grows with the
//! corpus, not with its square.

use rayon::prelude::*;
use rustc_hash::FxHashMap as HashMap;

use super::text::folded_hash;

use crate::corpus::Corpus;

/// Share of the shorter text (by weight) that the longer must print.
const MIN_CONTAINMENT: f64 = 0.6;
/// Sentences shorter than this (letters and digits) say too little to
/// match on.
const MIN_SENTENCE: usize = 20;
/// A document needs this many such sentences to be matched by its text.
const MIN_SENTENCES: usize = 2;
/// Sentences printed by more documents are chrome, not a sign of a copy
/// (they still count in a document's weight).
const MAX_POSTINGS: usize = 16;

/// Which document each document is a copy of.
#[derive(Debug, Clone, Default)]
pub(crate) struct Copies {
    /// `origin[d] == d` for an original.
    pub(crate) origin: Vec<usize>,
}

impl Copies {
    /// No document is a copy.
    #[cfg(test)]
    pub(crate) fn none(n: usize) -> Copies {
        Copies {
            origin: (0..n).collect(),
        }
    }

    pub(crate) fn is_copy(&self, d: usize) -> bool {
        self.origin.get(d).is_some_and(|&o| o != d)
    }

    /// The copies of `d`, in corpus order.
    pub(crate) fn copies_of(&self, d: usize) -> impl Iterator<Item = usize> + '_ {
        self.origin
            .iter()
            .enumerate()
            .filter(move |&(c, &o)| o == d && c != d)
            .map(|(c, _)| c)
    }

    /// Finds the copies of `corpus`. The origin of a set of copies is its
    /// earliest dated document, else its first.
    pub(crate) fn find(corpus: &Corpus) -> Copies {
        let n = corpus.documents.len();
        let mut dsu: Vec<usize> = (0..n).collect();
        let mut by_url: HashMap<String, usize> = HashMap::default();
        for (d, doc) in corpus.documents.iter().enumerate() {
            if let Some(u) = doc.url.as_deref().and_then(canonical_url) {
                let first = *by_url.entry(u).or_insert(d);
                union(&mut dsu, first, d);
            }
        }
        let keys: Vec<Vec<(u64, usize)>> = corpus.documents.par_iter().map(sentence_keys).collect();
        let mut printed_by: HashMap<u64, Vec<usize>> = HashMap::default();
        for (d, ks) in keys.iter().enumerate() {
            for &(k, _) in ks {
                let docs = printed_by.entry(k).or_default();
                if docs.last() != Some(&d) {
                    docs.push(d);
                }
            }
        }
        let weight = |k: u64, len: usize| len as f64 / printed_by[&k].len() as f64;
        let totals: Vec<f64> = keys
            .iter()
            .map(|ks| ks.iter().map(|&(k, len)| weight(k, len)).sum())
            .collect();
        let mut shared: HashMap<usize, f64> = HashMap::default();
        for (d, ks) in keys.iter().enumerate() {
            if ks.len() < MIN_SENTENCES {
                continue;
            }
            shared.clear();
            for &(k, len) in ks {
                let docs = &printed_by[&k];
                if docs.len() > MAX_POSTINGS {
                    continue;
                }
                for &o in docs.iter().filter(|&&o| o > d) {
                    *shared.entry(o).or_default() += weight(k, len);
                }
            }
            for (&o, &w) in &shared {
                let shorter = totals[d].min(totals[o]);
                if keys[o].len() >= MIN_SENTENCES && w >= MIN_CONTAINMENT * shorter {
                    union(&mut dsu, d, o);
                }
            }
        }
        // The origin of each set: earliest date, then corpus order.
        let days = corpus.publication_days();
        let mut best: HashMap<usize, usize> = HashMap::default();
        for d in 0..n {
            let root = find(&mut dsu, d);
            let b = best.entry(root).or_insert(d);
            let key = |x: usize| (days[x].unwrap_or(i64::MAX), x);
            if key(d) < key(*b) {
                *b = d;
            }
        }
        let origin = (0..n).map(|d| best[&find(&mut dsu, d)]).collect();
        Copies { origin }
    }
}

fn find(dsu: &mut [usize], mut i: usize) -> usize {
    while dsu[i] != i {
        dsu[i] = dsu[dsu[i]];
        i = dsu[i];
    }
    i
}

fn union(dsu: &mut [usize], a: usize, b: usize) {
    let (a, b) = (find(dsu, a), find(dsu, b));
    if a != b {
        dsu[a.max(b)] = a.min(b);
    }
}

/// Query parameters that track a reader, not name a page.
fn tracking(param: &str) -> bool {
    let name = param.split('=').next().unwrap_or("").to_ascii_lowercase();
    name.starts_with("utm_")
        || matches!(
            name.as_str(),
            "fbclid"
                | "gclid"
                | "dclid"
                | "msclkid"
                | "mc_cid"
                | "mc_eid"
                | "ref"
                | "ref_src"
                | "referrer"
                | "cmpid"
                | "cmp"
                | "ncid"
                | "ocid"
                | "smid"
                | "sr_share"
                | "share"
                | "src"
                | "source"
                | "via"
                | "igshid"
                | "output"
                | "amp"
                | "outputtype"
                | "partner"
                | "rss"
                | "feed"
                | "_ga"
        )
}

/// "https://www.example.com/news/a-b/?utm_source=x#top" and
/// "http://example.com/news/a-b" are one page: scheme, `www.`/`m.`/`amp.`,
/// an `/amp` ending, a trailing slash, the fragment and tracking
/// parameters dropped; host lowercased. None for text that is no URL.
pub(crate) fn canonical_url(url: &str) -> Option<String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .or_else(|| url.strip_prefix("//"))?;
    let rest = rest.split('#').next().unwrap_or(rest);
    let (path_part, query) = match rest.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (rest, None),
    };
    let (host, path) = match path_part.find('/') {
        Some(i) => (&path_part[..i], &path_part[i..]),
        None => (path_part, ""),
    };
    let mut host = host.to_ascii_lowercase();
    for prefix in ["www.", "m.", "amp.", "mobile."] {
        if let Some(h) = host.strip_prefix(prefix) {
            host = h.to_string();
        }
    }
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    let mut path = path.trim_end_matches('/');
    for amp in ["/amp", ".amp"] {
        if let Some(p) = path.strip_suffix(amp) {
            path = p.trim_end_matches('/');
        }
    }
    let mut out = format!("{host}{path}");
    if let Some(q) = query {
        let mut kept: Vec<&str> = q
            .split('&')
            .filter(|p| !p.is_empty() && !tracking(p))
            .collect();
        kept.sort_unstable();
        if !kept.is_empty() {
            out.push('?');
            out.push_str(&kept.join("&"));
        }
    }
    Some(out)
}

/// Each sentence's text (letters and digits, case folded) hashed, with its
/// length; one entry per distinct sentence, short ones left out.
fn sentence_keys(doc: &crate::Document) -> Vec<(u64, usize)> {
    let mut out: Vec<(u64, usize)> = (0..doc.sentences.len())
        .map(|s| folded_hash(doc.sentence_text(s)))
        .filter(|&(_, len)| len >= MIN_SENTENCE)
        .collect();
    out.sort_unstable();
    out.dedup_by_key(|k| k.0);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_named;

    #[test]
    fn tracking_parameters_fragments_and_www_do_not_make_another_page() {
        let a = canonical_url("https://www.example.com/news/fire-kills-3/?utm_source=tw&id=7#top");
        let b = canonical_url("http://example.com/news/fire-kills-3?id=7&fbclid=abc");
        let c = canonical_url("https://example.com/news/fire-kills-3/amp");
        assert_eq!(a.as_deref(), Some("example.com/news/fire-kills-3?id=7"));
        assert_eq!(a, b);
        assert_eq!(
            c.as_deref(),
            Some("example.com/news/fire-kills-3"),
            "an AMP page is the page"
        );
        assert_ne!(
            a,
            canonical_url("https://example.com/news/fire-kills-3?id=8")
        );
        assert_eq!(canonical_url("not a url"), None);
    }

    fn corpus(files: &[(&str, &str)]) -> Corpus {
        let loaded = load_named(files.iter().map(|(n, t)| (*n, t.as_bytes())));
        Corpus {
            documents: loaded.documents,
        }
    }

    const STORY: &str = "Fire crews fought a blaze at the Elm Street warehouse for six hours on \
        Tuesday night. The fire chief said three workers were taken to hospital with burns and \
        that the cause of the fire was still under investigation. Neighbours said they heard \
        two loud explosions before the roof collapsed onto the loading bay.";

    #[test]
    fn the_same_story_run_by_two_outlets_is_one_origin() {
        let wire = format!("Warehouse fire\n\n{STORY}\n");
        let partner =
            format!("Warehouse blaze injures three\n\n{STORY} Stay with Channel 5 for updates.\n");
        let other = "Council vote\n\nThe city council voted on Tuesday to raise parking fees \
            for the first time in a decade, a change that the mayor said would pay for road \
            repairs across the northern districts over the next four years.\n";
        let c = corpus(&[("a.txt", &wire), ("b.txt", &partner), ("c.txt", other)]);
        let copies = Copies::find(&c);
        assert_eq!(copies.origin, vec![0, 0, 2]);
        assert!(copies.is_copy(1));
        assert_eq!(copies.copies_of(0).collect::<Vec<_>>(), vec![1]);
    }

    #[test]
    fn two_reports_of_one_event_in_their_own_words_are_not_copies() {
        let a = format!("Warehouse fire\n\n{STORY}\n");
        let b = "Three hurt in warehouse blaze\n\nThree workers suffered burns when a warehouse \
            on Elm Street caught fire on Tuesday, the fire chief said. Firefighters needed six \
            hours to put the fire out; residents reported two explosions shortly before the \
            roof fell in. Investigators have not yet said what started it.\n";
        let c = corpus(&[("a.txt", &a), ("b.txt", b)]);
        assert_eq!(Copies::find(&c).origin, vec![0, 1]);
    }
}

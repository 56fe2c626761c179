//! Coverage: which statement groups each source takes part in, and the
//! claims no other source was found to report.

use rustc_hash::FxHashSet as HashSet;

use super::facts::Facts;
use super::stories::Stories;
use super::{Coverage, ExclusiveClaim, SourceCoverage, StatementGroup, Strings};
use crate::corpus::{Corpus, SentenceId};
use crate::document::ParagraphKind;

/// The coverage of every document of `corpus`, given its statement groups.
pub(super) fn coverage(
    corpus: &Corpus,
    facts: &Facts,
    statements: &[StatementGroup],
    stories: &Stories,
    strings: &mut Strings,
) -> Coverage {
    let aligned: HashSet<SentenceId> = statements
        .iter()
        .flat_map(|g| g.entries.iter().map(|e| e.id))
        .collect();
    let mut in_groups: Vec<Vec<usize>> = vec![Vec::new(); corpus.documents.len()];
    for (i, g) in statements.iter().enumerate() {
        for e in &g.entries {
            if let Some(v) = in_groups.get_mut(e.id.doc)
                && v.last() != Some(&i)
            {
                v.push(i);
            }
        }
    }
    // Counted first, so the list is allocated once at its size.
    let count: usize = corpus
        .documents
        .iter()
        .zip(&facts.docs)
        .enumerate()
        .map(|(d, (doc, a))| {
            a.claims
                .iter()
                .filter(|c| {
                    let id = SentenceId {
                        doc: d,
                        sentence: c.sentence,
                    };
                    !aligned.contains(&id) && c.sentence < doc.sentences.len()
                })
                .count()
        })
        .sum();
    let mut sources = Vec::with_capacity(corpus.documents.len());
    let mut exclusive = Vec::with_capacity(count);
    for (d, (doc, in_groups)) in corpus.documents.iter().zip(in_groups).enumerate() {
        let before = exclusive.len();
        let names = strings.doc(corpus, d);
        if let Some(a) = facts.docs.get(d) {
            for c in &a.claims {
                let id = SentenceId {
                    doc: d,
                    sentence: c.sentence,
                };
                if aligned.contains(&id) || c.sentence >= doc.sentences.len() {
                    continue;
                }
                let s = &doc.sentences[c.sentence];
                exclusive.push(ExclusiveClaim {
                    id,
                    source: names.source.clone(),
                    outlet: names.outlet.clone(),
                    display: names.display.clone(),
                    title: names.title.clone(),
                    date: names.date.clone(),
                    url: names.url.clone(),
                    also_at: names.also_at.clone(),
                    line: s.line,
                    sentence: strings.sentence(d, doc, c.sentence),
                    claimer: c.claimer.map(|i| strings.name(&c.claimers[i])),
                    kinds: c.kinds().collect(),
                    caption: s.kind == ParagraphKind::Caption,
                });
            }
        }
        sources.push(SourceCoverage {
            source: names.source.to_string(),
            outlet: names.outlet.as_deref().map(str::to_string),
            display: names.display.to_string(),
            copy_of: copy_of(corpus, strings, d),
            also_at: names.also_at.iter().map(|s| s.to_string()).collect(),
            story: stories.doc_story.get(d).copied().unwrap_or(0),
            statements: in_groups,
            exclusive: exclusive.len() - before,
        });
    }
    Coverage { sources, exclusive }
}

/// The source document `d` is a copy of, if it is one.
fn copy_of(corpus: &Corpus, strings: &Strings, d: usize) -> Option<String> {
    let o = strings.origin(d);
    (o != d).then(|| corpus.documents.get(o).map(|o| o.source.clone()))?
}

use super::*;
use crate::analysis::analyze;

#[test]
#[ignore]
fn debug_pairs() {
    let corpus = Corpus::seeds();
    let analysis = analyze(&corpus);
    let feats = statements::features(&corpus, &analysis, &lexicon::LEXICON);
    let want = std::env::var("PAIRS").unwrap_or_default();
    let sel: Vec<usize> = (0..feats.len())
        .filter(|&i| {
            let t = corpus.sentence_text(feats[i].id);
            want.split('|').any(|w| t.contains(w))
        })
        .collect();
    for &i in &sel {
        for &j in &sel {
            if i < j {
                let (a, b) = (&feats[i], &feats[j]);
                println!(
                    "{:?} {:?} cos={:.3} score={:.3}",
                    a.id,
                    b.id,
                    statements::cosine(&a.terms, &b.terms),
                    statements::score(a, b)
                );
            }
        }
    }
}

//! Property tests: the loader, the cleaner and the segmenter never panic and
//! keep their invariants on arbitrary input.

use crosscheck::load;
use crosscheck::sanitize::sanitize;
use crosscheck::segment;
use proptest::prelude::*;

/// Text shaped like news, so the interesting branches run often.
fn newsy() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        r#"([A-Z][a-z]{0,8}|[a-z]{1,8}|U\.S\.|Nov\. 6|Mr\.|a\.m\.|10,000|1\.5|“|”|"|'|’|\(|\)|\[|\]|…|\.\.\.|[.!?,;:—-]|\n|\n\n| |\u{1b}\[2J|\u{1b}\]0;x\u{7}|\u{202e}|\u{9b}|\u{a0}|é|北|👍🏽){0,120}"#,
    )
    .unwrap()
}

fn check_document(d: &crosscheck::Document) {
    let text = &d.text;
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "control char in {text:?}"
    );
    let mut prev_end = 0;
    for s in &d.sentences {
        assert!(s.span.start < s.span.end && s.span.end <= text.len());
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert!(s.span.start >= prev_end, "sentences overlap");
        assert!(s.line >= 1);
        let p = &d.paragraphs[s.paragraph];
        assert!(p.span.start <= s.span.start && s.span.end <= p.span.end);
        prev_end = s.span.end;
    }
}

fn is_dangerous(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn loader_never_panics_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "noext"] {
            let loaded = load::load_named([(name, bytes.as_slice())]);
            for d in &loaded.documents {
                check_document(d);
            }
        }
    }

    #[test]
    fn loader_keeps_invariants_on_newsy_text(text in newsy()) {
        for name in ["a.txt", "a.md"] {
            let loaded = load::load_named([(name, text.as_bytes())]);
            for d in &loaded.documents {
                check_document(d);
            }
        }
        let record = serde_json::json!({"title": text, "text": text, "source": text, "url": text}).to_string();
        for d in &load::load_named([("r.json", record.as_bytes())]).documents {
            check_document(d);
        }
    }

    #[test]
    fn segmentation_covers_every_word_once(text in newsy()) {
        let spans = segment::sentences(&text, 0..text.len());
        let mut covered = vec![false; text.len()];
        let mut prev_end = 0;
        for s in &spans {
            prop_assert!(s.start < s.end && s.end <= text.len());
            prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
            prop_assert!(s.start >= prev_end);
            prop_assert_eq!(text[s.clone()].trim(), &text[s.clone()]);
            covered[s.clone()].iter_mut().for_each(|c| *c = true);
            prev_end = s.end;
        }
        for (i, c) in text.char_indices() {
            if !c.is_whitespace() {
                prop_assert!(covered[i], "{:?} at {} not in any sentence of {:?}", c, i, text);
            }
        }
    }

    #[test]
    fn sanitize_leaves_nothing_a_terminal_acts_on(text in any::<String>()) {
        let clean = sanitize(&text);
        let bad = clean.chars().find(|&c| is_dangerous(c));
        prop_assert!(bad.is_none(), "{:?} survived in {:?}", bad, clean);
    }
}

// ------------------------------------------------------------- extraction

/// Text shaped like figures and attributions, so the extractors' branches
/// run: hedges, scales, units, products, number words, claimers, quotes.
fn reporty() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        r#"(said|says|told KBS|according to|, saying|he|she|they|Zelensky|the Pentagon|Defense Minister Rustem Umerov|officials|intelligence assessments|more than|at least|up to|about|an estimated|some|nearly|between|and|to|of|each|units|troops|soldiers|killed|injured|km|kilometers|miles|-kilometer|%|percent|\$|£|bn|million|thousand|thousands|hundreds|dozens|five|eleven|twenty-one|half|two-thirds|a third|35-year-old|1,500|10,000|3,000|12\.5|1e400|99999999999999999999999999|0|-|–|/|½|\d{1,4}|“|”|"|'|’|:|,|\.|\(|\)|\n| ){0,80}"#,
    )
    .unwrap()
}

fn check_figures(sentence: &str) {
    for f in crosscheck::figures::extract_figures(sentence) {
        assert!(
            f.span.start <= f.span.end && f.span.end <= sentence.len(),
            "figure span {:?} outside {sentence:?}",
            f.span
        );
        assert!(sentence.is_char_boundary(f.span.start) && sentence.is_char_boundary(f.span.end));
        if let (Some(lo), Some(hi)) = (f.low, f.high) {
            assert!(
                lo <= hi,
                "interval {lo}..{hi} of {:?} in {sentence:?}",
                f.text
            );
        }
    }
}

fn check_analysis(d: &crosscheck::Document) {
    let spans: Vec<_> = d.sentences.iter().map(|s| s.span.clone()).collect();
    let att = crosscheck::attribution::analyze(&d.text, &spans);
    assert_eq!(att.sentences.len(), spans.len());
    for (span, atts) in spans.iter().zip(&att.sentences) {
        let sentence = &d.text[span.clone()];
        for a in atts {
            for r in [&a.span, &a.cue, &a.mention] {
                assert!(
                    r.start <= r.end && r.end <= sentence.len(),
                    "attribution span {r:?} outside {sentence:?}"
                );
                assert!(sentence.is_char_boundary(r.start) && sentence.is_char_boundary(r.end));
            }
        }
    }
    for q in &att.quotes {
        assert!(q.span.start <= q.span.end && q.span.end <= d.text.len());
        assert!(d.text.is_char_boundary(q.span.start) && d.text.is_char_boundary(q.span.end));
        assert!(q.first_sentence <= q.last_sentence && q.last_sentence < spans.len());
    }
    let analysis = crosscheck::analysis::analyze_document(d);
    for f in &analysis.figures {
        let sentence = &d.sentences[f.sentence].span;
        let span = f.doc_span(d);
        assert!(
            sentence.start <= span.start && span.end <= sentence.end,
            "figure {:?} outside its sentence",
            f.figure.text
        );
    }
    for c in &analysis.claims {
        assert!(c.sentence < spans.len());
        assert!(c.quotes.iter().all(|&q| q < att.quotes.len()));
        assert!(c.figures.iter().all(|&f| f < analysis.figures.len()));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn figures_never_panic_and_spans_lie_in_the_sentence(s in any::<String>()) {
        check_figures(&s);
    }

    #[test]
    fn figures_on_reporty_text(s in reporty()) {
        check_figures(&s);
    }

    #[test]
    fn attribution_and_analysis_spans_lie_in_the_text(text in reporty(), news in newsy()) {
        for raw in [&text, &news, &format!("{news} {text}")] {
            for d in &load::load_named([("a.txt", raw.as_bytes())]).documents {
                check_analysis(d);
            }
        }
    }

    #[test]
    fn analysis_of_arbitrary_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..1024)) {
        for d in &load::load_named([("a.txt", bytes.as_slice())]).documents {
            check_analysis(d);
        }
    }
}

/// A sentence full of figures, hedges and claimers, with random numbers.
fn figure_sentence() -> impl Strategy<Value = String> {
    let hedges = prop::sample::select(vec![
        "",
        "more than ",
        "at least ",
        "up to ",
        "about ",
        "an estimated ",
        "nearly ",
        "fewer than ",
        "between 2 and ",
        "thousands of",
        "dozens of",
    ]);
    let heads = prop::sample::select(vec![
        "troops",
        "soldiers",
        "people",
        "civilians were killed",
        "km",
        "miles",
        "days",
        "percent",
        "units",
        "homes",
        "dollars",
        "year-old",
    ]);
    let who = prop::sample::select(vec![
        "officials said",
        "the ministry said",
        "according to Reuters",
        "Zelensky told KBS",
        "he added",
        "",
    ]);
    (hedges, 0u32..2_000_000, heads, who, any::<bool>()).prop_map(|(h, n, head, who, dash)| {
        let number = if dash {
            format!("{n}-{}", n / 2 + 1)
        } else {
            n.to_string()
        };
        format!("“{h}{number} {head} were deployed near the border,” {who}.")
    })
}

fn figure_corpus() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(prop_oneof![figure_sentence(), newsy()], 1..8).prop_map(|s| {
            format!(
                "Troops Deployed Near The Border\n\nKYIV (Reuters) — {}",
                s.join(" ")
            )
        }),
        0..6,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn comparison_never_panics_and_points_at_real_sentences(docs in figure_corpus()) {
        let names: Vec<String> = (0..docs.len()).map(|i| format!("d{i}.txt")).collect();
        let loaded = load::load_named(names.iter().map(String::as_str).zip(docs.iter().map(|d| d.as_bytes())));
        let corpus = crosscheck::Corpus { documents: loaded.documents };
        let analysis = crosscheck::analysis::analyze(&corpus);
        let cmp = crosscheck::compare::compare(&corpus, &analysis);
        for g in &cmp.figures {
            prop_assert!(!g.entries.is_empty());
            for e in &g.entries {
                prop_assert!(e.id.doc < corpus.documents.len());
                prop_assert!(e.id.sentence < corpus.documents[e.id.doc].sentences.len());
                prop_assert!(e.base_low.unwrap_or(f64::NEG_INFINITY) <= e.base_high.unwrap_or(f64::INFINITY));
            }
        }
        for s in &cmp.statements {
            prop_assert!(s.entries.len() >= 2);
            for d in &s.diffs {
                prop_assert!(d.a < s.entries.len() && d.b < s.entries.len());
            }
        }
        prop_assert_eq!(cmp.coverage.sources.len(), corpus.documents.len());
    }
}

//! Acceptance tests of the cross-source comparison on the five seeds and on
//! small corpora written here.

use crosscheck::Corpus;
use crosscheck::analysis::analyze;
use crosscheck::compare::{
    Comparison, DiffKind, FigureGroup, Op, StatementGroup, Verdict, compare,
};
use crosscheck::figures::Qualifier;
use crosscheck::load::load_named;

fn seeds() -> Comparison {
    let corpus = Corpus::seeds();
    compare(&corpus, &analyze(&corpus))
}

fn corpus_of(files: &[(&str, &str)]) -> Comparison {
    let loaded = load_named(files.iter().map(|(n, t)| (*n, t.as_bytes())));
    let corpus = Corpus {
        documents: loaded.documents,
    };
    compare(&corpus, &analyze(&corpus))
}

fn groups_with<'c>(c: &'c Comparison, value: f64, measure: &str) -> Vec<&'c FigureGroup> {
    c.figures
        .iter()
        .filter(|g| {
            g.measure == measure
                && g.entries
                    .iter()
                    .any(|e| !e.vague && (e.base_value - value).abs() < 1e-6)
        })
        .collect()
}

fn statement_with<'c>(c: &'c Comparison, needle: &str) -> &'c StatementGroup {
    c.statements
        .iter()
        .find(|g| g.entries.iter().any(|e| e.sentence.contains(needle)))
        .unwrap_or_else(|| panic!("no aligned statement has {needle:?}"))
}

#[test]
fn one_troops_group_holds_every_total_and_conflicts() {
    let c = seeds();
    let g = groups_with(&c, 10_000.0, "troops");
    assert_eq!(g.len(), 1, "10,000 troops in more than one group");
    let g = g[0];
    for v in [11_000.0, 12_000.0, 15_000.0] {
        let found = groups_with(&c, v, "troops");
        assert!(
            found.iter().any(|h| std::ptr::eq(*h, g)),
            "{v} is not in the troops group"
        );
    }
    assert_eq!(g.verdict, Verdict::Conflict);
    assert_eq!(g.subject.as_deref(), Some("North Korean"));
    assert_eq!(g.label, "North Korean troops");
    assert_eq!(g.sources, 5);
    let spread = g.spread.unwrap();
    assert_eq!((spread.low, spread.high), (10_000.0, 15_000.0));
    // Who holds which value, with the hedge.
    let holders = |v: f64| g.values.iter().find(|h| h.value == v).unwrap();
    let ten = holders(10_000.0);
    for who in ["Jeon Ha-kyou", "the Pentagon", "Matthew Miller"] {
        assert!(ten.claimers.iter().any(|c| c == who), "{who} not at 10,000");
    }
    for q in [Qualifier::MoreThan, Qualifier::AtLeast, Qualifier::Exact] {
        assert!(ten.qualifiers.contains(&q), "{q:?} not at 10,000");
    }
    assert!(
        holders(11_000.0)
            .claimers
            .contains(&"Volodymyr Zelensky".to_string())
    );
    let twelve = holders(12_000.0);
    assert_eq!(twelve.qualifiers, [Qualifier::UpTo]);
    assert_eq!(twelve.claimers, ["intelligence assessments"]);
    assert_eq!(twelve.outlets, ["ABC News"]);
    let fifteen = holders(15_000.0);
    assert!(fifteen.outlets.contains(&"UPI".to_string()));
    // The products join as derived entries; their factors stay out.
    assert!(
        g.entries
            .iter()
            .any(|e| e.derived && e.base_value == 15_000.0)
    );
    assert!(g.entries.iter().all(|e| e.base_value != 3_000.0));
    // Scopes stay visible per entry.
    let scope_of = |text: &str| {
        g.entries
            .iter()
            .find(|e| e.text.starts_with(text))
            .and_then(|e| e.scope.clone())
            .unwrap_or_default()
    };
    assert!(scope_of("More than 10,000").contains("in Russia"));
    assert!(scope_of("at least 10,000").contains("near the border"));
    assert!(scope_of("an estimated 11,000").contains("in Kursk"));
    assert!(scope_of("15,000 troops").contains("total expected"));
}

#[test]
fn vague_troop_figures_are_listed_but_do_not_decide() {
    let c = seeds();
    let g = groups_with(&c, 10_000.0, "troops")[0];
    let vague: Vec<&str> = g
        .entries
        .iter()
        .filter(|e| e.vague)
        .map(|e| e.text.as_str())
        .collect();
    assert!(
        vague.iter().any(|t| t.contains("many thousands")),
        "{vague:?}"
    );
    assert!(vague.iter().any(|t| t.contains("small group")), "{vague:?}");
    assert!(g.values.iter().all(|v| v.value >= 10_000.0));
}

#[test]
fn per_unit_factor_and_unit_count_have_their_own_groups() {
    let c = seeds();
    let per_unit = groups_with(&c, 3_000.0, "troops");
    assert_eq!(per_unit.len(), 1);
    assert!(per_unit[0].per_unit);
    assert_eq!(per_unit[0].label, "North Korean troops per unit");
    assert_eq!(per_unit[0].sources, 3);
    assert_ne!(per_unit[0].verdict, Verdict::Conflict);
    let units = groups_with(&c, 5.0, "units");
    assert_eq!(units.len(), 1);
    assert_eq!(units[0].verdict, Verdict::Agree);
    assert_eq!(units[0].sources, 3);
}

#[test]
fn front_line_kilometres_and_miles_are_compatible() {
    let c = seeds();
    let g = groups_with(&c, 1_500.0, "distance");
    assert_eq!(g.len(), 1);
    let g = g[0];
    assert_eq!(g.verdict, Verdict::Compatible);
    assert_eq!(g.base_unit.as_deref(), Some("km"));
    // Written once in each unit: the lower value's unit first.
    assert_eq!(g.units, ["mi", "km"]);
    assert!(g.label.contains("front line"), "{}", g.label);
    assert!(g.entries.iter().any(|e| e.text == "more than 900 miles"));
    // The Donetsk advance is another distance and stays apart.
    assert!(g.entries.iter().all(|e| !e.text.contains("9 kilometers")));
}

#[test]
fn first_figure_group_is_the_troops_conflict() {
    let c = seeds();
    assert_eq!(c.figures[0].label, "North Korean troops");
    for g in &c.figures {
        assert!(!g.entries.is_empty());
        // Durations of different things never meet.
        if g.measure == "duration" {
            assert_ne!(g.verdict, Verdict::Conflict, "{}", g.label);
        }
    }
}

#[test]
fn zelensky_chapter_and_page_are_aligned_with_the_word_diff_first() {
    let c = seeds();
    let g = statement_with(&c, "new chapter of instability");
    assert!(
        g.entries
            .iter()
            .any(|e| e.sentence.contains("new page of instability"))
    );
    assert!(g.quote_differs);
    assert_eq!(g.claimer.as_deref(), Some("Volodymyr Zelensky"));
    let d = &g.diffs[0];
    assert_eq!(d.kind, DiffKind::Quote);
    assert_eq!(d.speaker.as_deref(), Some("Volodymyr Zelensky"));
    let pos = d
        .changes
        .windows(2)
        .position(|w| {
            w[0].op == Op::Delete
                && w[0].text == "chapter"
                && w[1].op == Op::Insert
                && w[1].text == "page"
        })
        .expect("chapter → page");
    assert!(pos > 0 && d.changes[pos - 1].text.ends_with("new"));
    // The same speaker quoted differently ranks first.
    assert!(std::ptr::eq(g, &c.statements[0]));
}

fn sources_of(g: &StatementGroup) -> usize {
    let mut s: Vec<&str> = g.entries.iter().map(|e| &*e.source).collect();
    s.sort();
    s.dedup();
    s.len()
}

#[test]
fn umerov_kbs_statement_is_aligned_across_three_sources() {
    let c = seeds();
    let g = statement_with(&c, "told South Korean public broadcaster KBS");
    assert!(sources_of(g) >= 3, "{g:#?}");
    assert!(g.entries.iter().all(|e| e.sentence.contains("Umerov")));
    assert_eq!(g.claimer.as_deref(), Some("Rustem Umerov"));
}

#[test]
fn five_units_statement_is_aligned_across_three_sources() {
    let c = seeds();
    let g = statement_with(&c, "Kyiv expects five units of 3,000 people");
    assert!(sources_of(g) >= 3, "{g:#?}");
    assert!(g.entries.iter().all(|e| e.sentence.contains("five")));
}

#[test]
fn zelensky_eleven_thousand_is_aligned_across_three_sources() {
    let c = seeds();
    let g = statement_with(&c, "North Korea deployed 11,000 troops");
    assert!(sources_of(g) >= 3, "{g:#?}");
    assert!(g.entries.iter().all(|e| e.sentence.contains("11,000")));
    assert!(g.entries.iter().all(|e| e.sentence.contains("Zelensky")));
}

#[test]
fn every_aligned_statement_spans_two_sources_and_diffs_are_consistent() {
    let c = seeds();
    assert!(!c.statements.is_empty());
    for g in &c.statements {
        assert!(sources_of(g) >= 2);
        assert_eq!(g.sources, sources_of(g));
        for d in &g.diffs {
            assert!(d.a < d.b && d.b < g.entries.len());
            assert_ne!(g.entries[d.a].source, g.entries[d.b].source);
            assert!(!d.changes.is_empty());
        }
    }
}

#[test]
fn seouls_doubt_is_the_bbcs_alone() {
    let c = seeds();
    let e = c
        .coverage
        .exclusive
        .iter()
        .find(|e| e.sentence.contains("does not believe"))
        .expect("Seoul's doubt in the exclusive claims");
    assert_eq!(e.outlet.as_deref(), Some("BBC"));
    assert_eq!(e.claimer.as_deref(), Some("Seoul"));
    assert!(c.statements.iter().all(|g| {
        g.entries
            .iter()
            .all(|x| !x.sentence.contains("does not believe"))
    }));
    // Coverage lists every source and the statements it takes part in.
    assert_eq!(c.coverage.sources.len(), 5);
    let bbc = c
        .coverage
        .sources
        .iter()
        .find(|s| s.display == "BBC")
        .unwrap();
    let zel = c
        .statements
        .iter()
        .position(|g| g.entries.iter().any(|e| e.sentence.contains("new chapter")))
        .unwrap();
    assert!(bbc.statements.contains(&zel));
    assert!(bbc.exclusive > 0);
}

// ----- small corpora -----

#[test]
fn unrelated_sentences_are_not_merged() {
    let c = corpus_of(&[
        (
            "a.txt",
            "The city council approved a new budget for road repairs on Monday, the mayor said.\n\n\
             Heavy rain flooded the northern suburbs and closed three schools.\n\n\
             The museum will reopen its modern art wing after a two-year renovation.",
        ),
        (
            "b.txt",
            "The central bank raised interest rates by a quarter point to curb inflation.\n\n\
             A new species of frog was discovered in the rainforest by biologists.\n\n\
             The football club signed a striker from Brazil for a record fee.",
        ),
    ]);
    assert!(c.statements.is_empty(), "{:#?}", c.statements);
}

#[test]
fn shared_words_about_different_events_are_not_merged() {
    // Same vocabulary ("Ukrainian troops", "Kursk", "said"), different statements.
    let c = corpus_of(&[
        (
            "a.txt",
            "Ukrainian troops captured two villages in the Kursk region, the general staff said.",
        ),
        (
            "b.txt",
            "Russian officials said Ukrainian drones struck an oil depot far from the Kursk region.",
        ),
    ]);
    assert!(c.statements.is_empty(), "{:#?}", c.statements);
}

#[test]
fn the_same_report_in_two_outlets_is_merged() {
    let c = corpus_of(&[
        (
            "a.txt",
            "The storm destroyed 40 homes in the coastal village of Marden, officials said.",
        ),
        (
            "b.txt",
            "Officials said the storm destroyed 40 homes in the coastal village of Marden overnight.",
        ),
    ]);
    assert_eq!(c.statements.len(), 1);
    assert_eq!(c.statements[0].entries.len(), 2);
}

#[test]
fn a_toddler_and_three_soldiers_never_share_a_group() {
    let c = corpus_of(&[
        (
            "a.txt",
            "A 3-year-old was injured when the shell hit the house.",
        ),
        ("b.txt", "The shell killed 3 soldiers near the house."),
    ]);
    for g in &c.figures {
        let measures: Vec<&str> = g.entries.iter().map(|e| &*e.sentence).collect();
        assert!(
            !(measures.iter().any(|s| s.contains("3-year-old"))
                && measures.iter().any(|s| s.contains("3 soldiers"))),
            "{g:#?}"
        );
    }
}

#[test]
fn vague_amounts_that_hold_the_figure_are_compatible() {
    let c = corpus_of(&[
        (
            "a.txt",
            "Many thousands of North Korean troops are in Russia.",
        ),
        (
            "b.txt",
            "A small group of North Korean troops crossed the border.",
        ),
        (
            "c.txt",
            "Officials said 12,000 North Korean troops are in Russia.",
        ),
    ]);
    let g = groups_with(&c, 12_000.0, "troops");
    assert_eq!(g.len(), 1);
    assert!(g[0].entries.iter().filter(|e| e.vague).count() >= 1);
    // "Many thousands" holds 12,000: the two outlets are compatible; "a small
    // group" states no order of magnitude and decides nothing.
    assert_eq!(g[0].verdict, Verdict::Compatible, "{:#?}", g[0]);
}

#[test]
fn different_subjects_are_different_groups() {
    let c = corpus_of(&[
        (
            "a.txt",
            "About 500 Ukrainian soldiers were captured, officials said.",
        ),
        (
            "b.txt",
            "About 800 Russian soldiers were captured, officials said.",
        ),
    ]);
    assert!(
        c.figures.iter().all(|g| g.verdict != Verdict::Conflict),
        "{:#?}",
        c.figures
    );
    assert!(c.figures.iter().all(|g| g.sources == 1));
}

#[test]
fn distances_of_different_things_stay_apart() {
    let c = corpus_of(&[
        ("a.txt", "The convoy travelled 40 kilometres to the bridge."),
        (
            "b.txt",
            "The new pipeline will run 900 kilometres under the sea.",
        ),
    ]);
    assert!(c.figures.iter().all(|g| g.sources == 1), "{:#?}", c.figures);
}

#[test]
fn empty_and_odd_corpora_do_not_panic() {
    let c = corpus_of(&[]);
    assert!(c.figures.is_empty() && c.statements.is_empty());
    let c = corpus_of(&[
        ("a.txt", ""),
        ("b.txt", "\u{0}\u{1b}[31m 5 5 5 “ ” ' - … 1,5,5 km"),
        ("c.txt", "“”“”“”"),
    ]);
    let _ = c;
}

// ----- stories -----

const GAS_A: &str = "EU agrees gas price cap after months of talks\n\n\
    Energy ministers agreed a cap on wholesale gas prices in Brussels on Monday, \
    ending months of talks between member states. Gas prices rose by 12 percent in \
    October, Eurostat said. The cap will apply from February.";
const GAS_B: &str = "Europe sets limit on wholesale gas prices\n\n\
    EU energy ministers meeting in Brussels agreed on Monday to cap wholesale gas \
    prices after months of talks. Gas prices rose by 15 percent in October, according \
    to Eurostat.";
const QUAKE_A: &str = "Strong earthquake hits southern Turkey\n\n\
    A magnitude 6.8 earthquake struck southern Turkey on Tuesday, destroying hundreds \
    of buildings in Malatya province. Rescuers searched the rubble overnight. Prices of \
    building materials rose by 30 percent after the earthquake, traders said.";
const QUAKE_B: &str = "Rescuers search rubble after Turkey earthquake\n\n\
    Rescuers searched collapsed buildings in Malatya province after the magnitude 6.8 \
    earthquake in southern Turkey on Tuesday. Prices of building materials rose by 30 \
    percent after the quake, the chamber of commerce said.";

fn percent_groups(c: &Comparison) -> Vec<&FigureGroup> {
    c.figures
        .iter()
        .filter(|g| g.measure == "percent")
        .collect()
}

#[test]
fn the_seeds_are_one_story() {
    let c = seeds();
    assert_eq!(c.stories.len(), 1, "{:#?}", c.stories);
    assert_eq!(c.stories[0].sources.len(), 5);
    assert!(c.figures.iter().all(|g| g.story.id == 0));
    assert!(c.statements.iter().all(|g| g.story.id == 0));
    assert!(!c.stories[0].label.is_empty());
}

#[test]
fn percent_figures_of_unrelated_stories_never_conflict() {
    // Both stories say "prices rose by N percent": without stories the four
    // figures would share the anchor "rose" and make a 12–30 % conflict.
    let c = corpus_of(&[
        ("gas_a.txt", GAS_A),
        ("quake_a.txt", QUAKE_A),
        ("gas_b.txt", GAS_B),
        ("quake_b.txt", QUAKE_B),
    ]);
    assert_eq!(c.stories.len(), 2, "{:#?}", c.stories);
    let story_of = |source: &str| {
        c.stories
            .iter()
            .position(|s| s.sources.iter().any(|x| x == source))
            .unwrap()
    };
    assert_eq!(story_of("gas_a.txt"), story_of("gas_b.txt"));
    assert_eq!(story_of("quake_a.txt"), story_of("quake_b.txt"));
    assert_ne!(story_of("gas_a.txt"), story_of("quake_a.txt"));
    for g in &c.figures {
        let stories: std::collections::HashSet<usize> =
            g.entries.iter().map(|e| story_of(&e.source)).collect();
        assert_eq!(stories.len(), 1, "cross-story group {g:#?}");
        assert_eq!(stories.into_iter().next(), Some(g.story.id));
    }
    for g in &c.statements {
        assert!(
            g.entries.iter().all(|e| story_of(&e.source) == g.story.id),
            "cross-story statement {g:#?}"
        );
    }
    let percent = percent_groups(&c);
    let gas = percent
        .iter()
        .find(|g| g.entries.iter().any(|e| e.value == 12.0))
        .unwrap();
    assert!(gas.entries.iter().all(|e| e.value != 30.0), "{gas:#?}");
    assert_eq!(gas.verdict, Verdict::Conflict);
    let quake = percent
        .iter()
        .find(|g| g.entries.iter().any(|e| e.value == 30.0))
        .unwrap();
    assert_eq!(quake.verdict, Verdict::Agree, "{quake:#?}");
    assert_eq!(quake.sources, 2);
}

#[test]
fn two_outlets_on_one_story_with_different_numbers_still_conflict() {
    let c = corpus_of(&[("gas_a.txt", GAS_A), ("gas_b.txt", GAS_B)]);
    assert_eq!(c.stories.len(), 1, "{:#?}", c.stories);
    let percent = percent_groups(&c);
    assert_eq!(percent.len(), 1, "{percent:#?}");
    assert_eq!(percent[0].verdict, Verdict::Conflict);
    assert_eq!(percent[0].sources, 2);
    assert!(
        percent[0].label.starts_with("percent: "),
        "{}",
        percent[0].label
    );
}

/// Issue 16: the troops group's timeline starts with UPI's entries, the
/// only ones whose source states a date ("Nov. 6", no year: never given
/// one), and lists every undated entry apart.
#[test]
fn the_troops_timeline_puts_upis_dated_entries_first_and_the_undated_apart() {
    let c = seeds();
    let g = c
        .figures
        .iter()
        .find(|g| g.label == "North Korean troops")
        .expect("the troops group");
    let t = crosscheck::timeline::Timeline::of(g);
    assert!(!t.dated.is_empty());
    for p in &t.dated {
        let e = &g.entries[p.entry];
        assert_eq!(e.outlet.as_deref(), Some("UPI"), "{e:?}");
        assert_eq!(e.date.as_deref(), Some("Nov. 6"));
        assert!(p.first, "one date: every UPI entry is the first report");
    }
    assert!(!t.undated.is_empty());
    for p in &t.undated {
        assert_eq!(g.entries[p.entry].date, None);
    }
    assert_eq!(t.dated.len() + t.undated.len(), g.entries.len());
    // The comparison's own order says the same.
    let first_upi: Vec<usize> = t.dated.iter().map(|p| p.entry).collect();
    assert_eq!(g.timeline[..first_upi.len()], first_upi[..]);
    let undated: Vec<usize> = t.undated.iter().map(|p| p.entry).collect();
    assert_eq!(g.undated, undated);
}

//! Unit tests for each attribution pattern, on small invented sentences.
//! Each line of a test text is one sentence.

use super::lexicon::{LEXICON as LEX, fold};
use super::names::stays_one_word;
use super::shape::is_gov_name;
use super::*;

fn run(text: &str) -> DocAttribution {
    let mut spans = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim_end_matches('\n');
        spans.push(at..at + t.len());
        at += line.len();
    }
    analyze(text, &spans)
}

/// Name of the claimer of the line containing `needle`, at the needle.
fn who(text: &str, needle: &str) -> Option<String> {
    let doc = run(text);
    let at = text.find(needle).expect("needle in text");
    let line = text[..at].matches('\n').count();
    let start = text[..at].rfind('\n').map_or(0, |p| p + 1);
    doc.claimer_at(line, at - start).map(|c| c.name.clone())
}

fn main_claimer(text: &str) -> Option<Claimer> {
    run(text).sentence_claimer(0).cloned()
}

#[test]
fn lexicon_parses() {
    let lex = lexicon::Lexicon::parse(LEXICON_TOML).expect("lexicon");
    assert!(lex.titles.contains("spokesman"));
    // Non-word tokens have no lexicon sets: no set may hold the empty word.
    assert_eq!(lex.flags(""), 0);
    assert_eq!(
        lex.aliases.get("zelenskiy").map(String::as_str),
        Some("Volodymyr Zelensky")
    );
}

#[test]
fn x_said_and_said_x() {
    assert_eq!(
        who("Maria Lopez said 40 people died.", "40").as_deref(),
        Some("Maria Lopez")
    );
    assert_eq!(
        who("“Forty people died,” said Maria Lopez.", "Forty").as_deref(),
        Some("Maria Lopez")
    );
    assert_eq!(
        who("Officials say the bridge is closed.", "bridge").as_deref(),
        Some("officials")
    );
}

#[test]
fn x_told_outlet_is_x_not_outlet() {
    let c =
        main_claimer("US officials told the Reuters news agency that 300 drones were launched.")
            .unwrap();
    assert_eq!(c.name, "US officials");
    assert_eq!(c.kind, ClaimerKind::Government);
    let c = main_claimer("Health Minister Ana Rios told KBS that 12 hospitals were hit.").unwrap();
    assert_eq!(c.name, "Ana Rios");
    assert_eq!(c.role.as_deref(), Some("Health Minister"));
}

#[test]
fn other_verbs() {
    for v in [
        "confirmed",
        "claimed",
        "announced",
        "stated",
        "estimated",
        "reported",
        "warned",
        "added",
        "mentioned",
        "noted",
        "has claimed",
        "indicated",
    ] {
        let t = format!("General Staff chief Oleh Marchenko {v} that 5 bridges fell.");
        assert_eq!(
            who(&t, "5 bridges").as_deref(),
            Some("Oleh Marchenko"),
            "{v}"
        );
    }
    assert_eq!(
        who("Reports indicate that 3 towns fell.", "3 towns").as_deref(),
        Some("reports")
    );
}

#[test]
fn according_to() {
    let c = main_claimer("Six people died, according to regional Governor Ivan Petrov.").unwrap();
    assert_eq!(c.name, "Ivan Petrov");
    assert_eq!(c.role.as_deref(), Some("regional Governor"));
    assert_eq!(
        who("According to the UN, 2 million people fled.", "2 million").as_deref(),
        Some("United Nations")
    );
}

#[test]
fn possessive_assessment_and_estimate_phrase() {
    assert_eq!(
        who(
            "By the Pentagon's latest assessment, 8,000 troops remain.",
            "8,000"
        )
        .as_deref(),
        Some("the Pentagon")
    );
    assert_eq!(
        who("Analyst Jo Park placed the estimate at 4,000.", "4,000").as_deref(),
        Some("Jo Park")
    );
}

#[test]
fn colon_quote() {
    let doc = run("Mayor Lena Frost: “We lost 14 homes.”");
    assert_eq!(
        doc.sentence_claimer(0).map(|c| c.name.as_str()),
        Some("Lena Frost")
    );
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|c| c.name.as_str()),
        Some("Lena Frost")
    );
}

#[test]
fn passive_ish_has_claimed_citing() {
    let c = main_claimer(
        "Russia moved 9 brigades, Defense Minister Ola Berg has claimed, citing Norway’s intelligence report.",
    )
    .unwrap();
    assert_eq!(c.name, "Ola Berg");
}

#[test]
fn outlet_writes() {
    assert_eq!(
        who("“Prices rose 4%,” FT writes of the data.", "Prices").as_deref(),
        Some("Financial Times")
    );
}

#[test]
fn governments_capitals_orgs() {
    let c = main_claimer("Kyiv expects 3 more attacks.").unwrap();
    assert_eq!((c.name.as_str(), c.kind), ("Kyiv", ClaimerKind::Government));
    let c = main_claimer("Seoul, however, said it saw no combat.").unwrap();
    assert_eq!(c.name, "Seoul");
    let c = main_claimer("South Korea’s defense ministry said 200 shells landed.").unwrap();
    assert_eq!(c.kind, ClaimerKind::Organisation);
    assert_eq!(c.name, "South Korea's defense ministry");
    let c = main_claimer(
        "Intelligence assessments from France and Spain indicate that 40 ships sailed.",
    )
    .unwrap();
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("intelligence assessments", ClaimerKind::Report)
    );
}

#[test]
fn appositives() {
    let c =
        main_claimer("Ana Rios, head of the regional health office, confirmed 7 deaths.").unwrap();
    assert_eq!(c.name, "Ana Rios");
    assert_eq!(
        c.role.as_deref(),
        Some("head of the regional health office")
    );
    let c =
        main_claimer("“It is bad,” spokeswoman for the city council, Mia Dorn, told reporters.")
            .unwrap();
    assert_eq!(c.name, "Mia Dorn");
    assert_eq!(c.role.as_deref(), Some("spokeswoman for the city council"));
    let c = main_claimer("Tom Hale, who had earlier denied it, said 3 ships sank.").unwrap();
    assert_eq!(c.name, "Tom Hale");
}

#[test]
fn pronouns_and_role_nouns_resolve() {
    let t = "Defense Minister Rustem Umerov said 5 units would come.\nMost are training, he added.\nThe minister said 3 more will follow.";
    let doc = run(t);
    let a = &doc.sentences[1][0];
    assert_eq!(a.claimer.name, "Rustem Umerov");
    assert_eq!(a.resolved_from.as_deref(), Some("he"));
    let a = &doc.sentences[2][0];
    assert_eq!(a.claimer.name, "Rustem Umerov");
    assert_eq!(a.resolved_from.as_deref(), Some("The minister"));
}

#[test]
fn role_noun_prefers_matching_role() {
    let t = "Spokesman Pat Ryder said 2 ships sank.\nPresident Ann Lee said 4 ships sank.\nThe spokesman said 6 ships sank.";
    let doc = run(t);
    assert_eq!(
        doc.sentence_claimer(2).map(|c| c.name.as_str()),
        Some("Pat Ryder")
    );
}

#[test]
fn unresolvable_pronoun_is_none() {
    assert_eq!(who("He said 5 ships sank.", "5 ships"), None);
}

#[test]
fn surname_merges_with_earlier_full_name() {
    let t = "Foreign minister Andrii Sybiha met Baerbock.\n“We urge Europe to act,” Sybiha told a press conference.";
    let doc = run(t);
    let c = doc.sentence_claimer(1).unwrap();
    assert_eq!(c.name, "Andrii Sybiha");
    assert_eq!(c.role.as_deref(), Some("Foreign minister"));
}

#[test]
fn aliases_merge() {
    for n in [
        "Zelensky",
        "Zelenskiy",
        "Volodymyr Zelensky",
        "President Zelensky",
        "President Volodymyr Zelensky",
        "Ukraine’s President Volodymyr Zelenskiy",
    ] {
        assert_eq!(canonical_name(n), "Volodymyr Zelensky", "{n}");
    }
    assert_eq!(canonical_name("FT"), "Financial Times");
    assert_eq!(canonical_name("Pentagon"), "the Pentagon");
    assert_eq!(
        canonical_name("Defense Minister Rustem Umerov"),
        "Rustem Umerov"
    );
}

#[test]
fn two_claimers_in_one_sentence() {
    let t = "On Monday, Zelensky said that 11,000 troops were in Kursk, while U.S. State Department spokesman Matthew Miller placed the estimate at 10,000.";
    assert_eq!(who(t, "11,000").as_deref(), Some("Volodymyr Zelensky"));
    assert_eq!(who(t, "10,000").as_deref(), Some("Matthew Miller"));
    let doc = run(t);
    let miller = &doc.sentences[0][1].claimer;
    assert_eq!(
        miller.role.as_deref(),
        Some("U.S. State Department spokesman")
    );
}

#[test]
fn embedded_claim_stays_with_outer_speaker() {
    let t = "Ukraine's Defense Minister Rustem Umerov spoke.\nThe minister said that Kyiv expects 5 units of 3,000 soldiers.";
    assert_eq!(who(t, "3,000").as_deref(), Some("Rustem Umerov"));
}

#[test]
fn said_inside_quote_is_not_outer_claimer() {
    let t = "The paper printed “Smith said 40 people died” on its front page.";
    assert_eq!(who(t, "front page"), None);
    let doc = run(t);
    assert!(doc.sentences[0].is_empty());
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(doc.quotes[0].speaker, None);
}

#[test]
fn no_cue_is_none() {
    assert_eq!(main_claimer("This will bring the total to 15,000."), None);
    assert_eq!(main_claimer(""), None);
}

#[test]
fn said_as_adjective_is_not_attribution() {
    assert_eq!(main_claimer("The said agreement covers 12 ports."), None);
    assert_eq!(
        main_claimer("Ukraine has an estimated 11,000 drones."),
        None
    );
    assert_eq!(
        main_claimer("The presence of troops adds to the pressure."),
        None
    );
    assert_eq!(
        main_claimer("The report was not confirmed by anyone."),
        None
    );
    assert_eq!(
        main_claimer("The top diplomats of the United States met on Tuesday."),
        None
    );
}

#[test]
fn quotes_and_speakers() {
    let t = "“The first battles open a new page,” Zelensky said.\n“Together we must act.”\nKim said a “small group” attacked.";
    let doc = run(t);
    let names: Vec<Option<&str>> = doc
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|c| c.name.as_str()))
        .collect();
    assert_eq!(
        names,
        vec![
            Some("Volodymyr Zelensky"),
            Some("Volodymyr Zelensky"),
            Some("Kim")
        ]
    );
    assert_eq!(doc.quotes[2].text, "small group");
    assert_eq!(doc.quotes[1].first_sentence, 1);
    // The continued quote's sentence is Zelensky's too.
    assert_eq!(
        doc.sentence_claimer(1).map(|c| c.name.as_str()),
        Some("Volodymyr Zelensky")
    );
}

#[test]
fn quote_spanning_sentences() {
    let text = "“We held. We will hold,” he said after Mayor Ivo Kral spoke.";
    let spans = vec![0..10, 11..text.len()];
    let doc = analyze(text, &spans);
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        (doc.quotes[0].first_sentence, doc.quotes[0].last_sentence),
        (0, 1)
    );
}

#[test]
fn he_added_colon_quote() {
    let t = "Spokesman Pat Ryder said 3 ships sank.\nHe added: “We would fully expect more.”";
    let doc = run(t);
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|c| c.name.as_str()),
        Some("Pat Ryder")
    );
}

#[test]
fn apostrophes_are_not_quotes() {
    let doc = run("Ukraine‘s army said they’re in Ukraine’s east.");
    assert!(doc.quotes.is_empty());
}

#[test]
fn never_panics_and_spans_on_boundaries() {
    let texts = [
        "",
        "“",
        "”he said",
        "‘’'\"«»",
        "é said ü",
        "Zelensky said “unbalanced",
        "„Hallo“ sagte er.",
        "said said said said",
        "according to",
        "according to according to the the",
        "He: “x”",
        ", , , said",
        "The minister said",
        "X's assessment",
        "日本 said 東京 “引用”",
        "A\u{0301}\u{0301} said, “é”, he added: ‘ü’ — according to Ü.",
    ];
    for t in texts {
        // Sentence spans deliberately off char boundaries and out of range.
        let reversed = Range { start: 3, end: 2 };
        let spans = vec![
            0..t.len(),
            1..t.len() + 5,
            reversed,
            0..0,
            t.len()..t.len() + 1,
        ];
        let doc = analyze(t, &spans);
        for (i, atts) in doc.sentences.iter().enumerate() {
            let sp = &spans[i];
            let s0 = sp.start.min(t.len());
            let sent = &t[clamp(t, &(s0..sp.end))];
            for a in atts {
                for r in [&a.span, &a.cue, &a.mention] {
                    assert!(r.start <= r.end && r.end <= sent.len(), "{t:?} {r:?}");
                    assert!(sent.is_char_boundary(r.start) && sent.is_char_boundary(r.end));
                }
            }
        }
        for q in &doc.quotes {
            assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        }
        for off in 0..t.len() + 2 {
            let _ = doc.claimer_at(0, off);
        }
        let _ = doc.claimer_at(99, 0);
        let _ = canonical_name(t);
    }
}

#[test]
fn names_with_state_prefix_and_org_joiners() {
    let c = main_claimer("President of Ukraine Volodymyr Zelensky said 9 drones fell.").unwrap();
    assert_eq!(c.name, "Volodymyr Zelensky");
    let c = main_claimer("The Ministry of Defence said 9 drones fell.").unwrap();
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("Ministry of Defence", ClaimerKind::Organisation)
    );
    let c = main_claimer("According to the European Council on Foreign Relations, 9 drones fell.")
        .unwrap();
    assert_eq!(c.name, "European Council on Foreign Relations");
}

/// Tiny deterministic generator so the test needs no extra crate.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn random_inputs_never_panic() {
    const PIECES: &[&str] = &[
        "said",
        "says",
        "told",
        "according to",
        "the",
        "The",
        "minister",
        "he",
        "she",
        "it",
        "Zelensky",
        "Umerov",
        "Kyiv",
        "’s",
        "'s",
        "“",
        "”",
        "‘",
        "’",
        "\"",
        "'",
        ",",
        ".",
        ":",
        ";",
        "—",
        "é",
        "日本",
        " ",
        " ",
        " ",
        "\n",
        "President",
        "spokesman",
        "X",
        "of",
        "assessment",
        "saying",
        "that",
        "while",
        "a",
        "placed the estimate at",
        "10,000",
        "U.S.",
        "\u{301}",
        "who",
        "however",
        "reports",
        "indicate",
        "Ministry",
    ];
    let mut rng = Lcg(42);
    for _ in 0..400 {
        let n = (rng.next() % 60) as usize;
        let mut t = String::new();
        for _ in 0..n {
            t.push_str(PIECES[(rng.next() as usize) % PIECES.len()]);
            if rng.next().is_multiple_of(2) {
                t.push(' ');
            }
        }
        let mut spans = Vec::new();
        let mut at = 0usize;
        while at < t.len() + 3 {
            let len = (rng.next() % 40) as usize;
            spans.push(at..at + len);
            at += len.max(1);
        }
        let doc = analyze(&t, &spans);
        assert_eq!(doc.sentences.len(), spans.len());
        for (i, atts) in doc.sentences.iter().enumerate() {
            let r = clamp(&t, &spans[i]);
            let sent = &t[r];
            for a in atts {
                for r in [&a.span, &a.cue, &a.mention] {
                    assert!(r.start <= r.end && r.end <= sent.len(), "{t:?}");
                    assert!(sent.is_char_boundary(r.start) && sent.is_char_boundary(r.end));
                }
            }
            for off in [0, 1, sent.len() / 2, sent.len()] {
                let _ = doc.claimer_at(i, off);
            }
        }
        for q in &doc.quotes {
            assert!(t.is_char_boundary(q.span.start) && t.is_char_boundary(q.span.end));
        }
    }
}

#[test]
fn long_document_is_handled() {
    // 3,000 sentences with many cues; a guard against blow-ups, not a timing test.
    let mut t = String::new();
    for i in 0..3000 {
        t.push_str(&format!(
            "Defense Minister Ann Lee{i} said {i} ships sank, he added, “ok,” she said.\n"
        ));
    }
    let doc = run(&t);
    assert_eq!(doc.sentences.iter().filter(|s| !s.is_empty()).count(), 3000);
}

#[test]
fn coordinated_subjects() {
    let c = main_claimer("The US and South Korea now say 10,000 troops are there.").unwrap();
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("US and South Korea", ClaimerKind::Government)
    );
    let c = main_claimer(
        "In recent weeks, South Korean and US intelligence as well as Nato have said that troops moved.",
    )
    .unwrap();
    assert_eq!(c.name, "South Korean and US intelligence as well as Nato");
    assert_eq!(c.kind, ClaimerKind::Organisation);
}

#[test]
fn inverted_with_appositive_and_pronoun_they() {
    let c =
        main_claimer("“We need air defence,” said Andrii Yermak, head of the presidential office.")
            .unwrap();
    assert_eq!(c.name, "Andrii Yermak");
    assert_eq!(c.role.as_deref(), Some("head of the presidential office"));
    let t = "The Kremlin said 4 drones fell.\nThey added that 2 more were stopped.";
    assert_eq!(who(t, "2 more").as_deref(), Some("Kremlin"));
}

#[test]
fn folded_names_and_entities_match_the_slow_path() {
    // `Sent::folded` joins the words' folded forms, and `Sent::entity` reads the
    // words' lexicon flags: both must agree with folding the text itself.
    for s in [
        "Mr.Smith and the White House’s Downing Street said, İstanbul KELVIN’S.",
        "The US and South Korea, the U.S.Army and Saudi Arabia A1,000 the Hague",
        "Institute for the Study of War  Financial   Times United Nations’ analysts",
    ] {
        let folded = fold(s);
        let mut toks = Vec::new();
        tokenize(s, &folded, &[], &mut toks);
        let st = Sent { s, toks: &toks };
        for a in 0..toks.len() {
            for b in a + 1..=toks.len() {
                let slow = fold(&st.text(a, b));
                assert_eq!(st.folded(a, b), slow, "{s} {a}..{b}");
                if toks[a..b].iter().all(|t| t.is_word()) {
                    let e = st.entity(a, b);
                    assert_eq!(e.gov, is_gov_name(&slow), "{slow}");
                    assert_eq!(e.org, LEX.organisations.contains(&slow), "{slow}");
                    assert_eq!(e.demonym, LEX.demonyms.contains(&slow), "{slow}");
                }
            }
        }
    }
}

/// `stays_one_word`, the pass-1 shortcut, agrees with `canonical_name` on every
/// word of the seed corpus and on words made from the alias table.
#[test]
fn stays_one_word_agrees_with_canonical_name() {
    let mut texts: Vec<String> = Vec::new();
    if let Ok(dir) = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")) {
        for e in dir.flatten() {
            texts.extend(std::fs::read_to_string(e.path()));
        }
    }
    let mut words = String::new();
    for (variant, canon) in &lexicon::LEXICON.aliases {
        for w in [variant.as_str(), canon.as_str()] {
            for form in [
                w.to_owned(),
                format!("{w}'s"),
                format!("{w}’s"),
                format!("{w}'s's"),
            ] {
                words.push_str(&form);
                words.push(' ');
            }
        }
    }
    words.push_str("U.S. U.S.’s No. Mr.Smith O'Neil's's ZELENSKY’S İstanbul’s Ha-kyou 10,000");
    texts.push(words);
    let mut checked = 0;
    for text in &texts {
        let folded = fold(text);
        let mut toks = Vec::new();
        tokenize(text, &folded, &[], &mut toks);
        let sent = Sent {
            s: text,
            toks: &toks,
        };
        for (i, t) in toks.iter().enumerate() {
            if t.is_word() && stays_one_word(t) {
                let name = sent.text(i, i + 1);
                assert!(!canonical_name(&name).contains(' '), "{name:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
}

proptest::proptest! {
    /// The hand-rolled quote word count agrees with `split_whitespace`, on text
    /// mixing ASCII and Unicode spaces, controls and letters.
    #[test]
    fn count_words_matches_split_whitespace(
        text in "[a-z \t\n\u{0b}\u{0c}\r\u{1c}\u{1f}\u{85}\u{a0}\u{2009}\u{3000}é“”’]{0,40}",
        max in 0u8..6,
    ) {
        let want = text.split_whitespace().take(usize::from(max)).count() as u8;
        proptest::prop_assert_eq!(tokens::count_words(&text, max), want);
    }
}

#[test]
fn count_words_examples() {
    assert_eq!(tokens::count_words("", 4), 0);
    assert_eq!(tokens::count_words("  one\u{a0}two\tthree ", 4), 3);
    assert_eq!(tokens::count_words("a b c d e f", 4), 4);
    assert_eq!(tokens::count_words("a\u{1c}b", 4), 1);
}

// Issue 18: kinds seen wrong on real news, each in sentences of our own.

#[test]
fn typewriter_quotes_find_their_speaker() {
    let doc = run("''We feel cheated,'' said Dana Ruiz, a volunteer.");
    assert_eq!(doc.quotes.len(), 1);
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|c| c.name.as_str()),
        Some("Dana Ruiz")
    );
}

#[test]
fn name_then_descriptions_then_verb() {
    for (text, name) in [
        (
            "Tomas Verne, a veteran organizer from the north, said the march would go ahead.",
            "Tomas Verne",
        ),
        (
            "Omar Bell, 44, of Dayton, Ohio, who attended the rally, said he was unconvinced.",
            "Omar Bell",
        ),
        (
            "Ada Moss, research director at Fenwick Labs, a consulting firm, said costs would rise.",
            "Ada Moss",
        ),
        (
            "Sen. Lyle Brand, R-Ore., said the vote was rushed.",
            "Lyle Brand",
        ),
        (
            "Rep. Ines Cole (D-Vt.), chair of the panel, said hearings would resume.",
            "Ines Cole",
        ),
    ] {
        assert_eq!(
            main_claimer(text).map(|c| c.name).as_deref(),
            Some(name),
            "{text}"
        );
    }
}

#[test]
fn the_reported_clause_after_said_is_not_its_subject() {
    // Whatever the subject, "he" and "Lew's plan" start the reported clause.
    let text = "Kip Wendt, the party's longtime treasurer and a former banker, said he doubted it.\n\
                Kip Wendt, a former banker, said Lew's plan would fail.";
    let doc = run(text);
    for s in &doc.sentences {
        assert!(s.iter().all(|a| a.claimer.name != "Lew"), "{s:?}");
    }
    assert_eq!(
        doc.sentence_claimer(1).map(|c| c.name.as_str()),
        Some("Kip Wendt")
    );
}

#[test]
fn he_is_never_a_pair() {
    let text = "Nina Holt and Rafe Dunn said they would vote.\n\
                Carl Benning said the polls were wrong.\n\
                Nina Holt and Rafe Dunn agreed.\n\
                He said nothing else.";
    let doc = run(text);
    assert_eq!(
        doc.sentence_claimer(3).map(|c| c.name.as_str()),
        Some("Carl Benning")
    );
}

#[test]
fn verbs_of_finding_urging_and_believing() {
    assert_eq!(
        who("The report found that turnout fell.", "turnout").as_deref(),
        Some("report")
    );
    assert_eq!(
        who("Lena Ortiz urged voters to stay calm.", "voters").as_deref(),
        Some("Lena Ortiz")
    );
    assert_eq!(
        who("Officials believe the vote will fail.", "vote").as_deref(),
        Some("officials")
    );
}

#[test]
fn role_word_before_a_name() {
    let doc = run("\"It will pass,\" attorney Randall Hale said.\n\
                   \"I can promise it shows up in an ad,\" said pollster Fran Lutz.");
    let speakers: Vec<_> = doc
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|c| c.name.as_str()))
        .collect();
    assert_eq!(speakers, vec![Some("Randall Hale"), Some("Fran Lutz")]);
}

#[test]
fn chunks_that_are_no_claimer_describe_the_name() {
    assert_eq!(
        main_claimer("Hal Brisk, Sanders's chief strategist, said: \"The contest is open.\"")
            .map(|c| c.name)
            .as_deref(),
        Some("Hal Brisk")
    );
    assert_eq!(
        main_claimer(
            "Wes Dorne, a professor at Vandermeer University in Nashville, Tennessee, said costs rose."
        )
        .map(|c| c.name)
        .as_deref(),
        Some("Wes Dorne")
    );
}

#[test]
fn he_is_the_nearest_person_named_as_a_subject() {
    let text = "\"We need a change,\" said Fran Lutz.\n\
                Ben Carlow spoke in Iowa on Monday.\n\
                \"I'm still here,\" he declared.\n\
                Carlow then left for Ohio.\n\
                \"On to the next state,\" he said.";
    let doc = run(text);
    let speakers: Vec<_> = doc
        .quotes
        .iter()
        .map(|q| q.speaker.as_ref().map(|c| c.name.as_str()))
        .collect();
    assert_eq!(
        speakers,
        vec![Some("Fran Lutz"), Some("Ben Carlow"), Some("Ben Carlow")]
    );
}

#[test]
fn a_party_tag_in_parentheses_before_the_verb() {
    assert_eq!(
        main_claimer("Sen. Ines Cole (D-Vt.) said the hearings would resume.")
            .map(|c| c.name)
            .as_deref(),
        Some("Ines Cole")
    );
}

#[test]
fn any_role_words_before_a_two_word_name() {
    let doc = run("\"We will win,\" said Idaho supplement executive Frank Vander.");
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|c| c.name.as_str()),
        Some("Frank Vander")
    );
}

#[test]
fn second_verb_of_the_subject() {
    let doc = run("Lena Ortiz called on the clerk to resign and said, \"His count is wrong!\"");
    assert_eq!(
        doc.quotes[0].speaker.as_ref().map(|c| c.name.as_str()),
        Some("Lena Ortiz")
    );
}

#[test]
fn according_to_a_report_released_by_its_author() {
    let c = main_claimer(
        "Turnout fell, according to figures released Monday by the state election office.",
    )
    .expect("claimer");
    assert_eq!(c.name, "state election office");
    assert_eq!(c.role.as_deref(), Some("figures"));
}

/// Name of the speaker of the quote starting with `start`.
fn speaker(text: &str, start: &str) -> Option<String> {
    run(text)
        .quotes
        .iter()
        .find(|q| q.text.starts_with(start))
        .expect("quote")
        .speaker
        .as_ref()
        .map(|c| c.name.clone())
}

#[test]
fn naming_and_judging_verbs() {
    assert_eq!(
        who("Dale Morton called the plan a disaster.", "plan").as_deref(),
        Some("Dale Morton")
    );
    assert_eq!(
        who("Ana Reyes thanked the nurses for their work.", "nurses").as_deref(),
        Some("Ana Reyes")
    );
    // The object of "called" is not its subject, even after a comma.
    assert_eq!(
        who(
            "Senator Ines Cole, a candidate, called the Vance Group “reckless” on Friday.",
            "reckless"
        )
        .as_deref(),
        Some("Ines Cole")
    );
    // "continued" is a speech verb only after a quote.
    assert_eq!(
        speaker("“It is hard,” Ana Reyes continued.", "It is").as_deref(),
        Some("Ana Reyes")
    );
    assert_eq!(
        main_claimer("The town council continued its work on the bridge."),
        None
    );
}

#[test]
fn progressive_verbs() {
    assert_eq!(
        who(
            "Dale Morton is calling for a recount in the county.",
            "recount"
        )
        .as_deref(),
        Some("Dale Morton")
    );
    assert_eq!(
        who("The union has been urging members to vote.", "members").as_deref(),
        Some("union")
    );
}

#[test]
fn colon_after_a_clause() {
    assert_eq!(
        speaker("Dale Morton boomed: “We will win this county.”", "We will").as_deref(),
        Some("Dale Morton")
    );
    // A heading before a colon is no speaker.
    assert_eq!(
        speaker("Poll: “Most voters are undecided.”", "Most").as_deref(),
        None
    );
}

#[test]
fn he_and_she_by_gender() {
    let t = "Nina Holt met Tom Beck on Monday.\nTom Beck spoke first.\n“It went well,” she said.\n“We agree,” he said.";
    assert_eq!(speaker(t, "It went").as_deref(), Some("Nina Holt"));
    assert_eq!(speaker(t, "We agree").as_deref(), Some("Tom Beck"));
    // A title tells too.
    let t = "Spokeswoman Dana Ruiz met Mayor Tom Beck.\n“We are ready,” she said.";
    assert_eq!(speaker(t, "We are").as_deref(), Some("Dana Ruiz"));
}

#[test]
fn subject_after_an_opening_phrase() {
    let t = "Critics worry about the plan.\nRecently, Hal Baines, a radio host, was asked why.\n“So they can win,” he said.";
    assert_eq!(speaker(t, "So they").as_deref(), Some("Hal Baines"));
}

#[test]
fn headings_and_opening_words_are_no_names() {
    assert_eq!(main_claimer("NEWS ALERT said the bridge is closed."), None);
    let t = "Facing criticism from voters, Mr. Ruiz released a plan, saying it was fair.";
    assert_ne!(who(t, "fair").as_deref(), Some("Facing"));
    // A name that only ever starts a sentence still speaks.
    assert_eq!(
        who("Carlow said the road is open.", "road").as_deref(),
        Some("Carlow")
    );
}

#[test]
fn descriptions_resolve_to_the_organisation_named_before() {
    let t = "The Harbor Gazette published an editorial on Monday.\n“The mayor must resign,” the influential daily wrote.";
    let doc = run(t);
    let a = &doc.sentences[1][0];
    assert_eq!(a.claimer.name, "Harbor Gazette");
    assert_eq!(a.claimer.kind, ClaimerKind::Organisation);
    // The description is shown too.
    assert_eq!(a.resolved_from.as_deref(), Some("the influential daily"));
    assert_eq!(a.claimer.role.as_deref(), Some("influential daily"));
    // With no organisation named before, the description stays as written.
    assert_eq!(
        who("The agency said 40 flights were cancelled.", "40").as_deref(),
        Some("agency")
    );
}

//! Issue 12: each way the comparison went wrong on real multi-outlet news,
//! written again in our own sentences (no article text is copied here).

use crosscheck::Corpus;
use crosscheck::analysis::analyze;
use crosscheck::compare::{
    Comparison, Facts, FigureGroup, Options, Verdict, compare, compare_facts_with,
};
use crosscheck::load::load_named;

fn corpus(files: &[(&str, &str)]) -> Corpus {
    let loaded = load_named(files.iter().map(|(n, t)| (*n, t.as_bytes())));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    Corpus {
        documents: loaded.documents,
    }
}

fn compared(files: &[(&str, &str)]) -> Comparison {
    let c = corpus(files);
    compare(&c, &analyze(&c))
}

/// One article as a JSON record, with the provenance a scraper gives.
fn record(outlet: &str, date: &str, url: &str, title: &str, text: &str) -> String {
    serde_json::json!({
        "title": title, "source": outlet, "date": date, "url": url, "text": text,
    })
    .to_string()
}

/// The groups with an entry of `value` (in the base unit) from a sentence
/// containing `needle`.
fn groups_of<'c>(c: &'c Comparison, value: f64, needle: &str) -> Vec<&'c FigureGroup> {
    c.figures
        .iter()
        .filter(|g| {
            g.entries
                .iter()
                .any(|e| e.value == value && e.sentence.contains(needle))
        })
        .collect()
}

fn one_group_of<'c>(c: &'c Comparison, value: f64, needle: &str) -> &'c FigureGroup {
    let gs = groups_of(c, value, needle);
    assert_eq!(gs.len(), 1, "{value} in “{needle}”: {:#?}", c.figures);
    gs[0]
}

/// The one group of `value` from a sentence containing `needle`, asserted to
/// hold `other` too and to be a conflict.
fn conflict_with<'c>(c: &'c Comparison, value: f64, needle: &str, other: f64) -> &'c FigureGroup {
    let g = one_group_of(c, value, needle);
    assert!(g.entries.iter().any(|e| e.value == other), "{g:#?}");
    assert_eq!(g.verdict, Verdict::Conflict, "{g:#?}");
    g
}

fn story_of(c: &Comparison, source: &str) -> usize {
    c.stories
        .iter()
        .position(|s| s.sources.iter().any(|x| &**x == source))
        .unwrap_or_else(|| panic!("{source} in no story: {:#?}", c.stories))
}

// ----- 1. one event, one story -----

const FIRST: &str = "Gunman opens fire at Riverside Mall in Dunmore\n\n\
    A gunman opened fire at Riverside Mall in Dunmore on Saturday evening, \
    killing one man and wounding four other shoppers, police said. Officers \
    found the suspect near the food court and took him into custody. Police \
    Chief Ada Kowalski said the shooting began after an argument outside a \
    shoe store.";
const PROFILE: &str = "Victim remembered as a devoted coach\n\n\
    Friends gathered on Monday to remember Tomas Brenner, the man killed at \
    Riverside Mall in Dunmore. Brenner coached youth football for a decade, \
    his sister said. Police Chief Ada Kowalski said the four wounded shoppers \
    were recovering.";
const ARREST: &str = "Second man charged weeks after mall shooting\n\n\
    Dunmore police charged a second man on Friday in connection with the \
    Riverside Mall shooting that killed Tomas Brenner. Chief Ada Kowalski said \
    the man drove the suspect to the mall.";
const BUDGET: &str = "City council passes school budget\n\n\
    The Harbor City council approved a school budget of $40 million on \
    Tuesday after a long debate about teacher salaries and bus routes. The \
    mayor said class sizes would fall next year.";

#[test]
fn follow_ups_of_one_incident_are_one_story_and_other_news_stays_apart() {
    let files = [
        (
            "first.json",
            record(
                "Dunmore Daily",
                "2019-03-02",
                "https://dunmore.example/a",
                "",
                FIRST,
            ),
        ),
        (
            "profile.json",
            record(
                "Valley News",
                "2019-03-04",
                "https://valley.example/b",
                "",
                PROFILE,
            ),
        ),
        (
            "arrest.json",
            record(
                "Dunmore Daily",
                "2019-03-22",
                "https://dunmore.example/c",
                "",
                ARREST,
            ),
        ),
        (
            "budget.json",
            record(
                "Harbor Post",
                "2019-03-05",
                "https://harbor.example/d",
                "",
                BUDGET,
            ),
        ),
    ];
    let files: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let c = compared(&files);
    assert_eq!(story_of(&c, "first.json"), story_of(&c, "profile.json"));
    assert_eq!(story_of(&c, "first.json"), story_of(&c, "arrest.json"));
    assert_ne!(story_of(&c, "first.json"), story_of(&c, "budget.json"));

    // The user can say that everything is one event.
    let corpus = corpus(&files);
    let one = compare_facts_with(
        &corpus,
        Facts::analyze(&corpus),
        Options { one_story: true },
    );
    assert_eq!(one.stories.len(), 1, "{:#?}", one.stories);
    assert_eq!(one.stories[0].sources.len(), 4);
}

// ----- 2. unlike quantities are not lumped -----

#[test]
fn two_duties_that_every_outlet_agrees_on_are_two_agreeing_groups() {
    let c = compared(&[
        (
            "a.txt",
            "Tariffs on cars and parts\n\nThe government set a duty of 20% on \
             imported cars and a duty of 5% on imported car parts, the trade \
             minister said on Monday.",
        ),
        (
            "b.txt",
            "New duties on imported cars\n\nImported cars will face a 20% duty \
             while imported car parts face a 5% duty, the trade minister announced \
             on Monday.",
        ),
    ]);
    let cars = one_group_of(&c, 20.0, "20%");
    let parts = one_group_of(&c, 5.0, "5%");
    assert!(!std::ptr::eq(cars, parts), "{cars:#?}");
    assert_eq!(cars.verdict, Verdict::Agree, "{cars:#?}");
    assert_eq!(parts.verdict, Verdict::Agree, "{parts:#?}");
}

#[test]
fn ages_of_different_people_never_conflict_and_one_persons_differing_age_does() {
    let c = compared(&[
        (
            "a.txt",
            "Two charged in warehouse fire\n\nPolice charged Marco Silva, 24, and \
             Dana Brooks, 31, with arson after the warehouse fire on Elm Road.",
        ),
        (
            "b.txt",
            "Arson charges after warehouse fire\n\nMarco Silva, 31, and Dana \
             Brooks, 24, were charged with arson over the warehouse fire on Elm \
             Road, police said.",
        ),
    ]);
    let ages: Vec<&FigureGroup> = c.figures.iter().filter(|g| g.measure == "age").collect();
    assert!(!ages.is_empty(), "{:#?}", c.figures);
    for g in &ages {
        // Every group is the age of one person: one name in its label.
        let names = ["Silva", "Brooks"]
            .iter()
            .filter(|n| g.label.contains(*n))
            .count();
        assert_eq!(names, 1, "{g:#?}");
    }
    // The outlets swapped the ages: each person's age is a conflict.
    let silva = ages.iter().find(|g| g.label.contains("Silva")).unwrap();
    assert_eq!(silva.verdict, Verdict::Conflict, "{silva:#?}");
    assert_eq!(silva.sources, 2);
}

#[test]
fn a_part_is_never_set_against_a_total() {
    let c = compared(&[
        (
            "a.txt",
            "Officers wounded in standoff\n\nFive officers were wounded in the \
             standoff in Carver on Tuesday, the police chief said.",
        ),
        (
            "b.txt",
            "Standoff in Carver leaves officers hurt\n\nTwo of the officers were \
             wounded in the standoff in Carver on Tuesday, the police chief said.",
        ),
    ]);
    for g in &c.figures {
        let values: Vec<f64> = g.entries.iter().map(|e| e.value).collect();
        assert!(
            !(values.contains(&5.0) && values.contains(&2.0)),
            "part and total in one group: {g:#?}"
        );
    }
}

// ----- 3. real disagreements are shown -----

#[test]
fn an_outlet_with_another_wounded_count_is_a_conflict() {
    let c = compared(&[
        (
            "a.txt",
            "Shooting at Lakeview park\n\nOne person was killed and three people \
             were wounded in a shooting at Lakeview park on Sunday night, police said.",
        ),
        (
            "b.txt",
            "One dead in Lakeview park shooting\n\nPolice said a shooting at \
             Lakeview park on Sunday night killed one person and three people were \
             wounded.",
        ),
        (
            "c.txt",
            "Lakeview park shooting\n\nA man died and four people were wounded \
             when gunfire broke out at Lakeview park on Sunday night.",
        ),
    ]);
    let g = conflict_with(&c, 4.0, "four people were wounded", 3.0);
    assert_eq!(g.sources, 3);
}

#[test]
fn a_stated_revision_is_shown_as_one() {
    let c = compared(&[
        (
            "a.json",
            &record(
                "Lakeview Times",
                "2020-06-01",
                "https://lakeview.example/1",
                "Shooting at Lakeview park",
                "Three people were wounded in a shooting at Lakeview park on \
                 Sunday night, police said.",
            ),
        ),
        (
            "b.json",
            &record(
                "Lakeview Times",
                "2020-06-02",
                "https://lakeview.example/2",
                "Lakeview park wounded count revised",
                "The number of people wounded in the shooting at Lakeview park on \
                 Sunday night was revised to four, police said.",
            ),
        ),
        (
            "c.json",
            &record(
                "Channel 8",
                "2020-06-01",
                "https://channel8.example/x",
                "Three hurt in Lakeview park shooting",
                "Police said three people were wounded in a shooting at Lakeview \
                 park on Sunday night.",
            ),
        ),
    ]);
    let g = one_group_of(&c, 4.0, "revised to four");
    assert_eq!(g.verdict, Verdict::Revised, "{g:#?}");
    assert!(!g.revision.is_empty(), "{g:#?}");
    // JSON keeps the contract's four verdicts: a conflict with its revision.
    let json = serde_json::to_value(g).unwrap();
    assert_eq!(json["verdict"], "conflict");
    assert!(!json["revision"].as_array().unwrap().is_empty());
    // The timeline is in publication order: the revision comes last.
    let last = *g.timeline.last().unwrap();
    assert_eq!(g.entries[last].value, 4.0, "{g:#?}");
}

#[test]
fn an_order_of_magnitude_against_an_exact_count_is_a_conflict() {
    let c = compared(&[
        (
            "a.txt",
            "Storm on the coast\n\nAbout 150,000 people were evacuated from the \
             coast on Saturday ahead of the storm, the governor said.",
        ),
        (
            "b.txt",
            "Coast evacuated\n\nTens of thousands of people were evacuated from the \
             coast on Saturday before the storm arrived, officials said.",
        ),
    ]);
    let g = one_group_of(&c, 150_000.0, "150,000 people were evacuated");
    assert!(g.entries.iter().any(|e| e.vague && e.decides()), "{g:#?}");
    assert_eq!(g.verdict, Verdict::Conflict, "{g:#?}");
}

// ----- 4. one page twice is one source -----

#[test]
fn the_same_page_loaded_twice_is_one_source_that_agrees_with_nobody() {
    let text = "Bridge closed after crash\n\nThe Kessler bridge was closed for \
        six hours after a crash involving 12 cars on Thursday morning, the \
        transport department said. Drivers were told to use the ferry instead.";
    let page = |n: &str, url: &str| {
        (
            n.to_string(),
            record("Metro Wire", "2021-04-08", url, "", text),
        )
    };
    let files = [
        page(
            "a.json",
            "https://www.metro.example/crash?utm_source=twitter",
        ),
        page("b.json", "https://metro.example/crash#comments"),
    ];
    let files: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let c = compared(&files);
    let g = one_group_of(&c, 12.0, "12 cars");
    assert_eq!(g.sources, 1, "{g:#?}");
    assert_eq!(g.verdict, Verdict::Single, "{g:#?}");
    assert_eq!(g.entries.len(), 1, "{g:#?}");
    assert_eq!(
        &*g.entries[0].also_at,
        ["b.json".into()] as [std::sync::Arc<str>; 1]
    );
    assert_eq!(g.entries[0].date.as_deref(), Some("2021-04-08"));
    assert!(g.entries[0].url.is_some());
}

// ----- 7. a line every page prints is chrome -----

#[test]
fn a_line_printed_on_every_page_is_not_a_shared_statement() {
    let legal = "This material may not be copied, reprinted or redistributed by \
        anyone without written permission of the wire service.";
    let stories = [
        "Storm closes schools in Avon\n\nHeavy snow closed 40 schools in Avon on \
         Monday, the district said.",
        "Avon schools shut by snow\n\nThe district closed 40 schools in Avon on \
         Monday because of heavy snow.",
        "Snow day in Avon\n\nForty schools in Avon stayed shut on Monday after a \
         night of heavy snow, officials said.",
        "Avon digs out after storm\n\nCrews cleared roads in Avon on Monday while \
         40 schools stayed closed.",
        "Avon storm update\n\nAvon's 40 closed schools will reopen on Tuesday, the \
         district said.",
    ];
    let texts: Vec<String> = stories.iter().map(|s| format!("{s}\n\n{legal}")).collect();
    let names = ["a.txt", "b.txt", "c.txt", "d.txt", "e.txt"];
    let files: Vec<(&str, &str)> = names
        .iter()
        .zip(&texts)
        .map(|(n, t)| (*n, t.as_str()))
        .collect();
    let c = compared(&files);
    assert!(
        c.statements.iter().all(|g| g
            .entries
            .iter()
            .all(|e| !e.sentence.contains("redistributed"))),
        "{:#?}",
        c.statements
    );
}

// ----- 7. one voice, one value; who is counted; where values part -----

#[test]
fn two_values_in_one_voice_are_two_quantities_and_two_claimers_dispute_one() {
    // b.txt gives the toll of this shooting and, in passing, of an older one:
    // one article in one voice states one value per quantity.
    let c = compared(&[
        (
            "a.txt",
            "Shooting on Elm Street\n\nOne person was killed in a shooting on Elm \
             Street on Sunday, police said.",
        ),
        (
            "b.txt",
            "Elm Street shooting\n\nOne person was killed in a shooting on Elm Street \
             on Sunday. In March, two people were killed in a shooting on Elm Street.",
        ),
        (
            "c.txt",
            "Elm Street\n\nA shooting on Elm Street on Sunday killed one person, \
             police said.",
        ),
    ]);
    let g = one_group_of(&c, 1.0, "One person was killed in a shooting on Elm Street");
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    assert!(g.entries.iter().all(|e| e.value == 1.0), "{g:#?}");
    // Two claimers in one article: one quantity in dispute.
    let c = compared(&[
        (
            "a.txt",
            "Troops at the border\n\nThe ministry said 4,000 soldiers were at the \
             border, while the governor said 6,000 soldiers were at the border.",
        ),
        (
            "b.txt",
            "Border build-up\n\nThe ministry said 4,000 soldiers were at the border \
             on Monday.",
        ),
    ]);
    conflict_with(&c, 6000.0, "6,000 soldiers", 4000.0);
}

#[test]
fn a_count_that_names_its_people_takes_no_class_from_an_aside() {
    let c = compared(&[
        (
            "a.txt",
            "Fighting goes on\n\nNine Israelis, including three civilians, have been \
             killed in the conflict so far.",
        ),
        (
            "b.txt",
            "Fighting goes on\n\nTen Israelis have been killed in the conflict so far.",
        ),
    ]);
    let g = conflict_with(&c, 9.0, "Nine Israelis", 10.0);
    assert_ne!(g.subject.as_deref(), Some("civilian"), "{g:#?}");
}

#[test]
fn critically_counts_the_critical_where_no_outcome_follows() {
    let c = compared(&[
        (
            "a.txt",
            "Strike on the school\n\nThe agency said 30 people died and 55 were \
             wounded in the strike on the school, 15 critically.",
        ),
        (
            "b.txt",
            "Strike on the school\n\nTen people were in critical condition after the \
             strike on the school, the agency said.",
        ),
    ]);
    conflict_with(&c, 15.0, "15 critically", 10.0);
}

#[test]
fn leads_that_word_one_toll_apart_still_meet() {
    let c = compared(&[
        (
            "a.txt",
            "Rampage in Westport\n\nFive people were killed in the rampage.",
        ),
        (
            "b.txt",
            "Westport mourns\n\nThe spree ended with six deaths, police said.",
        ),
    ]);
    conflict_with(&c, 5.0, "Five people", 6.0);
}

#[test]
fn a_toll_is_not_chained_to_small_counts_step_by_step() {
    // 2 → 3 → 5 → 10 → 28 → 30: no step is three times the last, but 30 is
    // fifteen times 2.
    let c = compared(&[
        (
            "a.txt",
            "Storm\n\nThe storm killed 30 people in the province.",
        ),
        (
            "b.txt",
            "Storm\n\nThe storm killed 28 people in the province.",
        ),
        (
            "c.txt",
            "Storm\n\nThe storm killed ten people in the province.",
        ),
        (
            "d.txt",
            "Storm\n\nThe storm killed five people in the province.",
        ),
        (
            "e.txt",
            "Storm\n\nThe storm killed three people in the province.",
        ),
        (
            "f.txt",
            "Storm\n\nThe storm killed two people in the province.",
        ),
    ]);
    let g = one_group_of(&c, 30.0, "killed 30");
    assert!(
        g.entries.iter().all(|e| e.value >= 28.0),
        "{:#?}",
        g.entries.iter().map(|e| e.value).collect::<Vec<_>>()
    );
}

#[test]
fn an_unrelated_value_of_one_measure_does_not_split_a_disputed_one() {
    // Two and three shells are one statement (both leads); the five rockets
    // found elsewhere are not, and must not cut the shells apart.
    let lead =
        |n: &str| format!("School hit in Harlow\n\n{n} shells landed at the school on Tuesday.");
    let (three, two) = (lead("Three"), lead("Two"));
    let c = compared(&[
        ("a.txt", three.as_str()),
        ("b.txt", three.as_str()),
        ("c.txt", two.as_str()),
        (
            "d.txt",
            "School hit in Harlow\n\nShelling hit the school in Harlow on Tuesday. \
             The mayor called for calm. Shops stayed shut all day. \
             Five rockets were found in a warehouse near the harbour.",
        ),
    ]);
    conflict_with(&c, 2.0, "Two shells", 3.0);
    let rockets = one_group_of(&c, 5.0, "Five rockets");
    assert!(
        rockets.entries.iter().all(|e| e.value == 5.0),
        "{rockets:#?}"
    );
}

#[test]
fn a_duration_in_two_leads_is_one_quantity_however_each_words_it() {
    let c = compared(&[
        (
            "a.txt",
            "Spree in Elmford\n\nA 13-minute shooting spree terrorized the campus.",
        ),
        (
            "b.txt",
            "Elmford mourns\n\nThe 15-minute rampage ended at the library.",
        ),
    ]);
    conflict_with(&c, 13.0, "13-minute", 15.0);
}

/// Issue 13: one outlet says the index rose 2.3%, another that it fell
/// 2.3%: the same number, opposite changes, a conflict. A third that gives
/// the change without a direction disputes neither.
#[test]
fn a_rise_and_a_fall_of_the_same_size_conflict() {
    let c = compared(&[
        (
            "a.txt",
            "Markets close the week\n\nThe main share index rose 2.3% on Friday, \
             traders in the capital said.",
        ),
        (
            "b.txt",
            "Shares slide on Friday\n\nThe main share index fell 2.3% on Friday, \
             traders in the capital said.",
        ),
    ]);
    let g = conflict_with(&c, 2.3, "rose", 2.3);
    assert!(
        g.entries.iter().any(|e| e.sentence.contains("fell")),
        "{g:#?}"
    );
    let same_way = compared(&[
        (
            "a.txt",
            "Markets close the week\n\nThe main share index fell 2.3% on Friday, \
             traders in the capital said.",
        ),
        (
            "b.txt",
            "Shares slide on Friday\n\nThe main share index closed 2.3% lower on \
             Friday, traders in the capital said.",
        ),
        (
            "c.txt",
            "Friday's markets\n\nThe main share index moved 2.3% on Friday, traders \
             in the capital said.",
        ),
    ]);
    assert_eq!(one_group_of(&same_way, 2.3, "fell").verdict, Verdict::Agree);
}

#[test]
fn counts_joined_by_and_are_parts_of_their_outcome() {
    let no_conflict = |files: &[(&str, &str)]| {
        let c = compared(files);
        assert!(
            c.figures.iter().all(|g| g.verdict != Verdict::Conflict),
            "{:#?}",
            c.figures
        );
    };
    no_conflict(&[
        (
            "a.txt",
            "Shooting at Linden Court\n\nTwo men died at Linden Court on Sunday, and two \
             other men and two women were wounded, police said.",
        ),
        (
            "b.txt",
            "Linden Court shooting\n\nTwo men died and four others were wounded at \
             Linden Court on Sunday, police said.",
        ),
    ]);
    no_conflict(&[
        (
            "a.txt",
            "Navy seizes pirates\n\nThe navy captured 14 Somali and nine Yemeni pirates \
             in the gulf on Saturday.",
        ),
        (
            "b.txt",
            "Pirates seized in the gulf\n\nThe navy captured 23 pirates in the gulf on \
             Saturday.",
        ),
    ]);
}

#[test]
fn a_count_with_an_outcome_of_its_own_is_no_part() {
    // Each count has its outcome: one died, three were injured (past an
    // aside). Against four injured elsewhere, that is a conflict.
    let c = compared(&[
        (
            "a.txt",
            "Rampage in Corby\n\nOne woman died and three others, including a police \
             officer, were injured in the rampage in Corby.",
        ),
        (
            "b.txt",
            "Corby rampage\n\nOne woman died and four others were injured in the \
             rampage in Corby.",
        ),
    ]);
    conflict_with(&c, 3.0, "three others", 4.0);
}

#[test]
fn years_ago_date_an_event_and_measure_nothing() {
    let c = compared(&[
        (
            "a.txt",
            "Fire at the Dunmore mill\n\nA fire gutted the Dunmore mill on Monday. \
             A smaller fire hit the mill three years ago.",
        ),
        (
            "b.txt",
            "Dunmore mill burns\n\nA fire gutted the Dunmore mill on Monday. The mill \
             last burned seven years ago.",
        ),
    ]);
    assert!(
        c.figures.iter().all(|g| g.verdict != Verdict::Conflict),
        "{:#?}",
        c.figures
    );
}

#[test]
fn ships_hijacked_are_not_people_captured() {
    let c = compared(&[(
        "a.txt",
        "Navy foils attack\n\nThe navy foiled an attack in the gulf on Saturday. \
         This year pirates have attacked 90 ships there and hijacked nearly 40.",
    )]);
    let g = one_group_of(&c, 40.0, "hijacked nearly 40");
    assert!(!g.label.contains("captured"), "{g:#?}");
}

#[test]
fn a_model_name_is_what_is_counted_however_worded() {
    let c = compared(&[
        (
            "a.txt",
            "Arms cache found\n\nThe cache held seven AK-47s and ammunition, police said.",
        ),
        (
            "b.txt",
            "Arms cache found at port\n\nThe cache held seven AK-47 assault rifles and \
             ammunition, police said.",
        ),
        (
            "c.txt",
            "Port arms cache\n\nThe cache held nine assault rifles and ammunition, \
             police said.",
        ),
    ]);
    let g = one_group_of(&c, 7.0, "seven AK-47s");
    assert_eq!(g.verdict, Verdict::Agree, "{g:#?}");
    assert_eq!(g.sources, 2, "{g:#?}");
    assert!(g.entries.iter().all(|e| e.value == 7.0), "{g:#?}");
}

#[test]
fn an_earlier_event_told_in_passing_is_not_this_ones_figure() {
    let a = record(
        "Dunmore Times",
        "2013-06-09",
        "https://dunmore.example/fire",
        "Fire at the Elm mill",
        "Six people were killed in the fire at the Elm mill on Friday. \
         The blaze comes a year after nine people were hurt at the same mill. \
         And in 2005, four others were killed in a fire in the town.",
    );
    let b = record(
        "Valley Post",
        "2013-06-10",
        "https://valley.example/mill",
        "Elm mill fire",
        "Six people were killed in the Elm mill fire on Friday, and 13 people \
         were hurt. The owner, fined in 2006, closed the mill in 2010.",
    );
    let c = compared(&[("a.jsonl", a.as_str()), ("b.jsonl", b.as_str())]);
    assert!(
        c.figures.iter().all(|g| g.verdict != Verdict::Conflict),
        "{:#?}",
        c.figures
    );
    // A year late in a sentence dates a detail, not the event: the toll is
    // still this fire's.
    let g = one_group_of(&c, 6.0, "Six people were killed in the Elm");
    assert_eq!(g.sources, 2, "{g:#?}");
}

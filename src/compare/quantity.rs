//! What a figure counts, read from its clause, so that one group holds one
//! quantity: "four people were shot" (shot), "killing two bailiffs"
//! (bailiffs killed), "Larry Gordon, 44," (the age of Larry Gordon), "two
//! of the officers" (a part, not the total). Rules and word lists:
//! `[figures.quantity]` in `assets/compare.toml`.

use std::ops::Range;

use super::lexicon::Lexicon;
use super::text::{StemIds, Word, content_parts, find_phrase};
use crate::figures::Figure;

/// The identity of a figure's quantity. Figures group only when their
/// identities (and story, unit and subject class) are equal; `Context`
/// figures are then told apart by the words around them.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Identity {
    /// A count: what happened to what was counted ("killed", "people"),
    /// or what was counted ("count", "ak-47"), or a measure that names its
    /// own head ("troops").
    Count {
        what: String,
        head: Option<String>,
        /// "two of the officers": part of a larger count.
        part: bool,
    },
    /// The age of a named person: surname; the first name when given.
    Age { surname: String },
    /// Money, durations, distances, shares: grouped by their context.
    Context,
    /// Nothing in the text says what is counted: the figure stays alone.
    Unknown,
}

/// A figure's identity as read from its clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Reading {
    pub(super) identity: Identity,
    /// Splits a group only where it is stated: the words of an aged
    /// person's name before the surname ("Larry" Gordon and "John" Gordon
    /// are two people, "Larry Darnell" Gordon and "Larry" Gordon one;
    /// "Gordon" alone joins whichever one the story names).
    pub(super) detail: Vec<String>,
    /// The name as written, for labels ("Larry Gordon").
    pub(super) name: Option<String>,
}

impl Reading {
    fn of(identity: Identity) -> Reading {
        Reading {
            identity,
            detail: Vec::new(),
            name: None,
        }
    }
}

/// Measures the extractor gives when the head alone does not say what is
/// counted.
const GENERIC: [&str; 3] = ["count", "people", "casualties"];

/// The identity of figure `f`, whose words in its sentence `text` are
/// `ws[fw]`.
pub(super) fn identity(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    fw: &Range<usize>,
    f: &Figure,
    coordinated: bool,
) -> Reading {
    let q = &lex.quantity;
    if f.measure == "age" {
        return match owner(text, ws, fw) {
            Some(range) => {
                let norm: Vec<&str> = range.clone().map(|k| ws[k].norm.as_str()).collect();
                let written = text
                    .get(ws[range.start].span.start..ws[range.end - 1].span.end)
                    .map(str::to_string);
                Reading {
                    identity: Identity::Age {
                        surname: norm.last().copied().unwrap_or_default().to_string(),
                    },
                    detail: norm[..norm.len().saturating_sub(1)]
                        .iter()
                        .map(|w| w.to_string())
                        .collect(),
                    name: written,
                }
            }
            None => Reading::of(Identity::Unknown),
        };
    }
    if f.unit.is_some() {
        // "three years ago" dates something; it measures nothing.
        if ws.get(fw.end).is_some_and(|w| w.norm == "ago") {
            return Reading::of(Identity::Unknown);
        }
        return Reading::of(Identity::Context);
    }
    let part_of = part_of(lex, ws, fw);
    // "two men and two women were wounded": each count is a part of the
    // wounded, whose whole the clause does not state.
    let part = part_of.is_some() || coordinated;
    // "55 were wounded, ten of whom remain critical": a part of an earlier
    // count named by a pronoun is the whole of its own outcome.
    let outcome_part = part_of == Some(Whole::Named) || coordinated;
    let head = head(lex, f);
    if let Some(what) = q.measures.get(&f.measure) {
        let head = head.or_else(|| Some("people".into()));
        return Reading::of(Identity::Count {
            what: what.clone(),
            head,
            part: outcome_part,
        });
    }
    if !GENERIC.contains(&f.measure.as_str()) {
        return Reading::of(Identity::Count {
            what: f.measure.clone(),
            head: None,
            part,
        });
    }
    Reading::of(match (outcome(lex, text, ws, fw), head) {
        (Some(what), head) => Identity::Count {
            what,
            head: head.or_else(|| Some("people".into())),
            part: outcome_part,
        },
        (None, Some(h)) if h != "people" => Identity::Count {
            what: "count".into(),
            head: Some(h),
            part,
        },
        _ => Identity::Unknown,
    })
}

/// Whether the clause states that the figure is a new level: a revision
/// word within four words before it, with "to" between ("rose to 17", "was
/// revised from nine to seven": seven). The level it came from ("from
/// nine") is the old one, not a new level. "Rose by 12 percent" and
/// "jumped 12 percent" state a change, which is a figure of its own, not a
/// revision.
pub(super) fn states_revision(lex: &Lexicon, text: &str, ws: &[Word], fw: &Range<usize>) -> bool {
    let mut k = fw.start;
    let mut level = false;
    while k > 0 && fw.start - k < 4 {
        if broken(text, &ws[k - 1], &ws[k]) {
            return false;
        }
        k -= 1;
        match ws[k].norm.as_str() {
            "by" => return false,
            "to" => level = true,
            // "from" right before the figure, no "to" between.
            "from" if !level => return false,
            w if lex.quantity.revision.contains(w) => return level,
            _ => {}
        }
    }
    false
}

/// The content stems of a figure's clause, `clause` (the words between the
/// punctuation around it, the figure's own words but no number among them;
/// `SentenceContext::clause_stems` finds them), sorted and distinct: what
/// two reports of one statement share.
pub(super) fn clause_stems(lex: &Lexicon, vocab: &mut StemIds, clause: &[Word]) -> Vec<u32> {
    let mut out: Vec<u32> = clause
        .iter()
        .flat_map(|w| content_parts(&w.norm, lex))
        .map(|p| vocab.id(p))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether punctuation that ends a phrase stands between words `a` and `b`.
pub(super) fn broken(text: &str, a: &Word, b: &Word) -> bool {
    text.get(a.span.end..b.span.start)
        .is_some_and(|gap| gap.contains([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']))
}

/// The outcome word of the figure's clause: after it, across bridge words
/// ("four people were critically injured"), or just before it ("killing
/// two", "shot and wounded three").
fn outcome(lex: &Lexicon, text: &str, ws: &[Word], fw: &Range<usize>) -> Option<String> {
    let q = &lex.quantity;
    let mut k = fw.end;
    let mut end = fw.end + 6;
    let mut aside_skipped = false;
    // The word after a skipped aside follows its comma: not a break.
    let mut after_aside = usize::MAX;
    // "15 critically": the manner names the outcome when no word follows.
    let mut manner: Option<&String> = None;
    while k < ws.len() && k < end {
        if k > 0 && k != after_aside && broken(text, &ws[k - 1], &ws[k]) {
            // One aside between commas ("Nine Israelis, including three
            // civilians, have been killed") is passed over to its verb.
            match aside_end(lex, text, ws, k) {
                Some(after) if !aside_skipped => {
                    aside_skipped = true;
                    end = after + 6;
                    k = after;
                    after_aside = after;
                    continue;
                }
                _ => break,
            }
        }
        let w = ws[k].norm.as_str();
        if let Some(o) = q.outcomes.get(w) {
            return Some(o.clone());
        }
        manner = q.manner.get(w).or(manner);
        if !q.bridge.contains(w) && !q.people.contains(w) {
            break;
        }
        k += 1;
    }
    if let Some(o) = manner {
        return Some(o.clone());
    }
    let mut k = fw.start;
    while k > 0 && fw.start - k < q.before_window {
        if broken(text, &ws[k - 1], &ws[k]) {
            break;
        }
        k -= 1;
        let w = ws[k].norm.as_str();
        if let Some(o) = q.outcomes.get(w) {
            return Some(o.clone());
        }
        if w != "and" && !q.bridge.contains(w) && !["at", "least"].contains(&w) {
            break;
        }
    }
    None
}

/// Where an aside that opens at word `k` (after a comma, with one of the
/// apposition words) ends: the word after its closing comma, within 15
/// words.
fn aside_end(lex: &Lexicon, text: &str, ws: &[Word], k: usize) -> Option<usize> {
    let opens = text
        .get(ws[k - 1].span.end..ws[k].span.start)
        .is_some_and(|g| g.trim() == ",")
        && lex.quantity.apposition.contains(ws[k].norm.as_str());
    if !opens {
        return None;
    }
    (k + 1..ws.len().min(k + 15)).find(|&j| {
        text.get(ws[j - 1].span.end..ws[j].span.start)
            .is_some_and(|g| g.trim() == ",")
    })
}

/// "bailiffs" → "bailiff"; a word of `people` → "people".
fn singular(lex: &Lexicon, w: &str) -> String {
    if lex.quantity.people.contains(w) {
        return "people".into();
    }
    let s = if let Some(stem) = w.strip_suffix("ies").filter(|s| s.len() > 2) {
        format!("{stem}y")
    } else if w.ends_with("ss") || w.len() <= 3 {
        w.to_string()
    } else if let Some(stem) = w.strip_suffix('s') {
        stem.to_string()
    } else {
        w.to_string()
    };
    if lex.quantity.people.contains(s.as_str()) {
        "people".into()
    } else {
        s
    }
}

/// The counted head: the last word of the figure's subject that is no
/// outcome word ("two court bailiffs" → "bailiff", "bailiffs died" →
/// "bailiff"), a word of `people` as "people".
fn head(lex: &Lexicon, f: &Figure) -> Option<String> {
    let subject = f.subject.as_deref()?;
    let ws = super::text::words(subject);
    if let Some(model) = model_name(&ws) {
        return Some(model);
    }
    ws.iter()
        .rev()
        .map(|w| w.norm.as_str())
        .find(|w| {
            !lex.quantity.outcomes.contains_key(*w)
                && w.chars().any(char::is_alphabetic)
                && !lex.stop_words.contains(*w)
                && !["other", "more", "additional"].contains(w)
        })
        .map(|w| singular(lex, w))
}

/// A model name among a subject's words is what is counted, however the
/// rest is worded: "seven AK-47s", "7 AK-47 rifles" and "12 AK 47 guns"
/// count one thing ("ak47"), which "nine assault rifles" does not name.
/// Letters and digits, written joined, hyphenated or spaced, with a plural
/// "s" dropped.
fn model_name(ws: &[Word]) -> Option<String> {
    let letters =
        |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_alphabetic());
    let digits = |w: &str| !w.is_empty() && w.len() <= 4 && w.chars().all(|c| c.is_ascii_digit());
    for (k, w) in ws.iter().enumerate() {
        let norm = w
            .norm
            .strip_suffix('s')
            .filter(|n| n.ends_with(|c: char| c.is_ascii_digit()))
            .unwrap_or(&w.norm);
        if let Some((a, b)) = norm.split_once('-')
            && letters(a)
            && digits(b)
        {
            return Some(format!("{a}{b}"));
        }
        if letters(norm)
            && ws
                .get(k + 1)
                .is_some_and(|n| digits(n.norm.trim_end_matches('s')))
        {
            return Some(format!("{norm}{}", ws[k + 1].norm.trim_end_matches('s')));
        }
    }
    None
}

/// Whether the figure's own words name who it counts, as a proper noun:
/// "Nine Israelis", "40 Palestinians"; not "six dead", "3,000 soldiers"
/// (whose nationality the words around may give).
pub(super) fn names_whom(f: &Figure) -> bool {
    f.subject.as_deref().is_some_and(|s| {
        s.split_whitespace()
            .last()
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    })
}

/// How a part names the whole it is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whole {
    /// "two of the bailiffs".
    Named,
    /// "three of them", "ten of whom": an earlier count.
    Pronoun,
}

/// Whether the figure counts a part of a whole, and how it names it.
fn part_of(lex: &Lexicon, ws: &[Word], fw: &Range<usize>) -> Option<Whole> {
    let end = (fw.end + 3).min(ws.len());
    let near = &ws[fw.start.min(end)..end];
    let q = &lex.quantity;
    let found = |phrases: &[Vec<String>]| phrases.iter().any(|p| !find_phrase(near, p).is_empty());
    if found(&q.part_pronoun) {
        Some(Whole::Pronoun)
    } else if found(&q.part_after) {
        Some(Whole::Named)
    } else {
        None
    }
}

/// How many words open a sentence.
const YEAR_OPENS: usize = 3;

/// Whether a sentence of words `ws` tells of an event before the one
/// reported: a phrase of `earlier` ("a year after", "months ago") or, in
/// its first words, a year before `doc_year`, the article's ("And in 2005,
/// four others were killed" in an article of 2013; a year further on may
/// date a detail of this event: "the gunman, treated in 2006, killed
/// five").
pub(super) fn earlier_event(lex: &Lexicon, ws: &[Word], doc_year: Option<u32>) -> bool {
    let year_before = |w: &Word| {
        doc_year.is_some_and(|doc| {
            w.norm.len() == 4
                && w.norm
                    .parse::<u32>()
                    .is_ok_and(|y| (1900..doc).contains(&y))
        })
    };
    ws.iter().take(YEAR_OPENS).any(year_before)
        || lex
            .quantity
            .earlier
            .iter()
            .any(|p| !find_phrase(ws, p).is_empty())
}

/// Whether two counts of a sentence, `first` before `second` (word
/// ranges), are joined by "and" and share one outcome, each a part of it:
/// "two men and two women were wounded", "captured 12 Somali and 11 Yemeni
/// pirates". Not "one dead and three wounded" nor "killed one person and
/// three were wounded": each count has an outcome of its own.
pub(super) fn coordinated(
    lex: &Lexicon,
    text: &str,
    ws: &[Word],
    first: &Range<usize>,
    second: &Range<usize>,
) -> bool {
    let outcome_in = |from: usize, to: usize| {
        (from..to.min(ws.len())).any(|j| lex.quantity.outcomes.contains_key(&ws[j].norm))
    };
    // An outcome before the first count or in its words.
    let governed = outcome_in(
        first.start.saturating_sub(lex.quantity.before_window),
        first.end,
    );
    // An outcome in the second count's words or its clause's ("three
    // others, including an officer, were injured").
    let own = || outcome_in(second.start, second.end) || outcome(lex, text, ws, second).is_some();
    // At most two words and then "and" between the counts, no outcome and
    // no break among them.
    first.end < second.start
        && second.start - first.end <= 3
        && ws[second.start - 1].norm == "and"
        && !outcome_in(first.end, second.start)
        && (first.end..second.start).all(|k| k == 0 || !broken(text, &ws[k - 1], &ws[k]))
        && !(governed && own())
}

/// The named person an age belongs to: "Larry Gordon, 44," (the name
/// before, then a comma or parenthesis), "Larry Gordon, a 44-year-old
/// cook" (the name before an apposition) or "44-year-old Larry Gordon"
/// (the name after). The name's word indices.
fn owner(text: &str, ws: &[Word], fw: &Range<usize>) -> Option<Range<usize>> {
    let capital = |k: usize| {
        text.get(ws[k].span.clone())
            .and_then(|w| w.chars().next())
            .is_some_and(char::is_uppercase)
    };
    let stated = text.get(ws[fw.start].span.start..ws[fw.end - 1].span.end)?;
    let years_old = stated.ends_with("old") || stated.ends_with("olds");
    // The apposition's article, if any: the name ends before it.
    let article = fw.start > 0 && years_old && matches!(ws[fw.start - 1].norm.as_str(), "a" | "an");
    let after_name = if article { fw.start - 1 } else { fw.start };
    // Before: "Name Name, 44" / "Name Name (44)" / "Name Name, a 44-year-old".
    if after_name > 0 {
        let gap = text.get(ws[after_name - 1].span.end..ws[after_name].span.start);
        if gap.is_some_and(|g| matches!(g.trim(), "," | "(")) && capital(after_name - 1) {
            let mut k = after_name - 1;
            while k > 0 && capital(k - 1) && !broken(text, &ws[k - 1], &ws[k]) {
                k -= 1;
            }
            return Some(k..after_name);
        }
    }
    // After an apposition: "the 45-year-old suspect, Name Name".
    if years_old {
        let mut k = fw.end;
        while k < ws.len() && k < fw.end + 2 && !capital(k) && !broken(text, &ws[k - 1], &ws[k]) {
            k += 1;
        }
        let comma = k > fw.end
            && k < ws.len()
            && text
                .get(ws[k - 1].span.end..ws[k].span.start)
                .is_some_and(|g| g.trim() == ",");
        if comma && capital(k) {
            let mut end = k;
            while end + 1 < ws.len() && capital(end + 1) && !broken(text, &ws[end], &ws[end + 1]) {
                end += 1;
            }
            return Some(k..end + 1);
        }
    }
    // After: "44-year-old Name Name".
    if years_old && fw.end < ws.len() && capital(fw.end) {
        let mut k = fw.end;
        while k + 1 < ws.len() && capital(k + 1) && !broken(text, &ws[k], &ws[k + 1]) {
            k += 1;
        }
        return Some(fw.end..k + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::lexicon::LEXICON;
    use crate::compare::text::words;

    /// The identity of the figure `stated` in `sentence`, as the comparison
    /// reads it, with the extractor's measure and subject given.
    fn id(sentence: &str, stated: &str, measure: &str, subject: Option<&str>) -> Identity {
        let ws = words(sentence);
        let at = sentence.find(stated).expect("stated");
        let span = at..at + stated.len();
        let start = ws.iter().position(|w| w.span.end > span.start).unwrap();
        let end = ws.iter().rposition(|w| w.span.start < span.end).unwrap() + 1;
        let f = Figure {
            span,
            text: stated.into(),
            value: 1.0,
            low: Some(1.0),
            high: Some(1.0),
            qualifier: crate::figures::Qualifier::Exact,
            unit: None,
            measure: measure.into(),
            subject: subject.map(str::to_string),
            derived: false,
            direction: None,
        };
        identity(&LEXICON, sentence, &ws, &(start..end), &f, false).identity
    }

    fn count(what: &str, head: Option<&str>, part: bool) -> Identity {
        Identity::Count {
            what: what.into(),
            head: head.map(str::to_string),
            part,
        }
    }

    #[test]
    fn the_outcome_of_the_clause_says_what_a_count_counts() {
        let s = "Four people were shot and two others were critically injured.";
        assert_eq!(
            id(s, "Four people", "people", Some("people")),
            count("shot", Some("people"), false)
        );
        assert_eq!(
            id(s, "two others", "people", Some("others")),
            count("injured", Some("people"), false)
        );
        let s = "The gunman shot and killed two bailiffs.";
        assert_eq!(
            id(s, "two bailiffs", "count", Some("bailiffs")),
            count("killed", Some("bailiff"), false)
        );
    }

    #[test]
    fn an_aside_between_the_count_and_its_verb_is_passed_over() {
        assert_eq!(
            id(
                "Nine Israelis, including three civilians hit by rockets, have been killed.",
                "Nine Israelis",
                "count",
                Some("Israelis")
            ),
            count("killed", Some("israeli"), false)
        );
        // An aside that opens with another word is not passed over.
        assert_eq!(
            id(
                "Nine Israelis, the army said, have been killed.",
                "Nine Israelis",
                "count",
                Some("Israelis")
            ),
            count("count", Some("israeli"), false)
        );
    }

    #[test]
    fn a_count_of_people_with_no_outcome_is_unknown() {
        let s = "Four police officers responded, along with four people from the fire department.";
        assert_eq!(
            id(s, "four people", "people", Some("people")),
            Identity::Unknown
        );
        // A named thing is counted even without an outcome.
        let s = "Police recovered seven AK-47s from the boat.";
        assert_eq!(
            id(s, "seven AK-47s", "count", Some("AK-47s")),
            count("count", Some("ak47"), false)
        );
    }

    #[test]
    fn a_part_is_not_the_total() {
        let s = "Two of the officers were wounded.";
        assert_eq!(
            id(s, "Two of the officers", "count", Some("officers")),
            count("injured", Some("officer"), true)
        );
        // A part of an earlier count named by a pronoun, with its own
        // outcome, is that outcome's whole.
        let s = "Fifty people were wounded, ten of whom remain critical.";
        assert_eq!(
            id(s, "ten", "count", None),
            count("critical", Some("people"), false)
        );
        let s = "Fifty people were wounded, ten of whom are children.";
        assert_eq!(id(s, "ten", "count", None), Identity::Unknown);
    }

    #[test]
    fn an_age_belongs_to_the_person_named_beside_it() {
        for (s, stated) in [
            ("Larry Gordon, 44, of Coloma was shot.", "44"),
            (
                "The inmate, 44-year-old Larry Gordon of Coloma, fled.",
                "44-year-old",
            ),
            ("Larry Gordon, a 44-year-old cook, was shot.", "44-year-old"),
            (
                "The 44-year-old suspect, Larry Gordon, fled.",
                "44-year-old",
            ),
        ] {
            assert_eq!(
                id(s, stated, "age", None),
                Identity::Age {
                    surname: "gordon".into()
                },
                "{s}"
            );
        }
        assert_eq!(
            id(
                "A 44-year-old man was arrested.",
                "44-year-old",
                "age",
                None
            ),
            Identity::Unknown
        );
    }
}

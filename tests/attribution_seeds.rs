//! Seed expectations for the attribution module. The real segmenter lives elsewhere;
//! `split` below is a small stand-in that keeps quotes whole.

use crosscheck::attribution::{Claimer, ClaimerKind, DocAttribution, analyze, canonical_name};
use std::ops::Range;

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let entry = std::fs::read_dir(dir)
        .expect("seeds dir")
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(prefix))
        .expect("seed file");
    std::fs::read_to_string(entry.path()).expect("read seed")
}

const ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Nov", "Gen", "St", "Lt", "Col", "No", "Sen", "Rep",
];

/// Split into sentences: lines, then `.!?` (plus closing quotes) before a space and an
/// upper-case letter or opening quote, never inside “…” and never after an abbreviation.
fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let base = line_start;
        line_start += line.len();
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let mut start = 0;
        let mut depth = 0i32;
        let mut i = 0;
        while i < chars.len() {
            let (p, c) = chars[i];
            match c {
                '“' => depth += 1,
                '”' => depth = (depth - 1).max(0),
                _ => {}
            }
            if matches!(c, '.' | '!' | '?') && depth == 0
                || (c == '”' && depth == 0 && i > 0 && matches!(chars[i - 1].1, '.' | '!' | '?'))
            {
                let mut j = i + 1;
                while j < chars.len() && matches!(chars[j].1, '”' | '"' | '’' | ')') {
                    j += 1;
                }
                let word_start = line[..p]
                    .rfind(|ch: char| ch.is_whitespace())
                    .map_or(0, |x| x + 1);
                let word = &line[word_start..p];
                let abbrev = ABBREV.contains(&word) || word.contains('.');
                let next_ok = j + 1 < chars.len()
                    && chars[j].1 == ' '
                    && (chars[j + 1].1.is_uppercase() || matches!(chars[j + 1].1, '“' | '"'));
                if !abbrev && next_ok {
                    let end = chars[j].0;
                    push(&mut out, base, line, start, end);
                    start = chars[j + 1].0;
                    i = j + 1;
                    continue;
                }
            }
            i += 1;
        }
        push(&mut out, base, line, start, line.len());
    }
    out
}

fn push(out: &mut Vec<Range<usize>>, base: usize, line: &str, start: usize, end: usize) {
    let s = &line[start..end];
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        let lead = s.len() - s.trim_start().len();
        out.push(base + start + lead..base + start + lead + trimmed.len());
    }
}

struct Doc {
    text: String,
    sents: Vec<Range<usize>>,
    att: DocAttribution,
}

fn load(prefix: &str) -> Doc {
    let text = seed(prefix);
    let sents = split(&text);
    let att = analyze(&text, &sents);
    Doc { text, sents, att }
}

impl Doc {
    /// Index of the sentence containing `needle`, and the needle's offset in it.
    fn find(&self, needle: &str) -> (usize, usize) {
        let at = self
            .text
            .find(needle)
            .unwrap_or_else(|| panic!("no {needle:?} in seed"));
        let si = self
            .sents
            .iter()
            .position(|r| r.start <= at && at < r.end)
            .unwrap_or_else(|| panic!("{needle:?} not in a sentence"));
        (si, at - self.sents[si].start)
    }
    fn claimer_at(&self, needle: &str) -> Option<&Claimer> {
        let (si, off) = self.find(needle);
        self.att.claimer_at(si, off)
    }
    fn name_at(&self, needle: &str) -> Option<String> {
        self.claimer_at(needle).map(|c| c.name.clone())
    }
}

fn person(d: &Doc, needle: &str, name: &str) {
    let c = d
        .claimer_at(needle)
        .unwrap_or_else(|| panic!("no claimer at {needle:?}"));
    assert_eq!(c.name, name, "at {needle:?}");
}

#[test]
fn seed_000() {
    let d = load("000");
    let c = d.claimer_at("More than 10,000").expect("10,000 claimer");
    assert_eq!(c.name, "Jeon Ha-kyou");
    assert_eq!(c.kind, ClaimerKind::Person);
    assert!(
        c.role
            .as_deref()
            .unwrap_or("")
            .contains("South Korea's defense ministry"),
        "{c:?}"
    );
    let c = d.claimer_at("All indications").expect("Ryder");
    assert_eq!(c.name, "Pat Ryder");
    assert!(
        c.role.as_deref().unwrap_or("").contains("Pentagon"),
        "{c:?}"
    );
    assert_eq!(
        d.name_at("The Pentagon has said").as_deref(),
        Some("the Pentagon")
    );
    person(&d, "We would fully expect", "Pat Ryder");
    person(&d, "We urge Europe", "Andrii Sybiha");
    let c = d
        .claimer_at("The first military units of the DPRK")
        .expect("Kovalenko");
    assert_eq!(canonical_name(&c.name), canonical_name("Andriy Kovalenko"));
    assert!(
        c.role
            .as_deref()
            .unwrap_or("")
            .contains("counter-disinformation")
    );
    let c = d.claimer_at("FT writes").expect("FT");
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("Financial Times", ClaimerKind::Organisation)
    );
    // Quotes carry their speakers.
    let q = d
        .att
        .quotes
        .iter()
        .find(|q| q.text.starts_with("We would fully expect"))
        .expect("quote");
    assert_eq!(
        q.speaker.as_ref().map(|c| c.name.as_str()),
        Some("Pat Ryder")
    );
    // Scare quotes without a cue stay unattributed.
    let q = d
        .att
        .quotes
        .iter()
        .find(|q| q.text == "legitimate military targets")
        .expect("quote");
    assert_eq!(q.speaker, None);
}

#[test]
fn seed_001() {
    let d = load("001");
    let c = d.claimer_at("an estimated 11,000").expect("Ukraine");
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("Ukraine", ClaimerKind::Government)
    );
    person(&d, "Umerov said a", "Rustem Umerov");
    let q = d
        .att
        .quotes
        .iter()
        .find(|q| q.text == "small group")
        .expect("small group");
    assert_eq!(
        q.speaker.as_ref().map(|c| c.name.as_str()),
        Some("Rustem Umerov")
    );
    person(&d, "some 11,000", "Volodymyr Zelensky");
    let c = d.claimer_at("Seoul, however").expect("Seoul");
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("Seoul", ClaimerKind::Government)
    );
    let (si, _) = d.find("Most of them are still undergoing training");
    let a = &d.att.sentences[si][0];
    assert_eq!(a.claimer.name, "Rustem Umerov");
    assert_eq!(a.resolved_from.as_deref(), Some("he"));
    assert_eq!(
        d.name_at("told the Reuters").as_deref(),
        Some("US officials")
    );
    person(&d, "They’re wearing Russian uniforms", "Rustem Umerov");
}

#[test]
fn seed_002() {
    let d = load("002");
    let c = d.claimer_at("at least 10,000").expect("Pentagon");
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("the Pentagon", ClaimerKind::Organisation)
    );
    let c = d.claimer_at("up to 12,000").expect("assessments");
    assert_eq!(
        (c.name.as_str(), c.kind),
        ("intelligence assessments", ClaimerKind::Report)
    );
    person(&d, "approximately 3,000", "Rustem Umerov");
    person(&d, "six dead and 23 injured", "Ivan Fedorov");
    let c = d.claimer_at("23 injured").expect("Fedorov");
    assert!(c.role.as_deref().unwrap_or("").contains("Governor"));
}

#[test]
fn seed_003() {
    let d = load("003");
    person(&d, "North Korea deployed 11,000", "Volodymyr Zelensky");
    let c = d.claimer_at("five units of 3,000").expect("Kyiv");
    assert_eq!((c.name.as_str(), c.kind), ("Kyiv", ClaimerKind::Government));
    person(&d, "The clashes were small-scale", "Rustem Umerov");
    let (si, _) = d.find("The minister added");
    let a = &d.att.sentences[si][0];
    assert_eq!(a.claimer.name, "Rustem Umerov");
    assert_eq!(a.resolved_from.as_deref(), Some("The minister"));
    assert_eq!(d.claimer_at("to 15,000"), None);
}

#[test]
fn seed_004() {
    let d = load("004");
    person(&d, "that 11,000", "Volodymyr Zelensky");
    let c = d.claimer_at("10,000.").expect("Miller");
    assert_eq!(c.name, "Matthew Miller");
    assert_eq!(c.role.as_deref(), Some("U.S. State Department spokesman"));
    let (si, off) = d.find("roughly 3,000");
    let c = d.att.claimer_at(si, off).expect("minister");
    assert_eq!(c.name, "Rustem Umerov");
    assert_eq!(
        d.att.sentences[si][0].resolved_from.as_deref(),
        Some("The minister")
    );
    let (si, _) = d.find("“The first battles with North Korean soldiers");
    assert_eq!(
        d.att.sentence_claimer(si).map(|c| c.name.as_str()),
        Some("Volodymyr Zelensky")
    );
    for start in [
        "The first battles with North Korean soldiers",
        "Together with the world",
    ] {
        let q = d
            .att
            .quotes
            .iter()
            .find(|q| q.text.starts_with(start))
            .expect("quote");
        assert_eq!(
            q.speaker.as_ref().map(|c| c.name.as_str()),
            Some("Volodymyr Zelensky"),
            "{start}"
        );
    }
    // Zelenskiy / Zelensky in 004 and Volodymyr Zelensky in 001 and 003: one name.
    person(
        &d,
        "Ukraine's President Volodymyr Zelenskiy said",
        "Volodymyr Zelensky",
    );
    person(&d, "“I want to thank", "Volodymyr Zelensky");
    let d1 = load("001");
    let d3 = load("003");
    assert_eq!(
        d1.name_at("some 11,000"),
        d3.name_at("North Korea deployed 11,000")
    );
    assert_eq!(d1.name_at("some 11,000"), d.name_at("that 11,000"));
}

#[test]
fn seed_quotes_spans_are_marked_text() {
    for p in ["000", "001", "002", "003", "004"] {
        let d = load(p);
        for q in &d.att.quotes {
            let raw = &d.text[q.span.clone()];
            assert!(raw.contains(q.text.as_str()), "{p}: {raw:?}");
            assert!(q.first_sentence <= q.last_sentence);
        }
    }
}

//! The lines above an article's text, as a site's "save as text" or a
//! clipper leaves them: the byline ("By Jane Roe", "Posted by Jane Roe on
//! May 11, 2016"), the date line ("Updated: May 11, 2016 - 5:30 PM",
//! "Nov. 6, 2024", "(Published Sunday, March 8, 2015)", "Published 3:04
//! p.m. ET Jan. 5, 2017") and a credit ("Reuters, Washington,"). They are
//! metadata, not sentences of the article: the author, the publication
//! day and the outlet are read from them, and the lines leave the text.
//!
//! A line counts only when nearly all of it is such metadata: a sentence
//! that mentions a date ("Police said on May 5, 2016 that ...") is text.
//! A date is read only when it names a day with a year.

use crate::{date, outlet};
use regex::Regex;
use std::sync::LazyLock;

/// How a date line labels its date: the publication (`Posted`,
/// `Published`, `Created`, `Original`) ranks before a bare date, which
/// ranks before an update (`Updated`, `Modified`).
pub(super) type Rank = u8;

/// What one header line states.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct HeaderLine {
    /// The day, ISO, and how it is labelled.
    pub date: Option<(String, Rank)>,
    pub author: Option<String>,
    pub outlet: Option<String>,
    /// "By" alone: the author's name is on the next line.
    pub name_follows: bool,
}

/// What the header lines of a text state together.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub date: Option<(String, Rank)>,
    pub author: Option<String>,
    pub outlet: Option<String>,
}

impl Header {
    /// Adds a line's facts; the first of each kind stays, except a date
    /// labelled as the publication, which replaces a bare or updated one.
    pub fn add(&mut self, line: HeaderLine) {
        if let Some((day, rank)) = line.date
            && self.date.as_ref().is_none_or(|(_, r)| rank < *r)
        {
            self.date = Some((day, rank));
        }
        if self.author.is_none() {
            self.author = line.author;
        }
        if self.outlet.is_none() {
            self.outlet = line.outlet;
        }
    }
}

const MONTH: &str = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";

/// A calendar date inside a line: "May 11, 2016", "Nov 20 2019", "20
/// November 2019", "11/19/2019", "11/19/19", "2019-11-19".
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<m1>{MONTH})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>\d{{4}})\b|\b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m2>{MONTH})\.?,?\s+(?P<y2>\d{{4}})\b|\b(?P<a3>\d{{1,2}})/(?P<b3>\d{{1,2}})/(?P<y3>\d{{4}}|\d{{2}})\b|\b(?P<y4>\d{{4}})-(?P<m4>\d{{2}})-(?P<d4>\d{{2}})\b"
    ))
    .expect("date regex compiles")
});

/// A time of day: "5:30 PM", "3:04 p.m.", "11:06am", "06:56", "5 pm".
static TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b\d{1,2}(?::\d{2}){1,2}(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.?m\b\.?")
        .expect("time regex compiles")
});

/// "By Jane Roe", "By: Jane Roe", "Posted by Jane Roe", "Author: Jane Roe".
static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[Bb]y|BY|(?:Written|Posted|Reported|Story) by|Authors?|AUTHOR|Reporter)(?:\s*:\s*|\s+|$)(?P<name>.*)$")
        .expect("byline regex compiles")
});

/// A label alone on its line, its value on the next: "Updated", "By".
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:posted|published|updated|created|last updated|first published|originally published|date|publish date|published on|by)\s*:?$")
        .expect("label regex compiles")
});

/// "Reuters, Washington," — a known outlet and a place.
static CREDIT_PLACE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<outlet>[A-Z][\w&.' -]{1,40}?),\s*[A-Z][A-Za-z.' -]{1,30},?$")
        .expect("credit regex compiles")
});

/// Where a headline's line goes on with its date: "Headline Posted: ...".
static TITLE_THEN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s(?P<label>Posted|Published|Updated|Created)\b:?\s").expect("regex compiles")
});

/// Words a date line may hold besides its dates and times.
fn is_filler(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "posted",
        "published",
        "updated",
        "created",
        "original",
        "originally",
        "first",
        "last",
        "modified",
        "date",
        "publish",
        "on",
        "at",
        "am",
        "pm",
        "a.m",
        "p.m",
        "ago",
        "and",
        "est",
        "edt",
        "et",
        "pst",
        "pdt",
        "pt",
        "cst",
        "cdt",
        "ct",
        "mst",
        "mdt",
        "mt",
        "gmt",
        "utc",
        "bst",
        "cet",
        "cest",
        "ist",
        "kst",
        "jst",
        "aest",
        "hkt",
        "sgt",
        "z",
        "mon",
        "monday",
        "tue",
        "tues",
        "tuesday",
        "wed",
        "wednesday",
        "thu",
        "thur",
        "thurs",
        "thursday",
        "fri",
        "friday",
        "sat",
        "saturday",
        "sun",
        "sunday",
        "minute",
        "minutes",
        "min",
        "mins",
        "hour",
        "hours",
        "hr",
        "hrs",
        "day",
        "days",
        "week",
        "weeks",
        "month",
        "months",
        "year",
        "years",
        "time",
        "s",
    ];
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    w.is_empty() || w.chars().all(|c| c.is_ascii_digit()) || WORDS.contains(&w.as_str())
}

/// Words a name may hold in lower case: "Jean de la Fontaine", "Ludwig
/// van Beethoven", "Jane Roe and John Doe".
fn is_name_connector(word: &str) -> bool {
    matches!(
        word,
        "and"
            | "de"
            | "da"
            | "di"
            | "del"
            | "der"
            | "van"
            | "von"
            | "la"
            | "le"
            | "du"
            | "bin"
            | "al"
            | "of"
            | "&"
    )
}

/// Whether words read as a name or names ("Jane Roe", "KEVIN McGILL",
/// "Jane Roe and John Doe, Staff Writers"): each capitalized or a
/// connector, at most ten, none ending a sentence.
fn is_name(name: &str) -> bool {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    // A final period only after an initial or "Jr.".
    let sentence_end = name.ends_with(['!', '?', ':', ';'])
        || (name.ends_with('.') && words.last().is_some_and(|w| w.chars().count() > 3));
    (1..=10).contains(&words.len())
        && !sentence_end
        && words.iter().all(|w| {
            is_name_connector(w)
                || w.chars()
                    .find(|c| c.is_alphabetic())
                    .is_some_and(char::is_uppercase)
        })
}

/// The ISO day of a date match, if it is a day.
fn day_of(c: &regex::Captures<'_>) -> Option<String> {
    let n = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<u32>().ok());
    let month = |name: &str| {
        c.name(name)
            .and_then(|m| date::parse(&format!("{} 1, 2000", m.as_str())))
            .map(|d| u32::from(d.month))
    };
    let (y, m, d) = if c.name("y1").is_some() {
        (n("y1")?, month("m1")?, n("d1")?)
    } else if c.name("y2").is_some() {
        (n("y2")?, month("m2")?, n("d2")?)
    } else if let Some(y) = c.name("y3") {
        let (a, b) = (n("a3")?, n("b3")?);
        // Month first, as US sites write it, unless the first cannot be one.
        let (m, d) = if a > 12 { (b, a) } else { (a, b) };
        let y: u32 = y.as_str().parse().ok()?;
        let y = match y {
            0..=69 => 2000 + y,
            70..=99 => 1900 + y,
            _ => y,
        };
        (y, m, d)
    } else {
        (n("y4")?, n("m4")?, n("d4")?)
    };
    date::parse(&format!("{y:04}-{m:02}-{d:02}")).map(date::Day::iso)
}

/// The rank of a date by the label written before it (since the previous
/// date).
fn rank_of(before: &str) -> Rank {
    let b = before.to_ascii_lowercase();
    let at = |w: &str| b.rfind(w);
    let publish = ["publish", "posted", "created", "original", "first"]
        .iter()
        .filter_map(|w| at(w))
        .max();
    let update = ["updat", "modif", "last"]
        .iter()
        .filter_map(|w| at(w))
        .max();
    match (publish, update) {
        (Some(p), Some(u)) if u > p => 2,
        (Some(_), _) => 0,
        (None, Some(_)) => 2,
        (None, None) => 1,
    }
}

/// Reads a header line: a date line (with, at most, a byline, a name or a
/// site beside the date), a byline, or a credit naming a known outlet.
/// `name_follows`: the line before was "By" alone.
pub(super) fn read(line: &str, name_follows: bool) -> Option<HeaderLine> {
    let line = line.trim();
    if line.chars().count() > 160 {
        return None;
    }
    if LABEL.is_match(line) {
        return Some(HeaderLine {
            name_follows: line.to_ascii_lowercase().starts_with("by"),
            ..HeaderLine::default()
        });
    }
    if name_follows && is_name(line) && line.split_whitespace().count() <= 6 {
        return Some(HeaderLine {
            author: Some(line.to_string()),
            ..HeaderLine::default()
        });
    }
    date_line(line)
        .or_else(|| byline(line))
        .or_else(|| credit(line))
}

fn date_line(line: &str) -> Option<HeaderLine> {
    let inner = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .unwrap_or(line);
    let mut best: Option<(String, Rank)> = None;
    let mut rest = String::new();
    let mut last = 0;
    for c in DATE.captures_iter(inner) {
        let m = c.get(0)?;
        let before = &inner[last..m.start()];
        rest.push_str(before);
        rest.push(' ');
        if let Some(day) = day_of(&c) {
            let rank = rank_of(before);
            if best.as_ref().is_none_or(|(_, r)| rank < *r) {
                best = Some((day, rank));
            }
        }
        last = m.end();
    }
    rest.push_str(&inner[last..]);
    let date = best?;
    let rest = TIME.replace_all(&rest, " ");
    let words: Vec<&str> = rest
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '\'' | '’' | '&' | '-')))
        .map(|w| w.trim_matches(['.', '-']))
        .filter(|w| !w.is_empty() && !is_filler(w))
        .collect();
    let mut line_facts = HeaderLine {
        date: Some(date),
        ..HeaderLine::default()
    };
    if words.is_empty() {
        return Some(line_facts);
    }
    if words.len() > 10 {
        return None;
    }
    // "By Jane Roe - May 11, 2016", "Posted by Jane Roe on ...".
    if let Some(by) = words.iter().position(|w| w.eq_ignore_ascii_case("by")) {
        let name = words[by + 1..].join(" ");
        let before_ok = words[..by].iter().all(|w| is_filler(w));
        if before_ok && is_name(&name) {
            line_facts.author = Some(name);
            return Some(line_facts);
        }
        return None;
    }
    // "Created: 01/26/2015 1:24 PM KSTP.com": a site.
    if let [site] = words.as_slice()
        && let Some(name) = outlet::from_url_like(site)
    {
        line_facts.outlet = Some(name);
        return Some(line_facts);
    }
    let joined = words.join(" ");
    // "Reuters, Washington, Nov 20 2019".
    if let Some(name) = words.first().and_then(|w| outlet::known(w)) {
        line_facts.outlet = Some(name);
        return Some(line_facts);
    }
    // "Chris Davies - Nov 19, 2019, 8:15 pm CST".
    if (2..=4).contains(&words.len()) && is_name(&joined) {
        line_facts.author = Some(joined);
        return Some(line_facts);
    }
    None
}

fn byline(line: &str) -> Option<HeaderLine> {
    let caps = BYLINE.captures(line)?;
    let name = caps.name("name")?.as_str();
    // "The Water CoolestPublish date:" — a label glued to the name.
    let name = ["Publish", "Updated", "Posted", " - ", " | ", " / "]
        .iter()
        .filter_map(|l| name.find(l))
        .min()
        .map_or(name, |at| &name[..at])
        .trim()
        .trim_end_matches(',');
    if name.is_empty() {
        return Some(HeaderLine {
            name_follows: true,
            ..HeaderLine::default()
        });
    }
    is_name(name).then(|| HeaderLine {
        author: Some(name.to_string()),
        ..HeaderLine::default()
    })
}

/// A credit above the text: "Reuters, Washington,", a known outlet's name
/// alone ("Reuters") or a site's domain alone ("gazette.example").
fn credit(line: &str) -> Option<HeaderLine> {
    let name = match CREDIT_PLACE.captures(line) {
        Some(caps) => outlet::known(caps.name("outlet")?.as_str())?,
        None => outlet::known(line).or_else(|| outlet::from_url_like(line))?,
    };
    Some(HeaderLine {
        outlet: Some(name),
        ..HeaderLine::default()
    })
}

/// Where a first line that is a headline and its date line together
/// ("Arrest made in club shooting Posted: Sunday, February 22, 2015 10:04
/// AM EST") splits: the byte offset of the date part.
pub(super) fn title_then_date(line: &str) -> Option<usize> {
    let at = TITLE_THEN_DATE.captures(line)?.name("label")?.start();
    let tail = &line[at..];
    if tail.chars().count() > 160 {
        return None;
    }
    date_line(tail)?;
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(line: &str) -> Option<String> {
        read(line, false)?.date.map(|(d, _)| d)
    }

    fn author(line: &str) -> Option<String> {
        read(line, false)?.author
    }

    #[test]
    fn date_lines() {
        for (line, day) in [
            ("Updated: May 11, 2016 - 5:30 PM", "2016-05-11"),
            ("Nov. 6, 2024", "2024-11-06"),
            ("Published 3:04 p.m. ET Jan. 5, 2017", "2017-01-05"),
            ("(Published Sunday, March 8, 2015)", "2015-03-08"),
            ("Wednesday, 20 November 2019 08:05 GMT", "2019-11-20"),
            ("Nov 20 2019, 11:06am ist", "2019-11-20"),
            ("1:39 am EST, Wednesday, November 20, 2019", "2019-11-20"),
            (
                "Published: Saturday, 2/21/2015 - Updated: 2 months ago",
                "2015-02-21",
            ),
            ("2019-11-19", "2019-11-19"),
            ("23/08/2018", "2018-08-23"),
        ] {
            assert_eq!(date(line).as_deref(), Some(day), "{line}");
        }
    }

    #[test]
    fn the_publication_date_before_the_update() {
        assert_eq!(
            date("Posted: Sunday, February 22, 2015 10:04 AM EST Updated: Friday, February 27, 2015 10:13 AM EST")
                .as_deref(),
            Some("2015-02-22")
        );
        assert_eq!(
            date("Updated Nov. 20, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET").as_deref(),
            Some("2019-11-19")
        );
        let mut h = Header::default();
        h.add(read("Updated: 01/27/2015 10:24 PM", false).unwrap());
        h.add(read("Created: 01/26/2015 1:24 PM", false).unwrap());
        assert_eq!(h.date.map(|d| d.0).as_deref(), Some("2015-01-26"));
    }

    #[test]
    fn bylines_with_and_without_dates() {
        assert_eq!(author("By Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(
            author("By: Jane Roe and John Doe").as_deref(),
            Some("Jane Roe and John Doe")
        );
        assert_eq!(author("by Jane Roe").as_deref(), Some("Jane Roe"));
        assert_eq!(
            author("Author:Jane RoePublish date:").as_deref(),
            Some("Jane Roe")
        );
        let l = read("By Jane Roe - 11/19/19 06:56 AM EST", false).unwrap();
        assert_eq!(l.author.as_deref(), Some("Jane Roe"));
        assert_eq!(l.date.map(|d| d.0).as_deref(), Some("2019-11-19"));
        let l = read(
            "Posted by Jane Roe on November 19, 2019, 6:21 AM EST",
            false,
        )
        .unwrap();
        assert_eq!(l.author.as_deref(), Some("Jane Roe"));
        let l = read("Jane Roe - Nov 19, 2019, 8:15 pm CST", false).unwrap();
        assert_eq!(l.author.as_deref(), Some("Jane Roe"));
        let l = read("5:45 AM PST 11/19/2019 by Jane Roe", false).unwrap();
        assert_eq!(l.author.as_deref(), Some("Jane Roe"));
        // "By" alone, the name on the next line.
        assert!(read("By", false).unwrap().name_follows);
        assert_eq!(
            read("Jane Roe", true).unwrap().author.as_deref(),
            Some("Jane Roe")
        );
    }

    #[test]
    fn credits_name_the_outlet() {
        assert_eq!(
            read("Reuters, Washington,", false)
                .unwrap()
                .outlet
                .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            read("Created: 01/26/2015 1:24 PM kstp.example", false)
                .unwrap()
                .outlet
                .as_deref(),
            Some("kstp.example")
        );
        assert_eq!(
            read("Reuters", false).unwrap().outlet.as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            read("gazette.example", false).unwrap().outlet.as_deref(),
            Some("gazette.example")
        );
        // Not a known outlet: not a credit.
        assert_eq!(read("Smith, Jones,", false), None);
        assert_eq!(read("Gazette", false), None);
    }

    #[test]
    fn sentences_are_not_header_lines() {
        for line in [
            "Police said on May 5, 2016 that the road was closed.",
            "By Monday, the troops had crossed the river.",
            "By then the flood had reached 3 meters on Nov. 6, 2024",
            "The vote is on 11/19/2019 and the count follows",
            "Troops Cross the River",
            "Nov. 6",
            "May 40, 2016",
            "",
        ] {
            assert_eq!(read(line, false), None, "{line}");
        }
    }

    proptest::proptest! {
        /// Any line of date, byline and label pieces: an answer, never a
        /// panic.
        #[test]
        fn any_line_reads_without_panic(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "By ", "Posted", ": ", "Nov. 6, 2024", "11/19/19", "2019-13-45", " - ",
                "5:30 PM", "\u{a0}", "é", "Reuters", ", ", "(", ")", "Jane Roe", "by",
                "Updated", "gazette.example", "31 February 2020", " ",
            ]),
            0..20,
        )) {
            let line: String = parts.concat();
            let _ = read(&line, false);
            let _ = read(&line, true);
            if let Some(at) = title_then_date(&line) {
                assert!(line.is_char_boundary(at));
            }
        }
    }

    #[test]
    fn headline_and_date_on_one_line() {
        let line = "Ferry back on the river Posted: Sunday, February 22, 2015 10:04 AM EST";
        let at = title_then_date(line).unwrap();
        assert_eq!(line[..at].trim(), "Ferry back on the river");
        assert_eq!(title_then_date("The ferry Posted a loss"), None);
        // A space of more than one byte before the label.
        let line = "Ferry back\u{a0}Posted:\u{a0}Sunday, February 22, 2015";
        let at = title_then_date(line).unwrap();
        assert_eq!(line[..at].trim(), "Ferry back");
    }
}

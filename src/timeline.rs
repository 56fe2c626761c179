//! A figure group over time: its entries in publication order, the first
//! report and the latest, stated revisions ("revised from nine to seven",
//! "rose to 17") marked as such, and the entries of undated sources listed
//! apart — a missing date is never guessed.

use crate::compare::FigureGroup;
use crate::date::Stamp;
use serde::Serialize;

/// One entry of a group on its timeline.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    /// Index into the group's entries.
    pub entry: usize,
    #[serde(skip)]
    pub stamp: Option<Stamp>,
    /// The entry states that the figure changed.
    pub revision: bool,
    /// Published on the earliest date of the group.
    pub first: bool,
    /// Published on the latest date, when the group has several.
    pub latest: bool,
}

/// A group's entries over time.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Timeline {
    /// Dated entries in publication order (days without a year after the
    /// days with one).
    pub dated: Vec<Point>,
    /// Entries whose source states no date, in corpus order.
    pub undated: Vec<Point>,
}

impl Timeline {
    pub fn of(g: &FigureGroup) -> Timeline {
        let stamp = |i: usize| {
            g.entries
                .get(i)
                .and_then(|e| e.date.as_deref())
                .and_then(Stamp::parse)
        };
        let point = |i: usize| Point {
            entry: i,
            stamp: stamp(i),
            revision: g.entries.get(i).is_some_and(|e| e.revision),
            first: false,
            latest: false,
        };
        let mut out = Timeline::default();
        for &i in &g.timeline {
            if stamp(i).is_some() {
                out.dated.push(point(i));
            } else {
                out.undated.push(point(i));
            }
        }
        let keys = |p: &Point| p.stamp.map(Stamp::sort_key);
        let first = out.dated.first().and_then(keys);
        let last = out.dated.last().and_then(keys);
        for p in &mut out.dated {
            p.first = keys(p) == first;
            p.latest = first != last && keys(p) == last;
        }
        out
    }

    /// Every point, dated first.
    pub fn points(&self) -> impl Iterator<Item = &Point> {
        self.dated.iter().chain(&self.undated)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{self, Verdict};
    use crate::{Corpus, analysis, load};

    fn doc(date: &str, title: &str, text: &str) -> String {
        format!("---\ntitle: {title}\ndate: {date}\n---\n\n{text}\n")
    }

    #[test]
    fn a_revision_from_one_level_to_another_marks_only_the_new_one() {
        let first = doc(
            "2020-06-01",
            "Shooting at Lakeview park",
            "Three people were wounded in a shooting at Lakeview park on \
             Sunday night, police said.",
        );
        let later = doc(
            "2020-06-02",
            "Lakeview park wounded count revised",
            "The number of people wounded in the shooting at Lakeview park on \
             Sunday night was revised from three to four, police said.",
        );
        let loaded = load::load_named([("a.md", first.as_bytes()), ("c.md", later.as_bytes())]);
        let corpus = Corpus {
            documents: loaded.documents,
        };
        let cmp = compare::compare(&corpus, &analysis::analyze(&corpus));
        let g = cmp.figures.iter().find(|g| g.measure == "injured").unwrap();
        assert_eq!(g.verdict, Verdict::Revised);
        let t = Timeline::of(g);
        let stated: Vec<(f64, bool)> = t
            .dated
            .iter()
            .map(|p| (g.entries[p.entry].value, p.revision))
            .collect();
        // Publication order, and in the later report, corpus order: the old
        // level (three, no revision), then the new one.
        assert_eq!(stated, [(3.0, false), (3.0, false), (4.0, true)]);
    }

    #[test]
    fn reports_in_date_order_with_the_revision_marked_and_the_undated_apart() {
        let later = doc(
            "2020-06-02",
            "Lakeview park wounded count revised",
            "The number of people wounded in the shooting at Lakeview park on \
             Sunday night was revised to four, police said.",
        );
        let first = doc(
            "2020-06-01",
            "Shooting at Lakeview park",
            "Three people were wounded in a shooting at Lakeview park on \
             Sunday night, police said.",
        );
        let undated = "Three hurt in Lakeview park shooting\n\nPolice said three people \
            were wounded in a shooting at Lakeview park on Sunday night.";
        let loaded = load::load_named([
            ("c.md", later.as_bytes()),
            ("a.md", first.as_bytes()),
            ("b.txt", undated.as_bytes()),
        ]);
        let corpus = Corpus {
            documents: loaded.documents,
        };
        let cmp = compare::compare(&corpus, &analysis::analyze(&corpus));
        let g = cmp
            .figures
            .iter()
            .find(|g| g.measure == "injured")
            .expect("one group of the wounded counts");
        assert_eq!(g.verdict, Verdict::Revised);
        let t = Timeline::of(g);
        let source = |p: &Point| &*g.entries[p.entry].source;
        let dated: Vec<&str> = t.dated.iter().map(source).collect();
        assert_eq!(dated, ["a.md", "c.md"]);
        assert!(t.dated[0].first && !t.dated[0].latest && !t.dated[0].revision);
        assert!(t.dated[1].latest && t.dated[1].revision);
        let undated: Vec<&str> = t.undated.iter().map(source).collect();
        // The undated source's headline and sentence.
        assert_eq!(undated, ["b.txt", "b.txt"]);
        assert!(!t.undated[0].first && !t.undated[0].latest);
    }
}

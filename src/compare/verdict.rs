//! The verdict of a figure group: do distinct sources give compatible
//! intervals for the one quantity? Precise figures decide, and so do vague
//! amounts of an order of magnitude ("dozens", "tens of thousands": their
//! interval is wide but real); "several" or "a few" never do. `conflict`
//! needs two *different* sources whose intervals do not meet (one outlet
//! giving two values is no disagreement between outlets; copies were
//! already folded into their origin). A conflict where an entry states a
//! revision ("rose to 17", "was revised") is `revised`: the figures
//! changed over time, and the timeline shows the order.

use rustc_hash::FxHashMap as HashMap;

use super::{FigureEntry, Verdict};
use crate::figures::Direction;

/// Vague amounts whose interval starts this high, in the unit they were
/// written in, take part in verdicts: "dozens", "tens of thousands" state
/// an order of magnitude; "several weeks" (21 days) does not.
const MIN_VAGUE_LOW: f64 = 20.0;

/// Whether the entry decides the verdict.
pub(super) fn decides(e: &FigureEntry) -> bool {
    !e.vague || e.low.is_some_and(|l| l >= MIN_VAGUE_LOW)
}

/// As [`decides`], for a figure before it is an entry.
pub(super) fn decides_figure(f: &crate::figures::Figure) -> bool {
    f.qualifier != crate::figures::Qualifier::Vague || f.low.is_some_and(|l| l >= MIN_VAGUE_LOW)
}

pub(super) fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

/// The verdict of a group from its deciding entries.
pub(super) fn verdict(deciding: &[&FigureEntry]) -> Verdict {
    // "rose 2.3%" against "fell 2.3%": when the group states changes both
    // ways, a fall counts below zero. A change without a stated direction
    // is taken as written (it may be either).
    let has = |d| deciding.iter().any(|e| e.direction == Some(d));
    let both_ways = has(Direction::Up) && has(Direction::Down);
    let signed = |e: &FigureEntry| {
        let (low, high) = (
            e.base_low.unwrap_or(f64::NEG_INFINITY),
            e.base_high.unwrap_or(f64::INFINITY),
        );
        match e.direction {
            Some(Direction::Down) if both_ways => (-high, -low),
            _ => (low, high),
        }
    };
    // Per source: its lowest upper bound and highest lower bound.
    let mut bounds: HashMap<&str, (f64, f64)> = HashMap::default();
    for e in deciding {
        let b = bounds
            .entry(&e.source)
            .or_insert((f64::INFINITY, f64::NEG_INFINITY));
        let (low, high) = signed(e);
        b.0 = b.0.min(high);
        b.1 = b.1.max(low);
    }
    if bounds.len() < 2 {
        return Verdict::Single;
    }
    if conflicting_sources(&bounds) {
        return if deciding.iter().any(|e| e.revision) {
            Verdict::Revised
        } else {
            Verdict::Conflict
        };
    }
    let first = deciding[0].base_value;
    if deciding.iter().all(|e| same_value(e.base_value, first)) {
        Verdict::Agree
    } else {
        Verdict::Compatible
    }
}

/// Whether a figure of one source and a figure of another have intervals
/// that do not meet: the two sources with the lowest upper bounds against
/// the two with the highest lower bounds cover every such pair.
fn conflicting_sources(bounds: &HashMap<&str, (f64, f64)>) -> bool {
    let mut by_high: Vec<(&str, f64)> = bounds.iter().map(|(s, b)| (*s, b.0)).collect();
    let mut by_low: Vec<(&str, f64)> = bounds.iter().map(|(s, b)| (*s, b.1)).collect();
    by_high.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(b.0)));
    by_low.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    by_high.iter().take(2).any(|(hs, high)| {
        by_low
            .iter()
            .take(2)
            .any(|(ls, low)| hs != ls && high < low && !same_value(*high, *low))
    })
}

/// Entry indices in publication order: dated entries by date, then those
/// dated without a year ("Nov. 6") by month and day, then the undated,
/// each in corpus order.
pub(super) fn timeline(entries: &[FigureEntry]) -> Vec<usize> {
    let day = |e: &FigureEntry| {
        e.date
            .as_deref()
            .and_then(crate::date::Stamp::parse)
            .map_or((2, 0), crate::date::Stamp::sort_key)
    };
    let mut order: Vec<usize> = (0..entries.len()).collect();
    order.sort_by_key(|&i| (day(&entries[i]), entries[i].id, i));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::tests::entry_of;

    #[test]
    fn one_outlet_with_two_values_is_no_conflict_between_outlets() {
        // a gives 15 and 17 (it quotes two counts): no other outlet.
        let a1 = entry_of("a", 15.0, Some(15.0), Some(15.0));
        let a2 = entry_of("a", 17.0, Some(17.0), Some(17.0));
        assert_eq!(verdict(&[&a1, &a2]), Verdict::Single);
        let b = entry_of("b", 17.0, Some(17.0), Some(17.0));
        assert_eq!(verdict(&[&a2, &b]), Verdict::Agree);
        // b's 17 against a's 15: two outlets state values that do not meet.
        assert_eq!(verdict(&[&a1, &a2, &b]), Verdict::Conflict);
        // Hedges that meet are no conflict: "more than 15" and 17.
        let d = entry_of("d", 15.0, Some(15.0), None);
        assert_eq!(verdict(&[&a2, &d]), Verdict::Compatible);
    }

    #[test]
    fn an_order_of_magnitude_decides_and_several_does_not() {
        let exact = entry_of("a", 150_000.0, Some(150_000.0), Some(150_000.0));
        let mut tens = entry_of("b", 50_000.0, Some(20_000.0), Some(99_999.0));
        tens.vague = true;
        assert!(decides(&tens));
        assert_eq!(verdict(&[&exact, &tens]), Verdict::Conflict);
        let mut several = entry_of("b", 5.0, Some(3.0), Some(9.0));
        several.vague = true;
        assert!(!decides(&several));
    }

    #[test]
    fn a_stated_revision_is_no_conflict() {
        let a = entry_of("a", 15.0, Some(15.0), Some(15.0));
        let mut b = entry_of("b", 17.0, Some(17.0), Some(17.0));
        b.revision = true;
        assert_eq!(verdict(&[&a, &b]), Verdict::Revised);
    }
}

//! Products: "five units of 3,000 soldiers each" gives a derived figure.

use super::*;

impl Extractor<'_, '_> {
    /// "five units of roughly 3,000 soldiers each" -> units 5, troops ~3,000 and
    /// a derived troops ~15,000.
    pub(super) fn product(&self, a: &Cand, b: &Cand) -> Option<(Figure, Figure)> {
        if a.fig.unit.is_some()
            || a.fig.derived
            || b.fig.measure == "age"
            || b.fig.measure == "percent"
        {
            return None;
        }
        if b.ts < a.te {
            return None;
        }
        let gap: Vec<&str> = (a.te..b.ts)
            .map(|k| self.n(k))
            .filter(|w| *w != ",")
            .collect();
        let conn = self
            .lex
            .product_connectors
            .iter()
            .any(|c| c.iter().map(String::as_str).eq(gap.iter().copied()));
        let group = a.head.is_some_and(|h| h.group);
        let each_inside = gap.first() == Some(&"each");
        if !conn || !(group || b.each_end.is_some() || each_inside) || (gap == ["of"] && !group) {
            return None;
        }
        if !(group || b.each_end.is_some() || each_inside) {
            return None;
        }
        let mut bf = b.fig.clone();
        if group
            && self.military()
            && a.fig.measure == "units"
            && matches!(bf.measure.as_str(), "people" | "count")
        {
            bf.measure = "troops".to_string();
        }
        let end_tok = b.each_end.unwrap_or(b.te);
        let (span, text) = self.text(a.ts, end_tok);
        let mul = |x: Option<f64>, y: Option<f64>| match (x, y) {
            (Some(x), Some(y)) => Some(x * y),
            _ => None,
        };
        let low = mul(a.fig.low, bf.low);
        let high = mul(a.fig.high, bf.high);
        let qualifier = combine(a.fig.qualifier, bf.qualifier, low, high);
        let d = Figure {
            span,
            text,
            value: a.fig.value * bf.value,
            low,
            high,
            qualifier,
            unit: bf.unit.clone(),
            measure: bf.measure.clone(),
            subject: bf.subject.clone(),
            derived: true,
            direction: None,
        };
        Some((bf, d))
    }
}

pub(super) fn combine(
    a: Qualifier,
    b: Qualifier,
    low: Option<f64>,
    high: Option<f64>,
) -> Qualifier {
    use Qualifier::*;
    if a == Exact && b == Exact {
        return Exact;
    }
    let pick = |cands: &[Qualifier]| [b, a].into_iter().find(|q| cands.contains(q));
    match (low, high) {
        (Some(_), Some(_)) => {
            if a == Range || b == Range {
                Range
            } else if a == Vague || b == Vague {
                Vague
            } else {
                Approximate
            }
        }
        (Some(_), None) => pick(&[MoreThan, AtLeast]).unwrap_or(AtLeast),
        (None, Some(_)) => pick(&[UpTo, AtMost, LessThan]).unwrap_or(UpTo),
        (None, None) => Vague,
    }
}

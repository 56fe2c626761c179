//! How figures read to a person: "10,000", "≥10,000", "~3,000 troops",
//! "1,448–1,500 km". Shared by the CLI reports and the TUI.

use crate::compare::{FigureEntry, FigureGroup};
use crate::figures::Figure;

/// Cuts `s` to at most `max` characters at a word boundary, with an
/// ellipsis when cut: labels and one-line previews of sentences.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    if let Some(p) = out.rfind(' ') {
        out.truncate(p);
    }
    out.push('…');
    out
}

/// 10000 → "10,000"; 1.5 → "1.5"; 0.333… → "0.33".
pub fn format_number(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let neg = rounded < 0.0;
    let abs = rounded.abs();
    let int = abs.trunc() as u128;
    let frac = abs - abs.trunc();
    let digits = int.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let mut out = if neg { format!("-{grouped}") } else { grouped };
    if frac > 0.0 {
        let f = format!("{frac:.2}");
        out.push_str(f.trim_start_matches('0').trim_end_matches('0'));
    }
    out
}

/// "≈ 3,000", "> 10,000", "≤ 12,000", "10,000–12,000": the value with its
/// hedge, as a reader says it.
pub fn describe(f: &Figure) -> String {
    use crate::figures::Qualifier::*;
    let unit = f.unit.as_deref().map_or(String::new(), |u| format!(" {u}"));
    let v = format_number(f.value);
    let core = match f.qualifier {
        Exact => v,
        Approximate => format!("~{v}"),
        AtLeast => format!("≥{v}"),
        MoreThan => format!(">{v}"),
        AtMost | UpTo => format!("≤{v}"),
        LessThan => format!("<{v}"),
        Range => format!(
            "{}–{}",
            f.low.map_or("?".into(), format_number),
            f.high.map_or("?".into(), format_number)
        ),
        Vague => format!("vague ~{v}"),
    };
    format!("{core}{unit}")
}

/// "≥10,000", "~3,000", ">900 mi": the entry's figure as the extractor read
/// it, or its value when the figure is not at hand.
pub fn entry_value(e: &FigureEntry, figure: Option<&Figure>) -> String {
    figure.map_or_else(|| format_number(e.value), describe)
}

pub fn spread(g: &FigureGroup) -> String {
    let unit = g
        .base_unit
        .as_deref()
        .map_or(String::new(), |u| format!(" {u}"));
    match g.spread {
        Some(s) if s.low == s.high => format!("{}{unit}", format_number(s.low)),
        Some(s) => format!("{}–{}{unit}", format_number(s.low), format_number(s.high)),
        None => "no precise value".to_string(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shorten_cuts_at_a_word_and_counts_characters() {
        assert_eq!(
            super::shorten("North Korean troops", 19),
            "North Korean troops"
        );
        assert_eq!(super::shorten("North Korean troops", 15), "North Korean…");
        assert_eq!(super::shorten("Zaporizhzhia", 5), "Zapor…");
        assert_eq!(super::shorten("Київ — столиця", 6), "Київ…");
    }

    #[test]
    fn format_number() {
        assert_eq!(super::format_number(10000.0), "10,000");
        assert_eq!(super::format_number(1.5), "1.5");
        assert_eq!(super::format_number(4.2e9), "4,200,000,000");
        assert_eq!(super::format_number(1.0 / 3.0), "0.33");
        assert_eq!(super::format_number(-1500.25), "-1,500.25");
        assert_eq!(super::format_number(999.0), "999");
    }
}

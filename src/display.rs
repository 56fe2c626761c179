//! How the comparison reads to a person: figures as "10,000", "≥10,000",
//! "~3,000 troops", "1,448–1,500 km", and labels cut to a line. The library
//! keeps numbers and whole labels; the CLI reports and the TUI format them
//! here.

use crate::fit::fit_words;
use crosscheck::compare::{FigureEntry, FigureGroup, StatementLabel};
use crosscheck::figures::Figure;

/// Columns of a quote in a statement label.
const LABEL_QUOTE_WIDTH: usize = 90;
/// Columns of a sentence in a statement label.
const LABEL_SENTENCE_WIDTH: usize = 100;
/// Columns of a story label.
const STORY_WIDTH: usize = 80;

/// "Volodymyr Zelensky: “new chapter of instability in the world”", its
/// quote or sentence cut at a word to a line.
pub fn statement_label(l: &StatementLabel) -> String {
    let text = if l.quoted {
        format!("“{}”", fit_words(&l.text, LABEL_QUOTE_WIDTH))
    } else {
        fit_words(&l.text, LABEL_SENTENCE_WIDTH)
    };
    match &l.claimer {
        Some(c) => format!("{c}: {text}"),
        None => text,
    }
}

/// A story's title, cut at a word to a line.
pub fn story_label(label: &str) -> String {
    fit_words(label, STORY_WIDTH)
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
    use crosscheck::figures::Qualifier::*;
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

/// "10,000–15,000", "5 week", "900–932 mi (1,448–1,500 km)": the lowest
/// and highest value that decide the group's verdict, in the unit most of
/// its entries were written in, and in the base unit too when they used
/// several (a reader should not have to convert 10,592 days into years).
pub fn spread(g: &FigureGroup) -> String {
    let Some(s) = g.spread else {
        return "no precise value".to_string();
    };
    let range = |low: f64, high: f64, unit: &str| {
        let unit = if unit.is_empty() {
            String::new()
        } else {
            format!(" {unit}")
        };
        if format_number(low) == format_number(high) {
            format!("{}{unit}", format_number(low))
        } else {
            format!("{}–{}{unit}", format_number(low), format_number(high))
        }
    };
    let base = g.base_unit.as_deref().unwrap_or("");
    let written = g.units.first().map_or(base, String::as_str);
    let (factor, to) = crosscheck::figures::to_base_unit(1.0, Some(written));
    let convertible = written != base && to == Some(base) && factor > 0.0;
    if !convertible {
        return range(s.low, s.high, base);
    }
    // Values converted between units carry digits nobody wrote.
    let round = |v: f64| if v.abs() >= 100.0 { v.round() } else { v };
    let in_written = range(round(s.low / factor), round(s.high / factor), written);
    if g.units.len() > 1 {
        let in_base = range(round(s.low), round(s.high), base);
        format!("{in_written} ({in_base})")
    } else {
        in_written
    }
}

#[cfg(test)]
mod tests {
    use crosscheck::compare::StatementLabel;

    #[test]
    fn statement_labels_cut_the_quote_inside_its_marks() {
        let quote = "new chapter of instability in the world ".repeat(3);
        let l = StatementLabel {
            claimer: Some("Volodymyr Zelensky".into()),
            text: quote.trim().into(),
            quoted: true,
        };
        assert_eq!(
            super::statement_label(&l),
            "Volodymyr Zelensky: “new chapter of instability in the world new chapter of \
             instability in the world new…”"
        );
        assert_eq!(
            l.to_string(),
            format!("Volodymyr Zelensky: “{}”", quote.trim())
        );
        let short = StatementLabel {
            claimer: None,
            text: "Troops arrived.".into(),
            quoted: false,
        };
        assert_eq!(super::statement_label(&short), "Troops arrived.");
        assert_eq!(
            super::story_label(&"word ".repeat(20)),
            format!("{}…", "word ".repeat(16).trim_end())
        );
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

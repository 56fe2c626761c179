//! Table test of the figure extractor: phrases of the kinds news carries.
//!
//! Row: `sentence | needle | value | low | high | qualifier | measure | unit`
//! - the figure checked is the first whose text contains `needle`
//!   (`*needle`: the first derived one);
//! - `-` for an unbounded low/high or no unit;
//! - `sentence | NONE`: no figure at all;
//! - `sentence | NOCOUNT`: figures allowed only with measure `age`;
//! - `sentence | !needle`: no figure whose text contains `needle`.
//!
//! The rows live in `figures_table.txt`, one per line, `#` for comments.

use crosscheck::figures::*;

const TABLE: &str = include_str!("figures_table.txt");

fn num(s: &str) -> Option<f64> {
    let s = s.trim();
    if s == "-" {
        None
    } else {
        Some(s.parse().unwrap_or_else(|_| panic!("bad number {s:?}")))
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-4 * b.abs().max(1e-9) + 1e-9
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

fn qualifier(s: &str) -> Qualifier {
    serde_json::from_str(&format!("\"{}\"", s.trim()))
        .unwrap_or_else(|_| panic!("bad qualifier {s:?}"))
}

#[test]
fn table() {
    let mut rows = 0;
    let mut failures = Vec::new();
    for line in TABLE.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        rows += 1;
        let cols: Vec<&str> = line.split('|').map(str::trim).collect();
        let sentence = cols[0];
        let figs = extract_figures(sentence);
        for f in &figs {
            assert_eq!(&sentence[f.span.clone()], f.text, "{sentence}");
        }
        let fail = match cols[1] {
            "NONE" => (!figs.is_empty()).then(|| format!("expected no figure, got {figs:?}")),
            "NOCOUNT" => figs
                .iter()
                .find(|f| f.measure != "age")
                .map(|f| format!("expected only ages, got {f:?}")),
            not if not.starts_with('!') => figs
                .iter()
                .find(|f| f.text.contains(&not[1..]))
                .map(|f| format!("expected no figure with {not:?}, got {f:?}")),
            needle => {
                assert_eq!(cols.len(), 8, "row needs 8 columns: {line}");
                let (derived, needle) = match needle.strip_prefix('*') {
                    Some(n) => (true, n),
                    None => (false, needle),
                };
                match figs
                    .iter()
                    .find(|f| f.derived == derived && f.text.contains(needle))
                {
                    None => Some(format!("no figure with {needle:?}: {figs:?}")),
                    Some(f) => {
                        let value = num(cols[2]).expect("value");
                        let (low, high) = (num(cols[3]), num(cols[4]));
                        let unit = (cols[7] != "-").then_some(cols[7]);
                        let ok = close(f.value, value)
                            && close_opt(f.low, low)
                            && close_opt(f.high, high)
                            && f.qualifier == qualifier(cols[5])
                            && f.measure == cols[6]
                            && f.unit.as_deref() == unit;
                        (!ok).then(|| format!("got {f:?}"))
                    }
                }
            }
        };
        if let Some(msg) = fail {
            failures.push(format!("{line}\n    {msg}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {rows} rows failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert!(rows >= 600, "only {rows} rows");
}

#[test]
fn never_panics_and_spans_are_char_boundaries() {
    let nasty = [
        "",
        " ",
        "—",
        "“”’‘",
        "1",
        "1,",
        "1.",
        ",1",
        "-1-",
        "$",
        "$ 5",
        "10,000-",
        "-10,000",
        "between 5 and",
        "from 5 to",
        "five units of",
        "five units of 3,000 each",
        "half",
        "a third",
        "one in",
        "one in zero",
        "up to",
        "more than a",
        "1\u{a0}000\u{a0}troops",
        "٣٠٠ جندي",
        "三千名士兵",
        "10,000\u{200b}troops",
        "99999999999999999999999999999999999999 troops",
        "1e308 1,000,000,000,000,000,000,000,000,000,000,000,000 million billion trillion",
        "½ ¼ ¾ 1½ miles",
        "🙂 5 🙂 soldiers 🙂",
        "a-b-c-1-2-3",
        "1-2-3-4-5-6",
        "..1..2..",
        "twenty-",
        "-twenty",
        "and a half",
        "five and a",
        "half a",
        "thousands of",
        "Cart: $",
    ];
    for s in nasty {
        for f in extract_figures(s) {
            assert!(
                s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end),
                "{s:?}"
            );
            assert_eq!(&s[f.span.clone()], f.text);
            assert!(f.value.is_finite() || f.value.is_infinite());
        }
    }
}

/// A stated change keeps its direction; a level ("rose to 45", "from 5% to
/// 4%") and a count of people ("lost 1,000 troops") have none.
#[test]
fn directions() {
    let rows: [(&str, &str, Option<Direction>); 12] = [
        (
            "The index fell 2.3% on Friday.",
            "2.3%",
            Some(Direction::Down),
        ),
        ("Shares rose 4.5% to 312p.", "4.5%", Some(Direction::Up)),
        ("Shares rose 4.5% to 312p.", "312p", None),
        (
            "The stock was down 27 cents.",
            "27 cents",
            Some(Direction::Down),
        ),
        (
            "Pfizer pulled the sector 0.5 percent lower.",
            "0.5",
            Some(Direction::Down),
        ),
        ("Unemployment fell from 5% to 4%.", "5%", None),
        ("Sales posted a 5% rise.", "5%", Some(Direction::Up)),
        ("Prices saw an increase of 12%.", "12%", Some(Direction::Up)),
        ("Russia lost 1,000 troops.", "1,000", None),
        ("The toll rose to 45.", "45", None),
        (
            "Profits dropped by $2 million.",
            "$2 million",
            Some(Direction::Down),
        ),
        (
            "Output grew 3 percent in May.",
            "3 percent",
            Some(Direction::Up),
        ),
    ];
    for (sentence, needle, want) in rows {
        let figs = extract_figures(sentence);
        let f = figs
            .iter()
            .find(|f| f.text.contains(needle))
            .unwrap_or_else(|| panic!("no {needle:?} in {sentence:?}: {figs:?}"));
        assert_eq!(f.direction, want, "{sentence}");
    }
}

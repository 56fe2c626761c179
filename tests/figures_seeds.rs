//! The figure extractor on the five seed articles.

use crosscheck::figures::*;

fn seed(prefix: &str) -> String {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds");
    let mut found = None;
    for entry in std::fs::read_dir(dir).expect("seeds folder") {
        let path = entry.expect("dir entry").path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(prefix) && name.ends_with(".txt") {
            found = Some(std::fs::read_to_string(&path).expect("read seed"));
        }
    }
    found.unwrap_or_else(|| panic!("no seed {prefix}"))
}

/// Naive sentence splitter: line breaks, then ". " / ".” " followed by a capital.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut cur = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            cur.push(chars[i]);
            let end_mark = matches!(chars[i], '.' | '!' | '?')
                || (chars[i] == '”' && i > 0 && chars[i - 1] == '.');
            if end_mark
                && chars.get(i + 1) == Some(&' ')
                && chars.get(i + 2).is_some_and(|c| c.is_uppercase() || *c == '“')
                // "Nov. 6", "U.S. State": not a sentence end after an abbreviation
                && !cur.ends_with("Nov.")
                && !cur.ends_with("U.S.")
            {
                out.push(cur.trim().to_string());
                cur.clear();
            }
            i += 1;
        }
        if !cur.trim().is_empty() {
            out.push(cur.trim().to_string());
        }
    }
    out
}

/// All figures of a seed with their sentence.
fn figures(prefix: &str) -> Vec<(String, Figure)> {
    let mut out = Vec::new();
    for s in sentences(&seed(prefix)) {
        for f in extract_figures(&s) {
            assert!(s.is_char_boundary(f.span.start) && s.is_char_boundary(f.span.end));
            assert_eq!(&s[f.span.clone()], f.text);
            out.push((s.clone(), f));
        }
    }
    out
}

fn sentence_with(prefix: &str, needle: &str) -> String {
    let all = sentences(&seed(prefix));
    all.into_iter()
        .find(|s| s.contains(needle))
        .unwrap_or_else(|| panic!("no sentence with {needle:?} in seed {prefix}"))
}

#[track_caller]
fn find<'a>(
    figs: &'a [(String, Figure)],
    sentence_has: &str,
    value: f64,
    derived: bool,
) -> &'a Figure {
    figs.iter()
        .find(|(s, f)| s.contains(sentence_has) && f.value == value && f.derived == derived)
        .map(|(_, f)| f)
        .unwrap_or_else(|| {
            panic!(
                "no figure {value} (derived {derived}) in sentence with {sentence_has:?}; got {:#?}",
                figs.iter().map(|(_, f)| (&f.text, f.value, f.derived)).collect::<Vec<_>>()
            )
        })
}

#[track_caller]
fn check(
    f: &Figure,
    q: Qualifier,
    low: Option<f64>,
    high: Option<f64>,
    measure: &str,
    unit: Option<&str>,
) {
    assert_eq!(f.qualifier, q, "{f:?}");
    assert_eq!(f.low, low, "{f:?}");
    assert_eq!(f.high, high, "{f:?}");
    assert_eq!(f.measure, measure, "{f:?}");
    assert_eq!(f.unit.as_deref(), unit, "{f:?}");
}

fn close(a: Option<f64>, b: f64) -> bool {
    a.is_some_and(|a| (a - b).abs() < 1e-6 * b.abs().max(1.0))
}

#[test]
fn seed_000_more_than_10000_troops() {
    let figs = figures("000");
    let f = find(&figs, "More than 10,000", 10000.0, false);
    check(f, Qualifier::MoreThan, Some(10000.0), None, "troops", None);
    assert_eq!(f.subject.as_deref(), Some("North Korean soldiers"));
    let f = find(&figs, "many thousands", 10000.0, false);
    assert_eq!(f.qualifier, Qualifier::Vague);
    assert_eq!(f.measure, "troops");
}

#[test]
fn seed_000_no_figure_from_chrome_or_ordinals() {
    for s in [
        "Cart: $0.00 - (0 items )",
        "Be the first to know when NEW books are released!",
    ] {
        assert!(
            extract_figures(s).is_empty(),
            "{s}: {:?}",
            extract_figures(s)
        );
    }
    let s = sentence_with("000", "second world war");
    assert!(extract_figures(&s).is_empty(), "{:?}", extract_figures(&s));
    for (s, f) in figures("000") {
        assert!(!s.contains("Cart:"), "figure from page chrome: {f:?}");
        assert!(!f.text.to_lowercase().contains("first"), "{f:?}");
    }
}

#[test]
fn seed_001_estimated_and_some_11000() {
    let figs = figures("001");
    let f = find(&figs, "an estimated 11,000", 11000.0, false);
    check(
        f,
        Qualifier::Approximate,
        Some(9900.0),
        f.high,
        "troops",
        None,
    );
    assert!(close(f.high, 12100.0));
    let f = find(&figs, "some 11,000", 11000.0, false);
    assert_eq!(f.qualifier, Qualifier::Approximate);
    assert_eq!(f.measure, "troops");
    assert_eq!(f.text, "some 11,000 North Korean troops");
    let f = find(&figs, "small group", 10.0, false);
    assert_eq!(f.qualifier, Qualifier::Vague);
    assert_eq!(f.measure, "troops");
    // "4 November" is a date
    let s = sentence_with("001", "4 November");
    assert!(extract_figures(&s).is_empty(), "{:?}", extract_figures(&s));
    assert!(figs.iter().all(|(_, f)| f.value != 4.0));
}

#[test]
fn seed_002_up_to_at_least_and_product() {
    let figs = figures("002");
    let f = find(&figs, "up to 12,000", 12000.0, false);
    check(f, Qualifier::UpTo, None, Some(12000.0), "troops", None);
    let f = find(&figs, "at least 10,000", 10000.0, false);
    check(f, Qualifier::AtLeast, Some(10000.0), None, "troops", None);

    let units = find(&figs, "five North Korean units", 5.0, false);
    check(units, Qualifier::Exact, Some(5.0), Some(5.0), "units", None);
    let each = find(&figs, "five North Korean units", 3000.0, false);
    check(
        each,
        Qualifier::Approximate,
        Some(2700.0),
        each.high,
        "troops",
        None,
    );
    let total = find(&figs, "five North Korean units", 15000.0, true);
    assert_eq!(total.qualifier, Qualifier::Approximate);
    assert_eq!(total.measure, "troops");
    assert!(
        close(total.low, 13500.0) && close(total.high, 16500.0),
        "{total:?}"
    );
    assert_eq!(
        total.text,
        "five North Korean units, each comprising approximately 3,000 soldiers"
    );

    let km = find(&figs, "up to 9 kilometers", 9.0, false);
    check(km, Qualifier::UpTo, None, Some(9.0), "distance", Some("km"));
    let mi = find(&figs, "up to 9 kilometers", 5.0, false);
    check(
        mi,
        Qualifier::MoreThan,
        Some(5.0),
        None,
        "distance",
        Some("mi"),
    );

    let dead = find(&figs, "six dead", 6.0, false);
    check(dead, Qualifier::Exact, Some(6.0), Some(6.0), "killed", None);
    let injured = find(&figs, "six dead", 23.0, false);
    check(
        injured,
        Qualifier::Exact,
        Some(23.0),
        Some(23.0),
        "injured",
        None,
    );

    let days = find(&figs, "1,000-day mark", 1000.0, false);
    check(
        days,
        Qualifier::Exact,
        Some(1000.0),
        Some(1000.0),
        "duration",
        Some("day"),
    );

    let s = sentence_with("002", "World War II");
    assert!(extract_figures(&s).is_empty(), "{:?}", extract_figures(&s));
}

#[test]
fn seed_003_exact_product_and_front_line() {
    let figs = figures("003");
    let f = find(&figs, "deployed 11,000", 11000.0, false);
    check(
        f,
        Qualifier::Exact,
        Some(11000.0),
        Some(11000.0),
        "troops",
        None,
    );

    let units = find(&figs, "five units of 3,000", 5.0, false);
    check(units, Qualifier::Exact, Some(5.0), Some(5.0), "units", None);
    let each = find(&figs, "five units of 3,000", 3000.0, false);
    check(
        each,
        Qualifier::Exact,
        Some(3000.0),
        Some(3000.0),
        "troops",
        None,
    );
    let total = find(&figs, "five units of 3,000", 15000.0, true);
    check(
        total,
        Qualifier::Exact,
        Some(15000.0),
        Some(15000.0),
        "troops",
        None,
    );

    let km = find(&figs, "1,500-kilometer", 1500.0, false);
    check(
        km,
        Qualifier::Exact,
        Some(1500.0),
        Some(1500.0),
        "distance",
        Some("km"),
    );
    assert_eq!(km.subject.as_deref(), Some("front line"));

    let all = find(&figs, "total number of North Koreans", 15000.0, false);
    check(
        all,
        Qualifier::Exact,
        Some(15000.0),
        Some(15000.0),
        "troops",
        None,
    );
}

#[test]
fn seed_004_estimates_product_and_miles() {
    let figs = figures("004");
    let f = find(&figs, "placed the estimate at 10,000", 11000.0, false);
    check(
        f,
        Qualifier::Exact,
        Some(11000.0),
        Some(11000.0),
        "troops",
        None,
    );
    let f = find(&figs, "placed the estimate at 10,000", 10000.0, false);
    check(
        f,
        Qualifier::Exact,
        Some(10000.0),
        Some(10000.0),
        "troops",
        None,
    );

    let units = find(&figs, "five units of roughly", 5.0, false);
    check(units, Qualifier::Exact, Some(5.0), Some(5.0), "units", None);
    let each = find(&figs, "five units of roughly", 3000.0, false);
    assert_eq!(each.qualifier, Qualifier::Approximate);
    assert_eq!(each.measure, "troops");
    let total = find(&figs, "five units of roughly", 15000.0, true);
    assert_eq!(total.qualifier, Qualifier::Approximate);
    assert_eq!(total.measure, "troops");
    let stated = find(&figs, "for a total of 15,000 troops", 15000.0, false);
    check(
        stated,
        Qualifier::Exact,
        Some(15000.0),
        Some(15000.0),
        "troops",
        None,
    );

    let mi = find(&figs, "more than 900 miles", 900.0, false);
    check(
        mi,
        Qualifier::MoreThan,
        Some(900.0),
        None,
        "distance",
        Some("mi"),
    );
    let (km, base) = to_base_unit(900.0, mi.unit.as_deref());
    assert_eq!(base, Some("km"));
    assert!((km - 1448.4).abs() < 0.1);

    let week = find(&figs, "to one week", 1.0, false);
    check(
        week,
        Qualifier::Exact,
        Some(1.0),
        Some(1.0),
        "duration",
        Some("week"),
    );

    let s = sentence_with("004", "Nov. 6");
    assert!(
        extract_figures(&s).iter().all(|f| f.value != 6.0),
        "{:?}",
        extract_figures(&s)
    );
    assert!(extract_figures("SEOUL, Nov. 6 (UPI) —").is_empty());
}

#[test]
fn seed_figures_are_troops_where_the_design_says() {
    // the troop counts the reader must see side by side
    let mut troops = Vec::new();
    for p in ["000", "001", "002", "003", "004"] {
        for (_, f) in figures(p) {
            if f.measure == "troops" && f.value >= 10000.0 {
                troops.push((p, f.value, f.qualifier, f.derived));
            }
        }
    }
    for v in [10000.0, 11000.0, 12000.0, 15000.0] {
        assert!(
            troops.iter().any(|t| t.1 == v),
            "{v} missing from {troops:?}"
        );
    }
}

//! Numbers: digits ("10,000", "1.5", "2bn", "11k") and number words
//! ("twenty-three", "a dozen", "half a million", "five and a half million").

use super::lexicon::LEXICON;
use super::tokens::{Kind, Tok};

/// Value of a digit string as news writes it: "10,000", "1.5", "12.7".
/// None for malformed groupings ("1,5", "1.2.3").
pub fn parse_digits(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.contains(['.', ','])) {
        return None;
    }
    if !int.contains(',') {
        // Nothing to take out: the digits are `s` as it is.
        if int.is_empty() {
            return None;
        }
        return exact_decimal(int, frac).or_else(|| s.parse().ok());
    }
    if !grouped_as_news_writes(int) {
        return None;
    }
    if let Some(v) = exact_decimal(int, frac) {
        return Some(v);
    }
    let mut digits: String = int.chars().filter(|c| *c != ',').collect();
    if let Some(f) = frac {
        digits.push('.');
        digits.push_str(f);
    }
    digits.parse().ok()
}

/// Thousands groups ("10,000", "1,234,567") or the Indian lakh grouping,
/// two digits a group before the last three ("3,45,678", "1,00,00,000").
fn grouped_as_news_writes(int: &str) -> bool {
    let mut groups = int.split(',');
    let Some(first) = groups.next() else {
        return false;
    };
    let lens: Vec<usize> = groups.map(str::len).collect();
    let thousands = (1..=3).contains(&first.len()) && lens.iter().all(|&l| l == 3);
    let lakh = (1..=2).contains(&first.len())
        && lens.len() >= 2
        && lens.last() == Some(&3)
        && lens[..lens.len() - 1].iter().all(|&l| l == 2);
    thousands || lakh
}

/// Powers of ten that an f64 holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of ASCII digits `int` (thousands commas skipped) and `.frac`,
/// without the general float parser, when it can be had exactly as that
/// parser rounds it: the digits as an integer an f64 holds exactly,
/// divided by an exact power of ten, is rounded once, correctly. None when
/// a char is no digit or the number is too long for that.
fn exact_decimal(int: &str, frac: Option<&str>) -> Option<f64> {
    let frac = frac.unwrap_or("");
    let scale = EXACT_POWERS_OF_TEN.get(frac.len())?;
    let mut m: u64 = 0;
    for b in int.bytes().filter(|b| *b != b',').chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        m = m.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
    }
    if m > 1 << 53 {
        return None;
    }
    Some(m as f64 / scale)
}

/// Small number words; a word's value is its index.
const SMALL: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Tens words; a word's value is 20 + 10 × its index.
const TENS: [&str; 8] = [
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Denominators of fractions: "third" -> 3.
const DENOMINATORS: [(&str, f64); 20] = [
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("seventh", 7.0),
    ("sevenths", 7.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("ninth", 9.0),
    ("ninths", 9.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// Scale words that "a"/"an" can count ("a hundred", "a dozen").
const A_SCALES: [&str; 6] = [
    "hundred", "thousand", "million", "billion", "trillion", "dozen",
];

/// Small number words.
pub fn word_value(w: &str) -> Option<f64> {
    SMALL.iter().position(|s| *s == w).map(|v| v as f64)
}

pub fn tens_value(w: &str) -> Option<f64> {
    TENS.iter()
        .position(|s| *s == w)
        .map(|i| 20.0 + 10.0 * i as f64)
}

/// Denominators of fractions: "third" -> 3.
pub fn denominator(w: &str) -> Option<f64> {
    DENOMINATORS.iter().find(|(s, _)| *s == w).map(|(_, d)| *d)
}

/// Every word a number in words can be read from: the small, tens and
/// fraction words, and the scales "a" counts. (Other scales only follow
/// one of these.)
pub fn number_words() -> impl Iterator<Item = &'static str> {
    SMALL
        .into_iter()
        .chain(TENS)
        .chain(DENOMINATORS.iter().map(|(w, _)| *w))
        .chain(A_SCALES)
}

fn big_scale(w: &str) -> Option<f64> {
    match w {
        "hundred" => None,
        _ => LEXICON.scales.get(w).copied(),
    }
}

/// A parsed number.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub value: f64,
    /// Token range [start, end).
    pub start: usize,
    pub end: usize,
    /// Written in words (at least partly).
    pub words: bool,
    /// A scale word or abbreviation was applied ("million", "bn", "k").
    pub scaled: bool,
    /// The bare word "one" (pronoun or determiner unless a head follows).
    pub bare_one: bool,
    /// Written as digits with a thousands comma ("10,000").
    pub grouped: bool,
    /// Has a decimal point.
    pub decimal: bool,
    /// The multiplier of the scale applied (1 if none).
    pub scale: f64,
    /// Ends in "half a"/"half an": needs a unit or head after it.
    pub needs_unit: bool,
}

impl Num {
    /// Digits at tokens `start..end`, unscaled; the other readings are set
    /// where they hold (`Num { words: true, ..Num::plain(…) }`).
    fn plain(value: f64, start: usize, end: usize) -> Num {
        Num {
            value,
            start,
            end,
            words: false,
            scaled: false,
            bare_one: false,
            grouped: false,
            decimal: false,
            scale: 1.0,
            needs_unit: false,
        }
    }
}

/// Vulgar fractions with their value.
pub const VULGAR: [(&str, f64); 5] = [
    ("½", 0.5),
    ("¼", 0.25),
    ("¾", 0.75),
    ("⅓", 1.0 / 3.0),
    ("⅔", 2.0 / 3.0),
];

pub fn vulgar(s: &str) -> Option<f64> {
    VULGAR.iter().find(|(v, _)| *v == s).map(|(_, x)| *x)
}

fn tok<'a, 'b>(toks: &'b [Tok<'a>], i: usize) -> Option<&'b Tok<'a>> {
    toks.get(i)
}

fn norm_at<'b>(toks: &'b [Tok], i: usize) -> &'b str {
    toks.get(i).map(|t| t.norm.as_ref()).unwrap_or("")
}

/// The value of token `j` when it continues a number written in groups of
/// three set apart by one space ("10 000", "1 234 567", thin and no-break
/// spaces too).
fn space_group(toks: &[Tok], j: usize) -> Option<f64> {
    let g = tok(toks, j)?;
    let prev = tok(toks, j.checked_sub(1)?)?;
    // One space char: ASCII, no-break (2 bytes) or thin (3 bytes).
    let one_space = g.space_before && g.start - prev.end <= 3;
    (g.kind == Kind::Num
        && g.norm.len() == 3
        && g.norm.bytes().all(|b| b.is_ascii_digit())
        && one_space)
        .then(|| parse_digits(&g.norm))
        .flatten()
}

/// Denominators a fraction written with a slash is read with; others
/// ("9/11", "24/7") are dates, names or rates.
const SLASH_DENOMINATORS: [u32; 9] = [2, 3, 4, 5, 8, 10, 16, 32, 64];

/// "1/4", "3⁄8" at token `k`: numerator below the denominator, written solid.
fn slash_fraction(toks: &[Tok], k: usize) -> Option<(f64, usize)> {
    let slash = tok(toks, k + 1)?;
    if slash.space_before || !matches!(slash.norm.as_ref(), "/" | "⁄") {
        return None;
    }
    let int =
        |t: &Tok| -> Option<u32> { (t.kind == Kind::Num).then(|| t.norm.parse().ok()).flatten() };
    let denominator = tok(toks, k + 2).filter(|d| !d.space_before)?;
    let (n, d) = (int(tok(toks, k)?)?, int(denominator)?);
    (n >= 1 && n < d && SLASH_DENOMINATORS.contains(&d))
        .then(|| (f64::from(n) / f64::from(d), k + 3))
}

/// A trailing scale after a number at token `j`: "million", "bn", "11k".
fn scale_at(toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let t = tok(toks, j)?;
    if t.kind != Kind::Word {
        return None;
    }
    if !t.space_before
        && let Some(&s) = LEXICON.tight_scales.get(t.norm.as_ref())
    {
        return Some((s, j + 1));
    }
    if let Some(s) = big_scale(&t.norm) {
        return Some((s, j + 1));
    }
    if t.norm == "hundred" {
        // "5 hundred thousand"
        if let Some((s2, e)) = scale_at(toks, j + 1)
            && s2 > 100.0
        {
            return Some((100.0 * s2, e));
        }
        return Some((100.0, j + 1));
    }
    if t.norm == "dozen" {
        return Some((12.0, j + 1));
    }
    None
}

/// A scale word at token `j` ("million", "thousand"; not "hundred" or an
/// abbreviation), with the token after it.
pub fn big_scale_at(toks: &[Tok], j: usize) -> Option<(f64, usize)> {
    let t = tok(toks, j)?;
    (t.kind == Kind::Word && t.norm.len() > 3)
        .then(|| big_scale(&t.norm))
        .flatten()
        .map(|s| (s, j + 1))
}

/// Parse a number in digits or words starting at token `i`.
pub fn parse_number(toks: &[Tok], i: usize) -> Option<Num> {
    let t = tok(toks, i)?;
    match t.kind {
        Kind::Num => {
            let mut value = parse_digits(&t.norm)?;
            let mut grouped = t.norm.contains(',');
            let mut needs_unit = false;
            let mut j = i + 1;
            if t.norm.len() <= 3 && !t.norm.contains([',', '.']) {
                while let Some(g) = space_group(toks, j) {
                    value = value * 1000.0 + g;
                    grouped = true;
                    j += 1;
                }
            }
            if let Some(v) = tok(toks, j).and_then(|n| vulgar(&n.norm)) {
                value += v;
                j += 1;
            } else if let Some((v, e)) = slash_fraction(toks, i) {
                // "1/4 mile": a bare n/d is a date as often ("3/4"): only with a unit
                value = v;
                j = e;
                needs_unit = true;
            } else if !grouped
                && !t.norm.contains([',', '.'])
                && let Some((v, e)) = slash_fraction(toks, j).filter(|_| j == i + 1)
            {
                // "7 1/2 miles"
                value += v;
                j = e;
                needs_unit = true;
            }
            let mut num = Num {
                grouped,
                decimal: t.norm.contains('.'),
                needs_unit,
                ..Num::plain(value, i, j)
            };
            if let Some((s, e)) = scale_at(toks, j) {
                num.value *= s;
                num.scale = s;
                num.scaled = true;
                num.end = e;
            } else if norm_at(toks, j) == "and"
                && norm_at(toks, j + 1) == "a"
                && let Some(d) = denominator(norm_at(toks, j + 2))
            {
                // "1 and a half million"
                let mut v = value + 1.0 / d;
                let mut e = j + 3;
                let mut scale = 1.0;
                if let Some((s, e2)) = scale_at(toks, e) {
                    v *= s;
                    scale = s;
                    e = e2;
                }
                num.value = v;
                num.scale = scale;
                num.scaled = scale != 1.0;
                num.end = e;
            }
            Some(num)
        }
        Kind::Sym => {
            let v = vulgar(&t.norm)?;
            Some(Num {
                decimal: true,
                ..Num::plain(v, i, i + 1)
            })
        }
        Kind::Word => parse_words(toks, i),
    }
}

/// Number words: "twenty-three", "a dozen", "one hundred and twenty",
/// "half a million", "five and a half million", "a quarter of a million".
fn parse_words(toks: &[Tok], i: usize) -> Option<Num> {
    let w0 = norm_at(toks, i);
    // "a half-mile", "half-hour": half of the unit joined to it
    {
        let half_at = if w0 == "half" {
            Some(i)
        } else if matches!(w0, "a" | "an") && norm_at(toks, i + 1) == "half" {
            Some(i + 1)
        } else {
            None
        };
        if let Some(h) = half_at
            && norm_at(toks, h + 1) == "-"
            && toks.get(h + 1).is_some_and(|t| !t.space_before)
            && LEXICON.units.longest(toks, h + 2).is_some()
        {
            return Some(Num {
                words: true,
                needs_unit: true,
                ..Num::plain(0.5, i, h + 1)
            });
        }
    }
    // "half a million", "a quarter of a million", "three quarters of a million", "half a dozen"
    {
        let (frac, mut j) = match (w0, norm_at(toks, i + 1)) {
            ("half", _) => (Some(0.5), i + 1),
            ("a" | "one", "quarter") => (Some(0.25), i + 2),
            ("three", "quarters") => (Some(0.75), i + 2),
            ("three", "-") if norm_at(toks, i + 2) == "quarters" => (Some(0.75), i + 3),
            _ => (None, i),
        };
        if let Some(f) = frac {
            if norm_at(toks, j) == "of" {
                j += 1;
            }
            if matches!(norm_at(toks, j), "a" | "an") {
                if let Some((s, e)) = scale_at(toks, j + 1)
                    && !toks[j + 1].norm.eq("m")
                {
                    return Some(Num {
                        words: true,
                        scaled: s != 12.0,
                        scale: s,
                        ..Num::plain(f * s, i, e)
                    });
                }
                if w0 == "half" {
                    return Some(Num {
                        words: true,
                        needs_unit: true,
                        ..Num::plain(0.5, i, j + 1)
                    });
                }
            }
            return None;
        }
    }

    let mut total = 0.0;
    let mut cur = 0.0;
    let mut any = false; // a number word seen
    let mut last_small = false; // last word was 0-99 (another small word would be a new number)
    let mut j = i;
    let mut end = i;
    let mut scale = 1.0;
    let mut scaled = false;
    loop {
        let w = norm_at(toks, j);
        if let Some(v) = word_value(w) {
            if last_small {
                break;
            }
            cur += v;
            any = true;
            last_small = true;
            j += 1;
            end = j;
        } else if let Some(v) = tens_value(w) {
            if last_small {
                break;
            }
            cur += v;
            any = true;
            last_small = true;
            j += 1;
            end = j;
            // "twenty-three", "twenty three"
            let (k, next) = if norm_at(toks, j) == "-" {
                (j + 1, norm_at(toks, j + 1))
            } else {
                (j, norm_at(toks, j))
            };
            if let Some(u) = word_value(next)
                && (1.0..10.0).contains(&u)
            {
                cur += u;
                j = k + 1;
                end = j;
            }
        } else if matches!(w, "a" | "an") && !any {
            // "a hundred", "a thousand", "a million", "a dozen"
            match norm_at(toks, j + 1) {
                w1 if A_SCALES.contains(&w1) => {
                    cur = 1.0;
                    any = true;
                    last_small = true;
                    j += 1;
                }
                _ => return None,
            }
        } else if w == "hundred" && any {
            cur = cur.max(1.0) * 100.0;
            last_small = false;
            j += 1;
            end = j;
        } else if w == "dozen" && any {
            cur = cur.max(1.0) * 12.0;
            last_small = false;
            j += 1;
            end = j;
        } else if let Some(s) = big_scale(w).filter(|_| any && w.len() > 3) {
            total += cur.max(1.0) * s;
            if s > scale {
                scale = s;
            }
            scaled = true;
            cur = 0.0;
            last_small = false;
            j += 1;
            end = j;
        } else if w == "and" && any {
            // "one hundred and twenty", "five and a half million"
            let n1 = norm_at(toks, j + 1);
            if n1 == "a" && denominator(norm_at(toks, j + 2)).is_some() {
                let d = denominator(norm_at(toks, j + 2)).unwrap_or(2.0);
                cur += 1.0 / d;
                j += 3;
                end = j;
                // the scale may follow: "five and a half million"
                if let Some(s) = big_scale(norm_at(toks, j)) {
                    total += cur * s;
                    scale = s;
                    scaled = true;
                    cur = 0.0;
                    j += 1;
                    end = j;
                }
                break;
            } else if (word_value(n1).is_some() || tens_value(n1).is_some()) && !last_small {
                j += 1;
            } else {
                break;
            }
        } else {
            break;
        }
    }
    if !any || end == i {
        return None;
    }
    let value = total + cur;
    let bare_one = end == i + 1 && w0 == "one";
    Some(Num {
        words: true,
        scaled,
        bare_one,
        scale,
        ..Num::plain(value, i, end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::tokens::tokenize;

    proptest::proptest! {
        /// The exact shortcut of `parse_digits` is what the float parser says.
        #[test]
        fn exact_decimals_parse_as_floats_do(
            int in "[0-9]{1,20}",
            frac in proptest::option::of("[0-9]{0,24}"),
        ) {
            let text = match &frac {
                Some(f) => format!("{int}.{f}"),
                None => int.clone(),
            };
            let want: f64 = text.parse().unwrap();
            if let Some(got) = exact_decimal(&int, frac.as_deref()) {
                proptest::prop_assert_eq!(got.to_bits(), want.to_bits());
            }
            proptest::prop_assert_eq!(parse_digits(&text), Some(want));
        }
    }

    fn num(s: &str) -> Option<(f64, usize)> {
        let toks = tokenize(s);
        parse_number(&toks, 0).map(|n| (n.value, n.end))
    }

    #[test]
    fn digits() {
        assert_eq!(parse_digits("10,000"), Some(10000.0));
        assert_eq!(parse_digits("1.5"), Some(1.5));
        assert_eq!(parse_digits("12.7"), Some(12.7));
        assert_eq!(parse_digits("1,234,567.5"), Some(1234567.5));
        assert_eq!(parse_digits("1,5"), None);
        assert_eq!(parse_digits("1.2.3"), None);
        assert_eq!(parse_digits("1234,567"), None);
        assert_eq!(parse_digits("3,45,678"), Some(345678.0));
        assert_eq!(parse_digits("1,00,00,000"), Some(10_000_000.0));
        assert_eq!(parse_digits("12,34"), None);
        assert_eq!(parse_digits("1,23,45"), None);
        assert_eq!(
            parse_digits("1,234,567,890,123,456,789.25"),
            Some(1.2345678901234568e18)
        );
        assert_eq!(parse_digits("0.1"), Some(0.1));
        assert_eq!(parse_digits("007"), Some(7.0));
        assert_eq!(parse_digits(".5"), None);
    }

    #[test]
    fn words() {
        assert_eq!(num("five soldiers"), Some((5.0, 1)));
        assert_eq!(num("twenty-three injured"), Some((23.0, 3)));
        assert_eq!(num("twenty three"), Some((23.0, 2)));
        assert_eq!(num("a dozen people"), Some((12.0, 2)));
        assert_eq!(num("two dozen"), Some((24.0, 2)));
        assert_eq!(num("half a million"), Some((500_000.0, 3)));
        assert_eq!(num("five and a half million"), Some((5_500_000.0, 5)));
        assert_eq!(num("one hundred and twenty"), Some((120.0, 4)));
        assert_eq!(num("a thousand"), Some((1000.0, 2)));
        assert_eq!(num("three hundred thousand"), Some((300_000.0, 3)));
        assert_eq!(num("a quarter of a million"), Some((250_000.0, 5)));
        assert_eq!(num("two and a half years"), Some((2.5, 4)));
        assert_eq!(num("ninety-nine"), Some((99.0, 3)));
        assert_eq!(
            num("one million two hundred thousand"),
            Some((1_200_000.0, 5))
        );
        assert_eq!(num("a week"), None);
        assert_eq!(num("first"), None);
        assert_eq!(num("five six"), Some((5.0, 1)));
    }

    #[test]
    fn digits_with_scales() {
        assert_eq!(num("1.5 million"), Some((1_500_000.0, 2)));
        assert_eq!(num("2bn"), Some((2e9, 2)));
        assert_eq!(num("11k"), Some((11_000.0, 2)));
        assert_eq!(num("4.2 bn"), Some((4.2e9, 2)));
        // "m" scales money only: the amount decides ("£3m", "a 3m wall")
        assert_eq!(num("3m"), Some((3.0, 1)));
        assert_eq!(num("100m-long"), Some((100.0, 1)));
        assert_eq!(num("10 thousand"), Some((10_000.0, 2)));
        assert_eq!(num("1 and a half million"), Some((1_500_000.0, 5)));
    }
}

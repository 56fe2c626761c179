//! Publication dates as written by scrapers and sites ("2017-03-26",
//! "2017-03-26T14:05:00Z", "March 26, 2017", "Mar. 26, 2017", "26 March
//! 2017", "Sun, 26 Mar 2017 14:05:00 GMT", "3/26/2017") read into a calendar
//! day, so that documents can be ordered and compared by date. A date
//! without a year ("Nov. 6" from a dateline) is not a day.

/// A calendar day (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// Days since 1970-01-01 (negative before).
    pub fn number(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let (y, m, d) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The day `n` days after 1970-01-01 (the inverse of [`Day::number`]).
    pub fn from_number(n: i64) -> Day {
        // Howard Hinnant's civil_from_days.
        let z = n + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Day {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        }
    }

    /// Today, in UTC.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Day::from_number(secs.div_euclid(86_400))
    }

    /// "2017-03-26".
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn new(year: i64, month: i64, day: i64) -> Option<Day> {
        if !(1..=12).contains(&month) || !(1000..=9999).contains(&year) {
            return None;
        }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (1..=days).contains(&day).then_some(Day {
            year: year as i32,
            month: month as u8,
            day: day as u8,
        })
    }
}

/// As much of a publication date as a date string states: a day, or a
/// month and day without a year ("Nov. 6" from a dateline), which orders
/// reports of one story but is never given a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Stamp {
    Day(Day),
    NoYear { month: u8, day: u8 },
}

impl Stamp {
    /// The stamp a date string gives, if any.
    pub fn parse(s: &str) -> Option<Stamp> {
        if let Some(d) = parse(s) {
            return Some(Stamp::Day(d));
        }
        // A leap year accepts any month and day; it never leaves here.
        let d = parse(&format!("{} 2000", s.trim()))?;
        Some(Stamp::NoYear {
            month: d.month,
            day: d.day,
        })
    }

    /// Orders days by date, then days without a year by month and day
    /// after them (their year is unknown, so they are not set among the
    /// dated ones).
    pub fn sort_key(self) -> (u8, i64) {
        match self {
            Stamp::Day(d) => (0, d.number()),
            Stamp::NoYear { month, day } => (1, i64::from(month) * 32 + i64::from(day)),
        }
    }
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_of(word: &str) -> Option<i64> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .zip(full)
        .position(|(short, long)| w == *short || w == long || (w == "sept" && *short == "sep"))
        .map(|i| i as i64 + 1)
}

/// The day a date string names, if it names one with a year.
pub fn parse(s: &str) -> Option<Day> {
    let s = s.trim();
    // ISO 8601 and "2017/03/26": the year first.
    let digits: Vec<&str> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .collect();
    let num = |p: &str| p.parse::<i64>().ok();
    if s.len() >= 8 && s.as_bytes()[..4].iter().all(u8::is_ascii_digit) && digits.len() >= 3 {
        return Day::new(num(digits[0])?, num(digits[1])?, num(digits[2])?);
    }
    // Words: "March 26, 2017", "26 March 2017", "Sun, 26 Mar 2017 14:05".
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(mi) = words.iter().position(|w| month_of(w).is_some()) {
        let month = month_of(words[mi])?;
        let is_day = |w: &&&str| {
            let w = w.trim_end_matches(['.', 's', 't', 'n', 'd', 'r', 'h']);
            w.len() <= 2 && w.parse::<i64>().is_ok_and(|d| (1..=31).contains(&d))
        };
        let is_year = |w: &&&str| w.len() == 4 && w.parse::<i64>().is_ok();
        let day = words
            .get(mi + 1)
            .filter(is_day)
            .or_else(|| mi.checked_sub(1).and_then(|i| words.get(i)).filter(is_day))?;
        let day = num(day.trim_end_matches(|c: char| !c.is_ascii_digit()))?;
        let year = words[mi + 1..].iter().find(is_year)?;
        return Day::new(num(year)?, month, day);
    }
    // "3/26/2017": month first, as US sites write it.
    if digits.len() == 3 && s.contains('/') && digits[2].len() == 4 {
        return Day::new(num(digits[2])?, num(digits[0])?, num(digits[1])?);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iso(s: &str) -> Option<String> {
        parse(s).map(Day::iso)
    }

    #[test]
    fn dates_as_sites_and_scrapers_write_them() {
        for s in [
            "2017-03-26",
            "2017-03-26T14:05:00Z",
            "2017-03-26 14:05:00+02:00",
            "2017/03/26",
            "March 26, 2017",
            "Mar. 26, 2017",
            "Sunday, March 26th, 2017",
            "26 March 2017",
            "Sun, 26 Mar 2017 14:05:00 GMT",
            "3/26/2017",
        ] {
            assert_eq!(iso(s).as_deref(), Some("2017-03-26"), "{s}");
        }
    }

    #[test]
    fn no_day_without_a_year_or_with_an_impossible_one() {
        for s in [
            "",
            "Nov. 6",
            "yesterday",
            "2017",
            "2017-02-30",
            "13/40/2017",
            "May",
        ] {
            assert_eq!(iso(s), None, "{s}");
        }
    }

    #[test]
    fn a_stamp_keeps_a_day_without_a_year_and_never_gives_it_one() {
        assert_eq!(
            Stamp::parse("Nov. 6"),
            Some(Stamp::NoYear { month: 11, day: 6 })
        );
        assert_eq!(
            Stamp::parse("2017-03-26").map(Stamp::sort_key),
            parse("2017-03-26").map(|d| (0, d.number()))
        );
        for s in ["", "yesterday", "2017", "May", "Nov. 31"] {
            assert_eq!(Stamp::parse(s), None, "{s}");
        }
        let k = |s| Stamp::parse(s).unwrap().sort_key();
        assert!(k("1999-12-31") < k("Jan 1") && k("Jan 1") < k("Nov. 6"));
    }

    #[test]
    fn day_numbers_count_days() {
        let d = |s| parse(s).unwrap().number();
        assert_eq!(d("1970-01-01"), 0);
        assert_eq!(d("2017-03-26") - d("2017-02-26"), 28);
        assert_eq!(d("2016-03-01") - d("2016-02-28"), 2);
        assert_eq!(d("2001-01-01") - d("2000-01-01"), 366);
        for s in [
            "1970-01-01",
            "2000-02-29",
            "2016-03-01",
            "1969-12-31",
            "2024-12-31",
        ] {
            assert_eq!(Day::from_number(d(s)).iso(), s);
        }
    }
}

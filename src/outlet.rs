//! Which outlet published a document, from what the record or the text
//! states: a URL's domain, a dateline "(UPI)", a credit line "Credit: ABC
//! News", a caption's "(BBC)". Never invented.

use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::LazyLock;

#[derive(Deserialize)]
struct Lexicon {
    domains: HashMap<String, String>,
    aliases: HashMap<String, String>,
    photo_agencies: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    toml::from_str(include_str!("../assets/outlets.toml")).expect("assets/outlets.toml is valid")
});

/// Builds LEXICON now (see [`crate::analysis::prepare`]).
pub(crate) fn prepare() {
    LazyLock::force(&LEXICON);
}

/// "SEOUL, Nov. 6 (UPI) —", "KYIV, Ukraine (AP) —", "WASHINGTON (Reuters) -",
/// "Rusk County (WQOW) -" (a place in title case, up to four words), a
/// date alone: "April 29 (UPI) --", or the outlet alone: "(Reuters) —".
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<place>(?:[A-Z][A-Z.'’ -]{1,40}|[A-Z][a-z.'’-]+(?: [A-Z][A-Za-z.'’-]*){0,3})(?:, [A-Z][A-Za-z.'’ -]{1,30})?)(?:,? (?P<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?|(?P<alone>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))? ?\((?P<outlet>[A-Za-z][A-Za-z0-9 .&/-]{0,40})\) ?[—–-]",
    )
    .expect("dateline regex compiles")
});

static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:credit|source|courtesy|via)\s*:\s*(?P<outlet>[^:]{2,60})$")
        .expect("credit regex compiles")
});

static CAPTION_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((?P<outlet>[A-Za-z][A-Za-z0-9 .&/-]{0,40})\)\s*$")
        .expect("caption regex compiles")
});

/// The outlet's name for a URL, by its domain; an unknown domain is named by
/// itself (without "www.").
pub fn from_url(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#'])
        .next()?
        .rsplit('@')
        .next()?
        .split(':')
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if host.is_empty() || !host.contains('.') {
        return None;
    }
    let mut candidate = host;
    loop {
        if let Some(name) = LEXICON.domains.get(candidate) {
            return Some(name.clone());
        }
        match candidate.split_once('.') {
            Some((_, parent)) if parent.contains('.') => candidate = parent,
            _ => return Some(host.to_string()),
        }
    }
}

/// A record's outlet field that is a bare domain ("bbc.co.uk", as
/// news-please's `source_domain`), named like a URL.
pub fn from_url_like(name: &str) -> Option<String> {
    if name.contains(char::is_whitespace) || !name.contains('.') {
        return None;
    }
    from_url(name)
}

/// A name as outlets are known ("BBC News" → "BBC"), or `None` when the name
/// is not a known outlet.
pub fn known(name: &str) -> Option<String> {
    let name = name.trim();
    LEXICON
        .aliases
        .get(name)
        .or_else(|| LEXICON.domains.values().find(|v| v.as_str() == name))
        .cloned()
}

fn is_photo_agency(name: &str) -> bool {
    LEXICON
        .photo_agencies
        .iter()
        .any(|a| name.eq_ignore_ascii_case(a) || name.starts_with(&format!("{a} ")))
}

/// A dateline at the start of a paragraph: (outlet, date as written).
pub fn from_dateline(paragraph: &str) -> Option<(String, Option<String>)> {
    let caps = DATELINE.captures(paragraph)?;
    let raw = caps.name("outlet")?.as_str().trim();
    let outlet = known(raw).unwrap_or_else(|| raw.to_string());
    let date = caps.name("date").or_else(|| caps.name("alone"));
    Some((outlet, date.map(|d| d.as_str().to_string())))
}

/// A credit line naming the publisher ("Credit: ABC News"); picture agencies
/// do not count.
pub fn from_credit(line: &str) -> Option<String> {
    let name = CREDIT
        .captures(line.trim())?
        .name("outlet")?
        .as_str()
        .trim();
    if is_photo_agency(name) {
        return None;
    }
    Some(known(name).unwrap_or_else(|| name.to_string()))
}

/// A caption ending in a known outlet's name in parentheses ("… (BBC)").
pub fn from_caption(caption: &str) -> Option<String> {
    let name = CAPTION_TAIL.captures(caption)?.name("outlet")?.as_str();
    known(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains() {
        assert_eq!(
            from_url("https://www.bbc.co.uk/news/world-123").as_deref(),
            Some("BBC")
        );
        assert_eq!(
            from_url("https://abcnews.go.com/International/x").as_deref(),
            Some("ABC News")
        );
        assert_eq!(
            from_url("http://en.yna.co.kr/view/AEN2024").as_deref(),
            Some("Yonhap")
        );
        assert_eq!(
            from_url("https://news.example.org:8080/a?b").as_deref(),
            Some("news.example.org")
        );
        assert_eq!(from_url("not a url"), None);
    }

    #[test]
    fn datelines() {
        assert_eq!(
            from_dateline("SEOUL, Nov. 6 (UPI) — North Korean troops have entered combat"),
            Some(("UPI".into(), Some("Nov. 6".into())))
        );
        assert_eq!(
            from_dateline("KYIV, Ukraine (AP) — Russia launched"),
            Some(("AP".into(), None))
        );
        assert_eq!(
            from_dateline("WASHINGTON, Nov 5 (Reuters) - The Pentagon said"),
            Some(("Reuters".into(), Some("Nov 5".into())))
        );
        assert_eq!(from_dateline("Seoul, however, said it (BBC) — no"), None);
        // Issue 15: a place in title case, a date alone.
        assert_eq!(
            from_dateline("Lake County (KXYZ) - A ferry sank"),
            Some(("KXYZ".into(), None))
        );
        assert_eq!(
            from_dateline("April 29 (UPI) -- The ferry sank"),
            Some(("UPI".into(), Some("April 29".into())))
        );
        assert_eq!(from_dateline("Officials said on Monday (BBC) — no"), None);
        assert_eq!(
            from_dateline("(Reuters) — The ferry sank"),
            Some(("Reuters".into(), None))
        );
        assert_eq!(from_dateline("(2) — the second"), None);
    }

    #[test]
    fn credits_and_captions() {
        assert_eq!(from_credit("Credit: ABC News").as_deref(), Some("ABC News"));
        assert_eq!(from_credit("Credit: Getty Images"), None);
        assert_eq!(
            from_caption("Photo: Zelensky estimates that some 11,000 troops are in Kursk. (BBC)")
                .as_deref(),
            Some("BBC")
        );
        assert_eq!(from_caption("the troops of the (DPRK)"), None);
    }
}

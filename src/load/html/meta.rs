//! What a saved page states about itself: its headline, the site that
//! published it and when, read from the markup publishers write for search
//! engines and social sites — `<meta>` tags (Open Graph, `article:*`,
//! Dublin Core, `itemprop`), JSON-LD (`@graph` and lists included),
//! `<time datetime>` and `<title>`. One linear pass over the page's tags
//! (the nesting pre-pass's tokenizer), then JSON-LD parsed on its own.
//!
//! Only what the page states is taken: a date that does not read as a day
//! with a year is no date.

use crate::date;
use crate::load::nesting::tokens::{Token, is_space, lex, raw_text_end};
use memchr::{memchr, memmem};
use serde_json::Value;
use std::collections::HashMap;

/// The metadata a page states, each field cleaned to one line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub site: Option<String>,
    /// The publication day, ISO (`2019-11-19`), as the page writes it (a
    /// time with an offset keeps the page's own day).
    pub date: Option<String>,
    pub author: Option<String>,
    pub url: Option<String>,
}

/// `<meta>` names (lowercased `property`, `name` or `itemprop`) that state
/// the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "article:published",
    "og:published_time",
    "og:article:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.created",
    "dc.date.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "rnews:datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "article.published",
    "publish-date",
    "publish_date",
    "publishdate",
    "publication_date",
    "pubdate",
    "original-publish-date",
    "article_date_original",
    "date",
];

/// Names that state the site (publisher), best first.
const SITE_KEYS: &[&str] = &[
    "og:site_name",
    "application-name",
    "dc.publisher",
    "dcterms.publisher",
    "publisher",
];

const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "dcterms.title"];

const AUTHOR_KEYS: &[&str] = &[
    "author",
    "article:author",
    "dc.creator",
    "dcterms.creator",
    "sailthru.author",
    "parsely-author",
    "byl",
];

/// Longest text kept from an element (a headline, a date) or a meta value.
const MAX_FIELD: usize = 2_000;
/// Most JSON-LD read from one page, in bytes.
const MAX_JSON_LD: usize = 4 << 20;

/// What the scan of the tags collects, before it is weighed.
#[derive(Default)]
struct Scan {
    metas: Vec<(String, String)>,
    json_ld: Vec<String>,
    title: Option<String>,
    h1: Option<String>,
    /// `<time datetime>` values: (value, marked as the publication time
    /// by `pubdate` or `itemprop="datePublished"`).
    times: Vec<(String, bool)>,
    canonical: Option<String>,
}

/// Reads what the page states about itself.
pub(super) fn read(html: &str) -> PageMeta {
    let scan = scan(html);
    let ld = JsonLd::read(&scan.json_ld);
    let meta = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|k| {
            scan.metas
                .iter()
                .find(|(key, v)| key == k && !v.is_empty())
                .map(|(_, v)| v.clone())
        })
    };

    let date = DATE_KEYS
        .iter()
        .take_while(|k| **k != "datepublished")
        .flat_map(|k| metas_of(&scan.metas, k))
        .chain(ld.date.iter().map(String::as_str))
        .chain(
            DATE_KEYS
                .iter()
                .skip_while(|k| **k != "datepublished")
                .flat_map(|k| metas_of(&scan.metas, k)),
        )
        .chain(scan.times.iter().filter(|t| t.1).map(|t| t.0.as_str()))
        .find_map(day);

    // A name first; a URL in a name's place (some sites write one) only
    // when no name is stated anywhere.
    let sites: Vec<&str> = SITE_KEYS
        .iter()
        .flat_map(|k| metas_of(&scan.metas, k))
        .chain(ld.publisher.as_deref())
        .chain(ld.website.as_deref())
        .filter(|s| !s.is_empty() && !is_handle(s))
        .collect();
    let site = sites
        .iter()
        .find(|s| !is_url(s))
        .or_else(|| sites.first())
        .map(|s| s.to_string());
    let url = meta(&["og:url"]).or_else(|| scan.canonical.clone());
    let host = url.as_deref().and_then(host_of);
    let title = meta(TITLE_KEYS)
        .or_else(|| ld.headline.clone())
        .or_else(|| scan.title.clone())
        .or_else(|| scan.h1.clone())
        .map(|t| strip_site(&t, site.as_deref().filter(|s| !is_url(s)), host.as_deref()));
    let author = ld
        .author
        .clone()
        .or_else(|| meta(AUTHOR_KEYS).filter(|a| !a.starts_with("http") && !is_handle(a)));
    PageMeta {
        title: title.filter(|t| !t.is_empty()),
        site,
        date,
        author,
        url,
    }
}

fn metas_of<'a>(metas: &'a [(String, String)], key: &'a str) -> impl Iterator<Item = &'a str> {
    metas
        .iter()
        .filter(move |(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// A social-media handle ("@wsj") is no site name.
fn is_handle(s: &str) -> bool {
    s.starts_with('@')
}

fn is_url(s: &str) -> bool {
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.")
}

/// The ISO day a stated date names, if it names one: ISO 8601 and the other
/// forms [`date::parse`] reads, and `20191119` as some sites write it.
fn day(value: &str) -> Option<String> {
    let v = value.trim();
    if let Some(d) = date::parse(v) {
        return Some(d.iso());
    }
    let digits = v.as_bytes().get(..8)?;
    if digits.iter().all(u8::is_ascii_digit)
        && v.as_bytes().get(8).is_none_or(|c| !c.is_ascii_digit())
    {
        let iso = format!("{}-{}-{}", &v[..4], &v[4..6], &v[6..8]);
        return date::parse(&iso).map(date::Day::iso);
    }
    None
}

/// The host of a URL, without `www.`.
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest
        .split(['/', '?', '#', ':'])
        .next()?
        .to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host).to_string();
    host.contains('.').then_some(host)
}

/// Separators between a headline and the site's name in a page title.
const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " « ", " / ",
];

/// "Headline | Site" → "Headline" (also "Site | Headline"), when the part
/// cut off names the site: its stated name, or the page's domain.
fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let mut title = title.trim().to_string();
    // Twice at most: "Headline | Section | Site" keeps the section.
    for _ in 0..2 {
        let Some(stripped) = strip_once(&title, site, host) else {
            break;
        };
        title = stripped;
    }
    title
}

fn strip_once(title: &str, site: Option<&str>, host: Option<&str>) -> Option<String> {
    for sep in SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && names_site(tail, site, host)
            && head.chars().count() > 3
        {
            return Some(head.trim().to_string());
        }
        if let Some((head, tail)) = title.split_once(sep)
            && names_site(head, site, host)
            && tail.chars().count() > 3
        {
            return Some(tail.trim().to_string());
        }
    }
    // "The Space Review: Headline", only when the part before names the
    // site exactly (a colon is common inside headlines).
    let (head, tail) = title.split_once(": ")?;
    let h = squash(head);
    let exact = site.is_some_and(|s| squash(s) == h)
        || host.is_some_and(|x| squash(registered_name(x)) == h);
    (exact && !h.is_empty() && tail.chars().count() > 3).then(|| tail.trim().to_string())
}

/// Lowercased letters and digits only.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether a part of a title names the site: the same letters as its name
/// (one containing the other, as "The Spokesman-Review" and
/// "Spokesman.com"), or the domain's name ("WSJ" on wsj.com, "CNN
/// Politics" on cnn.com).
fn names_site(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let p = squash(part);
    if p.is_empty() || part.split_whitespace().count() > 6 {
        return false;
    }
    if let Some(s) = site.map(squash).filter(|s| s.len() >= 2)
        && (p == s || (p.len() >= 4 && s.len() >= 4 && (p.contains(&s) || s.contains(&p))))
    {
        return true;
    }
    host.is_some_and(|h| {
        let name = squash(registered_name(h));
        // "CNN Politics", not "comwrap at the fair 2018" (a headline's end).
        let short = part.split_whitespace().count() <= 3;
        name.len() >= 3
            && (p == squash(h) || (short && (p.starts_with(&name) || p.ends_with(&name))))
    })
}

/// The name a domain is registered under: "nytimes" of "www.nytimes.com",
/// "bbc" of "news.bbc.co.uk".
fn registered_name(host: &str) -> &str {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let second_level = n >= 3
        && labels[n - 1].len() == 2
        && matches!(
            labels[n - 2],
            "co" | "com" | "org" | "net" | "gov" | "ac" | "or" | "ne"
        );
    match (second_level, n) {
        (true, _) => labels[n - 3],
        (false, 2..) => labels[n - 2],
        _ => host,
    }
}

/// Scans the page's tags once for the elements that state metadata.
fn scan(html: &str) -> Scan {
    let b = html.as_bytes();
    let mut s = Scan::default();
    let mut i = 0;
    while let Some(k) = memchr(b'<', &b[i..]) {
        let lt = i + k;
        let (token, end) = lex(b, lt, false);
        let (name, attributes) = match token {
            Token::Literal => {
                i = lt + 1;
                continue;
            }
            Token::Skip | Token::End(_) => {
                i = end;
                continue;
            }
            Token::Start {
                name, attributes, ..
            } => (name.to_ascii_lowercase(), attributes),
        };
        i = end;
        match name.as_slice() {
            b"meta" => {
                let attrs = attrs(attributes);
                let Some(content) = attr(&attrs, "content") else {
                    continue;
                };
                for key in ["property", "name", "itemprop"] {
                    if let Some(k) = attr(&attrs, key) {
                        s.metas.push((k.trim().to_lowercase(), one_line(content)));
                    }
                }
            }
            b"link" => {
                let attrs = attrs(attributes);
                if s.canonical.is_none()
                    && attr(&attrs, "rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    s.canonical = attr(&attrs, "href").map(one_line);
                }
            }
            b"script" => {
                let close = raw_text_end(b, end, b"script");
                let attrs = attrs(attributes);
                if attr(&attrs, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
                {
                    s.json_ld.push(html[end..close].to_string());
                }
                i = close;
            }
            b"style" | b"textarea" | b"xmp" | b"iframe" | b"noembed" | b"noframes" => {
                i = raw_text_end(b, end, &name);
            }
            b"title" => {
                let close = raw_text_end(b, end, b"title");
                if s.title.is_none() {
                    s.title = Some(one_line(&decode(&html[end..close])));
                }
                i = close;
            }
            _ => {
                if name == b"h1" && s.h1.is_none() {
                    s.h1 = text_until_end(html, end, "h1");
                }
                if name == b"time" || memmem::find(attributes, b"itemprop").is_some() {
                    let attrs = attrs(attributes);
                    let published = attr(&attrs, "itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"));
                    let value = attr(&attrs, "datetime")
                        .or_else(|| attr(&attrs, "content"))
                        .map(one_line);
                    if name == b"time" && value.is_some() {
                        if let Some(v) = value {
                            s.times
                                .push((v, published || attr(&attrs, "pubdate").is_some()));
                        }
                    } else if published {
                        let v = value.or_else(|| {
                            text_until_end(html, end, std::str::from_utf8(&name).unwrap_or(""))
                        });
                        if let Some(v) = v {
                            s.metas.push(("datepublished".into(), v));
                        }
                    }
                }
            }
        }
    }
    s
}

/// The text of an element that starts at `from`, tags left out, up to its
/// end tag (looked for within [`MAX_FIELD`] bytes); `None` when it has none
/// there or no text.
fn text_until_end(html: &str, from: usize, name: &str) -> Option<String> {
    if name.is_empty() {
        return None;
    }
    let b = html.as_bytes();
    let window = &b[from..(from + MAX_FIELD).min(b.len())];
    let close = format!("</{name}");
    let at = memmem::find(&window.to_ascii_lowercase(), close.as_bytes())?;
    let inner = &html[from..from + at];
    let mut text = String::new();
    let mut rest = inner;
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        text.push(' ');
        rest = rest[lt..].find('>').map_or("", |gt| &rest[lt + gt + 1..]);
    }
    text.push_str(rest);
    let text = one_line(&decode(&text));
    (!text.is_empty()).then_some(text)
}

/// A tag's attributes: (lowercased name, value with its character
/// references decoded).
fn attrs(a: &[u8]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = a.len();
    while i < n {
        while i < n && (is_space(a[i]) || a[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < n && !is_space(a[i]) && a[i] != b'=' && a[i] != b'/' {
            i += 1;
        }
        if i == start {
            i += 1;
            continue;
        }
        let name = String::from_utf8_lossy(&a[start..i]).to_ascii_lowercase();
        while i < n && is_space(a[i]) {
            i += 1;
        }
        if i < n && a[i] == b'=' {
            i += 1;
            while i < n && is_space(a[i]) {
                i += 1;
            }
            let value = if i < n && (a[i] == b'"' || a[i] == b'\'') {
                let q = a[i];
                let from = i + 1;
                let to = memchr(q, &a[from..]).map_or(n, |k| from + k);
                i = (to + 1).min(n);
                &a[from..to]
            } else {
                let from = i;
                while i < n && !is_space(a[i]) {
                    i += 1;
                }
                &a[from..i]
            };
            out.push((name, decode(&String::from_utf8_lossy(value))));
        } else {
            out.push((name, String::new()));
        }
    }
    out
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// Whitespace collapsed, cut to [`MAX_FIELD`] bytes (at a character).
fn one_line(s: &str) -> String {
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.len() + w.len() + 1 > MAX_FIELD {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Character references decoded: numeric ones and the named ones news
/// pages use; any other `&` stays as it is.
fn decode(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map_or(rest.len(), |k| k + 1);
        let name = &rest[1..end];
        let decoded = if let Some(num) = name.strip_prefix('#') {
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok(),
                None => num.parse::<u32>().ok(),
            };
            code.map(|c| char::from_u32(c).unwrap_or('\u{fffd}'))
        } else {
            named(name)
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn named(name: &str) -> Option<char> {
    Some(match name {
        "amp" | "AMP" => '&',
        "lt" | "LT" => '<',
        "gt" | "GT" => '>',
        "quot" | "QUOT" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "middot" => '·',
        "bull" => '•',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "eacute" => 'é',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "auml" => 'ä',
        "szlig" => 'ß',
        "ccedil" => 'ç',
        _ => return None,
    })
}

/// What the page's JSON-LD states: of the article it describes when it
/// marks one (`NewsArticle`, `BlogPosting`, ...), else of any object.
#[derive(Default)]
struct JsonLd {
    headline: Option<String>,
    date: Option<String>,
    publisher: Option<String>,
    website: Option<String>,
    author: Option<String>,
}

impl JsonLd {
    fn read(scripts: &[String]) -> JsonLd {
        let mut values = Vec::new();
        let mut total = 0;
        for raw in scripts {
            total += raw.len();
            if total > MAX_JSON_LD {
                break;
            }
            if let Some(v) = parse_json_ld(raw) {
                values.push(v);
            }
        }
        let mut objects = Vec::new();
        for v in &values {
            collect(v, &mut objects);
        }
        // A reference (`{"@id": ...}` alone) names the object, it is not it.
        let mut ids: HashMap<&str, &Value> = HashMap::new();
        for o in &objects {
            if let Some(id) = o.get("@id").and_then(Value::as_str)
                && o.as_object().is_some_and(|m| m.len() > 1)
            {
                ids.entry(id).or_insert(o);
            }
        }
        let resolve = |v: &'_ Value| -> Option<String> { name_of(v, &ids) };
        let article = objects.iter().find(|o| is_article(o)).copied();
        let any_with = |key: &str| {
            article
                .and_then(|a| a.get(key))
                .or_else(|| objects.iter().find_map(|o| o.get(key)))
        };
        let text = |v: Option<&Value>| v.and_then(Value::as_str).map(one_line);
        JsonLd {
            headline: text(article.and_then(|a| a.get("headline")).or_else(|| {
                objects
                    .iter()
                    .filter(|o| is_article(o))
                    .find_map(|o| o.get("name"))
            }))
            .filter(|h| !h.is_empty()),
            date: text(any_with("datePublished")).or_else(|| text(any_with("dateCreated"))),
            publisher: article
                .and_then(|a| a.get("publisher"))
                .and_then(resolve)
                .or_else(|| {
                    objects
                        .iter()
                        .find_map(|o| o.get("publisher").and_then(resolve))
                }),
            website: objects
                .iter()
                .find(|o| has_type(o, |t| t == "WebSite"))
                .and_then(|o| o.get("name"))
                .and_then(Value::as_str)
                .map(one_line)
                .filter(|n| !n.is_empty()),
            author: article.and_then(|a| a.get("author")).and_then(resolve),
        }
    }
}

/// A JSON-LD script's value; control characters inside strings (raw line
/// breaks, which some sites leave in) read as spaces, and an HTML comment
/// or CDATA wrapper is dropped.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let t = raw.trim();
    let t = t.strip_prefix("<!--").unwrap_or(t);
    let t = t.strip_suffix("-->").unwrap_or(t).trim();
    let t = t.strip_prefix("//<![CDATA[").unwrap_or(t);
    let t = t.strip_suffix("//]]>").unwrap_or(t).trim();
    let t = t.trim_end_matches(';');
    if let Ok(v) = serde_json::from_str(t) {
        return Some(v);
    }
    let cleaned: String = t
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    serde_json::from_str(&cleaned).ok()
}

/// Every object in a JSON-LD value, through arrays and `@graph`, in
/// document order.
fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    match v {
        Value::Object(map) => {
            out.push(v);
            for child in map.values() {
                if child.is_object() || child.is_array() {
                    collect(child, out);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                collect(item, out);
            }
        }
        _ => {}
    }
}

fn has_type(v: &Value, pred: impl Fn(&str) -> bool) -> bool {
    match v.get("@type") {
        Some(Value::String(t)) => pred(t),
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).any(pred),
        _ => false,
    }
}

/// An object that describes an article: `Article` and its kinds
/// (`NewsArticle`, `ReportageNews`, `BlogPosting`, `LiveBlogPosting`, ...).
fn is_article(v: &Value) -> bool {
    has_type(v, |t| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        t.ends_with("Article") || t.ends_with("Posting") || t.ends_with("News") || t == "Report"
    })
}

/// A person's or organization's name: a string, an object's `name`, an
/// `@id` reference resolved, or the names of a list joined.
fn name_of(v: &Value, ids: &HashMap<&str, &Value>) -> Option<String> {
    let name = match v {
        Value::String(s) => Some(one_line(s)),
        Value::Object(map) => match map.get("name") {
            Some(n) => n.as_str().map(one_line),
            None => map
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| ids.get(id))
                .and_then(|o| o.get("name"))
                .and_then(Value::as_str)
                .map(one_line),
        },
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|i| name_of(i, ids)).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    };
    name.filter(|n| !n.is_empty() && !n.starts_with("http"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_and_article_tags() {
        let m = read(
            r#"<html><head><title>Ferry Resumes Service | Harbour Daily</title>
            <meta property="og:title" content="Ferry Resumes Service &amp; More">
            <meta property="og:site_name" content="Harbour Daily">
            <meta property="article:published_time" content="2021-03-04T23:30:00-05:00">
            </head><body><p>Text.</p></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Ferry Resumes Service & More"));
        assert_eq!(m.site.as_deref(), Some("Harbour Daily"));
        // The page's own day, not the day in UTC.
        assert_eq!(m.date.as_deref(), Some("2021-03-04"));
    }

    #[test]
    fn json_ld_graph_with_references() {
        let m = read(
            r#"<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","@id":"https://example.org/#site","name":"Valley Courier"},
              {"@type":"Organization","@id":"https://example.org/#org","name":"Valley Courier Media"},
              {"@type":["NewsArticle"],"headline":"Bridge Reopens After Repairs",
               "datePublished":"2020-07-09T08:00:00Z","publisher":{"@id":"https://example.org/#org"},
               "author":[{"@type":"Person","name":"Ada Field"},{"@type":"Person","name":"Ben Stone"}]}
            ]}</script><title>x</title>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Bridge Reopens After Repairs"));
        assert_eq!(m.site.as_deref(), Some("Valley Courier Media"));
        assert_eq!(m.date.as_deref(), Some("2020-07-09"));
        assert_eq!(m.author.as_deref(), Some("Ada Field, Ben Stone"));
    }

    #[test]
    fn json_ld_list_and_raw_line_breaks() {
        let m = read(
            "<script type=\"application/ld+json\">[{\"@type\":\"BreadcrumbList\"},\n{\"@type\":\"Article\",\"headline\":\"Line\nBreak Headline\",\"datePublished\":\"2019-01-02\"}]</script>",
        );
        assert_eq!(m.title.as_deref(), Some("Line Break Headline"));
        assert_eq!(m.date.as_deref(), Some("2019-01-02"));
    }

    #[test]
    fn itemprop_time_and_dublin_core() {
        let m = read(r#"<span itemprop="datePublished" content="2018-05-06">May 6</span>"#);
        assert_eq!(m.date.as_deref(), Some("2018-05-06"));
        let m = read(r#"<p>By us <time itemprop="datePublished">June 7, 2018</time></p>"#);
        assert_eq!(m.date.as_deref(), Some("2018-06-07"));
        let m = read(r#"<time pubdate datetime="2018-08-09T10:00">Aug 9</time>"#);
        assert_eq!(m.date.as_deref(), Some("2018-08-09"));
        let m = read(r#"<meta name="DC.date.issued" content="2017-02-03">"#);
        assert_eq!(m.date.as_deref(), Some("2017-02-03"));
        let m = read(r#"<meta name="dcterms.created" content="20170204">"#);
        assert_eq!(m.date.as_deref(), Some("2017-02-04"));
    }

    #[test]
    fn an_unreadable_or_unmarked_date_is_none() {
        assert_eq!(
            read(r#"<meta property="article:published_time" content="soon">"#).date,
            None
        );
        // A <time> that is not marked as the publication time (a related
        // story's, today's in a header) says nothing.
        assert_eq!(
            read(r#"<time datetime="2018-08-09">Aug 9</time>"#).date,
            None
        );
        assert_eq!(read("<p>Nothing here.</p>").date, None);
    }

    #[test]
    fn site_suffix_cut_from_title() {
        let m = read(
            r#"<title>Storm Closes Schools - The Lakeside Herald</title>
               <meta property="og:site_name" content="Lakeside Herald">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm Closes Schools"));
        let m = read(
            r#"<title>LakeHerald | Storm Closes Schools</title><link rel="canonical" href="https://www.lakeherald.example/a">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm Closes Schools"));
        let m = read(
            r#"<title>Lake Herald: Storm Closes Schools</title><link rel="canonical" href="https://lakeherald.example/a">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Storm Closes Schools"));
        let m = read(r#"<title>Mayor: Storm Closes Schools</title>"#);
        assert_eq!(m.title.as_deref(), Some("Mayor: Storm Closes Schools"));
        // A dash inside the headline stays when what follows is not the site.
        let m = read(
            r#"<title>Talks Stall - Again</title><meta property="og:site_name" content="Gazette">"#,
        );
        assert_eq!(m.title.as_deref(), Some("Talks Stall - Again"));
    }

    #[test]
    fn handles_are_no_site_names_and_scripts_hide_nothing() {
        let m = read(
            r#"<meta name="application-name" content="@gazette">
               <script>var s = '<meta property="og:site_name" content="Fake">';</script>
               <!-- <meta property="og:title" content="Commented"> -->
               <h1>Real <em>Headline</em></h1>"#,
        );
        assert_eq!(m.site, None);
        assert_eq!(m.title.as_deref(), Some("Real Headline"));
    }

    proptest::proptest! {
        /// Any soup of the markup this reads, cut anywhere, multi-byte
        /// characters included: an answer, never a panic.
        #[test]
        fn any_markup_reads_without_panic(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<meta property=\"og:title\" content=\"", "<meta name=dc.date content=",
                "<script type=\"application/ld+json\">", "</script>", "{\"@graph\":[",
                "\"datePublished\":\"2020-01-0", "<h1>", "</h1>", "<time datetime='",
                "<span itemprop=datePublished>", "<title>", " | Site", "&amp;", "&#x",
                "é", "\u{a0}", "’", "\"", ">", "<", "2019-11-19", "<!--", "-->", "]}",
            ]),
            0..40,
        )) {
            let page: String = parts.concat();
            let _ = read(&page);
            for cut in 0..page.len() {
                if page.is_char_boundary(cut) {
                    let _ = read(&page[..cut]);
                }
            }
        }
    }

    #[test]
    fn hostile_markup_never_panics() {
        for page in [
            "<meta content=",
            "<meta property=\"og:title\" content=\"&#xFFFFFFFF; &#0; &\"",
            "<h1>",
            "<time datetime='2020-13-45'>",
            "<script type=application/ld+json>{\"@graph\":[[[[{}]]]]}",
            "<span itemprop=datePublished>é",
            "<title>",
        ] {
            let _ = read(page);
        }
    }
}

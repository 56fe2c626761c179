//! schema.org ClaimReview JSON-LD (the format fact-checkers publish in and
//! search engines read) for every item marked with a verdict: confirmed,
//! disputed or false. The claim is what the item's sources say; its author
//! the claimer of the first sentence (else its outlet); each source an
//! `appearance` with its URL and date where known. Dates without a year
//! are left out rather than completed.

use crosscheck::date::Day;
use crosscheck::findings::{Evidence, Item};
use crosscheck::store::{Status, TargetKind};
use serde_json::{Value, json};

/// The rating a status stands for, on a 1 (false) to 5 (confirmed) scale.
fn rating(status: Status) -> Option<(u8, &'static str)> {
    match status {
        Status::False => Some((1, "False")),
        Status::Disputed => Some((3, "Disputed")),
        Status::Confirmed => Some((5, "Confirmed")),
        Status::Unchecked | Status::NeedsSource => None,
    }
}

fn iso(date: Option<&str>) -> Option<String> {
    crosscheck::date::parse(date?).map(Day::iso)
}

/// What the item claims: its one sentence, or for a group the figures as
/// each source gives them.
fn claim_reviewed(item: &Item) -> String {
    match (item.kind, item.evidence.as_slice()) {
        (TargetKind::Entry | TargetKind::Sentence, [e, ..]) => e.sentence.clone(),
        (TargetKind::FigureGroup, evidence) if !evidence.is_empty() => {
            let mut stated: Vec<String> = Vec::new();
            for e in evidence {
                let who = e.claimer.as_deref().unwrap_or(&e.display);
                let s = format!("{} ({who})", e.figure.as_deref().unwrap_or("?"));
                if !stated.contains(&s) {
                    stated.push(s);
                }
            }
            format!("{}: {}", item.label, stated.join("; "))
        }
        _ => item.label.clone(),
    }
}

/// A claimer that reads as a personal name ("Volodymyr Zelensky": two to
/// four capitalised words, no institution word) is a Person; "the
/// Pentagon", "South Korea" or "intelligence assessments" an Organization.
fn person_or_organization(name: &str) -> &'static str {
    const INSTITUTIONS: [&str; 12] = [
        "Ministry",
        "Department",
        "Pentagon",
        "Office",
        "Agency",
        "Police",
        "Army",
        "Government",
        "Council",
        "Service",
        "Korea",
        "Ukraine",
    ];
    let words: Vec<&str> = name.split_whitespace().collect();
    let person = (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| w.starts_with(|c: char| c.is_uppercase()) && !INSTITUTIONS.contains(w));
    if person { "Person" } else { "Organization" }
}

fn appearance(e: &Evidence) -> Value {
    let mut a = json!({
        "@type": "CreativeWork",
        "publisher": { "@type": "Organization", "name": e.display },
    });
    match &e.url {
        Some(url) => a["url"] = json!(url),
        None => a["name"] = json!(e.source),
    }
    if let Some(d) = iso(e.date.as_deref()) {
        a["datePublished"] = json!(d);
    }
    a
}

/// One ClaimReview per item marked with a verdict, in report order.
/// `review_url` is where the reviews are published, when known.
pub fn reviews(items: &[Item], author: &str, review_url: Option<&str>, today: Day) -> Vec<Value> {
    items
        .iter()
        .filter_map(|item| {
            let (value, name) = rating(item.status)?;
            let first = item.evidence.first();
            let claimant = match first {
                Some(Evidence {
                    claimer: Some(c), ..
                }) => json!({ "@type": person_or_organization(c), "name": c }),
                Some(e) => json!({ "@type": "Organization", "name": e.display }),
                None => json!({ "@type": "Organization", "name": "unknown" }),
            };
            let mut claim = json!({
                "@type": "Claim",
                "author": claimant,
                "appearance": item.evidence.iter().map(appearance).collect::<Vec<_>>(),
            });
            // The claim was first made on the earliest date its sources give.
            if let Some(d) = item
                .evidence
                .iter()
                .filter_map(|e| iso(e.date.as_deref()))
                .min()
            {
                claim["datePublished"] = json!(d);
            }
            let mut review = json!({
                "@context": "https://schema.org",
                "@type": "ClaimReview",
                "claimReviewed": claim_reviewed(item),
                "reviewRating": {
                    "@type": "Rating",
                    "ratingValue": value,
                    "bestRating": 5,
                    "worstRating": 1,
                    "alternateName": name,
                },
                "itemReviewed": claim,
                "author": { "@type": "Organization", "name": author },
                "datePublished": today.iso(),
            });
            if !item.note.is_empty() {
                review["reviewBody"] = json!(item.note);
            }
            if let Some(url) = item
                .accepted_source
                .as_deref()
                .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
            {
                review["citation"] = json!(url);
            }
            if let Some(url) = review_url {
                review["url"] = json!(url);
            }
            Some(review)
        })
        .collect()
}

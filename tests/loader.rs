//! The loader on the seeds, on every format, and on bad input.

use crosscheck::document::ParagraphKind;
use crosscheck::load::{self, Input, Options, Severity};
use crosscheck::{Corpus, Document};
use std::fs;
use std::path::Path;

fn load_paths(paths: &[&Path]) -> load::Loaded {
    let inputs: Vec<Input> = paths.iter().map(|p| Input::Path(p.to_path_buf())).collect();
    load::load(&inputs, Options::default())
}

fn sentences(d: &Document) -> Vec<&str> {
    (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect()
}

fn find<'a>(corpus: &'a Corpus, prefix: &str) -> &'a Document {
    corpus
        .documents
        .iter()
        .find(|d| d.source.starts_with(prefix))
        .unwrap()
}

// ------------------------------------------------------------------ seeds

#[test]
fn seeds_outlets_titles_and_dates() {
    let corpus = Corpus::seeds();
    let got: Vec<(&str, Option<&str>, Option<&str>)> = corpus
        .documents
        .iter()
        .map(|d| (&d.source[..3], d.outlet.as_deref(), d.title.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "000",
                None,
                Some("Ukraine Announces First Direct Clashes With North Korean Troops")
            ),
            (
                "001",
                Some("BBC"),
                Some("Ukraine says it fought N Korean troops for first time")
            ),
            // 002 opens with body text: it has no headline, and none is made up.
            ("002", Some("ABC News"), None),
            (
                "003",
                None,
                Some(
                    "Defense chief confirms first battles between Ukrainian and North Korean soldiers in Kursk Oblast"
                )
            ),
            (
                "004",
                Some("UPI"),
                Some(
                    "Ukraine’s Zelensky confirms first combat engagement with North Korean troops"
                )
            ),
        ]
    );
    assert_eq!(find(&corpus, "004").date.as_deref(), Some("Nov. 6"));
    assert!(corpus.documents.iter().all(|d| d.warnings.is_empty()));
}

#[test]
fn seeds_drop_every_chrome_line() {
    let corpus = Corpus::seeds();
    let chrome = [
        "Checkout",
        "Cart:",
        "$0.00",
        "Loading",
        "INVESTING BOOKS",
        "Be the first to know",
        "privacy policy",
        "Write a Reply",
        "Back to top",
        "Subscribe",
        "LEAVE A REPLY",
        "Please enter",
        "reCAPTCHA",
        "More Articles",
        "[+]",
    ];
    for d in &corpus.documents {
        for s in sentences(d) {
            for c in chrome {
                assert!(
                    !s.contains(c),
                    "{}: chrome {c:?} survived in {s:?}",
                    d.source
                );
            }
        }
    }
    // The body right before the chrome is kept.
    let last = *sentences(find(&corpus, "000")).last().unwrap();
    assert_eq!(
        last,
        "But the Western allies have not been responsive to the issue."
    );
    let last = *sentences(find(&corpus, "003")).last().unwrap();
    assert!(last.starts_with("According to Zelensky, Russia has confirmed"));
}

#[test]
fn seeds_captions_are_marked() {
    let corpus = Corpus::seeds();
    let caption_texts = |prefix: &str| -> Vec<String> {
        let d = find(&corpus, prefix);
        d.sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.kind == ParagraphKind::Caption)
            .map(|(i, _)| d.sentence_text(i).to_string())
            .collect()
    };
    assert_eq!(caption_texts("000"), vec!["Getty Images"]);
    assert_eq!(
        caption_texts("001"),
        vec![
            "Photo: Ukraine’s President Volodymyr Zelensky estimates that some 11,000 North Korean troops are in Russia’s Kursk border region. (BBC)"
        ]
    );
    assert_eq!(caption_texts("002"), vec!["Credit: ABC News"]);
    assert_eq!(
        caption_texts("004").last().unwrap(),
        "File Photo by Ting Shen/UPI"
    );
}

#[test]
fn seeds_segmentation_cases() {
    let corpus = Corpus::seeds();
    let upi = sentences(find(&corpus, "004"));
    assert!(upi.contains(
        &"On Monday, Zelensky said that 11,000 North Korean troops were already in the Kursk region of southwest Russia, while U.S. State Department spokesman Matthew Miller placed the estimate at 10,000."
    ));
    assert!(upi.contains(
        &"SEOUL, Nov. 6 (UPI) — North Korean troops have entered combat with Ukrainian forces, President Volodymyr Zelensky said, calling the engagement a “new page of instability in the world.”"
    ));
    // A quote ending in a comma continues into its attribution; a quote
    // ending in a period is its own sentence.
    assert!(upi.contains(&"“The first battles with North Korean soldiers open a new page of instability in the world,” he said."));
    assert!(upi.contains(
        &"“Together with the world, we must do everything to make this Russian step to expand the war — to really escalate it — to make this step a failure.”"
    ));
    let abc = sentences(find(&corpus, "002"));
    assert!(abc.contains(
        &"Intelligence assessments from the U.S., South Korea, and Ukraine indicate that up to 12,000 North Korean combat troops have been sent to support the Russian war effort under an agreement with Moscow."
    ));
    let kyiv = sentences(find(&corpus, "000"));
    assert!(
        kyiv.iter()
            .any(|s| s.starts_with("“More than 10,000 North Korean soldiers")
                && s.ends_with("Jeon Ha-kyou, told a briefing."))
    );
    let bbc = sentences(find(&corpus, "001"));
    assert!(bbc.contains(&"Most of them are still undergoing training, he added."));
    assert!(
        bbc.iter()
            .any(|s| s.contains("“first military units… [had] already come under fire in Kursk”."))
    );
}

#[test]
fn seeds_lines_point_into_the_original_file() {
    let corpus = Corpus::seeds();
    for (name, raw) in crosscheck::corpus::SEEDS {
        let d = corpus.documents.iter().find(|d| d.source == *name).unwrap();
        let lines: Vec<&str> = raw.lines().collect();
        for (i, s) in d.sentences.iter().enumerate() {
            let text = d.sentence_text(i);
            let first_words: String = text.chars().take(20).collect();
            let line = lines[s.line - 1].replace('\u{a0}', " ");
            assert!(
                line.contains(&first_words),
                "{name}: line {} does not hold {text:?}",
                s.line
            );
        }
    }
}

#[test]
fn every_sentence_is_addressable() {
    let corpus = Corpus::seeds();
    let ids: Vec<_> = corpus.sentence_ids().collect();
    assert_eq!(ids.len(), corpus.sentence_count());
    assert_eq!(
        corpus.sentence_text(ids[0]),
        "Ukraine Announces First Direct Clashes With North Korean Troops"
    );
}

// ---------------------------------------------------------------- formats

#[test]
fn markdown_with_front_matter() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("clip.md");
    fs::write(
        &p,
        "---\ntitle: \"Troops reach the front\"\nsource: https://www.bbc.co.uk/news/world-1\nauthor: [A. Writer, B. Writer]\npublished: 2024-11-05\n---\n\n# Troops reach the front\n\nThe **ministry** said [on Monday](https://x.org) that 5,000 troops arrived.\n",
    )
    .unwrap();
    let loaded = load_paths(&[&p]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.documents[0];
    assert_eq!(d.title.as_deref(), Some("Troops reach the front"));
    assert_eq!(d.outlet.as_deref(), Some("BBC"));
    assert_eq!(d.date.as_deref(), Some("2024-11-05"));
    assert_eq!(d.author.as_deref(), Some("A. Writer, B. Writer"));
    assert_eq!(
        sentences(d),
        vec![
            "Troops reach the front",
            "The ministry said on Monday that 5,000 troops arrived."
        ]
    );
    assert_eq!(d.sentences[1].line, 10);
}

#[test]
fn markdown_front_matter_outlet_field() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("clip.markdown");
    fs::write(
        &p,
        "---\nsite: Reuters\ndate: 2024-11-06\n---\nKYIV (Reuters) - Body text here.\n",
    )
    .unwrap();
    let d = &load_paths(&[&p]).documents[0];
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.date.as_deref(), Some("2024-11-06"));
}

#[test]
fn html_main_text_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("page.html");
    let body = "<p>North Korea has sent about 10,000 troops to Russia, officials in Seoul said on Monday. The deployment was confirmed by satellite images and by defectors who spoke to reporters.</p>".repeat(3);
    fs::write(
        &p,
        format!(
            r#"<!DOCTYPE html><html><head><title>Troops sent | Example News</title>
<meta property="og:title" content="Troops sent to the front">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-11-04T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/subscribe">Subscribe</a></nav>
<article><h1>Troops sent to the front</h1>{body}</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer></body></html>"#
        ),
    )
    .unwrap();
    let loaded = load_paths(&[&p]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.documents[0];
    assert_eq!(d.outlet.as_deref(), Some("Example News"));
    assert!(d.title.as_deref().unwrap().starts_with("Troops sent"));
    assert_eq!(d.date.as_deref(), Some("2024-11-04"));
    assert!(d.text.contains("about 10,000 troops"));
    assert!(!d.text.contains("Copyright"), "{}", d.text);
    assert!(!d.text.contains("Home"), "{}", d.text);
}

/// Issue 15: a page whose date and site are stated only in JSON-LD (an
/// `@graph` with the publisher by reference), its title only in `<title>`
/// with the site's name after it.
#[test]
fn html_metadata_from_json_ld_graph_and_title() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("graph.html");
    let body = "<p>The river ferry resumed service on Friday after three weeks of repairs, the harbour office said. About 400 passengers crossed on the first day, twice the usual number.</p>".repeat(3);
    fs::write(
        &p,
        format!(
            r#"<!DOCTYPE html><html><head><title>Ferry back on the river | Harbour Gazette</title>
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[
 {{"@type":"Organization","@id":"https://gazette.example/#org","name":"Harbour Gazette"}},
 {{"@type":"NewsArticle","datePublished":"2023-06-02T21:15:00-04:00",
   "publisher":{{"@id":"https://gazette.example/#org"}}}}]}}</script>
</head><body><article>{body}</article></body></html>"#
        ),
    )
    .unwrap();
    let loaded = load_paths(&[&p]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = &loaded.documents[0];
    assert_eq!(d.title.as_deref(), Some("Ferry back on the river"));
    assert_eq!(d.outlet.as_deref(), Some("Harbour Gazette"));
    // The day the page states, not the next day in UTC.
    assert_eq!(d.date.as_deref(), Some("2023-06-02"));
}

// ------------------------------------------- plain text metadata (issue 15)

fn text_doc(name: &str, text: &str) -> Document {
    let loaded = load::load_named([(name, text.as_bytes())]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    loaded.documents.into_iter().next().unwrap()
}

/// A headline line with a byline and a date line under it, no blank line
/// between: title, author and date are read, and neither byline nor date
/// is a sentence of the article.
#[test]
fn text_headline_byline_and_date_lines() {
    let d = text_doc(
        "ferry.txt",
        "Harbour Ferry Resumes Service After Repairs\nBy Jane Roe\nUpdated: May 11, 2016 - 5:30 PM\n\nThe ferry carried 400 passengers on its first day back, the harbour office said.\n",
    );
    assert_eq!(
        d.title.as_deref(),
        Some("Harbour Ferry Resumes Service After Repairs")
    );
    assert_eq!(d.author.as_deref(), Some("Jane Roe"));
    assert_eq!(d.date.as_deref(), Some("2016-05-11"));
    assert_eq!(
        sentences(&d),
        vec![
            "Harbour Ferry Resumes Service After Repairs",
            "The ferry carried 400 passengers on its first day back, the harbour office said."
        ]
    );
    // Lines still point into the file.
    assert_eq!(d.sentences[1].line, 5);
}

#[test]
fn text_date_line_forms() {
    for (date_line, day) in [
        ("Nov. 6, 2024", "2024-11-06"),
        ("Published 3:04 p.m. ET Jan. 5, 2017", "2017-01-05"),
        (
            "Posted by Jane Roe on March 3, 2021, 6:21 AM EST",
            "2021-03-03",
        ),
        ("(Published Sunday, March 8, 2015)", "2015-03-08"),
    ] {
        let d = text_doc(
            "t.txt",
            &format!(
                "Council Approves the New Bridge\n{date_line}\n\nThe council voted 7 to 2 for the bridge on Tuesday.\n"
            ),
        );
        assert_eq!(d.date.as_deref(), Some(day), "{date_line}");
        assert_eq!(d.title.as_deref(), Some("Council Approves the New Bridge"));
        assert_eq!(d.sentences.len(), 2, "{date_line}: {:?}", sentences(&d));
    }
}

/// A headline and its date on one line, as some scrapers save them.
#[test]
fn text_headline_and_date_on_one_line() {
    let d = text_doc(
        "t.txt",
        "Council approves the new bridge Posted: Sunday, February 22, 2015 10:04 AM EST Updated: Friday, February 27, 2015 10:13 AM EST\n\nThe council voted 7 to 2 for the bridge.\n",
    );
    assert_eq!(d.title.as_deref(), Some("Council approves the new bridge"));
    assert_eq!(d.date.as_deref(), Some("2015-02-22"));
}

/// A date that is no day (no year, or impossible) is no date: none is
/// made up, and the sentence that mentions one stays text.
#[test]
fn text_dates_are_never_guessed() {
    let d = text_doc(
        "t.txt",
        "Council Approves the New Bridge\nMay 40, 2016\n\nPolice said on May 5, 2016 that the road was closed.\n",
    );
    assert_eq!(d.date, None);
    assert!(sentences(&d).contains(&"Police said on May 5, 2016 that the road was closed."));
    let d = text_doc("t.txt", "The council voted 7 to 2 for the bridge.\n");
    assert_eq!((d.title.as_deref(), d.date.as_deref()), (None, None));
}

/// Datelines name the outlet, and the dateline is not part of the first
/// sentence's claims: no figure from its date, no claimer from its outlet.
#[test]
fn text_datelines_give_the_outlet_and_no_claims() {
    let d = text_doc(
        "a.txt",
        "Ferry Sinks Near the Harbour\n\nApril 29 (UPI) -- About 300 passengers were rescued from the ferry.\n",
    );
    assert_eq!(d.outlet.as_deref(), Some("UPI"));
    let analysis = crosscheck::analysis::analyze_document(&d);
    let figures: Vec<&str> = analysis
        .figures
        .iter()
        .map(|f| f.figure.text.as_str())
        .collect();
    assert_eq!(figures, vec!["About 300 passengers"]);
    assert!(analysis.figures.iter().all(|f| f.claimer.is_none()));

    let d = text_doc(
        "b.txt",
        "Ferry Sinks Near the Harbour\n\nWASHINGTON (Reuters) - About 300 passengers were rescued, officials said.\n",
    );
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    let analysis = crosscheck::analysis::analyze_document(&d);
    let claimers: Vec<&str> = analysis
        .figures
        .iter()
        .filter_map(|f| f.claimer.as_ref().map(|c| c.name.as_str()))
        .collect();
    assert_eq!(claimers, vec!["officials"]);
}

/// A first line hard-wrapped into the next is no headline.
#[test]
fn text_wrapped_first_line_is_no_headline() {
    let d = text_doc(
        "t.txt",
        "The council said on Tuesday that the new bridge over the river would\nopen in May, two years after work began.\n",
    );
    assert_eq!(d.title, None);
    assert_eq!(d.sentences.len(), 1);
    // A date on a line of its own inside a wrapped paragraph is its text.
    let d = text_doc(
        "t.txt",
        "The council said that the new bridge over the river would open on\nNov. 6, 2024\nafter two years of work.\n",
    );
    assert_eq!(d.date, None);
    assert!(
        d.text.starts_with(
            "The council said that the new bridge over the river would open on\nNov. 6, 2024"
        ),
        "{}",
        d.text
    );
}

#[test]
fn json_object_array_and_lines() {
    let dir = tempfile::tempdir().unwrap();
    let one = dir.path().join("one.json");
    fs::write(
        &one,
        r#"{"title": "A", "maintext": "Body of one.", "source_domain": "www.reuters.com", "date_publish": "2024-11-05 10:00:00"}"#,
    )
    .unwrap();
    let many = dir.path().join("many.json");
    fs::write(
        &many,
        "[\n {\"title\": \"B\", \"content\": \"Body of two.\", \"source\": {\"id\": \"bbc-news\", \"name\": \"BBC News\"}},\n {\"title\": \"C\", \"body\": \"Body of three.\", \"url\": \"https://apnews.com/x\"}\n]",
    )
    .unwrap();
    let lines = dir.path().join("feed.jsonl");
    fs::write(
        &lines,
        "{\"title\": \"D\", \"text\": \"Body of four.\", \"outlet\": \"UPI\", \"published\": \"2024-11-06\"}\n\n{\"title\": \"E\", \"text\": \"Body of five.\", \"site\": \"Kyiv Independent\"}\n",
    )
    .unwrap();
    let loaded = load_paths(&[&one, &many, &lines]);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    type Row<'a> = (String, Option<&'a str>, Option<&'a str>, Option<&'a str>);
    let got: Vec<Row> = loaded
        .documents
        .iter()
        .map(|d| {
            let name = d.source.rsplit('/').next().unwrap().to_string();
            (
                name,
                d.title.as_deref(),
                d.outlet.as_deref(),
                d.date.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "one.json".into(),
                Some("A"),
                Some("Reuters"),
                Some("2024-11-05 10:00:00")
            ),
            ("many.json#1".into(), Some("B"), Some("BBC"), None),
            ("many.json#2".into(), Some("C"), Some("AP"), None),
            (
                "feed.jsonl#1".into(),
                Some("D"),
                Some("UPI"),
                Some("2024-11-06")
            ),
            (
                "feed.jsonl#3".into(),
                Some("E"),
                Some("The Kyiv Independent"),
                None
            ),
        ]
    );
    assert_eq!(loaded.documents[2].sentences[0].line, 3);
    assert_eq!(loaded.documents[4].sentences[0].line, 3);
}

#[test]
fn folder_is_recursive_sorted_and_skips_hidden_and_unknown() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir_all(root.join("b/deeper")).unwrap();
    fs::create_dir_all(root.join(".git")).unwrap();
    fs::write(root.join("z.txt"), "Zed body.").unwrap();
    fs::write(root.join("a.txt"), "Alpha body.").unwrap();
    fs::write(root.join("b/deeper/c.md"), "Charlie body.").unwrap();
    fs::write(root.join(".hidden.txt"), "Hidden body.").unwrap();
    fs::write(root.join(".git/HEAD.txt"), "Git body.").unwrap();
    fs::write(root.join("image.png"), [0x89, b'P', b'N', b'G', 0, 0]).unwrap();
    fs::write(root.join("notes.docx"), "unknown").unwrap();
    let loaded = load_paths(&[root]);
    assert!(
        loaded.problems.is_empty(),
        "unknown types are skipped quietly: {:?}",
        loaded.problems
    );
    let names: Vec<String> = loaded
        .documents
        .iter()
        .map(|d| {
            d.source
                .strip_prefix(&root.display().to_string())
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(names, vec!["/a.txt", "/b/deeper/c.md", "/z.txt"]);
}

#[test]
fn explicit_file_of_unknown_type_is_sniffed() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("article");
    fs::write(&p, "{\"title\": \"T\", \"text\": \"Sniffed body.\"}").unwrap();
    let loaded = load_paths(&[&p]);
    assert_eq!(loaded.documents[0].title.as_deref(), Some("T"));
}

// -------------------------------------------------------------- bad input

fn messages(loaded: &load::Loaded) -> Vec<String> {
    loaded.problems.iter().map(ToString::to_string).collect()
}

#[test]
fn missing_path_is_an_error_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    fs::write(&good, "Good body.").unwrap();
    let missing = dir.path().join("missing.txt");
    let loaded = load_paths(&[&missing, &good]);
    assert_eq!(loaded.documents.len(), 1);
    assert_eq!(loaded.problems.len(), 1);
    assert_eq!(loaded.problems[0].severity, Severity::Error);
    assert_eq!(
        messages(&loaded),
        vec![format!(
            "error: {}: no such file or directory",
            missing.display()
        )]
    );
}

#[test]
fn unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("locked.txt");
    fs::write(&p, "Secret body.").unwrap();
    fs::set_permissions(&p, fs::Permissions::from_mode(0o000)).unwrap();
    if fs::read(&p).is_ok() {
        // Running as root: permissions do not stop reads, nothing to test.
        return;
    }
    let loaded = load_paths(&[&p]);
    assert!(loaded.documents.is_empty());
    assert_eq!(
        messages(&loaded),
        vec![format!("warning: {}: permission denied", p.display())]
    );
}

#[test]
fn empty_binary_oversize_and_invalid_utf8() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a_empty.txt"), " \n\n ").unwrap();
    fs::write(root.join("b_binary.txt"), b"PK\x03\x04\x00\x00binary").unwrap();
    fs::write(root.join("c_big.txt"), "word ".repeat(1000)).unwrap();
    fs::write(
        root.join("d_latin1.txt"),
        b"Caf\xe9 owners protest.\nThe caf\xe9 closed.",
    )
    .unwrap();
    fs::write(root.join("e_good.txt"), "Good body.").unwrap();
    let loaded = load::load(
        &[Input::Path(root.to_path_buf())],
        Options {
            max_file_size: 4096,
        },
    );
    let msgs = messages(&loaded);
    let at = |name: &str| format!("{}/{name}", root.display());
    assert_eq!(
        msgs,
        vec![
            format!("warning: {}: empty file, skipped", at("a_empty.txt")),
            format!(
                "warning: {}: binary file (NUL byte at offset 4), skipped",
                at("b_binary.txt")
            ),
            format!(
                "warning: {}: 5000 bytes is over the size cap of 4096 bytes, skipped (raise it with --max-file-size)",
                at("c_big.txt")
            ),
            format!(
                "warning: {}: invalid UTF-8 at byte 3; decoded with replacement characters",
                at("d_latin1.txt")
            ),
        ]
    );
    let names: Vec<&str> = loaded
        .documents
        .iter()
        .map(|d| d.source.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(names, vec!["d_latin1.txt", "e_good.txt"]);
    // The lossy document carries its warning, for `sources` to list.
    assert_eq!(loaded.documents[0].warnings.len(), 1);
    assert!(loaded.documents[0].text.contains("Caf\u{fffd} owners"));
}

#[test]
fn malformed_json_names_line_and_column_and_keeps_good_records() {
    let dir = tempfile::tempdir().unwrap();
    let arr = dir.path().join("arr.json");
    fs::write(
        &arr,
        "[\n  {\"title\": \"ok\", \"text\": \"First body.\"},\n  {\"title\": \"bad\" \"text\": \"x\"},\n  {\"title\": \"no text\"},\n  {\"title\": \"ok2\", \"text\": \"Last body.\"}\n]\n",
    )
    .unwrap();
    let lines = dir.path().join("feed.jsonl");
    fs::write(
        &lines,
        "{\"text\": \"One.\"}\n{\"text\": \"Two.\",}\n{\"text\": \"Three.\"}\n",
    )
    .unwrap();
    let broken = dir.path().join("broken.json");
    fs::write(&broken, "{\n  \"title\": \"x\",\n  \"text\": \"y\"\n").unwrap();
    let loaded = load_paths(&[&arr, &lines, &broken]);
    let titles: Vec<String> = loaded
        .documents
        .iter()
        .map(|d| d.source.rsplit('/').next().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        vec!["arr.json#1", "arr.json#4", "feed.jsonl#1", "feed.jsonl#3"]
    );
    assert_eq!(
        messages(&loaded),
        vec![
            format!(
                "warning: {}: 3:19: malformed JSON in record 2: expected `,` or `}}` (record skipped)",
                arr.display()
            ),
            format!(
                "warning: {}: 4:3: record 3 has no text (looked for text/content/body/maintext/article/article_text), skipped",
                arr.display()
            ),
            format!(
                "warning: {}: 2:17: malformed JSON: trailing comma (record skipped)",
                lines.display()
            ),
            format!(
                "warning: {}: 4:0: malformed JSON: EOF while parsing an object",
                broken.display()
            ),
        ]
    );
}

/// Every problem carries its kind beside the message, and the message is
/// the kind's text.
#[test]
fn problems_carry_their_kind() {
    use load::{ProblemKind, RecordAt};
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::write(root.join("a_empty.txt"), " \n").unwrap();
    fs::write(root.join("b_binary.txt"), b"PK\x03\x00").unwrap();
    fs::write(root.join("c_big.txt"), "word ".repeat(1000)).unwrap();
    fs::write(root.join("d_latin1.txt"), b"Caf\xe9.").unwrap();
    fs::write(
        root.join("e_records.json"),
        "[\n  {\"text\": \"Body.\"},\n  {\"title\": \"t\"},\n  3,\n  {\"text\" 1}\n]",
    )
    .unwrap();
    fs::write(root.join("f_feed.jsonl"), "{\"title\": \"t\"}\n{,\n").unwrap();
    fs::write(root.join("g_one.json"), "[1, 2] x").unwrap();
    fs::write(root.join("h_one.json"), "\"just a string\"").unwrap();
    let missing = root.join("missing.txt");
    let loaded = load::load(
        &[Input::Path(missing), Input::Path(root.to_path_buf())],
        Options {
            max_file_size: 4096,
        },
    );
    for p in &loaded.problems {
        assert_eq!(p.message, p.kind.to_string());
    }
    let kinds: Vec<&ProblemKind> = loaded.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        vec![
            &ProblemKind::NotFound,
            &ProblemKind::Empty,
            &ProblemKind::Binary { offset: 3 },
            &ProblemKind::TooLarge {
                len: 5000,
                cap: 4096
            },
            &ProblemKind::NotUtf8 { valid_up_to: 3 },
            &ProblemKind::NoText {
                at: RecordAt::Element {
                    line: 3,
                    column: 3,
                    index: 2
                }
            },
            &ProblemKind::NotAnObject {
                at: RecordAt::Element {
                    line: 4,
                    column: 3,
                    index: 3
                }
            },
            &ProblemKind::MalformedRecord {
                line: 5,
                column: 11,
                record: 4,
                error: "expected `:`".into()
            },
            &ProblemKind::NoText {
                at: RecordAt::Line(1)
            },
            &ProblemKind::MalformedLine {
                line: 2,
                column: 2,
                error: "key must be a string".into()
            },
            &ProblemKind::MalformedJson {
                line: 1,
                column: 8,
                error: "trailing characters after the array".into()
            },
            &ProblemKind::NotAnObject {
                at: RecordAt::Whole
            },
        ]
    );
    let positions: Vec<Option<(usize, usize)>> = kinds.iter().map(|k| k.position()).collect();
    assert_eq!(positions[..5], [None; 5]);
    assert_eq!(
        positions[5..],
        [
            Some((3, 3)),
            Some((4, 3)),
            Some((5, 11)),
            Some((1, 1)),
            Some((2, 2)),
            Some((1, 8)),
            None
        ]
    );
    assert_eq!(loaded.problems[0].severity, Severity::Error);
}

#[test]
fn deeply_nested_json_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("deep.json");
    fs::write(
        &p,
        format!("[{}{}]", "[".repeat(100_000), "]".repeat(100_000)),
    )
    .unwrap();
    let q = dir.path().join("deep2.json");
    fs::write(&q, "{\"a\":".repeat(100_000)).unwrap();
    let loaded = load_paths(&[&p, &q]);
    assert!(loaded.documents.is_empty());
    assert_eq!(loaded.problems.len(), 2, "{:?}", loaded.problems);
    assert!(
        loaded.problems[0].message.contains("recursion limit"),
        "{}",
        loaded.problems[0]
    );
}

#[test]
fn symlink_loop_is_not_followed() {
    // Links inside a folder are not followed at all (a loop included): one
    // note says how many were passed by.
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    fs::create_dir(root.join("sub")).unwrap();
    std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(root.join("self"), root.join("self")).unwrap();
    fs::write(root.join("sub/a.txt"), "Body.").unwrap();
    let loaded = load_paths(&[root]);
    assert_eq!(loaded.documents.len(), 1);
    let msgs = messages(&loaded);
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(
        msgs[0].starts_with("note: ") && msgs[0].contains("2 symbolic links inside not followed"),
        "{msgs:?}"
    );
}

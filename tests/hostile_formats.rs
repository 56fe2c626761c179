//! Hostile formats: encodings, stray bytes and markup that used to lose a
//! whole file, its metadata or the article's characters. Each file is
//! written here; each test names the bug it guards against.

mod common;

use common::with_timeout;
use crosscheck::Document;
use crosscheck::analysis;
use crosscheck::load::{self, Input, Options, ProblemKind, RecordAt, Severity};
use std::fs;
use std::path::Path;

fn load_path(path: &Path) -> load::Loaded {
    load::load(&[Input::Path(path.to_path_buf())], Options::default())
}

/// Writes `bytes` as `name` in a fresh folder and loads it.
fn load_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, load::Loaded) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    fs::write(&path, bytes).unwrap();
    let loaded = load_path(&path);
    (dir, loaded)
}

fn sentences(d: &Document) -> Vec<&str> {
    (0..d.sentences.len()).map(|i| d.sentence_text(i)).collect()
}

fn lines(d: &Document) -> Vec<usize> {
    d.sentences.iter().map(|s| s.line).collect()
}

fn only_doc(loaded: &load::Loaded) -> &Document {
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.problems);
    &loaded.documents[0]
}

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xfe, 0xff]
    } else {
        vec![0xff, 0xfe]
    };
    for unit in text.encode_utf16() {
        let bytes = if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        };
        out.extend_from_slice(&bytes);
    }
    out
}

const ARTICLE: &str = "Troops reach the front\n\nOfficials said 5,000 troops arrived in Kursk on Monday.\nThe ministry said the convoy was 40 km long — “a show of force”.\n";

// ------------------------------------------------------------- encodings

#[test]
fn utf16_le_and_be_files_with_a_bom_are_decoded_not_binary() {
    for big_endian in [false, true] {
        let (_dir, loaded) = load_file("a.txt", &utf16(ARTICLE, big_endian));
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        let d = only_doc(&loaded);
        assert_eq!(d.title.as_deref(), Some("Troops reach the front"));
        assert_eq!(
            sentences(d),
            vec![
                "Troops reach the front",
                "Officials said 5,000 troops arrived in Kursk on Monday.",
                "The ministry said the convoy was 40 km long — “a show of force”.",
            ]
        );
        assert_eq!(lines(d), vec![1, 3, 4]);
    }
}

#[test]
fn utf16_markdown_and_json_with_a_bom_are_decoded() {
    let md = "---\ntitle: Troops reach the front\nsite: Reuters\n---\nOfficials said 5,000 troops arrived.\n";
    let (_dir, loaded) = load_file("a.md", &utf16(md, false));
    let d = only_doc(&loaded);
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(sentences(d), vec!["Officials said 5,000 troops arrived."]);
    assert_eq!(lines(d), vec![5]);
    let json = r#"[{"title": "T", "text": "Officials said 5,000 troops arrived."}]"#;
    let (_dir, loaded) = load_file("a.json", &utf16(json, true));
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(loaded.documents.len(), 1);
}

#[test]
fn utf8_bom_is_not_counted_in_json_columns() {
    // The BOM used to count as the first character of line 1.
    let (_dir, loaded) = load_file("a.json", b"\xef\xbb\xbf[{\"title\": \"t\"}]");
    let kinds: Vec<&ProblemKind> = loaded.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        vec![&ProblemKind::NoText {
            at: RecordAt::Element {
                line: 1,
                column: 2,
                index: 1
            }
        }]
    );
}

/// A saved page with enough text for the extractor, `body` its paragraph,
/// `head` extra tags for its head.
fn page(head: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = b"<!DOCTYPE html><html><head>".to_vec();
    out.extend_from_slice(head);
    out.extend_from_slice(b"<title>Troops sent | Example News</title></head><body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Troops sent to the front</h1>");
    for _ in 0..3 {
        out.extend_from_slice(b"<p>");
        out.extend_from_slice(body);
        out.extend_from_slice(b" The deployment was confirmed by satellite images and by defectors who spoke to reporters.</p>");
    }
    out.extend_from_slice(b"</article><footer>Copyright 2024 Example News.</footer></body></html>");
    out
}

#[test]
fn html_meta_charset_windows_1252_keeps_curly_quotes() {
    // \x93 \x94 are “ ” in windows-1252; read as UTF-8 they were lost.
    let bytes = page(
        b"<meta charset=\"windows-1252\">",
        b"\x93We will not retreat,\x94 the caf\xe9 owner said of the 10,000 troops.",
    );
    let (_dir, loaded) = load_file("page.html", &bytes);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    let d = only_doc(&loaded);
    assert!(
        d.text
            .contains("“We will not retreat,” the café owner said of the 10,000 troops."),
        "{}",
        d.text
    );
    assert!(!d.text.contains('\u{fffd}'));
}

#[test]
fn html_http_equiv_content_type_charset_is_honoured() {
    let bytes = page(
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">",
        b"Le caf\xe9 de la gare a ferm\xe9, selon 12 t\xe9moins.",
    );
    let (_dir, loaded) = load_file("page.htm", &bytes);
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert!(
        only_doc(&loaded)
            .text
            .contains("Le café de la gare a fermé, selon 12 témoins."),
        "{}",
        only_doc(&loaded).text
    );
}

#[test]
fn html_without_a_declared_charset_keeps_the_invalid_utf8_warning() {
    // Guard: no declaration, invalid UTF-8: replaced and reported, as before.
    let bytes = page(b"", b"Le caf\xe9 a ferm\xe9 apr\xe8s 12 jours de si\xe8ge.");
    let (_dir, loaded) = load_file("page.html", &bytes);
    assert!(
        matches!(
            loaded.problems.as_slice(),
            [p] if matches!(p.kind, ProblemKind::NotUtf8 { .. })
        ),
        "{:?}",
        loaded.problems
    );
    assert!(only_doc(&loaded).text.contains("caf\u{fffd}"));
}

// ------------------------------------------------------------------ NULs

#[test]
fn stray_nul_in_txt_is_replaced_and_named_not_binary() {
    let text = b"Troops reach the front\n\nOfficials said 5,000 troops\0 arrived on Monday.\nThe convoy was 40 km long.\n";
    let (dir, loaded) = load_file("scraped.txt", text);
    let d = only_doc(&loaded);
    assert_eq!(
        sentences(d)[1],
        "Officials said 5,000 troops\u{fffd} arrived on Monday."
    );
    assert_eq!(
        loaded
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>(),
        vec![format!(
            "warning: {}: 1 stray NUL byte (the first at offset 51) replaced with U+FFFD",
            dir.path().join("scraped.txt").display()
        )]
    );
    assert_eq!(loaded.problems[0].severity, Severity::Warning);
    assert_eq!(d.warnings, vec![loaded.problems[0].message.clone()]);
}

#[test]
fn files_mostly_nul_or_control_bytes_are_still_binary() {
    // Guard: what the NUL repair must not let through.
    for (name, bytes) in [
        ("run.txt", &b"Some text\0\0\0 and more text after it."[..]),
        (
            "utf16-no-bom.txt",
            &b"H\0e\0l\0l\0o\0 \0w\0o\0r\0l\0d\0"[..],
        ),
        ("controls.txt", &b"\x01\x02\x03\x00\x04\x05text"[..]),
        ("latin1.txt", &b"caf\xe9 \0 owners"[..]),
    ] {
        let (_dir, loaded) = load_file(name, bytes);
        assert!(loaded.documents.is_empty(), "{name}");
        assert!(
            matches!(
                loaded.problems.as_slice(),
                [p] if matches!(p.kind, ProblemKind::Binary { .. })
            ),
            "{name}: {:?}",
            loaded.problems
        );
    }
}

// -------------------------------------------------------------- Markdown

#[test]
fn markdown_asterisks_between_digits_are_not_joined_into_other_numbers() {
    // CommonMark reads `*3 km and 4*` as emphasis; dropping its markers
    // made "23 km" and "45 km" of the article's 2*3 and 4*5.
    let (_dir, loaded) = load_file(
        "stars.md",
        b"The two plots measure 2*3 km and 4*5 km, officials said on Monday.\n",
    );
    let d = only_doc(&loaded);
    assert_eq!(
        sentences(d),
        vec!["The two plots measure 2*3 km and 4*5 km, officials said on Monday."]
    );
    let values: Vec<f64> = analysis::analyze_document(d)
        .figures
        .iter()
        .map(|f| f.figure.value)
        .collect();
    assert!(
        !values.contains(&23.0) && !values.contains(&45.0),
        "{values:?}"
    );
}

#[test]
fn markdown_markup_does_not_leak_into_sentences_and_lines_still_match() {
    let md = "---\ntitle: Troops reach the front\n---\nTroops reach the front\n======================\n\nThe \\*official\\* count was _5,000_ troops &amp; 40 tanks, said [the ministry][m].\n\n```\nCode stays as text: 3 units.\n```\n\n- A listed item of 12 words stays with its marker as before.\n\n> Quoted from the statement released on Monday, **with\n> emphasis** over two lines.\n\n[m]: https://example.org/ministry\n";
    let (_dir, loaded) = load_file("clip.md", md.as_bytes());
    let d = only_doc(&loaded);
    assert_eq!(
        sentences(d),
        vec![
            "Troops reach the front",
            "The *official* count was 5,000 troops & 40 tanks, said the ministry.",
            "Code stays as text: 3 units.",
            "- A listed item of 12 words stays with its marker as before.",
            "Quoted from the statement released on Monday, with\nemphasis over two lines.",
        ]
    );
    assert_eq!(lines(d), vec![4, 7, 10, 13, 15]);
}

#[test]
fn markdown_lone_cr_line_endings_keep_the_front_matter() {
    let md = "---\rtitle: Troops reach the front\rsite: Reuters\rdate: 2024-11-06\r---\rKYIV (Reuters) - Officials said 5,000 troops arrived.\rThe convoy was 40 km long.\r";
    let (_dir, loaded) = load_file("old-mac.md", md.as_bytes());
    let d = only_doc(&loaded);
    assert_eq!(d.title.as_deref(), Some("Troops reach the front"));
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.date.as_deref(), Some("2024-11-06"));
    assert_eq!(
        sentences(d),
        vec![
            "KYIV (Reuters) - Officials said 5,000 troops arrived.",
            "The convoy was 40 km long."
        ]
    );
    assert_eq!(lines(d), vec![6, 7]);
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn markdown_custom_yaml_tag_on_one_field_keeps_the_others() {
    let md = "---\ntitle: Troops reach the front\nsite: Reuters\nauthor: A. Writer\ndate: !custom 2024-11-06\n---\nOfficials said 5,000 troops arrived.\n";
    let (_dir, loaded) = load_file("tagged.md", md.as_bytes());
    let d = only_doc(&loaded);
    assert_eq!(d.title.as_deref(), Some("Troops reach the front"));
    assert_eq!(d.outlet.as_deref(), Some("Reuters"));
    assert_eq!(d.author.as_deref(), Some("A. Writer"));
    assert_eq!(d.date.as_deref(), Some("2024-11-06"));
    assert_eq!(
        d.warnings,
        vec!["front matter field `date`: YAML tag !custom ignored".to_string()]
    );
}

#[test]
fn markdown_front_matter_that_is_not_yaml_is_still_ignored_whole() {
    // Guard: the field-by-field reading is for a mapping, not for broken YAML.
    let md = "---\ntitle: [unclosed\n---\nOfficials said 5,000 troops arrived.\n";
    let (_dir, loaded) = load_file("broken.md", md.as_bytes());
    let d = only_doc(&loaded);
    assert_eq!(d.title, None);
    assert_eq!(d.warnings.len(), 1);
    assert!(
        d.warnings[0].starts_with("front matter is not valid YAML"),
        "{:?}",
        d.warnings
    );
}

#[test]
fn markdown_pathological_shapes_load_in_linear_time() {
    // Deep nesting and long runs of markers: the parser must neither
    // recurse on them nor go quadratic.
    let shapes: Vec<(&str, String)> = vec![
        ("nested quotes", ">".repeat(200_000) + " deep\n"),
        ("nested lists", "- ".repeat(50_000) + "deep\n"),
        ("open emphasis", "*a ".repeat(200_000)),
        ("open strong and em", "**a *b ".repeat(100_000)),
        ("digit stars", "2*3 ".repeat(200_000)),
        ("open brackets", "[a ".repeat(200_000)),
        ("open links", "[a](".repeat(100_000)),
        ("backticks", "`a ``b ".repeat(100_000)),
        ("html", "<b>a ".repeat(100_000)),
        ("lines", "a *b*\n".repeat(100_000)),
    ];
    for (what, md) in shapes {
        let loaded = with_timeout(60, what, move || {
            load::load_named([("shape.md", md.as_bytes())])
        });
        assert!(
            loaded.problems.is_empty() && loaded.documents.len() == 1,
            "{what}: {:?}",
            loaded.problems
        );
    }
}

#[test]
fn markdown_megabytes_of_nesting_are_kept_as_written_not_parsed() {
    // The parser holds 50-150 bytes a byte for such input (a 20 MB file
    // would take gigabytes): a large body is parsed a stretch at a time and
    // a "paragraph" of megabytes kept as written, with a warning.
    let md = format!(
        "# Title of the clip\n\nOfficials said **5,000** troops arrived.\n\n{}\n\nThe *end*.\n",
        ">".repeat(4 << 20)
    );
    let loaded = with_timeout(60, "4 MB of >", move || {
        load::load_named([("deep.md", md.as_bytes())])
    });
    let d = only_doc(&loaded);
    assert_eq!(
        d.warnings,
        vec!["Markdown paragraph of 4096 KB at line 5 is kept as written, markup and all"]
    );
    let s = sentences(d);
    assert_eq!(
        s[..2],
        ["Title of the clip", "Officials said 5,000 troops arrived."]
    );
    assert_eq!(s.last(), Some(&"The end."));
}

// ------------------------------------------------------------------ JSON

#[test]
fn json_lone_surrogate_is_repaired_with_a_warning_naming_the_record() {
    let json = "[\n  {\"text\": \"Officials said 5,000 troops arrived.\"},\n  {\"text\": \"The convoy was 40 km long \\ud83d\"},\n  {\"text\": \"A third record.\"}\n]";
    let (_dir, loaded) = load_file("feed.json", json.as_bytes());
    assert_eq!(loaded.documents.len(), 3, "{:?}", loaded.problems);
    assert_eq!(
        loaded.documents[1].text.trim_end(),
        "The convoy was 40 km long \u{fffd}"
    );
    let kinds: Vec<&ProblemKind> = loaded.problems.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        vec![&ProblemKind::LoneSurrogate {
            at: RecordAt::Element {
                line: 3,
                column: 3,
                index: 2
            },
            count: 1
        }]
    );
    assert_eq!(
        loaded.problems[0].message,
        "3:3: record 2 has 1 lone surrogate escape (\\uD800-\\uDFFF without its pair), replaced with U+FFFD"
    );
    assert_eq!(
        loaded.documents[1].warnings,
        vec![loaded.problems[0].message.clone()]
    );
}

#[test]
fn json_lines_and_single_records_with_lone_surrogates_load() {
    let jsonl = "{\"text\": \"One.\"}\n{\"text\": \"Cut \\udE00 low and \\uD83D high.\", \"title\": \"\\ud83d\"}\n";
    let (_dir, loaded) = load_file("feed.jsonl", jsonl.as_bytes());
    assert_eq!(loaded.documents.len(), 2, "{:?}", loaded.problems);
    assert_eq!(
        loaded.problems[0].kind,
        ProblemKind::LoneSurrogate {
            at: RecordAt::Line(2),
            count: 3
        }
    );
    let (_dir, loaded) = load_file("one.json", b"{\"text\": \"Cut here \\ud83d\"}");
    assert_eq!(loaded.documents.len(), 1, "{:?}", loaded.problems);
    assert_eq!(
        loaded.problems[0].to_string(),
        format!(
            "warning: {}: the record has 1 lone surrogate escape (\\uD800-\\uDFFF without its pair), replaced with U+FFFD",
            _dir.path().join("one.json").display()
        )
    );
}

#[test]
fn json_escaped_backslash_before_u_is_text_not_a_surrogate() {
    // Guard: `\\ud83d` is a backslash and "ud83d", and a pair stays a pair.
    let json = r#"{"text": "Path C:\\ud83d and 😀 \ud83d\ude00 stay."}"#;
    let (_dir, loaded) = load_file("one.json", json.as_bytes());
    assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
    assert_eq!(
        only_doc(&loaded).text.trim_end(),
        "Path C:\\ud83d and 😀 😀 stay."
    );
}

/// A page whose article is over a million bytes of multi-byte text once
/// panicked inside the extractor (its length cap cut a character in two)
/// and took the whole load with it; now the whole article loads.
#[test]
fn a_long_page_of_multi_byte_text_loads_whole() {
    for shift in 0..3 {
        let paragraph = format!(
            "<p>{}{}</p>\n",
            "a".repeat(shift),
            "日本語のニュース記事です。".repeat(40)
        );
        let page = format!(
            "<html><head><title>T</title></head><body><article><h1>T</h1>{}</article></body></html>",
            paragraph.repeat(900)
        );
        let loaded = with_timeout(120, "a 1.4 MB page of multi-byte text", move || {
            load::load_named([("long.html", page.as_bytes())])
        });
        assert!(loaded.problems.is_empty(), "{:?}", loaded.problems);
        assert_eq!(loaded.documents.len(), 1);
        assert_eq!(loaded.documents[0].paragraphs.len(), 900, "shift {shift}");
    }
}

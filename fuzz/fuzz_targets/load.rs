//! The loader on arbitrary bytes, read as every format it knows: it must
//! never panic, and what it loads must hold its invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["a.txt", "a.md", "a.html", "a.json", "a.jsonl", "noext"] {
        let loaded = crosscheck::load::load_named([(name, data)]);
        for d in &loaded.documents {
            assert!(!d.text.chars().any(|c| c.is_control() && c != '\n'));
            let mut prev = 0;
            for s in &d.sentences {
                assert!(s.span.start >= prev && s.span.start < s.span.end && s.span.end <= d.text.len());
                assert!(d.text.is_char_boundary(s.span.start) && d.text.is_char_boundary(s.span.end));
                prev = s.span.end;
            }
        }
    }
});

//! Figure extraction and attribution on arbitrary text: never a panic, and
//! every span inside its sentence on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for f in crosscheck::figures::extract_figures(text) {
        assert!(f.span.end <= text.len() && text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
    }
    let sentences = crosscheck::segment::sentences(text, 0..text.len());
    let doc = crosscheck::attribution::analyze(text, &sentences);
    for (i, atts) in doc.sentences.iter().enumerate() {
        let len = sentences[i].len();
        for a in atts {
            assert!(a.span.end <= len && a.cue.end <= len && a.mention.end <= len);
        }
    }
    for q in &doc.quotes {
        assert!(q.span.end <= text.len() && text.is_char_boundary(q.span.start));
    }
});

//! Every sentence of some articles with the attributions found in it, and every
//! quote with its speaker: a view for working on the attribution rules.
//!
//!     cargo run --release --example attribution_dump -- [PATH ...]   # default: seeds
//!
//! Sentences come from the real loader and segmenter, as `crosscheck` sees them.
use crosscheck::{attribution, load};

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        args.push(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds").to_owned());
    }
    let inputs: Vec<load::Input> = args.iter().map(load::Input::parse).collect();
    let loaded = load::load(&inputs, load::Options::default());
    for doc in &loaded.documents {
        println!("===== {}", doc.source);
        let spans: Vec<_> = doc.sentences.iter().map(|s| s.span.clone()).collect();
        let att = attribution::analyze(&doc.text, &spans);
        for (i, r) in spans.iter().enumerate() {
            println!("[{i}] {}", &doc.text[r.clone()]);
            for a in &att.sentences[i] {
                println!(
                    "    {:?} {:?} role={:?} span={:?} cue={:?} from={:?} emb={} {:?}",
                    a.claimer.name,
                    a.claimer.kind,
                    a.claimer.role,
                    a.span,
                    &doc.text[r.start + a.cue.start..r.start + a.cue.end],
                    a.resolved_from,
                    a.embedded,
                    a.pattern
                );
            }
        }
        for q in &att.quotes {
            println!(
                "Q {:?} -> {:?}",
                q.text,
                q.speaker.as_ref().map(|c| &c.name)
            );
        }
    }
}

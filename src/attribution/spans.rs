//! Spans: the clause each attribution of a sentence governs, and which
//! attributions sit inside another's reported clause (embedded).

use super::chunk::Sent;
use super::tokens::{Kind, Tok};
use super::{Attribution, Pattern};

fn tok_index_at(toks: &[Tok], byte: usize) -> usize {
    toks.partition_point(|t| t.end <= byte)
}

fn is_separator(t: &Tok) -> bool {
    match t.kind {
        Kind::Punct(c) => matches!(c, ',' | ';' | '—' | '–' | ':'),
        Kind::Quote => true,
        Kind::Word => matches!(
            t.lower,
            "while" | "whereas" | "but" | "although" | "though" | "however"
        ),
    }
}

/// Give each attribution the clause it governs; mark embedded ones.
pub(super) fn assign_spans(st: &Sent, atts: &mut [Attribution]) {
    let toks = st.toks;
    let len = st.s.len();
    // A lone attribution governs the whole sentence: skip the counting below.
    match atts {
        [] => return,
        [a] => {
            a.span = 0..len;
            return;
        }
        _ => {}
    }
    let anchor = |a: &Attribution| {
        if a.mention.start < a.mention.end {
            a.mention.start.min(a.cue.start)..a.mention.end.max(a.cue.end)
        } else {
            a.cue.clone()
        }
    };
    // Separators and "that"s before each token, so that a gap is counted in
    // constant time: scanning it made a long chain of "X said that Y said
    // that …" quadratic.
    let prefix = |f: &dyn Fn(&Tok) -> bool| -> Vec<usize> {
        let mut v = Vec::with_capacity(toks.len() + 1);
        v.push(0);
        for t in toks {
            v.push(v[v.len() - 1] + usize::from(f(t)));
        }
        v
    };
    let separators = prefix(&is_separator);
    let thats = prefix(&|t: &Tok| t.lower == "that");
    // Embedding.
    let mut outer: Option<usize> = None;
    for i in 0..atts.len() {
        let an = anchor(&atts[i]);
        if let Some(o) = outer {
            let oa = &atts[o];
            let gap_from = tok_index_at(toks, oa.cue.end.max(anchor(oa).end));
            let gap_to = tok_index_at(toks, an.start);
            let leading_according =
                oa.pattern == Pattern::According && st.s[..anchor(oa).start].trim().is_empty();
            let gap = gap_from.min(gap_to)..gap_to;
            let count = |prefix: &[usize]| prefix[gap.end] - prefix[gap.start];
            let embedded = atts[i].pattern == Pattern::Participle
                || leading_according
                || (matches!(atts[i].pattern, Pattern::Verb)
                    && gap_from <= gap_to
                    && count(&separators) == 0
                    && (gap.is_empty() || count(&thats) > 0));
            if embedded && an.start >= anchor(oa).start {
                atts[i].embedded = true;
                continue;
            }
        }
        outer = Some(i);
    }
    // Partition among the non-embedded.
    let idx: Vec<usize> = (0..atts.len()).filter(|&i| !atts[i].embedded).collect();
    let mut start = 0;
    for (n, &i) in idx.iter().enumerate() {
        let end = match idx.get(n + 1) {
            None => len,
            Some(&j) => {
                let here = anchor(&atts[i]);
                let next = anchor(&atts[j]);
                let from = tok_index_at(toks, here.end);
                let to = tok_index_at(toks, next.start);
                // Content before a postposed attribution (“…,” X said) is X's.
                let mut k = to;
                while k > from && toks[k - 1].is_punct(',') {
                    k -= 1;
                }
                if k > from && toks[k - 1].is_quote() {
                    toks[k - 1].start
                } else if let Some(s) = (from..to).rev().find(|&k| is_separator(&toks[k])) {
                    toks[s].start
                } else {
                    next.start
                }
            }
        };
        let end = end.clamp(start, len);
        atts[i].span = start..end;
        start = end;
    }
    // Embedded ones govern from their anchor to the end of their outer span.
    for i in 0..atts.len() {
        if atts[i].embedded {
            let an = anchor(&atts[i]);
            let outer_end = idx[..idx.partition_point(|&o| o < i)]
                .last()
                .map_or(len, |&o| atts[o].span.end);
            atts[i].span = an.start.min(outer_end)..outer_end;
        }
    }
}

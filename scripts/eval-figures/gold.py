#!/usr/bin/env python3
"""Compile the hand judgments gold.txt into gold.json (with char spans inside each sentence).

  python3 scripts/eval-figures/gold.py            # needs /tmp/real (to locate the spans)
  python3 scripts/eval-figures/gold.py --sample 2 # gold2.txt + sample2.json -> gold2.json
  python3 scripts/eval-figures/gold.py --sample 3 # gold3.txt + sample3.json -> gold3.json
  python3 scripts/eval-figures/gold.py --sample 4 # gold4.txt + sample4.json -> gold4.json

gold.json holds no article text: per sentence its id and sha1, and per judged number its phrase
(`text`, a few words) and span, plus value/low/high/qualifier/unit for figures.
"""
import argparse, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sample as S  # noqa: E402

# per sample: (sample file, judgments, compiled gold)
FILES = {1: ("sample.json", "gold.txt", "gold.json"), 2: ("sample2.json", "gold2.txt", "gold2.json"),
         3: ("sample3.json", "gold3.txt", "gold3.json"), 4: ("sample4.json", "gold4.txt", "gold4.json")}

QUALIFIERS = {"exact", "approximate", "at_least", "more_than", "at_most", "less_than", "up_to", "range", "vague"}


def num(s):
    return float(s.replace(",", ""))


def find(s, text, pos):
    """First occurrence of `text` at or after pos, not inside a longer number or word; exact case
    preferred, then case-insensitive. -1 if none."""
    pat = re.escape(text)
    if text[0].isdigit():
        pat = r"(?<![0-9])" + pat
    elif text[0].isalpha():
        pat = r"(?<![A-Za-z])" + pat
    if text[-1].isdigit():
        pat += r"(?![0-9])"
    elif text[-1].isalpha():
        pat += r"(?![A-Za-z])"
    for flags in (0, re.IGNORECASE):
        m = re.compile(pat, flags).search(s, pos)
        if m:
            return m.start()
    return -1


def parse(path):
    blocks, cur = {}, None
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        line = raw.rstrip("\n")
        if not line.strip() or line.startswith("#"):
            continue
        if re.fullmatch(r"(gva|basil|ecb)-\d{3}", line.strip()):
            cur = line.strip()
            if cur in blocks:
                sys.exit(f"{path}:{ln}: {cur} twice")
            blocks[cur] = []
            continue
        if cur is None:
            sys.exit(f"{path}:{ln}: item before any sentence id")
        kind, rest = line[0], line[2:]
        note = None
        if kind == "-":
            if " # " in rest:
                rest, note = rest.split(" # ", 1)
            blocks[cur].append({"kind": "nonfigure", "text": rest.strip(), "note": note, "line": ln})
            continue
        if kind != "+":
            sys.exit(f"{path}:{ln}: expected + or -")
        parts = [p.strip() for p in rest.split(" | ")]
        text, value, qual, unit = parts[:4]
        iv = None
        for p in parts[4:]:
            if p.startswith("#"):
                note = p[1:].strip()
            elif p.startswith("@"):
                lo, hi = p[1:].split(",")
                iv = (None if lo == "null" else num(lo), None if hi == "null" else num(hi))
        if " # " in unit:
            unit, note = unit.split(" # ", 1)
        if qual not in QUALIFIERS:
            sys.exit(f"{path}:{ln}: qualifier {qual!r}")
        unit = None if unit == "-" else unit
        m = re.fullmatch(r"([\d.,e]+)-([\d.,e]+)", value)
        if m:
            lo, hi = num(m.group(1)), num(m.group(2))
            v = None if qual == "vague" else (lo + hi) / 2
            iv = iv or (lo, hi)
        else:
            v = num(value)
            if iv is None:
                iv = {"exact": (v, v), "approximate": (0.9 * v, 1.1 * v), "more_than": (v, None),
                      "at_least": (v, None), "less_than": (None, v), "at_most": (None, v),
                      "up_to": (None, v)}.get(qual)
            if iv is None:
                sys.exit(f"{path}:{ln}: {qual} needs a range value a-b")
        blocks[cur].append({"kind": "figure", "text": text, "value": v, "low": iv[0], "high": iv[1],
                            "qualifier": qual, "unit": unit, "note": note, "line": ln})
    return blocks


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", type=int, choices=sorted(FILES), default=1,
                    help="1: sample.json + gold.txt -> gold.json (default); 2: sample2.json + gold2.txt -> gold2.json; 3: sample3.json + gold3.txt -> gold3.json; 4: sample4.json + gold4.txt -> gold4.json")
    ap.add_argument("--root", default="/tmp/real")
    a = ap.parse_args()
    sample_f, txt_f, json_f = FILES[a.sample]
    root = a.root
    sample = json.load(open(os.path.join(HERE, sample_f)))["sentences"]
    sents = S.load_sentences(root, sample)
    blocks = parse(os.path.join(HERE, txt_f))
    missing = [r["id"] for r in sample if r["id"] not in blocks]
    if missing:
        sys.exit(f"not judged: {missing}")
    out, nf, nn = [], 0, 0
    for r in sample:
        s, pos, figs, nons = sents[r["id"]], 0, [], []
        for it in blocks[r["id"]]:
            i = find(s, it["text"], pos)
            if i < 0:
                sys.exit(f"{txt_f}:{it['line']}: {it['text']!r} not found in {r['id']} after {pos}: {s!r}")
            it["start"], it["end"] = i, i + len(it["text"])
            pos = i + 1
            kind, line = it.pop("kind"), it.pop("line")
            if it["note"] is None:
                del it["note"]
            (figs if kind == "figure" else nons).append(it)
        nf += len(figs)
        nn += len(nons)
        out.append({"id": r["id"], "sha1": r["sha1"], "figures": figs, "nonfigures": nons})
    doc = {"judged_by": "hand, reading each sentence (see README.md)", "sentences": out,
           "counts": {"sentences": len(out), "figures": nf, "nonfigures": nn}}
    with open(os.path.join(HERE, json_f), "w") as fh:
        json.dump(doc, fh, indent=1, ensure_ascii=False)
        fh.write("\n")
    print(f"{json_f}: {len(out)} sentences, {nf} figures, {nn} non-figures")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Draw the hand-judged sample of issue 13: 200 real news sentences that contain a number.

Deterministic (seed 13). Articles are sampled first, stratified by set in proportion to the
number of articles in each set (largest remainder); one sentence per article, drawn uniformly
among the article's sentences that contain a number. No text is written: sample.json holds the
set, the path relative to the corpus root, the sentence index and char offset in the article's
`text`, and the sha1 of the sentence.

  python3 scripts/eval-figures/sample.py            # (re)write sample.json
  python3 scripts/eval-figures/sample.py --show     # print the sampled sentences (from /tmp/real)
  python3 scripts/eval-figures/sample.py --check    # verify every sentence's sha1 against /tmp/real

Second sample (drawn after the extractor was tuned on the first one; for the final measurement):
same method, seed 2026, every article of sample.json excluded (and any sentence with the same
sha1 as one of sample.json, since GVA has the same page under several URLs):

  python3 scripts/eval-figures/sample.py --sample 2            # (re)write sample2.json
  python3 scripts/eval-figures/sample.py --sample 2 --show     # print its sentences
  python3 scripts/eval-figures/sample.py --sample 2 --check

Third sample (held out for the next round): same method, seed 3003, every article and sentence
sha1 of sample.json and sample2.json excluded:

  python3 scripts/eval-figures/sample.py --sample 3            # (re)write sample3.json
  python3 scripts/eval-figures/sample.py --sample 3 --show     # print its sentences
  python3 scripts/eval-figures/sample.py --sample 3 --check

Fourth sample (held out, since sample 3 was scored at the end of the first round): same method,
seed 4004, every article and sentence sha1 of sample.json, sample2.json and sample3.json excluded:

  python3 scripts/eval-figures/sample.py --sample 4            # (re)write sample4.json
  python3 scripts/eval-figures/sample.py --sample 4 --show     # print its sentences
  python3 scripts/eval-figures/sample.py --sample 4 --check
"""
import argparse, hashlib, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 13
N = 200
# Per sample: seed, output file, and the earlier samples whose articles (and sentences) are excluded.
SAMPLES = {
    1: {"seed": 13, "file": "sample.json", "exclude": []},
    2: {"seed": 2026, "file": "sample2.json", "exclude": ["sample.json"]},
    3: {"seed": 3003, "file": "sample3.json", "exclude": ["sample.json", "sample2.json"]},
    4: {"seed": 4004, "file": "sample4.json", "exclude": ["sample.json", "sample2.json", "sample3.json"]},
}
SETS = ["gva", "basil", "ecb"]
# GVA incidents held out for acceptance (scripts/eval-real/README.md): never read.
HELD_OUT = {"519541", "743995", "604762", "441724"}
MIN_WORDS, MAX_WORDS = 5, 80

NUMBER_WORDS = (
    "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|"
    "ninety|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|half|halves|thirds?|quarters?"
)
# A sentence "contains a number" when it has an ASCII digit or one of the number words above as a
# whole word (case-insensitive; "twenty-five" matches through "twenty").
NUMBER_RE = re.compile(r"[0-9]|\b(?:" + NUMBER_WORDS + r")\b", re.IGNORECASE)

ABBREV = {
    "mr", "mrs", "ms", "dr", "st", "sgt", "lt", "capt", "col", "gen", "gov", "sen", "rep", "rev",
    "jr", "sr", "det", "ofc", "cpl", "maj", "insp", "supt", "prof", "co", "corp", "inc", "ltd",
    "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "ave", "blvd", "rd", "mt", "ft", "approx", "est", "u.s", "a.m", "p.m", "e.g", "i.e", "d.c",
}
# Splitter: paragraphs (one or more newlines) first; inside a paragraph, a sentence ends at
# . ! or ? (optionally followed by closing quotes/brackets) followed by whitespace and then an
# upper-case letter, a digit or an opening quote - unless the word before the period is a known
# abbreviation (ABBREV) or a single letter (initials, "U.S.").
END_RE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])")


def split_sentences(text):
    """Yield (char_offset, sentence) for `text`."""
    out = []
    for para in re.finditer(r"[^\n]+", text):
        p, base, start = para.group(0), para.start(), 0
        for m in END_RE.finditer(p):
            if p[m.start()] == ".":
                w = re.search(r"([\w.]+)$", p[start:m.start()])
                word = w.group(1).lower() if w else ""
                if word in ABBREV or re.fullmatch(r"(?:[a-z]\.)*[a-z]", word):
                    continue
            out.append((base + start, p[start:m.end()]))
            start = m.end()
            while start < len(p) and p[start].isspace():
                start += 1
        if start < len(p):
            out.append((base + start, p[start:]))
    res = []
    for off, s in out:
        lead = len(s) - len(s.lstrip())
        s2 = s.strip()
        if s2:
            res.append((off + lead, s2))
    return res


def sha1(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def articles(root, set_name):
    base = os.path.join(root, set_name)
    paths = []
    for d in sorted(os.listdir(base)):
        if set_name == "gva" and d in HELD_OUT:
            continue
        dd = os.path.join(base, d)
        for f in sorted(os.listdir(dd)):
            if f.endswith(".json"):
                paths.append(os.path.relpath(os.path.join(dd, f), root))
    return paths


def candidates(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as fh:
        text = json.load(fh).get("text") or ""
    cands = []
    for i, (off, s) in enumerate(split_sentences(text)):
        nw = len(s.split())
        if MIN_WORDS <= nw <= MAX_WORDS and NUMBER_RE.search(s):
            cands.append((i, off, s))
    return cands


def draw(root, seed=SEED, exclude=()):
    """Draw N sentences. `exclude`: earlier samples (lists of records); their articles are skipped
    and their sentences (by sha1) are never drawn again. The quota is computed on the full pools
    (as for sample 1), the shuffle is of the full sorted pool, excluded articles are skipped in the
    walk like articles without an eligible sentence."""
    rng = random.Random(seed)
    pools = {s: articles(root, s) for s in SETS}
    skip_paths = {r["path"] for ex in exclude for r in ex}
    skip_sha1 = {r["sha1"] for ex in exclude for r in ex}
    total = sum(len(p) for p in pools.values())
    exact = {s: N * len(pools[s]) / total for s in SETS}
    quota = {s: int(exact[s]) for s in SETS}
    for s in sorted(SETS, key=lambda s: exact[s] - quota[s], reverse=True)[: N - sum(quota.values())]:
        quota[s] += 1
    seen, sample = set(skip_sha1), []
    for s in SETS:
        order = pools[s][:]
        rng.shuffle(order)
        taken = 0
        for rel in order:
            if taken == quota[s]:
                break
            if rel in skip_paths:
                continue
            cands = [c for c in candidates(root, rel) if sha1(c[2]) not in seen]
            if not cands:
                continue
            i, off, sent = rng.choice(cands)
            seen.add(sha1(sent))
            taken += 1
            sample.append({"id": f"{s}-{taken:03d}", "set": s, "path": rel, "sentence": i,
                           "offset": off, "length": len(sent), "sha1": sha1(sent)})
    return sample, {s: len(pools[s]) for s in SETS}, quota


def load_sentences(root, sample):
    """Return {id: sentence text} read back from the corpus, checking each sha1."""
    out = {}
    for r in sample:
        with open(os.path.join(root, r["path"]), encoding="utf-8") as fh:
            text = json.load(fh)["text"]
        s = text[r["offset"]: r["offset"] + r["length"]]
        if sha1(s) != r["sha1"]:
            sys.exit(f"{r['id']}: sha1 mismatch for {r['path']} - /tmp/real differs from the sampled corpus")
        out[r["id"]] = s
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", default="/tmp/real")
    ap.add_argument("--sample", type=int, choices=sorted(SAMPLES), default=1,
                    help="which sample: 1 (seed 13, sample.json), 2 (seed 2026, sample2.json), 3 (seed 3003, sample3.json) or 4 (seed 4004, sample4.json)")
    ap.add_argument("--out", default=None, help="sample file (default: that of --sample)")
    ap.add_argument("--show", action="store_true", help="print the sampled sentences")
    ap.add_argument("--check", action="store_true", help="check the sha1s against the corpus")
    a = ap.parse_args()
    cfg = SAMPLES[a.sample]
    if a.out is None:
        a.out = os.path.join(HERE, cfg["file"])
    if a.show or a.check:
        with open(a.out) as fh:
            sample = json.load(fh)["sentences"]
        sents = load_sentences(a.root, sample)
        if a.show:
            for r in sample:
                print(f"## {r['id']}  {r['path']}#{r['sentence']}\n{sents[r['id']]}\n")
        else:
            print(f"{len(sents)} sentences ok")
        return
    exclude = []
    for f in cfg["exclude"]:
        with open(os.path.join(HERE, f)) as fh:
            exclude.append(json.load(fh)["sentences"])
    sample, sizes, quota = draw(a.root, cfg["seed"], exclude)
    doc = {"seed": cfg["seed"], "n": N, "root": "/tmp/real", "set_articles": sizes, "quota": quota,
           "number_regex": NUMBER_RE.pattern, "min_words": MIN_WORDS, "max_words": MAX_WORDS,
           **({"excluded_samples": cfg["exclude"],
               "excluded_articles": len({r["path"] for ex in exclude for r in ex})} if exclude else {}),
           "sentences": sample}
    with open(a.out, "w") as fh:
        json.dump(doc, fh, indent=1)
        fh.write("\n")
    print(f"wrote {a.out}: {len(sample)} sentences, quota {quota}, articles {sizes}")


if __name__ == "__main__":
    main()

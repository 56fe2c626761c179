#!/usr/bin/env python3
"""Score `crosscheck claims --json` against PolNeAR's gold attributions.

Usage:
  python3 scripts/eval-attribution/eval.py --split train|dev
      [--bin target/release/crosscheck] [--mirror DIR] [--data /tmp/polnear]
      [--failures N] [--json]

The first run copies the split's article texts, annotations and CoreNLP files out of a
bare git mirror of networkdynamics/PolNeAR (the `fetch` tool's copy by default) into
`--data`/<split>/, outside the repository. Only `data/train/` and `data/dev/` are ever
listed or read: the test split is held out for acceptance, and this script refuses
any other split. Python 3.11+ standard library only. See README.md in this folder for
the matching rules.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

MIRROR = "/work/.mirror/networkdynamics+PolNeAR/repo"
SPLITS = ("train", "dev")  # never "test"
NAMED_NER = {"PERSON", "ORGANIZATION", "LOCATION"}
PRONOUNS = {
    "he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "his", "its",
    "their", "who", "which", "that", "this", "one", "me", "us",
}
SKIP_WORDS = {"the", "a", "an", "of", "'s", "’s", "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.",
              "gov.", "jr.", "sr.", "jr", "sr", "'", "’"}
QUOTE_MARKS = "\"“”"


# ---------------------------------------------------------------- data extraction

def git(mirror, *args):
    return subprocess.run(["git", "--git-dir", mirror, *args], check=True,
                          capture_output=True).stdout


def extract(mirror, split, out):
    """Copy one split (train or dev only) out of the mirror into `out`."""
    assert split in SPLITS, "only train and dev may be read"
    prefix = f"data/{split}/"
    names = git(mirror, "ls-tree", "-r", "--name-only", "HEAD", "--", prefix).decode().split("\n")
    names = [n for n in names if n.startswith(prefix)]  # belt and braces
    texts = sorted(n for n in names if n.startswith(prefix + "text/") and n.endswith(".txt"))
    anns = sorted(n for n in names if n.startswith(prefix + "attributions/"))
    for sub in ("text", "ann", "corenlp"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    for t in texts:
        stem = os.path.basename(t)[:-4]
        dest = os.path.join(out, "text", stem + ".txt")
        if os.path.exists(dest):
            continue
        # Several annotators for a few articles: the first annotator's file, always.
        mine = [a for a in anns if os.path.basename(a).rsplit("_", 1)[0] == stem]
        if not mine:
            continue
        open(os.path.join(out, "ann", stem + ".ann"), "wb").write(git(mirror, "show", "HEAD:" + mine[0]))
        xml = f"{prefix}corenlp/{stem}.txt.xml"
        try:
            body = git(mirror, "show", "HEAD:" + xml)
        except subprocess.CalledProcessError:
            body = None  # a few large CoreNLP files are absent from the mirror
        if body:
            open(os.path.join(out, "corenlp", stem + ".xml"), "wb").write(body)
        open(dest, "wb").write(git(mirror, "show", "HEAD:" + t))


# ---------------------------------------------------------------- gold

def parse_spans(s):
    return [tuple(map(int, p.split())) for p in s.split(";")]


def parse_ann(path):
    spans, atts = {}, []
    for line in open(path, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if parts[0].startswith("T") and len(parts) >= 2:
            kind, rest = parts[1].split(" ", 1)
            spans[parts[0]] = (kind, parse_spans(rest))
        elif parts[0].startswith("E") and len(parts) >= 2:
            roles = dict(r.split(":", 1) for r in parts[1].split())
            atts.append(roles)
    out = []
    for roles in atts:
        get = lambda k: spans[roles[k]][1] if k in roles and roles[k] in spans else []
        out.append({"source": get("Source"), "cue": get("Cue"), "content": get("Content")})
    return out


def parse_corenlp(path):
    root = ET.parse(path).getroot()
    sents = []
    for s in root.iter("sentence"):
        toks = s.find("tokens")
        if toks is None:
            continue
        sents.append([{
            "word": t.findtext("word"),
            "pos": t.findtext("POS"),
            "ner": t.findtext("NER"),
            "b": int(t.findtext("CharacterOffsetBegin")),
            "e": int(t.findtext("CharacterOffsetEnd")),
        } for t in toks.iter("token")])
    chains = []
    coref = root.find("document/coreference")
    if coref is not None:
        for ch in coref.findall("coreference"):
            ms = []
            for m in ch.findall("mention"):
                ms.append((int(m.findtext("sentence")) - 1, int(m.findtext("start")) - 1,
                           int(m.findtext("end")) - 1, int(m.findtext("head")) - 1,
                           m.get("representative") == "true"))
            chains.append(ms)
    return sents, chains


def ner_run(sent, i):
    """Words of the named-entity run around token i."""
    tag = sent[i]["ner"]
    a, b = i, i + 1
    while a > 0 and sent[a - 1]["ner"] == tag:
        a -= 1
    while b < len(sent) and sent[b]["ner"] == tag:
        b += 1
    return [t["word"] for t in sent[a:b]]


def inside(spans, b, e):
    return any(s <= b and e <= t for s, t in spans)


def overlaps(spans, b, e):
    return any(s < e and b < t for s, t in spans)


class Gold:
    """One attribution with its source resolved as far as the rules go."""

    def __init__(self, att, text, sents, chains):
        self.source, self.cue, self.content = att["source"], att["cue"], att["content"]
        self.source_text = " ".join(text[a:b] for a, b in self.source)
        self.content_text = " ".join(text[a:b] for a, b in self.content)
        self.cue_text = " ".join(text[a:b] for a, b in self.cue)
        self.direct = is_direct(self.content_text)
        self.head, self.name, self.keys = None, None, set()
        if not self.source:
            return
        # Tokens of the source span's first chunk (up to a comma or a relative
        # pronoun: "X, who runs Y," is X).
        toks = []
        for si, s in enumerate(sents):
            for ti, t in enumerate(s):
                if inside(self.source, t["b"], t["e"]):
                    if toks and (t["word"] in (",", "(") or t["pos"] in ("WP", "WDT")):
                        break
                    toks.append((si, ti))
            else:
                continue
            break
        if not toks:
            return
        tokset = set(toks)
        # Head: the head of the longest coreference mention inside that chunk, else
        # its last noun or pronoun before a preposition or verb.
        best = None
        for ch in chains:
            for (si, a, b, h, _) in ch:
                if all((si, x) in tokset for x in range(a, b)):
                    if best is None or b - a > best[0]:
                        best = (b - a, (si, h))
        if best:
            head = best[1]
        else:
            head = None
            for (si, ti) in toks:
                t = sents[si][ti]
                if t["pos"] in ("IN", "VBD", "VBZ", "VBP", "TO") and head:
                    break
                if t["pos"].startswith("NN") or t["pos"] == "PRP":
                    head = (si, ti)
            head = head or toks[-1]
        hs, ht = head
        htok = sents[hs][ht]
        self.head = htok["word"]
        self.keys.add(norm(htok["word"]))
        # Names written in the chunk: people first ("Texas Sen. Ted Cruz" is Cruz).
        runs = {}
        for (si, ti) in toks:
            tag = sents[si][ti]["ner"]
            if tag in NAMED_NER:
                runs.setdefault(tag, []).append(sents[si][ti]["word"])
        for tag in ("PERSON", "ORGANIZATION", "LOCATION"):
            if tag in runs:
                self.name = runs[tag]
                break
        if self.name is None:
            # A name in apposition after the first chunk ("the inspector general,
            # Steve Linick,").
            whole = [t for s in sents for t in s
                     if inside(self.source, t["b"], t["e"]) and t["ner"] == "PERSON"]
            if whole:
                self.name = [t["word"] for t in whole]
        if self.name is None:
            # Coreference to a name: the chains holding a mention headed here; a
            # person pronoun only to a person.
            want = {"PERSON"} if norm(self.head) in ("he", "she", "i", "him", "her") else \
                {"PERSON", "ORGANIZATION"}
            names = Counter()
            for ch in chains:
                if not any((si, h) == head for (si, a, b, h, _) in ch):
                    continue
                for (si, a, b, h, rep) in ch:
                    if sents[si][h]["ner"] in want:
                        names[tuple(ner_run(sents[si], h))] += 2 if rep else 1
            if names:
                self.name = list(names.most_common(1)[0][0])
        if self.name:
            self.keys |= {norm(w) for w in self.name} - SKIP_WORDS
        self.keys.discard("")

    @property
    def named(self):
        return self.name is not None

    @property
    def bare_pronoun(self):
        return self.name is None and norm(self.head or "") in PRONOUNS

    def matches(self, claimer):
        words = [norm(w) for w in claimer.split()]
        words = [w for w in words if w and w not in SKIP_WORDS]
        if not words:
            return False
        return words[-1] in self.keys or norm(self.head or "") in words


def norm(w):
    w = w.lower().strip(".,;:!?\"“”‘’()[]")
    for s in ("'s", "’s"):
        if w.endswith(s):
            w = w[: -len(s)]
    return w


def is_direct(content):
    """A content with a double-quoted stretch of at least three words."""
    content = content.replace("''", '"')  # typewriter marks, as one outlet writes them
    for m in re.finditer(r"[\"“]([^\"“”]+)[\"”]", content):
        if len(m.group(1).split()) >= 3:
            return True
    # A quote cut by the content span: one mark and the rest quoted.
    marks = sum(content.count(c) for c in QUOTE_MARKS)
    return marks == 1 and len(content.split()) >= 3 and (
        content.lstrip()[:1] in QUOTE_MARKS or content.rstrip()[-1:] in QUOTE_MARKS)


# ---------------------------------------------------------------- system output

def locate(text, records):
    """Char spans of each record's sentence and of its quotes, in document order."""
    cursor = 0
    out = []
    for r in records:
        s = r["sentence"]
        at = text.find(s, cursor)
        if at < 0:
            pat = r"\s+".join(re.escape(w) for w in s.split())
            m = re.compile(pat).search(text, cursor) if pat else None
            if not m:
                out.append(None)
                continue
            at, end = m.start(), m.end()
        else:
            end = at + len(s)
        cursor = at
        quotes = []
        for q in r.get("quotes", []):
            qt = q["text"]
            qa = text.find(qt, max(0, at - len(qt) - 4))
            if qa < 0 or qa > end:
                continue
            quotes.append(((qa, qa + len(qt)), q["text"], q.get("speaker")))
        out.append(((at, end), quotes))
    return out


def run_crosscheck(binary, folder):
    res = subprocess.run([binary, "claims", "--json", folder], capture_output=True, check=True)
    by_doc = defaultdict(list)
    for r in json.loads(res.stdout):
        by_doc[os.path.basename(r["source"])[:-4]].append(r)
    return by_doc


# ---------------------------------------------------------------- scoring

def score(data, binary, failures):
    by_doc = run_crosscheck(binary, os.path.join(data, "text"))
    c = Counter()
    fails = defaultdict(list)
    for fn in sorted(os.listdir(os.path.join(data, "ann"))):
        stem = fn[:-4]
        text = open(os.path.join(data, "text", stem + ".txt"), encoding="utf-8", newline="").read()
        xml = os.path.join(data, "corenlp", stem + ".xml")
        if not os.path.exists(xml):
            continue
        sents, chains = parse_corenlp(xml)
        golds = [Gold(a, text, sents, chains) for a in parse_ann(os.path.join(data, "ann", fn))]
        golds = [g for g in golds if g.source]
        recs = by_doc.get(stem, [])
        located = [(r, l) for r, l in zip(recs, locate(text, recs)) if l]
        c["sentences_unlocated"] += len(recs) - len(located)
        sent_units = []  # (span, claimer)
        quote_units = {}  # span -> (text, speaker)
        for r, (span, quotes) in located:
            for name in r.get("claimers") or ([r["claimer"]] if r.get("claimer") else []):
                sent_units.append((span, name, r["sentence"]))
            for qspan, qtext, sp in quotes:
                if len(qtext.split()) >= 3:
                    quote_units.setdefault(qspan, (qtext, sp))

        def show(g, got):
            return f"{stem}: gold source {g.source_text!r} (name {' '.join(g.name or []) or '-'}); " \
                   f"cue {g.cue_text!r}; crosscheck {got}; content {g.content_text[:110]!r}"

        for g in golds:
            qs = [(sp, q) for sp, q in quote_units.items()
                  if overlaps(g.content, *sp) and len(q[0].split()) >= 3]
            if g.direct and g.bare_pronoun:
                c["direct_unjudged"] += 1  # "he" that CoreNLP ties to no name
            elif g.direct:
                c["direct"] += 1
                speakers = [q[1] for _, q in qs if q[1]]
                if any(g.matches(s) for s in speakers):
                    c["direct_ok"] += 1
                else:
                    kind = "no quote found" if not qs else ("no speaker" if not speakers else "wrong speaker")
                    c["direct_" + kind] += 1
                    fails["direct: " + kind].append(show(g, speakers))
            if g.named:
                c["named"] += 1
                got = [n for (sp, n, _) in sent_units if overlaps(g.cue or g.content, *sp)]
                got += [q[1] for _, q in qs if q[1]]
                if any(g.matches(n) for n in got):
                    c["named_ok"] += 1
                else:
                    kind = "none" if not got else "wrong"
                    c["named_" + kind] += 1
                    fails["named: " + kind].append(show(g, got))

        def judge(unit_span, name, field):
            near = [g for g in golds if overlaps(getattr(g, field), *unit_span)
                    or (field == "cue" and overlaps(g.content, *unit_span))]
            if any(g.matches(name) for g in near):
                return "ok"
            if near and all(g.bare_pronoun for g in near):
                return "unjudged"
            return "wrong" if near else "no gold"

        for span, name, sentence in sent_units:
            v = judge(span, name, "cue")
            c["claimer_" + v] += 1
            if v in ("wrong", "no gold"):
                fails["precision (sentence): " + v].append(f"{stem}: crosscheck {name!r} in {sentence[:160]!r}")
        for span, (qtext, sp) in quote_units.items():
            if not sp:
                continue
            v = judge(span, sp, "content")
            c["speaker_" + v] += 1
            if v in ("wrong", "no gold"):
                fails["precision (quote): " + v].append(f"{stem}: speaker {sp!r} of {qtext[:120]!r}")
    return c, fails


def pct(a, b):
    return round(100.0 * a / b, 1) if b else 0.0


def summary(c):
    cl_ok, cl_bad = c["claimer_ok"], c["claimer_wrong"] + c["claimer_no gold"]
    sp_ok, sp_bad = c["speaker_ok"], c["speaker_wrong"] + c["speaker_no gold"]
    return {
        "direct_quote_recall": pct(c["direct_ok"], c["direct"]),
        "named_recall": pct(c["named_ok"], c["named"]),
        "precision": pct(cl_ok + sp_ok, cl_ok + cl_bad + sp_ok + sp_bad),
        "claimer_precision": pct(cl_ok, cl_ok + cl_bad),
        "speaker_precision": pct(sp_ok, sp_ok + sp_bad),
        "counts": dict(sorted(c.items())),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=SPLITS, required=True)
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--mirror", default=MIRROR)
    ap.add_argument("--data", default="/tmp/polnear")
    ap.add_argument("--failures", type=int, default=0, help="print N failures of each kind")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    data = os.path.join(a.data, a.split)
    if not os.path.isdir(os.path.join(data, "text")):
        extract(a.mirror, a.split, data)
    c, fails = score(data, a.bin, a.failures)
    s = summary(c)
    if a.json:
        print(json.dumps(s, indent=2))
    else:
        print(f"PolNeAR {a.split}: {c['direct']} direct quotes, {c['named']} named attributions")
        print(f"  direct-quote recall    {s['direct_quote_recall']:5.1f}%  ({c['direct_ok']}/{c['direct']})")
        print(f"  named-attribution rec. {s['named_recall']:5.1f}%  ({c['named_ok']}/{c['named']})")
        print(f"  precision              {s['precision']:5.1f}%  "
              f"(claimers {s['claimer_precision']}%, quote speakers {s['speaker_precision']}%)")
        print("  " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    if a.failures:
        for kind, items in sorted(fails.items()):
            print(f"\n== {kind} ({len(items)})")
            for x in items[: a.failures]:
                print("  " + x)


if __name__ == "__main__":
    sys.exit(main())

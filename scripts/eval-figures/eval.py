#!/usr/bin/env python3
"""Score `crosscheck figures --json` against the hand-judged sample (issue 13).

  python3 scripts/eval-figures/eval.py [--bin target/release/crosscheck] [--sample 1|2|3|4] [-v] [--json]

--sample 2 scores the second sample (sample2.json / gold2.json, drawn after tuning; see README.md);
--sample 3 the third (sample3.json / gold3.json, held out for the next round: do not read -v on it
before a round is finished; scored once at the end of the first round); --sample 4 the fourth
(sample4.json / gold4.json, held out like sample 3 was); the default is the first sample
(sample.json / gold.json). The scoring rules are the same.

Writes the 200 sampled sentences (read from /tmp/real, sha1-checked) to a temporary JSON Lines
file, one record {"title": "s", "text": sentence} per line, runs `crosscheck figures --json` on
it, groups the figures per record by `source` (= FILE#LINE) and matches them to the gold items by
character overlap inside the sentence. See README.md for the definitions.
"""
import argparse, json, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import sample as S  # noqa: E402

TOL = 0.005
# per sample: (sample file, compiled gold)
FILES = {1: ("sample.json", "gold.json"), 2: ("sample2.json", "gold2.json"), 3: ("sample3.json", "gold3.json"),
         4: ("sample4.json", "gold4.json")}


def close(a, b):
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= TOL * max(abs(a), abs(b)) or abs(a - b) < 1e-9


def norm(s):
    """Fold what the loader may normalise (quotes, dashes, spaces) keeping one char per char."""
    tbl = {"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
           "\u00a0": " ", "\u2009": " ", "\u202f": " "}
    return "".join(tbl.get(c, c) for c in s).lower()


def find_ws(hay, needle, start=0):
    """Find needle in hay ignoring differences in whitespace; return (start, end) in hay or None."""
    chars = [c for c in norm(needle) if not c.isspace()]
    if not chars:
        return None
    pat = r"\s*".join(re.escape(c) for c in chars)
    # a number is not found inside a longer one ("3" is not the 3 of "36"), a word not inside a word
    if chars[0].isdigit():
        pat = r"(?<![0-9])" + pat
    elif chars[0].isalpha():
        pat = r"(?<![a-z])" + pat
    if chars[-1].isdigit():
        pat += r"(?![0-9])"
    elif chars[-1].isalpha():
        pat += r"(?![a-z])"
    m = re.compile(pat).search(norm(hay), start)
    return (m.start(), m.end()) if m else None


def locate(sent, preds):
    """Give each predicted figure a span (start, end) in the record's sentence."""
    used = {}
    for p in preds:
        sub = find_ws(sent, p.get("sentence") or "") or (0, len(sent))
        key = (p["text"], sub)
        from_ = used.get(key, sub[0])
        sp = find_ws(sent, p["text"], from_)
        if sp is None or sp[1] > sub[1] + 2:
            sp = find_ws(sent, p["text"], 0)
        if sp is None:
            p["span"] = None
            continue
        used[key] = sp[0] + 1
        p["span"] = sp


def overlap(a, b):
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def value_right(p, g):
    if g["qualifier"] == "vague":
        return p["value"] is not None and g["low"] <= p["value"] <= g["high"]
    if not close(p["value"], g["value"]):
        return False
    if g["qualifier"] == "range":
        return close(p["low"], g["low"]) and close(p["high"], g["high"])
    return True


def unit_eq(a, b):
    return (a or "").lower() == (b or "").lower()


def run(bin_, sample, sents):
    with tempfile.TemporaryDirectory() as td:
        path = os.path.join(td, "sample.jsonl")
        with open(path, "w", encoding="utf-8") as fh:
            for r in sample:
                fh.write(json.dumps({"title": "s", "text": sents[r["id"]]}, ensure_ascii=False) + "\n")
        res = subprocess.run([bin_, "figures", "--json", path], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"{bin_} failed ({res.returncode}): {res.stderr[:2000]}")
        figs = json.loads(res.stdout)
    by = {}
    for f in figs:
        n = int(f["source"].rsplit("#", 1)[1])
        by.setdefault(n, []).append(f)
    return by


def ver(bin_):
    try:
        return subprocess.run([bin_, "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=os.path.join(REPO, "target/release/crosscheck"))
    ap.add_argument("--root", default="/tmp/real")
    ap.add_argument("--sample", type=int, choices=sorted(FILES), default=1,
                    help="1: sample.json/gold.json (default); 2: sample2.json/gold2.json (the second sample); 3: sample3.json/gold3.json (scored once after round 1); 4: sample4.json/gold4.json (held out)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every error per sentence")
    ap.add_argument("--json", action="store_true", help="print the scores as JSON")
    a = ap.parse_args()
    sample_f, gold_f = FILES[a.sample]
    sample = json.load(open(os.path.join(HERE, sample_f)))["sentences"]
    gold = {g["id"]: g for g in json.load(open(os.path.join(HERE, gold_f)))["sentences"]}
    if [r["sha1"] for r in sample] != [gold[r["id"]]["sha1"] for r in sample]:
        sys.exit(f"{gold_f} does not match {sample_f}")
    sents = S.load_sentences(a.root, sample)
    by = run(a.bin, sample, sents)

    c = dict(pred=0, pred_value_right=0, pred_on_nonfigure=0, pred_unjudged=0, pred_duplicate=0,
             pred_unlocated=0, gold=0, gold_found=0, gold_value_right=0, qualifier_right=0,
             unit_right=0, interval_right=0)
    errors = []
    for n, r in enumerate(sample, 1):
        s, g = sents[r["id"]], gold[r["id"]]
        preds = by.get(n, [])
        locate(s, preds)
        items = [("fig", i, (x["start"], x["end"])) for i, x in enumerate(g["figures"])] + \
                [("non", i, (x["start"], x["end"])) for i, x in enumerate(g["nonfigures"])]
        best = {}  # gold figure index -> (overlap, pred)
        errs = []
        assign = []
        for p in preds:
            if p["span"] is None:
                assign.append((p, None))
                continue
            cands = [(overlap(p["span"], sp), k == "fig", k, i) for k, i, sp in items if overlap(p["span"], sp)]
            if not cands:
                assign.append((p, None))
                continue
            ov, _, k, i = max(cands, key=lambda t: (t[1], t[0]))
            assign.append((p, (k, i, ov)))
            if k == "fig" and (i not in best or ov > best[i][0]):
                best[i] = (ov, p)
        for p, m in assign:
            judged = bool(S.NUMBER_RE.search(p["text"]))
            desc = f'"{p["text"]}" = {p["value"]:g} {p["qualifier"]} {p["unit"]}'
            if m is None:
                if p["span"] is None:
                    c["pred_unlocated"] += 1
                    c["pred"] += 1
                    errs.append(("unlocated", desc))
                elif judged:
                    c["pred"] += 1
                    c["pred_unjudged"] += 1
                    errs.append(("unjudged number", desc))
                else:
                    errs.append(("vague word (not scored)", desc))
                continue
            c["pred"] += 1
            k, i, ov = m
            if k == "non":
                c["pred_on_nonfigure"] += 1
                x = g["nonfigures"][i]
                errs.append(("false figure", f'{desc}  on non-figure "{x["text"]}"' + (f' ({x["note"]})' if x.get("note") else "")))
                continue
            if best[i][1] is not p:
                c["pred_duplicate"] += 1
                errs.append(("extra figure", f'{desc}  (gold "{g["figures"][i]["text"]}" already matched)'))
                continue
            if value_right(p, g["figures"][i]):
                c["pred_value_right"] += 1
        for i, x in enumerate(g["figures"]):
            c["gold"] += 1
            gd = f'"{x["text"]}" = {x["value"] if x["value"] is not None else (x["low"], x["high"])} {x["qualifier"]} {x["unit"]}'
            if i not in best:
                errs.append(("missed", gd))
                continue
            p = best[i][1]
            c["gold_found"] += 1
            pd = f'"{p["text"]}" = {p["value"]:g} [{p["low"]}, {p["high"]}] {p["qualifier"]} {p["unit"]}'
            if value_right(p, x):
                c["gold_value_right"] += 1
            else:
                errs.append(("wrong value", f"{pd}  gold {gd}"))
            if p["qualifier"] == x["qualifier"]:
                c["qualifier_right"] += 1
            else:
                errs.append(("wrong qualifier", f"{pd}  gold {gd}"))
            if unit_eq(p["unit"], x["unit"]):
                c["unit_right"] += 1
            else:
                errs.append(("wrong unit", f"{pd}  gold {gd}"))
            if x["qualifier"] == "vague" or (close(p["low"], x["low"]) and close(p["high"], x["high"])):
                c["interval_right"] += 1
            else:
                errs.append(("wrong interval", f"{pd}  gold {gd} [{x['low']}, {x['high']}]"))
        if errs:
            errors.append((r["id"], s, errs))

    pct = lambda a_, b_: round(100.0 * a_ / b_, 1) if b_ else None
    P, R = pct(c["pred_value_right"], c["pred"]), pct(c["gold_value_right"], c["gold"])
    scores = {
        "value_precision": P, "value_recall": R,
        "value_f1": round(2 * P * R / (P + R), 1) if P and R else None,
        "qualifier_right": pct(c["qualifier_right"], c["gold_found"]),
        "unit_right": pct(c["unit_right"], c["gold_found"]),
        "interval_right": pct(c["interval_right"], c["gold_found"]),
        "detection_recall": pct(c["gold_found"], c["gold"]),
    }
    kinds = {}
    for _, _, es in errors:
        for k, _ in es:
            kinds[k] = kinds.get(k, 0) + 1
    out = {"binary": os.path.relpath(a.bin, REPO), "version": ver(a.bin), "sample": a.sample, "sentences": len(sample), "scores": scores, "counts": c, "error_kinds": kinds}
    if a.json:
        out["errors"] = [{"id": i, "errors": [{"kind": k, "what": d} for k, d in es]} for i, _, es in errors]
        print(json.dumps(out, indent=1, ensure_ascii=False))
        return
    if a.verbose:
        for i, s, es in errors:
            print(f"## {i}: {s}")
            for k, d in es:
                print(f"   {k:24} {d}")
        print()
    print(f"sample {a.sample} ({sample_f}): sentences {len(sample)}, gold figures {c['gold']}, predicted (scored) {c['pred']}")
    print(f"value precision  {P}%  ({c['pred_value_right']}/{c['pred']}; on non-figures {c['pred_on_nonfigure']}, "
          f"extra {c['pred_duplicate']}, unjudged {c['pred_unjudged']}, unlocated {c['pred_unlocated']})")
    print(f"value recall     {R}%  ({c['gold_value_right']}/{c['gold']}; found at all {c['gold_found']})")
    print(f"value F1         {scores['value_f1']}")
    print(f"qualifier right  {scores['qualifier_right']}%  ({c['qualifier_right']}/{c['gold_found']} matched)")
    print(f"unit right       {scores['unit_right']}%  ({c['unit_right']}/{c['gold_found']} matched)")
    print(f"interval right   {scores['interval_right']}%  ({c['interval_right']}/{c['gold_found']} matched)")
    print("errors: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items(), key=lambda t: -t[1])))


if __name__ == "__main__":
    main()

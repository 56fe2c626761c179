#!/usr/bin/env python3
"""Per-field accuracy of the metadata `crosscheck sources --json` reads.

    python3 scripts/eval-metadata/eval.py html [--bin target/release/crosscheck]
    python3 scripts/eval-metadata/eval.py text [--bin ...]
    python3 scripts/eval-metadata/eval.py heldout [--bin ...]

`html`: the saved pages in /tmp/metabench/html (see README.md) against the
gold that gold_html.py reads from each page's own markup
(/tmp/metabench/gold-html.json, made when missing). A field counts on the
pages that carry it: title, site name, publication date.

`text`: the plain-text articles in /tmp/metabench/text against
text-gold.json (read by hand): headline, date, outlet; a null in the gold
means the text states none, and the right answer is none. `heldout`: the
second plain-text set (make_text.py --heldout), against
text-heldout-gold.json.
"""

import argparse
import html as htmllib
import json
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BENCH = Path(os.environ.get("METABENCH", "/tmp/metabench"))


def norm(s):
    s = htmllib.unescape(s or "").lower()
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


def lexicon():
    lex = tomllib.loads((REPO / "assets/outlets.toml").read_text())
    return lex.get("domains", {}), lex.get("aliases", {})


DOMAINS, ALIASES = lexicon()


def outlet_keys(name):
    """A site name and the names the outlet lexicon gives it; a domain or
    handle in a name's place ("https://www.x.com", "@x") is its name."""
    keys = {norm(name), norm(re.sub(r"^the ", "", name, flags=re.I))}
    bare = re.sub(r"^(https?://)?(www\.)?@?", "", name.strip().lower()).rstrip("/")
    if re.fullmatch(r"[\w-]+(\.[\w-]+)*", bare):
        keys.add(norm(bare.split(".")[0]) if "." in bare else norm(bare))
    if name in ALIASES:
        keys.add(norm(ALIASES[name]))
    return {k for k in keys if k}


def domain_name(url):
    host = re.sub(r"^https?://", "", url or "").split("/")[0].split(":")[0].lower()
    host = re.sub(r"^www\.", "", host)
    while host.count("."):
        if host in DOMAINS:
            return DOMAINS[host]
        host = host.split(".", 1)[1]
    return None


def run(binary, folder):
    out = subprocess.run(
        [binary, "sources", "--json", str(folder)],
        capture_output=True, text=True, check=False,
    )
    if out.returncode != 0:
        sys.exit(f"crosscheck failed ({out.returncode}): {out.stderr[:2000]}")
    return {Path(r["source"]).name: r for r in json.loads(out.stdout)}


def day_of(value):
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value or "")
    return m and f"{m[1]}-{m[2]}-{m[3]}"


def score_html(binary, misses):
    gold_path = BENCH / "gold-html.json"
    if not gold_path.exists():
        with open(gold_path, "w") as f:
            subprocess.run([sys.executable, HERE / "gold_html.py", BENCH / "html"], stdout=f, check=True)
    gold = json.loads(gold_path.read_text())
    got = run(binary, BENCH / "html")
    result = {}
    for field in ("title", "site", "date"):
        right = carried = 0
        wrong = []
        for name, g in sorted(gold.items()):
            if not g[field]:
                continue
            carried += 1
            r = got.get(name, {})
            if field == "title":
                ok = norm(r.get("title")) in {norm(t) for t in g["title"]}
                answer = r.get("title")
            elif field == "site":
                want = set().union(*(outlet_keys(s) for s in g["site"]))
                # The lexicon's name for the page's domain is the same outlet.
                dn = domain_name(g.get("url"))
                if dn and any(norm(dn) == k or norm(ALIASES.get(s, "")) == norm(dn) for s in g["site"] for k in outlet_keys(s)):
                    want.add(norm(dn))
                answer = r.get("outlet")
                ok = bool(answer) and bool(outlet_keys(answer) & want)
            else:
                answer = r.get("date")
                ok = day_of(answer) in g["date"]
            right += ok
            if not ok:
                wrong.append((name[:12], answer, g[field][:3]))
        result[field] = {"right": right, "carried": carried}
        if misses:
            for w in wrong:
                print(f"  {field} miss {w[0]}: got {w[1]!r}, page states {w[2]!r}")
    return result


def score_text(binary, misses, heldout=False):
    gold = json.loads((HERE / ("text-heldout-gold.json" if heldout else "text-gold.json")).read_text())
    got = run(binary, BENCH / ("text-heldout" if heldout else "text"))
    result = {}
    for field, key in (("headline", "title"), ("date", "date"), ("outlet", "outlet")):
        right = stated = stated_right = 0
        for name, g in sorted(gold.items()):
            r = got.get(name, {})
            want, answer = g[field], r.get(key)
            if field == "headline":
                ok = norm(answer) == norm(want) if want else answer is None
            elif field == "date":
                ok = (day_of(answer) or answer) == want
            else:
                ok = (answer is None and want is None) or (
                    answer is not None and want is not None and bool(outlet_keys(answer) & outlet_keys(want))
                )
            right += ok
            stated += want is not None
            stated_right += ok and want is not None
            if not ok and misses:
                print(f"  {field} miss {name}: got {answer!r}, want {want!r}")
        result[field] = {"right": right, "carried": len(gold)}
        # Of the texts that state it (a null right answer counts above).
        result[f"{field} stated"] = {"right": stated_right, "carried": stated}
    return result


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("set", choices=["html", "text", "heldout"])
    ap.add_argument("--bin", default=str(REPO / "target/release/crosscheck"))
    ap.add_argument("--misses", action="store_true", help="list every wrong answer")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if args.set == "html":
        result = score_html(args.bin, args.misses)
    else:
        result = score_text(args.bin, args.misses, heldout=args.set == "heldout")
    if args.json:
        print(json.dumps(result, indent=1))
        return
    for field, r in result.items():
        pct = 100 * r["right"] / r["carried"] if r["carried"] else 0
        print(f"{field:9} {r['right']:4} / {r['carried']:<4} {pct:5.1f}%")


if __name__ == "__main__":
    main()

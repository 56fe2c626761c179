#!/usr/bin/env python3
"""Builds the plain-text set: 20 real articles as .txt files, the way a
reader saves them, in /tmp/metabench/text (outside the repository).

* 10 saved pages of the benchmark (/tmp/metabench/html) rendered as a
  browser's "save as text" renders the article: the headline line, the
  lines the page shows between the headline and the text (byline, date,
  credits: as the page writes them), then the article body as the
  benchmark's ground truth gives it.
* 10 articles of the Gun Violence Archive corpus (/tmp/real/gva, made by
  scripts/eval-real/fetch_real.py) as their scraper saved the text.

The choice is fixed (file names below), so the set is the same each time.
text-gold.json holds what each text states (read by hand). The loader's
rules were written looking at this set; `--heldout` writes a second set of
20, chosen by a rule (see held_out) and read only to write its gold,
text-heldout-gold.json, in /tmp/metabench/text-heldout.
"""

import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

BENCH = Path("/tmp/metabench")
PAGES = [
    "05844573ca7e1fba714d715bb11ca08c26e25328999c74a1cb3bc8a0e4399f0f",
    "3cb22bfabed8de715c0813a7bb5052363c96bd71ccce3bb2dfb3ab9d1d7a9bbc",
    "156770d676ce79905198e1c8407f81e5ecfb617d9aa44712718707eb7e3b8e38",
    "39d5c43beb60605c3eec760c99500e62e7bd71ebbe4ae05edf382125e1b0b80a",
    "f8ff621a0b9b7646cc0d57d37416feabba2bf78ef5dd0bfc5b080f9f97bbe584",
    "8e3efab59f48fd29a1e1e7aa135880c4251a9f090f94999668cdbaec59d30b5a",
    "63db31a161b3c5b64e88c2978635cbc38d342ba82fd2c5335321203dcc55c76f",
    "8267acacb9e4a109b1f7ee7bafe735b73e9c94180b703b131f9e90c9be044f39",
    "c00962aabe7bdd1fca78f5360ea7fa93cd7674863b05157e00827506a7aa58c4",
    "55bb6340e3d7dd8632ba45179ae43c39f8ad0cfcecb4719e3b9cf6106ffb70a3",
]
GVA = [
    "296327/c3e55840c60c2548d475e142c5fe1aa7",
    "302749/8593406845648ee4facc8ba4532255da",
    "306048/af848081e21ad60951fb3ee2e951488d",
    "309330/0deb0eddb2254223db680b4350cd3716",
    "302746/1e35803a02a6217dc06bea3693d6860a",
    "302746/3cf2718eb0a5e84234eb5cf591e7692d",
    "143951/7c1bdbb3afeb783f69e990c0e9fe3dc8",
    "152468/27bcbfa28dd30aab87be3b1188bcc8eb",
    "295919/7c1b92bf5c7cdfe985a2d428f32d7911",
    "283783/0deb2deb50349777e8d0753b28a58ac1",
]

BLOCK = set("p div h1 h2 h3 h4 h5 h6 li ul ol br header footer section article time figure figcaption aside nav table tr td blockquote address".split())


class Lines(HTMLParser):
    """The page's visible text, one line per block element."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip, self.h1_at = [], [], 0, None

    def flush(self):
        line = " ".join("".join(self.cur).split())
        if line:
            self.lines.append(line)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "noscript", "svg", "button"):
            self.skip += 1
        if tag in BLOCK:
            self.flush()
        if tag == "h1" and self.h1_at is None:
            self.h1_at = len(self.lines)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "noscript", "svg", "button") and self.skip:
            self.skip -= 1
        if tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.cur.append(data)


def page_text(name, truth):
    p = Lines()
    p.feed((BENCH / "html" / f"{name}.html").read_text(errors="replace"))
    p.flush()
    body = truth[name]["articleBody"]
    start = body.strip()[:30]
    head = p.lines[p.h1_at or 0 :]
    out = []
    for line in head[:12]:
        if start and start[:20] in line:
            break
        out.append(line)
    paragraphs = [" ".join(x.split()) for x in body.split("\n") if x.strip()]
    return "\n".join(out[:6]) + "\n\n" + "\n\n".join(paragraphs) + "\n"


HELD_OUT_GVA = {"519541", "743995", "604762", "441724"}  # eval-real's acceptance set


def held_out(truth, gva):
    """A second set, chosen by rule before any of it was read: every 17th
    page (from the 3rd) not in PAGES whose text starts with its <h1>, and
    the first article (by name) of every 60th GVA incident (from the 7th)."""
    pages = [n for n in sorted(truth) if n not in PAGES][2::17]
    incidents = sorted(d.name for d in gva.iterdir() if d.is_dir() and d.name not in HELD_OUT_GVA)
    records = []
    for inc in incidents[6::60]:
        first = sorted((gva / inc).glob("*.json"))[0]
        records.append(f"{inc}/{first.stem}")
    return pages[:10], records[:10]


def main():
    heldout = "--heldout" in sys.argv
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    gva = Path(args[0] if args else "/tmp/real/gva")
    truth = json.loads((BENCH / "ground-truth.json").read_text())
    pages, records = held_out(truth, gva) if heldout else (PAGES, GVA)
    out = BENCH / ("text-heldout" if heldout else "text")
    out.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(pages):
        (out / f"page{i:02d}.txt").write_text(page_text(name, truth))
    for i, rel in enumerate(records):
        rec = json.loads((gva / f"{rel}.json").read_text())
        (out / f"gva{i:02d}.txt").write_text(rec["text"].strip() + "\n")
    print(f"wrote {len(pages) + len(records)} texts to {out}")


if __name__ == "__main__":
    main()

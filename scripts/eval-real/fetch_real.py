#!/usr/bin/env python3
"""Rebuild the real-news evaluation corpus (/tmp/real) from fetched git mirrors.

The article texts are public news articles and are NOT kept in this repository;
this script documents how to rebuild them. Inputs are bare git directories as
the `fetch` tool delivers them (read with `git --git-dir=... show HEAD:path`):

  cltl/LongTailQATask                       -> /tmp/real/gva/<incident>/<id>.json
      EventRegistries/GunViolenceArchive/the_violent_corpus/<incident>/<id>.json
      (Python pickles of classes.NewsItem {title, dct, uri, id, content}; read
      with a RESTRICTED unpickler: the NewsItem class is replaced by a plain
      stand-in, only datetime.date/datetime are allowed, nothing else.)
  launchnlp/BASIL                           -> /tmp/real/basil/<triplet-uuid>/{nyt,fox,hpo}.json
      articles/<year>/<triplet-uuid>_<n>.json
  anastasia-zhukova/Diverse_CDCR_datasets   -> /tmp/real/ecb/<topic><ecb|ecbplus>/<doc>.json
      ECBplus-prep/output_data/test_parsing/<sub-topic>/<doc>.json

Each output file is one JSON object with the fields crosscheck's loader reads:
title, text, source (the outlet: the URL's domain when known), url, date
(ISO date when known).

GVA incidents held out for acceptance are skipped by folder name BEFORE any
file in them is read: 519541, 743995, 604762, 441724. Do not remove them from
HELD_OUT.

/tmp/real/mixed/ gets copies of the clusters listed in MIXED, each under
<set>-<cluster>/, to check that different events stay different stories.

Usage:
  python3 scripts/eval-real/fetch_real.py [--out /tmp/real] [--min-articles 3]
      [--gva DIR] [--basil DIR] [--ecb DIR]
"""

import argparse
import datetime
import io
import json
import os
import pickle
import re
import shutil
import subprocess
import sys
from urllib.parse import urlsplit

HELD_OUT = {"519541", "743995", "604762", "441724"}

MIRRORS = {
    "gva": "/work/.mirror/cltl+LongTailQATask/repo",
    "basil": "/work/.mirror/launchnlp+BASIL/repo",
    "ecb": "/work/.mirror/anastasia-zhukova+Diverse_CDCR_datasets/repo",
}

GVA_ROOT = "EventRegistries/GunViolenceArchive/the_violent_corpus/"
ECB_ROOT = "ECBplus-prep/output_data/test_parsing/"

# Clusters copied into mixed/ (set, cluster id): the 22 gold clusters of gold.toml.
MIXED = [
    ("gva", "711597"), ("gva", "617607"), ("gva", "597176"), ("gva", "600398"),
    ("gva", "611479"), ("gva", "803054"), ("gva", "752222"), ("gva", "663106"),
    ("gva", "634787"), ("gva", "803822"), ("gva", "773002"), ("gva", "763313"),
    ("gva", "595048"), ("gva", "489581"),
    ("basil", "eb17fa36-89f2-4d0b-8133-7bb4682228e1"),
    ("basil", "1f99798f-2b60-4ecb-b5f4-4aa7991e8ace"),
    ("basil", "1e41e98b-9ac1-441d-b2c2-19d8f730c74a"),
    ("basil", "3ae35b16-7f7f-4a5e-9f24-5ce724106a73"),
    ("ecb", "10ecb"), ("ecb", "41ecb"), ("ecb", "24ecb"), ("ecb", "12ecb"),
]


def git_ls(gitdir, prefix):
    out = subprocess.run(
        ["git", "--git-dir", gitdir, "ls-tree", "-r", "--name-only", "HEAD", "--", prefix],
        check=True, capture_output=True).stdout.decode("utf-8", "surrogateescape")
    return [line for line in out.splitlines() if line]


def git_show(gitdir, path):
    return subprocess.run(["git", "--git-dir", gitdir, "show", f"HEAD:{path}"],
                          check=True, capture_output=True).stdout


# ---------------------------------------------------------------- GVA pickles

class NewsItemStandIn:
    """Plain attribute bag standing in for LongTailQATask's classes.NewsItem."""


class RestrictedUnpickler(pickle.Unpickler):
    ALLOWED = {
        ("datetime", "date"): datetime.date,
        ("datetime", "datetime"): datetime.datetime,
        ("datetime", "timezone"): datetime.timezone,
        ("datetime", "timedelta"): datetime.timedelta,
    }

    def find_class(self, module, name):
        if name == "NewsItem":
            return NewsItemStandIn
        try:
            return self.ALLOWED[(module, name)]
        except KeyError:
            raise pickle.UnpicklingError(f"refused global {module}.{name}")


def original_url(uri):
    """http://web.archive.org/web/2015.../http://www.x.com/a -> http://www.x.com/a"""
    m = re.match(r"https?://web\.archive\.org/web/[^/]+/(.*)$", uri or "")
    return m.group(1) if m else uri


def domain(url):
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def iso(d):
    if isinstance(d, datetime.datetime):
        return d.date().isoformat()
    if isinstance(d, datetime.date):
        return d.isoformat()
    return None


def convert_gva(gitdir, out, min_articles):
    paths = git_ls(gitdir, GVA_ROOT)
    by_incident = {}
    for p in paths:
        parts = p[len(GVA_ROOT):].split("/")
        if len(parts) != 2:
            continue
        incident, name = parts
        if incident in HELD_OUT:  # never read, convert or open these
            continue
        by_incident.setdefault(incident, []).append(p)
    n_clusters = n_docs = 0
    for incident, files in sorted(by_incident.items()):
        if len(files) < min_articles:
            continue
        folder = os.path.join(out, "gva", incident)
        os.makedirs(folder, exist_ok=True)
        for p in files:
            item = RestrictedUnpickler(io.BytesIO(git_show(gitdir, p))).load()
            a = vars(item)
            url = original_url(a.get("uri"))
            rec = {
                "title": a.get("title"),
                "text": a.get("content") or "",
                "source": domain(url),
                "url": url,
                "date": iso(a.get("dct")),
            }
            stem = os.path.splitext(os.path.basename(p))[0]
            with open(os.path.join(folder, stem + ".json"), "w") as f:
                json.dump(rec, f, ensure_ascii=False, indent=1)
            n_docs += 1
        n_clusters += 1
    print(f"gva: {n_clusters} incidents, {n_docs} articles", file=sys.stderr)


# ---------------------------------------------------------------- BASIL

BASIL_NAMES = {"nyt": "nyt", "fox": "fox", "hpo": "hpo"}


def convert_basil(gitdir, out):
    n_clusters, n_docs = set(), 0
    for p in git_ls(gitdir, "articles/"):
        if not p.endswith(".json"):
            continue
        a = json.loads(git_show(gitdir, p))
        triplet = a.get("triplet-uuid") or os.path.basename(p).rsplit("_", 1)[0]
        paras = []
        for para in a.get("body-paragraphs", []):
            paras.append(" ".join(s.strip() for s in para if s.strip()))
        url = a.get("url")
        rec = {
            "title": a.get("title"),
            "text": "\n\n".join(x for x in paras if x),
            "source": domain(url) or a.get("source"),
            "url": url,
            "date": a.get("date"),
            "event": a.get("main-event"),
        }
        folder = os.path.join(out, "basil", triplet)
        os.makedirs(folder, exist_ok=True)
        name = BASIL_NAMES.get(a.get("source"), os.path.basename(p)[:-5])
        with open(os.path.join(folder, name + ".json"), "w") as f:
            json.dump(rec, f, ensure_ascii=False, indent=1)
        n_clusters.add(triplet)
        n_docs += 1
    print(f"basil: {len(n_clusters)} events, {n_docs} articles", file=sys.stderr)


# ---------------------------------------------------------------- ECB+

def convert_ecb(gitdir, out):
    n_clusters, n_docs = set(), 0
    for p in git_ls(gitdir, ECB_ROOT):
        parts = p[len(ECB_ROOT):].split("/")
        if len(parts) != 2 or not parts[1].endswith(".json"):
            continue  # skips annotation/ subfolders
        sub, name = parts
        a = json.loads(git_show(gitdir, p))
        # ECB+ keeps the first sentence (the headline-like lead) as "title";
        # it is article text, so it opens the text as well.
        title = (a.get("title") or "").strip()
        body = (a.get("text") or "").strip()
        rec = {
            "title": title,
            "text": (title + "\n\n" + body).strip(),
            "source": None,  # ECB+ has no outlet or URL
            "url": a.get("url"),
            "date": a.get("date_publish"),
        }
        folder = os.path.join(out, "ecb", sub)
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), "w") as f:
            json.dump(rec, f, ensure_ascii=False, indent=1)
        n_clusters.add(sub)
        n_docs += 1
    print(f"ecb: {len(n_clusters)} sub-topics, {n_docs} articles", file=sys.stderr)


def build_mixed(out):
    mixed = os.path.join(out, "mixed")
    shutil.rmtree(mixed, ignore_errors=True)
    os.makedirs(mixed)
    for s, c in MIXED:
        src = os.path.join(out, s, c)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(mixed, f"{s}-{c}"))
        else:
            print(f"mixed: {src} missing", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="/tmp/real")
    ap.add_argument("--min-articles", type=int, default=3,
                    help="GVA incidents with fewer articles are skipped")
    for k, v in MIRRORS.items():
        ap.add_argument(f"--{k}", default=v, help=f"bare git dir (default {v})")
    ap.add_argument("--only", choices=["gva", "basil", "ecb", "mixed"], action="append")
    args = ap.parse_args()
    only = set(args.only or ["gva", "basil", "ecb", "mixed"])
    if "gva" in only:
        convert_gva(args.gva, args.out, args.min_articles)
    if "basil" in only:
        convert_basil(args.basil, args.out)
    if "ecb" in only:
        convert_ecb(args.ecb, args.out)
    if "mixed" in only:
        build_mixed(args.out)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Score `crosscheck diff --json` on real news against hand-written gold facts.

Usage:
  python3 scripts/eval-real/eval.py [--bin target/release/crosscheck] [--data /tmp/real]
      [--gold scripts/eval-real/gold.toml] [--cluster ID ...] [--no-mixed] [-v] [--json]

For every [[cluster]] of the gold file it runs `crosscheck diff <data>/<id> --json`
(and, when `crosscheck diff --help` lists it, once more with `--one-story`) and prints
stories, figure groups, disagreeing verdicts, and the scores below. Then it runs
`crosscheck diff <data>/mixed --json` (several clusters in one folder) and reports
whether stories follow clusters. Python 3.11+ standard library only.

Matching (kept simple on purpose):
  * An entry of a figure group belongs to a gold article when the file stem of its
    `source` (path as loaded, `#N` record suffix dropped) equals the gold `doc` key or
    starts with it (GVA keys are the first 8 hex digits of the stem).
  * An entry matches a gold value when it belongs to that article and its interval
    [low, high] (null = unbounded; converted into the gold unit when both units are
    known, see UNITS) overlaps the gold interval [lo, hi] (v = exact value) with a
    relative tolerance of 0.5%. When the gold interval is open on one side ("at least
    19", "up to 16") the entry's stated `value` must also be within 25% of the gold
    bound. Entries without a unit match gold quantities counted in people/count (and
    ages in years); an entry in `day` matches a gold `year` after conversion, and so on.
  * Disagreeing verdicts: `conflict`, and any verdict named revision/revised/
    contradiction/disagree (printed separately). `agree`, `compatible`, `single` are
    not disagreeing. Unknown verdict names are reported and counted as not disagreeing.
  * A gold disagreement (status = "disagree") is FOUND when ONE group with a
    disagreeing verdict holds an entry matching gold value a of article A and an entry
    matching gold value b of article B, with A != B, A and B not in one duplicates set,
    and the gold intervals of a and b incompatible (they do not overlap). It is found
    CLEAN when that group holds no entry that matches another gold quantity of the
    cluster and not this one (i.e. the group is not a lump of several quantities).
  * A disagreeing group is TRUE when it finds at least one gold disagreement, else
    FALSE. Precision = true / (true + false); recall = found / gold disagreements.
  * A gold agreement is SHOWN when one group with verdict agree/compatible holds
    matching entries of >= 2 articles that are not duplicates of each other.
  * A cluster is ONE STORY when all its documents that are not marked off-topic fall
    in one story of the diff JSON (`stories[].sources`; if absent, per-group `story`).
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tomllib
from collections import Counter, defaultdict

DISAGREEING = {"conflict", "revision", "revised", "contradiction", "disagree"}
NOT_DISAGREEING = {"agree", "compatible", "single"}
AGREEING = {"agree", "compatible"}

# unit name (as crosscheck prints it, lower-cased) -> (dimension, factor to base)
UNITS = {
    # time, base day
    "year": ("time", 365.25), "years": ("time", 365.25), "yr": ("time", 365.25),
    "month": ("time", 30.4375), "months": ("time", 30.4375),
    "week": ("time", 7.0), "weeks": ("time", 7.0),
    "day": ("time", 1.0), "days": ("time", 1.0), "d": ("time", 1.0),
    "hour": ("time", 1 / 24), "hours": ("time", 1 / 24), "h": ("time", 1 / 24),
    "minute": ("time", 1 / 1440), "minutes": ("time", 1 / 1440), "min": ("time", 1 / 1440),
    "decade": ("time", 3652.5), "decades": ("time", 3652.5),
    # length, base metre
    "m": ("length", 1.0), "metre": ("length", 1.0), "meter": ("length", 1.0),
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometer": ("length", 1000.0),
    "cm": ("length", 0.01), "mm": ("length", 0.001),
    "mi": ("length", 1609.344), "mile": ("length", 1609.344), "miles": ("length", 1609.344),
    "nmi": ("length", 1852.0), "nautical_mile": ("length", 1852.0),
    "ft": ("length", 0.3048), "foot": ("length", 0.3048), "feet": ("length", 0.3048),
    "yd": ("length", 0.9144),
    # mass, base kg
    "t": ("mass", 1000.0), "tonne": ("mass", 1000.0), "kg": ("mass", 1.0),
    "lb": ("mass", 0.45359237), "pound": ("mass", 0.45359237),
    # money: one dimension per currency
    "usd": ("usd", 1.0), "$": ("usd", 1.0), "eur": ("eur", 1.0), "€": ("eur", 1.0),
    "gbp": ("gbp", 1.0), "£": ("gbp", 1.0),
    # ratios
    "%": ("ratio", 0.01), "percent": ("ratio", 0.01), "fraction": ("ratio", 1.0),
}
COUNT_UNITS = {"people", "count", None, ""}


def unit_of(name):
    if name is None:
        return None
    return UNITS.get(str(name).strip().lower())


# ------------------------------------------------------------------ gold

def load_gold(path):
    with open(path, "rb") as f:
        gold = tomllib.load(f)
    for c in gold["cluster"]:
        c.setdefault("offtopic", [])
        c.setdefault("duplicates", [])
        c.setdefault("q", [])
        for q in c["q"]:
            for i, v in enumerate(q["values"]):
                if "v" in v:
                    v["lo"] = v["hi"] = float(v["v"])
                v["lo"] = float(v["lo"]) if "lo" in v else None
                v["hi"] = float(v["hi"]) if "hi" in v else None
                v["idx"] = i
    return gold


def check_gold(gold, data):
    """Warn (stderr) about gold doc keys that name no file of their cluster folder."""
    for c in gold["cluster"]:
        folder = os.path.join(data, c["id"])
        if not os.path.isdir(folder):
            print(f"warning: {folder} is missing (rebuild with fetch_real.py)", file=sys.stderr)
            continue
        stems = [os.path.splitext(f)[0] for f in os.listdir(folder)]
        keys = {v["doc"] for q in c["q"] for v in q["values"]} | set(c["offtopic"]) | \
            {d for ds in c["duplicates"] for d in ds}
        for k in sorted(keys):
            hits = [st for st in stems if doc_key_matches(st, k)]
            if len(hits) != 1:
                print(f"warning: {c['id']}: gold doc {k!r} matches {len(hits)} files",
                      file=sys.stderr)


def doc_key_matches(stem, key):
    return stem == key or (len(key) >= 6 and stem.startswith(key))


def stem_of(source):
    base = os.path.basename(source.split("#", 1)[0])
    return os.path.splitext(base)[0]


def overlaps(a_lo, a_hi, b_lo, b_hi, tol=0.005):
    """Closed intervals, None = unbounded; relative tolerance on the touching ends."""
    lo1 = -float("inf") if a_lo is None else a_lo
    hi1 = float("inf") if a_hi is None else a_hi
    lo2 = -float("inf") if b_lo is None else b_lo
    hi2 = float("inf") if b_hi is None else b_hi
    eps = lambda x: abs(x) * tol if x not in (float("inf"), -float("inf")) else 0.0
    return lo1 <= hi2 + eps(hi2) and lo2 <= hi1 + eps(hi1)


def entry_interval_in(entry, gold_unit):
    """The entry's (low, high, value) in the gold unit, or None when units do not fit."""
    lo, hi, val = entry.get("low"), entry.get("high"), entry.get("value")
    if lo is None and hi is None and val is not None and entry.get("qualifier") == "exact":
        lo = hi = val
    eu = entry.get("unit")
    if gold_unit in COUNT_UNITS:
        if eu in (None, "") or str(eu).lower() in ("people", "count", "persons"):
            return lo, hi, val
        return None
    g = unit_of(gold_unit)
    e = unit_of(eu)
    if g is None:  # a gold unit we do not convert: require a unit-less entry
        return (lo, hi, val) if eu in (None, "") else None
    if e is None:
        # a unit-less number can still be an age ("Smith, 44,")
        return (lo, hi, val) if eu in (None, "") and gold_unit == "year" else None
    if e[0] != g[0]:
        return None
    f = e[1] / g[1]
    mul = lambda x: None if x is None else x * f
    return mul(lo), mul(hi), mul(val)


def entry_matches(entry, value, gold_unit):
    """Interval overlap; a half-open gold interval ("at least 19", "up to 16") also
    needs the entry's stated number within 25% of the gold bound, so that any small
    or large number of the same article does not match it."""
    iv = entry_interval_in(entry, gold_unit)
    if iv is None:
        return False
    lo, hi, val = iv
    if not overlaps(lo, hi, value["lo"], value["hi"]):
        return False
    if (value["lo"] is None) != (value["hi"] is None):
        b = value["lo"] if value["lo"] is not None else value["hi"]
        if val is None or b == 0:
            return False
        return min(abs(val), abs(b)) / max(abs(val), abs(b)) >= 0.8
    return True


def fmt_iv(lo, hi):
    if lo is not None and hi is not None and lo == hi:
        return f"{lo:g}"
    return f"[{'' if lo is None else f'{lo:g}'}..{'' if hi is None else f'{hi:g}'}]"


# ------------------------------------------------------------------ running crosscheck

def run_diff(binary, path, one_story=False):
    cmd = [binary, "diff", path, "--json"] + (["--one-story"] if one_story else [])
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {p.returncode}: {p.stderr.strip()[:500]}")
    return json.loads(p.stdout)


def supports_one_story(binary):
    p = subprocess.run([binary, "diff", "--help"], capture_output=True, text=True)
    return "--one-story" in (p.stdout + p.stderr)


def stories_of(diff):
    """source path -> story id, and number of stories."""
    by_source = {}
    if isinstance(diff.get("stories"), list):
        for s in diff["stories"]:
            for src in s.get("sources", []):
                by_source[src] = s.get("id")
    if not by_source:
        for g in diff.get("figures", []):
            st = g.get("story")
            sid = st.get("id") if isinstance(st, dict) else st
            for e in g.get("entries", []):
                by_source.setdefault(e["source"], sid)
    n = len(set(by_source.values())) if by_source else (len(diff.get("stories") or []) or None)
    return by_source, n


# ------------------------------------------------------------------ scoring one cluster

class ClusterScore:
    pass


def score_cluster(cluster, diff, verbose=False):
    s = ClusterScore()
    s.id = cluster["id"]
    groups = diff.get("figures", [])
    s.groups = len(groups)
    s.verdicts = Counter(g.get("verdict") for g in groups)
    s.unknown_verdicts = {v: n for v, n in s.verdicts.items()
                          if v not in DISAGREEING and v not in NOT_DISAGREEING}
    s.revision_lists = sum(1 for g in groups if g.get("revision"))
    by_source, n_stories = stories_of(diff)
    s.stories = n_stories

    dup_of = {}
    for k, dset in enumerate(cluster["duplicates"]):
        for d in dset:
            dup_of[d] = k
    offtopic = set(cluster["offtopic"])

    def same_origin(a, b):
        return a == b or (a in dup_of and dup_of.get(a) == dup_of.get(b))

    # which gold article each entry belongs to
    gold_docs = {v["doc"] for q in cluster["q"] for v in q["values"]} | offtopic | \
        {d for ds in cluster["duplicates"] for d in ds}

    def doc_of(source):
        st = stem_of(source)
        for d in gold_docs:
            if doc_key_matches(st, d):
                return d
        return st  # an article the gold does not mention

    # one-story: every on-topic document in one story
    docs_story = {}
    for src, sid in by_source.items():
        docs_story[src] = sid
    on_topic = {src: sid for src, sid in docs_story.items() if doc_of(src) not in offtopic}
    s.one_story = len(set(on_topic.values())) <= 1 if on_topic else None
    s.story_sizes = sorted(Counter(on_topic.values()).values(), reverse=True)

    # entry -> (quantity key, value idx) matches
    qkeys = [q["key"] for q in cluster["q"]]
    matches = []  # per group: list of (entry_idx, doc, qkey, vidx)
    for g in groups:
        m = []
        for ei, e in enumerate(g.get("entries", [])):
            d = doc_of(e["source"])
            for q in cluster["q"]:
                for v in q["values"]:
                    if v["doc"] == d and entry_matches(e, v, q.get("unit")):
                        m.append((ei, d, q["key"], v["idx"]))
        matches.append(m)

    def disagreeing(g):
        return g.get("verdict") in DISAGREEING

    def group_shows(gi, q):
        """Pairs of incompatible gold values of q from different origins in group gi."""
        vals = {v["idx"]: v for v in q["values"]}
        hits = defaultdict(set)  # vidx -> entry idxs
        for ei, d, k, vi in matches[gi]:
            if k == q["key"]:
                hits[vi].add(ei)
        pairs = []
        idxs = sorted(hits)
        for i in idxs:
            for j in idxs:
                if i >= j:
                    continue
                a, b = vals[i], vals[j]
                if same_origin(a["doc"], b["doc"]):
                    continue
                if overlaps(a["lo"], a["hi"], b["lo"], b["hi"], tol=0.0):
                    continue
                pairs.append((a, b))
        return pairs

    def group_is_clean(gi, q):
        own = {ei for ei, d, k, vi in matches[gi] if k == q["key"]}
        other = {ei for ei, d, k, vi in matches[gi] if k != q["key"]}
        return not (other - own)

    s.items = []  # per gold quantity: dict
    true_groups = set()
    for q in cluster["q"]:
        item = {"key": q["key"], "status": q["status"], "revision": q.get("revision", False)}
        if q["status"] == "disagree":
            found = [(gi, group_shows(gi, q)) for gi, g in enumerate(groups) if disagreeing(g)]
            found = [(gi, p) for gi, p in found if p]
            item["found"] = bool(found)
            item["clean"] = any(group_is_clean(gi, q) for gi, _ in found)
            item["groups"] = [gi for gi, _ in found]
            for gi, _ in found:
                true_groups.add(gi)
            if not found:
                item["why"] = diagnose_miss(q, groups, matches, same_origin, by_source)
        else:
            shown = []
            for gi, g in enumerate(groups):
                if g.get("verdict") not in AGREEING:
                    continue
                ds = {d for ei, d, k, vi in matches[gi] if k == q["key"]}
                origins = {dup_of.get(d, d) for d in ds}
                if len(origins) >= 2:
                    shown.append(gi)
            item["shown"] = bool(shown)
            item["groups"] = shown
            # an agreeing quantity inside a disagreeing group
            item["in_conflict"] = [gi for gi, g in enumerate(groups) if disagreeing(g)
                                   and any(k == q["key"] for _, _, k, _ in matches[gi])]
        s.items.append(item)

    # agree/compatible verdicts whose entries all come from one origin (a page and its
    # copies): corroboration that is not independent
    s.dup_agree = 0
    for g in groups:
        if g.get("verdict") in AGREEING:
            docs = {doc_of(e["source"]) for e in g.get("entries", [])}
            if len(docs) >= 2 and len({dup_of.get(d, d) for d in docs}) == 1:
                s.dup_agree += 1
    s.disagreeing = [gi for gi, g in enumerate(groups) if disagreeing(g)]
    s.true = [gi for gi in s.disagreeing if gi in true_groups]
    s.false = [gi for gi in s.disagreeing if gi not in true_groups]
    s.false_kinds = Counter(classify_false(groups[gi], matches[gi], doc_of, same_origin)
                            for gi in s.false)
    s.gold_dis = sum(1 for q in cluster["q"] if q["status"] == "disagree")
    s.found = sum(1 for it in s.items if it["status"] == "disagree" and it["found"])
    s.found_clean = sum(1 for it in s.items if it["status"] == "disagree" and it.get("clean"))
    s.gold_agree = sum(1 for q in cluster["q"] if q["status"] == "agree")
    s.agree_shown = sum(1 for it in s.items if it["status"] == "agree" and it["shown"])
    s._groups, s._matches, s._doc_of = groups, matches, doc_of
    return s


def diagnose_miss(q, groups, matches, same_origin, by_source):
    """Why a gold disagreement is not one disagreeing group."""
    where = defaultdict(list)  # vidx -> [(gi, verdict)]
    for gi, m in enumerate(matches):
        for ei, d, k, vi in m:
            if k == q["key"]:
                where[vi].append(gi)
    vals = q["values"]
    pairs = [(a, b) for a in vals for b in vals if a["idx"] < b["idx"]
             and not same_origin(a["doc"], b["doc"])
             and not overlaps(a["lo"], a["hi"], b["lo"], b["hi"], tol=0.0)]
    if not pairs:
        return "gold has no incompatible pair from distinct origins"
    extracted = [p for p in pairs if where[p[0]["idx"]] and where[p[1]["idx"]]]
    if not extracted:
        missing = sorted({v["doc"] for p in pairs for v in p if not where[v["idx"]]})
        return "not extracted: no entry with the gold value in " + ", ".join(missing)
    for a, b in extracted:
        common = set(where[a["idx"]]) & set(where[b["idx"]])
        if common:
            gi = min(common)
            return f"same group #{gi} but verdict {groups[gi].get('verdict')}"
    a, b = extracted[0]
    ga, gb = where[a["idx"]][0], where[b["idx"]][0]

    def story(gi):
        st = groups[gi].get("story")
        return st.get("id") if isinstance(st, dict) else st
    tag = "different stories" if story(ga) != story(gb) else "same story"
    return (f"split: {a['doc']}={fmt_iv(a['lo'], a['hi'])} in #{ga} ({groups[ga].get('measure')}, "
            f"{groups[ga].get('verdict')}), {b['doc']}={fmt_iv(b['lo'], b['hi'])} in #{gb} "
            f"({groups[gb].get('measure')}, {groups[gb].get('verdict')}); {tag}")


def miss_kind(why):
    if why.startswith("not extracted"):
        return "value not extracted"
    if why.startswith("same group"):
        return "both sides in one group, verdict not disagreeing"
    if why.startswith("split") and why.endswith("different stories"):
        return "sides in groups of different stories"
    if why.startswith("split"):
        return "sides in different groups of one story"
    return why


def classify_false(group, m, doc_of, same_origin):
    """A rough reason for a disagreeing verdict that no gold disagreement supports."""
    entries = group.get("entries", [])
    docs = {doc_of(e["source"]) for e in entries}
    keys = {k for _, _, k, _ in m}
    if len(docs) == 1:
        return "values of one article only"
    if all(same_origin(a, b) for a in docs for b in docs):
        return "duplicates of one article only"
    if len(keys) >= 2:
        return "lumps several gold quantities"
    if len(keys) == 1:
        return "a gold quantity plus figures outside the gold"
    return "figures outside the gold only"


# ------------------------------------------------------------------ mixed folder

def mixed_run(binary, data, gold, verbose, one_story_flag=False):
    path = os.path.join(data, "mixed")
    if not os.path.isdir(path):
        return None
    diff = run_diff(binary, path)
    by_source, n = stories_of(diff)
    offtopic = {}
    for c in gold["cluster"]:
        folder = c["id"].replace("/", "-")
        offtopic[folder] = set(c["offtopic"])

    def cluster_of(src):
        rel = os.path.relpath(src.split("#", 1)[0], path)
        return rel.split(os.sep, 1)[0]

    stories = defaultdict(list)
    for src, sid in by_source.items():
        cl = cluster_of(src)
        if doc_is_offtopic(src, offtopic.get(cl, set())):
            continue
        stories[sid].append(cl)
    clusters_in = defaultdict(set)
    for sid, cls in stories.items():
        for cl in cls:
            clusters_in[cl].add(sid)
    n_docs = sum(len(v) for v in stories.values())
    pure_docs = sum(Counter(v).most_common(1)[0][1] for v in stories.values())
    res = {
        "_diff": diff,
        "stories": len(stories),
        "clusters": len(clusters_in),
        "documents": n_docs,
        "purity": pure_docs / n_docs if n_docs else None,
        "mixed_stories": sum(1 for v in stories.values() if len(set(v)) > 1),
        "split_clusters": sum(1 for v in clusters_in.values() if len(v) > 1),
        "stories_per_cluster": {cl: len(v) for cl, v in sorted(clusters_in.items())},
        "story_composition": {str(sid): dict(Counter(v)) for sid, v in sorted(
            stories.items(), key=lambda kv: (-len(kv[1]), str(kv[0])))},
    }
    return res


def restrict(diff, folder):
    """The part of a diff JSON whose entries come from one folder: groups keep their
    verdict (computed on all their entries), entries of other folders are dropped."""
    prefix = folder.rstrip(os.sep) + os.sep
    inside = lambda src: src.startswith(prefix)
    groups = []
    for g in diff.get("figures", []):
        es = [e for e in g.get("entries", []) if inside(e["source"])]
        if es:
            g2 = dict(g)
            g2["entries"] = es
            g2["_foreign"] = len(g.get("entries", [])) - len(es)
            groups.append(g2)
    stories = []
    for st in diff.get("stories") or []:
        srcs = [x for x in st.get("sources", []) if inside(x)]
        if srcs:
            stories.append({"id": st.get("id"), "label": st.get("label"), "sources": srcs})
    return {"figures": groups, "stories": stories}


def doc_is_offtopic(src, keys):
    st = stem_of(src)
    return any(doc_key_matches(st, k) for k in keys)


# ------------------------------------------------------------------ report

def print_cluster(s, cluster, verbose, out):
    dis_names = {v: n for v, n in s.verdicts.items() if v in DISAGREEING}
    extra = " ".join(f"{v}={n}" for v, n in sorted(dis_names.items()) if v != "conflict")
    unk = " ".join(f"{v}={n}" for v, n in sorted(s.unknown_verdicts.items()))
    print(f"{s.id:52} stories {s.stories!s:>3}{'' if s.one_story else '*'}  groups {s.groups:3}  "
          f"conflict {s.verdicts.get('conflict', 0):3}{(' ' + extra) if extra else ''}"
          f"{(' other:' + unk) if unk else ''}  |  dis found {s.found}/{s.gold_dis}"
          f" (clean {s.found_clean})  false {len(s.false):3}  agree shown {s.agree_shown}/{s.gold_agree}"
          f"{f'  agree-by-duplicates {s.dup_agree}' if s.dup_agree else ''}",
          file=out)
    if not verbose:
        return
    groups = s._groups
    print(f"    story sizes (on-topic docs): {s.story_sizes}", file=out)
    for it in s.items:
        if it["status"] == "disagree":
            mark = "FOUND" + (" clean" if it["clean"] else " (lumped)") if it["found"] else "MISSED"
            gs = ", ".join(f"#{gi} {groups[gi].get('measure')} {groups[gi].get('label','')[:40]!r}"
                           for gi in it["groups"][:3])
            print(f"    [disagree{' revision' if it['revision'] else ''}] {it['key']:28} {mark}"
                  f"{(': ' + gs) if gs else ''}{('  -- ' + it['why']) if not it['found'] else ''}",
                  file=out)
        else:
            mark = "shown" if it["shown"] else "not shown"
            conf = f"  (also in disagreeing group #{', #'.join(map(str, it['in_conflict']))})" \
                if it["in_conflict"] else ""
            print(f"    [agree]    {it['key']:28} {mark}{conf}", file=out)
    for gi in s.false:
        g = groups[gi]
        vals = "; ".join(f"{s._doc_of(e['source'])[:10]}={e.get('value'):g}{e.get('unit') or ''}"
                         f" '{(e.get('text') or '')[:30]}'" for e in g.get("entries", [])[:8])
        more = len(g.get("entries", [])) - 8
        print(f"    FALSE #{gi} {g.get('verdict')} {g.get('measure')} {g.get('label','')[:50]!r}: "
              f"{vals}{f' (+{more})' if more > 0 else ''}", file=out)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument("--bin", default="target/release/crosscheck")
    ap.add_argument("--data", default="/tmp/real")
    ap.add_argument("--gold", default=os.path.join(here, "gold.toml"))
    ap.add_argument("--cluster", action="append", help="only these cluster ids (repeatable)")
    ap.add_argument("--no-mixed", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--json", action="store_true", help="print a JSON summary instead of text")
    args = ap.parse_args()

    gold = load_gold(args.gold)
    check_gold(gold, args.data)
    clusters = [c for c in gold["cluster"] if not args.cluster or c["id"] in args.cluster]
    modes = [False] + ([True] if supports_one_story(args.bin) else [])
    out = sys.stderr if args.json else sys.stdout
    summary = {"binary": args.bin, "gold": os.path.relpath(args.gold), "data": args.data,
               "modes": {}}

    for one in modes:
        name = "one-story" if one else "default"
        print(f"\n== crosscheck diff --json{' --one-story' if one else ''}  ({len(clusters)} clusters)",
              file=out)
        scores = []
        for c in clusters:
            diff = run_diff(args.bin, os.path.join(args.data, c["id"]), one_story=one)
            s = score_cluster(c, diff, args.verbose)
            scores.append(s)
            print_cluster(s, c, args.verbose, out)
        tot = lambda f: sum(f(s) for s in scores)
        gold_dis, found, clean = tot(lambda s: s.gold_dis), tot(lambda s: s.found), \
            tot(lambda s: s.found_clean)
        ntrue, nfalse = tot(lambda s: len(s.true)), tot(lambda s: len(s.false))
        gold_agree, shown = tot(lambda s: s.gold_agree), tot(lambda s: s.agree_shown)
        one_story = sum(1 for s in scores if s.one_story)
        kinds = Counter()
        for s in scores:
            kinds.update(s.false_kinds)
        miss_kinds = Counter(miss_kind(it["why"]) for s in scores for it in s.items
                             if it["status"] == "disagree" and not it["found"])
        false_measures = Counter(s._groups[gi].get("measure") for s in scores for gi in s.false)
        pct = lambda a, b: (100.0 * a / b) if b else float("nan")
        print(f"\nTOTAL  clusters {len(scores)}  one story {one_story}/{len(scores)}  "
              f"stories {tot(lambda s: s.stories or 0)}  groups {tot(lambda s: s.groups)}  "
              f"disagreeing verdicts {ntrue + nfalse}", file=out)
        print(f"       recall of true disagreements   {found}/{gold_dis} = {pct(found, gold_dis):.1f}%"
              f"   (clean, not lumped: {clean}/{gold_dis} = {pct(clean, gold_dis):.1f}%)", file=out)
        print(f"       precision of disagreeing verdicts {ntrue}/{ntrue + nfalse} = "
              f"{pct(ntrue, ntrue + nfalse):.1f}%", file=out)
        print(f"       agreements shown as agree/compatible {shown}/{gold_agree} = "
              f"{pct(shown, gold_agree):.1f}%;  agree/compatible verdicts resting on copies of "
              f"one article only: {tot(lambda s: s.dup_agree)}", file=out)
        if kinds:
            print("       false disagreeing verdicts by kind: " +
                  ", ".join(f"{k} {n}" for k, n in kinds.most_common()), file=out)
        if miss_kinds:
            print("       missed disagreements by reason: " +
                  ", ".join(f"{k} {n}" for k, n in miss_kinds.most_common()), file=out)
        if false_measures:
            print("       false disagreeing verdicts by measure: " +
                  ", ".join(f"{k} {n}" for k, n in false_measures.most_common()), file=out)
        summary["modes"][name] = {
            "clusters": len(scores), "one_story": one_story,
            "gold_disagreements": gold_dis, "found": found, "found_clean": clean,
            "recall": pct(found, gold_dis) / 100, "recall_clean": pct(clean, gold_dis) / 100,
            "disagreeing_verdicts": ntrue + nfalse, "true": ntrue, "false": nfalse,
            "precision": pct(ntrue, ntrue + nfalse) / 100 if ntrue + nfalse else None,
            "gold_agreements": gold_agree, "agreements_shown": shown,
            "agree_by_duplicates": tot(lambda s: s.dup_agree),
            "false_kinds": dict(kinds), "miss_kinds": dict(miss_kinds),
            "false_measures": dict(false_measures),
            "per_cluster": [{
                "id": s.id, "stories": s.stories, "one_story": s.one_story,
                "story_sizes": s.story_sizes, "groups": s.groups,
                "verdicts": dict(s.verdicts), "revision_lists": s.revision_lists,
                "gold_disagreements": s.gold_dis, "found": s.found, "found_clean": s.found_clean,
                "false": len(s.false), "true": len(s.true), "agree_by_duplicates": s.dup_agree,
                "gold_agreements": s.gold_agree, "agreements_shown": s.agree_shown,
                "missed": {it["key"]: it.get("why") for it in s.items
                           if it["status"] == "disagree" and not it["found"]},
            } for s in scores],
        }

    if not args.no_mixed and not args.cluster:
        m = mixed_run(args.bin, args.data, gold, args.verbose)
        if m:
            print(f"\n== mixed folder {os.path.join(args.data, 'mixed')}: {m['clusters']} clusters, "
                  f"{m['documents']} on-topic documents", file=out)
            print(f"   stories {m['stories']}  purity {m['purity']:.3f}  stories mixing clusters "
                  f"{m['mixed_stories']}  clusters split over several stories "
                  f"{m['split_clusters']}/{m['clusters']}", file=out)
            if args.verbose:
                for sid, comp in m["story_composition"].items():
                    print(f"    story {sid}: " + ", ".join(f"{k} x{n}" for k, n in comp.items()),
                          file=out)
                print("    stories per cluster: " + ", ".join(
                    f"{k}={n}" for k, n in m["stories_per_cluster"].items()), file=out)
            diff = m.pop("_diff")
            print("\n== the gold clusters scored inside the mixed run (groups cut to each "
                  "cluster's entries; verdicts as computed on the whole group)", file=out)
            mscores = []
            for c in gold["cluster"]:
                folder = os.path.join(args.data, "mixed", c["id"].replace("/", "-"))
                sub = restrict(diff, folder)
                sc = score_cluster(c, sub, args.verbose)
                mscores.append(sc)
                print_cluster(sc, c, args.verbose, out)
            t = lambda f: sum(f(x) for x in mscores)
            gd, fd, cl = t(lambda x: x.gold_dis), t(lambda x: x.found), t(lambda x: x.found_clean)
            tr, fa = t(lambda x: len(x.true)), t(lambda x: len(x.false))
            ga, sh = t(lambda x: x.gold_agree), t(lambda x: x.agree_shown)
            pct = lambda a, b: (100.0 * a / b) if b else float("nan")
            print(f"\nMIXED TOTAL  one story {sum(1 for x in mscores if x.one_story)}/{len(mscores)}"
                  f"  recall {fd}/{gd} = {pct(fd, gd):.1f}% (clean {cl})  precision {tr}/{tr + fa}"
                  f" = {pct(tr, tr + fa):.1f}%  agreements shown {sh}/{ga} = {pct(sh, ga):.1f}%",
                  file=out)
            mk = Counter(miss_kind(it["why"]) for x in mscores for it in x.items
                         if it["status"] == "disagree" and not it["found"])
            if mk:
                print("       missed by reason: " + ", ".join(f"{k} {n}" for k, n in mk.most_common()),
                      file=out)
            fk = Counter()
            for x in mscores:
                fk.update(x.false_kinds)
            if fk:
                print("       false disagreeing verdicts by kind: " +
                      ", ".join(f"{k} {n}" for k, n in fk.most_common()), file=out)
            m["scored"] = {"one_story": sum(1 for x in mscores if x.one_story),
                           "found": fd, "found_clean": cl, "gold_disagreements": gd,
                           "true": tr, "false": fa, "agreements_shown": sh,
                           "gold_agreements": ga, "miss_kinds": dict(mk),
                           "false_kinds": dict(fk),
                           "per_cluster": [{"id": x.id, "stories": x.stories,
                                            "found": x.found, "false": len(x.false)}
                                           for x in mscores]}
            summary["mixed"] = m
    if args.json:
        json.dump(summary, sys.stdout, indent=1)
        print()


if __name__ == "__main__":
    main()

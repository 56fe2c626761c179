#!/usr/bin/env python3
"""Gold metadata of saved pages, read from what each page itself declares.

An independent, deliberately simple reading (python's html.parser, not the
loader's code): for every page, the titles, site names and publication
dates the page states in its markup. A field is "carried" when the page
states it at all; an answer is right when it is one of the stated values
(a page may state its headline in og:title, in JSON-LD and in <title>, not
always identically). Writes JSON: {file: {title: [...], site: [...],
date: [...], url: ...}}.

    python3 gold_html.py /tmp/metabench/html > /tmp/metabench/gold-html.json
"""

import html
import json
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

# Meta names (lowercased `name`/`property`/`itemprop`) that state a
# publication date.
DATE_META = {
    "article:published_time", "article:published", "og:published_time",
    "datepublished", "dc.date.issued", "dcterms.created", "dcterms.issued",
    "dc.date", "dc.date.created", "dcterms.date", "pubdate", "publishdate",
    "publish-date", "publish_date", "publication_date", "sailthru.date",
    "parsely-pub-date", "article.published", "date", "citation_publication_date",
    "rnews:datepublished", "original-publish-date", "displaydate", "pub_date",
}
TITLE_META = {"og:title", "twitter:title", "dc.title", "headline"}
SITE_META = {"og:site_name", "application-name", "dc.publisher", "publisher"}
ARTICLE_TYPES = re.compile(r"article|posting|report|news|webpage|blog", re.I)


class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta = []  # (key, value)
        self.jsonld = []
        self.title = ""
        self.h1 = []
        self.times = []  # (attrs, in_h1_seen)
        self.canonical = None
        self._stack = None  # what text we are collecting: "title", "h1", "ld"
        self._buf = []
        self._seen_h1 = False

    def handle_starttag(self, tag, attrs):
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "meta":
            content = a.get("content")
            if content is None:
                return
            for k in ("property", "name", "itemprop"):
                if a.get(k):
                    self.meta.append((a[k].strip().lower(), content.strip()))
        elif tag == "link" and "canonical" in a.get("rel", "").lower():
            self.canonical = self.canonical or a.get("href")
        elif tag == "script" and "ld+json" in a.get("type", "").lower():
            self._stack, self._buf = "ld", []
        elif tag == "title" and not self.title and self._stack is None:
            self._stack, self._buf = "title", []
        elif tag == "h1" and self._stack is None:
            self._stack, self._buf = "h1", []
        elif tag == "time" and a.get("datetime"):
            self.times.append((a, self._seen_h1))
        elif a.get("itemprop", "").lower() == "datepublished":
            v = a.get("datetime") or a.get("content")
            if v:
                self.meta.append(("datepublished", v))

    def handle_endtag(self, tag):
        if self._stack == "ld" and tag == "script":
            self.jsonld.append("".join(self._buf))
            self._stack = None
        elif self._stack == "title" and tag == "title":
            self.title = " ".join("".join(self._buf).split())
            self._stack = None
        elif self._stack == "h1" and tag == "h1":
            self.h1.append(" ".join("".join(self._buf).split()))
            self._seen_h1 = True
            self._stack = None

    def handle_data(self, data):
        if self._stack:
            self._buf.append(data)


def walk(node, out):
    """Every dict in a JSON-LD value (through lists and @graph)."""
    if isinstance(node, dict):
        out.append(node)
        for v in node.values():
            walk(v, out)
    elif isinstance(node, list):
        for v in node:
            walk(v, out)


def names(v):
    if isinstance(v, str):
        return [v]
    if isinstance(v, dict):
        return names(v.get("name"))
    if isinstance(v, list):
        return [n for x in v for n in names(x)]
    return []


def types(d):
    t = d.get("@type", "")
    return " ".join(t) if isinstance(t, list) else str(t)


def day(value):
    """The calendar day(s) a date string states: as written, and in UTC
    when it carries a time with an offset (a page may mean either)."""
    value = value.strip()
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if m:
        return [f"{m[1]}-{m[2]}-{m[3]}"]
    m = re.match(r"(\d{4})(\d{2})(\d{2})", value)
    if m and 1990 < int(m[1]) < 2100:
        return [f"{m[1]}-{m[2]}-{m[3]}"]
    months = "jan feb mar apr may jun jul aug sep oct nov dec".split()
    m = re.search(r"([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})", value)
    if m and m[1].lower() in months:
        return [f"{m[3]}-{months.index(m[1].lower()) + 1:02d}-{int(m[2]):02d}"]
    m = re.search(r"(\d{1,2}) ([A-Za-z]{3})[a-z]* (\d{4})", value)
    if m and m[2].lower() in months:
        return [f"{m[3]}-{months.index(m[2].lower()) + 1:02d}-{int(m[1]):02d}"]
    return []


def utc_day(value):
    from datetime import datetime, timezone
    try:
        d = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return []
    if d.tzinfo is None:
        return []
    return [d.astimezone(timezone.utc).date().isoformat()]


SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " : "]


def norm(s):
    s = html.unescape(s or "").lower()
    s = s.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(re.sub(r"[^\w' ]+", " ", s).split())


def strip_site(title, sites, host):
    """Titles with a site name cut off either end ("Headline | Site")."""
    out = []
    keys = {norm(s) for s in sites if s}
    hostkey = re.sub(r"^www\.", "", host or "").split(".")[0]
    for sep in SEPARATORS:
        if sep not in title:
            continue
        parts = title.split(sep)
        for cut in (parts[-1], parts[0]):
            k = norm(cut)
            if k in keys or (hostkey and k.replace(" ", "") == hostkey) or (
                k and any(k in s or s in k for s in keys if len(s) > 2)
            ):
                rest = sep.join(parts[:-1] if cut is parts[-1] else parts[1:])
                if len(rest) > 10:
                    out.append(rest.strip())
    return out


def gold(path):
    p = Page()
    try:
        p.feed(path.read_text(encoding="utf-8", errors="replace"))
    except Exception as e:  # a broken page is a page without gold
        print(f"{path}: {e}", file=sys.stderr)
    meta = {}
    for k, v in p.meta:
        meta.setdefault(k, []).append(html.unescape(v))
    objs = []
    for raw in p.jsonld:
        try:
            walk(json.loads(raw.strip().rstrip(";")), objs)
        except ValueError:
            pass
    articles = [o for o in objs if ARTICLE_TYPES.search(types(o))]
    titles, sites, dates = [], [], []
    for k in TITLE_META:
        titles += meta.get(k, [])
    for o in articles:
        if isinstance(o.get("headline"), str):
            titles.append(o["headline"])
    for k in SITE_META:
        sites += meta.get(k, [])
    for o in objs:
        for key in ("publisher", "sourceOrganization"):
            if key in o:
                sites += names(o[key])
    raw_dates = []
    for k in DATE_META:
        raw_dates += meta.get(k, [])
    for o in objs:
        if isinstance(o.get("datePublished"), str):
            raw_dates.append(o["datePublished"])
    for a, _ in p.times:
        if "pubdate" in a or a.get("itemprop", "").lower() == "datepublished":
            raw_dates.append(a["datetime"])
    for v in raw_dates:
        dates += day(v) + utc_day(v)
    url = (meta.get("og:url") or [None])[0] or p.canonical
    host = re.sub(r"^https?://", "", url or "").split("/")[0]
    page_titles = [t for t in [p.title] if t]
    accepted = []
    for t in titles + page_titles + p.h1[:1]:
        t = " ".join(html.unescape(t).split())
        stripped = strip_site(t, sites, host)
        accepted += stripped or ([t] if t != p.title or not stripped else [])
    carried_title = bool(titles or page_titles)
    return {
        "title": sorted(set(accepted)) if carried_title else [],
        "site": sorted({" ".join(s.split()) for s in sites if s.strip()}),
        "date": sorted(set(dates)),
        "url": url,
    }


def main():
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/metabench/html")
    out = {f.name: gold(f) for f in sorted(folder.glob("*.html"))}
    json.dump(out, sys.stdout, indent=1, ensure_ascii=False)


if __name__ == "__main__":
    main()

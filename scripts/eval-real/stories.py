#!/usr/bin/env python3
"""Story clustering on many events at once, scored against the folders.

Every subfolder of ROOT is one event (a GVA incident, an ECB+ sub-topic, a
BASIL triplet); `crosscheck diff ROOT --json` clusters all their articles and
this prints B-cubed precision/recall/F1 of its stories against the folders,
how many events are split and how many stories mix events. Off-topic pages
inside an event folder count against recall, so 100% is out of reach; the
number is for comparing two builds on the same folder.

    python3 scripts/eval-real/stories.py /tmp/real/gva [--bin target/release/crosscheck] [--limit N]
"""
import argparse, collections, json, os, subprocess, sys, tempfile

ap = argparse.ArgumentParser()
ap.add_argument("root")
ap.add_argument("--bin", default="target/release/crosscheck")
ap.add_argument("--limit", type=int, default=0, help="first N event folders only")
ap.add_argument("--min-docs", type=int, default=1)
ap.add_argument("-v", action="store_true", help="list split events and mixed stories")
a = ap.parse_args()

events = sorted(d for d in os.listdir(a.root) if os.path.isdir(os.path.join(a.root, d)))
events = [e for e in events if len(os.listdir(os.path.join(a.root, e))) >= a.min_docs]
if a.limit:
    events = events[: a.limit]
paths = [os.path.join(a.root, e) for e in events]
out = subprocess.run([a.bin, "diff", *paths, "--json"], capture_output=True, text=True)
if out.returncode != 0:
    sys.exit(out.stderr)
diff = json.loads(out.stdout)
label = {}
for e, p in zip(events, paths):
    for f in os.listdir(p):
        label[os.path.join(p, f)] = e
story_of = {}
for s in diff["stories"]:
    for src in s["sources"]:
        story_of[os.path.normpath(src.split("#")[0])] = s["id"]
docs = [d for d in label if d in story_of]
by_story = collections.Counter(story_of[d] for d in docs)
by_event = collections.Counter(label[d] for d in docs)
pair = collections.Counter((story_of[d], label[d]) for d in docs)
p = sum(pair[(story_of[d], label[d])] / by_story[story_of[d]] for d in docs) / len(docs)
r = sum(pair[(story_of[d], label[d])] / by_event[label[d]] for d in docs) / len(docs)
f = 2 * p * r / (p + r)
stories_of_event = collections.defaultdict(set)
events_of_story = collections.defaultdict(set)
for d in docs:
    stories_of_event[label[d]].add(story_of[d])
    events_of_story[story_of[d]].add(label[d])
split = sum(1 for e in stories_of_event.values() if len(e) > 1)
mixed = sum(1 for s in events_of_story.values() if len(s) > 1)
print(f"{len(events)} events, {len(docs)} documents, {len(diff['stories'])} stories")
print(f"B-cubed precision {p:.3f} recall {r:.3f} F1 {f:.3f}")
print(f"events split over several stories: {split}/{len(events)}; stories mixing events: {mixed}")
if a.v:
    for s, evs in sorted(events_of_story.items()):
        if len(evs) > 1:
            print("mixed story", s, sorted(evs))
    for e, ss in sorted(stories_of_event.items()):
        if len(ss) > 1:
            print("split event", e, len(ss))

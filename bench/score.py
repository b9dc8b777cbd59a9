#!/usr/bin/env python3
"""Scores the people and events of a built bench site against the corpus's truth (standard library only).

    python3 bench/score.py SITE_DIR TRUTH_JSONL [--json] [--show K]

SITE_DIR is Parley's output for the bench corpus, built with the registries of
bench/registry_from_entities.py, so the names Parley gives are the corpus's canonical names.
Each article's normalized Markdown (`articles/<slug>/index.md`) lists in its front matter the
`people` and `events` Parley found and the `original` file; they are compared, per article, with
`people` and `events` of the truth line for that file.

Per article: TP = found and true, FP = found and not true, FN = true and not found. Micro
precision, recall and F1 sum TP/FP/FN over all articles of the truth file. A truth article with no
page counts as nothing found. Names are compared exactly (both sides use the registry's canonical
names). `--show K` prints the K most frequent false positives and misses of each kind.
"""
import collections
import json
import os
import sys


def front_matter(path):
    """The keys of the front matter Parley writes: `key: "value"` and lists of `  - "value"` lines."""
    fields, key = {}, None
    with open(path, encoding="utf-8") as fh:
        if fh.readline().rstrip("\n") != "---":
            raise SystemExit(f"{path}:1: no front matter")
        for n, line in enumerate(fh, 2):
            line = line.rstrip("\n")
            if line == "---":
                return fields
            if line.startswith("  - "):
                if key is None:
                    raise SystemExit(f"{path}:{n}: list item outside a key")
                if line[4:].startswith('"'):
                    fields[key].append(json.loads(line[4:]))
                # else an item of a list of records (quotes), not needed here
            elif line.startswith("    "):
                continue
            else:
                name, _, value = line.partition(":")
                key = name
                fields[key] = json.loads(value.strip()) if value.strip() else []
    raise SystemExit(f"{path}: front matter is not closed")


def predictions(site):
    folder = os.path.join(site, "articles")
    found = {}
    for slug in sorted(os.listdir(folder)):
        path = os.path.join(folder, slug, "index.md")
        if not os.path.isfile(path):
            continue
        fields = front_matter(path)
        original = fields.get("original")
        if not isinstance(original, str):
            raise SystemExit(f"{path}: no 'original' in the front matter")
        found[original] = fields
    return found


class Counts:
    def __init__(self):
        self.tp = self.fp = self.fn = 0
        self.false_positives = collections.Counter()
        self.misses = collections.Counter()

    def add(self, predicted, true):
        predicted, true = set(predicted), set(true)
        self.tp += len(predicted & true)
        self.fp += len(predicted - true)
        self.fn += len(true - predicted)
        self.false_positives.update(predicted - true)
        self.misses.update(true - predicted)

    def scores(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return dict(precision=round(p, 4), recall=round(r, 4), f1=round(f, 4), tp=self.tp, fp=self.fp, fn=self.fn)


def main():
    args = sys.argv[1:]
    as_json = "--json" in args
    show = 0
    if "--show" in args:
        i = args.index("--show")
        show = int(args[i + 1])
        del args[i:i + 2]
    args = [a for a in args if a != "--json"]
    if len(args) != 2:
        raise SystemExit("usage: score.py SITE_DIR TRUTH_JSONL [--json] [--show K]")
    site, truth_path = args
    found = predictions(site)
    people, events = Counts(), Counts()
    articles = missing = 0
    with open(truth_path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            truth = json.loads(line)
            articles += 1
            page = found.get(truth["file"])
            if page is None:
                missing += 1
                page = {}
            people.add(page.get("people", []), truth["people"])
            events.add(page.get("events", []), truth["events"])
    result = dict(articles=articles, pages_missing=missing, people=people.scores(), events=events.scores())
    if as_json:
        print(json.dumps(result, sort_keys=True))
    else:
        for kind in ("people", "events"):
            s = result[kind]
            print(f"{kind:7} P={s['precision']:.3f} R={s['recall']:.3f} F1={s['f1']:.3f} "
                  f"(TP {s['tp']}, FP {s['fp']}, FN {s['fn']}) over {articles} articles, {missing} without a page")
    for kind, counts in (("people", people), ("events", events)):
        if show:
            print(f"{kind} false positives: {counts.false_positives.most_common(show)}", file=sys.stderr)
            print(f"{kind} misses: {counts.misses.most_common(show)}", file=sys.stderr)


if __name__ == "__main__":
    main()

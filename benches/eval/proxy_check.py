#!/usr/bin/env python3
"""Checks for the proxy pair sets in benches/eval/proxy, and a naive baseline to score beside
newsdiff. Standard library only; deterministic.

  proxy_check.py check PAIRS.tsv ROWS
      header `id_a id_b label text_a text_b`, exactly ROWS rows of five cells (csv with tab,
      QUOTE_NONE), no empty text, no carriage return, unique (id_a, id_b), no pair of
      identical texts. Prints label counts.

  proxy_check.py baseline ARTICLES.jsonl OUTDIR
      the naive method of ../shared/eval/README.md: one overlap per two articles sharing a word
      3-gram, score = Jaccard index of their word 3-gram sets (lower-cased \\w+ words), whole
      texts as spans. Writes OUTDIR/baseline-all.jsonl (every such pair) and
      OUTDIR/baseline-default.jsonl (score >= 0.2) in the `overlaps --format jsonl` shape, to
      be scored with score_overlaps.py like newsdiff's output.
"""
from __future__ import annotations

import csv
import json
import os
import re
import sys
from collections import Counter

HEADER = ["id_a", "id_b", "label", "text_a", "text_b"]
DEFAULT_THRESHOLD = 0.2


def check(path: str, rows_expected: int) -> None:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
    problems = []
    if not rows or rows[0] != HEADER:
        problems.append(f"header is {rows[0] if rows else None}, want {HEADER}")
    body = rows[1:]
    if len(body) != rows_expected:
        problems.append(f"{len(body)} rows, want {rows_expected}")
    seen = set()
    labels = Counter()
    words = []
    for n, row in enumerate(body, start=2):
        if len(row) != 5:
            problems.append(f"line {n}: {len(row)} cells (a stray tab or a missing one)")
            continue
        ida, idb, label, ta, tb = row
        if (ida, idb) in seen:
            problems.append(f"line {n}: duplicate pair {ida} {idb}")
        seen.add((ida, idb))
        for t in (ta, tb):
            if not t.strip() or "\r" in t:
                problems.append(f"line {n}: empty text or carriage return")
        if ta == tb:
            problems.append(f"line {n}: identical texts")
        labels[label] += 1
        words.append(len(tb.replace("\\n", " ").split()))
    for p in problems:
        print("PROBLEM:", p)
    print(f"{path}: {len(body)} rows, labels " + ", ".join(f"{k}={v}" for k, v in sorted(labels.items())))
    if words:
        print(f"  text_b words: min {min(words)}, max {max(words)}")
    if problems:
        sys.exit(1)


def trigrams(text: str):
    w = re.findall(r"\w+", text.lower())
    return {tuple(w[i:i + 3]) for i in range(len(w) - 2)}


def baseline(articles: str, outdir: str) -> None:
    docs = []
    with open(articles, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                rec = json.loads(line)
                docs.append((str(rec["id"]), rec["text"]))
    docs.sort()
    grams = [trigrams(t) for _, t in docs]
    index = {}
    for i, g in enumerate(grams):
        for x in g:
            index.setdefault(x, []).append(i)
    pairs = set()
    for post in index.values():
        for a in range(len(post)):
            for b in range(a + 1, len(post)):
                pairs.add((post[a], post[b]))
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "baseline-all.jsonl"), "w", encoding="utf-8") as fa, \
         open(os.path.join(outdir, "baseline-default.jsonl"), "w", encoding="utf-8") as fd:
        for i, j in sorted(pairs):
            ga, gb = grams[i], grams[j]
            score = round(len(ga & gb) / len(ga | gb), 4)
            side = lambda k: {"article": docs[k][0], "start": 0, "end": len(docs[k][1].encode("utf-8"))}
            rec = json.dumps({"type": "overlap", "data": {"a": side(i), "b": side(j),
                                                          "score": score, "kind": "near"}})
            fa.write(rec + "\n")
            if score >= DEFAULT_THRESHOLD:
                fd.write(rec + "\n")


def main(argv) -> None:
    if len(argv) == 3 and argv[0] == "check":
        check(argv[1], int(argv[2]))
    elif len(argv) == 3 and argv[0] == "baseline":
        baseline(argv[1], argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])

#!/usr/bin/env python3
"""Checks the divergences `newsdiff overlaps` reports against planted ones.

Usage: divcheck.py OVERLAPS.jsonl DIVERGENCES.json ARTICLES_DIR

DIVERGENCES.json lists planted divergences: {"id", "a": [article, line], "b": [article,
line], "kind", "a_text", "b_text", "derived"} (lines counted from 0 in the article file,
blank lines included; `a_text` / `b_text` the words as written on that line; `derived`: the
same planted change seen between two outlets rather than against the original). A planted
divergence is `found` when a reported overlap covers both words and carries a divergence of
that kind at them, `wrong kind` when the divergence there has another kind, `missed`
otherwise (with or without an overlap covering it). Tool divergences at no planted one are
listed for reading. Written for this project (session 18), from the helper's check that
built benches/eval/story3. Standard library only.
"""
import bisect
import json
import os
import sys


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__.split("\n\n")[1])
    overlaps, planted_path, folder = sys.argv[1:]
    planted = json.load(open(planted_path, encoding="utf-8"))
    names = {p[k][0] for p in planted for k in ("a", "b")}
    raw = {a: open(os.path.join(folder, f"{a}.txt"), "rb").read() for a in names}
    starts = {a: [0] + [i + 1 for i, c in enumerate(r) if c == 10] for a, r in raw.items()}

    def span(a, line, text):
        s = starts[a][line]
        e = starts[a][line + 1] - 1 if line + 1 < len(starts[a]) else len(raw[a])
        i = raw[a][s:e].rfind(text.encode())
        if i < 0:
            sys.exit(f"{planted_path}: `{text}` is not on line {line} of {a}")
        return s + i, s + i + len(text.encode())

    def line_of(a, o):
        return bisect.bisect_right(starts[a], o) - 1 if a in starts else -1

    ovs = []
    for line in open(overlaps, encoding="utf-8"):
        rec = json.loads(line)
        if rec.get("type") == "overlap":
            ovs.append(rec["data"])
    used = set()
    counts = {"found": 0, "wrong kind": 0, "missed": 0}
    rows = []
    for p in planted:
        (A, la), (B, lb) = p["a"], p["b"]
        sa, sb = span(A, la, p["a_text"]), span(B, lb, p["b_text"])
        covered, hits = False, []
        for k, o in enumerate(ovs):
            if {o["a"]["article"], o["b"]["article"]} != {A, B}:
                continue
            oa, ob = (o["a"], o["b"]) if o["a"]["article"] == A else (o["b"], o["a"])
            if not (oa["start"] < sa[1] and sa[0] < oa["end"] and ob["start"] < sb[1] and sb[0] < ob["end"]):
                continue
            covered = True
            for j, v in enumerate(o.get("divergences", [])):
                va, vb = (v["a"], v["b"]) if o["a"]["article"] == A else (v["b"], v["a"])

                def at(x, s):
                    return (x["start"] < s[1] and s[0] < x["end"]) or (
                        x["start"] == x["end"] and s[0] <= x["start"] <= s[1])

                if at(va, sa) and at(vb, sb):
                    hits.append(v["kind"])
                    used.add((k, j))
        result = ("found" if p["kind"] in hits else "wrong kind" if hits
                  else "missed")
        counts[result] += 1
        rows.append(f'  {p["id"]:6} {p["kind"]:8} {A}:{la} {B}:{lb} `{p["a_text"]}` / `{p["b_text"]}`: '
                    f'{result}{" (" + ",".join(hits) + ")" if hits and result != "found" else ""}'
                    f'{"" if covered else " (no overlap covers it)"}')
    n = len(planted)
    print(f"planted_found: {counts['found']}/{n}")
    print(f"planted_wrong_kind: {counts['wrong kind']}/{n}")
    print(f"planted_missed: {counts['missed']}/{n}")
    extra = [(k, j) for k, o in enumerate(ovs) for j in range(len(o.get("divergences", []))) if (k, j) not in used]
    print(f"unplanted_divergences: {len(extra)}")
    for r in rows:
        print(r)
    for k, j in extra:
        o, v = ovs[k], ovs[k]["divergences"][j]
        a, b = o["a"]["article"], o["b"]["article"]
        print(f'  unplanted {a}:{line_of(a, v["a"]["start"])} {b}:{line_of(b, v["b"]["start"])} '
              f'{v["kind"]} `{v["a"]["text"]}` / `{v["b"]["text"]}` (overlap {o["kind"]} {o["score"]:.3f})')


if __name__ == "__main__":
    main()

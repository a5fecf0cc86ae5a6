#!/usr/bin/env python3
"""Consistency checks for story4's annotation (does not run any tool)."""
import json, os, collections

HERE = os.path.dirname(os.path.abspath(__file__))
arts = {}
for fn in sorted(os.listdir(os.path.join(HERE, "articles"))):
    if fn.endswith(".txt"):
        with open(os.path.join(HERE, "articles", fn), encoding="utf-8") as f:
            text = f.read()
        arts[fn[:-4]] = text.split("\n")

errors = []


def line(ref, what):
    art, n = ref
    if art not in arts:
        errors.append(f"{what}: no article {art}")
        return None
    ls = arts[art]
    if not (0 <= n < len(ls)) or not ls[n].strip():
        errors.append(f"{what}: {art}:{n} missing or blank")
        return None
    return ls[n]


# format: one paragraph per line, ONE blank line between paragraphs
for art, ls in arts.items():
    body = ls[:-1] if ls[-1] == "" else ls
    for i, l in enumerate(body):
        if (i % 2 == 0) != bool(l.strip()):
            errors.append(f"layout: {art}:{i} {'blank' if not l.strip() else 'text'} unexpected")

ann = json.load(open(os.path.join(HERE, "annotation.json"), encoding="utf-8"))
divs = json.load(open(os.path.join(HERE, "divergences.json"), encoding="utf-8"))

ids = [o["id"] for o in ann["overlaps"]]
if len(ids) != len(set(ids)):
    errors.append("duplicate overlap ids")
seen = set()
pairset = set()
for o in ann["overlaps"]:
    a, b = tuple(o["a"]), tuple(o["b"])
    line(a, o["id"]); line(b, o["id"])
    if a[0] == b[0]:
        errors.append(f"{o['id']}: pair inside one article")
    if o["strength"] not in ("strong", "medium", "weak"):
        errors.append(f"{o['id']}: bad strength")
    k = tuple(sorted([a, b]))
    if k in seen:
        errors.append(f"{o['id']}: duplicate pair {k}")
    seen.add(k)
    pairset.add(k)
bp = ann["boilerplate_lines"]
for art, ns in bp.items():
    for n in ns:
        line((art, n), f"boilerplate {art}")
        for k in pairset:
            if (art, n) in k:
                errors.append(f"boilerplate line {art}:{n} also in an overlap")
for k in pairset:
    if any(x[0] == "005" for x in k):
        errors.append(f"distractor 005 in overlap {k}")

dids = [d["id"] for d in divs]
if len(dids) != len(set(dids)):
    errors.append("duplicate divergence ids")
for d in divs:
    a, b = tuple(d["a"]), tuple(d["b"])
    la, lb = line(a, d["id"]), line(b, d["id"])
    if a[0] == b[0]:
        errors.append(f"{d['id']}: inside one article")
    if la is not None and d["a_text"] not in la:
        errors.append(f"{d['id']}: a_text {d['a_text']!r} not on {a}")
    if lb is not None and d["b_text"] not in lb:
        errors.append(f"{d['id']}: b_text {d['b_text']!r} not on {b}")
    if d["a_text"] == d["b_text"]:
        errors.append(f"{d['id']}: same text both sides")
    if d["kind"] not in ("number", "name", "role", "negation", "speaker", "date"):
        errors.append(f"{d['id']}: bad kind")
    if d["derived"] != ("." in d["id"]):
        errors.append(f"{d['id']}: derived flag vs id")
    if tuple(sorted([a, b])) not in pairset:
        errors.append(f"{d['id']}: line pair {a}-{b} not an annotated overlap")

print("articles:", {k: sum(1 for l in v if l.strip()) for k, v in arts.items()}, "(non-blank lines)")
print("wire words:", len(" ".join(arts["000"]).split()))
print("overlaps:", len(ann["overlaps"]), dict(collections.Counter(o["strength"] for o in ann["overlaps"])))
bypair = collections.Counter(tuple(sorted([o["a"][0], o["b"][0]])) for o in ann["overlaps"])
print("overlaps by article pair:", {f"{a}-{b}": n for (a, b), n in sorted(bypair.items())})
planted = [d for d in divs if not d["derived"]]
print("divergences:", len(divs), "planted:", len(planted), "derived:", len(divs) - len(planted))
print("planted by kind:", dict(collections.Counter(d["kind"] for d in planted)))
print("all by kind:", dict(collections.Counter(d["kind"] for d in divs)))
print("planted by article:", dict(collections.Counter(d["b"][0] for d in planted)))
print("boilerplate lines:", sum(len(v) for v in bp.values()))
if errors:
    print("ERRORS:")
    for e in errors:
        print("  ", e)
    raise SystemExit(1)
print("OK")

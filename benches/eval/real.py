"""Real-corpus figures for benches/eval/quality.sh: BBC cross-category report rate by
threshold, passim BBC pair recall, exact-duplicate recall. Usage: real.py OUT CORPORA EVAL"""
import collections
import json
import sys

out, corpora, ev = sys.argv[1:4]


def pairs_of(path):
    """Article pair -> best score, and pairs with a passage of 200+ characters."""
    best, long_pairs = {}, set()
    for line in open(path, encoding="utf-8"):
        rec = json.loads(line)
        if rec["type"] == "overlap":
            d = rec["data"]
            k = (d["a"]["article"], d["b"]["article"])
            best[k] = max(best.get(k, 0), d["score"])
            if min(len(d["a"]["text"]), len(d["b"]["text"])) >= 200:
                long_pairs.add(k)
        elif rec["type"] == "group":
            ms = rec["data"]["members"]
            for i, x in enumerate(ms):
                for y in ms[i + 1:]:
                    if x["article"] != y["article"]:
                        k = tuple(sorted((x["article"], y["article"])))
                        best[k] = max(best.get(k, 0), rec["data"]["score"])
    return best, long_pairs


def category(article_id):
    return article_id.split("-")[1]


bbc, _ = pairs_of(f"{out}/bbc.jsonl")
cats = collections.Counter(
    category(json.loads(l)["id"]) for l in open(f"{out}/bbc_news.jsonl", encoding="utf-8"))
n = sum(cats.values())
cross = n * (n - 1) // 2 - sum(c * (c - 1) // 2 for c in cats.values())
passim = []
with open(f"{ev}/passim-bbc/pairs.tsv", encoding="utf-8") as f:
    next(f)
    for line in f:
        a, b, chars = line.split("\t")[:3]
        passim.append((tuple(sorted((a, b))), int(chars)))
big = [k for k, c in passim if c >= 200]
print("BBC: threshold, cross-category reports per 1,000 pairs, passim 200+ pairs found")
for t in (0.2, 0.25, 0.3, 0.35, 0.4):
    x = sum(1 for (a, b), s in bbc.items() if s >= t and category(a) != category(b))
    found = sum(1 for k in big if bbc.get(k, 0) >= t)
    print(f"  {t:.2f}  {1000 * x / cross:.3f}  {found}/{len(big)}")

real, long_pairs = pairs_of(f"{out}/real-overlaps.jsonl")
print("23.8 k articles at the default:")
print(f"  passim pairs with any overlap: {sum(1 for k, _ in passim if k in real)}/{len(passim)}")
print(f"  passim 200+ pairs with any overlap: {sum(1 for k in big if k in real)}/{len(big)};"
      f" with a 200+ character passage: {sum(1 for k in big if k in long_pairs)}/{len(big)}")
for name in ("reuters21578", "bbc_news"):
    dups = []
    with open(f"{corpora}/{name}/derived_exact_duplicates.tsv", encoding="utf-8") as f:
        next(f)
        dups = [tuple(sorted(l.split("\t")[:2])) for l in f]
    print(f"  {name} exact duplicates found: {sum(1 for k in dups if k in real)}/{len(dups)}")

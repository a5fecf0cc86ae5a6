#!/usr/bin/env python3
"""Builds derivations.tsv: English Snowball stems mapped to the root of their derivational family.

  derivations.py --words WORDNET_DICT_DIR > words.txt
  cargo run -q --release -p newsdiff-normalize --example stems < words.txt > stems.tsv
  derivations.py WORDNET_DICT_DIR stems.tsv > derivations.tsv

WORDNET_DICT_DIR holds WordNet 3.0's data.noun, data.verb, data.adj and data.adv (Debian's
`wordnet-base` package, 1:3.0-37, puts them in /usr/share/wordnet; `apt-get download
wordnet-base && dpkg-deb -x wordnet-base_*.deb DIR`). The stems are the crate's own (the
`stems` example: `rust-stemmers`' English Snowball stemmer), so that the table's keys are the
stems the analyzer makes. Standard library only.

What it keeps: every pertainym pointer (`\\`: a relational adjective and the noun it is "of or
relating to", `congressional`/`Congress`, `financial`/`finance`) between two single-word
lemmas; each lemma stemmed; pairs of different stems that share their first four letters or
more, and three fifths of the shorter stem, where neither stem is that of any person noun
(lexicographer file noun.person, in any sense: `presidential`/`president`,
`official`/`office` are left out, since a person is not the office). The looser
derivationally related forms (`+`) are not used: they join `statement` to `state`,
`pressure` to `press`, `committee` to `commit`. The pairs are joined into families
(union-find), each named by its shortest stem (ties: the first in byte order), and one
`stem<TAB>root` line is written per stem that is not its family's root, sorted.
"""
import collections
import os
import re
import sys

PERSON = 18  # lexicographer file noun.person


def bare(word):
    """A lemma without its syntactic marker (`galore(ip)` → `galore`)."""
    return re.sub(r"\(.*\)$", "", word)


def read(folder):
    """Every synset's lemmas, the lemmas of person nouns, and the pertainym pointers."""
    words, people, pointers = {}, set(), []
    for part in ("noun", "verb", "adj", "adv"):
        with open(os.path.join(folder, "data." + part), encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):  # the licence header
                    continue
                p = line.split(" | ")[0].split()
                key = (p[0], "a" if p[2] in "as" else p[2])
                count = int(p[3], 16)
                words[key] = [bare(p[4 + 2 * k].lower()) for k in range(count)]
                if int(p[1]) == PERSON:
                    people.update(words[key])
                i = 4 + 2 * count
                n = int(p[i])
                i += 1
                for _ in range(n):
                    symbol, offset, pos, st = p[i : i + 4]
                    i += 4
                    if symbol == "\\" and st != "0000":
                        target = (offset, "a" if pos in "as" else pos)
                        pointers.append((key, int(st[:2], 16), target, int(st[2:], 16)))
    return words, people, pointers


def common_prefix(a, b):
    n = 0
    for x, y in zip(a, b):
        if x != y:
            break
        n += 1
    return n


def main():
    if sys.argv[1] == "--words":
        words, _, _ = read(sys.argv[2])
        every = {w for ws in words.values() for w in ws}
        print("\n".join(sorted(w for w in every if w.isalpha())))
        return
    words, people, pointers = read(sys.argv[1])
    with open(sys.argv[2], encoding="utf-8") as fh:
        stem_of = dict(line.rstrip("\n").split("\t") for line in fh)
    lemma = lambda key, k: words[key][k - 1]
    person_stems = {stem_of[w] for w in people if w in stem_of}
    pairs = set()
    for key, s, target, t in pointers:
        a, b = lemma(key, s), lemma(target, t)
        if a.isalpha() and b.isalpha() and a != b:
            pairs.add((min(a, b), max(a, b)))
    stems = set()
    for a, b in pairs:
        x, y = stem_of[a], stem_of[b]
        if x in person_stems or y in person_stems:
            continue
        n = common_prefix(x, y)
        if x != y and n >= 4 and n >= 0.6 * min(len(x), len(y)):
            stems.add((min(x, y), max(x, y)))
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in sorted(stems):
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    families = collections.defaultdict(list)
    for x in list(parent):
        families[find(x)].append(x)
    rows = []
    for members in families.values():
        root = min(members, key=lambda m: (len(m), m))
        rows.extend((m, root) for m in members if m != root)
    for stem, root in sorted(rows):
        print(f"{stem}\t{root}")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Build `census-given.txt`: given names from the US Census Bureau's 1990 name frequency
lists that the given-name lexicon (`names::lexicon::is_given_name`) adds to the nickname
table's names.

Two kinds of lines. `NAME`: a name given to at least 0.01 % of men or of women in the 1990
census, more often a given name than a surname there (`Warren`, `Gordon` stay; `Carter`, `Jordan`, `Young`
go), and not an English word in lower case (Debian's `wamerican` (2020.12.07-2, Debian 12) word list: `hope`, `grace`,
`dawn`, `sterling`, `robin` go), nor one of the places and things below that news writes far
more often than the given name (`Carolina`, `Dallas`, `Chelsea`, `Brent` crude).
`NAME<TAB>word`: a name as common that is an English word or at least as often a surname
(`Grant`, `Guy`, `Lee`): it opens no name alone, but keeps a name it opens from being taken
for a phrase of common words.
`NAME<TAB>-<TAB>surname`: a name of the nickname table (`smith`, `wilson`) that the census
knows as a surname ten times as often as a given name: the lexicon takes it for no given name.
Each line also gives the name's gender (`m`, `f`, or `-` when neither sex has nine times as
many bearers), which tells namesakes apart (`Reagan said he`: Ronald, not Nancy).

Source: the census lists `dist.male.first`, `dist.female.first` and `dist.all.last` (a work
of the US government, in the public domain), as the PyPI package `names` 0.3.0 ships them.
Usage, from the repository root (needs `apt-get install wamerican`):

    pip download --no-deps names==0.3.0 -d /tmp/n && tar xzf /tmp/n/names-0.3.0.tar.gz -C /tmp/n
    python3 crates/normalize/data/census_given.py /tmp/n/names-0.3.0/names > crates/normalize/data/census-given.txt
"""
import sys

MIN_PERCENT = 0.01
# a name given to nine times as many of one sex as of the other has that gender
GENDER_RATIO = 9
NOT_PEOPLE = set("""carolina dallas cleveland orlando chelsea aurora augusta tyrone israel kenya
brent""".split())


def percents(path):
    out = {}
    for line in open(path, encoding="ascii"):
        f = line.split()
        if f:
            name = f[0].lower()
            out[name] = max(out.get(name, 0.0), float(f[1]))
    return out


def main(folder: str) -> None:
    male = percents(f"{folder}/dist.male.first")
    female = percents(f"{folder}/dist.female.first")
    first = dict(male)
    for name, p in female.items():
        first[name] = max(first.get(name, 0.0), p)

    def gender(n):
        m, f = male.get(n, 0.0), female.get(n, 0.0)
        return "m" if m >= GENDER_RATIO * f else "f" if f >= GENDER_RATIO * m else "-"
    last = percents(f"{folder}/dist.all.last")
    words = {w.strip() for w in open("/usr/share/dict/american-english", encoding="utf-8")
             if w.strip().islower()}
    common = {n for n, p in first.items() if p >= MIN_PERCENT and n not in NOT_PEOPLE}
    kept = sorted(n for n in common if first[n] > last.get(n, 0.0) and n not in words)
    # given names that are English words or surnames too: they open no name on their own,
    # but a name they open is not taken for a phrase (`Grant Reuber`, `Guy Mansfield`)
    word_like = sorted(n for n in common if n in words or first[n] <= last.get(n, 0.0))
    print("# Given names from the US Census Bureau's 1990 lists (public domain); see census_given.py.")
    print("# NAME<TAB>GENDER<TAB>KIND: GENDER m, f or - (both); KIND name, word (also an")
    print("# English word or a surname: opens no name alone), or surname (a nickname-table name")
    print("# the census knows as a surname ten times as often: no given name).")
    for n in kept:
        print(f"{n}\t{gender(n)}\tname")
    for n in word_like:
        print(f"{n}\t{gender(n)}\tword")
    # names of the bundled nickname table that the census knows as surnames ten times as
    # often as given names (`smith`, `wilson`, `campbell`): no given names to the lexicon
    table = set()
    for line in open("crates/normalize/data/nicknames.tsv", encoding="utf-8").readlines()[1:]:
        canon, _, nick = line.rstrip("\n").split("\t")
        table.add(canon)
        if len(nick) >= 3:
            table.add(nick)
    for n in sorted(n for n in table
                    if last.get(n, 0.0) >= MIN_PERCENT and last[n] >= 10 * first.get(n, 0.0)):
        print(f"{n}\t-\tsurname")


if __name__ == "__main__":
    main(sys.argv[1])

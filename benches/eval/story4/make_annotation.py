#!/usr/bin/env python3
"""Writes annotation.json and divergences.json for story4.

The annotation is hand-made: the tables below were written by reading the
articles (line numbers counted from 0, blank lines included). This script
only expands the tables into pairs.
"""
import json, itertools, os

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------- overlaps
# A unit = one wire paragraph (000 line) and the lines in other articles that
# carry it. Members marked "c" are copies / light edits / faithful
# translations (strong with each other); a member marked with a strength
# ("medium"/"weak"/"strong") is a rewrite (004) and gets that strength with
# every "c" member.
UNITS = {
    # name: (why, {(art, line): "c" | strength})
    "lead": ("lead: supreme court revokes gold-mine concession, assessment ignored Arda river/groundwater risk",
             {("000", 2): "c", ("001", 2): "c", ("002", 2): "c", ("003", 2): "c", ("004", 4): "medium"}),
    "vote": ("4-1 panel, final; Velmar to invest 385m leva, production 2028",
             {("000", 4): "c", ("001", 6): "c", ("002", 4): "c", ("003", 4): "c", ("004", 8): "medium"}),
    "grant": ("concession granted June 2019, 30 years, 14.6 sq km; 62,000 oz/yr, 420 jobs",
              {("000", 8): "c", ("001", 16): "c", ("002", 14): "c", ("003", 10): "c", ("004", 8): "medium"}),
    "dimitrov": ("minister Dimitrov respects ruling, 'will not look for loopholes' quote",
                 {("000", 10): "c", ("001", 18): "c", ("002", 18): "c", ("003", 12): "c", ("004", 20): "medium"}),
    "noconcession": ("ministry will (not) grant new concession before hydrogeological study, 2 years",
                     {("000", 12): "c", ("002", 20): "c", ("003", 14): "c"}),
    "shares": ("shares fell 17 percent; 112m Canadian dollars spent",
               {("000", 14): "c", ("001", 20): "c", ("002", 6): "c", ("003", 16): "c", ("004", 8): "medium"}),
    "kellerman": ("CEO quote 'deeply disappointed ... ignores seven years of work'",
                  {("000", 16): "c", ("001", 24): "c", ("002", 8): "c", ("003", 18): "c", ("004", 12): "strong"}),
    "arbitration": ("Kellerman and international arbitration; 'complied with every condition'",
                    {("000", 18): "c", ("001", 26): "c", ("002", 10): "c", ("003", 20): "c"}),
    "case": ("case brought 2022 by residents of four villages, For the Rhodopes; Kardzhali court 2024",
             {("000", 20): "c", ("002", 24): "c", ("003", 22): "c"}),
    "georgieva": ("quote 'a victory for every village ... only future on offer'",
                  {("000", 22): "c", ("001", 12): "c", ("002", 26): "c", ("003", 24): "c"}),
    "residents": ("1,200 people in five villages within 5 km; petition 23,000 signatures",
                  {("000", 24): "c", ("001", 14): "c", ("003", 26): "c", ("004", 14): "medium"}),
    "halilov": ("Halilov quote 'people here were never asked what kind of development they wanted'",
                {("000", 26): "c", ("001", 28): "c", ("003", 28): "c", ("004", 16): "strong"}),
    "water": ("municipality to seek funds; Gorni Izvor water supply upgrade 4.8m leva",
              {("000", 28): "c", ("003", 30): "c"}),
    "tsvetkov": ("lawyer Tsvetkov: ruling sets precedent; 'every pending concession ... exposed'",
                 {("000", 30): "c", ("002", 30): "c", ("003", 32): "c"}),
    "vasilev": ("Vasilev, head of Velmar Bulgaria (86 staff kept 3 months); 004 only names him as head of the Bulgarian arm",
                {("000", 32): "c", ("002", 28): "c", ("003", 34): "c", ("004", 12): "weak"}),
    "eu": ("EU push for domestic critical raw materials",
           {("000", 34): "c", ("004", 20): "weak"}),
    "hristova": ("internal review of environmental assessments issued 2017-2020, starting January",
                 {("000", 36): "c", ("001", 32): "c", ("003", 36): "c", ("004", 18): "medium"}),
    "call": ("Velmar investor conference call on Thursday",
             {("000", 38): "c", ("001", 34): "c", ("002", 36): "c", ("003", 38): "c"}),
}

# judge quote: split in 003 (two lines), 002 has only the first sentence,
# 004 paraphrases the first sentence and quotes the second verbatim.
MANUAL = [
    (("000", 6), ("001", 8), "strong", "judge's quote (both sentences)"),
    (("000", 6), ("002", 16), "strong", "judge's quote, first sentence"),
    (("000", 6), ("003", 6), "strong", "judge's quote, first sentence, translated"),
    (("000", 6), ("003", 8), "strong", "judge's quote, second sentence, translated"),
    (("000", 6), ("004", 6), "strong", "judge: aquifer point paraphrased, 'a concession cannot rest...' quoted"),
    (("001", 8), ("002", 16), "strong", "judge's quote, first sentence"),
    (("001", 8), ("003", 6), "strong", "judge's quote, first sentence, translated"),
    (("001", 8), ("003", 8), "strong", "judge's quote, second sentence, translated"),
    (("001", 8), ("004", 6), "strong", "judge: aquifer point paraphrased, 'a concession cannot rest...' quoted"),
    (("002", 16), ("003", 6), "strong", "judge's quote, first sentence, translated"),
    (("002", 16), ("004", 6), "medium", "judge: cyanide/karst aquifer point, paraphrased"),
    (("003", 6), ("004", 6), "medium", "judge: cyanide/karst aquifer point, paraphrased"),
    (("003", 8), ("004", 6), "strong", "judge's 'concession cannot rest on a study...' quote"),
]

# headlines of 000-003: same claim (court revokes Velmar's gold-mine
# concession); 003's is a faithful translation of 000's. Each headline is
# also medium with the lead paragraphs of the other articles.
HEADLINES = {"000": 0, "001": 0, "002": 0, "003": 0}
LEADS = {"000": 2, "001": 2, "002": 2, "003": 2, "004": 4}

BOILERPLATE = {
    "000": [40],          # reporting credit
    "001": [4, 10, 22],   # photo caption, Advertisement, Read more
    "002": [12, 22, 34],  # photo caption, Advertisement, Read more
    "004": [2],           # byline
    "005": [22],          # reporting credit
}


def norm(a, b):
    return (a, b) if a < b else (b, a)


pairs = {}


def add(a, b, strength, why):
    assert a[0] != b[0], (a, b)
    a, b = norm(a, b)
    key = (a, b)
    if key in pairs:
        raise SystemExit(f"duplicate pair {key}")
    pairs[key] = (strength, why)


for name, (why, members) in UNITS.items():
    for (m1, t1), (m2, t2) in itertools.combinations(members.items(), 2):
        if m1[0] == m2[0]:
            continue
        if t1 == "c" and t2 == "c":
            s = "strong"
        elif t1 == "c":
            s = t2
        elif t2 == "c":
            s = t1
        else:
            continue  # two rewrites in the same unit: none here
        k = norm(m1, m2)
        if k in pairs:
            # the same line pair reached through two units (004:8): keep the
            # stronger and merge reasons
            old_s, old_why = pairs[k]
            order = ["weak", "medium", "strong"]
            pairs[k] = (max(old_s, s, key=order.index), old_why + "; " + why)
            continue
        add(m1, m2, s, why)

for a, b, s, why in MANUAL:
    add(a, b, s, why)

for h1, h2 in itertools.combinations(HEADLINES, 2):
    s = "strong" if {h1, h2} == {"000", "003"} else "medium"
    add((h1, HEADLINES[h1]), (h2, HEADLINES[h2]), s, "headline: court revokes Velmar gold-mine concession")
for h, hl in HEADLINES.items():
    for l, ll in LEADS.items():
        if l != h:
            add((h, hl), (l, ll), "medium", "headline vs lead: court revokes gold-mine concession")

overlaps = []
for i, ((a, b), (s, why)) in enumerate(sorted(pairs.items()), 1):
    overlaps.append({"id": f"o{i}", "a": [a[0], a[1]], "b": [b[0], b[1]], "strength": s, "why": why})

with open(os.path.join(HERE, "annotation.json"), "w") as f:
    json.dump({"overlaps": overlaps, "boilerplate_lines": BOILERPLATE}, f, indent=1, ensure_ascii=False)

# ------------------------------------------------------------- divergences
# Each planted change: (id, kind, original side on the wire, changed side,
# other carriers of the passage with their wording of the item).
PLANTED = [
    ("D1", "date", ("000", 2, "Tuesday"), ("001", 2, "Wednesday"),
     [("002", 2, "Tuesday"), ("003", 2, "Tuesday"), ("004", 4, "Tuesday")]),
    ("D2", "number", ("000", 24, "23,000"), ("001", 14, "32,000"),
     [("003", 26, "23 thousand"), ("004", 14, "23,000")]),
    ("D3", "speaker", ("000", 22, "Georgieva"), ("001", 12, "Tsvetkov"),
     [("002", 26, "Grigorova"), ("003", 24, "Georgieva")]),
    ("D4", "role", ("000", 6, "Milena Stoyanova"), ("001", 8, "Elena Petkova"),
     [("002", 16, "Milena Stoyanova"), ("003", 6, "Milena Stoianova"), ("004", 6, "Milena Stoyanova")]),
    ("D5", "number", ("000", 4, "385"), ("001", 6, "358"),
     [("002", 4, "385"), ("003", 4, "385 000 000"), ("004", 8, "385")]),
    ("D6", "role", ("000", 10, "Environment and Water Minister"), ("002", 18, "Deputy Environment Minister"),
     [("001", 18, "Environment and Water Minister"), ("003", 12, "minister of the environment and waters"),
      ("004", 20, "Environment Minister")]),
    ("D7", "name", ("000", 22, "Georgieva"), ("002", 26, "Grigorova"),
     [("003", 24, "Georgieva")]),  # 001 vs 002 on this line is counted under D3 (speaker)
    ("D8", "negation", ("000", 18, "did not rule out"), ("002", 10, "ruled out"),
     [("001", 26, "did not rule out"), ("003", 20, "did not exclude")]),
    ("D9", "number", ("000", 4, "4-1"), ("002", 4, "3-2"),
     [("001", 6, "4-1"), ("003", 4, "4 to 1")]),
    ("D10", "role", ("000", 26, "mayor"), ("003", 28, "regional governor"),
     [("001", 28, "mayor"), ("004", 16, "mayor")]),
    ("D11", "number", ("000", 8, "62,000"), ("003", 10, "65 thousand"),
     [("001", 16, "62,000"), ("002", 14, "62,000")]),
    ("D12", "number", ("000", 8, "420"), ("004", 8, "600"),
     [("001", 16, "420"), ("002", 14, "420"), ("003", 10, "420")]),
    ("D13", "speaker", ("000", 16, "Kellerman"), ("004", 12, "Vasilev"),
     [("001", 24, "Kellerman"), ("002", 8, "Kellerman"), ("003", 18, "Kelerman")]),
    ("D14", "negation", ("000", 12, "did not intend"), ("003", 14, "intends"),
     [("002", 20, "did not intend")]),
]

divs = []


def item(did, kind, x, y, derived):
    if x[0] > y[0]:
        x, y = y, x
    return {"id": did, "a": [x[0], x[1]], "b": [y[0], y[1]], "kind": kind,
            "a_text": x[2], "b_text": y[2], "derived": derived}


for did, kind, orig, changed, others in PLANTED:
    divs.append(item(did, kind, orig, changed, False))
    n = 0
    for o in others:
        n += 1
        divs.append(item(f"{did}.{n}", kind, changed, o, True))

with open(os.path.join(HERE, "divergences.json"), "w") as f:
    json.dump(divs, f, indent=1, ensure_ascii=False)

print(len(overlaps), "overlaps;", len(divs), "divergence items")

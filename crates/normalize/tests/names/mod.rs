//! Properties of `names`: order and thread independence, partitions, cannot-links,
//! monotonicity, no panics.

use newsdiff_normalize::names::{NameCluster, NameDoc, NameReport, find_names, fold};
use proptest::prelude::*;

const GIVEN: &[&str] = &["Anna", "Boris", "Karen", "Victor", "Elena", "Paul"];
const FAMILY: &[&str] = &[
    "Bessent",
    "Bessant",
    "Becent",
    "Lutnick",
    "Rutnik",
    "Zakharov",
    "Zakharova",
    "Greer",
    "Grier",
    "Xi",
    "Li",
    "Walerian",
    "Valerian",
];
const ROLES: &[&str] = &["Treasury Secretary", "Commerce Secretary", "Trade Minister"];

fn sentence() -> impl Strategy<Value = String> {
    (0..GIVEN.len(), 0..FAMILY.len(), 0..ROLES.len(), 0..5usize).prop_map(|(g, f, r, t)| {
        let (g, f, r) = (GIVEN[g], FAMILY[f], ROLES[r]);
        match t {
            0 => format!("{r} {g} {f} said the talks went well."),
            1 => format!("{f} told reporters that nothing was agreed."),
            2 => format!("{g} {f}, the {r}, arrived in Geneva on Monday."),
            3 => format!("According to {f}, the deal was close."),
            _ => format!("Mr {f} declined to comment."),
        }
    })
}

fn corpus() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop::collection::vec(sentence(), 1..5), 1..8)
        .prop_map(|docs| docs.into_iter().map(|s| s.join(" ")).collect())
}

fn run(texts: &[String], order: &[usize]) -> NameReport {
    let ids: Vec<String> = (0..texts.len()).map(|i| format!("d{i:02}")).collect();
    let docs: Vec<NameDoc<'_>> = order
        .iter()
        .map(|&i| NameDoc::new(&ids[i], &texts[i]))
        .collect();
    find_names(&docs)
}

/// Spellings of one family name.
const GROUPS: &[&[&str]] = &[
    &["Bessent", "Bessant", "Becent"],
    &["Lutnick", "Rutnik"],
    &["Zakharov", "Zakharova"],
    &["Greer", "Grier"],
    &["Walerian", "Valerian"],
];

/// Whether `extra` writes a full name whose family name the corpus writes (in any spelling of
/// its group) with another given name.
fn introduces_namesake(texts: &[String], extra: &str) -> bool {
    let group = |f: &'static str| -> Vec<&'static str> {
        GROUPS
            .iter()
            .find(|g| g.contains(&f))
            .map_or_else(|| vec![f], |g| g.to_vec())
    };
    GIVEN.iter().any(|g| {
        FAMILY.iter().any(|f| {
            extra.contains(&format!("{g} {f}"))
                && group(f).iter().any(|f2| {
                    GIVEN.iter().any(|g2| {
                        g2 != g && texts.iter().any(|t| t.contains(&format!("{g2} {f2}")))
                    })
                })
        })
    })
}

/// Whether `extra` names someone `article` does not: a new co-mentioned person is new
/// evidence for another spelling's group, and may rightly leave a bare name between two
/// groups equally near (`Bessent` beside `Becent` and `Bessant`).
fn adds_person(article: &str, extra: &str) -> bool {
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        t.split(|c: char| !c.is_alphabetic())
            .map(str::to_owned)
            .collect()
    };
    let (have, new) = (words(article), words(extra));
    FAMILY
        .iter()
        .any(|f| new.contains(*f) && !have.contains(*f))
}

/// Whether the corpus already writes one family-name group with two different given names:
/// then every bare mention of that family name is ambiguous, and where it goes may change
/// with any added evidence.
fn has_namesakes(texts: &[String]) -> bool {
    GROUPS
        .iter()
        .map(|g| g.to_vec())
        .chain(FAMILY.iter().map(|f| vec![*f]))
        .any(|group| {
            let givens: Vec<&str> = GIVEN
                .iter()
                .copied()
                .filter(|g| {
                    group
                        .iter()
                        .any(|f| texts.iter().any(|t| t.contains(&format!("{g} {f}"))))
                })
                .collect();
            givens.len() >= 2
        })
}

fn in_pool<T: Send>(threads: usize, f: impl FnOnce() -> T + Send) -> T {
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap()
        .install(f)
}

/// The canonical name of the first cluster with a mention in `article`.
fn person_in<'r>(r: &'r NameReport, article: &str) -> Option<&'r str> {
    r.clusters
        .iter()
        .find(|c| c.mentions.iter().any(|m| m.article == article))
        .map(|c| c.canonical.as_str())
}

/// The canonical name of the cluster holding the mention of `article` written `form`.
fn canonical_of<'r>(r: &'r NameReport, article: &str, form: &str) -> Option<&'r str> {
    r.clusters
        .iter()
        .find(|c| {
            c.mentions
                .iter()
                .any(|m| m.article == article && m.form == form)
        })
        .map(|c| c.canonical.as_str())
}

fn cluster_of(r: &NameReport, article: &str, start: usize) -> Option<usize> {
    r.clusters.iter().position(|c| {
        c.mentions
            .iter()
            .any(|m| m.article == article && m.start == start)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn same_output_for_any_order_and_thread_count(texts in corpus(), seed in any::<u64>()) {
        let n = texts.len();
        let forward: Vec<usize> = (0..n).collect();
        let mut shuffled = forward.clone();
        // a seeded permutation
        let mut x = seed | 1;
        for i in (1..n).rev() {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            shuffled.swap(i, (x % (i as u64 + 1)) as usize);
        }
        let a = in_pool(1, || run(&texts, &forward));
        let b = in_pool(4, || run(&texts, &shuffled));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn clusters_partition_mentions_and_respect_cannot_links(texts in corpus()) {
        let order: Vec<usize> = (0..texts.len()).collect();
        let r = run(&texts, &order);
        let mut seen = std::collections::BTreeSet::new();
        for (ci, c) in r.clusters.iter().enumerate() {
            prop_assert!(!c.mentions.is_empty());
            for m in &c.mentions {
                prop_assert_eq!(m.cluster, ci);
                prop_assert!(seen.insert((m.article.clone(), m.start, m.end)), "mention twice");
            }
            // cannot-links: opposite gendered forms, short forms that differ, two given names
            let folded: Vec<String> = c.mentions.iter().map(|m| {
                let last = m.form.split_whitespace().last().unwrap_or("");
                fold::fold(last)
            }).collect();
            for a in &folded {
                for b in &folded {
                    prop_assert!(!fold::opposite_gender(a, b), "{} / {}", a, b);
                    if a.len() <= 3 && b.len() <= 3 {
                        prop_assert_eq!(a, b);
                    }
                }
            }
            let givens: std::collections::BTreeSet<&str> = c.mentions.iter()
                .filter_map(|m| {
                    let w: Vec<&str> = m.form.split_whitespace().collect();
                    (w.len() == 2).then(|| w[0])
                })
                .collect();
            prop_assert!(givens.len() <= 1, "{:?}", givens);
        }
    }

    // Bare spellings are grouped among themselves before any group joins a named person,
    // and a group joins whole: a new full name (`Anna Bessant`) cannot pull `Bessant` away
    // from an already-merged `Becent` (counterexamples in `mod.proptest-regressions`).
    #[test]
    fn a_supporting_mention_never_splits_a_cluster(texts in corpus(), extra in sentence()) {
        // a namesake (another given name with a spelling of the same family name) is not
        // support: it makes the bare family name ambiguous, and bare mentions may leave
        prop_assume!(!introduces_namesake(&texts, &extra));
        prop_assume!(!has_namesakes(&texts));
        prop_assume!(!adds_person(&texts[0], &extra));
        let order: Vec<usize> = (0..texts.len()).collect();
        let before = run(&texts, &order);
        // the extra text repeats one article's own sentences plus a new one about someone
        // the article already names
        let mut more = texts.clone();
        more[0] = format!("{} {}", more[0], extra);
        let after = run(&more, &order);
        for c in &before.clusters {
            // mentions outside the changed article keep sharing a cluster
            let keep: Vec<_> = c.mentions.iter().filter(|m| m.article != "d00").collect();
            let ids: std::collections::BTreeSet<_> = keep
                .iter()
                .filter_map(|m| cluster_of(&after, &m.article, m.start))
                .collect();
            prop_assert!(ids.len() <= 1, "{} split: {:?}", c.canonical, ids);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_unicode(text in "\\PC{0,200}", name in "\\PC{1,20}") {
        let t = format!("{text} Mr {name} said so. {name}, the Commerce Secretary, agreed.");
        let r = find_names(&[NameDoc::new("x", &t), NameDoc::new("y", &text)]);
        for c in &r.clusters {
            for m in &c.mentions {
                let src = if m.article == "x" { &t } else { &text };
                prop_assert_eq!(&src[m.start..m.end], m.form.as_str());
            }
        }
        let _ = fold::distance(&fold::fold(&name), &fold::fold(&text));
        let _ = fold::skeleton(&fold::fold(&name));
    }
}

#[test]
fn bessent_variants_and_role_conflict() {
    let docs = [
        NameDoc::new(
            "a",
            "Treasury Secretary Scott Bessent met reporters. Bessant said talks went well.",
        ),
        NameDoc::new("b", "US Treasury Secretary Becent said the deal was close."),
        NameDoc::new("c", "Scott Bessent told reporters that tariffs would fall."),
        NameDoc::new(
            "d",
            "Treasury Secretary Yellen said markets were calm. Xi Jinping and Li Qiang met.",
        ),
    ];
    let r = find_names(&docs);
    let b = r
        .clusters
        .iter()
        .find(|c| c.canonical == "Scott Bessent")
        .unwrap();
    assert!(b.forms.contains(&"Becent".to_owned()) && b.forms.contains(&"Bessant".to_owned()));
    assert_eq!(r.role_conflicts.len(), 1);
    assert_eq!(r.role_conflicts[0].holders[0].canonical, "Scott Bessent");
    let xi = r
        .clusters
        .iter()
        .find(|c| c.canonical == "Xi Jinping")
        .unwrap();
    assert_eq!(xi.forms, ["Xi Jinping"]);
    let index = r.index();
    assert!(index.of("b").iter().all(|p| p.key == b.key));
    // dated holders one after the other: a succession
    let dated = [
        NameDoc::new("a", "Treasury Secretary Janet Yellen spoke.").date(Some("2023-05-01")),
        NameDoc::new("b", "Treasury Secretary Scott Bessent spoke.").date(Some("2025-05-01")),
    ];
    let r = find_names(&dated);
    assert_eq!(
        r.role_conflicts[0].kind,
        newsdiff_normalize::names::ConflictKind::Succession
    );
    // a day apart, on one event: a contradiction (found by a CLI audit: the samples dated
    // 11 and 12 June gave Yellen and Bessent one office as a "succession"); a week apart
    // reads as a change of holder
    for (second, kind) in [
        (
            "2025-06-12",
            newsdiff_normalize::names::ConflictKind::Contradiction,
        ),
        (
            "2025-06-17T08:00Z",
            newsdiff_normalize::names::ConflictKind::Contradiction,
        ),
        (
            "2025-06-18",
            newsdiff_normalize::names::ConflictKind::Succession,
        ),
    ] {
        let dated = [
            NameDoc::new("a", "Treasury Secretary Janet Yellen spoke.").date(Some("2025-06-11")),
            NameDoc::new("b", "Treasury Secretary Scott Bessent spoke.").date(Some(second)),
        ];
        assert_eq!(find_names(&dated).role_conflicts[0].kind, kind, "{second}");
    }
}

/// Every form of every cluster.
fn all_forms(r: &NameReport) -> Vec<&str> {
    r.clusters
        .iter()
        .flat_map(|c| c.forms.iter().map(String::as_str))
        .collect()
}

fn cluster_with<'r>(r: &'r NameReport, form: &str) -> Vec<&'r str> {
    r.clusters
        .iter()
        .filter(|c| c.forms.iter().any(|f| f == form))
        .map(|c| c.canonical.as_str())
        .collect()
}

/// A bare form in many more articles than a person named in full is no misspelling of
/// that person's name on frequency alone (Reuters: `Merrill`, 23 articles, had joined Robert
/// E. McCarroll, named in 2); a rare variant still joins a frequent name.
#[test]
fn a_frequent_bare_form_is_no_variant_of_a_rare_name() {
    let mut docs = vec![
        NameDoc::new("a", "Robert McCarroll resigned as a director of the bank."),
        NameDoc::new("b", "Robert McCarroll was named to the board on Monday."),
    ];
    let texts: Vec<String> = (0..6)
        .map(|i| format!("Merrill arranged note issue {i}, and Merrill said demand was strong."))
        .collect();
    let ids: Vec<String> = (0..6).map(|i| format!("m{i}")).collect();
    for (id, text) in ids.iter().zip(&texts) {
        docs.push(NameDoc::new(id, text));
    }
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Merrill"), ["Merrill"]);
    assert_eq!(cluster_with(&r, "Robert McCarroll"), ["Robert McCarroll"]);
}

#[test]
fn bare_namesake_needs_a_role() {
    let docs = [
        NameDoc::new("a", "Jake Sullivan said the talks went well."),
        NameDoc::new("b", "Jake Sullivan told reporters that tariffs would fall."),
        NameDoc::new("c", "Dan Sullivan said the vote was close."),
        NameDoc::new("d", "Energy Minister Dan Sullivan said prices rose."),
        // no evidence: its own cluster
        NameDoc::new("e", "Sullivan said nothing was agreed."),
        // the role of one of them: that one
        NameDoc::new("f", "Energy Minister Sullivan declined to comment."),
    ];
    let r = find_names(&docs);
    let of = |article: &str| person_in(&r, article);
    assert_eq!(of("e"), Some("Sullivan"));
    assert_eq!(of("f"), Some("Dan Sullivan"));
    let dan = r
        .clusters
        .iter()
        .find(|c| c.canonical == "Dan Sullivan")
        .unwrap();
    assert!(
        dan.evidence
            .iter()
            .any(|e| e.reasons.iter().any(|x| x.starts_with("namesake")))
    );
}

/// Found on Reuters: `President Reagan` in an article that also names `Nancy Reagan` joined
/// her, so she too was a president, and the bare `Reagan` of a thousand articles joined no
/// Reagan (Ronald Reagan 51 mentions, `Reagan` 1,007; now 887 and 176). A titled bare
/// mention does not join a full name of its article that the corpus never gives the title,
/// when it gives it to someone of that family name.
#[test]
fn a_title_goes_to_the_one_who_holds_it() {
    let docs = [
        NameDoc::new("a", "President Ronald Reagan said the budget was fair."),
        NameDoc::new(
            "b",
            "Michael Reagan, his son, wrote a book. President Reagan said he read it.",
        ),
        NameDoc::new(
            "c",
            "Nancy Reagan visited a school. President Reagan stayed in Washington.",
        ),
        NameDoc::new("d", "President Reagan vetoed the bill."),
    ];
    let r = find_names(&docs);
    let of = |article: &str, form: &str| canonical_of(&r, article, form);
    for article in ["b", "c", "d"] {
        assert_eq!(of(article, "Reagan"), Some("Ronald Reagan"), "{article}");
    }
    assert_eq!(of("c", "Nancy Reagan"), Some("Nancy Reagan"));
    assert_eq!(of("b", "Michael Reagan"), Some("Michael Reagan"));
    // with the title never given with a full name, the article's full name keeps it
    let docs = [NameDoc::new(
        "a",
        "Nancy Reagan visited a school. Reagan said it went well.",
    )];
    let r = find_names(&docs);
    assert_eq!(r.clusters.len(), 1, "{:?}", all_forms(&r));
}

/// Found on Reuters: `Moody's Investors Service Inc` begins with a possessive, which ended
/// the capitalised run, so the article's bare `Moody's` was a person (441 mentions); and a
/// bare word taken for the company of its article was taken back by other articles naming
/// the word alone. Now the article's `Moody's` is the company, whatever other articles make
/// of it.
#[test]
fn a_company_in_the_possessive_is_its_articles_company() {
    let docs = [
        NameDoc::new(
            "a",
            "Moody's Investors Service Inc said it cut the rating. Moody's said losses were large.",
        ),
        NameDoc::new("b", "Moody's said the outlook was negative."),
        NameDoc::new("c", "Moody's said it would review the debt."),
    ];
    let r = find_names(&docs);
    let in_article = |id: &str| {
        r.clusters
            .iter()
            .flat_map(|c| &c.mentions)
            .filter(|m| m.article == id)
            .count()
    };
    assert_eq!(in_article("a"), 0, "{:?}", all_forms(&r));
    assert_eq!(in_article("b") + in_article("c"), 2);
    // before a name of its own the possessive is an owner, a person or a country (a review
    // found Warren Buffett's mentions lost and `Kawasaki` a person)
    let docs = [
        NameDoc::new(
            "a",
            "Buffett's Berkshire Hathaway Inc reported gains. Buffett said prices were high.",
        ),
        NameDoc::new("b", "Warren Buffett said he liked the market."),
        NameDoc::new(
            "c",
            "Japan's Kawasaki Heavy Industries Inc will build a plant. Kawasaki said costs rose.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(
        person_in(&r, "a"),
        Some("Warren Buffett"),
        "{:?}",
        all_forms(&r)
    );
    assert_eq!(person_in(&r, "c"), None, "{:?}", all_forms(&r));
    // with no one of that family name named in full, the possessive before a name of the
    // company's own is the company's first word (Reuters: `Vernell's Fine Candies Inc`,
    // BBC: `Macrovision`)
    let docs = [NameDoc::new(
        "a",
        "Oshman's Sporting Goods Inc said earnings rose. Oshman's said sales fell.",
    )];
    let r = find_names(&docs);
    assert_eq!(person_in(&r, "a"), None, "{:?}", all_forms(&r));
}

/// Names with particles (found on BBC and Reuters): two particles in a row (`von der`, `de
/// la`), an article joined to its word (`al-Gosaibi`), five words of which one is a particle
/// (`Luiz Inácio Lula da Silva`), a place's name after a particle (`Miguel de la Madrid`),
/// and the family name with its particles alone (`Van Persie`, `De la Madrid`) as a bare
/// family name, which joins the full name, when a full name of the corpus writes it so
/// (otherwise the first word is a given name: `Ben Thatcher`, `Du Qinglin`).
#[test]
fn names_with_particles_are_whole() {
    let docs = [
        NameDoc::new(
            "a",
            "European Commission President Ursula von der Leyen said the deal was fair. Von der Leyen added that talks would go on.",
        ),
        NameDoc::new(
            "b",
            "Oil Minister Ghazi al-Gosaibi said output would rise. Al-Gosaibi declined to comment.",
        ),
        NameDoc::new(
            "c",
            "Brazilian President Luiz Inácio Lula da Silva criticised the tariffs.",
        ),
        NameDoc::new(
            "d",
            "Former Mexican President Miguel de la Madrid spoke. De la Madrid said little.",
        ),
        NameDoc::new(
            "e",
            "Robin van Persie said he was happy. Van Persie scored twice.",
        ),
        NameDoc::new(
            "f",
            "Margaret Thatcher said no. Ben Thatcher said yes. Al Gore said maybe.",
        ),
        // no one is named `… van Waters` or `… du Qinglin`: the company stays apart from the
        // person, the Chinese surname stays a surname
        NameDoc::new(
            "g",
            "Paradyne Corp said it signed a contract with Van Waters and Rogers Inc. David Waters, vice president of the retailer, will become chairman.",
        ),
        NameDoc::new(
            "h",
            "The Chinese official Du Qinglin met farmers on Monday. Du said harvests would improve.",
        ),
        // organisations with particles are no people
        NameDoc::new(
            "i",
            "Banca del Monte di Parma said it will issue bonds. The Kuwait daily al-Qabas said so.",
        ),
    ];
    let r = find_names(&docs);
    for (person, forms) in [
        (
            "Ursula von der Leyen",
            &["Ursula von der Leyen", "Von der Leyen"][..],
        ),
        ("Ghazi al-Gosaibi", &["Al-Gosaibi", "Ghazi al-Gosaibi"]),
        ("Luiz Inácio Lula da Silva", &["Luiz Inácio Lula da Silva"]),
        (
            "Miguel de la Madrid",
            &["De la Madrid", "Miguel de la Madrid"],
        ),
        ("Robin van Persie", &["Robin van Persie", "Van Persie"]),
        ("Ben Thatcher", &["Ben Thatcher"]),
        ("Al Gore", &["Al Gore"]),
        ("Du Qinglin", &["Du", "Du Qinglin"]),
        ("David Waters", &["David Waters"]),
    ] {
        let c = r.clusters.iter().find(|c| c.canonical == person);
        assert_eq!(
            c.map(|c| c.forms.clone()),
            Some(forms.iter().map(|f| f.to_string()).collect()),
            "{person}: {:?}",
            all_forms(&r)
        );
    }
    assert!(
        !all_forms(&r)
            .iter()
            .any(|f| f.contains("Banca") || f.contains("al-Qabas")),
        "{:?}",
        all_forms(&r)
    );
}

/// A name of one word that no article gives a title, an honorific, a role or a given name
/// is kept and marked uncertain (on BBC's 300 most mentioned "people", 47 of the 60 so
/// marked were companies, teams, bands or works, 8 people known by one name); a name
/// written once with any of these is not.
#[test]
fn one_word_with_nothing_saying_a_person_is_uncertain() {
    let docs = [
        NameDoc::new(
            "a",
            "Shares in Airbus rose. Airbus said orders were strong.",
        ),
        NameDoc::new(
            "b",
            "Analysts said Airbus would deliver more jets than Boeing.",
        ),
        NameDoc::new(
            "c",
            "Mr Kowalski said the plan would work. Kowalski left early.",
        ),
        NameDoc::new("d", "Kowalski said nothing more."),
        NameDoc::new("e", "Anna Nowak said the talks failed. Nowak left."),
    ];
    let r = find_names(&docs);
    let uncertain = |form: &str| {
        r.clusters
            .iter()
            .find(|c| c.forms.iter().any(|f| f == form))
            .map(|c| c.uncertain)
    };
    assert_eq!(uncertain("Airbus"), Some(true), "{:?}", all_forms(&r));
    assert_eq!(uncertain("Kowalski"), Some(false));
    assert_eq!(uncertain("Anna Nowak"), Some(false));
    // the field is written only when true, and read as false when absent
    let json = serde_json::to_value(&r).unwrap_or_default();
    let flags: Vec<bool> = json["clusters"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|c| c.get("uncertain").is_some())
        .collect();
    let expected: Vec<bool> = r.clusters.iter().map(|c| c.uncertain).collect();
    assert_eq!(flags, expected);
}

/// Found by `a_supporting_mention_never_splits_a_cluster`: an article's bare entity was keyed by
/// its first spelling (`Bessant`), not the one it uses most (`Bessent`), so one more `Bessent`
/// elsewhere left `Becent` between two equally near groups and split it off.
#[test]
fn a_bare_entity_counts_for_its_main_spelling() {
    let texts = [
        "According to Walerian, the deal was close.",
        "Bessent told reporters that nothing was agreed.",
        "According to Becent, the deal was close.",
        "Becent told reporters that nothing was agreed.",
        "Bessant told reporters that nothing was agreed. Treasury Secretary Anna Walerian said \
         the talks went well. According to Bessent, the deal was close. Bessent told reporters \
         that nothing was agreed.",
    ];
    for extra in ["", " Bessent told reporters that nothing was agreed."] {
        let mut texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        texts[0].push_str(extra);
        let order: Vec<usize> = (0..texts.len()).collect();
        let r = run(&texts, &order);
        let people: std::collections::BTreeSet<_> = ["d01", "d02", "d03", "d04"]
            .iter()
            .map(|a| {
                cluster_of(
                    &r,
                    a,
                    texts[a[1..].parse::<usize>().unwrap()].find('B').unwrap(),
                )
            })
            .collect();
        assert_eq!(people.len(), 1, "{extra:?}: {people:?}");
        assert!(people.iter().all(Option::is_some));
    }
}

/// Found by `a_supporting_mention_never_splits_a_cluster` once bare entities were keyed by
/// their most used spelling: one more `Bessant` keyed the first article by `bessant`, which
/// no named person holds, and it left `Anna Becent` (with `Bessent` elsewhere). A spelling
/// some person is written in with a given name keys the entity first.
#[test]
fn a_bare_entity_is_keyed_by_a_named_spelling_first() {
    let texts = [
        "Becent told reporters that nothing was agreed. Bessant told reporters that nothing \
         was agreed.",
        "Anna Becent, the Treasury Secretary, arrived in Geneva on Monday.",
        "Bessent told reporters that nothing was agreed.",
    ];
    for extra in ["", " Bessant told reporters that nothing was agreed."] {
        let mut texts: Vec<String> = texts.iter().map(|t| (*t).to_owned()).collect();
        texts[0].push_str(extra);
        let order: Vec<usize> = (0..texts.len()).collect();
        let r = run(&texts, &order);
        assert_eq!(
            cluster_of(&r, "d01", 0),
            cluster_of(&r, "d02", 0),
            "{extra:?}"
        );
        assert!(cluster_of(&r, "d00", 0).is_some_and(|c| Some(c) == cluster_of(&r, "d01", 0)));
    }
}

/// A word the corpus uses after `in`/`at`/`from` is a place, never a person, however often a
/// cue seems to say otherwise (`Iraq said`, `told Good Morning Wales`, `Had England`), and a
/// real person of that family name keeps only their own mentions. Contractions and plural
/// acronyms are no names either.
#[test]
fn bill_is_william_never_robert() {
    let docs = [
        NameDoc::new(
            "a",
            "Microsoft chairman Bill Gates said the software was safe.",
        ),
        NameDoc::new(
            "b",
            "Defence Secretary Robert Gates said the troops would stay.",
        ),
        NameDoc::new("c", "Former President Bill Clinton said he was proud."),
        NameDoc::new(
            "d",
            "Former President William Clinton told reporters he agreed.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Bill Gates").len(), 1);
    assert_ne!(
        cluster_with(&r, "Bill Gates"),
        cluster_with(&r, "Robert Gates")
    );
    assert_eq!(
        cluster_with(&r, "Bill Clinton"),
        cluster_with(&r, "William Clinton")
    );
}

#[test]
fn a_form_wrapped_over_two_lines_is_one_form() {
    let docs = [
        NameDoc::new(
            "a",
            "Treasury Secretary James\nBaker said the dollar was stable.",
        ),
        NameDoc::new(
            "b",
            "Treasury Secretary James Baker said the talks went well.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(r.clusters.len(), 1);
    assert_eq!(r.clusters[0].forms, ["James Baker"]);
    let wrapped = &r.clusters[0].mentions[0];
    assert_eq!(wrapped.form, "James\nBaker");
}

/// Found by a CLI audit: one translated sample alone named `Trump` ten times, always without
/// a title, and found no one; `the X administration` is a leader's.
#[test]
fn the_x_administration_is_a_leaders() {
    let docs = [NameDoc::new(
        "a",
        "It is predictable that the Trump administration will keep up the pressure. This is \
         far from comfortable for the Trump administration. Trump was too optimistic again. \
         The Food and Drug Administration approved the drug. The Bush administration had \
         tried the same.",
    )];
    let r = find_names(&docs);
    assert_eq!(all_forms(&r), ["Trump", "Bush"]);
    let trump = r.clusters.iter().find(|c| c.canonical == "Trump").unwrap();
    assert_eq!(trump.mentions.len(), 3);
    // a people's or a country's administration is no one's (found by a review)
    let docs = [NameDoc::new(
        "a",
        "The Syrian administration said so. The Scottish administration agreed. The Welsh \
         administration did not. The Kurdish administration waited. The Iraqi \
         administration left.",
    )];
    assert!(all_forms(&find_names(&docs)).is_empty());
}

/// Found by a names audit on Reuters: sentence adverbs that open wire copy were given names
/// (`Besides Reagan`, `Separately`, a holder of France's prime ministership).
#[test]
fn sentence_adverbs_are_no_given_names() {
    let docs = [
        NameDoc::new(
            "a",
            "Besides Reagan, President Ronald Reagan's aides met. Separately Baker said so.",
        ),
        NameDoc::new(
            "b",
            "Treasury Secretary James Baker said the talks went well.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(
        forms
            .iter()
            .all(|f| !f.starts_with("Besides") && !f.starts_with("Separately")),
        "{forms:?}"
    );
    assert!(forms.contains(&"Baker"), "{forms:?}");
}

/// Found by a names audit on Reuters: a bare word of a company named in full in the same
/// article joined a person elsewhere (`Peerless` of Peerless Manufacturing Co became Richard
/// Perle, `Ryder` of Ryder System Inc David Ruder, `Hughes` of Hughes Tool Co Patrick Hughes).
#[test]
fn a_bare_word_of_a_company_named_in_the_article_is_the_company() {
    let docs = [
        NameDoc::new(
            "a",
            "Ryder System Inc said it sold three planes. Ryder said the sale closed on Monday.",
        ),
        NameDoc::new("b", "SEC chairman David Ruder said the rules would change."),
        NameDoc::new(
            "c",
            "Getty Oil Co agreed to the bid. Gordon Getty said he was pleased, and Getty \
             told reporters the price was fair.",
        ),
    ];
    let r = find_names(&docs);
    let ruder = r
        .clusters
        .iter()
        .find(|c| c.canonical == "David Ruder")
        .unwrap();
    assert!(ruder.mentions.iter().all(|m| m.article == "b"), "{ruder:?}");
    assert!(!all_forms(&r).contains(&"Ryder"));
    // a person of the article named in full with the word keeps it
    let getty = r
        .clusters
        .iter()
        .find(|c| c.canonical == "Gordon Getty")
        .unwrap();
    assert_eq!(getty.mentions.len(), 2, "{getty:?}");
}

/// Found by a names audit: `Lib Dems` (90 mentions) and `Lib Dem` (67) were BBC's eighth and
/// thirteenth people.
#[test]
fn the_lib_dems_are_a_party() {
    let docs = [
        NameDoc::new(
            "a",
            "The Lib Dems say the plan fails. Lib Dem Norman Baker said so.",
        ),
        NameDoc::new(
            "b",
            "Lib Dem leader Charles Kennedy said the Lib Dems would win.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(forms.iter().all(|f| !f.contains("Lib")), "{forms:?}");
    assert!(
        forms.contains(&"Norman Baker") && forms.contains(&"Charles Kennedy"),
        "{forms:?}"
    );
    // nor is a two-word country a person (`Sri Lanka`: BBC 40 mentions, Reuters 60)
    let docs = [NameDoc::new(
        "a",
        "Sri Lanka said the aid had arrived. Sri Lanka told donors it needed more. Finance \
         Minister Sri Mulyani Indrawati said so.",
    )];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"Sri Lanka"), "{forms:?}");
    assert!(forms.contains(&"Sri Mulyani Indrawati"), "{forms:?}");
}

#[test]
fn a_home_nation_alone_is_no_person() {
    // one article, so the corpus never sees `Wales` after a preposition
    let text = "Lord Woolf, who is Lord Chief Justice of England and Wales, spoke. The \
                founder, Jimmy Wales, said so. Mr Wales told reporters he agreed.";
    let r = find_names(&[NameDoc::new("a", text)]);
    let mut spans: Vec<&str> = r
        .clusters
        .iter()
        .flat_map(|c| &c.mentions)
        .map(|m| &text[m.start..m.end])
        .collect();
    spans.sort_unstable();
    // `Wales` once, after `Mr`; neither nation of `England and Wales`
    assert_eq!(spans, ["Jimmy Wales", "Wales", "Woolf"]);
    let mr = text.rfind("Wales").unwrap();
    assert!(
        r.clusters
            .iter()
            .flat_map(|c| &c.mentions)
            .any(|m| m.start == mr)
    );
    assert_eq!(cluster_with(&r, "Jimmy Wales"), ["Jimmy Wales"]);
    assert_eq!(cluster_with(&r, "Wales"), ["Jimmy Wales"]);
}

#[test]
fn places_contractions_and_acronyms_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Troops stayed in Iraq. Violence in Iraq rose. Iraq said it would vote. It was a good day.",
        ),
        NameDoc::new(
            "b",
            "Aid arrived in Iraq on Monday. Iraq told reporters it was calm.",
        ),
        NameDoc::new(
            "c",
            "Iraq denied the report. Mr Blair said the talks went well.",
        ),
        NameDoc::new(
            "d",
            "Had England won, James Ireland said, the season would be over. Ireland is a \
             winger. She told Good Morning Wales that nothing was agreed.",
        ),
        NameDoc::new(
            "e",
            "Fans in Ireland cheered. Rain fell in Ireland. The match in England was close. \
             Snow fell in Wales. Fans in Wales sang. Prices rose in England. Rain fell in \
             Wales. The MPs voted. Trade in Ireland grew. \"I've no idea,\" Blair said.",
        ),
        NameDoc::new(
            "f",
            "Blair told MPs the vote was close. Mourinho said Chelsea would win.",
        ),
        NameDoc::new(
            "g",
            "Fans at Mourinho's old club cheered. Mourinho declined to comment.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    for junk in [
        "Iraq",
        "Had England",
        "England",
        "Good Morning Wales",
        "Wales",
        "MPs",
        "I've",
    ] {
        assert!(!forms.contains(&junk), "{junk} in {forms:?}");
    }
    assert_eq!(cluster_with(&r, "James Ireland"), ["James Ireland"]);
    assert!(cluster_with(&r, "Ireland").is_empty());
    assert_eq!(cluster_with(&r, "Blair"), ["Blair"]);
    assert_eq!(cluster_with(&r, "Mourinho"), ["Mourinho"]);
}

/// A country or nationality of the lexicon written alone is no person without a title next
/// to it, however the corpus writes it: `Syria` after a verb of saying is no person, nor is
/// it merged into a namesake one letter away (BBC: `Syria` into `Guillermo Coria`, `Chile`
/// into `Juan Ignacio Chela`); `Jordan` stays a person where someone is named in full with it,
/// and `Mr Jordan` stays one.
#[test]
fn countries_written_alone_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Guillermo Coria won in three sets. Coria said he was tired.",
        ),
        NameDoc::new(
            "b",
            "Syria said it would respond. Officials denied Syria's role, and Syria told \
             envoys it was calm.",
        ),
        NameDoc::new(
            "c",
            "Michael Jordan scored 40 points. Jordan said the team played well.",
        ),
        NameDoc::new("d", "Mr Jamaica said the budget was fair."),
    ];
    let r = find_names(&docs);
    assert!(cluster_with(&r, "Syria").is_empty(), "{:?}", all_forms(&r));
    assert_eq!(cluster_with(&r, "Coria"), ["Guillermo Coria"]);
    assert_eq!(cluster_with(&r, "Jordan"), ["Michael Jordan"]);
    assert_eq!(cluster_with(&r, "Jamaica"), ["Jamaica"]);
}

/// Given names of the 1990 US census that are no English words (`Wayne`, `Dustin`,
/// `Fernando`) make two capitalised words a person with no other cue; words that are also
/// common words (`Hope`, `Grace`) or places (`Carolina`, `Chelsea`) do not.
#[test]
fn census_given_names_open_a_name() {
    let docs = [
        NameDoc::new(
            "a",
            "In the second half Wayne Rooney scored twice. The film starred Dustin Hoffman \
             and Fernando Morientes was on the bench.",
        ),
        NameDoc::new(
            "b",
            "Shares of Hope Creek Holdings rose. Grace Period Partners fell. Carolina \
             Eastman Ltd was flat. The Chelsea Harbour site was sold.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    for person in ["Wayne Rooney", "Dustin Hoffman", "Fernando Morientes"] {
        assert!(forms.contains(&person), "{person} not in {forms:?}");
    }
    for junk in [
        "Hope Creek",
        "Grace Period",
        "Carolina Eastman",
        "Chelsea Harbour",
    ] {
        assert!(
            !forms.iter().any(|f| f.starts_with(junk)),
            "{junk} in {forms:?}"
        );
    }
}

/// A bare known given name is no misspelling of a family name on frequency alone: BBC's
/// `Barry` joined `Rick Parry`, `Chester` joined `Chris Cusiter`, `Julie` `Angelina Jolie`.
/// A variant that is no given name still joins (`Parri`).
#[test]
fn a_bare_given_name_is_no_misspelt_family_name() {
    let docs = [
        NameDoc::new(
            "a",
            "Liverpool chief executive Rick Parry said the bid was low.",
        ),
        NameDoc::new("b", "Rick Parry told reporters the club would not sell."),
        NameDoc::new("c", "Barry said the deal was done."),
        NameDoc::new("d", "Parri said the deal was off."),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Barry"), ["Barry"]);
    assert_eq!(cluster_with(&r, "Parri"), ["Rick Parry"]);
}

/// A name of two words or more that the corpus writes after a locative preposition in a fair
/// share of its uses is a place, or the firm someone works at, as a one-word name is
/// (Reuters: `Sao Paulo`, `Abu Dhabi`; BBC: `Deutsche Boerse`, `Ask Jeeves`); a person
/// named so once in a while stays one.
#[test]
fn names_of_several_words_used_as_places_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Prices rose in Sao Paulo. Traders in Sao Paulo said Sao Paulo would recover.",
        ),
        NameDoc::new("b", "Banks in Sao Paulo closed early on Monday."),
        NameDoc::new(
            "c",
            "Paul Volcker said rates would hold. Paul Volcker told Congress he was calm. In \
             Paul Volcker's view, inflation was low.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"Sao Paulo"), "{forms:?}");
    assert_eq!(cluster_with(&r, "Paul Volcker"), ["Paul Volcker"]);
}

/// A one-word name written in the possessive in nearly all its uses is a firm named after
/// its founder (Reuters: `rated A-1 by Moody's and AA by Standard and Poor's`; BBC:
/// `McDonald's`), even where someone is named in full with it; a person written so now and
/// then stays one.
#[test]
fn a_name_written_only_in_the_possessive_is_a_firm() {
    let docs = [
        NameDoc::new(
            "a",
            "The notes are rated A-1 by Moody's. Moody's said it may cut the rating. \
             Ben Moody said he had not seen the report.",
        ),
        NameDoc::new(
            "b",
            "The bonds are rated Baa-2 by Moody's. Moody's later affirmed them. Moody's \
             Investors had warned in March.",
        ),
        NameDoc::new(
            "c",
            "Moody's downgraded the bank. Analysts said Moody's would act again.",
        ),
        NameDoc::new(
            "d",
            "Reagan said the talks would go on. Reagan's aides agreed. Reagan told reporters \
             he was calm.",
        ),
    ];
    let r = find_names(&docs);
    assert!(cluster_with(&r, "Moody").is_empty(), "{:?}", all_forms(&r));
    assert_eq!(cluster_with(&r, "Ben Moody"), ["Ben Moody"]);
    assert_eq!(cluster_with(&r, "Reagan"), ["Reagan"]);
}

/// Two capitalised words with only a verb of saying after them, the first a word the corpus
/// writes in lower case and no given name, are a firm or a phrase (`Credit Lyonnais said`,
/// `Dow Jones said`); a first word that may be a given name (`Grant Reuber`) or a particle
/// (`De Niro`) keeps the person.
#[test]
fn two_words_opening_with_a_common_word_are_no_person() {
    let docs = [
        NameDoc::new(
            "a",
            "Credit Lyonnais said profits rose. The credit line was cut. Grant Reuber said the \
             bank was sound. A grant was approved.",
        ),
        NameDoc::new(
            "b",
            "De Niro said the film was done. Credit Lyonnais told investors it would pay.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"Credit Lyonnais"), "{forms:?}");
    assert!(forms.contains(&"Grant Reuber"), "{forms:?}");
    assert!(forms.contains(&"De Niro"), "{forms:?}");
}

/// `Archbishop` and `Reverend` are honorifics: `Archbishop Tutu` is Desmond Tutu, and
/// `Reverend Peter Smith` is Peter Smith.
#[test]
fn church_titles_are_honorifics() {
    let docs = [
        NameDoc::new("a", "Desmond Tutu said the vote was fair."),
        NameDoc::new("b", "Archbishop Tutu told the crowd to stay calm."),
        NameDoc::new("c", "The Reverend Peter Smith led the service."),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Tutu"), ["Desmond Tutu"]);
    assert_eq!(cluster_with(&r, "Peter Smith"), ["Peter Smith"]);
}

/// A name of two words or more that the corpus treats as a thing (`it` after it, or `the`
/// before it, in a fair share of its uses) is none, even with a given name first (`Freddie
/// Mac said it`); a person whose pronoun is `he` stays one.
#[test]
fn names_of_several_words_used_as_things_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Freddie Mac said it would restate earnings. Freddie Mac said it had hired a firm.",
        ),
        NameDoc::new(
            "b",
            "Freddie Mac said its profit fell. Later Freddie Mac said it would pay more.",
        ),
        NameDoc::new(
            "c",
            "Freddie Jones said he was calm. Freddie Jones said his team would win.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"Freddie Mac"), "{forms:?}");
    assert!(forms.contains(&"Freddie Jones"), "{forms:?}");
}

/// Moody's rating grades are no names (`rated Baa-2`, `cut to Ba-1 from Baa-3`).
#[test]
fn rating_grades_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "The debt is rated Baa-2 by Moody's and BBB-plus by S/P.",
        ),
        NameDoc::new(
            "b",
            "Cut were senior debt to Ba-1 from Baa-3 and notes to Caa-1.",
        ),
        NameDoc::new(
            "c",
            "Moody's said Baa-3 debt of the unit was affected. Caa-2 too.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(
        !forms
            .iter()
            .any(|f| f.starts_with("Baa") || f.starts_with("Caa")),
        "{forms:?}"
    );
}

/// A name of two words or more written before a company designator in one use in three or
/// more is a firm's, even with a given name first (`James Capel and Co`, `James Capel said`).
/// A person whose name a firm's shares less often stays one (`Charles Schwab and Co`, 3 uses
/// in 10), and so does a founder the articles call `he` (`Jimmy Choo Ltd`, 3 uses in 5).
#[test]
fn names_of_several_words_often_before_a_designator_are_firms() {
    let docs = [
        NameDoc::new(
            "a",
            "Shares rose, James Capel and Co said. James Capel said rates would rise.",
        ),
        NameDoc::new(
            "b",
            "Bonds fell, James Capel and Co said. Tom Murtha said he agreed with James Capel.",
        ),
        NameDoc::new(
            "c",
            "The pound held, James Capel and Co said. James Capel expects a cut.",
        ),
        NameDoc::new(
            "d",
            "Charles Schwab spoke on Monday. Charles Schwab spoke again. Charles Schwab and Co \
             shares rose. Charles Schwab spoke on Tuesday. Charles Schwab and Co shares fell.",
        ),
        NameDoc::new(
            "e",
            "Charles Schwab spoke in Boston. Charles Schwab spoke in Paris. Charles Schwab and \
             Co shares rose. Charles Schwab spoke in Rome. Charles Schwab spoke in Oslo.",
        ),
        NameDoc::new(
            "f",
            "Jimmy Choo Ltd was sold. Sales at Jimmy Choo Ltd rose. Jimmy Choo Ltd shares \
             rose. Jimmy Choo said he would step back. Jimmy Choo told reporters he was proud.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"James Capel"), "{forms:?}");
    assert!(forms.contains(&"Tom Murtha"), "{forms:?}");
    assert!(forms.contains(&"Charles Schwab"), "{forms:?}");
    assert!(forms.contains(&"Jimmy Choo"), "{forms:?}");
}

/// The leading words of a longer firm name that the input writes before a designator three
/// times or more name the firm too (`Nippon Life` of `Nippon Life Insurance Co`).
#[test]
fn the_head_of_a_firm_name_is_the_firm() {
    let docs = [
        NameDoc::new(
            "a",
            "Nippon Life Insurance Co bought shares. Nippon Life said more.",
        ),
        NameDoc::new(
            "b",
            "Shares of Nippon Life Insurance Co rose. Nippon Life said so.",
        ),
        NameDoc::new(
            "c",
            "Nippon Life Insurance Co said profit rose. Nippon Life agreed.",
        ),
        NameDoc::new("d", "Ken Tanaka said he would join Nippon Life."),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.iter().any(|f| f.starts_with("Nippon")), "{forms:?}");
    assert!(forms.contains(&"Ken Tanaka"), "{forms:?}");
}

/// Namesakes told apart by sex: an article's bare `Reagan` that its pronouns make a man is
/// Ronald Reagan, named in full in three articles beside the people this article names, not
/// Nancy Reagan; one they make a woman is not his. No pronoun: Ronald is not named in ten
/// times as many articles as Nancy, so no choice.
#[test]
fn namesakes_told_apart_by_sex() {
    let docs = [
        NameDoc::new("a", "Ronald Reagan met James Baker on Monday."),
        NameDoc::new("b", "Ronald Reagan and James Baker spoke on Tuesday."),
        NameDoc::new("c", "Ronald Reagan told James Baker the plan would work."),
        NameDoc::new("d", "Nancy Reagan said she was tired."),
        NameDoc::new(
            "e",
            "Reagan said he would veto the bill. Baker agreed with him.",
        ),
        NameDoc::new("f", "Reagan said she would rest. Baker was away."),
        NameDoc::new("g", "Reagan said the bill was dead. Baker was away."),
    ];
    let r = find_names(&docs);
    let reagan_in = |article: &str| canonical_of(&r, article, "Reagan");
    assert_eq!(reagan_in("e"), Some("Ronald Reagan"));
    assert!(reagan_in("f").is_some_and(|c| c != "Ronald Reagan"));
    assert!(reagan_in("g").is_some_and(|c| c != "Ronald Reagan"));
}

/// A bare family name with no sex told goes to the namesake named in full in ten times as
/// many articles as any other, beside someone the article names too.
#[test]
fn a_dominant_namesake_takes_a_bare_family_name() {
    let mut texts: Vec<(String, String)> = (0..10)
        .map(|i| {
            (
                format!("r{i}"),
                format!("Ronald Reagan met James Baker on day {i}."),
            )
        })
        .collect();
    texts.push(("m".into(), "Michael Reagan wrote a book.".into()));
    texts.push((
        "x".into(),
        "Reagan said the bill was dead. Baker was away.".into(),
    ));
    texts.push(("y".into(), "Reagan said the bill was dead.".into()));
    let docs: Vec<NameDoc> = texts.iter().map(|(i, t)| NameDoc::new(i, t)).collect();
    let r = find_names(&docs);
    let reagan_in = |article: &str| canonical_of(&r, article, "Reagan");
    assert_eq!(reagan_in("x"), Some("Ronald Reagan"));
    // no one this article names is named beside Ronald Reagan
    assert!(reagan_in("y").is_some_and(|c| c != "Ronald Reagan"));
}

/// What the namesake step must not take: a bare given name (`Craig walked off`), the first
/// name of `X and Y` with no sex told (`Phillips and Drew`), a name whose role no namesake has
/// (`President Regan`), or a sex read from `her` (`Reagan thanked her`); `Mr.` with a full stop
/// tells a man (Denis Thatcher, where Margaret is named in more articles), and `she` picks
/// the woman of the namesakes.
#[test]
fn the_namesake_step_needs_its_evidence() {
    let mut texts: Vec<(String, String)> = Vec::new();
    for i in 0..30 {
        texts.push((
            format!("r{i}"),
            format!("Ronald Reagan met James Baker on day {i}."),
        ));
    }
    for i in 0..10 {
        texts.push((
            format!("s{i}"),
            format!("Susan Phillips met James Baker on day {i}."),
        ));
        texts.push((
            format!("c{i}"),
            format!("Daniel Craig met James Baker on day {i}."),
        ));
    }
    for i in 0..3 {
        texts.push((
            format!("n{i}"),
            format!("Nancy Reagan met James Baker on day {i}."),
        ));
    }
    for i in 0..10 {
        texts.push((
            format!("t{i}"),
            format!("Margaret Thatcher met James Baker on day {i}."),
        ));
    }
    for i in 0..3 {
        texts.push((
            format!("u{i}"),
            format!("Denis Thatcher met James Baker on day {i}."),
        ));
    }
    texts.push(("l".into(), "Craig Lewis met James Baker.".into()));
    texts.push(("m".into(), "Michael Phillips met James Baker.".into()));
    for (id, t) in [
        ("a", "Craig said he was tired. Baker agreed."),
        (
            "b",
            "Phillips and Drew said the bonds were cheap. Baker agreed.",
        ),
        (
            "b2",
            "Phillips and\nDrew said the bonds were dear. Baker agreed.",
        ),
        (
            "c",
            "President Reagan said the talks went well. Baker agreed.",
        ),
        ("d", "Reagan thanked her for the report. Baker agreed."),
        ("e", "Mr. Reagan said the talks went well. Baker agreed."),
        ("f", "Reagan said she was tired. Baker agreed."),
        ("g", "Mr. Thatcher said the talks went well. Baker agreed."),
    ] {
        texts.push((id.into(), t.into()));
    }
    let docs: Vec<NameDoc> = texts.iter().map(|(i, t)| NameDoc::new(i, t)).collect();
    let r = find_names(&docs);
    let of = |article: &str, form: &str| canonical_of(&r, article, form);
    assert!(of("a", "Craig").is_some_and(|c| c != "Daniel Craig"));
    assert!(of("b", "Phillips").is_some_and(|c| c != "Susan Phillips"));
    assert!(of("b2", "Phillips").is_some_and(|c| c != "Susan Phillips"));
    // no namesake here is ever `President`: the role is someone else's, perhaps
    assert!(of("c", "Reagan").is_some_and(|c| c != "Ronald Reagan"));
    assert!(of("d", "Reagan").is_some_and(|c| c != "Nancy Reagan"));
    assert_eq!(of("e", "Reagan"), Some("Ronald Reagan"));
    assert_eq!(of("f", "Reagan"), Some("Nancy Reagan"));
    assert_eq!(of("g", "Thatcher"), Some("Denis Thatcher"));
}

/// A census given name that is often a surname (`Christie`) does not make the name before it
/// a family name: bare `Tony` of an article is no Tony Christie's.
#[test]
fn a_census_surname_second_keeps_the_name_given_first() {
    let docs = [
        NameDoc::new("a", "Tony said the vote was close."),
        NameDoc::new("b", "Tony told the party to wait."),
        NameDoc::new("c", "Tony said he would stay."),
        NameDoc::new("d", "Tony Christie sang on Friday."),
    ];
    let r = find_names(&docs);
    let tony = r
        .clusters
        .iter()
        .find(|c| c.forms.iter().any(|f| f == "Tony Christie"));
    assert!(
        tony.is_some_and(|c| !c.forms.iter().any(|f| f == "Tony")),
        "{:?}",
        r.clusters.iter().map(|c| &c.forms).collect::<Vec<_>>()
    );
}

/// A name opened by a table name the census knows mostly as a surname keeps its order
/// (`Mr Wilson Kipketer`, however often `Wilson` stands alone elsewhere; with no title it is
/// not found: `wilson` picks out no name), and a place the
/// corpus writes after `in` is no person because a census-only given name opens it
/// (`Milton Keynes`).
#[test]
fn census_surnames_and_census_given_names_first() {
    let mut texts: Vec<(String, String)> = (0..12)
        .map(|i| {
            (
                format!("w{i}"),
                format!("Wilson said the vote on day {i} was close."),
            )
        })
        .collect();
    texts.push((
        "k".into(),
        "Mr Wilson Kipketer won the race. Kipketer said he was happy.".into(),
    ));
    texts.push((
        "m".into(),
        "Jobs went in Milton Keynes. Rents rose in Milton Keynes. Shops in Milton Keynes shut. \
         Milton Keynes said it would grow."
            .into(),
    ));
    let docs: Vec<NameDoc> = texts.iter().map(|(i, t)| NameDoc::new(i, t)).collect();
    let r = find_names(&docs);
    assert_eq!(canonical_of(&r, "k", "Kipketer"), Some("Wilson Kipketer"));
    assert!(
        !all_forms(&r).contains(&"Milton Keynes"),
        "{:?}",
        all_forms(&r)
    );
}

/// A name the corpus writes before a company designator (`Pennzoil Co`, `Morgan Stanley and
/// Co Inc`) in a fair share of its uses is a company's, never a person's; a person whose
/// family name begins a company's name (`Ford Motor Co`) stays a person.
#[test]
fn companies_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Pennzoil Co said profits rose. Pennzoil said it would appeal.",
        ),
        NameDoc::new(
            "b",
            "Pennzoil told reporters the deal was off. Shares of Pennzoil Co fell.",
        ),
        NameDoc::new(
            "c",
            "Pennzoil Co said it would talk. Morgan Stanley and Co Inc agreed.",
        ),
        NameDoc::new(
            "d",
            "Morgan Stanley told reporters it was calm. Morgan Stanley and Co said so.",
        ),
        NameDoc::new(
            "e",
            "Morgan Stanley and Co Inc declined to comment. Gerald Ford said so.",
        ),
        NameDoc::new(
            "f",
            "Ford Motor Co said sales rose. Ford Motor Co and Ford Motor Co said.",
        ),
        NameDoc::new("g", "Ford told reporters that nothing was agreed."),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    for junk in ["Pennzoil", "Morgan Stanley"] {
        assert!(!forms.contains(&junk), "{junk} in {forms:?}");
    }
    assert!(
        forms.contains(&"Ford") && forms.contains(&"Gerald Ford"),
        "{forms:?}"
    );
}

/// Found by a user audit: a past holder written in lower case before the office (`of former
/// Culture Secretary Chris Smith`) holds the former office, which is no conflict with the
/// present holder.
#[test]
fn a_former_holder_is_no_role_conflict() {
    let docs = [
        NameDoc::new(
            "a",
            "Culture Secretary Tessa Jowell said the BBC would change.",
        ),
        NameDoc::new("b", "Culture Secretary Tessa Jowell met the board."),
        NameDoc::new("c", "Culture Secretary Tessa Jowell spoke."),
        NameDoc::new(
            "d",
            "A party marked the anniversary of former Culture Secretary Chris Smith coming out.",
        ),
    ];
    let r = find_names(&docs);
    assert!(r.role_conflicts.is_empty(), "{:?}", r.role_conflicts);
    assert!(all_forms(&r).contains(&"Chris Smith"));
    // `late` before a comma is no part of the office
    let mut docs = docs.to_vec();
    docs[3] = NameDoc::new(
        "d",
        "The report came out late, Culture Secretary Chris Smith said.",
    );
    let r = find_names(&docs);
    assert_eq!(r.role_conflicts.len(), 1, "{:?}", r.role_conflicts);
}

/// A one-word name that the next pronoun calls `it` (`Yukos said it would appeal`) in most
/// of four uses or more, never with a title, honorific or role, is a thing, not a person; so
/// is a word whose plural the corpus writes capitalised (`Briton`, `Britons`). A person called
/// `he` stays one, and so does one whose possession is `it` (`Eastwood's film … it`), and a
/// known given name with a capitalised plural (`Steven`, `Stevens`).
#[test]
fn things_and_kinds_are_no_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Yukos said it would appeal. Later Yukos said its bankers agreed.",
        ),
        NameDoc::new(
            "b",
            "Yukos told reporters it was calm. Yukos said it expects more.",
        ),
        NameDoc::new(
            "c",
            "Briton said the vote was lost. He met the Britons there.",
        ),
        NameDoc::new(
            "d",
            "Labour and Britons met. He saw Britons there. We met Britons.",
        ),
        NameDoc::new(
            "e",
            "Henman said he would play. Henman told reporters he was fit.",
        ),
        NameDoc::new("f", "Henman said his wrist hurt. Henman said he was calm."),
        NameDoc::new(
            "g",
            "Eastwood's film won, and it was praised. Eastwood's film lost it.",
        ),
        NameDoc::new(
            "h",
            "Eastwood's film did it again. Eastwood's movie made it big.",
        ),
        NameDoc::new("i", "Eastwood said he was glad. Steven said nothing."),
        NameDoc::new("j", "Ted Stevens met Stevens and Stevens. Stevens said so."),
        NameDoc::new(
            "k",
            "Steven said it was fine. Steven told reporters he would stay.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    for junk in ["Yukos", "Briton"] {
        assert!(!forms.contains(&junk), "{junk} in {forms:?}");
    }
    for person in ["Henman", "Eastwood", "Steven"] {
        assert!(forms.contains(&person), "{person} missing from {forms:?}");
    }
}

/// Found in review: a name whose plural is another person's family name is no kind
/// (`Connor`, `Jimmy Connors`), and `it` after a verb of thinking is what is thought
/// (`Wenger thinks it is over`).
#[test]
fn people_near_the_things_rule_stay_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Champion Jimmy Connors is coaching. \"We win,\" said Connors.",
        ),
        NameDoc::new("b", "Connors said the team was ready. Connors added more."),
        NameDoc::new(
            "c",
            "The panel rejected Connor. Connor said he would appeal.",
        ),
        NameDoc::new("d", "Connor told reporters he was sad. Connor later left."),
        NameDoc::new("e", "Wenger thinks it is over. Wenger thinks it was fair."),
        NameDoc::new(
            "f",
            "Wenger thinks it will pass. Wenger believes it is right.",
        ),
        NameDoc::new("g", "Wenger said it would take time."),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    for person in ["Connor", "Connors", "Wenger"] {
        assert!(forms.contains(&person), "{person} missing from {forms:?}");
    }
}

/// A one-word name written right after `the` in 1 use in 8 or more is a thing or a kind
/// (`the Lions`), unless a person of the corpus is named in full with it (`the Maekawa
/// report`, `Haruo Maekawa`).
#[test]
fn names_after_the_are_kinds_unless_a_person_holds_them() {
    let docs = [
        NameDoc::new(
            "a",
            "The Lions said the tour was over. Lions said so again.",
        ),
        NameDoc::new(
            "b",
            "Fans of the Lions cheered. Lions told reporters nothing.",
        ),
        NameDoc::new("c", "He backed the Lions squad. Lions said it was fine."),
        NameDoc::new("c2", "Then the Lions lost. He met the Lions coach."),
        NameDoc::new(
            "d",
            "Haruo Maekawa said the plan would work. Maekawa said so.",
        ),
        NameDoc::new(
            "e",
            "The Maekawa report was published. Maekawa told reporters.",
        ),
        NameDoc::new(
            "f",
            "Critics of the Maekawa plan spoke. Maekawa said he agreed.",
        ),
        NameDoc::new(
            "g",
            "Under the Maekawa proposals, Maekawa said, imports rise.",
        ),
    ];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(!forms.contains(&"Lions"), "{forms:?}");
    assert!(forms.contains(&"Maekawa"), "{forms:?}");
}

/// Found in review: people whose names are also places or companies stay people. A title
/// outweighs the corpus's place reading (`Ms Essex`), a first name that is no common word
/// keeps a name ending in a place (`Jason Scotland`), a person's family name written once
/// before `Inc` stays a person's, and a one-word company name (`Wilson and Co`) stays the
/// family name of a person the corpus names in full (`Michael Wilson`); `from` and
/// possessives are no locative uses (`a letter from Brown`, `in Brown's cabinet`).
#[test]
fn people_named_like_places_and_companies_stay_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Floods hit homes in Essex. Rain fell in Essex. Roads closed in Essex. Ms Essex \
             said the council would help.",
        ),
        NameDoc::new(
            "b",
            "Fans in Scotland cheered. Rain fell in Scotland. Snow fell in Scotland. Jason \
             Scotland said he would score.",
        ),
        NameDoc::new(
            "c",
            "Analysts at Michael Wilson Inc said profits rose. Michael Wilson said the budget \
             would pass. Analysts at Wilson and Co agreed. Wilson and Co said so. Wilson and \
             Co declined to comment.",
        ),
        NameDoc::new("d", "Wilson told reporters that the deficit would fall."),
        NameDoc::new(
            "e",
            "Gordon Brown said the budget would pass. A letter from Brown arrived. Support \
             from Brown grew. Praise from Brown came. Critics in Brown's cabinet were quiet.",
        ),
        NameDoc::new("f", "Brown told reporters that nothing was agreed."),
    ];
    let r = find_names(&docs);
    assert!(!cluster_with(&r, "Essex").is_empty());
    assert_eq!(cluster_with(&r, "Jason Scotland"), ["Jason Scotland"]);
    assert!(cluster_with(&r, "Scotland").is_empty());
    assert_eq!(cluster_with(&r, "Michael Wilson"), ["Michael Wilson"]);
    assert!(!cluster_with(&r, "Wilson").is_empty());
    assert_eq!(cluster_with(&r, "Brown"), ["Gordon Brown"]);
}

/// A capitalised descriptor before a full name (`Coach Andy Robinson`, `Actor Robert Blake`)
/// is no part of it, so it makes no second person that would leave a bare `Robinson` between
/// two namesakes; a first word that is no lower-case word of the corpus stays (`Ole Gunnar
/// Solskjaer`).
#[test]
fn a_descriptor_before_a_full_name_is_no_part_of_it() {
    let docs = [
        NameDoc::new(
            "a",
            "Andy Robinson said the side was ready. The coach was calm.",
        ),
        NameDoc::new("b", "Coach Andy Robinson said the pack must improve."),
        NameDoc::new("c", "Andy Robinson told reporters that the team was fit."),
        NameDoc::new("d", "Robinson said the result was fair."),
        NameDoc::new(
            "e",
            "Ole Gunnar Solskjaer said he would return. The ole was sung.",
        ),
        NameDoc::new(
            "f",
            "Prices rose in Argentina. Rain fell in Argentina. Banks shut in Argentina. \
             Argentine David Nalbandian said he was ready.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Andy Robinson"), ["Andy Robinson"]);
    assert_eq!(cluster_with(&r, "Robinson"), ["Andy Robinson"]);
    assert!(cluster_with(&r, "Coach Andy Robinson").is_empty());
    let b = r
        .clusters
        .iter()
        .flat_map(|c| &c.mentions)
        .find(|m| m.article == "b")
        .unwrap();
    assert_eq!((b.start, b.form.as_str()), (6, "Andy Robinson"));
    assert!(!cluster_with(&r, "Ole Gunnar Solskjaer").is_empty());
    // a word for the people of a place of the corpus (`Argentine` of `Argentina`)
    assert_eq!(cluster_with(&r, "David Nalbandian"), ["David Nalbandian"]);
}

#[test]
fn a_later_spelling_of_a_bare_name_is_one_person() {
    let docs = [
        NameDoc::new("a", "Zoe Meri said the talks went well."),
        NameDoc::new("b", "Hanna Maly said the vote was close."),
        NameDoc::new(
            "c",
            "Meri, chair of Halden Motors, arrived in Geneva. Mary said the review would go on.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Mary"), ["Zoe Meri"]);
}

#[test]
fn an_organisation_by_its_appositive_is_not_a_person() {
    let docs = [NameDoc::new(
        "a",
        "Magnets are bought by Lockheed Martin, a major American aerospace and military \
         contractor. Lockheed Martin said supply was tight. Martin Walsh said he was pleased.",
    )];
    let r = find_names(&docs);
    let names: Vec<&str> = r.clusters.iter().map(|c| c.canonical.as_str()).collect();
    assert_eq!(names, ["Martin Walsh"]);
}

/// Found by the cannot-link proptest: a shared given name and a shared role once widened the
/// budget for two-letter family names, merging two different people.
#[test]
fn short_family_names_never_match_fuzzily() {
    let a = "Treasury Secretary Paul Xi said the talks went well.";
    let b = "Paul Li, the Treasury Secretary, arrived in Geneva on Monday.";
    let docs = [NameDoc::new("a", a), NameDoc::new("b", b)];
    let report = find_names(&docs);
    for c in &report.clusters {
        let has = |f: &str| c.forms.iter().any(|x| x.contains(f));
        assert!(!(has("Xi") && has("Li")), "{:?}", c.forms);
    }
}

/// One cheap edit between two short family names (`Moon`/`Mun`, `Tao`/`Dao`: romanizations
/// of one name) is one person when the given name and an office held by one person at a time
/// agree; the same two names as spokespeople (an office of several) stay two people.
#[test]
fn short_family_names_match_in_one_seat_offices_only() {
    let merged = |a: &str, b: &str, x: &str, y: &str| {
        let docs = [NameDoc::new("a", a), NameDoc::new("b", b)];
        find_names(&docs).clusters.iter().any(|c| {
            let has = |f: &str| c.forms.iter().any(|s| s.split(' ').any(|w| w == f));
            has(x) && has(y)
        })
    };
    assert!(merged(
        "Environment Minister Anna Moon said the talks went well.",
        "Anna Mun, the Environment Minister, arrived in Geneva on Monday.",
        "Moon",
        "Mun"
    ));
    assert!(merged(
        "Tao Xueying, CEO of Calder Shipping, arrived in Oslo on Sunday.",
        "In an interview, Calder Shipping CEO Dao Xueying said no deal was near.",
        "Tao",
        "Dao"
    ));
    assert!(!merged(
        "Anna Moon, the spokesperson for the Port Authority, said the talks went well.",
        "Anna Mun, the spokesperson for the Port Authority, arrived in Geneva on Monday.",
        "Moon",
        "Mun"
    ));
}

/// `CEO of Calder Shipping Dao Xueying`: with no known given name, the company ends at its
/// last organisation word and the person is what follows (`Chair of Orion Mining Andrew
/// Bailey` too).
#[test]
fn an_organisation_ends_at_its_last_organisation_word() {
    let docs = [NameDoc::new(
        "a",
        "In an interview on Sunday, CEO of Calder Shipping Dao Xueying said: \"We expect an \
         answer.\" Chair of Orion Mining Andrew Bailey agreed.",
    )];
    let r = find_names(&docs);
    let forms = all_forms(&r);
    assert!(forms.contains(&"Dao Xueying"), "{forms:?}");
    assert!(forms.contains(&"Andrew Bailey"), "{forms:?}");
    let roles: Vec<&str> = r
        .clusters
        .iter()
        .flat_map(|c| c.roles.iter().map(|h| h.role.as_str()))
        .collect();
    assert!(roles.contains(&"calder shipping ceo"), "{roles:?}");
}

/// Two holders of one office with one given name are not a role conflict when their family
/// names may be romanizations of one name (`Hugo Bo`/`Hugo Bosse`, too short to merge), but
/// two given names (`Janet Yellen`/`Scott Bessent`) still are.
#[test]
fn one_given_name_in_one_office_is_no_conflict() {
    let docs = [
        NameDoc::new("a", "Energy Minister Hugo Bo said the talks went well."),
        NameDoc::new("b", "Energy Minister Hugo Bo arrived in Oslo on Monday."),
        NameDoc::new("c", "Hugo Bosse, the Energy Minister, declined to comment."),
        NameDoc::new(
            "d",
            "Treasury Secretary Scott Bessent said the deal was close.",
        ),
        NameDoc::new(
            "e",
            "Treasury Secretary Janet Yellen said markets were calm.",
        ),
    ];
    let r = find_names(&docs);
    let roles: Vec<&str> = r.role_conflicts.iter().map(|c| c.role.as_str()).collect();
    assert_eq!(roles, ["treasury secretary"]);
}

/// Post-nominal letters are not part of a name (`Ken Macdonald QC` is `Ken Macdonald`), but
/// `Jr` and `Sr` are: they tell a son from his father. An office before a comma and a name
/// (`Director of Public Prosecutions, Ken Macdonald`) leaves no word of it as a person.
#[test]
fn post_nominal_letters_are_not_part_of_a_name() {
    let docs = [
        NameDoc::new(
            "a",
            "The director of public prosecutions, Ken Macdonald QC, said the rules were clear.",
        ),
        NameDoc::new("b", "Ken Macdonald said he agreed with the ruling."),
        NameDoc::new(
            "p",
            "Director of Public Prosecutions, Ken Macdonald, said the law was clear.",
        ),
        NameDoc::new(
            "c",
            "Douglas Fairbanks Jr met Douglas Fairbanks Sr in Hollywood.",
        ),
    ];
    let r = find_names(&docs);
    let ken: Vec<&NameCluster> = r
        .clusters
        .iter()
        .filter(|c| c.canonical.starts_with("Ken"))
        .collect();
    assert_eq!(ken.len(), 1, "{ken:?}");
    assert_eq!(ken[0].forms, ["Ken Macdonald"]);
    assert_eq!(ken[0].mentions.len(), 3);
    // the office before the comma leaves no word of it as a person
    assert!(r.clusters.iter().all(|c| c.canonical != "Prosecutions"));
    let fairbanks = r
        .clusters
        .iter()
        .filter(|c| c.canonical.starts_with("Douglas"))
        .count();
    assert_eq!(fairbanks, 2);
}

/// A given name that several people of the corpus share is no evidence that two of its
/// family names are one person's spellings: `Diana Rigg` and `Diana Ross` stay two people
/// (with only the two of them, `Diana` would be one person's and they would merge), and a
/// spelling within the plain budget still joins (`Diana Kral`, `Diana Krall`).
#[test]
fn a_given_name_of_several_people_is_no_evidence() {
    let docs = [
        NameDoc::new("a", "Diana Rigg said the play would tour."),
        NameDoc::new("b", "Diana Ross said the show would go on."),
        NameDoc::new("c", "Diana Krall told reporters that the album was done."),
        NameDoc::new("d", "Diana Kral told reporters that the tour was sold out."),
    ];
    let r = find_names(&docs);
    let forms_with = |form: &str| -> Vec<String> {
        r.clusters
            .iter()
            .find(|c| c.forms.iter().any(|f| f == form))
            .map(|c| c.forms.clone())
            .unwrap_or_default()
    };
    assert_eq!(forms_with("Diana Rigg"), ["Diana Rigg"]);
    assert_eq!(forms_with("Diana Krall"), ["Diana Kral", "Diana Krall"]);
    let two = [
        NameDoc::new("a", "Diana Rigg said the play would tour."),
        NameDoc::new("b", "Diana Ross said the show would go on."),
    ];
    let r = find_names(&two);
    assert_eq!(
        r.clusters.len(),
        1,
        "one person's given name: the wide budget"
    );
}

/// The corpus's lone tokens decide a two-word name's order, but never turn a known given name
/// into a family name: many a lone `Kerry` (John Kerry) leave `Kerry McFadden` given-first,
/// so a lone `McFadden` is her.
#[test]
fn a_known_given_name_stays_first() {
    let docs = [
        NameDoc::new(
            "a",
            "Senator John Kerry spoke. Kerry said the vote was close.",
        ),
        NameDoc::new("b", "Kerry told reporters that he would run again."),
        NameDoc::new("c", "Kerry said on Monday that the plan had failed."),
        NameDoc::new(
            "d",
            "The show was won by Kerry McFadden, who said she was thrilled.",
        ),
        NameDoc::new("e", "McFadden said she would tour in the spring."),
    ];
    let r = find_names(&docs);
    let k = r
        .clusters
        .iter()
        .find(|c| c.forms.iter().any(|f| f == "Kerry McFadden"));
    let k = k.map(|c| c.forms.clone()).unwrap_or_default();
    assert_eq!(
        k,
        ["Kerry McFadden", "McFadden"],
        "her family name is McFadden"
    );
}

/// A party before a name is no part of it (`Tory Dominic Grieve`), stays in the office when
/// one follows (`Labour MP Diane Abbott` holds `labour mp`), is never a person alone (`the
/// Conservative campaign`), and a party word that is a given name stays one (`Tory Bruno`).
/// Sport and broadcasting bodies and number words are never people (`Premier League`,
/// channel `Five`).
#[test]
fn parties_bodies_and_number_words_are_not_people() {
    let docs = [
        NameDoc::new(
            "a",
            "Labour MP Diane Abbott said the bill would fail. Tory Dominic Grieve said it \
             would pass. The Conservative campaign began on Monday.",
        ),
        NameDoc::new("b", "On Monday, Tory Bruno said the launch was on time."),
        NameDoc::new(
            "c",
            "The Premier League said on Monday that the rights were sold. Five said the \
             show would return, and Premier League officials agreed.",
        ),
    ];
    let r = find_names(&docs);
    let names: Vec<&str> = r.clusters.iter().map(|c| c.canonical.as_str()).collect();
    for want in ["Diane Abbott", "Dominic Grieve", "Tory Bruno"] {
        assert!(names.contains(&want), "{want}: {names:?}");
    }
    for junk in ["Conservative", "League", "Five", "Tory Dominic Grieve"] {
        assert!(!names.contains(&junk), "{junk}: {names:?}");
    }
    let abbott = r.clusters.iter().find(|c| c.canonical == "Diane Abbott");
    let roles: Vec<&str> = abbott
        .map(|c| c.roles.iter().map(|h| h.role.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(roles, ["labour mp"]);
}

/// Two holders of one office with one given name and family names far apart are two people
/// and a role conflict (`David Owen`/`David Miliband`), short names or not.
#[test]
fn one_given_name_and_far_family_names_are_a_conflict() {
    let docs = [
        NameDoc::new("a", "Foreign Secretary David Owen said the deal was close."),
        NameDoc::new(
            "b",
            "Foreign Secretary David Miliband said the deal was close.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(r.role_conflicts.len(), 1, "{:?}", r.role_conflicts);
}

/// The members of a body are many at once: two `Labour MP`s are no role conflict. One family
/// name with given names one spelling apart is one person, not a conflict (`Mohammad` and
/// `Mohammed Khatami`, both president).
#[test]
fn members_and_given_name_spellings_are_no_conflict() {
    let docs = [
        NameDoc::new("a", "Labour MP Diane Abbott said the bill would fail."),
        NameDoc::new("b", "Labour MP Karen Buck said the bill would pass."),
        NameDoc::new(
            "c",
            "Iranian President Mohammad Khatami said talks would go on.",
        ),
        NameDoc::new(
            "d",
            "Iranian President Mohammed Khatami said talks would end.",
        ),
    ];
    let r = find_names(&docs);
    assert!(r.role_conflicts.is_empty(), "{:?}", r.role_conflicts);
}

/// A word in capitals is an acronym, never a person (`IBM`, `ONS`, `MCI`, `HD-DVD`), but a
/// regnal numeral after a name belongs to it (`Edward III`).
#[test]
fn acronyms_are_not_people() {
    let docs = [NameDoc::new(
        "a",
        "IBM said sales rose. Figures from the ONS showed growth, MCI said. HD-DVD told \
         reporters nothing. Edward III said the war would go on, and Jane Smith agreed.",
    )];
    let r = find_names(&docs);
    let names: Vec<&str> = r.clusters.iter().map(|c| c.canonical.as_str()).collect();
    assert_eq!(names, ["Edward III", "Jane Smith"]);
}

#[test]
fn japanese_and_slavic_romanizations_are_one_name() {
    // a bare family name in another romanization joins the named person: Kunrei-shiki and
    // Hepburn Japanese, German and English spellings of a Russian name (each beyond the
    // plain edit budget letter by letter)
    let docs = [
        NameDoc::new("a", "Frank Tuzimoto said the talks went well."),
        NameDoc::new(
            "b",
            "Frank Tuzimoto told reporters that tariffs would fall.",
        ),
        NameDoc::new("c", "Tsudimoto said the vote was close."),
        NameDoc::new("d", "Hans Aliew said prices rose."),
        NameDoc::new("e", "Hans Aliew declined to comment."),
        NameDoc::new("f", "Alijev said the review would go on."),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Tsudimoto"), ["Frank Tuzimoto"]);
    // the merge says why: one name in two romanizations
    let frank = r
        .clusters
        .iter()
        .find(|c| c.canonical == "Frank Tuzimoto")
        .unwrap();
    assert!(frank.evidence.iter().any(|e| {
        e.form == "tsudimoto"
            && e.reasons
                .iter()
                .any(|x| x.contains("two romanizations (`tsujimoto`)"))
    }));
    assert_eq!(cluster_with(&r, "Alijev"), ["Hans Aliew"]);
    // an English `w` is no Slavic `v`: `Hayward` is not `Harvard`
    let docs = [
        NameDoc::new("a", "Rick Hayward said the talks went well."),
        NameDoc::new("b", "Rick Hayward told reporters that tariffs would fall."),
        NameDoc::new("c", "Harvard said the vote was close."),
    ];
    let r = find_names(&docs);
    assert_eq!(cluster_with(&r, "Harvard"), ["Harvard"]);
}

#[test]
fn short_family_names_with_one_chinese_given_name() {
    // a two-syllable Chinese given name is distinctive: a consonant edit of a short family
    // name (aspiration, voicing) is one person's romanizations; a vowel edit is another name
    let docs = [
        NameDoc::new("a", "Pho Tianyi said the talks went well."),
        NameDoc::new("b", "Po Tianyi told reporters that tariffs would fall."),
        NameDoc::new("c", "Ton Zhiwei said the vote was close."),
        NameDoc::new("d", "Don Zhiwei declined to comment."),
        NameDoc::new("e", "Li Jianguo said prices rose."),
        NameDoc::new("f", "Lu Jianguo said the review would go on."),
        NameDoc::new("g", "Paul Xi said prices rose."),
        NameDoc::new("h", "Paul Si said the review would go on."),
    ];
    let r = find_names(&docs);
    assert_eq!(
        cluster_with(&r, "Po Tianyi"),
        cluster_with(&r, "Pho Tianyi")
    );
    assert_eq!(
        cluster_with(&r, "Ton Zhiwei"),
        cluster_with(&r, "Don Zhiwei")
    );
    assert_ne!(
        cluster_with(&r, "Li Jianguo"),
        cluster_with(&r, "Lu Jianguo")
    );
    assert_ne!(cluster_with(&r, "Paul Xi"), cluster_with(&r, "Paul Si"));
}

#[test]
fn one_chinese_surname_in_two_romanizations() {
    // pinyin and Vietnamese (`Chen`/`Tran`), pinyin and Cantonese (`Zhang`/`Cheung`): one
    // person with one given name; a different given name stays another person
    let docs = [
        NameDoc::new("a", "Chen Zhiwei said the talks went well."),
        NameDoc::new("b", "Tran Zhiwei told reporters that tariffs would fall."),
        NameDoc::new("c", "Zhang Meilin said the vote was close."),
        NameDoc::new("d", "Cheung Meilin declined to comment."),
        NameDoc::new("e", "Tran Jianguo said prices rose."),
    ];
    let r = find_names(&docs);
    assert_eq!(
        cluster_with(&r, "Tran Zhiwei"),
        cluster_with(&r, "Chen Zhiwei")
    );
    assert_eq!(
        cluster_with(&r, "Cheung Meilin"),
        cluster_with(&r, "Zhang Meilin")
    );
    assert_ne!(
        cluster_with(&r, "Tran Jianguo"),
        cluster_with(&r, "Chen Zhiwei")
    );
    let c = r
        .clusters
        .iter()
        .find(|c| c.forms.iter().any(|f| f == "Tran Zhiwei"))
        .unwrap();
    assert!(
        c.evidence
            .iter()
            .any(|e| e.reasons.iter().any(|x| x.contains("Chinese surname")))
    );
}

#[test]
fn romanizations_never_merge_western_or_short_names() {
    // found by a review: each pair was merged by a first version of the romanized spellings
    let docs = [
        NameDoc::new("a1", "Sean Chen said the talks went well."),
        NameDoc::new("a2", "Sean Tran told reporters that tariffs would fall."),
        NameDoc::new("b1", "Terry Gou said the talks went well."),
        NameDoc::new("b2", "Terry Go told reporters that tariffs would fall."),
        NameDoc::new("c1", "John Moore said the talks went well."),
        NameDoc::new("c2", "John Moore said prices rose."),
        NameDoc::new("c3", "Mori said the review would go on."),
        NameDoc::new("d1", "Anna Fischer said the talks went well."),
        NameDoc::new("d2", "Anna Fischer said prices rose."),
        NameDoc::new("d3", "Fisher said the review would go on."),
        NameDoc::new("e1", "Maria Rojas said the talks went well."),
        NameDoc::new("e2", "Maria Rojas said prices rose."),
        NameDoc::new("e3", "Reyes said the review would go on."),
    ];
    let r = find_names(&docs);
    assert_ne!(cluster_with(&r, "Sean Chen"), cluster_with(&r, "Sean Tran"));
    assert_ne!(cluster_with(&r, "Terry Gou"), cluster_with(&r, "Terry Go"));
    assert_eq!(cluster_with(&r, "Mori"), ["Mori"]);
    assert_eq!(cluster_with(&r, "Fisher"), ["Fisher"]);
    assert_eq!(cluster_with(&r, "Reyes"), ["Reyes"]);
}

#[test]
fn a_namesakes_spelling_of_its_own_decides_a_bare_mention() {
    // Isaac is written `Grigoriev` and `Grigoriew`, Carl only `Grigoriev`: a bare `Grigoriew`
    // is Isaac's; a bare `Grigoriev` may be either and stays apart
    let docs = [
        NameDoc::new("a", "Isaac Grigoriev said the talks went well."),
        NameDoc::new(
            "b",
            "Isaac Grigoriew told reporters that tariffs would fall.",
        ),
        NameDoc::new("c", "Carl Grigoriev said the vote was close."),
        NameDoc::new("d", "Grigoriew said prices rose."),
        NameDoc::new("e", "Grigoriev said the review would go on."),
        NameDoc::new("f", "Grigoriev told reporters that nothing was agreed."),
    ];
    let r = find_names(&docs);
    let of = |article: &str| person_in(&r, article);
    assert_eq!(of("d"), of("a"));
    assert_ne!(of("e"), of("a"));
    assert_ne!(of("e"), of("c"));
}

#[test]
fn a_spelling_learned_from_a_bare_mention_decides_nothing() {
    // found by a review: `Grigoriew` joined Isaac by his role in one article; a bare
    // `Grigoriew` elsewhere (a conductor's article) must not follow, whatever the order
    let texts = [
        (
            "a1",
            "Finance Minister Isaac Grigoriev said taxes would rise. Grigoriev spoke.",
        ),
        (
            "a2",
            "The conductor Carl Grigoriev led the orchestra. Grigoriev was praised.",
        ),
        (
            "a5",
            "Isaac Grigoriev met bankers on Tuesday. Grigoriev said rates would fall.",
        ),
        (
            "a6",
            "Carl Grigoriev will tour Europe next year. Grigoriev was delighted.",
        ),
        (
            "a3",
            "Finance Minister Grigoriew announced a new budget on Wednesday.",
        ),
        (
            "a4",
            "Critics said that Mr. Grigoriew performed a symphony. Grigoriew bowed.",
        ),
    ];
    for id in ["a4", "a0"] {
        let docs: Vec<NameDoc<'_>> = texts
            .iter()
            .map(|&(a, t)| NameDoc::new(if a == "a4" { id } else { a }, t))
            .collect();
        let r = find_names(&docs);
        assert_eq!(person_in(&r, "a3"), Some("Isaac Grigoriev"));
        assert_ne!(person_in(&r, id), Some("Isaac Grigoriev"), "{id}");
    }
}

/// Found by a user audit of the BBC role conflicts: offices many hold at once (a firm's
/// analysts, a court's judges, a judge's style `Mr Justice`) are no role conflict, a police
/// rank is an office (`Detective Chief Superintendent Mick Deats`: no person called
/// `Superintendent`), and a theatre is no person (`the Prince Edward Theatre`).
#[test]
fn offices_of_many_and_places_are_no_conflicts() {
    let docs = [
        NameDoc::new("a", "Jupiter analyst Ian Fogg said sales were strong."),
        NameDoc::new("b", "Jupiter analyst Nate Elliott said sales were weak."),
        NameDoc::new(
            "c",
            "Mr Justice Eady ruled on Monday. Federal judge Ann Williams agreed.",
        ),
        NameDoc::new(
            "d",
            "Mr Justice Forbes ruled on Friday. Federal judge Cecil Miller did not.",
        ),
        NameDoc::new(
            "e",
            "Acting Detective Chief Superintendent Mick Deats said the search went on.",
        ),
        NameDoc::new(
            "f",
            "The musical is staged at the Prince Edward Theatre in London.",
        ),
    ];
    let r = find_names(&docs);
    assert!(r.role_conflicts.is_empty(), "{:?}", r.role_conflicts);
    let forms = all_forms(&r);
    assert!(forms.contains(&"Mick Deats"), "{forms:?}");
    for junk in ["Superintendent", "Edward Theatre"] {
        assert!(!forms.contains(&junk), "{forms:?}");
    }
    // one office of one seat still is: two holders of a ministry
    let docs = [
        NameDoc::new("a", "Trade Minister Mark Vaile said talks went well."),
        NameDoc::new("b", "Trade Minister Mohammed Mustafa said talks failed."),
    ];
    assert_eq!(find_names(&docs).role_conflicts.len(), 1);
}

/// Found by a names audit: an office without its country took the only country the corpus
/// gave it elsewhere, so Brazil's finance minister was India's (`india:finance minister`:
/// Chidambaram, Palocci, Davies, Essex on BBC).
#[test]
fn an_office_without_its_country_is_the_articles_country() {
    let docs = [
        NameDoc::new(
            "a",
            "Palaniappan Chidambaram, India's finance minister, argued for reform in India.",
        ),
        NameDoc::new(
            "b",
            "Finance Minister Antonio Palocci said Brazil's economy grew. Brazil's exports rose.",
        ),
        // a country the corpus gives the office with: still a conflict
        NameDoc::new("c", "Finance Minister Raj Kumar said India's economy grew."),
    ];
    let r = find_names(&docs);
    let keys: Vec<(&str, Vec<&str>)> = r
        .role_conflicts
        .iter()
        .map(|c| {
            let holders = c.holders.iter().map(|h| h.canonical.as_str()).collect();
            (c.key.as_str(), holders)
        })
        .collect();
    assert_eq!(
        keys,
        [(
            "india:finance minister",
            vec!["Palaniappan Chidambaram", "Raj Kumar"]
        )]
    );
    // an office given with two countries: one without its country is no one seat
    let docs = [
        NameDoc::new("a", "Indian Finance Minister Raj Kumar spoke in Delhi."),
        NameDoc::new(
            "b",
            "Japanese Finance Minister Kiichi Miyazawa spoke in Tokyo.",
        ),
        NameDoc::new(
            "c",
            "Finance Minister Dilson Funaro said Japan and India agreed.",
        ),
    ];
    assert!(find_names(&docs).role_conflicts.is_empty());
    // a story that says the country once: the others are of it (`Treasury Secretary Becent`)
    let docs = [
        NameDoc::new(
            "a",
            "US Treasury Secretary Scott Bessent arrived in London.",
        ),
        NameDoc::new("b", "Treasury Secretary Yellen left for Washington."),
    ];
    let r = find_names(&docs);
    assert_eq!(r.role_conflicts.len(), 1, "{:?}", r.role_conflicts);
    assert_eq!(r.role_conflicts[0].key, "us:treasury secretary");
}

/// Found by a library audit: a zero-width space inside a name does not split it (`Scott
/// Bes` was a person of its own), as a bidi control inside one never did.
#[test]
fn zero_width_characters_do_not_split_a_name() {
    let docs = [
        NameDoc::new(
            "a",
            "Treasury Secretary Scott Bes\u{200B}sent met them in London.",
        ),
        NameDoc::new(
            "b",
            "Treasury Secretary Scott Bessent said talks were productive.",
        ),
        NameDoc::new(
            "c",
            "Treasury Secretary Scott Bes\u{2060}sent spoke to reporters.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(r.clusters.len(), 1, "{:?}", all_forms(&r));
    assert_eq!(r.clusters[0].mentions.len(), 3);
}

/// Found by a user audit of the BBC role conflicts: a name only written after a royal title
/// is a given name, never another person's family name spelt otherwise (`Crown Prince
/// Frederik` was taken for athlete Frankie Fredericks), and two crown princes without a
/// country are no role conflict.
#[test]
fn royals_are_known_by_their_given_names() {
    let docs = [
        NameDoc::new(
            "a",
            "Namibian athlete Frankie Fredericks attended the meeting.",
        ),
        NameDoc::new(
            "b",
            "Former sprinter Frankie Fredericks asked why anyone would run.",
        ),
        NameDoc::new("c", "Fredericks said the season would be long."),
        NameDoc::new(
            "d",
            "Crown Prince Frederik and Crown Princess Mary visited New York.",
        ),
        NameDoc::new(
            "e",
            "Last year, Crown Prince Abdullah told the ministries to hire women.",
        ),
    ];
    let r = find_names(&docs);
    let of = |form: &str| {
        r.clusters
            .iter()
            .position(|c| c.forms.iter().any(|f| f == form))
    };
    assert!(of("Frederik").is_some() && of("Frederik") != of("Frankie Fredericks"));
    assert!(r.role_conflicts.is_empty(), "{:?}", r.role_conflicts);
}

/// Found on Reuters: `the Reagan administration`, in an article naming no one else Ronald
/// Reagan is named beside, stayed a `Reagan` of its own (114 mentions beside Ronald Reagan's
/// 949), though Ronald is named in full in ten times as many articles as any other Reagan. An
/// administration is its leader's: the dominant namesake's, whoever else the article names. A
/// bare `Reagan` without one still needs a co-mentioned person (BBC's business `Mr Ferguson`
/// is no Alex Ferguson).
#[test]
fn an_administration_is_the_dominant_namesakes() {
    let mut docs: Vec<NameDoc<'_>> = Vec::new();
    let ids: Vec<String> = (0..12).map(|i| format!("r{i:02}")).collect();
    for id in &ids {
        docs.push(NameDoc::new(
            id,
            "President Ronald Reagan met James Baker at the White House.",
        ));
    }
    docs.push(NameDoc::new(
        "m",
        "Michael Reagan wrote a book about sailing.",
    ));
    docs.push(NameDoc::new(
        "x",
        "The Reagan administration proposed a cut in farm subsidies.",
    ));
    docs.push(NameDoc::new(
        "y",
        "Reagan proposed a cut in farm subsidies.",
    ));
    let r = find_names(&docs);
    assert_eq!(
        canonical_of(&r, "x", "Reagan"),
        Some("Ronald Reagan"),
        "{:?}",
        all_forms(&r)
    );
    assert_ne!(canonical_of(&r, "y", "Reagan"), Some("Ronald Reagan"));
    assert_eq!(
        canonical_of(&r, "m", "Michael Reagan"),
        Some("Michael Reagan")
    );
}

/// Found on a held-out story: between two spellings written as often, the one an outlet
/// gives with the person's office names the cluster (`Donald Tramp`, a translation's, won
/// on the alphabet).
#[test]
fn the_spelling_given_with_an_office_names_a_tie() {
    let docs = [
        NameDoc::new(
            "a",
            "Donald Trump, the US president, said tariffs on cars would rise.",
        ),
        NameDoc::new("b", "Donald Tramp said that tariffs on cars would rise."),
    ];
    let r = find_names(&docs);
    assert_eq!(
        canonical_of(&r, "b", "Donald Tramp"),
        Some("Donald Trump"),
        "{:?}",
        all_forms(&r)
    );
}

/// A translation spells a given name another way (`Peter` / `Petar Dimitrov`, `Kaloian` /
/// `Kaloyan Tsvetkov`, found on a held-out translated story): one person. A given name of
/// the other sex (`Mario` / `Maria Rossi`) or another family name stays two people.
#[test]
fn a_given_name_spelled_another_way_is_one_person() {
    let docs = [
        NameDoc::new(
            "a",
            "Environment Minister Petar Dimitrov said the ruling stood. Kaloyan Tsvetkov, a \
             lawyer for the residents, welcomed it. Maria Rossi, a lawyer, agreed.",
        ),
        NameDoc::new(
            "b",
            "The minister of the environment Peter Dimitrov said the decision stands. Kaloian \
             Cvetkov, lawyer of the inhabitants, welcomed it. Mario Rossi, a lawyer, agreed.",
        ),
        NameDoc::new(
            "c",
            "Minister Petar Dimitrov spoke in Sofia. Peter Dimov, a lawyer, spoke too.",
        ),
        NameDoc::new(
            "d",
            "Mervyn Davies said the bank would grow. Chairman Mervyn Davies smiled.",
        ),
        NameDoc::new(
            "e",
            "Marvin Davis said the oil deal was off. Chairman Marvin Davis left.",
        ),
        NameDoc::new(
            "f",
            "Gabriele Rossi said he would appeal. Ewan Davies said so too. Alina Petrova said \
             it was over.",
        ),
        NameDoc::new(
            "g",
            "Gabrielle Rossi said she would appeal. Evan Davies said so too. Alena Petrova said \
             it was not over.",
        ),
    ];
    let r = find_names(&docs);
    let of = |article: &str, form: &str| canonical_of(&r, article, form);
    assert_eq!(of("b", "Peter Dimitrov"), of("a", "Petar Dimitrov"));
    assert_eq!(of("b", "Kaloian Cvetkov"), of("a", "Kaloyan Tsvetkov"));
    assert_ne!(of("b", "Mario Rossi"), of("a", "Maria Rossi"));
    assert_ne!(of("c", "Peter Dimov"), of("a", "Petar Dimitrov"));
    assert!(of("b", "Mario Rossi").is_some() && of("c", "Peter Dimov").is_some());
    assert!(of("e", "Marvin Davis").is_some());
    assert_ne!(of("e", "Marvin Davis"), of("d", "Mervyn Davies"));
    for (x, y) in [
        ("Gabriele Rossi", "Gabrielle Rossi"),
        ("Ewan Davies", "Evan Davies"),
        ("Alina Petrova", "Alena Petrova"),
    ] {
        assert!(of("f", x).is_some() && of("g", y).is_some(), "{x} / {y}");
        assert_ne!(of("f", x), of("g", y), "{x} / {y}");
    }
}

/// A person named elsewhere in full is the same person after a descriptor of capitalised
/// words (`New Yorker`, a demonym `Texan`): left whole, the run was no person at all, and a
/// sentence naming them could not match its copy in an article that names them plainly.
/// Without the corpus naming them so, the words after a place are no person (`San Sebastian
/// Gold Mine`), however much a given name opens them.
#[test]
fn a_full_name_after_a_descriptor_is_the_person_named_elsewhere() {
    let docs = [
        NameDoc::new(
            "a",
            "New Yorker William Trowbridge and Texan Michael Chicoine have pleaded guilty \
             to charges of piracy.",
        ),
        NameDoc::new(
            "b",
            "William Trowbridge and Michael Chicoine pleaded guilty to the charges. \
             Work at the San Sebastian Gold Mine stopped.",
        ),
    ];
    let r = find_names(&docs);
    assert_eq!(
        canonical_of(&r, "a", "William Trowbridge"),
        Some("William Trowbridge"),
        "{:?}",
        all_forms(&r)
    );
    assert_eq!(cluster_with(&r, "William Trowbridge").len(), 1);
    assert_eq!(
        canonical_of(&r, "a", "Michael Chicoine"),
        canonical_of(&r, "b", "Michael Chicoine")
    );
    assert!(canonical_of(&r, "a", "Michael Chicoine").is_some());
    let forms = all_forms(&r);
    assert!(!forms.iter().any(|f| f.contains("Sebastian")), "{forms:?}");
    // alone, the descriptor's name waits for the corpus: no person
    let alone = find_names(&[NameDoc::new(
        "a",
        "New Yorker William Trowbridge pleaded guilty to charges of piracy.",
    )]);
    assert!(alone.clusters.is_empty(), "{:?}", all_forms(&alone));
}

/// A company taken for a person somewhere does not spread to runs that end in its name
/// (`Advisors Goldman Sachs`): the rest of a run must open with a given name.
#[test]
fn a_run_ending_in_a_name_of_no_given_name_stays_out() {
    let docs = [
        NameDoc::new(
            "a",
            "Goldman Sachs said the deal was fair. Goldman Sachs said so again.",
        ),
        NameDoc::new(
            "b",
            "Advisors Goldman Sachs are understood to have valued the firm.",
        ),
    ];
    let r = find_names(&docs);
    assert!(
        r.clusters
            .iter()
            .all(|c| c.mentions.iter().all(|m| m.article != "b")),
        "{:?}",
        all_forms(&r)
    );
}

//! Properties of the overlap search: determinism over thread counts and input order,
//! symmetry, spans, no self-overlaps, and exact duplicates found as verbatim with score 1.

use newsdiff_diff::{Finder, Kind, Op, Overlaps};
use newsdiff_ingest::{Article, parse_text};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "tariff",
    "export",
    "control",
    "minister",
    "China",
    "London",
    "talks",
    "rare",
    "earth",
    "chips",
    "software",
    "engine",
    "nuclear",
    "market",
    "Bessent",
    "Lutnick",
    "Greer",
    "framework",
    "agreement",
    "licence",
    "students",
    "visa",
    "magnet",
    "supply",
    "Washington",
    "Beijing",
    "deal",
    "pressure",
    "concession",
    "truce",
    "hearing",
    "Congress",
    "official",
    "statement",
    "ninety",
    "55%",
    "six-month",
    "U.S.",
    "said",
    "the",
    "of",
    "and",
    "was",
];

/// A pool of sentences; articles draw from it, so they share some sentences.
fn sentence() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 6..16).prop_map(|w| {
        let mut s = w.join(" ");
        if let Some(first) = s.get(..1) {
            s.replace_range(..1, &first.to_uppercase());
        }
        s.push('.');
        s
    })
}

fn corpus() -> impl Strategy<Value = Vec<Article>> {
    prop::collection::vec(sentence(), 4..10).prop_flat_map(|pool| {
        let n = pool.len();
        prop::collection::vec(
            // up to 12 sentences: enough for two versions of one story (8 matched
            // sentences a side), where weaker neighbours extend a match
            prop::collection::vec(prop::collection::vec(0..n, 1..3), 1..7),
            2..5,
        )
        .prop_map(move |arts| {
            arts.iter()
                .enumerate()
                .map(|(i, paras)| {
                    let text: String = paras
                        .iter()
                        .map(|p| {
                            p.iter()
                                .map(|&k| pool[k].as_str())
                                .collect::<Vec<_>>()
                                .join(" ")
                                + "\n"
                        })
                        .collect();
                    parse_text(&format!("art{i}"), &text)
                })
                .collect()
        })
    })
}

fn find(articles: &[Article], threads: usize) -> Overlaps {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .expect("pool");
    pool.install(|| Finder::new().min_score(0.0).find(articles))
}

fn check_spans(found: &Overlaps, articles: &[Article]) {
    let text = |id: &str| &articles.iter().find(|a| a.id == id).expect("known id").text;
    for o in &found.overlaps {
        assert!(
            o.a.article < o.b.article,
            "a sorts first and never equals b"
        );
        for s in [&o.a, &o.b] {
            let t = text(&s.article);
            assert!(s.start < s.end && s.end <= t.len());
            assert_eq!(t.get(s.start..s.end), Some(s.text.as_str()));
            let breaks = |r: std::ops::Range<usize>| t[r].matches('\n').count();
            assert_eq!(s.line, breaks(0..s.start), "the line a side starts on");
            assert_eq!(s.last_line, s.line + breaks(s.start..s.end - 1));
        }
        assert!((0.0..=1.0).contains(&o.score));
        for op in &o.ops {
            assert!(text(&o.a.article).get(op.a[0]..op.a[1]).is_some());
            assert!(text(&o.b.article).get(op.b[0]..op.b[1]).is_some());
        }
    }
    for g in &found.groups {
        for m in &g.members {
            assert_eq!(text(&m.article).get(m.start..m.end), Some(m.text.as_str()));
            let t = text(&m.article);
            assert_eq!(m.line, t[..m.start].matches('\n').count());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn deterministic_over_threads_and_order(articles in corpus(), seed in any::<u64>()) {
        let one = find(&articles, 1);
        let four = find(&articles, 4);
        prop_assert_eq!(&one, &four);
        let mut shuffled = articles.clone();
        let k = shuffled.len();
        shuffled.rotate_left((seed as usize) % k);
        if seed & 1 == 1 {
            shuffled.reverse();
        }
        prop_assert_eq!(&one, &find(&shuffled, 2));
        check_spans(&one, &articles);
    }

    #[test]
    fn swapping_two_articles_swaps_sides(articles in corpus()) {
        // Renaming art0 <-> art1 must give the same overlaps with a and b exchanged.
        let rename = |id: &str| match id { "art0" => "art1".to_owned(), "art1" => "art0".to_owned(), x => x.to_owned() };
        let mut swapped = articles.clone();
        for a in &mut swapped {
            a.id = rename(&a.id);
        }
        let x = find(&articles, 2);
        let y = find(&swapped, 2);
        let key = |f: &Overlaps, rn: &dyn Fn(&str) -> String| {
            let mut v: Vec<(String, usize, usize, String, usize, usize, u64)> = f.overlaps.iter().map(|o| {
                let (p, q) = ((rn(&o.a.article), o.a.start, o.a.end), (rn(&o.b.article), o.b.start, o.b.end));
                let (p, q) = if p <= q { (p, q) } else { (q, p) };
                (p.0, p.1, p.2, q.0, q.1, q.2, (o.score * 10_000.0).round() as u64)
            }).collect();
            v.sort();
            v
        };
        prop_assert_eq!(key(&x, &rename), key(&y, &|s: &str| s.to_owned()));
    }

    #[test]
    fn duplicates_are_verbatim_with_score_one(articles in corpus()) {
        let mut with_copy = articles.clone();
        let mut copy = articles[0].clone();
        copy.id = "zz-copy".to_owned();
        with_copy.push(copy);
        let found = find(&with_copy, 2);
        check_spans(&found, &with_copy);
        let copies: Vec<_> = found.overlaps.iter().filter(|o| o.a.article == "art0" && o.b.article == "zz-copy").collect();
        let in_group = found.groups.iter().any(|g| g.members.iter().any(|m| m.article == "zz-copy"));
        prop_assert!(!copies.is_empty() || in_group);
        for o in copies.iter().filter(|o| o.a.start == o.b.start && o.a.end == o.b.end) {
            prop_assert_eq!(o.kind, Kind::Verbatim);
        }
        prop_assert!(copies.iter().any(|o| o.kind == Kind::Verbatim) || in_group);
    }
}

#[test]
fn long_duplicate_scores_one() {
    let text = "The United States and China agreed a framework in London after two days of talks.\n\
        Commerce Secretary Howard Lutnick said the deal would restore exports of rare earth magnets.\n\
        China's negotiator Li Chenggang called the talks rational, in-depth and honest.\n";
    let a = parse_text("a", text);
    let b = parse_text("b", text);
    let found = Finder::new().find(&[a, b]);
    assert!(!found.overlaps.is_empty());
    assert!(
        found
            .overlaps
            .iter()
            .all(|o| o.kind == Kind::Verbatim && o.score == 1.0),
        "{:#?}",
        found.overlaps
    );
}

#[test]
fn unrelated_articles_share_nothing() {
    let a = parse_text(
        "a",
        "The football club won the cup final on Saturday with a late goal.\nFans celebrated in the streets.\n",
    );
    let b = parse_text(
        "b",
        "Central bank officials raised interest rates by half a point to curb inflation.\nMarkets fell.\n",
    );
    assert!(Finder::new().find(&[a, b]).overlaps.is_empty());
}

/// The three overlaps of the samples that the overlaps issue names, found at the default
/// threshold with name-aware matching (as `newsdiff overlaps` runs on a small corpus).
#[test]
fn seeds_known_overlaps() {
    use newsdiff_normalize::names::{NameDoc, Names};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
    let corpus = newsdiff_ingest::read_paths(&[dir]).expect("seeds");
    let segments: Vec<Vec<std::ops::Range<usize>>> = corpus
        .articles
        .iter()
        .map(|a| a.content_paragraphs().map(|p| p.span.range()).collect())
        .collect();
    let docs: Vec<NameDoc<'_>> = corpus
        .articles
        .iter()
        .zip(&segments)
        .map(|(a, s)| NameDoc::new(&a.id, &a.text).segments(s))
        .collect();
    let report = Names::new().run(&docs);
    let index = report.index();
    let mut keys = newsdiff_diff::NameKeys::new();
    for a in &corpus.articles {
        for span in index.of(&a.id) {
            keys.add(&a.id, span.start, span.end, span.key);
        }
    }
    let found = Finder::new().names(keys).find(&corpus.articles);
    let has = |a: &str, b: &str, needle_a: &str, needle_b: &str| {
        found.overlaps.iter().any(|o| {
            o.a.article.starts_with(a)
                && o.b.article.starts_with(b)
                && o.a.text.contains(needle_a)
                && o.b.text.contains(needle_b)
        })
    };
    assert!(has(
        "001",
        "004",
        "China is not easy to deal with",
        "China is not easy to deal with"
    ));
    assert!(has("003", "004", "Jamieson Greer", "Greer"));
    assert!(has(
        "001",
        "004",
        "chip design software, aircraft engines",
        "chip design software, jet engine components"
    ));
}

/// The pair index of large corpora: an edited copy whose every term is too common to index
/// alone is still found through pairs of its rarest terms, and not without them.
mod pair_index {
    use newsdiff_diff::{Config, Finder};
    use newsdiff_ingest::{Article, parse_text};

    const WORDS: [&str; 9] = [
        "alderman",
        "bulwark",
        "cormorant",
        "dirigible",
        "escarpment",
        "filigree",
        "gazebo",
        "hawthorn",
        "isthmus",
    ];

    fn corpus() -> Vec<Article> {
        let a = WORDS.join(", the ");
        // The copy drops one word: an edit, not a verbatim duplicate.
        let b = WORDS
            .iter()
            .filter(|w| **w != "filigree")
            .copied()
            .collect::<Vec<_>>()
            .join(", the ");
        let mut articles = vec![
            parse_text("copy-a", &format!("The {a}.\n")),
            parse_text("copy-b", &format!("The {b}.\n")),
        ];
        // Each word in three more sentences, never two of them together: every word is in
        // more sentences than the single-term index takes, every pair of them in two only.
        for (i, w) in WORDS.iter().enumerate() {
            for j in 0..3 {
                articles.push(parse_text(
                    &format!("filler-{i}-{j}"),
                    &format!("Nothing else about the {w} was reported by station{i}x{j} today.\n"),
                ));
            }
        }
        articles
    }

    fn found(pair_terms: usize) -> bool {
        let cfg = Config {
            exhaustive_units: 0,
            max_postings: 2,
            pair_terms,
            ..Config::default()
        };
        Finder::with_config(cfg)
            .find(&corpus())
            .overlaps
            .iter()
            .any(|o| o.a.article == "copy-a" && o.b.article == "copy-b")
    }

    #[test]
    fn edited_copy_of_common_words_is_found_through_term_pairs() {
        assert!(found(5), "found with the pair index");
        assert!(
            !found(0),
            "not found without it: every single term is too common"
        );
    }
}

/// Evidence adds up over a passage: a text rewritten sentence by sentence scores well above
/// any one of its rewritten sentences alone.
#[test]
fn rewritten_sentences_add_up() {
    let source = "The glacier retreated four kilometres during the warm decade.\n\
        Meltwater filled a new lake behind the moraine ridge.\n\
        Researchers measured the lake depth with sonar from small boats.\n\
        The survey team warned that the moraine dam could fail suddenly.\n";
    let rewrite = "Over a warm decade the glacier pulled back by four kilometres.\n\
        A fresh lake formed from meltwater behind a moraine.\n\
        Using sonar on small boats, scientists found how deep the lake was.\n\
        Sudden failure of the moraine dam is possible, the team cautioned.\n";
    let best = |b: &str| {
        let found = Finder::new()
            .min_score(0.0)
            .find(&[parse_text("a", source), parse_text("b", b)]);
        found.overlaps.iter().map(|o| o.score).fold(0.0, f64::max)
    };
    let whole = best(rewrite);
    let single = rewrite
        .lines()
        .map(|l| best(&format!("{l}\n")))
        .fold(0.0, f64::max);
    // 0.76 against 0.38 here; without the accumulation the whole scored 0.49.
    assert!(
        whole > 1.5 * single,
        "whole {whole} vs best single sentence {single}"
    );
}

/// A block of copied sentences in another order is one passage, not one per sentence.
#[test]
fn reordered_copies_are_one_passage() {
    let a = parse_text(
        "a",
        "Quarry workers found a bronze helmet beneath the old chapel floor on Tuesday.\n\
         The county archaeologist said the helmet was probably made around 300 BC.\n\
         Volunteers will sift the remaining soil over the next three weekends.\n",
    );
    let b = parse_text(
        "b",
        "Volunteers will sift the remaining soil over the next three weekends.\n\
         Quarry workers found a bronze helmet beneath the old chapel floor on Tuesday.\n\
         The county archaeologist said the helmet was probably made around 300 BC.\n",
    );
    let found = Finder::new().find(&[a, b]);
    assert_eq!(found.overlaps.len(), 1, "{:#?}", found.overlaps);
    let o = &found.overlaps[0];
    assert_eq!(o.a.text.lines().count(), 3);
    assert_eq!(o.b.text.lines().count(), 3);
}

/// A source that owns nothing borrowed: it hands out copies, as a reader from disk would, and
/// numbers articles in reverse.
struct Copies(Vec<Article>);

impl newsdiff_diff::ArticleSource for Copies {
    type Error = std::convert::Infallible;

    fn len(&self) -> usize {
        self.0.len()
    }

    fn id(&self, i: usize) -> &str {
        &self.0[self.0.len() - 1 - i].id
    }

    fn load(&self, indices: &[usize]) -> Result<Vec<std::borrow::Cow<'_, Article>>, Self::Error> {
        Ok(indices
            .iter()
            .map(|&i| std::borrow::Cow::Owned(self.0[self.0.len() - 1 - i].clone()))
            .collect())
    }
}

fn find_in(finder: &Finder, source: &(impl newsdiff_diff::ArticleSource + ?Sized)) -> Overlaps {
    let mut overlaps = Vec::new();
    let groups = finder
        .find_each_in(source, &newsdiff_diff::NoProgress, &mut |o| {
            overlaps.push(o);
            std::ops::ControlFlow::Continue(())
        })
        .ok()
        .expect("source never fails");
    Overlaps { overlaps, groups }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    /// Any source gives what the slice gives: overlaps, groups and texts.
    #[test]
    fn a_source_finds_what_the_slice_finds(articles in corpus()) {
        let finder = Finder::new().min_score(0.0);
        let in_memory = finder.find(&articles);
        let copies = Copies(articles.clone());
        prop_assert_eq!(&find_in(&finder, &copies), &in_memory);
        prop_assert_eq!(&find_in(&finder, articles.as_slice()), &in_memory);
    }
}

/// Overlaps read through an [`newsdiff_ingest::Index`] of a JSON Lines file (records in an
/// order other than by id) are those of the same file read into memory, groups included.
#[test]
fn index_source_finds_what_memory_finds() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/seeds");
    let seeds = newsdiff_ingest::read_paths(&[dir]).expect("seeds").articles;
    // Enough copies of one sentence to make a group (16 articles), around the seeds.
    let shared = "The ministry said in a statement on Tuesday that the agreement on rare earth \
                  exports would be reviewed by the end of the year.";
    let mut lines: Vec<String> = seeds
        .iter()
        .rev()
        .map(|a| serde_json::json!({"id": a.id, "text": a.text}).to_string())
        .collect();
    for i in 0..18 {
        let text = format!("Story {i} opens with its own words about item {i}.\n{shared}\n");
        lines.push(
            serde_json::json!({"id": format!("copy-{:02}", 17 - i), "text": text}).to_string(),
        );
    }
    let path = std::env::temp_dir().join(format!(
        "newsdiff-index-source-{}.jsonl",
        std::process::id()
    ));
    std::fs::write(&path, lines.join("\n\n") + "\n").expect("write");
    let reader = newsdiff_ingest::Reader::new();
    let in_memory = reader.read_paths(&[&path]).expect("read").articles;
    let index = reader
        .index_paths(&[&path])
        .expect("index")
        .expect("indexable");
    assert_eq!(index.len(), in_memory.len());
    // The copies' opening lines (`Story 3 opens ... item 3`) are template lines, which
    // match nothing: copy-03 has its group only.
    for (finder, pairs) in [
        (Finder::new(), true),
        (Finder::new().min_score(0.1), true),
        (Finder::new().only_article("copy-03"), false),
    ] {
        let expected = finder.find(&in_memory);
        let mut overlaps = Vec::new();
        let groups = finder
            .find_each_in(&index, &newsdiff_diff::NoProgress, &mut |o| {
                overlaps.push(o);
                std::ops::ControlFlow::Continue(())
            })
            .expect("index reads");
        assert!(expected.overlaps.is_empty() != pairs && !expected.groups.is_empty());
        assert_eq!(Overlaps { overlaps, groups }, expected);
    }
    std::fs::remove_file(&path).ok();
}

#[test]
fn a_copy_with_a_paragraph_cut_is_one_passage() {
    // Version b is version a with its middle paragraph (four sentences) dropped: one reuse,
    // reported as one passage whose diff shows the cut, not two halves.
    let kept_before = "Quarry workers found a bronze helmet beneath the old chapel floor on Tuesday.\n\
         The county archaeologist said the helmet was probably made around 300 BC.\n";
    let cut = "Its cheek guards carry a pattern of interlocking spirals and tiny glass beads.\n\
         Similar helmets have turned up only twice before, both near the Severn estuary.\n\
         Museum staff photographed every fragment before lifting it from the clay.\n\
         A drone survey of the wider field is planned for the spring.\n";
    let kept_after = "Volunteers will sift the remaining soil over the next three weekends.\n\
         The parish council hopes the helmet can be displayed in the village hall.\n";
    let a = parse_text("a", &format!("{kept_before}{cut}{kept_after}"));
    let b = parse_text("b", &format!("{kept_before}{kept_after}"));
    let found = Finder::new().find(&[a, b]);
    assert_eq!(found.overlaps.len(), 1, "{:#?}", found.overlaps);
    let o = &found.overlaps[0];
    assert_eq!(o.a.text.lines().count(), 8);
    assert_eq!(o.b.text.lines().count(), 4);
    assert!(o.ops.iter().any(|op| op.op == Op::Delete), "{:?}", o.ops);
}

/// In a large corpus (prefix mode), a sentence copied with its names respelled the
/// transliteration way is still a candidate: the names' consonant skeletons are shared
/// (`Bessent`/`Becent` → `bsnt`, `Lutnick`/`Rutnik` → `ltnk`, `Lorenzetti`/`Rorensetti` →
/// `llnst`), though every term the
/// two copies share, and every pair of them, is too common to index.
mod skeleton_index {
    use newsdiff_diff::{Config, Finder};
    use newsdiff_ingest::{Article, parse_text};

    const COMMON: &str = "officials said the tariff truce talks in the harbour town \
        ended with a signed framework agreement on magnets";

    fn corpus() -> Vec<Article> {
        let mut articles = vec![
            parse_text(
                "copy-a",
                &format!("The {COMMON}, Bessent, Lutnick and Lorenzetti said.\n"),
            ),
            parse_text(
                "copy-b",
                &format!("The {COMMON}, Becent, Rutnik and Rorensetti said.\n"),
            ),
        ];
        // The shared words, all together, in more sentences than an index takes: every term
        // and every pair of terms of the copies is too common to propose them.
        for i in 0..4 {
            articles.push(parse_text(
                &format!("filler-{i}"),
                &format!("The {COMMON}.\n"),
            ));
        }
        articles
    }

    #[test]
    fn a_copy_with_respelled_names_is_a_candidate_through_name_skeletons() {
        let cfg = Config {
            exhaustive_units: 0,
            max_postings: 2,
            ..Config::default()
        };
        let found = Finder::with_config(cfg).min_score(0.0).find(&corpus());
        assert!(
            found
                .overlaps
                .iter()
                .any(|o| o.a.article == "copy-a" && o.b.article == "copy-b"),
            "the respelled copy is found"
        );
    }
}

/// Short lines built on one template (`Shr 78 cts vs 51 cts`) in many articles share the
/// template's words everywhere: two of them, or one of them and a short line with numbers
/// that varies it, are matched only on the numbers they share when those are rare (`Net
/// 50,745 vs 161,019`), or as copies. Between two articles alone the
/// same lines are no template, and they match as before.
mod template_lines {
    use super::*;

    fn earnings(i: usize) -> Article {
        let mut lines = vec![
            format!("Firm{i}q Report{i}z Filing{i}w."),
            format!(
                "Shr {} cts vs {} cts",
                10 + (i * 37) % 89,
                10 + (i * 53) % 89
            ),
            format!(
                "Revs {}.{} mln vs {}.{} mln",
                100 + (i * 131) % 899,
                i % 9 + 1,
                100 + (i * 71) % 899,
                (i * 7) % 9 + 1
            ),
            // eight content words: a template line too
            format!(
                "Shr loss {} cts vs loss {} cts",
                10 + (i * 41) % 89,
                10 + (i * 29) % 89
            ),
            format!("Qtrly div {} cts vs {} cts prior", 100 + i, 200 + i),
        ];
        match i {
            0 => lines[1] = "Shr 78 cts vs 51 cts".into(),
            1 => lines[1] = "Shr 78 cts vs 66 cts".into(),
            2 => lines.push("Net 50,745 vs 161,019".into()),
            3 => lines.push("Net 161,019 vs 50,745".into()),
            4 | 5 => lines[1] = "Shr 12 cts vs 9 cts".into(),
            6 => lines[3] = "Shr loss 31 cts vs loss eight cts".into(),
            7 => lines[3] = "Shr loss 31 cts vs loss 47 cts".into(),
            // a variant of the template too rare to be one, against the template
            8 => lines[4] = "Qtrly div 38 cts vs 33 cts".into(),
            9 => lines[4] = "Qtrly div 38 cts vs 12 cts prior".into(),
            _ => {}
        }
        parse_text(&format!("c{i:02}"), &(lines.join("\n") + "\n"))
    }

    fn pair(found: &Overlaps, a: &str, b: &str) -> Vec<String> {
        found
            .overlaps
            .iter()
            .filter(|o| o.a.article == a && o.b.article == b)
            .map(|o| format!("{:?} {}", o.kind, o.a.text))
            .collect()
    }

    #[test]
    fn template_lines_match_on_rare_shared_numbers_or_as_copies() {
        let articles: Vec<Article> = (0..24).map(earnings).collect();
        let found = Finder::new().find(&articles);
        assert_eq!(pair(&found, "c00", "c01"), Vec::<String>::new());
        assert_eq!(pair(&found, "c06", "c07"), Vec::<String>::new());
        assert_eq!(pair(&found, "c08", "c09"), Vec::<String>::new());
        assert_eq!(
            pair(&found, "c02", "c03"),
            vec!["Paraphrase Net 50,745 vs 161,019".to_owned()]
        );
        assert_eq!(
            pair(&found, "c04", "c05"),
            vec!["Verbatim Shr 12 cts vs 9 cts".to_owned()]
        );
        assert_eq!(found.overlaps.len(), 2, "{:#?}", found.overlaps);
        // Two articles alone: no template, and the shared `Shr 78 cts` counts.
        let alone = Finder::new().find(&articles[..2]);
        let shr = pair(&alone, "c00", "c01");
        assert_eq!(
            shr.iter().filter(|o| o.contains("Shr 78 cts")).count(),
            1,
            "{:#?}",
            alone.overlaps
        );
    }
}

/// One office that the articles give to different people (a machine translation's wrong
/// name): their sentences are matched as sharing the office holder, and the word diff flags
/// the role divergence; holders that succeed each other by date keep their own keys.
mod role_holders {
    use newsdiff_diff::{DivergenceKind, Finder, NameKeys, Overlaps};
    use newsdiff_ingest::{Article, parse_text};
    use newsdiff_normalize::names::{ConflictKind, RoleConflict};

    fn corpus(dates: Option<[&str; 3]>) -> Vec<Article> {
        corpus_of(
            &[
                "US Commerce Secretary Howard Lutnick said the London talks were going well.\n\
                 Lutnick left for Washington on Tuesday night to brief senators on the agreement.\n",
                "US Commerce Secretary Lutnick described the framework as a handshake.\n",
                "US Commerce Secretary Raimondo said the London talks were going well.\n\
                 Raimondo flew back to Washington on Tuesday evening to brief the senators.\n",
            ],
            dates,
        )
    }

    fn corpus_of(texts: &[&str], dates: Option<[&str; 3]>) -> Vec<Article> {
        texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let mut a = parse_text(&format!("a{i}"), t);
                a.date = dates.map(|d| d[i].to_owned());
                a
            })
            .collect()
    }

    /// The overlap between the first and the third article's second sentences (the one that
    /// names the two holders without their title).
    fn flight(found: &Overlaps) -> Option<&newsdiff_diff::Overlap> {
        found
            .overlaps
            .iter()
            .find(|o| o.a.article == "a0" && o.b.article == "a2" && o.a.text.contains("left"))
    }

    fn without_holders(articles: &[Article]) -> NameKeys {
        let report = newsdiff_diff::name_report(articles, true);
        let mut keys = NameKeys::new();
        for a in articles {
            for span in report.index().of(&a.id) {
                keys.add(&a.id, span.start, span.end, span.key);
            }
        }
        keys
    }

    #[test]
    fn holders_of_one_office_match_and_the_swap_is_flagged() {
        let articles = corpus(None);
        let keys = NameKeys::of_articles(&articles);
        let holder = keys.match_key(keys.of("a0")[0].key);
        assert_ne!(holder, keys.of("a0")[0].key, "an undated role conflict");
        assert_eq!(keys.match_key(keys.of("a2")[0].key), holder);
        let with = Finder::new().min_score(0.0).names(keys).find(&articles);
        let without = Finder::new()
            .min_score(0.0)
            .names(without_holders(&articles))
            .find(&articles);
        let (w, wo) = (flight(&with).expect("matched"), flight(&without));
        assert!(
            wo.is_none_or(|o| o.score < w.score),
            "{} vs {:?}",
            w.score,
            wo.map(|o| o.score)
        );
        let titled = with
            .overlaps
            .iter()
            .find(|o| o.a.article == "a0" && o.b.article == "a2" && o.a.text.contains("Howard"))
            .expect("the titled sentences");
        assert!(
            titled
                .divergences
                .iter()
                .any(|d| d.kind == DivergenceKind::Role
                    && d.a.text.contains("Lutnick")
                    && d.b.text == "Raimondo"),
            "{:?}",
            titled.divergences
        );
    }

    /// Offices many people hold at once (spokespeople, deputies) are no single office: their
    /// holders are a role conflict of the names report but keep their own keys. (Senators
    /// and MPs, members of a body, are not even a conflict.)
    #[test]
    fn holders_of_a_seat_among_many_keep_their_own_keys() {
        let articles = corpus_of(
            &[
                "US Deputy Trade Representative John Smithers said the London talks were going well.\n",
                "US Deputy Trade Representative Smithers described the framework as a handshake.\n",
                "US Deputy Trade Representative Bob Kowalski said the London talks were going well.\n",
            ],
            None,
        );
        keep_own_keys(&articles, |c| c.role.starts_with("deputy"));
        let senators = corpus_of(
            &[
                "US Senator John Smithers said the London talks were going well.\n",
                "US Senator Smithers described the framework as a handshake.\n",
                "US Senator Bob Kowalski said the London talks were going well.\n",
            ],
            None,
        );
        let report = newsdiff_diff::name_report(&senators, true);
        assert!(
            report.role_conflicts.is_empty(),
            "{:?}",
            report.role_conflicts
        );
    }

    /// Asserts that the names report holds a conflict `conflict` accepts, and that the first
    /// person of `a0` and of `a2` still match with their own keys.
    fn keep_own_keys(articles: &[Article], conflict: impl Fn(&RoleConflict) -> bool) {
        let report = newsdiff_diff::name_report(articles, true);
        assert!(
            report.role_conflicts.iter().any(conflict),
            "{:?}",
            report.role_conflicts
        );
        let keys = NameKeys::of_articles(articles);
        for a in ["a0", "a2"] {
            let k = keys.of(a)[0].key;
            assert_eq!(keys.match_key(k), k, "{a}");
        }
    }

    #[test]
    fn holders_one_after_another_keep_their_own_keys() {
        let articles = corpus(Some(["2025-06-10", "2025-06-11", "2023-08-29"]));
        keep_own_keys(&articles, |c| c.kind == ConflictKind::Succession);
    }
}

/// Found by a library audit: articles built by hand, with paragraph spans off the text,
/// reversed or inside a character, are searched without a panic (those paragraphs are
/// skipped), and so are their names.
#[test]
fn hand_built_articles_with_bad_spans_do_not_panic() {
    use newsdiff_diff::NameKeys;
    use newsdiff_ingest::{Paragraph, ParagraphKind, Reason, Span};
    let text = "Treasury Secretary Scott Bessent met négociateurs in London on Monday.\n";
    let good = parse_text("a", text);
    let mut bad = parse_text("b", text);
    let inside_char = text.find('é').unwrap_or(0) + 1;
    for span in [
        Span::new(0, 10_000),
        Span::new(20, 5),
        Span::new(0, inside_char),
    ] {
        bad.paragraphs = vec![Paragraph {
            span,
            line: 0,
            kind: ParagraphKind::Body,
            reason: Reason::Prose,
        }];
        let articles = [good.clone(), bad.clone()];
        let keys = NameKeys::of_articles(&articles);
        let found = Finder::new().names(keys).find(&articles);
        assert!(found.overlaps.is_empty(), "{span:?}");
    }
}

/// Found by a library audit: a passage range past its text is cut back to the text, so
/// every range of the diff slices it.
#[test]
fn word_diff_ranges_always_slice_their_texts() {
    use newsdiff_diff::{DiffSide, WordDiff, word_diff};
    let (a, b) = ("Hello wörld again", "Hello world again");
    for (start, end) in [(500, 1000), (7, 6), (0, 1000), (7, 8)] {
        let side = DiffSide {
            text: a,
            start,
            end,
            names: &[],
        };
        let d = word_diff(&side, &DiffSide::whole(b, &[]));
        for op in &d.ops {
            assert!(a.get(op.a[0]..op.a[1]).is_some(), "{start}..{end}: {op:?}");
            assert!(b.get(op.b[0]..op.b[1]).is_some(), "{start}..{end}: {op:?}");
        }
    }
    assert_eq!(
        WordDiff::of_texts("The same words.", "The same words.").ratio,
        1.0
    );
}

/// Found by a library audit: a blank phrase to ignore (in every sentence) ignores nothing.
#[test]
fn blank_ignore_phrases_ignore_nothing() {
    let text = "The central bank raised interest rates by half a point on Thursday morning.\n";
    let articles = [parse_text("a", text), parse_text("b", text)];
    let found = Finder::new()
        .ignore_phrases(vec![String::new(), "  ".into()])
        .find(&articles);
    assert_eq!(found.overlaps.len(), 1);
}

/// How an article may write a word of [`WORDS`]: its case, a mark before it (a quote, a
/// bracket, a comma after a space) and after it (a comma, a full stop, a quote, a dash).
fn style() -> impl Strategy<Value = (usize, &'static str, &'static str)> {
    (
        0..3usize,
        prop::sample::select(&["", "“", "\"", "(", ","][..]),
        prop::sample::select(&["", ",", ".", "”", "\"", ")", " —"][..]),
    )
}

fn styled(w: &str, (case, open, close): (usize, &str, &str)) -> String {
    let w = match case {
        0 => w.to_string(),
        1 => w.to_uppercase(),
        _ => w.to_lowercase(),
    };
    format!("{open}{w}{close}")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// The operations of a word diff run forward on both sides without overlapping; an
    /// exact `equal` one reads the same on both sides apart from white space and case, an
    /// inexact one differs, and only `equal` ones are ever inexact. Side `b` writes side `a`'s words its
    /// own way, with some left out and some added.
    #[test]
    fn word_diff_marks_exactly_what_is_written_differently(
        words in prop::collection::vec(
            (prop::sample::select(WORDS), style(), style(), 0..6u8),
            0..14,
        ),
    ) {
        let mut a = Vec::new();
        let mut b = Vec::new();
        for (w, sa, sb, fate) in words {
            match fate {
                0 => a.push(styled(w, sa)),
                1 => b.push(styled(w, sb)),
                2 => {
                    a.push(styled(w, sa));
                    b.push(styled(w, sa));
                }
                _ => {
                    a.push(styled(w, sa));
                    b.push(styled(w, sb));
                }
            }
        }
        let (a, b) = (a.join(" "), b.join("  "));
        let d = newsdiff_diff::WordDiff::of_texts(&a, &b);
        let marks = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let (mut end_a, mut end_b) = (0, 0);
        for op in &d.ops {
            let (ta, tb) = (a.get(op.a[0]..op.a[1]), b.get(op.b[0]..op.b[1]));
            prop_assert!(ta.is_some() && tb.is_some(), "{op:?}");
            prop_assert!(op.a[0] >= end_a && op.b[0] >= end_b, "{:?}", d.ops);
            (end_a, end_b) = (op.a[1], op.b[1]);
            let (ta, tb) = (ta.unwrap_or(""), tb.unwrap_or(""));
            match op.op {
                // exact: the same but for white space and capital first letters; not
                // exact: written differently
                Op::Equal if op.exact => prop_assert_eq!(
                    marks(&ta.to_lowercase()), marks(&tb.to_lowercase()), "{:?}", op
                ),
                Op::Equal => prop_assert_ne!(marks(ta), marks(tb), "{:?}", op),
                Op::Delete | Op::Insert => prop_assert!(op.exact),
            }
        }
        if a == b {
            prop_assert!(d.ops.iter().all(|o| o.exact && o.op == Op::Equal));
        }
    }
}

/// Between versions of one story, a fact told over two sentences on each side is one passage
/// even where its second half shares too little to be a match on its own; between two
/// articles that share only that fact, the second half stays out.
#[test]
fn a_fact_over_two_sentences_extends_its_match_between_versions_of_a_story() {
    let story_a = [
        "The harbour authority approved the new ferry terminal on Tuesday.",
        "Builders will start dredging the eastern basin in March.",
        "The mayor praised the pilots and the tugboat crews.",
        "Fishermen fear the dredging will disturb the lobster grounds.",
        "A consultant estimated the cost at nine hundred million crowns.",
        "Critics said the old lighthouse would be dwarfed by cranes.",
        "The ferry operator plans hourly crossings to the island.",
        "Local shops expect more tourists during the summer season.",
        "Environmental groups will appeal to the regional court.",
    ];
    let story_b = [
        "On Tuesday the harbour authority gave its approval to the ferry terminal.",
        "Dredging of the eastern basin is due to begin in March.",
        "Pilots and tugboat crews were praised by the mayor.",
        "Lobster grounds could be disturbed by dredging, fishermen warned.",
        "The cost was put at nine hundred million crowns by a consultant.",
        "Cranes would dwarf the old lighthouse, according to critics.",
        "Hourly crossings to the island are planned by the ferry operator.",
        "Summer tourists are expected to help local shops.",
        "An appeal to the regional court is planned by environmental groups.",
    ];
    // The seed: the same claim reworded. Its neighbour: the same fact with two words shared.
    let fact_a = "Officials insisted the granite breakwater complies with maritime safety rules. \
        Wider shipping lanes for cargo vessels will be considered after the autumn channel survey.";
    let fact_b = "Officials say the granite breakwater satisfies every safety requirement at sea. \
        Vessels carrying cargo might receive additional room before the budget debate ends.";
    let text = |story: &[&str], fact: &str| format!("{}\n{fact}\n", story.join("\n"));
    let second_halves = |found: &Overlaps| {
        found.overlaps.iter().any(|o| {
            o.a.text.contains("granite")
                && o.a.text.contains("cargo vessels")
                && o.b.text.contains("granite")
                && o.b.text.contains("cargo")
        })
    };
    let finder = Finder::new().min_score(0.0);
    let story = finder.find(&[
        parse_text("a", &text(&story_a, fact_a)),
        parse_text("b", &text(&story_b, fact_b)),
    ]);
    assert!(second_halves(&story), "{:#?}", story.overlaps);
    // The same fact between two articles that share nothing else: the first halves only.
    let other = [
        "Snow closed the mountain pass for a second day.",
        "The orchestra cancelled its winter concert series.",
        "A new bakery opened beside the railway station.",
        "Teachers voted to accept the revised pay offer.",
        "The museum recovered a stolen painting in Lisbon.",
        "Heavy rain flooded the football pitch overnight.",
        "The council will repaint the old footbridge.",
        "A rare owl was seen in the botanical garden.",
        "The library extended its opening hours.",
    ];
    let alone = finder.find(&[
        parse_text("a", &text(&story_a, fact_a)),
        parse_text("b", &text(&other, fact_b)),
    ]);
    assert!(
        alone.overlaps.iter().any(|o| o.a.text.contains("granite")),
        "{:#?}",
        alone.overlaps
    );
    assert!(!second_halves(&alone), "{:#?}", alone.overlaps);
}

/// Swapping two articles swaps sides, also between two versions of one story, where
/// sentences are paraphrased to varying degrees, moved a few places, cut into paragraphs at
/// random, one repeated, and a third article stands by: the alignment extension and the
/// paragraph cap run here, and mirror ties (sentence x matching y, and y matching x) happen.
/// From a review, which found it failing before mirror ties were placed together.
mod story_symmetry {
    use newsdiff_diff::{Config, Finder, Overlaps};
    use newsdiff_ingest::{Article, parse_text};
    use proptest::prelude::*;

    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mir", "tan", "vek", "sor", "bu", "ran", "pel", "dox", "gri", "fen",
    ];

    /// A made-up word, distinct for each `i` below 12⁴.
    fn word(i: usize) -> String {
        let mut s = String::new();
        let mut k = i;
        for _ in 0..4 {
            s.push_str(SYLLABLES[k % SYLLABLES.len()]);
            k /= SYLLABLES.len();
        }
        s
    }

    /// One fact: its words, and the positions of them each version keeps (positions from 20
    /// are words of that version's own).
    type Fact = (Vec<usize>, Vec<usize>, Vec<usize>);

    #[derive(Debug, Clone)]
    struct Spec {
        facts: Vec<Fact>,
        moves: Vec<(usize, usize)>,
        breaks_a: Vec<bool>,
        breaks_b: Vec<bool>,
        repeat: Option<(usize, usize)>,
        max_paragraphs: usize,
        third: bool,
        min_sentence_similarity: f64,
    }

    fn fact() -> impl Strategy<Value = Fact> {
        (
            prop::collection::vec(0usize..300, 6..10),
            prop::sample::select(vec![1.0, 0.95, 0.8, 0.6, 0.4, 0.3]),
            prop::collection::vec(0.0f64..1.0, 10),
            prop::collection::vec(0.0f64..1.0, 10),
            0usize..6,
            0usize..6,
        )
            .prop_map(|(words, keep, ra, rb, own_a, own_b)| {
                let pick = |r: &[f64], own: usize| {
                    let mut v: Vec<usize> = (0..words.len()).filter(|&i| r[i] < keep).collect();
                    v.extend((0..own).map(|k| 20 + k));
                    if v.is_empty() {
                        v.push(20);
                    }
                    v
                };
                let (ka, kb) = (pick(&ra, own_a), pick(&rb, own_b));
                (words, ka, kb)
            })
    }

    fn spec() -> impl Strategy<Value = Spec> {
        (8usize..16).prop_flat_map(|n| {
            (
                prop::collection::vec(fact(), n),
                prop::collection::vec((0usize..n, 1usize..4), 0..8),
                prop::collection::vec(any::<bool>(), n + 2),
                prop::collection::vec(any::<bool>(), n + 2),
                prop::option::of((0usize..n, 0usize..n)),
                1usize..4,
                any::<bool>(),
                prop::sample::select(vec![0.2, 0.2, 0.3, 0.1]),
            )
                .prop_map(
                    |(facts, moves, breaks_a, breaks_b, repeat, max_paragraphs, third, sim)| Spec {
                        facts,
                        moves,
                        breaks_a,
                        breaks_b,
                        repeat,
                        max_paragraphs,
                        third,
                        min_sentence_similarity: sim,
                    },
                )
        })
    }

    fn render(sentences: &[String], breaks: &[bool]) -> String {
        let mut t = String::new();
        for (i, s) in sentences.iter().enumerate() {
            t.push_str(s);
            t.push(if breaks[i % breaks.len()] || i + 1 == sentences.len() {
                '\n'
            } else {
                ' '
            });
        }
        t
    }

    fn build(s: &Spec) -> Vec<Article> {
        let sentence = |words: &[usize], keep: &[usize], tag: usize| {
            let mut ws: Vec<String> = Vec::new();
            for &k in keep {
                let w = match words.get(k) {
                    Some(&w) => word(w),
                    None => word(1000 + tag * 40 + k),
                };
                if !ws.contains(&w) {
                    ws.push(w);
                }
            }
            let mut s = ws.join(" ");
            s.replace_range(..1, &s[..1].to_uppercase());
            s.push('.');
            s
        };
        let a: Vec<String> = s
            .facts
            .iter()
            .enumerate()
            .map(|(i, (w, ka, _))| sentence(w, ka, 2 * i))
            .collect();
        let mut order: Vec<usize> = (0..s.facts.len()).collect();
        for &(k, d) in &s.moves {
            if k + d < order.len() {
                order.swap(k, k + d);
            }
        }
        let mut b: Vec<String> = order
            .iter()
            .map(|&i| {
                let (w, _, kb) = &s.facts[i];
                sentence(w, kb, 2 * i + 1)
            })
            .collect();
        if let Some((x, y)) = s.repeat {
            let copy = b[x].clone();
            b.insert(y.min(b.len()), copy);
        }
        let mut articles = vec![
            parse_text("art0", &render(&a, &s.breaks_a)),
            parse_text("art1", &render(&b, &s.breaks_b)),
        ];
        if s.third {
            let mut c = a.clone();
            c.reverse();
            articles.push(parse_text("art2", &render(&c, &s.breaks_b)));
        }
        articles
    }

    fn find(s: &Spec, articles: &[Article], threads: usize) -> Overlaps {
        let config = Config {
            max_paragraphs: s.max_paragraphs,
            min_sentence_similarity: s.min_sentence_similarity,
            min_score: 0.0,
            ..Config::default()
        };
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| Finder::with_config(config).find(articles))
    }

    /// The overlaps as sorted (side, side, score) keys, ids renamed by `rename`.
    type Key = Vec<((String, usize, usize), (String, usize, usize), u64)>;

    fn key(found: &Overlaps, rename: &dyn Fn(&str) -> String) -> Key {
        let mut v: Key = found
            .overlaps
            .iter()
            .map(|o| {
                let p = (rename(&o.a.article), o.a.start, o.a.end);
                let q = (rename(&o.b.article), o.b.start, o.b.end);
                let (p, q) = if p <= q { (p, q) } else { (q, p) };
                (p, q, (o.score * 10_000.0).round() as u64)
            })
            .collect();
        v.sort();
        v
    }

    fn swap(id: &str) -> String {
        match id {
            "art0" => "art1".to_owned(),
            "art1" => "art0".to_owned(),
            x => x.to_owned(),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn versions_of_a_story_swap_sides_and_ignore_input_order(s in spec()) {
            let articles = build(&s);
            let mut swapped = articles.clone();
            for a in &mut swapped {
                a.id = swap(&a.id);
            }
            let x = find(&s, &articles, 2);
            prop_assert_eq!(key(&x, &swap), key(&find(&s, &swapped, 2), &|s: &str| s.to_owned()));
            let mut reversed = articles.clone();
            reversed.reverse();
            prop_assert_eq!(&x, &find(&s, &reversed, 1));
        }
    }

    /// A sentence with more matches in one article than a sentence keeps
    /// (`MAX_UNIT_MATCHES`): the cap reads the same whichever article sorts first.
    #[test]
    fn a_sentence_against_many_paraphrases_of_it_swaps_sides() {
        let fact = |i: usize| {
            format!(
                "Harbour officials approved the granite breakwater {} {} {} {} {}.",
                word(i),
                word(i + 1),
                word(i + 2),
                word(i + 3),
                word(i + 4)
            )
        };
        let a = format!("{}\n", fact(0));
        let b: String = (0..40).map(|k| fact(100 + 7 * k) + "\n").collect();
        let articles = vec![parse_text("art0", &a), parse_text("art1", &b)];
        let swapped = vec![parse_text("art1", &a), parse_text("art0", &b)];
        let finder = Finder::new().min_score(0.0);
        let x = finder.find(&articles);
        assert!(!x.overlaps.is_empty());
        assert_eq!(
            key(&x, &swap),
            key(&finder.find(&swapped), &|s: &str| s.to_owned())
        );
    }
}

/// A sentence matched strongly in one passage does not stretch another passage with a weak
/// second match: on the held-out wire story (benches/eval/story3), the copy's `64 employees
/// were on the overnight shift` (matched at 0.58 where the copy moved it) also matched the
/// wire's `all employees would continue to be paid` at 0.21, which pulled two unrelated
/// paragraphs of the copy into the passage of the chief executive's quote, so the word diff
/// paired the wrong sentences and missed the quote given to a spokesman.
#[test]
fn a_sentence_matched_elsewhere_does_not_stretch_a_passage() {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../benches/eval/story3/articles");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("story3 article");
    let (wire, copy) = (read("000.txt"), read("003.txt"));
    let articles = [parse_text("000", &wire), parse_text("003", &copy)];
    let keys = newsdiff_diff::NameKeys::of_articles(&articles);
    let found = Finder::new().names(keys).find(&articles);
    let quote = found
        .overlaps
        .iter()
        .find(|o| {
            o.a.text.contains("part of our family") && o.b.text.contains("part of our family")
        })
        .expect("the quote's passage");
    assert!(
        !quote.b.text.contains("overnight shift") && !quote.b.text.contains("coroner"),
        "{}",
        quote.b.text
    );
    assert!(
        quote
            .divergences
            .iter()
            .any(|d| d.kind == newsdiff_diff::DivergenceKind::Speaker),
        "{:?}",
        quote.divergences
    );
}

/// One sentence rewritten from two keeps both its matches (found by a review of the rule
/// above, on BBC: the weaker half was taken by the stronger and its passage lost).
#[test]
fn a_sentence_rewritten_from_two_keeps_both_halves() {
    let a = "Glazer may bid for the club again this month, advisers said.\n\
        If the family makes a formal offer, they will need the support of the club's biggest shareholders.\n\
        Irish horse racing millionaires JP McManus and John Magnier own 29% of the club through Cubic Expression.\n\
        The club's board rejected an earlier approach in October.\n";
    let b = "The board of the club rejected a first approach in October.\n\
        The key to any successful bid will be attracting the support of the club's largest shareholders, the Irish horse racing tycoons John Magnier and JP McManus.\n\
        Through their Cubic Expression vehicle they own 28.9% of the club.\n\
        Glazer is expected to bid again this month.\n";
    let found = Finder::new()
        .min_score(0.0)
        .find(&[parse_text("a", a), parse_text("b", b)]);
    assert!(
        found
            .overlaps
            .iter()
            .any(|o| o.a.text.contains("biggest shareholders")
                && o.b.text.contains("largest shareholders")),
        "{:#?}",
        found.overlaps
    );
}

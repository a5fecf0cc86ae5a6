//! Find the passages news articles share, score them and diff them word by word.
//!
//! `newsdiff-diff` takes [`newsdiff_ingest::Article`]s and reports every [`Overlap`]: a pair
//! of passages, one from each of two articles, from verbatim copies through light edits to
//! close paraphrase, with a [`score`](Overlap::score) in 0..1, a [`Kind`], a word diff
//! ([`DiffOp`]s with byte ranges into the original texts) and the [`Divergence`]s a
//! fact-checker looks for first (numbers, names, roles, negation, speakers). A passage shared
//! by many articles is reported once, as a [`Group`].
//!
//! # How it works
//!
//! 1. **Units.** Every sentence of every content paragraph (titles, body, captions; not
//!    boilerplate) becomes a set of content terms from `newsdiff-normalize`: stemmed, stop
//!    words dropped, numbers kept, `U.S.` ≡ `US`, `six-month` ≡ `6-month`. With
//!    [`Finder::names`], every spelling of one person becomes one term, and so do the holders
//!    of one office that the articles give to different people (`Commerce Secretary
//!    Raimondo` where others say `Commerce Secretary Lutnick`; see [`NameKeys::match_key`]),
//!    whose swap the word diff then flags as a role divergence.
//! 2. **Rarity.** Terms are weighted by inverse sentence frequency over the corpus.
//! 3. **Candidates without all pairs.** Verbatim sentences are bucketed by the hash of their
//!    term sequence; other sentences are indexed by their rarest terms (prefix filtering), and
//!    only sentences sharing an indexed term are compared. Terms in more than
//!    [`Config::max_postings`] sentences propose nothing. In a large corpus, pairs of each
//!    sentence's [`Config::pair_terms`] rarest terms are indexed too (a pair stays rare where
//!    each term alone is common), and sentences sharing three such pairs are compared. There
//!    too, name-like words (capitalised, not first in the sentence) index their sentence by
//!    their consonant skeleton (`Bessent`, `Becent` → `bsnt`), alone and in pairs, so that a
//!    copy with its names respelled is compared; skeletons only propose pairs, they are never
//!    terms. A verbatim sentence in [`Config::group_articles`] articles or more becomes a
//!    group.
//! 4. **Passages.** Each sentence keeps its best partner in the other article; matches on one
//!    diagonal (gaps of up to two sentences allowed), and copied sentences close together in
//!    any order, join into a passage of at most
//!    [`Config::max_paragraphs`] paragraphs a side (runs of near copies stay whole). Between
//!    two articles with eight sentences or more matched on each side (versions of one story), the
//!    sentence pair next to a paraphrase match on its diagonal joins its passage at a lower
//!    bar (two shared terms, Dice 0.15 instead of 0.2): one fact told over two sentences on
//!    each side, whose second half shares less.
//! 5. **Score.** `similarity × amount × penalties`, where similarity is the larger of the
//!    rarity-weighted term overlap (three quarters Dice, one quarter containment) and the word-diff ratio,
//!    amount is `(1 − exp(−(shared weight − ln N) / 9)) × (1 − exp(−shared terms / 2.5))`
//!    (two shared words score far below a shared forty-word sentence; `ln N`, over the `N`
//!    sentences of the corpus, is the weight two sentences share by chance when each is
//!    compared with all others, so a larger corpus asks for rarer evidence). Shared terms are counted by rarity
//!    (a term in more than about one sentence in eight counts less than one). A paraphrase,
//!    whose words need not be in order, counts its shared terms against 4 instead of 2.5,
//!    since terms shared in any order happen by accident far more often, and counts a shared
//!    phrase (content words adjacent on both sides) as one term, or, when it is longer than
//!    six words, as its words beyond the fifth. Each differing number (×0.9) or
//!    negation (×0.85) lowers the score. A passage of several matched sentences scores at
//!    least `1 − Π(1 − s)` over its sentence pairs' own scores: evidence adds up.
//!    Kind: `verbatim` when the words are the same in order (ratio 1), `near` from 0.6,
//!    `paraphrase` below.
//!
//! Work runs in parallel with rayon; output is sorted by a total order and is the same for
//! any thread count and any input order.
//!
//! # Example
//!
//! ```
//! use newsdiff_diff::{Finder, Kind};
//! use newsdiff_ingest::parse_text;
//!
//! let a = parse_text("a", "Trump said the talks with China were going well but China is not easy to deal with.\n");
//! let b = parse_text("b", "Markets rose.\nTrump said talks with China were going well, but China is not easy to deal with.\n");
//! let found = Finder::new().find(&[a, b]);
//! assert_eq!(found.overlaps.len(), 1);
//! let o = &found.overlaps[0];
//! assert_eq!((o.a.article.as_str(), o.b.article.as_str()), ("a", "b"));
//! assert!(o.b.text.starts_with("Trump said talks"));
//! assert_eq!(o.kind, Kind::Near);
//! ```
#![deny(missing_docs)]

mod candidates;
mod config;
mod disjoint;
mod find;
mod model;
mod names;
mod passage;
mod prepare;
mod progress;
mod score;
mod skeleton;
mod source;
// Each stage of the search on its own, for the benches of `newsdiff-bench`. Not a stable
// API: hidden, outside semver, may change or go away in any release (see its module docs).
#[doc(hidden)]
pub mod stages;
mod story;
mod weights;
mod worddiff;

pub use config::{Config, ConfigError, DEFAULT_MIN_SCORE};
pub use model::{
    DiffOp, Divergence, DivergenceKind, Group, Kind, Member, Op, Overlap, Overlaps, Piece, Side,
    lines_of,
};
pub use names::{MAX_ROLE_HOLDERS, NameKey, NameKeys, name_report};
pub use progress::{NoProgress, Progress};
pub use source::ArticleSource;
pub use story::{
    DEFAULT_STORY_DENSITY, DEFAULT_STORY_LINK, Occurrence, SharedPassage, Story, StoryArticle,
    StoryBuilder, StoryView, UniquePassage, date_key,
};
pub use worddiff::{DiffSide, WordDiff, word_diff};

use newsdiff_ingest::Article;
use newsdiff_normalize::Analyzer;

/// Finds overlaps between articles: the configured search.
///
/// `Finder::new()` has the defaults of [`Config`]; the setters form a small builder. Name
/// matching is off until [`Finder::names`] gives it the name keys of the same articles,
/// which the `newsdiff` command does for up to 20,000 articles:
/// `Finder::new().names(NameKeys::of_articles(&articles)).find(&articles)`. Without it,
/// spelling variants of one person (`Bessent`, `Becent`) are different words, and no name,
/// role or speaker divergence is flagged.
#[derive(Debug, Clone, Default)]
pub struct Finder {
    config: Config,
    analyzer: std::sync::Arc<Analyzer>,
    names: Option<NameKeys>,
    only_article: Option<String>,
    only_pair: Option<(String, String)>,
}

impl Finder {
    /// A finder with the default configuration.
    pub fn new() -> Self {
        Self::default()
    }

    /// A finder with this configuration.
    pub fn with_config(config: Config) -> Self {
        Self {
            config,
            ..Self::default()
        }
    }

    /// A finder with this configuration, once [`Config::validate`] accepts it. (The setters
    /// and [`Finder::with_config`] take any value: a NaN threshold then reports nothing.)
    ///
    /// # Errors
    ///
    /// The first field of `config` out of its range.
    pub fn try_with_config(config: Config) -> Result<Self, ConfigError> {
        config.validate()?;
        Ok(Self::with_config(config))
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Lowest score reported (0 to 1).
    pub fn min_score(mut self, s: f64) -> Self {
        self.config.min_score = s;
        self
    }

    /// Fewest shared content words for a passage to be reported.
    pub fn min_words(mut self, n: usize) -> Self {
        self.config.min_words = n;
        self
    }

    /// Ignores sentences containing any of these phrases (case-insensitive; blank phrases
    /// are dropped).
    pub fn ignore_phrases(mut self, phrases: Vec<String>) -> Self {
        // (a blank phrase is in every sentence: it would ignore everything)
        self.config.ignore_phrases = phrases
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect();
        self
    }

    /// Uses this analyzer (language, stemming, stop words) for content terms.
    pub fn analyzer(mut self, analyzer: Analyzer) -> Self {
        self.analyzer = std::sync::Arc::new(analyzer);
        self
    }

    /// Treats person-name mentions with one key as one term (spelling variants of a person),
    /// and compares them in the word diff (name, role and speaker divergences). `names`
    /// must hold the mentions of the articles searched ([`NameKeys::of_articles`]).
    pub fn names(mut self, names: NameKeys) -> Self {
        self.names = Some(names);
        self
    }

    /// Reports only overlaps involving this article.
    pub fn only_article(mut self, id: impl Into<String>) -> Self {
        self.only_article = Some(id.into());
        self
    }

    /// Reports only overlaps between these two articles.
    pub fn only_pair(mut self, a: impl Into<String>, b: impl Into<String>) -> Self {
        self.only_pair = Some((a.into(), b.into()));
        self
    }

    /// Finds every overlap between two different articles.
    ///
    /// Ids must be unique, as every reader of this workspace ensures: two articles with
    /// one id are two articles to the search, but the output cannot tell them apart.
    /// A paragraph whose span is off its article's text (possible only in an article
    /// built by hand) is skipped.
    pub fn find(&self, articles: &[Article]) -> Overlaps {
        self.find_with_progress(articles, &NoProgress)
    }

    /// As [`Finder::find`], reporting progress.
    pub fn find_with_progress(&self, articles: &[Article], progress: &dyn Progress) -> Overlaps {
        let mut overlaps = Vec::new();
        let groups = self.find_each(articles, progress, &mut |o| {
            overlaps.push(o);
            std::ops::ControlFlow::Continue(())
        });
        Overlaps { overlaps, groups }
    }

    /// As [`Finder::find_with_progress`], but hands each overlap to `on_overlap` as soon as
    /// its batch is scored, in the same order as [`Overlaps::overlaps`], instead of holding
    /// them all; returns the groups. Memory then holds one batch of overlaps (tens of
    /// thousands), not every one: write them out as they come. Once `on_overlap` returns
    /// [`ControlFlow::Break`](std::ops::ControlFlow::Break) (say, the output is closed), no
    /// further overlap is scored or handed over.
    pub fn find_each(
        &self,
        articles: &[Article],
        progress: &dyn Progress,
        on_overlap: &mut dyn FnMut(Overlap) -> std::ops::ControlFlow<()>,
    ) -> Vec<Group> {
        match self.find_each_in(articles, progress, on_overlap) {
            Ok(groups) => groups,
            Err(never) => match never {},
        }
    }

    /// As [`Finder::find_each`], over any [`ArticleSource`]: articles are cut into sentences
    /// a batch at a time, and afterwards only the texts a batch of passages (or the groups)
    /// needs are asked for again, so that a source that reads them from disk (an
    /// [`Index`](newsdiff_ingest::Index)) never holds every text. The output is the same as
    /// for the same articles in a slice.
    ///
    /// # Errors
    ///
    /// The first error of the source; overlaps handed over before it stand.
    pub fn find_each_in<S: ArticleSource + ?Sized>(
        &self,
        source: &S,
        progress: &dyn Progress,
        on_overlap: &mut dyn FnMut(Overlap) -> std::ops::ControlFlow<()>,
    ) -> Result<Vec<Group>, S::Error> {
        let keep = |a: &str, b: &str| {
            let article_ok = self
                .only_article
                .as_deref()
                .is_none_or(|id| a == id || b == id);
            let pair_ok = self
                .only_pair
                .as_ref()
                .is_none_or(|(x, y)| (a == x && b == y) || (a == y && b == x));
            article_ok && pair_ok
        };
        find::run(
            source,
            &self.config,
            &self.analyzer,
            self.names.as_ref(),
            &keep,
            progress,
            on_overlap,
        )
    }
}

/// Finds overlaps with the default configuration.
pub fn find_overlaps(articles: &[Article]) -> Overlaps {
    Finder::new().find(articles)
}

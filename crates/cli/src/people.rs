//! Person names for the commands that need them, through `newsdiff-diff`'s one place that
//! turns articles into name documents (content paragraphs only, with dates).

use newsdiff_diff::NameKeys;
use newsdiff_ingest::Article;
use newsdiff_normalize::names::NameReport;

/// Runs name clustering over the articles' content paragraphs.
pub fn report(articles: &[Article], fuzzy: bool) -> NameReport {
    newsdiff_diff::name_report(articles, fuzzy)
}

/// The person key of every name mention, for name-aware overlap matching.
pub fn keys(articles: &[Article]) -> NameKeys {
    NameKeys::of_articles(articles)
}

/// The person keys of an existing name report.
pub fn keys_of(report: &NameReport, articles: &[Article]) -> NameKeys {
    NameKeys::from_report(report, articles)
}

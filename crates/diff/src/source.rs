//! [`ArticleSource`]: where the search gets articles from, so that texts need not all be held.

use std::borrow::Cow;
use std::convert::Infallible;

use newsdiff_ingest::{Article, Index, IngestError};
use rayon::prelude::*;

/// Articles the search can ask for again by index: all of them once, a batch at a time, to
/// cut them into sentences and terms, then the texts of the few a batch of passages needs, to
/// word-diff them and report them. [`Finder::find_each_in`](crate::Finder::find_each_in)
/// searches one.
///
/// Slices of articles are sources (nothing is copied); so is an
/// [`Index`] of JSON Lines records, which reads records again (in
/// parallel) and so holds no text between batches.
///
/// Indices are `0..len()`; the search numbers articles by id, whatever the source's order.
pub trait ArticleSource: Sync {
    /// What can go wrong while loading.
    type Error: Send;

    /// Number of articles.
    fn len(&self) -> usize;

    /// Whether there is no article.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The id of article `i`.
    fn id(&self, i: usize) -> &str;

    /// The articles `indices`, in that order.
    ///
    /// # Errors
    ///
    /// Whatever keeps the source from giving them.
    fn load(&self, indices: &[usize]) -> Result<Vec<Cow<'_, Article>>, Self::Error>;

    /// The texts ([`Article::text`]) of the articles `indices`, in that order. By default
    /// the texts of [`ArticleSource::load`].
    ///
    /// # Errors
    ///
    /// As [`ArticleSource::load`].
    fn texts(&self, indices: &[usize]) -> Result<Vec<Cow<'_, str>>, Self::Error> {
        Ok(self
            .load(indices)?
            .into_iter()
            .map(|a| match a {
                Cow::Borrowed(a) => Cow::Borrowed(a.text.as_str()),
                Cow::Owned(a) => Cow::Owned(a.text),
            })
            .collect())
    }
}

impl ArticleSource for [Article] {
    type Error = Infallible;

    fn len(&self) -> usize {
        <[Article]>::len(self)
    }

    fn id(&self, i: usize) -> &str {
        &self[i].id
    }

    fn load(&self, indices: &[usize]) -> Result<Vec<Cow<'_, Article>>, Infallible> {
        Ok(indices.iter().map(|&i| Cow::Borrowed(&self[i])).collect())
    }

    fn texts(&self, indices: &[usize]) -> Result<Vec<Cow<'_, str>>, Infallible> {
        Ok(indices
            .iter()
            .map(|&i| Cow::Borrowed(self[i].text.as_str()))
            .collect())
    }
}

/// Records are read again this many to a task (each task opens its files once).
const LOAD_TASK: usize = 256;

impl ArticleSource for Index {
    type Error = IngestError;

    fn len(&self) -> usize {
        Index::len(self)
    }

    fn id(&self, i: usize) -> &str {
        Index::id(self, i)
    }

    fn load(&self, indices: &[usize]) -> Result<Vec<Cow<'_, Article>>, IngestError> {
        let parts = indices
            .par_chunks(LOAD_TASK)
            .map(|c| self.load_many(c))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(parts.into_iter().flatten().map(Cow::Owned).collect())
    }

    fn texts(&self, indices: &[usize]) -> Result<Vec<Cow<'_, str>>, IngestError> {
        let parts = indices
            .par_chunks(LOAD_TASK)
            .map(|c| self.load_texts(c))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(parts.into_iter().flatten().map(Cow::Owned).collect())
    }
}

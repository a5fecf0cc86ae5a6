//! Overlapping passages across news articles, scored and word-diffed.
//!
//! Skeleton: this crate is built by a later issue (see the workspace README). It exists now so
//! that the workspace layout, dependencies and CI are in place.
#![deny(missing_docs)]

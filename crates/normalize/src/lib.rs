//! Skeleton: this crate is built by a later issue. See the workspace README.

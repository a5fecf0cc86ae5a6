//! The crate's error type.

/// Errors of this crate. Normalizing, tokenizing and splitting never fail; only loading an
/// [`OffsetMap`](crate::OffsetMap) from untrusted data (deserializing) can.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NormalizeError {
    /// A deserialized offset map breaks an invariant (not monotone, out of bounds, ...).
    #[error("invalid offset map: {reason}")]
    InvalidMap {
        /// Which invariant is broken.
        reason: &'static str,
    },
}

/// `Result` with [`NormalizeError`] as the default error.
pub type Result<T, E = NormalizeError> = std::result::Result<T, E>;

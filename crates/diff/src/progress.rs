//! Progress reporting: how long work reaches a user interface without the library printing.

/// Receives progress from a long run. Every method has a no-op default.
pub trait Progress: Sync {
    /// A stage starts, with the number of steps it will take (0 when unknown).
    fn stage(&self, _name: &'static str, _total: u64) {}
    /// `n` more steps of the current stage are done.
    fn inc(&self, _n: u64) {}
    /// The run is over.
    fn finish(&self) {}
}

/// Progress that goes nowhere.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoProgress;

impl Progress for NoProgress {}

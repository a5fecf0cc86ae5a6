//! Progress on stderr: stage timings with `--verbose`.

use std::sync::Mutex;
use std::time::Instant;

use newsdiff_diff::Progress;

/// Prints each stage's name and the time the previous one took, on stderr.
pub struct StageTimer {
    state: Mutex<(Instant, Option<&'static str>, Instant)>,
}

impl StageTimer {
    /// Starts the clock.
    pub fn new() -> Self {
        let now = Instant::now();
        Self {
            state: Mutex::new((now, None, now)),
        }
    }

    fn close(&self, next: Option<&'static str>) {
        if let Ok(mut s) = self.state.lock() {
            let now = Instant::now();
            if let Some(name) = s.1 {
                crate::output::note(&format!("{name}: {:.3} s", (now - s.0).as_secs_f64()));
            }
            if next.is_none() {
                crate::output::note(&format!("total: {:.3} s", (now - s.2).as_secs_f64()));
            }
            *s = (now, next, s.2);
        }
    }
}

impl Progress for StageTimer {
    fn stage(&self, name: &'static str, total: u64) {
        self.close(Some(name));
        if total > 0 {
            crate::output::note(&format!("{name}: {total} items"));
        }
    }

    fn finish(&self) {
        self.close(None);
    }
}

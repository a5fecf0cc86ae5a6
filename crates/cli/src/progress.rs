//! Progress on stderr: stage timings with `--verbose`, and a bar for long runs with text
//! output on a terminal.

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

/// A progress bar on stderr (indicatif), one stage at a time. Only made when stderr is a
/// terminal (and the caller only asks for it with text output): pipes and machine-readable
/// runs see nothing.
pub struct Bar {
    bar: indicatif::ProgressBar,
    /// For a stage of known size.
    sized: indicatif::ProgressStyle,
    /// For a stage whose size is unknown (0): a count, never a bar drawn full at `0/0` or a
    /// count past its length (`5/0`).
    counted: indicatif::ProgressStyle,
}

impl Bar {
    /// A bar if stderr is a terminal, else `None`.
    pub fn on_terminal() -> Option<Self> {
        use std::io::IsTerminal;
        if !std::io::stderr().is_terminal() {
            return None;
        }
        let bar = indicatif::ProgressBar::new(0);
        let sized = indicatif::ProgressStyle::with_template(
            "{prefix:>10} [{bar:30}] {pos}/{len} {elapsed}",
        )
        .map(|s| s.progress_chars("=> "))
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
        let counted =
            indicatif::ProgressStyle::with_template("{prefix:>10} {spinner} {pos} {elapsed}")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
        bar.set_style(counted.clone());
        Some(Self {
            bar,
            sized,
            counted,
        })
    }
}

impl Progress for Bar {
    fn stage(&self, name: &'static str, total: u64) {
        self.bar.set_prefix(name);
        self.bar.set_style(if total > 0 {
            self.sized.clone()
        } else {
            self.counted.clone()
        });
        self.bar.set_length(total);
        self.bar.set_position(0);
    }

    fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

//! Wall time, CPU time and peak resident memory of a stage, read without `unsafe`:
//! CPU from `getrusage` (via `nix`), peak RSS from `/proc/self/status` (`VmHWM`, reset per
//! stage through `/proc/self/clear_refs`) and, for subprocesses, `getrusage(RUSAGE_CHILDREN)`.

use std::time::Instant;

use nix::sys::resource::{Usage, UsageWho, getrusage};
use serde::Serialize;

/// What one stage cost.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Cost {
    /// Elapsed seconds.
    pub wall_s: f64,
    /// User + system CPU seconds (of this process, or of the child for subprocesses).
    pub cpu_s: f64,
    /// Peak resident set during the stage, MB (10^6 bytes).
    pub peak_rss_mb: f64,
}

fn cpu(u: &Usage) -> f64 {
    let t = |tv: nix::sys::time::TimeVal| tv.tv_sec() as f64 + tv.tv_usec() as f64 * 1e-6;
    t(u.user_time()) + t(u.system_time())
}

fn usage(who: UsageWho) -> Option<Usage> {
    getrusage(who).ok()
}

/// Resets the kernel's peak-RSS mark of this process to the current RSS (Linux ≥ 4.0; a
/// no-op elsewhere, in which case peaks are since process start).
pub fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident set of this process since the last [`reset_peak`], bytes.
pub fn peak_rss() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or_else(
            || usage(UsageWho::RUSAGE_SELF).map_or(0, |u| u.max_rss() as u64 * 1024),
            |kb| kb * 1024,
        )
}

/// Runs `f` in this process and measures it.
pub fn in_process<T>(f: impl FnOnce() -> T) -> (T, Cost) {
    reset_peak();
    let before = usage(UsageWho::RUSAGE_SELF);
    let t = Instant::now();
    let out = f();
    let wall_s = t.elapsed().as_secs_f64();
    let after = usage(UsageWho::RUSAGE_SELF);
    let cpu_s = match (before, after) {
        (Some(b), Some(a)) => cpu(&a) - cpu(&b),
        _ => 0.0,
    };
    let cost = Cost {
        wall_s,
        cpu_s,
        peak_rss_mb: peak_rss() as f64 / 1e6,
    };
    (out, cost)
}

/// Peak resident set of process `pid` so far, bytes (`VmHWM`; 0 once it has exited).
fn peak_rss_of(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}

/// Runs `cmd` to completion with stdout sent to `stdout` and measures it. CPU time comes from
/// `getrusage(RUSAGE_CHILDREN)`; the peak RSS is the child's `VmHWM`, polled every 5 ms
/// while it runs (the kernel's children `maxrss` would count the harness itself, copied at
/// fork).
///
/// # Errors
///
/// An I/O error starting the command, or a failure status (other than 1, "nothing found").
pub fn subprocess(cmd: &mut std::process::Command, stdout: std::fs::File) -> std::io::Result<Cost> {
    let before = usage(UsageWho::RUSAGE_CHILDREN);
    let t = Instant::now();
    let mut child = cmd.stdout(stdout).spawn()?;
    let mut peak = 0;
    let status = loop {
        peak = peak.max(peak_rss_of(child.id()));
        if let Some(status) = child.try_wait()? {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let wall_s = t.elapsed().as_secs_f64();
    let after = usage(UsageWho::RUSAGE_CHILDREN);
    if !status.success() && status.code() != Some(1) {
        return Err(std::io::Error::other(format!("{cmd:?} failed: {status}")));
    }
    let cpu_s = match (before, after) {
        (Some(b), Some(a)) => cpu(&a) - cpu(&b),
        _ => 0.0,
    };
    Ok(Cost {
        wall_s,
        cpu_s,
        peak_rss_mb: peak as f64 / 1e6,
    })
}

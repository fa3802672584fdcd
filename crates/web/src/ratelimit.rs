//! Per-address limit on login attempts (in memory, per app server: with
//! several servers each allows the limit; the per-account lockout is shared).

use chrono::{DateTime, Duration, Utc};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;

pub struct RateLimiter {
    max: usize,
    window: Duration,
    seen: Mutex<HashMap<String, VecDeque<DateTime<Utc>>>>,
}

impl RateLimiter {
    pub fn new(max: usize, window: Duration) -> Self {
        Self {
            max,
            window,
            seen: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the address may try again: fewer than `max` failures in the window.
    /// Only failures count, so a whole office behind one address can log in at nine.
    pub fn allows(&self, key: &str, now: DateTime<Utc>) -> bool {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        match seen.get_mut(key) {
            Some(q) => {
                while q.front().is_some_and(|t| now - *t >= self.window) {
                    q.pop_front();
                }
                q.len() < self.max
            }
            None => true,
        }
    }

    /// Counts a failed attempt from the address.
    pub fn failed(&self, key: &str, now: DateTime<Utc>) {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() > 10_000 {
            // Bound memory: forget addresses that have gone quiet.
            seen.retain(|_, q| q.back().is_some_and(|t| now - *t < self.window));
        }
        seen.entry(key.to_owned()).or_default().push_back(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_failures_per_address_within_the_window() {
        let rl = RateLimiter::new(3, Duration::minutes(10));
        let t0: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        for _ in 0..3 {
            assert!(rl.allows("a", t0));
            rl.failed("a", t0);
        }
        assert!(!rl.allows("a", t0 + Duration::minutes(1)));
        assert!(rl.allows("b", t0), "another address has its own budget");
        assert!(
            rl.allows("a", t0 + Duration::minutes(10)),
            "failures expire"
        );
    }
}

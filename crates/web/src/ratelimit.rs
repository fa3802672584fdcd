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

    /// Counts an attempt; false when the address is over its limit.
    pub fn allow(&self, key: &str, now: DateTime<Utc>) -> bool {
        let mut seen = self
            .seen
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if seen.len() > 10_000 {
            // Bound memory: forget addresses that have gone quiet.
            seen.retain(|_, q| q.back().is_some_and(|t| now - *t < self.window));
        }
        let q = seen.entry(key.to_owned()).or_default();
        while q.front().is_some_and(|t| now - *t >= self.window) {
            q.pop_front();
        }
        if q.len() >= self.max {
            return false;
        }
        q.push_back(now);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_per_address_within_the_window() {
        let rl = RateLimiter::new(3, Duration::minutes(10));
        let t0: DateTime<Utc> = "2026-11-22T10:00:00Z".parse().unwrap();
        assert!(rl.allow("a", t0));
        assert!(rl.allow("a", t0));
        assert!(rl.allow("a", t0));
        assert!(!rl.allow("a", t0 + Duration::minutes(1)));
        assert!(rl.allow("b", t0), "another address has its own budget");
        assert!(rl.allow("a", t0 + Duration::minutes(10)));
    }
}

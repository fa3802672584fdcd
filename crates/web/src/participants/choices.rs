//! What every file page of an organisation offers alike (its casemanagers to
//! assign, the languages it has message texts in: `db::participants::
//! OrgChoices`), kept a moment between pages instead of read with each. On
//! PostgreSQL it was a quarter of a file page's statement, the same answer
//! for every file of the organisation.
//!
//! Kept choices never decide anything: a reassignment checks its
//! casemanager, a message language is checked when saved. So they may be a
//! little old, within bounds:
//! - any change made through this server (any successful POST, PUT, PATCH
//!   or DELETE) empties them: cheaper than knowing which changes touch
//!   them, and no new form can forget to;
//! - changes made elsewhere (another app server, the command line) show
//!   after at most [`KEEP`].

use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use db::participants::OrgChoices;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long choices read by this server are used at most. A monotonic
/// duration, not business time, so not the injectable clock's.
pub const KEEP: Duration = Duration::from_secs(10);

/// Above this many organisations kept, the stale ones are dropped.
const PRUNE_ABOVE: usize = 256;

struct Kept {
    read_at: Instant,
    generation: u64,
    choices: Arc<OrgChoices>,
}

/// The kept choices per organisation.
#[derive(Default)]
pub struct Choices {
    kept: Mutex<HashMap<String, Kept>>,
    /// Bumped by every change: choices read before it are not used after.
    generation: AtomicU64,
}

impl Choices {
    /// The generation to hand back to [`Choices::keep`] with choices read
    /// from now on.
    pub fn generation(&self) -> u64 {
        self.generation.load(Ordering::Acquire)
    }

    /// The organisation's choices, if read since the last change and less
    /// than [`KEEP`] ago.
    pub fn get(&self, organisation_id: &str) -> Option<Arc<OrgChoices>> {
        let now = self.generation();
        let kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        kept.get(organisation_id)
            .filter(|k| k.generation == now && k.read_at.elapsed() < KEEP)
            .map(|k| k.choices.clone())
    }

    /// Keeps choices read after [`Choices::generation`] gave `generation`;
    /// a change since then leaves them unused.
    pub fn keep(&self, organisation_id: &str, generation: u64, choices: Arc<OrgChoices>) {
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if kept.len() > PRUNE_ABOVE {
            kept.retain(|_, k| k.read_at.elapsed() < KEEP);
        }
        kept.insert(
            organisation_id.to_owned(),
            Kept {
                read_at: Instant::now(),
                generation,
                choices,
            },
        );
    }

    /// After a change: no choices read before it are used again.
    pub fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }
}

/// Middleware: a request that may have changed something and did not fail
/// empties the kept choices once it is answered (and so committed).
pub async fn forget_after_changes(
    State(choices): State<Arc<Choices>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method().is_safe() {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if !(response.status().is_client_error() || response.status().is_server_error()) {
        choices.changed();
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn choices(name: &str) -> Arc<OrgChoices> {
        Arc::new(OrgChoices {
            casemanagers: vec![("u1".into(), name.into())],
            languages: vec!["ar".into()],
        })
    }

    #[test]
    fn kept_choices_serve_until_a_change() {
        let kept = Choices::default();
        assert!(kept.get("org").is_none());
        let g = kept.generation();
        kept.keep("org", g, choices("Fictief Eén"));
        assert_eq!(kept.get("org"), Some(choices("Fictief Eén")));
        assert!(kept.get("other").is_none());
        kept.changed();
        assert!(kept.get("org").is_none());
    }

    #[test]
    fn choices_read_before_a_change_are_not_kept_for_after_it() {
        let kept = Choices::default();
        // Read began, then a change committed, then the read was kept.
        let g = kept.generation();
        kept.changed();
        kept.keep("org", g, choices("Fictief Oud"));
        assert!(kept.get("org").is_none());
    }
}

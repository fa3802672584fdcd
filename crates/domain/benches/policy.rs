//! Cost of one authorisation decision (target: far under 1 ms per request).
//! Plain timing loop: `cargo bench -p domain --bench policy`.

use domain::model::Role;
use domain::policy::{Action, Actor, Resource, authorize};
use std::hint::black_box;
use std::time::Instant;

fn main() {
    let actor = Actor::Staff {
        user_id: "0190c0de-0000-7000-8000-000000000001".into(),
        organisation_id: "0190c0de-0000-7000-8000-0000000000aa".into(),
        role: Role::Casemanager,
    };
    let casemanagers: Vec<String> = (0..3)
        .map(|i| format!("0190c0de-0000-7000-8000-00000000000{i}"))
        .collect();
    let resource = Resource::Participant {
        organisation_id: "0190c0de-0000-7000-8000-0000000000aa",
        casemanager_ids: &casemanagers,
        facilitator_ids: &[],
    };
    let rounds = 1_000_000;
    let start = Instant::now();
    let mut allowed = 0_u32;
    for _ in 0..rounds {
        if authorize(
            black_box(&actor),
            Action::ReadParticipantFile,
            black_box(resource),
            None,
        )
        .is_ok()
        {
            allowed += 1;
        }
    }
    let per_call = start.elapsed().as_nanos() as f64 / f64::from(rounds);
    assert_eq!(allowed, rounds);
    println!("policy::authorize: {per_call:.0} ns per decision ({rounds} decisions)");
}

//! The staff digest: once a day, from the organisation's digest hour, each
//! casemanager and coordinator who has not turned it off gets a short email
//! of what needs her (absences to follow up, overdue evaluations, messages
//! not delivered, new intakes): counts and a link, never a name.

use super::page::staff_message;
use crate::error::DbResult;
use crate::participants::Origin;
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use domain::clock::brussels_local;
use domain::messages::{MessageKind, MessageStatus, StaffFacts};
use domain::model::Role;
use domain::policy::Actor;
use std::collections::HashSet;

/// What one staff member's digest would say.
pub fn counts(conn: &mut DbConn, actor: &Actor, now: NaiveDateTime) -> DbResult<StaffFacts> {
    let today = brussels_local(now).date();
    let origin = Origin::new(None, now);
    let to_call = crate::groups::attendance::to_call(conn, actor)?.len();
    let attention = super::attention(conn, actor, now)?;
    let read = match actor.role() {
        Some(Role::Coordinator) => crate::dashboard::team(conn, actor, today, origin)
            .map(|t| (t.overdue_evaluations.len(), t.unassigned.len())),
        _ => crate::dashboard::casemanager_day(conn, actor, today, origin)
            .map(|d| (d.overdue_evaluations.len(), d.new_intakes.len())),
    };
    let (overdue, intakes) = match read {
        Ok(x) => x,
        Err(crate::participants::AccessError::Db(e)) => return Err(e),
        // A role the dashboard refuses has nothing there to count.
        Err(crate::participants::AccessError::Denied(_)) => (0, 0),
    };
    let n = |x: usize| i64::try_from(x).unwrap_or(i64::MAX);
    Ok(StaffFacts {
        session: None,
        absences: n(to_call + attention.reported.len()),
        overdue: n(overdue),
        failed: n(attention.failed.len()),
        intakes: n(intakes),
        link: "/dashboard".to_owned(),
    })
}

/// Queues today's digests that are due at `now` and not queued yet, for
/// every organisation. A digest with nothing to say is kept as withdrawn,
/// so that it is not worked out again every minute. Returns how many were
/// queued to be sent.
pub fn queue_digests(conn: &mut DbConn, now: NaiveDateTime) -> DbResult<usize> {
    let local = brussels_local(now);
    let today = local.date();
    let due_orgs: Vec<String> = organisations::table
        .filter(organisations::digest_at.le(local.time()))
        .select(organisations::id)
        .load(conn)?;
    let mut queued = 0;
    for org in due_orgs {
        type Row = (String, String, String, Option<String>);
        let staff: Vec<Row> = memberships::table
            .inner_join(users::table)
            .filter(memberships::organisation_id.eq(&org))
            .filter(memberships::digest.eq(true))
            .filter(memberships::role.eq_any([Role::Casemanager.code(), Role::Coordinator.code()]))
            .filter(users::active.eq(true))
            .select((
                users::id,
                memberships::role,
                users::email,
                users::preferred_language,
            ))
            .load(conn)?;
        let key = |user: &str| format!("digest:{org}:{user}:{today}");
        let keys: Vec<String> = staff.iter().map(|s| key(&s.0)).collect();
        let done: HashSet<String> = messages::table
            .filter(messages::dedupe_key.eq_any(&keys))
            .select(messages::dedupe_key)
            .load::<String>(conn)?
            .into_iter()
            .collect();
        for (user_id, role, email, language) in staff {
            if done.contains(&key(&user_id)) {
                continue;
            }
            let Ok(role) = role.parse::<Role>() else {
                continue;
            };
            let actor = Actor::Staff {
                user_id: user_id.clone(),
                organisation_id: org.clone(),
                role,
            };
            let facts = counts(conn, &actor, now)?;
            let mut row = staff_message(
                &org,
                &user_id,
                email,
                language,
                MessageKind::Digest,
                &facts,
                key(&user_id),
                now,
            );
            let empty = facts.absences + facts.overdue + facts.failed + facts.intakes == 0;
            if empty {
                row.status = MessageStatus::Withdrawn.code().to_owned();
            }
            let added = crate::backend::write_tx(conn, |conn| super::insert_new(conn, vec![row]))?;
            if !empty {
                queued += added;
            }
        }
    }
    Ok(queued)
}

/// Whether the staff member gets the digest in her current organisation.
pub fn wants_digest(conn: &mut DbConn, actor: &Actor) -> DbResult<bool> {
    let Some(org) = actor.organisation_id() else {
        return Ok(false);
    };
    Ok(memberships::table
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::user_id.eq(actor.user_id()))
        .select(memberships::digest)
        .first::<bool>(conn)
        .optional()?
        .unwrap_or(false))
}

/// Turns her digest on or off in her current organisation.
pub fn set_digest(
    conn: &mut DbConn,
    actor: &Actor,
    on: bool,
    ip: Option<&str>,
    at: NaiveDateTime,
) -> DbResult<()> {
    let Some(org) = actor.organisation_id().map(str::to_owned) else {
        return Ok(());
    };
    crate::backend::write_tx(conn, |conn| {
        diesel::update(
            memberships::table
                .filter(memberships::organisation_id.eq(&org))
                .filter(memberships::user_id.eq(actor.user_id())),
        )
        .set(memberships::digest.eq(on))
        .execute(conn)?;
        crate::audit::record(
            conn,
            &crate::audit::Event::by(actor, "account.digest", ip, at).detail(if on {
                "on"
            } else {
                "off"
            }),
        )
    })
}

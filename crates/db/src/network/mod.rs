//! The network around her (issue 15): the social map of partners,
//! referrals with the sharing of her data under consent, signals of
//! structural obstacles, meetings with their decisions and reviews, the
//! learning log, and aftercare chats. The rules are in `domain::network`.

/// The storage errors as the `Access` variant of a repository's error.
macro_rules! from_storage_errors {
    ($t:ty) => {
        impl From<crate::error::DbError> for $t {
            fn from(e: crate::error::DbError) -> Self {
                Self::Access(crate::participants::AccessError::Db(e))
            }
        }

        impl From<diesel::result::Error> for $t {
            fn from(e: diesel::result::Error) -> Self {
                Self::Access(crate::participants::AccessError::Db(e.into()))
            }
        }
    };
}
pub(crate) use from_storage_errors;

pub mod aftercare;
pub mod fiction;
pub mod learning;
pub mod meetings;
pub mod partners;
pub mod referrals;
pub mod signals;

use crate::error::DbResult;
use crate::pool::DbConn;
use chrono::NaiveDate;
use domain::model::Role;
use domain::policy::Actor;

/// How many referrals to follow up a dashboard lists: the oldest, with a
/// link to all of them (a city's coordinator may have over a hundred).
pub const DASHBOARD_FOLLOW_UPS: usize = 10;

/// What the network asks of someone today, for the dashboard.
#[derive(Debug, Clone, Default)]
pub struct Due {
    /// Meeting decisions she owns, not yet done.
    pub decisions: Vec<meetings::Decision>,
    /// Referrals sitting unchanged (hers; a coordinator's: everyone's),
    /// the oldest [`DASHBOARD_FOLLOW_UPS`].
    pub follow_ups: Vec<referrals::FollowUp>,
    /// More than those wait: the dashboard links the full list.
    pub more_follow_ups: bool,
    /// Intervision overdue (hers; a coordinator's or administrator's: everyone's).
    pub intervision: Vec<learning::Overdue>,
    /// Own partners not verified for a year (for those who keep the map).
    pub stale_partners: usize,
}

impl Due {
    pub fn is_empty(&self) -> bool {
        self.decisions.is_empty()
            && self.follow_ups.is_empty()
            && self.intervision.is_empty()
            && self.stale_partners == 0
    }
}

/// The network's part of a staff member's dashboard.
pub fn due(conn: &mut DbConn, actor: &Actor, today: NaiveDate) -> DbResult<Due> {
    let (Some(org), Some(role)) = (actor.organisation_id(), actor.role()) else {
        return Ok(Due::default());
    };
    let me = actor.user_id();
    let everyone = matches!(role, Role::Coordinator | Role::Administrator);
    // One more than shown tells whether there are more, without a count.
    let shown = Some(DASHBOARD_FOLLOW_UPS as i64 + 1);
    // Whose referrals: those whose participants she may list (none, for
    // roles that may list none).
    let mut follow_ups = match crate::participants::listable(actor) {
        Ok(mine) => referrals::follow_ups(conn, org, mine.as_deref(), today, shown)?,
        Err(_) => Vec::new(),
    };
    let more_follow_ups = follow_ups.len() > DASHBOARD_FOLLOW_UPS;
    follow_ups.truncate(DASHBOARD_FOLLOW_UPS);
    let mut intervision = learning::overdue(conn, org, today)?;
    if !everyone {
        intervision.retain(|o| o.user_id == me);
    }
    let stale_partners = if matches!(role, Role::Facilitator) {
        0
    } else {
        partners::stale_count(conn, org, today)?
    };
    Ok(Due {
        decisions: meetings::open_decisions_of(conn, org, me)?,
        follow_ups,
        more_follow_ups,
        intervision,
        stale_partners,
    })
}

//! Group work: groups within a programme, their members and waiting list,
//! sessions ([`sessions`]) and attendance ([`attendance`]). Every read of a
//! group goes through [`open`], which asks the policy and records the read.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::models::*;
use crate::participants::{AccessError, Origin, refusal};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::NaiveDate;
use diesel::prelude::*;
use domain::model::Role;
use domain::participant::FieldError;
use domain::policy::{Action, Actor, Denied, Resource, authorize};

pub mod attendance;
pub mod calendar;
pub mod fiction;
pub mod practices;
pub mod sessions;

/// What a change to group work can answer besides success.
#[derive(Debug, thiserror::Error)]
pub enum GroupError {
    #[error(transparent)]
    Access(#[from] AccessError),
    #[error("invalid input")]
    Invalid(Vec<FieldError>),
    /// The group has reached its maximum: the waiting list takes her instead.
    #[error("the group is full ({max} members)")]
    Full { max: i32 },
    /// Changed by someone else since it was opened.
    #[error("changed since it was opened")]
    Stale,
}

impl From<DbError> for GroupError {
    fn from(e: DbError) -> Self {
        GroupError::Access(AccessError::Db(e))
    }
}

impl From<diesel::result::Error> for GroupError {
    fn from(e: diesel::result::Error) -> Self {
        GroupError::Access(AccessError::Db(e.into()))
    }
}

pub(crate) fn invalid(field: &'static str, code: &'static str) -> GroupError {
    GroupError::Invalid(vec![FieldError { field, code }])
}

pub const KINDS: [&str; 3] = ["adults", "childrens_group", "childcare"];

/// A group, opened by someone the policy lets see it.
#[derive(Debug, Clone)]
pub struct Opened {
    pub group: Group,
    pub facilitator_ids: Vec<String>,
}

pub(crate) fn facilitators_of(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
) -> DbResult<Vec<String>> {
    Ok(crate::direct!(conn, |c| group_facilitators::table
        .filter(group_facilitators::organisation_id.eq(org))
        .filter(group_facilitators::group_id.eq(group_id))
        .select(group_facilitators::user_id)
        .load(c))?)
}

/// Loads a group of the actor's organisation and asks the policy for
/// `action` on it. Another organisation's group is "not found"; a refusal is
/// recorded (a read is recorded by the caller with what it showed).
pub fn open(
    conn: &mut DbConn,
    actor: &Actor,
    action: Action,
    audit_action: &str,
    group_id: &str,
    origin: Origin<'_>,
) -> Result<Opened, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let group: Option<Group> = crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(&org))
        .filter(groups::id.eq(group_id))
        .select(Group::as_select())
        .first(c))
    .optional()?;
    let refuse = |conn: &mut DbConn, why: Denied| -> Result<(), AccessError> {
        let event = refusal(actor, audit_action, None, why, origin).about("group", group_id);
        origin.record(conn, &[event])?;
        Ok(())
    };
    let Some(group) = group else {
        let why = if actor.organisation_id().is_none() {
            Denied::AnalystNoRecords
        } else {
            Denied::OtherOrganisation
        };
        refuse(conn, why)?;
        return Err(if why == Denied::AnalystNoRecords {
            AccessError::Denied(why)
        } else {
            AccessError::Db(DbError::NotFound("group"))
        });
    };
    let facilitator_ids = facilitators_of(conn, &org, group_id)?;
    let resource = Resource::Group {
        organisation_id: &org,
        facilitator_ids: &facilitator_ids,
    };
    if let Err(why) = authorize(actor, action, resource, None) {
        refuse(conn, why)?;
        return Err(AccessError::Denied(why));
    }
    Ok(Opened {
        group,
        facilitator_ids,
    })
}

/// Opens a group to change it: planning and placing need the right to
/// manage groups and to see this one.
pub fn open_to_manage(
    conn: &mut DbConn,
    actor: &Actor,
    audit_action: &str,
    group_id: &str,
    origin: Origin<'_>,
) -> Result<Opened, AccessError> {
    require(conn, actor, Action::ManageGroups, audit_action, origin)?;
    open(
        conn,
        actor,
        Action::ReadGroup,
        audit_action,
        group_id,
        origin,
    )
}

/// An organisation-wide group action (create a group, see the list).
pub fn require(
    conn: &mut DbConn,
    actor: &Actor,
    action: Action,
    audit_action: &str,
    origin: Origin<'_>,
) -> Result<String, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    match authorize(actor, action, Resource::Organisation { id: &org }, None) {
        Ok(_) => Ok(org),
        Err(why) => {
            origin.record(conn, &[refusal(actor, audit_action, None, why, origin)])?;
            Err(AccessError::Denied(why))
        }
    }
}

/// One line of the groups list.
#[derive(Debug, Clone)]
pub struct GroupLine {
    pub group: Group,
    pub programme: String,
    pub members: i64,
    pub waiting: i64,
    pub next_session: Option<NaiveDate>,
}

/// The groups the actor may see: all of the organisation's for coordinators
/// and casemanagers, her own for a facilitator; refused for administrators.
pub fn list(
    conn: &mut DbConn,
    actor: &Actor,
    today: NaiveDate,
    origin: Origin<'_>,
) -> Result<Vec<GroupLine>, AccessError> {
    let org = actor.organisation_id().unwrap_or_default().to_owned();
    let role = actor.role();
    if !matches!(
        role,
        Some(Role::Coordinator | Role::Casemanager | Role::Facilitator)
    ) {
        let why = if actor.organisation_id().is_none() {
            Denied::AnalystNoRecords
        } else {
            Denied::Role
        };
        origin.record(conn, &[refusal(actor, "group.list", None, why, origin)])?;
        return Err(AccessError::Denied(why));
    }
    let mut q = groups::table
        .inner_join(programmes::table.on(programmes::id.eq(groups::programme_id)))
        .filter(groups::organisation_id.eq(&org))
        .filter(groups::active.eq(true))
        .into_boxed();
    if role == Some(Role::Facilitator) {
        let mine = group_facilitators::table
            .filter(group_facilitators::organisation_id.eq(org.clone()))
            .filter(group_facilitators::user_id.eq(actor.user_id().to_owned()))
            .select(group_facilitators::group_id);
        q = q.filter(groups::id.eq_any(mine));
    }
    let rows: Vec<(Group, String)> = q
        .order((programmes::name, groups::name))
        .select((Group::as_select(), programmes::name))
        .load(conn)?;
    let counts: Vec<(String, String, i64)> = crate::direct!(conn, |c| group_members::table
        .filter(group_members::organisation_id.eq(&org))
        .filter(group_members::left_on.is_null())
        .group_by((group_members::group_id, group_members::status))
        .select((
            group_members::group_id,
            group_members::status,
            diesel::dsl::count_star(),
        ))
        .load(c))?;
    let next: Vec<(String, Option<NaiveDate>)> = crate::direct!(conn, |c| group_sessions::table
        .filter(group_sessions::organisation_id.eq(&org))
        .filter(group_sessions::held_on.ge(today))
        .filter(group_sessions::cancelled.eq(false))
        .group_by(group_sessions::group_id)
        .select((
            group_sessions::group_id,
            diesel::dsl::min(group_sessions::held_on),
        ))
        .load(c))?;
    let count = |id: &str, status: &str| {
        counts
            .iter()
            .find(|(g, s, _)| g == id && s == status)
            .map(|c| c.2)
            .unwrap_or(0)
    };
    Ok(rows
        .into_iter()
        .map(|(group, programme)| GroupLine {
            members: count(&group.id, "member"),
            waiting: count(&group.id, "waiting"),
            next_session: next.iter().find(|(g, _)| *g == group.id).and_then(|n| n.1),
            group,
            programme,
        })
        .collect())
}

/// A group to create.
#[derive(Debug, Clone, Default)]
pub struct NewGroup {
    pub programme_id: String,
    pub kind: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub languages: Vec<String>,
    pub level: String,
    pub room_id: Option<String>,
    pub facilitator_ids: Vec<String>,
    /// The programme's minimum and maximum when not given.
    pub min_size: Option<i32>,
    pub max_size: Option<i32>,
}

/// Creates a group; returns its id.
pub fn create(
    conn: &mut DbConn,
    actor: &Actor,
    new: &NewGroup,
    origin: Origin<'_>,
) -> Result<String, GroupError> {
    write_tx(conn, |conn| -> Result<String, GroupError> {
        let org = require(conn, actor, Action::ManageGroups, "group.create", origin)?;
        let mut errors = Vec::new();
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            errors.push(FieldError {
                field: "name",
                code: "required",
            });
        }
        if !KINDS.contains(&new.kind.as_str()) {
            errors.push(FieldError {
                field: "group_kind",
                code: "invalid-choice",
            });
        }
        let programme: Option<Programme> = crate::direct!(conn, |c| programmes::table
            .filter(programmes::organisation_id.eq(&org))
            .filter(programmes::id.eq(&new.programme_id))
            .select(Programme::as_select())
            .first(c))
        .optional()?;
        if programme.is_none() {
            errors.push(FieldError {
                field: "programme_id",
                code: "invalid-choice",
            });
        }
        if let Some(parent) = &new.parent_id {
            let found: i64 = crate::direct!(conn, |c| groups::table
                .filter(groups::organisation_id.eq(&org))
                .filter(groups::id.eq(parent))
                .filter(groups::kind.eq("adults"))
                .count()
                .get_result(c))?;
            if found == 0 || new.kind == "adults" {
                errors.push(FieldError {
                    field: "parent_id",
                    code: "invalid-choice",
                });
            }
        }
        if let Some(room) = &new.room_id {
            let found: i64 = crate::direct!(conn, |c| rooms::table
                .filter(rooms::organisation_id.eq(&org))
                .filter(rooms::id.eq(room))
                .count()
                .get_result(c))?;
            if found == 0 {
                errors.push(FieldError {
                    field: "room_id",
                    code: "invalid-choice",
                });
            }
        }
        for user in &new.facilitator_ids {
            let staff: i64 = crate::direct!(conn, |c| memberships::table
                .filter(memberships::organisation_id.eq(&org))
                .filter(memberships::user_id.eq(user))
                .filter(memberships::role.ne(Role::Administrator.code()))
                .count()
                .get_result(c))?;
            if staff == 0 {
                errors.push(FieldError {
                    field: "facilitators",
                    code: "invalid-choice",
                });
                break;
            }
        }
        let (min, max) = match &programme {
            Some(p) => (
                new.min_size.unwrap_or(p.min_group_size),
                new.max_size.unwrap_or(p.group_capacity),
            ),
            None => (0, 0),
        };
        if programme.is_some() && (min < 1 || max < min || max > 60) {
            errors.push(FieldError {
                field: "max_size",
                code: "invalid-capacity",
            });
        }
        if !errors.is_empty() {
            return Err(GroupError::Invalid(errors));
        }
        let id = new_id();
        crate::direct!(conn, |c| diesel::insert_into(groups::table)
            .values(&Group {
                id: id.clone(),
                organisation_id: org.clone(),
                programme_id: new.programme_id.clone(),
                kind: new.kind.clone(),
                parent_id: new.parent_id.clone(),
                name: name.to_owned(),
                languages: new.languages.join(","),
                level: new.level.trim().to_owned(),
                room_id: new.room_id.clone(),
                min_size: min,
                max_size: max,
                active: true,
                version: 1,
                created_at: origin.at,
                updated_at: origin.at,
            })
            .execute(c))?;
        let mut facilitators = new.facilitator_ids.clone();
        facilitators.sort();
        facilitators.dedup();
        for user in &facilitators {
            crate::direct!(conn, |c| diesel::insert_into(group_facilitators::table)
                .values((
                    group_facilitators::organisation_id.eq(&org),
                    group_facilitators::group_id.eq(&id),
                    group_facilitators::user_id.eq(user),
                ))
                .execute(c))?;
        }
        audit::record(
            conn,
            &Event::by(actor, "group.create", origin.ip, origin.at).about("group", &id),
        )?;
        Ok(id)
    })
}

/// A member or a candidate on the waiting list, as the group page shows her.
#[derive(Debug, Clone)]
pub struct MemberLine {
    pub member: GroupMember,
    pub first_name: String,
    pub last_name: String,
}

/// A group with its people, as its page shows it.
#[derive(Debug, Clone)]
pub struct GroupView {
    pub group: Group,
    pub programme: String,
    pub room: Option<String>,
    pub facilitators: Vec<(String, String)>,
    /// Current members, by name.
    pub members: Vec<MemberLine>,
    /// The waiting list, in order.
    pub waiting: Vec<MemberLine>,
    /// Members who left, most recent first.
    pub former: Vec<MemberLine>,
    /// Linked children's group and childcare.
    pub linked: Vec<Group>,
}

/// Reads a group (recorded).
pub fn view(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    origin: Origin<'_>,
) -> Result<GroupView, AccessError> {
    let opened = open(
        conn,
        actor,
        Action::ReadGroup,
        "group.read",
        group_id,
        origin,
    )?;
    let org = opened.group.organisation_id.clone();
    let programme: String = crate::direct!(conn, |c| programmes::table
        .find(&opened.group.programme_id)
        .select(programmes::name)
        .first(c))?;
    let room: Option<String> = match &opened.group.room_id {
        Some(r) => crate::direct!(conn, |c| rooms::table.find(r).select(rooms::name).first(c))
            .optional()?,
        None => None,
    };
    let facilitators: Vec<(String, String)> = crate::direct!(conn, |c| group_facilitators::table
        .inner_join(users::table)
        .filter(group_facilitators::organisation_id.eq(&org))
        .filter(group_facilitators::group_id.eq(group_id))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(c))?;
    let rows: Vec<(GroupMember, String, String)> = crate::direct!(conn, |c| group_members::table
        .inner_join(participants::table)
        .filter(group_members::organisation_id.eq(&org))
        .filter(group_members::group_id.eq(group_id))
        .order((group_members::waiting_since, group_members::id))
        .select((
            GroupMember::as_select(),
            participants::first_name,
            participants::last_name,
        ))
        .load(c))?;
    let mut members = Vec::new();
    let mut waiting = Vec::new();
    let mut former = Vec::new();
    for (member, first_name, last_name) in rows {
        let line = MemberLine {
            member,
            first_name,
            last_name,
        };
        if line.member.left_on.is_some() {
            former.push(line);
        } else if line.member.status == "waiting" {
            waiting.push(line);
        } else {
            members.push(line);
        }
    }
    members.sort_by(|a, b| (&a.first_name, &a.last_name).cmp(&(&b.first_name, &b.last_name)));
    former.sort_by_key(|m| std::cmp::Reverse(m.member.left_on));
    let linked: Vec<Group> = crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(&org))
        .filter(groups::parent_id.eq(group_id))
        .select(Group::as_select())
        .load(c))?;
    origin.record(
        conn,
        &[Event::by(actor, "group.read", origin.ip, origin.at).about("group", group_id)],
    )?;
    Ok(GroupView {
        group: opened.group,
        programme,
        room,
        facilitators,
        members,
        waiting,
        former,
        linked,
    })
}

/// Where a placement put her.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placed {
    Member,
    /// On the waiting list, at this position (1 is next).
    Waiting(usize),
}

fn active_members(conn: &mut DbConn, org: &str, group_id: &str) -> DbResult<i64> {
    Ok(crate::direct!(conn, |c| group_members::table
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::group_id.eq(group_id))
        .filter(group_members::status.eq("member"))
        .filter(group_members::left_on.is_null())
        .count()
        .get_result(c))?)
}

/// Places a participant in a group from `on`. A full group refuses her with
/// [`GroupError::Full`] unless `or_wait`, which puts her on the waiting
/// list (in order of arrival). Placing her twice changes nothing.
pub fn place(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    participant_id: &str,
    on: NaiveDate,
    or_wait: bool,
    origin: Origin<'_>,
) -> Result<Placed, GroupError> {
    write_tx(conn, |conn| -> Result<Placed, GroupError> {
        let opened = open_to_manage(conn, actor, "group.place", group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        // Placements in one group queue up, so two at once cannot both take
        // the last place.
        crate::backend::lock_row(conn, "groups", group_id)?;
        let known: i64 = crate::direct!(conn, |c| participants::table
            .filter(participants::organisation_id.eq(&org))
            .filter(participants::id.eq(participant_id))
            .count()
            .get_result(c))?;
        if known == 0 {
            return Err(invalid("participant_id", "invalid-choice"));
        }
        let existing: Option<GroupMember> = crate::direct!(conn, |c| group_members::table
            .filter(group_members::organisation_id.eq(&org))
            .filter(group_members::group_id.eq(group_id))
            .filter(group_members::participant_id.eq(participant_id))
            .filter(group_members::left_on.is_null())
            .select(GroupMember::as_select())
            .first(c))
        .optional()?;
        if let Some(m) = existing {
            return Ok(if m.status == "member" {
                Placed::Member
            } else {
                Placed::Waiting(waiting_position(conn, &org, group_id, &m.id)?)
            });
        }
        let full = active_members(conn, &org, group_id)? >= opened.group.max_size as i64;
        if full && !or_wait {
            return Err(GroupError::Full {
                max: opened.group.max_size,
            });
        }
        let id = new_id();
        crate::direct!(conn, |c| diesel::insert_into(group_members::table)
            .values(&GroupMember {
                id: id.clone(),
                organisation_id: org.clone(),
                group_id: group_id.to_owned(),
                participant_id: participant_id.to_owned(),
                status: if full { "waiting" } else { "member" }.into(),
                waiting_since: origin.at,
                joined_on: (!full).then_some(on),
                left_on: None,
                created_at: origin.at,
            })
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "group.place", origin.ip, origin.at)
                .about("participant", participant_id)
                .detail(&format!(
                    "group {group_id} {}",
                    if full { "waiting" } else { "member" }
                )),
        )?;
        Ok(if full {
            Placed::Waiting(waiting_position(conn, &org, group_id, &id)?)
        } else {
            Placed::Member
        })
    })
}

fn waiting_position(
    conn: &mut DbConn,
    org: &str,
    group_id: &str,
    member_id: &str,
) -> DbResult<usize> {
    let queue: Vec<String> = crate::direct!(conn, |c| group_members::table
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::group_id.eq(group_id))
        .filter(group_members::status.eq("waiting"))
        .filter(group_members::left_on.is_null())
        .order((group_members::waiting_since, group_members::id))
        .select(group_members::id)
        .load(c))?;
    Ok(queue
        .iter()
        .position(|m| m == member_id)
        .map_or(0, |p| p + 1))
}

/// Ends a membership (or takes her off the waiting list) on `on`. A freed
/// place goes to the first on the waiting list; returns her participant id.
pub fn leave(
    conn: &mut DbConn,
    actor: &Actor,
    group_id: &str,
    member_id: &str,
    on: NaiveDate,
    origin: Origin<'_>,
) -> Result<Option<String>, GroupError> {
    write_tx(conn, |conn| -> Result<Option<String>, GroupError> {
        let opened = open_to_manage(conn, actor, "group.leave", group_id, origin)?;
        let org = opened.group.organisation_id.clone();
        // Placements in one group queue up, so two at once cannot both take
        // the last place.
        crate::backend::lock_row(conn, "groups", group_id)?;
        let member: GroupMember = crate::direct!(conn, |c| group_members::table
            .filter(group_members::organisation_id.eq(&org))
            .filter(group_members::group_id.eq(group_id))
            .filter(group_members::id.eq(member_id))
            .select(GroupMember::as_select())
            .first(c))
        .optional()?
        .ok_or(GroupError::Access(AccessError::Db(DbError::NotFound(
            "member",
        ))))?;
        if member.left_on.is_some() {
            return Ok(None);
        }
        if member.joined_on.is_some_and(|j| on < j) {
            return Err(invalid("left_on", "date-out-of-range"));
        }
        crate::direct!(conn, |c| diesel::update(
            group_members::table.find(member_id)
        )
        .set(group_members::left_on.eq(Some(on)))
        .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "group.leave", origin.ip, origin.at)
                .about("participant", &member.participant_id)
                .detail(&format!("group {group_id}")),
        )?;
        if member.status != "member"
            || active_members(conn, &org, group_id)? >= opened.group.max_size as i64
        {
            return Ok(None);
        }
        let next: Option<GroupMember> = crate::direct!(conn, |c| group_members::table
            .filter(group_members::organisation_id.eq(&org))
            .filter(group_members::group_id.eq(group_id))
            .filter(group_members::status.eq("waiting"))
            .filter(group_members::left_on.is_null())
            .order((group_members::waiting_since, group_members::id))
            .select(GroupMember::as_select())
            .first(c))
        .optional()?;
        let Some(next) = next else { return Ok(None) };
        crate::direct!(conn, |c| diesel::update(
            group_members::table.find(&next.id)
        )
        .set((
            group_members::status.eq("member"),
            group_members::joined_on.eq(Some(on)),
        ))
        .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "group.place", origin.ip, origin.at)
                .about("participant", &next.participant_id)
                .detail(&format!("group {group_id} member from waiting list")),
        )?;
        Ok(Some(next.participant_id))
    })
}

/// The adults' groups of the organisation's programme, for placing a
/// participant straight after her intake.
pub fn open_groups_of_programme(
    conn: &mut DbConn,
    org: &str,
    programme_id: &str,
) -> DbResult<Vec<(Group, i64)>> {
    let rows: Vec<Group> = crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(org))
        .filter(groups::programme_id.eq(programme_id))
        .filter(groups::kind.eq("adults"))
        .filter(groups::active.eq(true))
        .order(groups::name)
        .select(Group::as_select())
        .load(c))?;
    let mut out = Vec::with_capacity(rows.len());
    for g in rows {
        let n = active_members(conn, org, &g.id)?;
        out.push((g, n));
    }
    Ok(out)
}

/// Staff who can lead a group (everyone but administrators), by name.
pub fn possible_facilitators(conn: &mut DbConn, org: &str) -> DbResult<Vec<(String, String)>> {
    Ok(crate::direct!(conn, |c| memberships::table
        .inner_join(users::table)
        .filter(memberships::organisation_id.eq(org))
        .filter(memberships::role.ne(Role::Administrator.code()))
        .filter(users::active.eq(true))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(c))?)
}

/// Choices for the new-group form: active programmes, rooms, adults' groups
/// (to link a children's group or childcare to), as (id, name).
pub type Named = Vec<(String, String)>;

pub fn form_choices(conn: &mut DbConn, org: &str) -> DbResult<(Named, Named, Named)> {
    let programmes: Named = crate::direct!(conn, |c| programmes::table
        .filter(programmes::organisation_id.eq(org))
        .filter(programmes::active.eq(true))
        .order(programmes::name)
        .select((programmes::id, programmes::name))
        .load(c))?;
    let rooms: Named = crate::direct!(conn, |c| rooms::table
        .filter(rooms::organisation_id.eq(org))
        .order(rooms::name)
        .select((rooms::id, rooms::name))
        .load(c))?;
    let parents: Named = crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(org))
        .filter(groups::kind.eq("adults"))
        .filter(groups::active.eq(true))
        .order(groups::name)
        .select((groups::id, groups::name))
        .load(c))?;
    Ok((programmes, rooms, parents))
}

/// Participants with an open trajectory in the group's programme who are
/// neither members nor waiting: (id, "first last"). A casemanager is offered
/// her own participants only, as her participant list shows only those.
pub fn candidates(
    conn: &mut DbConn,
    actor: &Actor,
    org: &str,
    view: &GroupView,
) -> DbResult<Named> {
    let mut q = trajectories::table
        .inner_join(participants::table)
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::programme_id.eq(&view.group.programme_id))
        .filter(crate::participants::trajectory::open())
        .into_boxed();
    if actor.role() == Some(Role::Casemanager) {
        q = q.filter(trajectories::casemanager_id.eq(actor.user_id().to_owned()));
    }
    let rows: Vec<(String, String, String)> = q
        .order((participants::first_name, participants::last_name))
        .select((
            participants::id,
            participants::first_name,
            participants::last_name,
        ))
        .limit(500)
        .load(conn)?;
    let taken = |id: &str| {
        view.members
            .iter()
            .chain(view.waiting.iter())
            .any(|m| m.member.participant_id == id)
    };
    let mut out: Named = Vec::new();
    for (id, first, last) in rows {
        if !taken(&id) && !out.iter().any(|(c, _)| *c == id) {
            out.push((id, format!("{first} {last}")));
        }
    }
    Ok(out)
}

/// A group's name within the organisation.
pub fn name_of(conn: &mut DbConn, org: &str, group_id: &str) -> DbResult<Option<String>> {
    Ok(crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(org))
        .filter(groups::id.eq(group_id))
        .select(groups::name)
        .first(c))
    .optional()?)
}

/// The group of a session within the organisation.
pub fn group_of_session(
    conn: &mut DbConn,
    org: &str,
    session_id: &str,
) -> DbResult<Option<String>> {
    Ok(crate::direct!(conn, |c| group_sessions::table
        .filter(group_sessions::organisation_id.eq(org))
        .filter(group_sessions::id.eq(session_id))
        .select(group_sessions::group_id)
        .first(c))
    .optional()?)
}

/// Where a participant stands in groups, for her file: the open adults'
/// groups of her open trajectories' programmes she is not in yet, each with
/// its active members, and the groups she is in or waiting for, (id, name).
/// Two queries, however many groups.
pub fn placement(
    conn: &mut DbConn,
    org: &str,
    participant_id: &str,
) -> DbResult<(Vec<(Group, i64)>, Named)> {
    let mine: Vec<(String, String)> = crate::direct!(conn, |c| group_members::table
        .inner_join(groups::table)
        .filter(group_members::organisation_id.eq(org))
        .filter(group_members::participant_id.eq(participant_id))
        .filter(group_members::left_on.is_null())
        .order(groups::name)
        .select((groups::id, groups::name))
        .load(c))?;
    // The adult groups of her open programmes and their current members,
    // through subqueries (no `IN (ids)`: see `trajectory::open`).
    let programmes = trajectories::table
        .filter(trajectories::organisation_id.eq(org))
        .filter(trajectories::participant_id.eq(participant_id))
        .filter(crate::participants::trajectory::open())
        .select(trajectories::programme_id);
    // Each group with its current members, counted per group in the same
    // statement (a round trip fewer on PostgreSQL).
    let members = group_members::table
        .filter(group_members::organisation_id.eq(groups::organisation_id))
        .filter(group_members::group_id.eq(groups::id))
        .filter(group_members::status.eq("member"))
        .filter(group_members::left_on.is_null())
        .count()
        .single_value();
    let open: Vec<(Group, Option<i64>)> = crate::direct!(conn, |c| groups::table
        .filter(groups::organisation_id.eq(org))
        .filter(groups::programme_id.eq_any(programmes))
        .filter(groups::kind.eq("adults"))
        .filter(groups::active.eq(true))
        .order(groups::name)
        .select((Group::as_select(), members))
        .load(c))?;
    let open = open.into_iter().map(|(g, n)| (g, n.unwrap_or(0))).collect();
    Ok(placeable(open, mine))
}

/// The groups she could join (her programmes' open adults' groups that she
/// is not in, with their member counts) and the groups she is in.
pub(crate) fn placeable(open: Vec<(Group, i64)>, mine: Named) -> (Vec<(Group, i64)>, Named) {
    let placeable = open
        .into_iter()
        .filter(|(g, _)| !mine.iter().any(|(id, _)| *id == g.id))
        .collect();
    (placeable, mine)
}

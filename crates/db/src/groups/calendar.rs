//! The school calendar an organisation plans around: its Community, its
//! school hours, and the school years administrators imported.

use crate::audit::{self, Event};
use crate::backend::write_tx;
use crate::error::{DbError, DbResult};
use crate::participants::{AccessError, Origin};
use crate::pool::DbConn;
use crate::schema::*;
use chrono::{NaiveDateTime, NaiveTime};
use diesel::prelude::*;
use domain::groups::SchoolHours;
use domain::policy::{Action, Actor};
use domain::school::{Calendar, Community, SchoolYear};

/// The imported school years of a Community.
pub fn imported(conn: &mut DbConn, community: Community) -> DbResult<Vec<SchoolYear>> {
    let rows: Vec<(String, chrono::NaiveDate, String)> =
        crate::direct!(conn, |c| school_years::table
            .filter(school_years::community.eq(community.code()))
            .select((
                school_years::school_year,
                school_years::first_day,
                school_years::periods,
            ))
            .load(c))?;
    Ok(rows
        .into_iter()
        .filter_map(|(school_year, first_day, periods)| {
            Some(SchoolYear {
                school_year,
                first_day,
                periods: serde_json::from_str(&periods).ok()?,
            })
        })
        .collect())
}

/// An organisation's calendar and school hours.
pub fn of_organisation(conn: &mut DbConn, org: &str) -> DbResult<(Calendar, SchoolHours)> {
    let (community, start, end, wednesday): (String, NaiveTime, NaiveTime, NaiveTime) =
        crate::direct!(conn, |c| organisations::table
            .find(org)
            .select((
                organisations::community,
                organisations::school_day_start,
                organisations::school_day_end,
                organisations::wednesday_end,
            ))
            .first(c))?;
    let community = Community::parse(&community).unwrap_or(Community::Flemish);
    let years = imported(conn, community)?;
    Ok((
        Calendar::new(community, years),
        SchoolHours {
            start,
            end,
            wednesday_end: wednesday,
        },
    ))
}

/// Stores validated school years (replacing imported years of the same
/// label); returns how many.
pub fn import(
    conn: &mut DbConn,
    community: Community,
    years: &[SchoolYear],
    at: NaiveDateTime,
) -> DbResult<usize> {
    for y in years {
        domain::school::validate(y).map_err(|e| DbError::Task(e.to_string()))?;
    }
    write_tx(conn, |conn| -> DbResult<usize> {
        for y in years {
            crate::direct!(conn, |c| diesel::delete(
                school_years::table
                    .filter(school_years::community.eq(community.code()))
                    .filter(school_years::school_year.eq(&y.school_year)),
            )
            .execute(c))?;
            let periods =
                serde_json::to_string(&y.periods).map_err(|e| DbError::Task(e.to_string()))?;
            crate::direct!(conn, |c| diesel::insert_into(school_years::table)
                .values((
                    school_years::community.eq(community.code()),
                    school_years::school_year.eq(&y.school_year),
                    school_years::first_day.eq(y.first_day),
                    school_years::periods.eq(periods),
                    school_years::imported_at.eq(at),
                ))
                .execute(c))?;
        }
        Ok(years.len())
    })
}

/// An organisation's region (for pooled figures), if it chose one.
pub fn region(conn: &mut DbConn, org: &str) -> DbResult<Option<String>> {
    Ok(crate::direct!(conn, |c| organisations::table
        .filter(organisations::id.eq(org))
        .select(organisations::region)
        .first(c))?)
}

/// An administrator (or coordinator) sets the Community, school hours and
/// the region analysts compare the organisation in.
pub fn configure(
    conn: &mut DbConn,
    actor: &Actor,
    community: Community,
    hours: SchoolHours,
    region: Option<&str>,
    origin: Origin<'_>,
) -> Result<(), super::GroupError> {
    if region.is_some_and(|r| !crate::reports::pooled::REGIONS.contains(&r)) {
        return Err(super::invalid("region", "invalid-choice"));
    }
    write_tx(conn, |conn| -> Result<(), super::GroupError> {
        let org = super::require(
            conn,
            actor,
            Action::ManageCalendars,
            "calendar.configure",
            origin,
        )?;
        if hours.end <= hours.start || hours.wednesday_end <= hours.start {
            return Err(super::invalid("school_day_end", "invalid-time-range"));
        }
        crate::direct!(conn, |c| diesel::update(organisations::table.find(&org))
            .set((
                organisations::community.eq(community.code()),
                organisations::school_day_start.eq(hours.start),
                organisations::school_day_end.eq(hours.end),
                organisations::wednesday_end.eq(hours.wednesday_end),
                organisations::region.eq(region),
            ))
            .execute(c))?;
        audit::record(
            conn,
            &Event::by(actor, "calendar.configure", origin.ip, origin.at).detail(community.code()),
        )?;
        Ok(())
    })
}

/// The organisation's calendar for someone allowed to manage it.
pub fn for_manager(
    conn: &mut DbConn,
    actor: &Actor,
    origin: Origin<'_>,
) -> Result<(Calendar, SchoolHours), AccessError> {
    let org = super::require(
        conn,
        actor,
        Action::ManageCalendars,
        "calendar.read",
        origin,
    )?;
    Ok(of_organisation(conn, &org)?)
}

//! The one permission policy: a pure function of (who, action, resource).
//! Every read and write of organisation data passes through [`authorize`],
//! whose [`Grant`] cannot be built anywhere else; repositories demand one.

use crate::model::Role;

/// Who is asking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A staff member working in one organisation with one role there.
    Staff {
        user_id: String,
        organisation_id: String,
        role: Role,
    },
    /// A cross-organisation analyst: aggregated, anonymised figures only.
    Analyst { user_id: String },
}

impl Actor {
    pub fn user_id(&self) -> &str {
        match self {
            Actor::Staff { user_id, .. } | Actor::Analyst { user_id } => user_id,
        }
    }

    pub fn organisation_id(&self) -> Option<&str> {
        match self {
            Actor::Staff {
                organisation_id, ..
            } => Some(organisation_id),
            Actor::Analyst { .. } => None,
        }
    }

    pub fn role(&self) -> Option<Role> {
        match self {
            Actor::Staff { role, .. } => Some(*role),
            Actor::Analyst { .. } => None,
        }
    }
}

/// What is being done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// See the list of participants (a casemanager's list is limited to her own).
    ListParticipants,
    /// Open a participant's file.
    ReadParticipantFile,
    /// Change a participant's file.
    EditParticipant,
    /// See and change the sensitive facts of a file (national number,
    /// residence status, special-category answers, vulnerability notes).
    ReadSensitive,
    /// Open a new file and intake (with the duplicate check).
    CreateParticipant,
    /// Assign or reassign a trajectory's casemanager.
    AssignCasemanager,
    /// See a group member's name, attendance and childcare needs.
    ReadGroupMember,
    /// Read a confidential journal entry.
    ReadConfidential,
    /// Create, disable and change roles of staff accounts.
    ManageUsers,
    /// List and end staff sessions.
    ManageSessions,
    /// Browse the audit trail.
    ReadAuditTrail,
    /// Programmes, sites and rooms.
    ManageProgrammes,
    /// Anonymised figures pooled across organisations.
    ReadAggregates,
    /// Create groups, plan their sessions, place and remove members.
    ManageGroups,
    /// See a group: its members' names, sessions, attendance, childcare needs.
    ReadGroup,
    /// Mark attendance at a group's sessions.
    TakeAttendance,
    /// The practice bank: add and adapt themes and work forms, share them.
    ManagePractices,
    /// The organisation's Community, school hours and imported school years.
    ManageCalendars,
    /// How the organisation reaches participants: reminder times, quiet
    /// hours, the staff digest, and texts in further languages.
    ManageMessages,
    /// The organisation's own questionnaires (instruments) and their versions.
    ManageInstruments,
    /// Outcome figures of a programme or group (no person in them; anonymous
    /// answers only from five up).
    ReadOutcomes,
    /// Start a shared tablet for a session's participants to answer on.
    RunKiosk,
    /// Keep the social map: add, change and verify partners.
    ManagePartners,
    /// Look partners up on the social map.
    ReadPartners,
    /// Record signals of structural obstacles and read the organisation's
    /// overview (no personal data in them).
    RecordSignals,
    /// Record team, steering and partner meetings with their decisions.
    ManageMeetings,
    /// Read the organisation's meetings and decisions.
    ReadMeetings,
    /// Keep one's own log of intervision, supervision and training.
    KeepLearningLog,
    /// Everyone's learning log, the rhythm per programme, hours per person.
    ReadTeamLearning,
    /// A programme's funder reports, with the drill-down to the participants
    /// counted.
    ReadReports,
    /// A programme's budget lines, costs and allocation keys.
    ManageBudgets,
    /// One's own password, second factor, tokens.
    ManageOwnAccount,
}

/// What it is done to: enough facts for the record-level rules.
#[derive(Debug, Clone, Copy)]
pub enum Resource<'a> {
    /// Something of one organisation as a whole (its user list, its trail).
    Organisation { id: &'a str },
    /// One participant, with who follows her.
    Participant {
        organisation_id: &'a str,
        casemanager_ids: &'a [String],
        facilitator_ids: &'a [String],
    },
    /// A confidential item of a participant.
    Confidential {
        organisation_id: &'a str,
        casemanager_ids: &'a [String],
    },
    /// A group, with who facilitates it.
    Group {
        organisation_id: &'a str,
        facilitator_ids: &'a [String],
    },
    /// Figures with no person in them.
    Aggregates,
    /// The actor's own account.
    OwnAccount,
}

impl Resource<'_> {
    fn organisation_id(&self) -> Option<&str> {
        match self {
            Resource::Organisation { id } => Some(id),
            Resource::Participant {
                organisation_id, ..
            }
            | Resource::Confidential {
                organisation_id, ..
            }
            | Resource::Group {
                organisation_id, ..
            } => Some(organisation_id),
            Resource::Aggregates | Resource::OwnAccount => None,
        }
    }
}

/// Why a request was refused (recorded in the audit trail).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum Denied {
    #[error("the resource belongs to another organisation")]
    OtherOrganisation,
    #[error("the role does not allow this")]
    Role,
    #[error("not assigned to this participant")]
    NotAssigned,
    #[error("analysts see aggregated figures only")]
    AnalystNoRecords,
    #[error("a reason is required to break the glass")]
    BreakGlassReasonRequired,
}

impl Denied {
    pub fn code(self) -> &'static str {
        match self {
            Denied::OtherOrganisation => "other_organisation",
            Denied::Role => "role",
            Denied::NotAssigned => "not_assigned",
            Denied::AnalystNoRecords => "analyst_no_records",
            Denied::BreakGlassReasonRequired => "break_glass_reason_required",
        }
    }
}

/// Proof that the policy allowed an action. Only [`authorize`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Grant {
    actor: Actor,
    action: Action,
    /// Set when a coordinator broke the glass: the reason, to be recorded and
    /// shown to the casemanager.
    break_glass: Option<String>,
}

impl Grant {
    pub fn actor(&self) -> &Actor {
        &self.actor
    }
    pub fn action(&self) -> Action {
        self.action
    }
    pub fn break_glass(&self) -> Option<&str> {
        self.break_glass.as_deref()
    }
    /// The organisation the grant is scoped to; `None` only for analysts.
    pub fn organisation_id(&self) -> Option<&str> {
        self.actor.organisation_id()
    }
}

/// The rules. `break_glass_reason` is only considered where a rule allows it.
pub fn authorize(
    actor: &Actor,
    action: Action,
    resource: Resource<'_>,
    break_glass_reason: Option<&str>,
) -> Result<Grant, Denied> {
    let grant = |break_glass: Option<String>| Grant {
        actor: actor.clone(),
        action,
        break_glass,
    };
    let (user_id, organisation_id, role) = match actor {
        Actor::Analyst { .. } => {
            return match (action, resource) {
                (Action::ReadAggregates, Resource::Aggregates)
                | (Action::ManageOwnAccount, Resource::OwnAccount) => Ok(grant(None)),
                _ => Err(Denied::AnalystNoRecords),
            };
        }
        Actor::Staff {
            user_id,
            organisation_id,
            role,
        } => (user_id, organisation_id, *role),
    };
    if let Some(owner) = resource.organisation_id()
        && owner != organisation_id
    {
        return Err(Denied::OtherOrganisation);
    }
    let assigned = |ids: &[String]| ids.iter().any(|id| id == user_id);
    use Action::*;
    use Role::*;
    match (action, resource) {
        (ManageOwnAccount, Resource::OwnAccount) => Ok(grant(None)),
        (ReadAggregates, Resource::Aggregates) => match role {
            Coordinator | Administrator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ManageUsers | ManageSessions, Resource::Organisation { .. }) => match role {
            Administrator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ReadAuditTrail, Resource::Organisation { .. }) => match role {
            Administrator | Coordinator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ManageProgrammes, Resource::Organisation { .. }) => match role {
            Administrator | Coordinator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (CreateParticipant, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ManageGroups, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        // Facilitators design the work forms they lead, so they keep the bank
        // with the coordinators and casemanagers who plan sessions.
        (ManagePractices, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager | Facilitator => Ok(grant(None)),
            Administrator => Err(Denied::Role),
        },
        (ManageCalendars | ManageMessages | ManageInstruments, Resource::Organisation { .. }) => {
            match role {
                Administrator | Coordinator => Ok(grant(None)),
                _ => Err(Denied::Role),
            }
        }
        // Casemanagers see every group of their organisation (they place
        // their participants); facilitators only the groups they lead.
        (
            ReadGroup,
            Resource::Group {
                facilitator_ids, ..
            },
        ) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            Facilitator if assigned(facilitator_ids) => Ok(grant(None)),
            Facilitator => Err(Denied::NotAssigned),
            Administrator => Err(Denied::Role),
        },
        (
            TakeAttendance,
            Resource::Group {
                facilitator_ids, ..
            },
        ) => match role {
            Coordinator => Ok(grant(None)),
            Casemanager | Facilitator if assigned(facilitator_ids) => Ok(grant(None)),
            Casemanager | Facilitator => Err(Denied::NotAssigned),
            Administrator => Err(Denied::Role),
        },
        // The social map is kept by those who refer; everyone looks it up.
        (ManagePartners, Resource::Organisation { .. }) => match role {
            Administrator | Coordinator | Casemanager => Ok(grant(None)),
            Facilitator => Err(Denied::Role),
        },
        (ReadPartners, Resource::Organisation { .. }) => Ok(grant(None)),
        // Those who meet the obstacles record them; administrators keep the
        // system, not the casework.
        (RecordSignals | ReadMeetings, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager | Facilitator => Ok(grant(None)),
            Administrator => Err(Denied::Role),
        },
        (ManageMeetings, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (KeepLearningLog, Resource::Organisation { .. }) => Ok(grant(None)),
        // Reports count the whole organisation's participants and drill
        // down to them: for coordinators.
        // Budgets are the coordinator's, with the reports they feed.
        (ManageBudgets, Resource::Organisation { .. }) => match role {
            Coordinator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ReadReports, Resource::Organisation { .. }) => match role {
            Coordinator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ReadTeamLearning, Resource::Organisation { .. }) => match role {
            Coordinator | Administrator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ReadOutcomes, Resource::Organisation { .. }) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        // Facilitators run the tablet in the sessions they lead, but read no
        // one's results.
        (
            RunKiosk,
            Resource::Group {
                facilitator_ids, ..
            },
        ) => match role {
            Coordinator | Casemanager => Ok(grant(None)),
            Facilitator if assigned(facilitator_ids) => Ok(grant(None)),
            Facilitator => Err(Denied::NotAssigned),
            Administrator => Err(Denied::Role),
        },
        (AssignCasemanager, Resource::Organisation { .. }) => match role {
            Coordinator => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (ListParticipants, Resource::Organisation { .. }) => match role {
            // A casemanager's list is filtered to her own participants by the query.
            Coordinator | Casemanager => Ok(grant(None)),
            _ => Err(Denied::Role),
        },
        (
            ReadParticipantFile | EditParticipant | ReadSensitive,
            Resource::Participant {
                casemanager_ids, ..
            },
        ) => match role {
            Coordinator => Ok(grant(None)),
            Casemanager if assigned(casemanager_ids) => Ok(grant(None)),
            Casemanager => Err(Denied::NotAssigned),
            Administrator | Facilitator => Err(Denied::Role),
        },
        (
            ReadGroupMember,
            Resource::Participant {
                casemanager_ids,
                facilitator_ids,
                ..
            },
        ) => match role {
            Coordinator => Ok(grant(None)),
            Casemanager | Facilitator if assigned(casemanager_ids) || assigned(facilitator_ids) => {
                Ok(grant(None))
            }
            Casemanager | Facilitator => Err(Denied::NotAssigned),
            Administrator => Err(Denied::Role),
        },
        (
            ReadConfidential,
            Resource::Confidential {
                casemanager_ids, ..
            },
        ) => match role {
            Casemanager if assigned(casemanager_ids) => Ok(grant(None)),
            Coordinator => match break_glass_reason.map(str::trim) {
                Some(reason) if reason.chars().count() >= 10 => Ok(grant(Some(reason.to_owned()))),
                _ => Err(Denied::BreakGlassReasonRequired),
            },
            Casemanager => Err(Denied::NotAssigned),
            Administrator | Facilitator => Err(Denied::Role),
        },
        // Any other pairing of action and resource is a programming error: refuse.
        _ => Err(Denied::Role),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(user: &str, org: &str, role: Role) -> Actor {
        Actor::Staff {
            user_id: user.into(),
            organisation_id: org.into(),
            role,
        }
    }

    #[test]
    fn group_rules() {
        let facs = vec!["f".to_owned()];
        let group = Resource::Group {
            organisation_id: "org-a",
            facilitator_ids: &facs,
        };
        let f = staff("f", "org-a", Role::Facilitator);
        let other_f = staff("g", "org-a", Role::Facilitator);
        let cm = staff("c", "org-a", Role::Casemanager);
        let admin = staff("a", "org-a", Role::Administrator);
        assert!(authorize(&f, Action::ReadGroup, group, None).is_ok());
        assert!(authorize(&f, Action::TakeAttendance, group, None).is_ok());
        assert_eq!(
            authorize(&other_f, Action::TakeAttendance, group, None),
            Err(Denied::NotAssigned)
        );
        assert!(authorize(&cm, Action::ReadGroup, group, None).is_ok());
        assert_eq!(
            authorize(&cm, Action::TakeAttendance, group, None),
            Err(Denied::NotAssigned)
        );
        assert_eq!(
            authorize(&admin, Action::ReadGroup, group, None),
            Err(Denied::Role)
        );
        let elsewhere = staff("f", "org-b", Role::Facilitator);
        assert_eq!(
            authorize(&elsewhere, Action::ReadGroup, group, None),
            Err(Denied::OtherOrganisation)
        );
        let org = Resource::Organisation { id: "org-a" };
        assert!(authorize(&cm, Action::ManageGroups, org, None).is_ok());
        assert_eq!(
            authorize(&f, Action::ManageGroups, org, None),
            Err(Denied::Role)
        );
        assert!(authorize(&admin, Action::ManageCalendars, org, None).is_ok());
        assert!(authorize(&admin, Action::ManageMessages, org, None).is_ok());
        assert!(authorize(&admin, Action::ManageInstruments, org, None).is_ok());
        assert_eq!(
            authorize(&cm, Action::ManageInstruments, org, None),
            Err(Denied::Role)
        );
        assert!(authorize(&f, Action::ManagePractices, org, None).is_ok());
        assert_eq!(
            authorize(&admin, Action::ManagePractices, org, None),
            Err(Denied::Role)
        );
        // The file stays closed to a facilitator, also of her group.
        assert_eq!(
            authorize(
                &f,
                Action::ReadParticipantFile,
                participant(&[], &facs),
                None
            ),
            Err(Denied::Role)
        );
    }

    fn participant<'a>(cms: &'a [String], facs: &'a [String]) -> Resource<'a> {
        Resource::Participant {
            organisation_id: "org-a",
            casemanager_ids: cms,
            facilitator_ids: facs,
        }
    }

    #[test]
    fn no_one_crosses_organisations() {
        let cms = vec!["u1".to_owned()];
        for role in Role::ALL {
            let other = staff("u1", "org-b", *role);
            for action in [
                Action::ReadParticipantFile,
                Action::ReadGroupMember,
                Action::EditParticipant,
            ] {
                assert_eq!(
                    authorize(&other, action, participant(&cms, &[]), None),
                    Err(Denied::OtherOrganisation)
                );
            }
            assert_eq!(
                authorize(
                    &other,
                    Action::ReadAuditTrail,
                    Resource::Organisation { id: "org-a" },
                    None
                ),
                Err(Denied::OtherOrganisation)
            );
        }
    }

    #[test]
    fn sensitive_facts_are_for_assigned_casemanagers_and_coordinators() {
        let mine = vec!["cm".to_owned()];
        let facs = vec!["fac".to_owned()];
        let allowed = [
            staff("cm", "org-a", Role::Casemanager),
            staff("co", "org-a", Role::Coordinator),
        ];
        for who in &allowed {
            assert!(authorize(who, Action::ReadSensitive, participant(&mine, &facs), None).is_ok());
        }
        for (who, why) in [
            (staff("fac", "org-a", Role::Facilitator), Denied::Role),
            (
                staff("other", "org-a", Role::Casemanager),
                Denied::NotAssigned,
            ),
            (staff("adm", "org-a", Role::Administrator), Denied::Role),
        ] {
            assert_eq!(
                authorize(&who, Action::ReadSensitive, participant(&mine, &facs), None),
                Err(why)
            );
        }
        let org = Resource::Organisation { id: "org-a" };
        assert!(authorize(&allowed[0], Action::CreateParticipant, org, None).is_ok());
        assert!(authorize(&allowed[0], Action::AssignCasemanager, org, None).is_err());
        assert!(authorize(&allowed[1], Action::AssignCasemanager, org, None).is_ok());
        assert!(
            authorize(
                &staff("fac", "org-a", Role::Facilitator),
                Action::CreateParticipant,
                org,
                None
            )
            .is_err()
        );
    }

    #[test]
    fn casemanager_sees_only_her_own_files() {
        let mine = vec!["cm".to_owned()];
        let theirs = vec!["other".to_owned()];
        let cm = staff("cm", "org-a", Role::Casemanager);
        assert!(
            authorize(
                &cm,
                Action::ReadParticipantFile,
                participant(&mine, &[]),
                None
            )
            .is_ok()
        );
        assert_eq!(
            authorize(
                &cm,
                Action::ReadParticipantFile,
                participant(&theirs, &[]),
                None
            ),
            Err(Denied::NotAssigned)
        );
        // A group she facilitates: names, attendance, childcare; not the file.
        let facs = vec!["cm".to_owned()];
        assert!(
            authorize(
                &cm,
                Action::ReadGroupMember,
                participant(&theirs, &facs),
                None
            )
            .is_ok()
        );
        assert!(
            authorize(
                &cm,
                Action::ReadParticipantFile,
                participant(&theirs, &facs),
                None
            )
            .is_err()
        );
    }

    #[test]
    fn facilitator_sees_group_members_never_the_file() {
        let facs = vec!["f".to_owned()];
        let f = staff("f", "org-a", Role::Facilitator);
        assert!(authorize(&f, Action::ReadGroupMember, participant(&[], &facs), None).is_ok());
        assert_eq!(
            authorize(
                &f,
                Action::ReadParticipantFile,
                participant(&[], &facs),
                None
            ),
            Err(Denied::Role)
        );
        assert_eq!(
            authorize(&f, Action::ReadGroupMember, participant(&[], &[]), None),
            Err(Denied::NotAssigned)
        );
    }

    #[test]
    fn confidential_items_need_assignment_or_a_broken_glass() {
        let cms = vec!["cm".to_owned()];
        let item = Resource::Confidential {
            organisation_id: "org-a",
            casemanager_ids: &cms,
        };
        assert!(
            authorize(
                &staff("cm", "org-a", Role::Casemanager),
                Action::ReadConfidential,
                item,
                None
            )
            .is_ok()
        );
        assert_eq!(
            authorize(
                &staff("cm2", "org-a", Role::Casemanager),
                Action::ReadConfidential,
                item,
                Some("curious about it")
            ),
            Err(Denied::NotAssigned),
            "only a coordinator may break the glass"
        );
        let coord = staff("co", "org-a", Role::Coordinator);
        assert_eq!(
            authorize(&coord, Action::ReadConfidential, item, None),
            Err(Denied::BreakGlassReasonRequired)
        );
        assert_eq!(
            authorize(&coord, Action::ReadConfidential, item, Some("  short ")),
            Err(Denied::BreakGlassReasonRequired)
        );
        let g = authorize(
            &coord,
            Action::ReadConfidential,
            item,
            Some("casemanager ill, urgent safety question"),
        )
        .unwrap();
        assert_eq!(
            g.break_glass(),
            Some("casemanager ill, urgent safety question")
        );
        for role in [Role::Administrator, Role::Facilitator] {
            assert_eq!(
                authorize(
                    &staff("x", "org-a", role),
                    Action::ReadConfidential,
                    item,
                    Some("a long enough reason")
                ),
                Err(Denied::Role)
            );
        }
    }

    #[test]
    fn analyst_never_gets_a_record() {
        let a = Actor::Analyst {
            user_id: "an".into(),
        };
        assert!(authorize(&a, Action::ReadAggregates, Resource::Aggregates, None).is_ok());
        let cms = vec!["an".to_owned()];
        for action in [
            Action::ReadParticipantFile,
            Action::ListParticipants,
            Action::ReadAuditTrail,
            Action::ReadGroupMember,
        ] {
            assert_eq!(
                authorize(&a, action, participant(&cms, &cms), None),
                Err(Denied::AnalystNoRecords)
            );
            assert_eq!(
                authorize(&a, action, Resource::Organisation { id: "org-a" }, None),
                Err(Denied::AnalystNoRecords)
            );
        }
    }

    #[test]
    fn administration_is_for_administrators() {
        let org = Resource::Organisation { id: "org-a" };
        for role in Role::ALL {
            let ok = authorize(&staff("u", "org-a", *role), Action::ManageUsers, org, None).is_ok();
            assert_eq!(ok, *role == Role::Administrator, "{role}");
        }
        // Administrators run the organisation, they do not read files.
        assert_eq!(
            authorize(
                &staff("u", "org-a", Role::Administrator),
                Action::ReadParticipantFile,
                participant(&[], &[]),
                None
            ),
            Err(Denied::Role)
        );
    }
}

//! A trajectory's lifecycle: referred, intake, (waiting list), active in a
//! phase, then closed (completed or stopped with a coded reason), with
//! aftercare possible after an active period. Only the transitions below are
//! allowed; every one is recorded with its date and author by `db`.

use crate::coded_enum;
use crate::model::TrajectoryStatus;

coded_enum! {
    /// Why a trajectory stopped before completion.
    StopReason: "stop reason" {
        Moved = "moved",
        FoundWork = "found_work",
        StartedTraining = "started_training",
        Health = "health",
        LostContact = "lost_contact",
        NoLongerEligible = "no_longer_eligible",
        OwnChoice = "own_choice",
        Other = "other",
    }
}

coded_enum! {
    /// The intake's outcome.
    IntakeOutcome: "intake outcome" {
        Admitted = "admitted",
        WaitingList = "waiting_list",
        ReferredElsewhere = "referred_elsewhere",
        Declined = "declined",
    }
}

/// A requested change of a trajectory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Transition {
    /// The intake conversation starts.
    StartIntake,
    /// The intake's outcome.
    Decide(IntakeOutcome),
    /// From the waiting list into the programme.
    Admit,
    /// To the phase at this position (1-based) of the programme.
    MoveToPhase(i32),
    /// Into aftercare after an active period.
    StartAftercare,
    /// Closed, the programme completed.
    Complete,
    /// Closed before completion, with a reason and whether it counts as a success
    /// (found work, started training).
    Stop { reason: StopReason, success: bool },
}

impl Transition {
    pub fn code(&self) -> &'static str {
        match self {
            Transition::StartIntake => "start_intake",
            Transition::Decide(_) => "decide",
            Transition::Admit => "admit",
            Transition::MoveToPhase(_) => "move_to_phase",
            Transition::StartAftercare => "start_aftercare",
            Transition::Complete => "complete",
            Transition::Stop { .. } => "stop",
        }
    }
}

/// Where a trajectory stands: its status and, while active, the phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct State {
    pub status: TrajectoryStatus,
    pub phase: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    #[error("not allowed from {from}: {transition}")]
    NotAllowed {
        from: TrajectoryStatus,
        transition: &'static str,
    },
    #[error("no such phase: {0}")]
    NoSuchPhase(i32),
}

impl TransitionError {
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::NotAllowed { .. } => "transition-not-allowed",
            TransitionError::NoSuchPhase(_) => "transition-no-such-phase",
        }
    }
}

/// Applies a transition, given how many phases the programme has; refuses
/// what the lifecycle does not allow.
pub fn apply(from: State, t: &Transition, phase_count: i32) -> Result<State, TransitionError> {
    use TrajectoryStatus as S;
    let refuse = || TransitionError::NotAllowed {
        from: from.status,
        transition: t.code(),
    };
    let to = |status, phase| Ok(State { status, phase });
    match (from.status, t) {
        (S::Referred, Transition::StartIntake) => to(S::Intake, None),
        (S::Intake, Transition::Decide(outcome)) => match outcome {
            IntakeOutcome::Admitted => to(S::Active, Some(1)),
            IntakeOutcome::WaitingList => to(S::WaitingList, None),
            IntakeOutcome::ReferredElsewhere | IntakeOutcome::Declined => to(S::NotAdmitted, None),
        },
        (S::WaitingList, Transition::Admit) => to(S::Active, Some(1)),
        (
            S::WaitingList,
            Transition::Decide(IntakeOutcome::ReferredElsewhere | IntakeOutcome::Declined),
        ) => to(S::NotAdmitted, None),
        (S::Active, Transition::MoveToPhase(p)) => {
            if *p < 1 || *p > phase_count {
                Err(TransitionError::NoSuchPhase(*p))
            } else if Some(*p) == from.phase {
                Err(refuse())
            } else {
                to(S::Active, Some(*p))
            }
        }
        (S::Active, Transition::StartAftercare) => to(S::Aftercare, from.phase),
        (S::Active | S::Aftercare, Transition::Complete) => to(S::Completed, from.phase),
        (
            S::Referred | S::Intake | S::WaitingList | S::Active | S::Aftercare,
            Transition::Stop { .. },
        ) => to(S::Stopped, from.phase),
        _ => Err(refuse()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TrajectoryStatus as S;

    fn st(status: S, phase: Option<i32>) -> State {
        State { status, phase }
    }

    #[test]
    fn the_whole_path_from_referral_to_closing() {
        let mut s = st(S::Referred, None);
        for (t, expected) in [
            (Transition::StartIntake, st(S::Intake, None)),
            (
                Transition::Decide(IntakeOutcome::Admitted),
                st(S::Active, Some(1)),
            ),
            (Transition::MoveToPhase(2), st(S::Active, Some(2))),
            (Transition::MoveToPhase(5), st(S::Active, Some(5))),
            (Transition::StartAftercare, st(S::Aftercare, Some(5))),
            (Transition::Complete, st(S::Completed, Some(5))),
        ] {
            s = apply(s, &t, 5).unwrap();
            assert_eq!(s, expected, "{t:?}");
        }
    }

    #[test]
    fn waiting_list_and_not_admitted() {
        let intake = st(S::Intake, None);
        let waiting = apply(intake, &Transition::Decide(IntakeOutcome::WaitingList), 3).unwrap();
        assert_eq!(waiting.status, S::WaitingList);
        assert_eq!(
            apply(waiting, &Transition::Admit, 3).unwrap(),
            st(S::Active, Some(1))
        );
        for o in [IntakeOutcome::ReferredElsewhere, IntakeOutcome::Declined] {
            assert_eq!(
                apply(intake, &Transition::Decide(o), 3).unwrap().status,
                S::NotAdmitted
            );
        }
    }

    #[test]
    fn stopping_keeps_the_phase_reached() {
        let s = apply(
            st(S::Active, Some(3)),
            &Transition::Stop {
                reason: StopReason::FoundWork,
                success: true,
            },
            4,
        )
        .unwrap();
        assert_eq!(s, st(S::Stopped, Some(3)));
    }

    #[test]
    fn invalid_transitions_are_refused() {
        let stop = Transition::Stop {
            reason: StopReason::Moved,
            success: false,
        };
        for (from, t) in [
            (st(S::Referred, None), Transition::Admit),
            (st(S::Referred, None), Transition::MoveToPhase(1)),
            (st(S::Intake, None), Transition::Complete),
            (st(S::Active, Some(1)), Transition::StartIntake),
            (st(S::Active, Some(1)), Transition::MoveToPhase(1)),
            (
                st(S::Active, Some(1)),
                Transition::Decide(IntakeOutcome::Admitted),
            ),
            (st(S::Completed, Some(2)), stop.clone()),
            (st(S::Stopped, Some(2)), Transition::MoveToPhase(1)),
            (st(S::NotAdmitted, None), Transition::Admit),
            (st(S::Aftercare, Some(4)), Transition::MoveToPhase(1)),
            (st(S::Completed, Some(4)), Transition::StartAftercare),
        ] {
            assert!(
                matches!(apply(from, &t, 4), Err(TransitionError::NotAllowed { .. })),
                "{from:?} {t:?}"
            );
        }
        assert_eq!(
            apply(st(S::Active, Some(1)), &Transition::MoveToPhase(5), 4),
            Err(TransitionError::NoSuchPhase(5))
        );
        assert_eq!(
            apply(st(S::Active, Some(1)), &Transition::MoveToPhase(0), 4),
            Err(TransitionError::NoSuchPhase(0))
        );
    }
}

//! The worker: every few hundred milliseconds it claims the due messages,
//! writes and sends them (several at a time), and records each outcome;
//! every minute it queues the reminders of the coming sessions.

use crate::channels::Channels;
use crate::texts::{Custom, Text, link_text, questions_text, session_text, staff_text};
use chrono::Duration;
use db::Db;
use db::messages::{self, Message, Outcome};
use domain::clock::Clock;
use domain::messages::{LinkFacts, MessageKind};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;
use tokio::task::JoinSet;

#[derive(Debug, Clone)]
pub struct WorkerSettings {
    /// Attempts before a message is given up.
    pub max_attempts: i32,
    /// Messages claimed at once.
    pub batch: i64,
    /// How long a claim holds before another worker may take the message.
    pub lease: Duration,
    /// How far ahead reminders are queued.
    pub horizon: Duration,
    /// traject's public address, for links in staff notices ("" leaves
    /// them relative).
    pub public_url: String,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            batch: 100,
            lease: Duration::minutes(5),
            horizon: Duration::days(15),
            public_url: String::new(),
        }
    }
}

/// What one round did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Round {
    pub sent: usize,
    pub failed: usize,
}

pub struct Worker {
    db: Db,
    channels: Arc<Channels>,
    clock: Arc<dyn Clock>,
    settings: WorkerSettings,
    /// When questionnaires were last looked at: once an hour is enough,
    /// and it reads every trajectory.
    questions_at: std::sync::Mutex<Option<chrono::NaiveDateTime>>,
}

/// The text of a message from its facts, in its language (`custom`: the
/// organisation's texts in that language, when it is not one of the four).
pub fn text_of(message: &Message, custom: Option<&Custom>, base: &str) -> Text {
    let none = Text {
        subject: String::new(),
        body: String::new(),
    };
    let Ok(kind) = message.kind.parse::<MessageKind>() else {
        return none;
    };
    match kind {
        MessageKind::Reminder | MessageKind::SessionMoved | MessageKind::SessionCancelled => {
            match message.session_facts() {
                Some(facts) => session_text(kind, &message.language, &facts, custom),
                None => none,
            }
        }
        MessageKind::PersonalLink => match serde_json::from_str(&message.facts) {
            Ok(facts) => link_text(&message.language, &facts, custom),
            Err(_) => none,
        },
        MessageKind::QuestionsWaiting => match serde_json::from_str::<LinkFacts>(&message.facts) {
            Ok(facts) => questions_text(&message.language, &facts.first_name, custom),
            Err(_) => none,
        },
        MessageKind::AbsenceReported | MessageKind::Digest => {
            match serde_json::from_str(&message.facts) {
                Ok(facts) => staff_text(kind, &message.language, &facts, base),
                Err(_) => none,
            }
        }
    }
}

fn ours(language: &str) -> bool {
    language.parse::<domain::model::Language>().is_ok()
}

impl Worker {
    pub fn new(
        db: Db,
        channels: Channels,
        clock: Arc<dyn Clock>,
        settings: WorkerSettings,
    ) -> Self {
        Self {
            db,
            channels: Arc::new(channels),
            clock,
            settings,
            questions_at: std::sync::Mutex::new(None),
        }
    }

    /// Queues the reminders of the sessions ahead and the staff digests
    /// due today; returns how many sessions were looked at and how many
    /// messages were added.
    pub async fn schedule(&self) -> Result<(usize, usize), db::DbError> {
        let (sessions, reminders) = self.schedule_reminders().await?;
        let digests = self.schedule_digests().await?;
        let now = self.clock.now().naive_utc();
        let due = {
            let mut last = self
                .questions_at
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let due = last.is_none_or(|at| now - at >= Duration::hours(1));
            if due {
                *last = Some(now);
            }
            due
        };
        let questions = if due {
            self.schedule_questions().await?
        } else {
            0
        };
        Ok((sessions, reminders + digests + questions))
    }

    /// Queues the reminders of the sessions ahead: how many sessions were
    /// looked at and how many reminders were added.
    pub async fn schedule_reminders(&self) -> Result<(usize, usize), db::DbError> {
        let now = self.clock.now().naive_utc();
        let horizon = self.settings.horizon;
        self.db
            .run(move |conn| messages::queue_due_reminders(conn, now, horizon))
            .await
    }

    /// Tells participants that questions wait on their page (once per
    /// questionnaire and moment).
    pub async fn schedule_questions(&self) -> Result<usize, db::DbError> {
        let now = self.clock.now().naive_utc();
        self.db
            .run(move |conn| messages::queue_questions(conn, now))
            .await
    }

    /// Queues the staff digests due today and not queued yet.
    pub async fn schedule_digests(&self) -> Result<usize, db::DbError> {
        let now = self.clock.now().naive_utc();
        self.db
            .run(move |conn| messages::digest::queue_digests(conn, now))
            .await
    }

    /// Claims and sends what is due, until nothing is.
    pub async fn send_due(&self) -> Result<Round, db::DbError> {
        let mut round = Round::default();
        loop {
            let now = self.clock.now().naive_utc();
            let (lease, batch) = (self.settings.lease, self.settings.batch);
            let channels = self.channels.configured();
            let claimed = self
                .db
                .run(move |conn| messages::claim(conn, now, lease, batch, &channels))
                .await?;
            if claimed.is_empty() {
                return Ok(round);
            }
            // The administrators' texts for the further languages among them.
            let wanted: HashSet<(String, String)> = claimed
                .iter()
                .filter(|m| !ours(&m.language))
                .map(|m| (m.organisation_id.clone(), m.language.clone()))
                .collect();
            let customs: Arc<HashMap<(String, String), Custom>> = Arc::new(if wanted.is_empty() {
                HashMap::new()
            } else {
                self.db
                    .run(move |conn| {
                        wanted
                            .into_iter()
                            .map(|(org, lang)| {
                                let texts = db::messages::texts::in_language(conn, &org, &lang)?;
                                Ok(((org, lang), texts))
                            })
                            .collect::<Result<HashMap<_, _>, db::DbError>>()
                    })
                    .await?
            });
            let mut sends = JoinSet::new();
            for message in claimed {
                let channels = Arc::clone(&self.channels);
                let customs = Arc::clone(&customs);
                let base = self.settings.public_url.clone();
                sends.spawn(async move {
                    let custom =
                        customs.get(&(message.organisation_id.clone(), message.language.clone()));
                    let text = text_of(&message, custom, &base);
                    let outcome = if text.body.is_empty() {
                        Outcome::Failed {
                            body: String::new(),
                            error: "no text could be made".into(),
                        }
                    } else {
                        match channels.send(&message, &text).await {
                            Ok(provider_id) => Outcome::Sent {
                                body: text.body,
                                provider_id,
                            },
                            Err(e) => Outcome::Failed {
                                body: text.body,
                                error: e.to_string(),
                            },
                        }
                    };
                    (message, outcome)
                });
            }
            let mut results = Vec::new();
            while let Some(done) = sends.join_next().await {
                match done {
                    Ok(r) => results.push(r),
                    Err(e) => tracing::error!(error = %e, "a send task failed"),
                }
            }
            let now = self.clock.now().naive_utc();
            let max = self.settings.max_attempts;
            for (message, outcome) in &results {
                match outcome {
                    Outcome::Sent { .. } => round.sent += 1,
                    Outcome::Failed { .. } => {
                        round.failed += 1;
                        // The id and channel only: a server's error text can
                        // quote the address. The error itself is on the row.
                        tracing::warn!(message = %message.id, channel = %message.channel, "a message was not sent");
                    }
                }
            }
            self.db
                .run(move |conn| {
                    for (message, outcome) in results {
                        messages::finish(conn, &message, outcome, max, now)?;
                    }
                    Ok(())
                })
                .await?;
        }
    }

    /// Runs until the process ends: sends every 500 ms, schedules every
    /// minute. Errors are logged and retried on the next round.
    pub async fn run(self) {
        let mut last_schedule: Option<std::time::Instant> = None;
        loop {
            if last_schedule.is_none_or(|t| t.elapsed() >= std::time::Duration::from_secs(60)) {
                match self.schedule().await {
                    Ok((_, n)) if n > 0 => tracing::info!(queued = n, "reminders queued"),
                    Ok(_) => {}
                    Err(e) => tracing::error!(error = %e, "queueing reminders failed"),
                }
                last_schedule = Some(std::time::Instant::now());
            }
            if let Err(e) = self.send_due().await {
                tracing::error!(error = %e, "sending messages failed");
            }
            tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        }
    }
}

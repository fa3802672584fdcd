//! The worker: every few hundred milliseconds it claims the due messages,
//! writes and sends them (several at a time), and records each outcome;
//! every minute it queues the reminders of the coming sessions.

use crate::channels::Channels;
use crate::texts::{Text, session_text};
use chrono::Duration;
use db::Db;
use db::messages::{self, Message, Outcome};
use domain::clock::Clock;
use domain::messages::MessageKind;
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
}

impl Default for WorkerSettings {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            batch: 100,
            lease: Duration::minutes(5),
            horizon: Duration::days(15),
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
}

/// The text of a message from its facts, in its language.
pub fn text_of(message: &Message) -> Text {
    let kind = message
        .kind
        .parse::<MessageKind>()
        .unwrap_or(MessageKind::Reminder);
    match message.session_facts() {
        Some(facts) => session_text(kind, &message.language, &facts),
        None => Text {
            subject: String::new(),
            body: String::new(),
        },
    }
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
        }
    }

    /// Queues the reminders of the sessions ahead; returns how many
    /// sessions were looked at and how many reminders were added.
    pub async fn schedule(&self) -> Result<(usize, usize), db::DbError> {
        let now = self.clock.now().naive_utc();
        let horizon = self.settings.horizon;
        self.db
            .run(move |conn| messages::queue_due_reminders(conn, now, horizon))
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
            let mut sends = JoinSet::new();
            for message in claimed {
                let channels = Arc::clone(&self.channels);
                sends.spawn(async move {
                    let text = text_of(&message);
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

//! traject's outbox worker: claims due messages from the outbox (`db::messages`),
//! writes each text in the recipient's language (pictograms first, so that it
//! also reaches someone who reads little; a pictogram-only text when her
//! language has none), and sends it by email over SMTP or by SMS and WhatsApp
//! through an HTTP gateway. It runs inside `traject serve` or alone
//! (`traject worker`); several workers on one PostgreSQL database never send
//! a message twice.

pub mod channels;
pub mod texts;
pub mod worker;

pub use channels::{Channels, GatewaySettings, SendError, SmtpSettings};
pub use worker::{Worker, WorkerSettings};

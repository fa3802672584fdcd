//! The ways out: email over SMTP (lettre; TLS and authentication from the
//! URL), SMS and WhatsApp through an HTTP gateway.
//!
//! The gateway contract, so that any provider can be bridged: traject POSTs
//! JSON `{"id", "channel": "sms"|"whatsapp", "to": "+32...", "text"}` to the
//! configured URL with the header `X-Traject-Secret: <secret>`; any 2xx
//! answer is "accepted", and when its JSON body has an `"id"` that id is
//! kept for the delivery callback (`POST /api/v1/messages/delivery` with the
//! same header and `{"id", "status": "delivered"|"failed", "error"}`).

use crate::texts::Text;
use db::messages::Message;
use lettre::message::Mailbox;
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use std::time::Duration;

/// SMTP: `smtp://user:password@host:587?tls=required` (STARTTLS),
/// `smtps://...` (TLS from the start) or `smtp://host:25` (a relay on the
/// local network, no TLS).
#[derive(Debug, Clone)]
pub struct SmtpSettings {
    pub url: String,
    /// The sender, e.g. `traject <no-reply@ocmw.example>`.
    pub from: String,
}

#[derive(Debug, Clone)]
pub struct GatewaySettings {
    pub url: String,
    pub secret: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SendError {
    #[error("no {0} channel configured")]
    NotConfigured(&'static str),
    #[error("bad address")]
    Address,
    #[error("smtp: {0}")]
    Smtp(String),
    #[error("gateway: {0}")]
    Gateway(String),
    #[error("configuration: {0}")]
    Settings(String),
}

struct Gateway {
    client: reqwest::Client,
    url: String,
    secret: String,
}

/// The configured channels.
pub struct Channels {
    smtp: Option<(AsyncSmtpTransport<Tokio1Executor>, Mailbox)>,
    gateway: Option<Gateway>,
}

#[derive(serde::Serialize)]
struct GatewayRequest<'a> {
    id: &'a str,
    channel: &'a str,
    to: &'a str,
    text: &'a str,
}

#[derive(serde::Deserialize)]
struct GatewayAnswer {
    id: Option<String>,
}

impl Channels {
    pub fn new(
        smtp: Option<SmtpSettings>,
        gateway: Option<GatewaySettings>,
    ) -> Result<Self, SendError> {
        let smtp = match smtp {
            Some(s) => {
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&s.url)
                    .map_err(|e| SendError::Settings(format!("smtp_url: {e}")))?
                    .timeout(Some(Duration::from_secs(20)))
                    .build();
                let from: Mailbox = s
                    .from
                    .parse()
                    .map_err(|e| SendError::Settings(format!("smtp_from: {e}")))?;
                Some((transport, from))
            }
            None => None,
        };
        let gateway = match gateway {
            Some(g) => Some(Gateway {
                client: reqwest::Client::builder()
                    .timeout(Duration::from_secs(20))
                    .build()
                    .map_err(|e| SendError::Settings(format!("gateway: {e}")))?,
                url: g.url,
                secret: g.secret,
            }),
            None => None,
        };
        Ok(Self { smtp, gateway })
    }

    /// The channels this worker can send through.
    pub fn configured(&self) -> Vec<db::messages::SendChannel> {
        use db::messages::SendChannel;
        let mut out = Vec::new();
        if self.smtp.is_some() {
            out.push(SendChannel::Email);
        }
        if self.gateway.is_some() {
            out.extend([SendChannel::Sms, SendChannel::Whatsapp]);
        }
        out
    }

    /// Sends one message; answers the provider's id when it gives one.
    pub async fn send(&self, message: &Message, text: &Text) -> Result<Option<String>, SendError> {
        match message.channel.as_str() {
            "email" => {
                let (transport, from) = self
                    .smtp
                    .as_ref()
                    .ok_or(SendError::NotConfigured("email"))?;
                let to: Mailbox = message.address.parse().map_err(|_| SendError::Address)?;
                let email = lettre::Message::builder()
                    .from(from.clone())
                    .to(to)
                    .subject(text.subject.clone())
                    .header(lettre::message::header::ContentType::TEXT_PLAIN)
                    .body(text.body.clone())
                    .map_err(|e| SendError::Smtp(e.to_string()))?;
                transport
                    .send(email)
                    .await
                    .map_err(|e| SendError::Smtp(e.to_string()))?;
                // Accepted by the server; email has no delivery callback.
                Ok(None)
            }
            channel @ ("sms" | "whatsapp") => {
                let gateway = self
                    .gateway
                    .as_ref()
                    .ok_or(SendError::NotConfigured("gateway"))?;
                let response = gateway
                    .client
                    .post(&gateway.url)
                    .header("X-Traject-Secret", &gateway.secret)
                    .json(&GatewayRequest {
                        id: &message.id,
                        channel,
                        to: &message.address,
                        text: &text.body,
                    })
                    .send()
                    .await
                    .map_err(|e| SendError::Gateway(e.without_url().to_string()))?;
                let status = response.status();
                if !status.is_success() {
                    return Err(SendError::Gateway(format!("answered {status}")));
                }
                let answer: Option<GatewayAnswer> = response.json().await.ok();
                Ok(answer.and_then(|a| a.id))
            }
            _ => Err(SendError::NotConfigured("this")),
        }
    }
}

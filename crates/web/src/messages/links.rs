//! Staff side of the personal links: make her page link (sent to her phone
//! or printed as a QR code) or her calendar feed, revoke one, choose the
//! language of her messages; a staff member's own calendar feed.

use crate::AppState;
use crate::auth::CurrentUser;
use crate::client::ClientIp;
use crate::forms::{FormState, Pairs};
use crate::pages::account::qr_svg;
use crate::pages::{Page, internal, render, see_other};
use crate::participants::{edit_failure, origin_parts};
use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use db::participants::Origin;
use domain::messages::LinkKind;

#[derive(Template)]
#[template(path = "messages/link_created.html")]
struct LinkCreated {
    page: Page,
    /// Where "back" goes.
    back: String,
    kind: String,
    url: String,
    /// A calendar subscription (`webcal://`), for a feed.
    subscribe: String,
    qr: String,
    sent: bool,
    asked_to_send: bool,
}

/// `webcal://` for an `http(s)://` address: phones subscribe instead of
/// importing once.
fn webcal(url: &str) -> String {
    url.split_once("://")
        .map(|(_, rest)| format!("webcal://{rest}"))
        .unwrap_or_default()
}

/// The QR code (inline SVG, captioned by `caption_id`) that subscribes a
/// phone to the calendar feed of `token`.
pub(crate) fn calendar_qr(
    state: &AppState,
    headers: &HeaderMap,
    token: &str,
    caption_id: &str,
) -> String {
    let url = format!("{}/calendar/{token}", state.base_url(headers));
    qr_svg(&webcal(&url), caption_id)
}

/// `POST /participants/{id}/links`: a new page link (`kind=page`, replacing
/// the one she had; `send=1` sends it to her own channel) or calendar feed
/// (`kind=feed`). The link is shown once, with its QR code, to print.
pub async fn create(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let parsed = pairs.get("kind").parse::<LinkKind>().ok();
    let kind = parsed.unwrap_or(LinkKind::Page);
    let send = pairs.get("send") == "1" && kind == LinkKind::Page;
    let base = state.base_url(&headers);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let result = state
        .db
        .run(move |conn| {
            let made = db::messages::links::create_for_participant(
                conn,
                &actor,
                &pid,
                parsed,
                Origin::new(Some(&ip), at),
            );
            let Ok((link, token)) = made else {
                return Ok(made.map(|_| (String::new(), false)));
            };
            let url = match kind {
                LinkKind::Page => format!("{base}/p/{token}"),
                LinkKind::Feed => format!("{base}/calendar/{token}"),
            };
            let sent = send
                && db::messages::links::send_link(conn, &link.organisation_id, &pid, &url, at)?;
            Ok(Ok((url, sent)))
        })
        .await;
    match result {
        Ok(Ok((url, sent))) => {
            let subscribe = if kind == LinkKind::Feed {
                webcal(&url)
            } else {
                String::new()
            };
            let qr = qr_svg(
                if subscribe.is_empty() {
                    &url
                } else {
                    &subscribe
                },
                "link-qr-caption",
            );
            render(&LinkCreated {
                page,
                back: format!("/participants/{id}#links-heading"),
                kind: kind.code().to_owned(),
                url,
                subscribe,
                qr,
                sent,
                asked_to_send: send,
            })
        }
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/links/{link}/revoke`.
pub async fn revoke(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path((id, link)): Path<(String, String)>,
) -> Response {
    let (at, _) = origin_parts(&state);
    let (actor, pid) = (me.actor.clone(), id.clone());
    let result = state
        .db
        .run(move |conn| {
            Ok(db::messages::links::revoke_for_participant(
                conn,
                &actor,
                &pid,
                &link,
                Origin::new(Some(&address), at),
            ))
        })
        .await;
    match result {
        Ok(Ok(())) => see_other(&format!("/participants/{id}#links-heading")),
        Ok(Err(e)) => edit_failure(page, e),
        Err(e) => internal(page, e),
    }
}

/// `POST /participants/{id}/message-language`: a language code such as
/// "ar" or "ti", or empty for her preferred language of the four.
pub async fn set_message_language(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let pairs = Pairs(pairs);
    let form = FormState::from_pairs(&pairs);
    let (at, _) = origin_parts(&state);
    let (actor, pid, ip) = (me.actor.clone(), id.clone(), address.clone());
    let language = pairs.get("message_language").to_owned();
    let result = state
        .db
        .run(move |conn| {
            Ok(db::messages::links::set_message_language(
                conn,
                &actor,
                &pid,
                Some(&language),
                Origin::new(Some(&ip), at),
            ))
        })
        .await;
    crate::participants::pages::after_change(
        &state, address, page, &me, id, form, result, "messages",
    )
    .await
}

/// `POST /account/calendar-feed`: a new calendar feed for the staff member
/// (her sessions and planned contacts); the one she had stops working.
pub async fn renew_own_feed(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    headers: HeaderMap,
) -> Response {
    let base = state.base_url(&headers);
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let made = state
        .db
        .run(move |conn| {
            db::messages::links::renew_own_feed(conn, &actor, Origin::new(Some(&address), at))
        })
        .await;
    match made {
        Ok((_, token)) => {
            let url = format!("{base}/calendar/{token}");
            let subscribe = webcal(&url);
            let qr = qr_svg(&subscribe, "link-qr-caption");
            render(&LinkCreated {
                page,
                back: "/account#feed-heading".to_owned(),
                kind: "staff".to_owned(),
                url,
                subscribe,
                qr,
                sent: false,
                asked_to_send: false,
            })
        }
        Err(db::DbError::Conflict(_)) => page.error(axum::http::StatusCode::FORBIDDEN),
        Err(e) => internal(page, e),
    }
}

/// `POST /account/calendar-feed/revoke`: her feed stops working.
pub async fn revoke_own_feed(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
) -> Response {
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let done = state
        .db
        .run(move |conn| {
            db::messages::links::revoke_own_feed(conn, &actor, Origin::new(Some(&address), at))
        })
        .await;
    match done {
        Ok(()) => see_other("/account#feed-heading"),
        Err(e) => internal(page, e),
    }
}

/// `POST /account/digest` (`digest=on|off`): her daily digest by email.
pub async fn set_digest(
    State(state): State<AppState>,
    ClientIp(address): ClientIp,
    page: Page,
    CurrentUser(me): CurrentUser,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let on = Pairs(pairs).get("digest") == "on";
    let (at, _) = origin_parts(&state);
    let actor = me.actor.clone();
    let done = state
        .db
        .run(move |conn| db::messages::digest::set_digest(conn, &actor, on, Some(&address), at))
        .await;
    match done {
        Ok(()) => see_other("/account#digest-heading"),
        Err(e) => internal(page, e),
    }
}

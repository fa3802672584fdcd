//! Pages over real HTTP: translated, language switch, error pages, headers.

use domain::model::Language;
use test_support::TestApp;

async fn page(app: &TestApp, path: &str, accept_language: &str) -> (u16, String) {
    let r = app
        .client
        .get(app.url(path))
        .header("accept-language", accept_language)
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

/// A message as it appears in HTML after escaping.
fn html(lang: Language, key: &str) -> String {
    i18n::t(lang, key)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// No message key may reach a page: that would be a missing translation.
fn assert_no_raw_keys(lang: Language, body: &str) {
    for key in i18n::keys(lang) {
        assert!(
            !body.contains(&format!(">{key}<")),
            "{lang}: untranslated key {key} on the page"
        );
    }
}

#[tokio::test]
async fn pages_render_in_all_four_languages() {
    let app = TestApp::builder().with_demo().spawn().await;
    for lang in Language::ALL {
        for path in ["/", "/accessibility", "/no-such-page"] {
            let (status, body) = page(&app, path, lang.code()).await;
            assert_eq!(
                status,
                if path == "/no-such-page" { 404 } else { 200 },
                "{path}"
            );
            assert!(
                body.contains(&format!("<html lang=\"{}\">", lang.code())),
                "{lang} {path}"
            );
            assert!(body.contains(&html(*lang, "skip-to-content")));
            assert!(body.contains(&html(*lang, "demo-warning")));
            assert_no_raw_keys(*lang, &body);
        }
    }
    // The test clock's date, written the local way.
    let (_, nl) = page(&app, "/", "nl-BE").await;
    assert!(nl.contains("22 november 2026"), "{nl}");
    let (_, de) = page(&app, "/", "de").await;
    assert!(de.contains("22. November 2026"));
}

#[tokio::test]
async fn the_language_switch_sets_a_cookie_and_returns() {
    let app = TestApp::spawn().await;
    let r = app
        .client
        .post(app.url("/language"))
        .form(&[("lang", "fr"), ("next", "/accessibility")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    assert_eq!(r.headers()["location"], "/accessibility");
    let cookie = r.headers()["set-cookie"].to_str().unwrap();
    assert!(
        cookie.starts_with("traject_lang=fr;") && cookie.contains("HttpOnly"),
        "{cookie}"
    );
    // The cookie now wins over the browser's Accept-Language.
    let (_, body) = page(&app, "/accessibility", "de").await;
    assert!(body.contains("<html lang=\"fr\">"));
    assert!(body.contains(&html(Language::Fr, "a11y-title")));

    // An unknown language is refused; a foreign redirect target is ignored.
    let r = app
        .client
        .post(app.url("/language"))
        .form(&[("lang", "xx")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let r = app
        .client
        .post(app.url("/language"))
        .form(&[("lang", "en"), ("next", "//evil.example/")])
        .send()
        .await
        .unwrap();
    assert_eq!(r.headers()["location"], "/");
}

#[tokio::test]
async fn job_titles_follow_the_form_each_person_chose() {
    use diesel::prelude::*;
    let app = TestApp::builder().with_demo().spawn().await;
    let client = app.client_as(test_support::As::Coordinator).await;
    let csrf = app.csrf(&client).await;
    let post = |form: Vec<(&'static str, String)>| {
        let (client, url) = (client.clone(), app.url(""));
        async move {
            let mut req = client.post(format!("{url}/language"));
            if form[0].0 == "gender" {
                req = client.post(format!("{url}/account/title"));
            }
            req.form(&form).send().await.unwrap()
        }
    };
    let header = |lang: &'static str| {
        let client = client.clone();
        let url = app.url("/dashboard");
        async move {
            let body = client.get(url).send().await.unwrap().text().await.unwrap();
            assert!(body.contains(&format!("<html lang=\"{lang}\">")), "{body}");
            body
        }
    };
    // The demo coordinator chose the feminine form.
    post(vec![("lang", "fr".into()), ("csrf", csrf.clone())]).await;
    assert!(
        header("fr")
            .await
            .contains("Cora Coördinator (demo) · Coordinatrice ·")
    );

    let r = post(vec![("gender", "masculine".into()), ("csrf", csrf.clone())]).await;
    assert_eq!(r.status(), 303);
    assert!(
        header("fr")
            .await
            .contains("Cora Coördinator (demo) · Coordinateur ·")
    );
    post(vec![("lang", "de".into()), ("csrf", csrf.clone())]).await;
    assert!(header("de").await.contains("· Koordinator ·"));
    post(vec![("gender", "neutral".into()), ("csrf", csrf.clone())]).await;
    assert!(header("de").await.contains("· Koordination ·"));
    post(vec![("lang", "nl".into()), ("csrf", csrf.clone())]).await;
    assert!(header("nl").await.contains("· Coördinator ·"));

    // An unknown form changes nothing; each change is in the audit trail.
    let r = post(vec![("gender", "plural".into()), ("csrf", csrf.clone())]).await;
    assert_eq!(r.status(), 422);
    let (saved, audited) = app
        .with_db(|conn| {
            use db::schema::{audit_log, users};
            let saved: String = users::table
                .filter(users::email.eq("coordinator@demostad.example"))
                .select(users::grammatical_gender)
                .first(conn)
                .unwrap();
            let audited: i64 = audit_log::table
                .filter(audit_log::action.eq("user.grammatical_gender"))
                .count()
                .get_result(conn)
                .unwrap();
            (saved, audited)
        })
        .await;
    assert_eq!((saved.as_str(), audited), ("neutral", 2));
}

#[tokio::test]
async fn the_accessibility_statement_names_the_configured_contact() {
    let (_, body) = page(&TestApp::spawn().await, "/accessibility", "nl").await;
    assert!(!body.contains("Contact voor toegankelijkheid"));
    let app = TestApp::builder()
        .configure(|s| {
            s.with_accessibility_contact(Some("toegankelijkheid@ocmw.example <03 000 00 00>"))
        })
        .spawn()
        .await;
    let (status, body) = page(&app, "/accessibility", "fr").await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Contact pour l&#39;accessibilité : toegankelijkheid@ocmw.example &#60;03 000 00 00&#62;"),
        "the contact is shown, escaped: {body}"
    );
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let app = TestApp::spawn().await;
    let r = app.get("/").await;
    let h = r.headers();
    let csp = h["content-security-policy"].to_str().unwrap();
    assert!(csp.contains("frame-ancestors 'none'"));
    assert!(!csp.contains("unsafe-inline"));
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["content-type"].to_str().unwrap().starts_with("text/html"));
    let css = app.get("/static/app.css").await;
    assert_eq!(css.headers()["content-type"], "text/css; charset=utf-8");
    assert!(css.text().await.unwrap().contains("@media print"));
}

/// Templates hold structure only: every visible word comes from the
/// translation files. Strips template code and tags, then looks for letters.
#[test]
fn templates_contain_no_visible_literal_text() {
    // Shared templates, and those beside each capability's code.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut dirs = vec![root.join("templates"), root.join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                files.push(path);
            }
        }
    }
    let mut checked = 0;
    for path in files {
        let source = std::fs::read_to_string(&path).unwrap();
        let without_code = strip_between(
            &strip_between(&strip_between(&source, "{{", "}}"), "{%", "%}"),
            "{#",
            "#}",
        );
        // Attributes a person reads or hears must be translated too.
        for attr in [
            "title=\"",
            "alt=\"",
            "placeholder=\"",
            "aria-label=\"",
            "aria-description=\"",
        ] {
            for (i, _) in without_code.match_indices(attr) {
                let value: String = without_code[i + attr.len()..]
                    .chars()
                    .take_while(|c| *c != '"')
                    .collect();
                assert!(
                    !value.chars().any(char::is_alphabetic),
                    "{}: literal {attr}{value}\"",
                    path.display()
                );
            }
        }
        let text = strip_between(&strip_between(&without_code, "<!--", "-->"), "<", ">");
        let words: Vec<&str> = text
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphabetic))
            .collect();
        assert!(
            words.is_empty(),
            "{}: literal text {words:?}",
            path.display()
        );
        checked += 1;
    }
    assert!(checked >= 20, "{checked} templates found");
}

fn strip_between(s: &str, open: &str, close: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(start) = rest.find(open) {
        out.push_str(&rest[..start]);
        match rest[start + open.len()..].find(close) {
            Some(end) => rest = &rest[start + open.len() + end + close.len()..],
            None => return out,
        }
        out.push(' ');
    }
    out.push_str(rest);
    out
}

/// No text that looks like a message key, also one that no locale has (a
/// missing message shows its key): a lone lowercase word with dashes whose
/// first part starts some key, such as `field-city`.
fn assert_no_key_like_text(body: &str, path: &str) {
    let prefixes: std::collections::BTreeSet<String> = i18n::keys(Language::En)
        .into_iter()
        .filter_map(|k| k.split('-').next().map(str::to_owned))
        .collect();
    for text in body.split('>').filter_map(|s| s.split('<').next()) {
        let text = text.trim();
        let parts: Vec<&str> = text.split('-').collect();
        let keyish = parts.len() > 1
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            && prefixes.contains(parts[0]);
        assert!(
            !keyish,
            "{path}: the text {text:?} looks like a message key"
        );
    }
}

/// A path's shape: ids replaced, the query left out, so that a crawl opens a
/// few of each kind of page rather than every session of every group.
fn shape(path: &str) -> String {
    let path = path.split('?').next().unwrap_or(path);
    path.split('/')
        .map(|s| {
            if s.len() == 36 && s.matches('-').count() == 4 {
                ":id"
            } else {
                s
            }
        })
        .collect::<Vec<_>>()
        .join("/")
}

/// Every link a page shows opens for the one it is shown to: no link leads
/// to a refusal or an error, and no page shows a message key. Crawled from
/// the dashboard of each fixture account, a few pages of each kind (a
/// group's page once linked to attendance screens a casemanager may not open).
#[tokio::test]
async fn every_link_shown_opens_for_the_one_who_sees_it() {
    use std::collections::{HashMap, HashSet, VecDeque};
    use test_support::As;
    let app = TestApp::builder().with_demo().spawn().await;
    for who in As::ALL {
        let client = app.client_as(who).await;
        let mut seen: HashSet<String> = HashSet::new();
        let mut per_link: HashMap<(String, String), usize> = HashMap::new();
        let mut todo: VecDeque<(String, String)> =
            VecDeque::from([("/dashboard".to_owned(), "/".to_owned())]);
        let mut opened = 0;
        while let Some((path, from)) = todo.pop_front() {
            if !seen.insert(path.clone()) {
                continue;
            }
            // A few of each kind from each kind of page: the same kind of
            // link may open from one page and not from another.
            let n = per_link.entry((shape(&path), shape(&from))).or_default();
            if *n >= 5 {
                continue;
            }
            *n += 1;
            opened += 1;
            let r = client.get(app.url(&path)).send().await.unwrap();
            let status = r.status().as_u16();
            assert!(
                (200..400).contains(&status),
                "{who:?}: {path}, linked from {from}, answered {status}"
            );
            if let Some(to) = r.headers().get("location").and_then(|l| l.to_str().ok()) {
                todo.push_back((to.to_owned(), path.clone()));
            }
            let html = r
                .headers()
                .get("content-type")
                .and_then(|c| c.to_str().ok())
                .is_some_and(|c| c.starts_with("text/html"));
            if !html {
                continue;
            }
            let body = r.text().await.unwrap();
            assert_no_raw_keys(Language::Nl, &body);
            assert_no_key_like_text(&body, &path);
            for part in body.split("href=\"").skip(1) {
                let href = part
                    .split('"')
                    .next()
                    .unwrap_or("")
                    .replace("&#38;", "&")
                    .replace("&amp;", "&");
                let href = href.split('#').next().unwrap_or("").to_owned();
                // Signing out would end the crawl; assets are not pages.
                if href.starts_with('/')
                    && !href.starts_with("//")
                    && !href.starts_with("/logout")
                    && !href.starts_with("/assets/")
                {
                    todo.push_back((href, path.clone()));
                }
            }
        }
        assert!(opened > 5, "{who:?} opened only {opened} pages");
    }
}

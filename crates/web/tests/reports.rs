//! Reports over HTTP, on both databases: the CSV export holds exactly the
//! numbers of the JSON API, row by row; only coordinators get either.

use test_support::{As, TestApp};

#[tokio::test]
async fn the_csv_export_holds_the_apis_numbers() {
    let app = TestApp::builder().with_demo().spawn().await;
    let coordinator = app.client_as(As::Coordinator).await;
    let programmes: Vec<String> = app
        .with_db(|conn| {
            use db::schema::programmes;
            use diesel::prelude::*;
            programmes::table
                .order(programmes::name)
                .select(programmes::id)
                .load(conn)
                .unwrap()
        })
        .await;
    let sets = [
        "esf-plus-participants",
        "amif-integration",
        "federal-social-activation",
        "miriam",
        "programme-activity",
    ];
    let mut compared = 0.0;
    for id in &programmes {
        for set in sets {
            let json = app
                .json(
                    &coordinator,
                    &format!("/api/v1/programmes/{id}/indicators?set={set}&year=2026"),
                )
                .await;
            let figures = json["figures"].as_array().unwrap();
            let csv = coordinator
                .get(app.url(&format!(
                    "/reports/export.csv?programme={id}&set={set}&year=2026"
                )))
                .send()
                .await
                .unwrap();
            assert_eq!(csv.status(), 200);
            let text = csv.text().await.unwrap();
            let mut reader = csv::Reader::from_reader(text.as_bytes());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            assert_eq!(rows.len(), figures.len(), "{set}");
            for (row, figure) in rows.iter().zip(figures) {
                assert_eq!(row[0], *figure["code"].as_str().unwrap());
                let value = figure["value"].as_f64();
                assert_eq!(row[3].parse::<f64>().ok(), value, "{set} {}", figure["key"]);
                compared += value.unwrap_or(0.0);
                let by = &figure["by"]["gender"];
                for (col, gender) in [(4, "woman"), (5, "man"), (6, "non_binary")] {
                    if by.is_null() {
                        assert_eq!(&row[col], "", "{set}: no gender breakdown");
                    } else {
                        assert_eq!(
                            row[col].parse::<f64>().unwrap(),
                            by[gender].as_f64().unwrap_or(0.0),
                            "{gender}"
                        );
                    }
                }
            }
        }
    }
    assert!(compared > 0.0, "the demo has figures in 2026");
    // A casemanager gets neither.
    let cm = app.client_as(As::Casemanager).await;
    let id = &programmes[0];
    let r = cm
        .get(app.url(&format!("/api/v1/programmes/{id}/indicators")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    let r = cm
        .get(app.url(&format!("/reports/export.csv?programme={id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

/// A Python with the readers (openpyxl, odfpy), or None outside CI.
fn python_with_readers() -> Option<&'static str> {
    let found = ["/usr/bin/python3", "python3"].into_iter().find(|py| {
        std::process::Command::new(py)
            .args(["-c", "import openpyxl, odf"])
            .output()
            .is_ok_and(|o| o.status.success())
    });
    if found.is_none() {
        // CI installs them (.ci/run); a developer without them is told.
        assert!(
            std::env::var_os("CI").is_none(),
            "install python3-openpyxl, python3-odf and poppler-utils"
        );
        eprintln!("skipped: the spreadsheet readers are not installed");
    }
    found
}

/// The sheets of a file as a real reader sees them.
fn read_sheets(python: &str, bytes: &[u8], extension: &str) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("report.{extension}"));
    std::fs::write(&path, bytes).unwrap();
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/readers/read_sheets.py");
    let out = std::process::Command::new(python)
        .arg(script)
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[tokio::test]
async fn ods_xlsx_and_pdf_open_in_real_readers_with_the_apis_numbers() {
    let app = TestApp::builder().with_demo().spawn().await;
    let coordinator = app.client_as(As::Coordinator).await;
    let programme: String = app
        .with_db(|conn| {
            use db::schema::programmes;
            use diesel::prelude::*;
            programmes::table
                .filter(programmes::kind.eq("miriam"))
                .select(programmes::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let Some(python) = python_with_readers() else {
        return;
    };
    for set in ["programme-activity", "miriam", "esf-plus-participants"] {
        let json = app
            .json(
                &coordinator,
                &format!("/api/v1/programmes/{programme}/indicators?set={set}&year=2026"),
            )
            .await;
        let figures = json["figures"].as_array().unwrap();
        for extension in ["xlsx", "ods"] {
            let r = coordinator
                .get(app.url(&format!(
                    "/reports/export.{extension}?programme={programme}&set={set}&year=2026"
                )))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            let sheets = read_sheets(python, &r.bytes().await.unwrap(), extension);
            let sheets = sheets.as_array().unwrap();
            // The first sheet names the organisation; the second holds the
            // figures under a title and a header row.
            let facts = serde_json::to_string(&sheets[0][1]).unwrap();
            assert!(facts.contains("Demostad"), "{extension}: {facts}");
            let table = sheets[1][1].as_array().unwrap();
            let rows = &table[3..3 + figures.len()];
            for (row, figure) in rows.iter().zip(figures) {
                assert_eq!(
                    row[0].as_str().unwrap_or(""),
                    figure["code"].as_str().unwrap()
                );
                assert_eq!(
                    row[3].as_f64(),
                    figure["value"].as_f64(),
                    "{set} {extension} {}",
                    figure["key"]
                );
                if let Some(by) = figure["by"]["gender"].as_object() {
                    let women = by.get("woman").and_then(|v| v.as_f64()).unwrap_or(0.0);
                    assert_eq!(row[4].as_f64(), Some(women));
                }
            }
        }
        // The PDF opens in poppler and says what it is about.
        let r = coordinator
            .get(app.url(&format!(
                "/reports/export.pdf?programme={programme}&set={set}&year=2026"
            )))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.pdf");
        std::fs::write(&path, r.bytes().await.unwrap()).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args(["-layout"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext (poppler-utils)");
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Demostad"), "{text}");
        assert!(
            text.contains("1/") || text.contains("1 /"),
            "page numbers: {text}"
        );
        for f in figures
            .iter()
            .filter(|f| !f["code"].as_str().unwrap_or("").is_empty())
        {
            assert!(
                text.contains(f["code"].as_str().unwrap()),
                "{set}: {}",
                f["code"]
            );
        }
    }
}

#[tokio::test]
async fn a_budget_is_kept_through_the_forms_and_read_by_the_api() {
    let app = TestApp::builder().with_demo().spawn().await;
    let coordinator = app.client_as(As::Coordinator).await;
    let programme: String = app
        .with_db(|conn| {
            use db::schema::programmes;
            use diesel::prelude::*;
            programmes::table
                .filter(programmes::kind.eq("social_activation"))
                .select(programmes::id)
                .first(conn)
                .unwrap()
        })
        .await;
    let funder: String = app
        .with_db({
            let p = programme.clone();
            move |conn| {
                use db::schema::programmes;
                use diesel::prelude::*;
                programmes::table
                    .filter(programmes::id.eq(&p))
                    .select(programmes::funders)
                    .first::<String>(conn)
                    .unwrap()
                    .split(',')
                    .next()
                    .unwrap()
                    .to_owned()
            }
        })
        .await;
    let csrf = app.csrf(&coordinator).await;
    let api = |year: i32| {
        let url = app.url(&format!(
            "/api/v1/programmes/{programme}/budget?year={year}"
        ));
        let c = coordinator.clone();
        async move {
            c.get(url)
                .send()
                .await
                .unwrap()
                .json::<serde_json::Value>()
                .await
                .unwrap()
        }
    };
    let before = api(2024).await;
    let version = before["version"].as_i64().unwrap().to_string();
    // A wrong amount is refused at its field and changes nothing.
    let r = coordinator
        .post(app.url("/reports/budget"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("programme", programme.as_str()),
            ("year", "2024"),
            ("version", version.as_str()),
            ("budget-catering", "veel"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    assert!(r.text().await.unwrap().contains("id=\"e-budget-catering\""));
    assert_eq!(api(2024).await["version"], before["version"]);
    // A year the demo has no budget for. A budget with a fixed key of 40 % for the programme's first funder.
    let key = format!("key-{funder}");
    let pct = format!("pct-{funder}");
    let r = coordinator
        .post(app.url("/reports/budget"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("programme", programme.as_str()),
            ("year", "2024"),
            ("version", version.as_str()),
            ("budget-catering", "1.000,00"),
            ("funder", funder.as_str()),
            (key.as_str(), "fixed"),
            (pct.as_str(), "40"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    // The same form sent again (a double tap) is a conflict, not a second change.
    let again = coordinator
        .post(app.url("/reports/budget"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("programme", programme.as_str()),
            ("year", "2024"),
            ("version", version.as_str()),
            ("budget-catering", "1"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 409);
    // Costs from the accounting system, twice: booked once.
    let rows = "Datum;Budgetlijn;Bedrag;Omschrijving;Referentie\n15/03/2024;catering;250,00;Broodjes (test);T-1\n20/03/2024;catering;250,00;Soep (test);T-2\n";
    for _ in 0..2 {
        let r = coordinator
            .post(app.url("/reports/budget/import"))
            .form(&[
                ("csrf", csrf.as_str()),
                ("programme", programme.as_str()),
                ("year", "2024"),
                ("rows", rows),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 303);
    }
    // A file with a wrong row books nothing and names the row.
    let r = coordinator
        .post(app.url("/reports/budget/import"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("programme", programme.as_str()),
            ("year", "2024"),
            (
                "rows",
                "date;line;amount\n2024-04-01;catering;10\n2024-04-02;jachten;10\n",
            ),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let after = api(2024).await;
    let catering = after["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["line"] == "catering")
        .unwrap()
        .clone();
    assert_eq!(catering["budget_cents"], 100_000);
    assert_eq!(catering["actual_cents"], 50_000);
    let fund = after["funders"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["funder"] == funder.as_str())
        .unwrap()
        .clone();
    assert_eq!(fund["fund_cents"], 20_000, "40 % of 500 euros");
    // The page shows it; the PDF and the ODS carry the same totals.
    let page = app
        .text(
            &coordinator,
            &format!("/reports/budget?programme={programme}&year=2024"),
        )
        .await;
    assert!(page.contains("data-fund="), "{page}");
    assert!(page.contains("<svg"), "the chart");
    if let Some(python) = python_with_readers() {
        let ods = coordinator
            .get(app.url(&format!(
                "/reports/budget/export.ods?programme={programme}&year=2024"
            )))
            .send()
            .await
            .unwrap()
            .bytes()
            .await
            .unwrap();
        let sheets = read_sheets(python, &ods, "ods");
        let lines = sheets[1][1].as_array().unwrap();
        // The totals row is the table's last (the note under it is text).
        let total = lines
            .iter()
            .rev()
            .filter_map(|r| r.as_array())
            .find(|r| r.len() >= 3)
            .unwrap();
        assert_eq!(total[1].as_f64(), Some(1000.0));
        assert_eq!(total[2].as_f64(), Some(500.0));
    }
    // Only coordinators.
    let cm = app.client_as(As::Casemanager).await;
    let r = cm
        .get(app.url(&format!("/api/v1/programmes/{programme}/budget")))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

#[tokio::test]
async fn pooled_figures_hold_no_small_count_in_the_api_or_the_files() {
    let app = TestApp::builder().with_demo().spawn().await;
    // The test organisation opts in for its Miriam programme only.
    app.with_db(|conn| {
        use db::schema::programmes;
        use diesel::prelude::*;
        diesel::update(programmes::table.filter(programmes::kind.eq("miriam")))
            .set(programmes::pooled.eq(true))
            .execute(conn)
            .unwrap();
    })
    .await;
    let analyst = app.client_as(As::Analyst).await;
    let json = app.json(&analyst, "/api/v1/pooled?year=2026").await;
    let total = &json["total"];
    let mut counted = 0;
    for line in json["organisations"]
        .as_array()
        .unwrap()
        .iter()
        .chain([total])
    {
        for (_, c) in line["participants"].as_object().unwrap() {
            match c["shown"].as_str().unwrap() {
                "count" => {
                    let n = c["value"].as_u64().unwrap();
                    assert!(n == 0 || n >= 5, "no count from 1 to 4 leaves: {n}");
                    counted += 1;
                }
                _ => assert!(c["value"].is_null()),
            }
        }
    }
    assert!(counted > 0);
    // The CSV's total line holds the API's total, suppressed the same way.
    let csv = app
        .text(&analyst, "/reports/pooled/export.csv?year=2026")
        .await;
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let last = rows.last().unwrap();
    let api_total = &total["participants"]["total"];
    match api_total["value"].as_u64() {
        Some(n) => assert_eq!(last[6].parse::<u64>().unwrap(), n),
        None => assert!(last[6] == *"<5" || last[6] == *"×"),
    }
    // Analysts never reach a programme's own report or a participant.
    let r = analyst
        .get(app.url("/api/v1/participants"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
    // The page renders for them.
    let r = analyst
        .get(app.url("/reports/pooled"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
}

#[tokio::test]
async fn an_indicator_set_is_checked_before_it_is_added() {
    let app = TestApp::builder().with_demo().spawn().await;
    let admin = app.client_as(As::Administrator).await;
    let csrf = app.csrf(&admin).await;
    let bad = r#"{"key":"stad","version":1,"funder":"Stad","source":"s","title":{"en":"City"},
        "indicators":[{"key":"k","wording":{"en":"K"},"when":{"fact":"labour_status","in":["retired"]}}]}"#;
    let r = admin
        .post(app.url("/admin/indicator-sets"))
        .form(&[("csrf", csrf.as_str()), ("definition", bad)])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let body = r.text().await.unwrap();
    assert!(body.contains("id=\"e-definition\""), "{body}");
    let good = bad.replace("retired", "inactive");
    let r = admin
        .post(app.url("/admin/indicator-sets"))
        .form(&[("csrf", csrf.as_str()), ("definition", good.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 303);
    let page = app.text(&admin, "/admin/indicator-sets?added=stad").await;
    assert!(page.contains("id=\"set-stad\""));
    // The coordinator's report offers it.
    let coordinator = app.client_as(As::Coordinator).await;
    let reports = app.text(&coordinator, "/reports").await;
    assert!(reports.contains("value=\"stad\""));
    // So does the API, by the set's key; a key of the wrong shape is a bad
    // request, an unknown one not found.
    let programmes = app.json(&coordinator, "/api/v1/programmes").await;
    let id = programmes[0]["id"].as_str().unwrap();
    let json = app
        .json(
            &coordinator,
            &format!("/api/v1/programmes/{id}/indicators?set=stad&year=2026"),
        )
        .await;
    assert_eq!(json["set"], "stad");
    assert_eq!(json["figures"][0]["key"], "k");
    assert!(json["figures"][0]["numerator"].is_i64());
    for (set, status) in [("Stad%20X", 400), ("nog-niet", 404)] {
        let r = coordinator
            .get(app.url(&format!("/api/v1/programmes/{id}/indicators?set={set}")))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), status, "{set}");
    }
    // A casemanager may not add sets.
    let cm = app.client_as(As::Casemanager).await;
    let r = cm
        .get(app.url("/admin/indicator-sets"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 403);
}

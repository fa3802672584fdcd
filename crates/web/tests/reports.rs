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
            let json: serde_json::Value = coordinator
                .get(app.url(&format!(
                    "/api/v1/programmes/{id}/indicators?set={set}&year=2026"
                )))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
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

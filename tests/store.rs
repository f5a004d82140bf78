//! The saved-plans reader: round trips, newer formats left alone, and garbage rejected
//! without a panic.

mod common;

use proptest::prelude::*;
use unit_planner::document::store::{read, write, SavedPlan, StoreRead};
use unit_planner::document::{PlanDoc, Progress};

fn sample() -> Vec<SavedPlan> {
    let mut doc = PlanDoc {
        qualification: "vtct-l1-cert-principles-cs".into(),
        name: Some("<b>Mine</b>".into()),
        ..PlanDoc::default()
    };
    doc.units = [13, 14].into();
    doc.progress.insert(13, Progress::Achieved);
    vec![SavedPlan { id: 1, doc }]
}

#[test]
fn plans_round_trip() {
    assert_eq!(read(&write(&sample()).unwrap()), StoreRead::Plans(sample()));
}

#[test]
fn newer_and_foreign_data_are_recognised() {
    assert_eq!(
        read(r#"{"version":2,"plans":"whatever"}"#),
        StoreRead::Newer(2)
    );
    for text in [
        "",
        "{not json",
        "null",
        "[]",
        r#"{"version":1}"#,
        r#"{"version":1,"plans":[{"id":"x"}]}"#,
        r#"{"version":0,"plans":[]}"#,
        "\u{0}",
    ] {
        assert_eq!(read(text), StoreRead::Unreadable, "{text:?}");
    }
}

proptest! {
    // CI runs a few thousand; `PROPTEST_CASES=1000000 cargo test --release --test store` is the long run.
    #![proptest_config(common::cases(3000))]

    #[test]
    fn reading_never_panics(text in ".{0,300}") {
        let _ = read(&text);
    }

    #[test]
    fn reading_mutated_plans_never_panics(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..5)) {
        let mut bytes = write(&sample()).unwrap().into_bytes();
        for (at, b) in edits {
            let n = at % bytes.len();
            bytes[n] = b;
        }
        let _ = read(&String::from_utf8_lossy(&bytes));
    }
}

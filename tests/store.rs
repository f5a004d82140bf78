//! The saved-plans reader: round trips, newer formats left alone, and garbage rejected
//! without a panic.

mod common;

use proptest::prelude::*;
use unit_planner::catalogue::builtin;
use unit_planner::document::store::{
    export, import, merge, read, write, ImportError, Imported, Saved, SavedPlan, StoreRead,
};
use unit_planner::document::{PlanDoc, Progress};

fn sample() -> Saved {
    let mut doc = PlanDoc {
        qualification: "vtct-l1-cert-principles-cs".into(),
        name: Some("<b>Mine</b>".into()),
        ..PlanDoc::default()
    };
    doc.units = [13, 14].into();
    doc.progress.insert(13, Progress::Achieved);
    Saved {
        plans: vec![SavedPlan {
            id: 1,
            doc,
            created: 5,
            updated: 7,
        }],
        deleted: [(9, 3)].into(),
    }
}

#[test]
fn plans_round_trip() {
    assert_eq!(read(&write(&sample()).unwrap()), StoreRead::Plans(sample()));
    let StoreRead::Plans(exported) = read(&export(&sample()).unwrap()) else {
        panic!("an export reads as plans");
    };
    assert_eq!(exported.plans, sample().plans);
}

/// Plans saved by the release before format 2, as it wrote them.
const FORMAT_ONE: &str = r#"{"version":1,"plans":[{"id":1,"doc":{"qualification":"vtct-l1-cert-principles-cs","name":"Plan 1","units":[13,14],"progress":{"13":"achieved"},"entered":{},"not_offered":[]}},{"id":2,"doc":{"qualification":"cg-l3-nvq-dip-cs","units":[],"progress":{},"entered":{},"not_offered":[3]}}]}"#;

#[test]
fn plans_saved_by_format_one_still_open_in_their_order() {
    let StoreRead::Plans(saved) = read(FORMAT_ONE) else {
        panic!("format 1 is read");
    };
    assert_eq!(saved.plans.iter().map(|p| p.id).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(saved.plans[0].doc.progress_of(13), Progress::Achieved);
    assert_eq!(saved.plans[1].doc.not_offered, [3].into());
    assert_eq!(merge(&saved, &Saved::default()), saved);
}

#[test]
fn newer_and_foreign_data_are_recognised() {
    assert_eq!(
        read(r#"{"version":4,"plans":"whatever"}"#),
        StoreRead::Newer(4)
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

fn plan(id: u64, updated: u64, unit: u32) -> SavedPlan {
    let mut doc = PlanDoc {
        qualification: "vtct-l1-cert-principles-cs".into(),
        ..PlanDoc::default()
    };
    doc.units.insert(unit);
    SavedPlan {
        id,
        doc,
        created: id,
        updated,
    }
}

#[test]
fn two_tabs_merge_plan_by_plan() {
    // Tab A changed plan 1 at time 20; tab B, still holding the old copy, added plan 2.
    let a = Saved {
        plans: vec![plan(1, 20, 14)],
        deleted: Default::default(),
    };
    let b = Saved {
        plans: vec![plan(1, 10, 13), plan(2, 15, 13)],
        deleted: Default::default(),
    };
    let merged = merge(&a, &b);
    assert_eq!(merged.plans, [plan(1, 20, 14), plan(2, 15, 13)]);
    assert_eq!(merge(&b, &a), merged);
}

#[test]
fn a_deletion_beats_older_copies_and_a_later_edit_beats_the_deletion() {
    let kept = Saved {
        plans: vec![plan(1, 10, 13)],
        deleted: Default::default(),
    };
    let deleted = Saved {
        plans: vec![],
        deleted: [(1, 12)].into(),
    };
    assert_eq!(merge(&kept, &deleted).plans, []);
    assert_eq!(merge(&deleted, &kept).deleted, [(1, 12)].into());
    let edited_after = Saved {
        plans: vec![plan(1, 30, 14)],
        deleted: Default::default(),
    };
    let merged = merge(&deleted, &edited_after);
    assert_eq!(merged.plans, [plan(1, 30, 14)]);
    assert!(merged.deleted.is_empty());
}

#[test]
fn importing_merges_without_duplicates_and_refuses_foreign_files() {
    let catalogue = builtin::catalogue();
    let here = Saved {
        plans: vec![plan(1, 10, 13), plan(2, 10, 13)],
        deleted: [(3, 5)].into(),
    };
    let mut other = plan(4, 50, 20);
    other.doc.qualification = "no-such-qualification".into();
    let file = export(&Saved {
        plans: vec![plan(1, 20, 14), plan(2, 5, 15), plan(3, 4, 16), other],
        deleted: Default::default(),
    })
    .unwrap();
    let (after, report) = import(&here, &file, catalogue).unwrap();
    assert_eq!(
        report,
        Imported {
            added: 1,
            updated: 1,
            unchanged: 1,
            kept: 0,
            skipped: 1
        }
    );
    assert_eq!(
        after.plans,
        [plan(1, 20, 14), plan(2, 10, 13), plan(3, 4, 16)]
    );
    let (again, report) = import(&after, &file, catalogue).unwrap();
    assert_eq!(again, after, "importing twice changes nothing more");
    assert_eq!(report.added + report.updated, 0);
    let mut same_content = plan(9, 1, 13);
    same_content.doc = here.plans[0].doc.clone();
    let file = export(&Saved {
        plans: vec![same_content],
        deleted: Default::default(),
    })
    .unwrap();
    assert_eq!(import(&here, &file, catalogue).unwrap().1.unchanged, 1);

    for text in [
        "",
        "{}",
        "[1,2]",
        &write(&here).unwrap(),
        r#"{"kind":"something else","version":2,"plans":[]}"#,
    ] {
        assert_eq!(
            import(&here, text, catalogue),
            Err(ImportError::NotAnExport),
            "{text}"
        );
    }
    assert_eq!(
        import(
            &here,
            r#"{"kind":"unit-planner plans","version":7,"plans":[]}"#,
            catalogue
        ),
        Err(ImportError::Newer(7))
    );
}

fn random_saved() -> impl Strategy<Value = Saved> {
    (
        proptest::collection::btree_map(1u64..6, (0u64..20, 13u32..16), 0..5),
        proptest::collection::btree_map(1u64..6, 0u64..20, 0..3),
    )
        .prop_map(|(plans, deleted)| Saved {
            plans: plans
                .into_iter()
                .map(|(id, (updated, unit))| plan(id, updated, unit))
                .collect(),
            deleted,
        })
}

proptest! {
    #![proptest_config(common::cases(2000))]

    /// Whatever two tabs hold, merging converges (order and repetition do not matter) and
    /// loses no plan that was not deleted after its last change.
    #[test]
    fn merging_converges_and_loses_nothing(a in random_saved(), b in random_saved(), c in random_saved()) {
        let ab = merge(&a, &b);
        prop_assert_eq!(&ab, &merge(&b, &a));
        prop_assert_eq!(&merge(&ab, &ab), &ab);
        prop_assert_eq!(merge(&ab, &c), merge(&a, &merge(&b, &c)));
        for p in a.plans.iter().chain(&b.plans) {
            let deleted_after = a.deleted.get(&p.id).into_iter().chain(b.deleted.get(&p.id)).any(|&at| at >= p.updated);
            let newer_copy = ab.plans.iter().any(|q| q.id == p.id && q.updated >= p.updated);
            prop_assert!(deleted_after || newer_copy, "plan {} lost", p.id);
        }
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

/// An export file exactly as the release before the check wrote it (no `check` field).
const EXPORT_BEFORE_CHECK: &str = r#"{
  "kind": "unit-planner plans",
  "version": 2,
  "plans": [
    {
      "id": 1,
      "doc": {
        "qualification": "vtct-l1-cert-principles-cs",
        "units": [13],
        "progress": {},
        "entered": {},
        "not_offered": []
      },
      "created": 5,
      "updated": 7
    }
  ],
  "deleted": {}
}"#;

#[test]
fn export_files_carry_a_check_and_older_files_without_one_still_import() {
    let file = export(&sample()).unwrap();
    assert!(
        file.contains("\"check\": \"crc32:"),
        "the check is in the file: {file}"
    );
    let catalogue = builtin::catalogue();
    let (after, report) = import(&Saved::default(), &file, catalogue).unwrap();
    assert_eq!((report.added, after.plans), (1, sample().plans));
    let (after, report) = import(&Saved::default(), EXPORT_BEFORE_CHECK, catalogue).unwrap();
    assert_eq!(report.added, 1);
    assert_eq!(after.plans[0].doc.units, [13].into());
}

#[test]
fn a_tie_is_never_newer_and_a_differing_copy_at_the_same_time_is_kept_here() {
    let catalogue = builtin::catalogue();
    let here = Saved {
        plans: vec![plan(1, 10, 13)],
        deleted: Default::default(),
    };
    for unit in [12, 14, 15] {
        let file = export(&Saved {
            plans: vec![plan(1, 10, unit)],
            deleted: Default::default(),
        })
        .unwrap();
        let (after, report) = import(&here, &file, catalogue).unwrap();
        assert_eq!(after, here, "unit {unit}: nothing replaced on a tie");
        assert_eq!((report.updated, report.kept), (0, 1));
        assert_eq!(
            unit_planner::wording::imported(&report),
            "Imported: 0 plans added, 1 plan kept as it is here (the file's copy differs but was not changed later)."
        );
    }
}

/// Every one-byte change of an export file, at every position, to a few bytes: the file is
/// refused (as damaged, or as no export) with nothing changed, or it means exactly what
/// was exported (whitespace, say).
#[test]
fn every_one_byte_edit_of_an_export_is_refused_or_changes_nothing() {
    let catalogue = builtin::catalogue();
    let mut saved = sample();
    saved.plans.push(plan(2, 40, 15));
    saved.plans[1].doc.note = Some("Ask about CSP15".into());
    let here = Saved {
        plans: vec![plan(2, 40, 13)],
        deleted: Default::default(),
    };
    let file = export(&saved).unwrap();
    let (intact, _) = import(&here, &file, catalogue).unwrap();
    let mut damaged = 0;
    for at in 0..file.len() {
        for b in [b'0', b'1', b'9', b'a', b'e', b' ', b'"', b'}'] {
            let mut bytes = file.clone().into_bytes();
            if bytes[at] == b {
                continue;
            }
            bytes[at] = b;
            let text = String::from_utf8(bytes).unwrap();
            match import(&here, &text, catalogue) {
                Ok((after, _)) => assert_eq!(after, intact, "byte {at} to {:?}", b as char),
                Err(ImportError::Damaged) => damaged += 1,
                Err(ImportError::NotAnExport | ImportError::Newer(_)) => {}
            }
        }
    }
    assert!(
        damaged > 100,
        "the check catches edits that still parse ({damaged})"
    );
}

#[test]
fn a_damaged_export_says_so() {
    let file = export(&sample())
        .unwrap()
        .replace("\"updated\": 7", "\"updated\": 8");
    let err = import(&Saved::default(), &file, builtin::catalogue()).unwrap_err();
    assert_eq!(err, ImportError::Damaged);
    assert_eq!(
        err.to_string(),
        "this export file has been changed or damaged since it was exported (its check does not match); nothing was imported"
    );
    let renamed = export(&sample()).unwrap().replace("\"check\"", "\"chek\"");
    assert_eq!(
        import(&Saved::default(), &renamed, builtin::catalogue()),
        Err(ImportError::NotAnExport),
        "a file whose check was renamed away is not read as one without a check"
    );
}

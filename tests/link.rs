//! Share links: round trips, size, re-checking against the catalogue, and damaged input.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use unit_planner::catalogue::builtin;
use unit_planner::document::{EnteredValues, Mismatch, PlanDoc, Progress};
use unit_planner::link::{decode, encode, share_path, LinkError};

fn qual_index(id: &str) -> usize {
    builtin::catalogue()
        .iter()
        .position(|q| q.id == id)
        .unwrap()
}

fn full_doc(id: &str) -> PlanDoc {
    let qual = &builtin::catalogue()[qual_index(id)];
    let mut doc = PlanDoc::new(qual);
    doc.units = qual.units.iter().map(|u| u.key).collect();
    doc.progress = qual
        .units
        .iter()
        .map(|u| {
            (
                u.key,
                [Progress::InProgress, Progress::Achieved][u.key as usize % 2],
            )
        })
        .collect();
    doc.name = Some("Asha's plan — draft".into());
    doc
}

#[test]
fn a_link_round_trips_units_progress_entered_values_and_not_offered() {
    let i = qual_index("cg-l3-nvq-dip-cs");
    let qual = &builtin::catalogue()[i];
    let mut doc = full_doc("cg-l3-nvq-dip-cs");
    doc.entered = BTreeMap::from([(
        5,
        EnteredValues {
            credits: Some(4),
            level: Some("2".into()),
        },
    )]);
    doc.not_offered = [7, 9].into();
    let opened = decode(builtin::catalogue(), &share_path(qual, &doc, true)).unwrap();
    assert_eq!(opened.qualification, i);
    assert_eq!(opened.doc, doc);
    assert!(!opened.catalogue_changed);
    let without_name = decode(builtin::catalogue(), &share_path(qual, &doc, false)).unwrap();
    assert_eq!(
        without_name.doc.name, None,
        "the name travels only when the learner chooses"
    );
}

#[test]
fn the_largest_qualification_with_every_unit_chosen_fits_in_120_characters() {
    let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
    let path = share_path(qual, &full_doc("cg-l3-nvq-dip-cs"), false);
    assert!(path.len() < 120, "{} characters: {path}", path.len());
}

#[test]
fn a_link_for_changed_data_is_flagged_and_a_vanished_unit_is_reported() {
    let i = qual_index("vtct-l1-cert-principles-cs");
    let original = builtin::catalogue()[i].clone();
    let mut doc = PlanDoc::new(&original);
    doc.units = [3, 20].into();
    let path = share_path(&original, &doc, false);
    let mut corrected = builtin::catalogue().to_vec();
    corrected[i].units.last_mut().unwrap().key = 99;
    let opened = decode(&corrected, &path).unwrap();
    assert!(opened.catalogue_changed);
    let (plan, problems) = opened.doc.to_plan(&corrected[i]);
    assert_eq!(problems, vec![Mismatch::UnknownUnit(20)]);
    assert!(plan.contains(corrected[i].unit_by_key(3).unwrap()));
    assert!(problems[0].describe(&corrected[i]).contains("no longer in"));
}

#[test]
fn nasty_links_get_clear_errors() {
    let qual = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let good = share_path(qual, &full_doc("vtct-l1-cert-principles-cs"), true);
    let truncated = &good[..good.len() - 3];
    let flipped = {
        let mut s = good.clone().into_bytes();
        let n = s.len() - 5;
        s[n] = if s[n] == b'A' { b'B' } else { b'A' };
        String::from_utf8(s).unwrap()
    };
    let future = good.replace("/p/A", "/p/B");
    let cases: Vec<(String, LinkError)> = vec![
        ("".into(), LinkError::NotAPlanLink),
        ("https://example.org/".into(), LinkError::NotAPlanLink),
        (
            "#/q/vtct-l1-cert-principles-cs".into(),
            LinkError::NotAPlanLink,
        ),
        (
            "#/q/no-such-qual/p/AQ".into(),
            LinkError::UnknownQualification("no-such-qual".into()),
        ),
        (truncated.to_string(), LinkError::Damaged),
        (flipped, LinkError::Damaged),
        (future, LinkError::FutureVersion(5)),
        (good.replace("/p/", "/p/%%"), LinkError::Damaged),
        (format!("{good}{}", "A".repeat(10_000)), LinkError::Damaged),
        (
            "#/q/vtct-l1-cert-principles-cs/p/".into(),
            LinkError::Damaged,
        ),
        (
            "#/q/vtct-l1-cert-principles-cs/p/☃☃☃☃".into(),
            LinkError::Damaged,
        ),
    ];
    for (link, expected) in cases {
        assert_eq!(
            decode(builtin::catalogue(), &link).unwrap_err(),
            expected,
            "{link}"
        );
    }
    assert!(
        LinkError::UnknownQualification("x\u{7}".repeat(50))
            .to_string()
            .len()
            < 120
    );
}

fn mutate(link: &str, edits: &[(usize, u8)], cut: usize) -> String {
    let mut bytes = link.as_bytes().to_vec();
    for &(at, b) in edits {
        let n = at % bytes.len();
        bytes[n] = b;
    }
    bytes.truncate(bytes.len().saturating_sub(cut % 8));
    String::from_utf8_lossy(&bytes).into_owned()
}

proptest! {
    // CI runs a few thousand cases; `PROPTEST_CASES=1000000 cargo test --release --test link`
    // is the long fuzz run.
    #![proptest_config(common::cases(3000))]

    #[test]
    fn decoding_never_panics_on_arbitrary_text(text in ".{0,200}") {
        let _ = decode(builtin::catalogue(), &text);
        let _ = decode(builtin::catalogue(), &format!("#/q/cg-l3-nvq-dip-cs/p/{text}"));
    }

    #[test]
    fn decoding_never_panics_on_mutated_links(edits in proptest::collection::vec((any::<usize>(), any::<u8>()), 0..4), cut in any::<usize>()) {
        let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
        let good = share_path(qual, &full_doc("cg-l3-nvq-dip-cs"), true);
        if let Ok(opened) = decode(builtin::catalogue(), &mutate(&good, &edits, cut)) {
            let _ = opened.doc.to_plan(&builtin::catalogue()[opened.qualification]);
        }
    }

    #[test]
    fn any_plan_round_trips(units in proptest::collection::btree_set(1u32..=59, 0..59), achieved in proptest::collection::btree_set(1u32..=59, 0..10)) {
        let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
        let mut doc = PlanDoc::new(qual);
        doc.units = units;
        doc.progress = achieved.into_iter().map(|k| (k, Progress::Achieved)).collect();
        let opened = decode(builtin::catalogue(), &format!("#/q/{}/p/{}", qual.id, encode(qual, &doc, false))).unwrap();
        prop_assert_eq!(opened.doc, doc);
    }
}

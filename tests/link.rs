//! Share links: round trips, size, re-checking against the catalogue, and damaged input.

mod common;

use std::collections::BTreeMap;

use proptest::prelude::*;
use unit_planner::catalogue::builtin;
use unit_planner::catalogue::Date;
use unit_planner::document::link::{
    checked, decode, encode, share_path, site_address, LinkError, MAX_LINK,
};
use unit_planner::document::{
    EnteredValues, Mismatch, PlanDoc, Progress, Review, Transfer, Verdict,
};

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

/// Links made by the release before format 2 (its `link` command and its encoder).
const FORMAT_ONE: [&str; 3] = [
    "http://127.0.0.1:8080/#/q/vtct-l1-cert-principles-cs/p/ARQkAAAICkFuYSdzIHBsYW7XiJ4",
    "https://planner.example.org/#/q/cg-l3-nvq-dip-cs/p/ATsAEAAAEAAAAABmRv4",
    "/#/q/ncfe-l1-nvq-cert-cs/p/ARoUAQAADyABAAAAAAACAwMECwUBAgAIAAAVQXNoYSdzIHBsYW4g4oCUIGRyYWZ04qhu",
];

#[test]
fn links_made_by_the_previous_release_still_open() {
    let labels = |opened: &unit_planner::document::link::Opened, keys: &[u32]| -> Vec<String> {
        let qual = &builtin::catalogue()[opened.qualification];
        keys.iter()
            .map(|&k| qual.units[qual.unit_by_key(k).unwrap()].label().to_string())
            .collect()
    };
    let vtct = decode(builtin::catalogue(), FORMAT_ONE[0]).unwrap();
    let keys: Vec<u32> = vtct.doc.units.iter().copied().collect();
    assert_eq!(labels(&vtct, &keys), ["CSP04", "CSP07"]);
    assert_eq!(vtct.doc.name.as_deref(), Some("Ana's plan"));
    assert!(!vtct.catalogue_changed);
    let cg = decode(builtin::catalogue(), FORMAT_ONE[1]).unwrap();
    let keys: Vec<u32> = cg.doc.units.iter().copied().collect();
    assert_eq!(labels(&cg, &keys), ["4430-303", "4430-311"]);
    let ncfe = decode(builtin::catalogue(), FORMAT_ONE[2]).unwrap();
    assert_eq!(ncfe.doc.units, [3, 5, 9].into_iter().collect());
    assert_eq!(ncfe.doc.progress_of(3), Progress::Achieved);
    assert_eq!(ncfe.doc.progress_of(5), Progress::InProgress);
    assert_eq!(
        ncfe.doc.entered[&3],
        EnteredValues {
            credits: Some(4),
            level: Some("1".into())
        }
    );
    assert_eq!(ncfe.doc.entered[&5].credits, Some(2));
    assert_eq!(ncfe.doc.not_offered, [12].into_iter().collect());
    assert_eq!(ncfe.doc.name.as_deref(), Some("Asha's plan — draft"));
}

/// Links in format 3 on the home page's address, as the release before share links moved
/// to the qualification's page wrote them (its `link` and `review` commands).
const FORMAT_THREE_ON_HOME: [&str; 2] = [
    "https://planner.example.org/#/q/vtct-l1-cert-principles-cs/p/.AxQgEAAICkFuYSdzIHBsYW7XiAaTDC",
    "https://planner.example.org/#/q/vtct-l1-cert-principles-cs/p/.AxQgEABICkFuYSdzIHBsYW4LU2FtIEFkdmlzZXIAC0dvb2QgY2hvaWNltKIBIBAAAAAAAAAAAADXiAxZBb",
];

#[test]
fn links_on_the_home_pages_address_still_open() {
    let [linked, reviewed] = FORMAT_THREE_ON_HOME.map(|l| decode(builtin::catalogue(), l).unwrap());
    let qual = &builtin::catalogue()[linked.qualification];
    assert_eq!(qual.id, "vtct-l1-cert-principles-cs");
    let labels: Vec<&str> = linked
        .doc
        .units
        .iter()
        .map(|&k| qual.units[qual.unit_by_key(k).unwrap()].label())
        .collect();
    assert_eq!(labels, ["CSP07", "CSP14"]);
    assert_eq!(linked.doc.name.as_deref(), Some("Ana's plan"));
    let review = reviewed.doc.review.unwrap();
    assert_eq!(
        (review.by.as_str(), review.note.as_str()),
        ("Sam Adviser", "Good choice")
    );
    assert_eq!(review.verdict, Verdict::Approved);
    assert_eq!(review.date, Date::from_days(20_788).unwrap());
    assert_eq!(reviewed.doc.units, linked.doc.units);
}

#[test]
fn a_link_is_its_qualifications_page_with_the_plan_in_the_fragment() {
    let qual = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let doc = full_doc("vtct-l1-cert-principles-cs");
    let path = share_path(qual, &doc, true);
    let payload = encode(qual, &doc, true);
    assert_eq!(path, format!("/q/vtct-l1-cert-principles-cs/#p/{payload}"));
    let old = format!("/#/q/vtct-l1-cert-principles-cs/p/{payload}");
    for link in [
        path.clone(),
        format!("https://planner.example.org{path}"),
        format!("https://計画.例え.jp/学習者{path}"),
        format!("https://x.org/q/vtct-l1-cert-principles-cs/index.html#p/{payload}/"),
        format!("https://x.org/q/vtct-l1-cert-principles-cs#p/{payload}"),
        format!("  {path}\n"),
        old.clone(),
        format!("https://x.org/q/other{old}"),
        old.trim_start_matches('/').to_string(),
    ] {
        assert_eq!(
            decode(builtin::catalogue(), &link).unwrap().doc,
            doc,
            "{link}"
        );
    }
    for not_a_link in [
        format!("https://x.org/#p/{payload}"),
        format!("https://x.org/r/vtct-l1-cert-principles-cs/#p/{payload}"),
        format!("https://x.org/q//#p/{payload}"),
        format!("https://x.org/q/vtct-l1-cert-principles-cs/#p/{payload}/more"),
    ] {
        assert_eq!(
            decode(builtin::catalogue(), &not_a_link).unwrap_err(),
            LinkError::NotAPlanLink,
            "{not_a_link}"
        );
    }
}

#[test]
fn the_site_address_of_a_link_is_what_comes_before_its_path() {
    let qual = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let path = share_path(qual, &full_doc("vtct-l1-cert-principles-cs"), true);
    for site in [
        "https://planner.example.org",
        "https://計画.例え.jp/学習者",
        "",
    ] {
        assert_eq!(site_address(&format!("{site}{path}")), Some(site), "{site}");
    }
    assert_eq!(site_address(FORMAT_ONE[0]), Some("http://127.0.0.1:8080"));
    assert_eq!(site_address(FORMAT_TWO[0]), Some(""));
    assert_eq!(site_address("#/q/x/p/AQ"), None);
    assert_eq!(site_address("no link"), None);
}

/// Links made by the release before format 3 (format 2, by its encoder).
const FORMAT_TWO: [&str; 2] = [
    "/#/q/ncfe-l1-nvq-cert-cs/p/.AhoUAQAADyABAAAAAAACAwMECwUBAgAIAAAVQXNoYSdzIHBsYW4g4oCUIGRyYWZ04qgeDSd",
    "/#/q/cg-l3-nvq-dip-cs/p/.AjsAEAAAEAAAAAEAAAACAAAAAAAAAAAAAABmRgccaY",
];

#[test]
fn format_two_links_still_open() {
    let ncfe = decode(builtin::catalogue(), FORMAT_TWO[0]).unwrap();
    assert_eq!(ncfe.doc.units, [3, 5, 9].into_iter().collect());
    assert_eq!(ncfe.doc.progress_of(3), Progress::Achieved);
    assert_eq!(ncfe.doc.progress_of(5), Progress::InProgress);
    assert_eq!(ncfe.doc.entered[&5].credits, Some(2));
    assert_eq!(ncfe.doc.not_offered, [12].into_iter().collect());
    assert_eq!(ncfe.doc.name.as_deref(), Some("Asha's plan — draft"));
    assert!(!ncfe.catalogue_changed);
    let cg = decode(builtin::catalogue(), FORMAT_TWO[1]).unwrap();
    let qual = &builtin::catalogue()[cg.qualification];
    let key = |c: &str| qual.units[qual.find_unit(c).unwrap()].key;
    assert_eq!(cg.doc.units, [key("4430-303"), key("4430-311")].into());
    assert_eq!(cg.doc.progress_of(key("4430-303")), Progress::Achieved);
}

#[test]
fn the_longest_realistic_link_stays_under_2000_characters() {
    let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
    let mut doc = full_doc("cg-l3-nvq-dip-cs");
    for (i, unit) in qual.units.iter().enumerate() {
        doc.progress.insert(unit.key, Progress::ALL[1 + i % 4]);
    }
    for (&k, _) in doc
        .progress
        .clone()
        .iter()
        .filter(|(_, p)| **p == Progress::Transferred)
    {
        doc.transfers.insert(
            k,
            Transfer {
                from: "NCFE Level 1 NVQ Certificate in Customer Service".into(),
                date: Date::from_days(20_000),
            },
        );
    }
    let note = "Units 301 and 311 are booked for spring; please check the level 2 units. "
        .repeat(4)
        .chars()
        .take(280)
        .collect::<String>();
    doc.note = Some(note.clone());
    doc.review = Some(Review::of(
        &doc,
        &"A".repeat(60),
        Verdict::Changes,
        &note,
        Date::from_days(20_781).unwrap(),
    ));
    let url = format!(
        "https://planner.example.org{}",
        share_path(qual, &doc, true)
    );
    println!("longest realistic link: {} characters", url.len());
    assert!(url.len() < 2000, "{} characters", url.len());
    assert_eq!(decode(builtin::catalogue(), &url).unwrap().doc, doc);
}

#[test]
fn a_link_edited_to_name_another_qualification_does_not_open() {
    let vtct = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let link = share_path(vtct, &PlanDoc::new(vtct), false);
    let moved = link.replace("vtct-l1-cert-principles-cs", "cg-l3-nvq-dip-cs");
    assert_eq!(
        decode(builtin::catalogue(), &moved).unwrap_err(),
        LinkError::Damaged
    );
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
    let future = good.replace("#p/.A", "#p/.B");
    let future_v1_style = "#/q/vtct-l1-cert-principles-cs/p/BRQkAAAICkFuYSdzIHBsYW7XiJ4";
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
        (future, LinkError::FutureVersion(7)),
        (future_v1_style.into(), LinkError::FutureVersion(5)),
        (good.replace("#p/", "#p/%%"), LinkError::Damaged),
        (
            format!("{good}{}", "A".repeat(10_000)),
            LinkError::TooLong(good.len() + 10_000),
        ),
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

/// The characters a payload can hold.
const PAYLOAD_CHARS: &str = ".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// A random plan for the largest qualification: units, progress, entered values, units not
/// offered and a name.
fn random_doc() -> impl Strategy<Value = PlanDoc> {
    (
        proptest::collection::btree_set(1u32..=59, 0..59),
        proptest::collection::btree_map(
            1u32..=59,
            prop_oneof![
                Just(Progress::InProgress),
                Just(Progress::Achieved),
                Just(Progress::Transferred),
                Just(Progress::Exempt)
            ],
            0..20,
        ),
        proptest::collection::btree_map(
            1u32..=59,
            (
                proptest::option::of(0u32..=999),
                proptest::option::of(prop_oneof![Just("Entry 2"), Just("3")]),
            ),
            0..4,
        ),
        proptest::collection::btree_set(1u32..=59, 0..5),
        proptest::option::of("[a-zA-Z ’é]{1,60}"),
        (
            proptest::collection::vec(
                (
                    prop_oneof!["[a-zA-Z0-9 ]{0,30}", Just("NCFE Level 1".to_string())],
                    proptest::option::of(0u32..40_000),
                ),
                0..20,
            ),
            proptest::option::of("[a-zA-Z <>&’é\n]{1,40}"),
            proptest::option::of(random_review()),
        ),
    )
        .prop_map(
            |(units, progress, entered, not_offered, name, (transfers, note, review))| {
                let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
                let mut doc = PlanDoc::new(qual);
                doc.units = units;
                doc.progress = progress;
                doc.entered = entered
                    .into_iter()
                    .filter(|(_, (c, l))| c.is_some() || l.is_some())
                    .map(|(k, (credits, level))| {
                        (
                            k,
                            EnteredValues {
                                credits,
                                level: level.map(str::to_string),
                            },
                        )
                    })
                    .collect();
                doc.not_offered = not_offered;
                doc.name = name;
                let transferred: Vec<u32> = doc
                    .progress
                    .iter()
                    .filter(|(_, p)| **p == Progress::Transferred)
                    .map(|(k, _)| *k)
                    .collect();
                doc.transfers = transferred
                    .into_iter()
                    .zip(transfers)
                    .map(|(k, (from, days))| {
                        (
                            k,
                            Transfer {
                                from,
                                date: days.and_then(Date::from_days),
                            },
                        )
                    })
                    .collect();
                doc.note = note;
                doc.review = review;
                doc
            },
        )
}

fn random_review() -> impl Strategy<Value = Review> {
    (
        "[a-zA-Z ’é]{0,60}",
        prop_oneof![Just(Verdict::Approved), Just(Verdict::Changes)],
        "[a-zA-Z <>&’é]{0,40}",
        0u32..40_000,
        proptest::collection::btree_set(1u32..=59, 0..59),
        proptest::collection::btree_map(
            1u32..=59,
            prop_oneof![Just(Progress::Achieved), Just(Progress::Exempt)],
            0..10,
        ),
    )
        .prop_map(|(by, verdict, note, days, units, progress)| Review {
            by,
            verdict,
            note,
            date: Date::from_days(days).unwrap(),
            units,
            progress,
        })
}

proptest! {
    #![proptest_config(common::cases(48))]

    #[test]
    fn every_one_character_change_and_neighbour_swap_is_caught(doc in random_doc()) {
        let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
        let link = share_path(qual, &doc, true);
        let (head, payload) = link.split_once("#p/").unwrap();
        let opened = |payload: &str| decode(builtin::catalogue(), &format!("{head}#p/{payload}"));
        prop_assert_eq!(&opened(payload).unwrap().doc, &doc);
        let chars: Vec<char> = payload.chars().collect();
        for at in 0..chars.len() {
            for c in PAYLOAD_CHARS.chars().filter(|&c| c != chars[at]) {
                let mut changed = chars.clone();
                changed[at] = c;
                let text: String = changed.iter().collect();
                prop_assert!(opened(&text).is_err(), "{} opened after changing character {}", text, at);
            }
            if at + 1 < chars.len() && chars[at] != chars[at + 1] {
                let mut swapped = chars.clone();
                swapped.swap(at, at + 1);
                let text: String = swapped.iter().collect();
                prop_assert!(opened(&text).is_err(), "{} opened after swapping characters {} and {}", text, at, at + 1);
            }
        }
    }
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

#[test]
fn huge_entered_credits_are_ignored_with_a_message_not_summed() {
    let qual = &builtin::catalogue()[qual_index("ncfe-l1-nvq-cert-cs")];
    let mut doc = PlanDoc::new(qual);
    doc.units = [3, 5].into_iter().collect();
    for key in [3, 5] {
        doc.entered.insert(
            key,
            EnteredValues {
                credits: Some(u32::MAX),
                level: None,
            },
        );
    }
    let (plan, problems) = doc.to_plan(qual);
    assert_eq!(
        problems,
        [
            Mismatch::BadCredits {
                key: 3,
                credits: u32::MAX
            },
            Mismatch::BadCredits {
                key: 5,
                credits: u32::MAX
            }
        ]
    );
    assert!(plan.entered().values().all(|e| e.credits.is_none()));
    assert!(problems[0].describe(qual).contains("above 999"));
}

#[test]
fn a_link_opens_the_same_from_its_parts_as_the_router_splits_them() {
    let qual = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let link = share_path(qual, &full_doc("vtct-l1-cert-principles-cs"), true);
    let (_, payload) = link.split_once("#p/").unwrap();
    let from_parts = unit_planner::document::link::open(builtin::catalogue(), &qual.id, payload);
    assert_eq!(from_parts, decode(builtin::catalogue(), &link));
    assert!(from_parts.is_ok());
    assert_eq!(
        unit_planner::document::link::open(builtin::catalogue(), "nope", payload).unwrap_err(),
        LinkError::UnknownQualification("nope".into())
    );
}

/// Text in scripts of two, three and four bytes a character.
fn wide_text(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("[a-zé中文計画審査😀𝒜 ]{{{},{max}}}", max / 2)).unwrap()
}

fn wide_doc() -> impl Strategy<Value = (PlanDoc, String)> {
    (
        random_doc(),
        wide_text(60),
        wide_text(280),
        proptest::collection::vec(wide_text(120), 0..10),
        proptest::option::of((wide_text(60), wide_text(280))),
        prop_oneof![
            Just("https://planner.example.org".to_string()),
            Just("https://計画.例え.jp/学習者".to_string()),
            "https://x\\.org/[a-z文]{0,3000}",
        ],
    )
        .prop_map(|(mut doc, name, note, sources, review, base)| {
            doc.name = Some(name);
            doc.note = Some(note);
            let transferred: Vec<u32> = doc.transfers.keys().copied().collect();
            for (k, from) in transferred.into_iter().zip(sources) {
                doc.transfers.get_mut(&k).unwrap().from = from;
            }
            if let (Some(r), Some((by, note))) = (doc.review.as_mut(), review) {
                r.by = by;
                r.note = note;
            }
            (doc, base)
        })
}

proptest! {
    #![proptest_config(common::cases(300))]

    /// Whatever a writer lets through, the reader opens; what it refuses, the reader would
    /// refuse too, for the same length counted the same way (characters, multi-byte text
    /// in the plan and in the address).
    #[test]
    fn every_link_written_is_read_and_one_limit_holds_both_ways((doc, base) in wide_doc()) {
        let qual = &builtin::catalogue()[qual_index("cg-l3-nvq-dip-cs")];
        let url = format!("{base}{}", share_path(qual, &doc, true));
        let chars = url.chars().count();
        match checked(url.clone()) {
            Ok(written) => {
                prop_assert!(chars <= 4096);
                let opened = decode(builtin::catalogue(), &written);
                prop_assert!(opened.is_ok(), "{:?}", opened);
            }
            Err(e) => {
                prop_assert!(chars > 4096);
                prop_assert_eq!(&e, &LinkError::TooLong(chars));
                prop_assert_eq!(decode(builtin::catalogue(), &url).unwrap_err(), e);
            }
        }
    }
}

#[test]
fn the_limit_is_in_characters_for_the_writer_and_the_reader() {
    let qual = &builtin::catalogue()[qual_index("vtct-l1-cert-principles-cs")];
    let path = share_path(qual, &full_doc("vtct-l1-cert-principles-cs"), true);
    let pad = |n: usize| format!("https://例.jp/{}", "計".repeat(n));
    let fill = MAX_LINK - pad(0).chars().count() - path.chars().count();
    let longest = format!("{}{path}", pad(fill));
    assert_eq!(longest.chars().count(), MAX_LINK);
    assert!(longest.len() > MAX_LINK, "more bytes than characters");
    assert_eq!(checked(longest.clone()), Ok(longest.clone()));
    assert!(decode(builtin::catalogue(), &longest).is_ok());
    let over = format!("{}{path}", pad(fill + 1));
    assert_eq!(checked(over.clone()), Err(LinkError::TooLong(MAX_LINK + 1)));
    assert_eq!(
        decode(builtin::catalogue(), &over),
        Err(LinkError::TooLong(MAX_LINK + 1))
    );
    assert_eq!(
        LinkError::TooLong(5000).to_string(),
        "the link is 5000 characters long, more than the 4096 a link may have"
    );
}

#[test]
fn entered_credits_out_of_range_travel_in_the_link_and_are_reported_when_opened() {
    let qual = &builtin::catalogue()[qual_index("ncfe-l1-nvq-cert-cs")];
    let unknown = qual
        .units
        .iter()
        .find(|u| u.credits.value().is_none())
        .expect("a unit of unstated credits");
    let mut doc = PlanDoc::new(qual);
    doc.units.insert(unknown.key);
    doc.entered.insert(
        unknown.key,
        EnteredValues {
            credits: Some(5000),
            level: None,
        },
    );
    let opened = decode(builtin::catalogue(), &share_path(qual, &doc, false)).unwrap();
    assert_eq!(opened.doc.entered[&unknown.key].credits, Some(5000));
    let (plan, problems) = opened.doc.to_plan(qual);
    assert!(plan.entered().values().all(|e| e.credits.is_none()));
    assert_eq!(
        problems
            .iter()
            .map(|p| p.describe(qual))
            .collect::<Vec<_>>(),
        [format!(
            "{}: the entered credit value 5000 was ignored: it is above 999, more than any unit carries",
            unknown.label()
        )]
    );
}

//! The engine module's side: answering a request, from the built-in catalogue or the
//! centre's file it carries.

use std::collections::BTreeSet;

use super::{Answer, Request};
use crate::catalogue::{builtin, Qualification};
use crate::engine::complete_plan;
use crate::wording;

/// The answer to a request's JSON text, as JSON text; never panics, whatever the text.
pub fn answer(request: &str) -> String {
    let answer = match serde_json::from_str::<Request>(request) {
        Ok(request) => propose(&request),
        Err(_) => Answer::Failed("the plan could not be read to complete it".into()),
    };
    serde_json::to_string(&answer).expect("an answer serialises")
}

/// The proposal for a request.
fn propose(request: &Request) -> Answer {
    let read;
    let qual: &Qualification = match &request.centre {
        Some(spec) => match spec.qualification() {
            Ok(qual) => {
                read = qual;
                &read
            }
            Err(e) => return Answer::Failed(crate::text::shortened(&e.to_string(), 300)),
        },
        None => match builtin::by_id(&request.doc.qualification) {
            Some(qual) => qual,
            None => {
                return Answer::Failed(format!(
                    "unknown qualification `{}`",
                    crate::text::excerpt(&request.doc.qualification)
                ))
            }
        },
    };
    let (plan, _) = request.doc.to_plan(qual);
    let exclude: BTreeSet<usize> = request
        .doc
        .not_offered
        .iter()
        .filter_map(|&k| qual.unit_by_key(k))
        .collect();
    match complete_plan(qual, &plan, &exclude) {
        Ok(done) => {
            // Units mandatory on the pathway come with it, not as choices.
            let on = done.pathway.or(plan.pathway());
            let keys = done
                .add
                .iter()
                .filter(|&&u| !qual.is_mandatory_on(u, on))
                .map(|&u| qual.units[u].key)
                .collect();
            Answer::Proposal {
                pathway: done.pathway.map(|p| qual.pathways[p].id.clone()),
                keys,
            }
        }
        Err(why) => Answer::Failed(wording::no_completion(&why)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::centre::CentreSpec;
    use crate::document::PlanDoc;

    fn ask(request: &Request) -> Answer {
        serde_json::from_str(&answer(&serde_json::to_string(request).unwrap())).unwrap()
    }

    fn vtct() -> &'static Qualification {
        builtin::find(builtin::catalogue(), "vtct-l1-cert-principles-cs").unwrap()
    }

    fn key(code: &str) -> u32 {
        let qual = vtct();
        qual.units[qual.find_unit(code).unwrap()].key
    }

    #[test]
    fn a_built_in_plan_gets_the_solvers_completion_leaving_out_units_not_offered() {
        let qual = vtct();
        let mut doc = PlanDoc::new(qual);
        let Answer::Proposal { pathway, keys } = ask(&Request {
            doc: doc.clone(),
            centre: None,
        }) else {
            panic!("a completion exists");
        };
        assert_eq!(pathway, None);
        let done = complete_plan(qual, &doc.to_plan(qual).0, &BTreeSet::new()).unwrap();
        let expected: Vec<u32> = done.add.iter().map(|&u| qual.units[u].key).collect();
        assert_eq!(keys, expected);
        assert!(keys.contains(&key("CSP04")), "{keys:?}");
        doc.not_offered.insert(key("CSP04"));
        let Answer::Proposal { keys, .. } = ask(&Request { doc, centre: None }) else {
            panic!("a completion without CSP04 exists");
        };
        assert!(
            !keys.is_empty() && !keys.contains(&key("CSP04")),
            "{keys:?}"
        );
    }

    #[cfg(feature = "spec-files")]
    #[test]
    fn a_centres_qualification_comes_with_its_file_and_a_pathway_is_proposed() {
        let file = "specs/examples/pathways-example.toml";
        let text = std::fs::read_to_string(file).unwrap();
        let centre = CentreSpec {
            file: file.into(),
            fingerprint: "0123456789abcdef".into(),
            spec: crate::catalogue::spec_file_json(file, &text).unwrap(),
        };
        let qual = centre.qualification().unwrap();
        let doc = PlanDoc::new(&qual);
        let request = Request { doc, centre: None };
        assert!(
            matches!(ask(&request), Answer::Failed(m) if m.starts_with("unknown qualification `example-"))
        );
        let request = Request {
            centre: Some(centre),
            ..request
        };
        let Answer::Proposal { pathway, keys } = ask(&request) else {
            panic!("a completion exists");
        };
        assert_eq!(pathway.as_deref(), Some("R"));
        let on = qual.find_pathway("R");
        assert!(keys
            .iter()
            .all(|&k| !qual.is_mandatory_on(qual.unit_by_key(k).unwrap(), on)));
        // The CLI's `suggest` adds EX201, EX401 and EX502; EX201 comes with Pathway R.
        let key = |code| qual.units[qual.find_unit(code).unwrap()].key;
        assert_eq!(keys, [key("EX401"), key("EX502")]);
    }

    #[test]
    fn no_completion_and_bad_requests_get_short_sentences() {
        let qual = vtct();
        let mut doc = PlanDoc::new(qual);
        doc.not_offered = qual.units.iter().map(|u| u.key).collect();
        let Answer::Failed(why) = ask(&Request { doc, centre: None }) else {
            panic!("nothing is offered");
        };
        assert!(!why.is_empty() && why.len() < 300, "{why}");
        let unreadable: Answer = serde_json::from_str(&answer("not json")).unwrap();
        assert_eq!(
            unreadable,
            Answer::Failed("the plan could not be read to complete it".into())
        );
    }
}

//! The summary's status: a plan's verdict as the page shows it (a CSS class and the
//! headline), and a share link's, read from the link alone. The small first wasm
//! (`src/bin/verdict.rs`) writes a link's into the pre-rendered page before the app has
//! arrived, and the app's first render shows the same one, so the two always agree.

use crate::catalogue::Qualification;
use crate::document::link;
use crate::engine::Evaluation;
use crate::wording;

/// The status line: its CSS class (the status's name) and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// The CSS class beside `banner`.
    pub class: &'static str,
    /// The headline.
    pub text: String,
}

impl Status {
    /// A plan evaluated.
    pub fn of(qual: &Qualification, eval: &Evaluation) -> Status {
        Status {
            class: eval.status.name(),
            text: wording::headline(qual, eval),
        }
    }

    /// While the plan is still being read.
    pub fn checking() -> Status {
        Status {
            class: "checking",
            text: wording::CHECKING.into(),
        }
    }

    /// The plan a share link carries (qualification id and payload) when it opens on a
    /// qualification of `catalogue`, as opening it in the app shows it; `None` when it does
    /// not open (the app then says why).
    pub fn of_link(catalogue: &[Qualification], id: &str, payload: &str) -> Option<Status> {
        let opened = link::open(catalogue, id, payload).ok()?;
        let qual = &catalogue[opened.qualification];
        Some(Status::of(qual, &opened.doc.check(qual).eval))
    }
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use super::*;
    use crate::catalogue::builtin;
    use crate::document::PlanDoc;

    const VTCT: &str = "vtct-l1-cert-principles-cs";

    #[test]
    fn a_link_s_status_is_its_plan_s_as_opened() {
        let qual = builtin::by_id(VTCT).unwrap();
        let mut doc = PlanDoc::new(qual);
        doc.units.extend(qual.units.iter().take(3).map(|u| u.key));
        let payload = link::encode(qual, &doc, false);
        let opened = link::open(builtin::catalogue(), VTCT, &payload).unwrap();
        let shown = Status::of_link(builtin::catalogue(), VTCT, &payload).unwrap();
        assert_eq!(shown, Status::of(qual, &opened.doc.check(qual).eval));
        assert_ne!(shown, Status::checking());
        assert!(shown
            .text
            .starts_with(wording::status(opened.doc.check(qual).eval.status)));
    }

    #[test]
    fn a_link_that_does_not_open_has_none() {
        let cat = builtin::catalogue();
        assert_eq!(Status::of_link(cat, VTCT, ".AAAA"), None);
        let qual = builtin::by_id(VTCT).unwrap();
        let payload = link::encode(qual, &PlanDoc::new(qual), false);
        assert_eq!(
            Status::of_link(cat, "no-such-qualification", &payload),
            None
        );
        assert_eq!(Status::of_link(&[], VTCT, &payload), None);
    }
}

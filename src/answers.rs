//! The checker's answers as data, for both programs that give them: the CLI's `--json`
//! output and the JavaScript API in the browser. A qualification and units are looked up
//! from the names a person types, with one sentence for each name that matches nothing.

use std::collections::BTreeSet;

use serde_json::{json, Value};

use crate::catalogue::{builtin, PathwayIdx, Qualification, UnitIdx};
use crate::document::{link, PlanDoc};
use crate::engine::{complete_plan, evaluate, FromElsewhere, Plan, Status};
use crate::report;
use crate::text::excerpt;

/// Longest argument accepted, in characters (a share link can be this long).
const MAX_ARG: usize = 4096;
/// Most arguments accepted.
const MAX_ARGS: usize = 1000;

/// Refuses more arguments, or a longer one, than any real use needs.
pub fn within_limits(args: &[String]) -> Result<(), String> {
    if args.len() > MAX_ARGS {
        return Err(format!(
            "too many arguments ({}; at most {MAX_ARGS})",
            args.len()
        ));
    }
    match args
        .iter()
        .map(|a| a.chars().count())
        .find(|&n| n > MAX_ARG)
    {
        Some(n) => Err(format!(
            "an argument is too long ({n} characters; at most {MAX_ARG})"
        )),
        None => Ok(()),
    }
}

/// The qualification a name means: its id or qualification number, any case.
pub fn qualification<'a>(
    quals: &'a [Qualification],
    name: &str,
) -> Result<&'a Qualification, String> {
    builtin::find(quals, name).ok_or_else(|| {
        format!(
            "unknown qualification `{}` (see `unit-planner list`)",
            excerpt(name)
        )
    })
}

/// The units names mean (code, reference or key, as [`Qualification::find_unit`] reads).
pub fn units(qual: &Qualification, names: &[String]) -> Result<Vec<UnitIdx>, String> {
    names
        .iter()
        .map(|n| {
            qual.find_unit(n)
                .ok_or_else(|| format!("unknown unit `{}` in {}", excerpt(n), qual.id))
        })
        .collect()
}

/// `list`: every qualification in brief.
pub fn list(quals: &[Qualification]) -> Value {
    json!(quals.iter().map(report::summary).collect::<Vec<_>>())
}

/// A plan of these units on a pathway (or none).
pub fn plan(qual: &Qualification, units: Vec<UnitIdx>, pathway: Option<PathwayIdx>) -> Plan {
    let mut plan = Plan::with_units(qual, units);
    plan.set_pathway(qual, pathway);
    plan
}

/// Credit from elsewhere written `GROUP:CREDITS:TITLE` (`?` for credits not known yet),
/// in a group that takes it; or why not.
pub fn elsewhere(qual: &Qualification, text: &str) -> Result<FromElsewhere, String> {
    let mut parts = text.splitn(3, ':');
    let (Some(group), Some(credits), Some(title)) = (parts.next(), parts.next(), parts.next())
    else {
        return Err(format!("`{}` is not GROUP:CREDITS:TITLE", excerpt(text)));
    };
    let g = qual
        .groups
        .iter()
        .position(|g| g.id.eq_ignore_ascii_case(group.trim()))
        .ok_or_else(|| format!("{} has no group `{}`", qual.id, excerpt(group)))?;
    if qual.groups[g].elsewhere.is_none() {
        return Err(format!(
            "group `{}` of {} does not take credit from elsewhere",
            excerpt(group),
            qual.id
        ));
    }
    let credits = match credits.trim() {
        "?" => None,
        n => Some(
            n.parse::<u32>()
                .ok()
                .filter(|&c| c <= crate::catalogue::limits::MAX_UNIT_CREDITS)
                .ok_or_else(|| format!("`{}` is not a credit value", excerpt(n)))?,
        ),
    };
    let title = crate::document::plain_text(title, crate::document::MAX_FROM);
    if title.is_empty() {
        return Err("credit from elsewhere needs a title".into());
    }
    Ok(FromElsewhere {
        group: g,
        title,
        credits,
        level: None,
    })
}

/// The pathway `id` names in `qual`, or why there is none.
pub fn pathway(qual: &Qualification, id: &str) -> Result<PathwayIdx, String> {
    qual.find_pathway(id).ok_or_else(|| {
        if qual.pathways.is_empty() {
            format!("{} has no pathways", qual.id)
        } else {
            let ids: Vec<&str> = qual.pathways.iter().map(|p| p.id.as_str()).collect();
            format!(
                "{} has no pathway `{}` (its pathways: {})",
                qual.id,
                crate::text::excerpt(id),
                ids.join(", ")
            )
        }
    })
}

/// `check`: how a plan of these units stands against every rule, and its status.
pub fn check(
    qual: &Qualification,
    units: Vec<UnitIdx>,
    pathway: Option<PathwayIdx>,
) -> (Value, Status) {
    let eval = evaluate(qual, &plan(qual, units, pathway));
    (report::check(qual, &eval), eval.status)
}

/// `suggest`: the fewest credits (then units) that complete the plan, never from
/// `exclude`; and whether there is such a completion.
pub fn suggest(
    qual: &Qualification,
    units: Vec<UnitIdx>,
    exclude: Vec<UnitIdx>,
    pathway: Option<PathwayIdx>,
) -> (Value, bool) {
    let plan = plan(qual, units, pathway);
    let exclude: BTreeSet<UnitIdx> = exclude.into_iter().collect();
    let result = complete_plan(qual, &plan, &exclude);
    let mut after = plan;
    if let Ok(done) = &result {
        if done.pathway.is_some() {
            after.set_pathway(qual, done.pathway);
        }
        done.add.iter().for_each(|&u| after.add(u));
    }
    let status_after = evaluate(qual, &after).status;
    (report::suggest(qual, &result, status_after), result.is_ok())
}

/// `link`: the address, under `base`, that opens a plan of these units in the web app.
pub fn link(
    base: &str,
    qual: &Qualification,
    units: Vec<UnitIdx>,
    pathway: Option<PathwayIdx>,
    name: Option<String>,
) -> String {
    let mut doc = PlanDoc::new(qual);
    doc.units = units.into_iter().map(|u| qual.units[u].key).collect();
    doc.pathway = pathway.map(|p| qual.pathways[p].id.clone());
    doc.name = name;
    format!("{base}{}", link::share_path(qual, &doc, doc.name.is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_allow_exactly_their_maximum() {
        let most = vec![String::new(); MAX_ARGS];
        assert_eq!(within_limits(&most), Ok(()));
        let too_many = vec![String::new(); MAX_ARGS + 1];
        assert_eq!(
            within_limits(&too_many).unwrap_err(),
            "too many arguments (1001; at most 1000)"
        );
        let longest = vec!["é".repeat(MAX_ARG)];
        assert_eq!(within_limits(&longest), Ok(()), "characters, not bytes");
        let too_long = vec!["x".repeat(MAX_ARG + 1)];
        assert_eq!(
            within_limits(&too_long).unwrap_err(),
            "an argument is too long (4097 characters; at most 4096)"
        );
    }

    #[test]
    fn names_that_match_nothing_are_named_back_briefly() {
        let quals = builtin::catalogue();
        assert_eq!(
            qualification(quals, "nope").unwrap_err(),
            "unknown qualification `nope` (see `unit-planner list`)"
        );
        let qual = qualification(quals, "600/4940/6").unwrap();
        let long = "X".repeat(500);
        let message = units(qual, &["CSP14".into(), long]).unwrap_err();
        assert!(
            message.starts_with("unknown unit `XXX") && message.len() < 200,
            "{message}"
        );
    }

    #[test]
    fn a_plan_is_checked_completed_and_linked() {
        let qual = qualification(builtin::catalogue(), "vtct-l1-cert-principles-cs").unwrap();
        let (report, status) = check(qual, units(qual, &["CSP14".into()]).unwrap(), None);
        assert_eq!(
            (report["status"].as_str(), status),
            (Some("incomplete"), Status::Incomplete)
        );
        let (report, found) = suggest(qual, vec![], vec![], None);
        assert!(found && report["status_after"] == "complete", "{report}");
        let url = link("https://x", qual, vec![], None, None);
        assert!(
            url.starts_with("https://x/q/vtct-l1-cert-principles-cs/#p/"),
            "{url}"
        );
    }
}

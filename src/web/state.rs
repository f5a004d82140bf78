//! The planner's state: which qualification is open and the plan being built, changed only
//! through [`Action`]s so that quick successive clicks are never lost.

use std::rc::Rc;

use yew::Reducible;

use crate::catalogue::{builtin, UnitIdx};
use crate::engine::Plan;

/// Everything the page shows that can change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PlannerState {
    /// Index into the built-in catalogue of the open qualification, if any.
    pub open: Option<usize>,
    /// The plan for the open qualification.
    pub plan: Option<Plan>,
}

/// What a user can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Open a qualification with a fresh plan of its mandatory units.
    Open(usize),
    /// Go back to the list of qualifications.
    Close,
    /// Add an optional unit to the plan, or take it out.
    Toggle(UnitIdx),
}

impl Reducible for PlannerState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let catalogue = builtin::catalogue();
        match action {
            Action::Open(i) if i < catalogue.len() => {
                Rc::new(PlannerState { open: Some(i), plan: Some(Plan::new(&catalogue[i])) })
            }
            Action::Close => Rc::new(PlannerState::default()),
            Action::Toggle(unit) => {
                let (Some(i), Some(plan)) = (self.open, &self.plan) else { return self };
                let qual = &catalogue[i];
                if unit >= qual.units.len() {
                    return self;
                }
                let mut plan = plan.clone();
                if plan.contains(unit) {
                    plan.remove(qual, unit);
                } else {
                    plan.add(unit);
                }
                Rc::new(PlannerState { open: self.open, plan: Some(plan) })
            }
            Action::Open(_) => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vtct() -> usize {
        builtin::catalogue().iter().position(|q| q.id == "vtct-l1-cert-principles-cs").unwrap()
    }

    #[test]
    fn two_quick_toggles_both_land() {
        let i = vtct();
        let qual = &builtin::catalogue()[i];
        let (a, b) = (qual.find_unit("CSP14").unwrap(), qual.find_unit("CSP15").unwrap());
        let state = Rc::new(PlannerState::default()).reduce(Action::Open(i));
        let state = state.reduce(Action::Toggle(a)).reduce(Action::Toggle(b));
        let plan = state.plan.as_ref().unwrap();
        assert!(plan.contains(a) && plan.contains(b));
        let state = state.reduce(Action::Toggle(a));
        assert!(!state.plan.as_ref().unwrap().contains(a));
    }

    #[test]
    fn mandatory_units_stay_and_bad_indexes_change_nothing() {
        let i = vtct();
        let qual = &builtin::catalogue()[i];
        let csp02 = qual.find_unit("CSP02").unwrap();
        let state = Rc::new(PlannerState::default()).reduce(Action::Open(i)).reduce(Action::Toggle(csp02));
        assert!(state.plan.as_ref().unwrap().contains(csp02));
        let same = state.clone().reduce(Action::Toggle(10_000));
        assert_eq!(same, state);
        assert_eq!(Rc::new(PlannerState::default()).reduce(Action::Open(99)).open, None);
    }
}

//! The rules engine: a plan of chosen units, its evaluation against the rules of
//! combination, and the solver that completes a plan.

mod evaluate;
mod feasibility;
mod holdings;
mod maxima;
mod only_one;
mod plan;
mod share;
mod solver;

pub use evaluate::{evaluate, Availability, Evaluation, RuleResult, RuleStatus, Status};
pub use feasibility::{feasibility, Feasibility};
pub use plan::{Entered, Measure, Plan};
pub use solver::{complete_plan, complete_plan_within, Completion, NoCompletion, WORK_LIMIT};

//! The rules engine: a plan of chosen units, its evaluation against the rules of
//! combination, and the solver that completes a plan.

mod evaluate;
mod feasibility;
mod holdings;
mod maxima;
mod on_pathway;
mod plan;
mod route;
mod solver;

pub use evaluate::{Availability, Evaluation, RuleResult, RuleStatus, Status};
pub use feasibility::{feasibility, feasibility_by_pathway, Feasibility};
pub use on_pathway::evaluate;
pub use plan::{Entered, FromElsewhere, Plan};
pub use route::ENTERED;
pub use solver::{complete_plan, complete_plan_within, Completion, NoCompletion, WORK_LIMIT};

//! The parts pages are made of, one concept each.

mod complete_plan;
mod notice;
mod plan_bar;
mod qualification_list;
mod rules_summary;
mod saved_plans;
mod share_panel;
mod source_notes;
mod unit_row;

pub use complete_plan::CompletePlan;
pub use notice::Notice;
pub use plan_bar::PlanBar;
pub use qualification_list::QualificationList;
pub use rules_summary::{status_banner, Props as RulesSummaryProps, RulesSummary};
pub use saved_plans::SavedPlans;
pub use share_panel::SharePanel;
pub use source_notes::SourceNotes;
pub use unit_row::UnitRow;

use crate::catalogue::builtin::by_id as qualification;

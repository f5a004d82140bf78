//! The parts pages are made of, one concept each.

mod carry_panel;
mod compare_plans;
mod complete_plan;
mod notice;
mod plan_bar;
mod plan_files;
mod plan_note;
mod qualification_list;
mod review_panel;
mod rules_summary;
mod saved_plans;
mod share_panel;
mod source_notes;
mod unit;
mod unit_filters;
mod unit_groups;

pub use carry_panel::CarryPanel;
pub use compare_plans::ComparePlans;
pub use complete_plan::CompletePlan;
pub use notice::Notice;
pub use plan_bar::PlanBar;
pub use plan_files::PlanFiles;
pub use plan_note::PlanNote;
pub use qualification_list::QualificationList;
pub use review_panel::ReviewPanel;
pub use rules_summary::{status_banner, Props as RulesSummaryProps, RulesSummary};
pub use saved_plans::SavedPlans;
pub use share_panel::SharePanel;
pub use source_notes::SourceNotes;
pub use unit::UnitRow;
pub use unit_filters::{UnitFilter, UnitFilters};
pub use unit_groups::UnitGroups;

//! The app's components, one concept each.

mod qualification_list;
mod qualification_page;
mod rules_summary;
mod unit_row;

pub use qualification_list::QualificationList;
pub use qualification_page::QualificationPage;

//! One page per route: a component, or a plain function for a page with no state.

mod centre_link;
mod home;
mod import;
mod not_found;
mod qualification;

pub use centre_link::CentreLinkPage;
pub use home::home;
pub use import::ImportPage;
pub use not_found::not_found;
pub use qualification::QualificationPage;

//! One component per route.

mod centre_link;
mod home;
mod import;
mod not_found;
mod qualification;

pub use centre_link::CentreLinkPage;
pub use home::Home;
pub use import::ImportPage;
pub use not_found::NotFound;
pub use qualification::QualificationPage;

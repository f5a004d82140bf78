//! One component per route.

mod centre_link;
mod home;
mod not_found;
mod qualification;

pub use centre_link::CentreLinkPage;
pub use home::Home;
pub use not_found::NotFound;
pub use qualification::QualificationPage;

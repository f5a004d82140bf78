//! What the page is telling the user: a message about storage, files or links, and why
//! the share link in the address cannot be opened.

use crate::document::link::LinkError;

/// The messages shown until dismissed or resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// A message about storage, files or links.
    pub notice: Option<String>,
    /// Why the share link in the address cannot be opened.
    pub link_error: Option<LinkError>,
}

impl Notices {
    /// Shows (or clears) the message; false when it was already so.
    pub fn set(&mut self, notice: Option<String>) -> bool {
        let changed = self.notice != notice;
        self.notice = notice;
        changed
    }
}

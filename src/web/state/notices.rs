//! What the page is telling the user: a message about storage, files or links (something
//! done, or a warning), and why the share link in the address cannot be opened.

use crate::document::link::LinkError;

/// Whether a message reports something done or warns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    /// Something the user asked for was done (an export, an import).
    Done,
    /// Something went wrong or needs the user's attention.
    Warning,
}

/// A message shown until dismissed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The message.
    pub text: String,
    /// How it is shown.
    pub tone: Tone,
}

impl Notice {
    /// A report of something done.
    pub fn done(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            tone: Tone::Done,
        }
    }

    /// A warning.
    pub fn warning(text: impl Into<String>) -> Notice {
        Notice {
            text: text.into(),
            tone: Tone::Warning,
        }
    }
}

/// The messages shown until dismissed or resolved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Notices {
    /// A message about storage, files or links.
    pub notice: Option<Notice>,
    /// Why the share link in the address cannot be opened.
    pub link_error: Option<LinkError>,
}

impl Notices {
    /// Shows (or clears) the message; false when it was already so.
    pub fn set(&mut self, notice: Option<Notice>) -> bool {
        let changed = self.notice != notice;
        self.notice = notice;
        changed
    }
}

//! The sentences about a centre's own qualification file (adding, removing, links that
//! need it), beside [`crate::wording`]; kept apart so the file format's words stay in one
//! place.

use std::fmt::Display;

use crate::catalogue::{Added, CentreFile};
use crate::document::centre_link::CentreLink;

/// The mark on a centre's qualification in lists.
pub const CENTRE_TAG: &str = "Your centre's";

/// What adding a file did.
pub fn added(title: &str, added: Added) -> String {
    match added {
        Added::New => format!("Added “{title}” as your centre's qualification."),
        Added::Replaced => {
            format!("Updated “{title}” from the new file; its saved plans are kept.")
        }
        Added::Unchanged => format!("“{title}” is already here, from the same file."),
    }
}

/// A file that was not added, and why.
pub fn refused(file: &str, why: impl Display) -> String {
    format!(
        "{}: {why}. Nothing was added or changed.",
        crate::text::shortened(file, 60)
    )
}

/// A file's problems (the CLI's messages), and that nothing changed.
pub fn not_added(problems: &str) -> String {
    if problems.ends_with("Nothing was added or changed.") {
        return problems.to_string();
    }
    format!("{problems}\nNothing was added or changed.")
}

/// What an import added of the centre's files (nothing when none).
pub fn imported_files(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => " It added 1 centre's qualification.".to_string(),
        n => format!(" It added {n} centre's qualifications."),
    }
}

/// How many saved plans, in words.
fn plans(n: usize) -> String {
    match n {
        1 => "Its 1 saved plan stays".to_string(),
        n => format!("Its {n} saved plans stay"),
    }
}

/// The question asked before a centre's qualification is removed.
pub fn remove_question(title: &str, saved_plans: usize) -> String {
    format!(
        "Remove “{title}”? {} in My plans, but cannot be opened until its file is added again.",
        plans(saved_plans)
    )
}

/// What removing did.
pub fn removed(title: &str, saved_plans: usize) -> String {
    format!(
        "Removed “{title}”. {} in My plans; add its file again to open them.",
        plans(saved_plans)
    )
}

/// How a link names its qualification: number (or id) and title.
fn named(link: &CentreLink) -> String {
    let number = link.number.as_deref().unwrap_or(&link.id);
    match &link.title {
        Some(title) => format!("{number} “{title}”"),
        None => number.to_string(),
    }
}

/// A link on a centre's qualification this browser does not have.
pub fn needs_file(link: &CentreLink) -> String {
    format!(
        "This plan is on a centre's own qualification, {}, read from a file this browser does not have (the file with fingerprint {}). Add that file to open the plan.",
        named(link),
        link.fingerprint
    )
}

/// A link made with another version of the centre's file than the one here.
pub fn file_changed(link: &CentreLink, here: &CentreFile) -> String {
    format!(
        "The file of {} has changed since this link was made: the link was made with the file with fingerprint {}, this browser has {} (fingerprint {}). The plan is checked against the file here.",
        named(link),
        link.fingerprint,
        crate::text::shortened(&here.file, 60),
        here.fingerprint
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_without_its_file_says_which_qualification_and_file() {
        let link = CentreLink {
            id: "ours".into(),
            number: Some("603/1234/5".into()),
            fingerprint: "0123456789abcdef".into(),
            title: Some("Our Diploma".into()),
            payload: ".AA".into(),
        };
        let text = needs_file(&link);
        assert!(text.contains("603/1234/5 “Our Diploma”"), "{text}");
        assert!(text.contains("0123456789abcdef"), "{text}");
        let untitled = CentreLink {
            number: None,
            title: None,
            ..link
        };
        assert!(needs_file(&untitled).contains(", ours, "));
        assert_eq!(
            remove_question("X", 1),
            "Remove “X”? Its 1 saved plan stays in My plans, but cannot be opened until its file is added again."
        );
    }
}

//! The importer, run in the tools worker so the first load carries none of it: a
//! specification's text in, the draft laid out for review out.

use crate::import::review::Drafted;

/// Makes a draft from `text` (from the file `name`, if it was opened from one).
pub async fn draft(text: &str, name: Option<&str>) -> Result<Drafted, String> {
    let _ = (text, name);
    Err("the importer is not available here yet".into())
}

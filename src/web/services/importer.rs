//! The importer, run in the tools worker so the first load carries none of it (nor its
//! `regex`): a specification's text in, the draft laid out for review out.

use super::tools;
use crate::import::review::Drafted;

/// Makes a draft from `text` (from the file `name`, if it was opened from one).
pub async fn draft(text: &str, name: Option<&str>) -> Result<Drafted, String> {
    let ok = tools::request("import", text, name).await?;
    serde_json::from_value(ok)
        .map_err(|_| "the draft could not be read from the planner's tools".into())
}

//! The importer, run in the tools worker so the first load carries none of it (nor its
//! `regex`): a specification's text in, the draft laid out for review out.

use super::tools;
use crate::import::review::Drafted;

/// Makes a draft from `text` (from the file `name`, if it was opened from one).
pub async fn draft(text: &str, name: Option<&str>) -> Result<Drafted, String> {
    let ok = tools::request("import", text, name).await?;
    // Read from its text, as every other JSON in the wasm is: reading from a `Value` would
    // bring a second JSON reader (about 10 KB) for this one type.
    serde_json::from_str(&ok.to_string())
        .map_err(|_| "the draft could not be read from the planner's tools".into())
}

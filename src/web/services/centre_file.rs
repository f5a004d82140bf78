//! A centre's qualification file read for adding, by the home page and the import page
//! alike: read from TOML by the tools worker, then checked against the catalogue as any
//! centre's file is. Nothing is added here; the caller sends the kept file to the reducer.

use serde_json::Value;

use crate::catalogue::Catalogue;
use crate::document::centre::{self, CentreSpec};
use crate::web::services::tools;

/// The kept form of `text` (a screened `specs/` file called `name`), or the message saying
/// why it cannot be added to `catalogue`.
pub async fn read(name: &str, text: &str, catalogue: &Catalogue) -> Result<CentreSpec, String> {
    let answer = tools::request("spec", text, Some(name)).await?;
    let spec = kept(name, answer).ok_or("the planner's tools gave no answer")?;
    centre::add_to(&mut catalogue.clone(), &spec)?;
    Ok(spec)
}

/// The file's kept form from the worker's answer.
fn kept(name: &str, answer: Value) -> Option<CentreSpec> {
    Some(CentreSpec {
        file: name.to_string(),
        fingerprint: answer["fingerprint"].as_str()?.to_string(),
        spec: answer["spec"].as_str()?.to_string(),
    })
}

//! A centre's qualification file read by the tools worker: for adding (the home page and
//! the import page alike), read from TOML and checked against the catalogue as any
//! centre's file is; and kept files read again (at start, or from an export file). Nothing
//! is added here; the caller sends the read files to the reducer. The worker answers with
//! the checked model, so the app holds no spec-file reader.

use serde_json::Value;

use crate::catalogue::Catalogue;
use crate::document::centre::{self, CentreSpec, ReadFile};
use crate::web::services::tools;

const NO_ANSWER: &str = "the planner's tools gave no answer";

/// `text` (a screened `specs/` file called `name`) read, or the message saying why it
/// cannot be added to `catalogue`.
pub async fn read(name: &str, text: &str, catalogue: &Catalogue) -> Result<ReadFile, String> {
    let answer = tools::request("spec", text, Some(name)).await?;
    let file = kept(name, &answer).ok_or(NO_ANSWER)?;
    centre::add_read(&mut catalogue.clone(), &file)?;
    Ok(file)
}

/// Kept files read again by the worker: each with its model, or why not.
pub async fn reread(files: Vec<CentreSpec>) -> Vec<ReadFile> {
    let mut read = Vec::new();
    for spec in files {
        let model = tools::request("kept", &spec.spec, Some(&spec.file))
            .await
            .and_then(|answer| model(&answer).ok_or_else(|| NO_ANSWER.to_string()));
        read.push((spec, model));
    }
    read
}

/// The file's kept form and model from the worker's answer.
fn kept(name: &str, answer: &Value) -> Option<ReadFile> {
    let spec = CentreSpec {
        file: name.to_string(),
        fingerprint: answer["fingerprint"].as_str()?.to_string(),
        spec: answer["spec"].as_str()?.to_string(),
    };
    Some((spec, Ok(model(answer)?)))
}

fn model(answer: &Value) -> Option<String> {
    Some(answer["model"].as_str()?.to_string())
}

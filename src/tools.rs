//! What the tools worker (`src/bin/tools.rs`, loaded only when a user adds a file) does,
//! kept off the app's first load: JSON requests in, JSON answers out, so more kinds can be
//! added. A request is `{"id": n, "kind": "…", "text": "…", "name": "…"}` (`name` optional:
//! the file's name for messages); the answer `{"id": n, "ok": …}` or
//! `{"id": n, "error": "a short message"}`. The worker says [`READY`] first.
//!
//! - `spec`: a qualification file in the TOML `specs/` format → `{"spec": its table as
//!   JSON text, "fingerprint": the first 16 hex digits of the SHA-256 of its text, "model":
//!   its qualification as the checked model}`, once it passes the CLI's checks (else their
//!   messages). The app keeps `spec` and reads `model`; it has no spec-file reader.
//! - `kept`: a kept file's table as JSON (`spec` above; `name` its file's name) → `{"model":
//!   …}` as above, so kept files open at start (else the CLI's messages).
//! - `import`: a specification's plain text → the draft qualification file made from it,
//!   laid out for review beside the text (`import::review::Drafted`; `name`, when given,
//!   names the draft).

use serde::Deserialize;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::catalogue::{parse_spec, spec_file_json};
use crate::document::centre::{model_of, CentreSpec};

/// The worker's first message, once it listens for requests.
pub const READY: &str = r#"{"ready":true}"#;

#[derive(Deserialize)]
struct Request {
    id: u64,
    kind: String,
    text: String,
    #[serde(default)]
    name: Option<String>,
}

/// The answer to one request (its text); never panics, whatever the request.
pub fn answer(request: &str) -> String {
    let Ok(request) = serde_json::from_str::<Request>(request) else {
        return json!({ "id": null, "error": "the request could not be read" }).to_string();
    };
    let name = request.name.as_deref().unwrap_or("the file");
    let result = match request.kind.as_str() {
        "spec" => spec(name, &request.text),
        "kept" => kept(name, request.text).map(|model| json!({ "model": model })),
        "import" => import(request.name.as_deref(), &request.text),
        _ => Err(format!(
            "the tools do not know the request `{}`",
            crate::text::shortened(&request.kind, 40)
        )),
    };
    match result {
        Ok(ok) => json!({ "id": request.id, "ok": ok }),
        Err(error) => json!({ "id": request.id, "error": error }),
    }
    .to_string()
}

/// A specification's text read into a draft, laid out for review (`import::review::Drafted`).
fn import(name: Option<&str>, text: &str) -> Result<Value, String> {
    if let Some(refused) = crate::import::review::refused(text) {
        return Err(refused.into());
    }
    serde_json::to_value(crate::import::review::drafted(name, text)).map_err(|e| e.to_string())
}

/// Checked here as the CLI checks it (`parse_spec`, so every message names its TOML line
/// as the CLI's does), then converted.
fn spec(name: &str, text: &str) -> Result<Value, String> {
    parse_spec(name, text).map_err(|e| e.to_string())?;
    let spec = spec_file_json(name, text).map_err(|e| e.to_string())?;
    let model = kept(name, spec.clone())?;
    Ok(json!({ "spec": spec, "fingerprint": fingerprint(text), "model": model }))
}

/// A kept file's table (JSON) read as the checked model.
fn kept(name: &str, spec: String) -> Result<String, String> {
    let file = name.to_string();
    model_of(&CentreSpec {
        file,
        fingerprint: String::new(),
        spec,
    })
}

/// A file's fingerprint: the first 16 hex digits of the SHA-256 of its text (UTF-8).
pub fn fingerprint(text: &str) -> String {
    Sha256::digest(text.as_bytes())[..8]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_with(groups: &str) -> String {
        std::fs::read_to_string("specs/vtct-l1-cert-principles-cs.toml")
            .unwrap()
            .replacen("[[groups]]", groups, 1)
    }

    fn ask(request: Value) -> Value {
        serde_json::from_str(&answer(&request.to_string())).unwrap()
    }

    #[test]
    fn a_spec_file_comes_back_as_json_with_its_fingerprint() {
        let text = std::fs::read_to_string("specs/vtct-l1-cert-principles-cs.toml").unwrap();
        let reply = ask(json!({ "id": 7, "kind": "spec", "text": text, "name": "ours.toml" }));
        assert_eq!(reply["id"], 7);
        let spec = reply["ok"]["spec"].as_str().unwrap();
        let qual = crate::catalogue::parse_spec_json("ours.toml", spec).unwrap();
        assert_eq!(qual.id, "vtct-l1-cert-principles-cs");
        assert_eq!(reply["ok"]["fingerprint"], fingerprint(&text));
        let model = reply["ok"]["model"].as_str().unwrap();
        let read = crate::catalogue::checked::read(model).unwrap();
        assert_eq!(format!("{:?}", read[0]), format!("{qual:?}"));
        let again = ask(json!({ "id": 8, "kind": "kept", "text": spec, "name": "ours.toml" }));
        assert_eq!(
            again["ok"]["model"], model,
            "a kept file reads as it was added"
        );
        let broken = spec.replace("\"groups\"", "\"grops\"");
        let refused = ask(json!({ "id": 9, "kind": "kept", "text": broken, "name": "ours.toml" }));
        assert!(
            refused["error"].as_str().unwrap().contains("grops"),
            "{refused}"
        );
    }

    #[test]
    fn the_fingerprint_is_the_start_of_the_sha256() {
        // printf 'abc' | sha256sum
        assert_eq!(fingerprint("abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn a_specifications_text_comes_back_as_a_draft_for_review() {
        let text = std::fs::read_to_string(
            std::fs::read_dir("../shared/seeds")
                .unwrap()
                .map(|e| e.unwrap().path())
                .find(|p| p.to_string_lossy().contains("/001_"))
                .unwrap(),
        )
        .unwrap();
        let reply = ask(json!({ "id": 3, "kind": "import", "text": text }));
        assert_eq!(reply["id"], 3);
        let drafted: crate::import::review::Drafted =
            serde_json::from_value(reply["ok"].clone()).unwrap();
        assert_eq!(drafted, crate::import::review::drafted(None, &text));
        assert!(drafted.review.toml.contains("id = \"draft-600-7736-0\""));
        let reply = ask(json!({ "id": 4, "kind": "import", "text": " \n" }));
        assert_eq!(reply["error"], crate::import::review::EMPTY);
    }

    #[test]
    fn bad_toml_and_bad_requests_get_short_messages() {
        let reply = ask(
            json!({ "id": 1, "kind": "spec", "text": "id = \"x\"\ntitle = = 3\n", "name": "ours.toml" }),
        );
        let error = reply["error"].as_str().unwrap();
        assert!(error.starts_with("ours.toml"), "{error}");
        assert!(error.contains("line 2"), "{error}");
        let unknown = text_with("[[grops]]");
        let reply = ask(json!({ "id": 3, "kind": "spec", "text": unknown, "name": "ours.toml" }));
        let error = reply["error"].as_str().unwrap();
        assert!(error.contains("grops") && error.contains("line"), "{error}");
        let reply = ask(json!({ "id": 2, "kind": "nonsense", "text": "" }));
        assert_eq!(
            reply["error"],
            "the tools do not know the request `nonsense`"
        );
        let reply: Value = serde_json::from_str(&answer("not json")).unwrap();
        assert_eq!(reply["id"], Value::Null);
    }
}

//! The built-in qualifications as the page carries them (`<script type="application/json"
//! id="builtins">`, written by the pre-renderer: the page's own qualification, or every one)
//! and, for the rest, `/catalogue.json` fetched after start.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::catalogue::checked::{self, ELEMENT};
use crate::catalogue::Qualification;

/// Where every built-in is, as the checked model.
pub const EVERY: &str = "/catalogue.json";

/// The built-ins the page carries, and whether they are every one (`data-every`); none
/// when the page carries none or they cannot be read.
pub fn inline() -> (Vec<Qualification>, bool) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ELEMENT));
    let Some(element) = element else {
        return (Vec::new(), false);
    };
    let every = element.has_attribute("data-every");
    match checked::read(&element.text_content().unwrap_or_default()) {
        Ok(quals) => (quals, every),
        Err(_) => (Vec::new(), false),
    }
}

/// Fetches every built-in's checked model: its text, or why not (briefly).
pub async fn fetch_every() -> Result<String, String> {
    let failed = |_| "the other qualifications could not be loaded (offline?)".to_string();
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(EVERY))
        .await
        .map_err(failed)?;
    let response: web_sys::Response = response.unchecked_into();
    if !response.ok() {
        return Err(format!(
            "the other qualifications could not be loaded (HTTP {})",
            response.status()
        ));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    Ok(text.as_string().unwrap_or_default())
}

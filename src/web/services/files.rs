//! Files: saving text as a download, and reading a file the user picked.

use web_sys::wasm_bindgen::{JsCast, JsValue};
use yew::Callback;

/// Offers `text` as a download named `name`; false when the browser refused.
pub fn download(name: &str, text: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let clicked = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    clicked
}

/// Largest file read, in bytes: an export of thousands of plans fits many times over.
const MAX_FILE: f64 = 8.0 * 1024.0 * 1024.0;

/// Reads the first file picked in `input` as text; `done` gets the text, or a message.
pub fn read_picked(input: &web_sys::HtmlInputElement, done: Callback<Result<String, String>>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    if file.size() > MAX_FILE {
        return done.emit(Err(
            "That file is too large to be an export of plans; nothing was imported.".into(),
        ));
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string());
        done.emit(text.ok_or_else(|| "That file could not be read; nothing was imported.".into()));
    });
}

/// What reading a picked file gave: its name, and its text or (when larger than asked)
/// its size in bytes, or `None` when it could not be read.
pub type Picked = (String, Option<Result<String, usize>>);

/// Reads the first file picked in `input` as text, unless it is larger than `max` bytes.
pub fn read_named(input: &web_sys::HtmlInputElement, max: usize, done: Callback<Picked>) {
    let Some(file) = input.files().and_then(|f| f.get(0)) else {
        return;
    };
    input.set_value("");
    let name = file.name();
    if file.size() > max as f64 {
        return done.emit((name, Some(Err(file.size() as usize))));
    }
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let text = wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_string());
        done.emit((name, text.map(Ok)));
    });
}

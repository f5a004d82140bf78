//! Browser services: storage, files, the clipboard, the clock, working offline and the
//! engine module.

pub mod builtins;
pub mod centre_file;
pub mod centre_store;
pub mod clock;
pub mod engine;
pub mod files;
pub mod importer;
pub mod offline;
pub mod storage;
pub mod tools;

pub use clock::today;

/// The page's origin (`https://host`), for share links.
pub fn origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Copies text to the clipboard; reports the outcome to `done`.
pub fn copy(text: String, done: yew::Callback<bool>) {
    let Some(window) = web_sys::window() else {
        return done.emit(false);
    };
    let promise = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

//! Browser services: storage, the clipboard and the clock.

pub mod storage;

/// Today's date from the browser's clock.
pub fn today() -> crate::catalogue::Date {
    let now = js_sys::Date::new_0();
    crate::catalogue::Date {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

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

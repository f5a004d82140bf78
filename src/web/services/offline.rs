//! Working offline: registers the service worker (`/sw.js`, written by the build), which
//! keeps the pages and assets so the planner opens with no network after one visit.

/// Registers the service worker where the browser has them; a failure (a private
/// window, an insecure origin) only means no offline copy.
pub fn register() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let navigator = window.navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let registered = navigator.service_worker().register("/sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
    });
}

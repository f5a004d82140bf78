//! The engine module (`engine.js` + `engine_bg.wasm`, built from `src/bin/engine.rs`, started
//! by `/engine-start.js`): the JavaScript API and the solver, kept off the first load. The
//! app starts it once it has started itself, when the browser is idle; it runs on the
//! page's main thread, so `window.unitPlanner` stays synchronous. "Complete my plan" asks
//! it through [`complete`] (`unit_planner::completion`'s JSON).

use std::cell::RefCell;

use gloo_events::EventListener;
use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::completion::{Answer, Request};

/// The script that starts the module.
const START: &str = "/engine-start.js";
/// Fired on `window` once the module is running (its detail holds `complete`).
const READY: &str = "UnitPlannerReady";
/// Fired on `window` when the module could not be loaded.
const FAILED: &str = "UnitPlannerFailed";
/// What "Complete my plan" says when the module cannot be reached.
pub const UNAVAILABLE: &str =
    "The planner's engine did not load (you may be offline); your plan is unchanged. Try again when online.";

thread_local! {
    /// The module's loading: resolves to its `complete` function; a failed one is forgotten.
    static ENGINE: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Starts the module when the browser is next idle (within 2 s).
pub fn start_when_idle() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let start = Closure::once_into_js(|| {
        wasm_bindgen_futures::spawn_local(async {
            if JsFuture::from(loading()).await.is_err() {
                forget();
            }
        });
    });
    let idle = Reflect::get(&window, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"timeout".into(), &2000.into());
    let called = match idle {
        Some(idle) => idle.call2(&window, &start, &options).is_ok(),
        None => false,
    };
    if !called {
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 100);
    }
}

/// Forgets a failed loading, so the next request tries again.
fn forget() {
    ENGINE.with(|engine| engine.borrow_mut().take());
}

/// The module's loading, begun on the first call.
fn loading() -> Promise {
    ENGINE.with(|engine| engine.borrow_mut().get_or_insert_with(load).clone())
}

/// Adds the start script and settles when the module is ready or has failed.
fn load() -> Promise {
    Promise::new(&mut |resolve, reject| {
        let script = web_sys::window()
            .and_then(|w| Some((w.clone(), w.document()?)))
            .and_then(|(w, d)| {
                Some((
                    w,
                    d.create_element("script").ok()?,
                    d.query_selector("head").ok()??,
                ))
            });
        let Some((window, script, head)) = script else {
            let _ = reject.call0(&JsValue::NULL);
            return;
        };
        EventListener::once(&window, READY, move |event| {
            let complete = Reflect::get(event, &"detail".into())
                .and_then(|detail| Reflect::get(&detail, &"complete".into()))
                .unwrap_or_default();
            let _ = resolve.call1(&JsValue::NULL, &complete);
        })
        .forget();
        let failed = reject.clone();
        EventListener::once(&window, FAILED, move |_| {
            let _ = failed.call0(&JsValue::NULL);
        })
        .forget();
        EventListener::once(&script, "error", move |_| {
            let _ = reject.call0(&JsValue::NULL);
        })
        .forget();
        let _ = script.set_attribute("src", START);
        let _ = head.append_child(&script);
    })
}

/// The module's answer to a request, once it is running; [`UNAVAILABLE`] if it cannot
/// load (the next request tries again).
pub async fn complete(request: &Request) -> Answer {
    let unavailable = || Answer::Failed(UNAVAILABLE.into());
    let Ok(complete) = JsFuture::from(loading()).await else {
        forget();
        return unavailable();
    };
    let Ok(complete) = complete.dyn_into::<Function>() else {
        return unavailable();
    };
    let text = serde_json::to_string(request).expect("a request serialises");
    complete
        .call1(&JsValue::NULL, &JsValue::from_str(&text))
        .ok()
        .and_then(|answer| answer.as_string())
        .and_then(|answer| serde_json::from_str(&answer).ok())
        .unwrap_or_else(unavailable)
}

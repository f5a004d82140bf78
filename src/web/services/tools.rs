//! The tools worker (`tools_loader.js` → `tools.js`, built from `src/bin/tools.rs`): started on the first
//! request, so its wasm (TOML reading, hashing) never weighs on the first load. Requests and
//! answers are JSON texts (`unit_planner::tools` lists the kinds).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// The worker's first message (`unit_planner::tools::READY`, in the worker's build only).
const READY: &str = r#"{"ready":true}"#;

/// Trunk's loader for the worker (`data-loader-shim`): it loads `tools.js` and its wasm.
const SCRIPT: &str = "/tools_loader.js";
/// The answer when the worker cannot be reached.
const UNAVAILABLE: &str =
    "the file could not be read here (the planner's tools did not load); try again when online";

/// The running worker, the requests waiting for its answer, and those waiting for it to
/// be ready (a message sent before it listens would be lost).
struct Tools {
    worker: Worker,
    waiting: Rc<RefCell<HashMap<u64, js_sys::Function>>>,
    unsent: Rc<RefCell<Option<Vec<String>>>>,
    failed: Rc<Cell<bool>>,
    next: u64,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(web_sys::Event)>,
}

thread_local! {
    static TOOLS: RefCell<Option<Tools>> = const { RefCell::new(None) };
}

/// Starts the worker.
fn start() -> Option<Tools> {
    let worker = Worker::new(SCRIPT).ok()?;
    let waiting: Rc<RefCell<HashMap<u64, js_sys::Function>>> = Rc::default();
    let failed = Rc::new(Cell::new(false));
    let unsent: Rc<RefCell<Option<Vec<String>>>> = Rc::new(RefCell::new(Some(Vec::new())));
    let on_message = {
        let (waiting, unsent, worker) = (waiting.clone(), unsent.clone(), worker.clone());
        Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let text = event.data().as_string().unwrap_or_default();
            if text == READY {
                for message in unsent.borrow_mut().take().into_iter().flatten() {
                    let _ = worker.post_message(&JsValue::from_str(&message));
                }
                return;
            }
            let id = serde_json::from_str::<Value>(&text)
                .ok()
                .and_then(|v| v["id"].as_u64());
            let resolve = id.and_then(|id| waiting.borrow_mut().remove(&id));
            if let Some(resolve) = resolve {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&text));
            }
        })
    };
    let on_error = {
        let (waiting, failed) = (waiting.clone(), failed.clone());
        Closure::<dyn Fn(web_sys::Event)>::new(move |_: web_sys::Event| {
            failed.set(true);
            for (_, resolve) in waiting.borrow_mut().drain() {
                let _ = resolve.call1(&JsValue::NULL, &JsValue::NULL);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Some(Tools {
        worker,
        waiting,
        unsent,
        failed,
        next: 0,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// Sends one request (`name` names the file in messages) and waits for its answer: what
/// the worker answered `ok`, or its short message.
pub async fn request(kind: &str, text: &str, name: Option<&str>) -> Result<Value, String> {
    let promise = TOOLS.with(|tools| {
        let mut tools = tools.borrow_mut();
        if tools.as_ref().is_none_or(|t| t.failed.get()) {
            *tools = start();
        }
        let tools = tools.as_mut()?;
        tools.next += 1;
        let id = tools.next;
        let message = serde_json::json!({ "id": id, "kind": kind, "text": text, "name": name });
        let waiting = tools.waiting.clone();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            waiting.borrow_mut().insert(id, resolve);
        });
        let message = message.to_string();
        match tools.unsent.borrow_mut().as_mut() {
            Some(unsent) => unsent.push(message),
            None => tools
                .worker
                .post_message(&JsValue::from_str(&message))
                .ok()?,
        }
        Some(promise)
    });
    let promise = promise.ok_or(UNAVAILABLE)?;
    let answer = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .and_then(|text| serde_json::from_str::<Value>(&text).ok())
        .ok_or(UNAVAILABLE)?;
    match answer.get("ok") {
        Some(ok) => Ok(ok.clone()),
        None => Err(answer["error"].as_str().unwrap_or(UNAVAILABLE).to_string()),
    }
}

//! The tools worker's entry point (built by Trunk to WebAssembly as a web worker, loaded
//! only when a user adds a file): each message is a request's JSON text, answered by
//! `unit_planner::tools::answer` with a message of the answer's JSON text. Its first
//! message, once it listens, is `{"ready": true}`: a message sent before would be lost.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let request = event.data().as_string().unwrap_or_default();
        let answer = unit_planner::tools::answer(&request);
        let _ = reply_to.post_message(&JsValue::from_str(&answer));
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(unit_planner::tools::READY));
}

//! `window.unitPlanner`: the checker for other software on the page (a centre's site, an
//! e-portfolio). Each function takes and returns plain objects shaped exactly as the CLI's
//! `--json` output, from the same [`answers`](crate::answers); bad input throws an `Error`
//! with the CLI's sentence. Nothing here can panic on input, so the page keeps running.

use js_sys::{Error, Object, Reflect};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

use crate::answers;
use crate::catalogue::{Qualification, UnitIdx};

type Answer = Result<JsValue, JsValue>;

/// The built-ins the page carries (held for the page's life), which the API answers from.
fn held() -> &'static [Qualification] {
    thread_local! {
        static HELD: &'static [Qualification] =
            Box::leak(super::state::Shared::default().all().to_vec().into_boxed_slice());
    }
    HELD.with(|held| *held)
}

/// Installs `window.unitPlanner`.
pub fn install() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let api = Object::new();
    let catalogue =
        Closure::<dyn Fn() -> Answer>::new(|| to_js(&answers::list(held())));
    let check =
        Closure::<dyn Fn(JsValue, JsValue) -> Answer>::new(|qual: JsValue, units: JsValue| {
            let (qual, units) = plan(&qual, &units)?;
            to_js(&answers::check(qual, units, None).0)
        });
    let suggest = Closure::<dyn Fn(JsValue, JsValue, JsValue) -> Answer>::new(
        |qual: JsValue, units: JsValue, options: JsValue| {
            let (qual, units) = plan(&qual, &units)?;
            let exclude = if options.is_undefined() || options.is_null() {
                JsValue::UNDEFINED
            } else if options.is_object() {
                Reflect::get(&options, &"exclude".into())?
            } else {
                return Err(error(
                    "options must be an object such as { exclude: [\"CSP14\"] }".into(),
                ));
            };
            let exclude = unit_indices(qual, &exclude, "exclude")?;
            to_js(&answers::suggest(qual, units, exclude, None).0)
        },
    );
    let link =
        Closure::<dyn Fn(JsValue, JsValue) -> Answer>::new(|qual: JsValue, units: JsValue| {
            let (qual, units) = plan(&qual, &units)?;
            let origin = web_sys::window()
                .and_then(|w| w.location().origin().ok())
                .unwrap_or_default();
            Ok(answers::link(&origin, qual, units, None, None).into())
        });
    let functions = [
        ("catalogue", catalogue.into_js_value()),
        ("check", check.into_js_value()),
        ("suggest", suggest.into_js_value()),
        ("link", link.into_js_value()),
    ];
    for (name, f) in functions {
        let _ = Reflect::set(&api, &name.into(), &f);
    }
    let _ = Reflect::set(&window, &"unitPlanner".into(), &Object::freeze(&api));
}

/// The qualification and units a call names.
fn plan(
    qual: &JsValue,
    units: &JsValue,
) -> Result<(&'static Qualification, Vec<UnitIdx>), JsValue> {
    let name: String = from_js(
        qual,
        "the qualification must be a string (its id or number)",
    )?;
    let qual = answers::qualification(held(), &name).map_err(error)?;
    Ok((qual, unit_indices(qual, units, "units")?))
}

/// Units named in a list of strings; `undefined` is no units.
fn unit_indices(
    qual: &Qualification,
    names: &JsValue,
    what: &str,
) -> Result<Vec<UnitIdx>, JsValue> {
    if names.is_undefined() {
        return Ok(Vec::new());
    }
    let must = format!("{what} must be a list of unit codes (strings)");
    let names: Vec<String> = from_js(names, &must)?;
    answers::within_limits(&names).map_err(error)?;
    answers::units(qual, &names).map_err(error)
}

fn from_js<T: DeserializeOwned>(value: &JsValue, must: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value.clone()).map_err(|_| error(must.to_string()))
}

fn to_js(value: &impl Serialize) -> Answer {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| error(e.to_string()))
}

fn error(message: String) -> JsValue {
    Error::new(&message).into()
}

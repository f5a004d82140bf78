//! Loading the app after the first paint: Trunk's page preloads the app's module and wasm
//! and fetches them at once; here its preload links go, and its loader waits, when the
//! page is visible, for the first contentful paint (where the browser reports paints; else
//! the first frame; at most 3 s) before fetching both together, the wasm still checked
//! against Trunk's integrity digest. The pre-rendered HTML is the content; the app only
//! takes it over, so a slow link's bandwidth goes first to the page. Trunk's
//! `TrunkApplicationStarted`, which pages used to wait for before `window.unitPlanner`, is
//! fired when the engine module has installed it (`UnitPlannerReady`), so they still can.
//! A share link's page starts the small first wasm before the app's (`VERDICT`).

use std::sync::LazyLock;

use regex::Regex;

use super::SiteError;

/// Trunk's loader: the module's and the wasm's addresses.
static IMPORT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"import init, \* as bindings from '(/[^']+\.js)';\nconst wasm = await init\(\{ module_or_path: '(/[^']+\.wasm)' \}\);")
        .expect("a valid pattern")
});
/// On a share link's page (a qualification's page whose fragment names a plan), run as
/// the head is read: the small first wasm (`src/bin/verdict.rs`) is fetched and compiled
/// as it arrives, ahead of the first paint, as it is what the page shows first, and
/// started once the page is parsed; it writes the link's verdict into the page, or
/// nothing. The app's wasm is fetched once it is compiled (`VERDICT_IN`), so the two do
/// not share the bandwidth. Any other page never fetches it.
const VERDICT: &str = r"if (/^\/q\/[^/]+\/(index\.html)?$/.test(location.pathname) && /^#(p\/|\/q\/[^/]+\/p\/)/.test(location.hash)) {
  window.verdictWasm = WebAssembly.compileStreaming(fetch('/verdict_bg.wasm'));
  const parsed = new Promise((done) => (document.readyState === 'loading' ? addEventListener('DOMContentLoaded', done, { once: true }) : done()));
  Promise.all([import('/verdict.js'), parsed]).then(([verdict]) => verdict.default({ module_or_path: window.verdictWasm })).catch(() => {});
}";
/// The app's loader waits for the small first wasm, if it is being fetched.
const VERDICT_IN: &str = "await window.verdictWasm?.catch(() => {});";
/// Trunk's event once the app has started.
const STARTED: &str =
    r#"dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}}));"#;
/// The same event, once the engine module has started too.
const STARTED_WITH_ENGINE: &str = r#"addEventListener("UnitPlannerReady", () => dispatchEvent(new CustomEvent("TrunkApplicationStarted", {detail: {wasm}})), {once: true});"#;
/// Trunk's preloads of the module and the wasm, with the white space after them.
static PRELOADS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<link rel="(?:modulepreload|preload)" href="/[^"]+\.(?:js|wasm)"[^>]*>\s*"#)
        .expect("a valid pattern")
});
/// The wasm's integrity digest, on its preload.
static WASM_INTEGRITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"<link rel="preload" href="/[^"]+\.wasm"[^>]*integrity="([^"]+)""#)
        .expect("a valid pattern")
});

/// A wasm app a page loads in place of Trunk's own: its module, its wasm and the wasm's
/// integrity digest (`sha384-…`).
pub struct App {
    /// The module's address.
    pub js: &'static str,
    /// The wasm's address.
    pub wasm: &'static str,
    /// The wasm's digest, as the browser checks it.
    pub integrity: String,
}

/// Trunk's page (`dist/index.html`) loading the app only after its first paint: Trunk's
/// own app, or `app` in its place.
pub fn paint_first(page: &str, app: Option<&App>) -> Result<String, SiteError> {
    let found = IMPORT.captures(page).ok_or(SiteError::NoLoader)?;
    if !page.contains(STARTED) {
        return Err(SiteError::NoLoader);
    }
    let integrity = WASM_INTEGRITY
        .captures(page)
        .ok_or(SiteError::NoIntegrity)?;
    let (js, wasm, integrity) = match app {
        Some(app) => (app.js, app.wasm, &*app.integrity),
        None => (&found[1], &found[2], &integrity[1]),
    };
    let loader = format!(
        "if (document.visibilityState === 'visible') await new Promise((painted) => {{
  if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {{
    new PerformanceObserver((list) => {{ if (list.getEntriesByName('first-contentful-paint').length) painted(); }})
      .observe({{ type: 'paint', buffered: true }});
  }} else {{
    requestAnimationFrame(() => setTimeout(painted));
  }}
  setTimeout(painted, 3000);
}});
{VERDICT_IN}
const wasmResponse = fetch('{wasm}', {{ integrity: '{integrity}' }});
const bindings = await import('{js}');
const wasm = await bindings.default({{ module_or_path: wasmResponse }});"
    );
    let module = page[..found.get(0).expect("a match").start()]
        .rfind("<script type=\"module\">")
        .ok_or(SiteError::NoLoader)?;
    let page = format!(
        "{}<script>\n{VERDICT}\n</script>\n{}",
        &page[..module],
        &page[module..]
    )
    .replace(&found[0], &loader)
    .replace(STARTED, STARTED_WITH_ENGINE);
    Ok(PRELOADS.replace_all(&page, "").into_owned())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// The head Trunk 0.21 writes, shortened.
    pub const TRUNK: &str = "<head>\n<link rel=\"modulepreload\" href=\"/app-1a.js\" crossorigin=\"anonymous\" integrity=\"sha384-js\">\n  <link rel=\"preload\" href=\"/app-1a_bg.wasm\" crossorigin=\"anonymous\" integrity=\"sha384-wasm\" as=\"fetch\" type=\"application/wasm\">\n<script type=\"module\">\nimport init, * as bindings from '/app-1a.js';\nconst wasm = await init({ module_or_path: '/app-1a_bg.wasm' });\nwindow.wasmBindings = bindings;\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n</script></head>";

    #[test]
    fn the_app_is_fetched_after_the_first_paint_with_no_preload() {
        let page = paint_first(TRUNK, None).unwrap();
        assert!(!page.contains("<link"), "{page}");
        assert!(!page.contains("import init"));
        let paint = page.find("first-contentful-paint").unwrap();
        let fetch = page
            .find("fetch('/app-1a_bg.wasm', { integrity: 'sha384-wasm' })")
            .unwrap();
        let import = page.find("await import('/app-1a.js')").unwrap();
        assert!(paint < fetch && fetch < import);
        let verdict = page.find("fetch('/verdict_bg.wasm')").unwrap();
        let verdict_in = page.find("await window.verdictWasm").unwrap();
        assert!(
            verdict < paint && paint < verdict_in && verdict_in < fetch,
            "the small wasm before the first paint, the app's once its bytes are in"
        );
        assert!(
            page.starts_with("<head>\n<script>\nif (/^\\/q\\/"),
            "{page}"
        );
        assert!(page.contains("</script>\n<script type=\"module\">\nif (document"));
        assert!(page.ends_with(
            "module_or_path: wasmResponse });\nwindow.wasmBindings = bindings;\naddEventListener(\"UnitPlannerReady\", () => dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}})), {once: true});\n</script></head>"
        ), "Trunk's event waits for the engine module: {page}");
    }

    #[test]
    fn a_page_trunk_did_not_write_is_refused() {
        assert!(matches!(
            paint_first("<head></head>", None),
            Err(SiteError::NoLoader)
        ));
        let no_event = TRUNK.replace("TrunkApplicationStarted", "Started");
        assert!(matches!(
            paint_first(&no_event, None),
            Err(SiteError::NoLoader)
        ));
        let no_digest = TRUNK.replace(" integrity=\"sha384-wasm\"", "");
        assert!(matches!(
            paint_first(&no_digest, None),
            Err(SiteError::NoIntegrity)
        ));
    }
}

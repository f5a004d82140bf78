//! The qualification pages load their own wasm (`plan.js` + `plan_bg.wasm`, built from
//! `src/bin/plan.rs`), which holds only the planning page: the loader [`super::loader`]
//! wrote for the app is pointed at it, with the wasm's own integrity digest.

use std::sync::LazyLock;

use base64::Engine;
use regex::Regex;
use sha2::{Digest, Sha384};

use super::SiteError;

/// The planning app's module, as Trunk writes it (a worker-type asset keeps its name).
pub const JS: &str = "/plan.js";
/// The planning app's wasm.
pub const WASM: &str = "/plan_bg.wasm";

/// The loader's fetch of the app's wasm (its address and digest) and import of its module
/// (awaited: a share link's small first wasm is imported by a promise, and stays).
static FETCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"fetch\('/[^']+\.wasm', \{ integrity: '[^']+' \}\)").expect("a valid pattern")
});
static IMPORT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"await import\('/[^']+\.js'\)").expect("a valid pattern"));

/// `page`, whose loader fetches the app, fetching the planning app instead (`wasm`: its
/// bytes, for the digest the browser checks).
pub fn loading_plan(page: &str, wasm: &[u8]) -> Result<String, SiteError> {
    if FETCH.find_iter(page).count() != 1 || IMPORT.find_iter(page).count() != 1 {
        return Err(SiteError::NoLoader);
    }
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(wasm));
    let fetch = format!("fetch('{WASM}', {{ integrity: 'sha384-{digest}' }})");
    let page = FETCH.replace(page, regex::NoExpand(&fetch));
    Ok(IMPORT
        .replace(&page, regex::NoExpand(&format!("await import('{JS}')")))
        .into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOADER: &str = "<script type=\"module\">\nconst wasmResponse = fetch('/app-1a_bg.wasm', { integrity: 'sha384-wasm' });\nconst bindings = await import('/app-1a.js');\n</script>";
    const SMALL: &str = "<script>\nPromise.all([import('/verdict.js'), parsed]);\n</script>";

    #[test]
    fn the_loader_fetches_the_planning_app_checked_by_its_digest() {
        let page = loading_plan(LOADER, b"abc").unwrap();
        assert!(!page.contains("app-1a"), "{page}");
        // SHA-384 of "abc" (FIPS 180-2's example), in base64.
        assert!(page.contains("fetch('/plan_bg.wasm', { integrity: 'sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn' })"), "{page}");
        assert!(page.contains("await import('/plan.js')"));
    }

    #[test]
    fn the_small_first_wasm_s_import_is_left_alone() {
        let page = loading_plan(&format!("{SMALL}{LOADER}"), b"abc").unwrap();
        assert!(page.contains("import('/verdict.js')"), "{page}");
        assert!(page.contains("await import('/plan.js')"), "{page}");
    }

    #[test]
    fn a_page_without_the_app_s_loader_is_refused() {
        assert!(matches!(
            loading_plan("<head></head>", b""),
            Err(SiteError::NoLoader)
        ));
    }
}

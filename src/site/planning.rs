//! The qualification pages load their own wasm (`plan.js` + `plan_bg.wasm`, built from
//! `src/bin/plan.rs`), which holds only the planning page: [`super::loader`] loads it in
//! place of the app, with the wasm's own integrity digest.

use base64::Engine;
use sha2::{Digest, Sha384};

use super::loader;

/// The planning app's module, as Trunk writes it (a worker-type asset keeps its name).
pub const JS: &str = "/plan.js";
/// The planning app's wasm.
pub const WASM: &str = "/plan_bg.wasm";

/// The planning app for [`loader::paint_first`] (`wasm`: its bytes, for the digest the
/// browser checks).
pub fn app(wasm: &[u8]) -> loader::App {
    let digest = base64::engine::general_purpose::STANDARD.encode(Sha384::digest(wasm));
    loader::App {
        js: JS,
        wasm: WASM,
        integrity: format!("sha384-{digest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::super::loader::{paint_first, tests::TRUNK};
    use super::super::SiteError;
    use super::*;

    #[test]
    fn the_loader_fetches_the_planning_app_checked_by_its_digest() {
        let page = paint_first(TRUNK, Some(&app(b"abc"))).unwrap();
        assert!(!page.contains("app-1a"), "{page}");
        // SHA-384 of "abc" (FIPS 180-2's example), in base64.
        assert!(page.contains("fetch('/plan_bg.wasm', { integrity: 'sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn' })"), "{page}");
        assert!(page.contains("await import('/plan.js')"));
    }

    #[test]
    fn the_small_first_wasm_s_import_is_left_alone() {
        let page = paint_first(TRUNK, Some(&app(b"abc"))).unwrap();
        assert!(page.contains("import('/verdict.js')"), "{page}");
        assert!(page.contains("await import('/plan.js')"), "{page}");
    }

    #[test]
    fn a_page_without_the_app_s_loader_is_refused() {
        assert!(matches!(
            paint_first("<head></head>", Some(&app(b""))),
            Err(SiteError::NoLoader)
        ));
    }
}

//! Writes the site's pages into `dist/` after the Trunk build (`dist/index.html` is the
//! template), each once and finished: rendered by the app, loading it (a qualification's
//! page the planning app) after the first paint, with its Content Security Policy; then the service worker with the files it
//! keeps: `prerender [dist]`.

use std::path::{Path, PathBuf};

use unit_planner::site::{csp, loader, offline, planning};
use unit_planner::web::prerender;

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    match write_site(&dist) {
        Ok((pages, kept)) => {
            println!("prerender: {pages} pages written; the service worker keeps {kept} files")
        }
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

/// Writes every page and `sw.js`; how many pages, and how many files the worker keeps.
fn write_site(dist: &Path) -> Result<(usize, usize), String> {
    let write = |file: &Path, text: &str| {
        std::fs::create_dir_all(file.parent().expect("files are under dist"))
            .and_then(|_| std::fs::write(file, text))
            .map_err(|e| format!("cannot write {}: {e}", file.display()))
    };
    let template = dist.join("index.html");
    let template = std::fs::read_to_string(&template)
        .map_err(|e| format!("cannot read {}: {e}", template.display()))?;
    let wasm = dist.join(planning::WASM.trim_start_matches('/'));
    let wasm = std::fs::read(&wasm).map_err(|e| format!("cannot read {}: {e}", wasm.display()))?;
    let planning =
        loader::paint_first(&template, Some(&planning::app(&wasm))).map_err(|e| e.to_string())?;
    let template = loader::paint_first(&template, None).map_err(|e| e.to_string())?;
    let pages = prerender::pages(&template, &planning, unit_planner::web::today())?;
    for page in &pages {
        let text = if page.file.ends_with(".html") {
            csp::with_policy(&page.html).map_err(|e| e.to_string())?
        } else {
            page.html.clone()
        };
        write(&dist.join(&page.file), &text)?;
    }
    let kept = offline::kept(dist).map_err(|e| e.to_string())?;
    write(&dist.join("sw.js"), &offline::worker(&kept))?;
    Ok((pages.len(), kept.len()))
}

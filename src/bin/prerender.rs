//! Writes the pre-rendered pages into `dist/` after the Trunk build (`dist/index.html` is
//! the template): `prerender [dist]`.

use std::path::PathBuf;

use unit_planner::web::prerender;

fn main() {
    let dist = PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "dist".into()));
    let template = dist.join("index.html");
    let result = std::fs::read_to_string(&template)
        .map_err(|e| format!("cannot read {}: {e}", template.display()))
        .and_then(|t| prerender::pages(&t, unit_planner::web::today()))
        .and_then(|pages| {
            pages.iter().try_for_each(|page| {
                let file = dist.join(&page.file);
                std::fs::create_dir_all(file.parent().expect("pages are under dist"))
                    .and_then(|_| std::fs::write(&file, &page.html))
                    .map_err(|e| format!("cannot write {}: {e}", file.display()))
            })?;
            Ok(pages.len())
        });
    match result {
        Ok(n) => println!("prerender: {n} pages written"),
        Err(e) => {
            eprintln!("prerender: {e}");
            std::process::exit(1);
        }
    }
}

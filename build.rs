//! Embeds the catalogue: reads every `specs/*.toml`, fails the build (naming the file) if
//! one is not valid TOML, and writes them as JSON, in the order of their source files, to
//! `$OUT_DIR/specs.rs` for `catalogue::builtin`. The full validation runs when the
//! catalogue loads and in `cargo test`.

use std::fs;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=specs");
    let mut files = Vec::new();
    for entry in fs::read_dir("specs").expect("the specs/ folder") {
        let path = entry.expect("a specs/ entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            let name = format!("specs/{}", path.file_name().unwrap().to_string_lossy());
            let text =
                fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: cannot read: {e}"));
            let table: toml::Table = text
                .parse()
                .unwrap_or_else(|e| panic!("{name}: not valid TOML: {e}"));
            let source = table
                .get("source")
                .and_then(|s| s.as_str())
                .unwrap_or_default()
                .to_string();
            let json = serde_json::to_string(&table).expect("TOML converts to JSON");
            files.push((source, name, json));
        }
    }
    files.sort();
    let entries: Vec<String> = files
        .iter()
        .map(|(_, name, json)| format!("    ({name:?}, {json:?}),\n"))
        .collect();
    let code = format!(
        "/// The embedded spec files, as (file name, contents as JSON), in source order.\npub const SPEC_FILES: &[(&str, &str)] = &[\n{}];\n",
        entries.concat()
    );
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("specs.rs");
    fs::write(out, code).expect("write specs.rs");
}

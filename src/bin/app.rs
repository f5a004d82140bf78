//! The browser app's entry point (built by Trunk to WebAssembly).

fn main() {
    yew::Renderer::<unit_planner::web::App>::new().render();
}

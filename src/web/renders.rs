//! Which components rendered, counted in debug builds (the component tests run them), so a
//! test can check that a click re-renders only what changed. Release builds count nothing.

use std::collections::BTreeMap;

/// Renders by component name and instance (a unit's key, or 0 for a component shown once).
pub type Renders = BTreeMap<(&'static str, u32), u32>;

#[cfg(debug_assertions)]
thread_local! {
    static RENDERS: std::cell::RefCell<Renders> = const { std::cell::RefCell::new(BTreeMap::new()) };
}

/// Notes that a component rendered.
pub fn note(component: &'static str, instance: u32) {
    #[cfg(debug_assertions)]
    RENDERS.with_borrow_mut(|r| *r.entry((component, instance)).or_default() += 1);
    #[cfg(not(debug_assertions))]
    let _ = (component, instance);
}

/// The renders noted since the last call (none in a release build).
pub fn take() -> Renders {
    #[cfg(debug_assertions)]
    return RENDERS.with_borrow_mut(std::mem::take);
    #[cfg(not(debug_assertions))]
    Renders::new()
}

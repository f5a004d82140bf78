//! How components reach the planner's state: [`use_planner`] reads it (and re-renders its
//! component on every change); [`use_dispatch`] changes it and is stable, so a component
//! that only changes the state (a unit's row, its pickers) re-renders only when its own
//! properties change. [`App`](super::App) provides both.

use yew::prelude::*;

use super::services::clock;
use super::state::{Action, PlannerState, Shared, Stamped};

/// The planner state, as the provider shares it.
pub type Planner = UseReducerHandle<PlannerState>;

/// Sends actions to the planner, stamped with the time and a fresh plan id (the reducer
/// itself reads no clock).
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub(super) UseReducerDispatcher<PlannerState>);

impl Dispatch {
    /// Sends one action.
    pub fn send(&self, action: Action) {
        self.0.dispatch(Stamped {
            action,
            now: clock::now(),
            fresh_id: clock::fresh_id(),
        });
    }

    /// A callback that sends the action `f` makes of its argument.
    pub fn to<E: 'static>(&self, f: impl Fn(E) -> Action + 'static) -> Callback<E> {
        let dispatch = self.clone();
        Callback::from(move |e: E| dispatch.send(f(e)))
    }
}

/// The planner state; its component re-renders whenever the state changes.
#[hook]
pub fn use_planner() -> Planner {
    use_context::<Planner>().expect("App provides the planner")
}

/// The planner's dispatcher; it never changes, so it never re-renders its component.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("App provides the dispatcher")
}

/// The catalogue the planner holds (built-ins and the centre's); its component re-renders
/// only when the catalogue changes.
#[hook]
pub fn use_catalogue() -> Shared {
    use_context::<Shared>().expect("App provides the catalogue")
}

//! The catalogue the planner holds: built from the built-ins at start, changed by adding
//! or removing a centre's qualification. Shared by reference and compared by identity,
//! so a component that reads it re-renders only when it changes.

use std::ops::Deref;
use std::rc::Rc;

use crate::catalogue::Catalogue;

thread_local! {
    static BUILT_IN: Rc<Catalogue> = Rc::new(Catalogue::builtin());
}

/// The planner's catalogue.
#[derive(Debug, Clone)]
pub struct Shared(Rc<Catalogue>);

impl Shared {
    /// Changes the catalogue (a copy, when a component still holds the old one).
    pub fn change(&mut self) -> &mut Catalogue {
        Rc::make_mut(&mut self.0)
    }
}

impl Default for Shared {
    /// The built-in qualifications (one value per thread, so fresh states compare equal).
    fn default() -> Shared {
        Shared(BUILT_IN.with(Rc::clone))
    }
}

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for Shared {
    type Target = Catalogue;

    fn deref(&self) -> &Catalogue {
        &self.0
    }
}

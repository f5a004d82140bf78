//! The catalogue the planner holds: built from the built-ins the page carries at start
//! ([`hold_builtins`]; the rest arrive later, [`Shared::take_builtins`]), changed by adding
//! or removing a centre's qualification, with the centre's files as kept (so they can be
//! stored and exported). Shared by reference and compared by identity, so a component
//! that reads it re-renders only when it changes.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Deref;
use std::rc::Rc;

use crate::catalogue::{Added, Catalogue, Qualification};
use crate::document::centre::{self, CentreSpec, ReadFile};

thread_local! {
    static BUILT_IN: RefCell<Rc<Held>> = RefCell::new(Rc::new(Held::new(initial())));
}

/// With the embedded catalogue (the tests), every built-in; in the app, none until the page's
/// own are held.
fn initial() -> Vec<Qualification> {
    #[cfg(feature = "builtin")]
    return crate::catalogue::builtin::catalogue().to_vec();
    #[cfg(not(feature = "builtin"))]
    Vec::new()
}

/// The built-ins a fresh state starts from (those the page carries, or the page being
/// pre-rendered holds), and whether they are every built-in.
pub fn hold_builtins(quals: Vec<Qualification>, every: bool) {
    let mut held = Held::new(quals);
    held.every = every;
    BUILT_IN.with(|b| *b.borrow_mut() = Rc::new(held));
}

/// The catalogue and the centre's files its centre entries came from.
#[derive(Debug, Clone)]
struct Held {
    catalogue: Catalogue,
    /// The centre's files, by qualification id.
    files: BTreeMap<String, CentreSpec>,
    /// Kept files this build could not read (kept, so storage never loses them).
    unread: Vec<CentreSpec>,
    /// How many times the centre's files changed.
    revision: u64,
    /// The revision storage holds.
    stored: u64,
    /// Whether every built-in is held (else the rest are fetched).
    every: bool,
}

impl Held {
    fn new(quals: Vec<Qualification>) -> Held {
        Held {
            catalogue: Catalogue::new(quals),
            files: BTreeMap::new(),
            unread: Vec::new(),
            revision: 0,
            stored: 0,
            every: cfg!(feature = "builtin"),
        }
    }
}

/// The planner's catalogue.
#[derive(Debug, Clone)]
pub struct Shared(Rc<Held>);

impl Shared {
    /// The centre's files, in the order their qualifications are listed, then those this
    /// build could not read.
    pub fn files(&self) -> Vec<CentreSpec> {
        self.0
            .catalogue
            .centre()
            .filter_map(|(q, _)| self.0.files.get(&q.id).cloned())
            .chain(self.0.unread.iter().cloned())
            .collect()
    }

    /// The centre's file a qualification came from, if it came from one.
    pub fn file(&self, id: &str) -> Option<&CentreSpec> {
        self.0.files.get(id)
    }

    /// The revision of the centre's files storage does not hold yet, if any.
    pub fn unsaved(&self) -> Option<u64> {
        (self.0.revision > self.0.stored).then_some(self.0.revision)
    }

    /// Takes in the files storage holds, as the tools worker read them: the messages of
    /// those that cannot be read (kept as they are).
    pub fn load(&mut self, files: Vec<ReadFile>) -> Vec<String> {
        let mut problems = Vec::new();
        for file in files {
            if let Err(problem) = self.add(file.clone()) {
                problems.push(problem);
                Rc::make_mut(&mut self.0).unread.push(file.0);
            }
        }
        let held = Rc::make_mut(&mut self.0);
        held.stored = held.revision;
        problems
    }

    /// Adds a centre's file (read by the tools worker): its qualification's id and what was
    /// done, or why not (then nothing changed).
    pub fn add(&mut self, file: ReadFile) -> Result<(String, Added), String> {
        let mut catalogue = self.0.catalogue.clone();
        let (id, added) = centre::add_read(&mut catalogue, &file)?;
        if added != Added::Unchanged {
            let held = Rc::make_mut(&mut self.0);
            held.catalogue = catalogue;
            held.files.insert(id.clone(), file.0);
            held.revision += 1;
        }
        Ok((id, added))
    }

    /// Whether every built-in is held.
    pub fn has_every_builtin(&self) -> bool {
        self.0.every
    }

    /// Takes in every built-in (arrived after start), the centre's kept after them.
    pub fn take_builtins(&mut self, quals: Vec<Qualification>) {
        let held = Rc::make_mut(&mut self.0);
        held.catalogue.set_builtins(quals);
        held.every = true;
    }

    /// Takes a centre's qualification out; false when there is none with this id.
    pub fn remove(&mut self, id: &str) -> bool {
        if self.0.catalogue.centre_file(id).is_none() {
            return false;
        }
        let held = Rc::make_mut(&mut self.0);
        held.catalogue.remove_centre(id);
        held.files.remove(id);
        held.revision += 1;
        true
    }
}

impl Default for Shared {
    /// The built-ins held (one value per thread, so fresh states compare equal).
    fn default() -> Shared {
        Shared(BUILT_IN.with(|b| Rc::clone(&b.borrow())))
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
        &self.0.catalogue
    }
}

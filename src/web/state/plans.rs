//! The saved plans: the list, the plans deleted (so no other tab's older copy brings them
//! back), the last deletion (for undo), and which plans changed here when, so that
//! saving writes only those.

use std::collections::BTreeMap;

use crate::document::store::{Saved, SavedPlan};
use crate::document::{PlanDoc, MAX_NAME};

/// Ids are below 2^53, so JavaScript reads them exactly.
const MAX_ID: u64 = (1 << 53) - 1;

/// The learner's saved plans.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Plans {
    /// Saved plans, oldest first.
    pub list: Vec<SavedPlan>,
    /// Plans deleted (id → when).
    pub removed: BTreeMap<u64, u64>,
    /// The last deleted plan and where it was, for undo.
    pub deleted: Option<(usize, SavedPlan)>,
    /// Plans changed or deleted here, with the revision of their last change.
    changed: BTreeMap<u64, u64>,
    /// Counts the changes made here.
    revision: u64,
}

impl Plans {
    /// A saved plan by id.
    pub fn get(&self, id: u64) -> Option<&SavedPlan> {
        self.list.iter().find(|p| p.id == id)
    }

    /// The saved plans of a qualification, oldest first.
    pub fn of<'a>(&'a self, qual: &'a str) -> impl Iterator<Item = &'a SavedPlan> + 'a {
        self.list
            .iter()
            .filter(move |p| p.doc.qualification == qual)
    }

    /// Everything saved, as the store keeps it.
    pub fn saved(&self) -> Saved {
        Saved {
            plans: self.list.clone(),
            deleted: self.removed.clone(),
        }
    }

    /// The revision of the changes made here: it moves on with every change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The plans changed and deleted here after revision `since`, to be written.
    pub fn changed_since(&self, since: u64) -> Saved {
        let changed = |id: &u64| self.changed.get(id).is_some_and(|&r| r > since);
        // Extended, not collected: collecting sorts, and a sort is ~4 KB of wasm per type.
        let mut deleted = BTreeMap::new();
        deleted.extend(self.removed.iter().filter(|(id, _)| changed(id)));
        Saved {
            plans: self
                .list
                .iter()
                .filter(|p| changed(&p.id))
                .cloned()
                .collect(),
            deleted,
        }
    }

    /// Marks a plan as changed here, to be written again.
    pub fn touch(&mut self, id: u64) {
        self.revision += 1;
        self.changed.insert(id, self.revision);
    }

    /// Takes in plans as stored (read at start, or merged with another tab's).
    pub fn take(&mut self, saved: Saved) {
        self.list = saved.plans;
        self.removed = saved.deleted;
    }

    /// Takes in an import's result: every plan it brought is to be written.
    pub fn take_imported(&mut self, saved: Saved) {
        let changed: Vec<u64> = saved
            .plans
            .iter()
            .filter(|p| self.get(p.id) != Some(p))
            .map(|p| p.id)
            .collect();
        self.take(saved);
        changed.into_iter().for_each(|id| self.touch(id));
    }

    /// `wanted` if no plan has or had it, else the next free id after it.
    fn free_id(&self, wanted: u64) -> u64 {
        let mut id = wanted.clamp(1, MAX_ID);
        while self.get(id).is_some() || self.removed.contains_key(&id) {
            id = id % MAX_ID + 1;
        }
        id
    }

    /// Saves a new plan (named "Plan N" when it has no name) at `now`; returns its id.
    pub fn add(&mut self, mut doc: PlanDoc, now: u64, wanted_id: u64) -> u64 {
        let id = self.free_id(wanted_id);
        if doc.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            let count = self.of(&doc.qualification).count();
            doc.name = Some(format!("Plan {}", count + 1));
        }
        self.list.push(SavedPlan {
            id,
            doc,
            created: now,
            updated: now,
        });
        self.touch(id);
        id
    }

    /// Changes a saved plan, stamped as changed at `now` (never earlier than before).
    pub fn change(&mut self, id: u64, now: u64, f: impl FnOnce(&mut PlanDoc)) {
        if let Some(plan) = self.list.iter_mut().find(|p| p.id == id) {
            f(&mut plan.doc);
            plan.updated = plan.updated.max(now);
            self.touch(id);
        }
    }

    /// Renames a plan: plain text, trimmed, at most [`MAX_NAME`] characters; a blank name
    /// changes nothing. False when nothing changed.
    pub fn rename(&mut self, id: u64, name: &str, now: u64) -> bool {
        let name: String = name
            .chars()
            .filter(|c| !c.is_control())
            .take(MAX_NAME)
            .collect();
        if self.get(id).is_none() || name.trim().is_empty() {
            return false;
        }
        self.change(id, now, |doc| doc.name = Some(name.trim().to_string()));
        true
    }

    /// Saves a copy of a plan, named "Copy of …"; returns its id.
    pub fn duplicate(&mut self, id: u64, now: u64, wanted_id: u64) -> Option<u64> {
        let mut doc = self.get(id)?.doc.clone();
        doc.name = Some(
            format!("Copy of {}", doc.display_name())
                .chars()
                .take(MAX_NAME)
                .collect(),
        );
        Some(self.add(doc, now, wanted_id))
    }

    /// Deletes a plan, remembering it for undo. False when there is no such plan.
    pub fn delete(&mut self, id: u64, now: u64) -> bool {
        let Some(at) = self.list.iter().position(|p| p.id == id) else {
            return false;
        };
        let plan = self.list.remove(at);
        self.removed.insert(id, now.max(plan.updated));
        self.deleted = Some((at, plan));
        self.touch(id);
        true
    }

    /// Brings back the last deleted plan where it was, as changed after its deletion.
    pub fn undo(&mut self, now: u64) -> bool {
        let Some((at, mut plan)) = self.deleted.take() else {
            return false;
        };
        self.removed.remove(&plan.id);
        plan.updated = now.max(plan.updated + 1);
        let (id, at) = (plan.id, at.min(self.list.len()));
        self.list.insert(at, plan);
        self.touch(id);
        true
    }
}

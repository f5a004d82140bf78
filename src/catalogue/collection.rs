//! The catalogue an app holds: the built-in qualifications and those a centre added from
//! its own file, each with where it came from, looked up by id. It can change while the
//! app runs (a centre's file added or removed, entries that arrive later).

use std::fmt;

use super::Qualification;

/// Where a qualification in the catalogue came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into the planner (`specs/`).
    BuiltIn,
    /// Added by a centre from its own file.
    Centre(CentreFile),
}

/// The centre's file a qualification was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CentreFile {
    /// The file's fingerprint (the first 16 hex digits of the SHA-256 of its bytes).
    pub fingerprint: String,
    /// The file's name, as the centre gave it.
    pub file: String,
}

/// Why a centre's qualification was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refused {
    /// A built-in qualification has the same id.
    BuiltInId(String),
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refused::BuiltInId(id) => write!(
                f,
                "a built-in qualification already has the id `{}`; give the file's `id` another value",
                crate::text::shortened(id, 40)
            ),
        }
    }
}

/// What adding a centre's qualification did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Added {
    /// It is new to the catalogue.
    New,
    /// It replaced the centre's earlier file of the same id.
    Replaced,
    /// The same file was already there.
    Unchanged,
}

/// What the catalogue holds for a centre's qualification named by a share link.
#[derive(Debug, Clone, Copy)]
pub enum Found<'a> {
    /// The very file the link was made with.
    Same(&'a Qualification),
    /// A file of the same qualification with another fingerprint.
    Changed(&'a Qualification, &'a CentreFile),
    /// No file of that qualification.
    Absent,
}

/// Qualifications with their origins, in the order listed: built-ins first, then the
/// centre's in the order added.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    quals: Vec<Qualification>,
    origins: Vec<Origin>,
}

impl Catalogue {
    /// A catalogue of built-in qualifications.
    pub fn new(quals: Vec<Qualification>) -> Catalogue {
        let origins = vec![Origin::BuiltIn; quals.len()];
        Catalogue { quals, origins }
    }

    /// The qualifications built into the planner.
    #[cfg(feature = "builtin")]
    pub fn builtin() -> Catalogue {
        Catalogue::new(super::builtin::catalogue().to_vec())
    }

    /// Every qualification, in order (for the functions that read a slice).
    pub fn all(&self) -> &[Qualification] {
        &self.quals
    }

    /// Every qualification with its origin, in order.
    pub fn entries(&self) -> impl Iterator<Item = (&Qualification, &Origin)> {
        self.quals.iter().zip(&self.origins)
    }

    /// The qualification with exactly this id.
    pub fn by_id(&self, id: &str) -> Option<&Qualification> {
        self.quals.iter().find(|q| q.id == id)
    }

    /// Where the qualification with this id came from.
    pub fn origin(&self, id: &str) -> Option<&Origin> {
        let at = self.quals.iter().position(|q| q.id == id)?;
        self.origins.get(at)
    }

    /// The centre's file a qualification came from (none for a built-in).
    pub fn centre_file(&self, id: &str) -> Option<&CentreFile> {
        match self.origin(id)? {
            Origin::Centre(file) => Some(file),
            Origin::BuiltIn => None,
        }
    }

    /// Adds (or replaces) a built-in qualification, e.g. one whose data arrived later.
    pub fn insert_builtin(&mut self, qual: Qualification) {
        match self.quals.iter().position(|q| q.id == qual.id) {
            Some(at) => {
                self.quals[at] = qual;
                self.origins[at] = Origin::BuiltIn;
            }
            None => {
                let at = self
                    .origins
                    .iter()
                    .position(|o| *o != Origin::BuiltIn)
                    .unwrap_or(self.quals.len());
                self.quals.insert(at, qual);
                self.origins.insert(at, Origin::BuiltIn);
            }
        }
    }

    /// Replaces every built-in with `quals` (in their order), keeping the centre's after.
    pub fn set_builtins(&mut self, quals: Vec<Qualification>) {
        let centre = self.origins.iter().position(|o| *o != Origin::BuiltIn);
        let centre = centre.unwrap_or(self.quals.len());
        let kept = self.quals.split_off(centre);
        let origins = self.origins.split_off(centre);
        *self = Catalogue::new(quals);
        self.quals.extend(kept);
        self.origins.extend(origins);
    }

    /// Adds a centre's qualification; a centre file of the same id is replaced (its plans
    /// stay: they name the id). Refused when a built-in has that id.
    pub fn add_centre(&mut self, qual: Qualification, file: CentreFile) -> Result<Added, Refused> {
        match self.quals.iter().position(|q| q.id == qual.id) {
            Some(at) => match &self.origins[at] {
                Origin::BuiltIn => Err(Refused::BuiltInId(qual.id)),
                Origin::Centre(old) if old.fingerprint == file.fingerprint => Ok(Added::Unchanged),
                Origin::Centre(_) => {
                    self.quals[at] = qual;
                    self.origins[at] = Origin::Centre(file);
                    Ok(Added::Replaced)
                }
            },
            None => {
                self.quals.push(qual);
                self.origins.push(Origin::Centre(file));
                Ok(Added::New)
            }
        }
    }

    /// Takes a centre's qualification out; false when there is none with this id.
    pub fn remove_centre(&mut self, id: &str) -> bool {
        match self.centre_file(id) {
            Some(_) => {
                let at = self.quals.iter().position(|q| q.id == id);
                if let Some(at) = at {
                    self.quals.remove(at);
                    self.origins.remove(at);
                }
                true
            }
            None => false,
        }
    }

    /// The centre's qualifications with their files, in the order added.
    pub fn centre(&self) -> impl Iterator<Item = (&Qualification, &CentreFile)> {
        self.entries().filter_map(|(q, o)| match o {
            Origin::Centre(file) => Some((q, file)),
            Origin::BuiltIn => None,
        })
    }

    /// The centre's qualification a share link names by id and file fingerprint: the same
    /// file, a changed one (same id, another fingerprint), or none. Never a built-in.
    pub fn find_centre(&self, id: &str, fingerprint: &str) -> Found<'_> {
        match self.centre().find(|(q, _)| q.id == id) {
            Some((q, file)) if file.fingerprint == fingerprint => Found::Same(q),
            Some((q, file)) => Found::Changed(q, file),
            None => Found::Absent,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    fn file(fingerprint: &str) -> CentreFile {
        CentreFile {
            fingerprint: fingerprint.into(),
            file: "ours.toml".into(),
        }
    }

    fn centre_qual(id: &str) -> Qualification {
        let mut q = builtin::catalogue()[0].clone();
        q.id = id.into();
        q
    }

    #[test]
    fn centre_entries_come_after_the_built_ins_and_are_found_by_id() {
        let mut cat = Catalogue::builtin();
        let n = cat.all().len();
        assert_eq!(
            cat.add_centre(centre_qual("ours"), file("aa")),
            Ok(Added::New)
        );
        assert_eq!(cat.all().len(), n + 1);
        assert_eq!(cat.all()[n].id, "ours");
        assert_eq!(cat.centre_file("ours"), Some(&file("aa")));
        let builtin_id = cat.all()[0].id.clone();
        assert_eq!(cat.origin(&builtin_id), Some(&Origin::BuiltIn));
        assert_eq!(cat.centre_file(&builtin_id), None);
    }

    #[test]
    fn a_centre_file_never_replaces_a_built_in() {
        let mut cat = Catalogue::builtin();
        let id = cat.all()[0].id.clone();
        assert_eq!(
            cat.add_centre(centre_qual(&id), file("aa")),
            Err(Refused::BuiltInId(id.clone()))
        );
        assert_eq!(cat.origin(&id), Some(&Origin::BuiltIn));
        assert!(!cat.remove_centre(&id), "a built-in is never removed");
        assert!(cat.by_id(&id).is_some());
    }

    #[test]
    fn the_same_id_again_replaces_the_centres_file_and_links_see_the_change() {
        let mut cat = Catalogue::builtin();
        cat.add_centre(centre_qual("ours"), file("aa")).unwrap();
        assert_eq!(
            cat.add_centre(centre_qual("ours"), file("aa")),
            Ok(Added::Unchanged)
        );
        assert!(matches!(cat.find_centre("ours", "aa"), Found::Same(_)));
        assert_eq!(
            cat.add_centre(centre_qual("ours"), file("bb")),
            Ok(Added::Replaced)
        );
        assert_eq!(cat.centre().count(), 1);
        assert!(
            matches!(cat.find_centre("ours", "aa"), Found::Changed(_, f) if f.fingerprint == "bb")
        );
        assert!(matches!(cat.find_centre("theirs", "aa"), Found::Absent));
        let builtin_id = cat.all()[0].id.clone();
        assert!(matches!(cat.find_centre(&builtin_id, "aa"), Found::Absent));
        assert!(cat.remove_centre("ours"));
        assert!(matches!(cat.find_centre("ours", "bb"), Found::Absent));
    }

    #[test]
    fn built_ins_that_arrive_later_go_before_the_centres() {
        let mut cat = Catalogue::new(Vec::new());
        cat.add_centre(centre_qual("ours"), file("aa")).unwrap();
        cat.insert_builtin(builtin::catalogue()[1].clone());
        assert_eq!(cat.all()[0].id, builtin::catalogue()[1].id);
        assert_eq!(cat.all()[1].id, "ours");
        cat.set_builtins(builtin::catalogue().to_vec());
        let ids: Vec<&str> = cat.all().iter().map(|q| q.id.as_str()).collect();
        let mut want: Vec<&str> = builtin::catalogue().iter().map(|q| q.id.as_str()).collect();
        want.push("ours");
        assert_eq!(ids, want);
        assert!(cat.centre_file("ours").is_some());
    }
}

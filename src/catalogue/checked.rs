//! The checked model: qualifications already read and validated, written as JSON in a
//! versioned envelope (`{"format": 1, "qualifications": [...]}`), so the web app starts from
//! them without the spec-file reader or validation. A later build reads every older format;
//! a newer one is refused with a short message.

use serde::{Deserialize, Serialize};

use super::Qualification;

/// The id of the page element that carries them (`<script type="application/json">`,
/// written by the pre-renderer).
pub const ELEMENT: &str = "builtins";

/// The format this build writes (and the newest it reads).
pub const FORMAT: u32 = 1;

#[derive(Serialize)]
struct Out<'a> {
    format: u32,
    qualifications: &'a [Qualification],
}

#[derive(Deserialize)]
struct Head {
    format: u32,
}

#[derive(Deserialize)]
struct In {
    qualifications: Vec<Qualification>,
}

/// The qualifications as the checked model's JSON.
pub fn write(quals: &[Qualification]) -> String {
    serde_json::to_string(&Out {
        format: FORMAT,
        qualifications: quals,
    })
    .expect("the model serialises")
}

/// Reads what [`write`] wrote (this format or an older one).
pub fn read(text: &str) -> Result<Vec<Qualification>, String> {
    let bad = |e: serde_json::Error| format!("the qualifications' data cannot be read ({e})");
    let head: Head = serde_json::from_str(text).map_err(bad)?;
    if head.format > FORMAT {
        return Err(format!(
            "the qualifications' data is format {}, newer than this planner reads ({FORMAT}); reload the page",
            head.format
        ));
    }
    Ok(serde_json::from_str::<In>(text)
        .map_err(bad)?
        .qualifications)
}

#[cfg(all(test, feature = "builtin"))]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    #[test]
    fn every_builtin_comes_back_the_same() {
        let quals = builtin::catalogue();
        assert!(!quals.is_empty());
        let text = write(quals);
        let back = read(&text).unwrap();
        assert_eq!(back.len(), quals.len());
        for (q, b) in quals.iter().zip(&back) {
            assert_eq!(format!("{q:?}"), format!("{b:?}"), "{}", q.id);
        }
        assert_eq!(write(&back), text);
    }

    #[test]
    fn a_newer_format_or_bad_text_is_refused_briefly() {
        let newer = read(r#"{"format": 2, "qualifications": []}"#).unwrap_err();
        assert!(newer.contains("newer"), "{newer}");
        assert!(read("{").unwrap_err().contains("cannot be read"));
        assert!(read(r#"{"format": 1, "qualifications": []}"#)
            .unwrap()
            .is_empty());
    }
}

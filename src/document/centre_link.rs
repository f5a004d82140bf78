//! Share links for a plan on a centre's own qualification. Only the built-ins have
//! pre-rendered pages, so such a link lives in the fragment of the home page, which every
//! static host serves: `/#c/1/{id}/{number}/{fingerprint}/{title}/{payload}`. It names
//! the qualification by its id and number and the centre's file by its fingerprint, and
//! carries the title, so a browser without the file can say which qualification and which
//! file it needs; the payload is a plan link's ([`super::link`]), checked against the
//! id as every plan link is.
//!
//! Format 1 (written now): the segments after `c/1/`, each percent-encoded (a
//! qualification number has `/` in it); the number and title may be empty.

use super::link::{LinkError, MAX_LINK};
use crate::catalogue::{CentreFile, Qualification};

/// The format this build writes; a later one is refused as newer, never guessed at.
pub const VERSION: u32 = 1;
/// What a centre link's fragment starts with.
const FRAGMENT: &str = "c/";
/// Most characters of the title a link carries.
const MAX_TITLE: usize = 80;

/// What a centre link says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CentreLink {
    /// The qualification's id.
    pub id: String,
    /// Its number, when the file states one.
    pub number: Option<String>,
    /// The fingerprint of the file the link was made with.
    pub fingerprint: String,
    /// The qualification's title (cut to a length a link can carry).
    pub title: Option<String>,
    /// The plan (a plan link's payload).
    pub payload: String,
}

impl CentreLink {
    /// The link for a plan's payload on a centre's qualification.
    pub fn new(qual: &Qualification, file: &CentreFile, payload: String) -> CentreLink {
        CentreLink {
            id: qual.id.clone(),
            number: qual.number.value().cloned(),
            fingerprint: file.fingerprint.clone(),
            title: Some(qual.title_text().chars().take(MAX_TITLE).collect()),
            payload,
        }
    }

    /// The address under the site's root: `/#c/1/…`.
    pub fn href(&self) -> String {
        let segments = [
            self.id.as_str(),
            self.number.as_deref().unwrap_or(""),
            &self.fingerprint,
            self.title.as_deref().unwrap_or(""),
            &self.payload,
        ];
        let encoded: Vec<String> = segments.iter().map(|s| encode(s)).collect();
        format!("/#{FRAGMENT}{VERSION}/{}", encoded.join("/"))
    }

    /// Reads a fragment (with or without `#`): `None` when it is not a centre link at
    /// all, else the link or why it cannot be read. Never panics, whatever the input.
    pub fn parse(fragment: &str) -> Option<Result<CentreLink, LinkError>> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        let rest = fragment.strip_prefix(FRAGMENT)?;
        Some(read(rest))
    }
}

fn read(rest: &str) -> Result<CentreLink, LinkError> {
    if rest.chars().nth(MAX_LINK).is_some() {
        return Err(LinkError::TooLong(rest.chars().count()));
    }
    let rest = rest.strip_suffix('/').unwrap_or(rest);
    let mut segments = rest.split('/');
    let version: u32 = segments
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or(LinkError::NotAPlanLink)?;
    if version > VERSION {
        return Err(LinkError::FutureVersion(version.min(255) as u8));
    }
    if version == 0 {
        return Err(LinkError::Damaged);
    }
    let segments: Vec<String> = segments
        .map(|s| decode(s).ok_or(LinkError::Damaged))
        .collect::<Result<_, _>>()?;
    let [id, number, fingerprint, title, payload] = segments.as_slice() else {
        return Err(LinkError::Damaged);
    };
    let plain = |s: &str| !s.chars().any(char::is_control);
    let fingerprint_ok =
        fingerprint.len() == 16 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit());
    if id.is_empty()
        || payload.is_empty()
        || !fingerprint_ok
        || ![id, number, title].iter().all(|s| plain(s))
    {
        return Err(LinkError::Damaged);
    }
    let given = |s: &String| (!s.is_empty()).then(|| s.clone());
    Ok(CentreLink {
        id: id.clone(),
        number: given(number),
        fingerprint: fingerprint.clone(),
        title: given(title).map(|t| t.chars().take(MAX_TITLE).collect()),
        payload: payload.clone(),
    })
}

/// Percent-encodes every byte but the unreserved ones (letters, digits, `-._~`).
fn encode(text: &str) -> String {
    let mut out = String::new();
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

/// Reverses [`encode`] (any percent-encoding, as a browser may re-encode); `None` when
/// the text is not percent-encoded UTF-8.
fn decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at] == b'%' {
            let hex = std::str::from_utf8(bytes.get(at + 1..at + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::builtin;

    fn sample() -> CentreLink {
        CentreLink {
            id: "ours-l2".into(),
            number: Some("603/1234/5".into()),
            fingerprint: "0123456789abcdef".into(),
            title: Some("Level 2 Certificate in Hair & Beauty (Centre)".into()),
            payload: ".AwEC_-x".into(),
        }
    }

    #[test]
    fn a_centre_link_names_its_file_and_reads_back() {
        let link = sample();
        let href = link.href();
        assert_eq!(
            href,
            "/#c/1/ours-l2/603%2F1234%2F5/0123456789abcdef/Level%202%20Certificate%20in%20Hair%20%26%20Beauty%20%28Centre%29/.AwEC_-x"
        );
        let fragment = href.split_once('#').unwrap().1;
        assert_eq!(CentreLink::parse(fragment), Some(Ok(link.clone())));
        assert_eq!(CentreLink::parse(&format!("#{fragment}/")), Some(Ok(link)));
    }

    #[test]
    fn a_link_made_from_a_qualification_carries_its_number_and_title() {
        let qual = &builtin::catalogue()[0];
        let file = CentreFile {
            fingerprint: "fedcba9876543210".into(),
            file: "x.toml".into(),
        };
        let link = CentreLink::new(qual, &file, ".AA".into());
        assert_eq!(link.number.as_ref(), qual.number.value());
        assert_eq!(link.title.as_deref(), Some(qual.title_text()));
        let href = link.href();
        assert_eq!(
            CentreLink::parse(href.split_once('#').unwrap().1),
            Some(Ok(link))
        );
    }

    #[test]
    fn other_fragments_are_not_centre_links_and_damage_is_named() {
        assert_eq!(CentreLink::parse("p/.AA"), None);
        assert_eq!(CentreLink::parse("/q/x/p/.AA"), None);
        assert_eq!(
            CentreLink::parse("c/2/a/b/0123456789abcdef/t/.AA"),
            Some(Err(LinkError::FutureVersion(2)))
        );
        for damaged in [
            "c/1/a/b/0123456789abcdef/t",
            "c/1/a/b/0123456789abcdeg/t/.AA",
            "c/1//b/0123456789abcdef/t/.AA",
            "c/1/a/b/0123456789abcdef/t/",
            "c/1/a/%ZZ/0123456789abcdef/t/.AA",
            "c/1/a/%0A/0123456789abcdef/t/.AA",
            "c/1/a/b/0123456789abcdef/t/.AA/more",
            "c/0/a/b/0123456789abcdef/t/.AA",
        ] {
            assert_eq!(
                CentreLink::parse(damaged),
                Some(Err(LinkError::Damaged)),
                "{damaged}"
            );
        }
        assert_eq!(CentreLink::parse("c/x"), Some(Err(LinkError::NotAPlanLink)));
        let long = format!("c/1/{}", "a".repeat(MAX_LINK + 1));
        assert!(matches!(
            CentreLink::parse(&long),
            Some(Err(LinkError::TooLong(_)))
        ));
    }
}

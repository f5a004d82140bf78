//! Share links: a plan packed into the URL fragment of its qualification's page
//! (`/q/{id}/#p/{payload}`), so a server sees only the page, which it has pre-rendered, and
//! never the plan. The payload is versioned, compact (bitsets over stable unit keys) and
//! checked, and opening one re-checks it against the current catalogue. Links written
//! before on the home page's address (`/#/q/{id}/p/{payload}`) still open.
//!
//! Format 4 (written for a plan with a pathway chosen or credit from elsewhere) is format 3
//! with one more section flag, for a second flags byte just after the first: the pathway's
//! id, as text, and the credit from elsewhere (group id, title, credits and level), after
//! the review. Any other plan is still written in format 3, so links to qualifications
//! without these read as before.
//!
//! Format 3 (written for every other plan) is format 2's text with more in the bytes: five progress states
//! (3 bits a unit), where transferred units were achieved, a note, and an adviser's
//! review with the plan as it stood then.
//!
//! Format 2 (read still): `.` then the bytes in base64url, then four characters of CRC-24
//! over the base64 symbols. A CRC of degree 24 detects every error confined to 24 bits, so
//! every one-character change (6 bits) and every swap of neighbouring characters (12 bits)
//! is caught, in the check characters too. The `.` never occurs in format 1, so no single
//! change turns a format-2 link into one the format-1 reader would take.
//!
//! Format 1 (read still): the bytes in base64url, the first byte 1 and the last an 8-bit
//! checksum.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use super::{
    EnteredValues, PlanDoc, Progress, Review, Transfer, Verdict, MAX_FROM, MAX_NAME, MAX_NOTE,
};
use crate::catalogue::limits::MAX_KEY;
use crate::catalogue::{Date, Level, Qualification};

/// The newest payload format this build writes; it reads every earlier one too.
pub const VERSION: u8 = 4;
/// The format written for a plan that needs nothing format 4 added.
const PLAIN_VERSION: u8 = 3;
/// Longest pathway id a link carries, in characters.
const MAX_PATHWAY_ID: usize = 40;
/// The first character of a payload in format 2 or later.
const MARKER: char = '.';
/// Longest link, in characters, address included: the most any command writes and the
/// most it reads (the command line's longest argument too). Counted in characters
/// everywhere, so an address with letters beyond ASCII is measured the same way by the
/// writer and the reader.
pub const MAX_LINK: usize = 4096;

/// Why a link cannot be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// It does not have the shape of a plan link.
    NotAPlanLink,
    /// The qualification it names is not in the catalogue.
    UnknownQualification(String),
    /// It was made by a newer version of the planner.
    FutureVersion(u8),
    /// It is cut short or altered.
    Damaged,
    /// It is longer than [`MAX_LINK`] characters (how many it has).
    TooLong(usize),
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LinkError::NotAPlanLink => write!(f, "this is not a plan link"),
            LinkError::UnknownQualification(id) => {
                let shown: String = id.chars().filter(|c| !c.is_control()).take(40).collect();
                write!(
                    f,
                    "the link names a qualification that is not in the catalogue (`{shown}`)"
                )
            }
            LinkError::FutureVersion(v) => {
                write!(f, "the link was made by a newer version of the planner (format {v}); this one reads format {VERSION}")
            }
            LinkError::Damaged => write!(
                f,
                "the link is damaged or cut short; ask for it to be sent again"
            ),
            LinkError::TooLong(n) => write!(
                f,
                "the link is {n} characters long, more than the {MAX_LINK} a link may have"
            ),
        }
    }
}

impl std::error::Error for LinkError {}

/// A decoded link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Index of the qualification in the catalogue passed to [`decode`].
    pub qualification: usize,
    /// The plan.
    pub doc: PlanDoc,
    /// Whether the qualification's data has changed since the link was made.
    pub catalogue_changed: bool,
}

/// A 16-bit fingerprint of what a plan's verdict depends on: unit keys, credits and levels,
/// rules and barred pairs.
pub fn fingerprint(qual: &Qualification) -> u16 {
    let mut text = String::new();
    for u in &qual.units {
        let credits = u.credits.value().map(u32::to_string);
        let level = u.level.value().map(|&l| level_text(l));
        text += &format!("{}:{}:{};", u.key, option_text(credits), option_text(level));
    }
    for r in &qual.rules {
        text += &r.rule.describe(qual);
    }
    for (a, b) in qual.barred.iter().flat_map(|set| set.pairs()) {
        text += &format!("{}-{};", qual.units[a].key, qual.units[b].key);
    }
    let hash = text.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    (hash ^ (hash >> 16)) as u16
}

/// A value as the fingerprint has always spelt it (as Rust's `Debug` writes an `Option`),
/// written out so the wasm carries no `Debug` code.
fn option_text(value: Option<String>) -> String {
    value.map_or_else(|| "None".into(), |v| format!("Some({v})"))
}

/// A level as the fingerprint has always spelt it: `Entry(3)`, `Numbered(2)`.
fn level_text(level: Level) -> String {
    match level {
        Level::Entry(n) => format!("Entry({n})"),
        Level::Numbered(n) => format!("Numbered({n})"),
    }
}

/// The part of the share URL after the site's address: `/q/{id}/#p/{payload}`. The plan's
/// name and note go in only when `personal` is set; a review always does.
pub fn share_path(qual: &Qualification, doc: &PlanDoc, personal: bool) -> String {
    share_href(&qual.id, &encode(qual, doc, personal))
}

/// The address of a shared plan under the site's root: `/q/{id}/#p/{payload}`, the
/// qualification's page with the plan in its fragment. The one place the grammar is
/// written; [`parts`] reads it back.
pub fn share_href(id: &str, payload: &str) -> String {
    format!("/q/{id}/#{PLAN_FRAGMENT}{payload}")
}

/// What a plan's fragment starts with on its qualification's page.
const PLAN_FRAGMENT: &str = "p/";

/// The qualification id and payload of a shared plan, from the path and the fragment
/// (with or without `#`) of its address, in the form written now (`…/q/{id}/` and
/// `p/{payload}`) or before (any path, and `/q/{id}/p/{payload}`); a trailing `/` allowed.
/// The path may be a whole URL up to its fragment, under any site address.
pub fn parts<'a>(path: &'a str, fragment: &'a str) -> Option<(&'a str, &'a str)> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let (id, payload) = match fragment.strip_prefix(PLAN_FRAGMENT) {
        Some(payload) => (page_id(path)?.1, payload),
        None => fragment.strip_prefix("/q/")?.split_once("/p/")?,
    };
    let payload = payload.strip_suffix('/').unwrap_or(payload);
    (!id.is_empty() && !id.contains('/') && !payload.contains('/')).then_some((id, payload))
}

/// The site's address and the qualification id of a page's path `{site}/q/{id}/` (or
/// without the last `/`, or with `index.html`).
fn page_id(path: &str) -> Option<(&str, &str)> {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix('/').unwrap_or(path);
    let (rest, id) = path.rsplit_once('/')?;
    let site = if rest == "q" {
        ""
    } else {
        rest.strip_suffix("/q")?
    };
    Some((site, id))
}

/// The site's address a link was made under (what comes before [`share_path`], without a
/// trailing `/`), in any form [`parts`] reads; `None` when nothing comes before its
/// fragment.
pub fn site_address(link: &str) -> Option<&str> {
    let (before, fragment) = link.trim().split_once('#')?;
    let site = match fragment.strip_prefix(PLAN_FRAGMENT) {
        Some(_) => page_id(before).map_or(before, |(site, _)| site),
        None => before,
    };
    (!before.is_empty()).then(|| site.trim_end_matches('/'))
}

/// Packs a plan into the payload of a share link (name and note only when `personal`).
pub fn encode(qual: &Qualification, doc: &PlanDoc, personal: bool) -> String {
    let max_key = qual.units.iter().map(|u| u.key).max().unwrap_or(0);
    let mut out = vec![if doc.pathway.is_some() || !doc.elsewhere.is_empty() {
        VERSION
    } else {
        PLAIN_VERSION
    }];
    write_body(&mut out, qual, doc, personal, max_key);
    let body = base64url(&out);
    format!("{MARKER}{body}{}", check_chars(&qual.id, &body))
}

/// A progress state's 3-bit code in format 3 (formats 1 and 2 have only the first three).
fn progress_code(p: Progress) -> u8 {
    match p {
        Progress::Planned => 0,
        Progress::InProgress => 1,
        Progress::Achieved => 2,
        Progress::Transferred => 3,
        Progress::Exempt => 4,
    }
}

fn progress_of_code(code: u8) -> Option<Progress> {
    Progress::ALL
        .into_iter()
        .find(|&p| progress_code(p) == code)
}

/// Section flags of the byte after the units.
const PROGRESS: u8 = 1;
const ENTERED: u8 = 2;
const NOT_OFFERED: u8 = 4;
const NAME: u8 = 8;
const TRANSFERS: u8 = 16;
const NOTE: u8 = 32;
const REVIEW: u8 = 64;
const MORE: u8 = 128;
/// Section flags of the second flags byte (format 4).
const PATHWAY: u8 = 1;
const ELSEWHERE: u8 = 2;

fn write_body(
    out: &mut Vec<u8>,
    qual: &Qualification,
    doc: &PlanDoc,
    personal: bool,
    max_key: u32,
) {
    varint(out, max_key);
    out.extend(bitset(max_key, |k| doc.units.contains(&k)));
    let name = doc
        .name
        .as_deref()
        .filter(|n| personal && !n.is_empty())
        .map(|n| truncate(n, MAX_NAME));
    let note = doc
        .note
        .as_deref()
        .filter(|n| personal && !n.is_empty())
        .map(|n| truncate(n, MAX_NOTE));
    let entered: Vec<(u32, Option<u32>, Option<Level>)> = doc
        .entered
        .iter()
        .map(|(&key, values)| {
            // Written as entered, even out of range, so the reader is told it was ignored.
            let credits = values.credits;
            let level = values
                .level
                .as_deref()
                .and_then(|l| l.parse::<Level>().ok());
            (key, credits, level)
        })
        .filter(|&(key, credits, level)| key <= max_key && (credits.is_some() || level.is_some()))
        .collect();
    let transfers: Vec<(&u32, &Transfer)> = doc
        .transfers
        .iter()
        .filter(|(&k, _)| k <= max_key && doc.progress_of(k) == Progress::Transferred)
        .collect();
    let progress = doc.progress.values().any(|p| *p != Progress::Planned);
    let flags = [
        (progress, PROGRESS),
        (!entered.is_empty(), ENTERED),
        (!doc.not_offered.is_empty(), NOT_OFFERED),
        (name.is_some(), NAME),
        (!transfers.is_empty(), TRANSFERS),
        (note.is_some(), NOTE),
        (doc.review.is_some(), REVIEW),
    ]
    .iter()
    .filter(|(on, _)| *on)
    .fold(0, |flags, (_, bit)| flags | bit);
    let elsewhere = &doc.elsewhere[..doc.elsewhere.len().min(super::MAX_ELSEWHERE)];
    let more =
        (u8::from(doc.pathway.is_some()) * PATHWAY) | (u8::from(!elsewhere.is_empty()) * ELSEWHERE);
    if more == 0 {
        out.push(flags);
    } else {
        out.extend([flags | MORE, more]);
    }
    if progress {
        out.extend(progress_table(max_key, &doc.progress));
    }
    if !entered.is_empty() {
        varint(out, entered.len() as u32);
        for (key, credits, level) in entered {
            varint(out, key);
            credits_and_level(out, credits, level);
        }
    }
    if !doc.not_offered.is_empty() {
        out.extend(bitset(max_key, |k| doc.not_offered.contains(&k)));
    }
    if let Some(name) = name {
        text(out, name);
    }
    if !transfers.is_empty() {
        // Units usually come from one or two qualifications: each source is written once.
        let mut sources: Vec<&str> = transfers
            .iter()
            .map(|(_, t)| truncate(&t.from, MAX_FROM))
            .collect();
        crate::short_sort::sort_dedup(&mut sources);
        varint(out, sources.len() as u32);
        for source in &sources {
            text(out, source);
        }
        varint(out, transfers.len() as u32);
        for (&key, transfer) in transfers {
            varint(out, key);
            let from = truncate(&transfer.from, MAX_FROM);
            varint(out, sources.binary_search(&from).unwrap_or(0) as u32);
            varint(out, transfer.date.map_or(0, |d| d.days() + 1));
        }
    }
    if let Some(note) = note {
        text(out, note);
    }
    if let Some(review) = &doc.review {
        text(out, truncate(&review.by, MAX_NAME));
        out.push(match review.verdict {
            Verdict::Approved => 0,
            Verdict::Changes => 1,
        });
        text(out, truncate(&review.note, MAX_NOTE));
        varint(out, review.date.days());
        out.extend(bitset(max_key, |k| review.units.contains(&k)));
        out.extend(progress_table(max_key, &review.progress));
    }
    if let Some(pathway) = &doc.pathway {
        text(out, truncate(pathway, MAX_PATHWAY_ID));
    }
    if !elsewhere.is_empty() {
        varint(out, elsewhere.len() as u32);
        for entry in elsewhere {
            text(out, truncate(&entry.group, MAX_PATHWAY_ID));
            text(out, truncate(&entry.title, MAX_FROM));
            let level = entry.level.as_deref().and_then(|l| l.parse::<Level>().ok());
            credits_and_level(out, entry.credits, level);
        }
    }
    out.extend(fingerprint(qual).to_le_bytes());
}

/// An optional credit value and level: a mask byte (1: credits, 2: level), then each
/// present one (a varint, a level's byte).
fn credits_and_level(out: &mut Vec<u8>, credits: Option<u32>, level: Option<Level>) {
    out.push(u8::from(credits.is_some()) | u8::from(level.is_some()) << 1);
    if let Some(c) = credits {
        varint(out, c);
    }
    if let Some(l) = level {
        out.push(level_code(l));
    }
}

/// A level's byte: Entry 1-3 as 1-3, level n as 10 + n.
fn level_code(level: Level) -> u8 {
    match level {
        Level::Entry(n) => n,
        Level::Numbered(n) => 10 + n,
    }
}

fn level_of_code(code: u8) -> Option<Level> {
    match code {
        n @ 1..=3 => Some(Level::Entry(n)),
        n @ 11..=18 => Some(Level::Numbered(n - 10)),
        _ => None,
    }
}

/// Each key's progress in 3 bits.
fn progress_table(max_key: u32, progress: &BTreeMap<u32, Progress>) -> Vec<u8> {
    let mut bits = vec![0u8; (3 * max_key as usize).div_ceil(8) + 1];
    for (&k, &p) in progress.range(1..=max_key) {
        let at = 3 * (k as usize - 1);
        let code = u16::from(progress_code(p)) << (at % 8);
        bits[at / 8] |= code as u8;
        bits[at / 8 + 1] |= (code >> 8) as u8;
    }
    bits.truncate((3 * max_key as usize).div_ceil(8));
    bits
}

/// A length-prefixed UTF-8 text.
fn text(out: &mut Vec<u8>, text: &str) {
    varint(out, text.len() as u32);
    out.extend(text.as_bytes());
}

/// `text`'s length in characters, if it is at most [`MAX_LINK`] (counted no further).
fn within_limit(text: &str) -> Result<(), LinkError> {
    match text.chars().take(MAX_LINK + 1).count() {
        n if n <= MAX_LINK => Ok(()),
        _ => Err(LinkError::TooLong(text.chars().count())),
    }
}

/// `url` if [`decode`] will read it back: at most [`MAX_LINK`] characters. Every link a
/// command writes goes through here, so no command writes a link another refuses.
pub fn checked(url: String) -> Result<String, LinkError> {
    within_limit(&url).map(|()| url)
}

/// Opens a link: a whole URL, its path and fragment, or (for the older form) just its
/// fragment. Never panics, whatever the input.
pub fn decode(catalogue: &[Qualification], link: &str) -> Result<Opened, LinkError> {
    within_limit(link)?;
    let link = link.trim();
    let (path, fragment) = link.split_once('#').unwrap_or(("", link));
    let (id, payload) = parts(path, fragment.trim()).ok_or(LinkError::NotAPlanLink)?;
    open(catalogue, id, payload)
}

/// Opens a link from its parts, as the router has already split them: the qualification's
/// id and the payload. Never panics, whatever the input.
pub fn open(catalogue: &[Qualification], id: &str, payload: &str) -> Result<Opened, LinkError> {
    within_limit(payload)?;
    let qualification = catalogue
        .iter()
        .position(|q| q.id == id)
        .ok_or_else(|| LinkError::UnknownQualification(id.to_string()))?;
    let qual = &catalogue[qualification];
    let body = match payload.strip_prefix(MARKER) {
        Some(text) => checked_bytes(id, text)?,
        None => format_one_bytes(payload)?,
    };
    let mut r = Reader {
        bytes: &body,
        at: 1,
    };
    let (doc, stamp) = read_payload(&mut r, qual, body[0]).ok_or(LinkError::Damaged)?;
    if r.at != body.len() {
        return Err(LinkError::Damaged);
    }
    Ok(Opened {
        qualification,
        doc,
        catalogue_changed: stamp != fingerprint(qual),
    })
}

/// The bytes of a format-2 (or later) payload, its check verified.
fn checked_bytes(id: &str, text: &str) -> Result<Vec<u8>, LinkError> {
    let version = leading_byte(text).ok_or(LinkError::Damaged)?;
    if version > VERSION {
        return Err(LinkError::FutureVersion(version));
    }
    let split = text
        .len()
        .checked_sub(CHECK_CHARS)
        .ok_or(LinkError::Damaged)?;
    let (body, check) = (text.get(..split), text.get(split..));
    let (Some(body), Some(check)) = (body, check) else {
        return Err(LinkError::Damaged);
    };
    if version < 2 || check_chars(id, body) != check {
        return Err(LinkError::Damaged);
    }
    unbase64url(body).ok_or(LinkError::Damaged)
}

/// The bytes of a format-1 payload, its checksum verified and removed.
fn format_one_bytes(text: &str) -> Result<Vec<u8>, LinkError> {
    let version = leading_byte(text).ok_or(LinkError::Damaged)?;
    if version > 1 {
        return Err(LinkError::FutureVersion(version));
    }
    let mut bytes = unbase64url(text).ok_or(LinkError::Damaged)?;
    if version == 0 || bytes.len() < 4 {
        return Err(LinkError::Damaged);
    }
    let sum = bytes.pop().ok_or(LinkError::Damaged)?;
    if checksum(&bytes) != sum {
        return Err(LinkError::Damaged);
    }
    Ok(bytes)
}

/// The first byte of a base64url text, read from its first two characters.
fn leading_byte(text: &str) -> Option<u8> {
    let mut symbols = text.bytes().map(symbol);
    let (a, b) = (symbols.next()??, symbols.next()??);
    Some((a << 2 | b >> 4) as u8)
}

fn read_payload(r: &mut Reader, qual: &Qualification, version: u8) -> Option<(PlanDoc, u16)> {
    let max_key = r.varint()?;
    if max_key > MAX_KEY {
        return None;
    }
    let mut doc = PlanDoc::new(qual);
    doc.units = r.bitset(max_key)?;
    let flags = r.byte()?;
    let known = match version {
        4.. => 0xff,
        3 => 0x7f,
        _ => 0x0f,
    };
    if flags & !known != 0 {
        return None;
    }
    let more = if flags & MORE != 0 { r.byte()? } else { 0 };
    if more & !(PATHWAY | ELSEWHERE) != 0 || (flags & MORE != 0 && more == 0) {
        return None;
    }
    if flags & PROGRESS != 0 {
        doc.progress = if version >= 3 {
            r.progress_table(max_key)?
        } else {
            r.progress_pairs(max_key)?
        };
    }
    if flags & ENTERED != 0 {
        let count = r.varint()?;
        for _ in 0..count.min(4096) {
            let key = r.varint()?;
            // Kept as written: `PlanDoc::to_plan` ignores a value out of range and says so.
            let (credits, level) = r.credits_and_level()?;
            doc.entered.insert(
                key,
                EnteredValues {
                    credits,
                    level: level.map(|l| l.to_string()),
                },
            );
        }
    }
    if flags & NOT_OFFERED != 0 {
        doc.not_offered = r.bitset(max_key)?;
    }
    if flags & NAME != 0 {
        doc.name = Some(r.text(MAX_NAME)?);
    }
    if flags & TRANSFERS != 0 {
        let sources = r.varint()?;
        let sources: Vec<String> = (0..sources.min(max_key))
            .map(|_| r.text(MAX_FROM))
            .collect::<Option<_>>()?;
        let count = r.varint()?;
        for _ in 0..count.min(max_key) {
            let key = r.varint()?;
            let from = sources.get(r.varint()? as usize)?.clone();
            let date = match r.varint()? {
                0 => None,
                days => Some(Date::from_days(days - 1)?),
            };
            if doc.progress_of(key) != Progress::Transferred {
                return None;
            }
            doc.transfers.insert(key, Transfer { from, date });
        }
    }
    if flags & NOTE != 0 {
        doc.note = Some(r.text(MAX_NOTE)?);
    }
    if flags & REVIEW != 0 {
        let by = r.text(MAX_NAME)?;
        let verdict = match r.byte()? {
            0 => Verdict::Approved,
            1 => Verdict::Changes,
            _ => return None,
        };
        let note = r.text(MAX_NOTE)?;
        let date = Date::from_days(r.varint()?)?;
        let units = r.bitset(max_key)?;
        let progress = r.progress_table(max_key)?;
        doc.review = Some(Review {
            by,
            verdict,
            note,
            date,
            units,
            progress,
        });
    }
    if more & PATHWAY != 0 {
        doc.pathway = Some(r.text(MAX_PATHWAY_ID)?);
    }
    if more & ELSEWHERE != 0 {
        let count = r.varint()? as usize;
        if count == 0 || count > super::MAX_ELSEWHERE {
            return None;
        }
        for _ in 0..count {
            let group = r.text(MAX_PATHWAY_ID)?;
            let title = r.text(MAX_FROM)?;
            let (credits, level) = r.credits_and_level()?;
            let level = level.map(|l| l.to_string());
            doc.elsewhere.push(super::ElsewhereEntry {
                group,
                title,
                credits,
                level,
            });
        }
    }
    let stamp = u16::from_le_bytes([r.byte()?, r.byte()?]);
    Some((doc, stamp))
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    /// What [`credits_and_level`] wrote; `None` for an unknown mask bit or level byte.
    fn credits_and_level(&mut self) -> Option<(Option<u32>, Option<Level>)> {
        let mask = self.byte()?;
        if mask & !0b11 != 0 {
            return None;
        }
        let credits = if mask & 1 != 0 {
            Some(self.varint()?)
        } else {
            None
        };
        let level = if mask & 2 != 0 {
            Some(level_of_code(self.byte()?)?)
        } else {
            None
        };
        Some((credits, level))
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut value = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            value |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
        }
        None
    }

    /// Format 3's progress: 3 bits a key.
    fn progress_table(&mut self, max_key: u32) -> Option<BTreeMap<u32, Progress>> {
        let bits = self.take((3 * max_key as usize).div_ceil(8))?;
        let mut progress = BTreeMap::new();
        for k in 1..=max_key {
            let at = 3 * (k as usize - 1);
            let pair =
                u16::from(bits[at / 8]) | u16::from(*bits.get(at / 8 + 1).unwrap_or(&0)) << 8;
            match progress_of_code(((pair >> (at % 8)) & 0b111) as u8)? {
                Progress::Planned => {}
                p => {
                    progress.insert(k, p);
                }
            }
        }
        Some(progress)
    }

    /// Formats 1 and 2's progress: 2 bits a key, three states.
    fn progress_pairs(&mut self, max_key: u32) -> Option<BTreeMap<u32, Progress>> {
        let bits = self.take((2 * max_key as usize).div_ceil(8))?;
        let mut progress = BTreeMap::new();
        for k in 1..=max_key {
            let at = 2 * (k as usize - 1);
            let p = match (bits[at / 8] >> (at % 8)) & 0b11 {
                0 => continue,
                1 => Progress::InProgress,
                2 => Progress::Achieved,
                _ => return None,
            };
            progress.insert(k, p);
        }
        Some(progress)
    }

    /// A length-prefixed UTF-8 text of at most `max` characters.
    fn text(&mut self, max: usize) -> Option<String> {
        let len = self.varint()? as usize;
        if len > 4 * max {
            return None;
        }
        let text = String::from_utf8(self.take(len)?.to_vec()).ok()?;
        (text.chars().count() <= max).then_some(text)
    }

    fn bitset(&mut self, max_key: u32) -> Option<BTreeSet<u32>> {
        let bits = self.take((max_key as usize).div_ceil(8))?;
        Some(
            (1..=max_key)
                .filter(|&k| bits[(k as usize - 1) / 8] & (1 << ((k - 1) % 8)) != 0)
                .collect(),
        )
    }
}

fn varint(out: &mut Vec<u8>, mut value: u32) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn bitset(max_key: u32, has: impl Fn(u32) -> bool) -> Vec<u8> {
    let mut bits = vec![0u8; (max_key as usize).div_ceil(8)];
    for k in (1..=max_key).filter(|&k| has(k)) {
        bits[(k as usize - 1) / 8] |= 1 << ((k - 1) % 8);
    }
    bits
}

/// Format 1's checksum: 8 bits, which a changed character can escape.
fn checksum(bytes: &[u8]) -> u8 {
    bytes.iter().fold(0x5au8, |c, &b| c.rotate_left(3) ^ b)
}

/// Characters of the format-2 check.
const CHECK_CHARS: usize = 4;

/// CRC-24 (the OpenPGP polynomial and start value) over the qualification id's bytes and
/// then the 6-bit values of a base64url text, most significant bit first, written as four
/// more base64url characters. Binding the id means a link edited to name another
/// qualification does not open there.
fn check_chars(id: &str, text: &str) -> String {
    const POLY: u32 = 0x86_4cfb;
    let mut crc: u32 = 0xb7_04ce;
    let mut feed = |value: u32, bits: u32| {
        for bit in (0..bits).rev() {
            let feedback = ((crc >> 23) ^ (value >> bit)) & 1;
            crc = (crc << 1) & 0xff_ffff;
            if feedback == 1 {
                crc ^= POLY;
            }
        }
    };
    id.bytes().for_each(|b| feed(u32::from(b), 8));
    text.bytes().filter_map(symbol).for_each(|v| feed(v, 6));
    (0..CHECK_CHARS)
        .rev()
        .map(|i| ALPHABET[(crc >> (6 * i) & 63) as usize] as char)
        .collect()
}

/// The first `max` characters of `text`.
fn truncate(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((end, _)) => &text[..end],
        None => text,
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

fn base64url(bytes: &[u8]) -> String {
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// The 6-bit value of a base64url character.
fn symbol(c: u8) -> Option<u32> {
    ALPHABET.iter().position(|&a| a == c).map(|v| v as u32)
}

fn unbase64url(text: &str) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let values: Vec<u32> = text.bytes().map(symbol).collect::<Option<_>>()?;
    let mut out = Vec::new();
    for chunk in values.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &v)| n | v << (18 - 6 * i));
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fingerprint of every link ever made spelt values with `Debug`; the hand-written
    /// spelling must match it exactly.
    #[test]
    fn fingerprint_values_are_spelt_as_debug_spelt_them() {
        for level in Level::ALL {
            assert_eq!(level_text(level), format!("{level:?}"));
            assert_eq!(
                option_text(Some(level_text(level))),
                format!("{:?}", Some(level))
            );
        }
        for credits in [None, Some(0u32), Some(7), Some(120)] {
            assert_eq!(
                option_text(credits.map(|c| c.to_string())),
                format!("{credits:?}")
            );
        }
    }

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..20 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            assert_eq!(unbase64url(&base64url(&bytes)), Some(bytes));
        }
        assert_eq!(unbase64url("A"), None);
        assert_eq!(unbase64url("a+b/"), None);
    }
}

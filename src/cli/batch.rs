//! `check-batch`: one learner a CSV row, one verdict a row out. Rows are read with the `csv`
//! crate; a row that cannot be read gets its own verdict (`error`, with why) and the others
//! are still checked.
//!
//! Files are read as spreadsheets save them ([`decode`]): UTF-8 (with or without a
//! byte-order mark), UTF-16 with its byte-order mark, and otherwise Windows-1252, Excel's
//! default for "CSV"; any line ending (CR alone, as Excel for Mac writes, too). The
//! separator is the one the header uses: a comma, a semicolon (Excel in much of Europe) or
//! a tab (Excel's "Unicode text").

use serde::Serialize;

use crate::catalogue::{builtin, Qualification};
use crate::engine::{evaluate, Plan};
use crate::text::{excerpt, visible};
use crate::wording;

use super::UsageError;

/// The header every input file starts with.
const HEADER: [&str; 3] = ["learner", "qualification", "units"];

/// One verdict.
#[derive(Debug, Serialize)]
pub struct Verdict {
    /// The line of the file the row starts on.
    pub row: u64,
    /// The learner, as written.
    pub learner: String,
    /// The qualification, as written.
    pub qualification: String,
    /// `complete`, `incomplete`, `unconfirmed`, `blocked`, or `error` for a row that could
    /// not be checked.
    pub status: &'static str,
    /// What the plan still needs, or why the row could not be checked.
    pub still_needed: String,
}

/// The separators a header may use, in the order they are tried.
const SEPARATORS: [u8; 3] = [b',', b';', b'\t'];

/// The text of a CSV file's bytes: UTF-8 when they are UTF-8 (a byte-order mark dropped),
/// UTF-16 after its byte-order mark, else Windows-1252; every line ending made `\n`.
/// UTF-16 without a byte-order mark, or any other file with NUL bytes, is refused with a
/// hint.
pub fn decode(bytes: &[u8]) -> Result<String, UsageError> {
    let save_as = "save it from the spreadsheet as \"CSV UTF-8\"";
    let text = match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom)) => {
            let (text, bad) = encoding.decode_without_bom_handling(&bytes[bom..]);
            if bad {
                return Err(UsageError(format!(
                    "the CSV file is not valid {} text; {save_as}",
                    encoding.name()
                )));
            }
            text.into_owned()
        }
        None => match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(_) => encoding_rs::WINDOWS_1252
                .decode_without_bom_handling(bytes)
                .0
                .into_owned(),
        },
    };
    if text.contains('\0') {
        return Err(UsageError(format!(
            "the CSV file holds NUL characters: it looks like UTF-16 text without a byte-order mark, or not text at all; {save_as}"
        )));
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// The separator the header line uses, if it is the header with one of [`SEPARATORS`].
fn separator(text: &str) -> Option<u8> {
    let first = text.trim_start_matches('\n').lines().next()?;
    SEPARATORS.into_iter().find(|&sep| {
        let names: Vec<String> = first
            .split(char::from(sep))
            .map(|f| f.trim().trim_matches('"').trim().to_ascii_lowercase())
            .collect();
        names == HEADER
    })
}

/// A row as read: its line and its fields.
struct Row {
    line: u64,
    fields: Vec<String>,
}

/// Checks every row of `text` against `quals`.
pub fn check_batch(quals: &[Qualification], text: &str) -> Result<Vec<Verdict>, UsageError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(UsageError("the CSV file is empty".into()));
    }
    let sep = separator(text).ok_or_else(|| {
        let first = text.trim_start_matches('\n').lines().next().unwrap_or("");
        UsageError(format!(
            "the CSV header must be `learner,qualification,units` (separated by commas, semicolons or tabs); the first line is `{}`",
            excerpt(first)
        ))
    })?;
    let mut rows = rows(text, sep).into_iter();
    rows.next();
    Ok(rows.map(|row| verdict(quals, row)).collect())
}

/// The rows of `text` with the line each starts on. A quote left open would swallow the
/// rest of the file into one field; such a span is read again line by line, with quotes
/// taken as plain characters.
fn rows(text: &str, sep: u8) -> Vec<Row> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(text.as_bytes());
    let mut out = Vec::new();
    let mut record = csv::StringRecord::new();
    let mut start = 0usize;
    let mut lines = Lines::default();
    loop {
        let read = reader.read_record(&mut record);
        let end = reader.position().byte() as usize;
        match read {
            Ok(false) => break,
            Ok(true)
                if !spans_lines(text, start, end)
                    || (record.len() == HEADER.len()
                        && !runs_open_to_the_end(text, start, end)) =>
            {
                let line = lines.of(text, record.position().map_or(start, |p| p.byte() as usize));
                out.push(Row {
                    line,
                    fields: record.iter().map(str::to_string).collect(),
                });
            }
            // A record of the wrong shape spread over several lines, or one the reader
            // refused: read its lines plainly.
            _ => out.extend(plain_rows(text, start, end, lines.of(text, start), sep)),
        }
        start = end;
    }
    out
}

/// Whether a record reaches the end of the file without its closing quote.
fn runs_open_to_the_end(text: &str, start: usize, end: usize) -> bool {
    end >= text.len() && !text[start.min(text.len())..].trim_end().ends_with('"')
}

fn spans_lines(text: &str, start: usize, end: usize) -> bool {
    text.get(start..end)
        .is_some_and(|span| span.trim_end_matches(['\r', '\n']).contains('\n'))
}

/// Line numbers by byte offset, counted onward from the last offset asked (offsets only
/// grow), so a whole file is counted once.
#[derive(Default)]
struct Lines {
    at: usize,
    breaks: u64,
}

impl Lines {
    /// The line (1-based) of the first character at or after `byte` that is not a line
    /// break: the reader places a row that follows blank lines at the first of them.
    fn of(&mut self, text: &str, byte: usize) -> u64 {
        let byte = byte.min(text.len());
        let skipped = text[byte..]
            .bytes()
            .take_while(|b| matches!(b, b'\r' | b'\n'))
            .count();
        let to = byte + skipped;
        if to > self.at {
            self.breaks += text.as_bytes()[self.at..to]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u64;
            self.at = to;
        }
        self.breaks + 1
    }
}

/// The non-blank lines of `text[start..end]` (whose first non-blank line is `first_line`),
/// each split at `sep` with quotes kept as text.
fn plain_rows(text: &str, start: usize, end: usize, first_line: u64, sep: u8) -> Vec<Row> {
    let span = text
        .get(start..end)
        .unwrap_or("")
        .trim_start_matches(['\r', '\n']);
    span.split('\n')
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| Row {
            line: first_line + i as u64,
            fields: l
                .trim_end_matches('\r')
                .split(char::from(sep))
                .map(str::to_string)
                .collect(),
        })
        .collect()
}

/// The verdict for one row.
fn verdict(quals: &[Qualification], row: Row) -> Verdict {
    let field = |i: usize| row.fields.get(i).map_or("", |f| f.trim()).to_string();
    let error = |why: String| Verdict {
        row: row.line,
        learner: field(0),
        qualification: field(1),
        status: "error",
        still_needed: why,
    };
    if row.fields.len() != HEADER.len() {
        return error(format!(
            "the row has {} fields, not 3 (learner,qualification,units)",
            row.fields.len()
        ));
    }
    let Some(qual) = builtin::find(quals, &field(1)) else {
        return error(format!("unknown qualification `{}`", excerpt(&field(1))));
    };
    let mut plan = Plan::new(qual);
    for name in row.fields[2].split_whitespace() {
        match qual.find_unit(name) {
            Some(u) => plan.add(u),
            None => return error(format!("unknown unit `{}` in {}", excerpt(name), qual.id)),
        }
    }
    let eval = evaluate(qual, &plan);
    let mut needed: Vec<String> = eval
        .rules
        .iter()
        .filter_map(|r| r.still_needed.clone())
        .collect();
    needed.extend(
        eval.conflicts
            .iter()
            .map(|&(a, b)| wording::barred(qual, a, b)),
    );
    Verdict {
        row: row.line,
        learner: field(0),
        qualification: field(1),
        status: eval.status.name(),
        still_needed: needed.join("; "),
    }
}

/// A cell a spreadsheet will show as text: control characters made visible, and a leading
/// character that would start a formula (`= + - @`, tab, carriage return) escaped with `'`.
fn cell(text: &str) -> String {
    let shown = visible(text);
    if shown.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{shown}")
    } else {
        shown
    }
}

/// The verdicts as CSV.
pub fn to_csv(verdicts: &[Verdict]) -> Result<String, UsageError> {
    let failed = |_| UsageError("could not write the CSV output".into());
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(["learner", "qualification", "status", "still_needed", "row"])
        .map_err(failed)?;
    for v in verdicts {
        writer
            .write_record([
                cell(&v.learner),
                cell(&v.qualification),
                v.status.to_string(),
                cell(&v.still_needed),
                v.row.to_string(),
            ])
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|_| UsageError("could not write the CSV output".into()))?;
    String::from_utf8(bytes).map_err(|_| UsageError("could not write the CSV output".into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped_and_controls_shown() {
        assert_eq!(cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("+1"), "'+1");
        assert_eq!(cell("@SUM"), "'@SUM");
        assert_eq!(cell("-2"), "'-2");
        assert_eq!(cell("\tx"), "\\u{9}x");
        assert_eq!(cell("Ana"), "Ana");
    }

    #[test]
    fn row_numbers_are_lines_of_the_file() {
        let text = "learner,qualification,units\n\n\nAna,q,u\n\"B\nb\",q,u\nCy,q,u\n";
        let lines: Vec<u64> = rows(text, b',').iter().map(|r| r.line).collect();
        assert_eq!(lines, [1, 4, 5, 7]);
    }

    #[test]
    fn spreadsheet_encodings_and_line_endings_are_read() {
        assert_eq!(decode(b"a\rb\r\nc\n").unwrap(), "a\nb\nc\n");
        assert_eq!(decode(b"\xef\xbb\xbfJos\xc3\xa9").unwrap(), "José");
        assert_eq!(decode(b"Jos\xe9 \x80").unwrap(), "José €", "Windows-1252");
        assert_eq!(
            decode(b"\xff\xfeJ\0o\0").unwrap(),
            "Jo",
            "UTF-16LE with its mark"
        );
        assert_eq!(
            decode(b"\xfe\xff\0J\0o").unwrap(),
            "Jo",
            "UTF-16BE with its mark"
        );
        let err = decode(b"J\0o\0").unwrap_err().0;
        assert!(
            err.contains("UTF-16 text without a byte-order mark"),
            "{err}"
        );
        assert_eq!(separator("learner;Qualification; units\n"), Some(b';'));
        assert_eq!(separator("\"learner\"\tqualification\tunits"), Some(b'\t'));
        assert_eq!(separator("learner,qualification"), None);
    }

    #[test]
    fn an_open_quote_in_the_last_field_swallows_nothing() {
        let text = "learner,qualification,units\nAna,q,\"u\nDee,q,u\n";
        let rows = rows(text, b',');
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].fields, ["Dee", "q", "u"]);
    }

    #[test]
    fn an_open_quote_swallows_nothing() {
        let text = "learner,qualification,units\n\"Cy,q,u\nDee,q,u\n";
        let rows = rows(text, b',');
        let fields: Vec<Vec<String>> = rows.iter().map(|r| r.fields.clone()).collect();
        assert_eq!(fields[1], ["\"Cy", "q", "u"]);
        assert_eq!(fields[2], ["Dee", "q", "u"]);
        assert_eq!(rows[2].line, 3);
    }
}

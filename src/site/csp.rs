//! Each page's Content Security Policy: the page's own inline scripts (Trunk's loader) and
//! stylesheet (the inlined `style.css`) allowed by their SHA-256, and nothing else that is
//! not the site's own, the service worker included.

use std::sync::LazyLock;

use base64::Engine;
use regex::Regex;
use sha2::{Digest, Sha256};

use super::SiteError;

static SCRIPTS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<script([^>]*)>(.*?)</script>").expect("a valid pattern"));
static STYLES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?s)<style([^>]*)>(.*?)</style>").expect("a valid pattern"));

const CHARSET: &str = "<meta charset=\"utf-8\">";

/// `page` with its policy as a `<meta>` right after its charset.
pub fn with_policy(page: &str) -> Result<String, SiteError> {
    if !page.contains(CHARSET) {
        return Err(SiteError::NoCharset);
    }
    let meta = format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
        policy(page)
    );
    Ok(page.replacen(CHARSET, &format!("{CHARSET}\n  {meta}"), 1))
}

/// The policy for `page`.
pub fn policy(page: &str) -> String {
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self' {}; \
         connect-src 'self'; img-src 'self'; manifest-src 'self'; worker-src 'self'; \
         base-uri 'none'; form-action 'none'",
        digests(&SCRIPTS, page),
        digests(&STYLES, page)
    )
}

/// The source expressions allowing the inline blocks `blocks` finds in `page`, in page
/// order, by their SHA-256 (blank blocks, such as a script with `src`, need none, and
/// neither does data, `type="application/json"`, which is never run).
fn digests(blocks: &Regex, page: &str) -> String {
    blocks
        .captures_iter(page)
        .filter(|block| !block[1].contains("type=\"application/json\""))
        .map(|block| block.get(2).map_or("", |b| b.as_str()))
        .filter(|block| !block.trim().is_empty())
        .map(|block| {
            let digest = Sha256::digest(block.as_bytes());
            format!(
                "'sha256-{}'",
                base64::engine::general_purpose::STANDARD.encode(digest)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<head>\n  <meta charset=\"utf-8\">\n<style>p{}</style><script type=\"module\">\nrun();\n</script></head><body><script src=\"/embed.js\" defer></script><script type=\"application/json\" id=\"builtins\">{}</script></body>";

    #[test]
    fn inline_blocks_are_allowed_by_hash_after_the_charset() {
        let page = with_policy(PAGE).unwrap();
        // The digests, from `printf '%s' … | openssl dgst -sha256 -binary | base64`.
        let script = "'sha256-8Nic6TNoKbU2fN/Yduzc28MgjFgcikm6fSU0x0dR3EU='";
        let style = "'sha256-gG2yISYereRMiG2lMXrbiUgi0Ubw9p7QCeWcroOvy9Y='";
        assert_eq!(
            page,
            PAGE.replace(
                "<meta charset=\"utf-8\">",
                &format!("<meta charset=\"utf-8\">\n  <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'self' 'wasm-unsafe-eval' {script}; style-src 'self' {style}; connect-src 'self'; img-src 'self'; manifest-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'none'\">")
            )
        );
    }

    #[test]
    fn a_page_without_a_charset_gets_no_policy() {
        assert!(matches!(
            with_policy("<head></head>"),
            Err(SiteError::NoCharset)
        ));
    }
}

//! The pages written at build time: each route's HTML rendered by Yew's server renderer
//! into Trunk's `index.html`, with the page's own title and description, so the content
//! shows before any script runs and the browser hydrates it.

use super::{closed_ids, head, App, AppProps, Route};
use crate::catalogue::{builtin, Date};

/// A page to write: where under `dist/` and its HTML.
pub struct Page {
    /// Path relative to `dist/`.
    pub file: String,
    /// The whole document.
    pub html: String,
}

/// The routes that have a page of their own: home and every qualification.
pub fn routes() -> Vec<Route> {
    std::iter::once(Route::Home)
        .chain(
            builtin::catalogue()
                .iter()
                .map(|q| Route::Qualification { id: q.id.clone() }),
        )
        .collect()
}

/// Renders every page into `template` (Trunk's `index.html`), as the app would draw it on
/// `today` before it has read any saved plan; then `404.html`, which static hosts send
/// for an address they do not have; and the API's example page.
pub fn pages(template: &str, today: Date) -> Result<Vec<Page>, String> {
    let closed = escape(&closed_ids(today));
    routes()
        .into_iter()
        .map(|route| {
            let path = route.page_path().expect("pre-rendered routes have pages");
            if !path
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "/-".contains(c))
            {
                return Err(format!("cannot write a page for the path {path:?}"));
            }
            let file = format!("{}index.html", path.trim_start_matches('/'));
            app_page(template, file, route, &closed)
        })
        .chain(std::iter::once(app_page(
            template,
            "404.html".into(),
            Route::NotFound,
            &closed,
        )))
        .chain(std::iter::once(page(
            template,
            "embed.html".into(),
            "Checking a plan with the JavaScript API · Unit planner",
            "An example page that checks plans with the unit planner's JavaScript API, window.unitPlanner.",
            include_str!("../../web/embed.html").trim_end(),
        )))
        .collect()
}

/// The page of `route`: the app rendered into `<div id="app">`, marked with the route's
/// path (none for a page that is not one: the app hydrates it only where it too finds no
/// page) and the closed qualifications it was rendered with.
fn app_page(template: &str, file: String, route: Route, closed: &str) -> Result<Page, String> {
    let data_route = route
        .page_path()
        .map(|path| format!(" data-route=\"{path}\""))
        .unwrap_or_default();
    let (title, description) = (
        head::title(builtin::catalogue(), &route),
        head::description(&route),
    );
    let app = format!(
        "<div id=\"app\"{data_route} data-closed=\"{closed}\">{}</div>",
        render(route)
    );
    page(template, file, &title, &description, &app)
}

/// A page: `template` with its title, description and body.
fn page(
    template: &str,
    file: String,
    title: &str,
    description: &str,
    body: &str,
) -> Result<Page, String> {
    Ok(Page {
        file,
        html: fill(template, title, description, body)?,
    })
}

fn render(route: Route) -> String {
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps { route });
    futures::executor::block_on(renderer.render())
}

/// The template with a page's title, description and body.
fn fill(template: &str, title: &str, description: &str, body: &str) -> Result<String, String> {
    let replace = |html: String, from: &str, to: &str| {
        if html.contains(from) {
            Ok(html.replacen(from, to, 1))
        } else {
            Err(format!("index.html has no {from}"))
        }
    };
    let (title, description) = (escape(title), escape(description));
    // The description for search engines; Open Graph's title and description for link
    // previews in chat and e-mail.
    let head = format!(
        "<title>{title}</title>\n  <meta name=\"description\" content=\"{description}\">\n  \
         <meta property=\"og:type\" content=\"website\">\n  \
         <meta property=\"og:title\" content=\"{title}\">\n  \
         <meta property=\"og:description\" content=\"{description}\">"
    );
    let html = replace(template.to_string(), "<title>Unit planner</title>", &head)?;
    replace(html, "<div id=\"app\"></div>", body)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str =
        "<head><title>Unit planner</title></head><body><div id=\"app\"></div></body>";

    #[test]
    fn every_qualification_has_a_page_listed_on_home() {
        let today = Date::parse_iso("2026-11-24").unwrap();
        let pages = pages(TEMPLATE, today).unwrap();
        assert_eq!(pages.len(), builtin::catalogue().len() + 3);
        assert_eq!(pages[pages.len() - 2].file, "404.html");
        assert!(pages[pages.len() - 2]
            .html
            .contains("<h1>Page not found</h1>"));
        assert_eq!(pages.last().unwrap().file, "embed.html");
        let home = &pages[0];
        assert_eq!(home.file, "index.html");
        for (qual, page) in builtin::catalogue().iter().zip(&pages[1..pages.len() - 2]) {
            assert_eq!(page.file, format!("q/{}/index.html", qual.id));
            assert!(home.html.contains(&format!("href=\"/q/{}/\"", qual.id)));
            assert!(page
                .html
                .contains(&format!("<h1>{}</h1>", escape(qual.title_text()))));
            assert!(page.html.contains("<meta name=\"description\""));
            assert!(page.html.contains(&format!(
                "<meta property=\"og:title\" content=\"{}",
                escape(qual.title_text())
            )));
            assert!(page.html.contains(crate::wording::CHECKING));
        }
    }

    #[test]
    fn a_template_without_its_placeholders_is_refused() {
        let today = Date::parse_iso("2026-11-24").unwrap();
        assert!(pages("<html></html>", today).is_err());
    }
}

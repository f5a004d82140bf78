//! The pages written at build time: each route's HTML rendered by Yew's server renderer
//! into Trunk's `index.html`, with the page's own title and description, so the content
//! shows before any script runs and the browser hydrates it. Each page carries the
//! built-ins it shows as the checked model (a qualification's page its own, the others
//! every one), and `catalogue.json` and `q/{id}/qualification.json` hold them for the app
//! to fetch, so the app's wasm carries no catalogue and no spec-file reader.

use super::state::hold_builtins;
use super::{closed_ids, head, App, AppProps, Pages, Route};
use crate::catalogue::checked::ELEMENT;
use crate::catalogue::{builtin, checked, Date, Qualification};

/// A file to write: where under `dist/` and its text (a page's HTML, a data file's JSON).
pub struct Page {
    /// Path relative to `dist/`.
    pub file: String,
    /// The whole document.
    pub html: String,
}

/// The routes that have a page of their own: home, the importer and every qualification.
pub fn routes() -> Vec<Route> {
    [Route::Home, Route::Import]
        .into_iter()
        .chain(
            builtin::catalogue()
                .iter()
                .map(|q| Route::Qualification { id: q.id.clone() }),
        )
        .collect()
}

/// Renders every page into `template` (Trunk's `index.html`, loading the app), a
/// qualification's into `planning` (loading the planning app), as the app would draw it on
/// `today` before it has read any saved plan; then `404.html`, which static hosts send for
/// an address they do not have; and the API's example page.
pub fn pages(template: &str, planning: &str, today: Date) -> Result<Vec<Page>, String> {
    if let Some(e) = builtin::load_errors().first() {
        return Err(format!("a built-in qualification does not load: {e}"));
    }
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
            let template = match route {
                Route::Qualification { .. } => planning,
                _ => template,
            };
            app_page(template, file, route, today)
        })
        .chain(std::iter::once(app_page(
            template,
            "404.html".into(),
            Route::NotFound,
            today,
        )))
        .chain(std::iter::once(page(
            template,
            "embed.html".into(),
            "Checking a plan with the JavaScript API · Unit planner",
            "An example page that checks plans with the unit planner's JavaScript API, window.unitPlanner.",
            include_str!("../../web/embed.html").trim_end(),
        )))
        .chain(data_files().into_iter().map(Ok))
        .collect()
}

/// The checked model of every built-in (`catalogue.json`) and of each one
/// (`q/{id}/qualification.json`).
fn data_files() -> Vec<Page> {
    let every = builtin::catalogue();
    let one = |q: &Qualification| Page {
        file: format!("q/{}/qualification.json", q.id),
        html: checked::write(std::slice::from_ref(q)),
    };
    std::iter::once(Page {
        file: "catalogue.json".into(),
        html: checked::write(every),
    })
    .chain(every.iter().map(one))
    .collect()
}

/// The built-ins a route's page carries: a qualification's page its own, any other every
/// one (the list, the saved plans' statuses and the centre's link need them).
fn carried(route: &Route) -> Vec<Qualification> {
    match route {
        Route::Qualification { id } => builtin::by_id(id).into_iter().cloned().collect(),
        _ => builtin::catalogue().to_vec(),
    }
}

/// The page of `route`: the app rendered into `<div id="app">`, marked with the route's
/// path (none for a page that is not one: the app hydrates it only where it too finds no
/// page) and the closed qualifications it was rendered with, then the built-ins it
/// carries.
fn app_page(template: &str, file: String, route: Route, today: Date) -> Result<Page, String> {
    let data_route = route
        .page_path()
        .map(|path| format!(" data-route=\"{path}\""))
        .unwrap_or_default();
    let (title, description) = (
        head::title(builtin::catalogue(), &route),
        head::description(&route),
    );
    let quals = carried(&route);
    let every = quals.len() == builtin::catalogue().len();
    let closed = escape(&closed_ids(&quals, today));
    let data = script_json(&checked::write(&quals));
    hold_builtins(quals, every);
    let app = format!(
        "<div id=\"app\"{data_route} data-closed=\"{closed}\">{}</div>\n\
         <script type=\"application/json\" id=\"{ELEMENT}\"{}>{data}</script>",
        render(route),
        if every { " data-every" } else { "" },
    );
    page(template, file, &title, &description, &app)
}

/// JSON made safe inside `<script>`: no `<` (so no `</script>` or `<!--`); `\u003c` reads
/// back as the same text.
fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
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
    let renderer = yew::ServerRenderer::<App>::with_props(move || AppProps {
        route,
        pages: Pages::EVERY,
    });
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
        let all = pages(TEMPLATE, TEMPLATE, today).unwrap();
        let (pages, data): (Vec<_>, Vec<_>) = all.iter().partition(|p| p.file.ends_with(".html"));
        assert_eq!(pages.len(), builtin::catalogue().len() + 4);
        assert_eq!(data.len(), builtin::catalogue().len() + 1);
        assert_eq!(pages[pages.len() - 2].file, "404.html");
        assert!(pages[pages.len() - 2]
            .html
            .contains("<h1>Page not found</h1>"));
        assert_eq!(pages.last().unwrap().file, "embed.html");
        let home = &pages[0];
        assert_eq!(home.file, "index.html");
        assert_eq!(pages[1].file, "import/index.html");
        assert!(pages[1]
            .html
            .contains("<label for=\"spec-text\">Specification text</label>"));
        for (qual, page) in builtin::catalogue().iter().zip(&pages[2..pages.len() - 2]) {
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

    /// The JSON inside `<script id="builtins">` of a page.
    fn carried_by(page: &Page) -> (Vec<String>, bool) {
        let open = format!("<script type=\"application/json\" id=\"{ELEMENT}\"");
        let at = page
            .html
            .find(&open)
            .expect("the page carries its built-ins")
            + open.len();
        let rest = &page.html[at..];
        let every = rest.starts_with(" data-every>");
        let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
        let quals = checked::read(body).unwrap();
        (quals.into_iter().map(|q| q.id).collect(), every)
    }

    #[test]
    fn a_qualification_s_page_carries_its_own_and_the_home_page_every_one() {
        let today = Date::parse_iso("2026-11-24").unwrap();
        let all = pages(TEMPLATE, TEMPLATE, today).unwrap();
        let every: Vec<String> = builtin::catalogue().iter().map(|q| q.id.clone()).collect();
        assert_eq!(carried_by(&all[0]), (every.clone(), true));
        for (id, page) in every.iter().zip(&all[2..]) {
            assert_eq!(carried_by(page), (vec![id.clone()], false));
            let file = all
                .iter()
                .find(|p| p.file == format!("q/{id}/qualification.json"));
            assert_eq!(checked::read(&file.unwrap().html).unwrap()[0].id, *id);
        }
        let catalogue = all.iter().find(|p| p.file == "catalogue.json").unwrap();
        assert_eq!(checked::read(&catalogue.html).unwrap().len(), every.len());
    }

    #[test]
    fn the_carried_json_cannot_end_its_script() {
        let json = serde_json::to_string("a </script><!-- b").unwrap();
        let safe = script_json(&json);
        assert!(!safe.contains('<'), "{safe}");
        assert_eq!(
            serde_json::from_str::<String>(&safe).unwrap(),
            "a </script><!-- b"
        );
    }

    #[test]
    fn a_qualification_s_page_loads_the_planning_app_and_the_others_the_app() {
        let today = Date::parse_iso("2026-11-24").unwrap();
        let planning = TEMPLATE.replace("<head>", "<head><script src=\"/plan.js\"></script>");
        for page in pages(TEMPLATE, &planning, today).unwrap() {
            let qualification = page.file.starts_with("q/") && page.file.ends_with(".html");
            assert_eq!(
                page.html.contains("/plan.js"),
                qualification,
                "{}",
                page.file
            );
        }
    }

    #[test]
    fn a_template_without_its_placeholders_is_refused() {
        let today = Date::parse_iso("2026-11-24").unwrap();
        assert!(pages("<html></html>", "<html></html>", today).is_err());
    }
}

//! A shared plan on a centre's own qualification (`/#c/1/…`): opened on the file the link
//! names; on another version of that file, opened with a warning; where the file is
//! absent, the page says which qualification and file it needs and offers to add it, and
//! the plan opens once it is added. It never guesses another qualification.

use yew::prelude::*;

use crate::catalogue::Found;
use crate::document::centre_link::CentreLink;
use crate::document::link::LinkError;
use crate::web::components::{AddCentre, Notice};
use crate::web::hooks::{use_catalogue, use_planner};
use crate::web::pages::QualificationPage;
use crate::web::route::Route;
use crate::{wording, wording_centre};

/// Properties of [`CentreLinkPage`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// The link, or why it cannot be read.
    pub link: Result<CentreLink, LinkError>,
}

/// The page for a centre's share link.
#[component(CentreLinkPage)]
pub fn centre_link_page(props: &Props) -> Html {
    let catalogue = use_catalogue();
    let planner = use_planner();
    let home = html! { <p><a href={Route::Home.href()}>{ "← All qualifications" }</a></p> };
    let link = match &props.link {
        Ok(link) => link,
        Err(e) => {
            return html! {
                <main class="page">{ home }<h1>{ "Shared plan" }</h1>
                    <p role="alert" class="banner blocked">{ wording::link_refused(e) }</p>
                    <p>{ "Nothing you have saved has been changed." }</p>
                </main>
            }
        }
    };
    if !planner.loaded {
        return html! { <main class="page">{ home }<p class="banner checking" role="status">{ wording::CHECKING }</p></main> };
    }
    let payload = Some(link.payload.clone());
    match catalogue.find_centre(&link.id, &link.fingerprint) {
        Found::Same(qual) => html! { <QualificationPage id={qual.id.clone()} {payload} /> },
        Found::Changed(qual, file) => {
            let warning = AttrValue::from(wording_centre::file_changed(link, file));
            html! { <QualificationPage id={qual.id.clone()} {payload} warning={Some(warning)} /> }
        }
        Found::Absent => html! {
            <main class="page">{ home }
                <h1>{ "This plan needs your centre's qualification file" }</h1>
                <p role="alert" class="banner unconfirmed">{ wording_centre::needs_file(link) }</p>
                <p>{ "Nothing you have saved has been changed." }</p>
                <Notice />
                <AddCentre />
            </main>
        },
    }
}

//! What a page says about itself in its `<head>`: the title (also set as the app moves
//! between pages) and the description search engines and link previews show.

use super::Route;
#[cfg(feature = "builtin")]
use crate::catalogue::builtin;
use crate::catalogue::Qualification;
#[cfg(feature = "builtin")]
use crate::wording;

/// The page's title, its qualification looked up in `catalogue`.
pub fn title(catalogue: &[Qualification], route: &Route) -> String {
    match route {
        Route::Home => "Unit planner: choose optional units and check the rules".into(),
        Route::Qualification { id } | Route::Shared { id, .. } => {
            match catalogue.iter().find(|q| q.id == *id) {
                Some(qual) => format!("{} · Unit planner", qual.title_text()),
                None => "Qualification not found · Unit planner".into(),
            }
        }
        Route::Import => format!("{} · Unit planner", crate::import::review::TITLE),
        Route::Centre(Ok(link)) => match catalogue.iter().find(|q| q.id == link.id) {
            Some(qual) => format!("{} · Unit planner", qual.title_text()),
            None => "Shared plan on a centre's qualification · Unit planner".into(),
        },
        Route::Centre(Err(_)) => "Shared plan · Unit planner".into(),
        Route::NotFound => "Page not found · Unit planner".into(),
    }
}

/// The page's description (at build time, from the embedded catalogue).
#[cfg(feature = "builtin")]
pub fn description(route: &Route) -> String {
    match route {
        Route::Qualification { id } | Route::Shared { id, .. } => match builtin::by_id(id) {
            Some(qual) => format!(
                "{}: {}. Choose from its {} units and see at once whether your choice meets its rules of combination.",
                qual.title_text(),
                wording::facts(qual),
                qual.units.len(),
            ),
            None => description(&Route::Home),
        },
        Route::Import => crate::import::review::INTRO.into(),
        _ => format!(
            "Plan the optional units of {} UK vocational qualifications (NVQ, Certificate, Diploma) and check them live against each one's rules of combination: credits, levels, groups and barred units. Works offline; plans stay on your device.",
            builtin::catalogue().len()
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_says_what_it_is() {
        let qual = &builtin::catalogue()[0];
        let page = Route::Qualification {
            id: qual.id.clone(),
        };
        assert!(title(builtin::catalogue(), &page).starts_with(qual.title_text()));
        assert!(description(&page).contains(&wording::facts(qual)));
        assert!(description(&Route::Home).contains(&builtin::catalogue().len().to_string()));
        assert_ne!(
            title(builtin::catalogue(), &Route::Home),
            title(builtin::catalogue(), &Route::NotFound)
        );
    }
}

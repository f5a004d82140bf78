//! Narrowing the unit list by level and by a search on code, title or reference.

use yew::prelude::*;

use crate::catalogue::{Level, Qualification, UnitIdx};
use crate::wording;

/// What the learner is looking for; empty fields show everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UnitFilter {
    /// A level as `Level`'s text (`"Entry 3"`, `"2"`), or empty for all.
    pub level: String,
    /// A search on code, title or reference.
    pub text: String,
}

impl UnitFilter {
    /// Whether the unit passes both filters.
    pub fn shows(&self, qual: &Qualification, u: UnitIdx) -> bool {
        let unit = &qual.units[u];
        let level_ok = self.level.is_empty()
            || unit
                .level
                .value()
                .is_some_and(|l| l.to_string() == self.level);
        level_ok && unit.matches(&self.text)
    }
}

/// A level choice (only the levels the qualification's units have) and a search box,
/// showing `filter` and calling `on_change` with the changed filter. A plain function, not
/// a component (a component costs the wasm about 2.5 KB).
pub fn unit_filters(
    qual: &Qualification,
    filter: &UnitFilter,
    on_change: &Callback<UnitFilter>,
) -> Html {
    let mut levels: Vec<Level> = qual
        .units
        .iter()
        .filter_map(|u| u.level.value().copied())
        .collect();
    crate::short_sort::sort_dedup(&mut levels);
    let on_level = {
        let (filter, change) = (filter.clone(), on_change.clone());
        Callback::from(move |e: Event| {
            let level = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            change.emit(UnitFilter {
                level,
                ..filter.clone()
            })
        })
    };
    let on_text = {
        let (filter, change) = (filter.clone(), on_change.clone());
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            change.emit(UnitFilter {
                text,
                ..filter.clone()
            })
        })
    };
    let chosen = &filter.level;
    html! {
        <div class="filters" role="search">
            <label>{ "Level " }
                <select onchange={on_level}>
                    <option value="" selected={chosen.is_empty()}>{ "All levels" }</option>
                    { for levels.into_iter().map(|l| {
                        let value = l.to_string();
                        let selected = *chosen == value;
                        html! { <option {selected} {value}>{ wording::level(l) }</option> }
                    }) }
                </select>
            </label>
            <label>{ "Find a unit " }<input type="search" value={filter.text.clone()} oninput={on_text} /></label>
        </div>
    }
}

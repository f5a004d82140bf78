//! One unit in the list: the row ([`UnitRow`]), its facts as the specification states
//! them, and the tools for recording progress and entering unstated values.

mod entered_values;
mod facts;
mod progress_picker;
mod row;

pub use row::UnitRow;

//! Small things only the browser knows: today's date, moving focus.

use crate::domain::calendar_date::CalendarDate;
use wasm_bindgen::JsCast;

/// Today in the user's time zone.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate { year: now.get_full_year() as u16, month: (now.get_month() + 1) as u8, day: now.get_date() as u8 }
}

/// Moves focus to the element with `id` in the document, if it is there.
pub fn focus_by_id(id: &str) {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

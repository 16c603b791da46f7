//! Small things only the browser knows: today's date, moving focus, the clipboard.

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

/// Writes `text` to the clipboard; `false` where the browser refused (no secure context).
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

//! Small things only the browser knows: today's date, the clipboard.

use crate::domain::common::calendar_date::CalendarDate;

/// Today in the user's time zone.
pub fn today() -> CalendarDate {
    let now = js_sys::Date::new_0();
    CalendarDate { year: now.get_full_year() as u16, month: (now.get_month() + 1) as u8, day: now.get_date() as u8 }
}

/// Writes `text` to the clipboard; `false` where the browser refused (no secure context).
pub async fn copy_to_clipboard(text: String) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let clipboard = window.navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await.is_ok()
}

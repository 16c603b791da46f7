//! Small things only the browser knows: today's date, the clipboard, saving a file.

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

/// Offers `text` to the user as a file named `name` of type `mime_type`, as a download.
pub fn save_file(name: &str, mime_type: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let Some(document) = web_sys::window().and_then(|window| window.document()) else { return false };
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return false };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return false };
    let saved = document
        .create_element("a")
        .ok()
        .and_then(|element| element.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|anchor| {
            anchor.set_href(&url);
            anchor.set_download(name);
            anchor.click();
        })
        .is_some();
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}

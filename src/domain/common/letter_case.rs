//! Upper and lower case for any script (the UI's Russian as well as its English).
//!
//! In the browser the case mapping is the browser's own (`String.prototype.toLowerCase`), which
//! costs nothing in the wasm; Rust's `str::to_lowercase` and `char::to_uppercase` bring Unicode's
//! case tables, about 12 KB gzipped. Natively (the unit tests) the standard library's mapping
//! runs; both follow Unicode's default case mapping.

/// `text` in lower case. ASCII text (most offer names and ids) is lowered in Rust: a call into
/// the browser per text made rendering 50,000 offers twice as slow.
#[cfg(target_arch = "wasm32")]
pub fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    js_sys::JsString::from(text).to_lower_case().into()
}

/// `text` in lower case.
#[cfg(not(target_arch = "wasm32"))]
#[allow(clippy::disallowed_methods)] // natively the standard mapping is the one there is
pub fn lower_case(text: &str) -> String {
    text.to_lowercase()
}

/// `text` in upper case.
#[cfg(target_arch = "wasm32")]
fn upper_case(text: &str) -> String {
    js_sys::JsString::from(text).to_upper_case().into()
}

/// `text` in upper case.
#[cfg(not(target_arch = "wasm32"))]
fn upper_case(text: &str) -> String {
    text.to_uppercase()
}

/// `text` with its first letter in upper case.
pub fn first_upper_case(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => upper_case(first.encode_utf8(&mut [0; 4])) + chars.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{first_upper_case, lower_case};

    #[test]
    fn lowers_any_script() {
        assert_eq!(lower_case("ZIP Code"), "zip code");
        assert_eq!(lower_case("Почтовый ИНДЕКС"), "почтовый индекс");
    }

    #[test]
    fn raises_the_first_letter_only() {
        assert_eq!(first_upper_case("the endpoint"), "The endpoint");
        assert_eq!(first_upper_case("ошибка сети"), "Ошибка сети");
        assert_eq!(first_upper_case(""), "");
    }
}

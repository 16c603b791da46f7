//! Matching a text against a pattern that came as data (a country's postal-code or phone regex).
//!
//! In the browser the pattern runs on the browser's own `RegExp`, which costs nothing in the
//! wasm; natively (the unit tests) it runs on the `regex` crate, which the wasm never links.
//! The patterns are the endpoint's, written for JavaScript and .NET; the subset they use
//! (classes, groups, alternation, counted repetition, anchors) means the same in both engines.

/// Whether `text` matches `pattern`. `None` when the pattern itself is not valid, so that a
/// broken pattern from an endpoint never blocks the user.
#[cfg(target_arch = "wasm32")]
pub fn pattern_matches(pattern: &str, text: &str) -> Option<bool> {
    use wasm_bindgen::JsCast;
    let constructor = js_sys::Reflect::get(&js_sys::global(), &"RegExp".into()).ok()?;
    let constructor: js_sys::Function = constructor.dyn_into().ok()?;
    let args = js_sys::Array::of1(&pattern.into());
    let regexp = js_sys::Reflect::construct(&constructor, &args).ok()?;
    let regexp: js_sys::RegExp = regexp.dyn_into().ok()?;
    Some(regexp.test(text))
}

/// Whether `text` matches `pattern`. `None` when the pattern itself is not valid, so that a
/// broken pattern from an endpoint never blocks the user.
#[cfg(not(target_arch = "wasm32"))]
pub fn pattern_matches(pattern: &str, text: &str) -> Option<bool> {
    regex::Regex::new(pattern).ok().map(|re| re.is_match(text))
}

#[cfg(test)]
mod tests {
    use super::pattern_matches;

    #[test]
    fn matches_and_rejects() {
        assert_eq!(pattern_matches(r"^\d{5}(-\d{4})?$", "98052"), Some(true));
        assert_eq!(pattern_matches(r"^\d{5}(-\d{4})?$", "98052-1234"), Some(true));
        assert_eq!(pattern_matches(r"^\d{5}(-\d{4})?$", "9805"), Some(false));
    }

    #[test]
    fn an_invalid_pattern_is_none() {
        assert_eq!(pattern_matches(r"^(\d{5}$", "98052"), None);
    }
}

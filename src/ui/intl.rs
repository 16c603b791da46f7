//! Names and ordering from the browser's `Intl`: no name tables ship with the app.

use js_sys::{Array, Intl, JsString, Object};

/// The UI's language (English until the Russian table lands).
pub const UI_LOCALE: &str = "en";

/// The UI's locale as the offers call's `X-Locale` names it.
pub const UI_LOCALE_TAG: &str = "en-US";

fn display_names(kind: Intl::DisplayNamesType) -> Intl::DisplayNames {
    let options = Intl::DisplayNamesOptions::new();
    options.set_type(kind);
    Intl::DisplayNames::new(&Array::of1(&UI_LOCALE.into()), &options)
}

/// Names codes of one kind (regions or languages) in the UI language.
pub struct Namer(Intl::DisplayNames);

impl Namer {
    /// Names countries and regions by ISO 3166 code.
    pub fn regions() -> Self {
        Self(display_names(Intl::DisplayNamesType::Region))
    }

    /// Names languages and cultures by BCP 47 tag.
    pub fn languages() -> Self {
        Self(display_names(Intl::DisplayNamesType::Language))
    }

    /// The name of `code`, falling back to the code itself.
    pub fn name(&self, code: &str) -> String {
        self.0.of(code).map(String::from).unwrap_or_else(|| code.to_string())
    }
}

/// Sorts `(value, name)` pairs by name, with the UI language's collation.
pub fn sort_by_name(items: &mut [(String, String)]) {
    let locales = Array::of1(&UI_LOCALE.into());
    let options = Object::new();
    items.sort_by(|a, b| JsString::from(a.1.as_str()).locale_compare(&b.1, &locales, &options).cmp(&0));
}

/// A whole number with the UI language's digit grouping: 10,000,000.
pub fn format_number(value: u64) -> String {
    String::from(js_sys::Number::from(value as f64).to_locale_string(UI_LOCALE))
}

/// A calendar date in words, in the UI language: 20 November 2026.
pub fn format_date(date: crate::domain::calendar_date::CalendarDate) -> String {
    let options = Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let utc = js_sys::Date::new(&format!("{date}T00:00:00Z").into());
    String::from(utc.to_locale_date_string(UI_LOCALE, &options))
}

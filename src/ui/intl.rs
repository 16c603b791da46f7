//! Names and ordering from the browser's `Intl`: no name tables ship with the app.

use super::i18n::Locale;
use js_sys::{Array, Intl, JsString, Object};

fn display_names(kind: Intl::DisplayNamesType, locale: Locale) -> Intl::DisplayNames {
    let options = Intl::DisplayNamesOptions::new();
    options.set_type(kind);
    Intl::DisplayNames::new(&Array::of1(&locale.tag().into()), &options)
}

/// Names codes of one kind (regions or languages) in the UI language.
pub struct Namer(Intl::DisplayNames);

impl Namer {
    /// Names countries and regions by ISO 3166 code, in `locale`.
    pub fn regions(locale: Locale) -> Self {
        Self(display_names(Intl::DisplayNamesType::Region, locale))
    }

    /// Names languages and cultures by BCP 47 tag, in `locale`.
    pub fn languages(locale: Locale) -> Self {
        Self(display_names(Intl::DisplayNamesType::Language, locale))
    }

    /// The name of `code`, falling back to the code itself.
    pub fn name(&self, code: &str) -> String {
        self.0.of(code).map(String::from).unwrap_or_else(|| code.to_string())
    }
}

/// Sorts `(value, name)` pairs by name, with `locale`'s collation.
pub fn sort_by_name(items: &mut [(String, String)], locale: Locale) {
    let locales = Array::of1(&locale.tag().into());
    let options = Object::new();
    items.sort_by(|a, b| JsString::from(a.1.as_str()).locale_compare(&b.1, &locales, &options).cmp(&0));
}

/// A whole number with `locale`'s digit grouping: 10,000,000 or 10 000 000.
pub fn format_number(value: u64, locale: Locale) -> String {
    String::from(js_sys::Number::from(value as f64).to_locale_string(locale.tag()))
}

/// A calendar date in words, in `locale`: 20 November 2026, 20 ноября 2026 г.
pub fn format_date(date: crate::domain::calendar_date::CalendarDate, locale: Locale) -> String {
    let options = Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let utc = js_sys::Date::new(&format!("{date}T00:00:00Z").into());
    String::from(utc.to_locale_date_string(locale.tag(), &options))
}

//! Names and ordering from the browser's `Intl`: no name tables ship with the app.

use super::i18n::Locale;
use crate::domain::stable_sort::sort_with;
use js_sys::{Array, Intl, Object};
use std::cell::RefCell;
use std::thread::LocalKey;
use wasm_bindgen::JsValue;

/// Each `Intl` object made so far, with what it was made for. Making one costs the browser
/// milliseconds (it loads the language's data), and the pages ask for the same ones often.
type Made<K, V> = RefCell<Vec<(K, V)>>;

/// The object `made` holds for `key`, else a new one from `make`, kept there.
fn made_once<K: PartialEq, V: Clone>(made: &'static LocalKey<Made<K, V>>, key: K, make: impl FnOnce() -> V) -> V {
    made.with_borrow_mut(|made| {
        if let Some((_, value)) = made.iter().find(|(made_key, _)| *made_key == key) {
            return value.clone();
        }
        let value = make();
        made.push((key, value.clone()));
        value
    })
}

thread_local! {
    /// The `Intl.DisplayNames` made so far, by kind and language.
    static DISPLAY_NAMES: Made<(Intl::DisplayNamesType, Locale), Intl::DisplayNames> =
        const { RefCell::new(Vec::new()) };
    /// The `Intl.NumberFormat` made so far, by language. `Number.toLocaleString` with a locale
    /// makes one on every call, which was the largest single cost of rendering 50 offer rows.
    static NUMBER_FORMATS: Made<Locale, Intl::NumberFormat> = const { RefCell::new(Vec::new()) };
}

fn display_names(kind: Intl::DisplayNamesType, locale: Locale) -> Intl::DisplayNames {
    made_once(&DISPLAY_NAMES, (kind, locale), || {
        let options = Intl::DisplayNamesOptions::new();
        options.set_type(kind);
        Intl::DisplayNames::new(&Array::of1(&locale.tag().into()), &options)
    })
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

/// Sorts `(value, name)` pairs by name, with `locale`'s collation. One collator, and each name
/// passed to the browser once: `localeCompare` with a locale builds a collator on every call,
/// which made sorting the 248 countries a seventh of the start at 4× CPU throttling.
pub fn sort_by_name(items: &mut Vec<(String, String)>, locale: Locale) {
    let compare = Intl::Collator::new(&Array::of1(&locale.tag().into()), &Object::new()).compare();
    let mut named: Vec<(JsValue, (String, String))> =
        std::mem::take(items).into_iter().map(|item| (JsValue::from_str(&item.1), item)).collect();
    sort_with(&mut named, |(a, _), (b, _)| {
        let sign = compare.call2(&JsValue::NULL, a, b).ok().and_then(|sign| sign.as_f64());
        sign.unwrap_or(0.0).total_cmp(&0.0)
    });
    items.extend(named.into_iter().map(|(_, item)| item));
}

/// A whole number with `locale`'s digit grouping: 10,000,000 or 10 000 000.
pub fn format_number(value: u64, locale: Locale) -> String {
    let format = made_once(&NUMBER_FORMATS, locale, || {
        Intl::NumberFormat::new(&Array::of1(&locale.tag().into()), &Object::new())
    });
    format
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(value as f64))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| value.to_string())
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

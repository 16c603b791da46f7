//! Names and ordering from the browser's `Intl`; countries are named from the app's own table
//! (`domain::country::countries::country_name`), so that showing one costs no `Intl` object.

use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::country::countries::country_name;
use crate::domain::prices::amount::Amount;
use crate::ui::i18n::Locale;
use js_sys::{Array, Intl, Object};
use std::cell::RefCell;
use std::thread::LocalKey;
use wasm_bindgen::prelude::*;

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
    /// The `Intl.DisplayNames` of languages made so far, by UI language.
    static LANGUAGE_NAMES: Made<Locale, Intl::DisplayNames> = const { RefCell::new(Vec::new()) };
    /// The `Intl.NumberFormat` made so far, by language. `Number.toLocaleString` with a locale
    /// makes one on every call, which was the largest single cost of rendering 50 offer rows.
    static NUMBER_FORMATS: Made<Locale, Intl::NumberFormat> = const { RefCell::new(Vec::new()) };
    /// The currency formats made so far, by language and currency.
    static MONEY_FORMATS: Made<(Locale, String), Intl::NumberFormat> = const { RefCell::new(Vec::new()) };
}

fn language_names(locale: Locale) -> Intl::DisplayNames {
    made_once(&LANGUAGE_NAMES, locale, || {
        let options = Intl::DisplayNamesOptions::new();
        options.set_type(Intl::DisplayNamesType::Language);
        Intl::DisplayNames::new(&Array::of1(&locale.tag().into()), &options)
    })
}

/// Names codes of one kind (regions or languages) in the UI language.
pub enum Namer {
    /// Countries and regions, from the app's own table.
    Regions(Locale),
    /// Languages and cultures, by the browser.
    Languages(Intl::DisplayNames),
}

impl Namer {
    /// Names countries and regions by ISO 3166 code (and Partner Center's own codes), in
    /// `locale`.
    pub fn regions(locale: Locale) -> Self {
        Self::Regions(locale)
    }

    /// Names languages and cultures by BCP 47 tag, in `locale`.
    pub fn languages(locale: Locale) -> Self {
        Self::Languages(language_names(locale))
    }

    /// The name of `code`, falling back to the code itself.
    pub fn name(&self, code: &str) -> String {
        let name = match self {
            Self::Regions(locale) => country_name(code, *locale == Locale::Ru).map(String::from),
            Self::Languages(names) => names.of(code).map(String::from),
        };
        name.unwrap_or_else(|| code.to_string())
    }
}

#[wasm_bindgen]
extern "C" {
    /// An array of names, sorted by the browser.
    #[wasm_bindgen(extends = Array)]
    type Names;

    /// `Array.prototype.sort` with a comparison of the browser's own (a collator's `compare`).
    #[wasm_bindgen(method, js_name = sort)]
    fn sort_by_function(this: &Names, compare: &js_sys::Function);
}

/// Sorts `(value, name)` pairs by name, with `locale`'s collation, keeping the order of equal
/// names. The browser sorts the names in one call, with one collator's `compare`: a call into
/// the browser per comparison (about 2,000 for the 248 countries) made the sort a third of the
/// country list's cost, and `localeCompare` with a locale would build a collator each time.
pub fn sort_by_name(items: &mut Vec<(String, String)>, locale: Locale) {
    let collator = Intl::Collator::new(&Array::of1(&locale.tag().into()), &Object::new());
    let names: Array = items.iter().map(|(_, name)| JsValue::from_str(name)).collect();
    names.unchecked_ref::<Names>().sort_by_function(&collator.compare());
    // Back from names to items: each sorted name takes the first item left with that name, so
    // equal names keep their order (the browser's sort is stable).
    let mut left: Vec<Option<(String, String)>> = std::mem::take(items).into_iter().map(Some).collect();
    for name in names.iter() {
        let name = name.as_string().unwrap_or_default();
        if let Some(item) = left.iter_mut().find(|item| item.as_ref().is_some_and(|(_, named)| *named == name)) {
            items.extend(item.take());
        }
    }
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

/// An amount and its currency's code, as JavaScript writes numbers (no Rust float formatting in
/// the wasm).
fn plain_amount(amount: Amount, currency: &str) -> String {
    let number = js_sys::Number::from(amount.as_units()).to_string_with_radix(10).map(String::from).unwrap_or_default();
    format!("{number} {currency}")
}

/// An amount of `currency` (ISO 4217, `USD`) in `locale`'s way, to the currency's own digits:
/// $1,320.00 or 1 320,00 $.
pub fn format_money(amount: Amount, currency: &str, locale: Locale) -> String {
    // `Intl.NumberFormat` throws on a code that is not three letters; the price sheet's reader
    // lets no other through, and this keeps the browser from ever being asked.
    if currency.len() != 3 || !currency.bytes().all(|byte| byte.is_ascii_alphabetic()) {
        return plain_amount(amount, currency);
    }
    let format = made_once(&MONEY_FORMATS, (locale, currency.to_ascii_uppercase()), || {
        let options = Object::new();
        for (key, value) in [("style", "currency"), ("currency", currency)] {
            let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
        }
        Intl::NumberFormat::new(&Array::of1(&locale.tag().into()), &options)
    });
    format
        .format()
        .call1(&JsValue::UNDEFINED, &JsValue::from_f64(amount.as_units()))
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| plain_amount(amount, currency))
}

/// A month in words, in `locale`: December 2026, декабрь 2026 г.
pub fn format_month(date: CalendarDate, locale: Locale) -> String {
    let options = Object::new();
    for (key, value) in [("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let utc = js_sys::Date::new(&format!("{date}T00:00:00Z").into());
    String::from(utc.to_locale_date_string(locale.tag(), &options))
}

/// A calendar date in words, in `locale`: 20 November 2026, 20 ноября 2026 г.
pub fn format_date(date: CalendarDate, locale: Locale) -> String {
    let options = Object::new();
    for (key, value) in [("day", "numeric"), ("month", "long"), ("year", "numeric"), ("timeZone", "UTC")] {
        let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
    }
    let utc = js_sys::Date::new(&format!("{date}T00:00:00Z").into());
    String::from(utc.to_locale_date_string(locale.tag(), &options))
}

//! Prices in words, as Subscriptions, Review and Done show them: an amount at its billing
//! frequency ("$120.00 monthly"), a line's price with one licence's, the totals per billing
//! frequency, and the one line about the price list.

use crate::domain::account::field::Field;
use crate::domain::commerce::terms::BillingFrequency;
use crate::domain::prices::amount::Amount;
use crate::domain::prices::price_index::{LinePrice, Total};
use crate::ui::common::intl::format_money;
use crate::ui::i18n::{use_i18n, Locale};
use crate::ui::state::account::use_account;
use crate::ui::state::prices::use_prices;
use leptos::prelude::*;

/// "$120.00 monthly".
pub fn amount_each(amount: Amount, currency: &str, billing: BillingFrequency, locale: Locale) -> String {
    locale.messages().price_each(&format_money(amount, currency, locale), billing)
}

/// A choice named with one license's price where there is one: "Monthly ($36.00 per license)";
/// else its name alone.
pub fn priced_choice(name: &str, price: Option<(Amount, &str)>, locale: Locale) -> String {
    match price {
        Some((amount, currency)) => locale.messages().choice_with_price(name, &format_money(amount, currency, locale)),
        None => name.to_string(),
    }
}

/// A line's price: "$120.00 monthly ($12.00 per license)".
pub fn line_price_words(price: &LinePrice, locale: Locale) -> String {
    let currency = &price.unit.currency;
    let each = amount_each(price.per_period, currency, price.unit.billing, locale);
    priced_choice(&each, Some((price.unit.per_period, currency)), locale)
}

/// The totals: "$264.00 monthly, $1,320.00 once a year".
pub fn totals_words(totals: &[Total], locale: Locale) -> String {
    totals
        .iter()
        .map(|total| amount_each(total.amount, &total.currency, total.billing, locale))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The one line about the price list, where it shows no prices or not all of them: a polite
/// status, so that a screen reader hears it when the list has loaded.
#[component]
pub fn PriceListNotice() -> impl IntoView {
    let (prices, account, i18n) = (use_prices(), use_account(), use_i18n());
    let country = account.form.text(Field::Country);
    let notice = move || prices.notice(&country.get(), i18n.locale());
    view! {
        <p class="price-notice" role="status" class:price-notice-shown=move || notice().is_some()>
            {notice}
        </p>
    }
}

//! The UI's words in English and Russian: one typed table per language ([`en::English`],
//! [`ru::Russian`]), each implementing every method of [`Messages`] and matching every [`Text`]
//! exhaustively, so that a missing translation fails the build. Plurals come from the browser's
//! `Intl.PluralRules`, names of countries and languages from `Intl.DisplayNames`.

pub mod en;
pub mod ru;
mod text;

use crate::api::ApiError;
use crate::domain::account::field::Field;
use crate::domain::account::field_error::FieldError;
use crate::domain::commerce::choice::LineError;
use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::Step;
use leptos::prelude::*;
pub use text::Text;

/// A language of the UI.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Locale {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
}

impl Locale {
    /// Every UI language, in the order the switch shows them.
    pub const ALL: [Locale; 2] = [Locale::En, Locale::Ru];

    /// The language's BCP 47 tag, as `lang` attributes and `Intl` take it.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::En => "en",
            Locale::Ru => "ru",
        }
    }

    /// The tag with a region, as the offers call's `X-Locale` takes it.
    pub fn region_tag(self) -> &'static str {
        match self {
            Locale::En => "en-US",
            Locale::Ru => "ru-RU",
        }
    }

    /// The language's name in itself, for the switch.
    pub fn own_name(self) -> &'static str {
        match self {
            Locale::En => "English",
            Locale::Ru => "Русский",
        }
    }

    /// The UI language for a tag such as `ru`, `ru-RU` or `en-GB`; `None` for others.
    pub fn from_tag(tag: &str) -> Option<Locale> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or_default().to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Locale::En),
            "ru" => Some(Locale::Ru),
            _ => None,
        }
    }

    /// The table of this language.
    pub fn messages(self) -> &'static dyn Messages {
        match self {
            Locale::En => &en::English,
            Locale::Ru => &ru::Russian,
        }
    }
}

/// The plural category of a count in a language, from `Intl.PluralRules`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plural {
    /// 1, 21, 101 (Russian); 1 (English).
    One,
    /// 2–4, 22–24 (Russian).
    Few,
    /// 0, 5–20, 25 (Russian).
    Many,
    /// Everything else (English plurals).
    Other,
}

/// The plural category of `count` in `locale`.
pub fn plural(locale: Locale, count: u64) -> Plural {
    let rules = js_sys::Intl::PluralRules::new(&js_sys::Array::of1(&locale.tag().into()), &js_sys::Object::new());
    match String::from(rules.select(count as f64)).as_str() {
        "one" => Plural::One,
        "few" => Plural::Few,
        "many" => Plural::Many,
        _ => Plural::Other,
    }
}

/// Things counted in the UI, each with its plural forms.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Products of the catalog.
    Product,
    /// Licenses.
    License,
    /// Orders.
    Order,
    /// Resellers.
    Reseller,
    /// Subscriptions.
    Subscription,
}

/// What the one line about the price list says: why there are no prices, or not all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PriceNotice<'a> {
    /// It did not load; why, in a few words (`HTTP 404`, `no answer within 30 s`).
    NotLoaded(&'a str),
    /// It loaded but is not a price sheet.
    NotASheet,
    /// It lacks these columns, named.
    MissingColumns(&'a str),
    /// It has no prices for this country (named).
    NoPricesFor(&'a str),
    /// Some of its rows could not be read: how many, and the count formatted.
    RowsUnreadable(u64, &'a str),
}

/// A stage of Submit, as its words need it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StageWords {
    /// Creating the customer.
    CreateCustomer,
    /// Attesting the agreement.
    AttestAgreement,
    /// Posting the qualification.
    Qualify,
    /// Making the cart of these products.
    Cart {
        /// The products' names.
        products: String,
    },
    /// Checking the cart out.
    Checkout,
}

/// Every parameterised sentence of the UI. Each language implements all of them; there are no
/// defaults, so a language that lacks one does not build.
pub trait Messages: Sync {
    /// A fixed piece of text.
    fn text(&self, text: Text) -> &'static str;
    /// The visible label of a field, shaped by the country (ZIP code, Oblast, Post town…).
    fn label(&self, field: Field, rules: &CountryRules) -> String;
    /// A field's error: what is wrong and how to put it right.
    fn error_text(&self, field: Field, error: &FieldError, rules: &CountryRules) -> String;
    /// A failed call, for a status line ("the endpoint did not answer…").
    fn api_error_text(&self, error: &ApiError) -> String;
    /// What an endpoint's refusal of Submit means (spec §2's error table).
    fn server_error_text(&self, error: &ApiError) -> String;
    /// A chosen offer's error, or the page's when nothing is chosen.
    fn line_error_text(&self, name: &str, error: &LineError, number: &dyn Fn(u64) -> String) -> String;
    /// A term's name: "1 year".
    fn term_name(&self, term: TermDuration) -> &'static str;
    /// A billing frequency's name: "Monthly".
    fn billing_name(&self, billing: BillingFrequency) -> &'static str;
    /// A cart line the endpoint refused: what its code means, and the endpoint's words.
    fn line_refused(&self, code: i64, description: &str) -> String;
    /// How long after purchase a term can be cancelled with a refund (`P7D`, `P1D`, `PT72H`).
    fn cancellation_window(&self, window: &str) -> String;
    /// A step's name, as the indicator and the headings say it.
    fn step_name(&self, step: Step) -> &'static str;
    /// "Step 2 of 4".
    fn step_count(&self, number: usize, total: usize) -> String;
    /// The page title while standalone: "Subscriptions — Add customer, step 2 of 4".
    fn page_title(&self, step: Step, number: usize, total: usize) -> String;
    /// The Next button: "Next: Subscriptions".
    fn next_to(&self, step: Step) -> String;
    /// A count with its noun: "1 offer", "5 лицензий". `number` is the count, formatted.
    fn count(&self, count: u64, number: &str, what: Counted) -> String;
    /// The domain check's status line.
    fn domain_status(&self, status: DomainWords<'_>) -> String;
    /// "For example 98052".
    fn for_example(&self, example: &str) -> String;
    /// The phone's hint for a country.
    fn phone_hint(&self, rules: &CountryRules) -> String;
    /// The registration number's hint, with a sample where known.
    fn registration_hint(&self, sample: Option<&str>) -> String;
    /// Where the calls go, for the banner: the endpoint, the generated demo catalog's size
    /// (formatted), or the demo.
    fn backend_banner(&self, endpoint: Option<&str>, generated_products: Option<&str>) -> String;
    /// "<what> could not be loaded: <why>."
    fn load_failed(&self, what: Text, reason: &str) -> String;
    /// The catalog's status: how many match, of how many, how many are chosen.
    fn catalog_status(&self, matching: u64, total: u64, chosen: u64, number: &dyn Fn(u64) -> String) -> String;
    /// The button that shows more offers.
    fn show_more(&self, more: u64, left: u64, number: &dyn Fn(u64) -> String) -> String;
    /// An offer's facts: fixed licenses, a range, a limit, add-on to what.
    fn offer_fact(&self, fact: OfferFact<'_>) -> String;
    /// A trial's fixed license count, under its check box.
    fn trial_fixed(&self, count: &str) -> String;
    /// A visually hidden suffix naming the offer ("for Microsoft 365 E3").
    fn for_offer(&self, name: &str) -> String;
    /// "From 1 to 300" (formatted numbers).
    fn quantity_range(&self, min: &str, max: &str) -> String;
    /// The one line about the price list.
    fn price_notice(&self, notice: PriceNotice<'_>) -> String;
    /// A price at a billing frequency: "$12.00 monthly", "$1,320.00 once a year".
    fn price_each(&self, price: &str, billing: BillingFrequency) -> String;
    /// A choice with the price of one licence: "1 year ($144.00 per license)".
    fn choice_with_price(&self, choice: &str, price: &str) -> String;
    /// Subscriptions: one licence's price per period and, where the term is billed more than
    /// once, for the term.
    fn license_price(&self, per_period: &str, per_term: Option<&str>) -> String;
    /// What every price is: "Estimated, excluding tax; price list of December 2026."
    fn price_basis(&self, month: &str) -> String;
    /// Review: the totals line, numbers formatted by `number`.
    fn review_totals(&self, lines: u64, licenses: u64, number: &dyn Fn(u64) -> String) -> String;
    /// Review: "Accepted on 20 November 2026".
    fn accepted_on(&self, date: &str) -> String;
    /// Review: "by Gena Soto (gena@…)".
    fn accepted_by(&self, name: &str, email: &str) -> String;
    /// Review: "Order 2".
    fn order_number(&self, number: usize) -> String;
    /// Done: "<what> copied to the clipboard." or that the browser refused.
    fn copied(&self, what: &str, done: bool) -> String;
    /// Done: "<company> is now your customer in Partner Center."
    fn now_your_customer(&self, company: &str) -> String;
    /// A stage of Submit in words.
    fn stage_name(&self, stage: &StageWords) -> String;
    /// What Submit will do after creating the customer: attest and place the orders, or wait.
    fn submit_plan(&self, attest: bool, lines: &str) -> String;
    /// "Correct the <field>".
    fn correct_the(&self, field_label: &str) -> String;
    /// "Retry: <stage>".
    fn retry_stage(&self, stage: &str) -> String;
    /// "<stage> failed".
    fn stage_failed(&self, stage: &str) -> String;
    /// "Done: <stages>."
    fn stages_done(&self, stages: &str) -> String;
    /// The kept customer after a later stage failed.
    fn customer_kept(&self, id: &str) -> String;
    /// The invitation link could not come from the endpoint, so it was built.
    fn link_built(&self, reason: Option<&str>) -> String;
    /// A reseller as an option: name, MPN id, country.
    fn reseller_option(&self, name: &str, mpn_id: &str, country: &str) -> String;
    /// A reseller's facts under its radio: MPN id, country, and whether it can be chosen.
    fn reseller_facts(&self, mpn_id: &str, country: &str, signed: bool) -> String;
    /// The hint of the additional partners of record.
    fn additional_resellers_hint(&self, max: usize) -> String;
    /// The address check: the endpoint could not verify the address.
    fn address_unverified(&self, message: Option<&str>) -> String;
}

/// The domain check's state, as its words need it.
#[derive(Clone, Copy, Debug)]
pub enum DomainWords<'a> {
    /// Nothing checked.
    Idle,
    /// Checking the domain.
    Checking(&'a str),
    /// The domain is free.
    Free(&'a str),
    /// The domain is taken.
    Taken(&'a str),
    /// The check failed, for the reason given.
    Failed(&'a str, &'a str),
}

/// One fact of an offer, numbers already formatted.
#[derive(Clone, Copy, Debug)]
pub enum OfferFact<'a> {
    /// Usage-based: no license count.
    ByUsage,
    /// A trial's fixed license count.
    Fixed(&'a str),
    /// From `min` to `max` licenses.
    Range(&'a str, &'a str),
    /// A trial.
    Trial,
    /// An add-on to the first prerequisite and `others` more (none known: "add-on").
    AddOnTo(Option<&'a str>, usize),
}

/// The language of one wizard, shared by its components through context.
#[derive(Clone, Copy)]
pub struct I18n(pub RwSignal<Locale>);

impl I18n {
    /// The current language (tracked).
    pub fn locale(self) -> Locale {
        self.0.get()
    }

    /// The current language's table (tracked).
    pub fn messages(self) -> &'static dyn Messages {
        self.0.get().messages()
    }

    /// A fixed text that follows the language.
    pub fn text(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.0.get().messages().text(text)
    }

    /// A fixed text as a signal, for components that take one.
    pub fn signal(self, text: Text) -> Signal<String> {
        Signal::derive(move || self.0.get().messages().text(text).to_string())
    }
}

/// The wizard's language, from context.
pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

/// Numbers as alternatives: "10", "9 or 10", "7, 9 or 10" (`or` in the UI language).
pub fn either(numbers: &[u8], or: &str) -> String {
    let words: Vec<String> = numbers.iter().map(u8::to_string).collect();
    match words.as_slice() {
        [] => String::new(),
        [only] => only.clone(),
        [first @ .., last] => format!("{} {or} {last}", first.join(", ")),
    }
}

/// Whether a field is chosen from a list rather than typed.
pub fn is_choice(field: Field, rules: &CountryRules) -> bool {
    matches!(field, Field::Country | Field::Language | Field::Culture | Field::Reseller | Field::EducationSegment)
        || (field == Field::State && !rules.states().is_empty())
}

/// Spec §2's codes, in the order the error table gives them, as the sentence each language words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ServerProblem {
    /// 600049
    RegistrationMissing,
    /// 600050
    RegistrationFormat,
    /// 600002
    RegistrationNotAccepted,
    /// 600051
    PhoneMissing,
    /// 27002
    ValueRefused,
    /// 2007
    AddressNotVerified,
    /// 2002
    QuantityOutOfRange,
    /// 800004
    OfferInvalid,
    /// 800070
    OfferNotInCountry,
    /// 600006
    NotAllowed,
    /// 13605
    AgreementNotAttested,
    /// 900123
    ResellerNoAgreement,
    /// 900124
    PartnerNoAgreement,
    /// 800073-800075
    AccountUnderReview,
    /// 800060
    OrderInProgress,
}

impl ServerProblem {
    /// The problem an error code names.
    pub fn of_code(code: i64) -> Option<ServerProblem> {
        Some(match code {
            600049 => ServerProblem::RegistrationMissing,
            600050 => ServerProblem::RegistrationFormat,
            600002 => ServerProblem::RegistrationNotAccepted,
            600051 => ServerProblem::PhoneMissing,
            27002 => ServerProblem::ValueRefused,
            2007 => ServerProblem::AddressNotVerified,
            2002 => ServerProblem::QuantityOutOfRange,
            800004 => ServerProblem::OfferInvalid,
            800070 => ServerProblem::OfferNotInCountry,
            600006 => ServerProblem::NotAllowed,
            13605 => ServerProblem::AgreementNotAttested,
            900123 => ServerProblem::ResellerNoAgreement,
            900124 => ServerProblem::PartnerNoAgreement,
            800073..=800075 => ServerProblem::AccountUnderReview,
            800060 => ServerProblem::OrderInProgress,
            _ => return None,
        })
    }
}

/// The whole days of an ISO 8601 duration as the catalog gives cancellation windows (`P7D`,
/// `P1W`, `PT72H`); `None` for any other.
pub fn iso_days(window: &str) -> Option<u64> {
    let window = window.trim().to_ascii_uppercase();
    let body = window.strip_prefix('P')?;
    if let Some(hours) = body.strip_prefix('T').and_then(|hours| hours.strip_suffix('H')) {
        let hours: u64 = hours.parse().ok()?;
        return hours.is_multiple_of(24).then_some(hours / 24);
    }
    if let Some(weeks) = body.strip_suffix('W') {
        return weeks.parse::<u64>().ok().map(|weeks| weeks * 7);
    }
    body.strip_suffix('D')?.parse().ok()
}

/// The endpoint's own description of an error, where it gave one.
pub fn endpoint_description(error: &ApiError) -> Option<&str> {
    match error {
        ApiError::Status { body: Some(body), .. } => body.description.as_deref().filter(|text| !text.is_empty()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prices_in_words() {
        let (en, ru) = (Locale::En.messages(), Locale::Ru.messages());
        assert_eq!(en.price_each("$1,320.00", BillingFrequency::Annual), "$1,320.00 once a year");
        assert_eq!(ru.price_each("264,00 $", BillingFrequency::Monthly), "264,00 $ в месяц");
        assert_eq!(en.choice_with_price("1 year", "$432.00"), "1 year ($432.00 per license)");
        assert_eq!(
            en.license_price("$36.00 monthly", Some("$432.00")),
            "Per license: $36.00 monthly, $432.00 for the whole term."
        );
        assert_eq!(en.license_price("$72.00 once a year", None), "Per license: $72.00 once a year.");
        assert_eq!(en.price_basis("December 2026"), "Estimated, excluding tax; price list of December 2026.");
        assert_eq!(ru.price_basis("декабрь 2026 г."), "Оценка без налогов; прайс-лист: декабрь 2026 г.");
        assert_eq!(
            en.price_notice(PriceNotice::NotLoaded("HTTP 404")),
            "Prices are not shown: the price list could not be loaded (HTTP 404)."
        );
        assert_eq!(
            ru.price_notice(PriceNotice::MissingColumns("UnitPrice")),
            "Цены не показаны: в прайс-листе нет столбца UnitPrice."
        );
        assert_eq!(
            en.price_notice(PriceNotice::RowsUnreadable(1, "1")),
            "1 row of the price list could not be read: its price is not shown."
        );
    }

    #[test]
    fn cancellation_windows_in_days() {
        assert_eq!(iso_days("P7D"), Some(7));
        assert_eq!(iso_days("p1d"), Some(1));
        assert_eq!(iso_days("PT72H"), Some(3));
        assert_eq!(iso_days("P2W"), Some(14));
        assert_eq!(iso_days("PT36H"), None);
        assert_eq!(iso_days("soon"), None);
    }

    #[test]
    fn locales_from_tags() {
        assert_eq!(Locale::from_tag("ru-RU"), Some(Locale::Ru));
        assert_eq!(Locale::from_tag("RU"), Some(Locale::Ru));
        assert_eq!(Locale::from_tag("en_GB"), Some(Locale::En));
        assert_eq!(Locale::from_tag("de"), None);
        assert_eq!(Locale::from_tag(""), None);
    }

    #[test]
    fn alternatives_in_words() {
        assert_eq!(either(&[10], "or"), "10");
        assert_eq!(either(&[7, 9, 10], "или"), "7, 9 или 10");
    }

    #[test]
    fn every_code_of_the_error_table_has_a_problem() {
        for code in [600049, 600050, 600002, 600051, 27002, 2007, 2002, 800004, 800070, 600006, 13605, 900123, 900124] {
            assert!(ServerProblem::of_code(code).is_some(), "{code}");
        }
        assert_eq!(ServerProblem::of_code(800074), Some(ServerProblem::AccountUnderReview));
        assert_eq!(ServerProblem::of_code(1), None);
    }
}

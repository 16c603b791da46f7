//! What the Subscriptions page collects, product by product: the SKU, the term, the billing
//! frequency and the licence count, checked against the product's SKUs and availabilities once
//! they have loaded.

use crate::domain::commerce::catalog::{Availability, Product, Sku};
use crate::domain::commerce::terms::{purchase_choices, BillingFrequency, FrequencyChoice, TermChoice, TermDuration};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::sync::Arc;

/// One chosen product, as entered. The SKU, term and billing frequency are filled with the
/// product's defaults when its options load ([`ChosenLine::settle`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ChosenLine {
    /// The product.
    pub product_id: String,
    /// The SKU chosen.
    pub sku_id: String,
    /// The term as a cart sends it (`P1Y`); empty for a usage-based SKU.
    pub term: String,
    /// The billing frequency as a cart sends it (`monthly`).
    pub billing: String,
    /// The licence count as typed (ignored where the SKU fixes it).
    pub quantity: String,
}

/// A SKU with what can be bought of it for this customer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SkuOption {
    /// The SKU.
    pub sku: Sku,
    /// Its availability for this customer: the first purchasable one of its segment.
    pub availability: Option<Availability>,
    /// Its terms and billing frequencies.
    pub terms: Vec<TermChoice>,
}

impl SkuOption {
    /// The SKU with the first purchasable availability of its segment (commercial before any
    /// other).
    pub fn new(sku: Sku, availabilities: Vec<Availability>) -> Self {
        let purchasable = || availabilities.iter().filter(|availability| availability.is_purchasable);
        let availability = purchasable()
            .find(|availability| {
                availability.segment.is_empty() || availability.segment.eq_ignore_ascii_case("commercial")
            })
            .or_else(|| purchasable().next())
            .cloned();
        let terms = availability.as_ref().map(purchase_choices).unwrap_or_default();
        Self { sku, availability, terms }
    }

    /// Whether it is bought without a term or licence count (the Azure plan: usage).
    pub fn is_usage(&self) -> bool {
        self.availability.as_ref().is_some_and(|availability| availability.terms.is_empty())
    }

    /// The licence count where the SKU fixes it: one for usage, the trial's count, or where its
    /// minimum is its maximum.
    pub fn fixed_quantity(&self) -> Option<u64> {
        let (min, max) = self.sku.quantity_range();
        if self.is_usage() {
            Some(1)
        } else {
            (self.sku.is_trial || min == max).then_some(min)
        }
    }

    /// Whether only a customer with an approved education qualification may buy it.
    pub fn is_for_education(&self) -> bool {
        self.availability.as_ref().is_some_and(Availability::is_for_education)
    }

    /// The billing frequency `billing` of the term `term`, where the SKU offers it.
    pub fn frequency(&self, term: &str, billing: &str) -> Option<&FrequencyChoice> {
        let duration = TermDuration::parse(term)?;
        let frequency = BillingFrequency::parse(billing)?;
        self.terms
            .iter()
            .find(|choice| choice.duration == duration)?
            .frequencies
            .iter()
            .find(|choice| choice.frequency == frequency)
    }
}

/// A product's SKUs, once loaded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProductDetails {
    /// Its SKUs, those that can be bought first, trials last.
    pub skus: Vec<SkuOption>,
}

impl ProductDetails {
    /// The details of a product from its SKUs, each with its availabilities.
    pub fn new(skus: Vec<(Sku, Vec<Availability>)>) -> Self {
        let (mut ready, mut rest): (Vec<SkuOption>, Vec<SkuOption>) = skus
            .into_iter()
            .map(|(sku, availabilities)| SkuOption::new(sku, availabilities))
            .partition(|option| option.availability.is_some() && !option.sku.is_trial);
        ready.append(&mut rest);
        Self { skus: ready }
    }

    /// The SKU `sku_id`.
    pub fn sku(&self, sku_id: &str) -> Option<&SkuOption> {
        self.skus.iter().find(|option| option.sku.id == sku_id)
    }
}

impl ChosenLine {
    /// A line for `product_id`, nothing else chosen yet.
    pub fn new(product_id: &str) -> Self {
        Self { product_id: product_id.to_string(), ..Self::default() }
    }

    /// The line with what is not chosen, or no longer offered, set to the product's defaults:
    /// the first SKU that can be bought, one year where offered (else the shortest term), and
    /// monthly where offered (else the term's first frequency). What the user chose and the SKU
    /// offers is kept.
    pub fn settle(&self, details: &ProductDetails) -> Self {
        let mut line = self.clone();
        let option = match details.sku(&line.sku_id).filter(|option| option.availability.is_some()) {
            Some(option) => option,
            None => match details.skus.first() {
                Some(option) => option,
                None => return line,
            },
        };
        line.sku_id = option.sku.id.clone();
        if option.is_usage() {
            line.term.clear();
            line.billing = BillingFrequency::OneTime.wire().into();
            return line;
        }
        let term = TermDuration::parse(&line.term)
            .and_then(|duration| option.terms.iter().find(|choice| choice.duration == duration))
            .or_else(|| option.terms.iter().find(|choice| choice.duration == TermDuration::OneYear))
            .or_else(|| option.terms.first());
        let Some(term) = term else { return line };
        line.term = term.duration.wire().into();
        let billing = BillingFrequency::parse(&line.billing)
            .and_then(|frequency| term.frequencies.iter().find(|choice| choice.frequency == frequency))
            .or_else(|| term.frequencies.iter().find(|choice| choice.frequency == BillingFrequency::Monthly))
            .or_else(|| term.frequencies.first());
        if let Some(billing) = billing {
            line.billing = billing.frequency.wire().into();
        }
        line
    }
}

/// What can be wrong with the choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineError {
    /// No product chosen.
    NothingChosen,
    /// The product's options have not loaded (yet, or they failed).
    NotLoaded,
    /// The product, or the SKU chosen, cannot be bought now.
    NotAvailable,
    /// The SKU is for education customers with an approved qualification.
    EducationOnly,
    /// The term and billing frequency are not a pair the SKU offers.
    TermNotOffered,
    /// No licence count.
    QuantityMissing,
    /// A licence count that is not a whole number.
    QuantityNotANumber,
    /// A licence count outside the SKU's bounds.
    QuantityOutOfRange {
        /// The fewest allowed.
        min: u64,
        /// The most allowed.
        max: u64,
    },
    /// An add-on without any of its prerequisites in the cart; their product titles.
    NeedsPrerequisite(Vec<String>),
    /// The endpoint refused the line; its words.
    Server(String),
}

/// One problem, with the product it concerns (none for "nothing chosen").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIssue {
    /// The product, where the problem is one line's.
    pub product_id: Option<String>,
    /// What is wrong.
    pub error: LineError,
}

/// The loaded options of the products, by product id.
pub type DetailsByProduct = BTreeMap<String, Arc<ProductDetails>>;

/// The licence count of `line` of the SKU `option`: the fixed count where the SKU fixes it,
/// else the typed number (thousands separators allowed). `None` when it is not a number.
pub fn line_quantity(option: &SkuOption, line: &ChosenLine) -> Option<u64> {
    if let Some(fixed) = option.fixed_quantity() {
        return Some(fixed);
    }
    line.quantity.trim().replace([',', ' ', '\u{a0}'], "").parse().ok()
}

fn check_line(option: &SkuOption, line: &ChosenLine, education: bool) -> Result<(), LineError> {
    if option.availability.is_none() {
        return Err(LineError::NotAvailable);
    }
    if option.is_for_education() && !education {
        return Err(LineError::EducationOnly);
    }
    if !option.is_usage() && option.frequency(&line.term, &line.billing).is_none() {
        return Err(LineError::TermNotOffered);
    }
    if option.fixed_quantity().is_some() {
        return Ok(());
    }
    if line.quantity.trim().is_empty() {
        return Err(LineError::QuantityMissing);
    }
    let quantity = line_quantity(option, line).ok_or(LineError::QuantityNotANumber)?;
    let (min, max) = option.sku.quantity_range();
    if (min..=max).contains(&quantity) {
        Ok(())
    } else {
        Err(LineError::QuantityOutOfRange { min, max })
    }
}

/// The product titles of an add-on's prerequisites that none of `chosen` meets; empty when one
/// is met (or it is no add-on).
fn missing_prerequisites(option: &SkuOption, chosen: &[ChosenLine], products: &[Product]) -> Vec<String> {
    let prerequisites = &option.sku.dynamic_attributes.prerequisite_skus;
    if !option.sku.dynamic_attributes.is_addon || prerequisites.is_empty() {
        return Vec::new();
    }
    let met = chosen.iter().any(|line| {
        prerequisites.iter().any(|key| key.eq_ignore_ascii_case(&format!("{}:{}", line.product_id, line.sku_id)))
    });
    if met {
        return Vec::new();
    }
    let mut titles: Vec<String> = Vec::new();
    for key in prerequisites {
        let product_id = key.split(':').next().unwrap_or_default();
        let title = products
            .iter()
            .find(|product| product.id.eq_ignore_ascii_case(product_id))
            .map_or_else(|| key.clone(), |product| product.title.clone());
        if !titles.contains(&title) {
            titles.push(title);
        }
    }
    titles
}

/// Every problem of the choice, in the order the products were chosen; empty when it may go on.
/// `education` says whether the customer asks for an education qualification.
pub fn validate_lines(
    products: &[Product],
    details: &DetailsByProduct,
    chosen: &[ChosenLine],
    education: bool,
) -> Vec<LineIssue> {
    if chosen.is_empty() {
        return vec![LineIssue { product_id: None, error: LineError::NothingChosen }];
    }
    chosen
        .iter()
        .filter_map(|line| {
            let issue = |error| Some(LineIssue { product_id: Some(line.product_id.clone()), error });
            if !products.iter().any(|product| product.id == line.product_id) {
                return issue(LineError::NotAvailable);
            }
            let Some(details) = details.get(&line.product_id) else { return issue(LineError::NotLoaded) };
            let Some(option) = details.sku(&line.sku_id) else { return issue(LineError::NotAvailable) };
            if let Err(error) = check_line(option, line, education) {
                return issue(error);
            }
            let missing = missing_prerequisites(option, chosen, products);
            (!missing.is_empty()).then(|| LineIssue {
                product_id: Some(line.product_id.clone()),
                error: LineError::NeedsPrerequisite(missing),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::{chose, commerce_catalog, details_of};

    const E3: &str = "CFQ7TTC0LFLZ";
    const AUDIO: &str = "CFQ7TTC0LHSV";
    const PREMIUM: &str = "CFQ7TTC0LCHC";
    const AZURE: &str = "DZH318Z0BPS6";
    const FACULTY: &str = "CFQ7TTC0LFM4";

    fn errors(lines: &[ChosenLine], education: bool) -> Vec<LineError> {
        let (products, details) = commerce_catalog();
        validate_lines(&products, &details, lines, education).into_iter().map(|issue| issue.error).collect()
    }

    #[test]
    fn settling_a_new_line_picks_the_buyable_sku_one_year_and_monthly() {
        let premium = details_of(PREMIUM);
        let line = ChosenLine::new(PREMIUM).settle(&premium);
        assert_eq!((line.sku_id.as_str(), line.term.as_str(), line.billing.as_str()), ("0002", "P1Y", "monthly"));
        let trial = chose(PREMIUM, "0001", "", "", "").settle(&premium);
        assert_eq!((trial.term.as_str(), trial.billing.as_str()), ("P1M", "one_time"), "the trial's only term");
        let three_years = chose(E3, "0001", "P3Y", "monthly", "").settle(&details_of(E3));
        assert_eq!(three_years.billing, "annual", "monthly is not offered for three years: the term's first");
        let azure = ChosenLine::new(AZURE).settle(&details_of(AZURE));
        assert_eq!((azure.term.as_str(), azure.billing.as_str()), ("", "one_time"));
    }

    #[test]
    fn quantities_terms_and_fixed_counts() {
        assert_eq!(errors(&[], false), [LineError::NothingChosen]);
        assert!(errors(&[chose(E3, "0001", "P1Y", "monthly", "1,000")], false).is_empty());
        assert_eq!(errors(&[chose(E3, "0001", "P1Y", "monthly", "")], false), [LineError::QuantityMissing]);
        assert_eq!(errors(&[chose(E3, "0001", "P1Y", "monthly", "2.5")], false), [LineError::QuantityNotANumber]);
        assert_eq!(
            errors(&[chose("CFQ7TTC0LH18", "0001", "P1Y", "monthly", "301")], false),
            [LineError::QuantityOutOfRange { min: 1, max: 300 }]
        );
        assert_eq!(errors(&[chose(E3, "0001", "P1M", "annual", "5")], false), [LineError::TermNotOffered]);
        assert!(errors(&[chose(PREMIUM, "0001", "P1M", "one_time", "")], false).is_empty(), "a trial's fixed 25");
        assert!(errors(&[chose(AZURE, "0001", "", "one_time", "")], false).is_empty());
        let (_, details) = commerce_catalog();
        let trial = details[PREMIUM].sku("0001").unwrap();
        assert_eq!(line_quantity(trial, &chose(PREMIUM, "0001", "P1M", "one_time", "3")), Some(25));
    }

    #[test]
    fn an_add_on_needs_one_of_its_prerequisites_in_the_cart() {
        let audio = chose(AUDIO, "0001", "P1Y", "monthly", "10");
        let found = errors(std::slice::from_ref(&audio), false);
        let [LineError::NeedsPrerequisite(titles)] = found.as_slice() else { panic!("no prerequisite error") };
        assert!(titles.contains(&"Microsoft 365 E3".to_string()), "{titles:?}");
        assert!(errors(&[chose(E3, "0001", "P1Y", "monthly", "10"), audio], false).is_empty());
    }

    #[test]
    fn education_skus_are_for_education_customers() {
        let faculty = chose(FACULTY, "0001", "P1Y", "monthly", "10");
        assert_eq!(errors(std::slice::from_ref(&faculty), false), [LineError::EducationOnly]);
        assert!(errors(&[faculty], true).is_empty());
    }

    #[test]
    fn unknown_and_unloaded_products() {
        assert_eq!(errors(&[chose("NOPE", "0001", "P1Y", "monthly", "1")], false), [LineError::NotAvailable]);
        let (products, _) = commerce_catalog();
        let issues = validate_lines(&products, &DetailsByProduct::new(), &[chose(E3, "", "", "", "1")], false);
        assert_eq!(issues[0].error, LineError::NotLoaded);
    }
}

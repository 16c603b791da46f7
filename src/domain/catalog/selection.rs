//! What the Subscriptions page collects, and its checks.

use crate::domain::catalog::offer::Offer;
use serde::{Deserialize, Serialize};

/// One chosen offer, as entered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ChosenOffer {
    /// The offer id.
    pub offer_id: String,
    /// The license count as typed (ignored for usage-based and fixed-quantity offers).
    pub quantity: String,
    /// The billing cycle picked.
    pub billing_cycle: String,
}

/// What can be wrong with the choice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SelectionError {
    /// No offer chosen.
    NothingChosen,
    /// No license count.
    QuantityMissing,
    /// A license count that is not a whole number.
    QuantityNotANumber,
    /// A license count outside the offer's bounds.
    QuantityOutOfRange {
        /// The fewest allowed.
        min: u64,
        /// The most allowed.
        max: u64,
    },
    /// An add-on without any of its prerequisites; the names of those in the catalog.
    NeedsPrerequisite(Vec<String>),
    /// A billing cycle the offer does not support.
    BillingCycleNotSupported,
    /// The offer is not in this country's catalog, or cannot be bought now.
    NotAvailable,
    /// The endpoint refused the offer when ordering; its words.
    Server(String),
}

/// One problem, with the offer it concerns (none for "nothing chosen").
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SelectionIssue {
    /// The offer, where the problem is one offer's.
    pub offer_id: Option<String>,
    /// What is wrong.
    pub error: SelectionError,
}

/// The license count an order line carries: the typed number, the fixed count of a trial, and 1
/// for a usage-based offer. `None` when the typed count is not a number.
pub fn order_quantity(offer: &Offer, chosen: &ChosenOffer) -> Option<u64> {
    if !offer.takes_quantity() {
        return Some(1);
    }
    if let Some(fixed) = offer.fixed_quantity() {
        return Some(fixed);
    }
    chosen.quantity.trim().replace([',', ' ', '\u{a0}'], "").parse().ok()
}

fn check_quantity(offer: &Offer, chosen: &ChosenOffer) -> Result<(), SelectionError> {
    if !offer.takes_quantity() || offer.fixed_quantity().is_some() {
        return Ok(());
    }
    if chosen.quantity.trim().is_empty() {
        return Err(SelectionError::QuantityMissing);
    }
    let quantity = order_quantity(offer, chosen).ok_or(SelectionError::QuantityNotANumber)?;
    let (min, max) = (offer.minimum_quantity.max(1), offer.maximum_quantity.max(offer.minimum_quantity.max(1)));
    if (min..=max).contains(&quantity) {
        Ok(())
    } else {
        Err(SelectionError::QuantityOutOfRange { min, max })
    }
}

fn check_prerequisites(offer: &Offer, chosen: &[ChosenOffer], catalog: &[Offer]) -> Result<(), SelectionError> {
    if !offer.is_add_on || offer.prerequisite_offers.is_empty() {
        return Ok(());
    }
    let has_one =
        chosen.iter().any(|other| offer.prerequisite_offers.iter().any(|id| id.eq_ignore_ascii_case(&other.offer_id)));
    if has_one {
        return Ok(());
    }
    let names = catalog
        .iter()
        .filter(|candidate| offer.prerequisite_offers.iter().any(|id| id.eq_ignore_ascii_case(&candidate.id)))
        .map(|candidate| candidate.name.clone())
        .collect();
    Err(SelectionError::NeedsPrerequisite(names))
}

/// Every problem of the choice, in the order the offers were chosen; empty when it may go on.
pub fn validate_selection(catalog: &[Offer], chosen: &[ChosenOffer]) -> Vec<SelectionIssue> {
    if chosen.is_empty() {
        return vec![SelectionIssue { offer_id: None, error: SelectionError::NothingChosen }];
    }
    chosen
        .iter()
        .filter_map(|line| {
            let issue = |error| Some(SelectionIssue { offer_id: Some(line.offer_id.clone()), error });
            let Some(offer) = catalog.iter().find(|offer| offer.id == line.offer_id) else {
                return issue(SelectionError::NotAvailable);
            };
            if !offer.is_available_for_purchase {
                return issue(SelectionError::NotAvailable);
            }
            if let Err(error) = check_quantity(offer, line) {
                return issue(error);
            }
            if !offer.supported_billing_cycles.is_empty()
                && !offer.supported_billing_cycles.contains(&line.billing_cycle)
            {
                return issue(SelectionError::BillingCycleNotSupported);
            }
            check_prerequisites(offer, chosen, catalog).err().and_then(issue)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::offer::Collection;

    fn catalog() -> Vec<Offer> {
        serde_json::from_str::<Collection<Offer>>(include_str!("../../../data/offers-US.json")).unwrap().items
    }

    fn id(name: &str) -> String {
        catalog().into_iter().find(|offer| offer.name == name).unwrap().id
    }

    fn chose(name: &str, quantity: &str, cycle: &str) -> ChosenOffer {
        ChosenOffer { offer_id: id(name), quantity: quantity.into(), billing_cycle: cycle.into() }
    }

    #[test]
    fn nothing_chosen() {
        assert_eq!(
            validate_selection(&catalog(), &[]),
            vec![SelectionIssue { offer_id: None, error: SelectionError::NothingChosen }]
        );
    }

    #[test]
    fn quantities_within_the_offers_bounds() {
        let catalog = catalog();
        assert!(validate_selection(&catalog, &[chose("Office 365 Enterprise E3", "10", "monthly")]).is_empty());
        assert!(validate_selection(&catalog, &[chose("Office 365 Enterprise E3", "1,000", "annual")]).is_empty());
        let errors =
            |line| validate_selection(&catalog, &[line]).into_iter().map(|issue| issue.error).collect::<Vec<_>>();
        assert_eq!(errors(chose("Office 365 Enterprise E3", "", "monthly")), [SelectionError::QuantityMissing]);
        assert_eq!(errors(chose("Office 365 Enterprise E3", "ten", "monthly")), [SelectionError::QuantityNotANumber]);
        assert_eq!(errors(chose("Office 365 Enterprise E3", "2.5", "monthly")), [SelectionError::QuantityNotANumber]);
        assert_eq!(errors(chose("Office 365 Enterprise E3", "-1", "monthly")), [SelectionError::QuantityNotANumber]);
        assert_eq!(
            errors(chose("Office 365 Enterprise E3", "0", "monthly")),
            [SelectionError::QuantityOutOfRange { min: 1, max: 10_000_000 }]
        );
        assert_eq!(
            errors(chose("Office 365 Business Premium", "301", "monthly")),
            [SelectionError::QuantityOutOfRange { min: 1, max: 300 }]
        );
        assert_eq!(
            errors(chose("Office 365 Enterprise E3", "5", "weekly")),
            [SelectionError::BillingCycleNotSupported]
        );
    }

    #[test]
    fn trials_and_usage_take_no_typed_count() {
        let catalog = catalog();
        let trial = chose("Office 365 Enterprise E3 Trial", "", "none");
        let azure = chose("Microsoft Azure", "", "monthly");
        assert!(validate_selection(&catalog, &[trial.clone(), azure.clone()]).is_empty());
        let find = |line: &ChosenOffer| catalog.iter().find(|offer| offer.id == line.offer_id).unwrap().clone();
        assert_eq!(order_quantity(&find(&trial), &trial), Some(25));
        assert_eq!(order_quantity(&find(&azure), &azure), Some(1));
    }

    #[test]
    fn an_add_on_needs_one_of_its_prerequisites() {
        let catalog = catalog();
        let audio = chose("Audio Conferencing", "10", "monthly");
        let issues = validate_selection(&catalog, std::slice::from_ref(&audio));
        let SelectionError::NeedsPrerequisite(names) = &issues[0].error else { panic!("{issues:?}") };
        assert!(names.contains(&"Office 365 Enterprise E3".to_string()), "{names:?}");
        assert_eq!(issues[0].offer_id.as_deref(), Some(audio.offer_id.as_str()));
        let with_e3 = [chose("Office 365 Enterprise E3", "10", "monthly"), audio];
        assert!(validate_selection(&catalog, &with_e3).is_empty());
    }

    #[test]
    fn an_offer_missing_from_the_catalog_is_not_available() {
        let line = ChosenOffer { offer_id: "NOPE".into(), quantity: "1".into(), billing_cycle: "monthly".into() };
        assert_eq!(validate_selection(&catalog(), &[line])[0].error, SelectionError::NotAvailable);
    }
}

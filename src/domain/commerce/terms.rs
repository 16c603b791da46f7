//! What an availability lets the partner choose, as a partner thinks of it: a term (1 month,
//! 1 year, 3 years), then a billing frequency offered for that term. Only the pairs the
//! availability's terms hold are offered.

use crate::domain::commerce::catalog::{Availability, Term};
use crate::domain::common::stable_sort::sort_with_key;

/// How long a subscription commits for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TermDuration {
    /// `P1M`.
    OneMonth,
    /// `P1Y`.
    OneYear,
    /// `P3Y`.
    ThreeYears,
}

impl TermDuration {
    /// The duration of an ISO 8601 value (`P1M`, `P1Y`, `P3Y`); `None` for any other.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_uppercase().as_str() {
            "P1M" => Some(TermDuration::OneMonth),
            "P1Y" | "P12M" => Some(TermDuration::OneYear),
            "P3Y" | "P36M" => Some(TermDuration::ThreeYears),
            _ => None,
        }
    }

    /// As a cart line sends it.
    pub fn wire(self) -> &'static str {
        match self {
            TermDuration::OneMonth => "P1M",
            TermDuration::OneYear => "P1Y",
            TermDuration::ThreeYears => "P3Y",
        }
    }
}

/// How often the customer is billed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum BillingFrequency {
    /// Every month.
    Monthly,
    /// Once a year.
    Annual,
    /// Once for three years.
    Triennial,
    /// Once (trials, the Azure plan: the catalog's `None`).
    OneTime,
}

impl BillingFrequency {
    /// The frequency of a catalog's `billingCycle`, compared without case; `None` for any other.
    pub fn parse(value: &str) -> Option<Self> {
        match value.trim().to_ascii_lowercase().as_str() {
            "monthly" => Some(BillingFrequency::Monthly),
            "annual" => Some(BillingFrequency::Annual),
            "triennial" => Some(BillingFrequency::Triennial),
            "none" | "one_time" | "onetime" => Some(BillingFrequency::OneTime),
            _ => None,
        }
    }

    /// As a cart line sends it: lower case.
    pub fn wire(self) -> &'static str {
        match self {
            BillingFrequency::Monthly => "monthly",
            BillingFrequency::Annual => "annual",
            BillingFrequency::Triennial => "triennial",
            BillingFrequency::OneTime => "one_time",
        }
    }
}

/// One billing frequency of a term, with what the partner should know before choosing it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrequencyChoice {
    /// The frequency.
    pub frequency: BillingFrequency,
    /// The term id behind it.
    pub term_id: String,
    /// How long after purchase it can be cancelled with a full refund (`P7D`), as the catalog
    /// gives it.
    pub cancellation_window: Option<String>,
    /// Whether it renews by itself.
    pub renews_automatically: bool,
}

/// A term and the frequencies it is billed at, in the order monthly, annual, triennial, once.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TermChoice {
    /// The term.
    pub duration: TermDuration,
    /// Its billing frequencies.
    pub frequencies: Vec<FrequencyChoice>,
}

/// The cancellation window of `term`: its first full refund's `expiresAfter`, else its first.
fn cancellation_window(term: &Term) -> Option<String> {
    let refunds = || term.cancellation_policies.iter().flat_map(|policy| &policy.refund_options);
    refunds()
        .find(|refund| refund.kind.eq_ignore_ascii_case("Full"))
        .or_else(|| refunds().next())
        .map(|refund| refund.expires_after.clone())
        .filter(|window| !window.is_empty())
}

/// The terms `availability` offers, 1 month before 1 year before 3 years, each with the billing
/// frequencies its terms pair it with. Terms of a duration or cycle the wizard does not know
/// are left out, and so is a pair given twice.
pub fn purchase_choices(availability: &Availability) -> Vec<TermChoice> {
    let mut choices: Vec<TermChoice> = Vec::new();
    for term in &availability.terms {
        let (Some(duration), Some(frequency)) =
            (TermDuration::parse(&term.duration), BillingFrequency::parse(&term.billing_cycle))
        else {
            continue;
        };
        let choice = FrequencyChoice {
            frequency,
            term_id: term.id.clone(),
            cancellation_window: cancellation_window(term),
            renews_automatically: availability.renews_automatically(&term.id),
        };
        match choices.iter_mut().find(|choice| choice.duration == duration) {
            Some(existing) if existing.frequencies.iter().any(|known| known.frequency == frequency) => {}
            Some(existing) => existing.frequencies.push(choice),
            None => choices.push(TermChoice { duration, frequencies: vec![choice] }),
        }
    }
    sort_with_key(&mut choices, |choice| choice.duration);
    for choice in &mut choices {
        sort_with_key(&mut choice.frequencies, |frequency| frequency.frequency);
    }
    choices
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::common::decode::decode;

    fn availability(terms: &[(&str, &str, &str)]) -> Availability {
        let terms: Vec<serde_json::Value> = terms
            .iter()
            .map(|(id, duration, cycle)| {
                serde_json::json!({"id": id, "duration": duration, "billingCycle": cycle,
                    "cancellationPolicies": [{"refundOptions": [{"type": "Partial", "expiresAfter": "P30D"},
                        {"type": "Full", "expiresAfter": "P7D"}]}]})
            })
            .collect();
        decode(
            &serde_json::json!({"id": "A", "catalogItemId": "P:0001:A", "isRenewable": true, "terms": terms,
                "renewalInstructions": [{"applicableTermIds": ["y-annual"], "renewalOptions": [{"isAutoRenewable": true}]}]})
            .to_string(),
        )
        .unwrap()
    }

    #[test]
    fn a_suite_offers_each_term_with_the_frequencies_its_terms_pair() {
        let choices = purchase_choices(&availability(&[
            ("y-annual", "P1Y", "Annual"),
            ("m-monthly", "P1M", "Monthly"),
            ("y-monthly", "P1Y", "Monthly"),
            ("t-triennial", "P3Y", "Triennial"),
            ("t-annual", "P3Y", "annual"),
        ]));
        let shape: Vec<(TermDuration, Vec<BillingFrequency>)> = choices
            .iter()
            .map(|choice| (choice.duration, choice.frequencies.iter().map(|frequency| frequency.frequency).collect()))
            .collect();
        use BillingFrequency::*;
        use TermDuration::*;
        assert_eq!(
            shape,
            [(OneMonth, vec![Monthly]), (OneYear, vec![Monthly, Annual]), (ThreeYears, vec![Annual, Triennial])]
        );
        let yearly = &choices[1].frequencies[1];
        assert_eq!(yearly.term_id, "y-annual");
        assert_eq!(yearly.cancellation_window.as_deref(), Some("P7D"), "the full refund's window");
        assert!(yearly.renews_automatically);
        assert!(!choices[1].frequencies[0].renews_automatically);
    }

    #[test]
    fn unknown_terms_and_pairs_given_twice_are_left_out() {
        let choices = purchase_choices(&availability(&[
            ("a", "P1Y", "Monthly"),
            ("b", "P1Y", "MONTHLY"),
            ("c", "P2Y", "Biennial"),
            ("d", "P1M", "Fortnightly"),
        ]));
        assert_eq!(choices.len(), 1);
        assert_eq!(choices[0].frequencies.len(), 1);
        assert_eq!(choices[0].frequencies[0].term_id, "a", "the first of a pair given twice");
    }

    #[test]
    fn a_trial_is_billed_once() {
        let choices = purchase_choices(&availability(&[("trial", "P1M", "None")]));
        assert_eq!(choices[0].frequencies[0].frequency, BillingFrequency::OneTime);
        assert_eq!(BillingFrequency::OneTime.wire(), "one_time");
        assert_eq!(TermDuration::OneMonth.wire(), "P1M");
    }
}

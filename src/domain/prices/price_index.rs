//! The prices of one market on one day, as the price sheet gave them, and how a line's price is
//! found: by product, SKU, term and billing plan, in the customer's currency and segment, from
//! the row in effect with the latest start.

use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::prices::amount::Amount;
use std::collections::BTreeMap;

/// What a price row is for: product, SKU, term (none for a row without one) and billing plan.
pub type PriceKey = (String, String, Option<TermDuration>, BillingFrequency);

/// One row of the price sheet in effect, as the index keeps it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceRow {
    /// The currency, as the sheet writes it (`USD`).
    pub currency: String,
    /// The segment (`commercial`, `education`), lower case; empty where the sheet has none.
    pub segment: String,
    /// The licence counts it is for, where the sheet gives a tier.
    pub tier: Option<(u64, u64)>,
    /// The partner's price of one licence for the whole term.
    pub unit_price: Amount,
    /// From when it is in effect.
    pub start: CalendarDate,
}

/// The price of one licence of a term and billing frequency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitPrice {
    /// The currency.
    pub currency: String,
    /// For the whole term.
    pub per_term: Amount,
    /// For each billing period (a month of a yearly term billed monthly: a twelfth).
    pub per_period: Amount,
    /// How the customer is billed.
    pub billing: BillingFrequency,
}

impl UnitPrice {
    /// The price of `quantity` licences: per billing period and for the term.
    pub fn for_quantity(&self, quantity: u64) -> LinePrice {
        LinePrice {
            unit: self.clone(),
            per_period: self.per_period.times(quantity),
            per_term: self.per_term.times(quantity),
        }
    }
}

/// The price of a whole line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinePrice {
    /// One licence's.
    pub unit: UnitPrice,
    /// Each billing period's.
    pub per_period: Amount,
    /// The whole term's.
    pub per_term: Amount,
}

/// What a price is asked for: a line's product, SKU, term and billing frequency as a cart sends
/// them, the availability's currency and segment, and the licence count where it is known.
#[derive(Clone, Copy, Debug, Default)]
pub struct PriceQuery<'a> {
    /// The product id.
    pub product_id: &'a str,
    /// The SKU id.
    pub sku_id: &'a str,
    /// `P1Y`; empty for none.
    pub term: &'a str,
    /// `monthly`.
    pub billing: &'a str,
    /// The availability's currency (`USD`); empty when it does not say.
    pub currency: &'a str,
    /// The availability's segment; empty when it does not say.
    pub segment: &'a str,
    /// The licence count, for a tiered price.
    pub quantity: Option<u64>,
}

/// The months a term or a billing period lasts.
fn months_of_term(term: Option<TermDuration>) -> u32 {
    match term {
        Some(TermDuration::OneMonth) | None => 1,
        Some(TermDuration::OneYear) => 12,
        Some(TermDuration::ThreeYears) => 36,
    }
}

/// How many times a term is billed: a yearly term billed monthly, 12 times.
pub fn billing_periods(term: Option<TermDuration>, billing: BillingFrequency) -> u32 {
    let period = match billing {
        BillingFrequency::Monthly => 1,
        BillingFrequency::Annual => 12,
        BillingFrequency::Triennial => 36,
        BillingFrequency::OneTime => return 1,
    };
    (months_of_term(term) / period).max(1)
}

/// The prices in effect in one market on one day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PriceIndex {
    rows: BTreeMap<PriceKey, Vec<PriceRow>>,
}

impl PriceIndex {
    /// Keeps `row` for `key`.
    pub fn insert(&mut self, key: PriceKey, row: PriceRow) {
        self.rows.entry(key).or_default().push(row);
    }

    /// How many rows it keeps.
    pub fn len(&self) -> usize {
        self.rows.values().map(Vec::len).sum()
    }

    /// Whether it keeps none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The price of one licence as `query` asks, from the row of its product, SKU, term and
    /// billing plan in the query's currency (any, where the rows have only one), of its segment
    /// (or of none), whose tier holds the licence count; of those, the one with the latest
    /// start. `None` where the sheet has no such row.
    pub fn unit_price(&self, query: &PriceQuery) -> Option<UnitPrice> {
        let billing = BillingFrequency::parse(query.billing)?;
        let term = if query.term.trim().is_empty() { None } else { Some(TermDuration::parse(query.term)?) };
        let key: PriceKey = (query.product_id.to_string(), query.sku_id.to_string(), term, billing);
        let rows = self.rows.get(&key)?;
        let one_currency = rows.iter().all(|row| row.currency.eq_ignore_ascii_case(&rows[0].currency));
        let row = rows
            .iter()
            .filter(|row| {
                if query.currency.is_empty() {
                    one_currency
                } else {
                    row.currency.eq_ignore_ascii_case(query.currency)
                }
            })
            .filter(|row| {
                row.segment.is_empty() || query.segment.is_empty() || row.segment.eq_ignore_ascii_case(query.segment)
            })
            .filter(|row| match (row.tier, query.quantity) {
                (Some((min, max)), Some(quantity)) => (min..=max).contains(&quantity),
                _ => true,
            })
            .fold(None::<&PriceRow>, |best, row| match best {
                Some(best) if best.start >= row.start => Some(best),
                _ => Some(row),
            })?;
        Some(UnitPrice {
            currency: row.currency.clone(),
            per_term: row.unit_price,
            per_period: row.unit_price.share(billing_periods(term, billing)),
            billing,
        })
    }
}

/// What is billed at one frequency in one currency, over several lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Total {
    /// How often.
    pub billing: BillingFrequency,
    /// The currency.
    pub currency: String,
    /// Each time.
    pub amount: Amount,
}

/// The totals of `prices` per billing frequency (monthly, then yearly, every three years,
/// once), and per currency where they differ.
pub fn totals_by_billing<'a>(prices: impl IntoIterator<Item = &'a LinePrice>) -> Vec<Total> {
    let mut totals: Vec<Total> = Vec::new();
    for price in prices {
        let (billing, currency) = (price.unit.billing, &price.unit.currency);
        match totals.iter_mut().find(|total| total.billing == billing && total.currency == *currency) {
            Some(total) => total.amount = total.amount.plus(price.per_period),
            None => totals.push(Total { billing, currency: currency.clone(), amount: price.per_period }),
        }
    }
    crate::domain::common::stable_sort::sort_with_key(&mut totals, |total| total.billing);
    totals
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> CalendarDate {
        CalendarDate::parse(text).unwrap()
    }

    fn row(currency: &str, price: &str, start: &str) -> PriceRow {
        PriceRow {
            currency: currency.into(),
            segment: String::new(),
            tier: None,
            unit_price: Amount::parse(price).unwrap(),
            start: date(start),
        }
    }

    fn key(term: Option<TermDuration>, billing: BillingFrequency) -> PriceKey {
        ("CFQ7TTC0LH18".into(), "0001".into(), term, billing)
    }

    fn query<'a>(term: &'a str, billing: &'a str, currency: &'a str) -> PriceQuery<'a> {
        PriceQuery { product_id: "CFQ7TTC0LH18", sku_id: "0001", term, billing, currency, ..PriceQuery::default() }
    }

    #[test]
    fn a_yearly_price_billed_monthly_is_a_twelfth_a_month() {
        let mut index = PriceIndex::default();
        index.insert(key(Some(TermDuration::OneYear), BillingFrequency::Monthly), row("USD", "144", "2026-01-01"));
        index.insert(key(Some(TermDuration::OneYear), BillingFrequency::Annual), row("USD", "144", "2026-01-01"));
        index.insert(key(Some(TermDuration::ThreeYears), BillingFrequency::Annual), row("USD", "396", "2026-01-01"));
        index.insert(key(Some(TermDuration::OneMonth), BillingFrequency::Monthly), row("USD", "14.4", "2026-01-01"));
        let monthly = index.unit_price(&query("P1Y", "monthly", "USD")).unwrap();
        assert_eq!(
            (monthly.per_term, monthly.per_period),
            (Amount::parse("144").unwrap(), Amount::parse("12").unwrap())
        );
        let yearly = index.unit_price(&query("P1Y", "annual", "USD")).unwrap();
        assert_eq!(yearly.per_period, Amount::parse("144").unwrap());
        assert_eq!(index.unit_price(&query("P3Y", "annual", "USD")).unwrap().per_period, Amount::parse("132").unwrap());
        assert_eq!(index.unit_price(&query("P1M", "Monthly", "")).unwrap().per_period, Amount::parse("14.4").unwrap());
        assert_eq!(index.unit_price(&query("P3Y", "triennial", "USD")), None, "no such row");
        assert_eq!(index.unit_price(&query("P5Y", "annual", "USD")), None);
        let line = monthly.for_quantity(10);
        assert_eq!((line.per_period, line.per_term), (Amount::parse("120").unwrap(), Amount::parse("1440").unwrap()));
    }

    #[test]
    fn the_latest_start_wins_where_rows_overlap() {
        let mut index = PriceIndex::default();
        let yearly = key(Some(TermDuration::OneYear), BillingFrequency::Annual);
        index.insert(yearly.clone(), row("USD", "150", "2026-03-01"));
        index.insert(yearly.clone(), row("USD", "144", "2025-01-01"));
        index.insert(yearly, row("USD", "140", "2026-02-01"));
        assert_eq!(index.unit_price(&query("P1Y", "annual", "USD")).unwrap().per_term, Amount::parse("150").unwrap());
    }

    #[test]
    fn the_customers_currency_where_the_market_has_several() {
        let mut index = PriceIndex::default();
        let yearly = key(Some(TermDuration::OneYear), BillingFrequency::Annual);
        index.insert(yearly.clone(), row("EUR", "120", "2026-01-01"));
        index.insert(yearly, row("DKK", "900", "2026-01-01"));
        assert_eq!(index.unit_price(&query("P1Y", "annual", "dkk")).unwrap().per_term, Amount::parse("900").unwrap());
        assert_eq!(index.unit_price(&query("P1Y", "annual", "EUR")).unwrap().currency, "EUR");
        assert_eq!(index.unit_price(&query("P1Y", "annual", "USD")), None, "another currency is ignored");
        assert_eq!(index.unit_price(&query("P1Y", "annual", "")), None, "which of two is not known");
    }

    #[test]
    fn the_segment_and_tier_of_the_line() {
        let mut index = PriceIndex::default();
        let yearly = key(Some(TermDuration::OneYear), BillingFrequency::Annual);
        let education = PriceRow { segment: "education".into(), ..row("USD", "30", "2026-01-01") };
        index.insert(yearly.clone(), education);
        let small = PriceRow { segment: "commercial".into(), tier: Some((1, 300)), ..row("USD", "100", "2026-01-01") };
        let large =
            PriceRow { segment: "commercial".into(), tier: Some((301, 10_000)), ..row("USD", "90", "2026-01-01") };
        index.insert(yearly.clone(), small);
        index.insert(yearly, large);
        let mut asked = PriceQuery { segment: "Education", ..query("P1Y", "annual", "USD") };
        assert_eq!(index.unit_price(&asked).unwrap().per_term, Amount::parse("30").unwrap());
        asked.segment = "commercial";
        asked.quantity = Some(500);
        assert_eq!(index.unit_price(&asked).unwrap().per_term, Amount::parse("90").unwrap());
        asked.quantity = Some(10);
        assert_eq!(index.unit_price(&asked).unwrap().per_term, Amount::parse("100").unwrap());
    }

    #[test]
    fn totals_per_billing_frequency_and_currency() {
        let price = |billing, currency: &str, each: &str, quantity| {
            UnitPrice {
                currency: currency.into(),
                per_term: Amount::ZERO,
                per_period: Amount::parse(each).unwrap(),
                billing,
            }
            .for_quantity(quantity)
        };
        let lines = [
            price(BillingFrequency::Annual, "USD", "132", 10),
            price(BillingFrequency::Monthly, "USD", "12", 20),
            price(BillingFrequency::Monthly, "USD", "2.4", 10),
            price(BillingFrequency::Monthly, "EUR", "10", 1),
        ];
        let totals = totals_by_billing(&lines);
        let seen: Vec<(BillingFrequency, &str, f64)> =
            totals.iter().map(|total| (total.billing, total.currency.as_str(), total.amount.as_units())).collect();
        assert_eq!(
            seen,
            [
                (BillingFrequency::Monthly, "USD", 264.0),
                (BillingFrequency::Monthly, "EUR", 10.0),
                (BillingFrequency::Annual, "USD", 1320.0)
            ]
        );
        assert_eq!(totals_by_billing(&[]), []);
    }
}

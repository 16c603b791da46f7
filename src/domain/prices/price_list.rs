//! A loaded price list: the prices of the customer's market on the day, what reading it came to,
//! and the month it is of; and the price of what the wizard shows: a SKU's term and billing
//! choice on Subscriptions, a planned line on Review and Done.

use crate::domain::commerce::checkout::{Order, OrderLine};
use crate::domain::commerce::choice::SkuOption;
use crate::domain::commerce::lines::PlannedLine;
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::prices::price_index::{totals_by_billing, LinePrice, PriceIndex, PriceQuery, Total, UnitPrice};
use crate::domain::prices::price_sheet::SheetSummary;

/// The partner's prices for one market.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PriceList {
    /// The prices in effect.
    pub index: PriceIndex,
    /// What reading the sheet came to.
    pub summary: SheetSummary,
    /// The month it is the price list of (its day is the 1st).
    pub month: CalendarDate,
}

impl PriceList {
    /// One licence of `option` at `term` and `billing` (as a cart sends them), for `quantity`
    /// licences where the count is known.
    pub fn option_price(
        &self,
        option: &SkuOption,
        term: &str,
        billing: &str,
        quantity: Option<u64>,
    ) -> Option<UnitPrice> {
        let availability = option.availability.as_ref()?;
        self.index.unit_price(&PriceQuery {
            product_id: &option.sku.product_id,
            sku_id: &option.sku.id,
            term,
            billing,
            currency: &availability.default_currency.code,
            segment: &availability.segment,
            quantity,
        })
    }

    /// The price of `line`, all its licences.
    pub fn line_price(&self, line: &PlannedLine) -> Option<LinePrice> {
        let unit = self.index.unit_price(&PriceQuery {
            product_id: &line.product_id,
            sku_id: &line.sku_id,
            term: &line.term,
            billing: &line.billing,
            currency: &line.currency,
            segment: &line.segment,
            quantity: Some(line.quantity),
        })?;
        Some(unit.for_quantity(line.quantity))
    }

    /// The price of what `order` bought in its line `line`: the product and SKU its catalog
    /// item names, its term and licences, the order's billing cycle, in the currency and segment
    /// of the planned line it came from (among `planned`).
    pub fn ordered_price(&self, order: &Order, line: &OrderLine, planned: &[PlannedLine]) -> Option<LinePrice> {
        let mut parts = line.offer_id.split(':');
        let (product_id, sku_id) = (parts.next()?, parts.next()?);
        let origin = planned
            .iter()
            .find(|planned| planned.catalog_item_id == line.offer_id)
            .or_else(|| planned.iter().find(|planned| planned.product_id == product_id && planned.sku_id == sku_id));
        let bought = PlannedLine {
            product_id: product_id.to_string(),
            sku_id: sku_id.to_string(),
            quantity: line.quantity,
            term: line.term_duration.clone(),
            billing: order.billing_cycle.clone(),
            currency: origin.map(|origin| origin.currency.clone()).unwrap_or_default(),
            segment: origin.map(|origin| origin.segment.clone()).unwrap_or_default(),
            ..PlannedLine::default()
        };
        self.line_price(&bought)
    }

    /// The totals of `lines` per billing frequency (a line without a price counts for nothing).
    pub fn totals(&self, lines: &[PlannedLine]) -> Vec<Total> {
        let prices: Vec<LinePrice> = lines.iter().filter_map(|line| self.line_price(line)).collect();
        totals_by_billing(&prices)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::commerce::lines::plan_lines;
    use crate::domain::commerce::terms::BillingFrequency;
    use crate::domain::fixtures::{chose, commerce_catalog};
    use crate::domain::prices::price_sheet::index_sheet;

    #[test]
    fn prices_of_the_chosen_lines_and_their_totals() {
        let (products, details) = commerce_catalog();
        let lines = plan_lines(
            &products,
            &details,
            &[
                chose("CFQ7TTC0LFLZ", "0001", "P1Y", "monthly", "10"),
                chose("CFQ7TTC0LFLZ", "0001", "P1Y", "annual", "10"),
                chose("DZH318Z0BPS6", "0001", "", "one_time", ""),
            ],
        );
        assert_eq!(lines[0].currency, "USD");
        let sheet =
            "ProductId,SkuId,TermDuration,BillingPlan,Market,Currency,UnitPrice,EffectiveStartDate,EffectiveEndDate\n\
                     CFQ7TTC0LFLZ,0001,P1Y,Monthly,US,USD,432,2026-01-01,\n\
                     CFQ7TTC0LFLZ,0001,P1Y,Annual,US,USD,432,2026-01-01,\n";
        let (index, summary) = index_sheet(sheet, "US", CalendarDate::parse("2026-12-07").unwrap()).unwrap();
        let list = PriceList { index, summary, month: CalendarDate::parse("2026-12-01").unwrap() };
        let monthly = list.line_price(&lines[0]).unwrap();
        assert_eq!((monthly.unit.per_period.as_units(), monthly.per_period.as_units()), (36.0, 360.0));
        assert_eq!(list.line_price(&lines[2]), None, "the Azure plan is billed by usage: no list price");
        let totals = list.totals(&lines);
        let unpriced = lines.iter().filter(|line| list.line_price(line).is_none()).count();
        let totals: Vec<(BillingFrequency, f64)> =
            totals.iter().map(|total| (total.billing, total.amount.as_units())).collect();
        assert_eq!(totals, [(BillingFrequency::Monthly, 360.0), (BillingFrequency::Annual, 4320.0)]);
        assert_eq!(unpriced, 1);
        let option = details["CFQ7TTC0LFLZ"].sku("0001").unwrap();
        assert_eq!(list.option_price(option, "P1Y", "annual", None).unwrap().per_term.as_units(), 432.0);
        assert_eq!(list.option_price(option, "P3Y", "annual", None), None);
        let order = Order {
            billing_cycle: "annual".into(),
            line_items: vec![OrderLine {
                offer_id: lines[1].catalog_item_id.clone(),
                term_duration: "P1Y".into(),
                quantity: 12,
                ..OrderLine::default()
            }],
            ..Order::default()
        };
        let ordered = list.ordered_price(&order, &order.line_items[0], &lines).unwrap();
        assert_eq!(ordered.per_period.as_units(), 5184.0, "what was ordered: 12 licences at $432 a year");
    }

    #[test]
    fn the_demos_price_list_prices_every_term_of_its_catalog() {
        let sheet = include_str!("../../../data/prices-US.csv");
        let today = CalendarDate::parse("2026-12-07").unwrap();
        let (index, summary) = index_sheet(sheet, "US", today).unwrap();
        assert_eq!((summary.rows, summary.unreadable), (51, 0));
        let list = PriceList { index, summary, month: today };
        let products =
            crate::api::demo::products::DemoProducts::read(include_str!("../../../data/products-US.json")).unwrap();
        let mut priced = 0;
        for product in products.products().iter().filter(|product| product.is_sold_here()) {
            for sku in products.skus(&product.id).unwrap_or_default() {
                let availabilities = products.availabilities(&product.id, &sku.id).unwrap_or_default();
                let option = crate::domain::commerce::choice::SkuOption::new(sku.clone(), availabilities);
                for term in &option.terms {
                    for frequency in &term.frequencies {
                        let price =
                            list.option_price(&option, term.duration.wire(), frequency.frequency.wire(), Some(1));
                        assert!(
                            price.is_some(),
                            "{} {} {:?} {:?}",
                            product.title,
                            sku.id,
                            term.duration,
                            frequency.frequency
                        );
                        priced += 1;
                    }
                }
            }
        }
        assert_eq!(priced, 33);
    }
}

//! Prices from the partner's price list (issue 22): Partner Center's license-based price sheet
//! read into the prices of the customer's market on the day, each line's price per billing
//! period and per term, and the totals per billing frequency. The catalog has no prices; a
//! price is always an estimate, excluding tax, and never needed to buy.

pub mod amount;
pub mod price_index;
pub mod price_list;
pub mod price_sheet;

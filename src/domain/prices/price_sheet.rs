//! Reading Partner Center's license-based price sheet (CSV, `ProductTitle, ProductId, SkuId, …,
//! EffectiveStartDate, EffectiveEndDate, Tags, ERP Price`) into the prices of one market on one
//! day. A real sheet has tens of thousands of rows: [`SheetIndexer`] reads it a batch of rows at
//! a time, so that the browser can paint and take keystrokes between batches. Rows of other
//! markets, not in effect that day, or of a term or billing plan the wizard does not sell are
//! passed over; a row that cannot be read is counted, with the first few reasons kept.

use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::prices::amount::Amount;
use crate::domain::prices::price_index::{PriceIndex, PriceRow};
use std::io::Cursor;

/// The columns a price sheet must have to be read.
pub const REQUIRED_COLUMNS: [&str; 9] = [
    "ProductId",
    "SkuId",
    "TermDuration",
    "BillingPlan",
    "Market",
    "Currency",
    "UnitPrice",
    "EffectiveStartDate",
    "EffectiveEndDate",
];

/// How many unreadable rows' reasons are kept (the rest are counted).
const KEPT_REASONS: usize = 5;

/// Why a price sheet cannot be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    /// It is empty.
    Empty,
    /// It is not CSV (an HTML page, JSON, a zip, text with no column of a price sheet).
    NotCsv,
    /// It is CSV without these columns.
    MissingColumns(Vec<&'static str>),
}

/// A column's name as compared: letters and digits only, lower case (`ERP Price` = `erpprice`).
fn column_name(name: &[u8]) -> String {
    name.iter().filter(|byte| byte.is_ascii_alphanumeric()).map(|byte| byte.to_ascii_lowercase() as char).collect()
}

/// Where each column the reader uses is.
#[derive(Clone, Debug)]
struct Columns {
    /// The required ones, in the order of [`REQUIRED_COLUMNS`].
    required: [usize; 9],
    segment: Option<usize>,
    tier_min: Option<usize>,
    tier_max: Option<usize>,
}

impl Columns {
    fn of(header: &csv::ByteRecord) -> Result<Self, SheetError> {
        let names: Vec<String> = header.iter().map(column_name).collect();
        let find = |wanted: &str| names.iter().position(|name| *name == column_name(wanted.as_bytes()));
        let mut required = [0; 9];
        let mut missing = Vec::new();
        for (slot, wanted) in required.iter_mut().zip(REQUIRED_COLUMNS) {
            match find(wanted) {
                Some(index) => *slot = index,
                None => missing.push(wanted),
            }
        }
        if missing.len() == REQUIRED_COLUMNS.len() {
            return Err(SheetError::NotCsv);
        }
        if !missing.is_empty() {
            return Err(SheetError::MissingColumns(missing));
        }
        Ok(Self {
            required,
            segment: find("Segment"),
            tier_min: find("PricingTierRangeMin"),
            tier_max: find("PricingTierRangeMax"),
        })
    }
}

/// A date as price sheets write it: `2026-12-01`, `2026-12-01T00:00:00Z`, `12/1/2026` or
/// `12/1/2026 12:00:00 AM`.
pub fn sheet_date(text: &str) -> Option<CalendarDate> {
    let text = text.trim();
    if let Some(date) = text.get(..10).and_then(CalendarDate::parse) {
        return Some(date);
    }
    let day = text.split([' ', 'T']).next()?;
    let mut parts = day.split('/');
    let (month, day, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || month.len() > 2 || day.len() > 2 {
        return None;
    }
    CalendarDate::parse(&format!("{year}-{month:0>2}-{day:0>2}"))
}

/// What the reading of a sheet came to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SheetSummary {
    /// The rows read (not counting the header).
    pub rows: usize,
    /// The rows kept: of the market, in effect, of a term and plan the wizard sells.
    pub kept: usize,
    /// The rows that could not be read.
    pub unreadable: usize,
    /// Why, for the first few: `row 17: UnitPrice "abc" is not a number`.
    pub reasons: Vec<String>,
}

/// Reads a price sheet a batch of rows at a time into the prices of `market` on `today`.
pub struct SheetIndexer {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    record: csv::ByteRecord,
    columns: Columns,
    market: String,
    today: CalendarDate,
    index: PriceIndex,
    summary: SheetSummary,
    done: bool,
}

impl SheetIndexer {
    /// Starts reading `sheet` (its header is read now) for `market` (ISO 3166, `US`) on `today`.
    pub fn new(sheet: Vec<u8>, market: &str, today: CalendarDate) -> Result<Self, SheetError> {
        if sheet.iter().all(u8::is_ascii_whitespace) {
            return Err(SheetError::Empty);
        }
        let mut reader = csv::ReaderBuilder::new().flexible(true).has_headers(false).from_reader(Cursor::new(sheet));
        let mut header = csv::ByteRecord::new();
        match reader.read_byte_record(&mut header) {
            Ok(true) => {}
            _ => return Err(SheetError::NotCsv),
        }
        let columns = Columns::of(&header)?;
        Ok(Self {
            reader,
            record: csv::ByteRecord::new(),
            columns,
            market: market.trim().to_string(),
            today,
            index: PriceIndex::default(),
            summary: SheetSummary::default(),
            done: false,
        })
    }

    /// Reads up to `rows` more rows; `true` once the sheet has been read to its end.
    pub fn read(&mut self, rows: usize) -> bool {
        for _ in 0..rows {
            if self.done {
                break;
            }
            match self.reader.read_byte_record(&mut self.record) {
                Ok(true) => {
                    self.summary.rows += 1;
                    let row_number = self.summary.rows + 1;
                    if let Err(reason) = self.take_row() {
                        self.summary.unreadable += 1;
                        if self.summary.reasons.len() < KEPT_REASONS {
                            self.summary.reasons.push(format!("row {row_number}: {reason}"));
                        }
                    }
                }
                Ok(false) | Err(_) => self.done = true,
            }
        }
        self.done
    }

    /// Keeps the current row if it is of the market, in effect, and of a term and plan the
    /// wizard sells; why not where it cannot be read.
    fn take_row(&mut self) -> Result<(), String> {
        let record = &self.record;
        if record.len() == 1 && record.get(0).is_some_and(|field| field.iter().all(u8::is_ascii_whitespace)) {
            // A blank line.
            self.summary.rows -= 1;
            return Ok(());
        }
        let field = |index: usize, name: &str| -> Result<&str, String> {
            let bytes = record.get(index).ok_or_else(|| format!("no {name}"))?;
            std::str::from_utf8(bytes).map(str::trim).map_err(|_| format!("{name} is not text"))
        };
        let [product, sku, term, billing, market, currency, price, start, end] = self.columns.required;
        if !field(market, "Market")?.eq_ignore_ascii_case(&self.market) {
            return Ok(());
        }
        let product_id = field(product, "ProductId")?;
        let sku_id = field(sku, "SkuId")?;
        if product_id.is_empty() || sku_id.is_empty() {
            return Err("no ProductId or SkuId".into());
        }
        let currency = field(currency, "Currency")?;
        if currency.len() != 3 || !currency.bytes().all(|byte| byte.is_ascii_alphabetic()) {
            return Err(format!("Currency \"{currency}\" is not a currency code"));
        }
        let price_text = field(price, "UnitPrice")?;
        let unit_price =
            Amount::parse(price_text).ok_or_else(|| format!("UnitPrice \"{price_text}\" is not a number"))?;
        let start_text = field(start, "EffectiveStartDate")?;
        let start =
            sheet_date(start_text).ok_or_else(|| format!("EffectiveStartDate \"{start_text}\" is not a date"))?;
        let end_text = field(end, "EffectiveEndDate")?;
        let end = if end_text.is_empty() {
            None
        } else {
            Some(sheet_date(end_text).ok_or_else(|| format!("EffectiveEndDate \"{end_text}\" is not a date"))?)
        };
        let optional = |index: Option<usize>| {
            index
                .and_then(|index| record.get(index))
                .and_then(|bytes| std::str::from_utf8(bytes).ok())
                .map(str::trim)
                .unwrap_or_default()
        };
        let tier =
            match (optional(self.columns.tier_min).parse::<u64>(), optional(self.columns.tier_max).parse::<u64>()) {
                (Ok(min), Ok(max)) if min <= max => Some((min, max)),
                _ => None,
            };
        let segment = optional(self.columns.segment).to_ascii_lowercase();
        let in_effect = start <= self.today && end.is_none_or(|end| self.today <= end);
        let term_text = field(term, "TermDuration")?;
        let term = if term_text.is_empty() { None } else { TermDuration::parse(term_text) };
        let billing = BillingFrequency::parse(field(billing, "BillingPlan")?);
        let (Some(billing), true) = (billing, in_effect && (term_text.is_empty() || term.is_some())) else {
            return Ok(());
        };
        let row = PriceRow { currency: currency.to_string(), segment, tier, unit_price, start };
        self.index.insert((product_id.to_string(), sku_id.to_string(), term, billing), row);
        self.summary.kept += 1;
        Ok(())
    }

    /// The prices kept and what the reading came to.
    pub fn finish(self) -> (PriceIndex, SheetSummary) {
        (self.index, self.summary)
    }
}

/// Reads the whole of `sheet` at once (tests; the browser reads it in batches).
pub fn index_sheet(sheet: &str, market: &str, today: CalendarDate) -> Result<(PriceIndex, SheetSummary), SheetError> {
    let mut indexer = SheetIndexer::new(sheet.as_bytes().to_vec(), market, today)?;
    while !indexer.read(1_000) {}
    Ok(indexer.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::prices::price_index::PriceQuery;

    const HEADER: &str = "ProductTitle,ProductId,SkuId,SkuTitle,Publisher,SkuDescription,UnitOfMeasure,TermDuration,BillingPlan,Market,Currency,UnitPrice,PricingTierRangeMin,PricingTierRangeMax,EffectiveStartDate,EffectiveEndDate,Tags,ERP Price";

    fn today() -> CalendarDate {
        CalendarDate::parse("2026-12-07").unwrap()
    }

    fn sheet(rows: &[&str]) -> String {
        let mut text = format!("\u{feff}{HEADER}\r\n");
        for row in rows {
            text.push_str(row);
            text.push_str("\r\n");
        }
        text
    }

    fn price(index: &PriceIndex, term: &str, billing: &str) -> Option<f64> {
        let query = PriceQuery {
            product_id: "CFQ7TTC0LSGZ",
            sku_id: "0001",
            term,
            billing,
            currency: "USD",
            ..PriceQuery::default()
        };
        index.unit_price(&query).map(|price| price.per_period.as_units())
    }

    const E3_YEAR_MONTHLY: &str = "\"Microsoft 365 E3\",CFQ7TTC0LSGZ,0001,\"Microsoft 365 E3, (no Teams)\",Microsoft Corporation,\"Desc, with comma\",Licenses,P1Y,Monthly,US,USD,432,,,2026-01-01T00:00:00Z,9999-12-31T00:00:00Z,,432";

    #[test]
    fn keeps_the_markets_rows_in_effect_today() {
        let text = sheet(&[
            E3_YEAR_MONTHLY,
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P1Y,Annual,US,USD,432,,,12/1/2026 12:00:00 AM,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P1M,Monthly,US,USD,43.2,,,2026-12-08,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P3Y,Annual,US,USD,1188,,,2025-01-01,2026-12-06,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P3Y,Triennial,GB,GBP,999,,,2025-01-01,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P5Y,Annual,US,USD,1,,,2025-01-01,,,",
            "",
        ]);
        let (index, summary) = index_sheet(&text, "us", today()).unwrap();
        assert_eq!(price(&index, "P1Y", "monthly"), Some(36.0));
        assert_eq!(price(&index, "P1Y", "annual"), Some(432.0));
        assert_eq!(price(&index, "P1M", "monthly"), None, "starts tomorrow");
        assert_eq!(price(&index, "P3Y", "annual"), None, "ended yesterday");
        assert_eq!(price(&index, "P3Y", "triennial"), None, "another market");
        assert_eq!(summary, SheetSummary { rows: 6, kept: 2, unreadable: 0, reasons: Vec::new() });
    }

    #[test]
    fn counts_the_rows_it_cannot_read_and_keeps_the_rest() {
        let text = sheet(&[
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P1Y,Monthly,US,USD,abc,,,2026-01-01,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P1Y,Monthly,US,USD,432,,,someday,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft",
            ",,0001,E3,Microsoft,,Licenses,P1Y,Monthly,US,USD,432,,,2026-01-01,,,",
            "Microsoft 365 E3,CFQ7TTC0LSGZ,0001,E3,Microsoft,,Licenses,P1Y,Monthly,US,$,432,,,2026-01-01,,,",
            E3_YEAR_MONTHLY,
        ]);
        let (index, summary) = index_sheet(&text, "US", today()).unwrap();
        assert_eq!(price(&index, "P1Y", "monthly"), Some(36.0));
        assert_eq!((summary.rows, summary.kept, summary.unreadable), (6, 1, 5));
        assert_eq!(
            summary.reasons,
            [
                "row 2: UnitPrice \"abc\" is not a number",
                "row 3: EffectiveStartDate \"someday\" is not a date",
                "row 4: no Market",
                "row 5: no ProductId or SkuId",
                "row 6: Currency \"$\" is not a currency code"
            ]
        );
    }

    #[test]
    fn what_is_not_a_price_sheet() {
        assert_eq!(index_sheet("", "US", today()).unwrap_err(), SheetError::Empty);
        assert_eq!(
            index_sheet("<!doctype html><html><body>Not found</body></html>", "US", today()).unwrap_err(),
            SheetError::NotCsv
        );
        assert_eq!(index_sheet("{\"items\": []}", "US", today()).unwrap_err(), SheetError::NotCsv);
        let without = "ProductId,SkuId,TermDuration,BillingPlan,Market,Currency,EffectiveStartDate\nX,0001,P1Y,Monthly,US,USD,2026-01-01\n";
        assert_eq!(
            index_sheet(without, "US", today()).unwrap_err(),
            SheetError::MissingColumns(vec!["UnitPrice", "EffectiveEndDate"])
        );
    }

    #[test]
    fn dates_as_sheets_write_them() {
        let date = |text: &str| sheet_date(text).map(|date| date.to_string());
        assert_eq!(date("2026-12-01T00:00:00.0000000Z").as_deref(), Some("2026-12-01"));
        assert_eq!(date("12/1/2026 12:00:00 AM").as_deref(), Some("2026-12-01"));
        assert_eq!(date("1/31/2027").as_deref(), Some("2027-01-31"));
        assert_eq!(date("31/1/2027"), None);
        assert_eq!(date("next month"), None);
    }

    #[test]
    fn a_large_sheet_in_batches() {
        let rows: Vec<String> = (0..5_000)
            .map(|n| {
                format!("P{n},PRODUCT{n:05},0001,Sku,Microsoft,,Licenses,P1Y,Monthly,US,USD,{n}.5,,,2026-01-01,,,")
            })
            .collect();
        let text = sheet(&rows.iter().map(String::as_str).collect::<Vec<_>>());
        let mut indexer = SheetIndexer::new(text.into_bytes(), "US", today()).unwrap();
        let mut batches = 1;
        while !indexer.read(512) {
            batches += 1;
        }
        let (index, summary) = indexer.finish();
        assert_eq!(batches, 10);
        assert_eq!((summary.rows, summary.kept, index.len()), (5_000, 5_000, 5_000));
        let query = PriceQuery {
            product_id: "PRODUCT04999",
            sku_id: "0001",
            term: "P1Y",
            billing: "monthly",
            ..PriceQuery::default()
        };
        assert_eq!(index.unit_price(&query).unwrap().per_term.as_units(), 4_999.5);
    }
}

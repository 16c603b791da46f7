//! The partner's price list (the `price-sheet` option): Partner Center's license-based price
//! sheet as CSV, at a URL of the host's that may hold `{market}` for the customer's country.
//! It is fetched when the country is known, read a batch of rows at a time between the
//! browser's frames (a real sheet has tens of thousands of rows), and kept for the page's life,
//! by market. The request log shows the fetch and what reading it came to.

use crate::api::http::get_file;
use crate::api::pause::{yield_to_browser, TimeSlices};
use crate::api::request_log::{LoggedCall, RequestLog};
use crate::api::ApiError;
use crate::domain::common::calendar_date::CalendarDate;
use crate::domain::prices::price_list::PriceList;
use crate::domain::prices::price_sheet::{SheetError, SheetIndexer};
use std::cell::RefCell;
use std::rc::Rc;

/// Rows read between two looks at the clock.
const BATCH_ROWS: usize = 256;

/// How long the reading goes on before the browser gets its turn, in milliseconds: well under
/// the 50 ms of a long task, so that typing never waits on it.
const SLICE_MS: f64 = 10.0;

/// Why there are no prices.
#[derive(Clone, Debug, PartialEq)]
pub enum PriceSheetError {
    /// The price list did not load: no answer (CORS, offline), a timeout, or an error status.
    NotLoaded(ApiError),
    /// It loaded but is not a price sheet.
    Unreadable(SheetError),
}

/// The price lists of one wizard's page, by market.
pub struct PriceSheets {
    template: String,
    timeout_s: u32,
    log: Option<RequestLog>,
    loaded: RefCell<Vec<(String, Rc<PriceList>)>>,
}

/// A shared handle on the price lists; `None` where the host gives none.
pub type SharedPriceSheets = Option<Rc<PriceSheets>>;

/// The month of a `Last-Modified` date, else `today`'s: the month the partner exported it.
fn month_of(last_modified: Option<&str>, today: CalendarDate) -> CalendarDate {
    let stamp = last_modified.map(js_sys::Date::parse).filter(|stamp| stamp.is_finite());
    match stamp {
        Some(stamp) => {
            let date = js_sys::Date::new(&stamp.into());
            CalendarDate { year: date.get_utc_full_year() as u16, month: date.get_utc_month() as u8 + 1, day: 1 }
        }
        None => CalendarDate { day: 1, ..today },
    }
}

impl PriceSheets {
    /// The price lists at `template` (`https://…/prices-{market}.csv`); a fetch without a whole
    /// answer after `timeout_s` seconds is given up; `log` records each fetch.
    pub fn new(template: &str, timeout_s: u32, log: Option<RequestLog>) -> Self {
        Self { template: template.to_string(), timeout_s, log, loaded: RefCell::new(Vec::new()) }
    }

    /// The URL of `market`'s price list.
    pub fn url_for(&self, market: &str) -> String {
        self.template.replace("{market}", &String::from(js_sys::encode_uri_component(market)))
    }

    /// The prices of `market` (ISO 3166 alpha-2) in effect `today`, fetched and read on first use.
    pub async fn for_market(
        self: Rc<Self>,
        market: String,
        today: CalendarDate,
    ) -> Result<Rc<PriceList>, PriceSheetError> {
        let kept = self.loaded.borrow().iter().find(|(kept, _)| *kept == market).map(|(_, list)| list.clone());
        if let Some(list) = kept {
            return Ok(list);
        }
        let url = self.url_for(&market);
        let mut call = LoggedCall { method: "GET".into(), url: url.clone(), ..LoggedCall::default() };
        let answer = match get_file(&url, self.timeout_s, SLICE_MS).await {
            Ok(answer) => answer,
            Err(error) => {
                call.response = error.to_string();
                self.record(call);
                return Err(PriceSheetError::NotLoaded(error));
            }
        };
        call.status = Some(answer.status);
        call.started = answer.started.clone();
        call.duration_ms = answer.duration_ms;
        call.response_headers = [("Content-Type", &answer.content_type), ("Last-Modified", &answer.last_modified)]
            .into_iter()
            .filter_map(|(name, value)| value.clone().map(|value| (name.to_string(), value)))
            .collect();
        if !(200..300).contains(&answer.status) {
            call.response = format!("{} bytes", answer.bytes.len());
            self.record(call);
            return Err(PriceSheetError::NotLoaded(ApiError::Status {
                status: answer.status,
                body: None,
                retry_after: None,
            }));
        }
        // The browser finishes the body's load in a task of its own making (some 40 ms for 10 MB
        // at 1× CPU); the reading starts in the next one, not at the end of that.
        yield_to_browser().await;
        let size = answer.bytes.len();
        let started = js_sys::Date::now();
        let mut indexer = match SheetIndexer::new(answer.bytes, &market, today) {
            Ok(indexer) => indexer,
            Err(error) => {
                call.response = format!("{size} bytes, not a price sheet");
                call.unreadable = Some(match &error {
                    SheetError::MissingColumns(columns) => format!("no column {}", columns.join(", ")),
                    SheetError::Empty => "empty".into(),
                    SheetError::NotCsv => "not CSV with a price sheet's columns".into(),
                });
                self.record(call);
                return Err(PriceSheetError::Unreadable(error));
            }
        };
        // Read in slices, the browser's turn between them; the log says how many and the
        // longest, which is what typing waits for at worst.
        let mut slices = TimeSlices::new(SLICE_MS);
        loop {
            let mut done = false;
            while !done && !slices.is_over() {
                done = indexer.read(BATCH_ROWS);
            }
            if done {
                slices.end();
                break;
            }
            slices.next().await;
        }
        let (index, summary) = indexer.finish();
        let read_ms = (js_sys::Date::now() - started).max(0.0) as u32;
        call.response = format!(
            "{size} bytes: {} rows, {} in effect for {market} on {today}, {} could not be read; read in {read_ms} ms, \
             {} slices, the longest {} ms",
            summary.rows, summary.kept, summary.unreadable, slices.count, slices.longest_ms as u32
        );
        if summary.unreadable > 0 {
            call.unreadable =
                Some(format!("{} rows could not be read: {}", summary.unreadable, summary.reasons.join("; ")));
        }
        self.record(call);
        let list = Rc::new(PriceList { index, summary, month: month_of(answer.last_modified.as_deref(), today) });
        self.loaded.borrow_mut().push((market, list.clone()));
        Ok(list)
    }

    fn record(&self, call: LoggedCall) {
        if let Some(log) = &self.log {
            log.record(call);
        }
    }
}

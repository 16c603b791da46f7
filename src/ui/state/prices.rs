//! The customer's market's prices, from the partner's price list: loaded when the country is
//! chosen (read between the browser's frames), and what the pages show of them. With no price
//! list, or one that could not be read, nothing here stops anything: the pages show no price.

use crate::api::price_sheets::{PriceSheetError, SharedPriceSheets};
use crate::domain::prices::price_list::PriceList;
use crate::domain::prices::price_sheet::SheetError;
use crate::ui::common::browser::today;
use crate::ui::common::intl::{format_month, format_number, Namer};
use crate::ui::i18n::{Locale, PriceNotice};
use leptos::prelude::*;
use std::rc::Rc;

/// The price list of the chosen country: `None` while there is no country or it is loading.
type PriceListResource = LocalResource<Option<Result<Rc<PriceList>, PriceSheetError>>>;

/// The prices of one wizard.
#[derive(Clone, Copy)]
pub struct PricesState {
    list: Option<PriceListResource>,
}

impl PricesState {
    /// The prices of the country `country` names, from `sheets`; none without a price list.
    pub fn new(sheets: SharedPriceSheets, country: Signal<String>) -> Self {
        let list = sheets.map(|sheets| {
            LocalResource::new(move || {
                let (sheets, market) = (sheets.clone(), country.get());
                async move {
                    if market.is_empty() {
                        return None;
                    }
                    Some(sheets.for_market(market, today()).await)
                }
            })
        });
        Self { list }
    }

    /// The price list, once it has loaded with prices for the market (tracked): what the pages
    /// price their lines from, and show a price column and totals for.
    pub fn list(&self) -> Option<Rc<PriceList>> {
        self.list?
            .with(|list| list.as_ref().and_then(|list| list.as_ref().and_then(|list| list.as_ref().ok().cloned())))
            .filter(|list| !list.index.is_empty())
    }

    /// The one line about the price list, where there is something to say: why it shows no
    /// prices, or not all of them (`country`: the customer's, ISO 3166).
    pub fn notice(&self, country: &str, locale: Locale) -> Option<String> {
        let messages = locale.messages();
        self.list?.with(|list| {
            let list = list.as_ref()?.as_ref()?;
            let notice = match list {
                Err(PriceSheetError::NotLoaded(error)) => {
                    messages.price_notice(PriceNotice::NotLoaded(&error.to_string()))
                }
                Err(PriceSheetError::Unreadable(SheetError::MissingColumns(columns))) => {
                    messages.price_notice(PriceNotice::MissingColumns(&columns.join(", ")))
                }
                Err(PriceSheetError::Unreadable(_)) => messages.price_notice(PriceNotice::NotASheet),
                Ok(list) if list.index.is_empty() => {
                    messages.price_notice(PriceNotice::NoPricesFor(&Namer::regions(locale).name(country)))
                }
                Ok(list) if list.summary.unreadable > 0 => {
                    let count = list.summary.unreadable as u64;
                    messages.price_notice(PriceNotice::RowsUnreadable(count, &format_number(count, locale)))
                }
                Ok(_) => return None,
            };
            Some(notice)
        })
    }

    /// "Estimated, excluding tax; price list of December 2026." where there are prices.
    pub fn basis(&self, locale: Locale) -> Option<String> {
        let list = self.list()?;
        Some(locale.messages().price_basis(&format_month(list.month, locale)))
    }
}

/// The prices of the wizard this component belongs to.
pub fn use_prices() -> PricesState {
    use_context::<PricesState>().expect("a wizard page outside the wizard")
}

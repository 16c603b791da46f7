//! Test data shared by the domain's unit tests.

use super::account_info::AccountInfo;

/// The spec's sample customer, Wingtip Toys in Redmond, complete and valid, with the agreement
/// attested on 2026-11-20.
pub fn wingtip() -> AccountInfo {
    let mut info = AccountInfo {
        country: "US".into(),
        company_name: "Wingtip Toys".into(),
        domain_prefix: "wingtiptoys".into(),
        address_line1: "One Microsoft Way".into(),
        city: "Redmond".into(),
        state: "WA".into(),
        postal_code: "98052".into(),
        phone: "4255550101".into(),
        language: "en".into(),
        culture: "en-US".into(),
        first_name: "Gena".into(),
        last_name: "Soto".into(),
        email: "gena@wingtiptoys.com".into(),
        ..AccountInfo::default()
    };
    info.agreement.attested = true;
    info.agreement.date = "2026-11-20".into();
    info
}

//! Reading JSON with serde: an endpoint's answer, a country's data file, a saved draft or job.
//! A body of the wrong shape says what was wrong, where, and the text there (`invalid type:
//! string "5", expected u64 at line 1 column 61, after …"minimumQuantity": "5"`), so that the
//! request log shows the field. Everything is read through this one function, so that each
//! type's reader is in the wasm once.
//!
//! (Until issue 21 the path of the field came from `serde_path_to_error`; its tracking
//! deserializer doubled every type's reader in the wasm: 25,945 bytes gzipped with the new
//! commerce types, for what the text around the error also shows.)

use serde::de::DeserializeOwned;

/// How much of the text before an error its message quotes, in characters.
const EXCERPT_CHARS: usize = 40;

/// `text` as a `T`, or why not: what was wrong, where, and the text up to that point.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    serde_json::from_str(text).map_err(|error| {
        let excerpt = excerpt_before(text, error.line(), error.column());
        if excerpt.is_empty() {
            error.to_string()
        } else {
            format!("{error}, after …{excerpt}")
        }
    })
}

/// Up to [`EXCERPT_CHARS`] characters of `text` before `line`:`column` (1-based; the column
/// counts bytes, as serde_json's does), on that line, trimmed.
fn excerpt_before(text: &str, line: usize, column: usize) -> String {
    let Some(row) = text.lines().nth(line.saturating_sub(1)) else { return String::new() };
    let mut end = column.min(row.len());
    while !row.is_char_boundary(end) {
        end -= 1;
    }
    let before = &row[..end];
    let skip = before.chars().count().saturating_sub(EXCERPT_CHARS);
    before.chars().skip(skip).collect::<String>().trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::error::ErrorBody;
    use crate::domain::account::address_check::PostalAddress;
    use crate::domain::account::reseller::{AgreementStatus, Reseller};
    use crate::domain::commerce::catalog::Product;
    use crate::domain::common::collection::Collection;
    use crate::domain::country::country_rules::CountryRules;
    use crate::domain::requests::customer_request::{CreatedCustomer, NewCustomer};
    use crate::domain::requests::relationship_request::RelationshipRequest;
    use serde::Serialize;
    use serde_json::Value;

    /// The JSON examples of `docs/contract.md`, in the order the contract gives them.
    fn contract_examples() -> Vec<&'static str> {
        include_str!("../../../docs/contract.md")
            .split("```json\n")
            .skip(1)
            .map(|block| block.split("```").next().unwrap())
            .collect()
    }

    /// `text` read as a `T` and written again is the same JSON.
    fn round_trip<T: DeserializeOwned + Serialize>(text: &str) {
        let read: T = decode(text).unwrap_or_else(|error| panic!("{error}\n{text}"));
        assert_eq!(serde_json::to_value(read).unwrap(), serde_json::from_str::<Value>(text).unwrap(), "{text}");
    }

    #[test]
    fn the_contract_examples_read_and_the_requests_round_trip() {
        let examples = contract_examples();
        assert_eq!(examples.len(), 17, "the contract's JSON examples");
        let error: ErrorBody = decode(examples[0]).unwrap();
        assert_eq!((error.code, error.data.len()), (Some(600049), 1));
        let rules: CountryRules = decode(examples[1]).unwrap();
        assert_eq!(rules.iso2_code.as_deref(), Some("US"));
        round_trip::<PostalAddress>(examples[2]);
        round_trip::<NewCustomer>(examples[3]);
        let created: CreatedCustomer = decode(examples[4]).unwrap();
        assert_eq!(created.user_credentials.user_name, "admin");
        let resellers: Collection<Reseller> = decode(examples[6]).unwrap();
        assert_eq!((resellers.items[0].mpn_id.as_str(), resellers.items[0].location.as_str()), ("4847383", "US"));
        let status: AgreementStatus = decode(examples[7]).unwrap();
        assert!(status.is_agreement_signed);
        let request: RelationshipRequest = decode(examples[8]).unwrap();
        assert!(request.url.starts_with("https://admin.microsoft.com/"));
        let products: Collection<Product> = decode(examples[9]).unwrap();
        assert!(products.links.next_page().is_some(), "paged by links.next");
        let skus: Collection<crate::domain::commerce::catalog::Sku> = decode(examples[10]).unwrap();
        assert!(!skus.items.is_empty());
        let availabilities: Collection<crate::domain::commerce::catalog::Availability> = decode(examples[11]).unwrap();
        assert!(!availabilities.items[0].terms.is_empty());
        round_trip::<crate::domain::commerce::qualification::QualificationRequest>(examples[12]);
        let status: crate::domain::commerce::checkout::ValidationStatus = decode(examples[13]).unwrap();
        assert!(!crate::domain::commerce::checkout::purchase_allowed(Some(&status)), "under review");
        round_trip::<crate::domain::commerce::cart::Cart>(examples[14]);
        let cart: crate::domain::commerce::cart::Cart = decode(examples[15]).unwrap();
        assert!(!cart.id.is_empty());
        let checkout: crate::domain::commerce::checkout::CheckoutResult = decode(examples[16]).unwrap();
        assert!(!checkout.orders.is_empty());
    }

    #[test]
    fn every_data_file_reads() {
        let catalog =
            crate::api::demo::products::DemoProducts::read(include_str!("../../../data/products-US.json")).unwrap();
        assert!(catalog.products().len() >= 10);
        for entry in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/data/countries")).unwrap() {
            let path = entry.unwrap().path();
            let rules: CountryRules = decode(&std::fs::read_to_string(&path).unwrap())
                .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
            assert!(rules.iso2_code.is_some(), "{}", path.display());
        }
    }

    #[test]
    fn shows_the_field_that_did_not_read() {
        let error = decode::<Collection<crate::domain::commerce::catalog::Sku>>(
            r#"{"items": [{"id": "a"}, {"id": "b", "minimumQuantity": "5"}]}"#,
        )
        .unwrap_err();
        assert!(error.starts_with("invalid type: string \"5\", expected u64 at line 1 column 58"), "{error}");
        assert!(error.ends_with(r##"after …"a"}, {"id": "b", "minimumQuantity": "5""##), "{error}");
        let error = decode::<Collection<u32>>("{\"items\": [1,\n  2, \"ещё\"]}").unwrap_err();
        assert!(error.contains("line 2"), "{error}");
        assert!(error.ends_with("after …2, \"ещё\""), "multi-byte text, counted in bytes: {error}");
    }

    #[test]
    fn reads_a_body_and_ignores_what_it_does_not_know() {
        let created: CreatedCustomer = decode(r#"{"id": "c1", "relationshipToPartner": "reseller"}"#).unwrap();
        assert_eq!(created.id, "c1");
    }

    #[test]
    fn text_after_the_body_or_no_json_at_all_is_refused() {
        assert!(decode::<CreatedCustomer>(r#"{"id": "c1"} x"#).is_err());
        assert!(decode::<CreatedCustomer>("<html>").is_err());
    }
}

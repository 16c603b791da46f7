//! Where a failed call's error belongs: a field of Account info, an offer of Subscriptions, or
//! the page (spec §2's error table).

use crate::api::ApiError;
use crate::domain::account::field::Field;
use crate::domain::catalog::order_plan::PlannedOrder;

/// The place to show an error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ErrorTarget {
    /// A field of the Account info page.
    Field(Field),
    /// One offer on the Subscriptions page.
    Offer(String),
    /// The page as a whole.
    Page,
}

/// The field a property name of a `27002` answer (`"state: StateInvalid"`) stands for.
fn field_of_property(property: &str) -> Option<Field> {
    let property = property.rsplit('.').next().unwrap_or(property).to_ascii_lowercase();
    Some(match property.as_str() {
        "companyname" => Field::CompanyName,
        "domain" => Field::DomainPrefix,
        "addressline1" => Field::AddressLine1,
        "addressline2" => Field::AddressLine2,
        "city" => Field::City,
        "state" => Field::State,
        "postalcode" => Field::PostalCode,
        "country" => Field::Country,
        "phonenumber" => Field::Phone,
        "organizationregistrationnumber" => Field::RegistrationNumber,
        "language" => Field::Language,
        "culture" => Field::Culture,
        "firstname" => Field::FirstName,
        "lastname" => Field::LastName,
        "email" => Field::Email,
        _ => return None,
    })
}

/// The offer an order error names: an offer id in its data or description, else the order's
/// only line.
fn offer_of(error: &ApiError, order: Option<&PlannedOrder>) -> Option<String> {
    let order = order?;
    let description = match error {
        ApiError::Status { body: Some(body), .. } => body.description.clone().unwrap_or_default(),
        _ => String::new(),
    };
    let mentioned = |id: &str| {
        let id = id.to_ascii_lowercase();
        description.to_ascii_lowercase().contains(&id)
            || error.data_texts().iter().any(|text| text.to_ascii_lowercase().contains(&id))
    };
    order
        .lines
        .iter()
        .find(|line| mentioned(&line.offer_id))
        .or_else(|| (order.lines.len() == 1).then(|| &order.lines[0]))
        .map(|line| line.offer_id.clone())
}

/// Where `error` belongs; `order` is the order being placed, for order errors.
pub fn locate(error: &ApiError, order: Option<&PlannedOrder>) -> ErrorTarget {
    if let ApiError::DomainTaken(_) = error {
        return ErrorTarget::Field(Field::DomainPrefix);
    }
    match error.code() {
        Some(600049 | 600050 | 600002) => ErrorTarget::Field(Field::RegistrationNumber),
        Some(600051) => ErrorTarget::Field(Field::Phone),
        Some(27002) => error
            .data_texts()
            .iter()
            .find_map(|text| field_of_property(text.split(':').next().unwrap_or_default().trim()))
            .map_or(ErrorTarget::Page, ErrorTarget::Field),
        Some(2007) => ErrorTarget::Field(Field::AddressLine1),
        Some(2002 | 800004 | 800070) => offer_of(error, order).map_or(ErrorTarget::Page, ErrorTarget::Offer),
        _ => ErrorTarget::Page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::catalog::order_plan::OrderLineItem;

    fn error(code: i64, description: &str, data: &[&str]) -> ApiError {
        ApiError::from_status(
            400,
            &serde_json::json!({"code": code, "description": description, "data": data, "source": "PartnerFD"})
                .to_string(),
        )
    }

    fn order(ids: &[&str]) -> PlannedOrder {
        PlannedOrder {
            sales_group_id: "Default".into(),
            billing_cycle: "monthly".into(),
            lines: ids
                .iter()
                .enumerate()
                .map(|(index, id)| OrderLineItem {
                    line_item_number: index as u32,
                    offer_id: id.to_string(),
                    friendly_name: id.to_string(),
                    quantity: 1,
                    partner_id_on_record: None,
                    additional_partner_ids_on_record: None,
                })
                .collect(),
        }
    }

    #[test]
    fn registration_and_phone_codes_go_to_their_fields() {
        assert_eq!(locate(&error(600049, "missing", &[]), None), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600050, "^\\d{10}$", &[]), None), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600002, "", &[]), None), ErrorTarget::Field(Field::RegistrationNumber));
        assert_eq!(locate(&error(600051, "", &[]), None), ErrorTarget::Field(Field::Phone));
    }

    #[test]
    fn an_invalid_property_names_its_field() {
        assert_eq!(locate(&error(27002, "", &["state: StateInvalid"]), None), ErrorTarget::Field(Field::State));
        assert_eq!(
            locate(&error(27002, "", &["billingProfile.defaultAddress.postalCode: Invalid"]), None),
            ErrorTarget::Field(Field::PostalCode)
        );
        assert_eq!(locate(&error(27002, "", &["something: odd"]), None), ErrorTarget::Page);
        assert_eq!(
            locate(&ApiError::DomainTaken("a.onmicrosoft.com".into()), None),
            ErrorTarget::Field(Field::DomainPrefix),
            "taken since the page checked it"
        );
    }

    #[test]
    fn order_errors_go_to_the_offer_they_name() {
        let two = order(&["AAA-1", "BBB-2"]);
        assert_eq!(
            locate(&error(2002, "Quantity of BBB-2 is out of range", &[]), Some(&two)),
            ErrorTarget::Offer("BBB-2".into())
        );
        assert_eq!(
            locate(&error(800070, "not sold", &[]), Some(&order(&["CCC-3"]))),
            ErrorTarget::Offer("CCC-3".into())
        );
        assert_eq!(locate(&error(800004, "invalid offer", &[]), Some(&two)), ErrorTarget::Page);
    }

    #[test]
    fn everything_else_is_the_pages() {
        assert_eq!(locate(&error(600006, "", &[]), None), ErrorTarget::Page);
        assert_eq!(locate(&ApiError::NoAnswer("offline".into()), None), ErrorTarget::Page);
    }
}

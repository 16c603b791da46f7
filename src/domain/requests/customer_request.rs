//! The body of `POST /v1/customers`, made from the Account info entries, and its answer.

use crate::domain::account::account_info::AccountInfo;
use crate::domain::account::rules::domain_prefix::full_domain;
use crate::domain::account::rules::phone::normalized_phone;
use crate::domain::country::country_rules::CountryRules;
use serde::{Deserialize, Serialize};

/// `companyProfile` of the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CompanyProfile {
    /// `<prefix>.onmicrosoft.com`.
    pub domain: String,
    /// Only in the countries that require it; never sent elsewhere.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization_registration_number: Option<String>,
}

/// `billingProfile.defaultAddress` of the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// The primary contact's first name.
    pub first_name: String,
    /// The primary contact's last name.
    pub last_name: String,
    /// Line 1.
    pub address_line1: String,
    /// Line 2, `null` when empty.
    pub address_line2: Option<String>,
    /// City, `null` when empty.
    pub city: Option<String>,
    /// State code, `null` when the country has none.
    pub state: Option<String>,
    /// Postal code, `null` when empty.
    pub postal_code: Option<String>,
    /// ISO 3166 alpha-2.
    pub country: String,
    /// Phone as entered, `null` when empty.
    pub phone_number: Option<String>,
}

/// `billingProfile` of the request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BillingProfile {
    /// The primary contact's first name.
    pub first_name: String,
    /// The primary contact's last name.
    pub last_name: String,
    /// The primary contact's email.
    pub email: String,
    /// e.g. `en-US`.
    pub culture: String,
    /// e.g. `en`.
    pub language: String,
    /// The legal name.
    pub company_name: String,
    /// The address.
    pub default_address: Address,
}

/// The body of `POST /v1/customers`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewCustomer {
    /// The Default GDAP opt-in.
    #[serde(rename = "enableGDAPByDefault")]
    pub enable_gdap_by_default: bool,
    /// The reseller's tenant id, for an indirect reseller's customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associated_partner_id: Option<String>,
    /// Domain and registration number.
    pub company_profile: CompanyProfile,
    /// Contact, company name and address.
    pub billing_profile: BillingProfile,
}

fn text(value: &str) -> String {
    value.trim().to_string()
}

fn optional(value: &str) -> Option<String> {
    Some(value.trim().to_string()).filter(|value| !value.is_empty())
}

impl NewCustomer {
    /// The request for the (validated) entries under the country's rules.
    pub fn from_account(info: &AccountInfo, rules: &CountryRules) -> Self {
        let registration_number =
            if rules.requires_registration_number() { optional(&info.registration_number) } else { None };
        let state = if rules.asks_for_state() { optional(&info.state) } else { None };
        NewCustomer {
            enable_gdap_by_default: info.gdap_by_default,
            associated_partner_id: None,
            company_profile: CompanyProfile {
                domain: full_domain(&info.domain_prefix),
                organization_registration_number: registration_number,
            },
            billing_profile: BillingProfile {
                first_name: text(&info.first_name),
                last_name: text(&info.last_name),
                email: text(&info.email),
                culture: info.culture.clone(),
                language: info.language.clone(),
                company_name: text(&info.company_name),
                default_address: Address {
                    first_name: text(&info.first_name),
                    last_name: text(&info.last_name),
                    address_line1: text(&info.address_line1),
                    address_line2: optional(&info.address_line2),
                    city: rules.asks_for_city().then(|| optional(&info.city)).flatten(),
                    state,
                    postal_code: rules.asks_for_postal_code().then(|| optional(&info.postal_code)).flatten(),
                    country: info.country.clone(),
                    phone_number: normalized_phone(&info.phone, rules, false).unwrap_or_else(|_| optional(&info.phone)),
                },
            },
        }
    }
}

/// The one-time credentials of the new customer's admin.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct UserCredentials {
    /// `admin`.
    pub user_name: String,
    /// The one-time password: this answer is the only time it exists.
    pub password: String,
}

/// What the answer's `companyProfile` carries.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreatedCompanyProfile {
    /// The Microsoft ID.
    pub tenant_id: String,
    /// The initial domain.
    pub domain: String,
}

/// The 201 answer of `POST /v1/customers`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CreatedCustomer {
    /// The customer id, which is the Microsoft ID (tenant id).
    pub id: String,
    /// Domain and tenant id.
    pub company_profile: CreatedCompanyProfile,
    /// The admin's one-time credentials.
    pub user_credentials: UserCredentials,
}

impl CreatedCustomer {
    /// The admin's sign-in name: `admin@<domain>`.
    pub fn admin_user(&self) -> String {
        let user = if self.user_credentials.user_name.is_empty() { "admin" } else { &self.user_credentials.user_name };
        if user.contains('@') {
            user.to_string()
        } else {
            format!("{user}@{}", self.company_profile.domain)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures;
    use crate::domain::fixtures::country_rules;

    /// The sample customer as typed: spaces around the name, a prefix in mixed case, and a
    /// registration number that the US does not take.
    fn wingtip() -> AccountInfo {
        AccountInfo {
            company_name: " Wingtip Toys ".into(),
            domain_prefix: "WingtipToys".into(),
            registration_number: "ignored".into(),
            ..fixtures::wingtip()
        }
    }

    #[test]
    fn maps_the_entries_to_the_spec_shape() {
        let body = serde_json::to_value(NewCustomer::from_account(&wingtip(), &country_rules("US"))).unwrap();
        assert_eq!(
            body,
            serde_json::json!({
                "enableGDAPByDefault": true,
                "companyProfile": { "domain": "wingtiptoys.onmicrosoft.com" },
                "billingProfile": {
                    "firstName": "Gena", "lastName": "Soto", "email": "gena@wingtiptoys.com",
                    "culture": "en-US", "language": "en", "companyName": "Wingtip Toys",
                    "defaultAddress": {
                        "firstName": "Gena", "lastName": "Soto",
                        "addressLine1": "One Microsoft Way", "addressLine2": null,
                        "city": "Redmond", "state": "WA", "postalCode": "98052", "country": "US",
                        "phoneNumber": "4255550101"
                    }
                }
            })
        );
    }

    #[test]
    fn the_registration_number_goes_only_where_required() {
        let mut info = wingtip();
        info.country = "RU".into();
        info.state = "MOW".into();
        info.registration_number = " 7707083893 ".into();
        info.gdap_by_default = false;
        let customer = NewCustomer::from_account(&info, &country_rules("RU"));
        assert_eq!(customer.company_profile.organization_registration_number.as_deref(), Some("7707083893"));
        assert_eq!(customer.billing_profile.default_address.state.as_deref(), Some("MOW"));
        info.country = "GB".into();
        info.state = "WA".into();
        let customer = NewCustomer::from_account(&info, &country_rules("GB"));
        assert_eq!(customer.company_profile.organization_registration_number, None);
        assert_eq!(customer.billing_profile.default_address.state, None, "no state where the country asks none");
        assert!(!customer.enable_gdap_by_default);
    }

    #[test]
    fn reads_the_created_customer() {
        let created: CreatedCustomer = serde_json::from_str(
            r#"{"id":"4f3b7c2a-0000-4000-8000-000000000001","companyProfile":{"tenantId":"4f3b7c2a-0000-4000-8000-000000000001","domain":"wingtiptoys.onmicrosoft.com"},
                "userCredentials":{"userName":"admin","password":"Xy7!pass"},"relationshipToPartner":"reseller"}"#,
        )
        .unwrap();
        assert_eq!(created.admin_user(), "admin@wingtiptoys.onmicrosoft.com");
        assert_eq!(created.user_credentials.password, "Xy7!pass");
    }
}

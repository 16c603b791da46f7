//! The Account info page's entries as signals, one a field, owned by the wizard's root so that
//! nothing is lost when the page unmounts.

use crate::domain::account::account_info::{AccountInfo, AgreementAcceptance, AgreementMethod, Signer};
use crate::domain::account::address_check::PostalAddress;
use crate::domain::account::field::Field;
use crate::domain::commerce::qualification::{QualificationChoice, QualificationKind};
use leptos::prelude::*;

/// One signal per entry of the Account info page.
#[derive(Clone, Copy)]
pub struct AccountForm {
    /// The text entries, by field.
    texts: [(Field, RwSignal<String>); 23],
    /// Attest now or in the admin center.
    pub agreement_method: RwSignal<AgreementMethod>,
    /// The attestation check box.
    pub agreement_attested: RwSignal<bool>,
    /// Whether a signer other than the primary contact is named.
    pub signer_named: RwSignal<bool>,
    /// The Default GDAP opt-in.
    pub gdap_by_default: RwSignal<bool>,
    /// The special qualification's kind; its details are text entries.
    pub qualification: RwSignal<QualificationKind>,
}

/// Every field typed or picked as text: all but the attestation check box.
pub const TEXT_FIELDS: [Field; 23] = [
    Field::Country,
    Field::CompanyName,
    Field::DomainPrefix,
    Field::AddressLine1,
    Field::AddressLine2,
    Field::City,
    Field::State,
    Field::PostalCode,
    Field::Phone,
    Field::RegistrationNumber,
    Field::Language,
    Field::Culture,
    Field::FirstName,
    Field::LastName,
    Field::Email,
    Field::AgreementDate,
    Field::SignerFirstName,
    Field::SignerLastName,
    Field::SignerEmail,
    Field::SignerPhone,
    Field::EducationSegment,
    Field::SchoolWebsite,
    Field::GccValidationCode,
];

impl AccountForm {
    /// A form with `country` preselected where the host configured one, and the host's
    /// `prefill` values (by field id) in their fields.
    pub fn new(country: Option<String>, prefill: &[(String, String)]) -> Self {
        let defaults = AccountInfo::default();
        let form = Self {
            texts: TEXT_FIELDS.map(|field| (field, RwSignal::new(String::new()))),
            agreement_method: RwSignal::new(defaults.agreement.method),
            agreement_attested: RwSignal::new(defaults.agreement.attested),
            signer_named: RwSignal::new(false),
            gdap_by_default: RwSignal::new(defaults.gdap_by_default),
            qualification: RwSignal::new(QualificationKind::None),
        };
        form.text(Field::Country).set(country.unwrap_or_default());
        form.fill(prefill.iter().cloned());
        form
    }

    /// Sets text entries by field id (`company-name`, …), as the host's prefill or a restored
    /// draft gives them; ids of no text field are ignored.
    pub fn fill(&self, entries: impl IntoIterator<Item = (String, String)>) {
        for (id, value) in entries {
            if let Some(field) = TEXT_FIELDS.iter().find(|field| field.id() == id) {
                self.text(*field).set(value);
            }
        }
    }

    /// The signal of a text entry. [`Field::AgreementAttested`] is a check box, not text: see
    /// [`AccountForm::agreement_attested`].
    pub fn text(&self, field: Field) -> RwSignal<String> {
        self.texts
            .iter()
            .find(|(candidate, _)| *candidate == field)
            .map(|(_, signal)| *signal)
            .unwrap_or_else(|| panic!("the account form holds no text for {field:?}"))
    }

    /// Reads one text entry, tracked.
    pub fn get(&self, field: Field) -> String {
        self.text(field).get()
    }

    /// Writes an address the user chose (a suggestion of the address check) into the address
    /// fields; the other entries stay as they are.
    pub fn set_address(&self, address: &PostalAddress) {
        self.text(Field::AddressLine1).set(address.address_line1.clone());
        self.text(Field::AddressLine2).set(address.address_line2.clone().unwrap_or_default());
        self.text(Field::City).set(address.city.clone());
        self.text(Field::State).set(address.state.clone());
        self.text(Field::PostalCode).set(address.postal_code.clone());
    }

    /// Every entry as plain data, for the rules and the payload. Tracks every signal.
    pub fn snapshot(&self) -> AccountInfo {
        self.read(true)
    }

    /// Every entry as plain data, without tracking (in event handlers).
    pub fn snapshot_untracked(&self) -> AccountInfo {
        self.read(false)
    }

    fn read(&self, tracked: bool) -> AccountInfo {
        let get = |field| if tracked { self.get(field) } else { self.text(field).get_untracked() };
        let flag = |signal: RwSignal<bool>| if tracked { signal.get() } else { signal.get_untracked() };
        AccountInfo {
            country: get(Field::Country),
            company_name: get(Field::CompanyName),
            domain_prefix: get(Field::DomainPrefix),
            address_line1: get(Field::AddressLine1),
            address_line2: get(Field::AddressLine2),
            city: get(Field::City),
            state: get(Field::State),
            postal_code: get(Field::PostalCode),
            phone: get(Field::Phone),
            registration_number: get(Field::RegistrationNumber),
            language: get(Field::Language),
            culture: get(Field::Culture),
            first_name: get(Field::FirstName),
            last_name: get(Field::LastName),
            email: get(Field::Email),
            agreement: AgreementAcceptance {
                method: if tracked { self.agreement_method.get() } else { self.agreement_method.get_untracked() },
                attested: flag(self.agreement_attested),
                date: get(Field::AgreementDate),
                signer: flag(self.signer_named).then(|| Signer {
                    first_name: get(Field::SignerFirstName),
                    last_name: get(Field::SignerLastName),
                    email: get(Field::SignerEmail),
                    phone: get(Field::SignerPhone),
                }),
            },
            gdap_by_default: flag(self.gdap_by_default),
            qualification: QualificationChoice::of(
                if tracked { self.qualification.get() } else { self.qualification.get_untracked() },
                &get(Field::EducationSegment),
                &get(Field::SchoolWebsite),
                &get(Field::GccValidationCode),
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_text_field_has_its_own_signal() {
        let form = AccountForm::new(Some("US".into()), &[]);
        for (index, field) in TEXT_FIELDS.iter().enumerate() {
            form.text(*field).set(format!("value {index}"));
        }
        for (index, field) in TEXT_FIELDS.iter().enumerate() {
            assert_eq!(form.text(*field).get_untracked(), format!("value {index}"));
        }
    }

    #[test]
    fn the_hosts_prefill_fills_its_fields_and_ignores_unknown_ones() {
        let prefill = [("company-name".to_string(), "Wingtip Toys".to_string()), ("shoe-size".into(), "44".into())];
        let form = AccountForm::new(None, &prefill);
        assert_eq!(form.text(Field::CompanyName).get_untracked(), "Wingtip Toys");
        assert_eq!(form.text(Field::Country).get_untracked(), "");
    }

    #[test]
    fn the_snapshot_reads_every_entry() {
        let form = AccountForm::new(Some("US".into()), &[]);
        form.text(Field::CompanyName).set("Wingtip Toys".into());
        form.text(Field::SignerPhone).set("4255550101".into());
        form.signer_named.set(true);
        let info = form.snapshot();
        assert_eq!(info.country, "US");
        assert_eq!(info.company_name, "Wingtip Toys");
        assert!(info.gdap_by_default);
        assert_eq!(info.agreement.signer.unwrap().phone, "4255550101");
    }
}

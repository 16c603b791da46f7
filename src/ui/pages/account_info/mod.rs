//! The Account info page and its parts: the domain name, the address check, the agreement and
//! the indirect reseller.

pub mod address_review;
pub mod agreement_section;
pub mod domain_name_field;
pub mod page;
pub mod qualification_section;
pub mod reseller_section;

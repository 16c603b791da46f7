//! The draft: what the user has entered so far, kept in the tab's sessionStorage so that a
//! reload or an accidental close loses nothing. Versioned and dated: a draft of another version
//! or older than a day is ignored. It never holds the attestation (the check box must be ticked
//! again), nor a password or a token, which the wizard's entries do not have.

use crate::domain::account::reseller::Reseller;
use crate::domain::commerce::choice::ChosenLine;
use crate::domain::common::decode::decode;
use serde::{Deserialize, Serialize};

/// The draft format's version; a draft of another version is ignored.
pub const DRAFT_VERSION: u32 = 3;

/// How long a draft is kept, in milliseconds: a day.
pub const DRAFT_LIFETIME_MS: u64 = 24 * 60 * 60 * 1000;

/// Whether something saved at `saved_at` is still to be used at `now_ms` (both in milliseconds
/// since the epoch): saved less than [`DRAFT_LIFETIME_MS`] ago, and not in the future.
pub fn is_fresh(saved_at: u64, now_ms: u64) -> bool {
    now_ms.checked_sub(saved_at).is_some_and(|age| age < DRAFT_LIFETIME_MS)
}

/// Everything the user has entered, and where they were.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    /// [`DRAFT_VERSION`].
    pub version: u32,
    /// When it was saved, in milliseconds since the epoch.
    pub saved_at: u64,
    /// The page, as [`crate::domain::wizard::steps::Step::key`] names it.
    pub step: String,
    /// The text entries by field id.
    pub fields: Vec<(String, String)>,
    /// Whether the partner attests the agreement now (else the admin center).
    pub attest_now: bool,
    /// Whether someone other than the primary contact accepted.
    pub signer_named: bool,
    /// The Default GDAP opt-in.
    pub gdap_by_default: bool,
    /// The special qualification's kind ([`crate::domain::commerce::qualification::QualificationKind::key`]).
    #[serde(default)]
    pub qualification: String,
    /// The chosen lines.
    pub chosen: Vec<ChosenLine>,
    /// The indirect reseller.
    pub reseller: Option<Reseller>,
    /// The indirect provider acts without a reseller.
    pub without_reseller: bool,
    /// The additional partners of record.
    pub additional_resellers: Vec<Reseller>,
}

impl Draft {
    /// The draft in `json`, if it is one of this version saved less than a day before `now_ms`.
    pub fn read(json: &str, now_ms: u64) -> Option<Draft> {
        let draft: Draft = decode(json).ok()?;
        (draft.version == DRAFT_VERSION && is_fresh(draft.saved_at, now_ms)).then_some(draft)
    }

    /// The draft as stored.
    pub fn write(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(saved_at: u64) -> Draft {
        Draft {
            version: DRAFT_VERSION,
            saved_at,
            step: "subscriptions".into(),
            fields: vec![("company-name".into(), "Wingtip Toys".into())],
            chosen: vec![ChosenLine {
                product_id: "CFQ7TTC0LFLZ".into(),
                sku_id: "0001".into(),
                term: "P1Y".into(),
                billing: "monthly".into(),
                quantity: "7".into(),
            }],
            ..Draft::default()
        }
    }

    #[test]
    fn a_fresh_draft_reads_back_as_written() {
        let written = draft(1_000);
        assert_eq!(Draft::read(&written.write(), 2_000), Some(written));
    }

    #[test]
    fn old_other_version_and_broken_drafts_are_ignored() {
        assert_eq!(Draft::read(&draft(0).write(), DRAFT_LIFETIME_MS + 1), None, "older than a day");
        let other = Draft { version: DRAFT_VERSION + 1, ..draft(1_000) };
        assert_eq!(Draft::read(&other.write(), 2_000), None, "another version");
        assert_eq!(Draft::read("{not json", 2_000), None);
        assert_eq!(Draft::read(&draft(5_000).write(), 2_000), None, "saved in the future");
    }
}

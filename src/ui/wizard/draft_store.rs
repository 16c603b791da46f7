//! Keeps the wizard's draft (`domain::draft`) in the tab's sessionStorage: restored when the
//! wizard starts, saved on every change, cleared on Done. Namespaced by the endpoint and the
//! host element, so that wizards of different sites or places do not share a draft.

use crate::domain::account::account_info::AgreementMethod;
use crate::domain::commerce::qualification::QualificationKind;
use crate::domain::wizard::draft::{Draft, DRAFT_VERSION};
use crate::domain::wizard::steps::{Step, WizardPosition};
use crate::ui::common::effect::effect;
use crate::ui::state::account_form::TEXT_FIELDS;
use crate::ui::state::wizard_state::WizardState;
use leptos::prelude::*;

/// Where the wizard keeps its `what` (`draft`, `job`) in format `version`: the tab's
/// sessionStorage and the key, namespaced by the endpoint and the host element. `None` where the
/// host keeps nothing (`persist: false`) or the browser gives no storage.
pub(super) fn session_slot(state: &WizardState, what: &str, version: u32) -> Option<(web_sys::Storage, String)> {
    let key = state.wizard.config.with_value(|config| {
        config.persist.then(|| {
            format!(
                "add-customer:{what}:v{version}:{}:{}",
                config.api_base.as_deref().unwrap_or("demo"),
                config.draft_key
            )
        })
    })?;
    let storage = web_sys::window()?.session_storage().ok().flatten()?;
    Some((storage, key))
}

/// Now, in whole milliseconds since the epoch, as drafts and saved jobs are dated.
pub(super) fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// The draft of the wizard's entries, as they are now (tracked).
fn draft_of(state: &WizardState) -> Draft {
    let form = state.account.form;
    Draft {
        version: DRAFT_VERSION,
        saved_at: now_ms(),
        step: state.wizard.position.get().step().key().to_string(),
        // Every text entry; the attestation check box is not one.
        fields: TEXT_FIELDS.iter().map(|field| (field.id().to_string(), form.get(*field))).collect(),
        attest_now: form.agreement_method.get() == AgreementMethod::AttestNow,
        signer_named: form.signer_named.get(),
        gdap_by_default: form.gdap_by_default.get(),
        qualification: form.qualification.get().key().to_string(),
        chosen: state.catalog.chosen.get(),
        reseller: state.resellers.reseller.get(),
        without_reseller: state.resellers.without_reseller.get(),
        additional_resellers: state.resellers.additional.get(),
    }
}

/// Puts a draft's entries back.
fn restore(state: &WizardState, draft: Draft) {
    let form = state.account.form;
    form.fill(draft.fields);
    form.agreement_method.set(if draft.attest_now { AgreementMethod::AttestNow } else { AgreementMethod::AdminCenter });
    form.signer_named.set(draft.signer_named);
    form.gdap_by_default.set(draft.gdap_by_default);
    form.qualification.set(QualificationKind::from_key(&draft.qualification));
    state.catalog.chosen.set(draft.chosen);
    state.resellers.reseller.set(draft.reseller);
    state.resellers.without_reseller.set(draft.without_reseller);
    state.resellers.additional.set(draft.additional_resellers);
    if let Some(step) = Step::from_key(&draft.step) {
        state.wizard.position.set(WizardPosition::at(step));
    }
}

/// Restores the wizard's draft, if the host keeps drafts and there is a fresh one, and keeps it
/// up to date from then on; on Done, the draft is gone.
pub fn keep_draft(state: WizardState) {
    let Some((storage, key)) = session_slot(&state, "draft", DRAFT_VERSION) else { return };
    let draft = storage.get_item(&key).ok().flatten().and_then(|json| Draft::read(&json, now_ms()));
    // A new wizard has nothing to keep until something is entered: its first save would write an
    // empty form, on the way to the first page. A restored draft is saved again at once, which
    // dates it from now.
    let mut unchanged_new = draft.is_none();
    if let Some(draft) = draft {
        restore(&state, draft);
    }
    effect(move || {
        let draft = draft_of(&state);
        if std::mem::take(&mut unchanged_new) {
            return;
        }
        if draft.step == Step::Done.key() {
            let _ = storage.remove_item(&key);
        } else {
            let _ = storage.set_item(&key, &draft.write());
        }
    });
}

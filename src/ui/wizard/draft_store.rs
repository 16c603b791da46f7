//! Keeps the wizard's draft (`domain::draft`) in the tab's sessionStorage: restored when the
//! wizard starts, saved after each change (at most every 400 ms while the user types on, at once
//! when the page is hidden or left), cleared on Done. Namespaced by the endpoint and the
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

/// How long a change within a page waits before the draft is written: sessionStorage writes
/// are synchronous, and one per keystroke was the largest part of a keystroke's cost. While the
/// user types on, the draft is written at most this often; a step taken, or a page hidden or
/// left, writes it at once (a tab duplicated on the next page finds it there).
const WRITE_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// The draft waiting to be written, and the timer that will write it.
struct DraftWriter {
    storage: web_sys::Storage,
    key: String,
    pending: Option<Draft>,
    timer: Option<TimeoutHandle>,
    /// The step of the draft last written.
    written_step: String,
}

/// When a draft taken by [`DraftWriter::keep`] is to be written.
enum WriteWhen {
    /// Now: a step was taken, or the wizard is done.
    Now,
    /// After [`WRITE_AFTER`], by a timer yet to be started.
    Later,
    /// With the draft already waiting, by its timer.
    WithTheWaiting,
}

impl DraftWriter {
    /// Takes the draft as it is now, in place of any waiting one, and says when to write it.
    fn keep(&mut self, draft: Draft) -> WriteWhen {
        let now = draft.step == Step::Done.key() || draft.step != self.written_step;
        self.pending = Some(draft);
        match (now, self.timer.is_some()) {
            (true, _) => WriteWhen::Now,
            (false, false) => WriteWhen::Later,
            (false, true) => WriteWhen::WithTheWaiting,
        }
    }

    /// Writes the waiting draft now (or, on Done, removes the stored one).
    fn write_now(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        let Some(draft) = self.pending.take() else { return };
        self.written_step.clone_from(&draft.step);
        if draft.step == Step::Done.key() {
            let _ = self.storage.remove_item(&self.key);
        } else {
            let _ = self.storage.set_item(&self.key, &draft.write());
        }
    }
}

impl Drop for DraftWriter {
    /// The wizard is going (unmounted): what it has not written yet is written now.
    fn drop(&mut self) {
        self.write_now();
    }
}

/// Restores the wizard's draft, if the host keeps drafts and there is a fresh one, and keeps it
/// up to date from then on; on Done, the draft is gone.
pub fn keep_draft(state: WizardState) {
    let Some((storage, key)) = session_slot(&state, "draft", DRAFT_VERSION) else { return };
    let draft = storage.get_item(&key).ok().flatten().and_then(|json| Draft::read(&json, now_ms()));
    // A new wizard has nothing to keep until something is entered: its first save would write an
    // empty form, on the way to the first page. A restored draft is saved again, which dates it
    // from now.
    let mut unchanged_new = draft.is_none();
    if let Some(draft) = draft {
        restore(&state, draft);
    }
    // The step the stored draft (or, for a new wizard, none yet) is of: the wizard starts there.
    let written_step = state.wizard.position.get_untracked().step().key().to_string();
    let writer = StoredValue::new_local(DraftWriter { storage, key, pending: None, timer: None, written_step });
    let write_now = move || writer.try_update_value(DraftWriter::write_now);
    effect(move || {
        let draft = draft_of(&state);
        if std::mem::take(&mut unchanged_new) {
            return;
        }
        match writer.try_update_value(|writer| writer.keep(draft)) {
            Some(WriteWhen::Now) => write_now().unwrap_or_default(),
            Some(WriteWhen::Later) => {
                let timer = set_timeout_with_handle(move || write_now().unwrap_or_default(), WRITE_AFTER).ok();
                writer.try_update_value(|writer| writer.timer = timer);
            }
            Some(WriteWhen::WithTheWaiting) | None => {}
        }
    });
    // Leaving or hiding the page (a reload, a closed tab, another app) writes what is waiting (as
    // it comes back, there is nothing waiting).
    let flush = move |_| write_now().unwrap_or_default();
    let listeners = ["pagehide", "visibilitychange"].map(|event| window_event_listener_untyped(event, flush));
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));
}

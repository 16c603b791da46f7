//! Browser Back and Forward between the wizard's pages: each page the user reaches is an entry
//! of the tab's history, and Back or Forward shows that page with everything entered. Forward
//! goes only to pages already reached, and past Account info or Subscriptions only while they
//! are still valid; nothing leads out of Done, whose customer exists.

use crate::domain::commerce::qualification::QualificationKind;
use crate::domain::wizard::steps::{Step, WizardPosition};
use crate::ui::state::wizard_state::WizardState;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The key of the wizard's step in a history entry's state.
const STATE_KEY: &str = "addCustomerStep";

fn entry(step: Step) -> JsValue {
    let state = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&state, &STATE_KEY.into(), &step.key().into());
    state.into()
}

/// The step a history entry names, if it is one of the wizard's.
fn step_of(state: &JsValue) -> Option<Step> {
    js_sys::Reflect::get(state, &STATE_KEY.into()).ok()?.as_string().and_then(|key| Step::from_key(&key))
}

/// Whether the entries allow going on to `step` now.
fn may_go_to(state: &WizardState, step: Step) -> bool {
    if step.number() > Step::AccountInfo.number() {
        let info = state.account.form.snapshot_untracked();
        let valid = state.account.rules.with_untracked(|rules| state.account.account_issues(&info, rules).is_empty());
        if !valid {
            return false;
        }
    }
    if step.number() > Step::Subscriptions.number() {
        let valid = untrack(|| {
            state.catalog.product_list().is_some()
                && state
                    .catalog
                    .issues(state.account.form.qualification.get() == QualificationKind::Education)
                    .is_empty()
        });
        if !valid {
            return false;
        }
    }
    true
}

/// Keeps the tab's history in step with the wizard, where the host wants it (`history`; on
/// when standalone).
pub fn follow_page_history(state: WizardState) {
    if !state.wizard.config.with_value(|config| config.history) {
        return;
    }
    let Some(history) = web_sys::window().and_then(|window| window.history().ok()) else { return };
    let furthest = StoredValue::new(Step::AccountInfo);
    // Set while a Back or Forward is being shown, so that it is not recorded as a new entry.
    let from_history = StoredValue::new(false);
    let recorder = history.clone();
    Effect::new(move |previous: Option<Step>| {
        let step = state.wizard.position.get().step();
        if step.number() > furthest.get_value().number() {
            furthest.set_value(step);
        }
        match previous {
            None => {
                let _ = recorder.replace_state(&entry(step), "");
            }
            Some(previous) if previous != step && !from_history.get_value() => {
                let _ = recorder.push_state(&entry(step), "");
            }
            _ => {}
        }
        from_history.set_value(false);
        step
    });
    let handle = window_event_listener(leptos::ev::popstate, move |event| {
        let current = state.wizard.position.get_untracked().step();
        let Some(step) = step_of(&event.state()) else { return };
        let reached = step.number() <= furthest.get_value().number();
        let allowed = step.number() < current.number() || may_go_to(&state, step);
        if current == Step::Done || step == current || !reached || !allowed {
            // Stay, and put the entry of the page shown back.
            let _ = history.push_state(&entry(current), "");
            return;
        }
        from_history.set_value(true);
        state.wizard.go(WizardPosition::at(step));
    });
    on_cleanup(move || handle.remove());
}

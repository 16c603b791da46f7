//! The Subscriptions page.

use super::page_heading::PageHeading;
use super::step_indicator::step_name;
use super::wizard_context::use_wizard;
use crate::domain::wizard::Step;
use leptos::prelude::*;

/// The Subscriptions page.
#[component]
pub fn SubscriptionsPage() -> impl IntoView {
    let context = use_wizard();
    view! {
        <PageHeading text=step_name(Step::Subscriptions).to_string() focus=context.focus_heading.get_untracked() />
        <div class="actions">
            <button type="button" class="button button-secondary" on:click=move |_| context.go(context.wizard.get_untracked().back())>
                "Back"
            </button>
        </div>
    }
}

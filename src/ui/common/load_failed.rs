//! What a page shows when something it needs could not be loaded: why, and a way to try again.

use crate::api::ApiError;
use crate::ui::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// "<what> could not be loaded: <why>." with a "Try again" button that runs `retry`.
#[component]
pub fn LoadFailed(what: Text, error: ApiError, retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || {
        let messages = i18n.messages();
        messages.load_failed(what, &messages.api_error_text(&error))
    };
    view! {
        <div class="notice notice-problem" role="alert">
            <p>{text}</p>
            <button type="button" class="button button-secondary" part="button button-secondary" on:click=move |_| retry.run(())>
                {i18n.text(Text::TryAgain)}
            </button>
        </div>
    }
}

//! What a page shows when something it needs could not be loaded: why, and a way to try again.

use super::messages::api_error_text;
use crate::api::ApiError;
use leptos::prelude::*;

/// "<what> could not be loaded: <why>." with a "Try again" button that runs `retry`.
#[component]
pub fn LoadFailed(what: &'static str, error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="notice notice-problem" role="alert">
            <p>{format!("{what} could not be loaded: {}.", api_error_text(&error))}</p>
            <button type="button" class="button button-secondary" on:click=move |_| retry.run(())>
                "Try again"
            </button>
        </div>
    }
}

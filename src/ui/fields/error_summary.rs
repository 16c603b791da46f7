//! GOV.UK's error summary: "There is a problem", a link to each field in error, and focus on it
//! when the user tries to go on.

use crate::ui::embed::scope::use_scope;
use crate::ui::i18n::{use_i18n, Text};
use leptos::html::Div;
use leptos::prelude::*;

/// The summary of a page's errors as `(field id, message)`. It takes focus each time
/// `focus_request` changes, and only then: never merely because it reappears while the user
/// types, which would steal their focus.
#[component]
pub fn ErrorSummary(
    /// The errors, in page order.
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
    /// Bumped by the page on every failed "Next".
    #[prop(into)]
    focus_request: Signal<u32>,
) -> impl IntoView {
    let summary = NodeRef::<Div>::new();
    let scope = use_scope();
    let title = use_i18n().text(Text::ThereIsAProblem);
    Effect::new(move |previous: Option<u32>| {
        let request = focus_request.get();
        if previous.is_some_and(|previous| previous != request) {
            // After this update has rendered the summary.
            request_animation_frame(move || {
                if let Some(summary) = summary.get_untracked() {
                    let _ = summary.focus();
                }
            });
        }
        request
    });
    view! {
        <Show when=move || errors.with(|errors| !errors.is_empty())>
            <div class="error-summary" part="error-summary" tabindex="-1" aria-labelledby="error-summary-title" node_ref=summary>
                <h2 id="error-summary-title" class="error-summary-title">{title}</h2>
                <ul class="error-summary-list">
                    {move || {
                        errors
                            .get()
                            .into_iter()
                            .map(|(id, message)| {
                                view! {
                                    <li>
                                        <a
                                            href=format!("#{id}")
                                            on:click=move |event| {
                                                event.prevent_default();
                                                scope.focus(&id);
                                            }
                                        >
                                            {message}
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </div>
        </Show>
    }
}

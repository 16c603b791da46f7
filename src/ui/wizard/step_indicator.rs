//! "Step 1 of 4" and the list of steps, the current one marked with `aria-current="step"`.

use crate::domain::wizard::steps::Step;
use crate::ui::i18n::{use_i18n, Text};
use leptos::prelude::*;

/// Where the user is in the wizard.
#[component]
pub fn StepIndicator(#[prop(into)] current: Signal<Step>) -> impl IntoView {
    let total = Step::ALL.len();
    let i18n = use_i18n();
    view! {
        <nav class="steps" part="steps" aria-label=i18n.text(Text::Progress)>
            <p class="steps-count">{move || i18n.messages().step_count(current.get().number(), total)}</p>
            <ol class="steps-list">
                {Step::ALL
                    .into_iter()
                    .map(|step| {
                        let is_current = move || current.get() == step;
                        let is_done = move || current.get().number() > step.number();
                        view! {
                            <li
                                class="steps-item"
                                class:steps-item-current=is_current
                                class:steps-item-done=is_done
                                aria-current=move || is_current().then_some("step")
                            >
                                <span class="steps-number" aria-hidden="true">{step.number()}</span>
                                {move || i18n.messages().step_name(step)}
                                <Show when=is_done>
                                    <span class="visually-hidden">{i18n.text(Text::Completed)}</span>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

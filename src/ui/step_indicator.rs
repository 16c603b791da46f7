//! "Step 1 of 4" and the list of steps, the current one marked with `aria-current="step"`.

use crate::domain::wizard::Step;
use leptos::prelude::*;

/// The name of a step, as the indicator and the headings say it.
pub fn step_name(step: Step) -> &'static str {
    match step {
        Step::AccountInfo => "Account info",
        Step::Subscriptions => "Subscriptions",
        Step::Review => "Review",
        Step::Done => "Done",
    }
}

/// Where the user is in the wizard.
#[component]
pub fn StepIndicator(#[prop(into)] current: Signal<Step>) -> impl IntoView {
    let total = Step::ALL.len();
    view! {
        <nav class="steps" aria-label="Progress">
            <p class="steps-count">{move || format!("Step {} of {total}", current.get().number())}</p>
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
                                {step_name(step)}
                                <Show when=is_done>
                                    <span class="visually-hidden">" (completed)"</span>
                                </Show>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}

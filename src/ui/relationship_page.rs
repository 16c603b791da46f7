//! The reseller relationship request (spec §5): for a customer that already exists, nothing is
//! created; the partner sends the customer an invitation link, with a ready email text.

use super::browser::copy_to_clipboard;
use super::checkbox_field::CheckboxField;
use super::intl::Namer;
use super::messages::api_error_text;
use super::page_heading::PageHeading;
use super::reseller_section::reseller_text;
use super::select_field::SelectField;
use super::wizard_context::use_wizard;
use crate::api::ApiError;
use crate::domain::relationship_request::{invitation_email, invitation_link, with_choices, EmailLanguage};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Where the base link came from, or why there is none.
#[derive(Clone, Debug, PartialEq)]
enum LinkSource {
    /// Not asked yet.
    NotAsked,
    /// Asking the endpoint.
    Asking,
    /// The endpoint's link.
    Endpoint(String),
    /// Built from the configured partner id, because the endpoint lacks the call (or did not
    /// answer: the reason).
    Built(String, Option<String>),
    /// No link: the endpoint has none and no partner id is configured.
    Unavailable(String),
}

/// A read-only text with its label and copy button.
#[component]
fn CopyableText(id: &'static str, label: &'static str, text: Signal<String>, rows: u32) -> impl IntoView {
    let status = RwSignal::new(String::new());
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let copied = copy_to_clipboard(text).await;
            status.try_set(if copied {
                format!("{label} copied.")
            } else {
                "Select the text and copy it yourself.".to_string()
            });
        });
    };
    view! {
        <div class="field">
            <label for=id class="label">{label}</label>
            {if rows > 1 {
                view! { <textarea id=id class="input textarea" rows=rows readonly prop:value=move || text.get()></textarea> }.into_any()
            } else {
                view! { <input id=id class="input" type="text" readonly prop:value=move || text.get() /> }.into_any()
            }}
            <div class="copy-line">
                <button type="button" class="button button-secondary" on:click=copy>
                    "Copy"
                    <span class="visually-hidden">{format!(" {}", label.to_lowercase())}</span>
                </button>
                <span class="copy-status" role="status">{move || status.get()}</span>
            </div>
        </div>
    }
}

/// The relationship request page.
#[component]
pub fn RelationshipPage() -> impl IntoView {
    let context = use_wizard();
    let (partner_id, partner_name) =
        context.config.with_value(|config| (config.partner_id.clone(), config.partner_name.clone()));
    let partner_name = partner_name.unwrap_or_else(|| "Your partner".to_string());
    let reseller = RwSignal::new(String::new());
    let delegated_admin = RwSignal::new(false);
    let source = RwSignal::new(LinkSource::NotAsked);
    let indirect = context.resellers.is_some();

    let reseller_options = Signal::derive(move || {
        let regions = Namer::regions();
        match context.resellers.and_then(|resellers| resellers.get()) {
            Some(Ok(options)) => options
                .into_iter()
                .filter(|option| option.signed)
                .map(|option| (option.reseller.mpn_id.clone(), reseller_text(&option.reseller, &regions)))
                .collect(),
            _ => Vec::new(),
        }
    });
    let ask = move |_| {
        let api = context.api();
        let partner_id = partner_id.clone();
        source.set(LinkSource::Asking);
        spawn_local(async move {
            let answer = api.relationship_request().await;
            let built = |reason: Option<String>| match &partner_id {
                Some(partner_id) => LinkSource::Built(invitation_link(partner_id), reason),
                None => LinkSource::Unavailable(
                    "The endpoint has no invitation link to give, and no partner id is configured (data-partner-id)"
                        .into(),
                ),
            };
            source.try_set(match answer {
                Ok(Some(url)) => LinkSource::Endpoint(url),
                Ok(None) => built(None),
                Err(error @ ApiError::NoAnswer(_))
                | Err(error @ ApiError::Status { .. })
                | Err(error @ ApiError::Malformed(_)) => built(Some(api_error_text(&error))),
            });
        });
    };
    let link = Signal::derive(move || {
        let base = match source.get() {
            LinkSource::Endpoint(url) | LinkSource::Built(url, _) => url,
            _ => return String::new(),
        };
        let reseller = reseller.get();
        with_choices(&base, Some(reseller.as_str()).filter(|id| !id.is_empty()), delegated_admin.get())
    });
    let email = move |language| {
        let partner_name = partner_name.clone();
        Signal::derive(move || invitation_email(language, &partner_name, &link.get(), delegated_admin.get()))
    };
    let (english, russian) = (email(EmailLanguage::English), email(EmailLanguage::Russian));
    let needs_reseller = move || indirect && reseller.with(String::is_empty);
    let result = move || match source.get() {
        LinkSource::NotAsked => None,
        LinkSource::Asking => {
            Some(view! { <p class="loading" role="status">"Getting the invitation link…"</p> }.into_any())
        }
        LinkSource::Unavailable(reason) => {
            Some(view! { <div class="notice notice-problem" role="alert"><p>{reason}</p></div> }.into_any())
        }
        LinkSource::Endpoint(_) | LinkSource::Built(..) => {
            let note = match source.get() {
                LinkSource::Built(_, Some(reason)) => Some(format!(
                    "The endpoint could not give the link ({reason}), so it was built from your partner id."
                )),
                LinkSource::Built(_, None) => Some("The link was built from your partner id.".to_string()),
                _ => None,
            };
            Some(
                view! {
                    {note.map(|note| view! { <p class="hint">{note}</p> })}
                    <Show when=needs_reseller>
                        <p class="notice notice-problem">"Choose the reseller above: the link names them."</p>
                    </Show>
                    <CopyableText id="invitation-link" label="Invitation link" text=link rows=1 />
                    <CopyableText id="invitation-email-en" label="Email in English" text=english rows=14 />
                    <CopyableText id="invitation-email-ru" label="Email in Russian" text=russian rows=14 />
                }
                .into_any(),
            )
        }
    };
    view! {
        <PageHeading text="Request a reseller relationship".to_string() focus=context.focus_heading.get_untracked() />
        <p class="lede">
            "When the customer already has a Microsoft account, nothing is created here. Send the customer an invitation: their global administrator opens the link in the Microsoft 365 admin center and accepts you as their partner."
        </p>
        <div class="form">
            {indirect.then(|| view! {
                <SelectField
                    id="relationship-reseller"
                    label="Reseller"
                    hint="The invitation names the reseller the customer will buy through."
                    value=reseller
                    options=reseller_options
                    placeholder="Choose a reseller"
                    error=Signal::stored(None::<String>)
                />
            })}
            <CheckboxField
                id="relationship-dap"
                label="Also request delegated administration rights"
                hint="Lets you manage the customer's subscriptions and users. The customer can remove these rights at any time."
                checked=delegated_admin
            />
            <div class="actions">
                <button type="button" class="button" on:click=ask>"Get the invitation link"</button>
                <button
                    type="button"
                    class="button button-secondary"
                    on:click=move |_| context.show_relationship_request(false)
                >
                    "Back to Account info"
                </button>
            </div>
            {result}
        </div>
    }
}

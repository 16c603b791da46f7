//! The reseller relationship request (spec §5): for a customer that already exists, nothing is
//! created; the partner sends the customer an invitation link, with a ready email text.

use crate::api::ApiError;
use crate::domain::common::letter_case::lower_case;
use crate::domain::requests::relationship_request::{invitation_email, invitation_link, with_choices, EmailLanguage};
use crate::ui::common::browser::copy_to_clipboard;
use crate::ui::common::intl::Namer;
use crate::ui::common::page_heading::PageHeading;
use crate::ui::fields::checkbox_field::CheckboxField;
use crate::ui::fields::select_field::SelectField;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::pages::account_info::reseller_section::reseller_text;
use crate::ui::state::resellers::use_resellers;
use crate::ui::state::wizard::use_wizard;
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
    /// Built from the configured partner id, because the endpoint lacks the call (or failed:
    /// the error).
    Built(String, Option<ApiError>),
    /// No link: the endpoint has none and no partner id is configured.
    Unavailable,
}

/// A read-only text with its label and copy button.
#[component]
fn CopyableText(id: &'static str, label: Text, text: Signal<String>, rows: u32) -> impl IntoView {
    let i18n = use_i18n();
    let status = RwSignal::new(None::<Text>);
    let copy = move |_| {
        let text = text.get_untracked();
        spawn_local(async move {
            let copied = copy_to_clipboard(text).await;
            status.try_set(Some(if copied { Text::CopiedShort } else { Text::CopyYourself }));
        });
    };
    view! {
        <div class="field">
            <label for=id class="label">{i18n.text(label)}</label>
            {if rows > 1 {
                view! { <textarea id=id class="input textarea" rows=rows readonly prop:value=move || text.get()></textarea> }.into_any()
            } else {
                view! { <input id=id class="input" type="text" readonly prop:value=move || text.get() /> }.into_any()
            }}
            <div class="copy-line">
                <button type="button" class="button button-secondary" part="button button-secondary" on:click=copy>
                    {i18n.text(Text::Copy)}
                    <span class="visually-hidden">{move || format!(" {}", lower_case(i18n.messages().text(label)))}</span>
                </button>
                <span class="copy-status" role="status">{move || status.get().map(|text| i18n.messages().text(text))}</span>
            </div>
        </div>
    }
}

/// The relationship request page.
#[component]
pub fn RelationshipPage() -> impl IntoView {
    let resellers_state = use_resellers();
    let wizard = use_wizard();
    let i18n = use_i18n();
    let (partner_id, partner_name) =
        wizard.config.with_value(|config| (config.partner_id.clone(), config.partner_name.clone()));
    let reseller = RwSignal::new(String::new());
    let delegated_admin = RwSignal::new(false);
    let source = RwSignal::new(LinkSource::NotAsked);
    let indirect = resellers_state.is_indirect();

    let reseller_options = Signal::derive(move || {
        let (regions, messages) = (Namer::regions(i18n.locale()), i18n.messages());
        match resellers_state.list.and_then(|resellers| resellers.get()) {
            Some(Ok(options)) => options
                .into_iter()
                .filter(|option| option.signed)
                .map(|option| (option.reseller.mpn_id.clone(), reseller_text(&option.reseller, &regions, messages)))
                .collect(),
            _ => Vec::new(),
        }
    });
    let ask = move |_| {
        let api = wizard.api();
        let partner_id = partner_id.clone();
        source.set(LinkSource::Asking);
        spawn_local(async move {
            let answer = api.relationship_request().await;
            let built = |error: Option<ApiError>| match &partner_id {
                Some(partner_id) => LinkSource::Built(invitation_link(partner_id), error),
                None => LinkSource::Unavailable,
            };
            source.try_set(match answer {
                Ok(Some(url)) => LinkSource::Endpoint(url),
                Ok(None) => built(None),
                Err(error) => built(Some(error)),
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
        Signal::derive(move || {
            let name = partner_name.clone().unwrap_or_else(|| i18n.messages().text(Text::YourPartner).to_string());
            invitation_email(language, &name, &link.get(), delegated_admin.get())
        })
    };
    let (english, russian) = (email(EmailLanguage::English), email(EmailLanguage::Russian));
    let needs_reseller = move || indirect && reseller.with(String::is_empty);
    let result = move || match source.get() {
        LinkSource::NotAsked => None,
        LinkSource::Asking => {
            Some(view! { <p class="loading" role="status">{i18n.text(Text::GettingLink)}</p> }.into_any())
        }
        LinkSource::Unavailable => Some(
            view! { <div class="notice notice-problem" role="alert"><p>{i18n.text(Text::NoLinkNoPartnerId)}</p></div> }
                .into_any(),
        ),
        LinkSource::Endpoint(_) | LinkSource::Built(..) => {
            let note = move || match source.get() {
                LinkSource::Built(_, error) => {
                    let messages = i18n.messages();
                    let reason = error.map(|error| messages.api_error_text(&error));
                    Some(messages.link_built(reason.as_deref()))
                }
                _ => None,
            };
            Some(
                view! {
                    {move || note().map(|note| view! { <p class="hint">{note}</p> })}
                    <Show when=needs_reseller>
                        <p class="notice notice-problem">{i18n.text(Text::ChooseResellerAbove)}</p>
                    </Show>
                    <CopyableText id="invitation-link" label=Text::InvitationLink text=link rows=1 />
                    <CopyableText id="invitation-email-en" label=Text::EmailInEnglish text=english rows=14 />
                    <CopyableText id="invitation-email-ru" label=Text::EmailInRussian text=russian rows=14 />
                }
                .into_any(),
            )
        }
    };
    view! {
        <PageHeading text=i18n.signal(Text::RequestRelationshipHeading) focus=wizard.focus_heading.get_untracked() />
        <p class="lede">{i18n.text(Text::RelationshipLede)}</p>
        <div class="form">
            {indirect.then(|| view! {
                <SelectField
                    id="relationship-reseller"
                    label=i18n.signal(Text::Reseller)
                    hint=i18n.signal(Text::RelationshipResellerHint)
                    value=reseller
                    options=reseller_options
                    placeholder=i18n.signal(Text::ChooseReseller)
                    error=Signal::stored(None::<String>)
                />
            })}
            <CheckboxField
                id="relationship-dap"
                label=i18n.signal(Text::DelegatedAdminLabel)
                hint=i18n.signal(Text::DelegatedAdminHint)
                checked=delegated_admin
            />
            <div class="actions">
                <button type="button" class="button" part="button" on:click=ask>{i18n.text(Text::GetLink)}</button>
                <button
                    type="button"
                    class="button button-secondary" part="button button-secondary"
                    on:click=move |_| wizard.show_relationship_request(false)
                >
                    {i18n.text(Text::BackToAccountInfo)}
                </button>
            </div>
            {result}
        </div>
    }
}

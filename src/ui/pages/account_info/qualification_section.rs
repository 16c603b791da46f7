//! The optional special qualification: none, education (K-12 or higher education, with the
//! school's website), a state-owned entity, or the government community cloud (with its
//! validation code). It is posted right after the customer is created.

use crate::domain::account::field::Field;
use crate::domain::commerce::qualification::{QualificationKind, EDUCATION_SEGMENTS};
use crate::domain::country::country_rules::CountryRules;
use crate::ui::fields::account_field::{AccountField, ShownErrors};
use crate::ui::fields::select_field::SelectField;
use crate::ui::i18n::{use_i18n, Text};
use crate::ui::state::account::use_account;
use leptos::prelude::*;

/// The qualification fieldset.
#[component]
pub fn QualificationSection() -> impl IntoView {
    let form = use_account().form;
    let i18n = use_i18n();
    let shown = expect_context::<ShownErrors>();
    let kind = form.qualification;
    let radio = move |value: QualificationKind, label: Text, hint: Option<Text>| {
        let id = format!("qualification-{}", value.key());
        let hint_id = format!("{id}-hint");
        view! {
            <div class="radio-item">
                <input
                    id=id.clone()
                    type="radio"
                    name="qualification"
                    class="radio-input"
                    aria-describedby=hint.map(|_| hint_id.clone())
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                <label for=id class="radio-label">{i18n.text(label)}</label>
                {hint.map(|hint| view! { <p id=hint_id class="hint radio-hint">{i18n.text(hint)}</p> })}
            </div>
        }
    };
    let segments = Signal::derive(move || {
        let messages = i18n.messages();
        EDUCATION_SEGMENTS
            .iter()
            .zip([Text::SegmentK12, Text::SegmentHigherEducation])
            .map(|(value, text)| (value.to_string(), messages.text(text).to_string()))
            .collect::<Vec<_>>()
    });
    view! {
        <fieldset class="fieldset">
            <legend class="fieldset-legend">
                {i18n.text(Text::SpecialQualification)}
                <span class="optional">{i18n.text(Text::Optional)}</span>
            </legend>
            <p class="hint">{i18n.text(Text::QualificationHint)}</p>
            <div class="radios">
                {radio(QualificationKind::None, Text::QualificationNone, None)}
                {radio(QualificationKind::Education, Text::QualificationEducation, Some(Text::QualificationEducationHint))}
                <Show when=move || kind.get() == QualificationKind::Education>
                    <div class="conditional">
                        <SelectField
                            id=Field::EducationSegment.id()
                            label=Signal::derive(move || {
                                i18n.messages().label(Field::EducationSegment, &CountryRules::default())
                            })
                            value=form.text(Field::EducationSegment)
                            options=segments
                            placeholder=i18n.signal(Text::ChooseOne)
                            error=shown.of(Field::EducationSegment)
                        />
                        <AccountField
                            field=Field::SchoolWebsite
                            optional=true
                            hint=i18n.signal(Text::SchoolWebsiteHint)
                            input_type="url"
                            autocomplete="url"
                        />
                    </div>
                </Show>
                {radio(
                    QualificationKind::StateOwnedEntity,
                    Text::QualificationStateOwned,
                    Some(Text::QualificationStateOwnedHint),
                )}
                {radio(QualificationKind::GovernmentCommunityCloud, Text::QualificationGcc, Some(Text::QualificationGccHint))}
                <Show when=move || kind.get() == QualificationKind::GovernmentCommunityCloud>
                    <div class="conditional">
                        <AccountField field=Field::GccValidationCode hint=i18n.signal(Text::GccCodeHint) width="width-20" />
                    </div>
                </Show>
            </div>
        </fieldset>
    }
}

//! The Russian table. Sentences about a field name it in quotes after «Поле», so that no
//! adjective has to agree with the field's gender; requests take the accusative ("Введите
//! первую строку адреса").

use crate::api::ApiError;
use crate::domain::account::field::Field;
use crate::domain::account::field_error::FieldError;
use crate::domain::account::field_error::ResellerError;
use crate::domain::commerce::cart::LineProblem;
use crate::domain::commerce::choice::LineError;
use crate::domain::commerce::terms::{BillingFrequency, TermDuration};
use crate::domain::common::letter_case::{first_upper_case, lower_case};
use crate::domain::country::country_rules::CountryRules;
use crate::domain::wizard::steps::Step;
use crate::ui::i18n::{
    either, endpoint_description, is_choice, iso_days, plural, Counted, DomainWords, Locale, Messages, OfferFact,
    Plural, PriceNotice, ServerProblem, StageWords, Text,
};

/// Russian.
pub struct Russian;

/// What the country calls its postal code: (label, accusative).
fn postal_code_name(rules: &CountryRules) -> (&'static str, &'static str) {
    match rules.postal_code_name.as_deref() {
        Some("zip") => ("Индекс ZIP", "индекс ZIP"),
        Some("pin") => ("PIN-код", "PIN-код"),
        Some("eircode") => ("Eircode", "Eircode"),
        _ => ("Почтовый индекс", "почтовый индекс"),
    }
}

/// What the country calls its states: (label, accusative).
fn state_name(rules: &CountryRules) -> (&'static str, &'static str) {
    match rules.state_name_type.as_deref() {
        Some("state") => ("Штат", "штат"),
        Some("province") | Some("do_si") => ("Провинция", "провинцию"),
        Some("oblast") => ("Регион", "регион"),
        Some("prefecture") => ("Префектура", "префектуру"),
        Some("emirate") => ("Эмират", "эмират"),
        Some("county") => ("Графство", "графство"),
        Some("island") => ("Остров", "остров"),
        Some("department") => ("Департамент", "департамент"),
        Some("parish") => ("Округ (приход)", "округ"),
        Some("district") => ("Округ", "округ"),
        Some("area") => ("Район", "район"),
        _ => ("Регион или штат", "регион или штат"),
    }
}

/// What the country calls the city: (label, accusative).
fn city_name(rules: &CountryRules) -> (&'static str, &'static str) {
    match rules.city_name_type.as_deref() {
        Some("post_town") => ("Почтовый город", "почтовый город"),
        Some("district") => ("Район", "район"),
        Some("suburb") => ("Пригород", "пригород"),
        _ => ("Город", "город"),
    }
}

/// The local name of the registration number, in Cyrillic where the country writes it so.
fn registration_short_name(rules: &CountryRules) -> Option<&str> {
    rules.registration_number_name.as_deref().map(|name| match name {
        "INN" => "ИНН",
        "BIN" => "БИН",
        "UNP" => "УНП",
        "EDRPOU" => "ЕДРПОУ",
        "IDNO" => "IDNO",
        other => other,
    })
}

fn registration_number_name(rules: &CountryRules) -> String {
    match registration_short_name(rules) {
        Some(name) => format!("Регистрационный номер организации ({name})"),
        None => "Регистрационный номер организации".into(),
    }
}

/// The field's name as the object of "Введите" / "Выберите".
fn accusative(field: Field, rules: &CountryRules) -> String {
    match field {
        Field::Country => "страну или регион".into(),
        Field::Reseller => "реселлера".into(),
        Field::AdditionalResellers => "дополнительных партнёров записи".into(),
        Field::CompanyName => "название компании".into(),
        Field::DomainPrefix => "префикс домена".into(),
        Field::AddressLine1 => "первую строку адреса".into(),
        Field::AddressLine2 => "вторую строку адреса".into(),
        Field::City => city_name(rules).1.into(),
        Field::State => state_name(rules).1.into(),
        Field::PostalCode => postal_code_name(rules).1.into(),
        Field::Phone | Field::SignerPhone => "номер телефона".into(),
        Field::RegistrationNumber => match registration_short_name(rules) {
            Some(name) => format!("регистрационный номер организации ({name})"),
            None => "регистрационный номер организации".into(),
        },
        Field::Language => "язык писем".into(),
        Field::Culture => "региональный формат".into(),
        Field::EducationSegment => "уровень образования".into(),
        Field::SchoolWebsite => "сайт учебного заведения".into(),
        Field::GccValidationCode => "код проверки".into(),
        Field::FirstName => "имя основного контакта".into(),
        Field::LastName => "фамилию основного контакта".into(),
        Field::Email => "адрес электронной почты основного контакта".into(),
        Field::AgreementAttested => "подтверждение".into(),
        Field::AgreementDate => "дату принятия соглашения".into(),
        Field::SignerFirstName => "имя принявшего соглашение".into(),
        Field::SignerLastName => "фамилию принявшего соглашение".into(),
        Field::SignerEmail => "адрес электронной почты принявшего соглашение".into(),
    }
}

fn reseller_error_text(error: &ResellerError) -> String {
    match error {
        ResellerError::NotChosen => {
            "Выберите реселлера, для которого создаётся клиент, или подтвердите, что работаете без реселлера".into()
        }
        ResellerError::AgreementNotSigned => {
            "Этот реселлер не подписал партнёрское соглашение: выберите другого реселлера".into()
        }
        ResellerError::OwnId => "Вы не можете быть реселлером собственного клиента: выберите реселлера".into(),
        ResellerError::AdditionalNotAllowed => {
            "Дополнительных партнёров записи можно указать только в ЕС и ЕАСТ: удалите их".into()
        }
        ResellerError::TooManyAdditional => "Укажите не больше 5 дополнительных партнёров записи".into(),
        ResellerError::Duplicate => "Укажите каждого реселлера только один раз".into(),
        ResellerError::AdditionalWithoutFirst => {
            "Сначала выберите реселлера, затем дополнительных партнёров записи".into()
        }
    }
}

/// A list in words: "A, B или C", or the first three and how many others.
fn one_of(names: &[String]) -> String {
    match names {
        [] => "его основную подписку".to_string(),
        [only] => only.clone(),
        [first @ .., last] if names.len() <= 3 => format!("{} или {last}", first.join(", ")),
        _ => format!("одну из подписок {} или ещё {}", names[..3].join(", "), names.len() - 3),
    }
}

/// The form of a noun for a count: (one, few, many).
fn form(count: u64, forms: (&'static str, &'static str, &'static str)) -> &'static str {
    match plural(Locale::Ru, count) {
        Plural::One => forms.0,
        Plural::Few => forms.1,
        Plural::Many | Plural::Other => forms.2,
    }
}

impl Messages for Russian {
    fn text(&self, text: Text) -> &'static str {
        match text {
            Text::Progress => "Ход заполнения",
            Text::Completed => " (пройден)",
            Text::ThereIsAProblem => "Есть ошибки",
            Text::ErrorPrefix => "Ошибка: ",
            Text::Optional => " (необязательно)",
            Text::TryAgain => "Повторить",
            Text::TheCatalog => "Каталог",
            Text::YourResellers => "Список ваших реселлеров",
            Text::Language => "Язык",
            Text::LedeAccount => "Введите данные клиента точно так, как зарегистрирована его организация.",
            Text::ExistingCustomerBefore => "Клиент уже существует? ",
            Text::RequestRelationship => "Запросите партнёрские отношения",
            Text::ExistingCustomerAfter => ", чтобы не создавать дубликат.",
            Text::CountryHint => "Выберите сначала: от страны зависит, какие данные адреса нужны.",
            Text::CountryPlaceholder => "Выберите страну или регион",
            Text::Company => "Компания",
            Text::CompanyHint => "Точное юридическое название, как при регистрации.",
            Text::Address => "Адрес",
            Text::StatePlaceholder => "Выберите из списка",
            Text::LanguageLegend => "Язык писем и счетов",
            Text::LanguagePlaceholder => "Выберите язык",
            Text::CulturePlaceholder => "Выберите формат",
            Text::PrimaryContact => "Основной контакт",
            Text::PrimaryContactHint => "Сотрудник клиента, который получает письма по учётной записи.",
            Text::GdapLegend => "Детализированные делегированные права администратора (GDAP)",
            Text::GdapLabel => "Запросить отношения GDAP по умолчанию",
            Text::GdapHint => "Даёт вам стандартные роли администратора с минимальными правами для этого клиента. Рекомендуется.",
            Text::Checking => "Проверяем…",
            Text::Next => "Далее",
            Text::DomainPrefixHint => "Только латинские буквы и цифры, не больше 27. Это начальный домен клиента, изменить его потом нельзя.",
            Text::LedeSubscriptions => "Выберите подписки для клиента и число лицензий каждой.",
            Text::LoadingCatalog => "Загружаем каталог…",
            Text::SearchProducts => "Поиск продуктов",
            Text::SearchProductsHint => "По названию или идентификатору, например «E3» или «Teams».",
            Text::Category => "Категория",
            Text::All => "Все",
            Text::Back => "Назад",
            Text::NumberOfLicenses => "Число лицензий",
            Text::NotProvided => "Не указано",
            Text::Domain => "Домен",
            Text::AdminCenterLater => "Клиент примет его в Центре администрирования Microsoft 365",
            Text::OrderedAfterAccept => "Подписки будут заказаны после принятия",
            Text::MicrosoftCustomerAgreement => "Клиентское соглашение Microsoft",
            Text::DefaultGdap => "GDAP по умолчанию",
            Text::Requested => "Запрошены",
            Text::NotRequested => "Не запрошены",
            Text::Update => "Изменить",
            Text::LedeReview => "Проверьте данные клиента и подписки перед отправкой.",
            Text::CustomerCreatedNoChange => "Клиент уже создан: эти данные здесь больше не изменить.",
            Text::Reseller => "Реселлер",
            Text::NoResellerChosen => "Нет: вы работаете без реселлера",
            Text::AdditionalPartners => "Дополнительные партнёры записи",
            Text::ChosenSubscriptions => "Выбранные подписки",
            Text::Licenses => "Лицензии",
            Text::Total => "Итого",
            Text::ChooseOne => "Выберите…",
            Text::SpecialQualification => "Особая квалификация",
            Text::QualificationHint => "Необязательно. Microsoft проверяет её после создания клиента; образовательные продукты можно купить после одобрения. Снять квалификацию потом нельзя.",
            Text::QualificationNone => "Нет",
            Text::QualificationEducation => "Образование",
            Text::QualificationEducationHint => "Школа, колледж или университет. Предлагаются образовательные продукты; они ждут одобрения Microsoft.",
            Text::QualificationStateOwned => "Государственная организация",
            Text::QualificationStateOwnedHint => "Организация, которой владеет или которую контролирует государство.",
            Text::QualificationGcc => "Облако для государственных организаций (GCC)",
            Text::QualificationGccHint => "Государственные организации США. Нужен код проверки и партнёр с доступом к GCC.",
            Text::SegmentK12 => "Школьное образование (K-12)",
            Text::SegmentHigherEducation => "Высшее образование",
            Text::SchoolWebsiteHint => "Например, contoso.edu. Помогает Microsoft быстрее одобрить квалификацию.",
            Text::GccCodeHint => "Код, который клиент получил при проверке права на GCC.",
            Text::EducationWaitsApproval => "Только для образования: ждёт одобрения образовательной квалификации клиента Microsoft.",
            Text::Term => "Срок",
            Text::BillingFrequency => "Периодичность оплаты",
            Text::Plan => "План",
            Text::Renewal => "Продление",
            Text::RenewsAutomatically => "Продлевается автоматически",
            Text::DoesNotRenew => "Не продлевается",
            Text::Cancellation => "Отмена",
            Text::NoRefundWindow => "Срок возврата не указан",
            Text::EstimatedPrice => "Цена (оценка)",
            Text::NotInPriceList => "Нет в прайс-листе",
            Text::Product => "Продукт",
            Text::LoadingOptions => "Загружаем планы и сроки…",
            Text::TheOptions => "Планы и сроки",
            Text::HoldReviewTitle => "Покупки ждут проверки Microsoft",
            Text::HoldReviewBody => "Microsoft проверяет учётную запись каждого нового клиента. До проверки ничего купить нельзя: корзина хранится семь дней, а «Проверить снова» оформит заказ, как только учётная запись будет проверена.",
            Text::HoldRejectedTitle => "Microsoft не одобрила учётную запись клиента",
            Text::HoldRejectedBody => "Пока Microsoft не одобрит учётную запись, для этого клиента ничего купить нельзя. Корзина хранится семь дней; обратитесь в поддержку Microsoft, затем проверьте снова.",
            Text::HoldAgreementTitle => "Покупки ждут, пока клиент примет соглашение",
            Text::HoldAgreementBody => "Клиент принимает Клиентское соглашение Microsoft в Центре администрирования Microsoft 365. Корзина хранится семь дней; «Проверить снова» оформит заказ, когда он его примет.",
            Text::CheckAgain => "Проверить снова",
            Text::StageHeld => "Ожидание",
            Text::CartKept => "Корзина сохранена; пока ничего не куплено.",
            Text::TrialBadge => "Пробная версия",
            Text::EducationBadge => "Образование",
            Text::CustomerCreated => "Клиент создан",
            Text::MicrosoftId => "Идентификатор Microsoft",
            Text::AdminUser => "Администратор",
            Text::OneTimePassword => "Одноразовый пароль",
            Text::HidePassword => "Скрыть пароль",
            Text::ShowPassword => "Показать пароль",
            Text::Warning => "Внимание: ",
            Text::CopyPasswordNow => "Скопируйте пароль сейчас и безопасно передайте его администратору клиента. Когда вы уйдёте с этой страницы, показать его снова будет нельзя.",
            Text::Orders => "Заказы",
            Text::Subscriptions => "Подписки",
            Text::Status => "Состояние",
            Text::Copy => "Копировать",
            Text::Done => "Готово",
            Text::StageWaiting => "Ожидает",
            Text::StageRunning => "Выполняется…",
            Text::StageDone => "Выполнено",
            Text::StageFailed => "Ошибка",
            Text::ChangeSubscriptions => "Изменить подписки",
            Text::Submit => "Отправить",
            Text::SubmitIntroBefore => "Когда вы нажмёте «Отправить», мы создадим клиента ",
            Text::SubmitIntroAfter => " в Центре партнёров, ",
            Text::YourPartner => "Ваш партнёр",
            Text::NoLinkNoPartnerId => "Сервер не выдал ссылку-приглашение, а идентификатор партнёра не настроен (data-partner-id)",
            Text::ChooseResellerAbove => "Выберите реселлера выше: ссылка называет его.",
            Text::InvitationLink => "Ссылка-приглашение",
            Text::EmailInEnglish => "Письмо на английском",
            Text::EmailInRussian => "Письмо на русском",
            Text::RequestRelationshipHeading => "Запрос на партнёрские отношения",
            Text::RelationshipLede => "Если у клиента уже есть учётная запись Microsoft, здесь ничего не создаётся. Отправьте клиенту приглашение: его глобальный администратор откроет ссылку в Центре администрирования Microsoft 365 и примет вас как партнёра.",
            Text::RelationshipResellerHint => "В приглашении указан реселлер, через которого клиент будет покупать.",
            Text::ChooseReseller => "Выберите реселлера",
            Text::DelegatedAdminLabel => "Запросить также делегированные права администратора",
            Text::DelegatedAdminHint => "Позволяет управлять подписками и пользователями клиента. Клиент может отозвать эти права в любой момент.",
            Text::BackToAccountInfo => "Назад к данным клиента",
            Text::Remove => "Удалить",
            Text::ResellerLede => "Как непрямой поставщик, вы создаёте клиента для одного из своих реселлеров. Выбрать можно только реселлеров, подписавших партнёрское соглашение.",
            Text::SearchResellers => "Поиск реселлеров",
            Text::SearchResellersHint => "По названию, MPN ID или стране.",
            Text::NoResellerLabel => "Я работаю с этим клиентом без реселлера",
            Text::NoResellerHint => "Подтвердите, только если в продаже не участвует реселлер.",
            Text::AdditionalPartnersOptional => "Дополнительные партнёры записи (необязательно)",
            Text::MostPartnersNamed => "Вы указали наибольшее число партнёров записи, которое допускает заказ.",
            Text::PrimaryContactNotEntered => "основной контакт (ещё не указан)",
            Text::AgreementHint => "Клиент должен принять соглашение, прежде чем вы сможете купить для него подписки.",
            Text::AttestNowLabel => "Клиент уже принял его",
            Text::AttestNowHint => "Вы подтверждаете принятие сейчас, и подписки заказываются сразу.",
            Text::AdminCenterHint => "Клиент создаётся сейчас; подписки можно будет заказать только после принятия.",
            Text::ConfirmAccepted => "Я подтверждаю, что клиент принял Клиентское соглашение Microsoft",
            Text::AcceptanceDateHint => "День, когда клиент принял соглашение. Он не может быть в будущем.",
            Text::AcceptedBy => "Принял: ",
            Text::UpdateSignerSuffix => " данные принявшего соглашение",
            Text::PersonWhoAccepted => "Кто принял соглашение",
            Text::UsePrimaryContact => "Указать основной контакт",
            Text::CheckAddressHeading => "Проверьте адрес клиента",
            Text::AddressSuggestedLede => "Адрес в введённом виде подтвердить не удалось. Выберите, какой адрес использовать.",
            Text::AddressChoice => "Какой адрес использовать?",
            Text::YouEntered => "Как вы ввели",
            Text::SuggestedAddress => "Предложенный",
            Text::UseThisAddress => "Использовать этот адрес и продолжить",
            Text::ChangeAddress => "Изменить адрес",
            Text::UseAsEntered => "Оставить как введено",
            Text::CheckingAddress => "Проверяем адрес…",
            Text::ChooseAnAddress => "Выберите адрес",
            Text::CountryRules => "Правила адреса для этой страны",
            Text::BilledByUsageNoCount => "Оплата по использованию: число лицензий не указывается.",
            Text::LoadingResellers => "Загружаем список реселлеров…",
            Text::Add => "Добавить",
            Text::GettingLink => "Получаем ссылку-приглашение…",
            Text::GetLink => "Получить ссылку-приглашение",
            Text::CopiedShort => "Скопировано.",
            Text::CopyYourself => "Выделите текст и скопируйте его сами.",
            Text::AdminSignInName => "Имя для входа администратора: ",
            Text::RequestLog => "Журнал запросов",
            Text::RequestLogHint => "Все запросы мастера к серверу, новые сверху. Токен доступа скрыт; «Копировать как curl» берёт его из $ACCESS_TOKEN.",
            Text::NoCallsYet => "Запросов пока нет.",
            Text::ClearLog => "Очистить",
            Text::ExportHar => "Экспорт в HAR",
            Text::HarExported => "Вызовы сохранены в файл HAR, без паролей и токенов.",
            Text::ResponseHeaders => "Заголовки ответа",
            Text::CopyAsCurl => "Копировать как curl",
            Text::RequestHeaders => "Заголовки запроса",
            Text::RequestBody => "Тело запроса",
            Text::ResponseBody => "Ответ",
            Text::ResponseUnreadable => "Не удалось прочитать",
            Text::NoAnswer => "нет ответа",
            Text::CorrelationIdForSupport => "Для службы поддержки: идентификатор корреляции этих запросов: ",
            Text::SubmitInterrupted => "Отправка была прервана",
            Text::OtherTabSubmitting => "Этого клиента отправляет другая вкладка",
            Text::OtherTabSubmittingHint => {
                "Дождитесь, пока она закончит. Если ту вкладку закрыли, кнопка «Отправить» вернётся здесь через несколько секунд."
            }
            Text::SubmitInterruptedIntro => "Страница была перезагружена во время отправки клиента. Продолжите, чтобы завершить оставшееся: уже сделанное не повторяется.",
            Text::MaybeCreatedAlready => "Клиент, возможно, уже создан. При продолжении тот же запрос отправляется снова; конечная точка его узнаёт, и второй клиент не создаётся.",
            Text::ResumeSubmit => "Продолжить отправку",
            Text::ConfirmAgainHint => "Подтверждение не сохраняется при перезагрузке страницы: подтвердите снова, прежде чем соглашение будет подтверждено.",
            Text::ConfirmAgainError => "Подтвердите, что клиент принял Клиентское соглашение Microsoft",
            Text::PasswordNotKept => "Одноразовый пароль пришёл в ответе конечной точки до перезагрузки страницы, а пароли никогда не сохраняются. Сбросьте пароль администратора в центре администрирования Microsoft 365.",
        }
    }

    fn label(&self, field: Field, rules: &CountryRules) -> String {
        match field {
            Field::Country => "Страна или регион".into(),
            Field::Reseller => "Реселлер".into(),
            Field::AdditionalResellers => "Добавить партнёра записи".into(),
            Field::CompanyName => "Название компании".into(),
            Field::DomainPrefix => "Префикс домена".into(),
            Field::AddressLine1 => "Адрес, строка 1".into(),
            Field::AddressLine2 => "Адрес, строка 2".into(),
            Field::City => city_name(rules).0.into(),
            Field::State => state_name(rules).0.into(),
            Field::PostalCode => postal_code_name(rules).0.into(),
            Field::Phone | Field::SignerPhone => "Номер телефона".into(),
            Field::RegistrationNumber => registration_number_name(rules),
            Field::Language => "Язык писем".into(),
            Field::Culture => "Региональный формат (числа и даты)".into(),
            Field::FirstName | Field::SignerFirstName => "Имя".into(),
            Field::LastName | Field::SignerLastName => "Фамилия".into(),
            Field::Email | Field::SignerEmail => "Адрес электронной почты".into(),
            Field::AgreementAttested => "Клиент принял Клиентское соглашение Microsoft".into(),
            Field::AgreementDate => "Дата принятия".into(),
            Field::EducationSegment => "Уровень образования".into(),
            Field::SchoolWebsite => "Сайт учебного заведения".into(),
            Field::GccValidationCode => "Код проверки".into(),
        }
    }

    fn error_text(&self, field: Field, error: &FieldError, rules: &CountryRules) -> String {
        let object = accusative(field, rules);
        let subject = format!("Поле «{}»", self.label(field, rules));
        match error {
            FieldError::Missing if is_choice(field, rules) => format!("Выберите {object}"),
            FieldError::Missing => format!("Введите {object}"),
            FieldError::TooLong { max, length } => {
                format!("{subject}: не больше {max} символов (сейчас {length})")
            }
            FieldError::SingleCharacter => format!("{subject}: нужно больше одного символа"),
            FieldError::OnlyPunctuation => format!("{subject}: нужны буквы или цифры"),
            FieldError::SpacedCharacters => {
                format!("Введите {object} так, как при регистрации, а не отдельные символы")
            }
            FieldError::BareLegalForm => format!(
                "{subject}: одной организационно-правовой формы мало, введите полное название, например «ООО Винтип Тойс»"
            ),
            FieldError::RepeatedCharacter => format!("{subject}: не может быть одним повторённым символом"),
            FieldError::NotLettersAndDigits => {
                "Префикс домена может содержать только латинские буквы a–z и цифры, без пробелов, дефисов и точек".into()
            }
            FieldError::Placeholder => format!("Введите настоящее значение, а не заглушку: {object}"),
            FieldError::NoLetters => format!("{subject}: нужны буквы"),
            FieldError::InvalidEmail => format!("Введите {object} в правильном формате, например name@example.com"),
            FieldError::MicrosoftEmail => {
                format!("{subject}: адрес не может быть в домене microsoft.com, введите собственный адрес клиента")
            }
            FieldError::PartnerEmail => {
                format!("{subject}: адрес не может быть в вашем домене, введите собственный адрес клиента")
            }
            FieldError::WrongFormat { example: Some(example) } => {
                format!("Введите {object} в правильном формате, например {example}")
            }
            FieldError::WrongFormat { example: None } => format!("Введите {object} в правильном формате"),
            FieldError::Unsendable => format!(
                "{subject}: есть символ, который нельзя отправить (управляющий или испорченный при вставке), удалите его"
            ),
            FieldError::WrongChecksum => format!("{subject}: такого номера не бывает, проверьте каждую цифру"),
            FieldError::WrongLength { lengths } => {
                format!("{subject}: нужно {} цифр без кода страны", either(lengths, "или"))
            }
            FieldError::WrongCountryCode { expected } => {
                format!("{subject}: номер должен быть этой страны, с кодом +{expected} или без него")
            }
            FieldError::NotInList => format!("Выберите {object} из списка"),
            FieldError::InvalidDate => format!("{subject}: такой даты нет"),
            FieldError::FutureDate => format!("{subject}: дата не может быть позже сегодняшней"),
            FieldError::NotAttested => "Подтвердите, что клиент принял соглашение, или выберите, что он примет его в Центре администрирования Microsoft 365".into(),
            FieldError::DomainTaken => "Этот домен уже занят: выберите другой префикс домена".into(),
            FieldError::Server(message) => message.clone(),
            FieldError::Reseller(error) => reseller_error_text(error),
            FieldError::DomainCheckFailed => {
                "Не удалось проверить, свободен ли домен. Проверьте подключение и снова нажмите «Далее»".into()
            }
        }
    }

    fn api_error_text(&self, error: &ApiError) -> String {
        match error {
            ApiError::NoAnswer(_) => {
                "сервер не ответил: возможно, он недоступен или не принимает запросы с этой страницы (CORS)".into()
            }
            ApiError::Status { status, body, .. } => {
                let what = match status {
                    401 => "срок вашего входа истёк".to_string(),
                    403 => "у вас нет прав на это действие".to_string(),
                    429 => "сервер занят, подождите немного".to_string(),
                    500..=599 => format!("на сервере произошла ошибка (HTTP {status})"),
                    _ => format!("сервер отклонил запрос (HTTP {status})"),
                };
                match body.as_ref().and_then(|body| body.description.as_deref()) {
                    Some(description) => format!("{what}: {description}"),
                    None => what,
                }
            }
            ApiError::Offline => "нет подключения к сети: подключитесь и повторите".into(),
            ApiError::TimedOut(seconds) => {
                format!("сервер не ответил за {seconds} с: возможно, он недоступен или перегружен")
            }
            ApiError::SignIn(_) => "страница не смогла получить токен входа для сервера: войдите снова".into(),
            ApiError::DomainTaken(domain) => {
                format!("домен {domain} заняли после проверки: выберите другой префикс домена")
            }
            ApiError::Malformed(_) => "сервер ответил в неожиданном виде".into(),
            ApiError::LinesRefused(lines) => match lines.len() {
                1 => "сервер отклонил подписку из корзины: измените её на странице «Подписки»".into(),
                count => format!("сервер отклонил подписки из корзины ({count}): измените их на странице «Подписки»"),
            },
            ApiError::OrderGroupsFailed(groups) => {
                let reasons: Vec<&str> = groups.iter().map(|group| group.description.as_str()).collect();
                format!(
                    "не удалось оформить заказы корзины ({}: {}), остальные оформлены; повтор оформит только их",
                    groups.len(),
                    reasons.join("; ")
                )
            }
        }
    }

    fn server_error_text(&self, error: &ApiError) -> String {
        let Some(problem) = error.code().and_then(ServerProblem::of_code) else {
            return match error {
                ApiError::Status { status: 401, .. } => "Срок вашего входа истёк: войдите снова и повторите".into(),
                ApiError::Status { status: 429, .. } => "Сервер занят: подождите немного и повторите".into(),
                _ => first_upper_case(&self.api_error_text(error)),
            };
        };
        let text = match problem {
            ServerProblem::RegistrationMissing => "Не указан регистрационный номер организации: введите его",
            ServerProblem::RegistrationFormat => "Регистрационный номер организации не в формате этой страны",
            ServerProblem::RegistrationNotAccepted => "Регистрационный номер организации не принят для этой страны",
            ServerProblem::PhoneMissing => "Не указан номер телефона: в этой стране он обязателен",
            ServerProblem::ValueRefused => "Сервер отклонил одно из значений",
            ServerProblem::AddressNotVerified => "Адрес не прошёл проверку: проверьте его",
            ServerProblem::QuantityOutOfRange => "Число лицензий вне пределов, которые допускает предложение",
            ServerProblem::OfferInvalid => "Предложение недействительно",
            ServerProblem::OfferNotInCountry => "Предложение не продаётся в стране клиента",
            ServerProblem::NotAllowed => {
                "Вашей учётной записи это не разрешено: обратитесь к администратору Центра партнёров"
            }
            ServerProblem::AgreementNotAttested => "Заказ отклонён: принятие клиентского соглашения не подтверждено",
            ServerProblem::ResellerNoAgreement => "Реселлер не принял партнёрское соглашение",
            ServerProblem::PartnerNoAgreement => "Ваша организация не приняла партнёрское соглашение",
            ServerProblem::AccountUnderReview => "Учётная запись клиента на проверке или ещё не одобрена",
            ServerProblem::OrderInProgress => "Заказ для этого клиента уже выполняется: подождите и повторите",
        };
        match endpoint_description(error) {
            Some(description) => format!("{text} (ответ сервера: {description})"),
            None => text.to_string(),
        }
    }

    fn line_error_text(&self, name: &str, error: &LineError, number: &dyn Fn(u64) -> String) -> String {
        match error {
            LineError::NothingChosen => "Выберите хотя бы одну подписку".into(),
            LineError::NotLoaded => format!("Дождитесь загрузки планов и сроков «{name}» или уберите его"),
            LineError::NotAvailable => format!("«{name}» сейчас нельзя купить в этой стране: уберите его"),
            LineError::EducationOnly => {
                format!("«{name}» — для образовательных клиентов: выберите квалификацию «Образование» или уберите его")
            }
            LineError::TermNotOffered => format!("Выберите срок и периодичность оплаты для «{name}»"),
            LineError::QuantityMissing => format!("Введите число лицензий для «{name}»"),
            LineError::QuantityNotANumber => format!("Введите число лицензий для «{name}» целым числом, например 10"),
            LineError::QuantityOutOfRange { min, max } => {
                format!("Число лицензий для «{name}» должно быть от {} до {}", number(*min), number(*max))
            }
            LineError::NeedsPrerequisite(names) => {
                format!("«{name}» — дополнение: выберите также {} или уберите его", one_of(names))
            }
            LineError::Server(message) => format!("«{name}»: {message}"),
        }
    }

    fn term_name(&self, term: TermDuration) -> &'static str {
        match term {
            TermDuration::OneMonth => "1 месяц",
            TermDuration::OneYear => "1 год",
            TermDuration::ThreeYears => "3 года",
        }
    }

    fn billing_name(&self, billing: BillingFrequency) -> &'static str {
        match billing {
            BillingFrequency::Monthly => "Ежемесячно",
            BillingFrequency::Annual => "Ежегодно",
            BillingFrequency::Triennial => "Раз в три года",
            BillingFrequency::OneTime => "Однократно",
        }
    }

    fn line_refused(&self, code: i64, description: &str) -> String {
        let text = match LineProblem::of_code(code) {
            LineProblem::Currency => "валюта не совпадает с валютой клиента",
            LineProblem::NotPurchasable => "его нельзя купить в таком виде: выберите его снова",
            LineProblem::Unavailable => "лицензий на продажу сейчас не осталось",
            LineProblem::ParticipantsNotAllowed => "для него нельзя указать реселлера партнёром записи",
            LineProblem::AttestationMissing => "ему нужно подтверждение, которое мастер дать не может",
            LineProblem::BillingFrequency => {
                "такая периодичность оплаты для этого срока не предлагается: выберите другую"
            }
            LineProblem::TooManyLicences => "больше лицензий, чем вмещает одна подписка: уменьшите число",
            LineProblem::PrerequisiteMissing => "нет подписки, к которой оно добавляется: выберите и её",
            LineProblem::TooFewLicences => "меньше лицензий, чем нужно: увеличьте число",
            LineProblem::Legacy => {
                "это устаревшее предложение, его больше не продают: выберите продукт новой коммерции"
            }
            LineProblem::Other => "конечная точка его отклонила",
        };
        if description.trim().is_empty() {
            first_upper_case(text)
        } else {
            format!("{} (ответ конечной точки: {})", first_upper_case(text), description.trim())
        }
    }

    fn cancellation_window(&self, window: &str) -> String {
        match iso_days(window) {
            Some(days) => {
                let word = match super::plural(super::Locale::Ru, days) {
                    super::Plural::One => "дня",
                    _ => "дней",
                };
                format!("Возврат при отмене в течение {days} {word}")
            }
            None => format!("Возврат при отмене в течение {window}"),
        }
    }

    fn step_name(&self, step: Step) -> &'static str {
        match step {
            Step::AccountInfo => "Данные клиента",
            Step::Subscriptions => "Подписки",
            Step::Review => "Проверка",
            Step::Done => "Готово",
        }
    }

    fn step_count(&self, number: usize, total: usize) -> String {
        format!("Шаг {number} из {total}")
    }

    fn page_title(&self, step: Step, number: usize, total: usize) -> String {
        format!("{} — Новый клиент, шаг {number} из {total}", self.step_name(step))
    }

    fn next_to(&self, step: Step) -> String {
        format!("Далее: {}", self.step_name(step))
    }

    fn count(&self, count: u64, number: &str, what: Counted) -> String {
        let forms = match what {
            Counted::Product => ("продукт", "продукта", "продуктов"),
            Counted::License => ("лицензия", "лицензии", "лицензий"),
            Counted::Order => ("заказ", "заказа", "заказов"),
            Counted::Reseller => ("реселлер", "реселлера", "реселлеров"),
            Counted::Subscription => ("подписка", "подписки", "подписок"),
        };
        format!("{number} {}", form(count, forms))
    }

    fn domain_status(&self, status: DomainWords<'_>) -> String {
        match status {
            DomainWords::Idle => String::new(),
            DomainWords::Checking(domain) => format!("Проверяем, свободен ли {domain}…"),
            DomainWords::Free(domain) => format!("{domain} свободен."),
            DomainWords::Taken(domain) => format!("{domain} уже занят. Выберите другой префикс."),
            DomainWords::Failed(domain, reason) => format!("Не удалось проверить {domain}: {reason}."),
        }
    }

    fn for_example(&self, example: &str) -> String {
        format!("Например, {example}")
    }

    fn phone_hint(&self, rules: &CountryRules) -> String {
        let code = rules.country_calling_codes_list.as_deref().and_then(<[String]>::first);
        match (code, rules.requires_phone()) {
            (Some(code), true) => format!("Обязателен в этой стране. С кодом города; +{code} можно не указывать."),
            (Some(code), false) => format!("С кодом города; +{code} можно не указывать."),
            (None, true) => "Обязателен в этой стране. Укажите код города.".into(),
            (None, false) => "Укажите код города.".into(),
        }
    }

    fn registration_hint(&self, sample: Option<&str>) -> String {
        match sample {
            Some(sample) => format!("Обязателен в этой стране. Например, {sample}"),
            None => "Обязателен в этой стране.".into(),
        }
    }

    fn backend_banner(&self, endpoint: Option<&str>, generated_products: Option<&str>) -> String {
        match (endpoint, generated_products) {
            (Some(base), _) => format!("Сервер: {base}"),
            (None, Some(count)) => format!(
                "Демонстрационный режим с созданным каталогом ({count} прод.): ничего не покидает этот браузер."
            ),
            (None, None) => {
                "Демонстрационный режим: отвечает встроенный сервер, ничего не покидает этот браузер.".into()
            }
        }
    }

    fn load_failed(&self, what: Text, reason: &str) -> String {
        format!("{}: не удалось загрузить — {reason}.", self.text(what))
    }

    fn catalog_status(&self, matching: u64, total: u64, chosen: u64, number: &dyn Fn(u64) -> String) -> String {
        let found = if matching == total {
            self.count(total, &number(total), Counted::Product)
        } else {
            format!("Найдено {} из {}", number(matching), self.count(total, &number(total), Counted::Product))
        };
        format!("{found}. Выбрано: {}.", number(chosen))
    }

    fn show_more(&self, more: u64, left: u64, number: &dyn Fn(u64) -> String) -> String {
        format!("Показать ещё {} (не показано: {})", number(more), number(left))
    }

    fn offer_fact(&self, fact: OfferFact<'_>) -> String {
        match fact {
            OfferFact::ByUsage => "оплата по использованию".into(),
            OfferFact::Fixed(count) => format!("лицензий: {count}, фиксировано"),
            OfferFact::Range(min, max) => format!("от {min} до {max} лицензий"),
            OfferFact::Trial => "пробная версия".into(),
            OfferFact::AddOnTo(None, _) => "дополнение".into(),
            OfferFact::AddOnTo(Some(name), 0) => format!("дополнение к «{name}»"),
            OfferFact::AddOnTo(Some(name), others) => {
                format!("дополнение к «{name}» или к другим подпискам (ещё {others})")
            }
        }
    }

    fn trial_fixed(&self, count: &str) -> String {
        format!("Лицензий: {count}. У пробной версии их число фиксировано.")
    }

    fn for_offer(&self, name: &str) -> String {
        format!("для «{name}»")
    }

    fn quantity_range(&self, min: &str, max: &str) -> String {
        format!("От {min} до {max}")
    }

    fn price_notice(&self, notice: PriceNotice<'_>) -> String {
        match notice {
            PriceNotice::NotLoaded(why) => format!("Цены не показаны: прайс-лист не загрузился ({why})."),
            PriceNotice::NotASheet => "Цены не показаны: прайс-лист — не таблица цен в CSV.".into(),
            PriceNotice::MissingColumns(columns) => {
                format!("Цены не показаны: в прайс-листе нет столбца {columns}.")
            }
            PriceNotice::NoPricesFor(country) => format!("В прайс-листе нет цен для страны «{country}»."),
            PriceNotice::RowsUnreadable(count, number) => match plural(Locale::Ru, count) {
                Plural::One => format!("{number} строку прайс-листа не удалось прочитать: её цена не показана."),
                Plural::Few => format!("{number} строки прайс-листа не удалось прочитать: их цены не показаны."),
                Plural::Many | Plural::Other => {
                    format!("{number} строк прайс-листа не удалось прочитать: их цены не показаны.")
                }
            },
        }
    }

    fn price_each(&self, price: &str, billing: BillingFrequency) -> String {
        match billing {
            BillingFrequency::Monthly => format!("{price} в месяц"),
            BillingFrequency::Annual => format!("{price} раз в год"),
            BillingFrequency::Triennial => format!("{price} раз в три года"),
            BillingFrequency::OneTime => format!("{price} однократно"),
        }
    }

    fn choice_with_price(&self, choice: &str, price: &str) -> String {
        format!("{choice} ({price} за лицензию)")
    }

    fn license_price(&self, per_period: &str, per_term: Option<&str>) -> String {
        match per_term {
            Some(per_term) => format!("За лицензию: {per_period}, {per_term} за весь срок."),
            None => format!("За лицензию: {per_period}."),
        }
    }

    fn price_basis(&self, month: &str) -> String {
        // The month may end in "г." already.
        let end = if month.ends_with('.') { "" } else { "." };
        format!("Оценка без налогов; прайс-лист: {month}{end}")
    }

    fn review_totals(&self, lines: u64, licenses: u64, number: &dyn Fn(u64) -> String) -> String {
        format!(
            "{}, {}",
            self.count(lines, &number(lines), Counted::Subscription),
            self.count(licenses, &number(licenses), Counted::License)
        )
    }

    fn accepted_on(&self, date: &str) -> String {
        format!("Принято {date}")
    }

    fn accepted_by(&self, name: &str, email: &str) -> String {
        format!("Принял(а): {name} ({email})")
    }

    fn order_number(&self, number: usize) -> String {
        format!("Заказ {number}")
    }

    fn copied(&self, what: &str, done: bool) -> String {
        if done {
            format!("{what}: скопировано в буфер обмена.")
        } else {
            format!("{what}: браузер не дал скопировать, выделите текст и скопируйте его сами.")
        }
    }

    fn now_your_customer(&self, company: &str) -> String {
        format!("«{company}» теперь ваш клиент в Центре партнёров.")
    }

    fn stage_name(&self, stage: &StageWords) -> String {
        match stage {
            StageWords::CreateCustomer => "Создать клиента".into(),
            StageWords::AttestAgreement => "Подтвердить принятие Клиентского соглашения Microsoft".into(),
            StageWords::Qualify => "Запросить квалификацию клиента".into(),
            StageWords::Cart { products } => format!("Положить подписки в корзину ({products})"),
            StageWords::Checkout => "Оформить заказ по корзине".into(),
        }
    }

    fn submit_plan(&self, attest: bool, lines: &str) -> String {
        if attest {
            format!("подтвердим принятие Клиентского соглашения Microsoft и купим в одной корзине: {lines}.")
        } else {
            format!(
                "и положим в корзину: {lines}; заказ будет оформлен, когда клиент примет соглашение в Центре администрирования Microsoft 365."
            )
        }
    }

    fn correct_the(&self, field_label: &str) -> String {
        format!("Исправить: {}", lower_case(field_label))
    }

    fn retry_stage(&self, stage: &str) -> String {
        format!("Повторить: {}", lower_case(stage))
    }

    fn stage_failed(&self, stage: &str) -> String {
        format!("Ошибка: {}", lower_case(stage))
    }

    fn stages_done(&self, stages: &str) -> String {
        format!("Выполнено: {stages}.")
    }

    fn customer_kept(&self, id: &str) -> String {
        format!("Клиент создан (идентификатор Microsoft {id}) и сохранён: повтор не создаст его заново.")
    }

    fn link_built(&self, reason: Option<&str>) -> String {
        match reason {
            Some(reason) => {
                format!("Сервер не выдал ссылку ({reason}), поэтому она собрана из вашего идентификатора партнёра.")
            }
            None => "Ссылка собрана из вашего идентификатора партнёра.".into(),
        }
    }

    fn reseller_option(&self, name: &str, mpn_id: &str, country: &str) -> String {
        format!("{name} (MPN ID {mpn_id}, {country})")
    }

    fn reseller_facts(&self, mpn_id: &str, country: &str, signed: bool) -> String {
        let facts = format!("MPN ID {mpn_id} · {country}");
        if signed {
            facts
        } else {
            format!("{facts} · Нельзя выбрать: не подписал партнёрское соглашение.")
        }
    }

    fn additional_resellers_hint(&self, max: usize) -> String {
        format!("В ЕС и ЕАСТ в заказах можно указать ещё до {max} реселлеров.")
    }

    fn address_unverified(&self, message: Option<&str>) -> String {
        match message {
            Some(message) => format!("Адрес подтвердить не удалось. Ответ сервера: {message}"),
            None => "Адрес подтвердить не удалось.".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::country_rules;

    #[test]
    fn requests_take_the_accusative_and_statements_name_the_field() {
        let (ru, jp) = (country_rules("RU"), country_rules("JP"));
        assert_eq!(Russian.label(Field::RegistrationNumber, &ru), "Регистрационный номер организации (ИНН)");
        assert_eq!(Russian.error_text(Field::AddressLine1, &FieldError::Missing, &ru), "Введите первую строку адреса");
        assert_eq!(Russian.error_text(Field::State, &FieldError::Missing, &jp), "Выберите префектуру");
        assert_eq!(
            Russian.error_text(Field::CompanyName, &FieldError::TooLong { max: 255, length: 300 }, &ru),
            "Поле «Название компании»: не больше 255 символов (сейчас 300)"
        );
        assert_eq!(
            Russian.error_text(Field::RegistrationNumber, &FieldError::WrongChecksum, &ru),
            "Поле «Регистрационный номер организации (ИНН)»: такого номера не бывает, проверьте каждую цифру"
        );
    }

    #[test]
    fn endpoint_errors_in_russian() {
        let refused = ApiError::from_status(400, r#"{"code":600051}"#);
        assert_eq!(Russian.server_error_text(&refused), "Не указан номер телефона: в этой стране он обязателен");
    }
}

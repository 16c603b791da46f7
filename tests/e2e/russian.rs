//! End-to-end test of the Russian UI: a Russian customer typed in Cyrillic, from the language
//! switch to Done, and the UTF-8 JSON the endpoint receives.

use crate::accessibility::assert_accessible;
use crate::Scenario;
use serde_json::json;

const E3: &str = "Microsoft 365 E3";

#[tokio::test]
async fn a_russian_customer_in_russian_from_the_switch_to_done() {
    let scenario = Scenario::start().await;
    let page = &scenario.browser;
    page.fill("Company name", "ООО «Ромашка»").await;
    page.press("Русский").await;
    page.wait_for_heading("Данные клиента").await;
    assert_eq!(
        page.field("Название компании").await.prop("value").await.unwrap().as_deref(),
        Some("ООО «Ромашка»"),
        "switching the language loses nothing"
    );
    let lang = page.wait_for("//div[contains(@class,'wizard')]").await.attr("lang").await.unwrap();
    assert_eq!(lang.as_deref(), Some("ru"), "screen readers read it as Russian");
    page.wait_for("//p[normalize-space(.)='Шаг 1 из 4']").await;

    page.choose("Страна или регион", "Россия").await;
    page.fill("Префикс домена", "romashka").await;
    page.fill("Адрес, строка 1", "ул. Тверская, д. 7").await;
    page.fill("Город", "Москва").await;
    page.choose("Регион", "Москва").await;
    page.fill("Почтовый индекс", "125009").await;
    page.fill("Номер телефона", "8 (495) 123-45-67").await;
    page.fill("Регистрационный номер организации (ИНН)", "7707083894").await;
    page.fill("Имя", "Иван").await;
    page.fill("Фамилия", "Петров").await;
    page.fill("Адрес электронной почты", "ivan@romashka.ru").await;
    page.tick("Я подтверждаю, что клиент принял Клиентское соглашение Microsoft").await;
    page.fill("Дата принятия", "01152025").await;
    page.press("Далее: Подписки").await;
    let summary = scenario.summary().await;
    assert_eq!(
        summary,
        ["Поле «Регистрационный номер организации (ИНН)»: такого номера не бывает, проверьте каждую цифру"]
    );
    page.screenshot("account-info-ru").await;
    assert_accessible(page, "Данные клиента, с ошибкой").await;
    page.fill("Регистрационный номер организации (ИНН)", "7707083893").await;
    page.press("Далее: Подписки").await;
    page.wait_for_heading("Подписки").await;

    page.tick(E3).await;
    page.fill_offer(E3, "Число лицензий", "5").await;
    assert_accessible(page, "Подписки").await;
    page.press("Далее: Проверка").await;
    page.wait_for_heading("Проверка").await;
    let review = page.page_text().await;
    assert!(review.contains("1 подписка, 5 лицензий"), "{review}");
    assert!(review.contains("Принято 15 января 2025 г."), "{review}");
    page.screenshot("review-ru").await;
    assert_accessible(page, "Проверка").await;
    page.press("Отправить").await;
    page.wait_for_heading("Клиент создан").await;
    let done = page.page_text().await;
    assert!(done.contains("«ООО «Ромашка»» теперь ваш клиент в Центре партнёров."), "{done}");
    assert!(done.contains("Одноразовый пароль"), "{done}");
    page.screenshot("done-ru").await;
    assert_accessible(page, "Клиент создан").await;

    let stub = &scenario.stub;
    let products = stub.calls("GET", "/v1/products");
    assert_eq!(products[0].header("x-locale"), Some("ru-RU"), "the catalog is asked for in Russian");
    let skus = stub.calls("GET", "/v1/products/CFQ7TTC0LFLZ/skus");
    assert_eq!(skus[0].header("x-locale"), Some("ru-RU"), "and the product's plans too");
    let customer = &stub.customers()[0];
    assert_eq!(customer["billingProfile"]["companyName"], "ООО «Ромашка»");
    assert_eq!(customer["billingProfile"]["firstName"], "Иван");
    assert_eq!(customer["billingProfile"]["language"], "ru");
    assert_eq!(customer["billingProfile"]["culture"], "ru-RU");
    assert_eq!(
        customer["billingProfile"]["defaultAddress"],
        json!({"firstName": "Иван", "lastName": "Петров", "addressLine1": "ул. Тверская, д. 7", "addressLine2": null, "city": "Москва",
            "state": "MOW", "postalCode": "125009", "country": "RU", "phoneNumber": "4951234567"})
    );
    assert_eq!(customer["companyProfile"]["organizationRegistrationNumber"], "7707083893");
    let create = &stub.calls("POST", "/v1/customers")[0];
    assert!(
        create.header("content-type").is_some_and(|value| value.starts_with("application/json")),
        "{:?}",
        create.headers
    );
    assert!(stub.contract_problems().is_empty(), "{:?}", stub.contract_problems());
}

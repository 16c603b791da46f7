//! Secrets out of the request log: a JSON body's members named like a password, a secret or a
//! token, at any depth, and the `Authorization` header, are replaced before an entry is kept.
//! What the log shows, copies as `curl` and exports as HAR is then free of them.

use serde_json::Value;

/// What stands in the log for a secret value.
pub const REDACTED: &str = "•••• (redacted)";

/// Whether a member or header named `name` holds a secret.
pub fn is_secret_name(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    ["password", "secret", "token", "authorization"].iter().any(|word| name.contains(word))
}

/// Replaces, in place, every secret member of `value`; answers whether it found one.
fn redact_value(value: &mut Value) -> bool {
    match value {
        Value::Object(members) => {
            let mut found = false;
            for (name, member) in members.iter_mut() {
                if is_secret_name(name) && !member.is_null() {
                    *member = Value::String(REDACTED.to_string());
                    found = true;
                } else {
                    found |= redact_value(member);
                }
            }
            found
        }
        Value::Array(items) => items.iter_mut().fold(false, |found, item| redact_value(item) | found),
        _ => false,
    }
}

/// `text` with its secrets redacted: a JSON body is written again without them; a body
/// without one, or that is not JSON, stays as it came.
pub fn redact_body(text: &str) -> String {
    let Ok(mut value) = serde_json::from_str::<Value>(text) else { return text.to_string() };
    if redact_value(&mut value) {
        serde_json::to_string(&value).unwrap_or_else(|_| REDACTED.to_string())
    } else {
        text.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_created_customers_password_is_redacted() {
        let answer = r#"{"id":"c1","userCredentials":{"userName":"admin","password":"Xy7!pass"}}"#;
        let logged = redact_body(answer);
        assert!(!logged.contains("Xy7!pass"), "{logged}");
        let value: Value = serde_json::from_str(&logged).unwrap();
        assert_eq!(value["userCredentials"]["password"], REDACTED);
        assert_eq!(value["userCredentials"]["userName"], "admin");
        assert_eq!(value["id"], "c1");
    }

    #[test]
    fn secrets_at_any_depth_and_in_any_case_are_redacted() {
        let body = r#"{"items":[{"clientSecret":"s1","refresh_token":"t1","Authorization":"Bearer x","name":"a"}]}"#;
        let logged = redact_body(body);
        for secret in ["s1", "t1", "Bearer x"] {
            assert!(!logged.contains(secret), "{secret} in {logged}");
        }
        assert!(logged.contains(r#""name":"a""#));
    }

    #[test]
    fn a_body_without_secrets_or_that_is_not_json_stays_as_it_came() {
        let body = "{ \"domain\": \"wingtiptoys.onmicrosoft.com\" }";
        assert_eq!(redact_body(body), body);
        assert_eq!(redact_body("<html>502</html>"), "<html>502</html>");
        assert_eq!(redact_body(r#"{"password":null}"#), r#"{"password":null}"#);
    }

    #[test]
    fn secret_names() {
        assert!(is_secret_name("Authorization") && is_secret_name("accessToken") && is_secret_name("PASSWORD"));
        assert!(!is_secret_name("userName") && !is_secret_name("MS-RequestId"));
    }
}

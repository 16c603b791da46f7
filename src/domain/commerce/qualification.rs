//! A customer's special qualification (`POST /v1/customers/{id}/qualifications`): education,
//! a state-owned entity, or the government community cloud. Posted right after the customer is
//! created; Microsoft vets it, and segment SKUs (education) wait until it is approved.

use serde::{Deserialize, Serialize};

/// The qualification Account info offers.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QualificationChoice {
    /// None (the default).
    #[default]
    None,
    /// An education customer: K-12 or higher education, with its website.
    Education {
        /// `K12` or `HigherEducation`.
        segment: String,
        /// The school's website (optional in the API).
        website: String,
    },
    /// A state-owned entity.
    StateOwnedEntity,
    /// Government community cloud, with the validation code the customer was given.
    GovernmentCommunityCloud {
        /// The validation code.
        validation_code: String,
    },
}

/// Which qualification Account info's radios chose (the choice without its details).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum QualificationKind {
    /// None.
    #[default]
    None,
    /// Education.
    Education,
    /// A state-owned entity.
    StateOwnedEntity,
    /// Government community cloud.
    GovernmentCommunityCloud,
}

impl QualificationKind {
    /// As the draft keeps it.
    pub fn key(self) -> &'static str {
        match self {
            QualificationKind::None => "none",
            QualificationKind::Education => "education",
            QualificationKind::StateOwnedEntity => "state-owned-entity",
            QualificationKind::GovernmentCommunityCloud => "government-community-cloud",
        }
    }

    /// The kind a draft kept; none for anything else.
    pub fn from_key(key: &str) -> Self {
        [Self::Education, Self::StateOwnedEntity, Self::GovernmentCommunityCloud]
            .into_iter()
            .find(|kind| kind.key() == key)
            .unwrap_or_default()
    }
}

/// The education segments: K-12 and higher education.
pub const EDUCATION_SEGMENTS: [&str; 2] = ["K12", "HigherEducation"];

/// The body of `POST /v1/customers/{id}/qualifications`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QualificationRequest {
    /// `Education`, `StateOwnedEntity`, `GovernmentCommunityCloud`.
    pub qualification: String,
    /// `K12` or `HigherEducation` (education only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub education_segment: Option<String>,
    /// The school's website (education only, optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The government community cloud's validation code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validation_code: Option<String>,
}

impl QualificationChoice {
    /// The choice of `kind` with its details (ignored where the kind has none).
    pub fn of(kind: QualificationKind, segment: &str, website: &str, validation_code: &str) -> Self {
        match kind {
            QualificationKind::None => QualificationChoice::None,
            QualificationKind::Education => {
                QualificationChoice::Education { segment: segment.trim().into(), website: website.trim().into() }
            }
            QualificationKind::StateOwnedEntity => QualificationChoice::StateOwnedEntity,
            QualificationKind::GovernmentCommunityCloud => {
                QualificationChoice::GovernmentCommunityCloud { validation_code: validation_code.trim().into() }
            }
        }
    }

    /// The request to post; `None` for no qualification.
    pub fn request(&self) -> Option<QualificationRequest> {
        let plain = |qualification: &str| QualificationRequest {
            qualification: qualification.into(),
            education_segment: None,
            website: None,
            validation_code: None,
        };
        let non_empty = |value: &str| Some(value.trim().to_string()).filter(|value| !value.is_empty());
        match self {
            QualificationChoice::None => None,
            QualificationChoice::Education { segment, website } => Some(QualificationRequest {
                education_segment: Some(segment.clone()),
                website: non_empty(website),
                ..plain("Education")
            }),
            QualificationChoice::StateOwnedEntity => Some(plain("StateOwnedEntity")),
            QualificationChoice::GovernmentCommunityCloud { validation_code } => Some(QualificationRequest {
                validation_code: non_empty(validation_code),
                ..plain("GovernmentCommunityCloud")
            }),
        }
    }

    /// Whether it is an education qualification (education SKUs are for such customers only).
    pub fn is_education(&self) -> bool {
        matches!(self, QualificationChoice::Education { .. })
    }
}

/// A qualification as the endpoint answers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerQualification {
    /// `Education`, …
    pub qualification: String,
    /// `InReview`, `Approved`, `Denied`.
    pub vetting_status: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_keep_their_keys() {
        for kind in [
            QualificationKind::None,
            QualificationKind::Education,
            QualificationKind::StateOwnedEntity,
            QualificationKind::GovernmentCommunityCloud,
        ] {
            assert_eq!(QualificationKind::from_key(kind.key()), kind);
        }
        assert_eq!(QualificationKind::from_key("nonprofit"), QualificationKind::None, "partners may not set it");
        assert_eq!(
            QualificationChoice::of(QualificationKind::Education, "K12", " contoso.edu ", "x"),
            QualificationChoice::Education { segment: "K12".into(), website: "contoso.edu".into() }
        );
    }

    #[test]
    fn each_choice_has_its_body() {
        assert_eq!(QualificationChoice::None.request(), None);
        let education = QualificationChoice::Education { segment: "K12".into(), website: " contoso.edu ".into() };
        assert_eq!(
            serde_json::to_value(education.request().unwrap()).unwrap(),
            serde_json::json!({"qualification": "Education", "educationSegment": "K12", "website": "contoso.edu"})
        );
        assert_eq!(
            serde_json::to_value(QualificationChoice::StateOwnedEntity.request().unwrap()).unwrap(),
            serde_json::json!({"qualification": "StateOwnedEntity"})
        );
        let gcc = QualificationChoice::GovernmentCommunityCloud { validation_code: "A1B2".into() };
        assert_eq!(
            serde_json::to_value(gcc.request().unwrap()).unwrap(),
            serde_json::json!({"qualification": "GovernmentCommunityCloud", "validationCode": "A1B2"})
        );
    }
}

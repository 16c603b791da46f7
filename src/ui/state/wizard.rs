//! Where the wizard is, and what every page needs of the wizard itself: the host's
//! configuration, the back end, the way to a new wizard.

use crate::api::SharedApi;
use crate::config::Config;
use crate::domain::wizard::steps::WizardPosition;
use leptos::prelude::*;

/// Where the wizard is, its configuration and its back end.
#[derive(Clone, Copy)]
pub struct WizardContext {
    /// Where the wizard is.
    pub position: RwSignal<WizardPosition>,
    /// Whether the next page's heading takes focus (every step change but the first page load).
    pub focus_heading: RwSignal<bool>,
    /// Whether the relationship request is shown instead of the wizard's pages.
    pub relationship_request: RwSignal<bool>,
    /// The host's configuration.
    pub config: StoredValue<Config>,
    /// Starts a new, empty wizard.
    pub restart: Callback<()>,
    api: StoredValue<SharedApi, LocalStorage>,
}

impl WizardContext {
    /// A wizard on its first page.
    pub fn new(config: Config, api: SharedApi, restart: Callback<()>) -> Self {
        Self {
            position: RwSignal::new(WizardPosition::default()),
            focus_heading: RwSignal::new(false),
            relationship_request: RwSignal::new(false),
            config: StoredValue::new(config),
            restart,
            api: StoredValue::new_local(api),
        }
    }

    /// The back end, whichever it is.
    pub fn api(&self) -> SharedApi {
        self.api.get_value()
    }

    /// Moves the wizard and sends focus to the new page's heading.
    pub fn go(&self, next: WizardPosition) {
        self.focus_heading.set(true);
        self.position.set(next);
    }

    /// Shows the relationship request instead of the wizard's pages, or goes back; focus goes
    /// to the heading of what is shown.
    pub fn show_relationship_request(&self, shown: bool) {
        self.focus_heading.set(true);
        self.relationship_request.set(shown);
    }
}

/// The wizard this component belongs to.
pub fn use_wizard() -> WizardContext {
    use_context::<WizardContext>().expect("a wizard page outside the wizard")
}

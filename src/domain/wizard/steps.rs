//! The wizard's pages and how it moves between them.

/// A page of the wizard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Everything about the customer.
    AccountInfo,
    /// The offers to buy.
    Subscriptions,
    /// Check the answers, then submit.
    Review,
    /// The new customer's credentials.
    Done,
}

impl Step {
    /// Every step, in order.
    pub const ALL: [Step; 4] = [Step::AccountInfo, Step::Subscriptions, Step::Review, Step::Done];

    /// The step's place, from 1.
    pub fn number(self) -> usize {
        Step::ALL.iter().position(|step| *step == self).unwrap_or(0) + 1
    }

    /// The step a [`Step::key`] names.
    pub fn from_key(key: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.key() == key)
    }

    /// The step's name in events and the host's code: `account-info`, `subscriptions`,
    /// `review`, `done`.
    pub fn key(self) -> &'static str {
        match self {
            Step::AccountInfo => "account-info",
            Step::Subscriptions => "subscriptions",
            Step::Review => "review",
            Step::Done => "done",
        }
    }
}

/// Where the wizard is, and whether the page was opened from Review's "Update".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WizardPosition {
    step: Step,
    returning_to_review: bool,
}

impl Default for WizardPosition {
    fn default() -> Self {
        Self { step: Step::AccountInfo, returning_to_review: false }
    }
}

impl WizardPosition {
    /// The wizard on `step`, as a restored draft puts it (never Done, which only Submit reaches).
    pub fn at(step: Step) -> Self {
        let step = if step == Step::Done { Step::Review } else { step };
        Self { step, returning_to_review: false }
    }

    /// The current page.
    pub fn step(self) -> Step {
        self.step
    }

    /// Where "Next" goes from here: Review when the page was opened by "Update".
    pub fn next_step(self) -> Option<Step> {
        match self.step {
            Step::AccountInfo | Step::Subscriptions if self.returning_to_review => Some(Step::Review),
            Step::AccountInfo => Some(Step::Subscriptions),
            Step::Subscriptions => Some(Step::Review),
            Step::Review => Some(Step::Done),
            Step::Done => None,
        }
    }

    /// Moves on (after the page's checks passed, or after Submit on Review).
    pub fn next(self) -> Self {
        match self.next_step() {
            Some(step) => Self { step, returning_to_review: false },
            None => self,
        }
    }

    /// Back one page. From an "Update" page, back returns to Review; nothing goes back from Done.
    pub fn back(self) -> Self {
        let step = match self.step {
            _ if self.returning_to_review => Step::Review,
            Step::Subscriptions => Step::AccountInfo,
            Step::Review => Step::Subscriptions,
            Step::AccountInfo | Step::Done => self.step,
        };
        Self { step, returning_to_review: false }
    }

    /// Review's "Update" for a section: goes to that page, whose "Next" comes back to Review.
    pub fn update(self, section: Step) -> Self {
        match (self.step, section) {
            (Step::Review, Step::AccountInfo | Step::Subscriptions) => {
                Self { step: section, returning_to_review: true }
            }
            _ => self,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn goes_forward_through_every_page() {
        let wizard = WizardPosition::default();
        assert_eq!(wizard.step(), Step::AccountInfo);
        assert_eq!(wizard.next_step(), Some(Step::Subscriptions));
        let wizard = wizard.next().next();
        assert_eq!(wizard.step(), Step::Review);
        let wizard = wizard.next();
        assert_eq!(wizard.step(), Step::Done);
        assert_eq!(wizard.next(), wizard);
        assert_eq!(wizard.back(), wizard);
    }

    #[test]
    fn update_returns_to_review() {
        let review = WizardPosition::default().next().next();
        let account = review.update(Step::AccountInfo);
        assert_eq!(account.step(), Step::AccountInfo);
        assert_eq!(account.next_step(), Some(Step::Review));
        assert_eq!(account.next(), review);
        assert_eq!(account.back(), review);
        let subscriptions = review.update(Step::Subscriptions);
        assert_eq!(subscriptions.next(), review);
    }

    #[test]
    fn update_only_works_from_review() {
        let first = WizardPosition::default();
        assert_eq!(first.update(Step::Subscriptions), first);
    }

    #[test]
    fn numbers_the_steps() {
        assert_eq!(Step::AccountInfo.number(), 1);
        assert_eq!(Step::Done.number(), 4);
    }
}

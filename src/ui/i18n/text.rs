//! The fixed texts of the UI: one variant each, worded by every language's table.

/// A fixed piece of the UI's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// "Progress"
    Progress,
    /// "(completed)"
    Completed,
    /// "There is a problem"
    ThereIsAProblem,
    /// "Error:"
    ErrorPrefix,
    /// "(optional)"
    Optional,
    /// "Try again"
    TryAgain,
    /// "The catalog"
    TheCatalog,
    /// "Your resellers"
    YourResellers,
    /// "Language"
    Language,
    /// "Enter the customer's details exactly as their organization is registered."
    LedeAccount,
    /// "The customer already exists?"
    ExistingCustomerBefore,
    /// "Request a relationship"
    RequestRelationship,
    /// "instead of creating a duplicate."
    ExistingCustomerAfter,
    /// "Choose this first: it decides which address details the customer needs."
    CountryHint,
    /// "Select a country or region"
    CountryPlaceholder,
    /// "Company"
    Company,
    /// "The exact legal name, as registered."
    CompanyHint,
    /// "Address"
    Address,
    /// "Select one"
    StatePlaceholder,
    /// "Language for emails and invoices"
    LanguageLegend,
    /// "Select a language"
    LanguagePlaceholder,
    /// "Select a culture"
    CulturePlaceholder,
    /// "Primary contact"
    PrimaryContact,
    /// "The person at the customer who receives the account's emails."
    PrimaryContactHint,
    /// "Granular delegated admin privileges (GDAP)"
    GdapLegend,
    /// "Request the Default GDAP relationship"
    GdapLabel,
    /// "Gives you the standard least-privilege admin roles for this customer. Recommended."
    GdapHint,
    /// "Checking…"
    Checking,
    /// "Next"
    Next,
    /// "Letters and digits only, up to 27. It becomes the customer's initial domain and cannot be changed later."
    DomainPrefixHint,
    /// "Choose the subscriptions to buy for the customer, and how many licenses of each."
    LedeSubscriptions,
    /// "Loading the catalog…"
    LoadingCatalog,
    /// "Search products"
    SearchProducts,
    /// "By name or offer id, for example \"E3\" or \"Teams\"."
    SearchProductsHint,
    /// "Category"
    Category,
    /// "All"
    All,
    /// "Back"
    Back,
    /// "Number of licenses"
    NumberOfLicenses,
    /// "Not provided"
    NotProvided,
    /// "Domain"
    Domain,
    /// "The customer will accept it in the Microsoft 365 admin center"
    AdminCenterLater,
    /// "The subscriptions are ordered after they accept"
    OrderedAfterAccept,
    /// "Microsoft Customer Agreement"
    MicrosoftCustomerAgreement,
    /// "Default GDAP"
    DefaultGdap,
    /// "Requested"
    Requested,
    /// "Not requested"
    NotRequested,
    /// "Update"
    Update,
    /// "Check the customer's details and subscriptions before you submit them."
    LedeReview,
    /// "The customer has been created: these details can no longer change here."
    CustomerCreatedNoChange,
    /// "Reseller"
    Reseller,
    /// "None: you act without a reseller"
    NoResellerChosen,
    /// "Additional partners of record"
    AdditionalPartners,
    /// "Chosen subscriptions"
    ChosenSubscriptions,
    /// "Licenses"
    Licenses,
    /// "Total"
    Total,
    /// "Choose…"
    ChooseOne,
    /// "Special qualification"
    SpecialQualification,
    /// "Optional. Microsoft vets it after the customer is created; education offers can be bought once it is approved. A qualification cannot be removed later."
    QualificationHint,
    /// "None"
    QualificationNone,
    /// "Education"
    QualificationEducation,
    /// "A school, college or university. Its education products are offered, and wait for Microsoft's approval."
    QualificationEducationHint,
    /// "State-owned entity"
    QualificationStateOwned,
    /// "An organization owned or controlled by a government."
    QualificationStateOwnedHint,
    /// "Government community cloud"
    QualificationGcc,
    /// "US government organizations. Needs a validation code and a GCC-enabled partner."
    QualificationGccHint,
    /// "K-12 (primary and secondary)"
    SegmentK12,
    /// "Higher education"
    SegmentHigherEducation,
    /// "For example contoso.edu. Helps Microsoft approve the qualification sooner."
    SchoolWebsiteHint,
    /// "The code the customer received when their eligibility was validated."
    GccCodeHint,
    /// "Education only: it waits for Microsoft to approve the customer's education qualification."
    EducationWaitsApproval,
    /// "Term"
    Term,
    /// "Billing frequency"
    BillingFrequency,
    /// "Plan"
    Plan,
    /// "Renewal"
    Renewal,
    /// "Renews automatically"
    RenewsAutomatically,
    /// "Does not renew"
    DoesNotRenew,
    /// "Cancellation"
    Cancellation,
    /// "No refund window given"
    NoRefundWindow,
    /// "Price (estimated)"
    EstimatedPrice,
    /// "Not in the price list"
    NotInPriceList,
    /// "Product"
    Product,
    /// "Loading its plans and terms…"
    LoadingOptions,
    /// "Its plans and terms"
    TheOptions,
    /// "Purchases wait for Microsoft's review"
    HoldReviewTitle,
    /// "…"
    HoldReviewBody,
    /// "Microsoft did not approve the customer's account"
    HoldRejectedTitle,
    /// "…"
    HoldRejectedBody,
    /// "Purchases wait for the customer to accept the agreement"
    HoldAgreementTitle,
    /// "…"
    HoldAgreementBody,
    /// "Check again"
    CheckAgain,
    /// "Waiting"
    StageHeld,
    /// "…"
    CartKept,
    /// "Trial"
    TrialBadge,
    /// "Education"
    EducationBadge,
    /// "Customer created"
    CustomerCreated,
    /// "Microsoft ID"
    MicrosoftId,
    /// "Admin user"
    AdminUser,
    /// "One-time password"
    OneTimePassword,
    /// "Hide password"
    HidePassword,
    /// "Show password"
    ShowPassword,
    /// "Warning:"
    Warning,
    /// "Copy the password now and give it to the customer's admin safely. It cannot be shown again once you leave this page."
    CopyPasswordNow,
    /// "Orders"
    Orders,
    /// "Subscriptions"
    Subscriptions,
    /// "Status"
    Status,
    /// "Copy"
    Copy,
    /// "Done"
    Done,
    /// "Waiting"
    StageWaiting,
    /// "In progress…"
    StageRunning,
    /// "Done"
    StageDone,
    /// "Failed"
    StageFailed,
    /// "Change the subscriptions"
    ChangeSubscriptions,
    /// "Submit"
    Submit,
    /// "When you select Submit, we create"
    SubmitIntroBefore,
    /// "in Partner Center,"
    SubmitIntroAfter,
    /// "Your partner"
    YourPartner,
    /// "The endpoint has no invitation link to give, and no partner id is configured (data-partner-id)"
    NoLinkNoPartnerId,
    /// "Choose the reseller above: the link names them."
    ChooseResellerAbove,
    /// "Invitation link"
    InvitationLink,
    /// "Email in English"
    EmailInEnglish,
    /// "Email in Russian"
    EmailInRussian,
    /// "Request a reseller relationship"
    RequestRelationshipHeading,
    /// "When the customer already has a Microsoft account, nothing is created here. Send the customer an invitation: their global administrator opens the link in the Microsoft 365 admin center and accepts you as their partner."
    RelationshipLede,
    /// "The invitation names the reseller the customer will buy through."
    RelationshipResellerHint,
    /// "Choose a reseller"
    ChooseReseller,
    /// "Also request delegated administration rights"
    DelegatedAdminLabel,
    /// "Lets you manage the customer's subscriptions and users. The customer can remove these rights at any time."
    DelegatedAdminHint,
    /// "Back to Account info"
    BackToAccountInfo,
    /// "Remove"
    Remove,
    /// "As an indirect provider, you create this customer for one of your resellers. Only resellers who have signed the partner agreement can be chosen."
    ResellerLede,
    /// "Search resellers"
    SearchResellers,
    /// "By name, MPN ID or country."
    SearchResellersHint,
    /// "I act without a reseller for this customer"
    NoResellerLabel,
    /// "Confirm this only when no reseller is involved in the sale."
    NoResellerHint,
    /// "Additional partners of record (optional)"
    AdditionalPartnersOptional,
    /// "You have named the most partners of record an order can carry."
    MostPartnersNamed,
    /// "the primary contact (not entered yet)"
    PrimaryContactNotEntered,
    /// "The customer must accept the agreement before you can buy subscriptions for them."
    AgreementHint,
    /// "The customer has accepted it"
    AttestNowLabel,
    /// "You attest their acceptance now, and the subscriptions are ordered right away."
    AttestNowHint,
    /// "The customer is created now; the subscriptions can only be ordered after they accept."
    AdminCenterHint,
    /// "I confirm that the customer has accepted the Microsoft Customer Agreement"
    ConfirmAccepted,
    /// "The day the customer accepted. It cannot be in the future."
    AcceptanceDateHint,
    /// "Accepted by:"
    AcceptedBy,
    /// "the person who accepted the agreement"
    UpdateSignerSuffix,
    /// "Person who accepted the agreement"
    PersonWhoAccepted,
    /// "Use the primary contact instead"
    UsePrimaryContact,
    /// "Check the customer's address"
    CheckAddressHeading,
    /// "The address could not be verified as you entered it. Choose the address to use."
    AddressSuggestedLede,
    /// "Which address should we use?"
    AddressChoice,
    /// "As you entered it"
    YouEntered,
    /// "Suggested"
    SuggestedAddress,
    /// "Use this address and continue"
    UseThisAddress,
    /// "Change the address"
    ChangeAddress,
    /// "Use it as entered"
    UseAsEntered,
    /// "Checking the address…"
    CheckingAddress,
    /// "Choose an address"
    ChooseAnAddress,
    /// "This country's address rules"
    CountryRules,
    /// "Billed by usage: no license count."
    BilledByUsageNoCount,
    /// "Loading your resellers…"
    LoadingResellers,
    /// "Add"
    Add,
    /// "Getting the invitation link…"
    GettingLink,
    /// "Get the invitation link"
    GetLink,
    /// "Copied."
    CopiedShort,
    /// "Select the text and copy it yourself."
    CopyYourself,
    /// "Admin sign-in name:"
    AdminSignInName,
    /// "Request log"
    RequestLog,
    /// "Every call this wizard made to the endpoint, newest first. The access token is masked; \"Copy as curl\" reads it from $ACCESS_TOKEN."
    RequestLogHint,
    /// "No calls yet."
    NoCallsYet,
    /// "Clear"
    ClearLog,
    /// "Export HAR": the request log as a HAR file.
    ExportHar,
    /// Said once the HAR file is saved.
    HarExported,
    /// "Response headers"
    ResponseHeaders,
    /// "Copy as curl"
    CopyAsCurl,
    /// "Request headers"
    RequestHeaders,
    /// "Request body"
    RequestBody,
    /// "Response"
    ResponseBody,
    /// The request log: why an answer's body did not read, naming the field.
    ResponseUnreadable,
    /// "no answer"
    NoAnswer,
    /// "For support, the correlation id of these calls:"
    CorrelationIdForSupport,
    /// "Submit was interrupted"
    SubmitInterrupted,
    /// "Another tab is submitting this customer"
    OtherTabSubmitting,
    /// What to do while another tab submits.
    OtherTabSubmittingHint,
    /// "The page was reloaded while the customer was being submitted. Resume to finish what is left: nothing already done is done again."
    SubmitInterruptedIntro,
    /// "The customer may already have been created. Resuming sends the same request again, which the endpoint recognises, so the customer is not created twice."
    MaybeCreatedAlready,
    /// "Resume submit"
    ResumeSubmit,
    /// "The confirmation is not kept when the page reloads: confirm again before the agreement is attested."
    ConfirmAgainHint,
    /// "Confirm that the customer has accepted the Microsoft Customer Agreement"
    ConfirmAgainError,
    /// "The one-time password came in the endpoint's answer before the page was reloaded, and it is never kept. Reset the admin's password in the Microsoft 365 admin center."
    PasswordNotKept,
}

## Application
app-name = traject
app-tagline = Support trajectories for social welfare centres and their partners
skip-to-content = Skip to main content
main-navigation = Main navigation
language-switcher = Language
language-switch-button = Switch language
language-name-nl = Nederlands
language-name-fr = Français
language-name-de = Deutsch
language-name-en = English
footer-accessibility = Accessibility statement
footer-version = traject version { $version }
demo-warning = Demo: all people and data here are fictional. Never enter real personal data.

## Navigation
nav-home = Home
nav-login = Log in
nav-logout = Log out
nav-dashboard = Dashboard
nav-participants = Participants
nav-groups = Groups
nav-programmes = Programmes
nav-reports = Reports
nav-users = Users
nav-sessions = Sessions
nav-audit = Audit trail
nav-account = My account

## Roles
role-administrator = Administrator
role-coordinator = Coordinator
role-casemanager = Casemanager
role-facilitator = Group facilitator
role-analyst = Analyst

## Home
home-title = Welcome to traject
home-intro = traject helps social welfare centres run support trajectories: intake, individual guidance, group sessions, childcare, outcomes and the reports funders ask for.
home-login-prompt = Log in with your work account to continue.
home-programmes-heading = Programmes traject runs
home-today = Today is { $date }.
participants-count = { $count ->
    [one] { $count } participant
   *[other] { $count } participants
}

## Programme kinds
programme-kind-confidence_workshop = Confidence workshop
programme-kind-conversation_workshops = Conversation workshops for mothers
programme-kind-key_to_work = Key to work or training
programme-kind-social_activation = Social activation of newcomers
programme-kind-miriam = Miriam casemanagement

## Accessibility statement
a11y-title = Accessibility statement
a11y-intro = The organisations that use traject want everyone to be able to use it, whatever their abilities or the device they use.
a11y-standard-heading = Standard
a11y-standard = traject aims to meet the Web Content Accessibility Guidelines (WCAG) 2.1 at level AA, as required of public-sector websites and applications by the European standard EN 301 549.
a11y-status-heading = Compliance status
a11y-status = traject is partially compliant: every page is checked automatically in a real browser for WCAG 2.1 A and AA failures before each release. Automatic checks do not find every problem; we also test keyboard-only use and narrow screens.
a11y-known-heading = Known limitations
a11y-known = None known at present. Please tell us when you meet a barrier.
a11y-contact-heading = Feedback and contact
a11y-contact = If you cannot use part of traject, contact the data protection officer or the service desk of your organisation. We answer within 15 working days.
a11y-contact-address = Contact for accessibility: { $contact }
a11y-enforcement-heading = Enforcement
a11y-enforcement = If our answer does not satisfy you, you may contact the ombudsman of your region or community.
a11y-prepared = This statement was last reviewed on { $date }.

## Errors
error-not-found-title = Page not found
error-not-found-text = The page you asked for does not exist or has moved.
error-internal-title = Something went wrong
error-internal-text = Nothing was changed. Please try again; if it happens again, tell your service desk the reference below.
error-reference = Reference: { $id }
error-back-home = Back to the home page
form-error-summary = Please correct the following:

## Dates
date-long = { $day } { $month } { $year }
datetime-long = { $date }, { $time }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday

## Login and staff pages
login-title = Log in
login-failed = The email address or username and password do not match an active account. Check them and try again.
login-field-login = Email address or username
login-field-password = Password
login-submit = Log in
dashboard-welcome = Welcome, { $name }
dashboard-caseload = { $count ->
    [one] You follow { $count } participant.
   *[other] You follow { $count } participants.
}
participants-empty = There are no participants to show.
col-name = Name
col-language = Language
col-email = Email address
col-role = Role
col-status = Status
col-address = Network address
col-actions = Actions
col-programme = Programme
col-referred = Referred on
participant-birth-date = Date of birth
participant-children = Children
participant-trajectories = Trajectories
participant-who-read = Who opened this file?
age-years = { $count ->
    [one] { $count } year old
   *[other] { $count } years old
}
status-referred = Referred
status-intake = Intake
status-active = Active
status-completed = Completed
status-waiting_list = Waiting list
status-aftercare = Aftercare
status-stopped = Stopped
status-not_admitted = Not admitted
users-added = The account was added.
users-active = Active
users-disabled = Disabled
users-disable = Disable { $name }
users-enable = Re-enable { $name }
users-add-heading = Add a staff member
users-field-name = Full name
users-field-email = Email address
users-field-role = Role
users-field-password = First password
users-password-hint = At least 12 characters and hard to guess; a few unrelated words work well.
users-add-submit = Add account
error-required = This field is required.
error-email = Enter an email address such as name@ocmw.example.
error-email-taken = An account with this email address already exists.
error-password-short = The password must be at least 12 characters long.
error-password-long = The password may be at most 128 characters long.
error-password-weak = This password is too easy to guess. Use a longer one or a few unrelated words.
sessions-empty = No one is signed in.
sessions-started = Signed in
sessions-last-seen = Last active
sessions-end = End the session of { $name }
audit-filter-subject = Record identifier
audit-filter-action = Action
audit-filter-submit = Filter
audit-empty = No entries match.
audit-col-time = Time
audit-col-actor = Who
audit-col-action = What
audit-col-subject = Record
audit-outcome-success = Done
audit-outcome-failure = Failed
audit-outcome-denied = Refused
error-forbidden-title = Not allowed
error-forbidden-text = Your role does not give access to this page. The attempt has been recorded.
error-too-many-title = Too many attempts
error-too-many-text = Too many attempts came from this network address. Wait a few minutes and try again.

## Account, two-step verification, tokens
account-totp-heading = Two-step verification
account-totp-on = Two-step verification is on: after your password, traject asks for a code from your authenticator app.
account-totp-off = Two-step verification is off. Turn it on to protect the files you work with, even if your password leaks.
account-totp-start = Set up two-step verification
account-totp-disable = Turn two-step verification off
account-totp-required-note = Your organisation requires two-step verification for all staff.
account-recovery-left = { $count ->
    [one] You have { $count } unused recovery code.
   *[other] You have { $count } unused recovery codes.
}
org-require-totp-heading = Two-step verification for the whole organisation
org-require-totp-on = All staff must use two-step verification.
org-require-totp-off = Staff choose for themselves whether to use two-step verification.
org-require-totp-enable = Require it for all staff
org-require-totp-disable = Stop requiring it
account-tokens-heading = Personal API tokens
account-tokens-intro = A token lets a program act with your rights through the traject API. Anyone holding it can do what you can: keep it secret and revoke it when it is no longer needed.
account-tokens-empty = You have no tokens.
account-token-name = Name of the new token
account-token-default-name = API token
account-token-create = Create token
account-token-created = Created
account-token-last-used = Last used
account-token-never = Never
account-token-revoked = Revoked
account-token-revoke = Revoke { $name }
token-created-title = Your new token
token-created-text = Copy the token "{ $name }" now: it is shown only this once.
totp-setup-title = Set up two-step verification
totp-setup-step-app = Install an authenticator app on your phone, such as the one your organisation recommends.
totp-setup-step-secret = Add an account in the app: scan the QR code with your phone, open the link below on your phone, or type the key shown.
totp-setup-qr = QR code to scan with the authenticator app
totp-setup-link = Open in the authenticator app
totp-setup-step-code = Enter the six-digit code the app now shows.
totp-setup-code = Six-digit code
totp-setup-submit = Confirm
totp-code-wrong = That code is not right. Check the time on your phone and enter the newest code.
recovery-title = Your recovery codes
recovery-text = Keep these codes somewhere safe, away from your phone. Each works once, instead of a code from the app, if you lose your phone. They are shown only now.
recovery-continue = Continue
second-factor-title = Verification code
second-factor-text = Enter the code from your authenticator app, or one of your recovery codes.
second-factor-code = Code
second-factor-submit = Verify
second-factor-failed = That code is not right. Try the newest code from the app.
second-factor-setup-required = Your organisation requires two-step verification. Set it up now to continue.

## Journal and breaking the glass
participant-journal = Journal
journal-empty = No journal entries yet.
journal-confidential = Confidential
journal-withheld = { $count ->
    [one] { $count } confidential entry is only for the assigned casemanager.
   *[other] { $count } confidential entries are only for the assigned casemanager.
}
break-glass-heading = Read the confidential entries anyway (break the glass)
break-glass-reason = Reason
break-glass-hint = At least 10 characters. Your name and reason are recorded and shown on this file to the casemanager.
break-glass-reason-short = Give a reason of at least 10 characters.
break-glass-submit = Show the confidential entries
glass-breaks-heading = Confidential entries were opened by someone not assigned
glass-break-line = { $date }: { $name } gave as reason: { $reason }

users-role-of = Role of { $name }
users-role-change = Change role
account-organisations-heading = Your organisations
account-organisation-current = working here now
account-organisation-switch = Work in { $name }

account-password-heading = Password
account-password-current = Current password
account-password-new = New password
account-password-submit = Change password
account-password-changed = Your password was changed. You were signed out everywhere else.
error-password-current = The current password is not right.

## Account: job title form
title-form-heading = Job title
title-form-legend = How should your job title be written?
title-form-hint = French and German write job titles in a feminine, masculine or neutral form. Dutch and English do not change.
title-form-feminine = Feminine
title-form-masculine = Masculine
title-form-neutral = Neutral
title-form-submit = Save
title-form-saved = Your job title form is saved.

## Temporary passwords
error-password-same = Choose a password of your own, not the temporary one.
new-password-title = Choose your own password
new-password-text = You signed in with a temporary password from your administrator. Choose your own password before you go on; nobody else will know it.
new-password-submit = Save my password
users-reset-password = New password for { $name }
users-reset-two-step = Turn off two-step verification for { $name }
temporary-password-title = Temporary password
temporary-password-for = Temporary password for { $name }:
temporary-password-text = Hand it over in person or by phone, never by email. It is shown only now and works for { $days } days. At the next login the person must choose their own password; their open sessions have ended.
temporary-password-back = Back to the staff list

## Confirming administrator actions
confirm-cancel = Cancel
confirm-disable-title = Disable { $name }?
confirm-disable-text = { $name } can no longer sign in, and every open session ends now. You can enable the account again later.
confirm-disable-submit = Disable { $name }
confirm-reset-password-title = A temporary password for { $name }?
confirm-reset-password-text = The current password of { $name } stops working and every open session ends. You will see a temporary password to hand over in person; at the next login a new one must be chosen.
confirm-reset-password-submit = Give a temporary password
confirm-reset-two-step-title = Turn off two-step verification for { $name }?
confirm-reset-two-step-text = Do this only when { $name } has lost both the phone and the recovery codes, and you are sure who asks. Every open session ends; the password alone then signs in until a new second step is set up.
confirm-reset-two-step-submit = Turn off two-step verification

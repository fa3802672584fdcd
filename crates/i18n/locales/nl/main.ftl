## Application
app-name = traject
app-tagline = Begeleidingstrajecten voor OCMW's en hun partners
skip-to-content = Naar de inhoud
main-navigation = Hoofdnavigatie
language-switcher = Taal
language-switch-button = Taal wijzigen
language-name-nl = Nederlands
language-name-fr = Français
language-name-de = Deutsch
language-name-en = English
footer-accessibility = Toegankelijkheidsverklaring
footer-version = traject versie { $version }
demo-warning = Demo: alle personen en gegevens hier zijn fictief. Voer nooit echte persoonsgegevens in.

## Navigation
nav-home = Start
nav-login = Aanmelden
nav-logout = Afmelden
nav-dashboard = Overzicht
nav-participants = Deelnemers
nav-groups = Groepen
nav-programmes = Programma's
nav-reports = Rapporten
nav-users = Gebruikers
nav-sessions = Sessies
nav-audit = Logboek
nav-account = Mijn account

## Roles
role-administrator = Beheerder
role-coordinator = Coördinator
role-casemanager = Casemanager
role-facilitator = Groepswerker
role-analyst = Analist

## Home
home-title = Welkom bij traject
home-intro = Met traject begeleiden OCMW's hun trajecten: intake, individuele begeleiding, groepssessies, kinderopvang, resultaten en de rapporten die subsidiegevers vragen.
home-login-prompt = Meld je aan met je werkaccount om verder te gaan.
home-programmes-heading = Programma's in traject
home-today = Vandaag is het { $date }.
participants-count = { $count ->
    [one] { $count } deelnemer
   *[other] { $count } deelnemers
}

## Programme kinds
programme-kind-confidence_workshop = Workshop zelfvertrouwen
programme-kind-conversation_workshops = Praatgroepen voor moeders
programme-kind-key_to_work = Sleutel naar werk of opleiding
programme-kind-social_activation = Sociale activering van nieuwkomers
programme-kind-miriam = Miriam-casemanagement

## Accessibility statement
a11y-title = Toegankelijkheidsverklaring
a11y-intro = De organisaties die traject gebruiken, willen dat iedereen het kan gebruiken, ongeacht beperkingen of toestel.
a11y-standard-heading = Norm
a11y-standard = traject streeft naar conformiteit met de Web Content Accessibility Guidelines (WCAG) 2.1 op niveau AA, zoals de Europese norm EN 301 549 vraagt van websites en toepassingen van openbare instanties.
a11y-status-heading = Nalevingsstatus
a11y-status = traject is gedeeltelijk conform: elke pagina wordt voor elke release automatisch in een echte browser gecontroleerd op fouten tegen WCAG 2.1 A en AA. Automatische controles vinden niet alles; we testen ook bediening met alleen het toetsenbord en smalle schermen.
a11y-known-heading = Bekende beperkingen
a11y-known = Momenteel geen bekend. Laat het ons weten als je een drempel tegenkomt.
a11y-contact-heading = Feedback en contact
a11y-contact = Kun je een deel van traject niet gebruiken? Neem contact op met de functionaris voor gegevensbescherming of de helpdesk van je organisatie. We antwoorden binnen 15 werkdagen.
a11y-contact-address = Contact voor toegankelijkheid: { $contact }
a11y-enforcement-heading = Handhaving
a11y-enforcement = Ben je niet tevreden met ons antwoord, dan kun je terecht bij de ombudsdienst van je gewest of gemeenschap.
a11y-prepared = Deze verklaring werd het laatst herzien op { $date }.

## Errors
error-not-found-title = Pagina niet gevonden
error-not-found-text = De gevraagde pagina bestaat niet of is verplaatst.
error-internal-title = Er ging iets mis
error-internal-text = Er is niets gewijzigd. Probeer het opnieuw; gebeurt het weer, geef dan de referentie hieronder door aan je helpdesk.
error-reference = Referentie: { $id }
error-back-home = Terug naar de startpagina
form-error-summary = Verbeter het volgende:

## Dates
date-long = { $day } { $month } { $year }
datetime-long = { $date }, { $time }
month-1 = januari
month-2 = februari
month-3 = maart
month-4 = april
month-5 = mei
month-6 = juni
month-7 = juli
month-8 = augustus
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december
weekday-1 = maandag
weekday-2 = dinsdag
weekday-3 = woensdag
weekday-4 = donderdag
weekday-5 = vrijdag
weekday-6 = zaterdag
weekday-7 = zondag

## Login and staff pages
login-title = Aanmelden
login-failed = Het e-mailadres of de gebruikersnaam en het wachtwoord horen niet bij een actief account. Controleer ze en probeer opnieuw.
login-field-login = E-mailadres of gebruikersnaam
login-field-password = Wachtwoord
login-submit = Aanmelden
dashboard-welcome = Welkom, { $name }
dashboard-caseload = { $count ->
    [one] Je volgt { $count } deelnemer.
   *[other] Je volgt { $count } deelnemers.
}
participants-empty = Er zijn geen deelnemers om te tonen.
col-name = Naam
col-language = Taal
col-email = E-mailadres
col-role = Rol
col-status = Status
col-address = Netwerkadres
col-actions = Acties
col-programme = Programma
col-referred = Doorverwezen op
participant-birth-date = Geboortedatum
participant-children = Kinderen
participant-trajectories = Trajecten
participant-who-read = Wie opende dit dossier?
age-years = { $count ->
    [one] { $count } jaar
   *[other] { $count } jaar
}
status-referred = Doorverwezen
status-intake = Intake
status-active = Actief
status-completed = Afgerond
status-waiting_list = Wachtlijst
status-aftercare = Nazorg
status-stopped = Gestopt
status-not_admitted = Niet opgenomen
users-added = Het account is toegevoegd.
users-active = Actief
users-disabled = Uitgeschakeld
users-disable = { $name } uitschakelen
users-enable = { $name } weer inschakelen
users-add-heading = Medewerker toevoegen
users-field-name = Volledige naam
users-field-email = E-mailadres
users-field-role = Rol
users-field-password = Eerste wachtwoord
users-password-hint = Minstens 12 tekens en moeilijk te raden; enkele losse woorden werken goed.
users-add-submit = Account toevoegen
error-required = Dit veld is verplicht.
error-email = Geef een e-mailadres zoals naam@ocmw.example.
error-email-taken = Er bestaat al een account met dit e-mailadres.
error-password-short = Het wachtwoord moet minstens 12 tekens lang zijn.
error-password-long = Het wachtwoord mag hoogstens 128 tekens lang zijn.
error-password-weak = Dit wachtwoord is te makkelijk te raden. Kies een langer wachtwoord of enkele losse woorden.
sessions-empty = Niemand is aangemeld.
sessions-started = Aangemeld
sessions-last-seen = Laatst actief
sessions-end = Sessie van { $name } beëindigen
audit-filter-subject = Dossiernummer
audit-filter-action = Handeling
audit-filter-submit = Filteren
audit-empty = Geen overeenkomende regels.
audit-col-time = Tijdstip
audit-col-actor = Wie
audit-col-action = Wat
audit-col-subject = Dossier
audit-outcome-success = Uitgevoerd
audit-outcome-failure = Mislukt
audit-outcome-denied = Geweigerd
error-forbidden-title = Geen toegang
error-forbidden-text = Je rol geeft geen toegang tot deze pagina. De poging is vastgelegd.
error-too-many-title = Te veel pogingen
error-too-many-text = Er kwamen te veel pogingen van dit netwerkadres. Wacht enkele minuten en probeer opnieuw.

## Account, two-step verification, tokens
account-totp-heading = Tweestapsverificatie
account-totp-on = Tweestapsverificatie staat aan: na je wachtwoord vraagt traject een code uit je authenticator-app.
account-totp-off = Tweestapsverificatie staat uit. Zet ze aan om de dossiers waarmee je werkt te beschermen, ook als je wachtwoord uitlekt.
account-totp-start = Tweestapsverificatie instellen
account-totp-disable = Tweestapsverificatie uitzetten
account-totp-required-note = Je organisatie verplicht tweestapsverificatie voor alle medewerkers.
account-recovery-left = { $count ->
    [one] Je hebt nog { $count } ongebruikte herstelcode.
   *[other] Je hebt nog { $count } ongebruikte herstelcodes.
}
org-require-totp-heading = Tweestapsverificatie voor de hele organisatie
org-require-totp-on = Alle medewerkers moeten tweestapsverificatie gebruiken.
org-require-totp-off = Medewerkers kiezen zelf of ze tweestapsverificatie gebruiken.
org-require-totp-enable = Verplichten voor alle medewerkers
org-require-totp-disable = Niet langer verplichten
account-tokens-heading = Persoonlijke API-sleutels
account-tokens-intro = Met een sleutel handelt een programma met jouw rechten via de API van traject. Wie de sleutel heeft, kan wat jij kunt: houd hem geheim en trek hem in als hij niet meer nodig is.
account-tokens-empty = Je hebt geen sleutels.
account-token-name = Naam van de nieuwe sleutel
account-token-default-name = API-sleutel
account-token-create = Sleutel aanmaken
account-token-created = Aangemaakt
account-token-last-used = Laatst gebruikt
account-token-never = Nooit
account-token-revoked = Ingetrokken
account-token-revoke = { $name } intrekken
token-created-title = Je nieuwe sleutel
token-created-text = Kopieer de sleutel "{ $name }" nu: hij wordt maar één keer getoond.
totp-setup-title = Tweestapsverificatie instellen
totp-setup-step-app = Installeer een authenticator-app op je telefoon, bijvoorbeeld die welke je organisatie aanraadt.
totp-setup-step-secret = Voeg in de app een account toe: scan de QR-code met je telefoon, open de link hieronder op je telefoon, of typ de getoonde sleutel over.
totp-setup-qr = QR-code om te scannen met de authenticator-app
totp-setup-link = Openen in de authenticator-app
totp-setup-step-code = Vul de code van zes cijfers in die de app nu toont.
totp-setup-code = Code van zes cijfers
totp-setup-submit = Bevestigen
totp-code-wrong = Die code klopt niet. Controleer de tijd op je telefoon en vul de nieuwste code in.
recovery-title = Je herstelcodes
recovery-text = Bewaar deze codes op een veilige plaats, niet bij je telefoon. Elke code werkt één keer in plaats van een code uit de app, als je je telefoon kwijt bent. Ze worden alleen nu getoond.
recovery-continue = Verder
second-factor-title = Verificatiecode
second-factor-text = Vul de code uit je authenticator-app in, of een van je herstelcodes.
second-factor-code = Code
second-factor-submit = Controleren
second-factor-failed = Die code klopt niet. Probeer de nieuwste code uit de app.
second-factor-setup-required = Je organisatie verplicht tweestapsverificatie. Stel ze nu in om verder te gaan.

## Journal and breaking the glass
participant-journal = Logboek
journal-empty = Nog geen logboekregels.
journal-confidential = Vertrouwelijk
journal-withheld = { $count ->
    [one] { $count } vertrouwelijke regel is alleen voor de toegewezen casemanager.
   *[other] { $count } vertrouwelijke regels zijn alleen voor de toegewezen casemanager.
}
break-glass-heading = Vertrouwelijke regels toch lezen (noodtoegang)
break-glass-reason = Reden
break-glass-hint = Minstens 10 tekens. Je naam en reden worden vastgelegd en in dit dossier aan de casemanager getoond.
break-glass-reason-short = Geef een reden van minstens 10 tekens.
break-glass-submit = Vertrouwelijke regels tonen
glass-breaks-heading = Vertrouwelijke regels werden geopend door iemand die niet is toegewezen
glass-break-line = { $date }: { $name } gaf als reden: { $reason }

users-role-of = Rol van { $name }
users-role-change = Rol wijzigen
account-organisations-heading = Je organisaties
account-organisation-current = hier werk je nu
account-organisation-switch = Werken in { $name }

account-password-heading = Wachtwoord
account-password-current = Huidig wachtwoord
account-password-new = Nieuw wachtwoord
account-password-submit = Wachtwoord wijzigen
account-password-changed = Je wachtwoord is gewijzigd. Je bent overal elders afgemeld.
error-password-current = Het huidige wachtwoord klopt niet.

## Account: job title form
title-form-heading = Functietitel
title-form-legend = Hoe schrijven we je functietitel?
title-form-hint = Frans en Duits schrijven functietitels in een vrouwelijke, mannelijke of neutrale vorm. In het Nederlands en Engels verandert er niets.
title-form-feminine = Vrouwelijk
title-form-masculine = Mannelijk
title-form-neutral = Neutraal
title-form-submit = Bewaren
title-form-saved = De vorm van je functietitel is bewaard.

## Temporary passwords
error-password-same = Kies een eigen wachtwoord, niet het tijdelijke.
new-password-title = Kies je eigen wachtwoord
new-password-text = Je bent aangemeld met een tijdelijk wachtwoord van je beheerder. Kies eerst je eigen wachtwoord; niemand anders kent het dan.
new-password-submit = Mijn wachtwoord bewaren
users-reset-password = Nieuw wachtwoord voor { $name }
users-reset-two-step = Tweestapsverificatie uitzetten voor { $name }
temporary-password-title = Tijdelijk wachtwoord
temporary-password-for = Tijdelijk wachtwoord voor { $name }:
temporary-password-text = Geef het persoonlijk of telefonisch door, nooit per e-mail. Het wordt alleen nu getoond en werkt { $days } dagen. Bij de volgende aanmelding moet de persoon een eigen wachtwoord kiezen; de open sessies zijn beëindigd.
temporary-password-back = Terug naar de medewerkers

## Confirming administrator actions
confirm-cancel = Annuleren
confirm-disable-title = { $name } uitschakelen?
confirm-disable-text = { $name } kan zich niet meer aanmelden en alle open sessies eindigen nu. Je kunt het account later weer inschakelen.
confirm-disable-submit = { $name } uitschakelen
confirm-reset-password-title = Een tijdelijk wachtwoord voor { $name }?
confirm-reset-password-text = Het huidige wachtwoord van { $name } werkt niet meer en alle open sessies eindigen. Je krijgt een tijdelijk wachtwoord te zien om persoonlijk door te geven; bij de volgende aanmelding moet een nieuw gekozen worden.
confirm-reset-password-submit = Tijdelijk wachtwoord geven
confirm-reset-two-step-title = Tweestapsverificatie uitzetten voor { $name }?
confirm-reset-two-step-text = Doe dit alleen als { $name } zowel de telefoon als de herstelcodes kwijt is, en je zeker weet wie het vraagt. Alle open sessies eindigen; daarna volstaat het wachtwoord tot er een nieuwe tweede stap is ingesteld.
confirm-reset-two-step-submit = Tweestapsverificatie uitzetten

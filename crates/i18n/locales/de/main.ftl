## Application
app-name = traject
app-tagline = Begleitungswege für ÖSHZ und ihre Partner
skip-to-content = Zum Inhalt springen
main-navigation = Hauptnavigation
language-switcher = Sprache
language-switch-button = Sprache wechseln
language-name-nl = Nederlands
language-name-fr = Français
language-name-de = Deutsch
language-name-en = English
footer-accessibility = Erklärung zur Barrierefreiheit
footer-version = traject Version { $version }
demo-warning = Demo: Alle Personen und Daten sind frei erfunden. Geben Sie niemals echte personenbezogene Daten ein.

## Navigation
nav-home = Start
nav-login = Anmelden
nav-logout = Abmelden
nav-dashboard = Übersicht
nav-participants = Teilnehmerinnen
nav-groups = Gruppen
nav-programmes = Programme
nav-reports = Berichte
nav-users = Benutzer
nav-sessions = Sitzungen
nav-audit = Protokoll
nav-account = Mein Konto

## Roles
role-administrator = Administrator
role-coordinator = Koordinator
role-casemanager = Fallmanager
role-facilitator = Gruppenleiter
role-analyst = Analyst

## Home
home-title = Willkommen bei traject
home-intro = Mit traject begleiten ÖSHZ ihre Teilnehmerinnen: Aufnahme, individuelle Begleitung, Gruppensitzungen, Kinderbetreuung, Ergebnisse und die Berichte für Geldgeber.
home-login-prompt = Melden Sie sich mit Ihrem Dienstkonto an, um fortzufahren.
home-programmes-heading = Programme in traject
home-today = Heute ist der { $date }.
participants-count = { $count ->
    [one] { $count } Teilnehmerin
   *[other] { $count } Teilnehmerinnen
}

## Programme kinds
programme-kind-confidence_workshop = Workshop Selbstvertrauen
programme-kind-conversation_workshops = Gesprächsgruppen für Mütter
programme-kind-key_to_work = Schlüssel zu Arbeit oder Ausbildung
programme-kind-social_activation = Soziale Aktivierung von Neuankömmlingen
programme-kind-miriam = Miriam-Fallmanagement

## Accessibility statement
a11y-title = Erklärung zur Barrierefreiheit
a11y-intro = Die Organisationen, die traject nutzen, möchten, dass alle es verwenden können, unabhängig von Einschränkungen oder Gerät.
a11y-standard-heading = Norm
a11y-standard = traject strebt die Konformität mit den Web Content Accessibility Guidelines (WCAG) 2.1 auf Stufe AA an, wie es die europäische Norm EN 301 549 für Websites und Anwendungen öffentlicher Stellen verlangt.
a11y-status-heading = Stand der Vereinbarkeit
a11y-status = traject ist teilweise konform: Vor jeder Version wird jede Seite automatisch in einem echten Browser auf Verstöße gegen WCAG 2.1 A und AA geprüft. Automatische Prüfungen finden nicht alles; wir testen auch die Bedienung nur mit der Tastatur und auf schmalen Bildschirmen.
a11y-known-heading = Bekannte Einschränkungen
a11y-known = Derzeit keine bekannt. Bitte melden Sie uns jede Barriere.
a11y-contact-heading = Rückmeldung und Kontakt
a11y-contact = Wenn Sie einen Teil von traject nicht nutzen können, wenden Sie sich an den Datenschutzbeauftragten oder den Helpdesk Ihrer Organisation. Wir antworten innerhalb von 15 Arbeitstagen.
a11y-enforcement-heading = Durchsetzungsverfahren
a11y-enforcement = Sind Sie mit unserer Antwort nicht zufrieden, können Sie sich an den Ombudsdienst Ihrer Region oder Gemeinschaft wenden.
a11y-prepared = Diese Erklärung wurde zuletzt am { $date } überprüft.

## Errors
error-not-found-title = Seite nicht gefunden
error-not-found-text = Die angeforderte Seite existiert nicht oder wurde verschoben.
error-internal-title = Etwas ist schiefgelaufen
error-internal-text = Es wurde nichts geändert. Bitte versuchen Sie es erneut; wenn es wieder passiert, nennen Sie Ihrem Helpdesk die Referenz unten.
error-reference = Referenz: { $id }
error-back-home = Zurück zur Startseite
form-error-summary = Bitte korrigieren Sie Folgendes:

## Dates
date-long = { $day }. { $month } { $year }
datetime-long = { $date }, { $time }
month-1 = Januar
month-2 = Februar
month-3 = März
month-4 = April
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = August
month-9 = September
month-10 = Oktober
month-11 = November
month-12 = Dezember
weekday-1 = Montag
weekday-2 = Dienstag
weekday-3 = Mittwoch
weekday-4 = Donnerstag
weekday-5 = Freitag
weekday-6 = Samstag
weekday-7 = Sonntag

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
# Job titles take the form the person chose ($gender: feminine, masculine or
# other = a neutral function name).
role-administrator = { $gender ->
    [feminine] Administratorin
    [masculine] Administrator
   *[other] Administration
}
role-coordinator = { $gender ->
    [feminine] Koordinatorin
    [masculine] Koordinator
   *[other] Koordination
}
role-casemanager = { $gender ->
    [feminine] Fallmanagerin
    [masculine] Fallmanager
   *[other] Fallmanagement
}
role-facilitator = { $gender ->
    [feminine] Gruppenleiterin
    [masculine] Gruppenleiter
   *[other] Gruppenleitung
}
role-analyst = { $gender ->
    [feminine] Analystin
    [masculine] Analyst
   *[other] Analysefachkraft
}

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
a11y-contact-address = Kontakt für Barrierefreiheit: { $contact }
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

## Login and staff pages
login-title = Anmelden
login-failed = E-Mail-Adresse oder Benutzername und Passwort passen zu keinem aktiven Konto. Prüfen Sie die Angaben und versuchen Sie es erneut.
login-field-login = E-Mail-Adresse oder Benutzername
login-field-password = Passwort
login-submit = Anmelden
dashboard-welcome = Willkommen, { $name }
dashboard-caseload = { $count ->
    [one] Sie begleiten { $count } Teilnehmerin.
   *[other] Sie begleiten { $count } Teilnehmerinnen.
}
participants-empty = Keine Teilnehmerinnen anzuzeigen.
col-name = Name
col-language = Sprache
col-email = E-Mail-Adresse
col-role = Rolle
col-status = Status
col-address = Netzwerkadresse
col-actions = Aktionen
col-programme = Programm
col-referred = Überwiesen am
participant-birth-date = Geburtsdatum
participant-children = Kinder
participant-trajectories = Begleitungen
participant-who-read = Wer hat diese Akte geöffnet?
age-years = { $count ->
    [one] { $count } Jahr
   *[other] { $count } Jahre
}
status-referred = Überwiesen
status-intake = Aufnahme
status-active = Aktiv
status-completed = Abgeschlossen
status-waiting_list = Warteliste
status-aftercare = Nachsorge
status-stopped = Beendet
status-not_admitted = Nicht aufgenommen
users-added = Das Konto wurde angelegt.
users-active = Aktiv
users-disabled = Deaktiviert
users-disable = { $name } deaktivieren
users-enable = { $name } wieder aktivieren
users-add-heading = Mitarbeiterin hinzufügen
users-field-name = Vollständiger Name
users-field-email = E-Mail-Adresse
users-field-role = Rolle
users-field-password = Erstes Passwort
users-password-hint = Mindestens 12 Zeichen und schwer zu erraten; einige unzusammenhängende Wörter eignen sich gut.
users-add-submit = Konto anlegen
error-required = Dieses Feld ist erforderlich.
error-email = Geben Sie eine E-Mail-Adresse wie name@oeshz.example ein.
error-email-taken = Ein Konto mit dieser E-Mail-Adresse existiert bereits.
error-password-short = Das Passwort muss mindestens 12 Zeichen lang sein.
error-password-long = Das Passwort darf höchstens 128 Zeichen lang sein.
error-password-weak = Dieses Passwort ist zu leicht zu erraten. Wählen Sie ein längeres oder einige unzusammenhängende Wörter.
sessions-empty = Niemand ist angemeldet.
sessions-started = Angemeldet
sessions-last-seen = Zuletzt aktiv
sessions-end = Sitzung von { $name } beenden
audit-filter-subject = Aktenkennung
audit-filter-action = Handlung
audit-filter-submit = Filtern
audit-empty = Keine passenden Einträge.
audit-col-time = Zeitpunkt
audit-col-actor = Wer
audit-col-action = Was
audit-col-subject = Akte
audit-outcome-success = Ausgeführt
audit-outcome-failure = Fehlgeschlagen
audit-outcome-denied = Verweigert
error-forbidden-title = Kein Zugriff
error-forbidden-text = Ihre Rolle erlaubt keinen Zugriff auf diese Seite. Der Versuch wurde protokolliert.
error-too-many-title = Zu viele Versuche
error-too-many-text = Von dieser Netzwerkadresse kamen zu viele Versuche. Warten Sie einige Minuten und versuchen Sie es erneut.

## Account, two-step verification, tokens
account-totp-heading = Zwei-Schritt-Verifizierung
account-totp-on = Die Zwei-Schritt-Verifizierung ist aktiv: Nach dem Passwort fragt traject nach einem Code aus Ihrer Authenticator-App.
account-totp-off = Die Zwei-Schritt-Verifizierung ist aus. Schalten Sie sie ein, um die Akten, mit denen Sie arbeiten, auch bei einem abhandengekommenen Passwort zu schützen.
account-totp-start = Zwei-Schritt-Verifizierung einrichten
account-totp-disable = Zwei-Schritt-Verifizierung ausschalten
account-totp-required-note = Ihre Organisation schreibt die Zwei-Schritt-Verifizierung für alle Mitarbeitenden vor.
account-recovery-left = { $count ->
    [one] Sie haben noch { $count } unbenutzten Wiederherstellungscode.
   *[other] Sie haben noch { $count } unbenutzte Wiederherstellungscodes.
}
org-require-totp-heading = Zwei-Schritt-Verifizierung für die ganze Organisation
org-require-totp-on = Alle Mitarbeitenden müssen die Zwei-Schritt-Verifizierung nutzen.
org-require-totp-off = Die Mitarbeitenden entscheiden selbst über die Zwei-Schritt-Verifizierung.
org-require-totp-enable = Für alle Mitarbeitenden vorschreiben
org-require-totp-disable = Nicht mehr vorschreiben
account-tokens-heading = Persönliche API-Schlüssel
account-tokens-intro = Mit einem Schlüssel handelt ein Programm mit Ihren Rechten über die API von traject. Wer ihn besitzt, kann, was Sie können: Halten Sie ihn geheim und widerrufen Sie ihn, wenn er nicht mehr gebraucht wird.
account-tokens-empty = Sie haben keine Schlüssel.
account-token-name = Name des neuen Schlüssels
account-token-default-name = API-Schlüssel
account-token-create = Schlüssel erstellen
account-token-created = Erstellt
account-token-last-used = Zuletzt benutzt
account-token-never = Nie
account-token-revoked = Widerrufen
account-token-revoke = { $name } widerrufen
token-created-title = Ihr neuer Schlüssel
token-created-text = Kopieren Sie den Schlüssel „{ $name }“ jetzt: Er wird nur dieses eine Mal angezeigt.
totp-setup-title = Zwei-Schritt-Verifizierung einrichten
totp-setup-step-app = Installieren Sie eine Authenticator-App auf Ihrem Telefon, etwa die von Ihrer Organisation empfohlene.
totp-setup-step-secret = Fügen Sie in der App ein Konto hinzu: Scannen Sie den QR-Code mit Ihrem Telefon, öffnen Sie den Link unten auf Ihrem Telefon oder tippen Sie den angezeigten Schlüssel ab.
totp-setup-qr = QR-Code zum Scannen mit der Authenticator-App
totp-setup-link = In der Authenticator-App öffnen
totp-setup-step-code = Geben Sie den sechsstelligen Code ein, den die App jetzt zeigt.
totp-setup-code = Sechsstelliger Code
totp-setup-submit = Bestätigen
totp-code-wrong = Dieser Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Telefons und geben Sie den neuesten Code ein.
recovery-title = Ihre Wiederherstellungscodes
recovery-text = Bewahren Sie diese Codes sicher auf, nicht beim Telefon. Jeder funktioniert einmal anstelle eines App-Codes, falls Sie Ihr Telefon verlieren. Sie werden nur jetzt angezeigt.
recovery-continue = Weiter
second-factor-title = Bestätigungscode
second-factor-text = Geben Sie den Code aus Ihrer Authenticator-App oder einen Ihrer Wiederherstellungscodes ein.
second-factor-code = Code
second-factor-submit = Prüfen
second-factor-failed = Dieser Code stimmt nicht. Versuchen Sie den neuesten Code aus der App.
second-factor-setup-required = Ihre Organisation schreibt die Zwei-Schritt-Verifizierung vor. Richten Sie sie jetzt ein, um fortzufahren.

## Journal and breaking the glass
participant-journal = Journal
journal-empty = Noch keine Journaleinträge.
journal-confidential = Vertraulich
journal-withheld = { $count ->
    [one] { $count } vertraulicher Eintrag ist nur für die zuständige Fallmanagerin.
   *[other] { $count } vertrauliche Einträge sind nur für die zuständige Fallmanagerin.
}
break-glass-heading = Vertrauliche Einträge trotzdem lesen (Notfallzugriff)
break-glass-reason = Grund
break-glass-hint = Mindestens 10 Zeichen. Ihr Name und der Grund werden protokolliert und der Fallmanagerin in dieser Akte angezeigt.
break-glass-reason-short = Geben Sie einen Grund von mindestens 10 Zeichen an.
break-glass-submit = Vertrauliche Einträge anzeigen
glass-breaks-heading = Vertrauliche Einträge wurden von einer nicht zuständigen Person geöffnet
glass-break-line = { $date }: { $name } gab als Grund an: { $reason }

users-role-of = Rolle von { $name }
users-role-change = Rolle ändern
account-organisations-heading = Ihre Organisationen
account-organisation-current = hier arbeiten Sie gerade
account-organisation-switch = In { $name } arbeiten

account-password-heading = Passwort
account-password-current = Aktuelles Passwort
account-password-new = Neues Passwort
account-password-submit = Passwort ändern
account-password-changed = Ihr Passwort wurde geändert. Sie wurden überall sonst abgemeldet.
error-password-current = Das aktuelle Passwort stimmt nicht.

## Account: job title form
title-form-heading = Funktionsbezeichnung
title-form-legend = Wie soll Ihre Funktionsbezeichnung geschrieben werden?
title-form-hint = Französisch und Deutsch schreiben Funktionsbezeichnungen in weiblicher, männlicher oder neutraler Form. Im Niederländischen und Englischen ändert sich nichts.
title-form-feminine = Weiblich
title-form-masculine = Männlich
title-form-neutral = Neutral
title-form-submit = Speichern
title-form-saved = Die Form Ihrer Funktionsbezeichnung ist gespeichert.

## Temporary passwords
error-password-same = Wählen Sie ein eigenes Passwort, nicht das vorläufige.
new-password-title = Eigenes Passwort wählen
new-password-text = Sie haben sich mit einem vorläufigen Passwort Ihrer Administration angemeldet. Wählen Sie zuerst Ihr eigenes Passwort; niemand sonst kennt es dann.
new-password-submit = Mein Passwort speichern
users-reset-password = Neues Passwort für { $name }
users-reset-two-step = Zwei-Schritt-Verifizierung für { $name } ausschalten
temporary-password-title = Vorläufiges Passwort
temporary-password-for = Vorläufiges Passwort für { $name }:
temporary-password-text = Geben Sie es persönlich oder telefonisch weiter, nie per E-Mail. Es wird nur jetzt angezeigt und gilt { $days } Tage. Bei der nächsten Anmeldung muss die Person ein eigenes Passwort wählen; ihre offenen Sitzungen wurden beendet.
temporary-password-back = Zurück zur Personalliste

## Confirming administrator actions
confirm-cancel = Abbrechen
confirm-disable-title = { $name } deaktivieren?
confirm-disable-text = { $name } kann sich nicht mehr anmelden, und alle offenen Sitzungen enden jetzt. Sie können das Konto später wieder aktivieren.
confirm-disable-submit = { $name } deaktivieren
confirm-reset-password-title = Ein vorläufiges Passwort für { $name }?
confirm-reset-password-text = Das aktuelle Passwort von { $name } funktioniert nicht mehr, und alle offenen Sitzungen enden. Sie sehen ein vorläufiges Passwort, das Sie persönlich weitergeben; bei der nächsten Anmeldung muss ein neues gewählt werden.
confirm-reset-password-submit = Vorläufiges Passwort geben
confirm-reset-two-step-title = Zwei-Schritt-Verifizierung für { $name } ausschalten?
confirm-reset-two-step-text = Tun Sie dies nur, wenn { $name } sowohl das Telefon als auch die Wiederherstellungscodes verloren hat und Sie sicher wissen, wer fragt. Alle offenen Sitzungen enden; danach genügt das Passwort allein, bis ein neuer zweiter Schritt eingerichtet ist.
confirm-reset-two-step-submit = Zwei-Schritt-Verifizierung ausschalten

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

## Participant file
save = Speichern
cancel = Abbrechen
participant-new = Neue Teilnehmende
participant-new-lead = Legen Sie eine Akte an und beginnen Sie das Aufnahmegespräch. Personen, die vielleicht schon eine Akte haben, werden vor dem Speichern gezeigt.
participant-create = Akte anlegen und Aufnahme beginnen
participant-edit = Akte bearbeiten
form-has-errors = Einige Felder sind zu korrigieren. Es wurde nichts gespeichert.
search-label = Teilnehmende suchen
search-hint = Ein Name in beliebiger Schreibweise, eine Telefonnummer oder eine Nationalregisternummer.
search-submit = Suchen
search-results = Ergebnisse
pager-label = Seiten
pager-previous = Vorherige Seite
pager-next = Nächste Seite
list-page-of = Seite { $page } von { $pages }
choice-not-given = (keine Angabe)
value-not-given = keine Angabe
duplicates-heading = Möglicherweise dieselbe Person
duplicates-text = Diese Akten passen zu Ihren Angaben. Öffnen Sie die Akte, wenn sie es ist, oder bestätigen Sie, dass es eine andere Person ist.
duplicates-confirm = Das ist eine andere Person: neue Akte anlegen
duplicate-reason-national_number = gleiche Nationalregisternummer
duplicate-reason-phone = gleiche Telefonnummer
duplicate-reason-email = gleiche E-Mail-Adresse
duplicate-reason-name = Name klingt gleich, Geburtsdatum nahe
section-identity = Wer sie ist
section-contact = Kontakt
section-trajectory = Begleitung
section-languages = Sprachen
section-situation = Situation
section-sensitive = Sensible Angaben
sensitive-hint = Nur ihre Fallverantwortlichen und die Koordination sehen diese Angaben. Jede Einsicht wird aufgezeichnet.
section-household = Haushalt
section-consents = Einwilligungen
file-sections = Teile der Akte
casemanager-load = { $name } ({ $count } offen)
casemanager-suggestion-hint = Vorschlag: die geringste Fallzahl. Sie sieht die neue Aufnahme auf ihrer Übersicht.
nationality-eu = EU
nationality-non-eu = Nicht-EU
asked-on = gefragt am { $date }
conflict-heading = Jemand anderes hat diese Akte zuerst gespeichert
conflict-text = Ihre Änderungen stehen noch im Formular unten, nichts wurde überschrieben. Diese Felder haben jetzt einen anderen Wert: { $fields }. Prüfen Sie sie und speichern Sie erneut.
conflict-see-current = Die Akte im aktuellen Stand ansehen (neuer Tab)
referred-on = zugewiesen am { $date }
intake-open = Aufnahme und Zugangsvoraussetzungen
transition-phase = Wechseln zu
transition-phase-submit = Phase wechseln
transition-admit = Von der Warteliste aufnehmen
transition-aftercare = Nachsorge beginnen
transition-complete = Als abgeschlossen beenden
transition-stop = Vorzeitig beenden
transition-stop-submit = Begleitung beenden
assign-submit = Zuweisen
trajectory-history = Verlauf
trajectory-phase-line = { $status } · Phase { $number } von { $count }: { $phase }
phase-number = Phase { $count }
journal-new = Neuer Kontakt
journal-save = Kontakt speichern
journal-interpreter = Dolmetschung
journal-mediator = interkulturelle Vermittlung
journal-next-contact = Nächster: { $date }
minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
child-birth-unknown = Geburtsdatum unbekannt
children-none = Keine Kinder in der Akte.
child-add = Kind hinzufügen
adults-heading = Andere Erwachsene
adults-none = Keine anderen Erwachsenen in der Akte.
adult-add = Erwachsene Person hinzufügen
consents-none = Noch keine Einwilligung erfasst.
consent-add = Einwilligung erfassen
consent-withdraw = Heute widerrufen
consent-given-on = erteilt am { $date }
consent-withdrawn-on = widerrufen am { $date }
intake-title = Aufnahme
intake-conversation = Das Aufnahmegespräch
intake-needs = Bedarf je Lebensbereich
intake-decision = Entscheidung
justification-hint = Nötig, um jemanden aufzunehmen, der nicht jede Regel erfüllt: warum das Team sie trotzdem aufnimmt. Es wird festgehalten.
eligibility-heading = Zugangsvoraussetzungen
eligibility-hint = Eine unbekannte Antwort kommt von einer Angabe, die in der Akte fehlt.
eligibility-overall-met = Alle Voraussetzungen sind erfüllt.
eligibility-overall-not_met = Mindestens eine Voraussetzung ist nicht erfüllt.
eligibility-overall-unknown = Einige Voraussetzungen können noch nicht geprüft werden.
verdict-met = Erfüllt
verdict-not_met = Nicht erfüllt
verdict-unknown = Unbekannt
waiting-position = Platz { $count } auf der Warteliste
field-first_name = Vorname
field-last_name = Nachname
field-other_names = Andere Schreibweisen ihrer Namen (eine pro Zeile)
field-birth_date = Geburtsdatum
field-gender = Geschlecht
field-grammatical_gender = Bevorzugte Anredeform
field-language = Sprache für Nachrichten
field-languages = Gesprochene Sprachen
field-reading_level = Lesen
field-nationality = Staatsangehörigkeit (Ländercode, z. B. BE, MA, SY)
field-phone = Telefon
field-email = E-Mail
field-channel = Bevorzugter Kanal für Erinnerungen
field-street = Straße und Hausnummer
field-postal_code = Postleitzahl
field-municipality = Gemeinde
field-address = Adresse
field-income = Einkommen
field-referral_source = Zugewiesen durch
field-referral_detail = Einzelheiten der Zuweisung (Dienst, Schule, Partner)
field-heard_via = Vom Programm erfahren über
field-labour_status = Erwerbsstatus
field-education = Höchster Bildungsabschluss
field-partner_in_household = Partner im Haushalt
field-in_article_60 = Arbeitet mit einem Artikel-60-Vertrag
field-small_social_network = Kleines soziales Netz
field-national_number = Nationalregister- oder BIS-Nummer
field-residence_status = Aufenthaltsstatus
field-disability = Behinderung
field-minority = Gehört einer Minderheit an
field-foreign_background = Ausländische Herkunft
field-homeless = Wohnungslos oder vom Wohnen ausgeschlossen
field-vulnerability_note = Vertrauliche Notiz zur Verletzlichkeit (Gesundheit, Gewalt)
field-programme_id = Programm
field-programme = Programm
field-status = Status
field-casemanager = Fallverantwortung
field-casemanager_id = Fallverantwortung
field-referred_on = Zugewiesen am
field-spoken = Sprache { $count }
field-level = Niveau der Sprache { $count }
field-written_on = Datum
field-duration_minutes = Dauer in Minuten
field-mode = Wo oder wie
field-domains = Besprochene Lebensbereiche
field-interpreter = Eine Dolmetscherin war dabei
field-mediator = Eine interkulturelle Vermittlerin war dabei
field-confidential = Vertraulich: nur für ihre Fallverantwortliche
field-body = Notiz
field-follow_up = Folgeaktion
field-follow_up_on = Nachverfolgen bis
field-child_first_name = Vorname des Kindes
field-child_birth_date = Geburtsdatum des Kindes (falls bekannt)
field-adult_first_name = Vorname
field-adult_relation = Beziehung
field-consent_scope = Einwilligung für
field-consent_partner = Partner (für die Weitergabe)
field-consent_given_on = Erteilt am
field-stop_reason = Grund
field-success = Zählt als Erfolg
field-motivation = Motivation
field-request_for_help = Hilfeanliegen
field-strengths = Stärken
field-dreams = Träume
field-outcome = Ergebnis
field-decided_on = Entschieden am
field-referred_to = Weitervermittelt an (falls weitervermittelt)
field-decline_reason = Grund (bei Ablehnung)
field-justification = Begründung für die Aufnahme trotzdem
error-invalid-choice = Wählen Sie eine der Möglichkeiten.
error-too-long = Das ist zu lang.
error-invalid-date = Geben Sie ein Datum wie 15.03.2026 ein.
error-date-out-of-range = Dieses Datum ist hier nicht möglich.
error-invalid-country = Geben Sie einen zweistelligen Ländercode wie BE oder MA ein.
error-invalid-phone = Geben Sie eine Nummer wie 0470 12 34 56 oder +32 470 12 34 56 ein.
error-invalid-email = Geben Sie eine Adresse wie name@beispiel.be ein.
error-channel-needs-phone = Dieser Kanal braucht eine Telefonnummer.
error-channel-needs-email = Dieser Kanal braucht eine E-Mail-Adresse.
error-invalid-postal-code = Eine belgische Postleitzahl hat 4 Ziffern.
error-invalid-languages = Wählen Sie eine Sprache und ihr Niveau.
error-national-number-length = Eine Nationalregisternummer hat 11 Ziffern.
error-national-number-check = Die Prüfziffern stimmen nicht: prüfen Sie auf einen Tippfehler.
error-national-number-date = Der Datumsteil dieser Nummer ist kein Datum.
error-national-number-birth-date = Diese Nummer passt nicht zum Geburtsdatum.
error-invalid-duration = Geben Sie Minuten zwischen 1 und 720 ein.
error-justification-required = Schreiben Sie, warum sie trotzdem aufgenommen wird, obwohl nicht alle Voraussetzungen erfüllt sind (mindestens 10 Zeichen).
error-transition-not-allowed = Dieser Schritt ist im aktuellen Stand der Begleitung nicht möglich.
error-transition-no-such-phase = Das Programm hat diese Phase nicht.
error-not-text = Senden Sie nur Text.
coded-gender-woman = Frau
coded-gender-man = Mann
coded-gender-non_binary = Nichtbinär
coded-gender-not_given = Keine Angabe
coded-grammatical-gender-feminine = Weiblich (Frau)
coded-grammatical-gender-masculine = Männlich (Herr)
coded-grammatical-gender-neutral = Neutral (Vorname)
coded-reading-well = Liest gut
coded-reading-a_little = Liest ein wenig
coded-reading-not_at_all = Liest nicht
coded-channel-sms = SMS
coded-channel-whatsapp = WhatsApp
coded-channel-email = E-Mail
coded-channel-phone_call = Anruf
coded-channel-none = Keine Erinnerungen
coded-income-integration_income = Eingliederungseinkommen
coded-income-other_benefit = Andere Leistung
coded-income-work = Arbeit
coded-income-none = Kein Einkommen
coded-referral-ocmw_service = ÖSHZ-Dienst
coded-referral-school = Schule
coded-referral-partner = Partnerorganisation
coded-referral-self = Sie selbst
coded-heard-website = Website
coded-heard-school = Schule
coded-heard-social_media = Soziale Medien
coded-heard-flyer = Faltblatt
coded-heard-partner = Partnerorganisation
coded-heard-word_of_mouth = Mundpropaganda
coded-labour-unemployed = Arbeitslos
coded-labour-long_term_unemployed = Langzeitarbeitslos
coded-labour-inactive = Nicht erwerbstätig
coded-labour-employed = Erwerbstätig oder selbständig
coded-education-isced_0_2 = Bis Sekundarstufe I (ISCED 0-2)
coded-education-isced_3_4 = Sekundarstufe II (ISCED 3-4)
coded-education-isced_5_8 = Hochschulbildung (ISCED 5-8)
coded-answer-yes = Ja
coded-answer-no = Nein
coded-answer-prefers_not_to_say = Möchte es nicht sagen
coded-residence-belgian = Belgisch
coded-residence-eu_citizen = EU-Bürgerin
coded-residence-recognised_refugee = Anerkannter Flüchtling
coded-residence-subsidiary_protection = Subsidiärer Schutz
coded-residence-asylum_applicant = Antragstellerin auf internationalen Schutz
coded-residence-permanent_residence = Unbefristeter Aufenthalt
coded-residence-temporary_residence = Befristeter Aufenthalt
coded-residence-family_reunification = Familienzusammenführung
coded-residence-no_legal_residence = Kein rechtmäßiger Aufenthalt
coded-residence-other = Andere
coded-level-native = Muttersprache
coded-level-fluent = Fließend
coded-level-basic = Grundkenntnisse
coded-level-beginner = Anfängerin
coded-mode-office = Büro
coded-mode-home_visit = Hausbesuch
coded-mode-walk = Spaziergang
coded-mode-phone = Telefon
coded-mode-video = Videoanruf
coded-mode-message = Nachricht
coded-mode-accompanied_visit = Begleiteter Termin
coded-domain-housing = Wohnen
coded-domain-work = Arbeit und Aktivierung
coded-domain-income_debt = Einkommen und Schulden
coded-domain-parenting = Erziehung
coded-domain-health = Gesundheit und Wohlbefinden
coded-domain-mobility = Mobilität
coded-domain-social = Freizeit und soziales Netz
coded-domain-rights = Rechte und Verwaltung
coded-domain-language = Sprache
coded-domain-self_image = Selbstbild
coded-consent-data_processing = Verarbeitung ihrer Daten
coded-consent-photos = Fotos
coded-consent-whatsapp_contact = Kontakt über WhatsApp
coded-consent-sharing_with_partner = Weitergabe an einen genannten Partner
coded-relation-partner = Partner
coded-relation-parent = Elternteil
coded-relation-adult_child = Erwachsenes Kind
coded-relation-other = Andere
coded-stop-moved = Umgezogen
coded-stop-found_work = Arbeit gefunden
coded-stop-started_training = Ausbildung begonnen
coded-stop-health = Gesundheit
coded-stop-lost_contact = Kontakt verloren
coded-stop-no_longer_eligible = Nicht mehr berechtigt
coded-stop-own_choice = Eigene Entscheidung
coded-stop-other = Andere
coded-outcome-admitted = Aufgenommen
coded-outcome-waiting_list = Warteliste
coded-outcome-referred_elsewhere = Weitervermittelt
coded-outcome-declined = Abgelehnt
spoken-nl = Niederländisch
spoken-fr = Französisch
spoken-de = Deutsch
spoken-en = Englisch
spoken-ar = Arabisch
spoken-tr = Türkisch
spoken-ber = Tamazight (Berberisch)
spoken-ru = Russisch
spoken-uk = Ukrainisch
spoken-fa = Persisch
spoken-prs = Dari
spoken-ps = Paschtu
spoken-ti = Tigrinya
spoken-so = Somali
spoken-ku = Kurdisch
spoken-es = Spanisch
spoken-pt = Portugiesisch
spoken-pl = Polnisch
spoken-ro = Rumänisch
spoken-bg = Bulgarisch
spoken-sq = Albanisch
spoken-ln = Lingala
spoken-sw = Suaheli
phase-self_image = Selbstbild
phase-stabilisation = Stabilisierung
phase-follow_up = Nachbetreuung
phase-intake = Aufnahme
phase-workshops = Workshops
phase-joint_sessions = Treffen mit den Kindern
phase-closing = Abschluss
phase-guidance = Begleitung
phase-work_activity = Arbeitstätigkeit
phase-beginning = Anfang
phase-middle = Mitte
phase-end = Ende
phase-recruitment_intake = Anwerbung und Aufnahme
phase-group_forming = Start und Gruppenbildung
phase-deepening = Vertiefung
phase-aftercare = Nachsorge
eligibility-rule-min_age = Mindestens { $years } Jahre alt
eligibility-rule-income = Einkommen: { $list }
eligibility-rule-lives_in = Wohnt in Postleitzahl { $list }
eligibility-rule-non_eu_national = Keine EU-Staatsangehörige
eligibility-rule-international_protection = Anerkannter Flüchtling oder subsidiärer Schutz
eligibility-rule-single_parent = Alleinerziehend
eligibility-rule-child_under = Ein Kind unter { $years } Jahren
eligibility-rule-not_in_article_60 = Nicht in einer Artikel-60-Stelle
eligibility-rule-small_social_network = Kleines soziales Netz
eligibility-rule-language_minimum = Spricht { $language } mindestens auf Niveau: { $level }
eligibility-reason-birth-date-unknown = Geburtsdatum unbekannt
eligibility-reason-age-is = { $value } Jahre alt
eligibility-reason-income-unknown = Einkommen unbekannt
eligibility-reason-income-is = { $value }
eligibility-reason-address-unknown = Postleitzahl unbekannt
eligibility-reason-postal-code-is = Postleitzahl { $value }
eligibility-reason-nationality-unknown = Staatsangehörigkeit unbekannt
eligibility-reason-eu-national = EU-Staatsangehörige
eligibility-reason-non-eu-national = keine EU-Staatsangehörige
eligibility-reason-residence-unknown = Aufenthaltsstatus unbekannt
eligibility-reason-protection-yes = hat internationalen Schutz
eligibility-reason-protection-no = kein internationaler Schutz
eligibility-reason-no-children = keine Kinder in der Akte
eligibility-reason-household-unknown = Haushaltssituation unbekannt
eligibility-reason-partner-in-household = ein Partner lebt im Haushalt
eligibility-reason-single-parent = erzieht ihre Kinder allein
eligibility-reason-child-under = hat ein Kind unter { $value } Jahren
eligibility-reason-child-birth-date-unknown = Geburtsdatum eines Kindes unbekannt
eligibility-reason-no-child-under = kein Kind unter { $value } Jahren
eligibility-reason-article-60-unknown = unbekannt
eligibility-reason-in-article-60 = arbeitet unter Artikel 60
eligibility-reason-not-in-article-60 = nicht unter Artikel 60
eligibility-reason-network-unknown = noch nicht gefragt
eligibility-reason-network-small = kleines Netz
eligibility-reason-network-not-small = kein kleines Netz
eligibility-reason-languages-unknown = Sprachen unbekannt
eligibility-reason-language-level-is = Niveau: { $value }
eligibility-reason-language-not-spoken = spricht kein { $value }

## Participant file
dashboard-new-intakes = Neue Aufnahmen für Sie
dashboard-overdue-evaluations = Überfällige Auswertungen
dashboard-steps-due = Schritte für diese Woche
dashboard-birthdays = Geburtstage der Kinder diese Woche
dashboard-birthday = { $name } wird am { $date } { $count }
dashboard-my-people = Meine Teilnehmenden
dashboard-nothing = Im Moment nichts.
dashboard-caseloads = Fallzahl je Fallverantwortliche
dashboard-unassigned = Aufnahmen ohne Fallverantwortliche
dashboard-waiting-list = Warteliste

## Participant file
home-to-dashboard = Zu Ihrer Übersicht
nav-problems = Datenprobleme
problems-total = { $count ->
    [one] { $count } Eintrag braucht Aufmerksamkeit.
   *[other] { $count } Einträge brauchen Aufmerksamkeit.
}
problems-count = { $count }
problem-since = seit { $date }
problem-no_data_consent = Keine Einwilligung zur Datenverarbeitung
problem-no_data_consent-fix = Erfassen Sie ihre Einwilligung in der Akte unter Einwilligungen.
problem-evaluation_overdue = Ein Plan ohne Auswertung seit 4 Monaten
problem-evaluation_overdue-fix = Planen und erfassen Sie die Auswertung mit ihr.
problem-gpmi_without_national_number = Ein GPMI ohne Nationalregisternummer
problem-gpmi_without_national_number-fix = Ergänzen Sie die Nationalregister- oder BIS-Nummer in der Akte.
problem-child_without_birth_date = Ein Kind ohne Geburtsdatum
problem-child_without_birth_date-fix = Kinderbetreuung und Altersgruppen brauchen es: ergänzen Sie es unter Haushalt.
problem-past_programme_duration = Aktiv über die Dauer des Programms hinaus
problem-past_programme_duration-fix = Schließen Sie die Begleitung ab oder wechseln Sie zur Nachsorge.

## Participant file
plan-title = Begleitplan
plan-print = Zum Unterschreiben drucken
plan-open = Begleitplan
plan-create = Plan erstellen
plan-edit-header = Daten und Bedarfsanalyse
plan-signed-early = Dieser Plan wurde innerhalb der gesetzlichen fünf Tage Bedenkzeit unterschrieben. Prüfen Sie, ob sie die Zeit hatte, die ihr zusteht.
plan-ends-soon = Dieser Plan endet innerhalb eines Monats: planen Sie die Auswertung und das Weitere.
plan-goals = Ziele, in ihren Worten
plan-add-goal = Ziel hinzufügen
plan-commitments = Verpflichtungen
plan-add-commitment = Verpflichtung hinzufügen
plan-steps = Schritte
plan-add-step = Schritt hinzufügen
plan-step-done = Erledigt
plan-evaluations = Auswertungen
plan-schedule = Geplante Auswertungen
plan-held = Durchgeführt
plan-add-evaluation = Auswertung erfassen
plan-minimum = Letzte zwölf Monate: { $count } Auswertungen, davon { $number } persönlich (das GPMI verlangt mindestens 3, davon 2 persönlich).
plan-period = Zeitraum: { $date }
plan-reflection = Sie dürfen sich vor der Unterschrift fünf Kalendertage Bedenkzeit nehmen.
plan-sign-participant = Unterschrift der Teilnehmerin, Datum:
plan-sign-ocmw = Unterschrift für das ÖSHZ, Datum:
evaluation-in-person = persönlich
evaluation-remote = aus der Ferne
error-plan-missing = Erstellen Sie zuerst den Plan.
field-is_gpmi = Dies ist ein GPMI
field-needs_assessment = Bedarfsanalyse
field-offered_on = Vorgelegt am
field-signed_on = Unterschrieben am
field-starts_on = Beginnt am
field-ends_on = Endet am
field-rhythm_months = Auswerten alle … Monate
field-goal_domain = Lebensbereich
field-goal_wording = Das Ziel in ihren Worten
field-party = Wessen Verpflichtung
field-party_name = Name der dritten Partei oder des Partners
field-commitment_wording = Verpflichtung
field-step_description = Schritt
field-owner = Wer macht es
field-partner_name = Partner (falls ein Partner es macht)
field-due_on = Bis
field-held_on = Durchgeführt am
field-in_person = Persönlich
field-evaluation_note = Notiz
coded-party-participant = Die Teilnehmerin
coded-party-ocmw = Das ÖSHZ
coded-party-third_party = Eine dritte Partei
coded-owner-participant = die Teilnehmerin
coded-owner-casemanager = die Fallverantwortliche
coded-owner-partner = ein Partner
coded-step-open = offen
coded-step-done = erledigt
coded-step-dropped = verworfen
coded-progress-achieved = Erreicht
coded-progress-progressing = Fortschritt
coded-progress-no_change = Keine Veränderung
coded-progress-regressed = Rückschritt

## Participant file
programmes-lead = Jedes Programm beginnt mit der Vorlage seiner Art; passen Sie es an die Arbeitsweise Ihrer Organisation an.
programme-summary = { $count } Phasen · Gruppen von { $min } bis { $max } · { $months } Monate
programme-inactive = inaktiv
programme-add = Programm hinzufügen
programme-general = Das Programm
programme-conflict = Jemand anderes hat dieses Programm zuerst gespeichert. Ihre Änderungen stehen noch im Formular; prüfen und erneut speichern.
programme-rules-hint = Lassen Sie ein Feld leer, um die Regel zu streichen. Die Regeln werden bei jeder Aufnahme geprüft.
programme-phases = Phasen und ihre übliche Dauer
field-kind = Vorlage
field-name = Name
field-description = Beschreibung
field-active = Offen für neue Teilnehmende
field-min_group_size = Kleinste Gruppe
field-group_capacity = Größte Gruppe
field-session_rhythm = Gruppentreffen
field-session_minutes = Dauer eines Treffens in Minuten
field-duration_months = Dauer in Monaten
field-funders = Geldgeber (Codes, durch Kommas getrennt)
field-report_strands = Berichtsstränge (Codes, durch Kommas getrennt)
field-life_domains = Bearbeitete Lebensbereiche
field-rule_min_age = Mindestalter (Jahre)
field-rule_income = Einkommen muss eines davon sein
field-rule_lives_in = Wohnt in Postleitzahlen (durch Kommas getrennt)
field-rule_child_under = Hat ein Kind unter (Jahren)
field-rule_language = Spricht Sprache (Code, z. B. de)
field-rule_language_level = Mindestens auf Niveau
field-weeks = Wochen
coded-rhythm-weekly = Wöchentlich
coded-rhythm-fortnightly = Alle zwei Wochen
coded-rhythm-twice_monthly = Zweimal im Monat
coded-rhythm-monthly = Monatlich
error-out-of-range = Diese Zahl liegt außerhalb des Möglichen.
error-min-above-max = Die kleinste Gruppe darf nicht größer sein als die größte.
error-invalid-codes = Verwenden Sie kurze Codes aus Kleinbuchstaben, Ziffern und _, durch Kommas getrennt.

## Group work
nav-week = Meine Woche
nav-calendar = Schulkalender
group-new = Neue Gruppe
group-create = Gruppe anlegen
groups-none = Noch keine Gruppen.
coded-group-kind-adults = Gruppe für Erwachsene
coded-group-kind-childrens_group = Kindergruppe (ab 7 Jahren)
coded-group-kind-childcare = Kinderbetreuung (unter 7 Jahren)
group-members-count =
    { $count ->
        [one] { $count } Teilnehmerin
       *[other] { $count } Teilnehmerinnen
}
group-waiting-count = { $count } auf der Warteliste
group-next = nächste Sitzung
field-parent_id = Gehört zur Gruppe
field-room_id = Raum
field-facilitators = Begleitende
group-size-hint = Lassen Sie die Größen leer, um Minimum und Maximum des Programms zu übernehmen.
field-min_size = Mindestzahl der Teilnehmenden
field-max_size = Höchstzahl der Teilnehmenden
field-participant_id = Teilnehmerin
group-or-wait = Wenn die Gruppe voll ist: auf die Warteliste setzen
group-place = In die Gruppe aufnehmen
group-place-her = In eine Gruppe aufnehmen
group-place-hint = Ist die Gruppe voll, kommt sie der Reihe nach auf die Warteliste.
group-member-of = In der Gruppe:
group-attendance-rate = Anwesenheit
group-leave = Verlässt die Gruppe
group-waiting-list = Warteliste
group-remove-waiting = Von der Warteliste nehmen
group-no-members = Noch keine Teilnehmenden.
group-members = Teilnehmende
group-sessions = Sitzungen
group-no-sessions = Keine Sitzungen geplant.
group-size = Größe
group-capacity = { $count } von höchstens { $max } (mindestens { $min })
group-waiting-position = Die Gruppe ist voll: Sie steht auf der Warteliste, Nummer { $count }.
group-full = Die Gruppe ist voll ({ $count } Teilnehmende). Kreuzen Sie die Warteliste an, um sie dort einzutragen.
session-interpreter = Dolmetschen oder Vermittlung nötig
session-cancelled = Abgesagt
session-attendance = Anwesenheit
session-cancel = Diese Sitzung absagen
field-cancel_reason = Grund
series-plan = Eine Reihe planen
field-rhythm = Rhythmus
coded-series-weekly = Jede Woche
coded-series-every_two_weeks = Alle zwei Wochen
coded-series-monthly = Monatlich, am n-ten Wochentag
coded-series-spread = Eine Anzahl Sitzungen zwischen zwei Daten
field-first = Erstes Datum
field-last = Letztes Datum
field-start = Beginn
field-end = Ende
field-nth = Welcher Wochentag im Monat (1-4, 5 = letzter)
field-count = Anzahl der Sitzungen
field-theme = Thema
series-outside-hours = Bewusst außerhalb der Schulzeit
series-preview = Daten anzeigen
series-planned-count =
    { $count ->
        [one] { $count } Sitzung geplant
       *[other] { $count } Sitzungen geplant
}
series-skipped-count = { $count } übersprungen
series-save =
    { $count ->
        [one] { $count } Sitzung speichern
       *[other] { $count } Sitzungen speichern
}
field-date = Datum
series-outcome = Ergebnis
series-skipped = Übersprungen
series-planned = Geplant
skip-weekend = Wochenende
skip-public_holiday = Feiertag
skip-community_holiday = Feiertag der Gemeinschaft
skip-school_holiday = Schulferien
skip-outside_school_hours = außerhalb der Schulzeit
holiday-autumn = Herbstferien
holiday-christmas = Weihnachtsferien
holiday-winter = Winterferien
holiday-carnival = Karnevalsferien
holiday-easter = Osterferien
holiday-spring = Frühlingsferien
holiday-summer = Sommerferien
holiday-day_off = freier Tag
action-back = Zurück
action-save = Speichern
attendance-saved =
    { $count ->
        [one] { $count } Eintrag gespeichert.
       *[other] { $count } Einträge gespeichert.
}
attendance-pending = Noch nicht gesendet: wird gesendet …
attendance-sent = Gespeichert.
attendance-offline = Keine Verbindung: auf diesem Telefon gespeichert und gesendet, sobald die Verbindung zurück ist.
attendance-all-present = Alle anwesend
mark-present = Anwesend
mark-late = Verspätet
mark-excused = Entschuldigt
mark-absent = Abwesend
field-excuse_reason = Grund der Abwesenheit
coded-excuse-sick_child = Krankes Kind
coded-excuse-own_health = Eigene Gesundheit
coded-excuse-appointment = Termin
coded-excuse-work_or_training = Arbeit oder Ausbildung
coded-excuse-transport = Transport
coded-excuse-no_childcare = Keine Kinderbetreuung
coded-excuse-other = Anderes
session-children = Kinder: { $childcare } in der Betreuung, { $group } in der Kindergruppe
week-from = Sieben Tage ab
week-none = Keine Sitzungen in dieser Woche.
calendar-imported =
    { $count ->
        [one] { $count } Schuljahr importiert.
       *[other] { $count } Schuljahre importiert.
}
field-community = Gemeinschaft (Schulferien)
coded-community-flemish = Flämische Gemeinschaft
coded-community-french = Französische Gemeinschaft
coded-community-german = Deutschsprachige Gemeinschaft
field-school_day_start = Schultag beginnt
field-school_day_end = Schultag endet
field-wednesday_end = Mittwoch endet
calendar-school-years = Schulferien
calendar-no-years = Noch kein Schuljahr bekannt: importieren Sie unten eines.
calendar-import = Schuljahre importieren
calendar-import-hint = Fügen Sie eine Kalenderdatei ein (JSON, wie in data/school-holidays). Sie wird zuerst geprüft: keine überlappenden Zeiträume, alle innerhalb des Schuljahres.
field-school_years = Kalenderdatei
error-invalid-capacity = Das Minimum muss mindestens 1 sein und darf das Maximum (höchstens 60) nicht übersteigen.
error-invalid-time-range = Das Ende muss nach dem Beginn liegen.
error-no-dates-left = Jedes Datum dieser Reihe fällt in Ferien oder außerhalb der Schulzeit.
error-invalid-time = Geben Sie eine Uhrzeit wie 09:30 an.
error-invalid-calendar = Dies ist keine gültige Kalenderdatei: Prüfen Sie Daten und Zeiträume.
error-not-a-member = Sie ist an diesem Datum nicht Mitglied dieser Gruppe.
error-invalid-key = Der Eintrag konnte nicht gelesen werden; laden Sie die Seite neu.
error-invalid-number = Geben Sie eine ganze Zahl an.
coded-session-informative = Informativ
coded-session-psychosocial = Psychosozial
coded-session-creative_atelier = Kreativwerkstatt
coded-session-outing = Ausflug
coded-session-volunteering = Ehrenamt
coded-session-joint_with_children = Gemeinsam mit den Kindern
coded-session-childrens_group = Kindergruppe
coded-session-closing_ritual = Abschlussritual
coded-session-information_session = Infoveranstaltung für Interessierte
coded-session-aftercare = Nachsorgetreffen (Plauder-Café)
field-group_kind = Art der Gruppe
field-session_kind = Art der Sitzung
series-dates = Daten der Reihe
dashboard-to-call = Anrufen: zweimal ohne Grund abwesend
session-add = Eine Sitzung hinzufügen
session-conflicts = Noch nicht gespeichert: Diese Sitzung hat Konflikte. Ändern Sie sie oder kreuzen Sie unten an, um sie so zu behalten.
session-keep = Trotzdem behalten
conflict-room_taken = Der Raum ist zu dieser Zeit belegt.
conflict-facilitator_taken = Eine begleitende Person leitet dann eine andere Sitzung.
conflict-closed = Dieser Tag ist ein Ferien- oder Feiertag oder am Wochenende.
conflict-outside_school_hours = Außerhalb der Schulzeit: Mütter können dann vielleicht nicht kommen.
conflict-room_too_small = Der Raum ist zu klein für die Gruppe.
conflict-no_childcare_room = Der Raum eignet sich nicht für die Kinderbetreuung.
field-on = Datum
field-session_start = Beginn
field-session_end = Ende
field-single_kind = Art der Sitzung
field-single_theme = Thema
field-guest_partner = Gastpartner
hours-title = Anwesenheitsstunden
hours-month = Monat
hours-hours = Stunden
hours-unit = Stunden
hours-none = Noch keine besuchten Sitzungen.
attestation-title = Teilnahmebescheinigung
attestation-text = { $organisation } bestätigt, dass { $name } an den unten genannten Tagen an { $count } Gruppensitzungen teilgenommen hat.
attestation-total = Insgesamt
hours-link = Stunden und Bescheinigung
childcare-title = Planung der Kinderbetreuung
childcare-months = Monate
childcare-previous = Voriger Monat
childcare-next = Nächster Monat
childcare-children = Kinder
childcare-none = Keine Kinder von Teilnehmenden bekannt.
childcare-age = Alter
childcare-where = Geht zu
childcare-notes = Hinweise (Allergien, …)
practices-title = Methodensammlung
practices-lead = Themen und Arbeitsformen zur Wiederverwendung in jeder Gruppe. Kreuzen Sie „teilen“ an, um eine den anderen Organisationen auf diesem Server anzubieten.
practices-none = Die Sammlung ist noch leer.
practice-minutes =
    { $count ->
        [one] { $count } Minute
       *[other] { $count } Minuten
}
practice-shared-by = Geteilt von
practice-shared = geteilt
practice-new = Eine neue Arbeitsform
practice-add = Zur Sammlung hinzufügen
practice-share = Mit den anderen Organisationen auf diesem Server teilen
practice-stale = Jemand anderes hat diese Arbeitsform inzwischen geändert. Das ist der jetzt gespeicherte Stand; nehmen Sie Ihre Änderung erneut vor.
field-title = Titel
field-life_domain = Lebensbereich
field-method = Ablauf
field-materials = Material
field-minutes = Dauer in Minuten
field-language_notes = Sprachhinweise (z. B. geht ohne Lesen)
field-practice_id = Arbeitsform aus der Sammlung
field-single_practice_id = Arbeitsform aus der Sammlung
field-notes = Notizen
session-edit = Ändern oder verschieben
session-stale = Jemand anderes hat dieses Treffen inzwischen geändert. Das ist der jetzt gespeicherte Stand; nehmen Sie Ihre Änderung erneut vor.
series-conflicts =
    { $count ->
        [one] { $count } Termin hat einen Konflikt (unten markiert). Ändern Sie die Reihe oder kreuzen Sie unten an, um ihn zu behalten.
       *[other] { $count } Termine haben einen Konflikt (unten markiert). Ändern Sie die Reihe oder kreuzen Sie unten an, um sie zu behalten.
}
series-keep = Diese Termine trotz der Konflikte behalten
conflict-facilitator-named = { $name } leitet zu dieser Zeit ein anderes Treffen.
series-room-every-date = (Das gilt für jeden Termin.)
field-child_care_notes = Für die Kinderbetreuung (Allergien, Schlaf, Trost)
child-care-notes-change = Hinweise für die Betreuung
series-unknown-years = Die Schulferien von { $years } sind noch nicht bekannt, daher lässt diese Reihe sie nicht aus. Eine Verwaltungsperson kann sie auf der Seite Schulkalender hinzufügen.

coded-consent-reminders = Erinnerungen an ihre Treffen über ihren Kanal
msg-reminder = Hallo { $name }! 📅 { $day } ⏰ { $time } 📍 { $place }{ $childcare }
msg-reminder-subject = 📅 Bis bald
msg-moved = { $name }, neuer Tag oder neue Uhrzeit: ❌ { $was } ➡️ 📅 { $day } ⏰ { $time } 📍 { $place }{ $childcare }
msg-moved-subject = 📅 Neuer Termin
msg-cancelled = { $name }, ❌ kein Treffen am 📅 { $day } ⏰ { $time }.
msg-cancelled-subject = ❌ Kein Treffen
msg-childcare =  👶 Kinderbetreuung ist da.
messages-heading = Nachrichten
messages-none = Noch keine Nachrichten.
messages-when = Wann
messages-what = Was und wie
messages-status = Stand
coded-message-kind-reminder = Erinnerung
coded-message-kind-session_moved = Treffen verschoben
coded-message-kind-session_cancelled = Treffen abgesagt
coded-message-status-queued = Wartet auf Versand
coded-message-status-sending = Wird gesendet
coded-message-status-sent = Gesendet
coded-message-status-delivered = Zugestellt
coded-message-status-failed = Fehlgeschlagen, neuer Versuch folgt
coded-message-status-gave_up = Nicht zugestellt
coded-message-status-withdrawn = Zurückgezogen (Treffen geändert)
coded-message-status-to_call = Anzurufen
dashboard-calls-before = Vor ihrem Treffen anrufen
dashboard-messages-failed = Nicht zugestellte Nachrichten
msg-link = Hallo { $name }! 📅 Deine Treffen, und um zu sagen, dass du nicht kommen kannst: { $link }
msg-link-subject = 📅 Deine Treffen
msg-absence = Eine Teilnehmerin hat über ihre Seite mitgeteilt, dass sie am { $day } um { $time } nicht kommen kann. Es ist als entschuldigte Abwesenheit vermerkt: { $link }
msg-absence-subject = traject: eine Abwesenheit wurde gemeldet
msg-digest =
    Was heute in traject deine Aufmerksamkeit braucht:
    - nachzuverfolgende Abwesenheiten: { $absences }
    - überfällige Auswertungen: { $overdue }
    - nicht zugestellte Nachrichten: { $failed }
    - neue Aufnahmen: { $intakes }
    { $link }
msg-digest-subject = traject: dein Tag
page-hello = Hallo { $name }
page-next = Deine nächsten Treffen
page-none = Keine Treffen geplant.
page-childcare = Es gibt Kinderbetreuung.
page-cancelled = Abgesagt: kein Treffen.
page-map = Karte
page-cant-come = Ich kann nicht kommen
page-why = Warum?
page-reported = Du hast gesagt, dass du nicht kommst.
page-thanks = Danke. Deine Begleiterin weiß Bescheid.
page-read-aloud = Vorlesen
page-calendar = In den Kalender meines Telefons eintragen
page-back = Zurück
page-link-gone = Dieser Link funktioniert nicht
page-link-gone-text = Bitte deine Begleiterin um einen neuen Link.
page-too-many = Zu viele Versuche. Warte ein paar Minuten und versuche es erneut.
page-not-possible = Das geht hier nicht mehr. Ruf deine Begleiterin an.
feed-her-name = Meine Treffen
feed-her-session = Treffen
feed-staff-name = meine Sitzungen und Kontakte
feed-staff-contact = Kontakt
links-heading = Ihre Seite und ihr Kalender
links-intro = Ihre eigene Seite zeigt ihre nächsten Sitzungen und lässt sie ohne Passwort melden, dass sie nicht kommen kann. Ein Kalenderlink trägt die Sitzungen in den Kalender ihres Telefons ein. Links werden einmal angezeigt; für einen neuen Ausdruck einen neuen erstellen.
coded-link-kind-page = Ihre Seite
coded-link-kind-feed = Kalender
links-revoke = Link sperren
links-send = An ihr Telefon oder per E-Mail senden
links-new-page = Neuer Link zu ihrer Seite
links-new-feed = Neuer Kalenderlink (QR zum Drucken)
field-message_language = Sprache ihrer Nachrichten und Seite, wenn es keine der vier ist
message-language-hint = Ein Code wie ar, ti, tr oder prs; leer: ihre bevorzugte Sprache. Ohne Texte in dieser Sprache erhält sie Piktogramme.
error-invalid-language = Gib einen Sprachcode mit zwei oder drei Buchstaben an, z. B. ar.
links-made = erstellt am
links-until = gültig bis
links-used = zuletzt benutzt
links-created-page = Link zu ihrer Seite
links-created-feed = Link zu ihrem Kalender
links-sent = Der Link ist unterwegs an ihr Telefon oder ihre E-Mail.
links-not-sent = Nicht gesendet: Sie hat keinem Kanal für Nachrichten zugestimmt. Drucke den QR-Code für sie aus.
links-once = Dieser Link wird nur jetzt angezeigt. Drucke diese Seite oder lass sie den Code scannen; der Link öffnet ohne Passwort, gib ihn also nur ihr.
links-qr-page = Mit der Kamera des Telefons scannen, um ihre Seite zu öffnen.
links-qr-feed = Mit der Kamera des Telefons scannen, um die Sitzungen in den Kalender einzutragen.
links-address = Adresse des Links
links-subscribe = Auf diesem Gerät abonnieren
coded-message-kind-personal_link = Link zu ihrer Seite
coded-message-kind-absence_reported = Abwesenheit gemeldet
coded-message-kind-digest = Tagesübersicht
dashboard-reported-absences = Haben auf ihrer Seite gesagt, dass sie nicht kommen
nav-messages = Nachrichten
saved = Gespeichert.
messages-when-heading = Wann Nachrichten verschickt werden
reminder-offsets-hint = Erinnerungen vor jeder Sitzung, durch Kommas getrennt: 1d@10:00 ist der Vortag um 10:00, 2h ist zwei Stunden vorher. In den Ruhezeiten geht keine Nachricht hinaus; die Tagesübersicht für Mitarbeitende geht täglich zu ihrer Uhrzeit hinaus.
field-reminder_offsets = Erinnerungen
field-quiet_from = Ruhe ab
field-quiet_until = Ruhe bis
field-digest_at = Tagesübersicht für Mitarbeitende um
texts-heading = Texte in weiteren Sprachen
texts-intro = Erinnerungen und ihre eigene Seite gibt es auf Niederländisch, Französisch, Deutsch und Englisch. Für eine weitere Sprache (Arabisch ar, Türkisch tr, Tigrinya ti, Dari prs, Paschtu ps, Somali so, ...) hier die Texte schreiben; Sprachen von rechts nach links werden so angezeigt. Ein leerer Text fällt auf Piktogramme zurück.
texts-count =
    { $count ->
        [one] { $count } Text
       *[other] { $count } Texte
}
texts-open-language = Sprachcode
texts-open = Texte öffnen
text-key-msg-reminder = Erinnerungsnachricht
text-key-msg-moved = Nachricht: Sitzung verschoben
text-key-msg-cancelled = Nachricht: Sitzung abgesagt
text-key-msg-link = Nachricht mit dem Link zu ihrer Seite
text-key-page-hello = Seite: Begrüßung
text-key-page-next = Seite: nächste Treffen
text-key-page-none = Seite: keine Treffen
text-key-page-childcare = Seite: Kinderbetreuung
text-key-page-cancelled = Seite: abgesagt
text-key-page-map = Seite: Karte
text-key-page-cant-come = Seite: ich kann nicht kommen
text-key-page-why = Seite: warum?
text-key-page-reported = Seite: du hast abgesagt
text-key-page-thanks = Seite: danke
text-key-page-read-aloud = Seite: vorlesen
text-key-page-calendar = Seite: in den Kalender meines Telefons
text-key-page-back = Seite: zurück
error-invalid-offsets = Gib Zeitpunkte wie 1d@10:00,2h an (höchstens sechs; Tage 1 bis 14, Stunden 1 bis 72).
error-unknown-placeholder = Dieser Text verwendet einen Platzhalter, der nicht gefüllt werden kann; nur die angezeigten verwenden.
error-invalid = Dieser Wert ist nicht gültig.
account-feed-heading = Mein Kalender auf meinem Telefon
account-feed-intro = Ein privater Link trägt die Sitzungen, die du leitest, und die geplanten Kontakte in den Kalender deines Telefons ein (nur Vornamen). Wer den Link hat, sieht sie: sperre ihn, wenn er verloren geht.
account-feed-active = Dein Kalenderlink funktioniert seit
account-feed-new = Neuer Kalenderlink
account-feed-stop = Meinen Kalenderlink sperren
links-created-staff = Link zu deinem Kalender
links-qr-staff = Mit der Kamera deines Telefons scannen, um deine Sitzungen und Kontakte in den Kalender einzutragen.
links-back-page = Zurück zur Akte
links-back-feed = Zurück zur Akte
links-back-staff = Zurück zu meinem Konto
account-digest-heading = Tagesübersicht per E-Mail
account-digest-on = Jeden Morgen erhältst du eine kurze E-Mail mit dem, was deine Aufmerksamkeit braucht: nachzuverfolgende Abwesenheiten, überfällige Auswertungen, nicht zugestellte Nachrichten, neue Aufnahmen (nur Zahlen, keine Namen).
account-digest-off = Du erhältst keine Tagesübersicht.
account-digest-stop = Tagesübersicht abbestellen
account-digest-start = Tagesübersicht erhalten
session-delivery-heading = Nachrichten zu dieser Sitzung
session-delivery-to = An
page-reason-sick_child = Mein Kind ist krank
page-reason-own_health = Ich bin krank
page-reason-appointment = Ein Termin
page-reason-work_or_training = Arbeit oder ein Kurs
page-reason-transport = Keine Fahrmöglichkeit
page-reason-no_childcare = Niemand passt auf meine Kinder auf
page-reason-other = Etwas anderes
text-key-page-reason-sick_child = Seite: Grund, mein Kind ist krank
text-key-page-reason-own_health = Seite: Grund, ich bin krank
text-key-page-reason-appointment = Seite: Grund, ein Termin
text-key-page-reason-work_or_training = Seite: Grund, Arbeit oder ein Kurs
text-key-page-reason-transport = Seite: Grund, keine Fahrmöglichkeit
text-key-page-reason-no_childcare = Seite: Grund, niemand passt auf meine Kinder auf
text-key-page-reason-other = Seite: Grund, etwas anderes
plan-calendar-qr = 📲 Scanne das mit der Kamera deines Telefons: deine Gruppentreffen kommen in deinen Kalender.
plan-print-with-calendar = QR-Code für den Kalender ihres Telefons hinzufügen (ein neuer Kalenderlink)
nav-outcomes = Ergebnisse
nav-instruments = Fragebögen
back-to-file = Zurück zur Akte
back-to-programme = Zurück zum Programm
answer-yes = Ja
answer-no = Nein
error-not-a-number = Geben Sie eine ganze Zahl ein.
field-group = Gruppe
field-instrument = Fragebogen
field-trajectory = Begleitung
field-moment = Zeitpunkt
field-respondent = Beantwortet von
field-before = Vorher
field-after = Nachher
field-from = Von
field-to = Bis
field-definition = Definition (JSON)
field-shared = Mit den anderen Organisationen auf diesem Server teilen
field-quote = Ihre Worte
field-period_from = Zeitraum von
field-period_to = Zeitraum bis
field-scope = Sie ist einverstanden, dass ihre Worte gelesen werden
field-anonymised = Ohne ihren Namen
field-consent_on = Einwilligung gegeben am
coded-moment-intake = Aufnahme
coded-moment-midway = Halbzeit
coded-moment-end = Ende
coded-moment-after_6_months = 6 Monate nach Abschluss
coded-moment-after_12_months = 12 Monate nach Abschluss
coded-moment-extra = Anderer Zeitpunkt
coded-respondent-participant = Sie selbst
coded-respondent-staff = Ihre Fallbegleiterin
coded-answer-channel-page = auf ihrer Seite
coded-answer-channel-kiosk = am Tablet
coded-answer-channel-paper = auf Papier
coded-answer-channel-staff = von Mitarbeitenden eingeschätzt
coded-scope-internal = Nur von unseren Mitarbeitenden
coded-scope-funders = Auch in Berichten an Geldgeber
coded-scope-public = Auch öffentlich
outcomes-urgency-soon = bald
outcomes-urgency-due = fällig
outcomes-urgency-overdue = überfällig
outcomes-link = Ergebnisse und Fragebögen
outcomes-person-title = Ergebnisse
outcomes-due-heading = Zu erheben
outcomes-due-none = Zurzeit ist nichts fällig.
outcomes-open-count =
    { $count ->
        [one] Ein Fragebogen ist begonnen und noch nicht abgegeben.
       *[other] { $count } Fragebögen sind begonnen und noch nicht abgegeben.
}
outcomes-type-in = Eingeben
outcomes-type-in-other = Einen anderen Fragebogen eingeben
outcomes-results-heading = Ihre Antworten im Verlauf
outcomes-none-yet = Es wurde noch kein Fragebogen abgegeben.
outcomes-anonymous-hint = Anonym: Ihre Antworten werden getrennt von ihrem Namen gespeichert; sichtbar ist nur, dass sie geantwortet hat.
outcomes-radar-title = { $name }: Lebensbereiche bei der ersten und der letzten Messung
outcomes-radar-table-hint = Die Tabelle unten enthält dieselben Werte.
outcomes-domain-wellbeing = Wohlbefinden
outcomes-question = Frage
outcomes-enter-title = Antworten eingeben
outcomes-back = Zurück zu ihren Ergebnissen
outcomes-already-complete = Dieser Fragebogen wurde für diesen Zeitpunkt bereits abgegeben; nichts wurde geändert.
outcomes-all-groups = Alle Gruppen
outcomes-show = Anzeigen
outcomes-rates-heading = Wer geantwortet hat
outcomes-expected = Haben diesen Zeitpunkt erreicht
outcomes-answered = Haben geantwortet
outcomes-rate = Rücklaufquote
outcomes-headline = { $progressed } von { $count } Teilnehmenden ({ $share } %) haben sich in mindestens zwei Lebensbereichen verbessert.
outcomes-change-heading = Durchschnittliche Veränderung je Frage
outcomes-pairs = Vorher und nachher
outcomes-change = Veränderung
outcomes-improved = Besser
outcomes-same = Gleich
outcomes-worse = Schlechter
outcomes-no-pairs = Noch niemand hat Antworten zu beiden Zeitpunkten.
outcomes-spread-heading = Verteilung der Antworten
outcomes-answer = Antwort
outcomes-count = Anzahl
outcomes-anonymous-responses =
    { $count ->
        [one] Eine anonyme Antwort.
       *[other] { $count } anonyme Antworten.
}
outcomes-anonymous-too-few = Weniger als fünf Antworten: nicht angezeigt, damit niemandes Antwort erkennbar ist.
outcomes-words-heading = In ihren eigenen Worten
dashboard-measurements-due = Zu erhebende Fragebögen
instruments-title = Fragebögen
instrument-name = Name
instrument-version = Version
instrument-source = Herkunft
instrument-items = Fragen
instrument-paper = Papierformular
instrument-paper-in = Papierformular auf { $language }
instrument-adapt = Anpassen
instrument-anonymous = anonym
instrument-source-built-in = traject
instrument-source-own = Eigener
instrument-source-shared = Von einer anderen Organisation geteilt
instrument-new-heading = Einen Fragebogen hinzufügen oder anpassen
instrument-new-hint = Fügen Sie den Fragebogen als JSON ein, in der Form der traject-eigenen. Speichern unter einem vorhandenen Schlüssel erzeugt eine neue Version: Antworten aus älteren Versionen bleiben lesbar. Schlüssel, die mit traject- beginnen, gehören zu den Fragebögen von traject; geben Sie einer angepassten Kopie einen eigenen Schlüssel.
instrument-error-reserved = Schlüssel, die mit traject- beginnen, sind den Fragebögen von traject vorbehalten: wählen Sie einen eigenen Schlüssel.
instrument-error-format = Dies ist kein Fragebogen in der JSON-Form von traject.
instrument-error-incomplete = Ein Fragebogen braucht einen Schlüssel, einen Namen und mindestens eine Frage.
instrument-error-duplicate = Zwei Fragen haben denselben Schlüssel.
instrument-error-no-text = Eine Frage hat keinen Text auf Niederländisch, Französisch, Deutsch oder Englisch.
instrument-error-range = Eine Skala oder Zahl hat einen leeren Bereich oder Stufen außerhalb.
instrument-error-options = Eine Auswahl braucht Optionen mit verschiedenen Schlüsseln (ohne Kommas) und Texten.
paper-name = Name:
paper-date = Datum:
paper-hint = Kreuzen Sie je Frage ein Kästchen an (mehrere, wo die Frage es sagt).
paper-print-hint = Drucken Sie diese Seite; geben Sie die Antworten später auf ihrer Ergebnisseite ein.
measurements-plan-title = Fragebögen des Programms
measurements-plan-link = Welche Fragebögen, wann
measurements-plan-hint = Kreuzen Sie an, wann jeder Fragebogen erhoben wird. Fällige Fragebögen erscheinen zwei Wochen vorher auf dem Dashboard der Fallbegleitung; was sie selbst beantwortet, auch auf ihrer eigenen Seite.
kiosk-heading = Fragebogen auf einem gemeinsamen Tablet
kiosk-hint = Die Teilnehmenden antworten nacheinander auf einem Tablet, auf dem niemand angemeldet ist; niemand sieht die Antworten anderer, und nichts bleibt auf dem Tablet.
kiosk-start-button = Tablet starten
kiosk-started-title = Das Tablet ist bereit
kiosk-started-text = Öffnen Sie diesen Link auf dem Tablet (scannen Sie den Code mit der Kamera). Er funktioniert heute, bis Sie ihn schließen.
kiosk-started-hint = Der Link wird nur jetzt angezeigt. Öffnen Sie ihn nicht in einem Browser, in dem Sie angemeldet sind.
kiosk-qr-caption = Scannen, um den Fragebogen auf dem Tablet zu öffnen
kiosk-close = Tablet schließen
kiosk-back-to-session = Zurück zur Sitzung
kiosk-who = Wer bist du? Tippe auf deinen Namen
kiosk-start = Beginnen
kiosk-language = Sprache
kiosk-thanks = Danke! Gib das Tablet der nächsten Person.
kiosk-next-person = Nächste Person
kiosk-already-answered = Du hast das schon beantwortet. Danke!
page-questions = Fragen für dich
page-answer-start = Antworten
page-progress = Frage
page-next-question = Weiter
page-skip = Überspringen
page-finish-title = Das war die letzte Frage
page-finish = Meine Antworten senden
page-answers-thanks = Danke für deine Antworten!
testimonials-title = Erfahrungsberichte
testimonials-none = Keine Erfahrungsberichte.
testimonials-audience = Anzeigen für
testimonials-for-internal = Unsere Mitarbeitenden
testimonials-for-funders = Einen Bericht an Geldgeber
testimonials-for-public = Die Öffentlichkeit
testimonials-hint-internal = Jeder nicht zurückgezogene Bericht, mit seiner Urheberin.
testimonials-hint-funders = Nur die Worte, die sie mit Geldgebern oder öffentlich teilen wollte; nur ihr Vorname oder kein Name.
testimonials-hint-public = Nur die Worte, die sie öffentlich machen wollte; nur ihr Vorname oder kein Name.
testimonial-anonymised = ohne Namen
testimonial-withdraw = Sie zieht ihn zurück
testimonial-add = Ihre Worte festhalten
testimonial-open-file = ihre Ergebnisse
msg-questions = Hallo { $name }! 📝 Auf deiner Seite warten ein paar Fragen auf dich. Öffne den Link, den du von uns bekommen hast.
msg-questions-subject = 📝 Fragen für dich
text-key-msg-questions = Nachricht: Fragen warten auf ihrer Seite
coded-message-kind-questions_waiting = Fragen warten auf ihrer Seite
nav-network = Netzwerk
nav-signals-pooled = Signale (alle Organisationen)
network-title = Bereiche des Netzwerks
network-partners = Soziale Landkarte
network-signals = Signale
network-meetings = Besprechungen
network-learning = Intervision und Fortbildung
back = Zurück
partner-new = Neuer Partner
partner-edit = Partner ändern
partner-search = Suchen
partner-save = Partner speichern
partner-shared = Mit den anderen Organisationen auf diesem Server teilen (eine Karte für die Stadt)
partner-shared-by-other = Von einer anderen Organisation geteilt
partner-stale = Seit einem Jahr nicht geprüft
partner-stale-hint = Niemand hat diese Angaben seit zwölf Monaten geprüft. Rufen Sie den Partner an und markieren Sie sie als geprüft.
partner-verify = Die Angaben stimmen noch
partner-verified-on = Zuletzt geprüft
partner-own-note = Eigene Notiz
partner-own-note-hint = Nur Ihre Organisation sieht diese Notiz.
partner-save-note = Notiz speichern
partner-contacts-hint = Eine Kontaktperson pro Zeile: Name; Funktion; Telefon; E-Mail
partner-waiting-unknown = Wartezeit unbekannt
partner-waiting-days =
    { $count ->
        [one] Wartezeit etwa { $count } Tag
       *[other] Wartezeit etwa { $count } Tage
}
partner-found =
    { $count ->
        [one] { $count } Partner gefunden
       *[other] { $count } Partner gefunden
}
field-service = Dienst
field-target_groups = Zielgruppen
field-how_to_refer = Wie vermitteln
field-website = Website
field-accessibility = Barrierefreiheit
field-opening_hours = Öffnungszeiten
field-waiting_days = Wartezeit in Tagen (zuletzt bekannt)
field-contacts = Kontaktpersonen
field-note = Notiz
field-domain = Lebensbereich
field-partner_id = Partner
field-reason = Warum
field-happened_on = Am
field-chat = Chatgruppe
field-joined_on = Beigetreten am
field-category = Art des Hindernisses
field-concerns = Betroffene Einrichtung oder Regel
field-affected = Anzahl betroffener Teilnehmerinnen (mindestens die angekreuzten)
field-noted_on = Festgestellt am
field-raised_with = Angesprochen bei
field-raised_on = Angesprochen am
field-answer = Antwort
field-answered_on = Beantwortet am
field-resolved_on = Gelöst am
field-participant_ids = Betroffene Teilnehmerinnen (nur innerhalb der Organisation)
field-meeting_kind = Art der Besprechung
field-agenda = Tagesordnung
field-group_id = Zu besprechende Gruppe
field-staff_ids = Anwesende Mitarbeitende
field-partner_ids = Anwesende Partner
field-others = Weitere Anwesende (eine Person pro Zeile)
field-attendees = Anwesend
field-decision = Beschluss
field-owner_id = Wer
field-learning_kind = Art
field-hours = Stunden (z. B. 1,5)
field-topic = Thema
field-with_whom = Mit wem
field-user_ids = Für wen
coded-referral-status-proposed = Vorgeschlagen
coded-referral-status-sent = Gesendet
coded-referral-status-accepted = Angenommen
coded-referral-status-waiting_list = Auf der Warteliste
coded-referral-status-first_appointment = Erster Termin stattgefunden
coded-referral-status-done = Abgeschlossen
coded-referral-status-refused = Abgelehnt
coded-referral-status-not_pursued = Nicht weiterverfolgt
coded-signal-waiting_list = Warteliste
coded-signal-unreachable = Dienst unerreichbar oder unzugänglich
coded-signal-rule_or_gap = Regel oder Gesetzeslücke
coded-signal-cost = Kosten
coded-signal-language_barrier = Sprachbarriere
coded-signal-discrimination = Diskriminierung
coded-signal-other = Sonstiges
coded-signal-status-noted = Festgestellt
coded-signal-status-raised = Angesprochen
coded-signal-status-answered = Beantwortet
coded-signal-status-resolved = Gelöst
coded-meeting-team = Teambesprechung
coded-meeting-steering = Steuerungsgruppe
coded-meeting-partner = Partnertreffen
coded-learning-intervision = Intervision
coded-learning-supervision = Supervision
coded-learning-training = Fortbildung
coded-mode-team_review = Teambesprechung
error-personal-data = Lassen Sie Namen, Telefonnummern und Adressen weg: Ein Signal enthält keine personenbezogenen Daten.
error-no-consent = Sie hat dem nicht zugestimmt. Erfassen Sie zuerst ihre Einwilligung.
error-invalid-contacts = Geben Sie jeder Kontaktperson einen Namen, eine pro Zeile (höchstens 20).
referrals-link = Vermittlungen und Nachsorge
referrals-title = Vermittlungen
referrals-list = Ihre Vermittlungen
referral-new = Neue Vermittlung
referral-filter-partners = Partner dieses Bereichs zeigen
referral-from-plan = Aus einem Schritt ihres Plans.
referral-from-journal = Aus einem Journaleintrag.
referral-from-step = Vermitteln
referral-from-entry = Aus diesem Kontakt vermitteln
referral-no-partners = Noch kein Partner für diesen Bereich auf der Karte.
referral-sent-now = Bereits an den Partner gesendet
referral-save = Vermittlung speichern
referral-update = Festhalten, was geschah
referral-follow-up = Nachfassen
referral-share = Ihre Angaben mit { $partner } teilen
referral-no-consent = Sie hat nicht zugestimmt, ihre Daten mit { $partner } zu teilen. Es wurde nichts geteilt.
referral-shared-title = Ihre Angaben für den Partner
referral-shared-with = Mit ihrer Einwilligung mit { $partner } geteilt; das ist in ihrer Akte vermerkt.
referral-waited =
    { $count ->
        [one] { $count } Tag gewartet
       *[other] { $count } Tage gewartet
}
referral-shared-times =
    { $count ->
        [one] Ihre Daten wurden { $count } Mal geteilt.
       *[other] Ihre Daten wurden { $count } Mal geteilt.
}
aftercare-chats = Chatgruppen der Nachsorge
aftercare-chats-hint = traject betreibt den Chat nicht; es hält fest, dass sie dabei ist, mit ihrer Einwilligung zu WhatsApp-Kontakt. Die Nachsorge zu verlassen ist ihre Entscheidung.
aftercare-chat-join = Mitgliedschaft erfassen
aftercare-chat-left = Sie ist ausgetreten
signal-new = Neues Signal
signal-edit = Signal
signal-save = Signal speichern
signal-no-personal-data = Beschreiben Sie das Hindernis, nicht die Person: keine Namen, Nummern oder Adressen.
signal-linked-hint = Nur innerhalb Ihrer Organisation verknüpft; außerhalb zählt nur die Anzahl.
signals-hint = Hindernisse, denen viele Frauen begegnen, gezählt statt erzählt.
signals-export = Übersicht für die Steuerungsgruppe herunterladen (CSV)
signals-pooled = Signale aller Organisationen
signals-pooled-hint = Anzahlen nach Art und Lebensbereich; keine Person, keine Organisation.
signals-count = Signale
signals-organisations = Organisationen
signal-affected =
    { $count ->
        [one] { $count } Teilnehmerin betroffen
       *[other] { $count } Teilnehmerinnen betroffen
}
meeting-new = Neue Besprechung
meeting-save = Besprechung speichern
meeting-decisions = Beschlüsse
meeting-add-decision = Beschluss hinzufügen
meeting-partner = Partner
meeting-group-hint = Eine Teambesprechung kann die Teilnehmerinnen einer Gruppe einzeln durchgehen.
meeting-review = Die Gruppe durchgehen
meeting-review-hint = Die Notiz kommt in ihr Journal; wer ihre Akte lesen darf, sieht sie.
meeting-review-note = Notiz für ihr Journal
meeting-review-file = In ihr Journal eintragen
meeting-review-update = Notiz ändern
meeting-review-not-yours = Keine Ihrer Teilnehmerinnen.
meeting-open-decisions =
    { $count ->
        [one] { $count } offener Beschluss
       *[other] { $count } offene Beschlüsse
}
review-attendance = { $count } % anwesend
review-open-steps =
    { $count ->
        [one] { $count } offener Schritt
       *[other] { $count } offene Schritte
}
decision-done = erledigt
decision-mark-done = Erledigt
learning-new = Intervision, Supervision oder Fortbildung erfassen
learning-save = Speichern
learning-for-team-hint = Kreuzen Sie mehrere Personen an, um eine Sitzung für alle zu erfassen; keine: für Sie selbst.
learning-overdue = Intervision überfällig
learning-due-since = fällig seit
learning-log = Protokoll
learning-total = Gesamt
learning-rhythms = Intervisionsrhythmus pro Programm
learning-rhythms-hint = Alle wie viele Wochen (Miriam: 6); leer: kein Rhythmus.
learning-set-rhythm = Festlegen
learning-hours-in = Stunden im Jahr { $count }
dashboard-decisions = Beschlüsse aus Besprechungen für Sie
dashboard-referral-follow-ups = Nachzufassende Vermittlungen
dashboard-stale-partners = Soziale Landkarte
dashboard-stale-partners-count =
    { $count ->
        [one] { $count } Partner seit einem Jahr nicht geprüft
       *[other] { $count } Partner seit einem Jahr nicht geprüft
}
field-speaks = Spricht
referral-follow-up-setting = Vermittlungen nachfassen
field-follow_up_days = Nach so vielen Tagen ohne Änderung zum Nachfassen auffordern
reports-title = Berichte für Geldgeber
reports-show = Anzeigen
reports-entrants-hint = Teilnehmende, die in diesem Zeitraum ins Programm eingetreten sind, jede einmal gezählt
reports-code = Code
reports-indicator = Indikator und wie er gezählt wird
reports-count = Teilnehmende
reports-counted = Gezählt
field-set = Indikatorensatz
field-year = Jahr
indicator-and = und
indicator-or = oder
indicator-not = nicht
indicator-everyone = alle Teilnehmenden
indicator-complete-only = nur Teilnehmende, deren Pflichtangaben vollständig sind
indicator-fact-gender = Geschlecht
indicator-fact-age_at_entry = Alter beim Eintritt
indicator-fact-labour_status = Erwerbsstatus
indicator-fact-education = Bildungsstand
indicator-fact-disability = Behinderung
indicator-fact-minority = Minderheit
indicator-fact-third_country = Drittstaatsangehörige
indicator-fact-foreign_background = ausländische Herkunft
indicator-fact-homeless = obdachlos oder vom Wohnungsmarkt ausgegrenzt
reports-export-csv = Diese Zahlen herunterladen (CSV)
reports-definition = Wie gezählt wird
indicator-unknown = unbekannt
indicator-sum = Summe von
reports-hours = Std.
reports-figure = Zahl
reports-breakdown = Aufschlüsselung
reports-all-programmes = Alle Programme
indicator-unit-entrants = Teilnehmende, die im Zeitraum ins Programm eingetreten sind, jede einmal
indicator-unit-participants = Teilnehmende, die im Zeitraum irgendwann im Programm waren, jede einmal
indicator-unit-leavers = Teilnehmende, die das Programm im Zeitraum verlassen haben, jede einmal
indicator-unit-sessions = im Zeitraum geplante Gruppensitzungen
indicator-unit-attendances = Anwesenheitseinträge bei im Zeitraum abgehaltenen Sitzungen
indicator-unit-children = Kinder in Betreuung oder Kindergruppe während der Anwesenheit der Mutter, jedes einmal
indicator-unit-intakes = im Zeitraum entschiedene Aufnahmegespräche
indicator-unit-referrals = im Zeitraum erfolgte Vermittlungen an Partner
indicator-unit-signals = im Zeitraum notierte Meldungen zu Teilnehmenden des Programms
indicator-unit-evaluations = im Zeitraum abgehaltene Planauswertungen
indicator-unit-responses = im Zeitraum gegebene anonyme Zufriedenheitsantworten
indicator-unit-costs = im Zeitraum gebuchte Kosten
indicator-care-childcare = Kinderbetreuung (unter 7)
indicator-care-childrens_group = Kindergruppe (ab 7)
coded-line-facilitation_childcare = Leitung und Aufsicht der Kinderbetreuung
coded-line-pedagogical_material = Pädagogisches Material
coded-line-children_activities_care = Aktivitäten und Pflegematerial für Kinder
coded-line-communication_promotion = Kommunikation und Werbung
coded-line-catering = Verpflegung
coded-line-staff_transport = Fahrtkosten des Personals
coded-line-information_documents = Informationsunterlagen
coded-line-interpreting_translation = Dolmetschen und Übersetzen
coded-line-technical_equipment = Technische Ausstattung
coded-line-insurance = Versicherung
coded-line-staff = Personal
coded-line-outings = Ausflüge
coded-line-rent = Miete
coded-line-overhead = Gemeinkosten
coded-strand-social_participation = Förderung der gesellschaftlichen Teilhabe
coded-strand-collective_modules = Kollektive Module
coded-strand-child_poverty = Bekämpfung der Kinderarmut
coded-strand-esf_common_indicators = Gemeinsame ESF+-Indikatoren
coded-strand-amif_indicators = AMIF-Indikatoren
indicator-fact-strands = Berichtsbereich
indicator-fact-sessions_attended = besuchte Sitzungen
indicator-fact-language_course = in einem Sprachkurs
indicator-fact-civic_orientation = in einer Orientierungssitzung
indicator-fact-personal_guidance = erhielt persönliche Begleitung
indicator-fact-language_levels_gained = gewonnene Sprachniveaus (GER)
indicator-fact-domains_progressed = Lebensbereiche mit Fortschritt
indicator-fact-ending = wie es endete
indicator-fact-stop_reason = Grund des Abbruchs
indicator-fact-exit_education = in Bildung bei Austritt
indicator-fact-exit_qualification = Qualifizierung bei Austritt
indicator-fact-exit_employed = in Beschäftigung bei Austritt
indicator-fact-exit_job_searching = arbeitsuchend bei Austritt
indicator-fact-session_kind = Art der Sitzung
indicator-fact-cancelled = abgesagt
indicator-fact-minutes = Stunden
indicator-fact-mark = Anwesenheit
indicator-fact-excuse_reason = Grund der Abwesenheit
indicator-fact-care = Betreuung
indicator-fact-intake_outcome = Ergebnis des Aufnahmegesprächs
indicator-fact-referral_status = Stand der Vermittlung
indicator-fact-signal_category = Art der Meldung
indicator-fact-on_time = rechtzeitig
indicator-fact-helpful = hilfreich für die Integration
indicator-fact-cost_line = Budgetposten
indicator-fact-staff_cost = Personalkosten
indicator-fact-cents = Betrag
reports-download = Herunterladen
reports-chart-attendance = Anwesenheit im Jahresverlauf
reports-chart-attendance-rate = Anwesenheitsquote
reports-chart-domains = Fortschritt in den Lebensbereichen
reports-chart-measured-twice = zweimal gemessen
reports-chart-progressed = mit Fortschritt
reports-chart-label = Bezeichnung
reports-chart-table = Zahlen des Diagramms
reports-version = Version
reports-organisation = Organisation
reports-period = Zeitraum
reports-made-on = Erstellt am

## Application
app-name = traject
app-tagline = Trajets d'accompagnement pour les CPAS et leurs partenaires
skip-to-content = Aller au contenu
main-navigation = Navigation principale
language-switcher = Langue
language-switch-button = Changer de langue
language-name-nl = Nederlands
language-name-fr = Français
language-name-de = Deutsch
language-name-en = English
footer-accessibility = Déclaration d'accessibilité
footer-version = traject version { $version }
demo-warning = Démo : toutes les personnes et données sont fictives. N'encodez jamais de vraies données personnelles.

## Navigation
nav-home = Accueil
nav-login = Se connecter
nav-logout = Se déconnecter
nav-dashboard = Tableau de bord
nav-participants = Participantes
nav-groups = Groupes
nav-programmes = Programmes
nav-reports = Rapports
nav-users = Utilisateurs
nav-sessions = Sessions
nav-audit = Journal d'audit
nav-account = Mon compte

## Roles
# Job titles take the form the person chose ($gender: feminine, masculine or
# other = a neutral function name).
role-administrator = { $gender ->
    [feminine] Administratrice
    [masculine] Administrateur
   *[other] Administration
}
role-coordinator = { $gender ->
    [feminine] Coordinatrice
    [masculine] Coordinateur
   *[other] Coordination
}
role-casemanager = Case manager
role-facilitator = { $gender ->
    [feminine] Animatrice de groupe
    [masculine] Animateur de groupe
   *[other] Animation de groupe
}
role-analyst = Analyste

## Home
home-title = Bienvenue dans traject
home-intro = traject aide les CPAS à mener leurs trajets d'accompagnement : accueil, suivi individuel, séances de groupe, garde d'enfants, résultats et rapports demandés par les financeurs.
home-login-prompt = Connectez-vous avec votre compte professionnel pour continuer.
home-programmes-heading = Programmes dans traject
home-today = Nous sommes le { $date }.
participants-count = { $count ->
    [one] { $count } participante
   *[other] { $count } participantes
}

## Programme kinds
programme-kind-confidence_workshop = Atelier confiance en soi
programme-kind-conversation_workshops = Ateliers de parole pour mères
programme-kind-key_to_work = Clé vers l'emploi ou la formation
programme-kind-social_activation = Activation sociale des primo-arrivants
programme-kind-miriam = Case management Miriam

## Accessibility statement
a11y-title = Déclaration d'accessibilité
a11y-intro = Les organisations qui utilisent traject veulent que chacun puisse l'utiliser, quels que soient ses capacités ou son appareil.
a11y-standard-heading = Norme
a11y-standard = traject vise la conformité aux Règles pour l'accessibilité des contenus Web (WCAG) 2.1 niveau AA, comme l'exige la norme européenne EN 301 549 pour les sites et applications du secteur public.
a11y-status-heading = État de conformité
a11y-status = traject est partiellement conforme : avant chaque version, chaque page est contrôlée automatiquement dans un vrai navigateur selon les critères WCAG 2.1 A et AA. Les contrôles automatiques ne trouvent pas tout ; nous testons aussi l'usage au clavier seul et sur petits écrans.
a11y-known-heading = Limites connues
a11y-known = Aucune connue à ce jour. Signalez-nous tout obstacle rencontré.
a11y-contact-heading = Retour d'information et contact
a11y-contact = Si vous ne pouvez pas utiliser une partie de traject, contactez le délégué à la protection des données ou le service d'assistance de votre organisation. Nous répondons dans les 15 jours ouvrables.
a11y-contact-address = Contact pour l'accessibilité : { $contact }
a11y-enforcement-heading = Voies de recours
a11y-enforcement = Si notre réponse ne vous satisfait pas, vous pouvez vous adresser au médiateur de votre région ou communauté.
a11y-prepared = Cette déclaration a été revue pour la dernière fois le { $date }.

## Errors
error-not-found-title = Page introuvable
error-not-found-text = La page demandée n'existe pas ou a été déplacée.
error-internal-title = Un problème est survenu
error-internal-text = Rien n'a été modifié. Veuillez réessayer ; si cela se reproduit, communiquez la référence ci-dessous à votre service d'assistance.
error-reference = Référence : { $id }
error-back-home = Retour à l'accueil
form-error-summary = Veuillez corriger ce qui suit :

## Dates
date-long = { $day } { $month } { $year }
datetime-long = { $date }, { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche

## Login and staff pages
login-title = Se connecter
login-failed = L'adresse e-mail ou le nom d'utilisateur et le mot de passe ne correspondent à aucun compte actif. Vérifiez-les et réessayez.
login-field-login = Adresse e-mail ou nom d'utilisateur
login-field-password = Mot de passe
login-submit = Se connecter
dashboard-welcome = Bienvenue, { $name }
dashboard-caseload = { $count ->
    [one] Vous suivez { $count } participante.
   *[other] Vous suivez { $count } participantes.
}
participants-empty = Aucune participante à afficher.
col-name = Nom
col-language = Langue
col-email = Adresse e-mail
col-role = Rôle
col-status = Statut
col-address = Adresse réseau
col-actions = Actions
col-programme = Programme
col-referred = Orientée le
participant-birth-date = Date de naissance
participant-children = Enfants
participant-trajectories = Trajets
participant-who-read = Qui a ouvert ce dossier ?
age-years = { $count ->
    [one] { $count } an
   *[other] { $count } ans
}
status-referred = Orientée
status-intake = Accueil
status-active = En cours
status-completed = Terminé
status-waiting_list = Liste d'attente
status-aftercare = Suivi après programme
status-stopped = Arrêté
status-not_admitted = Non admise
users-added = Le compte a été ajouté.
users-active = Actif
users-disabled = Désactivé
users-disable = Désactiver { $name }
users-enable = Réactiver { $name }
users-add-heading = Ajouter un membre du personnel
users-field-name = Nom complet
users-field-email = Adresse e-mail
users-field-role = Rôle
users-field-password = Premier mot de passe
users-password-hint = Au moins 12 caractères et difficile à deviner ; quelques mots sans rapport conviennent bien.
users-add-submit = Ajouter le compte
error-required = Ce champ est obligatoire.
error-email = Indiquez une adresse e-mail comme nom@cpas.example.
error-email-taken = Un compte avec cette adresse e-mail existe déjà.
error-password-short = Le mot de passe doit compter au moins 12 caractères.
error-password-long = Le mot de passe peut compter au plus 128 caractères.
error-password-weak = Ce mot de passe est trop facile à deviner. Choisissez-en un plus long ou quelques mots sans rapport.
sessions-empty = Personne n'est connecté.
sessions-started = Connexion
sessions-last-seen = Dernière activité
sessions-end = Mettre fin à la session de { $name }
audit-filter-subject = Identifiant du dossier
audit-filter-action = Action
audit-filter-submit = Filtrer
audit-empty = Aucune entrée ne correspond.
audit-col-time = Moment
audit-col-actor = Qui
audit-col-action = Quoi
audit-col-subject = Dossier
audit-outcome-success = Effectué
audit-outcome-failure = Échec
audit-outcome-denied = Refusé
error-forbidden-title = Accès refusé
error-forbidden-text = Votre rôle ne donne pas accès à cette page. La tentative a été enregistrée.
error-too-many-title = Trop de tentatives
error-too-many-text = Trop de tentatives sont venues de cette adresse réseau. Attendez quelques minutes et réessayez.

## Account, two-step verification, tokens
account-totp-heading = Vérification en deux étapes
account-totp-on = La vérification en deux étapes est active : après votre mot de passe, traject demande un code de votre application d'authentification.
account-totp-off = La vérification en deux étapes est désactivée. Activez-la pour protéger les dossiers que vous traitez, même si votre mot de passe fuite.
account-totp-start = Configurer la vérification en deux étapes
account-totp-disable = Désactiver la vérification en deux étapes
account-totp-required-note = Votre organisation impose la vérification en deux étapes à tout le personnel.
account-recovery-left = { $count ->
    [one] Il vous reste { $count } code de secours inutilisé.
   *[other] Il vous reste { $count } codes de secours inutilisés.
}
org-require-totp-heading = Vérification en deux étapes pour toute l'organisation
org-require-totp-on = Tout le personnel doit utiliser la vérification en deux étapes.
org-require-totp-off = Chacun choisit d'utiliser ou non la vérification en deux étapes.
org-require-totp-enable = L'imposer à tout le personnel
org-require-totp-disable = Ne plus l'imposer
account-tokens-heading = Jetons d'API personnels
account-tokens-intro = Un jeton permet à un programme d'agir avec vos droits via l'API de traject. Qui le détient peut faire ce que vous pouvez faire : gardez-le secret et révoquez-le quand il ne sert plus.
account-tokens-empty = Vous n'avez aucun jeton.
account-token-name = Nom du nouveau jeton
account-token-default-name = Jeton d'API
account-token-create = Créer un jeton
account-token-created = Créé
account-token-last-used = Dernière utilisation
account-token-never = Jamais
account-token-revoked = Révoqué
account-token-revoke = Révoquer { $name }
token-created-title = Votre nouveau jeton
token-created-text = Copiez le jeton « { $name } » maintenant : il n'est affiché qu'une seule fois.
totp-setup-title = Configurer la vérification en deux étapes
totp-setup-step-app = Installez une application d'authentification sur votre téléphone, par exemple celle que recommande votre organisation.
totp-setup-step-secret = Ajoutez un compte dans l'application : scannez le code QR avec votre téléphone, ouvrez le lien ci-dessous sur votre téléphone, ou tapez la clé affichée.
totp-setup-qr = Code QR à scanner avec l'application d'authentification
totp-setup-link = Ouvrir dans l'application d'authentification
totp-setup-step-code = Saisissez le code à six chiffres que l'application affiche.
totp-setup-code = Code à six chiffres
totp-setup-submit = Confirmer
totp-code-wrong = Ce code n'est pas correct. Vérifiez l'heure de votre téléphone et saisissez le code le plus récent.
recovery-title = Vos codes de secours
recovery-text = Conservez ces codes en lieu sûr, loin de votre téléphone. Chacun fonctionne une fois, à la place d'un code de l'application, si vous perdez votre téléphone. Ils ne sont affichés que maintenant.
recovery-continue = Continuer
second-factor-title = Code de vérification
second-factor-text = Saisissez le code de votre application d'authentification, ou l'un de vos codes de secours.
second-factor-code = Code
second-factor-submit = Vérifier
second-factor-failed = Ce code n'est pas correct. Essayez le code le plus récent de l'application.
second-factor-setup-required = Votre organisation impose la vérification en deux étapes. Configurez-la maintenant pour continuer.

## Journal and breaking the glass
participant-journal = Journal
journal-empty = Aucune entrée de journal pour l'instant.
journal-confidential = Confidentiel
journal-withheld = { $count ->
    [one] { $count } entrée confidentielle est réservée au case manager désigné.
   *[other] { $count } entrées confidentielles sont réservées au case manager désigné.
}
break-glass-heading = Lire quand même les entrées confidentielles (accès d'urgence)
break-glass-reason = Motif
break-glass-hint = Au moins 10 caractères. Votre nom et votre motif sont enregistrés et montrés au case manager dans ce dossier.
break-glass-reason-short = Indiquez un motif d'au moins 10 caractères.
break-glass-submit = Afficher les entrées confidentielles
glass-breaks-heading = Des entrées confidentielles ont été ouvertes par une personne non désignée
glass-break-line = { $date } : { $name } a donné comme motif : { $reason }

users-role-of = Rôle de { $name }
users-role-change = Changer le rôle
account-organisations-heading = Vos organisations
account-organisation-current = vous y travaillez maintenant
account-organisation-switch = Travailler dans { $name }

account-password-heading = Mot de passe
account-password-current = Mot de passe actuel
account-password-new = Nouveau mot de passe
account-password-submit = Changer le mot de passe
account-password-changed = Votre mot de passe a été changé. Vous avez été déconnecté partout ailleurs.
error-password-current = Le mot de passe actuel n'est pas correct.

## Account: job title form
title-form-heading = Titre de fonction
title-form-legend = Comment écrire votre titre de fonction ?
title-form-hint = En français et en allemand, les titres de fonction s'écrivent au féminin, au masculin ou sous une forme neutre. En néerlandais et en anglais, rien ne change.
title-form-feminine = Féminin
title-form-masculine = Masculin
title-form-neutral = Neutre
title-form-submit = Enregistrer
title-form-saved = La forme de votre titre de fonction est enregistrée.

## Temporary passwords
error-password-same = Choisissez votre propre mot de passe, pas le mot de passe temporaire.
new-password-title = Choisissez votre mot de passe
new-password-text = Votre connexion utilise un mot de passe temporaire donné par votre administration. Choisissez d'abord votre propre mot de passe ; personne d'autre ne le connaîtra.
new-password-submit = Enregistrer mon mot de passe
users-reset-password = Nouveau mot de passe pour { $name }
users-reset-two-step = Désactiver la vérification en deux étapes pour { $name }
temporary-password-title = Mot de passe temporaire
temporary-password-for = Mot de passe temporaire pour { $name } :
temporary-password-text = Transmettez-le en personne ou par téléphone, jamais par e-mail. Il n'est affiché qu'une fois et reste valable { $days } jours. À sa prochaine connexion, la personne devra choisir son propre mot de passe ; ses sessions ouvertes ont pris fin.
temporary-password-back = Retour à la liste du personnel

## Confirming administrator actions
confirm-cancel = Annuler
confirm-disable-title = Désactiver { $name } ?
confirm-disable-text = { $name } ne pourra plus se connecter et toutes les sessions ouvertes prennent fin maintenant. Vous pourrez réactiver le compte plus tard.
confirm-disable-submit = Désactiver { $name }
confirm-reset-password-title = Un mot de passe temporaire pour { $name } ?
confirm-reset-password-text = Le mot de passe actuel de { $name } ne fonctionnera plus et toutes les sessions ouvertes prennent fin. Vous verrez un mot de passe temporaire à transmettre en personne ; à la prochaine connexion, un nouveau mot de passe devra être choisi.
confirm-reset-password-submit = Donner un mot de passe temporaire
confirm-reset-two-step-title = Désactiver la vérification en deux étapes pour { $name } ?
confirm-reset-two-step-text = Ne le faites que si { $name } a perdu à la fois le téléphone et les codes de récupération, et si vous êtes sûr de savoir qui le demande. Toutes les sessions ouvertes prennent fin ; ensuite, le mot de passe seul suffit jusqu'à la configuration d'une nouvelle deuxième étape.
confirm-reset-two-step-submit = Désactiver la vérification en deux étapes

## Participant file
save = Enregistrer
cancel = Annuler
participant-new = Nouvelle participante
participant-new-lead = Ouvrez un dossier et commencez l'accueil. Les personnes qui ont peut-être déjà un dossier sont affichées avant tout enregistrement.
participant-create = Créer le dossier et commencer l'accueil
participant-edit = Modifier le dossier
form-has-errors = Certains champs sont à corriger. Rien n'a été enregistré.
search-label = Trouver une participante
search-hint = Un nom dans n'importe quelle orthographe, un numéro de téléphone ou un numéro de registre national.
search-submit = Rechercher
search-results = Résultats
pager-label = Pages
pager-previous = Page précédente
pager-next = Page suivante
list-page-of = Page { $page } sur { $pages }
choice-not-given = (non renseigné)
value-not-given = non renseigné
duplicates-heading = Peut-être la même personne
duplicates-text = Ces dossiers correspondent à ce que vous avez saisi. Ouvrez le dossier si c'est elle, ou confirmez qu'il s'agit d'une autre personne.
duplicates-confirm = C'est une autre personne : créer un nouveau dossier
duplicate-reason-national_number = même numéro national
duplicate-reason-phone = même numéro de téléphone
duplicate-reason-email = même adresse e-mail
duplicate-reason-name = nom qui se prononce pareil, date de naissance proche
section-identity = Qui elle est
section-contact = Contact
section-trajectory = Trajet
section-languages = Langues
section-situation = Situation
section-sensitive = Données sensibles
sensitive-hint = Seuls ses casemanagers et coordinateurs voient ces données. Chaque consultation est enregistrée.
section-household = Ménage
section-consents = Consentements
file-sections = Parties du dossier
casemanager-load = { $name } ({ $count } en cours)
casemanager-suggestion-hint = Suggestion : la charge la plus légère. Elle voit le nouvel accueil sur son tableau de bord.
nationality-eu = UE
nationality-non-eu = hors UE
asked-on = demandé le { $date }
conflict-heading = Quelqu'un d'autre a enregistré ce dossier avant vous
conflict-text = Vos modifications sont toujours dans le formulaire ci-dessous, rien n'a été écrasé. Ces champs ont maintenant une autre valeur : { $fields }. Vérifiez-les, puis enregistrez à nouveau.
conflict-see-current = Voir le dossier tel qu'il est maintenant (nouvel onglet)
referred-on = orientée le { $date }
intake-open = Accueil et admissibilité
transition-phase = Passer à
transition-phase-submit = Changer de phase
transition-admit = Admettre depuis la liste d'attente
transition-aftercare = Commencer le suivi après programme
transition-complete = Clôturer comme terminé
transition-stop = Arrêter avant la fin
transition-stop-submit = Arrêter le trajet
assign-submit = Attribuer
trajectory-history = Historique
trajectory-phase-line = { $status } · phase { $number } sur { $count } : { $phase }
phase-number = Phase { $count }
journal-new = Nouveau contact
journal-save = Enregistrer le contact
journal-interpreter = interprète
journal-mediator = médiateur interculturel
journal-next-contact = Prochain : { $date }
minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
child-birth-unknown = date de naissance inconnue
children-none = Aucun enfant dans le dossier.
child-add = Ajouter un enfant
adults-heading = Autres adultes
adults-none = Aucun autre adulte dans le dossier.
adult-add = Ajouter un adulte
consents-none = Aucun consentement enregistré.
consent-add = Enregistrer un consentement
consent-withdraw = Retirer aujourd'hui
consent-given-on = donné le { $date }
consent-withdrawn-on = retiré le { $date }
intake-title = Accueil
intake-conversation = L'entretien d'accueil
intake-needs = Besoins par domaine de vie
intake-decision = Décision
justification-hint = Nécessaire pour admettre une personne qui ne remplit pas chaque règle : pourquoi l'équipe l'admet quand même. C'est enregistré.
eligibility-heading = Conditions d'admission
eligibility-hint = Une réponse inconnue vient d'une donnée absente du dossier.
eligibility-overall-met = Toutes les conditions sont remplies.
eligibility-overall-not_met = Au moins une condition n'est pas remplie.
eligibility-overall-unknown = Certaines conditions ne peuvent pas encore être vérifiées.
verdict-met = Remplie
verdict-not_met = Non remplie
verdict-unknown = Inconnue
waiting-position = Place { $count } sur la liste d'attente
field-first_name = Prénom
field-last_name = Nom
field-other_names = Autres orthographes de ses noms (une par ligne)
field-birth_date = Date de naissance
field-gender = Genre
field-grammatical_gender = Forme d'adresse préférée
field-language = Langue des messages
field-languages = Langues parlées
field-reading_level = Lecture
field-nationality = Nationalité (code pays, p. ex. BE, MA, SY)
field-phone = Téléphone
field-email = E-mail
field-channel = Canal préféré pour les rappels
field-street = Rue et numéro
field-postal_code = Code postal
field-municipality = Commune
field-address = Adresse
field-income = Revenus
field-referral_source = Orientée par
field-referral_detail = Détail de l'orientation (service, école, partenaire)
field-heard_via = A connu le programme par
field-labour_status = Situation sur le marché du travail
field-education = Diplôme le plus élevé
field-partner_in_household = Partenaire dans le ménage
field-in_article_60 = Travaille sous contrat article 60
field-small_social_network = Petit réseau social
field-national_number = Numéro de registre national ou BIS
field-residence_status = Statut de séjour
field-disability = Handicap
field-minority = Appartient à une minorité
field-foreign_background = Origine étrangère
field-homeless = Sans abri ou exclue du logement
field-vulnerability_note = Note confidentielle sur la vulnérabilité (santé, violence)
field-programme_id = Programme
field-programme = Programme
field-status = Statut
field-casemanager = Casemanager
field-casemanager_id = Casemanager
field-referred_on = Orientée le
field-spoken = Langue { $count }
field-level = Niveau de la langue { $count }
field-written_on = Date
field-duration_minutes = Durée en minutes
field-mode = Où ou comment
field-domains = Domaines de vie abordés
field-interpreter = Un interprète était présent
field-mediator = Un médiateur interculturel était présent
field-confidential = Confidentiel : uniquement pour son casemanager
field-body = Note
field-follow_up = Action de suivi
field-follow_up_on = Suivi pour le
field-child_first_name = Prénom de l'enfant
field-child_birth_date = Date de naissance de l'enfant (si connue)
field-adult_first_name = Prénom
field-adult_relation = Lien
field-consent_scope = Consentement pour
field-consent_partner = Partenaire (pour le partage)
field-consent_given_on = Donné le
field-stop_reason = Raison
field-success = Compte comme un succès
field-motivation = Motivation
field-request_for_help = Demande d'aide
field-strengths = Forces
field-dreams = Rêves
field-outcome = Résultat
field-decided_on = Décidé le
field-referred_to = Orientée vers (si orientée ailleurs)
field-decline_reason = Raison (si refusée)
field-justification = Justification de l'admission malgré tout
error-invalid-choice = Choisissez une des options.
error-too-long = C'est trop long.
error-invalid-date = Saisissez une date comme 15/03/2026.
error-date-out-of-range = Cette date n'est pas possible ici.
error-invalid-country = Saisissez un code pays de deux lettres comme BE ou MA.
error-invalid-phone = Saisissez un numéro comme 0470 12 34 56 ou +32 470 12 34 56.
error-invalid-email = Saisissez une adresse comme nom@exemple.be.
error-channel-needs-phone = Ce canal nécessite un numéro de téléphone.
error-channel-needs-email = Ce canal nécessite une adresse e-mail.
error-invalid-postal-code = Un code postal belge a 4 chiffres.
error-invalid-languages = Choisissez une langue et son niveau.
error-national-number-length = Un numéro national a 11 chiffres.
error-national-number-check = Les chiffres de contrôle ne correspondent pas : vérifiez la saisie.
error-national-number-date = La partie date de ce numéro n'est pas une date.
error-national-number-birth-date = Ce numéro ne correspond pas à la date de naissance.
error-invalid-duration = Saisissez des minutes entre 1 et 720.
error-justification-required = Écrivez pourquoi elle est admise bien que toutes les conditions ne soient pas remplies (10 caractères au moins).
error-transition-not-allowed = Cette étape n'est pas possible dans l'état actuel du trajet.
error-transition-no-such-phase = Le programme n'a pas cette phase.
error-not-text = Envoyez uniquement du texte.
coded-gender-woman = Femme
coded-gender-man = Homme
coded-gender-non_binary = Non binaire
coded-gender-not_given = Non précisé
coded-grammatical-gender-feminine = Féminin (madame)
coded-grammatical-gender-masculine = Masculin (monsieur)
coded-grammatical-gender-neutral = Neutre (prénom)
coded-reading-well = Lit bien
coded-reading-a_little = Lit un peu
coded-reading-not_at_all = Ne lit pas
coded-channel-sms = SMS
coded-channel-whatsapp = WhatsApp
coded-channel-email = E-mail
coded-channel-phone_call = Appel téléphonique
coded-channel-none = Pas de rappels
coded-income-integration_income = Revenu d'intégration
coded-income-other_benefit = Autre allocation
coded-income-work = Travail
coded-income-none = Pas de revenus
coded-referral-ocmw_service = Service du CPAS
coded-referral-school = École
coded-referral-partner = Organisation partenaire
coded-referral-self = Elle-même
coded-heard-website = Site web
coded-heard-school = École
coded-heard-social_media = Réseaux sociaux
coded-heard-flyer = Dépliant
coded-heard-partner = Organisation partenaire
coded-heard-word_of_mouth = Bouche-à-oreille
coded-labour-unemployed = Sans emploi
coded-labour-long_term_unemployed = Chômeuse de longue durée
coded-labour-inactive = Inactive
coded-labour-employed = En emploi ou indépendante
coded-education-isced_0_2 = Jusqu'au secondaire inférieur (CITE 0-2)
coded-education-isced_3_4 = Secondaire supérieur (CITE 3-4)
coded-education-isced_5_8 = Enseignement supérieur (CITE 5-8)
coded-answer-yes = Oui
coded-answer-no = Non
coded-answer-prefers_not_to_say = Préfère ne pas répondre
coded-residence-belgian = Belge
coded-residence-eu_citizen = Citoyenne UE
coded-residence-recognised_refugee = Réfugiée reconnue
coded-residence-subsidiary_protection = Protection subsidiaire
coded-residence-asylum_applicant = Demandeuse de protection internationale
coded-residence-permanent_residence = Séjour illimité
coded-residence-temporary_residence = Séjour limité
coded-residence-family_reunification = Regroupement familial
coded-residence-no_legal_residence = Sans séjour légal
coded-residence-other = Autre
coded-level-native = Langue maternelle
coded-level-fluent = Courant
coded-level-basic = De base
coded-level-beginner = Débutante
coded-mode-office = Bureau
coded-mode-home_visit = Visite à domicile
coded-mode-walk = Promenade
coded-mode-phone = Téléphone
coded-mode-video = Appel vidéo
coded-mode-message = Message
coded-mode-accompanied_visit = Accompagnement
coded-domain-housing = Logement
coded-domain-work = Travail et activation
coded-domain-income_debt = Revenus et dettes
coded-domain-parenting = Parentalité
coded-domain-health = Santé et bien-être
coded-domain-mobility = Mobilité
coded-domain-social = Loisirs et réseau social
coded-domain-rights = Droits et administration
coded-domain-language = Langue
coded-domain-self_image = Image de soi
coded-consent-data_processing = Traitement de ses données
coded-consent-photos = Photos
coded-consent-whatsapp_contact = Contact par WhatsApp
coded-consent-sharing_with_partner = Partage avec un partenaire nommé
coded-relation-partner = Partenaire
coded-relation-parent = Parent
coded-relation-adult_child = Enfant adulte
coded-relation-other = Autre
coded-stop-moved = A déménagé
coded-stop-found_work = A trouvé un emploi
coded-stop-started_training = A commencé une formation
coded-stop-health = Santé
coded-stop-lost_contact = Contact perdu
coded-stop-no_longer_eligible = Ne remplit plus les conditions
coded-stop-own_choice = Son propre choix
coded-stop-other = Autre
coded-outcome-admitted = Admise
coded-outcome-waiting_list = Liste d'attente
coded-outcome-referred_elsewhere = Orientée ailleurs
coded-outcome-declined = Refusée
spoken-nl = néerlandais
spoken-fr = français
spoken-de = allemand
spoken-en = anglais
spoken-ar = arabe
spoken-tr = turc
spoken-ber = tamazight (berbère)
spoken-ru = russe
spoken-uk = ukrainien
spoken-fa = persan
spoken-prs = dari
spoken-ps = pachto
spoken-ti = tigrigna
spoken-so = somali
spoken-ku = kurde
spoken-es = espagnol
spoken-pt = portugais
spoken-pl = polonais
spoken-ro = roumain
spoken-bg = bulgare
spoken-sq = albanais
spoken-ln = lingala
spoken-sw = swahili
phase-self_image = Image de soi
phase-stabilisation = Stabilisation
phase-follow_up = Suivi
phase-intake = Accueil
phase-workshops = Ateliers
phase-joint_sessions = Séances avec les enfants
phase-closing = Clôture
phase-guidance = Accompagnement
phase-work_activity = Activité de travail
phase-beginning = Début
phase-middle = Milieu
phase-end = Fin
phase-recruitment_intake = Recrutement et accueil
phase-group_forming = Démarrage et formation du groupe
phase-deepening = Approfondissement
phase-aftercare = Suivi après programme
eligibility-rule-min_age = Au moins { $years } ans
eligibility-rule-income = Revenus : { $list }
eligibility-rule-lives_in = Habite au code postal { $list }
eligibility-rule-non_eu_national = Pas ressortissante de l'UE
eligibility-rule-international_protection = Réfugiée reconnue ou protection subsidiaire
eligibility-rule-single_parent = Parent seul
eligibility-rule-child_under = Un enfant de moins de { $years } ans
eligibility-rule-not_in_article_60 = Pas sous contrat article 60
eligibility-rule-small_social_network = Petit réseau social
eligibility-rule-language_minimum = Parle { $language } au moins au niveau : { $level }
eligibility-reason-birth-date-unknown = date de naissance inconnue
eligibility-reason-age-is = { $value } ans
eligibility-reason-income-unknown = revenus inconnus
eligibility-reason-income-is = { $value }
eligibility-reason-address-unknown = code postal inconnu
eligibility-reason-postal-code-is = code postal { $value }
eligibility-reason-nationality-unknown = nationalité inconnue
eligibility-reason-eu-national = ressortissante de l'UE
eligibility-reason-non-eu-national = pas ressortissante de l'UE
eligibility-reason-residence-unknown = statut de séjour inconnu
eligibility-reason-protection-yes = bénéficie d'une protection internationale
eligibility-reason-protection-no = pas de protection internationale
eligibility-reason-no-children = aucun enfant dans le dossier
eligibility-reason-household-unknown = situation du ménage inconnue
eligibility-reason-partner-in-household = un partenaire vit dans le ménage
eligibility-reason-single-parent = élève seule ses enfants
eligibility-reason-child-under = a un enfant de moins de { $value } ans
eligibility-reason-child-birth-date-unknown = date de naissance d'un enfant inconnue
eligibility-reason-no-child-under = aucun enfant de moins de { $value } ans
eligibility-reason-article-60-unknown = inconnu
eligibility-reason-in-article-60 = travaille sous article 60
eligibility-reason-not-in-article-60 = pas sous article 60
eligibility-reason-network-unknown = pas encore demandé
eligibility-reason-network-small = petit réseau
eligibility-reason-network-not-small = pas un petit réseau
eligibility-reason-languages-unknown = langues inconnues
eligibility-reason-language-level-is = niveau : { $value }
eligibility-reason-language-not-spoken = ne parle pas { $value }

## Participant file
dashboard-new-intakes = Nouveaux accueils pour vous
dashboard-overdue-evaluations = Évaluations en retard
dashboard-steps-due = Étapes pour cette semaine
dashboard-birthdays = Anniversaires des enfants cette semaine
dashboard-birthday = { $name } aura { $count } ans le { $date }
dashboard-my-people = Mes participantes
dashboard-nothing = Rien pour le moment.
dashboard-caseloads = Charge par casemanager
dashboard-unassigned = Accueils sans casemanager
dashboard-waiting-list = Liste d'attente

## Participant file
home-to-dashboard = Aller à votre tableau de bord
nav-problems = Problèmes de données
problems-total = { $count ->
    [one] { $count } donnée demande votre attention.
   *[other] { $count } données demandent votre attention.
}
problems-count = { $count }
problem-since = depuis le { $date }
problem-no_data_consent = Pas de consentement au traitement des données
problem-no_data_consent-fix = Enregistrez son consentement dans le dossier, sous Consentements.
problem-evaluation_overdue = Un plan sans évaluation depuis 4 mois
problem-evaluation_overdue-fix = Planifiez et enregistrez l'évaluation avec elle.
problem-gpmi_without_national_number = Un PIIS sans numéro national
problem-gpmi_without_national_number-fix = Ajoutez le numéro de registre national ou BIS au dossier.
problem-child_without_birth_date = Un enfant sans date de naissance
problem-child_without_birth_date-fix = La garde et les groupes d'âge en ont besoin : ajoutez-la sous Ménage.
problem-past_programme_duration = Active au-delà de la durée du programme
problem-past_programme_duration-fix = Clôturez le trajet ou passez au suivi après programme.

## Participant file
plan-title = Plan d'accompagnement
plan-print = Imprimer pour signature
plan-open = Plan d'accompagnement
plan-create = Établir le plan
plan-edit-header = Dates et analyse des besoins
plan-signed-early = Ce plan a été signé pendant les cinq jours de réflexion prévus par la loi. Vérifiez qu'elle a eu le temps auquel elle a droit.
plan-ends-soon = Ce plan se termine dans le mois : planifiez l'évaluation et la suite.
plan-goals = Objectifs, avec ses mots
plan-add-goal = Ajouter un objectif
plan-commitments = Engagements
plan-add-commitment = Ajouter un engagement
plan-steps = Étapes
plan-add-step = Ajouter une étape
plan-step-done = Fait
plan-evaluations = Évaluations
plan-schedule = Évaluations prévues
plan-held = Tenues
plan-add-evaluation = Enregistrer une évaluation
plan-minimum = Douze derniers mois : { $count } évaluations, dont { $number } en présentiel (le PIIS en demande au moins 3, dont 2 en présentiel).
plan-period = Période : { $date }
plan-reflection = Vous pouvez prendre cinq jours calendrier de réflexion avant de signer.
plan-sign-participant = Signature de la participante, date :
plan-sign-ocmw = Signature pour le CPAS, date :
evaluation-in-person = en présentiel
evaluation-remote = à distance
error-plan-missing = Établissez d'abord le plan.
field-is_gpmi = C'est un PIIS
field-needs_assessment = Analyse des besoins
field-offered_on = Proposé le
field-signed_on = Signé le
field-starts_on = Commence le
field-ends_on = Se termine le
field-rhythm_months = Évaluer tous les … mois
field-goal_domain = Domaine de vie
field-goal_wording = L'objectif avec ses mots
field-party = Engagement de qui
field-party_name = Nom du tiers ou partenaire
field-commitment_wording = Engagement
field-step_description = Étape
field-owner = Qui le fait
field-partner_name = Partenaire (si un partenaire le fait)
field-due_on = Pour le
field-held_on = Tenue le
field-in_person = En présentiel
field-evaluation_note = Note
coded-party-participant = La participante
coded-party-ocmw = Le CPAS
coded-party-third_party = Un tiers
coded-owner-participant = la participante
coded-owner-casemanager = le casemanager
coded-owner-partner = un partenaire
coded-step-open = ouvert
coded-step-done = fait
coded-step-dropped = abandonné
coded-progress-achieved = Atteint
coded-progress-progressing = En progrès
coded-progress-no_change = Pas de changement
coded-progress-regressed = Recul

## Participant file
programmes-lead = Chaque programme part du modèle de son type ; adaptez-le à la façon dont votre organisation le mène.
programme-summary = { $count } phases · groupes de { $min } à { $max } · { $months } mois
programme-inactive = inactif
programme-add = Ajouter un programme
programme-general = Le programme
programme-conflict = Quelqu'un d'autre a enregistré ce programme avant vous. Vos modifications sont toujours dans le formulaire ; vérifiez et enregistrez à nouveau.
programme-rules-hint = Laissez un champ vide pour supprimer sa règle. Les règles sont vérifiées à chaque accueil.
programme-phases = Phases et leur durée habituelle
field-kind = Modèle
field-name = Nom
field-description = Description
field-active = Ouvert aux nouvelles participantes
field-min_group_size = Groupe minimum
field-group_capacity = Groupe maximum
field-session_rhythm = Séances de groupe
field-session_minutes = Durée d'une séance en minutes
field-duration_months = Durée en mois
field-funders = Financeurs (codes séparés par des virgules)
field-report_strands = Volets de rapport (codes séparés par des virgules)
field-life_domains = Domaines de vie travaillés
field-rule_min_age = Âge minimum (ans)
field-rule_income = Les revenus doivent être l'un de
field-rule_lives_in = Habite aux codes postaux (séparés par des virgules)
field-rule_child_under = A un enfant de moins de (ans)
field-rule_language = Parle la langue (code, p. ex. fr)
field-rule_language_level = Au moins au niveau
field-weeks = semaines
coded-rhythm-weekly = Chaque semaine
coded-rhythm-fortnightly = Toutes les deux semaines
coded-rhythm-twice_monthly = Deux fois par mois
coded-rhythm-monthly = Chaque mois
error-out-of-range = Ce nombre est hors des limites possibles ici.
error-min-above-max = Le groupe minimum ne peut pas dépasser le maximum.
error-invalid-codes = Utilisez des codes courts en minuscules, chiffres et _, séparés par des virgules.

## Group work
nav-week = Ma semaine
nav-calendar = Calendrier scolaire
group-new = Nouveau groupe
group-create = Créer le groupe
groups-none = Pas encore de groupes.
coded-group-kind-adults = Groupe d'adultes
coded-group-kind-childrens_group = Groupe d'enfants (7 ans et plus)
coded-group-kind-childcare = Garde d'enfants (moins de 7 ans)
group-members-count =
    { $count ->
        [one] { $count } participante
       *[other] { $count } participantes
}
group-waiting-count = { $count } en attente
group-next = prochaine séance
field-parent_id = Va avec le groupe
field-room_id = Local
field-facilitators = Animatrices et animateurs
group-size-hint = Laissez les tailles vides pour reprendre le minimum et le maximum du programme.
field-min_size = Nombre minimum de participantes
field-max_size = Nombre maximum de participantes
field-participant_id = Participante
group-or-wait = Si le groupe est complet, l'inscrire sur la liste d'attente
group-place = Inscrire dans le groupe
group-place-her = L'inscrire dans un groupe
group-place-hint = Si le groupe est complet, elle est inscrite sur la liste d'attente, dans l'ordre.
group-member-of = Dans le groupe :
group-attendance-rate = Présence
group-leave = Quitte le groupe
group-waiting-list = Liste d'attente
group-remove-waiting = Retirer de la liste d'attente
group-no-members = Pas encore de participantes.
group-members = Participantes
group-sessions = Séances
group-no-sessions = Aucune séance prévue.
group-size = Taille
group-capacity = { $count } sur { $max } au maximum (au moins { $min })
group-waiting-position = Le groupe est complet : elle est sur la liste d'attente, numéro { $count }.
group-full = Le groupe est complet ({ $count } participantes). Cochez la liste d'attente pour l'y inscrire.
session-interpreter = Interprète ou médiatrice nécessaire
session-cancelled = Annulée
session-attendance = Présences
session-cancel = Annuler cette séance
field-cancel_reason = Raison
series-plan = Planifier une série
field-rhythm = Rythme
coded-series-weekly = Chaque semaine
coded-series-every_two_weeks = Toutes les deux semaines
coded-series-monthly = Mensuel, le n-ième jour de semaine
coded-series-spread = Un nombre de séances entre deux dates
field-first = Première date
field-last = Dernière date
field-start = Début
field-end = Fin
field-nth = Quel jour de semaine du mois (1-4, 5 = dernier)
field-count = Nombre de séances
field-theme = Thème
series-outside-hours = Volontairement en dehors des heures d'école
series-preview = Afficher les dates
series-planned-count =
    { $count ->
        [one] { $count } séance prévue
       *[other] { $count } séances prévues
}
series-skipped-count = { $count } sautée(s)
series-save =
    { $count ->
        [one] Enregistrer { $count } séance
       *[other] Enregistrer { $count } séances
}
field-date = Date
series-outcome = Résultat
series-skipped = Sautée
series-planned = Prévue
skip-weekend = week-end
skip-public_holiday = jour férié
skip-community_holiday = fête de la Communauté
skip-school_holiday = vacances scolaires
skip-outside_school_hours = en dehors des heures d'école
holiday-autumn = congé d'automne
holiday-christmas = vacances de Noël
holiday-winter = vacances d'hiver
holiday-carnival = congé de détente
holiday-easter = vacances de Pâques
holiday-spring = vacances de printemps
holiday-summer = vacances d'été
holiday-day_off = jour de congé
action-back = Retour
action-save = Enregistrer
attendance-saved =
    { $count ->
        [one] { $count } présence enregistrée.
       *[other] { $count } présences enregistrées.
}
attendance-pending = Pas encore envoyé : envoi en cours…
attendance-sent = Enregistré.
attendance-offline = Pas de connexion : gardé sur ce téléphone et envoyé dès le retour de la connexion.
attendance-all-present = Toutes présentes
mark-present = Présente
mark-late = En retard
mark-excused = Excusée
mark-absent = Absente
field-excuse_reason = Raison de l'absence
coded-excuse-sick_child = Enfant malade
coded-excuse-own_health = Propre santé
coded-excuse-appointment = Rendez-vous
coded-excuse-work_or_training = Travail ou formation
coded-excuse-transport = Transport
coded-excuse-no_childcare = Pas de garde d'enfants
coded-excuse-other = Autre
session-children = enfants : { $childcare } à la garderie, { $group } au groupe d'enfants
week-from = Sept jours à partir du
week-none = Aucune séance cette semaine.
calendar-imported =
    { $count ->
        [one] { $count } année scolaire importée.
       *[other] { $count } années scolaires importées.
}
field-community = Communauté (vacances scolaires)
coded-community-flemish = Communauté flamande
coded-community-french = Fédération Wallonie-Bruxelles
coded-community-german = Communauté germanophone
field-school_day_start = Début de la journée d'école
field-school_day_end = Fin de la journée d'école
field-wednesday_end = Fin du mercredi
calendar-school-years = Vacances scolaires
calendar-no-years = Aucune année scolaire connue : importez-en une ci-dessous.
calendar-import = Importer des années scolaires
calendar-import-hint = Collez un fichier de calendrier (JSON, comme dans data/school-holidays). Il est d'abord vérifié : pas de périodes qui se chevauchent, toutes dans l'année scolaire.
field-school_years = Fichier de calendrier
error-invalid-capacity = Le minimum doit être d'au moins 1 et ne pas dépasser le maximum (60 au plus).
error-invalid-time-range = La fin doit venir après le début.
error-no-dates-left = Chaque date de cette série tombe pendant un congé ou en dehors des heures d'école.
error-invalid-time = Indiquez une heure comme 09:30.
error-invalid-calendar = Ce n'est pas un fichier de calendrier valide : vérifiez ses dates et périodes.
error-not-a-member = Elle n'est pas membre de ce groupe à cette date.
error-invalid-key = La présence n'a pas pu être lue ; rechargez la page.
error-invalid-number = Indiquez un nombre entier.
coded-session-informative = Informative
coded-session-psychosocial = Psychosociale
coded-session-creative_atelier = Atelier créatif
coded-session-outing = Sortie
coded-session-volunteering = Volontariat
coded-session-joint_with_children = Avec les enfants
coded-session-childrens_group = Groupe d'enfants
coded-session-closing_ritual = Rituel de clôture
coded-session-information_session = Séance d'information pour candidates
coded-session-aftercare = Rencontre de suivi (café-papote)
field-group_kind = Type de groupe
field-session_kind = Type de séance
series-dates = Dates de la série
dashboard-to-call = À appeler : deux absences sans raison
session-add = Ajouter une séance
session-conflicts = Pas encore enregistrée : cette séance pose problème. Modifiez-la ou cochez ci-dessous pour la garder telle quelle.
session-keep = La garder malgré tout
conflict-room_taken = Le local est déjà réservé à ce moment.
conflict-facilitator_taken = Une animatrice anime une autre séance à ce moment.
conflict-closed = Ce jour est un congé, un jour férié ou un week-end.
conflict-outside_school_hours = En dehors des heures d'école : les mères ne pourront peut-être pas venir.
conflict-room_too_small = Le local est trop petit pour le groupe.
conflict-no_childcare_room = Le local ne convient pas à la garde d'enfants.
field-on = Date
field-session_start = Début
field-session_end = Fin
field-single_kind = Type de séance
field-single_theme = Thème
field-guest_partner = Partenaire invité
hours-title = Heures de présence
hours-month = Mois
hours-hours = Heures
hours-unit = heures
hours-none = Pas encore de séance suivie.
attestation-title = Attestation de participation
attestation-text = { $organisation } confirme que { $name } a participé à { $count } séances de groupe aux dates ci-dessous.
attestation-total = Total
hours-link = Heures et attestation
childcare-title = Planning de la garde d'enfants
childcare-months = Mois
childcare-previous = Mois précédent
childcare-next = Mois suivant
childcare-children = Enfants
childcare-none = Aucun enfant de participante connu.
childcare-age = Âge
childcare-where = Va à
childcare-notes = Remarques (allergies, …)
practices-title = Banque de pratiques
practices-lead = Thèmes et méthodes à réutiliser dans chaque groupe. Cochez « partager » pour en proposer une aux autres organisations de ce serveur.
practices-none = La banque est encore vide.
practice-minutes =
    { $count ->
        [one] { $count } minute
       *[other] { $count } minutes
}
practice-shared-by = Partagée par
practice-shared = partagée
practice-new = Une nouvelle pratique
practice-add = Ajouter à la banque
practice-share = Partager avec les autres organisations de ce serveur
practice-stale = Quelqu'un d'autre a modifié cette pratique entre-temps. Voici ce qui est enregistré maintenant ; refaites votre modification.
field-title = Titre
field-life_domain = Domaine de vie
field-method = Déroulement
field-materials = Matériel
field-minutes = Durée en minutes
field-language_notes = Notes de langue (p. ex. fonctionne sans lire)
field-practice_id = Pratique de la banque
field-single_practice_id = Pratique de la banque
field-notes = Notes
session-edit = Modifier ou déplacer
session-stale = Quelqu'un d'autre a modifié cette séance entre-temps. Voici ce qui est enregistré maintenant ; refaites votre modification.
series-conflicts =
    { $count ->
        [one] { $count } date a un conflit (marquée ci-dessous). Modifiez la série, ou cochez ci-dessous pour la garder.
       *[other] { $count } dates ont un conflit (marquées ci-dessous). Modifiez la série, ou cochez ci-dessous pour les garder.
}
series-keep = Garder ces dates malgré les conflits
conflict-facilitator-named = { $name } anime une autre séance à ce moment-là.
series-room-every-date = (Cela vaut pour chaque date.)
field-child_care_notes = Pour l'accueil des enfants (allergies, sommeil, réconfort)
child-care-notes-change = Notes pour l'accueil
series-unknown-years = Les congés scolaires de { $years } ne sont pas encore connus : cette série ne les évite donc pas. Une personne administratrice peut les ajouter sur la page du calendrier scolaire.

coded-consent-reminders = Rappels de ses séances par son canal
msg-reminder = Bonjour { $name } ! 📅 { $day } ⏰ { $time } 📍 { $place }{ $childcare }
msg-reminder-subject = 📅 À bientôt
msg-moved = { $name }, nouveau jour ou heure : ❌ { $was } ➡️ 📅 { $day } ⏰ { $time } 📍 { $place }{ $childcare }
msg-moved-subject = 📅 Nouveau jour ou heure
msg-cancelled = { $name }, ❌ pas de rencontre le 📅 { $day } ⏰ { $time }.
msg-cancelled-subject = ❌ Pas de rencontre
msg-childcare =  👶 Garde d'enfants prévue.
messages-heading = Messages
messages-none = Pas encore de messages.
messages-when = Quand
messages-what = Quoi et comment
messages-status = État
coded-message-kind-reminder = Rappel
coded-message-kind-session_moved = Séance déplacée
coded-message-kind-session_cancelled = Séance annulée
coded-message-status-queued = En attente d'envoi
coded-message-status-sending = En cours d'envoi
coded-message-status-sent = Envoyé
coded-message-status-delivered = Remis
coded-message-status-failed = Échec, nouvel essai prévu
coded-message-status-gave_up = Non remis
coded-message-status-withdrawn = Retiré (séance modifiée)
coded-message-status-to_call = À appeler
dashboard-calls-before = Appeler avant leur séance
dashboard-messages-failed = Messages non remis
msg-link = Bonjour { $name } ! 📅 Tes rencontres, et pour dire que tu ne peux pas venir : { $link }
msg-link-subject = 📅 Tes rencontres
msg-absence = Une participante a indiqué via sa page qu'elle ne peut pas venir le { $day } à { $time }. C'est enregistré comme absence excusée : { $link }
msg-absence-subject = traject : une absence a été signalée
msg-digest =
    Ce qui demande ton attention aujourd'hui dans traject :
    - absences à suivre : { $absences }
    - évaluations en retard : { $overdue }
    - messages non délivrés : { $failed }
    - nouvelles inscriptions : { $intakes }
    { $link }
msg-digest-subject = traject : ta journée
page-hello = Bonjour { $name }
page-next = Tes prochaines rencontres
page-none = Pas de rencontre prévue.
page-childcare = Il y a une garde d'enfants.
page-cancelled = Annulé : pas de rencontre.
page-map = Carte
page-cant-come = Je ne peux pas venir
page-why = Pourquoi ?
page-reported = Tu as dit que tu ne viens pas.
page-thanks = Merci. Ton accompagnatrice est au courant.
page-read-aloud = Lire à voix haute
page-calendar = Mettre dans l'agenda de mon téléphone
page-back = Retour
page-link-gone = Ce lien ne fonctionne pas
page-link-gone-text = Demande un nouveau lien à ton accompagnatrice.
page-too-many = Trop d'essais. Attends quelques minutes et réessaie.
page-not-possible = Ce n'est plus possible ici. Appelle ton accompagnatrice.
feed-her-name = Mes rencontres
feed-her-session = Rencontre
feed-staff-name = mes séances et contacts
feed-staff-contact = Contact
links-heading = Sa page et son agenda
links-intro = Sa propre page montre ses prochaines séances et lui permet de dire qu'elle ne peut pas venir, sans mot de passe. Un lien d'agenda met les séances dans l'agenda de son téléphone. Les liens ne s'affichent qu'une fois ; crée-en un nouveau pour réimprimer.
coded-link-kind-page = Sa page
coded-link-kind-feed = Agenda
links-revoke = Désactiver ce lien
links-send = L'envoyer sur son téléphone ou par e-mail
links-new-page = Nouveau lien vers sa page
links-new-feed = Nouveau lien d'agenda (QR à imprimer)
field-message_language = Langue de ses messages et de sa page, si ce n'est aucune des quatre
message-language-hint = Un code comme ar, ti, tr ou prs ; vide : sa langue préférée. Sans textes dans cette langue, elle reçoit des pictogrammes.
error-invalid-language = Indique un code de langue de deux ou trois lettres, comme ar.
links-made = créé le
links-until = valable jusqu'au
links-used = dernière utilisation
links-created-page = Lien vers sa page
links-created-feed = Lien vers son agenda
links-sent = Le lien est en route vers son téléphone ou son e-mail.
links-not-sent = Pas envoyé : elle n'a pas de canal pour lequel elle a donné son accord. Imprime le code QR pour elle.
links-once = Ce lien ne s'affiche que maintenant. Imprime cette page ou laisse-la scanner le code ; le lien s'ouvre sans mot de passe, ne le donne donc qu'à elle.
links-qr-page = Scanne avec l'appareil photo du téléphone pour ouvrir sa page.
links-qr-feed = Scanne avec l'appareil photo du téléphone pour ajouter les séances à son agenda.
links-address = Adresse du lien
links-subscribe = S'abonner sur cet appareil
coded-message-kind-personal_link = Lien vers sa page
coded-message-kind-absence_reported = Absence signalée
coded-message-kind-digest = Résumé du jour
dashboard-reported-absences = Ont indiqué sur leur page qu'elles ne viennent pas
nav-messages = Messages
saved = Enregistré.
messages-when-heading = Quand les messages partent
reminder-offsets-hint = Rappels avant chaque séance, séparés par des virgules : 1d@10:00 est la veille à 10:00, 2h est deux heures avant. Aucun message ne part pendant les heures calmes ; le résumé du personnel part chaque jour à son heure.
field-reminder_offsets = Rappels
field-quiet_from = Calme à partir de
field-quiet_until = Calme jusqu'à
field-digest_at = Résumé du personnel à
texts-heading = Textes dans d'autres langues
texts-intro = Les rappels et sa propre page existent en néerlandais, français, allemand et anglais. Pour une autre langue (arabe ar, turc tr, tigrigna ti, dari prs, pachto ps, somali so, ...), écris les textes ici ; les langues de droite à gauche s'affichent comme telles. Un texte vide revient aux pictogrammes.
texts-count =
    { $count ->
        [one] { $count } texte
       *[other] { $count } textes
}
texts-open-language = Code de langue
texts-open = Ouvrir ses textes
text-key-msg-reminder = Message de rappel
text-key-msg-moved = Message : séance déplacée
text-key-msg-cancelled = Message : séance annulée
text-key-msg-link = Message avec le lien vers sa page
text-key-page-hello = Page : salutation
text-key-page-next = Page : prochaines rencontres
text-key-page-none = Page : pas de rencontre
text-key-page-childcare = Page : garde d'enfants
text-key-page-cancelled = Page : annulé
text-key-page-map = Page : carte
text-key-page-cant-come = Page : je ne peux pas venir
text-key-page-why = Page : pourquoi ?
text-key-page-reported = Page : tu as dit que tu ne viens pas
text-key-page-thanks = Page : merci
text-key-page-read-aloud = Page : lire à voix haute
text-key-page-calendar = Page : dans l'agenda de mon téléphone
text-key-page-back = Page : retour
error-invalid-offsets = Indique des moments comme 1d@10:00,2h (six au plus ; jours de 1 à 14, heures de 1 à 72).
error-unknown-placeholder = Ce texte utilise un champ qu'il ne peut pas remplir ; n'utilise que ceux indiqués.
error-invalid = Cette valeur n'est pas valide.
account-feed-heading = Mon agenda sur mon téléphone
account-feed-intro = Un lien privé met les séances que tu animes et les contacts que tu as prévus dans l'agenda de ton téléphone (prénoms seulement). Quiconque a le lien les voit : désactive-le s'il est perdu.
account-feed-active = Ton lien d'agenda fonctionne depuis le
account-feed-new = Nouveau lien d'agenda
account-feed-stop = Désactiver mon lien d'agenda
links-created-staff = Lien vers ton agenda
links-qr-staff = Scanne avec l'appareil photo de ton téléphone pour ajouter tes séances et contacts à son agenda.
links-back-page = Retour au dossier
links-back-feed = Retour au dossier
links-back-staff = Retour à mon compte
account-digest-heading = Résumé du jour par e-mail
account-digest-on = Chaque matin, tu reçois un court e-mail avec ce qui demande ton attention : absences à suivre, évaluations en retard, messages non délivrés, nouvelles inscriptions (des nombres, pas de noms).
account-digest-off = Tu ne reçois pas le résumé du jour.
account-digest-stop = Arrêter le résumé du jour
account-digest-start = Recevoir le résumé du jour
session-delivery-heading = Messages sur cette séance
session-delivery-to = À
page-reason-sick_child = Mon enfant est malade
page-reason-own_health = Je suis malade
page-reason-appointment = Un rendez-vous
page-reason-work_or_training = Travail ou formation
page-reason-transport = Pas de transport
page-reason-no_childcare = Personne pour garder mes enfants
page-reason-other = Autre chose
text-key-page-reason-sick_child = Page : raison, mon enfant est malade
text-key-page-reason-own_health = Page : raison, je suis malade
text-key-page-reason-appointment = Page : raison, un rendez-vous
text-key-page-reason-work_or_training = Page : raison, travail ou formation
text-key-page-reason-transport = Page : raison, pas de transport
text-key-page-reason-no_childcare = Page : raison, personne pour garder mes enfants
text-key-page-reason-other = Page : raison, autre chose
plan-calendar-qr = 📲 Scanne ceci avec l'appareil photo de ton téléphone : tes rencontres de groupe vont dans ton agenda.
plan-print-with-calendar = Ajouter le code QR pour l'agenda de son téléphone (un nouveau lien d'agenda)
nav-outcomes = Résultats
nav-instruments = Questionnaires
back-to-file = Retour au dossier
back-to-programme = Retour au programme
answer-yes = Oui
answer-no = Non
error-not-a-number = Saisissez un nombre entier.
field-group = Groupe
field-instrument = Questionnaire
field-trajectory = Trajet
field-moment = Moment
field-respondent = Répondu par
field-before = Avant
field-after = Après
field-from = Du
field-to = Au
field-definition = Définition (JSON)
field-shared = Partager avec les autres organisations de ce serveur
field-quote = Ses mots
field-period_from = Période du
field-period_to = Période au
field-scope = Elle accepte que ses mots soient lus
field-anonymised = Sans son nom
field-consent_on = Consentement donné le
coded-moment-intake = Accueil
coded-moment-midway = À mi-parcours
coded-moment-end = Fin
coded-moment-after_6_months = 6 mois après la clôture
coded-moment-after_12_months = 12 mois après la clôture
coded-moment-extra = Autre moment
coded-respondent-participant = Elle-même
coded-respondent-staff = Son référent
coded-answer-channel-page = sur sa page
coded-answer-channel-kiosk = sur la tablette
coded-answer-channel-paper = sur papier
coded-answer-channel-staff = évalué par l'équipe
coded-scope-internal = Uniquement par notre équipe
coded-scope-funders = Aussi dans les rapports aux financeurs
coded-scope-public = Aussi en public
outcomes-urgency-soon = bientôt
outcomes-urgency-due = à faire
outcomes-urgency-overdue = en retard
outcomes-link = Résultats et questionnaires
outcomes-person-title = Résultats
outcomes-due-heading = À faire passer
outcomes-due-none = Rien à faire pour l'instant.
outcomes-open-count =
    { $count ->
        [one] Un questionnaire est commencé et pas encore remis.
       *[other] { $count } questionnaires sont commencés et pas encore remis.
}
outcomes-type-in = Saisir
outcomes-type-in-other = Saisir un autre questionnaire
outcomes-results-heading = Ses réponses dans le temps
outcomes-none-yet = Aucun questionnaire n'a encore été remis.
outcomes-anonymous-hint = Anonyme : ses réponses sont gardées à part de son nom ; seul le fait qu'elle a répondu est visible.
outcomes-radar-title = { $name } : domaines de vie à la première et à la dernière mesure
outcomes-radar-table-hint = Le tableau ci-dessous contient les mêmes scores.
outcomes-domain-wellbeing = Bien-être
outcomes-question = Question
outcomes-enter-title = Saisir des réponses
outcomes-back = Retour à ses résultats
outcomes-already-complete = Ce questionnaire a déjà été remis pour ce moment ; rien n'a été modifié.
outcomes-all-groups = Tous les groupes
outcomes-show = Afficher
outcomes-rates-heading = Qui a répondu
outcomes-expected = Ont atteint ce moment
outcomes-answered = Ont répondu
outcomes-rate = Taux de réponse
outcomes-headline = { $progressed } participantes sur { $count } ({ $share } %) ont progressé dans au moins deux domaines de vie.
outcomes-change-heading = Changement moyen par question
outcomes-pairs = Avant et après
outcomes-change = Changement
outcomes-improved = Mieux
outcomes-same = Pareil
outcomes-worse = Moins bien
outcomes-no-pairs = Personne n'a encore de réponses aux deux moments.
outcomes-spread-heading = Répartition des réponses
outcomes-answer = Réponse
outcomes-count = Nombre
outcomes-anonymous-responses =
    { $count ->
        [one] Une réponse anonyme.
       *[other] { $count } réponses anonymes.
}
outcomes-anonymous-too-few = Moins de cinq réponses : non affiché, pour que personne ne puisse être reconnu.
outcomes-words-heading = Dans leurs propres mots
dashboard-measurements-due = Questionnaires à faire passer
instruments-title = Questionnaires
instrument-name = Nom
instrument-version = Version
instrument-source = Origine
instrument-items = Questions
instrument-paper = Formulaire papier
instrument-paper-in = Formulaire papier en { $language }
instrument-adapt = Adapter
instrument-anonymous = anonyme
instrument-source-built-in = traject
instrument-source-own = Le nôtre
instrument-source-shared = Partagé par une autre organisation
instrument-new-heading = Ajouter ou adapter un questionnaire
instrument-new-hint = Collez le questionnaire en JSON, sous la forme de ceux de traject. Enregistrer une clé que vous avez déjà crée une nouvelle version : les réponses données dans les anciennes versions restent lisibles. Les clés commençant par traject- appartiennent aux questionnaires de traject ; donnez votre propre clé à une copie adaptée.
instrument-error-reserved = Les clés commençant par traject- sont réservées aux questionnaires de traject : choisissez votre propre clé.
instrument-error-format = Ce n'est pas un questionnaire au format JSON de traject.
instrument-error-incomplete = Un questionnaire a besoin d'une clé, d'un nom et d'au moins une question.
instrument-error-duplicate = Deux questions ont la même clé.
instrument-error-no-text = Une question n'a pas de texte en néerlandais, français, allemand ou anglais.
instrument-error-range = Une échelle ou un nombre a un intervalle vide, ou des paliers en dehors.
instrument-error-options = Un choix a besoin d'options avec des clés distinctes (sans virgules) et des textes.
paper-name = Nom :
paper-date = Date :
paper-hint = Cochez une case par question (plusieurs quand la question le dit).
paper-print-hint = Imprimez cette page ; saisissez les réponses plus tard sur sa page de résultats.
measurements-plan-title = Questionnaires du programme
measurements-plan-link = Quels questionnaires, quand
measurements-plan-hint = Cochez quand chaque questionnaire est passé. Les questionnaires à faire apparaissent deux semaines avant sur le tableau de bord du référent ; ceux qu'elle remplit elle-même aussi sur sa propre page.
kiosk-heading = Questionnaire sur une tablette partagée
kiosk-hint = Les participantes répondent l'une après l'autre sur une tablette où personne n'est connecté ; personne ne voit les réponses des autres et rien ne reste sur la tablette.
kiosk-start-button = Démarrer la tablette
kiosk-started-title = La tablette est prête
kiosk-started-text = Ouvrez ce lien sur la tablette (scannez le code avec l'appareil photo). Il fonctionne aujourd'hui jusqu'à ce que vous le fermiez.
kiosk-started-hint = Le lien n'est affiché que maintenant. Ne l'ouvrez pas dans un navigateur où vous êtes connecté.
kiosk-qr-caption = Scannez pour ouvrir le questionnaire sur la tablette
kiosk-close = Fermer la tablette
kiosk-back-to-session = Retour à la séance
kiosk-who = Qui es-tu ? Touche ton prénom
kiosk-start = Commencer
kiosk-language = Langue
kiosk-thanks = Merci ! Passe la tablette à la personne suivante.
kiosk-next-person = Personne suivante
kiosk-already-answered = Tu as déjà répondu. Merci !
page-questions = Des questions pour toi
page-answer-start = Répondre
page-progress = Question
page-next-question = Suivant
page-skip = Passer
page-finish-title = C'était la dernière question
page-finish = Envoyer mes réponses
page-answers-thanks = Merci pour tes réponses !
testimonials-title = Témoignages
testimonials-none = Aucun témoignage.
testimonials-audience = Afficher pour
testimonials-for-internal = Notre équipe
testimonials-for-funders = Un rapport aux financeurs
testimonials-for-public = Le public
testimonials-hint-internal = Chaque témoignage non retiré, avec son autrice.
testimonials-hint-funders = Seulement les mots qu'elle a accepté de partager avec les financeurs ou en public ; son prénom seulement, ou aucun nom.
testimonials-hint-public = Seulement les mots qu'elle a accepté de rendre publics ; son prénom seulement, ou aucun nom.
testimonial-anonymised = sans son nom
testimonial-withdraw = Elle le retire
testimonial-add = Garder ses mots
testimonial-open-file = ses résultats
msg-questions = Bonjour { $name } ! 📝 Quelques questions t'attendent sur ta page. Ouvre le lien que tu as reçu de nous.
msg-questions-subject = 📝 Des questions pour toi
text-key-msg-questions = Message : des questions attendent sur sa page
coded-message-kind-questions_waiting = Des questions attendent sur sa page
nav-network = Réseau
nav-signals-pooled = Signaux (toutes les organisations)
network-title = Parties du réseau
network-partners = Carte sociale
network-signals = Signaux
network-meetings = Réunions
network-learning = Intervision et formation
back = Retour
partner-new = Nouveau partenaire
partner-edit = Modifier le partenaire
partner-search = Rechercher
partner-save = Enregistrer le partenaire
partner-shared = Partager avec les autres organisations de ce serveur (une carte pour la ville)
partner-shared-by-other = Partagé par une autre organisation
partner-stale = Non vérifié depuis un an
partner-stale-hint = Personne n'a vérifié ces données depuis douze mois. Appelez le partenaire et indiquez qu'elles sont vérifiées.
partner-verify = Les données sont toujours exactes
partner-verified-on = Dernière vérification
partner-own-note = Notre note
partner-own-note-hint = Seule votre organisation voit cette note.
partner-save-note = Enregistrer la note
partner-contacts-hint = Une personne de contact par ligne : nom ; fonction ; téléphone ; e-mail
partner-waiting-unknown = Délai d'attente inconnu
partner-waiting-days =
    { $count ->
        [one] Délai d'attente environ { $count } jour
       *[other] Délai d'attente environ { $count } jours
}
partner-found =
    { $count ->
        [one] { $count } partenaire trouvé
       *[other] { $count } partenaires trouvés
}
field-service = Service
field-target_groups = Publics cibles
field-how_to_refer = Comment orienter
field-website = Site web
field-accessibility = Accessibilité
field-opening_hours = Heures d'ouverture
field-waiting_days = Délai d'attente en jours (dernier connu)
field-contacts = Personnes de contact
field-note = Note
field-domain = Domaine de vie
field-partner_id = Partenaire
field-reason = Pourquoi
field-happened_on = Le
field-chat = Groupe de discussion
field-joined_on = Membre depuis le
field-category = Type d'obstacle
field-concerns = Institution ou règle concernée
field-affected = Nombre de participantes concernées (au moins celles cochées)
field-noted_on = Constaté le
field-raised_with = Signalé à
field-raised_on = Signalé le
field-answer = Réponse
field-answered_on = Réponse le
field-resolved_on = Résolu le
field-participant_ids = Participantes concernées (seulement au sein de l'organisation)
field-meeting_kind = Type de réunion
field-agenda = Ordre du jour
field-group_id = Groupe à passer en revue
field-staff_ids = Personnel présent
field-partner_ids = Partenaires présents
field-others = Autres présents (un par ligne)
field-attendees = Présents
field-decision = Décision
field-owner_id = Qui
field-learning_kind = Type
field-hours = Heures (p. ex. 1,5)
field-topic = Sujet
field-with_whom = Avec qui
field-user_ids = Pour qui
coded-referral-status-proposed = Proposée
coded-referral-status-sent = Envoyée
coded-referral-status-accepted = Acceptée
coded-referral-status-waiting_list = Sur liste d'attente
coded-referral-status-first_appointment = Premier rendez-vous eu
coded-referral-status-done = Terminée
coded-referral-status-refused = Refusée
coded-referral-status-not_pursued = Non poursuivie
coded-signal-waiting_list = Liste d'attente
coded-signal-unreachable = Service injoignable ou inaccessible
coded-signal-rule_or_gap = Règle ou lacune dans la loi
coded-signal-cost = Coût
coded-signal-language_barrier = Barrière linguistique
coded-signal-discrimination = Discrimination
coded-signal-other = Autre
coded-signal-status-noted = Constaté
coded-signal-status-raised = Signalé
coded-signal-status-answered = Répondu
coded-signal-status-resolved = Résolu
coded-meeting-team = Réunion d'équipe
coded-meeting-steering = Comité de pilotage
coded-meeting-partner = Réunion de partenaires
coded-learning-intervision = Intervision
coded-learning-supervision = Supervision
coded-learning-training = Formation
coded-mode-team_review = Réunion d'équipe
error-personal-data = Omettez les noms, numéros de téléphone et adresses : un signal ne contient pas de données personnelles.
error-no-consent = Elle n'a pas donné son accord. Enregistrez d'abord son consentement.
error-invalid-contacts = Donnez un nom à chaque personne de contact, une par ligne (20 au plus).
referrals-link = Orientations et suivi
referrals-title = Orientations
referrals-list = Ses orientations
referral-new = Nouvelle orientation
referral-filter-partners = Montrer les partenaires de ce domaine
referral-from-plan = À partir d'une étape de son plan.
referral-from-journal = À partir d'une note du journal.
referral-from-step = Orienter
referral-from-entry = Orienter à partir de ce contact
referral-no-partners = Pas encore de partenaire sur la carte pour ce domaine.
referral-sent-now = Déjà envoyée au partenaire
referral-save = Enregistrer l'orientation
referral-update = Noter ce qui s'est passé
referral-follow-up = À suivre
referral-share = Partager ses coordonnées avec { $partner }
referral-no-consent = Elle n'a pas accepté que ses données soient partagées avec { $partner }. Rien n'a été partagé.
referral-shared-title = Ses coordonnées pour le partenaire
referral-shared-with = Partagé avec { $partner } avec son consentement ; c'est noté dans son dossier.
referral-waited =
    { $count ->
        [one] attente de { $count } jour
       *[other] attente de { $count } jours
}
referral-shared-times =
    { $count ->
        [one] Ses données ont été partagées { $count } fois.
       *[other] Ses données ont été partagées { $count } fois.
}
aftercare-chats = Groupes de discussion du suivi
aftercare-chats-hint = traject ne gère pas la discussion ; il note qu'elle en fait partie, avec son accord pour un contact WhatsApp. Quitter le suivi est son choix.
aftercare-chat-join = Noter l'adhésion
aftercare-chat-left = Elle est partie
signal-new = Nouveau signal
signal-edit = Signal
signal-save = Enregistrer le signal
signal-no-personal-data = Décrivez l'obstacle, pas la personne : pas de noms, de numéros ni d'adresses.
signal-linked-hint = Liées seulement au sein de votre organisation ; à l'extérieur, seul le nombre compte.
signals-hint = Les obstacles que rencontrent beaucoup de femmes, comptés au lieu d'être racontés.
signals-export = Télécharger l'aperçu pour le comité de pilotage (CSV)
signals-pooled = Signaux de toutes les organisations
signals-pooled-hint = Nombres par type et domaine de vie ; aucune personne, aucune organisation.
signals-count = Signaux
signals-organisations = Organisations
signal-affected =
    { $count ->
        [one] { $count } participante concernée
       *[other] { $count } participantes concernées
}
meeting-new = Nouvelle réunion
meeting-save = Enregistrer la réunion
meeting-decisions = Décisions
meeting-add-decision = Ajouter une décision
meeting-partner = partenaire
meeting-group-hint = Une réunion d'équipe peut passer en revue les participantes d'un groupe une à une.
meeting-review = Tour du groupe
meeting-review-hint = La note est classée dans son journal ; celles et ceux qui peuvent lire son dossier la voient.
meeting-review-note = Note pour son journal
meeting-review-file = Classer dans son journal
meeting-review-update = Modifier la note
meeting-review-not-yours = Pas une de vos participantes.
meeting-open-decisions =
    { $count ->
        [one] { $count } décision ouverte
       *[other] { $count } décisions ouvertes
}
review-attendance = présente { $count } %
review-open-steps =
    { $count ->
        [one] { $count } étape ouverte
       *[other] { $count } étapes ouvertes
}
decision-done = fait
decision-mark-done = Fait
learning-new = Noter une intervision, supervision ou formation
learning-save = Enregistrer
learning-for-team-hint = Cochez plusieurs personnes pour noter une séance pour toutes ; aucune : pour vous-même.
learning-overdue = Intervision en retard
learning-due-since = attendue depuis le
learning-log = Journal
learning-total = Total
learning-rhythms = Rythme d'intervision par programme
learning-rhythms-hint = Toutes les combien de semaines (Miriam : 6) ; vide : pas de rythme.
learning-set-rhythm = Fixer
learning-hours-in = Heures en { $count }
dashboard-decisions = Décisions de réunion pour vous
dashboard-referral-follow-ups = Orientations à suivre
dashboard-stale-partners = Carte sociale
dashboard-stale-partners-count =
    { $count ->
        [one] { $count } partenaire non vérifié depuis un an
       *[other] { $count } partenaires non vérifiés depuis un an
}
field-speaks = Parle
referral-follow-up-setting = Suivi des orientations
field-follow_up_days = Demander un suivi après ce nombre de jours sans changement
reports-title = Rapports pour les financeurs
reports-show = Afficher
reports-entrants-hint = participantes entrées dans le programme pendant cette période, chacune comptée une fois
reports-code = Code
reports-indicator = Indicateur et comment il est compté
reports-count = Participantes
reports-counted = Comptées
field-set = Jeu d'indicateurs
field-year = Année
indicator-and = et
indicator-or = ou
indicator-not = pas
indicator-everyone = chaque participante
indicator-complete-only = seulement les participantes dont les données obligatoires sont complètes
indicator-fact-gender = genre
indicator-fact-age_at_entry = âge à l'entrée
indicator-fact-labour_status = statut sur le marché du travail
indicator-fact-education = niveau d'études
indicator-fact-disability = handicap
indicator-fact-minority = minorité
indicator-fact-third_country = ressortissante d'un pays tiers
indicator-fact-foreign_background = origine étrangère
indicator-fact-homeless = sans-abri ou exclusion du logement
reports-export-csv = Télécharger ces chiffres (CSV)
reports-definition = Comment c'est compté

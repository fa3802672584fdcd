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

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
role-administrator = Administrateur
role-coordinator = Coordinateur
role-casemanager = Case manager
role-facilitator = Animateur de groupe
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

# Les pages de conformité : la revue de direction (`report --review`), les
# déclarations aux autorités (`report --return`) et les mesures correctives
# (`action`).

## Le document imprimable (markdown et HTML)

doc-figure = Indicateur
doc-value = Valeur
doc-none = Aucun
doc-none-md = Aucun.
doc-key-figures = Chiffres clés
doc-footer = Calculé par redress à partir des fichiers du registre. Les cas ne sont désignés que par leur identifiant : aucune coordonnée de client ni aucun titre de cas ne figure sur cette page.

## report --review

review-eyebrow = redress · revue de direction
review-title = Revue de direction — { $period }
review-subtitle = Cas reçus du { $since } au { $until }, comparés à { $previous } · au { $asof }
review-note = Éléments d'entrée de la revue de direction (ISO 10002, art. 8.7 et ISO 9001, art. 9.3) : performance, causes, clients, indemnisation, constats et mesures correctives.
review-points = { $points } pts
review-card-cases = Cas
review-card-cases-note = { $count } en { $period }
review-card-resolved = Réglés dans les délais
review-card-repeat-note = deux cas ou plus
review-card-double-note = rouverts ou revenus
review-card-open-findings-note = sur des cas encore ouverts
review-card-actions-note = { $count ->
    [one] { $count } ouverte
   *[other] { $count } ouvertes
}
review-kpis = Indicateurs comparés à la période précédente
review-col-indicator = Indicateur
review-col-change = Écart
review-cases-received = Cas reçus
review-still-open = Encore ouverts
review-reopened = Rouverts (double défaillance)
review-median-ack = Délai médian d'accusé de réception
review-median-resolve = Délai médian de règlement
review-compensation-granted = Indemnisation accordée
review-causes = Principales causes (Pareto) et leur tendance
review-col-category = Catégorie
review-col-cases = Cas
review-col-share = Part
review-col-cumulative = Cumul
review-col-vital-few = Essentielles
review-col-trend = Tendance
review-causes-reading = Les causes essentielles sont le plus petit nombre de catégories qui, ensemble, atteignent 80 % des cas de la période.
review-yes = oui
review-repeat = Clients récurrents
review-col-customer = Client
review-customer-n = client { $n }
review-col-case-ids = Identifiants des cas
review-repeat-reading = Clients ayant un cas dans la période et au moins deux cas jusqu'à sa fin (même courriel, téléphone ou nom). Les noms ne sont affichés qu'avec --include-contacts.
review-double = Doubles défaillances
review-col-case = Cas
review-col-what = Nature
review-col-when = Date
review-double-reading = Le redressement a lui aussi échoué : un cas rouvert dans la période, ou un client revenu dans les 90 jours suivant le règlement d'un cas antérieur.
review-came-back = revenu après { $case }
review-kind = { $kind ->
    [reopened] rouvert
    [came-back] revenu
   *[other] { $kind }
}
review-compensation = Indemnisation par rapport à la fourchette
review-compensation-reading = La fourchette de la politique va de { $min } à { $max } % du préjudice; les cas fondés et partiellement fondés comportant un préjudice sont jugés par rapport à la fourchette qui s'applique à chacun.
review-granted = Accordée
review-granted-harm = Accordée / préjudice
review-below-band = Sous la fourchette
review-within-band = Dans la fourchette
review-above-band = Au-dessus de la fourchette
review-findings = Constats d'audit des cas de la période
review-col-finding = Constat
review-col-severity = Gravité
review-col-findings = Constats
review-open-findings = Constats ouverts
review-col-at = Moment
review-open-findings-reading = Constats sur des cas encore ouverts : ce que l'équipe peut encore corriger.
review-too-early = trop tôt pour mesurer
review-actions = Mesures correctives
review-col-action = Mesure
review-col-status = Statut
review-col-owner = Responsable
review-col-due = Échéance
review-col-cause = Cause
review-col-from = Depuis
review-col-days = Jours
review-col-before-after = Cas avant → après
review-actions-reading = Pour chaque catégorie visée par la mesure : cas reçus dans les jours précédant sa date (sa fermeture, sinon sa création) et dans autant de jours à partir de celle-ci, jusqu'à 90.
action-status = { $status ->
    [open] ouverte
    [overdue] en retard
    [closed] fermée
   *[other] { $status }
}

## report --return

return-fca = Déclaration des plaintes à la FCA
return-amf = Rapport des plaintes à l'AMF
return-eyebrow = redress · déclaration
return-title = { $regulator } — { $period }
return-window = période choisie
return-given = choisie
return-subtitle = Du { $since } au { $until } · au { $asof }
return-rules-period = Période { $period } : ouverts = cas reçus du { $since } jusqu'au { $until } (exclu); fermés = cas réglés dans cet intervalle, comptés une fois, selon leur dernier règlement dans celui-ci; ouverts à la fin = cas reçus avant la fin et encore ouverts à ce moment. Vu au { $asof }, heures de { $zone }.
return-rules-outcomes = Issues : fondée → retenue; partiellement fondée → partiellement retenue; non fondée et mauvaise foi → rejetée.
return-rules-fca-timing = Délais : en 3 jours ouvrables = réglé avant la fin du troisième jour ouvrable suivant le jour de réception (jours ouvrables : { $workdays }, moins les jours fériés de policies/deadlines.toml; { $holidays }); en 8 semaines = avant la fin du 56e jour civil suivant le jour de réception; plus tard = au-delà. Les catégories tiennent lieu des produits ou services de la déclaration.
return-holidays-none = aucun ne tombe dans la période
return-holidays-in = dans la période : { $list }
return-rules-amf-nature = Nature = la catégorie du cas (et son type : plainte ou réclamation); faites correspondre chacune aux codes de nature de l'AMF au moment du dépôt.
return-rules-check = Vérifiez ces chiffres avec le formulaire et les instructions en vigueur de l'autorité ({ $regulator }) avant le dépôt : redress les calcule à partir du registre; il ne connaît pas le formulaire.
return-col-opened = Ouverts
return-col-closed = Fermés
return-col-upheld = Retenues
return-col-partly = En partie
return-col-rejected = Rejetées
return-col-3-days = ≤ 3 jours ouvrables
return-col-8-weeks = ≤ 8 semaines
return-col-later = Plus tard
return-col-open-at-end = Ouverts à la fin
return-col-category = Catégorie
return-col-kind = Type
return-by-product = Par produit ou service (catégorie)
return-by-nature = Par nature (catégorie)
return-by-kind = Par type
return-key = { $key ->
    [total] Total
    [complaint] plainte
    [claim] réclamation
   *[other] { $key }
}
return-card-opened-note = reçus dans la période
return-card-closed-note = { $upheld } retenues, { $partly } en partie, { $rejected } rejetées
return-card-3-days = Fermés en 3 jours ouvrables
return-card-3-days-note = { $weeks } de plus en 8 semaines, { $later } plus tard
return-card-open-note = encore ouverts à la fin de la période

## action new | list | close

action-none = aucune mesure ne correspond
action-count = { $count ->
    [one] { $count } mesure
   *[other] { $count } mesures
}
action-closed = { $id } fermée le { $date }
action-already-closed = { $id } a déjà été fermée le { $date }; rien n'a été écrit
action-blank-note = --note est vide : indiquez ce qui a été fait; rien n'a été écrit
action-unknown-case-help = `redress list --all` énumère les cas; rien n'a été écrit
action-refusing = refus d'écrire { $path }; rien n'a été écrit
action-files-problems = certains fichiers de mesures comportent des problèmes; corrigez-les (`redress check`)

## letter

letter-needs-outcome = la lettre de décision indique l'issue : précisez --outcome founded|partly-founded|unfounded|bad-faith{ $record ->
    [yes] { " " }(--record enregistre le règlement)
   *[no] , ou réglez d'abord le cas
}
letter-needs-satisfied = --record sur une lettre de suivi enregistre `followed-up`, qui exige la réponse du client : précisez --satisfied yes|no (ou envoyez la lettre sans --record, puis enregistrez la réponse plus tard avec `redress follow-up`)
letter-no-template = aucun modèle de lettre { $path }
letter-no-template-help = `redress init --letters DOSSIER` (DOSSIER : la racine du registre, par défaut le dossier courant) ajoute les lettres par défaut, en français et en anglais, dans policies/letters/; modifiez-les ensuite
letter-unknown-language = langue inconnue « { $text } » : fr ou en attendu

## anonymise

anonymise-by-help = indiquez qui l'a fait avec --by MEMBRE, ou définissez REDRESS_USER
anonymise-by-unknown-help = précisez --by MEMBRE, ou ajoutez `{ $by }` à [team] dans policies/escalation.toml
anonymise-none-due = aucun cas n'est à anonymiser
anonymise-invalid-files = certains fichiers de cas sont invalides; corrigez-les avant `anonymise --all-due` (rien n'a été modifié)
anonymise-has-problems = { $path } comporte des problèmes; corrigez-les avant de l'anonymiser
anonymise-already = { $id } : déjà anonymisé le { $at }; rien n'a changé
anonymise-future = { $id } : son historique comporte des événements postérieurs à maintenant; anonymisez-le une fois ceux-ci passés (rien n'a été modifié)
anonymise-done = { $id } : anonymisé (le client est désormais { $pseudonym })

## extend

extend-bad-to = --to { $to } : { $problem }; rien n'a été écrit
extend-blank-reason = --reason est vide : indiquez pourquoi la réponse finale exige plus de temps

## every command that writes

fixed-clock-note = remarque : REDRESS_NOW={ $value } est défini; les heures sont relatives à cette valeur

## edit

edit-editor-empty = $EDITOR est vide
edit-editor-start = lancement de l'éditeur `{ $editor }`
edit-editor-failed = l'éditeur `{ $editor }` s'est terminé avec le code { $status }
edit-no-changes = { $id } : aucune modification
edit-not-installed = la modification n'a pas été installée; votre brouillon est conservé dans { $draft }
edit-abandoned = modification abandonnée ({ $why }); { $path } est inchangé. Votre brouillon est conservé dans { $draft }
edit-reading-draft = lecture du brouillon { $draft }
edit-draft-unreadable = le brouillon est illisible; { $path } est inchangé
edit-again = Le cas n'est pas valide. Le modifier de nouveau? [O/n]
edit-invalid = le cas modifié n'est pas valide; { $path } est inchangé. Votre brouillon est conservé dans { $draft } (reprenez-en ce qu'il vous faut en relançant `redress edit { $id }`)
edit-confirm-history = Modifier ces événements antérieurs? [o/N]
edit-not-confirmed = non confirmé
edit-pass-yes = précisez --yes pour les accepter hors d'un terminal
edit-history-refused = la modification change des événements antérieurs ({ $why }); { $path } est inchangé. Votre brouillon est conservé dans { $draft }
edit-unreadable-before = le fichier n'était pas lisible avant la modification; ses changements ne peuvent donc pas être énumérés
edit-history-adds = historique (ajouts à partir de l'événement { $n }) :
edit-history-changes = historique (changements à partir de l'événement { $n }) :
edit-moved = déplacé { $from } → { $to } ({ $path })
edit-edited = { $id } : modifié
edit-none = (aucun)
edit-layout-only = commentaires et mise en page seulement
# Les premières lettres d'un oui (o, ou y comme en anglais).
edit-yes-letters = oy

## vouliez-vous dire (les valeurs de la ligne de commande; les diagnostics des fichiers restent en anglais)

unknown-value-hint = { $what } introuvable : « { $value } »; vouliez-vous dire « { $hint } »?
unknown-value-list = { $what } introuvable : « { $value } »; valeurs possibles : { $names }
unknown-what = { $key ->
    [team-member] membre de l'équipe
    [member] membre
    [status] statut
    [category] catégorie
    [finding-code] code de constat
    [language] langue
    [remedy] mesure
    [column] colonne
    [setting] paramètre
    [escalation-target] cible d'escalade
    [severity] gravité
    [level] niveau
    [level-or-team-member] niveau ou membre de l'équipe
    [kind] nature
    [channel] canal
    [profile] profil
    [risk] risque
    [justice-dimension] dimension de justice
    [outcome] issue
    [event] événement
    [mode] mode
    [weekday] jour de la semaine
    [case] cas
    [department] service
   *[other] { $what }
}
list-assignee-unknown = --assignee : { $problem } (policies/escalation.toml énumère l'équipe)
import-by-unknown-help = précisez --by MEMBRE : l'export du CFPB signale des fermetures, enregistrées comme événements par un membre de l'équipe
list-category-unknown = --category : { $problem } (policies/categories.toml les énumère)

## report --review / --return : refus

report-for-needs-return = --for désigne la période d'une déclaration : ajoutez --return fca ou --return amf
report-since-after-until = --since doit précéder --until
report-return-needs-period = une déclaration couvre une période : précisez --for PÉRIODE (2026-Q3, 2026-09, 2026) ou à la fois --since et --until
review-no-previous = { $period } n'a pas de période précédente
review-estimates-invalid = policies/estimates.toml est invalide; corrigez-le ou supprimez-le pour utiliser les valeurs par défaut
review-no-csv = --review produit du html, du markdown ou du json, pas du csv

## search

search-none = aucun cas ne correspond
search-empty = le texte à chercher est vide
search-empty-help = donnez un mot à trouver, p. ex. `redress search eve`

## désigner un cas ou une mesure par une partie de son identifiant

find-no-id = aucun identifiant de cas fourni
find-no-case = aucun cas ne correspond à « { $query } »
find-no-case-help = `redress list` affiche les cas; tout préfixe ou suffixe unique d'un identifiant en désigne un
find-ambiguous = « { $query } » est ambigu : il désigne { $count } cas :
find-more = … et { $count } de plus
find-ambiguous-help = donnez plus de caractères de l'identifiant
find-action-problems = { $path } comporte des problèmes; corrigez-le d'abord (`redress check`)
find-no-action = aucune mesure ne correspond à « { $query } »
find-no-action-help = `redress action list --all` les énumère
find-several-actions = « { $query } » désigne plusieurs mesures : { $list }; donnez une plus grande partie de l'identifiant
report-actions-invalid = avertissement : les fichiers de mesures correctives ont des problèmes, le rapport les laisse donc de côté; `redress check` les énumère

## import : le compte rendu de la commande et ses lignes refusées

import-dry-run = essai à blanc : { $line }
import-dates-read-as = dates de réception lues selon { $format }
import-declared = { $dry ->
    [yes] déclarerait
   *[no] a déclaré
} { $count ->
    [one] { $count } nouvelle catégorie
   *[other] { $count } nouvelles catégories
} dans { $file } : { $names }
import-bad-rows = { $name } : { $count ->
    [one] { $count } ligne refusée
   *[other] { $count } lignes refusées
}; rien n'a été importé
    { $rows }  = aide : corrigez ces lignes (les numéros sont ceux du fichier), ou ajoutez --skip-bad pour importer les autres
import-and-more = … et { $count } de plus
import-summary = { $name } : { $dry ->
    [yes] importerait
   *[no] a importé
} { $imported ->
    [one] { $imported } ligne
   *[other] { $imported } lignes
}, { $bad } refusée(s), { $present } déjà présente(s)
import-summary-repeated = , { $count ->
    [one] { $count } ligne répétant une ligne antérieure
   *[other] { $count } lignes répétant une ligne antérieure
}
import-summary-blank = , { $count ->
    [one] { $count } ligne vide ignorée
   *[other] { $count } lignes vides ignorées
}
warning-line = avertissement : { $line }
import-no-id = { $column } manquant : la cellule est vide
import-no-date = date manquante dans `{ $column }`
import-expected = format attendu : { $format }
import-bad-date = date invalide `{ $text }` dans `{ $column }` ({ $why })
import-year-range = l'année { $year } est hors limites
import-no-title = aucun titre : la colonne du titre et la description sont vides
import-no-category-name = `{ $value }` dans `{ $column }` ne donne aucun nom de catégorie utilisable
import-no-category = catégorie manquante dans `{ $column }`
import-no-value = aucune valeur pour { $what }{ $empty ->
    [yes] {" "}(la cellule est vide)
   *[no] {""}
} et aucune valeur { $what } dans [defaults]
import-unknown-value = valeur inconnue pour { $what } : `{ $value }`
    {"    "}= aide : faites-en la correspondance dans le fichier de correspondance : [values.{ $what }] { $quoted } = "…" (ou "*" = "…" pour toute autre valeur)
import-columns = { $found } colonnes alors que l'en-tête en compte { $header }
import-not-utf8 = la colonne `{ $column }` n'est pas de l'UTF-8 valide; enregistrez le fichier en UTF-8
import-repeated-id = { $column } `{ $id }` figure aussi à la ligne { $first }, avec des valeurs différentes
import-invalid-case = le cas ne serait pas valide : { $problems }
import-not-kept = une valeur de cette ligne ne survit pas telle quelle à l'écriture en YAML; signalez-le, s'il vous plaît
import-either = { $a } { $joiner ->
    [or] ou
   *[other] ou --date-format
} { $b }
import-not-cfpb = ce n'est pas un export de plaintes du CFPB : il n'a pas de colonne `{ $name }` (ses colonnes sont : { $columns })
    {"  "}= aide : pour les autres exports, employez `redress import csv FICHIER --map CORRESPONDANCE.toml`
import-map-no-system = `source_system` est vide : nommez le système d'où vient le fichier, p. ex. source_system = "zendesk"
import-map-category = [values.category] associe `{ $raw }` à `{ $cat }`, qui n'est pas un nom de catégorie; écrivez-le `{ $slug }`
import-map-default-category = defaults.category `{ $cat }` n'est pas un nom de catégorie; écrivez-le `{ $slug }`
import-map-column = [columns] { $key } = { $name } : { $problem }
import-map-no-channel = aucun canal : associez une colonne avec [columns] channel = "…", ou fixez [defaults] channel = "web"
import-map-no-category = aucune catégorie : associez une colonne avec [columns] category = "…", ou fixez [defaults] category = "other"
import-map-no-title = aucun titre : associez une colonne avec [columns] title = "…" (ou une description, dont la première ligne sert alors de titre)
import-empty-file = le fichier est vide : il n'a pas de ligne d'en-tête
import-header-unreadable = lecture impossible de la ligne d'en-tête : { $error }
import-file-unreadable = lecture impossible du fichier : { $error }
import-header-not-utf8 = ligne 1 : la colonne { $column } de l'en-tête n'est pas de l'UTF-8 valide; enregistrez le fichier en UTF-8
import-header-twice = ligne 1 : l'en-tête nomme deux fois la colonne `{ $name }` (colonnes { $first } et { $second }); chaque colonne est conservée sous `fields` par son nom, qui doit donc être unique
import-date-format-invalid = format de date invalide `{ $format }` : écrivez un motif strftime comme `%d/%m/%Y` ou `%m/%d/%Y`, ou l'un de { $names }
import-date-no-values = la colonne `{ $column }` n'a aucune valeur d'où lire des dates
import-date-unknown = les valeurs de la colonne `{ $column }` (p. ex. `{ $example }`) ne sont pas des dates dans un format que redress connaît
    {"  "}= aide : indiquez comment elles sont écrites avec --date-format, p. ex. --date-format '%d/%m/%Y'
import-date-ambiguous = les dates de la colonne `{ $column }` sont ambiguës : elles se lisent en { $names } (p. ex. `{ $value }`)
    {"  "}= aide : précisez lequel avec --date-format, p. ex. --date-format { $patterns }
import-fix-ledger-first = corrigez d'abord le registre (`redress check` énumère chaque problème)
import-ledger-unreadable = impossible de savoir quelles lignes le registre contient déjà, car certains fichiers de cas sont illisibles :
    { $errors }
    {"  "}= aide : corrigez-les d'abord (`redress check` énumère chaque problème); rien n'a été importé

# Diagnostics des fichiers de cas, de politiques et d'actions (`check`, et
# les commandes qui refusent d'écrire un fichier invalide). Le JSON de
# `check` garde le libellé anglais dans les deux langues.

verbatim = { $text }
diag-error = erreur[{ $code }]
diag-optional-key = { $key } (facultatif)

## Cas

diag-title-empty = le titre est vide
diag-customer-empty = le nom du client est vide
diag-not-an-id = `{ $id }` n'est pas un identifiant de cas
diag-not-an-id-help = un identifiant s'écrit AAAAMMJJ-xxxx : la date de réception et quatre caractères base32 de Crockford (0-9, a-z sauf i, l, o, u)
diag-file-name = le fichier s'appelle `{ $stem }.yaml` mais contient le cas `{ $id }`
diag-file-name-help = renommez le fichier d'après son identifiant (ou corrigez l'identifiant)
diag-id-date = le cas `{ $id }` porte la date du { $date }, mais il a été reçu le { $received }
diag-id-date-help = un identifiant commence par la date locale de réception du cas
diag-event-key = `{ $key }` n'est pas une clé d'un événement `{ $event }`
diag-event-needs = un événement `{ $event }` exige `{ $key }`
diag-event-takes = un événement `{ $event }` accepte : { $keys }
diag-by-empty = `by` est vide : indiquez qui a agi
diag-amount-needed = un événement `compensated` exige `amount` (seules des excuses n'en ont pas)
diag-apology-amount = des excuses ne comportent pas de montant
diag-amount-positive = un montant d'indemnisation doit être positif
diag-before-receipt = `{ $event }` du { $at } précède la réception du cas ({ $received })
diag-before-receipt-help = les événements suivent la réception; vérifiez la date et le décalage horaire
diag-out-of-order = `{ $event }` du { $at } est antérieur à l'événement précédent
diag-out-of-order-help = l'historique suit l'ordre chronologique : déplacez l'événement ou corrigez son heure
diag-key-problem = `{ $key }` : { $problem }
diag-category-help = déclarez-la dans policies/categories.toml, ou employez une catégorie déclarée
diag-member-help = ajoutez le membre à [team] dans policies/escalation.toml
diag-escalation-help = escaladez vers un niveau ou un service de policies/escalation.toml
diag-remedy-help = les mesures sont énumérées dans policies/compensation.toml
diag-wants-help = `wants` prend des mesures énumérées dans policies/compensation.toml
diag-extension-to-help = le `to` d'une prolongation est la nouvelle cible de règlement, comptée depuis la réception comme celle de la politique (p. ex. 90d)
diag-wrong-folder = le cas `{ $id }` est classé dans le mauvais dossier
diag-wrong-folder-help = déplacez-le dans { $expected } (les cas sont rangés sous l'année et le mois de leur réception); si un fichier s'y trouve déjà, le cas est consigné deux fois : voyez duplicate-id

## Heures et durées, telles que les lecteurs communs les expliquent

time-invalid = heure invalide `{ $t }` : écrivez-la en RFC 3339 avec un décalage (2026-11-22T09:14:00-05:00) ou comme une date (2026-11-22)
time-or-span = { $e }, ou simplement 24h, 7d, 2w
time-too-far = `{ $t }` remonte trop loin dans le passé
time-or-relative = { $e }, une heure locale (2026-11-22 09:14), `today 14:30`, `yesterday 09:00`, `14:30` ou un délai écoulé (2h ago, 3d ago)
time-or-local = { $e }, ou une heure locale (2026-11-22 09:14)
time-date-range = date hors limites
time-out-of-range = `{ $local }` est hors limites
reading-flag = lecture de { $flag }
duration-expected = attendu : un nombre entier suivi de m, h, d ou w (minutes, heures, jours, semaines), p. ex. « 30m », « 2h », « 1d », « 2w »
duration-empty = durée vide; { duration-expected }
duration-invalid = durée invalide { $q }; { duration-expected }
duration-no-amount = durée invalide { $q } : il manque le nombre devant « { $last } »; { duration-expected }
duration-not-whole = durée invalide { $q } : le nombre doit être un entier positif; { duration-expected }
duration-too-large = durée invalide { $q } : le nombre { $digits } est trop grand
duration-zero = durée invalide { $q } : une durée doit être positive; { duration-expected }

## Le libellé des lecteurs (serde), reconnu et reformulé

serde-did-you-mean = { $message } (vouliez-vous dire `{ $hint }`?)
serde-at-path = { $path } : { $rest }
serde-unknown-list = { $kind ->
    [field] clé inconnue `{ $name }`; clés possibles : { $list }
   *[other] valeur inconnue `{ $name }`; valeurs possibles : { $list }
}
serde-unknown-one = { $kind ->
    [field] clé inconnue
   *[other] valeur inconnue
} `{ $name }`; attendu : { $one }
serde-unknown-none = { $kind ->
    [field] clé inconnue `{ $name }` : aucune clé n'est admise ici
   *[other] valeur inconnue `{ $name }` : aucune valeur n'est admise ici
}
serde-missing-field = clé manquante `{ $name }`
serde-duplicate-field = clé en double `{ $name }`
serde-invalid-type = type invalide : { $unexp }; attendu : { $exp }
serde-invalid-value = valeur invalide : { $unexp }; attendu : { $exp }
serde-sequence = une liste
serde-map = une table de clés
serde-unit = une valeur vide
serde-string = le texte { $value }
serde-integer = l'entier { $value }
serde-float = le nombre décimal { $value }
serde-boolean = le booléen { $value }
serde-a-string = un texte
serde-a-sequence = une liste
serde-a-map = une table de clés
serde-a-boolean = un booléen
serde-struct = la structure { $name }
serde-one-of = { $what } parmi { $names }

## Fichiers illisibles comme cas

diag-not-utf8 = le fichier n'est pas du texte UTF-8 : l'octet { $bytes } ne peut ni commencer ni continuer un caractère
diag-not-utf8-help = enregistrez le fichier en UTF-8 (p. ex. `iconv -f latin1 -t utf-8`), ou corrigez le caractère à cette position
diag-conflict = des marqueurs de conflit de fusion restent dans le fichier
diag-conflict-case-help = résolvez le conflit (gardez chaque événement, dans l'ordre chronologique), supprimez les marqueurs, puis lancez `redress check`
diag-conflict-policy-help = résolvez le conflit (choisissez ou combinez les deux versions), supprimez les marqueurs, puis lancez `redress policy check`
diag-duplicate-key-help = une clé ne peut figurer qu'une fois par table : gardez l'une des deux lignes
diag-yaml-syntax-help = corrigez la syntaxe YAML; `redress check` signale tous les fichiers d'un coup
diag-too-large = le fichier dépasse { $mib } Mio, la limite d'un fichier de cas; la limite est franchie ici
diag-too-large-help = un cas aussi volumineux n'est pas le dossier d'une seule plainte : scindez-le, ou retirez les événements répétés
diag-bad-character = { $char } ne peut pas figurer tel quel dans un fichier de cas
diag-bad-character-help = retirez-le, ou écrivez-le comme séquence d'échappement entre guillemets droits ("\u{ $code }")
diag-too-deep = les collections sont imbriquées sur plus de { $max } niveaux ici; un fichier de cas en exige 3
diag-too-deep-help = un cas est une table avec une liste `history` d'événements : aplatissez la structure
diag-an-anchor = une ancre (`&name`)
diag-an-alias = un alias (`*name`)
diag-anchor = { $what } n'est pas permis dans un fichier de cas
diag-anchor-help = écrivez la valeur au long; pour commencer un texte par `&` ou `*`, mettez-le entre guillemets droits

## Fichiers d'actions correctives

diag-action-date = `{ $key }` vaut `{ $value }`, qui n'est pas une date : écrivez AAAA-MM-JJ
diag-action-id = `{ $id }` n'est pas un identifiant d'action : `a-AAAAMMJJ-xxxx`
diag-action-file-name = le fichier s'appelle `{ $stem }` mais contient l'action `{ $id }`
diag-action-rename = renommez le fichier en { $path }
diag-action-blank = `{ $key }` est vide
diag-action-no-cases = `cases` est vide
diag-action-no-cases-help = énumérez les identifiants des cas auxquels répond cette action
diag-action-due-early = l'échéance du { $due } précède la création de l'action ({ $created })
diag-action-closed-early = la fermeture du { $closed } précède la création de l'action ({ $created })
diag-action-owner-help = le responsable doit être membre de [team] dans policies/escalation.toml
diag-action-category-help = employez une catégorie de policies/categories.toml
diag-action-cases-help = écrivez au long les identifiants de cas existants (`redress list --all` les affiche)
diag-action-format-help = voyez docs/format.md, « Corrective actions »
unknown-case-hint = cas introuvable : « { $id } »; vouliez-vous dire « { $hint } »?
unknown-case-none = cas introuvable : « { $id } »; aucun fichier de cas ne porte cet identifiant
unknown-french-in-file = { $what } introuvable : « { $value } »; vouliez-vous dire « { $hint } »? (les fichiers gardent la valeur anglaise; les mots français sont pour la ligne de commande)

## Ce que laisse une écriture interrompue

diag-leftover-temp = fichier temporaire laissé par un redress interrompu en pleine écriture
diag-leftover-temp-help = il ne contient rien dont le registre a besoin : si aucun redress n'est en cours, supprimez-le (rm '{ $rel }')
diag-stale-lock = fichier de verrou : tant qu'il existe, toute écriture dans { $target } est refusée
diag-stale-lock-help = si aucun redress n'est en cours, il a été laissé par un redress interrompu : supprimez-le (rm '{ $rel }')

## Fichiers de politiques

retention-invalid = durée de conservation invalide { $q }; attendu : un nombre entier suivi de y, m ou d (années, mois, jours civils), p. ex. « 7y », « 18m », « 90d »
pol-levels-empty = `levels` est vide : nommez la hiérarchie, du plus bas niveau au plus haut
pol-level-and-department = `{ $name }` est à la fois un niveau et un service
pol-next-level = `to = "next-level"` va avec `when = {"{"} overdue = "resolve" {"}"}`, et seulement avec lui
pol-next-level-help = un acheminement en retard envoie le cas un niveau au-dessus de son niveau actuel; les autres acheminements nomment un niveau ou un service
pol-unknown-department = la catégorie `{ $name }` est acheminée vers `{ $dep }`, qu'escalation.toml ne compte pas parmi ses `departments`
pol-currency = `{ $currency }` n'est pas un code de devise
pol-currency-help = employez un code ISO 4217 à trois lettres comme CAD, EUR ou USD
pol-authority = le pouvoir d'indemnisation de `{ $level }` doit être un montant positif
pol-missing = { $file } est absent
pol-missing-help = tout registre a besoin de deadlines.toml, escalation.toml et compensation.toml; `redress init` en écrit des versions par défaut
pol-listed-twice = { $what } en double : `{ $value }`
pol-time-zone = fuseau horaire inconnu `{ $zone }`
pol-time-zone-help = employez un nom IANA comme America/Toronto ou Europe/Paris
pol-workdays-empty = `workdays` est vide : les délais en heures ouvrables ne courraient jamais
pol-hours-two = `hours` prend deux heures : ["08:30", "17:00"]
pol-invalid-clock = heure invalide `{ $t }` : écrivez HH:MM, p. ex. 08:30
pol-hours-order = les heures ouvrables commencent à { $start } mais finissent à { $end } : le début doit précéder la fin
pol-invalid-date = date invalide `{ $d }` : écrivez AAAA-MM-JJ
pol-duration-help = une durée est un nombre entier positif suivi d'une unité : 30m, 2h, 1d, 2w, puis au besoin un mode et `following` (compté depuis la fin du jour de réception) : "8w 24/7", "3d business following"
pol-default-needs = [default] exige `{ $name }`
pol-default-needs-help = les règles se rabattent sur [default], qui fixe donc les quatre cibles : acknowledge, resolve, update_every, follow_up
pol-max-extension-help = une durée comptée comme la cible de règlement qu'elle prolonge : 90d, 35d, 12w
pol-empty-list = `{ $key }` est une liste vide : cette règle ne peut jamais s'appliquer
pol-never-match = { $problem }; cette règle ne peut jamais s'appliquer
pol-overdue-routes = `overdue` n'est une condition que des acheminements d'escalade
pol-overdue-resolve = `overdue = "{ $value }"` : seul `overdue = "resolve"` est pris en charge
pol-shadowed = { $what ->
    [deadline] la règle de délai
   *[other] la règle de fourchette
} `{ $name }` ne peut jamais s'appliquer : la règle antérieure `{ $earlier }` vise déjà tous les cas qu'elle vise
pol-shadowed-help = les règles sont essayées dans l'ordre et la première qui s'applique l'emporte : placez la règle la plus étroite en premier
pol-band-fraction = les bornes d'une fourchette sont des fractions du préjudice, comme 0.70
pol-band-negative = les bornes d'une fourchette ne peuvent pas être négatives
pol-band-empty = la fourchette est vide : le minimum { $min } dépasse le maximum { $max }
pol-band-empty-help = min et max sont des fractions incluses du préjudice, min ≤ max (p. ex. min = 0.70, max = 0.80)
est-help = chaque clé est facultative; la liste figure dans la section du README sur le rapport
est-value = `{ $name }` vaut { $value }; { $what ->
    [share] ce doit être une proportion entre 0 et 1
    [positive] ce doit être un nombre supérieur à 0
   *[other] ce doit être un nombre égal ou supérieur à 0
}
est-value-help = { $what ->
    [share] écrivez les proportions comme des fractions : 0.91 pour 91 %
    [positive] une relation dure un certain temps : p. ex. 5 ans
   *[other] les nombres et les montants ne peuvent pas être négatifs
}

## Fichiers illisibles

diag-cannot-read = lecture impossible : { $error }
diag-regular-only = redress ne lit que des fichiers ordinaires : supprimez celui-ci ou remplacez-le par un fichier ordinaire (`rm` s'il s'agit d'un FIFO ou d'un dossier égaré)
diag-root = impossible de résoudre la racine du registre : { $error }
diag-broken-link = lien brisé : { $error }
diag-outside-link = lien symbolique vers { $target }, hors du registre; il n'est ni lu ni écrit
diag-outside-help = les fichiers de cas doivent se trouver dans le dossier cases/ du registre lui-même : remplacez le lien par les fichiers
diag-not-a-file = nommé comme un fichier de cas, mais c'est { $kind }; il n'a pas été lu
diag-not-a-file-help = un cas est un fichier YAML ordinaire : supprimez celui-ci, ou renommez-le s'il n'est pas censé être un cas
file-kind = { $kind ->
    [fifo] un FIFO (tube nommé)
    [socket] un socket
    [device] un périphérique
    [folder] un dossier
    [link] un lien symbolique
   *[other] autre chose qu'un fichier ordinaire
}
diag-duplicate-id = l'identifiant de cas `{ $id }` est aussi employé par { $others }
diag-duplicate-id-help = le même identifiant figure dans deux fichiers : s'il s'agit d'un seul cas, copiez dans le fichier bien classé tout événement que seul l'autre contient (dans l'ordre chronologique) et supprimez l'autre; s'il s'agit de cas différents, donnez à l'un un nouvel identifiant (même date, quatre nouveaux caractères) et renommez son fichier
diag-id-taken = l'identifiant de cas `{ $id }` est déjà employé par { $target }
diag-id-taken-help = gardez `{ $old }`; pour corriger la date de réception, modifiez seulement `received` et redress choisira le nouvel identifiant
diag-full = { $path }:{ $line }:{ $column }: erreur[{ $code }]: { $message }
diag-with-help = { $diag }
    {"  "}= aide : { $help }
char-name = { $code }{ $name ->
    [nul] {" "}(NUL)
    [bel] {" "}(BEL)
    [backspace] {" "}(retour arrière)
    [vertical-tab] {" "}(tabulation verticale)
    [form-feed] {" "}(saut de page)
    [escape] {" "}(échappement)
    [del] {" "}(DEL)
    [lone-cr] {" "}(retour chariot sans saut de ligne)
    [next-line] {" "}(ligne suivante)
    [no-break-space] {" "}(espace insécable)
    [line-separator] {" "}(séparateur de ligne)
    [paragraph-separator] {" "}(séparateur de paragraphe)
    [byte-order-mark] {" "}(indicateur d'ordre des octets)
    [control] {" "}(caractère de commande)
   *[none] {""}
}

## Montants, tels que le lecteur commun les explique

money-invalid = montant invalide `{ $text }` : { $why ->
    [negative] un montant ne peut pas être négatif
    [cents] au plus deux décimales (les cents)
    [too-large] au plus { $digits } chiffres avant la virgule (999999999999.99 au plus)
    [typed] écrivez un nombre simple comme 90,00 ou 90.00 (les milliers comme 1 234,50 ou 1,234.50)
   *[plain] écrivez un nombre simple comme 90.00
}
money-ambiguous = montant ambigu `{ $text }` : la virgule est-elle une marque décimale ou un séparateur de milliers?
    {"  "}= aide : écrivez 1234 (ou 1 234,00, ou 1,234.00) pour mille et plus, 1,23 ou 1.23 pour des cents
serde-a-number = un nombre
serde-an-amount = un montant comme 90.00
serde-a-time = une heure comme 2026-11-22T09:14:00-05:00
serde-a-text-map = une table de noms et de textes

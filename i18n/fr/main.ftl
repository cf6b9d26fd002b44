# redress — messages en français (fr-CA). Chaque identifiant existe aussi
# dans i18n/en/ (tests/i18n.rs échoue sinon). Arguments : { $name }.

# « cas » est invariable, mais la règle du pluriel français (0 et 1 au
# singulier) sert aux autres noms.
case-count = { $count ->
    [one] { $count } cas
   *[other] { $count } cas
}

## La ligne de commande

error-unknown-language = langue inconnue « { $value } » : redress parle en (anglais) et fr (français)
clap-help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    Utilisation : {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
clap-heading-commands = Commandes
clap-heading-options = Options
clap-heading-global = Options globales
clap-heading-arguments = Arguments
impact-open-cases = Cas ouverts

## init

init-already = { $dir } est déjà un registre (il contient un dossier policies/); rien n'a été modifié
init-exists = { $path } existe déjà; rien n'a été modifié
init-created = Registre créé dans { $dir }
    {"  "}cases/       un fichier YAML par cas
    {"  "}policies/    délais, escalade, indemnisation, catégories
    {"               "}letters/fr et letters/en : les lettres de `redress letter`
    {"               "}{ $listed }
    {"  "}reports/     où `redress report -o` écrit (exclu de git)
    {"  "}exports/     où `redress export -o` écrit (exclu de git)
    { $verify }Ensuite : ajoutez votre équipe dans policies/escalation.toml, puis lancez `redress new`.
init-language = Le registre parle par défaut la langue de --lang (policies/ledger.toml).
init-git = Ceci est une copie de travail git : `redress git-setup` permet à git de fusionner les modifications simultanées d'un cas.
init-settings = # Les réglages propres au registre.
    # language : la langue des messages et des formats lisibles quand ni
    # --lang ni REDRESS_LANG n'en décident autrement (en ou fr).
    language = "{ $lang }"

## check

check-ok = ok : les { $files } fichiers de cas et les politiques sont valides
check-policies-bad = { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
} dans les politiques; les cas n'ont pas été vérifiés
check-problems = { $problems ->
    [one] { $problems } problème
   *[other] { $problems } problèmes
} dans { $bad ->
    [one] { $bad } fichier
   *[other] { $bad } fichiers
}; { $valid } des { $files } fichiers de cas sont valides
check-policies-invalid = les politiques ne sont pas valides
check-future-event = { $path } : `{ $event }` du { $at } est postérieur à maintenant
check-future-warning = avertissement : { $line }; vérifiez la date (les événements inscrits avec --future sont attendus)
help-label = aide
help-label-colon = aide :

## Erreurs

error-line = erreur : { $error }
error-cause = {"  "}cause : { $cause }
error-policies-invalid = les politiques du registre ne sont pas valides; corrigez-les d'abord (`redress policy check` énumère chaque problème)
error-future-time = { $flag } { $text } correspond au { $at }, { $ahead } après maintenant ({ $now })
    {"  "}= aide : vérifiez la date; si elle est vraiment dans le futur, ajoutez --future
error-invalid-cases = { $count ->
    [one] { $count } problème dans les fichiers de cas
   *[other] { $count } problèmes dans les fichiers de cas
}; `{ $command }` laisserait ces fichiers de côté, il n'a donc rien affiché
    {"  "}= aide : corrigez-les (`redress check`) ou ajoutez --skip-invalid pour continuer avec les cas valides seulement
error-no-member = aucun membre de l'équipe indiqué, et ni REDRESS_USER ni USER n'est défini
error-not-a-ledger = { $dir } n'est pas un registre : il n'a pas de dossier policies/
    {"  "}= aide : créez-en un avec `redress init { $dir }`
error-no-ledger = pas dans un registre : aucun dossier policies/ ici ni dans les dossiers parents de { $dir }
    {"  "}= aide : lancez `redress init`, ou désignez-en un avec --ledger DIR ou REDRESS_LEDGER
clap-default = {" "}[par défaut : { $value }]
clap-possible = {" "}[valeurs possibles : { $values }]
clap-env = {" "}[variable : { $name }]

## policy impact

impact-no-effect = Aucun effet sur l'audit des { $cases } cas.
impact-summary = Sur { $cases } cas, ce changement ajoute { $added } constat(s) ({ $added_errors } erreur(s)) et en retire { $removed } ({ $removed_errors } erreur(s)); { $moved } échéance(s) bougent; { $bands } cas changent de fourchette.
impact-md-title = Effet du changement de politique par rapport à `{ $base }`
impact-title = Effet du changement de politique par rapport à { $base }, au { $as_of }
impact-md-kpi-columns = Indicateur | Avant | Après
impact-added = Constats ajoutés
impact-removed = Constats retirés
impact-md-finding-columns = Cas | Constat | Gravité | Détails
impact-due-moved = Échéances déplacées
impact-md-due-columns = Cas | Délai | Avant | Après | Écart
impact-more = …et { $more } de plus (`--format json` les énumère toutes).
impact-bands-changed = Fourchettes d'indemnisation modifiées
impact-bands-short = Fourchettes modifiées
impact-md-band-columns = Cas | Avant | Après

## Verbes du cycle de vie

event-strict-refused = l'événement enfreint la politique; rien n'a été écrit (--strict) :
event-warning = avertissement : { $warning }
event-inserted = , inséré avant l'événement « { $event } » du { $at }
event-when-pause-ends = à la fin de la suspension
event-follow-up-due = { $id } est fermé, mais son suivi de satisfaction est encore dû ({ $when }); inscrivez-le avec `redress follow-up { $id } --satisfied yes|no`

## policy check

policy-check-ok = ok : les politiques sont valides — calendrier { $tz } ({ $mode }), { $rules } règle(s) de délai, { $levels } palier(s), { $members } membre(s), { $routes } acheminement(s), fourchette de { $min } à { $max } avec { $band_rules } règle(s), catégories : { $categories }
policy-check-problems = { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
} dans les politiques
policy-check-any = toutes
check-ok-actions = ok : les { $files } fichiers de cas, les { $actions } fichiers d'actions et les politiques sont valides
report-written = rapport écrit dans { $path }
man-written = { $count } pages de manuel écrites dans { $dir }
init-listed-quebec = (deadlines.toml liste les jours fériés du Québec pour { $year } et { $next })
init-listed-england = (deadlines.toml liste les jours fériés bancaires d'Angleterre et du pays de Galles pour { $year } et { $next })
init-listed-none = (deadlines.toml compte des jours civils : ajoutez des jours fériés pour les règles en jours ouvrables)
init-verify-preset = Préréglage { $preset } : vérifiez policies/deadlines.toml par rapport au texte en vigueur des règles qu'il cite.
skip-invalid-left-out = { $count ->
    [one] { $count } problème de fichier de cas ci-dessus; --skip-invalid laisse ces fichiers de côté
   *[other] { $count } problèmes de fichiers de cas ci-dessus; --skip-invalid laisse ces fichiers de côté
}
file-has-problems = { $rel } comporte des problèmes

## Les refus de la ligne de commande par clap, reformulés en français

clap-usage-label = Utilisation :
clap-more-information = Pour en savoir plus, essayez « --help ».
clap-problem = { $kind ->
    [value-required] une valeur est exigée pour « { $arg } », mais aucune n'a été fournie
    [invalid-value] valeur invalide « { $value } » pour « { $arg } »
    [invalid-value-reason] valeur invalide « { $value } » pour « { $arg } » : { $reason }
    [unknown-argument] argument inattendu « { $arg } »
    [unknown-subcommand] sous-commande inconnue « { $sub } »
    [missing-required] les arguments obligatoires suivants n'ont pas été fournis :{ $required }
    [missing-subcommand] « { $sub } » exige une sous-commande, mais aucune n'a été fournie
    [used-twice] l'argument « { $arg } » ne peut pas être employé plus d'une fois
    [conflict] l'argument « { $arg } » ne peut pas être employé avec « { $prior } »
    [no-equals] un signe égal est nécessaire pour donner une valeur à « { $arg } »
    [too-many-values] valeur inattendue « { $value } » pour « { $arg } »; aucune autre n'était attendue
    [wrong-number] { $expected } valeur(s) exigée(s) pour « { $arg } », mais { $actual } fournie(s)
   *[other] la ligne de commande n'est pas valide
}
clap-error-possible = [valeurs possibles : { $values }]
clap-tip = astuce : { $tip }
clap-tip-similar = { $what ->
    [subcommand] une sous-commande semblable existe
    [argument] un argument semblable existe
   *[other] une valeur semblable existe
} : « { $similar } »
clap-tip-as-value = pour passer « { $arg } » comme valeur, employez « { $use } »
clap-help-subcommand = Affiche ce message ou l'aide des sous-commandes données

## man : titres de section (clap_mangen les écrit en anglais) et FICHIERS

man-heading-name = NOM
man-heading-synopsis = SYNOPSIS
man-heading-description = DESCRIPTION
man-heading-options = OPTIONS
man-heading-subcommands = SOUS-COMMANDES
man-heading-files = FICHIERS
man-heading-see-also = VOIR AUSSI
man-file-cases = un cas par fichier, les événements ajoutés à la suite
man-file-deadlines = le calendrier, les jours fériés et les délais
man-file-escalation = l'équipe et les acheminements d'escalade
man-file-compensation = les mesures et les fourchettes d'indemnisation
man-file-categories = les catégories de plaintes
man-file-outputs = sorties par défaut de report -o et d'export -o (ignorées par git)
flag-problem = { $flag } : { $problem }
new-assign-help = les membres sont énumérés sous [team] dans policies/escalation.toml

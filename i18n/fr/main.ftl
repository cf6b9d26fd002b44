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
      cases/       un fichier YAML par cas
      policies/    délais, escalade, indemnisation, catégories
                   (deadlines.toml liste les jours fériés du Québec pour { $year } et { $next })
      reports/     où `redress report -o` écrit (exclu de git)
      exports/     où `redress export -o` écrit (exclu de git)
    Ensuite : ajoutez votre équipe dans policies/escalation.toml, puis lancez `redress new`.
init-language = Le registre parle par défaut la langue de --lang (policies/ledger.toml).
init-git = Ceci est une copie de travail git : `redress git-setup` permet à git de fusionner les modifications simultanées d'un cas.
init-settings = # Les réglages propres au registre.
    # language : la langue des messages et des formats lisibles quand ni
    # --lang ni REDRESS_LANG n'en décident autrement (en ou fr).
    language = "{ $lang }"

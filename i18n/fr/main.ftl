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

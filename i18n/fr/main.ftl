# redress — messages en français (fr-CA). Chaque identifiant existe aussi
# dans i18n/en/ (tests/i18n.rs échoue sinon). Arguments : { $name }.

# « cas » est invariable, mais la règle du pluriel français (0 et 1 au
# singulier) sert aux autres noms.
case-count = { $count ->
    [one] { $count } cas
   *[other] { $count } cas
}

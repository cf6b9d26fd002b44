# redress — English messages. Every id here exists in i18n/fr/ too
# (tests/i18n.rs fails otherwise). Arguments: { $name }.

case-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}

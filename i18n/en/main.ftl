# redress — English messages. Every id here exists in i18n/fr/ too
# (tests/i18n.rs fails otherwise). Arguments: { $name }.

case-count = { $count ->
    [one] { $count } case
   *[other] { $count } cases
}

## The command line

error-unknown-language = unknown language "{ $value }": redress speaks en and fr
clap-help-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    {"{"}usage-heading{"}"} {"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
clap-heading-commands = Commands
clap-heading-options = Options
clap-heading-global = Global options
clap-heading-arguments = Arguments
impact-open-cases = Open cases

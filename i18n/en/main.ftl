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

## init

init-already = { $dir } is already a ledger (it has a policies/ folder); nothing was changed
init-exists = { $path } already exists; nothing was changed
init-created = Created a ledger in { $dir }
      cases/       one YAML file per case
      policies/    deadlines, escalation, compensation, categories
                   (deadlines.toml lists Québec's holidays for { $year } and { $next })
      reports/     where `redress report -o` writes (kept out of git)
      exports/     where `redress export -o` writes (kept out of git)
    Next: add your team to policies/escalation.toml, then `redress new`.
init-language = The ledger speaks the language of --lang by default (policies/ledger.toml).
init-git = This is a git work tree: `redress git-setup` lets git merge concurrent edits to a case.
init-settings = # The ledger's own settings.
    # language: the language of messages and human formats when neither
    # --lang nor REDRESS_LANG says otherwise (en or fr).
    language = "{ $lang }"

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
    {"  "}cases/       one YAML file per case
    {"  "}policies/    deadlines, escalation, compensation, categories
    {"               "}letters/fr and letters/en: the letters of `redress letter`
    {"               "}{ $listed }
    {"  "}reports/     where `redress report -o` writes (kept out of git)
    {"  "}exports/     where `redress export -o` writes (kept out of git)
    { $verify }Next: add your team to policies/escalation.toml, then `redress new`.
init-language = The ledger speaks the language of --lang by default (policies/ledger.toml).
init-git = This is a git work tree: `redress git-setup` lets git merge concurrent edits to a case.
init-settings = # The ledger's own settings.
    # language: the language of messages and human formats when neither
    # --lang nor REDRESS_LANG says otherwise (en or fr).
    language = "{ $lang }"

## check

check-ok = ok: { $files } case files and the policies are valid
check-policies-bad = { $problems } problem(s) in the policies; cases were not checked
check-problems = { $problems } problem(s) in { $bad } file(s); { $valid } of { $files } case files are valid
check-policies-invalid = the policies are invalid
check-future-event = { $path }: `{ $event }` at { $at } is after now
check-future-warning = warning: { $line }; check the date (events recorded with --future are expected)
help-label = help
help-label-colon = help:

## Errors

error-line = error: { $error }
error-cause = {"  "}caused by: { $cause }
error-policies-invalid = the ledger's policies are invalid; fix them first (`redress policy check` lists every problem)
error-future-time = { $flag } { $text } reads as { $at }, { $ahead } after now ({ $now })
    {"  "}= help: check the date; if it really is in the future, pass --future
error-invalid-cases = { $count ->
    [one] { $count } case file problem
   *[other] { $count } case file problems
}; `{ $command }` would leave those files out, so it printed nothing
    {"  "}= help: fix them (`redress check`), or pass --skip-invalid to go on with the valid cases only
error-no-member = no team member given and neither REDRESS_USER nor USER is set
error-not-a-ledger = { $dir } is not a ledger: it has no policies/ folder
    {"  "}= help: create one with `redress init { $dir }`
error-no-ledger = not inside a ledger: no policies/ folder here or in any parent of { $dir }
    {"  "}= help: run `redress init`, or name one with --ledger DIR or REDRESS_LEDGER
clap-default = {" "}[default: { $value }]
clap-possible = {" "}[possible values: { $values }]
clap-env = {" "}[env: { $name }]

## policy impact

impact-no-effect = No effect on the audit of { $cases } cases.
impact-summary = Across { $cases } cases this change adds { $added } finding(s) ({ $added_errors } error(s)) and removes { $removed } ({ $removed_errors } error(s)); { $moved } due time(s) move; { $bands } case(s) change band.
impact-md-title = Policy impact against `{ $base }`
impact-title = Policy impact against { $base }, as of { $as_of }
impact-md-kpi-columns = Indicator | Before | After
impact-added = Findings added
impact-removed = Findings removed
impact-md-finding-columns = Case | Finding | Severity | Details
impact-due-moved = Due times moved
impact-md-due-columns = Case | Clock | Before | After | Shift
impact-more = …and { $more } more (`--format json` lists them all).
impact-bands-changed = Compensation bands changed
impact-bands-short = Bands changed
impact-md-band-columns = Case | Before | After

## Lifecycle verbs

event-strict-refused = the event breaks the policy; nothing was written (--strict):
event-warning = warning: { $warning }
event-inserted = , inserted before the { $event } of { $at }
event-when-pause-ends = when the pause ends
event-follow-up-due = { $id } is closed but its follow-up is still due ({ $when }); record it with `redress follow-up { $id } --satisfied yes|no`

## policy check

policy-check-ok = ok: policies are valid — calendar { $tz } ({ $mode }), { $rules } deadline rule(s), { $levels } level(s), { $members } member(s), { $routes } route(s), band { $min }–{ $max } with { $band_rules } rule(s), { $categories } categories
policy-check-problems = { $count } problem(s) in the policies
policy-check-any = any
check-ok-actions = ok: { $files } case files, { $actions } action files and the policies are valid
report-written = report written to { $path }
man-written = { $count } man pages written to { $dir }
init-listed-quebec = (deadlines.toml lists Québec's holidays for { $year } and { $next })
init-listed-england = (deadlines.toml lists the bank holidays of England and Wales for { $year } and { $next })
init-listed-none = (deadlines.toml counts calendar days: add holidays for business-day rules)
init-verify-preset = Preset { $preset }: verify policies/deadlines.toml against the current text of the rules it cites.
skip-invalid-left-out = { $count ->
    [one] { $count } case file problem
   *[other] { $count } case file problems
} above; --skip-invalid leaves those files out
file-has-problems = { $rel } has problems

## clap's refusals of a command line (in English clap words them itself;
## these mirror its wording so that both catalogues hold the same ids)

clap-usage-label = Usage:
clap-more-information = For more information, try '--help'.
clap-problem = { $kind ->
    [value-required] a value is required for '{ $arg }' but none was supplied
    [invalid-value] invalid value '{ $value }' for '{ $arg }'
    [invalid-value-reason] invalid value '{ $value }' for '{ $arg }': { $reason }
    [unknown-argument] unexpected argument '{ $arg }' found
    [unknown-subcommand] unrecognized subcommand '{ $sub }'
    [missing-required] the following required arguments were not provided:{ $required }
    [missing-subcommand] '{ $sub }' requires a subcommand but one was not provided
    [used-twice] the argument '{ $arg }' cannot be used multiple times
    [conflict] the argument '{ $arg }' cannot be used with '{ $prior }'
    [no-equals] equal sign is needed when assigning values to '{ $arg }'
    [too-many-values] unexpected value '{ $value }' for '{ $arg }' found; no more were expected
    [wrong-number] { $expected } values required for '{ $arg }' but { $actual } provided
   *[other] the command line is not valid
}
clap-error-possible = [possible values: { $values }]
clap-tip = tip: { $tip }
clap-tip-similar = a similar { $what } exists: '{ $similar }'
clap-tip-as-value = to pass '{ $arg }' as a value, use '{ $use }'
clap-help-subcommand = Print this message or the help of the given subcommand(s)

## man: section headings (clap_mangen writes them in English) and FILES

man-heading-name = NAME
man-heading-synopsis = SYNOPSIS
man-heading-description = DESCRIPTION
man-heading-options = OPTIONS
man-heading-subcommands = SUBCOMMANDS
man-heading-files = FILES
man-heading-see-also = SEE ALSO
man-file-cases = one case per file, events appended
man-file-deadlines = the calendar, holidays and deadlines
man-file-escalation = the team and escalation routes
man-file-compensation = remedies and compensation bands
man-file-categories = the complaint categories
man-file-outputs = default outputs of report -o and export -o (git-ignored)
flag-problem = { $flag }: { $problem }
new-assign-help = members are listed under [team] in policies/escalation.toml

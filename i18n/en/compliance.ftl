# The compliance pages: the management review (`report --review`), the
# regulator returns (`report --return`) and corrective actions (`action`).

## The printable document (markdown and HTML)

doc-figure = Figure
doc-value = Value
doc-none = None
doc-none-md = None.
doc-key-figures = Key figures
doc-footer = Computed by redress from the ledger's files. Cases are named by ID only: no customer contact detail or case title appears on this page.

## report --review

review-eyebrow = redress management review
review-title = Management review — { $period }
review-subtitle = Cases received { $since } to { $until }, against { $previous } · as of { $asof }
review-note = Inputs to the management review of ISO 10002 §8.7 and ISO 9001 §9.3: performance, causes, customers, compensation, findings and corrective actions.
review-points = { $points } pts
review-card-cases = Cases
review-card-cases-note = { $count } in { $period }
review-card-resolved = Resolved on time
review-card-repeat-note = two cases or more
review-card-double-note = reopened or came back
review-card-open-findings-note = on cases still open
review-card-actions-note = { $count } open
review-kpis = Indicators against the previous period
review-col-indicator = Indicator
review-col-change = Change
review-cases-received = Cases received
review-still-open = Still open
review-reopened = Reopened (double deviation)
review-median-ack = Median time to acknowledge
review-median-resolve = Median time to resolve
review-compensation-granted = Compensation granted
review-causes = Top causes (Pareto) and their trend
review-col-category = Category
review-col-cases = Cases
review-col-share = Share
review-col-cumulative = Cumulative
review-col-vital-few = Vital few
review-col-trend = Trend
review-causes-reading = The vital few are the fewest categories that together reach 80 % of the period's cases.
review-yes = yes
review-repeat = Repeat customers
review-col-customer = Customer
review-customer-n = customer { $n }
review-col-case-ids = Case IDs
review-repeat-reading = Customers with a case in the period and at least two cases up to its end (same email, phone or name). Names are shown only with --include-contacts.
review-double = Double deviations
review-col-case = Case
review-col-what = What
review-col-when = When
review-double-reading = The recovery failed too: a case reopened in the period, or a customer who came back within 90 days of the resolution of an earlier case.
review-came-back = came back after { $case }
review-kind = { $kind }
review-compensation = Compensation against the band
review-compensation-reading = The policy's band is { $min }–{ $max } % of the harm; founded and partly-founded cases with a harm are judged against the band that applies to each.
review-granted = Granted
review-granted-harm = Granted / harm
review-below-band = Below the band
review-within-band = Within the band
review-above-band = Above the band
review-findings = Audit findings of the period's cases
review-col-finding = Finding
review-col-severity = Severity
review-col-findings = Findings
review-open-findings = Open findings
review-col-at = At
review-open-findings-reading = Findings on cases still open: what the team can still put right.
review-too-early = too early to measure
review-actions = Corrective actions
review-col-action = Action
review-col-status = Status
review-col-owner = Owner
review-col-due = Due
review-col-cause = Cause
review-col-from = From
review-col-days = Days
review-col-before-after = Cases before → after
review-actions-reading = Per category the action answers: cases received in the days before its date (its closing, else its creation) and in as many days from it, up to 90.
action-status = { $status }

## report --return

return-fca = FCA complaints return
return-amf = AMF complaints report
return-eyebrow = redress return
return-title = { $regulator } — { $period }
return-window = window
return-given = given
return-subtitle = { $since } to { $until } · as of { $asof }
return-rules-period = Period { $period }: opened = cases received from { $since } up to { $until } (not included); closed = cases with a resolution in that window, counted once, by their last resolution in it; open at end = cases received before the end and still open then. Seen as of { $asof }, times in { $zone }.
return-rules-outcomes = Outcomes: founded → upheld; partly-founded → partly upheld; unfounded and bad-faith → rejected.
return-rules-fca-timing = Timing: within 3 business days = resolved by the end of the third business day after the day of receipt (business days: { $workdays }, less the holidays of policies/deadlines.toml; { $holidays }); within 8 weeks = by the end of the 56th calendar day after the day of receipt; later = after that. Categories stand for the return's products or services.
return-holidays-none = none falls in the period
return-holidays-in = in the period: { $list }
return-rules-amf-nature = Nature = the case's category (and its kind: complaint or claim); map each to the AMF's own nature codes when filing.
return-rules-check = Check these figures against the { $regulator }'s current form and instructions before filing: redress computes them from the ledger; it does not know the form.
return-col-opened = Opened
return-col-closed = Closed
return-col-upheld = Upheld
return-col-partly = Partly
return-col-rejected = Rejected
return-col-3-days = ≤ 3 business days
return-col-8-weeks = ≤ 8 weeks
return-col-later = Later
return-col-open-at-end = Open at end
return-col-category = Category
return-col-kind = Kind
return-by-product = By product or service (category)
return-by-nature = By nature (category)
return-by-kind = By kind
return-key = { $key }
return-card-opened-note = received in the period
return-card-closed-note = { $upheld } upheld, { $partly } partly, { $rejected } rejected
return-card-3-days = Closed within 3 business days
return-card-3-days-note = { $weeks } more within 8 weeks, { $later } later
return-card-open-note = still open when the period ended

## action new | list | close

action-none = no actions match
action-count = { $count } action(s)
action-closed = { $id } closed on { $date }
action-already-closed = { $id } was already closed on { $date }; nothing was written
action-blank-note = --note is blank: say what was done; nothing was written
action-unknown-case-help = `redress list --all` lists the cases; nothing was written
action-refusing = refusing to write { $path }; nothing was written
action-files-problems = some action files have problems; fix them (`redress check`)

## letter

letter-needs-outcome = the decision letter states the outcome: pass --outcome founded|partly-founded|unfounded|bad-faith{ $record ->
    [yes] { " " }(--record records the resolution)
   *[no] , or resolve the case first
}
letter-needs-satisfied = --record on a follow-up letter records `followed-up`, which needs the customer's answer: pass --satisfied yes|no (or send the letter without --record, and record the answer later with `redress follow-up`)
letter-no-template = no letter template { $path }
letter-no-template-help = `redress init --letters DIR` (DIR: the ledger's root, default the current folder) adds the default letters, French and English, to policies/letters/; then edit them
letter-unknown-language = unknown language `{ $text }`: expected fr or en

## anonymise

anonymise-by-help = say who did it with --by MEMBER, or set REDRESS_USER
anonymise-by-unknown-help = pass --by MEMBER, or add `{ $by }` to [team] in policies/escalation.toml
anonymise-none-due = no case is due for anonymisation
anonymise-invalid-files = some case files are invalid; fix them before `anonymise --all-due` (nothing was changed)
anonymise-has-problems = { $path } has problems; fix them before anonymising it
anonymise-already = { $id }: already anonymised at { $at }; nothing changed
anonymise-future = { $id }: its history has events after now; anonymise it once they are past (nothing was changed)
anonymise-done = { $id }: anonymised (the customer is now { $pseudonym })

## extend

extend-bad-to = --to { $to }: { $problem }; nothing was written
extend-blank-reason = --reason is empty: say why the final response needs more time

## every command that writes

fixed-clock-note = note: REDRESS_NOW={ $value } is set; times are relative to it

## edit

edit-editor-empty = $EDITOR is empty
edit-editor-start = starting the editor `{ $editor }`
edit-editor-failed = the editor `{ $editor }` exited with { $status }
edit-no-changes = { $id }: no changes
edit-not-installed = the edit was not installed; your draft is kept at { $draft }
edit-abandoned = edit abandoned ({ $why }); { $path } is unchanged. Your draft is kept at { $draft }
edit-reading-draft = reading the draft { $draft }
edit-draft-unreadable = the draft cannot be read; { $path } is unchanged
edit-again = The case is not valid. Edit it again? [Y/n]
edit-invalid = the edited case is not valid; { $path } is unchanged. Your draft is kept at { $draft } (take what you need from it when you run `redress edit { $id }` again)
edit-confirm-history = Change these earlier events? [y/N]
edit-not-confirmed = not confirmed
edit-pass-yes = pass --yes to accept them when not in a terminal
edit-history-refused = the edit changes earlier events ({ $why }); { $path } is unchanged. Your draft is kept at { $draft }
edit-unreadable-before = the file did not parse before the edit, so its changes cannot be listed
edit-history-adds = history (adds from event { $n }):
edit-history-changes = history (changes from event { $n }):
edit-moved = moved { $from } → { $to } ({ $path })
edit-edited = { $id }: edited
edit-none = (none)
edit-layout-only = comments and layout only
# The first letters of a yes (y, or o for « oui » in French).
edit-yes-letters = y

## did you mean (the command line's values; diagnostics of files stay in English)

unknown-value-hint = unknown { $what } `{ $value }`: did you mean `{ $hint }`?
unknown-value-list = unknown { $what } `{ $value }`: expected one of { $names }
unknown-what = { $what }
list-assignee-unknown = --assignee: { $problem } (policies/escalation.toml lists the team)
import-by-unknown-help = pass --by MEMBER: the CFPB export reports closings, recorded as events by a team member
list-category-unknown = --category: { $problem } (policies/categories.toml lists them)

## report --review / --return: refusals

report-for-needs-return = --for names the period of a return: add --return fca or --return amf
report-since-after-until = --since must come before --until
report-return-needs-period = a return covers a period: give --for PERIOD (2026-Q3, 2026-09, 2026) or both --since and --until
review-no-previous = { $period } has no previous period
review-estimates-invalid = policies/estimates.toml is invalid; fix it or delete it to use the defaults
review-no-csv = --review prints html, markdown or json, not csv

## search

search-none = no case matches
search-empty = the search text is empty
search-empty-help = give a word to find, e.g. `redress search eve`

## naming a case or an action by a part of its ID

find-no-id = no case ID given
find-no-case = no case matches `{ $query }`
find-no-case-help = `redress list` shows the cases; any unique prefix or suffix of an ID names one
find-ambiguous = `{ $query }` is ambiguous: it names { $count } cases:
find-more = … and { $count } more
find-ambiguous-help = give more characters of the ID
find-action-problems = { $path } has problems; fix it first (`redress check`)
find-no-action = no action matches `{ $query }`
find-no-action-help = `redress action list --all` lists them
find-several-actions = `{ $query }` names several actions: { $list }; give more of the ID
report-actions-invalid = warning: the action files have problems, so the report leaves corrective actions out; `redress check` lists them

## import: the command's report and its bad rows

import-dry-run = dry run: { $line }
import-dates-read-as = received dates read as { $format }
import-declared = { $dry ->
    [yes] would declare
   *[no] declared
} { $count ->
    [one] { $count } new category
   *[other] { $count } new categories
} in { $file }: { $names }
import-bad-rows = { $name }: { $count } bad { $count ->
    [one] row
   *[other] rows
}; nothing was imported
    { $rows }  = help: fix those rows (line numbers are the file's), or pass --skip-bad to import the others
import-and-more = … and { $count } more
import-summary = { $name }: { $dry ->
    [yes] would import
   *[no] imported
} { $imported ->
    [one] { $imported } row
   *[other] { $imported } rows
}, skipped { $bad } bad, { $present } already present
import-summary-repeated = , { $count ->
    [one] { $count } row
   *[other] { $count } rows
} repeating an earlier row
import-summary-blank = , { $count ->
    [one] { $count } blank row
   *[other] { $count } blank rows
} ignored
warning-line = warning: { $line }
import-no-id = missing { $column }: the cell is empty
import-no-date = missing date in `{ $column }`
import-expected = expected { $format }
import-bad-date = invalid date `{ $text }` in `{ $column }` ({ $why })
import-year-range = the year { $year } is out of range
import-no-title = no title: the title column and the description are empty
import-no-category-name = `{ $value }` in `{ $column }` gives no usable category name
import-no-category = missing category in `{ $column }`
import-no-value = no { $what }{ $empty ->
    [yes] {" "}(the cell is empty)
   *[no] {""}
} and no [defaults] { $what }
import-unknown-value = unknown { $what } `{ $value }`
    {"    "}= help: map it in the mapping file: [values.{ $what }] { $quoted } = "…" (or "*" = "…" for every other value)
import-columns = { $found } columns where the header has { $header }
import-not-utf8 = column `{ $column }` is not valid UTF-8; save the file as UTF-8
import-repeated-id = { $column } `{ $id }` is also on line { $first }, with different values
import-invalid-case = the case would not be valid: { $problems }
import-not-kept = a value of this row does not survive being written as YAML unchanged; please report this
import-either = { $a } { $joiner ->
    [or] or
   *[other] or --date-format
} { $b }
import-not-cfpb = this is not a CFPB complaint export: it has no `{ $name }` column (its columns are: { $columns })
    {"  "}= help: for other exports, use `redress import csv FILE --map MAPPING.toml`
import-map-no-system = `source_system` is empty: name the system the file comes from, e.g. source_system = "zendesk"
import-map-category = [values.category] maps `{ $raw }` to `{ $cat }`, which is not a category name; write it as `{ $slug }`
import-map-default-category = defaults.category `{ $cat }` is not a category name; write it as `{ $slug }`
import-map-column = [columns] { $key } = { $name }: { $problem }
import-map-no-channel = no channel: map a column with [columns] channel = "…", or set [defaults] channel = "web"
import-map-no-category = no category: map a column with [columns] category = "…", or set [defaults] category = "other"
import-map-no-title = no title: map a column with [columns] title = "…" (or a description, whose first line then serves as the title)
import-empty-file = the file is empty: it has no header row
import-header-unreadable = cannot read the header row: { $error }
import-file-unreadable = cannot read the file: { $error }
import-header-not-utf8 = line 1: column { $column } of the header is not valid UTF-8; save the file as UTF-8
import-header-twice = line 1: the header names column `{ $name }` twice (columns { $first } and { $second }); every column is kept under `fields` by its name, so names must be unique
import-date-format-invalid = invalid date format `{ $format }`: write a strftime pattern such as `%d/%m/%Y` or `%m/%d/%Y`, or one of { $names }
import-date-no-values = column `{ $column }` has no values to read dates from
import-date-unknown = the values of column `{ $column }` (e.g. `{ $example }`) are not dates in a format redress knows
    {"  "}= help: say how they are written with --date-format, e.g. --date-format '%d/%m/%Y'
import-date-ambiguous = the dates in column `{ $column }` are ambiguous: they read as { $names } (e.g. `{ $value }`)
    {"  "}= help: say which with --date-format, e.g. --date-format { $patterns }
import-fix-ledger-first = fix the ledger first (`redress check` lists every problem)
import-ledger-unreadable = cannot tell which rows the ledger already holds, because some case files cannot be read:
    { $errors }
    {"  "}= help: fix them first (`redress check` lists every problem); nothing was imported

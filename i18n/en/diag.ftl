# Diagnostics of case, policy and action files (`check`, and the commands
# that refuse to write an invalid file). The English wording is also what
# `check --format json` carries, in every language: change it only with
# the trycmd cases that pin it.

verbatim = { $text }
diag-error = error[{ $code }]
diag-optional-key = { $key } (optional)

## Cases

diag-title-empty = the title is empty
diag-customer-empty = the customer's name is empty
diag-not-an-id = `{ $id }` is not a case ID
diag-not-an-id-help = IDs are YYYYMMDD-xxxx: the receipt date and four Crockford base32 characters (0-9, a-z without i, l, o, u)
diag-file-name = the file is named `{ $stem }.yaml` but holds case `{ $id }`
diag-file-name-help = rename the file after its id (or fix the id)
diag-id-date = case `{ $id }` carries the date { $date } but was received on { $received }
diag-id-date-help = an ID starts with the local date the case was received
diag-event-key = `{ $key }` is not a key of a `{ $event }` event
diag-event-needs = a `{ $event }` event needs `{ $key }`
diag-event-takes = a `{ $event }` event takes: { $keys }
diag-by-empty = `by` is empty: say who did it
diag-amount-needed = a `compensated` event needs `amount` (only an apology has none)
diag-apology-amount = an apology carries no amount
diag-amount-positive = a compensation amount must be positive
diag-before-receipt = `{ $event }` at { $at } is before the case was received ({ $received })
diag-before-receipt-help = events happen after receipt; check the date and the offset
diag-out-of-order = `{ $event }` at { $at } is earlier than the event before it
diag-out-of-order-help = history is kept in time order: move the event or fix its time
diag-key-problem = `{ $key }`: { $problem }
diag-category-help = declare it in policies/categories.toml, or use a declared one
diag-member-help = add the member to [team] in policies/escalation.toml
diag-escalation-help = escalate to a level or a department of policies/escalation.toml
diag-remedy-help = remedies are listed in policies/compensation.toml
diag-wants-help = `wants` takes remedies listed in policies/compensation.toml
diag-extension-to-help = an extension's `to` is the new resolve target, counted from receipt like the policy's (e.g. 90d)
diag-wrong-folder = case `{ $id }` is filed in the wrong folder
diag-wrong-folder-help = move it to { $expected } (cases live under the year and month they were received); if a file is already there, the case is recorded twice: see duplicate-id

## Times and durations, as the shared readers word them

time-invalid = invalid time `{ $t }`: write RFC 3339 with an offset (2026-11-22T09:14:00-05:00) or a date (2026-11-22)
time-or-span = { $e }, or just 24h, 7d, 2w
time-too-far = `{ $t }` reaches back too far
time-or-relative = { $e }, a local time (2026-11-22 09:14), `today 14:30`, `yesterday 09:00`, `14:30` or a span back (2h ago, 3d ago)
time-or-local = { $e }, or a local time (2026-11-22 09:14)
time-date-range = date out of range
time-out-of-range = `{ $local }` is out of range
reading-flag = reading { $flag }
duration-expected = expected a whole number followed by m, h, d or w (minutes, hours, days, weeks), e.g. "30m", "2h", "1d", "2w"
duration-empty = empty duration: { duration-expected }
duration-invalid = invalid duration { $q }: { duration-expected }
duration-no-amount = invalid duration { $q }: missing amount before '{ $last }'; { duration-expected }
duration-not-whole = invalid duration { $q }: the amount must be a positive whole number; { duration-expected }
duration-too-large = invalid duration { $q }: amount { $digits } is too large
duration-zero = invalid duration { $q }: a duration must be positive; { duration-expected }

## The readers' (serde's) own wording, recognised and worded again

serde-did-you-mean = { $message } (did you mean `{ $hint }`?)
serde-at-path = { $path }: { $rest }
serde-unknown-list = unknown { $kind } `{ $name }`, expected one of { $list }
serde-unknown-one = unknown { $kind } `{ $name }`, expected { $one }
serde-unknown-none = unknown { $kind } `{ $name }`, there are no { $kind }s
serde-missing-field = missing field `{ $name }`
serde-duplicate-field = duplicate field `{ $name }`
serde-invalid-type = invalid type: { $unexp }, expected { $exp }
serde-invalid-value = invalid value: { $unexp }, expected { $exp }
serde-sequence = sequence
serde-map = map
serde-unit = unit value
serde-string = string { $value }
serde-integer = integer { $value }
serde-float = floating point { $value }
serde-boolean = boolean { $value }
serde-a-string = a string
serde-a-sequence = a sequence
serde-a-map = a map
serde-a-boolean = a boolean
serde-struct = struct { $name }
serde-one-of = a { $what }: one of { $names }

## Files that cannot be read as cases

diag-not-utf8 = the file is not UTF-8 text: byte { $bytes } cannot start or continue a character
diag-not-utf8-help = save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`), or fix the character at this position
diag-conflict = merge conflict markers left in the file
diag-conflict-case-help = resolve the conflict (keep every event, in time order), delete the markers, then run `redress check`
diag-conflict-policy-help = resolve the conflict (choose or combine the two versions), delete the markers, then run `redress policy check`
diag-duplicate-key-help = a key may appear once in each mapping: keep one of the two lines
diag-yaml-syntax-help = fix the YAML syntax; `redress check` reports every file at once
diag-too-large = the file is larger than { $mib } MiB, the limit for a case file; the limit is passed here
diag-too-large-help = a case this large is not a record of one complaint: split it, or remove repeated events
diag-bad-character = { $char } cannot appear as itself in a case file
diag-bad-character-help = remove it, or write it as an escape inside double quotes ("\u{ $code }")
diag-too-deep = collections are nested more than { $max } deep here; a case file needs 3
diag-too-deep-help = a case is a mapping with a `history` list of events: flatten the structure
diag-an-anchor = an anchor (`&name`)
diag-an-alias = an alias (`*name`)
diag-anchor = { $what } is not allowed in a case file
diag-anchor-help = write the value out in full; to start a text with `&` or `*`, put it in double quotes

## Corrective action files

diag-action-date = `{ $key }` is `{ $value }`, not a date: write YYYY-MM-DD
diag-action-id = `{ $id }` is not an action ID: `a-YYYYMMDD-xxxx`
diag-action-file-name = the file is named `{ $stem }` but holds action `{ $id }`
diag-action-rename = rename the file to { $path }
diag-action-blank = `{ $key }` is blank
diag-action-no-cases = `cases` is empty
diag-action-no-cases-help = list the IDs of the cases this action answers
diag-action-due-early = due { $due } is before the action was created ({ $created })
diag-action-closed-early = closed { $closed } is before the action was created ({ $created })
diag-action-owner-help = the owner must be a member of [team] in policies/escalation.toml
diag-action-category-help = use a category of policies/categories.toml
diag-action-cases-help = list existing case IDs in full (`redress list --all` shows them)
diag-action-format-help = see docs/format.md, "Corrective actions"
unknown-case-hint = unknown case `{ $id }`: did you mean `{ $hint }`?
unknown-case-none = unknown case `{ $id }`: no case file has that ID
unknown-french-in-file = unknown { $what } `{ $value }`: did you mean `{ $hint }`? (files keep the English value; French words are for the command line)

## What a stopped writer leaves behind

diag-leftover-temp = temporary file left by a redress that was stopped mid-write
diag-leftover-temp-help = it holds nothing the ledger needs: if no redress is running, remove it (rm '{ $rel }')
diag-stale-lock = lock file: while it exists, every write to { $target } is refused
diag-stale-lock-help = if no redress is running, it was left by one that was stopped: remove it (rm '{ $rel }')

## Policy files

retention-invalid = invalid retention { $q }: expected a whole number followed by y, m or d (years, months, calendar days), e.g. "7y", "18m", "90d"
pol-levels-empty = `levels` is empty: name the hierarchy, lowest first
pol-level-and-department = `{ $name }` is both a level and a department
pol-next-level = `to = "next-level"` goes with `when = {"{"} overdue = "resolve" {"}"}`, and only with it
pol-next-level-help = an overdue route sends the case one level above its current level; other routes name a level or department
pol-unknown-department = category `{ $name }` is routed to `{ $dep }`, which escalation.toml does not list among `departments`
pol-currency = `{ $currency }` is not a currency code
pol-currency-help = use a three-letter ISO 4217 code such as CAD, EUR or USD
pol-authority = the authority of `{ $level }` must be a positive amount
pol-missing = { $file } is missing
pol-missing-help = every ledger needs deadlines.toml, escalation.toml and compensation.toml; `redress init` writes defaults
pol-listed-twice = { $what } `{ $value }` is listed twice
pol-time-zone = unknown time zone `{ $zone }`
pol-time-zone-help = use an IANA name such as America/Toronto or Europe/Paris
pol-workdays-empty = `workdays` is empty: business-mode clocks would never run
pol-hours-two = `hours` takes two times: ["08:30", "17:00"]
pol-invalid-clock = invalid time `{ $t }`: write HH:MM, e.g. 08:30
pol-hours-order = working hours start at { $start } but end at { $end }: the start must come first
pol-invalid-date = invalid date `{ $d }`: write YYYY-MM-DD
pol-duration-help = durations are a positive whole number and a unit: 30m, 2h, 1d, 2w, optionally followed by a mode and `following` (counted from the end of the day of receipt): "8w 24/7", "3d business following"
pol-default-needs = [default] needs `{ $name }`
pol-default-needs-help = rules fall back to [default], so it sets all four targets: acknowledge, resolve, update_every, follow_up
pol-max-extension-help = a duration counted like the resolve target it extends: 90d, 35d, 12w
pol-empty-list = `{ $key }` is an empty list: this rule can never match
pol-never-match = { $problem }; this rule can never match
pol-overdue-routes = `overdue` is a condition of escalation routes only
pol-overdue-resolve = `overdue = "{ $value }"`: only `overdue = "resolve"` is supported
pol-shadowed = { $what ->
    [deadline] deadline rule
   *[other] band rule
} `{ $name }` can never apply: the earlier rule `{ $earlier }` matches every case it matches
pol-shadowed-help = rules are tried in order and the first match wins: move the narrower rule first
pol-band-fraction = band bounds are fractions of the harm, such as 0.70
pol-band-negative = band bounds cannot be negative
pol-band-empty = the band is empty: min { $min } is above max { $max }
pol-band-empty-help = min and max are inclusive fractions of the harm, min ≤ max (e.g. min = 0.70, max = 0.80)
est-help = every key is optional; see the report section of the README for the list
est-value = `{ $name }` is { $value }; it must be { $what ->
    [share] a share between 0 and 1
    [positive] a number above 0
   *[other] a number of 0 or more
}
est-value-help = { $what ->
    [share] write shares as fractions: 0.91 for 91 %
    [positive] a relationship lasts some time: e.g. 5 years
   *[other] counts and amounts cannot be negative
}

## Files that cannot be read

diag-cannot-read = cannot read: { $error }
diag-regular-only = redress reads only regular files: remove it or replace it by a regular file (`rm` it if it is a FIFO or a stray folder)
diag-root = cannot resolve the ledger root: { $error }
diag-broken-link = broken link: { $error }
diag-outside-link = symbolic link to { $target }, outside the ledger; it is neither read nor written
diag-outside-help = case files must live inside the ledger's own cases/ folder: replace the link by the files
diag-not-a-file = named like a case file but it is { $kind }; it was not read
diag-not-a-file-help = a case is a regular YAML file: remove this, or rename it if it is not meant to be a case
file-kind = { $kind ->
    [fifo] a FIFO (named pipe)
    [socket] a socket
    [device] a device
    [folder] a folder
    [link] a symbolic link
   *[other] not a regular file
}
diag-duplicate-id = case ID `{ $id }` is also used by { $others }
diag-duplicate-id-help = the same ID is in two files: if they are one case, copy into the correctly filed one any event only the other has (in time order) and delete the other; if they are different cases, give one a new ID (same date, four new characters) and rename its file
diag-id-taken = case ID `{ $id }` is already used by { $target }
diag-id-taken-help = keep `{ $old }`; to correct the receipt date, change `received` only and redress picks the new ID
diag-full = { $path }:{ $line }:{ $column }: error[{ $code }]: { $message }
diag-with-help = { $diag }
    {"  "}= help: { $help }
char-name = { $code }{ $name ->
    [nul] {" "}(NUL)
    [bel] {" "}(BEL)
    [backspace] {" "}(backspace)
    [vertical-tab] {" "}(vertical tab)
    [form-feed] {" "}(form feed)
    [escape] {" "}(escape)
    [del] {" "}(DEL)
    [lone-cr] {" "}(carriage return without a line feed)
    [next-line] {" "}(next line)
    [no-break-space] {" "}(no-break space)
    [line-separator] {" "}(line separator)
    [paragraph-separator] {" "}(paragraph separator)
    [byte-order-mark] {" "}(byte order mark)
    [control] {" "}(control character)
   *[none] {""}
}

## Amounts, as the shared reader explains them

money-invalid = invalid amount `{ $text }`: { $why ->
    [negative] amounts cannot be negative
    [cents] at most two decimal places (cents)
    [too-large] at most { $digits } digits before the decimal point (999999999999.99 at most)
    [typed] write a plain number like 90.00 or 90,00 (thousands as 1 234,50 or 1,234.50)
   *[plain] write a plain number like 90.00
}
money-ambiguous = ambiguous amount `{ $text }`: is the comma a decimal mark or a thousands separator?
    {"  "}= help: write 1234 (or 1 234,00, or 1,234.00) for a thousand and more, 1,23 or 1.23 for cents
serde-a-number = a number
serde-an-amount = an amount like 90.00
serde-a-time = a time like 2026-11-22T09:14:00-05:00
serde-a-text-map = a mapping of names to texts

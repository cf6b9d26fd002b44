# --help in English: a mirror of the clap attributes in src/cli (tests/i18n.rs
# checks that they agree). Ids: help-<command path>, help-<path>-after,
# help-<path>-arg-<arg id>; help-arg-<arg id> serves every command that
# shares the argument.

help = A complaint and claim ledger kept in git: one YAML file per case, policies in TOML, audits and reports computed from the files
help-after =
    Exit status:
      0  success (also when output stops early, e.g. `redress list | head`)
      1  check or audit found problems (audit: at or above --fail-on);
         merge-file left conflicts
      2  error: bad input, bad usage, unreadable files; nothing was changed

    Environment:
      REDRESS_LEDGER  the ledger's root, as --ledger
      REDRESS_NOW     the current time, as --now
      REDRESS_USER    who records events (default for --by), then USER
      REDRESS_LANG    the language (en, fr), as --lang; then LC_ALL, LC_MESSAGES, LANG
      NO_COLOR        no colour when --color is auto
      EDITOR          the editor for `new --edit` and `edit` (VISUAL first, then vi)

    Examples:
      redress init && redress new
      redress list --overdue
      redress <COMMAND> --help
help-arg-ledger = The ledger's root (default: the nearest parent folder holding policies/)
help-arg-now = The current time for every command, e.g. 2026-11-22T12:00:00-05:00 (for reproducible runs)
help-arg-color = When to use colour (auto honours NO_COLOR and whether output is a terminal)
help-arg-lang = The language of messages and human formats, en or fr (default: the ledger's policies/ledger.toml, then the locale)
help-init = Create a new ledger with default policies
help-init-after =
    Examples:
      redress init
      redress init ~/ledgers/support && cd ~/ledgers/support
      redress init --preset fca-disp complaints-uk
help-init-arg-dir = Where to create the ledger (default: the current folder)
help-init-arg-letters = Only add the default letter templates (policies/letters/) to an existing ledger; templates already there are kept
help-init-arg-preset = The regime whose deadlines the policies follow: iso10002 (ISO 10002 good practice), amf-quebec (Québec financial sector), fca-disp (UK FCA DISP 1), cfpb (US CFPB portal). Each file cites its source: verify it against the current text
help-new = Record a new case (from flags, prompts, or $EDITOR) and print its ID
help-new-after =
    Examples:
      id=$(redress new --kind complaint --title "Parcel never arrived" --customer "Anne Roy" \
             --channel email --category delivery --severity medium)
      redress new --edit
help-new-arg-kind = complaint (dissatisfaction) or claim (a demand for a remedy)
help-new-arg-title = A short title: what went wrong
help-new-arg-customer = The customer's name
help-new-arg-email = The customer's email (masked in output unless --include-contacts)
help-new-arg-phone = The customer's phone number (masked like the email)
help-new-arg-profile = How the customer complains, from the domain's profiles
help-new-arg-annual_value = The customer's yearly value, in the ledger currency
help-new-arg-language = The language to write to the customer in: fr or en (letters use it)
help-new-arg-channel = How the case reached us
help-new-arg-category = One of policies/categories.toml
help-new-arg-severity = How serious the case is for the customer
help-new-arg-harm = The estimated harm to the customer, e.g. 120.00
help-new-arg-wants = A remedy the customer asks for, from policies/compensation.toml (repeatable)
help-new-arg-justice = The justice dimension the customer judged deficient
help-new-arg-description = What happened; `-` reads it from standard input
help-new-arg-received = When the case was received (default: now): 2026-11-22T09:14:00-05:00, 2026-11-22 09:14 (ledger's zone), today 09:14, yesterday 16:00, 2h ago
help-new-arg-future = Accept a --received more than a minute after now (refused by default as a likely typo)
help-new-arg-tags = A free tag (repeatable)
help-new-arg-risks = A risk of dissatisfaction (repeatable)
help-new-arg-assign = Assign the case to a team member at once (an `assigned` event, recorded by REDRESS_USER, then USER)
help-new-arg-edit = Write the case in $EDITOR, starting from a template
help-new-arg-interactive = Ask for every value not given as a flag, even when the required ones are there (needs a terminal). Without it, `new` asks only when a required flag is missing and standard input and error are terminals
help-list = List cases, filtered and sorted
help-list-after =
    Examples:
      redress list --status acknowledged --overdue
      redress list --assignee alice --sort due --format csv
help-list-arg-status = Only cases in this derived status (repeatable): new, acknowledged, in-progress, waiting, resolved, closed, or `open` for the first four
help-list-arg-all = Every case, resolved and closed ones too (default: open cases only)
help-list-arg-grep = Only cases whose texts, contacts, source.id or fields contain TEXT, ignoring case and accents (as `redress search`)
help-list-arg-mine = Only cases assigned to the current member (REDRESS_USER, then USER)
help-list-arg-due = Only cases with a running clock due by the end of: today, tomorrow, week (through Sunday) or a DATE (YYYY-MM-DD), in the ledger's zone
help-list-arg-unassigned = Only cases nobody is assigned to
help-list-arg-assignee = Only cases whose latest `assigned` names this member
help-list-arg-overdue = Only cases with a running clock past its due time (at --now)
help-list-arg-since = Received at or after this time or date
help-list-arg-until = Received before this time; a bare date includes that whole day
help-list-arg-include_contacts = Show the customer's name, email and phone where a title repeats them (masked by default)
help-show = Show one case: its details, derived status and history
help-show-after =
    Examples:
      redress show "$id"
      redress show 7f3a --format json
help-show-arg-id = The case: its ID, any unique prefix or suffix of it, or its `source.id` (the other system's number, e.g. Z-1001)
help-show-arg-include_contacts = Show the customer's name, email and phone (masked by default, in the case's texts too)
help-search = Find cases by a word of their text, a customer's name, email or phone, or a source ID
help-search-after =
    Examples:
      redress search eve            # finds Ève Côté, and "Geneviève" in a note
      redress search z-1001         # the other system's ID (source.id)
      redress search 514-555-0199   # a phone, however it is punctuated

    Exit status: 0 when a case matches, 1 when none does (like grep).
help-search-arg-text = The text to find in titles, descriptions, event notes, reasons, remedies and summaries, the customer's name, email and phone, `source.id` and `fields` values
help-search-arg-include_contacts = Show the customer's name, email and phone in titles (masked by default; a match on them is still named)
help-ack = Record that receipt was acknowledged to the customer
help-ack-after =
    Examples:
      redress ack "$id"
      redress ack "$id" --at 2026-11-22T09:15:00-05:00 --by bob
help-assign = Change the case's owner
help-assign-after =
    Examples:
      redress assign "$id" bob
help-assign-arg-member = The team member who now owns the case
help-note = Add an internal note
help-note-after =
    Examples:
      redress note "$id" "Carrier says the parcel is in Laval"
help-note-arg-text = The internal note
help-update = Record a progress report sent to the customer
help-update-after =
    Examples:
      redress update "$id" "We opened an inquiry with the carrier"
help-update-arg-text = The progress report sent to the customer
help-escalate = Send the case to a level or a department
help-escalate-after =
    Examples:
      redress escalate "$id" --to supervisor --reason "Second failed delivery"
help-escalate-arg-to = A level or department (policies/escalation.toml)
help-escalate-arg-reason = Why it goes there
help-pause = Stop the clocks: waiting on the customer or a third party
help-pause-after =
    Examples:
      redress pause "$id" --reason "Waiting for the customer's receipt"
help-pause-arg-reason = What the case waits for (the customer, the carrier…)
help-resume = Restart the clocks after a pause
help-resume-after =
    Examples:
      redress resume "$id"
help-resume-arg-reason = Why the clocks restart
help-compensate = Record compensation granted to the customer
help-compensate-after =
    Examples:
      redress compensate "$id" --remedy refund --amount 90.00
help-compensate-arg-remedy = The remedy (policies/compensation.toml), e.g. refund, credit, apology (or in French: remboursement, crédit, excuses…)
help-compensate-arg-amount = The amount in the ledger's currency, e.g. 90.00 or 90,00 (none for an apology)
help-resolve = Record the decision communicated to the customer
help-resolve-after =
    Examples:
      redress resolve "$id" --outcome founded --summary "Refunded and reshipped"
help-resolve-arg-outcome = founded, partly-founded, unfounded or bad-faith
help-resolve-arg-summary = The decision as communicated to the customer
help-follow-up = Record whether the customer was satisfied with the settlement
help-follow-up-after =
    Examples:
      redress follow-up "$id" --satisfied yes
help-follow-up-arg-satisfied = Whether the customer was satisfied: yes or no (also oui or non)
help-close = Close a resolved case
help-close-after =
    Examples:
      redress close "$id"
help-reopen = Reopen a case whose fix failed (a double deviation)
help-reopen-after =
    Examples:
      redress reopen "$id" --reason "The replacement never came either"
help-reopen-arg-reason = Why: what failed in the fix (a double deviation)
help-edit = Fix a mistake in a case in $EDITOR: checked on save, installed atomically
help-edit-after =
    Examples:
      redress edit "$id"                        # fix a title, an email, a category
      EDITOR="code --wait" redress edit k7q2
      redress edit k7q2 --yes                   # accept changes to earlier events (scripts)
help-edit-arg-yes = Accept changes to earlier events without asking (needed when not in a terminal)
help-edit-arg-include_contacts = Show the customer's name, email and phone in what edit prints (the editor always shows the file as it is)
help-letter = Write a letter to the customer (acknowledgement, holding, decision, follow-up)
help-letter-after =
    Examples:
      redress letter "$id" --template acknowledgement
      redress letter "$id" --template acknowledgement --lang fr -o lettre.txt --record
      redress letter "$id" --template decision --outcome fondée --summary "Remboursé" --record -o decision.txt
help-letter-arg-template = Which letter: acknowledgement (receipt, with the promised date), holding (the date cannot be met), decision (outcome and remedies), follow-up (was the customer satisfied?)
help-letter-arg-output = Write the letter to FILE instead of standard output
help-letter-arg-record = Also record the sending: acknowledged, updated (holding), resolved (decision, needs --outcome) or followed-up (needs --satisfied)
help-letter-arg-outcome = The decision's outcome (default: the case's resolution): founded, partly-founded, unfounded, bad-faith (or fondée…)
help-letter-arg-summary = The decision in a few words, written into the letter and the event
help-letter-arg-satisfied = With --record on a follow-up: was the customer satisfied? yes or no (oui, non)
help-letter-arg-note = A paragraph added to a holding letter, and the recorded event's note
help-check = Validate every case and policy file, reporting every problem
help-check-after =
    Examples:
      redress check
      redress check && git commit -am "Day's cases"
help-audit = Audit the ledger: deadlines, follow-ups, compensation, escalations, KPIs
help-audit-after =
    Examples:
      redress audit
      redress audit --fail-on warning --since 2026-11-01 --format markdown
help-audit-arg-as_of = Audit the ledger as it stood at this time (default: --now)
help-audit-arg-fail_on = Exit 1 when a finding at or above this severity exists
help-audit-arg-case = Audit one case only (ID, prefix or suffix)
help-audit-arg-code = Only findings with this code (repeatable)
help-audit-arg-since = Only findings that happened at or after TIME: a date, a time, or a span back from --as-of (24h, 7d, 2w). KPIs cover the cases received in the window, as in `report`
help-audit-arg-until = Only findings that happened before TIME (a bare date: up to the end of that day)
help-audit-arg-include_contacts = Show the customer's name, email and phone where a finding quotes them (masked by default)
help-audit-arg-git = Also compare each event's time with the commit that first added it (one `git log` over cases/): an event that stopped a clock, dated before its deadline but committed after it (beyond `[audit] recorded_late_tolerance`, default 1h), is `recorded-late`
help-report = Statistics for decision-makers: periods, causes, channels, costs
help-report-after =
    Examples:
      redress report --period month
      redress report --format html -o reports/2026-11.html
      redress report --return fca --for 2026-Q3 --format csv
      redress report --review 2026-Q3 --format html -o reports/review-2026-Q3.html
help-report-arg-period = Bucket cases by the month, quarter or year they were received (ledger time zone)
help-report-arg-since = Only cases received at or after this time or date
help-report-arg-until = Only cases received before this time; a bare date includes that whole day
help-report-arg-by = Break down by a dimension (repeatable; default: category and channel): kind, category, channel, severity, profile, risk, outcome, tag, assignee, wants, justice, fields.NAME
help-report-arg-output = Write the report to FILE (atomically) instead of standard output
help-report-arg-as_of = Report on the ledger as it stood at this time (default: --now)
help-report-arg-include_contacts = Show a breakdown value (tag, `fields` value) that repeats a customer's name, email or phone as it is (masked by default)
help-report-arg-regulator = A regulator's complaints return instead of the report: fca or amf (needs --for PERIOD, or --since and --until)
help-report-arg-for_period = The period of a return: 2026, 2026-H2, 2026-Q3 or 2026-09
help-report-arg-review = The management review of a period (2026-Q3, 2026-09, 2026) against the one before it: HTML (-o FILE) or markdown
help-action = Corrective actions: record one against a cause, list them, close one
help-action-after =
    Examples:
      redress action new --cause "Carrier drops parcels" --owner bob --due 2027-01-15 --case n9c3
      redress action list
      redress action close 3xk9 --note "New carrier"
help-action-new = Record a corrective action against a cause and print its ID
help-action-new-after =
    Examples:
      redress action new --cause "Carrier leaves fragile parcels at the door" \
        --owner bob --due 2027-01-15 --category delivery --case n9c3 --case v4ka
help-action-new-arg-cause = The cause the action removes (one line)
help-action-new-arg-owner = The team member who owns it (default: REDRESS_USER, then USER)
help-action-new-arg-due = When it must be done: a date (YYYY-MM-DD) or any time --at accepts
help-action-new-arg-cases = A case it answers: an ID or a unique prefix or suffix (repeatable, at least one)
help-action-new-arg-category = The cause category it addresses (default: those of its cases)
help-action-list = List corrective actions (open and overdue ones unless --all)
help-action-list-after =
    Examples:
      redress action list
      redress action list --all --format json
help-action-list-arg-all = Also list closed actions
help-action-list-arg-include_contacts = Show a customer's name, email or phone written in a cause or note (masked by default, like every output)
help-action-close = Close a corrective action, saying what was done
help-action-close-after =
    Examples:
      redress action close 3xk9 --note "New carrier contract requires a signature"
help-action-close-arg-id = The action's ID, or a unique prefix or suffix of it
help-action-close-arg-note = What was done (stored as the action's `note`)
help-action-close-arg-at = When it was done (default: today)
help-policy = Validate policies, explain them for one case, or measure a change
help-policy-after =
    Examples:
      redress policy check
      redress policy explain "$id"
      redress policy impact --base HEAD~1
help-policy-check = Validate the policy files (exit 2 when they are invalid)
help-policy-check-after =
    Examples:
      redress policy check
      redress policy check && git commit -am "Tighter acknowledgement target"
help-policy-explain = Show which rules apply to one case and why, with its clocks
help-policy-explain-after =
    Examples:
      redress policy explain "$id"
      redress policy explain 2vtd --include-contacts
help-policy-explain-arg-id = The case: its ID, or any unique prefix or suffix of it
help-policy-explain-arg-include_contacts = Show the customer's name, email and phone where the title repeats them (masked by default)
help-policy-impact = The audit difference a policy change makes, for pull requests
help-policy-impact-after =
    Examples:
      redress policy impact --base main
      redress policy impact --base HEAD~1 --format markdown > impact.md
help-policy-impact-arg-base = The git revision whose policies to compare against (e.g. origin/main)
help-policy-impact-arg-as_of = Audit as of this time (default: --now)
help-policy-impact-arg-include_contacts = Show the customer's name, email and phone where a finding quotes them (masked by default)
help-import = Import cases from another system's export
help-import-after =
    Examples:
      redress import csv --map mapping.toml old-system.csv
      redress import cfpb complaints.csv
help-import-cfpb = The US CFPB consumer complaint export (CSV, any header or date style)
help-import-cfpb-after =
    Examples:
      redress import cfpb complaints.csv --dry-run
      redress import cfpb complaints.csv --skip-bad --by alice
help-import-cfpb-arg-file = The CSV file (`-` reads standard input)
help-import-cfpb-arg-skip_bad = Import the good rows and skip the bad ones (reported on stderr)
help-import-cfpb-arg-dry_run = Check every row and report what would be imported; write nothing
help-import-cfpb-arg-date_format = How received dates are written, e.g. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339' (default: detected from the file)
help-import-cfpb-arg-by = Who records the closings the export reports (default: REDRESS_USER, then USER)
help-import-csv = Any other spreadsheet export (CSV), described by a mapping file
help-import-csv-after =
    Examples:
      redress import csv export.csv --map mapping.toml --dry-run
      redress import csv export.csv --map mapping.toml --skip-bad
help-import-csv-arg-file = The CSV file (`-` reads standard input)
help-import-csv-arg-skip_bad = Import the good rows and skip the bad ones (reported on stderr)
help-import-csv-arg-dry_run = Check every row and report what would be imported; write nothing
help-import-csv-arg-date_format = How received dates are written, e.g. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339' (default: detected from the file)
help-import-csv-arg-map = The mapping file: which column is which case key (see the README)
help-export = Export every case with its derived status and clock figures
help-export-after =
    Examples:
      redress export --format csv -o exports/cases.csv
      redress export --format jsonl | jq .status
      redress export --format register -o exports/register.xlsx
help-export-arg-format = csv: one row per case, `fields` flattened as `fields.<name>` columns; jsonl: one JSON object per line, nested; register: the complaint register regulators inspect, as CSV (XLSX when -o ends in .xlsx); register-xlsx: the register as an XLSX workbook (needs -o)
help-export-arg-include_contacts = Include the customer's name, email and phone (left out by default, and masked wherever a text or `fields` value repeats them)
help-export-arg-output = Write to FILE instead of standard output
help-merge-file = Git merge driver for case files (see `redress git-setup`)
help-merge-file-after =
    Examples:
      git config merge.redress.driver "redress merge-file %O %A %B"   # redress git-setup does this
help-merge-file-arg-base = The common ancestor's version (git's %O)
help-merge-file-arg-ours = Our version (git's %A); the merged result is written over it
help-merge-file-arg-theirs = Their version (git's %B)
help-git-setup = Configure this git repository to merge case files with redress
help-git-setup-after =
    Examples:
      git init && redress git-setup
help-completions = Print shell completions
help-completions-after =
    Examples:
      redress completions bash > ~/.local/share/bash-completion/completions/redress
      redress completions zsh > ~/.zfunc/_redress
help-completions-arg-shell = bash, zsh, fish, elvish or powershell
help-man = Print the man page (roff), or write one page per subcommand with -o
help-man-after =
    Examples:
      redress man | man -l -
      redress man -o ~/.local/share/man/man1 && man redress-new
help-man-arg-output_dir = Write redress.1 and one redress-<command>.1 per subcommand into DIR (created if missing) instead of printing the main page
help-extend = Extend the deadline of the final response (a holding response), within the policy
help-extend-after =
    Examples:
      redress update "$id" "We need more time: the insurer's report is due next month"
      redress extend "$id" --to 90d --reason "Waiting for the insurer's expert report"
help-extend-arg-to = The new resolve target, counted from receipt (or the reopening) like the policy's own: 90d, 35d, 12w
help-extend-arg-reason = Why the final response needs more time (told to the customer)
help-anonymise = Replace a customer's name, email and phone with a pseudonym (retention)
help-anonymise-after =
    Examples:
      redress audit --code retention-due
      redress anonymise 20191104-k7q2
      redress anonymise --all-due && git commit -am "Anonymise cases past retention"
help-anonymise-arg-ids = The cases: IDs, or unique prefixes or suffixes of them
help-anonymise-arg-all_due = Every closed case whose retention (`retention` in deadlines.toml) has run out: what `audit` reports as `retention-due`
help-arg-help = Print help
help-arg-version = Print version
help-arg-id = The case: its ID, or any unique prefix or suffix of it (e.g. k7q2)
help-arg-at = When it happened (default: now): 2026-11-22T11:02:00-05:00, 2026-11-22 11:02 (ledger's zone), today 14:30, yesterday 09:00, 14:30, 2h ago
help-arg-future = Accept an --at more than a minute after now (refused by default as a likely typo)
help-arg-by = Who did it (default: REDRESS_USER, then USER)
help-arg-strict = Refuse the event (exit 2, nothing written) when it breaks a policy; by default it is recorded with a warning
help-arg-note = An internal note to keep with the event
help-arg-skip_invalid = Go on with the valid cases when some case files have problems (each is a warning on stderr); by default the command fails instead
help-arg-no_cache = Read every case file, neither using nor updating the parse cache in .redress/cache (also REDRESS_NO_CACHE=1)

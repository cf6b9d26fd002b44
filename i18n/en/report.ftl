# The report: readings, headings and columns shared by every human format
# (table, markdown, HTML and its charts).

report-period = { $period ->
    [month] month
    [quarter] quarter
   *[year] year
}
report-dimension = { $dim ->
    [kind] kind
    [category] category
    [channel] channel
    [severity] severity
    [profile] profile
    [risk] risk
    [outcome] outcome
    [tag] tag
   *[assignee] assignee
}
report-title = Complaints and claims
report-title-one = Complaints and claims, { $period }
report-title-range = Complaints and claims, { $first } to { $last }
report-subtitle = { $cases } cases, by { report-period } received; as of { $as_of } ({ $zone })
report-subtitle-since = ; since { $since }
report-subtitle-until = ; before { $until }
report-reopened-value = { $rate } ({ $reopened } of { $resolved } resolved)
report-within-band-value = { $within } of { $judged } ({ $below } below, { $above } above)
report-estimate-note = Estimates, not measurements: each applies a figure commonly quoted in customer-service training to this ledger's counts. Change the parameters in policies/estimates.toml. Parameters: { $source }.

reading-volume = { $cases } cases over { $count } { report-period }s ({ $complaints } complaints, { $claims } claims); the busiest { report-period } was { $busiest } with { $most }.
reading-no-case-received = No case was received in the period.
reading-no-case-to-classify = No case to classify.
reading-pareto = { $names } { $count ->
    [one] accounts
   *[other] account
} for { $share } % of cases{ $rest }.
reading-pareto-rest-one = ; { $category } makes up the rest
reading-pareto-rest = ; the other { $count } categories share the rest
reading-resolve = Half the cases were resolved within { $median }, nine in ten within { $p90 } (first decision, wall clock).
reading-none-resolved = No case has been resolved yet.
reading-no-compensation = No founded case with a recorded harm has been resolved yet.
reading-compensation = { $within } of { $judged } founded cases with a harm were compensated within their band, { $below } below and { $above } above; overall, { $ratio } of the harm was granted.
reading-timing-change = The median time to resolve went from { $from } ({ $first }) to { $to } ({ $last }).
reading-timing-one = The median time to resolve was { $median } ({ $period }).
reading-ageing-none = No case was open on { $day }.
reading-ageing = { $count ->
    [one] { $count } case was
   *[other] { $count } cases were
} open on { $day }; { $old } received more than 30 days earlier.

## Headings and columns

report-volume-per = Volume per { report-period }
report-by = By { $dim }
report-pareto-head = Pareto of categories (● = vital few, to 80 %)
report-pareto = Pareto of categories
report-resolve-head = Time to resolve (first decision, wall clock)
report-resolve = Time to resolve
report-compensation = Compensation
report-granted-in-all = Granted in all
report-on-resolved-with-harm = On resolved cases with a harm
report-granted-for-harm = { $granted } for { $harm } of harm ({ $ratio })
report-against-band = Against the band ({ $band } default)
report-band-counts = { $below } below, { $within } within, { $above } above
report-ageing-head = Backlog ageing (open cases, calendar days since receipt)
report-ageing = Backlog ageing
report-findings = Audit findings
report-reopened-line = Reopened (double deviation): { $reopened } of { $resolved } resolved cases ({ $rate }).
report-estimates-head = Cost estimates (ESTIMATES, not measurements)
report-estimates = Cost estimates
report-position = { $position ->
    [below] below
    [within] within
   *[above] above
}
col-cases = Cases
col-complaints-short = Compl.
col-claims = Claims
col-resolve-pair-short = Resolve med/p90
col-share = Share
col-on-time = On time
col-resolve = Resolve
col-satisfied-short = Satisf.
col-category = Category
col-cumulative-short = Cumul.
col-code = Code
col-severity = Severity
col-findings = Findings
col-days = Days
md-volume-columns = Cases | Complaints | Claims | Open | Resolved on time | Ack. median / p90 | Resolve median / p90
md-dimension-columns = Cases | Share | Open | Resolved on time | Median to resolve | Satisfied
md-pareto-columns = Category | Cases | Share | Cumulative | Vital few
md-band-columns = Case | Harm | Granted | Share | Band | Position
md-ageing-columns = Age | Open cases | Cases
md-estimate-columns = Estimate | Value | Formula
md-compensation-list = - Granted in all: { $total }
    - On resolved cases with a harm: { $granted } for a harm of { $harm } ({ $ratio })
    - Against the band (default { $band } of the harm; rules may set others): { $below } below, { $within } within, { $above } above
md-reopened-head = Reopened cases (double deviation)
md-reopened = { $count } of { $resolved } resolved cases { $count ->
    [one] was
   *[other] were
} reopened ({ $rate }).

## Estimates

estimate-unit = { $unit ->
    [customers] customers
   *[people] people
}
estimate-silent-customers = Dissatisfied customers who did not complain
estimate-silent-lost = Silent customers who will not buy again
estimate-complainants-lost = Complainants likely lost
estimate-customers-at-risk = Customers at risk
estimate-revenue-at-risk = Lifetime revenue at risk
estimate-people-told = People told by dissatisfied customers
estimate-prospects-avoiding = Prospects who will avoid the company
estimate-prospect-revenue-lost = Lifetime revenue of prospects lost

## The HTML page and its charts

html-eyebrow = redress report
html-key-figures = Key figures
html-charts = Charts
html-badge = estimates
html-col-estimate = Estimate
html-col-how = How it is computed
html-parameters = Parameters:
html-tables = Tables
html-none = None
html-footer = Computed by redress from the ledger's files. Cases are named by ID only: no customer name, contact detail or case title appears in this report.
html-open = { $open } open
html-median = median { $median }
html-median-p90 = median { $median }, p90 { $p90 }
html-follow-up-on = follow-up on { $share } of resolved
html-reopened = Reopened
html-reopened-note = { $reopened } of { $resolved } resolved: double deviation
html-within-band = { $within } of { $judged } within band
html-revenue-at-risk = Revenue at risk (estimate)
html-revenue-note = { $currency } of lifetime revenue; see below
html-chart-volume = Cases per { report-period }, by kind
html-chart-timing = Time to resolve per { report-period }
html-chart-compensation = Compensation as a share of the harm
html-per-period = Per { report-period }
html-ageing-reading = Open cases by calendar days since receipt, oldest first.
html-reopened-reading = Reopened (double deviation): { $reopened } of { $resolved } resolved cases.
html-outside-band = Compensation outside the band
html-outside-band-reading = Granted in all: { $total }. On resolved cases with a harm: { $granted } for { $harm } of harm.
col-age = Age
col-open-cases = Open cases
col-complaints = Complaints
col-open = Open
col-resolved-on-time = Resolved on time
col-ack-pair = Acknowledge median / p90
col-resolve-pair = Resolve median / p90
col-median-resolve = Median to resolve
col-satisfied = Satisfied
col-case = Case
col-harm = Harm
col-granted = Granted
col-band = Band
col-position = Position

chart-no-cases = No cases in the period
chart-complaints = complaints
chart-claims = claims
chart-cases = cases
chart-received = { report-period } received
chart-vital-few = vital few
chart-the-rest = the rest
chart-cumulative-share = cumulative share
chart-days-to-decision = days from receipt to decision
chart-none-resolved = No case resolved yet
chart-no-harm = No resolved case with a harm
chart-default-band = default band { $low }–{ $high } %
chart-harm-axis = harm ({ $currency }, log scale)
chart-median = median
chart-days-to-resolve = days to resolve
chart-days-since-receipt = calendar days since receipt
chart-open-cases = open cases
chart-no-open-case = No open case
chart-month = { $n ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
}
chart-pareto-axis = category (cases), most frequent first
chart-granted-over-harm = granted / harm
chart-p90 = 90th percentile

## Estimate formulas (numbers as in policies/estimates.toml)

formula-silent-customers = { $cases } cases × { $silent } silent per case
formula-product = { $a } × { $b }
formula-sum = { $a } + { $b }
formula-complainants-lost = { $recovered } recovered × (1 − { $retained }) + { $open } open or dissatisfied × { $lost }
formula-revenue-at-risk = ({ $silent } silent lost × { $value } a year + Σ complainants' lost share × annual value ({ $known } of { $cases } known, else { $value }) = { $lost }) × { $years } years
formula-people-told = ({ $cases } cases + { $silent } silent) × { $told } told each
formula-prospects-avoiding = { $dissatisfied } dissatisfied × { $circle } in circle × { $market } in target market × { $avoid } avoid
formula-prospect-revenue = { $avoiding } × { $value } a year × { $years } years
chart-harm-axis-sampled = { $axis } — sampled: { $shown } of { $total } cases shown, 1 in { $stride }

# The audit's findings and its table. English wording here is also what
# JSON and CSV carry (the `message` field), so change it with care.

span-unit = { $unit ->
    [minute] { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
    [hour] { $n ->
        [one] { $n } hour
       *[other] { $n } hours
    }
    [week] { $n ->
        [one] { $n } week
       *[other] { $n } weeks
    }
   *[day] { $n ->
        [one] { $n } day
       *[other] { $n } days
    }
}
span-target = { $n } { $working ->
    [yes] working{" "}
   *[no] {""}
}{ $unit ->
    [minute] { $n ->
        [one] minute
       *[other] minutes
    }
    [hour] { $n ->
        [one] hour
       *[other] hours
    }
    [week] { $n ->
        [one] week
       *[other] weeks
    }
   *[day] { $n ->
        [one] day
       *[other] days
    }
}

finding-clock-late = { $clock ->
    [acknowledge] acknowledged { $span } after receipt; the policy allows { $allowed } (rule: { $rule })
    [resolve] resolved { $span } after receipt; the policy allows { $allowed } (rule: { $rule })
    [resolve-again] resolved { $span } after it was reopened; the policy allows { $allowed } (rule: { $rule })
    [update] no progress report for { $span } after the last contact with the customer; the policy allows { $allowed } (rule: { $rule }) between reports
   *[follow-up] satisfaction checked { $span } after the decision; the policy allows { $allowed } (rule: { $rule })
}
finding-clock-overdue = { $clock ->
    [acknowledge] not acknowledged { $span } after receipt (due { $due }); the policy allows { $allowed } (rule: { $rule })
    [resolve] still unresolved { $span } after receipt (due { $due }); the policy allows { $allowed } (rule: { $rule })
    [resolve-again] still unresolved { $span } after it was reopened (due { $due }); the policy allows { $allowed } (rule: { $rule })
    [update] no progress report for { $span } after the last contact with the customer (due { $due }); the policy allows { $allowed } (rule: { $rule }) between reports
   *[follow-up] satisfaction not checked { $span } after the decision (due { $due }); the policy allows { $allowed } (rule: { $rule })
}
finding-closed-dissatisfied = closed although the customer said on { $date } they were not satisfied, and not reopened
finding-band = { $granted } granted for a harm of { $harm }; the band is { $min }%–{ $max }% of the harm, { $low }–{ $high } { $currency } (rule: { $rule })
finding-harm-missing = { $granted } granted but no harm is recorded, so the band cannot be checked
finding-authority = { $by } ({ $level }) brought the case total to { $total }; a { $level } may grant up to { $limit } per case
finding-route = route "{ $route }": { $detail }
finding-reopened = reopened { $times ->
    [one] once
   *[other] { $times } times
} (a double deviation)
finding-reopened-reason = reopened { $times ->
    [one] once
   *[other] { $times } times
} (a double deviation): { $reason }

route-escalated = escalated to { $to } on { $at }
route-missed = resolved without an escalation to { $to }
route-pending = must be escalated to { $to } before it is resolved
route-no-breach = no resolve clock is breached
route-top = already at the top level ({ $level })
route-escalated-late = escalated to { $to } on { $at }, after the resolve deadline
route-overdue-missed = resolve cycle { $cycle } ran past its deadline and was resolved without an escalation above { $level }
route-overdue-pending = resolve cycle { $cycle } is past its deadline and not escalated above { $level }

## Indicators (audit and report)

kpi-cases = Cases
kpi-cases-value = { $cases } ({ $open } open)
kpi-acknowledged-on-time = Acknowledged on time
kpi-resolved-on-time = Resolved on time
kpi-satisfied = Satisfied at follow-up
kpi-follow-up-coverage = Follow-up coverage
kpi-time-to-acknowledge = Time to acknowledge (median / p90)
kpi-time-to-resolve = Time to resolve (median / p90)
kpi-reopened = Reopened (double deviation)
kpi-compensation = Compensation granted
kpi-compensation-ratio = Compensation / harm
kpi-ratio-of-harm = { $ratio } of harm
kpi-within-band = Within the band

## The audit's page

audit-title = Audit as of { $as_of }
audit-window-since = ; findings since { $since }
audit-window-until = { $first ->
    [yes] ; findings before { $until }
   *[no] , before { $until }
}
audit-severity-heading = { $severity ->
    [error] ERROR
    [warning] WARNING
   *[info] INFO
} ({ $count })
audit-severity-title = { $severity ->
    [error] Errors
    [warning] Warnings
   *[info] For information
} ({ $count })
audit-invalid-heading = INVALID FILES ({ $count }): not audited
audit-invalid-title = Invalid files ({ $count }), not audited
audit-counts = { $errors } error(s), { $warnings } warning(s), { $infos } info
audit-md-title = redress audit — { $as_of }
audit-md-summary = **{ $counts }** across { $cases } cases.
audit-md-indicator = Indicator
audit-md-value = Value
audit-md-columns = | Case | Finding | At | Due | Details |
target = { $target }

## Regulated handling (extensions, retention, audit --git)

finding-extension-beyond = extended to { $to }, beyond the { $max } the policy allows (rule: { $rule }); the deadline stays where it was
finding-extension-none = extended to { $to }, but the policy allows no extension (no `max_extension`); the deadline stays where it was
finding-extension-unannounced = extended to { $to } without telling the customer: no `updated` at or before it in this cycle; the deadline stays where it was
finding-extension-late = extended to { $to } on { $at }, after the deadline of { $due } had passed; the deadline stays where it was
finding-retention-due = closed on { $closed }; the policy keeps personal data { $keep } after closing (rule: { $rule }): run `redress anonymise { $id }`
finding-recorded-late = `{ $event }` dated { $stopped } stopped the { $clock } clock before its deadline ({ $due }), but was first committed { $at }, { $late } after it

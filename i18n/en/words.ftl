# redress's vocabulary for people (statuses, kinds, events, clocks…). In
# English a word is shown as it is typed; the French file translates it.

list-and = { $init } and { $last }
word = { $w }

## show

show-kind-line = { $kind } · { $category } · { $severity } severity · { $channel }
show-received = received
show-customer = customer
show-assignee = assignee
show-level = level
show-harm = harm
show-harm-value = { $harm }  (compensated { $total })
show-risks = risks
show-wants = wants
show-justice = justice
show-justice-value = { $justice } (judged deficient)
show-tags = tags
show-source = source
show-field = field
show-file = file
show-contacts-hint = (--include-contacts shows them)
show-unassigned = (unassigned)
show-clocks = Clocks
show-history = History
show-no-events = (no events yet)
show-due = due { $due }
show-due-paused = — (paused)
show-rule = rule: { $rule }
show-detail = { $key }: { $value }

## list

column = { $h }
list-due-clock = { $clock }
list-late = late
list-none = no cases match
list-count = { $count } case(s)

## policy explain

explain-kind-line = { $kind } · { $category } · { $severity } · { $channel } · profile { $profile }
explain-deadline-rules = Deadline rules (first match wins)
explain-applies = applies
explain-shadowed = matches (shadowed)
explain-no-match = no match
explain-default-applies = no rule matches: [default] applies
explain-clock = started { $started } · due { $due } · stopped { $stopped } · rule: { $rule }
explain-no-target = no target
explain-band = Compensation band
explain-band-rule = rule { $rule }: { $min }–{ $max } of the harm
explain-band-harm = harm { $harm }: the band is { $lowbare }–{ $high }; granted so far { $granted }
explain-band-no-harm = no harm recorded; granted so far { $granted }
explain-routes = Escalation routes
explain-no-route = no route applies to this case

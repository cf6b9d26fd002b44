# The refusals of an impossible event: by a verb (`redress resolve`…) in
# the language in force; in `check`'s diagnostics of a file in English.

seq-closed = the case is closed: `{ $event }` cannot follow; reopen it first
seq-follow-up-first = `followed-up` needs a `resolved` first: follow-up checks satisfaction with a decision
seq-already-resolved = the case is already resolved; reopen it before resolving it again
seq-reopen-open = only a resolved or closed case can be reopened
seq-close-unresolved = resolve the case before closing it (a withdrawn case is resolved as unfounded)
seq-already-paused = the case is already paused; resume it first
seq-pause-resolved = a resolved case cannot be paused
seq-not-paused = the case is not paused
seq-extend-resolved = the case is resolved: an extension moves the deadline of an open case; reopen it first
seq-already-acknowledged = the case was already acknowledged at { $at }; record progress with `redress update` or a `redress note`
event-cannot-record = cannot record `{ $event }` on { $id }: { $problem }
event-cannot-insert = cannot insert `{ $event }` at { $at } on { $id }: the later `{ $later }` of { $later_at } would then be out of sequence: { $problem }
event-before-receipt = { $at } is before case { $id } was received ({ $received }): events happen after receipt

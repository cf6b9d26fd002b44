# Les refus d'un événement impossible : par un verbe (`redress resolve`…)
# dans la langue en vigueur; dans les diagnostics de fichiers de `check`,
# en anglais.

seq-closed = le cas est fermé : `{ $event }` ne peut pas suivre; rouvrez-le d'abord
seq-follow-up-first = `followed-up` exige d'abord un `resolved` : le suivi vérifie la satisfaction à l'égard d'une décision
seq-already-resolved = le cas est déjà réglé; rouvrez-le avant de le régler de nouveau
seq-reopen-open = seul un cas réglé ou fermé peut être rouvert
seq-close-unresolved = réglez le cas avant de le fermer (un cas retiré est réglé comme non fondé)
seq-already-paused = le cas est déjà suspendu; reprenez-le d'abord
seq-pause-resolved = un cas réglé ne peut pas être suspendu
seq-not-paused = le cas n'est pas suspendu
seq-extend-resolved = le cas est réglé : une prolongation repousse l'échéance d'un cas ouvert; rouvrez-le d'abord
seq-already-acknowledged = l'accusé de réception du cas a déjà été envoyé le { $at }; consignez l'avancement avec `redress update` ou une `redress note`
event-cannot-record = impossible d'enregistrer `{ $event }` sur { $id } : { $problem }
event-cannot-insert = impossible d'insérer `{ $event }` au { $at } sur { $id } : le `{ $later }` ultérieur du { $later_at } serait alors hors séquence : { $problem }
event-before-receipt = { $at } précède la réception du cas { $id } ({ $received }) : les événements suivent la réception

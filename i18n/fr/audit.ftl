# Les constats de l'audit et son tableau.
# Style : espace avant le deux-points et les guillemets « », aucune
# espace avant ; ? ! (usage de l'OQLF).

span-unit = { $unit ->
    [minute] { $n ->
        [one] { $n } minute
       *[other] { $n } minutes
    }
    [hour] { $n ->
        [one] { $n } heure
       *[other] { $n } heures
    }
    [week] { $n ->
        [one] { $n } semaine
       *[other] { $n } semaines
    }
   *[day] { $n ->
        [one] { $n } jour
       *[other] { $n } jours
    }
}
span-target = { $n } { $unit ->
    [minute] { $n ->
        [one] minute
       *[other] minutes
    }
    [hour] { $n ->
        [one] heure
       *[other] heures
    }
    [week] { $n ->
        [one] semaine
       *[other] semaines
    }
   *[day] { $n ->
        [one] jour
       *[other] jours
    }
}{ $working ->
    [yes] { $n ->
        [one] {" "}ouvrable
       *[other] {" "}ouvrables
    }
   *[no] {""}
}

finding-clock-late = { $clock ->
    [acknowledge] accusé de réception envoyé { $span } après la réception; la politique accorde { $allowed } (règle : { $rule })
    [resolve] réglé { $span } après la réception; la politique accorde { $allowed } (règle : { $rule })
    [resolve-again] réglé { $span } après la réouverture; la politique accorde { $allowed } (règle : { $rule })
    [update] aucun compte rendu au client pendant { $span } après le dernier contact; la politique accorde { $allowed } entre deux comptes rendus (règle : { $rule })
   *[follow-up] satisfaction vérifiée { $span } après la décision; la politique accorde { $allowed } (règle : { $rule })
}
finding-clock-overdue = { $clock ->
    [acknowledge] aucun accusé de réception { $span } après la réception (échéance : { $due }); la politique accorde { $allowed } (règle : { $rule })
    [resolve] toujours pas réglé { $span } après la réception (échéance : { $due }); la politique accorde { $allowed } (règle : { $rule })
    [resolve-again] toujours pas réglé { $span } après la réouverture (échéance : { $due }); la politique accorde { $allowed } (règle : { $rule })
    [update] aucun compte rendu au client depuis { $span } après le dernier contact (échéance : { $due }); la politique accorde { $allowed } entre deux comptes rendus (règle : { $rule })
   *[follow-up] satisfaction non vérifiée { $span } après la décision (échéance : { $due }); la politique accorde { $allowed } (règle : { $rule })
}
finding-closed-dissatisfied = fermé alors que le client s'est dit insatisfait le { $date }, sans réouverture
finding-band = { $granted } accordés pour un préjudice de { $harm }; la fourchette va de { $min } % à { $max } % du préjudice, soit de { $low } à { $highc } (règle : { $rule })
finding-harm-missing = { $granted } accordés, mais aucun préjudice n'est inscrit : la fourchette ne peut pas être vérifiée
finding-authority = { $by } ({ $level }) a porté le total du cas à { $total }; le palier { $level } peut accorder au plus { $limit } par cas
finding-route = acheminement « { $route } » : { $detail }
finding-reopened = rouvert { $times ->
    [one] une fois
   *[other] { $times } fois
} (double défaillance)
finding-reopened-reason = rouvert { $times ->
    [one] une fois
   *[other] { $times } fois
} (double défaillance) : { $reason }

route-escalated = acheminé à { $to } le { $at }
route-missed = réglé sans escalade vers { $to }
route-pending = doit être acheminé à { $to } avant d'être réglé
route-no-breach = aucun délai de règlement n'est dépassé
route-top = déjà au palier le plus élevé ({ $level })
route-escalated-late = acheminé à { $to } le { $at }, après l'échéance de règlement
route-overdue-missed = le cycle de règlement { $cycle } a dépassé son échéance et a été réglé sans escalade au-dessus du palier { $level }
route-overdue-pending = le cycle de règlement { $cycle } a dépassé son échéance sans escalade au-dessus du palier { $level }

## Indicateurs (audit et rapport)

kpi-cases = Cas
kpi-cases-value = { $cases } ({ $open } ouverts)
kpi-acknowledged-on-time = Accusé de réception dans les délais
kpi-resolved-on-time = Réglés dans les délais
kpi-satisfied = Clients satisfaits au suivi
kpi-follow-up-coverage = Taux de suivi de satisfaction
kpi-time-to-acknowledge = Délai d'accusé de réception (médiane / p90)
kpi-time-to-resolve = Délai de règlement (médiane / p90)
kpi-reopened = Rouverts (double défaillance)
kpi-compensation = Indemnisation accordée
kpi-compensation-ratio = Indemnisation / préjudice
kpi-ratio-of-harm = { $ratio } du préjudice
kpi-within-band = Dans la fourchette

## La page de l'audit

audit-title = Audit au { $as_of }
audit-window-since = ; constats depuis le { $since }
audit-window-until = { $first ->
    [yes] ; constats avant le { $until }
   *[no] , avant le { $until }
}
audit-severity-heading = { $severity ->
    [error] ERREURS
    [warning] AVERTISSEMENTS
   *[info] POUR INFORMATION
} ({ $count })
audit-severity-title = { $severity ->
    [error] Erreurs
    [warning] Avertissements
   *[info] Pour information
} ({ $count })
audit-invalid-heading = FICHIERS INVALIDES ({ $count }) : non audités
audit-invalid-title = Fichiers invalides ({ $count }), non audités
audit-counts = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}, { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}, { $infos } pour information
audit-md-title = Audit redress — { $as_of }
audit-md-summary = **{ $counts }** sur { $cases } cas.
audit-md-indicator = Indicateur
audit-md-value = Valeur
audit-md-columns = | Cas | Constat | Moment | Échéance | Détails |
target = { $target }

## Traitement réglementé (prolongations, conservation, audit --git)

finding-extension-beyond = prolongé à { $to }, au-delà des { $max } que permet la politique (règle : { $rule }); l'échéance reste où elle était
finding-extension-none = prolongé à { $to }, mais la politique ne permet aucune prolongation (pas de `max_extension`); l'échéance reste où elle était
finding-extension-unannounced = prolongé à { $to } sans en informer le client : aucun `updated` au plus tard à ce moment dans ce cycle; l'échéance reste où elle était
finding-extension-late = prolongé à { $to } le { $at }, après l'échéance du { $due }; l'échéance reste où elle était
finding-retention-due = fermé le { $closed }; la politique conserve les renseignements personnels { $keep } après la fermeture (règle : { $rule }) : lancez `redress anonymise { $id }`
finding-recorded-late = `{ $event }` daté du { $stopped } a arrêté le délai { $clock } avant son échéance ({ $due }), mais n'a été versé dans git que le { $at }, { $late } après

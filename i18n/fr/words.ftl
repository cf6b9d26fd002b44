# Le vocabulaire de redress pour les personnes (statuts, natures,
# événements, délais…). Un mot inconnu (une catégorie définie par les
# politiques) reste tel quel.

list-and = { $init } et { $last }
word = { $w ->
    [complaint] plainte
    [claim] réclamation
    [phone] téléphone
    [email] courriel
    [chat] clavardage
    [web] Web
    [letter] lettre
    [in-person] en personne
    [social] médias sociaux
    [third-party] tiers
    [low] faible
    [medium] moyenne
    [high] élevée
    [critical] critique
    [passive] passif
    [voicer] revendicateur
    [irate] irrité
    [activist] militant
    [knowledge] connaissances
    [attitude] attitude
    [relational] relationnel
    [support] soutien
    [psychological] psychologique
    [cognitive] cognitif
    [financial] financier
    [temporal] temporel
    [sensory] sensoriel
    [security] sécurité
    [ethical] éthique
    [space] espace
    [operational] opérationnel
    [founded] fondée
    [partly-founded] partiellement fondée
    [unfounded] non fondée
    [bad-faith] mauvaise foi
    [new] nouveau
    [acknowledged] accusé de réception
    [in-progress] en cours
    [waiting] en attente
    [resolved] réglé
    [closed] fermé
    [assigned] assigné
    [noted] note
    [updated] compte rendu
    [escalated] escaladé
    [paused] suspendu
    [resumed] repris
    [compensated] indemnisé
    [followed-up] suivi
    [reopened] rouvert
    [acknowledge] accusé de réception
    [resolve] règlement
    [update_every] compte rendu
    [follow_up] suivi
    [met] respecté
    [breached] dépassé
    [running] en cours
    [business] ouvrable
    [to] à
    [remedy] mesure
    [reason] motif
    [summary] résumé
    [note] note
    [amount] montant
    [outcome] issue
    [satisfied] satisfait
    [yes] oui
    [no] non
    [error] erreur
    [warning] avertissement
    [info] information
    [not-applicable] sans objet
    [distributive] distributive
    [procedural] procédurale
    [interactional] interactionnelle
    [missing] manquant
    [pending] en attente
   *[other] { $w }
}

## show

show-kind-line = { $kind } · { $category } · gravité { $severity } · { $channel }
show-received = reçu
show-customer = client
show-assignee = responsable
show-level = palier
show-harm = préjudice
show-harm-value = { $harm }  (indemnisé : { $total })
show-risks = risques
show-wants = demandes
show-justice = justice
show-justice-value = { $justice } (jugée déficiente)
show-tags = étiquettes
show-source = source
show-field = champ
show-file = fichier
show-contacts-hint = (--include-contacts les affiche)
show-unassigned = (non assigné)
show-clocks = Délais
show-history = Historique
show-no-events = (aucun événement)
show-due = échéance { $due }
show-due-paused = — (suspendu)
show-rule = règle : { $rule }
show-detail = { $key } : { $value }

## list

column = { $key ->
    [kind] Nature
    [status] Statut
    [received] Reçu
    [sev] Grav.
    [category] Catégorie
    [due] Échéance
    [title] Titre
    [customer] Client
    [assignee] Responsable
    [case] Cas
    [code] Code
    [severity] Gravité
    [rule] Règle
    [clock] Délai
    [state] État
    [owner] Responsable
    [cases] Cas
   *[other] { $h }
}
list-due-clock = { $clock ->
    [ack] accusé
    [resolve] règlement
    [update] compte rendu
   *[follow-up] suivi
}
list-late = en retard
list-none = aucun cas ne correspond
list-count = { $count } cas

## policy explain

explain-kind-line = { $kind } · { $category } · { $severity } · { $channel } · profil { $profile }
explain-deadline-rules = Règles de délai (la première qui correspond s'applique)
explain-applies = s'applique
explain-shadowed = correspond (masquée)
explain-no-match = ne correspond pas
explain-default-applies = aucune règle ne correspond : [default] s'applique
explain-clock = début { $started } · échéance { $due } · arrêt { $stopped } · règle : { $rule }
explain-no-target = aucun délai fixé
explain-band = Fourchette d'indemnisation
explain-band-rule = règle { $rule } : de { $min } à { $max } du préjudice
explain-band-harm = préjudice de { $harm } : la fourchette va de { $low } à { $high }; accordé jusqu'ici : { $granted }
explain-band-no-harm = aucun préjudice inscrit; accordé jusqu'ici : { $granted }
explain-routes = Acheminements (escalade)
explain-no-route = aucun acheminement ne s'applique à ce cas

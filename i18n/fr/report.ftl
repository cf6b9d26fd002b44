# Le rapport : lectures, titres et colonnes communs à tous les formats
# lisibles (tableau, markdown, HTML et ses graphiques).

report-period = { $period ->
    [month] mois
    [quarter] trimestre
   *[year] année
}
report-dimension = { $dim ->
    [kind] nature
    [category] catégorie
    [channel] canal
    [severity] gravité
    [profile] profil
    [risk] risque
    [outcome] issue
    [tag] étiquette
   *[assignee] responsable
}
report-title = Plaintes et réclamations
report-title-one = Plaintes et réclamations, { $period }
report-title-range = Plaintes et réclamations, de { $first } à { $last }
report-subtitle = { $cases } cas, par { report-period } de réception; au { $as_of } ({ $zone })
report-subtitle-since = ; depuis le { $since }
report-subtitle-until = ; avant le { $until }
report-reopened-value = { $rate } ({ $reopened } sur { $resolved } réglés)
report-within-band-value = { $within } sur { $judged } ({ $below } en deçà, { $above } au-delà)
report-estimate-note = Estimations, et non mesures : chacune applique à ce registre un chiffre couramment cité dans les formations en service à la clientèle. Modifiez les paramètres dans policies/estimates.toml. Paramètres : { $source }.

reading-volume = { $cases } cas en { $count } { $period ->
    [month] mois
    [quarter] { $count ->
        [one] trimestre
       *[other] trimestres
    }
   *[year] { $count ->
        [one] année
       *[other] années
    }
} ({ $complaints } plaintes, { $claims } réclamations); { $period ->
    [month] le mois le plus chargé a été
    [quarter] le trimestre le plus chargé a été
   *[year] l'année la plus chargée a été
} { $busiest }, avec { $most } cas.
reading-no-case-received = Aucun cas n'a été reçu pendant la période.
reading-no-case-to-classify = Aucun cas à classer.
reading-pareto = { $names } { $count ->
    [one] représente
   *[other] représentent
} { $share } % des cas{ $rest }.
reading-pareto-rest-one = ; { $category } compte pour le reste
reading-pareto-rest = ; les { $count } autres catégories se partagent le reste
reading-resolve = La moitié des cas ont été réglés en { $median } ou moins, neuf sur dix en { $p90 } ou moins (première décision, temps écoulé).
reading-none-resolved = Aucun cas n'a encore été réglé.
reading-no-compensation = Aucun cas fondé avec un préjudice inscrit n'a encore été réglé.
reading-compensation = { $within } des { $judged } cas fondés avec préjudice ont été indemnisés dans leur fourchette, { $below } en deçà et { $above } au-delà; au total, { $ratio } du préjudice a été accordé.
reading-timing-change = Le délai médian de règlement est passé de { $from } ({ $first }) à { $to } ({ $last }).
reading-timing-one = Le délai médian de règlement était de { $median } ({ $period }).
reading-ageing-none = Aucun cas n'était ouvert le { $day }.
reading-ageing = { $count ->
    [one] { $count } cas était ouvert
   *[other] { $count } cas étaient ouverts
} le { $day }; { $old } reçus plus de 30 jours avant.

## Titres et colonnes

report-volume-per = Volume par { report-period }
report-by = Par { $dim }
report-pareto-head = Pareto des catégories (● = causes principales, jusqu'à 80 %)
report-pareto = Pareto des catégories
report-resolve-head = Délai de règlement (première décision, temps écoulé)
report-resolve = Délai de règlement
report-compensation = Indemnisation
report-granted-in-all = Total accordé
report-on-resolved-with-harm = Cas réglés avec préjudice
report-granted-for-harm = { $granted } pour { $harm } de préjudice ({ $ratio })
report-against-band = Par rapport à la fourchette ({ $band } par défaut)
report-band-counts = { $below } en deçà, { $within } dans la fourchette, { $above } au-delà
report-ageing-head = Ancienneté des cas en attente (cas ouverts, jours civils depuis la réception)
report-ageing = Ancienneté des cas en attente
report-findings = Constats de l'audit
report-reopened-line = Rouverts (double défaillance) : { $reopened } des { $resolved } cas réglés ({ $rate }).
report-estimates-head = Coûts estimés (ESTIMATIONS, et non mesures)
report-estimates = Coûts estimés
report-position = { $position ->
    [below] en deçà
    [within] dans la fourchette
   *[above] au-delà
}
col-cases = Cas
col-complaints-short = Plaintes
col-claims = Réclam.
col-resolve-pair-short = Règlement méd./p90
col-share = Part
col-on-time = Dans les délais
col-resolve = Règlement
col-satisfied-short = Satisf.
col-category = Catégorie
col-cumulative-short = Cumul
col-code = Code
col-severity = Gravité
col-findings = Constats
col-days = Jours
md-volume-columns = Cas | Plaintes | Réclamations | Ouverts | Réglés dans les délais | Accusé médiane / p90 | Règlement médiane / p90
md-dimension-columns = Cas | Part | Ouverts | Réglés dans les délais | Délai médian de règlement | Satisfaits
md-pareto-columns = Catégorie | Cas | Part | Cumul | Causes principales
md-band-columns = Cas | Préjudice | Accordé | Part | Fourchette | Position
md-ageing-columns = Ancienneté | Cas ouverts | Cas
md-estimate-columns = Estimation | Valeur | Formule
md-compensation-list = - Total accordé : { $total }
    - Cas réglés avec préjudice : { $granted } pour un préjudice de { $harm } ({ $ratio })
    - Par rapport à la fourchette (par défaut { $band } du préjudice; des règles peuvent en fixer d'autres) : { $below } en deçà, { $within } dans la fourchette, { $above } au-delà
md-reopened-head = Cas rouverts (double défaillance)
md-reopened = { $count ->
    [one] { $count } des { $resolved } cas réglés a été rouvert
   *[other] { $count } des { $resolved } cas réglés ont été rouverts
} ({ $rate }).

## Estimations

estimate-unit = { $unit ->
    [customers] clients
   *[people] personnes
}
estimate-silent-customers = Clients insatisfaits qui ne se sont pas plaints
estimate-silent-lost = Clients silencieux qui n'achèteront plus
estimate-complainants-lost = Plaignants probablement perdus
estimate-customers-at-risk = Clients à risque
estimate-revenue-at-risk = Revenus à vie à risque
estimate-people-told = Personnes informées par des clients insatisfaits
estimate-prospects-avoiding = Clients potentiels qui éviteront l'entreprise
estimate-prospect-revenue-lost = Revenus à vie des clients potentiels perdus

## La page HTML et ses graphiques

html-eyebrow = Rapport redress
html-key-figures = Chiffres clés
html-charts = Graphiques
html-badge = estimations
html-col-estimate = Estimation
html-col-how = Mode de calcul
html-parameters = Paramètres :
html-tables = Tableaux
html-none = Aucun
html-footer = Calculé par redress à partir des fichiers du registre. Les cas ne sont désignés que par leur identifiant : aucun nom de client, aucune coordonnée ni aucun titre de cas ne figure dans ce rapport.
html-open = { $open } ouverts
html-median = médiane { $median }
html-median-p90 = médiane { $median }, p90 { $p90 }
html-follow-up-on = suivi de satisfaction pour { $share } des cas réglés
html-reopened = Rouverts
html-reopened-note = { $reopened } des { $resolved } cas réglés : double défaillance
html-within-band = { $within } sur { $judged } dans la fourchette
html-revenue-at-risk = Revenus à risque (estimation)
html-revenue-note = revenus à vie, en { $currency }; détails plus bas
html-chart-volume = Cas par { report-period }, selon la nature
html-chart-timing = Délai de règlement par { report-period }
html-chart-compensation = Indemnisation en proportion du préjudice
html-per-period = Par { report-period }
html-ageing-reading = Cas ouverts selon le nombre de jours civils depuis la réception, les plus anciens en dernier.
html-reopened-reading = Rouverts (double défaillance) : { $reopened } des { $resolved } cas réglés.
html-outside-band = Indemnisation hors fourchette
html-outside-band-reading = Total accordé : { $total }. Cas réglés avec préjudice : { $granted } pour { $harm } de préjudice.
col-age = Ancienneté
col-open-cases = Cas ouverts
col-complaints = Plaintes
col-open = Ouverts
col-resolved-on-time = Réglés dans les délais
col-ack-pair = Accusé de réception médiane / p90
col-resolve-pair = Règlement médiane / p90
col-median-resolve = Délai médian de règlement
col-satisfied = Satisfaits
col-case = Cas
col-harm = Préjudice
col-granted = Accordé
col-band = Fourchette
col-position = Position

chart-no-cases = Aucun cas pendant la période
chart-complaints = plaintes
chart-claims = réclamations
chart-cases = cas
chart-received = { report-period } de réception
chart-vital-few = causes principales
chart-the-rest = le reste
chart-cumulative-share = part cumulée
chart-days-to-decision = jours entre la réception et la décision
chart-none-resolved = Aucun cas réglé pour l'instant
chart-no-harm = Aucun cas réglé avec préjudice
chart-default-band = fourchette par défaut { $low }–{ $high } %
chart-harm-axis = préjudice ({ $currency }, échelle logarithmique)
chart-median = médiane
chart-days-to-resolve = jours jusqu'au règlement
chart-days-since-receipt = jours civils depuis la réception
chart-open-cases = cas ouverts
chart-no-open-case = Aucun cas ouvert
chart-month = { $n ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
}
chart-pareto-axis = catégorie (cas), de la plus fréquente à la moins fréquente
chart-granted-over-harm = accordé / préjudice
chart-p90 = 90e centile

## Formules des estimations (nombres tels que dans policies/estimates.toml)

formula-silent-customers = { $cases } cas × { $silent } silencieux par cas
formula-product = { $a } × { $b }
formula-sum = { $a } + { $b }
formula-complainants-lost = { $recovered } récupérés × (1 − { $retained }) + { $open } ouverts ou insatisfaits × { $lost }
formula-revenue-at-risk = ({ $silent } silencieux perdus × { $value } par an + Σ part perdue des plaignants × valeur annuelle ({ $known } sur { $cases } connues, sinon { $value }) = { $lost }) × { $years } ans
formula-people-told = ({ $cases } cas + { $silent } silencieux) × { $told } personnes informées chacun
formula-prospects-avoiding = { $dissatisfied } insatisfaits × { $circle } dans l'entourage × { $market } dans le marché cible × { $avoid } qui évitent
formula-prospect-revenue = { $avoiding } × { $value } par an × { $years } ans
chart-harm-axis-sampled = { $axis } — échantillon : { $shown } cas sur { $total } affichés, 1 sur { $stride }

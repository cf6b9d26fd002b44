# --help en français. Identifiants : help-<chemin de commande>,
# help-<chemin>-after, help-<chemin>-arg-<argument>; help-arg-<argument>
# sert à toutes les commandes qui partagent l'argument.

help = Un registre de plaintes et de réclamations tenu dans git : un fichier YAML par cas, des politiques en TOML, des audits et des rapports calculés à partir des fichiers
help-after =
    Codes de sortie :
      0  succès (aussi quand la sortie s'arrête tôt, p. ex. `redress list | head`)
      1  check ou audit a trouvé des problèmes (audit : au niveau de --fail-on ou au-dessus);
         merge-file a laissé des conflits
      2  erreur : entrée invalide, mauvais usage, fichiers illisibles; rien n'a été modifié

    Environnement :
      REDRESS_LEDGER  la racine du registre, comme --ledger
      REDRESS_NOW     l'heure courante, comme --now
      REDRESS_USER    qui inscrit les événements (valeur par défaut de --by), puis USER
      REDRESS_LANG    la langue (en, fr), comme --lang; puis LC_ALL, LC_MESSAGES, LANG
      NO_COLOR        pas de couleur quand --color vaut auto
      EDITOR          l'éditeur de `new --edit` et de `edit` (VISUAL d'abord, sinon vi)

    Exemples :
      redress init && redress new
      redress list --overdue
      redress <COMMANDE> --help
help-arg-ledger = La racine du registre (par défaut : le dossier parent le plus proche qui contient policies/)
help-arg-now = L'heure courante pour toutes les commandes, p. ex. 2026-11-22T12:00:00-05:00 (pour des résultats reproductibles)
help-arg-color = Quand utiliser la couleur (auto respecte NO_COLOR et vérifie si la sortie est un terminal)
help-arg-lang = La langue des messages et des formats lisibles, en ou fr (par défaut : policies/ledger.toml du registre, puis les paramètres régionaux)
help-init = Crée un registre avec les politiques par défaut
help-init-after =
    Exemples :
      redress init
      redress init ~/registres/service && cd ~/registres/service
      redress init --preset fca-disp plaintes-uk
help-init-arg-dir = Où créer le registre (par défaut : le dossier courant)
help-init-arg-letters = Ajoute seulement les modèles de lettres par défaut (policies/letters/) à un registre existant; les modèles déjà présents sont conservés
help-init-arg-preset = Le régime dont les politiques suivent les délais : iso10002 (bonnes pratiques ISO 10002), amf-quebec (secteur financier québécois), fca-disp (FCA DISP 1 au Royaume-Uni), cfpb (portail du CFPB américain). Chaque fichier cite sa source : vérifiez-la par rapport au texte en vigueur
help-new = Inscrit un nouveau cas (par options, questions ou $EDITOR) et affiche son identifiant
help-new-after =
    Exemples :
      id=$(redress new --kind complaint --title "Colis jamais reçu" --customer "Anne Roy" \
             --channel email --category delivery --severity medium)
      redress new --edit
help-new-arg-kind = complaint (une insatisfaction) ou claim (une demande de réparation)
help-new-arg-title = Un titre court : ce qui n'a pas fonctionné
help-new-arg-customer = Le nom du client
help-new-arg-email = Le courriel du client (masqué dans les sorties, sauf avec --include-contacts)
help-new-arg-phone = Le numéro de téléphone du client (masqué comme le courriel)
help-new-arg-profile = La façon dont le client se plaint, selon les profils du domaine
help-new-arg-annual_value = La valeur annuelle du client, dans la devise du registre
help-new-arg-language = La langue dans laquelle écrire au client : fr ou en (les lettres l'utilisent)
help-new-arg-channel = Par où le cas nous est parvenu
help-new-arg-category = Une des catégories de policies/categories.toml
help-new-arg-severity = La gravité du cas pour le client
help-new-arg-harm = Le préjudice estimé pour le client, p. ex. 120.00
help-new-arg-wants = Une mesure que demande le client, tirée de policies/compensation.toml (répétable)
help-new-arg-justice = La dimension de la justice que le client a jugée déficiente
help-new-arg-description = Ce qui s'est passé; `-` le lit sur l'entrée standard
help-new-arg-received = Quand le cas a été reçu (par défaut : maintenant) : 2026-11-22T09:14:00-05:00, 2026-11-22 09:14 (fuseau du registre), today 09:14, yesterday 16:00, 2h ago
help-new-arg-future = Accepte un --received plus d'une minute après maintenant (refusé par défaut, car c'est probablement une faute de frappe)
help-new-arg-tags = Une étiquette libre (répétable)
help-new-arg-risks = Un risque d'insatisfaction (répétable)
help-new-arg-assign = Assigne tout de suite le cas à un membre de l'équipe (un événement `assigned`, inscrit par REDRESS_USER, puis USER)
help-new-arg-edit = Rédige le cas dans $EDITOR, à partir d'un modèle
help-new-arg-interactive = Demande chaque valeur non fournie par une option, même quand les valeurs obligatoires sont là (il faut un terminal). Sans elle, `new` ne pose de questions que s'il manque une option obligatoire et que l'entrée standard et la sortie d'erreur sont des terminaux
help-list = Énumère les cas, filtrés et triés
help-list-after =
    Exemples :
      redress list --status acknowledged --overdue
      redress list --assignee alice --sort due --format csv
help-list-arg-status = Seulement les cas dans ce statut calculé (répétable) : new, acknowledged, in-progress, waiting, resolved, closed, ou `open` pour les quatre premiers
help-list-arg-all = Tous les cas, y compris les cas réglés et fermés (par défaut : les cas ouverts seulement)
help-list-arg-grep = Seulement les cas dont les textes, les coordonnées, source.id ou les champs contiennent TEXTE, sans égard à la casse ni aux accents (comme `redress search`)
help-list-arg-mine = Seulement les cas assignés au membre courant (REDRESS_USER, puis USER)
help-list-arg-due = Seulement les cas dont un délai en cours échoit d'ici la fin de : today, tomorrow, week (jusqu'au dimanche) ou une DATE (AAAA-MM-JJ), dans le fuseau du registre
help-list-arg-unassigned = Seulement les cas assignés à personne
help-list-arg-assignee = Seulement les cas dont le dernier `assigned` nomme ce membre
help-list-arg-overdue = Seulement les cas dont un délai en cours est dépassé (à --now)
help-list-arg-since = Reçus à ce moment ou à cette date, ou après
help-list-arg-until = Reçus avant ce moment; une date seule inclut toute la journée
help-list-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client là où un titre les reprend (masqués par défaut)
help-show = Affiche un cas : ses détails, son statut calculé et son historique
help-show-after =
    Exemples :
      redress show "$id"
      redress show 7f3a --format json
help-show-arg-id = Le cas : son identifiant, tout préfixe ou suffixe unique de celui-ci, ou son `source.id` (le numéro de l'autre système, p. ex. Z-1001)
help-show-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client (masqués par défaut, dans les textes du cas aussi)
help-search = Trouve des cas par un mot de leur texte, le nom, le courriel ou le téléphone d'un client, ou un identifiant source
help-search-after =
    Exemples :
      redress search eve            # trouve Ève Côté, et « Geneviève » dans une note
      redress search z-1001         # l'identifiant de l'autre système (source.id)
      redress search 514-555-0199   # un téléphone, quelle que soit sa ponctuation

    Code de sortie : 0 quand un cas correspond, 1 sinon (comme grep).
help-search-arg-text = Le texte à trouver dans les titres, descriptions, notes d'événements, motifs, mesures et résumés, le nom, le courriel et le téléphone du client, `source.id` et les valeurs de `fields`
help-search-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client dans les titres (masqués par défaut; une correspondance sur ceux-ci est quand même signalée)
help-ack = Inscrit que la réception a été confirmée au client (accusé de réception)
help-ack-after =
    Exemples :
      redress ack "$id"
      redress ack "$id" --at 2026-11-22T09:15:00-05:00 --by bob
help-assign = Change le responsable du cas
help-assign-after =
    Exemples :
      redress assign "$id" bob
help-assign-arg-member = Le membre de l'équipe qui prend le cas en charge
help-note = Ajoute une note interne
help-note-after =
    Exemples :
      redress note "$id" "Le transporteur dit que le colis est à Laval"
help-note-arg-text = La note interne
help-update = Inscrit un compte rendu d'avancement envoyé au client
help-update-after =
    Exemples :
      redress update "$id" "Nous avons ouvert une enquête auprès du transporteur"
help-update-arg-text = Le compte rendu envoyé au client
help-escalate = Achemine le cas à un palier ou à un service
help-escalate-after =
    Exemples :
      redress escalate "$id" --to supervisor --reason "Deuxième livraison ratée"
help-escalate-arg-to = Un palier ou un service (policies/escalation.toml)
help-escalate-arg-reason = Pourquoi le cas y est acheminé
help-pause = Suspend les délais : en attente du client ou d'un tiers
help-pause-after =
    Exemples :
      redress pause "$id" --reason "En attente du reçu du client"
help-pause-arg-reason = Ce que le cas attend (le client, le transporteur…)
help-resume = Relance les délais après une suspension
help-resume-after =
    Exemples :
      redress resume "$id"
help-resume-arg-reason = Pourquoi les délais reprennent
help-compensate = Inscrit une indemnisation accordée au client
help-compensate-after =
    Exemples :
      redress compensate "$id" --remedy refund --amount 90.00
help-compensate-arg-remedy = La mesure (policies/compensation.toml), p. ex. refund, credit, apology (ou en français : remboursement, crédit, excuses…)
help-compensate-arg-amount = Le montant dans la devise du registre, p. ex. 90.00 ou 90,00 (aucun pour des excuses)
help-resolve = Inscrit la décision communiquée au client
help-resolve-after =
    Exemples :
      redress resolve "$id" --outcome founded --summary "Remboursé et réexpédié"
help-resolve-arg-outcome = founded (fondée), partly-founded (partiellement fondée), unfounded (non fondée) ou bad-faith (mauvaise foi)
help-resolve-arg-summary = La décision telle que communiquée au client
help-follow-up = Inscrit si le client a été satisfait du règlement
help-follow-up-after =
    Exemples :
      redress follow-up "$id" --satisfied yes
help-follow-up-arg-satisfied = Si le client a été satisfait : yes ou no (aussi oui ou non)
help-close = Ferme un cas réglé
help-close-after =
    Exemples :
      redress close "$id"
help-reopen = Rouvre un cas dont la solution a échoué (une double défaillance)
help-reopen-after =
    Exemples :
      redress reopen "$id" --reason "Le remplacement n'est jamais arrivé non plus"
help-reopen-arg-reason = Pourquoi : ce qui a échoué dans la solution (une double défaillance)
help-edit = Corrige une erreur dans un cas avec $EDITOR : vérifié à l'enregistrement, installé de façon atomique
help-edit-after =
    Exemples :
      redress edit "$id"                        # corriger un titre, un courriel, une catégorie
      EDITOR="code --wait" redress edit k7q2
      redress edit k7q2 --yes                   # accepter les changements aux événements passés (scripts)
help-edit-arg-yes = Accepte les changements aux événements passés sans demander (nécessaire hors d'un terminal)
help-edit-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client dans ce qu'affiche edit (l'éditeur montre toujours le fichier tel quel)
help-letter = Rédige une lettre au client (accusé de réception, délai, décision, suivi)
help-letter-after =
    Exemples :
      redress letter "$id" --template acknowledgement
      redress letter "$id" --template acknowledgement --lang fr -o lettre.txt --record
      redress letter "$id" --template decision --outcome fondée --summary "Remboursé" --record -o decision.txt

    La lettre est dans la langue de --lang quand elle est tapée, sinon dans celle du client (`language`), sinon dans celle de l'interface.
help-letter-arg-template = Quelle lettre : acknowledgement (réception, avec la date promise), holding (la date ne peut être tenue), decision (issue et mesures), follow-up (le client est-il satisfait?)
help-letter-arg-output = Écrit la lettre dans FICHIER plutôt que sur la sortie standard
help-letter-arg-record = Inscrit aussi l'envoi : acknowledged, updated (holding), resolved (decision, exige --outcome) ou followed-up (exige --satisfied)
help-letter-arg-outcome = L'issue de la décision (par défaut : celle du règlement du cas) : founded, partly-founded, unfounded, bad-faith (ou fondée…)
help-letter-arg-summary = La décision en quelques mots, écrite dans la lettre et dans l'événement
help-letter-arg-satisfied = Avec --record sur un suivi : le client est-il satisfait? yes ou no (oui, non)
help-letter-arg-note = Un paragraphe ajouté à une lettre de délai, et la note de l'événement inscrit
help-check = Valide chaque fichier de cas et de politique et signale chaque problème
help-check-after =
    Exemples :
      redress check
      redress check && git commit -am "Cas de la journée"
help-audit = Audite le registre : délais, suivis, indemnisation, escalades, indicateurs
help-audit-after =
    Exemples :
      redress audit
      redress audit --fail-on warning --since 2026-11-01 --format markdown
help-audit-arg-as_of = Audite le registre tel qu'il était à ce moment (par défaut : --now)
help-audit-arg-fail_on = Code de sortie 1 quand un constat de cette gravité ou plus grave existe
help-audit-arg-case = Audite un seul cas (identifiant, préfixe ou suffixe)
help-audit-arg-code = Seulement les constats de ce code (répétable)
help-audit-arg-since = Seulement les constats survenus à ce MOMENT ou après : une date, une heure ou une durée avant --as-of (24h, 7d, 2w). Les indicateurs portent sur les cas reçus dans la période, comme dans `report`
help-audit-arg-until = Seulement les constats survenus avant ce MOMENT (une date seule : jusqu'à la fin de ce jour)
help-audit-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client là où un constat les cite (masqués par défaut)
help-audit-arg-git = Compare aussi l'heure de chaque événement à celle du commit qui l'a ajouté (un seul `git log` sur cases/) : un événement qui a arrêté un délai, daté avant l'échéance mais versé après (au-delà de `[audit] recorded_late_tolerance`, 1h par défaut), est `recorded-late`
help-report = Des statistiques pour les décideurs : périodes, causes, canaux, coûts
help-report-after =
    Exemples :
      redress report --period month
      redress report --format html -o reports/2026-11.html
      redress report --return fca --for 2026-Q3 --format csv
      redress report --review 2026-Q3 --format html -o reports/review-2026-Q3.html
help-report-arg-period = Regroupe les cas par mois, trimestre ou année de réception (fuseau du registre)
help-report-arg-since = Seulement les cas reçus à ce moment ou à cette date, ou après
help-report-arg-until = Seulement les cas reçus avant ce moment; une date seule inclut toute la journée
help-report-arg-by = Ventile selon une dimension (répétable; par défaut : category et channel) : kind, category, channel, severity, profile, risk, outcome, tag, assignee, wants, justice, fields.NOM
help-report-arg-output = Écrit le rapport dans FICHIER (de façon atomique) plutôt que sur la sortie standard
help-report-arg-as_of = Rapport sur le registre tel qu'il était à ce moment (par défaut : --now)
help-report-arg-include_contacts = Affiche telle quelle une valeur de ventilation (étiquette, valeur de `fields`) qui reprend le nom, le courriel ou le téléphone d'un client (masquée par défaut)
help-report-arg-regulator = La déclaration des plaintes pour un organisme de réglementation au lieu du rapport : fca ou amf (exige --for PÉRIODE, ou --since et --until)
help-report-arg-for_period = La période d'une déclaration : 2026, 2026-H2, 2026-Q3 ou 2026-09
help-report-arg-review = La revue de direction d'une période (2026-Q3, 2026-09, 2026) par rapport à la précédente : HTML (-o FICHIER) ou markdown
help-action = Mesures correctives : en inscrire une contre une cause, les énumérer, en fermer une
help-action-after =
    Exemples :
      redress action new --cause "Le transporteur abîme les colis" --owner bob --due 2027-01-15 --case n9c3
      redress action list
      redress action close 3xk9 --note "Nouveau transporteur"
help-action-new = Inscrit une mesure corrective contre une cause et affiche son identifiant
help-action-new-after =
    Exemples :
      redress action new --cause "Le transporteur laisse les colis fragiles à la porte" \
        --owner bob --due 2027-01-15 --category delivery --case n9c3 --case v4ka
help-action-new-arg-cause = La cause que la mesure élimine (une ligne)
help-action-new-arg-owner = Le membre de l'équipe qui en est responsable (par défaut : REDRESS_USER, puis USER)
help-action-new-arg-due = Quand elle doit être faite : une date (AAAA-MM-JJ) ou tout moment qu'accepte --at
help-action-new-arg-cases = Un cas auquel elle répond : un identifiant, ou un préfixe ou suffixe unique (répétable, au moins un)
help-action-new-arg-category = La catégorie de cause visée (par défaut : celles de ses cas)
help-action-list = Énumère les mesures correctives (ouvertes et en retard, sauf avec --all)
help-action-list-after =
    Exemples :
      redress action list
      redress action list --all --format json
help-action-list-arg-all = Énumère aussi les mesures fermées
help-action-list-arg-include_contacts = Affiche un nom, un courriel ou un téléphone de client écrit dans une cause ou une note (masqués par défaut, comme dans toute sortie)
help-action-close = Ferme une mesure corrective en disant ce qui a été fait
help-action-close-after =
    Exemples :
      redress action close 3xk9 --note "Le nouveau contrat de transport exige une signature"
help-action-close-arg-id = L'identifiant de la mesure, ou un préfixe ou suffixe unique de celui-ci
help-action-close-arg-note = Ce qui a été fait (conservé comme `note` de la mesure)
help-action-close-arg-at = Quand elle a été faite (par défaut : aujourd'hui)
help-policy = Valide les politiques, les explique pour un cas ou mesure l'effet d'un changement
help-policy-after =
    Exemples :
      redress policy check
      redress policy explain "$id"
      redress policy impact --base HEAD~1
help-policy-check = Valide les fichiers de politiques (code 2 s'ils ne sont pas valides)
help-policy-check-after =
    Exemples :
      redress policy check
      redress policy check && git commit -am "Tighter acknowledgement target"
help-policy-explain = Montre quelles règles s'appliquent à un cas et pourquoi, avec ses délais
help-policy-explain-after =
    Exemples :
      redress policy explain "$id"
      redress policy explain 2vtd --include-contacts
help-policy-explain-arg-id = Le cas : son identifiant, ou tout préfixe ou suffixe unique de celui-ci
help-policy-explain-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client là où le titre les reprend (masqués par défaut)
help-policy-impact = L'écart d'audit qu'entraîne un changement de politique, pour les demandes de fusion
help-policy-impact-after =
    Exemples :
      redress policy impact --base main
      redress policy impact --base HEAD~1 --format markdown > impact.md
help-policy-impact-arg-base = La révision git dont les politiques servent de comparaison (p. ex. origin/main)
help-policy-impact-arg-as_of = Audite à ce moment (par défaut : --now)
help-policy-impact-arg-include_contacts = Affiche le nom, le courriel et le téléphone du client là où un constat les cite (masqués par défaut)
help-import = Importe des cas à partir de l'exportation d'un autre système
help-import-after =
    Exemples :
      redress import csv --map mapping.toml ancien-systeme.csv
      redress import cfpb complaints.csv
help-import-cfpb = L'exportation des plaintes de consommateurs du CFPB américain (CSV, tout style d'en-tête ou de date)
help-import-cfpb-after =
    Exemples :
      redress import cfpb complaints.csv --dry-run
      redress import cfpb complaints.csv --skip-bad --by alice
help-import-cfpb-arg-file = Le fichier CSV (`-` lit l'entrée standard)
help-import-cfpb-arg-skip_bad = Importe les bonnes lignes et ignore les mauvaises (signalées sur stderr)
help-import-cfpb-arg-dry_run = Vérifie chaque ligne et indique ce qui serait importé; n'écrit rien
help-import-cfpb-arg-date_format = Comment les dates de réception sont écrites, p. ex. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339' (par défaut : détecté dans le fichier)
help-import-cfpb-arg-by = Qui inscrit les fermetures que signale l'exportation (par défaut : REDRESS_USER, puis USER)
help-import-csv = Toute autre exportation de tableur (CSV), décrite par un fichier de correspondance
help-import-csv-after =
    Exemples :
      redress import csv export.csv --map mapping.toml --dry-run
      redress import csv export.csv --map mapping.toml --skip-bad
help-import-csv-arg-file = Le fichier CSV (`-` lit l'entrée standard)
help-import-csv-arg-skip_bad = Importe les bonnes lignes et ignore les mauvaises (signalées sur stderr)
help-import-csv-arg-dry_run = Vérifie chaque ligne et indique ce qui serait importé; n'écrit rien
help-import-csv-arg-date_format = Comment les dates de réception sont écrites, p. ex. '%d/%m/%Y', 'M/D/YYYY', 'iso', 'rfc3339' (par défaut : détecté dans le fichier)
help-import-csv-arg-map = Le fichier de correspondance : quelle colonne donne quelle clé du cas (voir le README)
help-export = Exporte chaque cas avec son statut calculé et les chiffres de ses délais
help-export-after =
    Exemples :
      redress export --format csv -o exports/cases.csv
      redress export --format jsonl | jq .status
      redress export --format register -o exports/register.xlsx
help-export-arg-format = csv : une ligne par cas, `fields` aplati en colonnes `fields.<nom>`; jsonl : un objet JSON par ligne, imbriqué; register : le registre des plaintes qu'inspectent les organismes de réglementation, en CSV (XLSX quand -o se termine par .xlsx); register-xlsx : le registre en classeur XLSX (exige -o)
help-export-arg-include_contacts = Inclut le nom, le courriel et le téléphone du client (omis par défaut, et masqués partout où un texte ou une valeur de `fields` les reprend)
help-export-arg-output = Écrit dans FICHIER plutôt que sur la sortie standard
help-merge-file = Pilote de fusion git pour les fichiers de cas (voir `redress git-setup`)
help-merge-file-after =
    Exemples :
      git config merge.redress.driver "redress merge-file %O %A %B"   # redress git-setup s'en charge
help-merge-file-arg-base = La version de l'ancêtre commun (%O de git)
help-merge-file-arg-ours = Notre version (%A de git); le résultat de la fusion l'écrase
help-merge-file-arg-theirs = Leur version (%B de git)
help-git-setup = Configure ce dépôt git pour fusionner les fichiers de cas avec redress
help-git-setup-after =
    Exemples :
      git init && redress git-setup
help-completions = Affiche les complétions pour l'interpréteur de commandes
help-completions-after =
    Exemples :
      redress completions bash > ~/.local/share/bash-completion/completions/redress
      redress completions zsh > ~/.zfunc/_redress
help-completions-arg-shell = bash, zsh, fish, elvish ou powershell
help-man = Affiche la page de manuel (roff), ou écrit une page par sous-commande avec -o
help-man-after =
    Exemples :
      redress man | man -l -
      redress man -o ~/.local/share/man/man1 && man redress-new
help-man-arg-output_dir = Écrit redress.1 et un redress-<commande>.1 par sous-commande dans DOSSIER (créé au besoin) plutôt que d'afficher la page principale
help-extend = Prolonge l'échéance de la réponse finale (réponse d'attente), dans les limites de la politique
help-extend-after =
    Exemples :
      redress update "$id" "Il nous faut plus de temps : le rapport de l'assureur est attendu le mois prochain"
      redress extend "$id" --to 90d --reason "En attente du rapport d'expertise de l'assureur"
help-extend-arg-to = Le nouveau délai de règlement, compté depuis la réception (ou la réouverture) comme celui de la politique : 90d, 35d, 12w
help-extend-arg-reason = Pourquoi la réponse finale demande plus de temps (communiqué au client)
help-anonymise = Remplace le nom, le courriel et le téléphone d'un client par un pseudonyme (conservation)
help-anonymise-after =
    Exemples :
      redress audit --code retention-due
      redress anonymise 20191104-k7q2
      redress anonymise --all-due && git commit -am "Anonymiser les cas dont la conservation est échue"
help-anonymise-arg-ids = Les cas : identifiants, ou préfixes ou suffixes uniques de ceux-ci
help-anonymise-arg-all_due = Chaque cas fermé dont la durée de conservation (`retention` dans deadlines.toml) est échue : ce que `audit` signale comme `retention-due`
help-arg-help = Affiche l'aide
help-arg-version = Affiche la version
help-arg-id = Le cas : son identifiant, ou tout préfixe ou suffixe unique de celui-ci (p. ex. k7q2)
help-arg-at = Quand c'est arrivé (par défaut : maintenant) : 2026-11-22T11:02:00-05:00, 2026-11-22 11:02 (fuseau du registre), today 14:30, yesterday 09:00, 14:30, 2h ago
help-arg-future = Accepte un --at plus d'une minute après maintenant (refusé par défaut, car c'est probablement une faute de frappe)
help-arg-by = Qui l'a fait (par défaut : REDRESS_USER, puis USER)
help-arg-strict = Refuse l'événement (code 2, rien n'est écrit) s'il enfreint une politique; par défaut, il est inscrit avec un avertissement
help-arg-note = Une note interne à conserver avec l'événement
help-arg-skip_invalid = Continue avec les cas valides quand des fichiers de cas ont des problèmes (chacun fait l'objet d'un avertissement sur stderr); par défaut, la commande échoue
help-arg-no_cache = Lit chaque fichier de cas sans utiliser ni mettre à jour le cache d'analyse dans .redress/cache (aussi REDRESS_NO_CACHE=1)

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="fr_FR">
<context>
    <name>About</name>
    <message>
        <source>Licence : %1. Composants utilisés (Qt %2) :</source>
        <translation>Licence: %1. Components used (Qt %2):</translation>
    </message>
    <message>
        <source>Textes des licences et remplacement de Qt (LGPL) : %1</source>
        <translation>Licence texts and how to replace Qt (LGPL): %1</translation>
    </message>
    <message>
        <source>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Composant&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Version&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licence&lt;/th&gt;&lt;/tr&gt;</source>
        <translation>&lt;tr&gt;&lt;th align=&apos;left&apos;&gt;Component&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Version&lt;/th&gt;&lt;th align=&apos;left&apos;&gt;Licence&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
        <source>À propos</source>
        <translation>About</translation>
    </message>
    <message>
        <source>À propos de Qt</source>
        <translation>About Qt</translation>
    </message>
    <message>
        <source>&lt;b&gt;Atelier Résilience&lt;/b&gt; %1&lt;br&gt;Ateliers de résilience territoriale, hors ligne.&lt;br&gt;Les scores sont l’autoévaluation des groupes, pas un indice officiel.</source>
        <translation>&lt;b&gt;Atelier Résilience&lt;/b&gt; %1&lt;br&gt;Territorial-resilience workshops, offline.&lt;br&gt;Scores are the groups&apos; self-assessment, not an official index.</translation>
    </message>
</context>
<context>
    <name>ActionPlanModel</name>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Porteur</source>
        <translation>Owner</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Deadline</translation>
    </message>
    <message>
        <source>Levier</source>
        <translation>Lever</translation>
    </message>
</context>
<context>
    <name>ActionRegistry</name>
    <message>
        <source>&amp;Nouvel atelier</source>
        <extracomment>actions that must also work while the projector window has the keyboard focus Alt+1 … Alt+8 put the keyboard on that table&apos;s row of the play page</extracomment>
        <translation>&amp;New workshop</translation>
    </message>
    <message>
        <source>Crée un atelier et ouvre sa préparation</source>
        <translation>Creates a workshop and opens its set-up</translation>
    </message>
    <message>
        <source>&amp;Ouvrir…</source>
        <translation>&amp;Open…</translation>
    </message>
    <message>
        <source>Ouvre un jeu (.yaml) ou l’archive d’un atelier (.zip)</source>
        <translation>Opens a deck (.yaml) or a workshop archive (.zip)</translation>
    </message>
    <message>
        <source>&amp;Importer un jeu (YAML)…</source>
        <translation>&amp;Import a deck (YAML)…</translation>
    </message>
    <message>
        <source>Vérifie un fichier de jeu et l’ajoute à vos jeux</source>
        <translation>Checks a deck file and adds it to your decks</translation>
    </message>
    <message>
        <source>&amp;Exporter le compte-rendu…</source>
        <translation>&amp;Export the minutes…</translation>
    </message>
    <message>
        <source>PDF, CSV ou XLSX</source>
        <translation>PDF, CSV or XLSX</translation>
    </message>
    <message>
        <source>Exporter l&apos;&amp;archive de l’atelier (.zip)…</source>
        <translation>Export the workshop &amp;archive (.zip)…</translation>
    </message>
    <message>
        <source>Tout l’atelier et ses photos, pour le rouvrir sur un autre ordinateur (Ctrl+O)</source>
        <translation>The whole workshop and its photos, to open it on another computer (Ctrl+O)</translation>
    </message>
    <message>
        <source>&amp;Sauvegarder toutes les données…</source>
        <translation>&amp;Back up all data…</translation>
    </message>
    <message>
        <source>Tous les ateliers, leurs photos et vos jeux dans un .zip, sur une clé USB par exemple</source>
        <translation>Every workshop, its photos and your decks in a .zip, on a USB key for instance</translation>
    </message>
    <message>
        <source>&amp;Restaurer une sauvegarde…</source>
        <translation>&amp;Restore a backup…</translation>
    </message>
    <message>
        <source>Remplace les données de cet ordinateur par une sauvegarde, après les avoir mises de côté</source>
        <translation>Replaces this computer&apos;s data by a backup, after setting it aside</translation>
    </message>
    <message>
        <source>S&amp;ynchroniser avec la cohorte…</source>
        <translation>S&amp;ynchronise with the cohort…</translation>
    </message>
    <message>
        <source>Envoie les ateliers à la base partagée de la cohorte et reçoit ceux des autres</source>
        <translation>Sends the workshops to the cohort&apos;s shared database and receives the others&apos;</translation>
    </message>
    <message>
        <source>Conf&amp;lits de synchronisation…</source>
        <translation>Synchronisation conf&amp;licts…</translation>
    </message>
    <message>
        <source>Les champs de cet atelier modifiés sur deux portables : choisir la valeur qui reste</source>
        <translation>This workshop&apos;s fields changed on two laptops: choose the value that stays</translation>
    </message>
    <message>
        <source>&amp;Fermer l’atelier</source>
        <translation>&amp;Close the workshop</translation>
    </message>
    <message>
        <source>&amp;Quitter</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>Carte &amp;suivante</source>
        <translation>&amp;Next card</translation>
    </message>
    <message>
        <source>Carte &amp;précédente</source>
        <translation>&amp;Previous card</translation>
    </message>
    <message>
        <source>&amp;Révéler / masquer la boussole</source>
        <translation>&amp;Reveal / hide the compass</translation>
    </message>
    <message>
        <source>Montre les résultats aux tables (ils restent cachés jusque-là)</source>
        <translation>Shows the results to the tables (hidden until then)</translation>
    </message>
    <message>
        <source>Ajouter une ac&amp;tion au plan</source>
        <translation>&amp;Add an action to the plan</translation>
    </message>
    <message>
        <source>P&amp;rojecteur (afficher / masquer)</source>
        <translation>Pro&amp;jector (show / hide)</translation>
    </message>
    <message>
        <source>&amp;Taille de texte normale</source>
        <translation>&amp;Normal text size</translation>
    </message>
    <message>
        <source>Nouvelle ligne dans le plan d’action du bilan</source>
        <translation>New line in the debrief&apos;s action plan</translation>
    </message>
    <message>
        <source>Sau&amp;ver les ateliers d’une base endommagée…</source>
        <translation>Sal&amp;vage the workshops of a damaged database…</translation>
    </message>
    <message>
        <source>Une archive (.zip) par atelier encore lisible ; la base n’est que lue</source>
        <translation>One archive (.zip) per workshop still readable; the database is only read</translation>
    </message>
    <message>
        <source>&amp;Minuteur de la carte (démarrer / pause)</source>
        <translation>Card &amp;timer (start / pause)</translation>
    </message>
    <message>
        <source>Minuteur de la sé&amp;quence (démarrer / pause)</source>
        <translation>Se&amp;quence timer (start / pause)</translation>
    </message>
    <message>
        <source>Aller à la table %1</source>
        <translation>Go to table %1</translation>
    </message>
    <message>
        <source>&amp;Accueil</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>&amp;Préparation</source>
        <translation>&amp;Set-up</translation>
    </message>
    <message>
        <source>&amp;Jeu</source>
        <translation>&amp;Play</translation>
    </message>
    <message>
        <source>&amp;Bilan</source>
        <translation>&amp;Debrief</translation>
    </message>
    <message>
        <source>Projecteur sur l’autre &amp;écran</source>
        <translation>Projector on the other scr&amp;een</translation>
    </message>
    <message>
        <source>Écran &amp;noir au projecteur</source>
        <translation>&amp;Blank the projector</translation>
    </message>
    <message>
        <source>Plein é&amp;cran</source>
        <translation>&amp;Full screen</translation>
    </message>
    <message>
        <source>A&amp;grandir le texte</source>
        <translation>&amp;Larger text</translation>
    </message>
    <message>
        <source>Ré&amp;duire le texte</source>
        <translation>S&amp;maller text</translation>
    </message>
    <message>
        <source>Contraste é&amp;levé (projecteur)</source>
        <translation>High &amp;contrast (projector)</translation>
    </message>
    <message>
        <source>&amp;Raccourcis clavier</source>
        <translation>&amp;Keyboard shortcuts</translation>
    </message>
    <message>
        <source>À &amp;propos d’Atelier Résilience</source>
        <translation>&amp;About Atelier Résilience</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Affichage</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Aid&amp;e</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Aller à une table (1 à %1)</source>
        <translation>Go to a table (1 to %1)</translation>
    </message>
    <message>
        <source>&amp;Photos de l’atelier…</source>
        <translation>&amp;Photos of the workshop…</translation>
    </message>
    <message>
        <source>Photos des tableaux et des post-its, pour le compte-rendu (à une carte ou au bilan)</source>
        <translation>Photos of boards and post-its, for the minutes (on a card or the debrief)</translation>
    </message>
    <message>
        <source>Annule la dernière réponse, note ou carte</source>
        <translation>Undoes the last answer, note or card</translation>
    </message>
    <message>
        <source>&amp;Historique et relecture…</source>
        <translation>&amp;History and replay…</translation>
    </message>
    <message>
        <source>Tout ce qui s’est passé, filtrable, et la boussole à n’importe quel moment</source>
        <translation>Everything that happened, filterable, and the compass at any moment</translation>
    </message>
    <message>
        <source>Mode &amp;salle (écran unique)</source>
        <translation>&amp;Room mode (single screen)</translation>
    </message>
    <message>
        <source>La salle voit cet écran : boussole et réponses des autres tables masquées jusqu’à R</source>
        <translation>The room sees this screen: compass and other tables&apos; answers hidden until R</translation>
    </message>
</context>
<context>
    <name>BackupFlow</name>
    <message>
        <source>Sauvegarde</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Dossier où écrire la sauvegarde (une clé USB, par exemple)</source>
        <translation>Folder for the backup (a USB key, for instance)</translation>
    </message>
    <message>
        <source>Sauvegarde écrite</source>
        <translation>Backup written</translation>
    </message>
    <message>
        <source>Sauvegarde écrite :
%1

Contenu : %2.</source>
        <translation>Backup written:
%1

Contents: %2.</translation>
    </message>
    <message>
        <source>Restaurer une sauvegarde</source>
        <translation>Restore a backup</translation>
    </message>
    <message>
        <source>Sauvegarde (*.zip)</source>
        <translation>Backup (*.zip)</translation>
    </message>
    <message>
        <source>Restaurer « %1 » (%2) ?

Les données actuelles de cet ordinateur seront remplacées ; elles sont d’abord mises de côté dans « %3 ».</source>
        <translation>Restore “%1” (%2)?

This computer&apos;s current data will be replaced; it is first set aside in “%3”.</translation>
    </message>
    <message>
        <source>Restaurer</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Sauvegarde restaurée</source>
        <translation>Backup restored</translation>
    </message>
</context>
<context>
    <name>BarsView</name>
    <message>
        <source>Boussole en barres</source>
        <translation>Compass as bars</translation>
    </message>
    <message>
        <source>« non concerné » : %1 réponse(s), hors du calcul</source>
        <translation>“not concerned”: %1 answer(s), left out of the score</translation>
    </message>
</context>
<context>
    <name>BudgetGauge</name>
    <message>
        <source>Budget de {0}</source>
        <translation>Budget of {0}</translation>
    </message>
    <message>
        <source>{0} : {1} · {2} : {3}</source>
        <translation>{0}: {1} · {2}: {3}</translation>
    </message>
    <message>
        <source>Moyenne des axes, de 0 à 100 (50 = sans effet), en {0} puis en {1}</source>
        <translation>Mean of the axes, from 0 to 100 (50 = no effect), in {0} then in {1}</translation>
    </message>
    <message>
        <source>{0} {1} : gain compris dans ces moyennes</source>
        <translation>{0} {1}: gain included in these averages</translation>
    </message>
    <message>
        <source>Dépensé : {0} sur {1}</source>
        <translation>Spent: {0} of {1}</translation>
    </message>
    <message>
        <source>entr. {0}/{1}</source>
        <translation>upkeep {0}/{1}</translation>
    </message>
    <message>
        <source>Entretien : {0} sur {1}</source>
        <translation>Upkeep: {0} of {1}</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <source>Aide pour l’animateur</source>
        <translation>Help for the facilitator</translation>
    </message>
    <message>
        <source>Aucune carte affichée</source>
        <translation>No card shown</translation>
    </message>
    <message>
        <source>Choisissez une carte dans le déroulé, ou ajoutez un jeu à l’atelier.</source>
        <translation>Pick a card in the outline, or add a deck to the workshop.</translation>
    </message>
    <message>
        <source>{0} · carte {1} / {2}</source>
        <translation>{0} · card {1} / {2}</translation>
    </message>
</context>
<context>
    <name>CardPreview</name>
    <message>
        <source>Aperçu de la projection · carte {0} / {1}</source>
        <translation>Projector preview · card {0} / {1}</translation>
    </message>
</context>
<context>
    <name>CardTab</name>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Dupliquer</source>
        <translation>Duplicate</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Identifiant *</source>
        <translation>Id *</translation>
    </message>
    <message>
        <source>Titre *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>Description *</source>
        <translation>Description *</translation>
    </message>
    <message>
        <source>Question *</source>
        <translation>Question *</translation>
    </message>
    <message>
        <source>Aide pour l’animateur</source>
        <translation>Facilitator’s help</translation>
    </message>
    <message>
        <source>Thème</source>
        <translation>Theme</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>Section</translation>
    </message>
    <message>
        <source>Coût *</source>
        <translation>Cost *</translation>
    </message>
    <message>
        <source>Délai *</source>
        <translation>Delay *</translation>
    </message>
    <message>
        <source>Entretien (0–3)</source>
        <translation>Maintenance (0–3)</translation>
    </message>
    <message>
        <source>Effets (axe ±n ; …)</source>
        <translation>Effects (axis ±n ; …)</translation>
    </message>
    <message>
        <source>Demande aussi</source>
        <translation>Also requires</translation>
    </message>
    <message>
        <source>Incompatible avec</source>
        <translation>Excludes</translation>
    </message>
    <message>
        <source>Leviers * (1.1 ×2 ; …)</source>
        <translation>Levers * (1.1 ×2 ; …)</translation>
    </message>
    <message>
        <source>Niveau « {0} »</source>
        <translation>Level “{0}”</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Notes pour les auteurs (jamais imprimées)</source>
        <translation>Notes for deck authors (never printed)</translation>
    </message>
</context>
<context>
    <name>CohortView</name>
    <message>
        <source>Scores sur 100, couverture entre parenthèses ; ⚠ couverture faible.</source>
        <translation>Scores out of 100, coverage in brackets; ⚠ low coverage.</translation>
    </message>
    <message>
        <source>Forces communes</source>
        <translation>Shared strengths</translation>
    </message>
    <message>
        <source>Vulnérabilités communes</source>
        <translation>Shared vulnerabilities</translation>
    </message>
    <message>
        <source>Profils</source>
        <translation>Profiles</translation>
    </message>
    <message>
        <source>Tableau des scores</source>
        <translation>Score table</translation>
    </message>
    <message>
        <source>Points communs</source>
        <translation>Common ground</translation>
    </message>
    <message>
        <source>Choix des territoires</source>
        <translation>Choice of territories</translation>
    </message>
    <message>
        <source>Principe / levier</source>
        <translation>Principle / lever</translation>
    </message>
    <message>
        <source>Au moins un territoire a une couverture faible ici : à lire avec prudence.</source>
        <translation>At least one territory has low coverage here: read with caution.</translation>
    </message>
    <message>
        <source>Principe ou effet</source>
        <translation>Principle or effect</translation>
    </message>
    <message>
        <source>Territoires</source>
        <translation>Territories</translation>
    </message>
    <message>
        <source>Aucune force commune à la plupart d’entre eux.</source>
        <translation>No strength shared by most of them.</translation>
    </message>
    <message>
        <source>Aucune vulnérabilité commune à la plupart d’entre eux.</source>
        <translation>No vulnerability shared by most of them.</translation>
    </message>
    <message>
        <source>Une force (ou une vulnérabilité) commune l’est dans au moins deux territoires et la moitié d’entre eux, avec une couverture suffisante.</source>
        <translation>A strength (or a vulnerability) is shared when it appears in at least two territories and in half of them, with enough coverage.</translation>
    </message>
    <message>
        <source>Carte retenue</source>
        <translation>Card picked</translation>
    </message>
    <message>
        <source>Retenue dans</source>
        <translation>Picked in</translation>
    </message>
    <message>
        <source>Tableau des effets</source>
        <translation>Effects table</translation>
    </message>
</context>
<context>
    <name>CompareFlow</name>
    <message>
        <source>Choisissez au moins deux ateliers dans la liste (Ctrl+clic), ou rangez des ateliers dans un même territoire ou un même programme (page Préparation).</source>
        <translation>Choose at least two workshops in the list (Ctrl+click), or put workshops in the same territory or the same programme (Set-up page).</translation>
    </message>
    <message>
        <source>Comparer</source>
        <translation>Compare</translation>
    </message>
    <message>
        <source>Comparer les ateliers :</source>
        <translation>Compare the workshops:</translation>
    </message>
    <message>
        <source>Comparaison en cours…</source>
        <translation>Comparing…</translation>
    </message>
    <message>
        <source>Export en cours…</source>
        <translation>Exporting…</translation>
    </message>
    <message>
        <source>Exporter la comparaison</source>
        <translation>Export the comparison</translation>
    </message>
    <message>
        <source>Enregistré : %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Rapport de comparaison enregistré (PDF)</source>
        <translation>Comparison report saved (PDF)</translation>
    </message>
    <message>
        <source>Rapport de comparaison enregistré (DOCX)</source>
        <translation>Comparison report saved (DOCX)</translation>
    </message>
    <message>
        <source>Tableau de comparaison enregistré (CSV)</source>
        <translation>Comparison table saved (CSV)</translation>
    </message>
    <message>
        <source>Comparaison enregistrée</source>
        <translation>Comparison saved</translation>
    </message>
    <message>
        <source>Comparaison impossible</source>
        <translation>Cannot compare</translation>
    </message>
</context>
<context>
    <name>CompareWindow</name>
    <message>
        <source>Comparer des ateliers</source>
        <extracomment>« Nommer les territoires Ville A, B… » toggled: recompute with or without names an export button: &quot;pdf&quot;, &quot;docx&quot; or &quot;csv&quot;</extracomment>
        <translation>Compare workshops</translation>
    </message>
    <message>
        <source>Nommer les territoires « Ville A, B… »</source>
        <translation>Name the territories “City A, B…”</translation>
    </message>
    <message>
        <source>Pour présenter la comparaison sans désigner les territoires ; les titres sont retirés</source>
        <translation>To present the comparison without identifying the territories; titles are removed</translation>
    </message>
    <message>
        <source>Exporter en &amp;PDF…</source>
        <translation>Export as &amp;PDF…</translation>
    </message>
    <message>
        <source>Exporter en &amp;DOCX…</source>
        <translation>Export as &amp;DOCX…</translation>
    </message>
    <message>
        <source>Tableau &amp;CSV…</source>
        <translation>&amp;CSV table…</translation>
    </message>
    <message>
        <source>&amp;Règles de lecture</source>
        <translation>&amp;Reading rules</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>%1 ateliers du même territoire, par date</source>
        <translation>%1 workshops in the same territory, by date</translation>
    </message>
    <message>
        <source>%1 territoires, par ordre alphabétique, sans classement</source>
        <translation>%1 territories, in alphabetical order, not ranked</translation>
    </message>
    <message>
        <source>Jeu comparé : %1 — %2</source>
        <translation>Deck compared: %1 — %2</translation>
    </message>
</context>
<context>
    <name>CompassWidget</name>
    <message>
        <source>Radar</source>
        <extracomment>the facilitator switched between radar and bars (&quot;radar&quot; | &quot;bars&quot;), to remember in COMPASS_VIEW</extracomment>
        <translation>Radar</translation>
    </message>
    <message>
        <source>Afficher la boussole en radar</source>
        <translation>Show the compass as a radar</translation>
    </message>
    <message>
        <source>Barres</source>
        <translation>Bars</translation>
    </message>
    <message>
        <source>Afficher la boussole en barres</source>
        <translation>Show the compass as bars</translation>
    </message>
    <message>
        <source>Principes</source>
        <translation>Principles</translation>
    </message>
    <message>
        <source>Un point par principe</source>
        <translation>One point per principle</translation>
    </message>
    <message>
        <source>Leviers</source>
        <translation>Levers</translation>
    </message>
    <message>
        <source>Un point par levier</source>
        <translation>One point per lever</translation>
    </message>
    <message>
        <source>Boussole</source>
        <translation>Compass</translation>
    </message>
    <message>
        <source>Couverture</source>
        <translation>Coverage</translation>
    </message>
    <message>
        <source>Couverture : {0} %</source>
        <translation>Coverage: {0} %</translation>
    </message>
    <message>
        <source>Part des réponses déjà données : un score partiel n’est pas un territoire faible.</source>
        <translation>Share of the answers already given: a partial score is not a weak territory.</translation>
    </message>
    <message>
        <source>Salle (moyenne)</source>
        <translation>Room (average)</translation>
    </message>
    <message>
        <source>Montrer une seule table (la salle reste en pointillés)</source>
        <translation>Show one table alone (the room stays dashed)</translation>
    </message>
    <message>
        <source>Tables montrées sur la boussole</source>
        <translation>Tables shown on the compass</translation>
    </message>
    <message>
        <source>Toutes les tables</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>%1 seule</source>
        <translation>%1 alone</translation>
    </message>
</context>
<context>
    <name>ConflictRow</name>
    <message>
        <source>Garder</source>
        <extracomment>(conflict id, take the value set aside)</extracomment>
        <translation>Keep</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Gardée partout :</source>
        <translation>Kept everywhere:</translation>
    </message>
    <message>
        <source>Mise de côté :</source>
        <translation>Set aside:</translation>
    </message>
    <message>
        <source>Réglé : « %1 » reste. Ce choix rejoindra les autres copies à la prochaine synchronisation.</source>
        <translation>Resolved: “%1” stays. This choice will reach the other copies at the next synchronisation.</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflits à régler — %1</source>
        <translation>Conflicts to resolve — %1</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Aucun conflit à régler dans cet atelier.</source>
        <translation>No conflicts to resolve in this workshop.</translation>
    </message>
    <message>
        <source>Tous les conflits sont réglés.</source>
        <translation>All conflicts are resolved.</translation>
    </message>
    <message>
        <source>Deux portables ont modifié ces champs chacun de son côté. La modification la plus récente a été gardée partout, l’autre mise de côté : choisissez celle qui reste (%1 à régler).</source>
        <translation>Two laptops changed these fields, each on its own. The most recent change was kept everywhere and the other set aside: choose the one that stays (%1 to resolve).</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Une erreur inattendue s’est produite.

Ce qui a déjà été saisi est enregistré : chaque choix est écrit dans la base avant d’être affiché.
Vous pouvez continuer. Si l’application se comporte bizarrement, fermez-la puis rouvrez-la : elle vous proposera de reprendre l’atelier là où il en était.

Les détails techniques sont dans le journal : %1</source>
        <translation>An unexpected error occurred.

Everything entered so far is saved: each choice is written to the database before it is shown.
You can carry on. If the app behaves oddly, close it and open it again: it will offer to resume the workshop where it was.

The technical details are in the log: %1</translation>
    </message>
    <message>
        <source>Atelier Résilience</source>
        <translation>Atelier Résilience</translation>
    </message>
</context>
<context>
    <name>DateDelegate</name>
    <message>
        <source>jj/mm/aaaa, par exemple 15/10/2026 ; vide : sans échéance</source>
        <extracomment>a typed deadline was refused: the French sentence (the stored deadline did not change)</extracomment>
        <translation>dd/mm/yyyy, e.g. 15/10/2026; empty: no deadline</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <source>Points forts</source>
        <extracomment>the facilitator asked for the compte-rendu; everything typed is saved before this is emitted</extracomment>
        <translation>Strengths</translation>
    </message>
    <message>
        <source>Vulnérabilités</source>
        <translation>Vulnerabilities</translation>
    </message>
    <message>
        <source>Proposer d’après les résultats</source>
        <translation>Suggest from the results</translation>
    </message>
    <message>
        <source>Ajoute les points forts, vulnérabilités et désaccords que les scores suggèrent. Ce sont des auto-évaluations des tables : relisez, reformulez, supprimez.</source>
        <translation>Adds the strengths, vulnerabilities and disagreements the scores suggest. They are the tables&apos; self-assessments: review, reword, delete.</translation>
    </message>
    <message>
        <source>Valider les propositions</source>
        <translation>Validate the proposals</translation>
    </message>
    <message>
        <source>Les lignes proposées par l’application et gardées telles quelles seront présentées dans le compte-rendu comme « validées par l’animation ».</source>
        <translation>Lines proposed by the app and kept as they are will be presented in the minutes as “validated by the facilitators”.</translation>
    </message>
    <message>
        <source>Ce qui a été ressenti…</source>
        <translation>What was felt…</translation>
    </message>
    <message>
        <source>Ce qui s’est passé…</source>
        <translation>What happened…</translation>
    </message>
    <message>
        <source>Ce qui se transpose dans la réalité…</source>
        <translation>What transfers to real life…</translation>
    </message>
    <message>
        <source>Accords et désaccords entre les tables…</source>
        <translation>Agreement and disagreement between tables…</translation>
    </message>
    <message>
        <source>Plan d’action</source>
        <translation>Action plan</translation>
    </message>
    <message>
        <source>Ajouter une action</source>
        <translation>Add an action</translation>
    </message>
    <message>
        <source>Supprimer l’action</source>
        <translation>Delete the action</translation>
    </message>
    <message>
        <source>Exporter le compte-rendu</source>
        <translation>Export the minutes</translation>
    </message>
    <message>
        <source>Sauvegarder sur une clé…</source>
        <translation>Back up to a USB key…</translation>
    </message>
    <message>
        <source>Fin de l’atelier : une copie de toutes les données (photos comprises) où vous voulez</source>
        <translation>End of the workshop: a copy of all the data (photos included) wherever you choose</translation>
    </message>
    <message>
        <source>Ressenti</source>
        <translation>Felt</translation>
    </message>
    <message>
        <source>Ce qui s’est passé</source>
        <translation>What happened</translation>
    </message>
    <message>
        <source>Transfert dans la réalité</source>
        <translation>Transfer to real life</translation>
    </message>
    <message>
        <source>Accords et désaccords</source>
        <translation>Agreement and disagreement</translation>
    </message>
    <message numerus="yes">
        <source>Valider les propositions (%n)</source>
        <translation>
            <numerusform>Validate the proposal (%n)</numerusform>
            <numerusform>Validate the proposals (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Désaccords :</source>
        <translation>Disagreements:</translation>
    </message>
    <message>
        <source>Pas encore assez de réponses pour proposer des points forts.</source>
        <translation>Not enough answers yet to suggest strengths.</translation>
    </message>
    <message>
        <source>En italique : proposé par l’application d’après les scores (auto-évaluation des tables), à relire et valider. Entre parenthèses : le score de la salle, puis l’écart entre les tables.</source>
        <translation>In italics: suggested by the app from the scores (the tables’ self-assessment), to review and validate. In brackets: the room’s score, then the spread between the tables.</translation>
    </message>
    <message>
        <source>Nouvelle action</source>
        <translation>New action</translation>
    </message>
    <message>
        <source>Photos…</source>
        <translation>Photos…</translation>
    </message>
    <message>
        <source>Photos des tableaux et des post-its (Ctrl+Maj+P)</source>
        <translation>Photos of boards and post-its (Ctrl+Shift+P)</translation>
    </message>
    <message>
        <source>Échéance</source>
        <translation>Deadline</translation>
    </message>
</context>
<context>
    <name>DeckEditor</name>
    <message>
        <source>Éditeur de jeu — {0}</source>
        <translation>Deck editor — {0}</translation>
    </message>
    <message>
        <source>&amp;Jeu</source>
        <translation>&amp;Deck</translation>
    </message>
    <message>
        <source>&amp;Boussole</source>
        <translation>&amp;Compass</translation>
    </message>
    <message>
        <source>É&amp;chelle</source>
        <translation>Sc&amp;ale</translation>
    </message>
    <message>
        <source>&amp;Sections et sous-ensembles</source>
        <translation>&amp;Sections and subsets</translation>
    </message>
    <message>
        <source>&amp;Cartes</source>
        <translation>C&amp;ards</translation>
    </message>
    <message>
        <source>S&amp;ynergies</source>
        <translation>S&amp;ynergies</translation>
    </message>
    <message>
        <source>&amp;Enregistrer</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Identifiant *</source>
        <translation>Id *</translation>
    </message>
    <message>
        <source>Titre *</source>
        <translation>Title *</translation>
    </message>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Auteurs</source>
        <translation>Authors</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Nom de la boussole *</source>
        <translation>Compass name *</translation>
    </message>
    <message>
        <source>Note sur les sources</source>
        <translation>Note on sources</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Budget par table *</source>
        <translation>Budget per table *</translation>
    </message>
    <message>
        <source>Unité du budget</source>
        <translation>Budget unit</translation>
    </message>
    <message>
        <source>Notes pour les auteurs (jamais imprimées)</source>
        <translation>Notes for deck authors (never printed)</translation>
    </message>
    <message>
        <source>Ajouter un axe</source>
        <translation>Add an axis</translation>
    </message>
    <message>
        <source>Ajouter un levier</source>
        <translation>Add a lever</translation>
    </message>
    <message>
        <source>Ajouter un niveau</source>
        <translation>Add a level</translation>
    </message>
    <message>
        <source>Ajouter une ligne</source>
        <translation>Add a row</translation>
    </message>
    <message>
        <source>Retirer la ligne</source>
        <translation>Remove the row</translation>
    </message>
    <message>
        <source>Un levier appartient à l’axe écrit au-dessus de lui. Les cases en rouge ont un problème : survolez-les pour le lire.</source>
        <translation>A lever belongs to the axis above it. Red cells have a problem: hover over them to read it.</translation>
    </message>
    <message>
        <source>Sections : une carte s’y range par le champ « Section ».</source>
        <translation>Sections: a card goes into one through its “Section” field.</translation>
    </message>
    <message>
        <source>Sous-ensembles : les identifiants des cartes retenues, séparés par « ; ».</source>
        <translation>Subsets: the ids of the cards kept, separated by “;”.</translation>
    </message>
    <message>
        <source>Nouveau</source>
        <translation>New</translation>
    </message>
    <message>
        <source>{0} (deviendra {1} à l’enregistrement)</source>
        <translation>{0} (becomes {1} when saved)</translation>
    </message>
    <message>
        <source>Jeu valide — {0} cartes.</source>
        <translation>Valid deck — {0} cards.</translation>
    </message>
    <message>
        <source> (et {0} autre(s))</source>
        <translation> (and {0} more)</translation>
    </message>
    <message>
        <source>À corriger : {0} : {1}{2}</source>
        <translation>To fix: {0}: {1}{2}</translation>
    </message>
    <message>
        <source>Enregistré : {0} (version {1}).</source>
        <translation>Saved: {0} (version {1}).</translation>
    </message>
    <message>
        <source>Éditeur de jeu</source>
        <translation>Deck editor</translation>
    </message>
    <message>
        <source>Le jeu a des modifications non enregistrées.</source>
        <translation>The deck has unsaved changes.</translation>
    </message>
    <message>
        <source>Enregistrer</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Fermer sans enregistrer</source>
        <translation>Close without saving</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DeckEditorFlow</name>
    <message>
        <source>Imprimer les cartes</source>
        <translation>Print the cards</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exporter en tableur</source>
        <translation>Export as a spreadsheet</translation>
    </message>
    <message>
        <source>Classeur (*.xlsx)</source>
        <translation>Workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Écrit : {0}</source>
        <translation>Written: {0}</translation>
    </message>
    <message>
        <source>Modèle de tableur</source>
        <translation>Spreadsheet template</translation>
    </message>
    <message>
        <source>Modèle écrit : {0} (voir sa feuille « Lisez-moi »)</source>
        <translation>Template written: {0} (see its “Lisez-moi” sheet)</translation>
    </message>
</context>
<context>
    <name>DeckIssuesDialog</name>
    <message>
        <source>Jeu refusé : %1</source>
        <translation>Deck refused: %1</translation>
    </message>
    <message>
        <source>Le fichier « %1 » n’a pas été importé. Corrigez ces points dans le fichier puis importez-le à nouveau (chaque ligne indique le fichier, la ligne, le champ et le problème) :</source>
        <translation>The file “%1” was not imported. Fix these points in the file, then import it again (each line gives the file, the line, the field and the problem):</translation>
    </message>
    <message>
        <source>&amp;Copier les erreurs</source>
        <translation>&amp;Copy the errors</translation>
    </message>
</context>
<context>
    <name>DeckListModel</name>
    <message>
        <source>Jeu</source>
        <translation>Deck</translation>
    </message>
    <message>
        <source>Mécanique</source>
        <translation>Mechanic</translation>
    </message>
    <message>
        <source>Cartes</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Origine</source>
        <translation>Origin</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Questions</translation>
    </message>
    <message>
        <source>Stratégie</source>
        <translation>Strategy</translation>
    </message>
    <message>
        <source>intégré</source>
        <translation>built-in</translation>
    </message>
    <message>
        <source>vos jeux</source>
        <translation>yours</translation>
    </message>
    <message>
        <source>valide</source>
        <translation>valid</translation>
    </message>
    <message>
        <source>invalide : %1 erreur</source>
        <translation>invalid: %1 error</translation>
    </message>
    <message>
        <source>invalide : %1 erreurs</source>
        <translation>invalid: %1 errors</translation>
    </message>
</context>
<context>
    <name>DeleteFlow</name>
    <message>
        <source>%1 réponse enregistrée</source>
        <translation>%1 recorded answer</translation>
    </message>
    <message>
        <source>%1 réponses enregistrées</source>
        <translation>%1 recorded answers</translation>
    </message>
    <message>
        <source>Supprimer l’atelier %1 ?

Tout ce qui lui appartient sera effacé de cette base : ses tables, participant·es, séquences, %2, notes, bilan, plan d’action et photos. La suppression est définitive.

Pour en garder une copie, exportez d’abord son archive (.zip) depuis le menu Fichier.</source>
        <translation>Delete the workshop %1?

Everything that belongs to it will be erased from this database: its tables, participants, sequences, %2, notes, debrief, action plan and photos. This cannot be undone.

To keep a copy, first export its archive (.zip) from the File menu.</translation>
    </message>
    <message>
        <source>Supprimer l’atelier</source>
        <translation>Delete workshop</translation>
    </message>
    <message>
        <source>&amp;Supprimer l’atelier</source>
        <translation>&amp;Delete workshop</translation>
    </message>
</context>
<context>
    <name>EvolutionView</name>
    <message>
        <source>Ce qui a bougé, levier par levier (scores sur 100, couverture entre parenthèses)</source>
        <translation>What moved, lever by lever (scores out of 100, coverage in brackets)</translation>
    </message>
    <message>
        <source>, faible</source>
        <translation>, low</translation>
    </message>
    <message>
        <source>%1 — couverture %2 %%3</source>
        <translation>%1 — coverage %2 %%3</translation>
    </message>
    <message>
        <source>○ point creux : couverture faible (moins de la moitié des réponses attendues)</source>
        <translation>○ hollow dot: low coverage (less than half of the expected answers)</translation>
    </message>
    <message>
        <source>Principe / levier</source>
        <translation>Principle / lever</translation>
    </message>
    <message>
        <source>Écart</source>
        <translation>Change</translation>
    </message>
    <message>
        <source>Lecture</source>
        <translation>Reading</translation>
    </message>
    <message>
        <source>Couverture faible à l’une des dates : l’écart se lit avec prudence.</source>
        <translation>Low coverage at one of the dates: read the change with caution.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Exporter l’atelier</source>
        <translation>Export the workshop</translation>
    </message>
    <message>
        <source>Compte-rendu (PDF)</source>
        <translation>Minutes (PDF)</translation>
    </message>
    <message>
        <source>Compte-rendu modifiable (Word, DOCX)</source>
        <translation>Editable minutes (Word, DOCX)</translation>
    </message>
    <message>
        <source>Dossier complet : PDF, DOCX, graphiques, données (.zip)</source>
        <translation>Complete pack: PDF, DOCX, charts, data (.zip)</translation>
    </message>
    <message>
        <source>Réponses brutes pour Excel (CSV)</source>
        <translation>Raw answers for Excel (CSV)</translation>
    </message>
    <message>
        <source>Réponses brutes (XLSX)</source>
        <translation>Raw answers (XLSX)</translation>
    </message>
    <message>
        <source>Archive de l’atelier, photos comprises (.zip)</source>
        <translation>Workshop archive, photos included (.zip)</translation>
    </message>
    <message>
        <source>&amp;Anonymiser les participant·es (seuls leur service et leur organisation restent)</source>
        <translation>&amp;Anonymise participants (only their service and organisation remain)</translation>
    </message>
    <message>
        <source>Les noms sont remplacés partout, y compris dans les textes saisis (nom seul, « M. Nom », initiale, majuscules, sans accents) et les noms des photos ; les porteurs d’actions deviennent leur service. Un surnom n’est pas reconnu : relisez avant d’envoyer.</source>
        <translation>Names are replaced everywhere, including typed text (surname alone, &quot;Mr Name&quot;, initial, upper case, without accents) and photo file names; action owners become their service. A nickname is not recognised: read it again before sending.</translation>
    </message>
    <message>
        <source>Complète : synthèse, compte-rendu et annexes</source>
        <translation>Complete: synthesis, minutes and annexes</translation>
    </message>
    <message>
        <source>Courte, pour les élus : synthèse et compte-rendu, sans annexes</source>
        <translation>Short, for elected officials: synthesis and minutes, no annexes</translation>
    </message>
    <message>
        <source>Écriture &amp;inclusive (« participant·es »)</source>
        <translation>&amp;Inclusive writing (French “participant·es”)</translation>
    </message>
    <message>
        <source>&amp;Parcourir…</source>
        <translation>&amp;Browse…</translation>
    </message>
    <message>
        <source>F&amp;ormat</source>
        <translation>F&amp;ormat</translation>
    </message>
    <message>
        <source>É&amp;dition</source>
        <translation>E&amp;dition</translation>
    </message>
    <message>
        <source>&amp;Fichier</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Exporter</source>
        <translation>&amp;Export</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Word (*.docx)</source>
        <translation>Word (*.docx)</translation>
    </message>
    <message>
        <source>Dossier de compte-rendu (*.zip)</source>
        <translation>Minutes pack (*.zip)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Archive d’atelier (*.zip)</source>
        <translation>Workshop archive (*.zip)</translation>
    </message>
    <message>
        <source>Enregistrer sous</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>ExportDoneBox</name>
    <message>
        <source>Compte-rendu enregistré</source>
        <extracomment>opens a file or a folder with the system&apos;s application; False when nothing could open it</extracomment>
        <translation>Minutes saved</translation>
    </message>
    <message>
        <source>Compte-rendu modifiable enregistré (DOCX)</source>
        <translation>Editable minutes saved (DOCX)</translation>
    </message>
    <message>
        <source>Réponses enregistrées (CSV)</source>
        <translation>Answers saved (CSV)</translation>
    </message>
    <message>
        <source>Réponses enregistrées (XLSX)</source>
        <translation>Answers saved (XLSX)</translation>
    </message>
    <message>
        <source>Archive enregistrée</source>
        <translation>Archive saved</translation>
    </message>
    <message>
        <source>Export terminé</source>
        <translation>Export finished</translation>
    </message>
    <message>
        <source>Ouvrir le PDF</source>
        <translation>Open the PDF</translation>
    </message>
    <message>
        <source>Ouvrir le fichier</source>
        <translation>Open the file</translation>
    </message>
    <message>
        <source>Ouvrir le dossier</source>
        <translation>Open the folder</translation>
    </message>
    <message>
        <source>Copier le chemin</source>
        <translation>Copy the path</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Aucune application n’est configurée sur cet ordinateur pour ouvrir « %1 ».</source>
        <translation>No application is set up on this computer to open “%1”.</translation>
    </message>
    <message>
        <source>Le fichier est ici : %1</source>
        <translation>The file is here: %1</translation>
    </message>
    <message>
        <source>Chemin copié : %1</source>
        <translation>Path copied: %1</translation>
    </message>
</context>
<context>
    <name>ExportFlow</name>
    <message>
        <source>Préparation de l’export…</source>
        <extracomment>the file was written: its path</extracomment>
        <translation>Preparing the export…</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Export en cours</source>
        <translation>Exporting</translation>
    </message>
    <message>
        <source>Export impossible</source>
        <translation>Export failed</translation>
    </message>
</context>
<context>
    <name>FileFlow</name>
    <message>
        <source>Ouvrir</source>
        <extracomment>an archive was imported: (workshop id, True when anything was new) the open workshop&apos;s archive was written: its path</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <source>Une archive est déjà en cours : patientez un instant.</source>
        <translation>An archive is already being processed: please wait a moment.</translation>
    </message>
    <message>
        <source>« %1 » n’est ni un jeu (.yaml, .yml) ni une archive d’atelier (.zip).</source>
        <translation>“%1” is neither a deck (.yaml, .yml) nor a workshop archive (.zip).</translation>
    </message>
    <message>
        <source>Import de l’archive refusé</source>
        <translation>Archive refused</translation>
    </message>
    <message>
        <source>Export de l’archive impossible</source>
        <translation>Cannot export the archive</translation>
    </message>
    <message>
        <source>Ouvrir un jeu ou une archive d’atelier</source>
        <translation>Open a deck or a workshop archive</translation>
    </message>
    <message>
        <source>Jeux et archives d’atelier (*.yaml *.yml *.zip);;Jeux (*.yaml *.yml);;Archives d’atelier (*.zip)</source>
        <translation>Decks and workshop archives (*.yaml *.yml *.zip);;Decks (*.yaml *.yml);;Workshop archives (*.zip)</translation>
    </message>
    <message>
        <source>Exporter l’archive de l’atelier</source>
        <translation>Export the workshop archive</translation>
    </message>
    <message>
        <source>Archives d’atelier (*.zip)</source>
        <translation>Workshop archives (*.zip)</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>Proposé par l’application d’après les scores : à relire et valider</source>
        <extracomment>the text was edited and the box lost the focus (or ``commit`` was called): the new text a line was added, edited or removed: the whole list as it now reads</extracomment>
        <translation>Suggested by the app from the scores: to review and validate</translation>
    </message>
    <message>
        <source>Proposé par l’application d’après les scores, validé par l’animation</source>
        <translation>Suggested by the app from the scores, validated by the facilitators</translation>
    </message>
    <message>
        <source>Rédigé par l’animation</source>
        <translation>Written by the facilitators</translation>
    </message>
    <message>
        <source>Ajouter</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Supprimer</source>
        <translation>Delete</translation>
    </message>
</context>
<context>
    <name>FrenchDateEdit</name>
    <message>
        <source>Calendrier (Alt+↓)</source>
        <extracomment>a valid date (or None: the field was emptied) was typed or picked and differs from the value what was typed is not a date: the French sentence (the value did not change)</extracomment>
        <translation>Calendar (Alt+↓)</translation>
    </message>
    <message>
        <source>Ouvrir le calendrier (Alt+↓ ou F4)</source>
        <translation>Open the calendar (Alt+↓ or F4)</translation>
    </message>
    <message>
        <source>aucune date</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>%1 Date inchangée : %2.</source>
        <translation>%1 Date unchanged: %2.</translation>
    </message>
    <message>
        <source>Date en jj/mm/aaaa (par exemple 15/10/2026 ou 15102026)</source>
        <translation>Date as dd/mm/yyyy (e.g. 15/10/2026 or 15102026)</translation>
    </message>
    <message>
        <source>« %1 » n’est pas une date : tapez le jour, le mois et l’année, par exemple 15/10/2026 ou 15102026.</source>
        <translation>“%1” is not a date: type the day, the month and the year, for example 15/10/2026 or 15102026.</translation>
    </message>
    <message>
        <source>« %1 » : l’année doit être entre %2 et %3 (jj/mm/aaaa).</source>
        <translation>“%1”: the year must be between %2 and %3 (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>« %1 » : le mois doit aller de 1 à 12 (jj/mm/aaaa).</source>
        <translation>“%1”: the month must be from 1 to 12 (dd/mm/yyyy).</translation>
    </message>
    <message>
        <source>« %1 » : il n’y a pas de %2 %3 %4.</source>
        <translation>“%1”: there is no %3 %2, %4.</translation>
    </message>
    <message>
        <source>Une date est nécessaire : tapez-la en jj/mm/aaaa.</source>
        <translation>A date is needed: type it as dd/mm/yyyy.</translation>
    </message>
</context>
<context>
    <name>GroupsModel</name>
    <message>
        <source>Table</source>
        <extracomment>(group id, field, value): the user edited a cell (participant ids, group id): participants were dropped on a table</extracomment>
        <translation>Table</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
</context>
<context>
    <name>GroupsPanel</name>
    <message>
        <source>Touches : {0} · Suppr retire · ↑↓ autre table · Entrée argument</source>
        <translation>Keys: {0} · Delete withdraws · ↑↓ other table · Enter argument</translation>
    </message>
    <message>
        <source>Nom de la table, puis Entrée</source>
        <translation>Table name, then Enter</translation>
    </message>
    <message>
        <source>Ajouter la table</source>
        <translation>Add the table</translation>
    </message>
    <message>
        <source>Renommer</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Retirer la table</source>
        <translation>Remove the table</translation>
    </message>
    <message>
        <source>C&amp;hoisir la couleur…</source>
        <translation>Choose the colo&amp;ur…</translation>
    </message>
    <message>
        <source>Tables (groupes) — glissez-y des participants</source>
        <translation>Tables (groups) — drag participants onto them</translation>
    </message>
    <message>
        <source>Nou&amp;velle table :</source>
        <translation>Ne&amp;w table:</translation>
    </message>
    <message>
        <source>F2 dans la liste</source>
        <translation>F2 in the list</translation>
    </message>
    <message>
        <source>Suppr dans la liste</source>
        <translation>Delete in the list</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
    <message>
        <source>Couleur de la table</source>
        <translation>Table colour</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Historique et relecture</source>
        <translation>History and replay</translation>
    </message>
    <message>
        <source>Filtrer : un mot, une table, une carte…</source>
        <translation>Filter: a word, a table, a card…</translation>
    </message>
    <message>
        <source>Toutes les tables</source>
        <translation>All tables</translation>
    </message>
    <message>
        <source>Relecture : la boussole après l’événement choisi</source>
        <translation>Replay: the compass after the chosen event</translation>
    </message>
    <message>
        <source>Tous les événements</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Réponses et cartes choisies</source>
        <translation>Answers and picked cards</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Cartes affichées</source>
        <translation>Cards shown</translation>
    </message>
    <message>
        <source>Dévoilements</source>
        <translation>Reveals</translation>
    </message>
    <message>
        <source>Minuteurs et séquences</source>
        <translation>Timers and sequences</translation>
    </message>
    <message>
        <source>Annulations</source>
        <translation>Undos</translation>
    </message>
    <message>
        <source>Relecture : la boussole telle qu’elle était</source>
        <translation>Replay: the compass as it stood</translation>
    </message>
    <message>
        <source>%1 événement(s) sur %2</source>
        <translation>%1 event(s) of %2</translation>
    </message>
    <message>
        <source>Rien ne s’est encore passé.</source>
        <translation>Nothing has happened yet.</translation>
    </message>
    <message>
        <source>Après l’événement %1 / %2, à %3 : %4</source>
        <translation>After event %1 / %2, at %3: %4</translation>
    </message>
</context>
<context>
    <name>HistoryModel</name>
    <message>
        <source>carte affichée</source>
        <translation>card shown</translation>
    </message>
    <message>
        <source>réponse</source>
        <translation>answer</translation>
    </message>
    <message>
        <source>réponse retirée</source>
        <translation>answer withdrawn</translation>
    </message>
    <message>
        <source>argument</source>
        <translation>argument</translation>
    </message>
    <message>
        <source>carte choisie</source>
        <translation>card picked</translation>
    </message>
    <message>
        <source>carte retirée</source>
        <translation>card dropped</translation>
    </message>
    <message>
        <source>note</source>
        <translation>note</translation>
    </message>
    <message>
        <source>minuteur démarré</source>
        <translation>timer started</translation>
    </message>
    <message>
        <source>minuteur arrêté</source>
        <translation>timer stopped</translation>
    </message>
    <message>
        <source>séquence commencée</source>
        <translation>sequence started</translation>
    </message>
    <message>
        <source>séquence terminée</source>
        <translation>sequence ended</translation>
    </message>
    <message>
        <source>résultats dévoilés</source>
        <translation>results revealed</translation>
    </message>
    <message>
        <source>résultats masqués</source>
        <translation>results hidden</translation>
    </message>
    <message>
        <source>annulation</source>
        <translation>undo</translation>
    </message>
    <message>
        <source>rétablissement</source>
        <translation>redo</translation>
    </message>
    <message>
        <source>étape prévue</source>
        <translation>step planned</translation>
    </message>
    <message>
        <source>étape retirée</source>
        <translation>step removed</translation>
    </message>
    <message>
        <source>étape commencée</source>
        <translation>step started</translation>
    </message>
    <message>
        <source>étape terminée</source>
        <translation>step ended</translation>
    </message>
    <message>
        <source>événement n° %1</source>
        <translation>event no. %1</translation>
    </message>
    <message>
        <source>séquence</source>
        <translation>sequence</translation>
    </message>
    <message>
        <source>carte</source>
        <translation>card</translation>
    </message>
    <message>
        <source>Heure</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Quoi</source>
        <translation>What</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Carte</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Détail</source>
        <translation>Detail</translation>
    </message>
</context>
<context>
    <name>ImportFlow</name>
    <message>
        <source>« %1 » n’est pas un fichier de jeu (.yaml, .yml, .xlsx ou .ods).</source>
        <translation>“%1” is not a deck file (.yaml, .yml, .xlsx or .ods).</translation>
    </message>
    <message>
        <source>Import d’un jeu</source>
        <translation>Deck import</translation>
    </message>
</context>
<context>
    <name>InfoPanel</name>
    <message>
        <source>L’atelier</source>
        <translation>The workshop</translation>
    </message>
    <message>
        <source>ex. Salle du conseil, hôtel de ville</source>
        <translation>e.g. Council chamber, town hall</translation>
    </message>
    <message>
        <source>noms, séparés par des virgules</source>
        <translation>names, separated by commas</translation>
    </message>
    <message>
        <source>Pourquoi cet atelier, pour qui, à quel moment</source>
        <translation>Why this workshop, for whom, at what moment</translation>
    </message>
    <message>
        <source>Ce que l’atelier doit produire</source>
        <translation>What the workshop must produce</translation>
    </message>
    <message>
        <source>Ce qui est déjà décidé, et ce qui reste ouvert au débat</source>
        <translation>What is already decided, and what is open for debate</translation>
    </message>
    <message>
        <source>&amp;Titre</source>
        <translation>&amp;Title</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>&amp;Lieu</source>
        <translation>Pla&amp;ce</translation>
    </message>
    <message>
        <source>Ani&amp;mation</source>
        <translation>Faci&amp;litators</translation>
    </message>
    <message>
        <source>Co&amp;ntexte</source>
        <translation>Co&amp;ntext</translation>
    </message>
    <message>
        <source>Points fi&amp;xés</source>
        <translation>Fi&amp;xed points</translation>
    </message>
    <message>
        <source>&amp;Objectifs</source>
        <translation>O&amp;bjectives</translation>
    </message>
    <message>
        <source>Date de l’atelier</source>
        <translation>Workshop date</translation>
    </message>
    <message>
        <source>pas encore de date (jj/mm/aaaa)</source>
        <translation>no date yet (dd/mm/yyyy)</translation>
    </message>
</context>
<context>
    <name>LeverDelegate</name>
    <message>
        <source>(aucun)</source>
        <translation>(none)</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Ctrl+Haut dans la liste</source>
        <translation>Ctrl+Up in the list</translation>
    </message>
    <message>
        <source>Ctrl+Bas dans la liste</source>
        <translation>Ctrl+Down in the list</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Atelier Résilience</source>
        <extracomment>the database is open and the lists are filled a workshop was opened: its id</extracomment>
        <translation>Atelier Résilience</translation>
    </message>
    <message>
        <source>Base de données indisponible</source>
        <translation>Database unavailable</translation>
    </message>
    <message>
        <source>%1

L’application reste ouverte mais ne peut rien enregistrer. Corrigez le problème puis cliquez sur « Réessayer » dans l’accueil.</source>
        <translation>%1

The app stays open but cannot save anything. Fix the problem, then click “Retry” on the home page.</translation>
    </message>
    <message>
        <source>Exporté : %1</source>
        <translation>Exported: %1</translation>
    </message>
    <message>
        <source>Chaque saisie est enregistrée aussitôt.</source>
        <translation>Every entry is saved at once.</translation>
    </message>
    <message>
        <source>Nouvel atelier</source>
        <translation>New workshop</translation>
    </message>
    <message>
        <source>Ouverture impossible</source>
        <translation>Cannot open</translation>
    </message>
    <message>
        <source>Suppression impossible</source>
        <translation>Cannot delete</translation>
    </message>
    <message>
        <source>Atelier « %1 » supprimé.</source>
        <translation>Workshop “%1” deleted.</translation>
    </message>
    <message>
        <source>Atelier de démonstration</source>
        <translation>Demonstration workshop</translation>
    </message>
    <message>
        <source>Atelier « %1 » importé.</source>
        <translation>Workshop “%1” imported.</translation>
    </message>
    <message>
        <source>Atelier « %1 » déjà présent : rien de nouveau dans l’archive.</source>
        <translation>Workshop “%1” already here: nothing new in the archive.</translation>
    </message>
    <message>
        <source>Archive écrite : %1</source>
        <translation>Archive written: %1</translation>
    </message>
    <message>
        <source>Importer un jeu</source>
        <translation>Import a deck</translation>
    </message>
    <message>
        <source>Jeux (*.yaml *.yml *.xlsx *.ods)</source>
        <translation>Decks (*.yaml *.yml *.xlsx *.ods)</translation>
    </message>
    <message>
        <source>%1 jeu importé</source>
        <translation>%1 deck imported</translation>
    </message>
    <message>
        <source>%1 jeux importés</source>
        <translation>%1 decks imported</translation>
    </message>
    <message>
        <source>Action refusée</source>
        <translation>Action refused</translation>
    </message>
    <message>
        <source>Enregistré à %1</source>
        <translation>Saved at %1</translation>
    </message>
    <message>
        <source>Copie impossible</source>
        <translation>Copy failed</translation>
    </message>
    <message>
        <source>Atelier « %1 » créé.</source>
        <translation>Workshop “%1” created.</translation>
    </message>
</context>
<context>
    <name>MoveMenu</name>
    <message>
        <source>Déplacer vers…</source>
        <translation>Move to…</translation>
    </message>
    <message>
        <source>Ctrl+M dans la liste, puis le numéro de la table ; ou glissez les lignes</source>
        <translation>Ctrl+M in the list, then the table’s number; or drag the rows</translation>
    </message>
    <message>
        <source>&amp;0 Sans table</source>
        <translation>&amp;0 No table</translation>
    </message>
</context>
<context>
    <name>OutlineModel</name>
    <message>
        <source>en cours</source>
        <translation>in progress</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Hors jeu : commencez-la et terminez-la avec la barre « Hors jeu » sous la carte</source>
        <translation>Outside the games: start and end it with the “Outside the games” bar under the card</translation>
    </message>
    <message>
        <source>Déroulé</source>
        <translation>Outline</translation>
    </message>
    <message>
        <source>Réponses</source>
        <translation>Answers</translation>
    </message>
    <message>
        <source>{0} (carte affichée)</source>
        <translation>{0} (card shown)</translation>
    </message>
</context>
<context>
    <name>OutlineView</name>
    <message>
        <source>Déroulé de l’atelier</source>
        <translation>Workshop outline</translation>
    </message>
</context>
<context>
    <name>ParticipantsImport</name>
    <message>
        <source>Importer une liste…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <source>CSV d’Excel (« ; ») ou XLSX : nom, fonction, service, organisation, rôle (élu, agent, partenaire), table</source>
        <translation>Excel CSV (“;”) or XLSX: name, job title, service, organisation, role (elected, staff, partner), table</translation>
    </message>
    <message>
        <source>Répartir par service</source>
        <translation>Spread by service</translation>
    </message>
    <message>
        <source>Place chacun à une table en mêlant les services</source>
        <translation>Seats everyone at a table, mixing services</translation>
    </message>
    <message>
        <source>Importer une liste de participants</source>
        <translation>Import a participant list</translation>
    </message>
    <message>
        <source>Listes (*.csv *.xlsx *.txt)</source>
        <translation>Lists (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>le texte collé</source>
        <translation>the pasted text</translation>
    </message>
</context>
<context>
    <name>ParticipantsModel</name>
    <message>
        <source>Nom (facultatif)</source>
        <extracomment>(participant id, field, value): the user edited a cell; value is a str, or a group id / None</extracomment>
        <translation>Name (optional)</translation>
    </message>
    <message>
        <source>Fonction</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Table</translation>
    </message>
    <message>
        <source>Rôle</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>élu·e</source>
        <translation>elected</translation>
    </message>
    <message>
        <source>agent·e</source>
        <translation>staff</translation>
    </message>
    <message>
        <source>partenaire</source>
        <translation>partner</translation>
    </message>
</context>
<context>
    <name>ParticipantsPanel</name>
    <message>
        <source>Participants</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Ajouter un part&amp;icipant</source>
        <translation>Add a part&amp;icipant</translation>
    </message>
    <message>
        <source>Retirer le participant</source>
        <translation>Remove the participant</translation>
    </message>
    <message>
        <source>%1 participant</source>
        <translation>%1 participant</translation>
    </message>
    <message>
        <source>%1 participants</source>
        <translation>%1 participants</translation>
    </message>
    <message>
        <source>Le nom est facultatif : la fonction et le service suffisent au compte-rendu. Collez des lignes d’un tableur (Ctrl+V) ou importez une liste CSV ou XLSX.</source>
        <translation>The name is optional: job title and service are enough for the minutes. Paste rows from a spreadsheet (Ctrl+V) or import a CSV or XLSX list.</translation>
    </message>
</context>
<context>
    <name>PhotosDialog</name>
    <message>
        <source>Photos de l’atelier</source>
        <translation>Workshop photos</translation>
    </message>
    <message>
        <source>Photos</source>
        <translation>Photos</translation>
    </message>
    <message>
        <source>Ajoutez des photos des tableaux et des post-its, ou déposez-en plusieurs ici. Les grandes photos sont réduites (2&#xa0;400 pixels de côté au plus).</source>
        <translation>Add photos of the boards and post-its, or drop several here. Large photos are reduced (2,400 pixels per side at most).</translation>
    </message>
    <message>
        <source>ex. Tableau des risques de la table 2</source>
        <translation>e.g. Risk board of table 2</translation>
    </message>
    <message>
        <source>&amp;Ajouter des photos…</source>
        <translation>&amp;Add photos…</translation>
    </message>
    <message>
        <source>&amp;Retirer la photo</source>
        <translation>&amp;Remove the photo</translation>
    </message>
    <message>
        <source>Fermer</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Légende</source>
        <translation>&amp;Caption</translation>
    </message>
    <message>
        <source>Rattachée &amp;à</source>
        <translation>A&amp;ttached to</translation>
    </message>
    <message>
        <source>Le bilan (pas une carte)</source>
        <translation>The debrief (not a card)</translation>
    </message>
    <message>
        <source>(sans légende)</source>
        <translation>(no caption)</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <source>Ajouter des photos</source>
        <translation>Add photos</translation>
    </message>
    <message>
        <source>Photos (%1)</source>
        <translation>Photos (%1)</translation>
    </message>
</context>
<context>
    <name>PicksModel</name>
    <message>
        <source>Carte (coût · délai · entretien · effets · ⇄ synergies)</source>
        <translation>Card (cost · delay · upkeep · effects · ⇄ synergies)</translation>
    </message>
    <message>
        <source>Carte (coût · délai · entretien · effets)</source>
        <translation>Card (cost · delay · upkeep · effects)</translation>
    </message>
    <message>
        <source>choisie</source>
        <translation>picked</translation>
    </message>
    <message>
        <source>non choisie</source>
        <translation>not picked</translation>
    </message>
    <message>
        <source>, en synergie</source>
        <translation>, in synergy</translation>
    </message>
    <message>
        <source>Synergie obtenue par %1</source>
        <translation>Synergy obtained by %1</translation>
    </message>
    <message>
        <source>Demande : </source>
        <translation>Requires: </translation>
    </message>
    <message>
        <source>Incompatible avec : </source>
        <translation>Excludes: </translation>
    </message>
</context>
<context>
    <name>PlayPage</name>
    <message>
        <source>◀ Carte précédente</source>
        <extracomment>a short French message for the status bar (what undo took back, an error…)</extracomment>
        <translation>◀ Previous card</translation>
    </message>
    <message>
        <source>Carte suivante ▶</source>
        <translation>Next card ▶</translation>
    </message>
    <message>
        <source>Rien à annuler.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <source>Rien à rétablir.</source>
        <translation>Nothing to redo.</translation>
    </message>
    <message>
        <source>Annulé : {0}</source>
        <translation>Undone: {0}</translation>
    </message>
    <message>
        <source>Rétabli : {0}</source>
        <translation>Redone: {0}</translation>
    </message>
    <message>
        <source>Masquer les résultats (projecteur)</source>
        <translation>Hide the results (projector)</translation>
    </message>
    <message>
        <source>Dévoiler les résultats (projecteur)</source>
        <translation>Reveal the results (projector)</translation>
    </message>
    <message>
        <source>Les résultats sont visibles au projecteur.</source>
        <translation>The results are visible on the projector.</translation>
    </message>
    <message>
        <source>Les résultats restent masqués au projecteur tant que vous ne les dévoilez pas.</source>
        <translation>The results stay hidden on the projector until you reveal them.</translation>
    </message>
    <message>
        <source>Boussole masquée (mode salle).

La salle voit cet écran : la boussole apparaîtra quand vous dévoilerez les résultats (R).</source>
        <translation>Compass hidden (room mode).

The room sees this screen: the compass appears when you reveal the results (R).</translation>
    </message>
</context>
<context>
    <name>ProfileTile</name>
    <message>
        <source>%1 tables</source>
        <translation>%1 tables</translation>
    </message>
    <message>
        <source>Effets les plus forts : %1</source>
        <translation>Strongest effects: %1</translation>
    </message>
    <message>
        <source>Les plus faibles : %1</source>
        <translation>Weakest: %1</translation>
    </message>
    <message>
        <source>Forces : %1</source>
        <translation>Strengths: %1</translation>
    </message>
    <message>
        <source>Vulnérabilités : %1</source>
        <translation>Vulnerabilities: %1</translation>
    </message>
</context>
<context>
    <name>ProjectorWindow</name>
    <message>
        <source>Atelier Résilience — projection</source>
        <translation>Atelier Résilience — projection</translation>
    </message>
    <message>
        <source>{0} · carte {1} / {2}</source>
        <translation>{0} · card {1} / {2}</translation>
    </message>
    <message>
        <source>Hors jeu</source>
        <translation>Outside the games</translation>
    </message>
    <message>
        <source>depuis %1</source>
        <translation>since %1</translation>
    </message>
    <message>
        <source> · prévu : %1 min</source>
        <translation> · planned: %1 min</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 carte</source>
        <translation>%1 card</translation>
    </message>
    <message>
        <source>%1 cartes</source>
        <translation>%1 cards</translation>
    </message>
    <message>
        <source>⇄ %1 synergie</source>
        <translation>⇄ %1 synergy</translation>
    </message>
    <message>
        <source>⇄ %1 synergies</source>
        <translation>⇄ %1 synergies</translation>
    </message>
    <message>
        <source>⚠ %1 règle non respectée</source>
        <translation>⚠ %1 rule broken</translation>
    </message>
    <message>
        <source>⚠ %1 règles non respectées</source>
        <translation>⚠ %1 rules broken</translation>
    </message>
</context>
<context>
    <name>QuestionRow</name>
    <message>
        <source>Argument de la table (Entrée pour valider)</source>
        <extracomment>the facilitator chose an option for this table: (group_id, option_id) Delete: withdraw this table&apos;s choice (group_id) the argument was edited and committed: (group_id, card_id, text), for the card it was typed on a note was typed for this table: (group_id, text) move the focus to the previous (-1) or next (+1) table</extracomment>
        <translation>The table&apos;s argument (Enter to save)</translation>
    </message>
    <message>
        <source>Argument de {0}</source>
        <translation>Argument of {0}</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>Note…</translation>
    </message>
    <message>
        <source>Ajouter une note pour cette table</source>
        <translation>Add a note for this table</translation>
    </message>
    <message>
        <source>Note ou citation (anonyme), Entrée pour l’ajouter</source>
        <translation>Note or quote (anonymous), Enter to add it</translation>
    </message>
    <message>
        <source>Hors compte-rendu</source>
        <translation>Not in the minutes</translation>
    </message>
    <message>
        <source>La note reste dans l’application et l’archive, mais n’apparaît dans aucun export</source>
        <translation>The note stays in the app and the archive but appears in no export</translation>
    </message>
    <message>
        <source>touche {0}</source>
        <translation>key {0}</translation>
    </message>
    <message>
        <source>Notes ({0})</source>
        <translation>Notes ({0})</translation>
    </message>
    <message>
        <source> (hors compte-rendu)</source>
        <translation> (not in the minutes)</translation>
    </message>
    <message>
        <source>Aucune note</source>
        <translation>No note</translation>
    </message>
    <message>
        <source>✓ réponse enregistrée (masquée)</source>
        <translation>✓ answer saved (hidden)</translation>
    </message>
</context>
<context>
    <name>RadarView</name>
    <message>
        <source>Boussole en radar</source>
        <translation>Compass as a radar</translation>
    </message>
</context>
<context>
    <name>Recovery</name>
    <message>
        <source>Reprendre l’atelier</source>
        <translation>Resume the workshop</translation>
    </message>
    <message>
        <source>L’application s’est arrêtée pendant un atelier.

Reprendre l’atelier « %1 » là où il en était ?</source>
        <translation>The app stopped during a workshop.

Resume the workshop “%1” where it was?</translation>
    </message>
</context>
<context>
    <name>RestoreReport</name>
    <message>
        <source>%1 événement</source>
        <translation>%1 event</translation>
    </message>
    <message>
        <source>%1 événements</source>
        <translation>%1 events</translation>
    </message>
    <message>
        <source>%1 atelier</source>
        <translation>%1 workshop</translation>
    </message>
    <message>
        <source>%1 ateliers</source>
        <translation>%1 workshops</translation>
    </message>
    <message>
        <source>%1 photo</source>
        <translation>%1 photo</translation>
    </message>
    <message>
        <source>%1 photos</source>
        <translation>%1 photos</translation>
    </message>
    <message>
        <source>(%1 Mo)</source>
        <translation>(%1 MB)</translation>
    </message>
    <message>
        <source>%1 jeu personnel</source>
        <translation>%1 deck of your own</translation>
    </message>
    <message>
        <source>%1 jeux personnels</source>
        <translation>%1 decks of your own</translation>
    </message>
    <message>
        <source>sauvegarde</source>
        <translation>backup</translation>
    </message>
    <message>
        <source>sauvegarde du %1 à %2</source>
        <translation>backup of %1 at %2</translation>
    </message>
    <message>
        <source>inconnue</source>
        <translation>unknown</translation>
    </message>
    <message>
        <source>Données d’avant mises de côté dans « %1 ».</source>
        <translation>The previous data was set aside in “%1”.</translation>
    </message>
    <message>
        <source>Restauré depuis « %1 » (%2, version %3) : %4.</source>
        <translation>Restored from “%1” (%2, version %3): %4.</translation>
    </message>
</context>
<context>
    <name>RoomModeBanner</name>
    <message>
        <source>Un seul écran : la salle voit sans doute cette fenêtre.</source>
        <extracomment>the facilitator accepted (True) or dismissed (False) the offer</extracomment>
        <translation>A single screen: the room probably sees this window.</translation>
    </message>
    <message>
        <source>Le mode salle masque la boussole et les réponses des autres tables jusqu’à R ; B met toute la fenêtre au noir.</source>
        <translation>Room mode hides the compass and the other tables&apos; answers until R; B blacks out the whole window.</translation>
    </message>
    <message>
        <source>Passer en mode salle</source>
        <translation>Switch to room mode</translation>
    </message>
    <message>
        <source>Ne pas passer en mode salle</source>
        <translation>Do not switch to room mode</translation>
    </message>
</context>
<context>
    <name>ScoreMethod</name>
    <message>
        <source>Comment lire ces scores ?</source>
        <translation>How to read these scores?</translation>
    </message>
    <message>
        <source>Chaque réponse est placée entre 0 (premier niveau de l’échelle) et 100 (dernier niveau). Le score d’un levier est la moyenne des réponses des cartes qui le renseignent, pondérée par le poids de chaque carte. Le score d’un principe est la moyenne simple de ses leviers : un levier renseigné par beaucoup de cartes ne compte pas plus qu’un autre, et une carte liée à deux leviers d’un même principe n’y est comptée qu’une fois. « Non concerné » sort du calcul ; « ne sait pas » compte comme sans réponse. Le score de la salle met en commun les réponses de toutes les tables. À côté de chaque moyenne figure l’écart : le plus bas et le plus haut des scores de levier qu’elle résume, table par table, pour qu’un 0 et un 100 ne se lisent pas comme un 50 tranquille. Prudence : les niveaux de l’échelle sont des étapes, pas des mesures ; le pas d’un niveau au suivant n’est pas forcément le même, et leur moyenne est un repère pour la discussion, pas une mesure. Ces scores sont l’autoévaluation des groupes, pas un indice officiel.</source>
        <translation>Each answer is placed between 0 (the first level of the scale) and 100 (the last level). A lever’s score is the mean of the answers of the cards that inform it, weighted by each card’s weight. A principle’s score is the plain mean of its levers: a lever informed by many cards counts no more than another, and a card linked to two levers of the same principle is counted once in it. “Not concerned” leaves the calculation; “don’t know” counts as no answer. The room’s score pools the answers of all the tables. Beside every mean stands the spread: the lowest and the highest lever scores it sums up, table by table, so that a 0 and a 100 never read as a calm 50. Caution: the levels of the scale are steps, not measurements; the step from one level to the next is not necessarily the same, and their mean is a landmark for the discussion, not a measurement. These scores are the groups’ self-assessment, not an official index.</translation>
    </message>
</context>
<context>
    <name>SequencesModel</name>
    <message>
        <source>N°</source>
        <extracomment>(sequence id, field, value): planned minutes (int or None) or title (str) edited</extracomment>
        <translation>No.</translation>
    </message>
    <message>
        <source>Séquence (jeu)</source>
        <translation>Sequence (deck)</translation>
    </message>
    <message>
        <source>Cartes</source>
        <translation>Cards</translation>
    </message>
    <message>
        <source>Minutes prévues</source>
        <translation>Planned minutes</translation>
    </message>
</context>
<context>
    <name>SequencesPanel</name>
    <message>
        <source>&amp;Séquences (jeux joués, dans l’ordre)</source>
        <translation>Sequences (dec&amp;ks played, in order)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Ajouter la sé&amp;quence</source>
        <translation>Add the se&amp;quence</translation>
    </message>
    <message>
        <source>Monter</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Descendre</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Retirer la séquence</source>
        <translation>Remove the sequence</translation>
    </message>
    <message>
        <source>Durée prévue : %1 h %2</source>
        <translation>Planned time: %1 h %2</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <source>Tables et participants</source>
        <translation>Tables and participants</translation>
    </message>
    <message>
        <source>Programme de la journée</source>
        <translation>The day&apos;s programme</translation>
    </message>
    <message>
        <source>Préparation de l’atelier</source>
        <extracomment>« Jouer » was pressed: the main window shows the play page</extracomment>
        <translation>Workshop set-up</translation>
    </message>
    <message>
        <source>Jouer ▶</source>
        <translation>Play ▶</translation>
    </message>
    <message>
        <source>Ctrl+3</source>
        <translation>Ctrl+3</translation>
    </message>
    <message>
        <source>au moins une table</source>
        <translation>at least one table</translation>
    </message>
    <message>
        <source>au moins une séquence</source>
        <translation>at least one sequence</translation>
    </message>
    <message>
        <source>Pour jouer, ajoutez %1.</source>
        <translation>To play, add %1.</translation>
    </message>
    <message>
        <source> et </source>
        <translation> and </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Raccourcis clavier</source>
        <translation>Keyboard shortcuts</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Touches</source>
        <translation>Keys</translation>
    </message>
    <message>
        <source>Partout : Tab et Maj+Tab passent d’un champ à l’autre, Alt + la lettre soulignée va au champ ou au bouton, F2 modifie la cellule choisie d’un tableau, Suppr retire la ligne choisie. Dans la liste des participants, Ctrl+M les place à une table : son numéro, ou 0 pour « sans table ».</source>
        <translation>Everywhere: Tab and Shift+Tab move from one field to the next, Alt + the underlined letter goes to the field or button, F2 edits the chosen cell of a table, Del removes the chosen row. In the participants list, Ctrl+M seats them at a table: its number, or 0 for “no table”.</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>Atelier Résilience est déjà ouvert sur ce dossier de données (« %1 »).

Une seule fenêtre peut l’utiliser à la fois : les saisies de l’une ne s’afficheraient pas dans l’autre.</source>
        <translation>Atelier Résilience is already open on this data folder (“%1”).

Only one window can use it at a time: what is entered in one would not show in the other.</translation>
    </message>
    <message>
        <source>La fenêtre déjà ouverte a été mise au premier plan.</source>
        <translation>The window already open was brought to the front.</translation>
    </message>
    <message>
        <source>Atelier Résilience est déjà ouvert</source>
        <translation>Atelier Résilience is already open</translation>
    </message>
</context>
<context>
    <name>SmallMultiples</name>
    <message>
        <source>○ point creux : couverture faible</source>
        <translation>○ hollow dot: low coverage</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Atelier Résilience</source>
        <extracomment>« Nouvel atelier » was asked for « Ouvrir l&apos;atelier de démonstration » was asked for a workshop of the list is to be opened: its id deck files (.yaml, .yml) and workshop archives (.zip) dropped on the page, to import like Ctrl+O « Importer un jeu… »: the main window asks for files « Nouveau jeu… »: the deck editor opens on a new deck « Dupliquer et modifier » (a built-in deck) or « Modifier » (one of yours): the selected DeckEntry « Imprimer les cartes… » / « Exporter en tableur… »: (the selected DeckEntry, &quot;print&quot; or &quot;sheet&quot;); an empty workbook: (None, &quot;template-questions&quot; or &quot;template-strategy&quot;) « Réessayer » after the database could not be opened « Supprimer l&apos;atelier… » (button, context menu or Delete key) on a workshop of the list: its id « Dupliquer (modèle) »: a copy of the chosen workshop without what was played: its id « Comparer… »: the ids of the selected workshops, in the list&apos;s order (one or none: ask which)</extracomment>
        <translation>Atelier Résilience</translation>
    </message>
    <message>
        <source>Préparez, animez et restituez vos ateliers de résilience territoriale, même sans réseau.</source>
        <translation>Prepare, run and report your territorial-resilience workshops, even without a network.</translation>
    </message>
    <message>
        <source>&amp;Nouvel atelier</source>
        <translation>&amp;New workshop</translation>
    </message>
    <message>
        <source>Ouvrir l’atelier de dé&amp;monstration</source>
        <translation>Open the de&amp;monstration workshop</translation>
    </message>
    <message>
        <source>Réessa&amp;yer</source>
        <translation>Retr&amp;y</translation>
    </message>
    <message>
        <source>Ateliers &amp;récents</source>
        <translation>&amp;Recent workshops</translation>
    </message>
    <message>
        <source>Aucun atelier pour l’instant : créez-en un, ou ouvrez l’atelier de démonstration pour découvrir l’application.</source>
        <translation>No workshop yet: create one, or open the demonstration workshop to discover the app.</translation>
    </message>
    <message>
        <source>&amp;Ouvrir l’atelier choisi</source>
        <translation>Open the &amp;chosen workshop</translation>
    </message>
    <message>
        <source>Supprimer l’a&amp;telier…</source>
        <translation>Dele&amp;te workshop…</translation>
    </message>
    <message>
        <source>Supprime l’atelier choisi et tout ce qu’il contient, après confirmation</source>
        <translation>Deletes the chosen workshop and everything in it, after confirmation</translation>
    </message>
    <message>
        <source>Comparer…</source>
        <translation>Compare…</translation>
    </message>
    <message>
        <source>Les ateliers choisis (Ctrl+clic), ou ceux d’un territoire ou d’un programme</source>
        <translation>The chosen workshops (Ctrl+click), or those of a territory or a programme</translation>
    </message>
    <message>
        <source>Ouvrir</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Supprimer l’atelier…</source>
        <translation>Delete workshop…</translation>
    </message>
    <message>
        <source>Jeux di&amp;sponibles</source>
        <translation>Availa&amp;ble decks</translation>
    </message>
    <message>
        <source>Choisissez un jeu pour voir sa description ou ses erreurs.</source>
        <translation>Pick a deck to see its description or its errors.</translation>
    </message>
    <message>
        <source>&amp;Importer un jeu (YAML ou tableur)…</source>
        <translation>&amp;Import a deck (YAML or spreadsheet)…</translation>
    </message>
    <message>
        <source>ou glissez sur cette page un jeu (.yaml, .xlsx, .ods) ou une archive d’atelier (.zip)</source>
        <translation>or drop a deck (.yaml, .xlsx, .ods) or a workshop archive (.zip) on this page</translation>
    </message>
    <message>
        <source>Nouveau jeu…</source>
        <translation>New deck…</translation>
    </message>
    <message>
        <source>Modèle de tableur vide (questions)…</source>
        <translation>Empty spreadsheet template (questions)…</translation>
    </message>
    <message>
        <source>Modèle de tableur vide (stratégie)…</source>
        <translation>Empty spreadsheet template (strategy)…</translation>
    </message>
    <message>
        <source>Dupliquer et modifier</source>
        <translation>Duplicate and edit</translation>
    </message>
    <message>
        <source>Imprimer les cartes…</source>
        <translation>Print the cards…</translation>
    </message>
    <message>
        <source>Exporter en tableur…</source>
        <translation>Export as a spreadsheet…</translation>
    </message>
    <message>
        <source>Ouverture de la base de données…</source>
        <translation>Opening the database…</translation>
    </message>
    <message>
        <source>Préparation de la démonstration…</source>
        <translation>Preparing the demonstration…</translation>
    </message>
    <message>
        <source>Modifier le jeu</source>
        <translation>Edit the deck</translation>
    </message>
    <message>
        <source>Ce jeu ne peut pas être joué : corrigez le fichier %1</source>
        <translation>This deck cannot be played: fix the file %1</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — version %2</translation>
    </message>
    <message>
        <source>Sous-ensemble : %1 (%2 cartes)</source>
        <translation>Subset: %1 (%2 cards)</translation>
    </message>
    <message>
        <source>Dupli&amp;quer…</source>
        <translation>D&amp;uplicate…</translation>
    </message>
    <message>
        <source>Un nouvel atelier avec les mêmes jeux, tables et informations, sans les réponses</source>
        <translation>A new workshop with the same decks, tables and details, without the answers</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <source>Hors jeu :</source>
        <translation>Outside the games:</translation>
    </message>
    <message>
        <source>Terminer</source>
        <translation>End</translation>
    </message>
    <message>
        <source>commencé à %1</source>
        <translation>started at %1</translation>
    </message>
    <message>
        <source>Reprendre</source>
        <translation>Resume</translation>
    </message>
    <message>
        <source>Commencer</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
    <message>
        <source>prévu : %1 min</source>
        <translation>planned: %1 min</translation>
    </message>
</context>
<context>
    <name>StepsPanel</name>
    <message>
        <source>Accueil</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Break</translation>
    </message>
    <message>
        <source>Bilan</source>
        <translation>Debrief</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Autres temps de la journée (accueil, pause, bilan…)</source>
        <translation>Other times of the day (welcome, break, debrief…)</translation>
    </message>
    <message>
        <source>Libellé (facultatif)</source>
        <translation>Label (optional)</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Ajouter l’étape</source>
        <translation>Add the step</translation>
    </message>
    <message>
        <source>Plus tôt</source>
        <translation>Earlier</translation>
    </message>
    <message>
        <source>Plus tard</source>
        <translation>Later</translation>
    </message>
    <message>
        <source>Retirer l’étape</source>
        <translation>Remove the step</translation>
    </message>
    <message>
        <source>avant « %1 »</source>
        <translation>before “%1”</translation>
    </message>
    <message>
        <source>à la fin</source>
        <translation>at the end</translation>
    </message>
    <message>
        <source>au programme</source>
        <translation>in the programme</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
</context>
<context>
    <name>StrategyNotes</name>
    <message>
        <source>Argument de la table pour cette carte (Entrée : valider)</source>
        <extracomment>the argument was edited and committed: (group_id, card_id, text) a note was typed for a table on a card: (group_id, card_id, text) the facilitator is done here (Enter or Escape): the pick table takes the keyboard back</extracomment>
        <translation>The table&apos;s argument for this card (Enter: save)</translation>
    </message>
    <message>
        <source>Note ou citation (Entrée pour l’ajouter)</source>
        <translation>Note or quote (Enter to add it)</translation>
    </message>
    <message>
        <source>%1 · carte %2</source>
        <translation>%1 · card %2</translation>
    </message>
    <message>
        <source>Choisissez une table et une carte</source>
        <translation>Choose a table and a card</translation>
    </message>
</context>
<context>
    <name>StrategyPanel</name>
    <message>
        <source>Cartes choisies par chaque table</source>
        <extracomment>pick (True) or drop (False) a card for a table: (group_id, card_id, picked)</extracomment>
        <translation>Cards picked by each table</translation>
    </message>
    <message>
        <source>Budget par table : {0}</source>
        <translation>Budget per table: {0}</translation>
    </message>
    <message>
        <source> · entretien : {0} au plus</source>
        <translation> · upkeep: {0} at most</translation>
    </message>
    <message>
        <source>{0} : budget dépassé de {1}</source>
        <translation>{0}: budget exceeded by {1}</translation>
    </message>
    <message>
        <source>{0} : entretien dépassé ({1} pour {2} possibles)</source>
        <translation>{0}: upkeep exceeded ({1} for {2} possible)</translation>
    </message>
    <message>
        <source>« {0} » demande aussi « {1} »</source>
        <translation>“{0}” also requires “{1}”</translation>
    </message>
    <message>
        <source>« {0} » est incompatible avec « {1} »</source>
        <translation>“{0}” cannot go with “{1}”</translation>
    </message>
</context>
<context>
    <name>SubjectMatrixModel</name>
    <message>
        <source>Rang</source>
        <translation>Rank</translation>
    </message>
    <message>
        <source>Classement : moyenne des notes, pondérée par le poids de chaque critère</source>
        <translation>Ranking: average of the scores, weighted by each criterion&apos;s weight</translation>
    </message>
    <message>
        <source>Double-clic : jouer ce sujet</source>
        <translation>Double-click: play this subject</translation>
    </message>
    <message>
        <source>Pas encore coté.</source>
        <translation>Not rated yet.</translation>
    </message>
    <message>
        <source>Écart entre les tables : %1 à %2</source>
        <translation>Spread between tables: %1 to %2</translation>
    </message>
    <message>
        <source>%1 réponse(s) sur %2</source>
        <translation>%1 answer(s) of %2</translation>
    </message>
</context>
<context>
    <name>SubjectsView</name>
    <message>
        <source>Tableau en grand…</source>
        <extracomment>the facilitator asked to add a subject (a project, a service) to this deck the facilitator chose a subject&apos;s row: its sequence id, to play it a decision grid: add a criterion the group chose / put the top-ranked actions in the action plan</extracomment>
        <translation>Enlarge the table…</translation>
    </message>
    <message>
        <source>Le même tableau dans une fenêtre à part, toutes colonnes visibles</source>
        <translation>The same table in a separate window, all columns visible</translation>
    </message>
    <message>
        <source>Vers le plan d’action…</source>
        <translation>To the action plan…</translation>
    </message>
    <message>
        <source>Inscrit les actions en tête du classement au plan d’action (onglet Bilan), où vous complétez le porteur et l’échéance</source>
        <translation>Puts the top-ranked actions in the action plan (Debrief tab), where you fill in the owner and the deadline</translation>
    </message>
    <message>
        <source>Comparaison des %1</source>
        <translation>Comparison of the %1</translation>
    </message>
    <message>
        <source>Ajouter : %1…</source>
        <translation>Add: %1…</translation>
    </message>
    <message>
        <source>Survolez un numéro de levier pour lire son libellé.</source>
        <translation>Hover over a lever number to read its label.</translation>
    </message>
    <message>
        <source>Cotes sur l’échelle du jeu, de %1 à %2 ; 0 = neutre.</source>
        <translation>Ratings on the deck&apos;s scale, from %1 to %2; 0 = neutral.</translation>
    </message>
    <message>
        <source>Notes sur l’échelle du jeu, de %1 à %2.</source>
        <translation>Scores on the deck&apos;s scale, from %1 to %2.</translation>
    </message>
    <message>
        <source>Scores sur 100.</source>
        <translation>Scores out of 100.</translation>
    </message>
    <message>
        <source>point fort</source>
        <translation>strength</translation>
    </message>
    <message>
        <source>vulnérabilité</source>
        <translation>vulnerability</translation>
    </message>
    <message>
        <source>Aucun sujet pour l’instant : ajoutez-en un.</source>
        <translation>No subject yet: add one.</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Synchroniser avec la cohorte</source>
        <translation>Synchronise with the cohort</translation>
    </message>
    <message>
        <source>Envoie les ateliers de ce portable vers la base partagée de la cohorte, puis reçoit ce que les autres animateurs y ont ajouté. Les saisies des deux côtés sont réunies : rien n’est perdu ni compté deux fois, et relancer ne change rien.</source>
        <translation>Sends this laptop&apos;s workshops to the cohort&apos;s shared database, then receives what the other facilitators have added there. Entries from both sides are merged: nothing is lost or counted twice, and running it again changes nothing.</translation>
    </message>
    <message>
        <source>Base de la cohorte :</source>
        <translation>Cohort database:</translation>
    </message>
    <message>
        <source>Fichier…</source>
        <translation>File…</translation>
    </message>
    <message>
        <source>Une base SQLite partagée (sur un disque réseau, une clé USB…)</source>
        <translation>A shared SQLite database (on a network drive, a USB key…)</translation>
    </message>
    <message>
        <source>Une base PostgreSQL (le mot de passe n’est pas retenu : mettez-le dans le fichier .pgpass) ou un fichier SQLite (sqlite:///chemin/cohorte.sqlite3).</source>
        <translation>A PostgreSQL database (the password is not stored: put it in the .pgpass file) or an SQLite file (sqlite:///path/to/cohort.sqlite3).</translation>
    </message>
    <message>
        <source>Annuler</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Synchroniser</source>
        <translation>Synchronise</translation>
    </message>
    <message>
        <source>Base SQLite de la cohorte</source>
        <translation>Cohort SQLite database</translation>
    </message>
    <message>
        <source>Base SQLite (*.sqlite3 *.sqlite *.db)</source>
        <translation>SQLite database (*.sqlite3 *.sqlite *.db)</translation>
    </message>
    <message>
        <source>Indiquez l’adresse de la base de la cohorte.</source>
        <translation>Enter the address of the cohort database.</translation>
    </message>
</context>
<context>
    <name>SyncFlow</name>
    <message>
        <source>Une synchronisation est déjà en cours.</source>
        <extracomment>the exchange is over (the report, or None after a failure)</extracomment>
        <translation>A synchronisation is already running.</translation>
    </message>
    <message>
        <source>Synchronisation… %1</source>
        <translation>Synchronising… %1</translation>
    </message>
    <message>
        <source>Synchronisation avec la base de la cohorte…</source>
        <translation>Synchronising with the cohort database…</translation>
    </message>
    <message>
        <source>Synchronisation terminée.</source>
        <translation>Synchronisation finished.</translation>
    </message>
    <message>
        <source>Synchronisation interrompue.</source>
        <translation>Synchronisation interrupted.</translation>
    </message>
    <message>
        <source>Erreur inattendue pendant la synchronisation (le détail est dans le journal de l’application).</source>
        <translation>Unexpected error during synchronisation (the details are in the application log).</translation>
    </message>
    <message>
        <source>%1

Les ateliers déjà réunis le restent, les autres n’ont pas changé : rien n’est perdu sur ce portable. Relancez la synchronisation une fois le problème réglé.</source>
        <translation>%1

Workshops already merged stay merged, the others have not changed: nothing is lost on this laptop. Run the synchronisation again once the problem is fixed.</translation>
    </message>
    <message>
        <source>Synchronisation impossible</source>
        <translation>Cannot synchronise</translation>
    </message>
</context>
<context>
    <name>SyncReportDialog</name>
    <message>
        <source>Synchronisation terminée</source>
        <extracomment>« Régler les conflits… » of a workshop: its id</extracomment>
        <translation>Synchronisation finished</translation>
    </message>
    <message>
        <source>Régler les conflits de « %1 » (%2)…</source>
        <translation>Resolve the conflicts of “%1” (%2)…</translation>
    </message>
</context>
<context>
    <name>SynergyTab</name>
    <message>
        <source>Deux cartes qui, retenues ensemble par une table, font plus que la somme de leurs effets : l’effet de la synergie s’ajoute une seule fois, sans changer ni le budget ni l’entretien. La raison est lue aux tables et imprimée dans le compte-rendu.</source>
        <translation>Two cards that, picked together by a table, do more than the sum of their effects: the synergy’s effect is added once, without changing the budget or the upkeep. The reason is read to the tables and printed in the minutes.</translation>
    </message>
    <message>
        <source>Ajouter une synergie</source>
        <translation>Add a synergy</translation>
    </message>
    <message>
        <source>Retirer</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Aucune synergie : « Ajouter une synergie » en crée une.</source>
        <translation>No synergy: “Add a synergy” creates one.</translation>
    </message>
    <message>
        <source>Première carte *</source>
        <translation>First card *</translation>
    </message>
    <message>
        <source>Seconde carte *</source>
        <translation>Second card *</translation>
    </message>
    <message>
        <source>{0} (axe inconnu)</source>
        <translation>{0} (unknown axis)</translation>
    </message>
    <message>
        <source>Pourquoi les deux cartes se renforcent, en une phrase simple.</source>
        <translation>Why the two cards strengthen each other, in one plain sentence.</translation>
    </message>
    <message>
        <source>Raison *</source>
        <translation>Reason *</translation>
    </message>
    <message>
        <source>Effet sur {0}</source>
        <translation>Effect on {0}</translation>
    </message>
    <message>
        <source>En plus sur « {0} »</source>
        <translation>Extra on “{0}”</translation>
    </message>
    <message>
        <source>{0} (carte inconnue)</source>
        <translation>{0} (unknown card)</translation>
    </message>
</context>
<context>
    <name>TerritoryPicker</name>
    <message>
        <source>ex. Soissons</source>
        <extracomment>stored values (French, like the minutes); the combo shows them translated</extracomment>
        <translation>e.g. Soissons</translation>
    </message>
    <message>
        <source>Type de territoire</source>
        <translation>Territory type</translation>
    </message>
    <message>
        <source>Code INSEE ou SIREN</source>
        <translation>INSEE or SIREN code</translation>
    </message>
    <message>
        <source>INSEE ou SIREN</source>
        <translation>INSEE or SIREN</translation>
    </message>
    <message>
        <source>Facultatif : code INSEE de la commune (5 caractères) ou SIREN (9 chiffres)</source>
        <translation>Optional: INSEE code of the municipality (5 characters) or SIREN (9 digits)</translation>
    </message>
    <message>
        <source>Fait partie de</source>
        <translation>Part of</translation>
    </message>
    <message>
        <source>ex. Nature en ville — Hauts-de-France 2024–2025</source>
        <translation>e.g. Nature en ville — Hauts-de-France 2024–2025</translation>
    </message>
    <message>
        <source>Te&amp;rritoire</source>
        <translation>Te&amp;rritory</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Pro&amp;gramme</source>
        <translation>Pro&amp;gramme</translation>
    </message>
    <message>
        <source>Commune</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>EPCI</source>
        <translation>EPCI (inter-municipal body)</translation>
    </message>
    <message>
        <source>Communauté de communes</source>
        <translation>Community of municipalities</translation>
    </message>
    <message>
        <source>Communauté d’agglomération</source>
        <translation>Agglomeration community</translation>
    </message>
    <message>
        <source>Communauté urbaine</source>
        <translation>Urban community</translation>
    </message>
    <message>
        <source>Métropole</source>
        <translation>Metropolis</translation>
    </message>
    <message>
        <source>PETR</source>
        <translation>PETR (rural territorial pole)</translation>
    </message>
    <message>
        <source>Département</source>
        <translation>Département</translation>
    </message>
    <message>
        <source>Autre</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>— aucun —</source>
        <translation>— none —</translation>
    </message>
    <message>
        <source>Tapez le nom : les territoires déjà connus sont proposés.</source>
        <translation>Type the name: known territories are suggested.</translation>
    </message>
    <message>
        <source>Territoire déjà connu (%1 ateliers) : code et rattachement partagés.</source>
        <translation>Territory already known (%1 workshops): its code and “Part of” are shared.</translation>
    </message>
</context>
<context>
    <name>TimerBar</name>
    <message>
        <source>Carte</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Séquence</source>
        <translation>Sequence</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Démarrer</source>
        <translation>Start</translation>
    </message>
</context>
<context>
    <name>UnseatedDropZone</name>
    <message>
        <source>Déposez ici des participants pour les retirer de leur table</source>
        <translation>Drop participants here to take them off their table</translation>
    </message>
    <message>
        <source>Sans table : %1 (déposez ici)</source>
        <translation>No table: %1 (drop here)</translation>
    </message>
    <message>
        <source>Sans table (déposez ici)</source>
        <translation>No table (drop here)</translation>
    </message>
</context>
<context>
    <name>ViewController</name>
    <message>
        <source>Langue</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>La nouvelle langue s’appliquera au prochain démarrage de l’application. The new language applies the next time the app starts.</source>
        <translation>The new language applies the next time the app starts. La nouvelle langue s&apos;appliquera au prochain démarrage.</translation>
    </message>
</context>
<context>
    <name>WorkshopListModel</name>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Atelier</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Territoire</source>
        <translation>Territory</translation>
    </message>
    <message>
        <source>Jeux</source>
        <translation>Decks</translation>
    </message>
    <message>
        <source>Avancement</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>État</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>En préparation</source>
        <translation>Being set up</translation>
    </message>
    <message>
        <source>En cours</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Terminé</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Archivé</source>
        <translation>Archived</translation>
    </message>
    <message>
        <source>%1 réponse enregistrée sur %2</source>
        <translation>%1 answer recorded out of %2</translation>
    </message>
    <message>
        <source>%1 réponses enregistrées sur %2</source>
        <translation>%1 answers recorded out of %2</translation>
    </message>
    <message>
        <source>aucun jeu</source>
        <translation>no deck</translation>
    </message>
</context>
<context>
    <name>WorkshopPages</name>
    <message>
        <source>A&amp;ccueil</source>
        <extracomment>the open workshop or the current page changed the debrief page asked for the export dialog a short message from the play page for the status bar</extracomment>
        <translation>H&amp;ome</translation>
    </message>
    <message>
        <source>&amp;Préparation</source>
        <translation>&amp;Set-up</translation>
    </message>
    <message>
        <source>Je&amp;u</source>
        <translation>Pl&amp;ay</translation>
    </message>
    <message>
        <source>&amp;Bilan</source>
        <translation>&amp;Debrief</translation>
    </message>
    <message>
        <source>Ouvrez ou créez un atelier depuis l’accueil.</source>
        <translation>Open or create a workshop from the home page.</translation>
    </message>
</context>
<context>
    <name>feedback</name>
    <message>
        <source>réponse {of_group} à la carte {card}</source>
        <translation>answer of {group} to card {card}</translation>
    </message>
    <message>
        <source>retrait de la réponse {of_group} à la carte {card}</source>
        <translation>withdrawal of the answer of {group} to card {card}</translation>
    </message>
    <message>
        <source>argument {of_group} à la carte {card}</source>
        <translation>argument of {group} on card {card}</translation>
    </message>
    <message>
        <source>carte {card} choisie par {group}</source>
        <translation>card {card} picked by {group}</translation>
    </message>
    <message>
        <source>carte {card} retirée par {group}</source>
        <translation>card {card} dropped by {group}</translation>
    </message>
    <message>
        <source>note {of_group} à la carte {card}</source>
        <translation>note of {group} on card {card}</translation>
    </message>
    <message>
        <source>note sur la carte {card}</source>
        <translation>note on card {card}</translation>
    </message>
    <message>
        <source>note générale</source>
        <translation>general note</translation>
    </message>
    <message>
        <source>dernière saisie</source>
        <translation>last entry</translation>
    </message>
    <message>
        <source>&amp;Annuler</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>&amp;Annuler : %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>&amp;Rétablir</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Rétablir : %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Ajouté au plan d’action (onglet Bilan, à compléter : porteur, échéance) : %1</source>
        <translation>Added to the action plan (Debrief tab, to complete: owner, deadline): %1</translation>
    </message>
    <message>
        <source>Les actions en tête du classement sont déjà au plan d’action.</source>
        <translation>The top-ranked actions are already in the action plan.</translation>
    </message>
    <message>
        <source>Aucune action n’est encore notée : rien à reprendre au plan d’action.</source>
        <translation>No action has been scored yet: nothing to carry over to the action plan.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Rechercher : titre, territoire, programme, jeu, année…</source>
        <translation>Search: title, territory, programme, deck, year…</translation>
    </message>
    <message>
        <source>Rechercher un atelier</source>
        <translation>Search a workshop</translation>
    </message>
</context>
<context>
    <name>picks</name>
    <message>
        <source>point</source>
        <translation>point</translation>
    </message>
    <message>
        <source>points</source>
        <translation>points</translation>
    </message>
    <message>
        <source>court terme</source>
        <translation>short term</translation>
    </message>
    <message>
        <source>moyen terme</source>
        <translation>medium term</translation>
    </message>
    <message>
        <source>long terme</source>
        <translation>long term</translation>
    </message>
    <message>
        <source>entretien %1/3</source>
        <translation>upkeep %1/3</translation>
    </message>
</context>
</TS>

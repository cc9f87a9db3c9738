<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AccessLevels</name>
    <message>
        <source>Hidden</source>
        <translation>Verborgen</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>Nur lesen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Own records</source>
        <translation>Eigene Datensätze</translation>
    </message>
    <message>
        <source>Team&apos;s records</source>
        <translation>Datensätze des Teams</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Long text</source>
        <translation>Langer Text</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Whole number</source>
        <translation>Ganze Zahl</translation>
    </message>
    <message>
        <source>Amount of money</source>
        <translation>Geldbetrag</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum und Uhrzeit</translation>
    </message>
    <message>
        <source>Yes / no</source>
        <translation>Ja / nein</translation>
    </message>
    <message>
        <source>One choice</source>
        <translation>Eine Auswahl</translation>
    </message>
    <message>
        <source>Several choices</source>
        <translation>Mehrfachauswahl</translation>
    </message>
    <message>
        <source>Link to a record</source>
        <translation>Verweis auf einen Datensatz</translation>
    </message>
    <message>
        <source>Email address</source>
        <translation>E-Mail-Adresse</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Telefonnummer</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Trichterstufe</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Liste</translation>
    </message>
</context>
<context>
    <name>AccountCardDialog</name>
    <message>
        <source>Account</source>
        <translation>Firma</translation>
    </message>
</context>
<context>
    <name>AccountCardWidget</name>
    <message>
        <source>Choose an account</source>
        <translation>Firma auswählen</translation>
    </message>
    <message>
        <source>Owners</source>
        <translation>Verantwortliche</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Löschen…</translation>
    </message>
    <message>
        <source>New &amp;deal…</source>
        <translation>Neues &amp;Geschäft…</translation>
    </message>
    <message>
        <source>Market &amp;note…</source>
        <translation>&amp;Marktnotiz…</translation>
    </message>
    <message>
        <source>Competitor seen, price heard, market news</source>
        <translation>Wettbewerber gesehen, Preis gehört, Marktneuigkeiten</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Contacts at this account</source>
        <translation>Kontakte bei dieser Firma</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Geschäfte</translation>
    </message>
    <message>
        <source>Deals of this account</source>
        <translation>Geschäfte dieser Firma</translation>
    </message>
    <message>
        <source>Deal</source>
        <translation>Geschäft</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation type="vanished">Verantwortlich</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Abschluss</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Aktivitäten</translation>
    </message>
    <message>
        <source>Activities with this account</source>
        <translation>Aktivitäten mit dieser Firma</translation>
    </message>
    <message>
        <source>Sc&amp;hedule…</source>
        <translation>&amp;Planen…</translation>
    </message>
    <message>
        <source>No contacts linked to this account yet.</source>
        <translation>Noch keine Kontakte mit dieser Firma verknüpft.</translation>
    </message>
    <message>
        <source>No activities yet.</source>
        <translation>Noch keine Aktivitäten.</translation>
    </message>
    <message>
        <source>%1 employees</source>
        <translation>%1 Mitarbeitende</translation>
    </message>
    <message>
        <source>Account owner: %1</source>
        <translation>Firmenverantwortlich: %1</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>niemand</translation>
    </message>
    <message>
        <source>After-sale owner: %1</source>
        <translation>Betreuung nach dem Verkauf: %1</translation>
    </message>
    <message>
        <source>keep in touch every %1 days</source>
        <translation>Kontakt alle %1 Tage halten</translation>
    </message>
    <message>
        <source>our market share %1%</source>
        <translation>unser Marktanteil %1 %</translation>
    </message>
    <message numerus="yes">
        <source>Open (%n)</source>
        <translation>
            <numerusform>Offen (%n)</numerusform>
            <numerusform>Offen (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Closed (%n)</source>
        <translation>
            <numerusform>Abgeschlossen (%n)</numerusform>
            <numerusform>Abgeschlossen (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Hand-over: %1 (%2)</source>
        <translation>Übergabe: %1 (%2)</translation>
    </message>
    <message>
        <source>No hand-over yet: a won deal records one.</source>
        <translation>Noch keine Übergabe: ein gewonnenes Geschäft hält sie fest.</translation>
    </message>
    <message>
        <source>%1 — owner: %2</source>
        <translation>%1 — verantwortlich: %2</translation>
    </message>
    <message>
        <source>delete account</source>
        <translation>Firma löschen</translation>
    </message>
    <message>
        <source>done</source>
        <translation type="vanished">erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation type="vanished">offen</translation>
    </message>
    <message>
        <source>%1  %2 — %3 (%4) %5</source>
        <translation type="vanished">%1  %2 — %3 (%4) %5</translation>
    </message>
    <message>
        <source>Delete account</source>
        <translation>Firma löschen</translation>
    </message>
    <message>
        <source>Delete “%1”? Its deals and activities go with it; its contacts stay, without a company.</source>
        <translation>„%1“ löschen? Ihre Geschäfte und Aktivitäten werden mitgelöscht; ihre Kontakte bleiben, ohne Firma.</translation>
    </message>
</context>
<context>
    <name>AccountsView</name>
    <message>
        <source>Find an account: name, web domain, phone</source>
        <translation>Firma finden: Name, Web-Domain, Telefon</translation>
    </message>
    <message>
        <source>Find an account</source>
        <translation>Firma finden</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>&amp;Neue Firma…</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Firmen</translation>
    </message>
</context>
<context>
    <name>ActivityLines</name>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>%1  %2 — %3 (%4) %5</source>
        <translation>%1  %2 — %3 (%4) %5</translation>
    </message>
</context>
<context>
    <name>AdditionalValuesPanel</name>
    <message>
        <source>Other emails, phones and addresses</source>
        <translation>Weitere E-Mails, Telefonnummern und Adressen</translation>
    </message>
    <message>
        <source>%1 (%2): %3</source>
        <translation>%1 (%2): %3</translation>
    </message>
    <message>
        <source>%1: %3</source>
        <translation>%1: %3</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Field rules</source>
        <translation>Feldregeln</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>Users and roles</source>
        <translation>Benutzer und Rollen</translation>
    </message>
    <message>
        <source>Capabilities</source>
        <translation>Befugnisse</translation>
    </message>
    <message>
        <source>Funnel</source>
        <translation>Vertriebstrichter</translation>
    </message>
    <message>
        <source>Hand-off and goal</source>
        <translation>Übergabe und Ziel</translation>
    </message>
    <message>
        <source>Preview as role</source>
        <translation>Vorschau als Rolle</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The store %1 could not be opened.

%2</source>
        <translation>Der Datenbestand %1 konnte nicht geöffnet werden.

%2</translation>
    </message>
    <message>
        <source>ContactDesk</source>
        <translation>ContactDesk</translation>
    </message>
</context>
<context>
    <name>AppSession</name>
    <message>
        <source>Store owner (no users yet)</source>
        <translation>Eigentümer des Datenbestands (noch keine Benutzer)</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>Vertrieb</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>BriefReaderView</name>
    <message>
        <source>Launch briefs</source>
        <translation>Launch-Briefings</translation>
    </message>
    <message>
        <source>The brief</source>
        <translation>Das Briefing</translation>
    </message>
    <message>
        <source>Mark &amp;read</source>
        <translation>Als &amp;gelesen markieren</translation>
    </message>
    <message>
        <source>I am read&amp;y to sell it</source>
        <translation>Ich bin &amp;bereit, es zu verkaufen</translation>
    </message>
    <message>
        <source>No launch briefs at the moment.</source>
        <translation>Zurzeit keine Launch-Briefings.</translation>
    </message>
    <message>
        <source>no date</source>
        <translation>kein Datum</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>read</source>
        <translation>gelesen</translation>
    </message>
    <message>
        <source>unread</source>
        <translation>ungelesen</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Launches</source>
        <translation>Startet</translation>
    </message>
    <message>
        <source>Who it benefits</source>
        <translation>Wem es nützt</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was es tut</translation>
    </message>
    <message>
        <source>Value: time, money or pain saved</source>
        <translation>Nutzen: gesparte Zeit, Geld oder Mühe</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Belege</translation>
    </message>
    <message>
        <source>Differentiators</source>
        <translation>Unterscheidungsmerkmale</translation>
    </message>
    <message>
        <source>Table stakes</source>
        <translation>Mindestanforderungen</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>You are ready for this launch.</source>
        <translation>Sie sind für diesen Launch bereit.</translation>
    </message>
    <message>
        <source>Read; mark yourself ready when you can sell it.</source>
        <translation>Gelesen; markieren Sie sich als bereit, sobald Sie es verkaufen können.</translation>
    </message>
    <message>
        <source>Not read yet.</source>
        <translation>Noch nicht gelesen.</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Log a call with %1</source>
        <translation>Anruf mit %1 erfassen</translation>
    </message>
    <message>
        <source>How did it go?</source>
        <translation>Wie ist es gelaufen?</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Was gesagt wurde</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>The objection in the customer&apos;s words</source>
        <translation>Der Einwand in den Worten des Kunden</translation>
    </message>
    <message>
        <source>Competitor mentioned, if any</source>
        <translation>Genannter Wettbewerber, falls vorhanden</translation>
    </message>
    <message>
        <source>What they said about it</source>
        <translation>Was sie darüber gesagt haben</translation>
    </message>
    <message>
        <source>Correct the enquiry source, if it was wrong</source>
        <translation>Anfragequelle korrigieren, falls sie falsch war</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Ob&amp;jections</source>
        <translation>&amp;Einwände</translation>
    </message>
    <message>
        <source>Co&amp;mpetitor</source>
        <translation>Wett&amp;bewerber</translation>
    </message>
    <message>
        <source>Enquiry &amp;source</source>
        <translation>Anfrage&amp;quelle</translation>
    </message>
    <message>
        <source>&amp;Follow up on</source>
        <translation>&amp;Nachfassen am</translation>
    </message>
    <message>
        <source>C&amp;lose, because</source>
        <translation>&amp;Schließen, weil</translation>
    </message>
    <message>
        <source>Why no further step</source>
        <translation>Warum kein weiterer Schritt</translation>
    </message>
    <message>
        <source>Next step (required)</source>
        <translation>Nächster Schritt (Pflicht)</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Save (Ctrl+Enter)</source>
        <translation>Speichern (Strg+Eingabe)</translation>
    </message>
    <message>
        <source>log call with %1</source>
        <translation>Anruf mit %1 erfassen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>CampaignCalendarView</name>
    <message numerus="yes">
        <source>Campaigns running now and starting in the next %n week(s).</source>
        <translation>
            <numerusform>Kampagnen, die jetzt laufen oder in der nächsten Woche beginnen.</numerusform>
            <numerusform>Kampagnen, die jetzt laufen oder in den nächsten %n Wochen beginnen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Expected leads</source>
        <translation>Erwartete Leads</translation>
    </message>
    <message>
        <source>Campaign calendar</source>
        <translation>Kampagnenkalender</translation>
    </message>
    <message>
        <source>no estimate</source>
        <translation>keine Schätzung</translation>
    </message>
</context>
<context>
    <name>CampaignEditor</name>
    <message>
        <source>(no target segment)</source>
        <translation>(kein Zielsegment)</translation>
    </message>
    <message>
        <source>Spend to add</source>
        <translation>Hinzuzufügende Ausgaben</translation>
    </message>
    <message>
        <source>Add spend</source>
        <translation>Ausgaben hinzufügen</translation>
    </message>
    <message>
        <source>Save campaign</source>
        <translation>Kampagne speichern</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Target segment</source>
        <translation>Zielsegment</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spend to date</source>
        <translation>Bisherige Ausgaben</translation>
    </message>
    <message>
        <source>Expected leads</source>
        <translation>Erwartete Leads</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Expected leads</source>
        <translation>Erwartete Leads</translation>
    </message>
    <message>
        <source>Leads so far</source>
        <translation>Bisherige Leads</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>New campaign</source>
        <translation>Neue Kampagne</translation>
    </message>
    <message>
        <source>running</source>
        <translation type="vanished">läuft</translation>
    </message>
    <message>
        <source>upcoming</source>
        <translation type="vanished">bevorstehend</translation>
    </message>
    <message>
        <source>finished</source>
        <translation type="vanished">beendet</translation>
    </message>
</context>
<context>
    <name>CapabilityEditor</name>
    <message>
        <source>Administer</source>
        <translation>Verwalten</translation>
    </message>
    <message>
        <source>Run campaigns</source>
        <translation>Kampagnen führen</translation>
    </message>
    <message>
        <source>Hand off leads</source>
        <translation>Leads übergeben</translation>
    </message>
    <message>
        <source>Receive leads</source>
        <translation>Leads erhalten</translation>
    </message>
    <message>
        <source>Edit segments</source>
        <translation>Segmente bearbeiten</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>What each role may do besides reading and editing fields. Changes sync.</source>
        <translation>Was jede Rolle außer dem Lesen und Bearbeiten von Feldern tun darf. Änderungen werden synchronisiert.</translation>
    </message>
    <message>
        <source>%1 may: %2</source>
        <translation>%1 darf: %2</translation>
    </message>
</context>
<context>
    <name>CollateralPage</name>
    <message>
        <source>Search titles and value points</source>
        <translation>Titel und Nutzenargumente durchsuchen</translation>
    </message>
    <message>
        <source>Search collateral</source>
        <translation>Material durchsuchen</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>Phasen</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>Branchen</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokument</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>Datei anhängen …</translation>
    </message>
    <message>
        <source>no file</source>
        <translation>keine Datei</translation>
    </message>
    <message>
        <source>The value points this proves</source>
        <translation>Die Nutzenargumente, die dies belegt</translation>
    </message>
    <message>
        <source>comma-separated; empty fits all</source>
        <translation>durch Kommas getrennt; leer passt auf alle</translation>
    </message>
    <message>
        <source>Add to library</source>
        <translation>Zur Bibliothek hinzufügen</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Bearbeiten</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Änderungen speichern</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Value points</source>
        <translation>Nutzenargumente</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>Trichterphasen</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>Attach a document</source>
        <translation>Dokument anhängen</translation>
    </message>
    <message>
        <source>Changes saved.</source>
        <translation>Änderungen gespeichert.</translation>
    </message>
    <message>
        <source>Added to the library.</source>
        <translation>Zur Bibliothek hinzugefügt.</translation>
    </message>
</context>
<context>
    <name>CompanySettingsPage</name>
    <message>
        <source>Lead hand-off</source>
        <translation>Lead-Übergabe</translation>
    </message>
    <message>
        <source>The score a lead must reach before hand-off</source>
        <translation>Die Punktzahl, die ein Lead vor der Übergabe erreichen muss</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>Hours sales has to follow up a handed-off lead</source>
        <translation>Stunden, die der Vertrieb hat, um einen übergebenen Lead nachzufassen</translation>
    </message>
    <message>
        <source>Save hand-off rules</source>
        <translation>Übergaberegeln speichern</translation>
    </message>
    <message>
        <source>Score needed for hand-off</source>
        <translation>Für die Übergabe nötige Punktzahl</translation>
    </message>
    <message>
        <source>Sales follows up within</source>
        <translation>Der Vertrieb fasst nach innerhalb von</translation>
    </message>
    <message>
        <source>Company goal</source>
        <translation>Unternehmensziel</translation>
    </message>
    <message>
        <source>Market share</source>
        <translation>Marktanteil</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Volumen</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Save goal metric</source>
        <translation>Zielgröße speichern</translation>
    </message>
    <message>
        <source>Both teams are judged by</source>
        <translation>Beide Teams werden gemessen an</translation>
    </message>
    <message>
        <source>Deal currency</source>
        <translation>Währung der Geschäfte</translation>
    </message>
    <message>
        <source>ISO 4217 code of a deal that names none</source>
        <translation>ISO-4217-Code eines Geschäfts, das keine Währung nennt</translation>
    </message>
    <message>
        <source>Save currency</source>
        <translation>Währung speichern</translation>
    </message>
    <message>
        <source>Deals are in, unless they say otherwise</source>
        <translation>Geschäfte sind in, sofern nicht anders angegeben</translation>
    </message>
</context>
<context>
    <name>CompleteActivityDialog</name>
    <message>
        <source>Done: %1</source>
        <translation>Erledigt: %1</translation>
    </message>
    <message>
        <source>What came of it</source>
        <translation>Was dabei herauskam</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notizen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>ConditionEditor</name>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Remove condition</source>
        <translation>Bedingung entfernen</translation>
    </message>
</context>
<context>
    <name>ConflictCenterDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>Synchronisationskonflikte</translation>
    </message>
    <message>
        <source>Nothing is settled until you choose: keep your value, theirs, or a merge.</source>
        <translation>Nichts wird entschieden, bis Sie wählen: Ihren Wert behalten, den anderen oder eine Zusammenführung.</translation>
    </message>
    <message>
        <source>Merged value</source>
        <translation>Zusammengeführter Wert</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Meinen behalten</translation>
    </message>
    <message>
        <source>Keep theirs</source>
        <translation>Den anderen behalten</translation>
    </message>
    <message>
        <source>Use merged value</source>
        <translation>Zusammengeführten Wert verwenden</translation>
    </message>
    <message>
        <source>someone on the server</source>
        <translation>jemand auf dem Server</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>(whole change)</source>
        <translation>(gesamte Änderung)</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
</context>
<context>
    <name>ContactCardWidget</name>
    <message>
        <source>Choose a contact</source>
        <translation>Kontakt auswählen</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>Anruf &amp;erfassen …</translation>
    </message>
    <message>
        <source>Move &amp;stage…</source>
        <translation>&amp;Phase ändern …</translation>
    </message>
    <message>
        <source>Open &amp;account</source>
        <translation>&amp;Firma öffnen</translation>
    </message>
    <message>
        <source>Market &amp;note…</source>
        <translation>&amp;Marktnotiz…</translation>
    </message>
    <message>
        <source>Competitor seen, price heard, market news</source>
        <translation>Wettbewerber gesehen, Preis gehört, Marktneuigkeiten</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Open opportunity</source>
        <translation>Offene Verkaufschance</translation>
    </message>
    <message>
        <source>Collateral for this stage</source>
        <translation>Material für diese Phase</translation>
    </message>
    <message>
        <source>New &amp;deal…</source>
        <translation>Neues &amp;Geschäft…</translation>
    </message>
    <message>
        <source>&amp;Edit deal…</source>
        <translation>Geschäft &amp;bearbeiten…</translation>
    </message>
    <message>
        <source>Material for this stage:</source>
        <translation>Material für diese Phase:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Activity history</source>
        <translation>Aktivitätenverlauf</translation>
    </message>
    <message>
        <source>Sc&amp;hedule…</source>
        <translation>&amp;Planen…</translation>
    </message>
    <message>
        <source>done</source>
        <translation type="vanished">erledigt</translation>
    </message>
    <message>
        <source>open</source>
        <translation type="vanished">offen</translation>
    </message>
    <message>
        <source>%1  %2 — %3 (%4) %5</source>
        <translation type="vanished">%1  %2 — %3 (%4) %5</translation>
    </message>
    <message>
        <source>No open opportunity.</source>
        <translation>Keine offene Verkaufschance.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Stage: &lt;b&gt;%2&lt;/b&gt;   %3 %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;Phase: &lt;b&gt;%2&lt;/b&gt;   %3 %4</translation>
    </message>
    <message>
        <source>Nothing tied to this stage yet.</source>
        <translation>Noch nichts mit dieser Phase verknüpft.</translation>
    </message>
</context>
<context>
    <name>ContactFinderView</name>
    <message>
        <source>Find a contact: name, company, email, phone</source>
        <translation>Kontakt finden: Name, Firma, E-Mail, Telefon</translation>
    </message>
    <message>
        <source>Find a contact</source>
        <translation>Kontakt finden</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
</context>
<context>
    <name>ContactListPreview</name>
    <message>
        <source>Contact list as this role sees it</source>
        <translation>Kontaktliste, wie diese Rolle sie sieht</translation>
    </message>
</context>
<context>
    <name>ContactListView</name>
    <message>
        <source>Search by name, company, email or phone</source>
        <translation>Nach Name, Firma, E-Mail oder Telefon suchen</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Kontakte suchen</translation>
    </message>
    <message>
        <source>Search summary</source>
        <translation>Suchzusammenfassung</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>No contacts match “%1”.</source>
        <translation>Keine Kontakte passen zu „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>Showing the first %n matches for “%1”.</source>
        <translation>
            <numerusform>Der erste Treffer für „%1“.</numerusform>
            <numerusform>Die ersten %n Treffer für „%1“.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s) match “%1”.</source>
        <translation>
            <numerusform>%n Kontakt passt zu „%1“.</numerusform>
            <numerusform>%n Kontakte passen zu „%1“.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CoreText</name>
    <message>
        <source>Acceptance rate</source>
        <translation>Annahmequote</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Accepted and rejected leads by campaign and source</source>
        <translation>Angenommene und abgelehnte Leads nach Kampagne und Quelle</translation>
    </message>
    <message>
        <source>Accepted leads</source>
        <translation>Angenommene Leads</translation>
    </message>
    <message>
        <source>Accepted → opportunities</source>
        <translation>Angenommen → Verkaufschancen</translation>
    </message>
    <message>
        <source>Accepted → won</source>
        <translation>Angenommen → gewonnen</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Account owner</source>
        <translation>Firmenverantwortliche(r)</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Aktivität</translation>
    </message>
    <message>
        <source>After-sale owner</source>
        <translation>Betreuung nach dem Kauf</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>Are the leads we send any good?</source>
        <translation>Taugen die Leads, die wir schicken?</translation>
    </message>
    <message>
        <source>Are we meeting our outcome targets (revenue, margin, new accounts, won deals)?</source>
        <translation>Erreichen wir unsere Ergebnisziele (Umsatz, Marge, Neukunden, gewonnene Abschlüsse)?</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Zielerreichung</translation>
    </message>
    <message>
        <source>Attainment of each target (%)</source>
        <translation>Zielerreichung je Ziel (%)</translation>
    </message>
    <message>
        <source>Average deal</source>
        <translation>Durchschnittlicher Abschluss</translation>
    </message>
    <message>
        <source>Average rating (1-5)</source>
        <translation>Durchschnittliche Bewertung (1-5)</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Buyer profile</source>
        <translation>Käuferprofil</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Campaign / channel</source>
        <translation>Kampagne / Kanal</translation>
    </message>
    <message>
        <source>Campaign return</source>
        <translation>Kampagnenrendite</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Ort</translation>
    </message>
    <message>
        <source>Close reason</source>
        <translation>Abschlussgrund</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Abgeschlossen</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Verkaufsmaterial</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Competitors: mentions and deals lost to them</source>
        <translation>Wettbewerber: Erwähnungen und an sie verlorene Abschlüsse</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Cost per accepted lead</source>
        <translation>Kosten je angenommenem Lead</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Währung</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Kunde</translation>
    </message>
    <message>
        <source>Deadline kept</source>
        <translation>Frist eingehalten</translation>
    </message>
    <message>
        <source>Deadline missed</source>
        <translation>Frist versäumt</translation>
    </message>
    <message>
        <source>Deals lost</source>
        <translation>Verlorene Abschlüsse</translation>
    </message>
    <message>
        <source>Differentiators</source>
        <translation>Unterscheidungsmerkmale</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimension</translation>
    </message>
    <message>
        <source>Does sales follow up handed-off leads within the agreed deadline?</source>
        <translation>Bearbeitet der Vertrieb übergebene Leads innerhalb der vereinbarten Frist?</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Erledigt</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Duration (minutes)</source>
        <translation>Dauer (Minuten)</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>Mitarbeitende</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Endet</translation>
    </message>
    <message>
        <source>Enquiry source</source>
        <translation>Anfragequelle</translation>
    </message>
    <message>
        <source>Example note</source>
        <translation>Beispielnotiz</translation>
    </message>
    <message>
        <source>Expected close</source>
        <translation>Erwarteter Abschluss</translation>
    </message>
    <message>
        <source>Expected leads</source>
        <translation>Erwartete Leads</translation>
    </message>
    <message>
        <source>Field intel</source>
        <translation>Informationen aus dem Feld</translation>
    </message>
    <message>
        <source>Field intelligence</source>
        <translation>Erkenntnisse aus dem Außendienst</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Dateiname</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Dateityp</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Erste Nachverfolgung</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Nachfassen bis</translation>
    </message>
    <message>
        <source>Follow-up deadlines by rep</source>
        <translation>Nachfassfristen nach Vertriebsmitarbeiter(in)</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Funnel stage</source>
        <translation>Trichterstufe</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>Trichterstufen</translation>
    </message>
    <message>
        <source>Goal metric</source>
        <translation>Zielkennzahl</translation>
    </message>
    <message>
        <source>Hand-off deadlines</source>
        <translation>Übergabefristen</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>How are we doing on the numbers both teams share, and which one is the goal?</source>
        <translation>Wie stehen wir bei den gemeinsamen Kennzahlen beider Teams, und welche ist das Ziel?</translation>
    </message>
    <message>
        <source>How much is sales pushing versus customers pulling?</source>
        <translation>Wie viel drückt der Vertrieb, wie viel fragen Kunden von selbst nach?</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Industries</source>
        <translation>Branchen</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>Branche</translation>
    </message>
    <message>
        <source>Keep in touch every (days)</source>
        <translation>Kontakt halten alle (Tage)</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Eingehalten</translation>
    </message>
    <message>
        <source>Kept (of decided)</source>
        <translation>Eingehalten (von entschiedenen)</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>Launch brief</source>
        <translation>Einführungsbriefing</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>Lead</translation>
    </message>
    <message>
        <source>Lead quality</source>
        <translation>Lead-Qualität</translation>
    </message>
    <message>
        <source>Lead sources</source>
        <translation>Lead-Quellen</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Leads and won deals by source and campaign</source>
        <translation>Leads und gewonnene Abschlüsse nach Quelle und Kampagne</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Logged by</source>
        <translation>Erfasst von</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
    <message>
        <source>Lost reason</source>
        <translation>Verlustgrund</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>Market note about</source>
        <translation>Marktnotiz zu</translation>
    </message>
    <message>
        <source>Market share (%)</source>
        <translation>Marktanteil (%)</translation>
    </message>
    <message>
        <source>Mentions</source>
        <translation>Erwähnungen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Missed</source>
        <translation>Versäumt</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>Mobil</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nickname</source>
        <translation>Spitzname</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Einwand</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>Einwände</translation>
    </message>
    <message>
        <source>Objections by frequency</source>
        <translation>Einwände nach Häufigkeit</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Offen</translation>
    </message>
    <message>
        <source>Opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>Opportunities opened by origin</source>
        <translation>Eröffnete Verkaufschancen nach Herkunft</translation>
    </message>
    <message>
        <source>Opportunity</source>
        <translation>Verkaufschance</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Herkunft</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Verantwortlich</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Period starts</source>
        <translation>Zeitraum beginnt</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <source>Pipeline forecast</source>
        <translation>Pipeline-Prognose</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postleitzahl</translation>
    </message>
    <message>
        <source>Previous period</source>
        <translation>Vorperiode</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Wahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Push versus pull</source>
        <translation>Druck gegen Nachfrage</translation>
    </message>
    <message>
        <source>Quality (1-5)</source>
        <translation>Qualität (1-5)</translation>
    </message>
    <message>
        <source>Rated</source>
        <translation>Bewertet</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Rejection note</source>
        <translation>Ablehnungsnotiz</translation>
    </message>
    <message>
        <source>Rejection reason</source>
        <translation>Ablehnungsgrund</translation>
    </message>
    <message>
        <source>Rejection reasons</source>
        <translation>Ablehnungsgründe</translation>
    </message>
    <message>
        <source>Return on spend</source>
        <translation>Rendite der Ausgaben</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Revenue and margin: this period against the previous one</source>
        <translation>Umsatz und Marge: diese Periode gegenüber der vorigen</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Vertriebsmitarbeiter(in)</translation>
    </message>
    <message>
        <source>Saves time, money or pain</source>
        <translation>Spart Zeit, Geld oder Ärger</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Score: engagement</source>
        <translation>Punktzahl: Engagement</translation>
    </message>
    <message>
        <source>Score: fit</source>
        <translation>Punktzahl: Eignung</translation>
    </message>
    <message>
        <source>Score: sales history</source>
        <translation>Punktzahl: Vertriebshistorie</translation>
    </message>
    <message>
        <source>Share of deals</source>
        <translation>Anteil an Abschlüssen</translation>
    </message>
    <message>
        <source>Share of objections</source>
        <translation>Anteil an Einwänden</translation>
    </message>
    <message>
        <source>Share of the month</source>
        <translation>Anteil am Monat</translation>
    </message>
    <message>
        <source>Shared dashboard</source>
        <translation>Gemeinsames Dashboard</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Spend</source>
        <translation>Ausgaben</translation>
    </message>
    <message>
        <source>Spend against return: what does each campaign and channel bring back?</source>
        <translation>Ausgaben gegen Ertrag: Was bringt jede Kampagne und jeder Kanal zurück?</translation>
    </message>
    <message>
        <source>Spend and won revenue by channel</source>
        <translation>Ausgaben und gewonnener Umsatz nach Kanal</translation>
    </message>
    <message>
        <source>Spend to date</source>
        <translation>Bisherige Ausgaben</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Still open</source>
        <translation>Noch offen</translation>
    </message>
    <message>
        <source>Stories</source>
        <translation>Geschichten</translation>
    </message>
    <message>
        <source>Story</source>
        <translation>Geschichte</translation>
    </message>
    <message>
        <source>Street</source>
        <translation>Straße</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Betreff</translation>
    </message>
    <message>
        <source>Table stakes</source>
        <translation>Selbstverständlichkeiten</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Schlagwort</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Target segment</source>
        <translation>Zielsegment</translation>
    </message>
    <message>
        <source>Targets and attainment</source>
        <translation>Ziele und Zielerreichung</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Diese Periode</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Times raised</source>
        <translation>Wie oft genannt</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Value points</source>
        <translation>Nutzenargumente</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Weighted</source>
        <translation>Gewichtet</translation>
    </message>
    <message>
        <source>Weighted pipeline by territory and stage</source>
        <translation>Gewichtete Pipeline nach Gebiet und Stufe</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>What are competitors, customers and the market telling sales?</source>
        <translation>Was erfährt der Vertrieb von Wettbewerbern, Kunden und dem Markt?</translation>
    </message>
    <message>
        <source>What do happy customers say?</source>
        <translation>Was sagen zufriedene Kunden?</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was es leistet</translation>
    </message>
    <message>
        <source>What was said</source>
        <translation>Was gesagt wurde</translation>
    </message>
    <message>
        <source>What will each territory close, stage by stage?</source>
        <translation>Was wird jedes Gebiet abschließen, Stufe für Stufe?</translation>
    </message>
    <message>
        <source>What worries customers about the offer?</source>
        <translation>Was beunruhigt Kunden am Angebot?</translation>
    </message>
    <message>
        <source>Where do enquiries really come from?</source>
        <translation>Woher kommen Anfragen wirklich?</translation>
    </message>
    <message>
        <source>Who actually buys?</source>
        <translation>Wer kauft tatsächlich?</translation>
    </message>
    <message>
        <source>Who it benefits</source>
        <translation>Wem es nützt</translation>
    </message>
    <message>
        <source>Win rate (won / closed)</source>
        <translation>Gewinnquote (gewonnen / abgeschlossen)</translation>
    </message>
    <message>
        <source>Win stories</source>
        <translation>Erfolgsgeschichten</translation>
    </message>
    <message>
        <source>Win stories by industry</source>
        <translation>Erfolgsgeschichten nach Branche</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>Gewonnene Abschlüsse</translation>
    </message>
    <message>
        <source>Won revenue</source>
        <translation>Gewonnener Umsatz</translation>
    </message>
    <message>
        <source>Won revenue by industry</source>
        <translation>Gewonnener Umsatz nach Branche</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>Betrag</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>opportunities</source>
        <translation>Verkaufschancen</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>Prozent</translation>
    </message>
    <message>
        <source>revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>stories</source>
        <translation>Geschichten</translation>
    </message>
    <message>
        <source>weighted amount</source>
        <translation>gewichteter Betrag</translation>
    </message>
</context>
<context>
    <name>CustomFieldEditor</name>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Custom fields</source>
        <translation>Eigene Felder</translation>
    </message>
    <message>
        <source>Add a custom field</source>
        <translation>Eigenes Feld hinzufügen</translation>
    </message>
    <message>
        <source>lower_case_name</source>
        <translation>name_in_kleinbuchstaben</translation>
    </message>
    <message>
        <source>Field name</source>
        <translation>Feldname</translation>
    </message>
    <message>
        <source>As people read it (optional)</source>
        <translation>Wie Menschen es lesen (optional)</translation>
    </message>
    <message>
        <source>Field label</source>
        <translation>Feldbezeichnung</translation>
    </message>
    <message>
        <source>For choice fields: Gold, Silver, Bronze</source>
        <translation>Für Auswahlfelder: Gold, Silber, Bronze</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Auswahlwerte</translation>
    </message>
    <message>
        <source>Add field</source>
        <translation>Feld hinzufügen</translation>
    </message>
    <message>
        <source>Selected field</source>
        <translation>Ausgewähltes Feld</translation>
    </message>
    <message>
        <source>New label</source>
        <translation>Neue Bezeichnung</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Retire (keeps the data)</source>
        <translation>Stilllegen (Daten bleiben erhalten)</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>Stillgelegt</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>In Verwendung</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
</context>
<context>
    <name>DateEditor</name>
    <message>
        <source>Untick for no date</source>
        <translation>Haken entfernen für kein Datum</translation>
    </message>
    <message>
        <source>%1 has a date</source>
        <translation>%1 hat ein Datum</translation>
    </message>
</context>
<context>
    <name>DaysValue</name>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
</context>
<context>
    <name>DrillDownDialog</name>
    <message>
        <source>{total} records</source>
        <translation>{total} Datensätze</translation>
    </message>
    <message>
        <source>{shown} of {total} records</source>
        <translation>{shown} von {total} Datensätzen</translation>
    </message>
    <message>
        <source>Records behind the row</source>
        <translation>Datensätze hinter der Zeile</translation>
    </message>
    <message>
        <source>&amp;Open record</source>
        <translation>Datensatz ö&amp;ffnen</translation>
    </message>
</context>
<context>
    <name>DuplicateReview</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Mögliche Dubletten</translation>
    </message>
    <message>
        <source>Find duplicates</source>
        <translation>Dubletten suchen</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Behalten</translation>
    </message>
    <message>
        <source>Merge in</source>
        <translation>Hineinführen</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Zusammenführen</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>Zusammenführung rückgängig</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Suche …</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%n pair(s) found</source>
        <translation>
            <numerusform>%n Paar gefunden</numerusform>
            <numerusform>%n Paare gefunden</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged. Every value was kept.</source>
        <translation>Zusammengeführt. Jeder Wert wurde behalten.</translation>
    </message>
    <message>
        <source>Merge undone.</source>
        <translation>Zusammenführung rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>EnumTitles</name>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Webinar</source>
        <translation>Webinar</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Veranstaltung</translation>
    </message>
    <message>
        <source>Paid search</source>
        <translation>Bezahlte Suche</translation>
    </message>
    <message>
        <source>Social media</source>
        <translation>Soziale Medien</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Inhalte</translation>
    </message>
    <message>
        <source>Referral</source>
        <translation>Empfehlung</translation>
    </message>
    <message>
        <source>Direct</source>
        <translation>Direkt</translation>
    </message>
    <message>
        <source>Case study</source>
        <translation>Fallstudie</translation>
    </message>
    <message>
        <source>Price sheet</source>
        <translation>Preisliste</translation>
    </message>
    <message>
        <source>Proof of value</source>
        <translation>Nutzennachweis</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Brochure</source>
        <translation>Broschüre</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Handed off</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Termin</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Aufgabe</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>Übergabe</translation>
    </message>
    <message>
        <source>Interested</source>
        <translation>Interessiert</translation>
    </message>
    <message>
        <source>Meeting booked</source>
        <translation>Termin vereinbart</translation>
    </message>
    <message>
        <source>Send information</source>
        <translation>Informationen senden</translation>
    </message>
    <message>
        <source>Asked to call back</source>
        <translation>Bittet um Rückruf</translation>
    </message>
    <message>
        <source>Left voicemail</source>
        <translation>Auf Mailbox gesprochen</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>Nicht erreicht</translation>
    </message>
    <message>
        <source>Not interested</source>
        <translation>Kein Interesse</translation>
    </message>
    <message>
        <source>Went well</source>
        <translation>Lief gut</translation>
    </message>
    <message>
        <source>Needs a follow-up</source>
        <translation>Braucht Nachfassen</translation>
    </message>
    <message>
        <source>Postponed by them</source>
        <translation>Vom Kunden verschoben</translation>
    </message>
    <message>
        <source>No show</source>
        <translation>Nicht erschienen</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Gesendet</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Preis</translation>
    </message>
    <message>
        <source>Integration</source>
        <translation>Integration</translation>
    </message>
    <message>
        <source>Timing</source>
        <translation>Zeitpunkt</translation>
    </message>
    <message>
        <source>Security</source>
        <translation>Sicherheit</translation>
    </message>
    <message>
        <source>Competitor lock-in</source>
        <translation>Bindung an Wettbewerber</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Läuft</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Geplant</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Beendet</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>Einwand</translation>
    </message>
    <message>
        <source>Competitor</source>
        <translation>Wettbewerber</translation>
    </message>
    <message>
        <source>Win story</source>
        <translation>Erfolgsgeschichte</translation>
    </message>
    <message>
        <source>Enquiry source</source>
        <translation>Anfragequelle</translation>
    </message>
    <message>
        <source>Market note</source>
        <translation>Marktnotiz</translation>
    </message>
    <message>
        <source>Competitor seen</source>
        <translation>Wettbewerber gesehen</translation>
    </message>
    <message>
        <source>Price heard</source>
        <translation>Preis gehört</translation>
    </message>
    <message>
        <source>Market news</source>
        <translation>Marktneuigkeit</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export contacts</source>
        <translation>Kontakte exportieren</translation>
    </message>
    <message>
        <source>CSV (Google Contacts columns)</source>
        <translation>CSV (Spalten von Google Kontakte)</translation>
    </message>
    <message>
        <source>vCard 4.0</source>
        <translation>vCard 4.0</translation>
    </message>
    <message>
        <source>Excel workbook (XLSX)</source>
        <translation>Excel-Arbeitsmappe (XLSX)</translation>
    </message>
    <message>
        <source>All contacts I can see</source>
        <translation>Alle Kontakte, die ich sehe</translation>
    </message>
    <message>
        <source>File to write</source>
        <translation>Zieldatei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Contacts:</source>
        <translation>Kontakte:</translation>
    </message>
    <message>
        <source>Save as:</source>
        <translation>Speichern unter:</translation>
    </message>
    <message>
        <source>Fields your role may not see are never exported.</source>
        <translation>Felder, die Ihre Rolle nicht sehen darf, werden nie exportiert.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>Export abbrechen</translation>
    </message>
    <message>
        <source>Segment: %1</source>
        <translation>Segment: %1</translation>
    </message>
    <message>
        <source>Exporting to %1…</source>
        <translation>Export nach %1…</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>Exported %1 contact(s) to %2.</source>
        <translation>%1 Kontakt(e) nach %2 exportiert.</translation>
    </message>
    <message>
        <source>Nothing was exported: %1</source>
        <translation>Nichts wurde exportiert: %1</translation>
    </message>
</context>
<context>
    <name>ExportPreview</name>
    <message>
        <source>Exported columns for this role</source>
        <translation>Exportierte Spalten für diese Rolle</translation>
    </message>
    <message>
        <source>An export (CSV, vCard, XLSX) by this role contains:</source>
        <translation>Ein Export (CSV, vCard, XLSX) durch diese Rolle enthält:</translation>
    </message>
</context>
<context>
    <name>FieldDisplay</name>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose a file</source>
        <translation>Datei auswählen</translation>
    </message>
    <message>
        <source>A CSV export (Google, Outlook, Thunderbird...) or a vCard file.</source>
        <translation type="vanished">Ein CSV-Export (Google, Outlook, Thunderbird …) oder eine vCard-Datei.</translation>
    </message>
    <message>
        <source>Contacts from a CSV export (Google, Outlook, Thunderbird...) or a vCard file; accounts or deals from a CSV file.</source>
        <translation>Kontakte aus einem CSV-Export (Google, Outlook, Thunderbird …) oder einer vCard-Datei; Firmen oder Geschäfte aus einer CSV-Datei.</translation>
    </message>
    <message>
        <source>The file holds</source>
        <translation>Die Datei enthält</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation>Geschäfte</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>Zu importierende Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen …</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation>CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="vanished">Kontakte importieren</translation>
    </message>
    <message>
        <source>Address books (*.csv *.vcf *.txt)</source>
        <translation>Adressbücher (*.csv *.vcf *.txt)</translation>
    </message>
</context>
<context>
    <name>FunnelContractPage</name>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Owning team</source>
        <translation>Zuständiges Team</translation>
    </message>
    <message>
        <source>Win probability</source>
        <translation>Abschlusswahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Proposed stages</source>
        <translation>Vorgeschlagene Phasen</translation>
    </message>
    <message>
        <source>Agree to this proposal</source>
        <translation>Diesem Vorschlag zustimmen</translation>
    </message>
    <message>
        <source>Hand-off threshold</source>
        <translation>Übergabeschwelle</translation>
    </message>
    <message>
        <source> h</source>
        <translation> Std.</translation>
    </message>
    <message>
        <source>Follow-up deadline</source>
        <translation>Nachfassfrist</translation>
    </message>
    <message>
        <source>What changed and why</source>
        <translation>Was sich geändert hat und warum</translation>
    </message>
    <message>
        <source>Propose</source>
        <translation>Vorschlagen</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Agreed on</source>
        <translation>Vereinbart am</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Schwelle</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Agreed by</source>
        <translation>Vereinbart von</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notiz</translation>
    </message>
    <message>
        <source>Agreed versions</source>
        <translation>Vereinbarte Versionen</translation>
    </message>
    <message>
        <source>Open proposal</source>
        <translation>Offener Vorschlag</translation>
    </message>
    <message>
        <source>Propose the funnel</source>
        <translation>Trichter vorschlagen</translation>
    </message>
    <message>
        <source>The stages and their teams are the live funnel (Administration).</source>
        <translation>Die Phasen und ihre Teams sind der aktuelle Trichter (Verwaltung).</translation>
    </message>
    <message>
        <source>Hand-off threshold (score)</source>
        <translation>Übergabeschwelle (Punktzahl)</translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n Stunde</numerusform>
            <numerusform>%n Stunden</numerusform>
        </translation>
    </message>
    <message>
        <source>No funnel contract agreed yet: reports use the live terms.</source>
        <translation>Noch kein Trichtervertrag vereinbart: Berichte nutzen die aktuellen Bedingungen.</translation>
    </message>
    <message>
        <source>In force: version %1, agreed on %2 by %3.</source>
        <translation>In Kraft: Version %1, vereinbart am %2 von %3.</translation>
    </message>
    <message>
        <source>The live stages or hand-off rules have changed since.</source>
        <translation>Die aktuellen Phasen oder Übergaberegeln haben sich seitdem geändert.</translation>
    </message>
    <message>
        <source>Nothing proposed.</source>
        <translation>Nichts vorgeschlagen.</translation>
    </message>
    <message>
        <source>Proposed by %1 on %2: hand off at score %3, follow up within %4 h. Waiting for the lead of: %5.</source>
        <translation>Vorgeschlagen von %1 am %2: Übergabe ab Punktzahl %3, Nachfassen innerhalb von %4 Std. Wartet auf die Leitung von: %5.</translation>
    </message>
    <message>
        <source>Proposed; sales is asked to agree.</source>
        <translation>Vorgeschlagen; der Vertrieb wird um Zustimmung gebeten.</translation>
    </message>
    <message>
        <source>Agreed: version %1 is in force.</source>
        <translation>Vereinbart: Version %1 ist in Kraft.</translation>
    </message>
    <message>
        <source>Agreed; waiting for the lead of: %1.</source>
        <translation>Zugestimmt; wartet auf die Leitung von: %1.</translation>
    </message>
</context>
<context>
    <name>FunnelEditor</name>
    <message>
        <source>Stage</source>
        <translation>Phase</translation>
    </message>
    <message>
        <source>Win probability</source>
        <translation>Gewinnwahrscheinlichkeit</translation>
    </message>
    <message>
        <source>Owning team</source>
        <translation>Verantwortliches Team</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Funnel stages</source>
        <translation>Trichterphasen</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Save stage</source>
        <translation>Phase speichern</translation>
    </message>
    <message>
        <source>Add as new stage</source>
        <translation>Als neue Phase hinzufügen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Gewonnen</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Verloren</translation>
    </message>
</context>
<context>
    <name>GroupEditor</name>
    <message>
        <source>Combine conditions</source>
        <translation>Bedingungen verknüpfen</translation>
    </message>
    <message>
        <source>Match ALL of (and)</source>
        <translation>ALLE erfüllen (und)</translation>
    </message>
    <message>
        <source>Match ANY of (or)</source>
        <translation>EINE erfüllen (oder)</translation>
    </message>
    <message>
        <source>+ Condition</source>
        <translation>+ Bedingung</translation>
    </message>
    <message>
        <source>+ Group</source>
        <translation>+ Gruppe</translation>
    </message>
    <message>
        <source>Remove group</source>
        <translation>Gruppe entfernen</translation>
    </message>
</context>
<context>
    <name>HandoffDialog</name>
    <message>
        <source>Hand a segment to sales</source>
        <translation>Ein Segment an den Vertrieb übergeben</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>To one rep</source>
        <translation>An einen Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>By the routing rules</source>
        <translation>Nach den Verteilregeln</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Hand-off result</source>
        <translation>Ergebnis der Übergabe</translation>
    </message>
    <message>
        <source>Hand off</source>
        <translation>Übergeben</translation>
    </message>
    <message>
        <source>Choose a segment first.</source>
        <translation>Wählen Sie zuerst ein Segment.</translation>
    </message>
    <message>
        <source>Handing off…</source>
        <translation>Übergabe läuft …</translation>
    </message>
    <message>
        <source>Handed off %1, skipped %2.</source>
        <translation>%1 übergeben, %2 übersprungen.</translation>
    </message>
    <message>
        <source>%1 → %2 (%3)</source>
        <translation>%1 → %2 (%3)</translation>
    </message>
    <message>
        <source>skipped %1: %2</source>
        <translation>%1 übersprungen: %2</translation>
    </message>
</context>
<context>
    <name>ImportHistoryDialog</name>
    <message>
        <source>Import history</source>
        <translation>Importverlauf</translation>
    </message>
    <message>
        <source>Past imports</source>
        <translation>Frühere Importe</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importiert</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Übersprungen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revert import…</source>
        <translation>Import rückgängig machen…</translation>
    </message>
    <message>
        <source>Rows the selected import skipped</source>
        <translation>Zeilen, die der gewählte Import übersprungen hat</translation>
    </message>
    <message>
        <source>Records kept by the revert</source>
        <translation>Beim Rückgängigmachen behaltene Datensätze</translation>
    </message>
    <message>
        <source>reverted</source>
        <translation>rückgängig gemacht</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>No file has been imported into this store yet.</source>
        <translation>In diesen Datenbestand wurde noch keine Datei importiert.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Übersprungen: %1</translation>
    </message>
    <message>
        <source>Remove the contacts, accounts and deals that the import of %1 created? Records worked on since the import (edited, or with activities, deals or leads) are kept.</source>
        <translation>Die Kontakte, Firmen und Geschäfte entfernen, die der Import von %1 angelegt hat? Datensätze, an denen seit dem Import gearbeitet wurde (bearbeitet, oder mit Aktivitäten, Geschäften oder Leads), bleiben erhalten.</translation>
    </message>
    <message>
        <source>Removed %1 contacts, %2 accounts and %4 deals; kept %3 worked on since the import.</source>
        <translation>%1 Kontakte, %2 Firmen und %4 Geschäfte entfernt; %3 seit dem Import bearbeitete behalten.</translation>
    </message>
    <message>
        <source>Remove the contacts and accounts that the import of %1 created? Records worked on since the import (edited, or with activities, deals or leads) are kept.</source>
        <translation type="vanished">Die Kontakte und Firmen entfernen, die der Import von %1 angelegt hat? Datensätze, an denen seit dem Import gearbeitet wurde (bearbeitet oder mit Aktivitäten, Geschäften oder Leads), bleiben erhalten.</translation>
    </message>
    <message>
        <source>Revert import</source>
        <translation>Import rückgängig machen</translation>
    </message>
    <message>
        <source>Removed %1 contacts and %2 accounts; kept %3 worked on since the import.</source>
        <translation type="vanished">%1 Kontakte und %2 Firmen entfernt; %3 seit dem Import bearbeitete behalten.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import contacts</source>
        <translation type="vanished">Kontakte importieren</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>Email label</source>
        <translation>E-Mail-Bezeichnung</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Phone label</source>
        <translation>Telefon-Bezeichnung</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Webadresse</translation>
    </message>
    <message>
        <source>Web address label</source>
        <translation>Webadressen-Bezeichnung</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Address label</source>
        <translation>Adress-Bezeichnung</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>Geburtstag</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>Kept in notes</source>
        <translation>In den Notizen behalten</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Read as %1. Imported %2 accounts; updated %3 existing accounts, skipped %4 that matched; %5 rows could not be imported.</source>
        <translation>Gelesen als %1. %2 Firmen importiert; %3 vorhandene Firmen aktualisiert, %4 passende übersprungen; %5 Zeilen konnten nicht importiert werden.</translation>
    </message>
    <message>
        <source>Read as %1. Imported %2 deals; %5 rows could not be imported.</source>
        <translation>Gelesen als %1. %2 Geschäfte importiert; %5 Zeilen konnten nicht importiert werden.</translation>
    </message>
    <message>
        <source>Read as %1. Imported %2 contacts and %3 companies as accounts; updated %4 existing records, left %5 unchanged, skipped %6 that matched; %7 rows could not be imported. Repeated within the file: %8. Blank rows: %9, comment rows: %10. Values kept as text: %11.</source>
        <translation>Gelesen als %1. %2 Kontakte und %3 Unternehmen als Firmen importiert; %4 vorhandene Datensätze aktualisiert, %5 unverändert gelassen, %6 passende übersprungen; %7 Zeilen konnten nicht importiert werden. In der Datei wiederholt: %8. Leere Zeilen: %9, Kommentarzeilen: %10. Als Text behaltene Werte: %11.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importieren</translation>
    </message>
    <message>
        <source>This file cannot be imported: %1</source>
        <translation>Diese Datei kann nicht importiert werden: %1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>Lese %1 …</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>Abgebrochen: Es wurde nichts importiert.</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Fertig.</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation>Es wurde nichts importiert: %1</translation>
    </message>
    <message>
        <source>The import was reverted.</source>
        <translation>Der Import wurde rückgängig gemacht.</translation>
    </message>
</context>
<context>
    <name>InlineError</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
</context>
<context>
    <name>KnownTextValue</name>
    <message>
        <source>value, value, …</source>
        <translation type="vanished">Wert, Wert, …</translation>
    </message>
    <message>
        <source>Pick</source>
        <translation>Auswählen</translation>
    </message>
    <message>
        <source>Add a value this field holds</source>
        <translation>Einen Wert hinzufügen, den dieses Feld enthält</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>value</source>
        <translation type="vanished">Wert</translation>
    </message>
</context>
<context>
    <name>LaunchBriefsPage</name>
    <message>
        <source>Launch briefs</source>
        <translation>Launch-Briefings</translation>
    </message>
    <message>
        <source>New brief</source>
        <translation>Neues Briefing</translation>
    </message>
    <message>
        <source>Who it benefits</source>
        <translation>Wem es nützt</translation>
    </message>
    <message>
        <source>What it does</source>
        <translation>Was es leistet</translation>
    </message>
    <message>
        <source>Saves time, money or pain</source>
        <translation>Spart Zeit, Geld oder Ärger</translation>
    </message>
    <message>
        <source>Proof</source>
        <translation>Nachweis</translation>
    </message>
    <message>
        <source>Differentiators</source>
        <translation>Alleinstellungsmerkmale</translation>
    </message>
    <message>
        <source>Table stakes</source>
        <translation>Mindestanforderungen</translation>
    </message>
    <message>
        <source>Save brief</source>
        <translation>Briefing speichern</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Reps</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Not ready</source>
        <translation>Nicht bereit</translation>
    </message>
    <message>
        <source>Readiness per team</source>
        <translation>Bereitschaft je Team</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Readiness per rep</source>
        <translation>Bereitschaft je Mitarbeiter</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Beginnt</translation>
    </message>
    <message>
        <source>Readiness before the start</source>
        <translation>Bereitschaft vor dem Start</translation>
    </message>
    <message>
        <source>No start date set.</source>
        <translation>Kein Startdatum festgelegt.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) before the start.</source>
        <translation>
            <numerusform>%n Tag vor dem Start.</numerusform>
            <numerusform>%n Tage vor dem Start.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Started %n day(s) ago.</source>
        <translation>
            <numerusform>Vor %n Tag gestartet.</numerusform>
            <numerusform>Vor %n Tagen gestartet.</numerusform>
        </translation>
    </message>
    <message>
        <source>not yet</source>
        <translation>noch nicht</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
</context>
<context>
    <name>LeadInboxView</name>
    <message>
        <source>Lead inbox</source>
        <translation>Lead-Eingang</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Follow up within</source>
        <translation>Nachfassen innerhalb von</translation>
    </message>
    <message>
        <source>Lead quality, 1 to 5</source>
        <translation>Lead-Qualität, 1 bis 5</translation>
    </message>
    <message>
        <source>&amp;Accept</source>
        <translation>&amp;Annehmen</translation>
    </message>
    <message>
        <source>Reason to reject</source>
        <translation>Grund der Ablehnung</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Grund wählen …</translation>
    </message>
    <message>
        <source>Why, in a few words</source>
        <translation>Warum, in wenigen Worten</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>A&amp;blehnen</translation>
    </message>
    <message>
        <source>Your verdict</source>
        <translation>Ihr Urteil</translation>
    </message>
    <message>
        <source>&amp;Quality (1–5)</source>
        <translation>&amp;Qualität (1–5)</translation>
    </message>
    <message>
        <source>First follow-up</source>
        <translation>Erstes Nachfassen</translation>
    </message>
    <message>
        <source>Or reject because</source>
        <translation>Oder ablehnen, weil</translation>
    </message>
    <message>
        <source>Missed hand-off deadlines</source>
        <translation>Verpasste Übergabefristen</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Frist</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Missed hand-off deadlines (%1)</source>
        <translation>Verpasste Übergabefristen (%1)</translation>
    </message>
    <message>
        <source>late by %1</source>
        <translation>%1 zu spät</translation>
    </message>
    <message>
        <source>acted %1 late</source>
        <translation>%1 zu spät gehandelt</translation>
    </message>
    <message>
        <source>no deadline</source>
        <translation>keine Frist</translation>
    </message>
    <message>
        <source>overdue by %1</source>
        <translation>seit %1 überfällig</translation>
    </message>
    <message>
        <source>Accepted the lead of %1; first follow-up %2.</source>
        <translation>Lead von %1 angenommen; erstes Nachfassen %2.</translation>
    </message>
    <message>
        <source>accept lead</source>
        <translation>Lead annehmen</translation>
    </message>
    <message>
        <source>choose a reason to reject the lead</source>
        <translation>wählen Sie einen Grund, um den Lead abzulehnen</translation>
    </message>
    <message>
        <source>Rejected the lead of %1 (%2).</source>
        <translation>Lead von %1 abgelehnt (%2).</translation>
    </message>
    <message>
        <source>reject lead</source>
        <translation>Lead ablehnen</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>LeadListPage</name>
    <message>
        <source>Sales rep</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Every rep</source>
        <translation>Jeder Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Any status</source>
        <translation>Jeder Status</translation>
    </message>
    <message>
        <source>Hand off a segment…</source>
        <translation>Segment übergeben …</translation>
    </message>
    <message>
        <source>Rescore open leads</source>
        <translation>Offene Leads neu bewerten</translation>
    </message>
    <message>
        <source>Act on missed deadlines…</source>
        <translation>Verpasste Fristen bearbeiten…</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Rep</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Learned weights…</source>
        <translation>Gelernte Gewichte…</translation>
    </message>
    <message>
        <source>Routing rules…</source>
        <translation>Routing-Regeln…</translation>
    </message>
    <message>
        <source>Rescoring…</source>
        <translation>Bewerte neu …</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) rescored.</source>
        <translation>
            <numerusform>%n Lead neu bewertet.</numerusform>
            <numerusform>%n Leads neu bewertet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) passed their follow-up deadline. Re-route or escalate them now, as the routing rules say?</source>
        <translation>
            <numerusform>%n Lead hat die Nachfassfrist überschritten. Jetzt nach den Routing-Regeln neu zuweisen oder eskalieren?</numerusform>
            <numerusform>%n Leads haben die Nachfassfrist überschritten. Jetzt nach den Routing-Regeln neu zuweisen oder eskalieren?</numerusform>
        </translation>
    </message>
    <message>
        <source>Missed deadlines</source>
        <translation>Verpasste Fristen</translation>
    </message>
    <message>
        <source>No lead has passed its follow-up deadline.</source>
        <translation>Kein Lead hat seine Nachfassfrist überschritten.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) past their follow-up deadline were re-routed or escalated.</source>
        <translation>
            <numerusform>%n Lead mit abgelaufener Nachfassfrist wurde umgeleitet oder eskaliert.</numerusform>
            <numerusform>%n Leads mit abgelaufener Nachfassfrist wurden umgeleitet oder eskaliert.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LeadTableModel</name>
    <message>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampagne</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passung</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Punktzahl</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sales rep</source>
        <translation>Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>Follow up by</source>
        <translation>Nachfassen bis</translation>
    </message>
</context>
<context>
    <name>LearnedWeightsDialog</name>
    <message>
        <source>Learned weights</source>
        <translation>Gelernte Gewichte</translation>
    </message>
    <message>
        <source>Source or campaign</source>
        <translation>Quelle oder Kampagne</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Angenommen</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Average rating</source>
        <translation>Durchschnittliche Bewertung</translation>
    </message>
    <message>
        <source>Points now</source>
        <translation>Punkte jetzt</translation>
    </message>
    <message>
        <source>A month ago</source>
        <translation>Vor einem Monat</translation>
    </message>
    <message>
        <source>Points a lead gets from sales&apos; verdicts on earlier leads of the same source or campaign (accepted, rejected, rated 1-5), now and 30 days ago.</source>
        <translation>Punkte, die ein Lead aus den Urteilen des Vertriebs über frühere Leads derselben Quelle oder Kampagne erhält (angenommen, abgelehnt, mit 1-5 bewertet), jetzt und vor 30 Tagen.</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>Quelle: %1</translation>
    </message>
    <message>
        <source>Campaign: %1</source>
        <translation>Kampagne: %1</translation>
    </message>
</context>
<context>
    <name>LocaleFormats</name>
    <message>
        <source>Short</source>
        <translation>Kurz</translation>
    </message>
    <message>
        <source>Long</source>
        <translation>Lang</translation>
    </message>
    <message>
        <source>ISO 8601 (2025-03-31)</source>
        <translation>ISO 8601 (2025-03-31)</translation>
    </message>
    <message>
        <source>As the language</source>
        <translation>Wie die Sprache</translation>
    </message>
    <message>
        <source>1,234.56 (United States)</source>
        <translation>1,234.56 (Vereinigte Staaten)</translation>
    </message>
    <message>
        <source>1,234.56 (United Kingdom)</source>
        <translation>1,234.56 (Vereinigtes Königreich)</translation>
    </message>
    <message>
        <source>1.234,56 (Germany)</source>
        <translation>1.234,56 (Deutschland)</translation>
    </message>
    <message>
        <source>1’234.56 (Switzerland)</source>
        <translation>1’234.56 (Schweiz)</translation>
    </message>
    <message>
        <source>1 234,56 (France)</source>
        <translation>1 234,56 (Frankreich)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>ContactDesk — %1 (%2)</source>
        <translation>ContactDesk — %1 (%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New Contact…</source>
        <translation>&amp;Neuer Kontakt …</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>S&amp;peichern</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>Fenster &amp;schließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Nicht rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Suchen …</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Einstellungen …</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>ContactDesk &amp;User Guide</source>
        <translation>ContactDesk-&amp;Benutzerhandbuch</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About ContactDesk</source>
        <translation>Ü&amp;ber ContactDesk</translation>
    </message>
    <message>
        <source>&amp;Undo %1</source>
        <translation>%1 &amp;rückgängig machen</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Signed in as</source>
        <translation>Angemeldet als</translation>
    </message>
    <message>
        <source>Store: %1</source>
        <translation>Datenbestand: %1</translation>
    </message>
    <message>
        <source>Contact count</source>
        <translation>Anzahl der Kontakte</translation>
    </message>
    <message>
        <source>About ContactDesk</source>
        <translation>Über ContactDesk</translation>
    </message>
    <message>
        <source>ContactDesk %1

Contact management for sales and marketing teams.

Store: %2
Data folder: %3</source>
        <translation>ContactDesk %1

Kontaktverwaltung für Vertriebs- und Marketingteams.

Datenbestand: %2
Datenordner: %3</translation>
    </message>
    <message numerus="yes">
        <source>%Ln contact(s)</source>
        <translation>
            <numerusform>%Ln Kontakt</numerusform>
            <numerusform>%Ln Kontakte</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Map the columns</source>
        <translation>Spalten zuordnen</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>First value</source>
        <translation>Erster Wert</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Geht an</translation>
    </message>
    <message>
        <source>A vCard file: every card is read as it is.</source>
        <translation>Eine vCard-Datei: Jede Karte wird so gelesen, wie sie ist.</translation>
    </message>
    <message>
        <source>Recognised layout: %1. Change any column below.</source>
        <translation>Erkanntes Format: %1. Sie können jede Spalte unten ändern.</translation>
    </message>
    <message>
        <source>No known layout: choose what each column holds.</source>
        <translation>Kein bekanntes Format: Wählen Sie, was jede Spalte enthält.</translation>
    </message>
    <message>
        <source>kept in notes</source>
        <translation>in Notizen aufbewahrt</translation>
    </message>
    <message>
        <source>as recognised (%1)</source>
        <translation>wie erkannt (%1)</translation>
    </message>
    <message>
        <source>accounts</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>deals</source>
        <translation>Geschäfte</translation>
    </message>
    <message>
        <source>Read as %1. Choose the field of %2 each column goes to; columns left as “not imported” are ignored.</source>
        <translation>Gelesen als %1. Wählen Sie für jede Spalte das Feld der %2; Spalten mit „nicht importiert“ werden übergangen.</translation>
    </message>
    <message>
        <source>not imported</source>
        <translation>nicht importiert</translation>
    </message>
    <message>
        <source>Your role may fill no field of %1; an administrator decides that.</source>
        <translation>Ihre Rolle darf kein Feld der %1 füllen; das legt ein Administrator fest.</translation>
    </message>
    <message>
        <source>Each field takes one column: %1 is chosen more than once.</source>
        <translation>Jedes Feld nimmt eine Spalte auf: %1 ist mehrfach gewählt.</translation>
    </message>
    <message>
        <source>Choose a field for at least one column.</source>
        <translation>Wählen Sie für mindestens eine Spalte ein Feld.</translation>
    </message>
</context>
<context>
    <name>MarketingToolsView</name>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>Campaigns</source>
        <translation>Kampagnen</translation>
    </message>
    <message>
        <source>Collateral</source>
        <translation>Vertriebsmaterial</translation>
    </message>
    <message>
        <source>Launch briefs</source>
        <translation>Launch-Briefings</translation>
    </message>
    <message>
        <source>Funnel contract</source>
        <translation>Trichtervertrag</translation>
    </message>
</context>
<context>
    <name>MarketingView</name>
    <message>
        <source>Reports</source>
        <translation>Berichte</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>Segmente</translation>
    </message>
    <message>
        <source>Field intelligence</source>
        <translation>Marktwissen aus dem Vertrieb</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>e.g. north</source>
        <translation>z. B. Nord</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Benutzername</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Vollständiger Name</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message>
        <source>Add a role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>e.g. partner</source>
        <translation>z. B. Partner</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <source>Record scope</source>
        <translation>Datensatzumfang</translation>
    </message>
    <message>
        <source>Start with the rules of</source>
        <translation>Mit den Regeln beginnen von</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Rolle hinzufügen</translation>
    </message>
    <message>
        <source>(nothing visible)</source>
        <translation>(nichts sichtbar)</translation>
    </message>
</context>
<context>
    <name>PhoneAccessDialog</name>
    <message>
        <source>Phones and Calendars</source>
        <translation>Telefone und Kalender</translation>
    </message>
    <message>
        <source>Your phone&apos;s contacts and calendar apps (iPhone, Android with DAVx5, Thunderbird) can show your ContactDesk contacts and activities. Add a CardDAV and a CalDAV account there with this address, your user name and an app password made here for that phone.</source>
        <translation>Die Kontakte- und Kalender-Apps Ihres Telefons (iPhone, Android mit DAVx5, Thunderbird) können Ihre ContactDesk-Kontakte und -Aktivitäten zeigen. Legen Sie dort ein CardDAV- und ein CalDAV-Konto mit dieser Adresse, Ihrem Benutzernamen und einem hier für dieses Telefon erstellten App-Passwort an.</translation>
    </message>
    <message>
        <source>Name of the phone or app, e.g. iPhone</source>
        <translation>Name des Telefons oder der App, z. B. iPhone</translation>
    </message>
    <message>
        <source>Make App Password</source>
        <translation>App-Passwort erstellen</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Widerrufen</translation>
    </message>
    <message>
        <source>Type this password into the phone now: it is not shown again.</source>
        <translation>Geben Sie dieses Passwort jetzt im Telefon ein: Es wird nicht noch einmal angezeigt.</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>App passwords</source>
        <translation>App-Passwörter</translation>
    </message>
    <message>
        <source>Name the phone or app the password is for.</source>
        <translation>Nennen Sie das Telefon oder die App, für die das Passwort ist.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 (made %2, last used %3)</source>
        <translation>%1 (erstellt %2, zuletzt benutzt %3)</translation>
    </message>
    <message>
        <source>Made an app password for %1.</source>
        <translation>App-Passwort für %1 erstellt.</translation>
    </message>
    <message>
        <source>Revoked: that phone or app can no longer sign in.</source>
        <translation>Widerrufen: Dieses Telefon oder diese App kann sich nicht mehr anmelden.</translation>
    </message>
</context>
<context>
    <name>PipelineBoardView</name>
    <message>
        <source>Show deals of</source>
        <translation>Geschäfte zeigen von</translation>
    </message>
    <message>
        <source>My deals</source>
        <translation>Meine Geschäfte</translation>
    </message>
    <message>
        <source>My team&apos;s deals</source>
        <translation>Geschäfte meines Teams</translation>
    </message>
    <message>
        <source>My territory&apos;s deals</source>
        <translation>Geschäfte meines Gebiets</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Drag to another stage; double-click to edit</source>
        <translation>In eine andere Phase ziehen; Doppelklick zum Bearbeiten</translation>
    </message>
    <message>
        <source>%1 open deal(s)</source>
        <translation>%1 offene(s) Geschäft(e)</translation>
    </message>
    <message>
        <source>Deals in %1</source>
        <translation>Geschäfte in %1</translation>
    </message>
    <message>
        <source>%1 · weighted %2</source>
        <translation>%1 · gewichtet %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>no amounts</source>
        <translation>keine Beträge</translation>
    </message>
    <message>
        <source>closes %1</source>
        <translation>Abschluss %1</translation>
    </message>
    <message>
        <source>Not moved: %1</source>
        <translation>Nicht verschoben: %1</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> Min.</translation>
    </message>
    <message>
        <source>https://contactdesk.example.com</source>
        <translation>https://contactdesk.example.com</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Systemsprache</translation>
    </message>
    <message>
        <source>A new language shows in full when ContactDesk starts again.</source>
        <translation>Eine neue Sprache erscheint vollständig beim nächsten Start von ContactDesk.</translation>
    </message>
    <message>
        <source>Format example</source>
        <translation>Formatbeispiel</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
    <message>
        <source>Default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>First page</source>
        <translation>Erste Seite</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synchronisierung</translation>
    </message>
    <message>
        <source>Language and formats</source>
        <translation>Sprache und Formate</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>The server address must start with https:// or http://.</source>
        <translation>Die Serveradresse muss mit https:// oder http:// beginnen.</translation>
    </message>
</context>
<context>
    <name>RecordDetailDialog</name>
    <message>
        <source>Contact: %1</source>
        <translation type="vanished">Kontakt: %1</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="vanished">Kontakt</translation>
    </message>
</context>
<context>
    <name>RecordForm</name>
    <message>
        <source>%1 *</source>
        <translation>%1 *</translation>
    </message>
    <message>
        <source>Read-only for your role</source>
        <translation>Für Ihre Rolle schreibgeschützt</translation>
    </message>
</context>
<context>
    <name>RecordFormDialog</name>
    <message>
        <source>New %1</source>
        <translation>Neu: %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Changes to this record</source>
        <translation>Änderungen an diesem Datensatz</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>RecordHistoryPanel</name>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>An</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>%1 (not yet synced)</source>
        <translation>%1 (noch nicht synchronisiert)</translation>
    </message>
    <message>
        <source>created</source>
        <translation>angelegt</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>gelöscht</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>zusammengeführt</translation>
    </message>
    <message>
        <source>merge undone</source>
        <translation>Zusammenführung rückgängig gemacht</translation>
    </message>
</context>
<context>
    <name>RecordImportDialog</name>
    <message>
        <source>Import accounts or deals</source>
        <translation type="vanished">Firmen oder Verkaufschancen importieren</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation type="vanished">Firmen</translation>
    </message>
    <message>
        <source>Deals</source>
        <translation type="vanished">Verkaufschancen</translation>
    </message>
    <message>
        <source>CSV file to import</source>
        <translation type="vanished">Zu importierende CSV-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="vanished">Durchsuchen…</translation>
    </message>
    <message>
        <source>The file holds</source>
        <translation type="vanished">Die Datei enthält</translation>
    </message>
    <message>
        <source>File</source>
        <translation type="vanished">Datei</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation type="vanished">Übersprungene Zeilen</translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="vanished">Importieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt)</source>
        <translation type="vanished">CSV-Dateien (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="vanished">Importiere…</translation>
    </message>
    <message>
        <source>Read as %1. Imported %2, updated %3 existing, skipped %4.</source>
        <translation type="vanished">Gelesen als %1. %2 importiert, %3 vorhandene aktualisiert, %4 übersprungen.</translation>
    </message>
    <message>
        <source>Column %1 names no field</source>
        <translation type="vanished">Spalte %1 benennt kein Feld</translation>
    </message>
    <message>
        <source>Nothing was imported: %1</source>
        <translation type="vanished">Nichts wurde importiert: %1</translation>
    </message>
</context>
<context>
    <name>ReferenceEditor</name>
    <message>
        <source>Type to search</source>
        <translation>Tippen zum Suchen</translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message>
        <source>Due soon</source>
        <translation>Bald fällig</translation>
    </message>
    <message>
        <source>%1 %2 — %3 %4</source>
        <translation>%1 %2 — %3 %4</translation>
    </message>
    <message>
        <source>Due in the next 15 minutes: %1</source>
        <translation>In den nächsten 15 Minuten fällig: %1</translation>
    </message>
</context>
<context>
    <name>ReportChart</name>
    <message>
        <source>%1 (no data)</source>
        <translation>%1 (keine Daten)</translation>
    </message>
</context>
<context>
    <name>ReportView</name>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Von-Datum</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Bis-Datum</translation>
    </message>
    <message>
        <source>Segment</source>
        <translation>Segment</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Alle Kontakte</translation>
    </message>
    <message>
        <source>Search stories</source>
        <translation>Geschichten durchsuchen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Ausführen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Berichtstabelle</translation>
    </message>
    <message>
        <source>Export {format}…</source>
        <translation>{format} exportieren …</translation>
    </message>
    <message>
        <source>Measured under the live funnel terms: no funnel contract agreed yet.</source>
        <translation>Gemessen mit den aktuellen Trichterregeln: noch kein Trichtervertrag vereinbart.</translation>
    </message>
    <message>
        <source> and </source>
        <translation> und </translation>
    </message>
    <message>
        <source>version %1 (agreed %2)</source>
        <translation>Version %1 (vereinbart am %2)</translation>
    </message>
    <message>
        <source>Measured under funnel contract %1.</source>
        <translation>Gemessen nach Trichtervertrag %1.</translation>
    </message>
    <message>
        <source>Choose the dates and, if you like, a segment above, then press Run to see this report. Double-click a row or a bar to see the records behind it.</source>
        <translation>Wählen Sie oben den Zeitraum und bei Bedarf ein Segment und klicken Sie dann auf Ausführen, um diesen Bericht zu sehen. Ein Doppelklick auf eine Zeile oder einen Balken zeigt die Datensätze dahinter.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>Läuft …</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Abgebrochen.</translation>
    </message>
    <message>
        <source>{rows} rows</source>
        <translation>{rows} Zeilen</translation>
    </message>
    <message>
        <source>Run a report first.</source>
        <translation>Führen Sie zuerst einen Bericht aus.</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Exported {rows} rows.</source>
        <translation>{rows} Zeilen exportiert.</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Aus Sicherung wiederherstellen</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Erstellt</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Wiederherstellen</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 KB</translation>
    </message>
    <message>
        <source>There are no snapshots of this store yet.</source>
        <translation>Von diesem Datenbestand gibt es noch keine Sicherungen.</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>Es wurde nichts wiederhergestellt.</translation>
    </message>
    <message>
        <source>Restored. The replaced store is kept at %1.</source>
        <translation>Wiederhergestellt. Der ersetzte Datenbestand liegt unter %1.</translation>
    </message>
</context>
<context>
    <name>ResultPage</name>
    <message>
        <source>Import finished</source>
        <translation>Import abgeschlossen</translation>
    </message>
    <message>
        <source>Skipped rows</source>
        <translation type="vanished">Übersprungene Zeilen</translation>
    </message>
    <message>
        <source>Revert this import</source>
        <translation>Diesen Import rückgängig machen</translation>
    </message>
    <message>
        <source>Imported %1, skipped %2, possible duplicates %3.</source>
        <translation type="vanished">%1 importiert, %2 übersprungen, %3 mögliche Dubletten.</translation>
    </message>
    <message>
        <source>Skipped rows and values kept as text</source>
        <translation>Übersprungene Zeilen und als Text behaltene Werte</translation>
    </message>
    <message>
        <source>Imported %1, skipped %2, possible duplicates %3, values kept as text %4.</source>
        <translation type="vanished">Importiert: %1, übersprungen: %2, mögliche Dubletten: %3, als Text behaltene Werte: %4.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation type="vanished">Zeile %1: %2</translation>
    </message>
    <message>
        <source>Column %1 was not imported</source>
        <translation>Spalte %1 wurde nicht importiert</translation>
    </message>
    <message>
        <source>Line %1 imported; %2</source>
        <translation>Zeile %1 importiert; %2</translation>
    </message>
    <message>
        <source>Line %1 matches %2 (%3)</source>
        <translation>Zeile %1 entspricht %2 (%3)</translation>
    </message>
    <message>
        <source>Line %1 repeats line %2 (%3)</source>
        <translation>Zeile %1 wiederholt Zeile %2 (%3)</translation>
    </message>
    <message>
        <source>Column %1 has no field: kept in %2</source>
        <translation>Spalte %1 hat kein Feld: aufbewahrt in %2</translation>
    </message>
    <message>
        <source>Line %1 looks like %2 (%3)</source>
        <translation type="vanished">Zeile %1 ähnelt %2 (%3)</translation>
    </message>
</context>
<context>
    <name>ReviewPage</name>
    <message>
        <source>Check before importing</source>
        <translation>Vor dem Import prüfen</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Datei wird gelesen…</translation>
    </message>
    <message>
        <source>Rows that cannot be imported, rows matching existing records</source>
        <translation>Zeilen, die nicht importiert werden können, und Zeilen, die zu vorhandenen Datensätzen passen</translation>
    </message>
    <message>
        <source>Update the existing records they match</source>
        <translation>Die passenden vorhandenen Datensätze aktualisieren</translation>
    </message>
    <message>
        <source>Skip those rows</source>
        <translation>Diese Zeilen überspringen</translation>
    </message>
    <message>
        <source>Add them as new records anyway</source>
        <translation>Trotzdem als neue Datensätze hinzufügen</translation>
    </message>
    <message>
        <source>Read as %1. New accounts: %2. Matching existing accounts (same name or web domain): %3. Rows that cannot be imported: %4.</source>
        <translation>Gelesen als %1. Neue Firmen: %2. Passende vorhandene Firmen (gleicher Name oder gleiche Web-Domain): %3. Zeilen, die nicht importiert werden können: %4.</translation>
    </message>
    <message>
        <source>Read as %1. New deals: %2. Rows that cannot be imported: %4.</source>
        <translation>Gelesen als %1. Neue Geschäfte: %2. Zeilen, die nicht importiert werden können: %4.</translation>
    </message>
    <message>
        <source>Update the existing records they match: %1 would change, %2 are the same</source>
        <translation>Die passenden vorhandenen Datensätze aktualisieren: %1 würden sich ändern, %2 sind gleich</translation>
    </message>
    <message>
        <source>Skip those rows: %1 left as they are</source>
        <translation>Diese Zeilen überspringen: %1 bleiben, wie sie sind</translation>
    </message>
    <message>
        <source>Add them as new records anyway: %1 more contacts</source>
        <translation>Trotzdem als neue Datensätze hinzufügen: %1 weitere Kontakte</translation>
    </message>
    <message>
        <source>Read as %1. New: %2. Matching existing records (same vCard UID, email or phone; a row with none of these, same name and company): %3. Repeated within the file: %4. Rows that cannot be imported: %5. Blank rows: %6, comment rows: %7.</source>
        <translation>Gelesen als %1. Neu: %2. Passend zu vorhandenen Datensätzen (gleiche vCard-UID, E-Mail oder Telefon; bei einer Zeile ohne diese gleicher Name und gleiche Firma): %3. In der Datei wiederholt: %4. Nicht importierbare Zeilen: %5. Leere Zeilen: %6, Kommentarzeilen: %7.</translation>
    </message>
</context>
<context>
    <name>RolePreview</name>
    <message>
        <source>Preview as role</source>
        <translation>Vorschau als Rolle</translation>
    </message>
    <message>
        <source>See the app as:</source>
        <translation>Die Anwendung sehen als:</translation>
    </message>
</context>
<context>
    <name>RoleViews</name>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Selling</source>
        <translation>Verkaufen</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Firmen</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Verwaltung</translation>
    </message>
    <message>
        <source>Marketing</source>
        <translation>Marketing</translation>
    </message>
    <message>
        <source>Campaigns &amp; leads</source>
        <translation>Kampagnen und Leads</translation>
    </message>
</context>
<context>
    <name>RoutingRulesDialog</name>
    <message>
        <source>Lead routing rules</source>
        <translation>Routing-Regeln für Leads</translation>
    </message>
    <message>
        <source>Give a lead to the rep of its territory</source>
        <translation>Lead an den Mitarbeiter seines Gebiets geben</translation>
    </message>
    <message>
        <source>Industry teams</source>
        <translation>Branchenteams</translation>
    </message>
    <message>
        <source>One per line: Industry = team</source>
        <translation>Eine pro Zeile: Branche = Team</translation>
    </message>
    <message>
        <source>no cap</source>
        <translation>keine Grenze</translation>
    </message>
    <message>
        <source>Open leads per rep at most</source>
        <translation>Höchstens offene Leads je Mitarbeiter</translation>
    </message>
    <message>
        <source>When a follow-up deadline passes</source>
        <translation>Wenn eine Nachfassfrist abläuft</translation>
    </message>
    <message>
        <source>re-route to another rep</source>
        <translation>an einen anderen Mitarbeiter weitergeben</translation>
    </message>
    <message>
        <source>escalate to the team lead</source>
        <translation>an die Teamleitung eskalieren</translation>
    </message>
    <message>
        <source>Leads are handed off from score %1 (the funnel contract).</source>
        <translation>Leads werden ab Punktzahl %1 übergeben (laut Trichtervertrag).</translation>
    </message>
</context>
<context>
    <name>RuleMatrixEditor</name>
    <message>
        <source>Show fields of</source>
        <translation>Felder anzeigen von</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Alle Datensätze</translation>
    </message>
    <message>
        <source>Field rules</source>
        <translation>Feldregeln</translation>
    </message>
    <message>
        <source>Fields of:</source>
        <translation>Felder von:</translation>
    </message>
    <message>
        <source>Record scope:</source>
        <translation>Datensatzumfang:</translation>
    </message>
    <message>
        <source>Record scope of %1</source>
        <translation>Datensatzumfang von %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>%1 (custom)</source>
        <translation>%1 (eigenes Feld)</translation>
    </message>
    <message>
        <source>%1 — retired</source>
        <translation>%1 — stillgelegt</translation>
    </message>
    <message>
        <source>%1 access to %2</source>
        <translation>%1: Zugriff auf %2</translation>
    </message>
</context>
<context>
    <name>RunPage</name>
    <message>
        <source>Importing</source>
        <translation>Importiere</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Import abbrechen</translation>
    </message>
</context>
<context>
    <name>SalesDashboardView</name>
    <message>
        <source>Shared metrics</source>
        <translation>Gemeinsame Kennzahlen</translation>
    </message>
    <message>
        <source>The numbers both teams share</source>
        <translation>Die Zahlen, die beide Teams teilen</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>Ziele</translation>
    </message>
    <message>
        <source>Forecast for your territory</source>
        <translation>Prognose für Ihr Gebiet</translation>
    </message>
    <message>
        <source>This period: %1 to %2, against the same length before</source>
        <translation>Dieser Zeitraum: %1 bis %2, verglichen mit dem gleich langen davor</translation>
    </message>
    <message>
        <source>The company&apos;s goal metric: %1</source>
        <translation>Zielkennzahl des Unternehmens: %1</translation>
    </message>
    <message>
        <source>none set</source>
        <translation>keine festgelegt</translation>
    </message>
    <message>
        <source>Forecast for your territory: %1</source>
        <translation>Prognose für Ihr Gebiet: %1</translation>
    </message>
    <message>
        <source>Forecast for the deals you see (you have no territory)</source>
        <translation>Prognose für die Deals, die Sie sehen (Sie haben kein Gebiet)</translation>
    </message>
    <message>
        <source>Open deals expected to close from %1 to %2, weighted by their stage.</source>
        <translation>Offene Deals mit erwartetem Abschluss von %1 bis %2, gewichtet nach ihrer Phase.</translation>
    </message>
    <message>
        <source>No open deals are expected to close from %1 to %2.</source>
        <translation>Von %1 bis %2 wird kein Abschluss offener Deals erwartet.</translation>
    </message>
</context>
<context>
    <name>SalesView</name>
    <message>
        <source>&amp;Week</source>
        <translation>&amp;Woche</translation>
    </message>
    <message>
        <source>&amp;Find a contact</source>
        <translation>Kontakt &amp;finden</translation>
    </message>
    <message>
        <source>&amp;Pipeline</source>
        <translation>&amp;Pipeline</translation>
    </message>
    <message>
        <source>Lead &amp;inbox</source>
        <translation>Lead-&amp;Eingang</translation>
    </message>
    <message>
        <source>Launch &amp;briefs</source>
        <translation>Launch-&amp;Briefings</translation>
    </message>
    <message>
        <source>Ca&amp;mpaign calendar</source>
        <translation>Ka&amp;mpagnenkalender</translation>
    </message>
    <message>
        <source>Funnel &amp;contract</source>
        <translation>&amp;Trichtervertrag</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
</context>
<context>
    <name>ScoreReasonsPanel</name>
    <message>
        <source>Choose a lead to see why it scored what it did.</source>
        <translation>Wählen Sie einen Lead, um zu sehen, wie seine Punktzahl zustande kam.</translation>
    </message>
    <message>
        <source>Score reasons</source>
        <translation>Gründe der Punktzahl</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Warum</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <source>Score %1 = fit %2 + engagement %3 + learned from sales %4</source>
        <translation>Punktzahl %1 = Passung %2 + Interesse %3 + vom Vertrieb gelernt %4</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Passung</translation>
    </message>
    <message>
        <source>Engagement</source>
        <translation>Interesse</translation>
    </message>
    <message>
        <source>Learned from sales</source>
        <translation>Vom Vertrieb gelernt</translation>
    </message>
</context>
<context>
    <name>SearchPreview</name>
    <message>
        <source>Search as this role, then press Enter</source>
        <translation>Als diese Rolle suchen, dann Eingabe drücken</translation>
    </message>
    <message>
        <source>Search as this role</source>
        <translation>Als diese Rolle suchen</translation>
    </message>
    <message>
        <source>Search results as this role sees them</source>
        <translation>Suchergebnisse, wie diese Rolle sie sieht</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n Ergebnis</numerusform>
            <numerusform>%n Ergebnisse</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SegmentBuilderView</name>
    <message>
        <source>Saved segments</source>
        <translation>Gespeicherte Segmente</translation>
    </message>
    <message>
        <source>Segment name</source>
        <translation>Segmentname</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Segment:</source>
        <translation>Segment:</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Zähle …</translation>
    </message>
    <message>
        <source>Matching contacts</source>
        <translation>Passende Kontakte</translation>
    </message>
    <message>
        <source>Break down by</source>
        <translation>Aufschlüsseln nach</translation>
    </message>
    <message>
        <source>Breakdown</source>
        <translation>Aufschlüsselung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Kontakte</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren …</translation>
    </message>
    <message>
        <source>Export XLSX…</source>
        <translation>XLSX exportieren …</translation>
    </message>
    <message>
        <source>Contacts in the segment</source>
        <translation>Kontakte im Segment</translation>
    </message>
    <message>
        <source>Double-click a contact to open it</source>
        <translation>Doppelklick öffnet den Kontakt</translation>
    </message>
    <message>
        <source>(unsaved segment)</source>
        <translation>(ungespeichertes Segment)</translation>
    </message>
    <message>
        <source>{count} contacts</source>
        <translation>{count} Kontakte</translation>
    </message>
    <message>
        <source>Export segment</source>
        <translation>Segment exportieren</translation>
    </message>
    <message>
        <source>Exported {rows} contacts.</source>
        <translation>{rows} Kontakte exportiert.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>SegmentMemberModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
</context>
<context>
    <name>SetTargetDialog</name>
    <message>
        <source>Set a target</source>
        <translation>Ein Ziel setzen</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Ergebnis</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Zeitraum</translation>
    </message>
    <message>
        <source>Period &amp;includes</source>
        <translation>Zeitraum &amp;enthält</translation>
    </message>
    <message>
        <source>&amp;For</source>
        <translation>&amp;Für</translation>
    </message>
    <message>
        <source>&amp;Rep</source>
        <translation>&amp;Vertriebler</translation>
    </message>
    <message>
        <source>&amp;Team</source>
        <translation>&amp;Team</translation>
    </message>
    <message>
        <source>Te&amp;rritory</source>
        <translation>&amp;Gebiet</translation>
    </message>
    <message>
        <source>&amp;Target</source>
        <translation>Z&amp;iel</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <source>User chosen last time</source>
        <translation>Zuletzt gewählter Benutzer</translation>
    </message>
    <message>
        <source>Window geometry</source>
        <translation>Fenstergeometrie</translation>
    </message>
    <message>
        <source>Sync every (minutes)</source>
        <translation>Synchronisieren alle (Minuten)</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>Serveradresse</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprache</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Datumsangaben</translation>
    </message>
    <message>
        <source>Numbers and money</source>
        <translation>Zahlen und Beträge</translation>
    </message>
    <message>
        <source>Start page</source>
        <translation>Startseite</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menü</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Tastenkürzel</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to the ContactDesk server</source>
        <translation>Beim ContactDesk-Server anmelden</translation>
    </message>
    <message>
        <source>This computer has no secure keyring: you stay signed in until you quit ContactDesk, and will be asked again next time.</source>
        <translation>Dieser Computer hat keinen sicheren Schlüsselbund: Sie bleiben angemeldet, bis Sie ContactDesk beenden, und werden beim nächsten Mal erneut gefragt.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Sign in with the account your administrator gave you. ContactDesk keeps working offline and syncs whenever the server can be reached.</source>
        <translation>Melden Sie sich mit dem Konto an, das Ihnen Ihr Administrator gegeben hat. ContactDesk arbeitet auch offline weiter und synchronisiert, sobald der Server erreichbar ist.</translation>
    </message>
    <message>
        <source>Enter the server address, your user name and password.</source>
        <translation>Geben Sie die Serveradresse, Ihren Benutzernamen und Ihr Passwort ein.</translation>
    </message>
</context>
<context>
    <name>StageDialog</name>
    <message>
        <source>Move “%1”</source>
        <translation>„%1“ verschieben</translation>
    </message>
    <message>
        <source>(unchanged)</source>
        <translation>(unverändert)</translation>
    </message>
    <message>
        <source>Inbound (customer came to us)</source>
        <translation>Inbound (Kunde kam zu uns)</translation>
    </message>
    <message>
        <source>Outbound (we went to them)</source>
        <translation>Outbound (wir gingen auf sie zu)</translation>
    </message>
    <message>
        <source>&amp;Stage</source>
        <translation>&amp;Phase</translation>
    </message>
    <message>
        <source>&amp;Origin</source>
        <translation>&amp;Herkunft</translation>
    </message>
    <message>
        <source>Won: tell marketing why</source>
        <translation>Gewonnen: Sagen Sie dem Marketing, warum</translation>
    </message>
    <message>
        <source>A short win story: why they chose us</source>
        <translation>Eine kurze Erfolgsgeschichte: warum sie uns gewählt haben</translation>
    </message>
    <message>
        <source>&amp;Win story</source>
        <translation>&amp;Erfolgsgeschichte</translation>
    </message>
    <message>
        <source>&amp;After-sale owner</source>
        <translation>&amp;Betreuung nach dem Verkauf</translation>
    </message>
    <message>
        <source>Lost: what happened</source>
        <translation>Verloren: Was ist passiert</translation>
    </message>
    <message>
        <source>Who won it, if anyone</source>
        <translation>Wer den Auftrag bekam, falls jemand</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Grund</translation>
    </message>
    <message>
        <source>&amp;Competitor</source>
        <translation>&amp;Wettbewerber</translation>
    </message>
    <message>
        <source>move %1 to %2</source>
        <translation>%1 nach %2 verschieben</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
</context>
<context>
    <name>StoreProblemDialog</name>
    <message>
        <source>The store cannot be opened</source>
        <translation>Der Datenbestand kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>%1 cannot be opened: %2.</source>
        <translation>%1 kann nicht geöffnet werden: %2.</translation>
    </message>
    <message>
        <source>Restore from backup…</source>
        <translation>Aus Sicherung wiederherstellen …</translation>
    </message>
    <message>
        <source>There is no snapshot of this store to restore.</source>
        <translation>Es gibt keine Sicherung dieses Datenbestands zum Wiederherstellen.</translation>
    </message>
    <message>
        <source>Start afresh and re-sync from the server</source>
        <translation>Neu beginnen und vom Server neu synchronisieren</translation>
    </message>
    <message>
        <source>To re-sync, start ContactDesk with a new store and sign in to your server, or run: contactdesk sync --store NEW_FILE --server URL --user NAME. Everything you synced comes back from the server.</source>
        <translation>Zum Neusynchronisieren starten Sie ContactDesk mit einem neuen Datenbestand und melden sich an Ihrem Server an, oder führen Sie aus: contactdesk sync --store NEW_FILE --server URL --user NAME. Alles, was Sie synchronisiert haben, kommt vom Server zurück.</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Schreibgeschützt öffnen</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>SwitchUserDialog</name>
    <message>
        <source>Choose the user to work as and enter their password; %1 checks it.</source>
        <translation>Wählen Sie den Benutzer, als der Sie arbeiten, und geben Sie dessen Passwort ein; %1 prüft es.</translation>
    </message>
    <message>
        <source>Choose the user to work as. This store has no server account, so no password is asked; ContactDesk shows what that user&apos;s role may see.</source>
        <translation>Wählen Sie den Benutzer, als der Sie arbeiten. Dieser Datenbestand hat kein Serverkonto, daher wird kein Passwort abgefragt; ContactDesk zeigt, was die Rolle dieses Benutzers sehen darf.</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <source>Enter the password of %1.</source>
        <translation>Geben Sie das Passwort von %1 ein.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>Sign &amp;In…</source>
        <translation>&amp;Anmelden…</translation>
    </message>
    <message>
        <source>&amp;Sync Now</source>
        <translation>Jetzt &amp;synchronisieren</translation>
    </message>
    <message>
        <source>&amp;Conflicts…</source>
        <translation>&amp;Konflikte…</translation>
    </message>
    <message>
        <source>Sign &amp;Out</source>
        <translation>A&amp;bmelden</translation>
    </message>
    <message>
        <source>&amp;Phones and Calendars…</source>
        <translation>&amp;Telefone und Kalender…</translation>
    </message>
    <message>
        <source>S&amp;ync</source>
        <translation>S&amp;ynchronisation</translation>
    </message>
    <message>
        <source>sign in again to sync</source>
        <translation>zum Synchronisieren erneut anmelden</translation>
    </message>
    <message>
        <source>Signed in as %1: reopen ContactDesk to work as %1.</source>
        <translation>Angemeldet als %1: Öffnen Sie ContactDesk erneut, um als %1 zu arbeiten.</translation>
    </message>
    <message>
        <source>Signed out here; the server was not told: %1</source>
        <translation>Hier abgemeldet; der Server wurde nicht benachrichtigt: %1</translation>
    </message>
</context>
<context>
    <name>SyncStatusWidget</name>
    <message>
        <source>Not signed in</source>
        <translation>Nicht angemeldet</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Jetzt synchronisieren</translation>
    </message>
    <message>
        <source>Sync failed: %1</source>
        <translation>Synchronisation fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Never synced</source>
        <translation>Noch nie synchronisiert</translation>
    </message>
    <message>
        <source>Synced at %1</source>
        <translation>Synchronisiert um %1</translation>
    </message>
    <message>
        <source>%1 changes to send</source>
        <translation>%1 Änderungen zu senden</translation>
    </message>
    <message>
        <source>%1 conflicts</source>
        <translation>%1 Konflikte</translation>
    </message>
    <message>
        <source>Sign in to a server first: Sync → Sign in…</source>
        <translation>Melden Sie sich zuerst an einem Server an: Synchronisieren → Anmelden …</translation>
    </message>
    <message>
        <source>Syncing… %p%</source>
        <translation>Synchronisiere… %p%</translation>
    </message>
</context>
<context>
    <name>TargetsView</name>
    <message>
        <source>Targets in force on</source>
        <translation>Geltende Ziele am</translation>
    </message>
    <message>
        <source>&amp;Set target…</source>
        <translation>Ziel &amp;setzen…</translation>
    </message>
    <message>
        <source>Targets and attainment</source>
        <translation>Ziele und Zielerreichung</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>For</source>
        <translation>Für</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>Erreicht</translation>
    </message>
    <message>
        <source>Attainment</source>
        <translation>Zielerreichung</translation>
    </message>
    <message>
        <source>Activities this month (information)</source>
        <translation>Aktivitäten in diesem Monat (zur Information)</translation>
    </message>
    <message>
        <source>%1 from %2</source>
        <translation>%1 ab %2</translation>
    </message>
    <message>
        <source>Done this month (information, never a target): %1</source>
        <translation>In diesem Monat erledigt (zur Information, nie ein Ziel): %1</translation>
    </message>
    <message>
        <source>nothing yet</source>
        <translation>noch nichts</translation>
    </message>
</context>
<context>
    <name>TextValue</name>
    <message>
        <source>value, value, …</source>
        <translation>Wert, Wert, …</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>Undone: %1</source>
        <translation>Rückgängig gemacht: %1</translation>
    </message>
    <message>
        <source>Not undone: %1</source>
        <translation>Nicht rückgängig gemacht: %1</translation>
    </message>
</context>
<context>
    <name>UserPickerDialog</name>
    <message>
        <source>Who are you?</source>
        <translation>Wer sind Sie?</translation>
    </message>
    <message>
        <source>This store is not signed in to a server. Choose the user you work as; ContactDesk shows you what that user&apos;s role may see.</source>
        <translation>Dieser Datenbestand ist an keinem Server angemeldet. Wählen Sie den Benutzer, als der Sie arbeiten; ContactDesk zeigt Ihnen, was dessen Rolle sehen darf.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>Team</translation>
    </message>
</context>
<context>
    <name>UserSwitcher</name>
    <message>
        <source>S&amp;witch User…</source>
        <translation>Benutzer &amp;wechseln…</translation>
    </message>
    <message>
        <source>Work as another user of this store without quitting</source>
        <translation>Als anderer Benutzer dieses Datenbestands arbeiten, ohne zu beenden</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>This store has no other user.</source>
        <translation>Dieser Datenbestand hat keinen anderen Benutzer.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made here have not reached the server yet. Sync first (Sync › Sync now), then switch user: the next sync would send them under the new user&apos;s name.</source>
        <translation>
            <numerusform>%n hier gemachte Änderung hat den Server noch nicht erreicht. Synchronisieren Sie zuerst (Synchronisation › Jetzt synchronisieren), dann wechseln Sie den Benutzer: Die nächste Synchronisierung würde sie unter dem Namen des neuen Benutzers senden.</numerusform>
            <numerusform>%n hier gemachte Änderungen haben den Server noch nicht erreicht. Synchronisieren Sie zuerst (Synchronisation › Jetzt synchronisieren), dann wechseln Sie den Benutzer: Die nächste Synchronisierung würde sie unter dem Namen des neuen Benutzers senden.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WeekPlanView</name>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Vorherige</translation>
    </message>
    <message>
        <source>&amp;This week</source>
        <translation>&amp;Diese Woche</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Nächste ▶</translation>
    </message>
    <message>
        <source>&amp;Log call…</source>
        <translation>Anruf &amp;erfassen …</translation>
    </message>
    <message>
        <source>&amp;Schedule…</source>
        <translation>&amp;Planen…</translation>
    </message>
    <message>
        <source>E&amp;dit…</source>
        <translation>&amp;Bearbeiten…</translation>
    </message>
    <message>
        <source>D&amp;one…</source>
        <translation>&amp;Erledigt…</translation>
    </message>
    <message>
        <source>Dele&amp;te</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Market &amp;note…</source>
        <translation>&amp;Marktnotiz…</translation>
    </message>
    <message>
        <source>Competitor seen, price heard, market news</source>
        <translation>Wettbewerber gesehen, Preis gehört, Marktneuigkeiten</translation>
    </message>
    <message>
        <source>&amp;Export .ics…</source>
        <translation>.ics &amp;exportieren …</translation>
    </message>
    <message>
        <source>Show only</source>
        <translation>Nur anzeigen</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Zeigen:</translation>
    </message>
    <message>
        <source>Unread launch briefs</source>
        <translation>Ungelesene Launch-Briefings</translation>
    </message>
    <message>
        <source>Campaigns running this week</source>
        <translation>Diese Woche laufende Kampagnen</translation>
    </message>
    <message>
        <source>Week plan</source>
        <translation>Wochenplan</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Wann</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Was</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Wer</translation>
    </message>
    <message>
        <source>Deal value</source>
        <translation>Auftragswert</translation>
    </message>
    <message>
        <source>Lead score</source>
        <translation>Lead-Punktzahl</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>Markierung</translation>
    </message>
    <message>
        <source>All work</source>
        <translation>Alle Arbeit</translation>
    </message>
    <message>
        <source>Calls</source>
        <translation>Anrufe</translation>
    </message>
    <message>
        <source>Meetings</source>
        <translation>Termine</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Aufgaben</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>Nachfassen</translation>
    </message>
    <message>
        <source>Emails</source>
        <translation>E-Mails</translation>
    </message>
    <message>
        <source>Leads</source>
        <translation>Leads</translation>
    </message>
    <message>
        <source>The week plan belongs to a user; sign in as one.</source>
        <translation>Der Wochenplan gehört zu einem Benutzer; melden Sie sich als einer an.</translation>
    </message>
    <message>
        <source>Week of %1 – %2</source>
        <translation>Woche vom %1 – %2</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Überfällig</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more overdue</source>
        <translation>
            <numerusform>… und %n weiterer überfällig</numerusform>
            <numerusform>… und %n weitere überfällig</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (today)</source>
        <translation type="vanished">%1 (heute)</translation>
    </message>
    <message>
        <source>Open leads with no next step</source>
        <translation>Offene Leads ohne nächsten Schritt</translation>
    </message>
    <message>
        <source>Lead: %1</source>
        <translation>Lead: %1</translation>
    </message>
    <message>
        <source>unknown source</source>
        <translation>unbekannte Quelle</translation>
    </message>
    <message>
        <source>no next step</source>
        <translation>kein nächster Schritt</translation>
    </message>
    <message>
        <source>Keep in touch: cadence ran out</source>
        <translation>In Kontakt bleiben: Intervall abgelaufen</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>Every %1 days; last contact %2</source>
        <translation>Alle %1 Tage; letzter Kontakt %2</translation>
    </message>
    <message>
        <source>keep in touch</source>
        <translation>in Kontakt bleiben</translation>
    </message>
    <message numerus="yes">
        <source>%n item(s) this week</source>
        <translation>
            <numerusform>%n Eintrag diese Woche</numerusform>
            <numerusform>%n Einträge diese Woche</numerusform>
        </translation>
    </message>
    <message>
        <source>Today, %1</source>
        <translation>Heute, %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation>
            <numerusform>… und %n weiterer</numerusform>
            <numerusform>… und %n weitere</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; launches %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; startet %2</translation>
    </message>
    <message>
        <source>Unread launch brief(s), read them under Launch briefs: </source>
        <translation>Ungelesene Launch-Briefings, zu lesen unter Launch-Briefings: </translation>
    </message>
    <message>
        <source>No campaigns running this week.</source>
        <translation>Diese Woche laufen keine Kampagnen.</translation>
    </message>
    <message numerus="yes">
        <source>%n lead(s) expected</source>
        <translation>
            <numerusform>%n Lead erwartet</numerusform>
            <numerusform>%n Leads erwartet</numerusform>
        </translation>
    </message>
    <message>
        <source>no lead estimate</source>
        <translation>keine Lead-Schätzung</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2, until %3): %4</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2, bis %3): %4</translation>
    </message>
    <message>
        <source>Campaigns this week: </source>
        <translation>Kampagnen diese Woche: </translation>
    </message>
    <message>
        <source>overdue</source>
        <translation>überfällig</translation>
    </message>
    <message>
        <source>done</source>
        <translation>erledigt</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Aktivität löschen</translation>
    </message>
    <message>
        <source>Delete “%1”?</source>
        <translation>„%1“ löschen?</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Export the week</source>
        <translation>Die Woche exportieren</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Kalenderdateien (*.ics)</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1</source>
        <translation>
            <numerusform>%n Termin nach %1 exportiert</numerusform>
            <numerusform>%n Termine nach %1 exportiert</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Welcome to ContactDesk</source>
        <translation>Willkommen bei ContactDesk</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome to ContactDesk&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Willkommen bei ContactDesk&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>There is no ContactDesk store on this computer yet. How would you like to start?</source>
        <translation>Auf diesem Computer gibt es noch keinen ContactDesk-Datenbestand. Wie möchten Sie beginnen?</translation>
    </message>
    <message>
        <source>Open the demo</source>
        <translation>Die Demo öffnen</translation>
    </message>
    <message>
        <source>A sample company with contacts, leads and campaigns to try things out.</source>
        <translation>Eine Beispielfirma mit Kontakten, Leads und Kampagnen zum Ausprobieren.</translation>
    </message>
    <message>
        <source>Start an empty store</source>
        <translation>Mit leerem Datenbestand beginnen</translation>
    </message>
    <message>
        <source>Begin with your own contacts; you can import them later.</source>
        <translation>Mit eigenen Kontakten beginnen; Sie können sie später importieren.</translation>
    </message>
    <message>
        <source>Connect to a server…</source>
        <translation>Mit einem Server verbinden …</translation>
    </message>
    <message>
        <source>Sign in to your team&apos;s ContactDesk server and sync its contacts.</source>
        <translation>Am ContactDesk-Server Ihres Teams anmelden und seine Kontakte abgleichen.</translation>
    </message>
    <message>
        <source>Server sign-in is not available in this version of ContactDesk.</source>
        <translation>Die Server-Anmeldung ist in dieser Version von ContactDesk nicht verfügbar.</translation>
    </message>
    <message>
        <source>Your user name</source>
        <translation>Ihr Benutzername</translation>
    </message>
    <message>
        <source>for example ada</source>
        <translation>zum Beispiel ada</translation>
    </message>
    <message>
        <source>Your full name</source>
        <translation>Ihr vollständiger Name</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Firma</translation>
    </message>
    <message>
        <source>Create the store</source>
        <translation>Datenbestand anlegen</translation>
    </message>
    <message>
        <source>You will be the store&apos;s first administrator and can add your team.</source>
        <translation>Sie werden der erste Administrator des Datenbestands und können Ihr Team hinzufügen.</translation>
    </message>
    <message>
        <source>Demo creation progress</source>
        <translation>Fortschritt der Demo-Erstellung</translation>
    </message>
    <message>
        <source>Your data will be kept in %1</source>
        <translation>Ihre Daten werden gespeichert in %1</translation>
    </message>
    <message>
        <source>A user name is 1 to 80 characters with no spaces, for example ada.</source>
        <translation>Ein Benutzername hat 1 bis 80 Zeichen ohne Leerzeichen, zum Beispiel ada.</translation>
    </message>
    <message>
        <source>Creating the demo store…</source>
        <translation>Der Demo-Datenbestand wird angelegt …</translation>
    </message>
    <message>
        <source>Creating the demo store… (step %1)</source>
        <translation>Der Demo-Datenbestand wird angelegt … (Schritt %1)</translation>
    </message>
    <message>
        <source>The demo could not be created: %1</source>
        <translation>Die Demo konnte nicht angelegt werden: %1</translation>
    </message>
</context>
<context>
    <name>editor</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
</context>
<context>
    <name>page</name>
    <message>
        <source>Line %1: %2</source>
        <translation type="obsolete">Zeile %1: %2</translation>
    </message>
    <message>
        <source>Read as %1. Imported %2 contacts and %3 companies as accounts; updated %4 existing records, skipped %5 that matched; %6 rows could not be imported. Repeated within the file: %7. Blank rows: %8, comment rows: %9. Values kept as text: %10.</source>
        <translation type="vanished">Gelesen als %1. %2 Kontakte und %3 Unternehmen als Firmen importiert; %4 vorhandene Datensätze aktualisiert, %5 passende übersprungen; %6 Zeilen konnten nicht importiert werden. In der Datei wiederholt: %7. Leere Zeilen: %8, Kommentarzeilen: %9. Als Text behaltene Werte: %10.</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>%1 changes made here have not reached the server and are not in this snapshot:

%2

Restore anyway? They stay in a safety copy of the current store.</source>
        <translation>%1 hier gemachte Änderungen haben den Server nicht erreicht und sind nicht in dieser Sicherung:

%2

Trotzdem wiederherstellen? Sie bleiben in einer Sicherheitskopie des aktuellen Datenbestands erhalten.</translation>
    </message>
    <message>
        <source>Unsynced changes</source>
        <translation>Nicht synchronisierte Änderungen</translation>
    </message>
</context>
<context>
    <name>widget</name>
    <message>
        <source>is</source>
        <translation>ist</translation>
    </message>
    <message>
        <source>is not</source>
        <translation>ist nicht</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>ist kleiner als</translation>
    </message>
    <message>
        <source>is at most</source>
        <translation>ist höchstens</translation>
    </message>
    <message>
        <source>is more than</source>
        <translation>ist größer als</translation>
    </message>
    <message>
        <source>is at least</source>
        <translation>ist mindestens</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>enthält</translation>
    </message>
    <message>
        <source>starts with</source>
        <translation>beginnt mit</translation>
    </message>
    <message>
        <source>is one of</source>
        <translation>ist einer von</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>ist leer</translation>
    </message>
    <message>
        <source>is filled in</source>
        <translation>ist ausgefüllt</translation>
    </message>
    <message>
        <source>within the last</source>
        <translation>in den letzten</translation>
    </message>
    <message>
        <source>between</source>
        <translation>zwischen</translation>
    </message>
    <message>
        <source>Another program (perhaps another ContactDesk window) is writing to this store. Close it and start ContactDesk again.</source>
        <translation>Ein anderes Programm (vielleicht ein anderes ContactDesk-Fenster) schreibt in diesen Datenbestand. Schließen Sie es und starten Sie ContactDesk erneut.</translation>
    </message>
    <message>
        <source>A newer ContactDesk wrote this store. Install that version to open it; this one leaves it untouched rather than risk a downgrade.</source>
        <translation>Eine neuere ContactDesk-Version hat diesen Datenbestand geschrieben. Installieren Sie diese Version, um ihn zu öffnen; diese Version lässt ihn unberührt, statt eine Herabstufung zu riskieren.</translation>
    </message>
    <message>
        <source>ContactDesk needs to write next to the store. Copy it to a folder you can write to and open that copy.</source>
        <translation>ContactDesk muss neben den Datenbestand schreiben können. Kopieren Sie ihn in einen beschreibbaren Ordner und öffnen Sie diese Kopie.</translation>
    </message>
    <message>
        <source>No budget</source>
        <translation>Kein Budget</translation>
    </message>
    <message>
        <source>Wrong contact</source>
        <translation>Falscher Kontakt</translation>
    </message>
    <message>
        <source>Not in my territory</source>
        <translation>Nicht in meinem Gebiet</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Dublette</translation>
    </message>
    <message>
        <source>Too early</source>
        <translation>Zu früh</translation>
    </message>
    <message>
        <source>Other (say why)</source>
        <translation>Anderer Grund (bitte angeben)</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 T. %2 Std.</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 Std. %2 Min.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 Min.</translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="vanished">Anruf</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation type="vanished">Besprechung</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="vanished">Nachfassen</translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="vanished">E-Mail</translation>
    </message>
    <message>
        <source>Task</source>
        <translation type="vanished">Aufgabe</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation type="vanished">Übergabe</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Umsatz</translation>
    </message>
    <message>
        <source>Margin</source>
        <translation>Marge</translation>
    </message>
    <message>
        <source>New accounts</source>
        <translation>Neue Firmen</translation>
    </message>
    <message>
        <source>Won deals</source>
        <translation>Gewonnene Geschäfte</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Monat</translation>
    </message>
    <message>
        <source>Quarter</source>
        <translation>Quartal</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>A sales rep</source>
        <translation>Ein Vertriebsmitarbeiter</translation>
    </message>
    <message>
        <source>A team</source>
        <translation>Ein Team</translation>
    </message>
    <message>
        <source>A territory</source>
        <translation>Ein Gebiet</translation>
    </message>
    <message>
        <source>The company</source>
        <translation>Das Unternehmen</translation>
    </message>
</context>
</TS>

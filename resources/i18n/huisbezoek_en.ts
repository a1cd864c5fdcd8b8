<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="nl_NL">
<context>
    <name>Afdrukken</name>
    <message>
        <source>Pagina {n} van {totaal} is klaar.</source>
        <extracomment>Highest resolution we rasterise for a printer: sharp on paper, about 26 MB per A4 page.</extracomment>
        <translation>Page {n} of {totaal} is ready.</translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <extracomment>``choose(parent, printer, page_count, then)``: ask where to print, call ``then()`` to go on. Tests put a function here that sets up a PDF printer without showing the dialog.</extracomment>
        <translation>Print</translation>
    </message>
    <message>
        <source>De bladzijden zoals ze op papier komen. Pijltjes: verder bladeren.</source>
        <translation>The pages as they will be printed. Arrow keys: turn the pages.</translation>
    </message>
    <message>
        <source>{titel}, pagina {n} van {totaal}</source>
        <translation>{titel}, page {n} of {totaal}</translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation>&amp;Print…</translation>
    </message>
    <message>
        <source>Opslaan als &amp;PDF…</source>
        <translation>Save as &amp;PDF…</translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Let op: deze contactgegevens zijn meer dan een jaar niet nagekeken. Klopt het nog? Vraag het anders aan de coördinator.</source>
        <translation>Note: these contact details have not been checked for over a year. Are they still right? If in doubt, ask the coordinator.</translation>
    </message>
    <message>
        <source>• {folder}: {dienst} (nagekeken op {datum})</source>
        <translation>• {folder}: {dienst} (checked on {datum})</translation>
    </message>
    <message>
        <source>Afdrukken voor de bewoner</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``). Asks before a summary with the demo sociale kaart goes out for a real resident.</extracomment>
        <translation>Print for the resident</translation>
    </message>
    <message>
        <source>&amp;Samenvatting van het gesprek</source>
        <translation>&amp;Summary of the conversation</translation>
    </message>
    <message>
        <source>Samenvatting van het gesprek</source>
        <translation>Summary of the conversation</translation>
    </message>
    <message>
        <source>Een overzicht van het gesprek voor de bewoner.</source>
        <translation>An overview of the conversation for the resident.</translation>
    </message>
    <message>
        <source>Met het spinnen&amp;web</source>
        <translation>With the &amp;web chart</translation>
    </message>
    <message>
        <source>Met het spinnenweb</source>
        <translation>With the spider web chart</translation>
    </message>
    <message>
        <source>Waarschuwing over contactgegevens</source>
        <translation>Warning about contact details</translation>
    </message>
    <message>
        <source>Alles in één keer afdrukken (Ctrl+P)</source>
        <translation>Print everything at once (Ctrl+P)</translation>
    </message>
    <message>
        <source>Voorbeeld van de pagina&apos;s</source>
        <translation>Preview of the pages</translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <source>Wat geeft u mee?</source>
        <translation>What will you leave with the resident?</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>Leaflets</translation>
    </message>
    <message>
        <source>Voorbeeldadressen</source>
        <extracomment>How long the preview waits after a tick before it renders (several quick ticks, one render).</extracomment>
        <translation>Example addresses</translation>
    </message>
    <message>
        <source>Deze sociale kaart is een voorbeeld. De organisaties en telefoonnummers zijn verzonnen. Vraag uw coördinator om de echte sociale kaart.

Wilt u toch afdrukken?</source>
        <translation>This services directory is an example. The organisations and phone numbers are made up. Ask your coordinator for the real directory.

Do you want to print anyway?</translation>
    </message>
    <message>
        <source>Toch afdrukken</source>
        <translation>Print anyway</translation>
    </message>
    <message>
        <source>Niet afdrukken</source>
        <translation>Do not print</translation>
    </message>
    <message>
        <source>Is papier bij de bewoner thuis niet veilig, bijvoorbeeld bij geweld of geldmisbruik? Geef dan geen samenvatting mee.</source>
        <translation>Is paper not safe in the resident&apos;s home, for example with violence or money misuse? Then do not leave a summary.</translation>
    </message>
    <message>
        <source>Waarschuwing: papier thuis</source>
        <translation>Warning: paper at home</translation>
    </message>
    <message>
        <source>Waarschuwing: voorbeeldadressen</source>
        <translation>Warning: example addresses</translation>
    </message>
    <message>
        <source>Alleen als de bewoner dat wil.</source>
        <translation>Only if the resident wants it.</translation>
    </message>
    <message>
        <source>De zes cijfers als tekening op de samenvatting.</source>
        <translation>The six scores as a drawing on the summary.</translation>
    </message>
    <message>
        <source>Wat staat op de samenvatting?</source>
        <translation>What is on the summary?</translation>
    </message>
    <message>
        <source>Haal het vinkje weg bij wat niet op papier mag.</source>
        <translation>Untick what must not be on paper.</translation>
    </message>
    <message>
        <source>Aangevinkt zijn de folders die bij de signalen horen, en de folders die u al gaf.</source>
        <translation>Ticked are the leaflets the signals call for, and the leaflets you already gave.</translation>
    </message>
    <message>
        <source>Zo ziet het eruit</source>
        <translation>This is how it looks</translation>
    </message>
    <message>
        <source>Voorbeeld: deze sociale kaart is verzonnen. Op elke pagina staat &apos;VOORBEELD&apos;. Vraag uw coördinator om de echte sociale kaart.</source>
        <translation>Example: this services directory is made up. Every page says &apos;VOORBEELD&apos;. Ask your coordinator for the real directory.</translation>
    </message>
    <message>
        <source>Let op: bij dit gesprek kan papier thuis onveilig zijn. De samenvatting staat daarom uit. Zet hem alleen aan als de bewoner dat zelf veilig vindt.</source>
        <translation>Note: for this conversation paper at home may be unsafe. The summary is therefore off. Only turn it on if the resident feels it is safe.</translation>
    </message>
    <message>
        <source>Op de samenvatting: {deel}</source>
        <translation>On the summary: {deel}</translation>
    </message>
    <message>
        <source>Spatie: dit deel wel of niet op de samenvatting.</source>
        <translation>Space: this part on the summary or not.</translation>
    </message>
    <message>
        <source>Folder {titel}</source>
        <translation>Leaflet {titel}</translation>
    </message>
    <message>
        <source>Spatie: deze folder wel of niet afdrukken.</source>
        <translation>Space: print this leaflet or not.</translation>
    </message>
    <message>
        <source>Kies eerst wat u wilt afdrukken.</source>
        <translation>First choose what you want to print.</translation>
    </message>
    <message>
        <source>Huisbezoek: voor de bewoner</source>
        <translation>Huisbezoek: for the resident</translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation>Done: {n} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Kies een map voor de PDF-bestanden</source>
        <translation>Choose a folder for the PDF files</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>{n} bestanden opgeslagen in {map}.</source>
        <translation>{n} files saved in {map}.</translation>
    </message>
</context>
<context>
    <name>Afronden</name>
    <message>
        <source>zelf toegevoegd</source>
        <translation>added by you</translation>
    </message>
    <message>
        <source>uit de antwoorden</source>
        <translation>from the answers</translation>
    </message>
    <message>
        <source>Met naam en telefoon, zodat de coördinator kan terugbellen</source>
        <translation>With name and phone number, so the coordinator can call back</translation>
    </message>
    <message>
        <source>Doorverwijzen naar:</source>
        <translation>Refer to:</translation>
    </message>
    <message>
        <source>(nog niet afgesproken)</source>
        <translation>(not agreed yet)</translation>
    </message>
    <message>
        <source>De bewoner belt zelf</source>
        <translation>The resident calls</translation>
    </message>
    <message>
        <source>Ik bel, als vrijwilliger</source>
        <translation>I call, as the volunteer</translation>
    </message>
    <message>
        <source>De coördinator belt</source>
        <translation>The coordinator calls</translation>
    </message>
    <message>
        <source>De organisatie belt de bewoner</source>
        <translation>The organisation calls the resident</translation>
    </message>
    <message>
        <source>Uiterlijk op:</source>
        <translation>By:</translation>
    </message>
    <message>
        <source>korte notitie</source>
        <translation>short note</translation>
    </message>
    <message>
        <source>wat is afgesproken, wie doet wat</source>
        <translation>what was agreed, who does what</translation>
    </message>
    <message>
        <source>Naam en telefoon delen</source>
        <translation>Share name and phone number</translation>
    </message>
    <message>
        <source>Doorverwijzen</source>
        <translation>Refer</translation>
    </message>
    <message>
        <source>Naar welke organisatie</source>
        <translation>To which organisation</translation>
    </message>
    <message>
        <source>Wie belt</source>
        <translation>Who calls</translation>
    </message>
    <message>
        <source>Met een datum waarop uiterlijk gebeld is</source>
        <translation>With a date by which the call is made</translation>
    </message>
    <message>
        <source>Uiterlijk op welke datum</source>
        <translation>By which date</translation>
    </message>
    <message>
        <source>Hoe gaf de bewoner toestemming</source>
        <translation>How the resident gave consent</translation>
    </message>
    <message>
        <source>Wanneer gaf de bewoner toestemming</source>
        <translation>When the resident gave consent</translation>
    </message>
    <message>
        <source>Notitie bij het signaal</source>
        <translation>Note on the signal</translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation>Agreement</translation>
    </message>
    <message>
        <source>Alleen als de bewoner dat goed vindt.</source>
        <translation>Only if the resident agrees.</translation>
    </message>
    <message>
        <source>Dan kan de coördinator de bewoner terugbellen.</source>
        <translation>Then the coordinator can call the resident back.</translation>
    </message>
    <message>
        <source>Zet aan en typ naar welke organisatie.</source>
        <translation>Switch on and type which organisation.</translation>
    </message>
    <message>
        <source>De naam van de organisatie.</source>
        <translation>The name of the organisation.</translation>
    </message>
    <message>
        <source>Wie de bewoner belt.</source>
        <translation>Who calls the resident.</translation>
    </message>
    <message>
        <source>Zet aan om een datum te kiezen.</source>
        <translation>Switch on to choose a date.</translation>
    </message>
    <message>
        <source>De datum waarop uiterlijk gebeld is.</source>
        <translation>The date by which the call is made.</translation>
    </message>
    <message>
        <source>Mondeling, op papier of anders.</source>
        <translation>Spoken, on paper or otherwise.</translation>
    </message>
    <message>
        <source>Datum en tijd van de toestemming.</source>
        <translation>Date and time of the consent.</translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation>A short note, if you like.</translation>
    </message>
    <message>
        <source>Wat is afgesproken, wie doet wat.</source>
        <translation>What was agreed, who does what.</translation>
    </message>
    <message>
        <source>Signaal toevoe&amp;gen…</source>
        <translation>Add si&amp;gnal…</translation>
    </message>
    <message>
        <source>Folders en samenvatting af&amp;drukken…</source>
        <translation>Print leaflets an&amp;d summary…</translation>
    </message>
    <message>
        <source>Wie belt:</source>
        <translation>Who calls:</translation>
    </message>
    <message>
        <source>Wanneer bellen:</source>
        <translation>When to call:</translation>
    </message>
    <message>
        <source>Hoe:</source>
        <translation>How:</translation>
    </message>
    <message>
        <source>Wanneer:</source>
        <translation>When:</translation>
    </message>
    <message>
        <source>Notitie:</source>
        <translation>Note:</translation>
    </message>
    <message>
        <source>Afspraak:</source>
        <translation>Agreement:</translation>
    </message>
    <message>
        <source>Ja, delen met de coördinator</source>
        <translation>Yes, share with the coordinator</translation>
    </message>
    <message>
        <source>Nee, niet delen</source>
        <translation>No, do not share</translation>
    </message>
    <message>
        <source>Nee, niet delen met de coördinator</source>
        <translation>No, do not share with the coordinator</translation>
    </message>
    <message>
        <source>De coördinator ziet dit signaal dan niet.</source>
        <translation>The coordinator will then not see this signal.</translation>
    </message>
    <message>
        <source>Mag de coördinator dit signaal zien?</source>
        <translation>May the coordinator see this signal?</translation>
    </message>
    <message>
        <source>Signaal wegha&amp;len</source>
        <translation>Remove signa&amp;l</translation>
    </message>
    <message>
        <source>Delen, met naam en telefoon</source>
        <translation>Share, with name and phone number</translation>
    </message>
    <message>
        <source>Delen, zonder naam</source>
        <translation>Share, without name</translation>
    </message>
    <message>
        <source>Niet delen</source>
        <translation>Do not share</translation>
    </message>
    <message>
        <source>Nog geen keuze</source>
        <translation>No choice yet</translation>
    </message>
    <message>
        <source>doorverwijzen naar {naam}</source>
        <translation>refer to {naam}</translation>
    </message>
    <message>
        <source>Afgerond, alleen lezen. Toestemming: {keuze}</source>
        <translation>Finished, read only. Consent: {keuze}</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Kies: delen of niet delen.</source>
        <translation>Choose: share or do not share.</translation>
    </message>
    <message>
        <source>✓ Opgeslagen: {keuze}</source>
        <translation>✓ Saved: {keuze}</translation>
    </message>
    <message>
        <source>Schrijf op naar welke organisatie de bewoner doorverwezen wil worden. Daarna wordt de doorverwijzing opgeslagen.</source>
        <translation>Write down which organisation the resident wants to be referred to. Then the referral is saved.</translation>
    </message>
    <message>
        <source>Niet opgeslagen.</source>
        <translation>Not saved.</translation>
    </message>
    <message>
        <source>Signaal toevoegen</source>
        <translation>Add a signal</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Hoe dringend</source>
        <translation>How urgent</translation>
    </message>
    <message>
        <source>Waar gaat het om</source>
        <translation>What it is about</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Waar het signaal over gaat.</source>
        <translation>What the signal is about.</translation>
    </message>
    <message>
        <source>Hoe snel iemand iets moet doen.</source>
        <translation>How soon someone has to act.</translation>
    </message>
    <message>
        <source>Beschrijf het signaal in een paar woorden.</source>
        <translation>Describe the signal in a few words.</translation>
    </message>
    <message>
        <source>&amp;Onderwerp:</source>
        <translation>&amp;Topic:</translation>
    </message>
    <message>
        <source>&amp;Hoe dringend:</source>
        <translation>&amp;How urgent:</translation>
    </message>
    <message>
        <source>&amp;Waar gaat het om:</source>
        <translation>&amp;What it is about:</translation>
    </message>
    <message>
        <source>&amp;Notitie:</source>
        <translation>&amp;Note:</translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>Gesprek afronden</source>
        <translation>Finish the conversation</translation>
    </message>
    <message>
        <source>Na het afronden kunt u niets meer veranderen, tenzij u het gesprek opnieuw opent. Kijk nog één keer wat de bewoner over elk signaal heeft gezegd.</source>
        <translation>After finishing you cannot change anything, unless you open the conversation again. Check once more what the resident said about each signal.</translation>
    </message>
    <message>
        <source>Dit gesprek heeft geen signalen.</source>
        <translation>This conversation has no signals.</translation>
    </message>
    <message>
        <source>Ja, gesprek &amp;afronden</source>
        <translation>Yes, &amp;finish the conversation</translation>
    </message>
    <message>
        <source>&amp;Naar het signaal zonder keuze</source>
        <translation>&amp;Go to the signal without a choice</translation>
    </message>
    <message>
        <source>A&amp;nnuleren</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>Afronden kan nog niet. Bij {n} van de {totaal} signalen is nog niet gekozen of de coördinator het mag zien:
{namen}
Kies bij elk signaal: &apos;Ja, delen&apos; of &apos;Nee, niet delen&apos;.</source>
        <translation>You cannot finish yet. For {n} of the {totaal} signals it has not been chosen whether the coordinator may see them:
{namen}
Choose for each signal: &apos;Yes, share&apos; or &apos;No, do not share&apos;.</translation>
    </message>
    <message>
        <source>Signalen en toestemming</source>
        <translation>Signals and consent</translation>
    </message>
    <message>
        <source>← Terug naar de &amp;vragen</source>
        <translation>← Back to the &amp;questions</translation>
    </message>
    <message>
        <source>Open vragen</source>
        <translation>Open questions</translation>
    </message>
    <message>
        <source>Vraag bij elk signaal of de coördinator het mag zien. Wat u kiest of typt, wordt meteen opgeslagen.</source>
        <translation>Ask for each signal whether the coordinator may see it. What you choose or type is saved at once.</translation>
    </message>
    <message>
        <source>Naar de coördinator &amp;sturen…</source>
        <translation>&amp;Send to the coordinator…</translation>
    </message>
    <message>
        <source>Gesprek &amp;afronden…</source>
        <translation>Fin&amp;alise conversation…</translation>
    </message>
    <message>
        <source>Gesprek opnieuw &amp;openen</source>
        <translation>Re&amp;open the conversation</translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation>Finish</translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation>Signals</translation>
    </message>
    <message>
        <source>Voor de bewoner en de coördinator</source>
        <translation>For the resident and the coordinator</translation>
    </message>
    <message>
        <source>Open vragen, signalen en afronden.</source>
        <translation>Open questions, signals and finalising.</translation>
    </message>
    <message>
        <source>Alle vragen zijn beantwoord.</source>
        <translation>All questions have been answered.</translation>
    </message>
    <message>
        <source>Nog {n} open. Klik op een vraag om erheen te gaan.</source>
        <translation>{n} still open. Click a question to go there.</translation>
    </message>
    <message>
        <source>Dit gesprek is afgerond op {wanneer}. U kunt het alleen lezen. Iets veranderen? Open het gesprek dan opnieuw.</source>
        <translation>This conversation was finished on {wanneer}. You can only read it. Want to change something? Then open the conversation again.</translation>
    </message>
    <message>
        <source>De antwoorden geven geen signalen.</source>
        <translation>The answers raise no signals.</translation>
    </message>
</context>
<context>
    <name>Afspraak</name>
    <message>
        <source>Afspraak met {naam}</source>
        <translation>Appointment with {naam}</translation>
    </message>
    <message>
        <source>Datum en tijd</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Bij de bewoner thuis</source>
        <translation>At the resident&apos;s home</translation>
    </message>
    <message>
        <source>Waar</source>
        <translation>Where</translation>
    </message>
    <message>
        <source>Leeg laten als het bij de bewoner thuis is.</source>
        <translation>Leave empty if it is at the resident&apos;s home.</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation>A short note, if you like.</translation>
    </message>
    <message>
        <source>&amp;Datum en tijd:</source>
        <translation>&amp;Date and time:</translation>
    </message>
    <message>
        <source>&amp;Waar:</source>
        <translation>&amp;Where:</translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Deze datum is al voorbij. Kies een datum in de toekomst.</source>
        <translation>This date has already passed. Choose a date in the future.</translation>
    </message>
</context>
<context>
    <name>Algemeen</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nee</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Pijltjes: door de rijen en kolommen.</source>
        <translation>Arrow keys: move through the rows and columns.</translation>
    </message>
</context>
<context>
    <name>Bestand</name>
    <message>
        <source>Doorgaan</source>
        <translation>Continue</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Reservekopie maken…</source>
        <translation>Make a &amp;backup…</translation>
    </message>
    <message>
        <source>&amp;Sleutel van de organisatie bewaren…</source>
        <translation>&amp;Save the organisation&apos;s key…</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin wijzigen…</source>
        <translation>Change &amp;passphrase…</translation>
    </message>
    <message>
        <source>Niet bij de gedeelde database: de beheerder van de server maakt reservekopieën en beheert de wachtwoorden.</source>
        <translation>Not with the shared database: the server&apos;s administrator makes backups and manages the passwords.</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation>Did not work</translation>
    </message>
    <message>
        <source>Reservekopie opslaan</source>
        <translation>Save backup</translation>
    </message>
    <message>
        <source>De reservekopie staat in {pad}. Hij opent met de wachtwoordzin of de herstelsleutel van nu.</source>
        <translation>The backup is in {pad}. It opens with the current passphrase or recovery key.</translation>
    </message>
    <message>
        <source>Kies een wachtwoord voor het sleutelbestand (minstens 10 tekens). Bewaar het bestand en het wachtwoord apart.</source>
        <translation>Choose a password for the key file (at least 10 characters). Keep the file and the password apart.</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Nog een keer</source>
        <translation>Once more</translation>
    </message>
    <message>
        <source>De twee wachtwoorden verschillen.</source>
        <translation>The two passwords differ.</translation>
    </message>
    <message>
        <source>Sleutelbestand opslaan</source>
        <translation>Save key file</translation>
    </message>
    <message>
        <source>De sleutel staat versleuteld in {pad}.</source>
        <translation>The key is stored encrypted in {pad}.</translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin van nu en twee keer de nieuwe.</source>
        <translation>Type your current passphrase and the new one twice.</translation>
    </message>
    <message>
        <source>Wachtwoordzin van nu</source>
        <translation>Current passphrase</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Nieuwe nog een keer</source>
        <translation>New one again</translation>
    </message>
    <message>
        <source>De nieuwe wachtwoordzinnen verschillen.</source>
        <translation>The new passphrases differ.</translation>
    </message>
    <message>
        <source>Uw nieuwe wachtwoordzin is ingesteld.</source>
        <translation>Your new passphrase is set.</translation>
    </message>
</context>
<context>
    <name>Bewaren</name>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Wat weg mag</source>
        <translation>What may go</translation>
    </message>
    <message>
        <source>Bewoners die worden weggehaald</source>
        <translation>Residents who will be removed</translation>
    </message>
    <message>
        <source>Nu &amp;weghalen</source>
        <translation>Remove &amp;now</translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation>C&amp;lose</translation>
    </message>
    <message>
        <source>Uw organisatie bewaart gegevens op deze laptop {n} maanden. Bewoners die geen bezoek wilden of niet bereikt zijn, en gesprekken die de coördinator heeft ontvangen, worden daarna weggehaald. Dat gebeurt vanzelf als u de kluis opent.</source>
        <translation>Your organisation keeps data on this laptop for {n} months. After that, residents who did not want a visit or were not reached, and conversations the coordinator has received, are removed. This happens by itself when you open the vault.</translation>
    </message>
    <message>
        <source>{naam}: {reden} (laatst iets gedaan op {datum})</source>
        <translation>{naam}: {reden} (last activity on {datum})</translation>
    </message>
    <message>
        <source>Er hoeft nu niets weg.</source>
        <translation>Nothing needs to go now.</translation>
    </message>
</context>
<context>
    <name>Bewoner</name>
    <message>
        <source>Nieuwe bewoner</source>
        <translation>New resident</translation>
    </message>
    <message>
        <source>Bewoner aanpassen</source>
        <translation>Edit resident</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Voornaam en achternaam.</source>
        <translation>First name and surname.</translation>
    </message>
    <message>
        <source>Straat en huisnummer.</source>
        <translation>Street and house number.</translation>
    </message>
    <message>
        <source>Vier cijfers en twee letters, bijvoorbeeld 1234 AB.</source>
        <translation>Four digits and two letters, for example 1234 AB.</translation>
    </message>
    <message>
        <source>Alleen cijfers, spaties, + en -.</source>
        <translation>Only digits, spaces, + and -.</translation>
    </message>
    <message>
        <source>Wat u wilt onthouden. Tab gaat naar het volgende veld.</source>
        <translation>What you want to remember. Tab goes to the next field.</translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation>&amp;Postcode:</translation>
    </message>
    <message>
        <source>&amp;Wijk:</source>
        <translation>Neigh&amp;bourhood:</translation>
    </message>
    <message>
        <source>&amp;Geboortedatum:</source>
        <translation>&amp;Date of birth:</translation>
    </message>
    <message>
        <source>&amp;Telefoon:</source>
        <translation>&amp;Phone:</translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Die geboortedatum begrijp ik niet. Typ dag, maand en jaar, bijvoorbeeld 15-3-1949 of 15 maart 1949.</source>
        <translation>That date of birth is not clear. Type day, month and year, for example 15-3-1949 or 15 March 1949.</translation>
    </message>
    <message>
        <source>Kies een wijk met de pijltjes of typ de naam. Anders: een nieuwe wijk.</source>
        <translation>Choose a neighbourhood with the arrow keys or type its name. Other: a new neighbourhood.</translation>
    </message>
    <message>
        <source>Anders, namelijk…</source>
        <translation>Other, namely…</translation>
    </message>
    <message>
        <source>← &amp;Terug naar de lijst</source>
        <translation>← &amp;Back to the list</translation>
    </message>
    <message>
        <source>Gegevens aan&amp;passen…</source>
        <translation>Change &amp;particulars…</translation>
    </message>
    <message>
        <source>&amp;Contact vastleggen…</source>
        <translation>Record &amp;contact…</translation>
    </message>
    <message>
        <source>&amp;Afspraak maken…</source>
        <translation>Make an &amp;appointment…</translation>
    </message>
    <message>
        <source>&amp;Gesprek beginnen</source>
        <translation>&amp;Start the conversation</translation>
    </message>
    <message>
        <source>&amp;Inzage afdrukken…</source>
        <translation>Print &amp;access overview…</translation>
    </message>
    <message>
        <source>Alles wat deze laptop over de bewoner bewaart, in grote letters</source>
        <translation>Everything this laptop keeps about the resident, in large print</translation>
    </message>
    <message>
        <source>Bewoner wi&amp;ssen…</source>
        <translation>Era&amp;se resident…</translation>
    </message>
    <message>
        <source>Alles over deze bewoner van de laptop halen, op verzoek</source>
        <translation>Remove everything about this resident from the laptop, on request</translation>
    </message>
    <message>
        <source>Contactpogingen</source>
        <translation>Contact attempts</translation>
    </message>
    <message>
        <source>Wanneer en hoe u contact had, en wat het opleverde.</source>
        <translation>When and how you were in touch, and what came of it.</translation>
    </message>
    <message>
        <source>Afspraken</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Kies een afspraak om die af te zeggen.</source>
        <translation>Choose an appointment to cancel it.</translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation>Conversations</translation>
    </message>
    <message>
        <source>Enter: het gesprek openen.</source>
        <translation>Enter: open the conversation.</translation>
    </message>
    <message>
        <source>Afspraak af&amp;zeggen</source>
        <translation>Cancel appoint&amp;ment</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Telefoon: {nummer}</source>
        <translation>Phone: {nummer}</translation>
    </message>
    <message>
        <source>Geboren: {datum}</source>
        <translation>Born: {datum}</translation>
    </message>
    <message>
        <source>Stand: {stand}</source>
        <translation>Stage: {stand}</translation>
    </message>
    <message>
        <source>Nog geen contact.</source>
        <translation>No contact yet.</translation>
    </message>
    <message>
        <source>afgezegd</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Geen afspraken.</source>
        <translation>No appointments.</translation>
    </message>
    <message>
        <source>Nog geen gesprek.</source>
        <translation>No conversation yet.</translation>
    </message>
    <message>
        <source>&amp;Verder met het gesprek</source>
        <translation>&amp;Continue the conversation</translation>
    </message>
    <message>
        <source>{naam} is van deze laptop gewist.</source>
        <translation>{naam} has been erased from this laptop.</translation>
    </message>
</context>
<context>
    <name>Bewoners</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Adres</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Stand</source>
        <translation>Stage</translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Laatste contact</source>
        <translation>Last contact</translation>
    </message>
    <message>
        <source>Zoek op naam, adres of postcode</source>
        <translation>Search by name, address or postcode</translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation>Search</translation>
    </message>
    <message>
        <source>Typ een naam, adres of postcode. De lijst past zich meteen aan.</source>
        <translation>Type a name, address or postcode. The list follows at once.</translation>
    </message>
    <message>
        <source>Filter op stand</source>
        <translation>Filter by stage</translation>
    </message>
    <message>
        <source>Toon alleen bewoners met deze stand.</source>
        <translation>Show only residents at this stage.</translation>
    </message>
    <message>
        <source>Alle standen</source>
        <translation>All stages</translation>
    </message>
    <message>
        <source>Filter op wijk</source>
        <translation>Filter by neighbourhood</translation>
    </message>
    <message>
        <source>Toon alleen bewoners uit deze wijk.</source>
        <translation>Show only residents from this neighbourhood.</translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation>All neighbourhoods</translation>
    </message>
    <message>
        <source>Lijst van bewoners</source>
        <translation>List of residents</translation>
    </message>
    <message>
        <source>Pijltjes: een andere bewoner. Enter: openen.</source>
        <translation>Arrow keys: another resident. Enter: open.</translation>
    </message>
    <message>
        <source>&amp;Nieuwe bewoner…</source>
        <translation>&amp;New resident…</translation>
    </message>
    <message>
        <source>Adressen &amp;inlezen (CSV)…</source>
        <translation>&amp;Import addresses (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>{shown} van {total} bewoners</source>
        <extracomment>Rows measured for the column widths; beyond this the widest text is rarely new.</extracomment>
        <translation>{shown} of {total} residents</translation>
    </message>
    <message>
        <source>Adressenlijst kiezen</source>
        <translation>Choose an address list</translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv *.txt)</source>
        <translation>CSV file (*.csv *.txt)</translation>
    </message>
    <message>
        <source>Adressen inlezen</source>
        <translation>Import addresses</translation>
    </message>
    <message>
        <source>{n} bewoners ingelezen.</source>
        <translation>{n} residents imported.</translation>
    </message>
    <message>
        <source>{n} stonden er al in en zijn overgeslagen.</source>
        <translation>{n} were already there and have been skipped.</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>Brief</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Aan de deur</source>
        <translation>At the door</translation>
    </message>
    <message>
        <source>Uitnodiging gestuurd</source>
        <translation>Invitation sent</translation>
    </message>
    <message>
        <source>Wil een bezoek</source>
        <translation>Wants a visit</translation>
    </message>
    <message>
        <source>Wil geen bezoek</source>
        <translation>Does not want a visit</translation>
    </message>
    <message>
        <source>Geen gehoor</source>
        <translation>No answer</translation>
    </message>
    <message>
        <source>Later terugbellen</source>
        <translation>Call back later</translation>
    </message>
    <message>
        <source>Verhuisd</source>
        <translation>Moved</translation>
    </message>
    <message>
        <source>Overleden</source>
        <translation>Deceased</translation>
    </message>
    <message>
        <source>Geen behoefte</source>
        <translation>No need</translation>
    </message>
    <message>
        <source>Krijgt al hulp</source>
        <translation>Already gets help</translation>
    </message>
    <message>
        <source>Geen tijd</source>
        <translation>No time</translation>
    </message>
    <message>
        <source>Vertrouwt het niet</source>
        <translation>Does not trust it</translation>
    </message>
    <message>
        <source>Gezondheid</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Anders</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Contact met {naam}</source>
        <translation>Contact with {naam}</translation>
    </message>
    <message>
        <source>— kies een reden —</source>
        <translation>— choose a reason —</translation>
    </message>
    <message>
        <source>Hoe</source>
        <translation>How</translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Reden</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Telefoon, aan de deur, brief of anders.</source>
        <translation>Phone, at the door, letter or otherwise.</translation>
    </message>
    <message>
        <source>Wat het contact opleverde.</source>
        <translation>What the contact brought.</translation>
    </message>
    <message>
        <source>Waarom de bewoner geen bezoek wil.</source>
        <translation>Why the resident does not want a visit.</translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation>A short note, if you like.</translation>
    </message>
    <message>
        <source>&amp;Hoe:</source>
        <translation>&amp;How:</translation>
    </message>
    <message>
        <source>&amp;Wanneer:</source>
        <translation>&amp;When:</translation>
    </message>
    <message>
        <source>&amp;Uitkomst:</source>
        <translation>&amp;Outcome:</translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation>&amp;Reason:</translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation>N&amp;ote:</translation>
    </message>
    <message>
        <source>Kies waarom de bewoner geen bezoek wil. Weet u het niet, kies dan &apos;Anders&apos;.</source>
        <translation>Choose why the resident does not want a visit. If you do not know, choose &apos;Other&apos;.</translation>
    </message>
</context>
<context>
    <name>Coördinatie</name>
    <message>
        <source>Coördinatie op slot</source>
        <translation>Coordination locked</translation>
    </message>
    <message>
        <source>Coördinatie openen</source>
        <extracomment>The shared PostgreSQL store&apos;s address (no password), or None for the local vault. Key-derivation parameters for a new passphrase; None calibrates (tests: the floor). Idle-lock time for the window this dialog opens; None: from the settings.</extracomment>
        <translation>Open coordination</translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>De naam waaronder u werkt.</source>
        <translation>The name you work under.</translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin en druk op Enter.</source>
        <translation>Type your passphrase and press Enter.</translation>
    </message>
    <message>
        <source>Openen</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Typ uw wachtwoordzin om verder te gaan waar u was.</source>
        <translation>Coordination is locked. Type your passphrase to carry on where you were.</translation>
    </message>
    <message>
        <source>Uw naam komt bij elke wijziging in de opvolging te staan.</source>
        <translation>Your name is recorded with every change in the follow-up.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;vergeten?</source>
        <extracomment>Server mode: whether the last successful connection needed the typed password.</extracomment>
        <translation>&amp;Forgot your passphrase?</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>De sleutel die u op papier heeft.</source>
        <translation>The key you have on paper.</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation>A few words only you know, at least four.</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin nog een keer</source>
        <translation>New passphrase once more</translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation>Type the same passphrase once more.</translation>
    </message>
    <message>
        <source>Pak het vel met de herstelsleutel van de organisatie. Typ de sleutel over en kies een nieuwe wachtwoordzin.</source>
        <translation>Take the sheet with the organisation&apos;s recovery key. Type the key and choose a new passphrase.</translation>
    </message>
    <message>
        <source>&amp;Herstelsleutel</source>
        <translation>&amp;Recovery key</translation>
    </message>
    <message>
        <source>&amp;Nieuwe wachtwoordzin</source>
        <translation>&amp;New passphrase</translation>
    </message>
    <message>
        <source>Nog een &amp;keer</source>
        <translation>Once &amp;more</translation>
    </message>
    <message>
        <source>Dienst {dienst} uit pg_service.conf</source>
        <translation>Service {dienst} from pg_service.conf</translation>
    </message>
    <message>
        <source>Server {server}, database {database}, account {account}</source>
        <translation>Server {server}, database {database}, account {account}</translation>
    </message>
    <message>
        <source>uw computeraccount</source>
        <translation>your computer account</translation>
    </message>
    <message>
        <source>U werkt in de gedeelde database van de organisatie. Wat u doet, komt op naam van uw account in het logboek.</source>
        <translation>You work in the organisation&apos;s shared database. What you do is logged under your account&apos;s name.</translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Typ het wachtwoord van de database om verder te gaan waar u was.</source>
        <translation>Coordination is locked. Type the database password to continue where you were.</translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Druk op Verbinden om verder te gaan waar u was. Het wachtwoord van de database staat op deze computer (pgpass): vergrendel daarom ook de computer als u weggaat (Windows-toets + L).</source>
        <translation>Coordination is locked. Press Connect to continue where you were. The database password is stored on this computer (pgpass): so also lock the computer when you leave (Windows key + L).</translation>
    </message>
    <message>
        <source>Wachtwoord van de database</source>
        <translation>Database password</translation>
    </message>
    <message>
        <source>Het wachtwoord van uw account op de server.</source>
        <translation>The password of your account on the server.</translation>
    </message>
    <message>
        <source>Verbinden</source>
        <translation>Connect</translation>
    </message>
    <message>
        <source>Vul uw naam in.</source>
        <translation>Fill in your name.</translation>
    </message>
    <message>
        <source>De server vraagt uw wachtwoord. Typ het in en druk op Enter.</source>
        <translation>The server asks for your password. Type it and press Enter.</translation>
    </message>
    <message>
        <source>Verbinden lukte niet. Probeer het nog eens.</source>
        <translation>Connecting did not work. Please try again.</translation>
    </message>
    <message>
        <source>Hiervoor is de sleutel van de organisatie nodig. Typ de wachtwoordzin van de organisatiesleutel. Alle coördinatoren gebruiken dezelfde.</source>
        <translation>This needs the organisation&apos;s key. Type the passphrase of the organisation key. All coordinators use the same one.</translation>
    </message>
    <message>
        <source>Wachtwoordzin organisatiesleutel</source>
        <translation>Organisation key passphrase</translation>
    </message>
    <message>
        <source>Sleutel van de organisatie</source>
        <translation>Organisation key</translation>
    </message>
    <message>
        <source>Typ de wachtwoordzin en druk op Enter.</source>
        <translation>Type the passphrase and press Enter.</translation>
    </message>
    <message>
        <source>Typ de wachtwoordzin.</source>
        <translation>Type the passphrase.</translation>
    </message>
    <message>
        <source>Openen lukte niet. Probeer het nog eens.</source>
        <translation>Opening did not work. Please try again.</translation>
    </message>
    <message>
        <source>Huisbezoek — coördinatie</source>
        <translation>Huisbezoek — coordination</translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <extracomment>The coordinator vault behind the store, or None on the shared PostgreSQL store. PostgreSQL: the server asked the typed password (the lock asks it again).</extracomment>
        <translation>Parts</translation>
    </message>
    <message>
        <source>Ctrl+Tab of de pijltjestoetsen: naar een ander onderdeel.</source>
        <translation>Ctrl+Tab or the arrow keys: to another part.</translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Inlezen</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Opvolging</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Overzicht per wijk</source>
        <translation>Overview by neighbourhood</translation>
    </message>
    <message>
        <source>Rapport en bewaren</source>
        <translation>Report and retention</translation>
    </message>
    <message>
        <source>Adreslijst en pakketten</source>
        <translation>Address list and packages</translation>
    </message>
    <message>
        <source>Vrijwilligers aanmelden en hun vingerafdruk controleren.</source>
        <translation>Enrol volunteers and check their fingerprint.</translation>
    </message>
    <message>
        <source>Zendingen van vrijwilligers inlezen.</source>
        <translation>Import volunteers&apos; batches.</translation>
    </message>
    <message>
        <source>Signalen oppakken en afronden.</source>
        <translation>Take up and close signals.</translation>
    </message>
    <message>
        <source>Hoeveel bewoners per wijk bereikt en bezocht zijn.</source>
        <translation>How many residents per neighbourhood were reached and visited.</translation>
    </message>
    <message>
        <source>Rapport voor de gemeente, bewaren en wissen.</source>
        <translation>Report for the municipality, retention and erasure.</translation>
    </message>
    <message>
        <source>Adreslijsten inlezen en pakketten maken.</source>
        <translation>Import address lists and make packages.</translation>
    </message>
    <message>
        <source>Gegevens van de organisatie en bewaartermijnen.</source>
        <translation>The organisation&apos;s details and retention periods.</translation>
    </message>
    <message>
        <source>Huisbezoek — coördinatie op {server}, database {database}, account {account}</source>
        <translation>Huisbezoek — coordination on {server}, database {database}, account {account}</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation>Settings</translation>
    </message>
</context>
<context>
    <name>Datum</name>
    <message>
        <source>ma</source>
        <translation>Mon</translation>
    </message>
    <message>
        <source>di</source>
        <translation>Tue</translation>
    </message>
    <message>
        <source>wo</source>
        <translation>Wed</translation>
    </message>
    <message>
        <source>do</source>
        <translation>Thu</translation>
    </message>
    <message>
        <source>vr</source>
        <translation>Fri</translation>
    </message>
    <message>
        <source>za</source>
        <translation>Sat</translation>
    </message>
    <message>
        <source>zo</source>
        <translation>Sun</translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Pijltjes: andere dag. Page Up, Page Down: andere maand. Enter: kiezen.</source>
        <translation>Arrow keys: another day. Page Up, Page Down: another month. Enter: choose.</translation>
    </message>
    <message>
        <source>bijvoorbeeld 15-3-1949</source>
        <translation>for example 15-3-1949</translation>
    </message>
    <message>
        <source>Typ de datum als dag, maand, jaar: 15031949, 15-3-1949 of 15 maart 1949.</source>
        <translation>Type the date as day, month, year: 15031949, 15-3-1949 or 15 March 1949.</translation>
    </message>
    <message>
        <source>Kalender…</source>
        <translation>Calendar…</translation>
    </message>
    <message>
        <source>Kalender voor {veld}</source>
        <translation>Calendar for {veld}</translation>
    </message>
    <message>
        <source>{veld}: datum</source>
        <translation>{veld}: date</translation>
    </message>
    <message>
        <source>{veld}: tijd</source>
        <translation>{veld}: time</translation>
    </message>
    <message>
        <source>Typ de tijd, bijvoorbeeld 10:30.</source>
        <translation>Type the time, for example 10:30.</translation>
    </message>
    <message>
        <source>uu:mm</source>
        <translation>hh:mm</translation>
    </message>
</context>
<context>
    <name>Dialoog</name>
    <message>
        <source>Opslaan</source>
        <extracomment>Dialogs that show personal data are hidden while the vault is locked.</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Die datum of tijd begrijp ik niet. Typ bijvoorbeeld 15-3-2027 en 10:30.</source>
        <translation>That date or time is not clear. Type for example 15-3-2027 and 10:30.</translation>
    </message>
</context>
<context>
    <name>Eerste start</name>
    <message>
        <source>Bezig met de kluis maken</source>
        <translation>Making the vault</translation>
    </message>
    <message>
        <source>Vor&amp;ige</source>
        <translation>Pre&amp;vious</translation>
    </message>
    <message>
        <source>V&amp;olgende</source>
        <translation>&amp;Next</translation>
    </message>
    <message>
        <source>Ik ben &amp;vrijwilliger</source>
        <translation>I am a &amp;volunteer</translation>
    </message>
    <message>
        <source>Ik ben vrijwilliger</source>
        <translation>I am a volunteer</translation>
    </message>
    <message>
        <source>U bezoekt bewoners en houdt uw gesprekken bij. Pijltjes: andere keuze.</source>
        <translation>You visit residents and keep your conversations. Arrow keys: other choice.</translation>
    </message>
    <message>
        <source>Ik ben &amp;coördinator</source>
        <translation>I am a &amp;coordinator</translation>
    </message>
    <message>
        <source>Ik ben coördinator</source>
        <translation>I am a coordinator</translation>
    </message>
    <message>
        <source>U leest de gegevens van vrijwilligers in en volgt signalen op.</source>
        <translation>You import volunteers&apos; data and follow up signals.</translation>
    </message>
    <message>
        <source>Welkom bij Huisbezoek</source>
        <translation>Welcome to Huisbezoek</translation>
    </message>
    <message>
        <source>Wie gaat met dit programma werken op deze computer?</source>
        <translation>Who will work with this program on this computer?</translation>
    </message>
    <message>
        <source>U bezoekt ouderen thuis en legt uw gesprekken vast.</source>
        <translation>You visit older people at home and record your conversations.</translation>
    </message>
    <message>
        <source>U werkt voor de organisatie. U leest de zendingen van de vrijwilligers in en zorgt voor de opvolging.</source>
        <translation>You work for the organisation. You import the volunteers&apos; batches and take care of the follow-up.</translation>
    </message>
    <message>
        <source>Naam van de organisatie</source>
        <translation>Name of the organisation</translation>
    </message>
    <message>
        <source>Zoals vrijwilligers de organisatie kennen.</source>
        <translation>As volunteers know the organisation.</translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation>Your name</translation>
    </message>
    <message>
        <source>Uw voornaam en achternaam.</source>
        <translation>Your first name and surname.</translation>
    </message>
    <message>
        <source>Naam van de &amp;organisatie:</source>
        <translation>Name of the &amp;organisation:</translation>
    </message>
    <message>
        <source>Uw &amp;naam:</source>
        <translation>Your &amp;name:</translation>
    </message>
    <message>
        <source>Uw organisatie</source>
        <translation>Your organisation</translation>
    </message>
    <message>
        <source>We maken nu een kluis voor de organisatie, met een eigen sleutel. Daarmee lezen alleen u en uw collega&apos;s de zendingen van de vrijwilligers. Uw naam komt bij elke wijziging in de opvolging te staan.</source>
        <translation>We now make a vault for the organisation, with its own key. With it only you and your colleagues can read the volunteers&apos; batches. Your name is recorded with every change in the follow-up.</translation>
    </message>
    <message>
        <source>Nog niet opgeslagen.</source>
        <translation>Not saved yet.</translation>
    </message>
    <message>
        <source>Bestand &amp;opslaan…</source>
        <translation>&amp;Save file…</translation>
    </message>
    <message>
        <source>Het bestand voor de vrijwilligers</source>
        <translation>The file for the volunteers</translation>
    </message>
    <message>
        <source>Elke vrijwilliger leest dit bestand in. Daarmee kunnen zij zendingen naar uw organisatie sturen. Er staat niets geheims in. Sla het op, bijvoorbeeld op een USB-stick. Lees de vingerafdruk door de telefoon voor aan de vrijwilliger.</source>
        <translation>Every volunteer reads this file. With it they can send batches to your organisation. There is nothing secret in it. Save it, for example on a USB stick. Read the fingerprint to the volunteer over the phone.</translation>
    </message>
    <message>
        <source>Uw voornaam en achternaam. Die komt op de papieren voor de bewoner.</source>
        <translation>Your first name and surname. It goes on the papers for the resident.</translation>
    </message>
    <message>
        <source>Met dit programma legt u uw gesprekken met ouderen vast. Alles blijft op deze computer, in een kluis op slot. We zetten die kluis nu samen klaar. Dat duurt een paar minuten.</source>
        <translation>With this program you record your conversations with older people. Everything stays on this computer, in a locked vault. We will now set up that vault together. It takes a few minutes.</translation>
    </message>
    <message>
        <source>Uw voornaam komt op de papieren die u bij de bewoner laat.</source>
        <translation>Your first name appears on the papers you leave with the resident.</translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation>A few words only you know, at least four.</translation>
    </message>
    <message>
        <source>Wachtwoordzin nog een keer</source>
        <translation>Passphrase once more</translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation>Type the same passphrase once more.</translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;laten zien</source>
        <translation>&amp;Show passphrase</translation>
    </message>
    <message>
        <source>Laat zien wat u typt, als niemand meekijkt.</source>
        <translation>Shows what you type, when nobody is looking.</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Nog een &amp;keer:</source>
        <translation>Once &amp;more:</translation>
    </message>
    <message>
        <source>Een wachtwoordzin is een paar gewone woorden achter elkaar, bijvoorbeeld &apos;{voorbeeld}&apos;. Dat onthoudt u makkelijk en is toch sterk. Kies wel uw eigen woorden, niet dit voorbeeld. Gebruik minstens {n} tekens.</source>
        <translation>A passphrase is a few ordinary words in a row, for example &apos;{voorbeeld}&apos;. That is easy to remember and still strong. Do choose your own words, not this example. Use at least {n} characters.</translation>
    </message>
    <message>
        <source>Kies een wachtwoordzin</source>
        <translation>Choose a passphrase</translation>
    </message>
    <message>
        <source>Uw herstelsleutel</source>
        <translation>Your recovery key</translation>
    </message>
    <message>
        <source>Schrijf deze sleutel op papier en bewaar die goed.</source>
        <translation>Write this key on paper and keep it safe.</translation>
    </message>
    <message>
        <source>&amp;Afdrukken of opslaan als PDF…</source>
        <translation>&amp;Print or save as PDF…</translation>
    </message>
    <message>
        <source>Ik heb de sleutel opge&amp;schreven</source>
        <translation>I have &amp;written down the key</translation>
    </message>
    <message>
        <source>Zet dit aan als de sleutel op papier staat.</source>
        <translation>Switch this on when the key is on paper.</translation>
    </message>
    <message>
        <source>Bestand kie&amp;zen…</source>
        <translation>Choose &amp;file…</translation>
    </message>
    <message>
        <source>Vergeet u uw wachtwoordzin? Dan opent deze sleutel de kluis. U ziet hem maar één keer. Schrijf hem over of druk hem af, en bewaar het vel op een veilige plek thuis, niet bij de laptop.</source>
        <translation>Forgot your passphrase? Then this key opens the vault. You see it only once. Write it down or print it, and keep the sheet in a safe place at home, not with the laptop.</translation>
    </message>
    <message>
        <source>Laatste groep van de herstelsleutel</source>
        <translation>Last group of the recovery key</translation>
    </message>
    <message>
        <source>Typ de laatste vier tekens van de sleutel.</source>
        <translation>Type the last four characters of the key.</translation>
    </message>
    <message>
        <source>&amp;Laatste groep:</source>
        <translation>&amp;Last group:</translation>
    </message>
    <message>
        <source>Even controleren</source>
        <translation>A quick check</translation>
    </message>
    <message>
        <source>Kijk op uw papier en typ de laatste groep van vier tekens van de herstelsleutel over. Zo weten we dat u hem goed heeft.</source>
        <translation>Look at your paper and type the last group of four characters of the recovery key. That way we know you have it right.</translation>
    </message>
    <message>
        <source>Nog geen bestand gekozen.</source>
        <translation>No file chosen yet.</translation>
    </message>
    <message>
        <source>Uw organisatie (mag ook later)</source>
        <translation>Your organisation (can also be done later)</translation>
    </message>
    <message>
        <source>Heeft de coördinator u een instellingenbestand gegeven? Kies het hier. Vergelijk dan de vingerafdruk met wat de coördinator u door de telefoon voorleest. Heeft u het bestand nog niet, klik dan op Klaar.</source>
        <translation>Did the coordinator give you a settings file? Choose it here. Then compare the fingerprint with what the coordinator reads to you over the phone. If you do not have the file yet, click Done.</translation>
    </message>
    <message>
        <source>Stap {n} van {totaal}</source>
        <translation>Step {n} of {totaal}</translation>
    </message>
    <message>
        <source>&amp;Klaar</source>
        <translation>&amp;Done</translation>
    </message>
    <message>
        <source>Sla eerst het bestand voor de vrijwilligers op. Zonder dat bestand kunnen zij niets naar u sturen.</source>
        <translation>First save the file for the volunteers. Without that file they cannot send you anything.</translation>
    </message>
    <message>
        <source>Schrijf de herstelsleutel eerst op of druk hem af. Zet dan het vinkje.</source>
        <translation>First write the recovery key down or print it. Then tick the box.</translation>
    </message>
    <message>
        <source>Dat is niet de laatste groep. Kijk nog eens goed op uw papier. Ga terug als u de sleutel nog niet heeft opgeschreven.</source>
        <translation>That is not the last group. Look carefully at your paper again. Go back if you have not written the key down yet.</translation>
    </message>
    <message>
        <source>Afdrukken kan nog niet in deze versie. Schrijf hem over.</source>
        <translation>Printing is not possible in this version yet. Please write it down.</translation>
    </message>
    <message>
        <source>Herstelsleutel opslaan als PDF</source>
        <translation>Save recovery key as PDF</translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation>PDF file (*.pdf)</translation>
    </message>
    <message>
        <source>Opgeslagen. Druk het bestand af en bewaar het vel goed.</source>
        <translation>Saved. Print the file and keep the sheet safe.</translation>
    </message>
    <message>
        <source>Instellingenbestand van de organisatie kiezen</source>
        <translation>Choose the organisation&apos;s settings file</translation>
    </message>
    <message>
        <source>Organisatie: {naam}
Vingerafdruk: {vingerafdruk}
Klopt de vingerafdruk met wat de coördinator zegt?</source>
        <translation>Organisation: {naam}
Fingerprint: {vingerafdruk}
Does the fingerprint match what the coordinator says?</translation>
    </message>
    <message>
        <source>Bestand voor de vrijwilligers opslaan</source>
        <translation>Save the file for the volunteers</translation>
    </message>
    <message>
        <source>Instellingenbestand (*.json)</source>
        <translation>Settings file (*.json)</translation>
    </message>
    <message>
        <source>Opgeslagen: {bestand}
Organisatie: {naam}
Vingerafdruk: {vingerafdruk}</source>
        <translation>Saved: {bestand}
Organisation: {naam}
Fingerprint: {vingerafdruk}</translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Folders afdrukken</source>
        <translation>Print leaflets</translation>
    </message>
    <message>
        <source>Lijst van folders</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).</extracomment>
        <translation>List of leaflets</translation>
    </message>
    <message>
        <source>Pijltjes: een andere folder. Rechts ziet u hoe die eruitziet.</source>
        <translation>Arrow keys: another leaflet. On the right you see how it looks.</translation>
    </message>
    <message>
        <source>Waarschuwing over contactgegevens</source>
        <translation>Warning about contact details</translation>
    </message>
    <message>
        <source>Voorbeeld van de folder</source>
        <translation>Preview of the leaflet</translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <source>Deze folder afdrukken (Ctrl+P)</source>
        <translation>Print this leaflet (Ctrl+P)</translation>
    </message>
    <message>
        <source>Kies een folder</source>
        <translation>Choose a leaflet</translation>
    </message>
    <message>
        <source>Met de pijltjes kiest u een folder. Enter drukt hem af.</source>
        <translation>Choose a leaflet with the arrow keys. Enter prints it.</translation>
    </message>
    <message>
        <source>Zo ziet de folder eruit</source>
        <translation>This is how the leaflet looks</translation>
    </message>
    <message>
        <source>Huisbezoek: folder</source>
        <translation>Huisbezoek: leaflet</translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation>Done: {n} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Folder opslaan als PDF</source>
        <translation>Save leaflet as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Opgeslagen: {pad}</source>
        <translation>Saved: {pad}</translation>
    </message>
</context>
<context>
    <name>Fout</name>
    <message>
        <source>Er ging iets mis dat we niet verwachtten. Wat al was opgeslagen, blijft bewaard. Probeer het nog eens. Lukt het niet, bel dan de coördinator.</source>
        <translation>Something went wrong that we did not expect. What was already saved is kept. Please try again. If it still does not work, call the coordinator.</translation>
    </message>
    <message>
        <source>Dat lukte niet</source>
        <translation>That did not work</translation>
    </message>
</context>
<context>
    <name>Gesprek</name>
    <message>
        <source>Nog bezig</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation>Finished</translation>
    </message>
    <message>
        <source>← &amp;Terug</source>
        <translation>← &amp;Back</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Onderwerpen</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>&amp;Vorig onderwerp</source>
        <translation>&amp;Previous topic</translation>
    </message>
    <message>
        <source>V&amp;olgend onderwerp</source>
        <translation>&amp;Next topic</translation>
    </message>
    <message>
        <source>&amp;Afronden…</source>
        <translation>&amp;Finish…</translation>
    </message>
    <message>
        <source>Cijfers</source>
        <translation>Scores</translation>
    </message>
    <message>
        <source>De vragen van dit onderwerp.</source>
        <extracomment>Quiet time before the next hidden section page is built.</extracomment>
        <translation>The questions of this topic.</translation>
    </message>
    <message>
        <source>Pijltjestoetsen: naar een ander onderwerp. Tab: naar de vragen.</source>
        <translation>Arrow keys: to another topic. Tab: to the questions.</translation>
    </message>
    <message>
        <source>Gesprek met {naam} — {datum}</source>
        <translation>Conversation with {naam} — {datum}</translation>
    </message>
    <message>
        <source>Hier {is} nog {n} {vraag} open. Kies nog eens &apos;Volgend onderwerp&apos; om toch verder te gaan.</source>
        <translation>{n} {vraag} here {is} still open. Choose &apos;Next topic&apos; once more to go on anyway.</translation>
    </message>
    <message>
        <source>vraag</source>
        <translation>question</translation>
    </message>
    <message>
        <source>vragen</source>
        <translation>questions</translation>
    </message>
    <message>
        <source>{titel}
(na een eerdere vraag)</source>
        <translation>{titel}
(after an earlier question)</translation>
    </message>
    <message>
        <source>{titel}
(overgeslagen)</source>
        <translation>{titel}
(skipped)</translation>
    </message>
    <message>
        <source>{vink}{titel}
{klaar} van {totaal} beantwoord</source>
        <translation>{vink}{titel}
{klaar} of {totaal} answered</translation>
    </message>
    <message>
        <source>Afgerond (alleen lezen)</source>
        <translation>Finished (read only)</translation>
    </message>
    <message>
        <source>✓ Alles opgeslagen</source>
        <translation>✓ Everything saved</translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Er is vandaag al een gesprek</source>
        <translation>There is a conversation today already</translation>
    </message>
    <message>
        <source>Met deze bewoner is vandaag al een gesprek. Het is afgerond. Wilt u dat gesprek bekijken, of echt een tweede gesprek beginnen?</source>
        <translation>There is already a conversation with this resident today. It is finished. Do you want to view that conversation, or really start a second one?</translation>
    </message>
    <message>
        <source>Met deze bewoner is vandaag al een gesprek, nog niet afgerond. Gaat u met dat gesprek verder?</source>
        <translation>There is already a conversation with this resident today, not finished yet. Will you continue that conversation?</translation>
    </message>
    <message>
        <source>Dat gesprek &amp;bekijken</source>
        <translation>&amp;View that conversation</translation>
    </message>
    <message>
        <source>&amp;Verder met dat gesprek</source>
        <translation>&amp;Continue that conversation</translation>
    </message>
    <message>
        <source>&amp;Nieuw gesprek beginnen</source>
        <translation>Start a &amp;new conversation</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>Hoofdvenster</name>
    <message>
        <source>Huisbezoek</source>
        <translation>Huisbezoek</translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <source>DEMO (verzonnen bewoners)</source>
        <translation>DEMO (made-up residents)</translation>
    </message>
    <message>
        <source>Bij het openen zijn {n} bewoner(s) van de laptop gehaald: de bewaartermijn was voorbij. Zie Bewoners &gt; Bewaartermijn.</source>
        <translation>On opening, {n} resident(s) were removed from the laptop: the retention period had passed. See Residents &gt; Retention period.</translation>
    </message>
    <message>
        <source>Huisbezoek — op slot</source>
        <translation>Huisbezoek — locked</translation>
    </message>
</context>
<context>
    <name>Inlezen</name>
    <message>
        <source>Zendingen kiezen…</source>
        <translation>Choose batches…</translation>
    </message>
    <message>
        <source>&amp;Ophalen uit de uitwisselmap</source>
        <translation>&amp;Fetch from the exchange folder</translation>
    </message>
    <message>
        <source>Haal nieuwe zendingen op uit de uitwisselmap en lees ze in</source>
        <translation>Fetch new batches from the exchange folder and import them</translation>
    </message>
    <message>
        <source>Verslag van het inlezen</source>
        <translation>Import report</translation>
    </message>
    <message>
        <source>Wat er bij het inlezen gebeurde.</source>
        <translation>What happened during the import.</translation>
    </message>
    <message>
        <source>Zendingen van vrijwilligers inlezen</source>
        <translation>Import batches from volunteers</translation>
    </message>
    <message>
        <source>Sleep de zendingen (bestanden) hierheen, of kies ze. Een zending die niet klopt, wordt geweigerd; de rest wordt gewoon ingelezen.</source>
        <translation>Drag the batches (files) here, or choose them. A batch that is not right is refused; the rest is imported as usual.</translation>
    </message>
    <message>
        <source>Zendingen kiezen</source>
        <translation>Choose batches</translation>
    </message>
    <message>
        <source>Zendingen inlezen</source>
        <translation>Importing batches</translation>
    </message>
    <message>
        <source>Ophalen uit de uitwisselmap</source>
        <translation>Fetching from the exchange folder</translation>
    </message>
</context>
<context>
    <name>Instellingen</name>
    <message>
        <source>Naam van de organisatie</source>
        <translation>Name of the organisation</translation>
    </message>
    <message>
        <source>Telefoonnummer op brieven</source>
        <translation>Phone number on letters</translation>
    </message>
    <message>
        <source>Start van de ronde</source>
        <translation>Start of the round</translation>
    </message>
    <message>
        <source> jaar</source>
        <translation> years</translation>
    </message>
    <message>
        <source>Duur van de ronde</source>
        <translation>Length of the round</translation>
    </message>
    <message>
        <source>Jongste leeftijd</source>
        <translation>Youngest age</translation>
    </message>
    <message>
        <source>Oudste leeftijd</source>
        <translation>Oldest age</translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source> maanden</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Instellingen opslaan</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Leeftijd van</source>
        <translation>Age from</translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation>up to and including</translation>
    </message>
    <message>
        <source>Instellingen</source>
        <extracomment>Each language by its own name, as language choosers do (so never translated).</extracomment>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Naam en telefoon staan op verwijsbrieven en rapporten. De leeftijdsgroep geldt voor de adreslijst, het overzicht en het rapport.</source>
        <translation>Name and phone appear on referral letters and reports. The age band applies to the address list, the overview and the report.</translation>
    </message>
    <message>
        <source>Wordt bewaard als u op Opslaan drukt.</source>
        <translation>Is kept when you press Save.</translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation>Server address</translation>
    </message>
    <message>
        <source>Bijvoorbeeld postgresql://account@server:5432/database. Zonder wachtwoord.</source>
        <translation>For example postgresql://account@server:5432/database. Without a password.</translation>
    </message>
    <message>
        <source>Verbinding &amp;testen</source>
        <translation>&amp;Test connection</translation>
    </message>
    <message>
        <source>Server &amp;opslaan</source>
        <translation>&amp;Save server</translation>
    </message>
    <message>
        <source>Verbinding</source>
        <translation>Connection</translation>
    </message>
    <message>
        <source>&amp;Adres</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Werkt uw organisatie met een gedeelde database? Vul dan het adres in dat de beheerder u gaf. Zet er geen wachtwoord in: Huisbezoek vraagt het, of leest het uit ~/.pgpass. Leeg laten en opslaan: u werkt weer met het bestand op deze computer. Het geldt vanaf de volgende start.</source>
        <translation>Does your organisation use a shared database? Then fill in the address the administrator gave you. Do not put a password in it: Huisbezoek asks for it, or reads it from ~/.pgpass. Leave it empty and save: you work with the file on this computer again. This applies from the next start.</translation>
    </message>
    <message>
        <source>Vul eerst een adres in.</source>
        <translation>Fill in an address first.</translation>
    </message>
    <message>
        <source>De server is bereikbaar en vraagt een wachtwoord. Huisbezoek vraagt het als u de coördinatie opent.</source>
        <translation>The server can be reached and asks for a password. Huisbezoek asks for it when you open coordination.</translation>
    </message>
    <message>
        <source>Verbinding gelukt: organisatie {organisatie}, account {account}.</source>
        <translation>Connected: organisation {organisatie}, account {account}.</translation>
    </message>
    <message>
        <source>Verbinden lukte niet. Probeer het nog eens.</source>
        <translation>Connecting did not work. Please try again.</translation>
    </message>
    <message>
        <source>Even geduld: verbinden…</source>
        <translation>One moment: connecting…</translation>
    </message>
    <message>
        <source>Opgeslagen: geen server. Vanaf de volgende start werkt u met het bestand op deze computer.</source>
        <translation>Saved: no server. From the next start you work with the file on this computer.</translation>
    </message>
    <message>
        <source>Opgeslagen. Vanaf de volgende start werkt u op deze server.</source>
        <translation>Saved. From the next start you work on this server.</translation>
    </message>
    <message>
        <source>Opgeslagen.</source>
        <translation>Saved.</translation>
    </message>
    <message>
        <source>Tekstgrootte</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>Van 100 tot 200 procent. Pijltjes: kleiner of groter.</source>
        <translation>From 100 to 200 percent. Arrow keys: smaller or larger.</translation>
    </message>
    <message>
        <source>Hoog contrast (zwart op wit)</source>
        <translation>High contrast (black on white)</translation>
    </message>
    <message>
        <source>Hoog contrast</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>Zwart op wit met dikke randen.</source>
        <translation>Black on white with thick edges.</translation>
    </message>
    <message>
        <source> minuten</source>
        <translation> minutes</translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na</source>
        <translation>Lock automatically after</translation>
    </message>
    <message>
        <source>Minuten zonder muis of toetsenbord, daarna gaat de kluis op slot.</source>
        <translation>Minutes without mouse or keyboard, after which the vault locks.</translation>
    </message>
    <message>
        <source>Taal van het programma</source>
        <translation>Language of the program</translation>
    </message>
    <message>
        <source>Geldt na een nieuwe start van Huisbezoek.</source>
        <translation>Applies after Huisbezoek is started again.</translation>
    </message>
    <message>
        <source>Een andere taal ziet u nadat u Huisbezoek opnieuw hebt gestart. Wat u afdrukt voor de bewoner blijft Nederlands.</source>
        <translation>You will see another language after you restart Huisbezoek. What you print for the resident stays in Dutch.</translation>
    </message>
    <message>
        <source>&amp;Tekstgrootte:</source>
        <translation>&amp;Text size:</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen na:</source>
        <translation>&amp;Lock after:</translation>
    </message>
    <message>
        <source>Als u een tijd niets doet, gaat de kluis op slot. Dan vraagt het programma opnieuw om uw wachtwoordzin.</source>
        <translation>If you do nothing for a while, the vault locks. Then the program asks for your passphrase again.</translation>
    </message>
    <message>
        <source>T&amp;aal:</source>
        <translation>L&amp;anguage:</translation>
    </message>
    <message>
        <source>{pct}% van de normale grootte</source>
        <translation>{pct}% of the normal size</translation>
    </message>
</context>
<context>
    <name>Inzage</name>
    <message>
        <source>Inzage: wat de laptop over {naam} bewaart</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).</extracomment>
        <translation>Access: what the laptop keeps about {naam}</translation>
    </message>
    <message>
        <source>Dit overzicht is voor de bewoner. Het bevat alles wat deze laptop over de bewoner bewaart. Druk het af of sla het op en geef het aan de bewoner.</source>
        <translation>This overview is for the resident. It holds everything this laptop keeps about the resident. Print or save it and give it to the resident.</translation>
    </message>
    <message>
        <source>Voorbeeld van het overzicht</source>
        <translation>Preview of the overview</translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation>One moment…</translation>
    </message>
    <message>
        <source>Het overzicht afdrukken (Ctrl+P)</source>
        <translation>Print the overview (Ctrl+P)</translation>
    </message>
    <message>
        <source>Wat wij over u bewaren</source>
        <translation>What we keep about you</translation>
    </message>
    <message>
        <source>Huisbezoek: inzage</source>
        <translation>Huisbezoek: access overview</translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation>Done: {n} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation>Printing</translation>
    </message>
    <message>
        <source>Overzicht opslaan als PDF</source>
        <translation>Save overview as PDF</translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
    <message>
        <source>Opgeslagen: {pad}</source>
        <translation>Saved: {pad}</translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;Bestand</source>
        <extracomment>Below this available height (logical pixels) the status line is hidden. The size the window opens at when it fits the screen (else it opens maximised).</extracomment>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation>&amp;Lock</translation>
    </message>
    <message>
        <source>Zet de coördinatie op slot (Ctrl+L). Niemand ziet dan nog gegevens van bewoners. Met uw wachtwoordzin gaat u verder waar u was.</source>
        <translation>Lock coordination (Ctrl+L). Then nobody sees residents&apos; details any more. With your passphrase you carry on where you were.</translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>Naar de &amp;coördinator sturen…</source>
        <translation>Send to the &amp;coordinator…</translation>
    </message>
    <message>
        <source>&amp;Organisatie-instellingen inlezen…</source>
        <translation>Import &amp;organisation settings…</translation>
    </message>
    <message>
        <source>&amp;Pakket van de coördinator inlezen…</source>
        <translation>Import a &amp;package from the coordinator…</translation>
    </message>
    <message>
        <source>&amp;Nu versturen</source>
        <translation>Se&amp;nd now</translation>
    </message>
    <message>
        <source>Verbin&amp;ding met de organisatie…</source>
        <translation>Connection to the &amp;organisation…</translation>
    </message>
    <message>
        <source>Bewone&amp;rs</source>
        <translation>&amp;Residents</translation>
    </message>
    <message>
        <source>&amp;Lijst van bewoners</source>
        <translation>&amp;List of residents</translation>
    </message>
    <message>
        <source>&amp;Nieuwe bewoner…</source>
        <translation>&amp;New resident…</translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>Adressen &amp;inlezen (CSV)…</source>
        <translation>&amp;Import addresses (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Bewaartermijn: wat weg mag…</source>
        <translation>&amp;Retention period: what may go…</translation>
    </message>
    <message>
        <source>&amp;Hulp</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Over Huisbezoek</source>
        <translation>&amp;About Huisbezoek</translation>
    </message>
    <message>
        <source>Over Huisbezoek</source>
        <translation>About Huisbezoek</translation>
    </message>
    <message>
        <source>Huisbezoek {versie}
Voor vrijwilligers die ouderen thuis bezoeken. Alles blijft op deze computer, in een kluis op slot.</source>
        <translation>Huisbezoek {versie}
For volunteers who visit older people at home. Everything stays on this computer, in a locked vault.</translation>
    </message>
    <message>
        <source>&amp;Folders afdrukken…</source>
        <translation>&amp;Print leaflets…</translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation>&amp;Leaflets</translation>
    </message>
</context>
<context>
    <name>Ontgrendelen</name>
    <message>
        <source>De kluis is op slot</source>
        <translation>The vault is locked</translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin om verder te gaan. Alles wat u deed, staat nog klaar.</source>
        <translation>Type your passphrase to carry on. Everything you were doing is still there.</translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation>Passphrase</translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin en druk op Enter.</source>
        <translation>Type your passphrase and press Enter.</translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation>&amp;Open</translation>
    </message>
    <message>
        <source>Bezig met openen</source>
        <translation>Opening</translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;vergeten?</source>
        <translation>&amp;Forgot your passphrase?</translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation>&amp;Passphrase:</translation>
    </message>
    <message>
        <source>Dit is een demokluis met verzonnen bewoners. De wachtwoordzin is: {wachtwoord}</source>
        <translation>This is a demo vault with made-up residents. The passphrase is: {wachtwoord}</translation>
    </message>
    <message>
        <source>Typ eerst uw wachtwoordzin.</source>
        <translation>First type your passphrase.</translation>
    </message>
    <message>
        <source>Herstellen met uw herstelsleutel</source>
        <translation>Recover with your recovery key</translation>
    </message>
    <message>
        <source>Pak het vel met uw herstelsleutel. Typ de sleutel over en kies een nieuwe wachtwoordzin. Streepjes en spaties mogen, hoofdletters maakt niet uit.</source>
        <translation>Take the sheet with your recovery key. Type the key and choose a new passphrase. Dashes and spaces are fine, capitals do not matter.</translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation>Recovery key</translation>
    </message>
    <message>
        <source>De sleutel die u op papier heeft, met of zonder streepjes.</source>
        <translation>The key you have on paper, with or without dashes.</translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-…</source>
        <translation>XXXX-XXXX-XXXX-…</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation>New passphrase</translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation>A few words only you know, at least four.</translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin nog een keer</source>
        <translation>New passphrase once more</translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation>Type the same passphrase once more.</translation>
    </message>
    <message>
        <source>Herstellen en o&amp;penen</source>
        <translation>Recover and o&amp;pen</translation>
    </message>
    <message>
        <source>Herstel&amp;sleutel:</source>
        <translation>Recovery &amp;key:</translation>
    </message>
    <message>
        <source>Bezig met herstellen</source>
        <translation>Recovering</translation>
    </message>
    <message>
        <source>&amp;Terug</source>
        <translation>&amp;Back</translation>
    </message>
    <message>
        <source>&amp;Nieuwe wachtwoordzin:</source>
        <translation>&amp;New passphrase:</translation>
    </message>
    <message>
        <source>Nog een &amp;keer:</source>
        <translation>Once &amp;more:</translation>
    </message>
</context>
<context>
    <name>Opvolging</name>
    <message>
        <source>Zoeken op naam, postcode of nummer</source>
        <translation>Search by name, postcode or number</translation>
    </message>
    <message>
        <source>Zoek op naam, postcode of nummer</source>
        <translation>Search by name, postcode or number</translation>
    </message>
    <message>
        <source>Alle</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Alle onderwerpen</source>
        <translation>All topics</translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation>Urgency</translation>
    </message>
    <message>
        <source>Elke urgentie</source>
        <translation>Any urgency</translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation>All neighbourhoods</translation>
    </message>
    <message>
        <source>Vrijwilliger</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Alle vrijwilligers</source>
        <translation>All volunteers</translation>
    </message>
    <message>
        <source>Alle open signalen</source>
        <translation>All open signals</translation>
    </message>
    <message>
        <source>Termijn verlopen</source>
        <translation>Past due</translation>
    </message>
    <message>
        <source>Termijn deze week</source>
        <translation>Due this week</translation>
    </message>
    <message>
        <source>Zonder termijn</source>
        <translation>No due date</translation>
    </message>
    <message>
        <source>Volgorde</source>
        <translation>Order</translation>
    </message>
    <message>
        <source>Meest dringend eerst</source>
        <translation>Most urgent first</translation>
    </message>
    <message>
        <source>Oudste eerst</source>
        <translation>Oldest first</translation>
    </message>
    <message>
        <source>Nieuwste eerst</source>
        <translation>Newest first</translation>
    </message>
    <message>
        <source>Op termijn</source>
        <translation>By due date</translation>
    </message>
    <message>
        <source>Op wijk</source>
        <translation>By neighbourhood</translation>
    </message>
    <message>
        <source>◀ Vorige</source>
        <translation>◀ Previous</translation>
    </message>
    <message>
        <source>Vorige bladzijde</source>
        <translation>Previous page</translation>
    </message>
    <message>
        <source>Volgende ▶</source>
        <translation>Next ▶</translation>
    </message>
    <message>
        <source>Volgende bladzijde</source>
        <translation>Next page</translation>
    </message>
    <message>
        <source>Geen signalen gevonden.</source>
        <translation>No signals found.</translation>
    </message>
    <message>
        <source>Signalen {van} tot en met {tot} van {totaal}</source>
        <translation>Signals {van} to {tot} of {totaal}</translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation>Resident</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Opgepakt door</source>
        <translation>Taken up by</translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Signalen om op te volgen</source>
        <translation>Signals to follow up</translation>
    </message>
    <message>
        <source>Ook afgeronde signalen tonen</source>
        <translation>Also show finished signals</translation>
    </message>
    <message>
        <source>{bewoner}. {onderwerp}, {urgentie}.</source>
        <translation>{bewoner}. {onderwerp}, {urgentie}.</translation>
    </message>
    <message>
        <source>De bewoner heeft de toestemming ingetrokken na de verwijzing. Laat u de dienst weten dat die vervalt?</source>
        <translation>The resident withdrew consent after the referral. Will you tell the service that it lapses?</translation>
    </message>
    <message>
        <source>Adres: {adres}</source>
        <translation>Address: {adres}</translation>
    </message>
    <message>
        <source>Telefoon: {telefoon}</source>
        <translation>Phone: {telefoon}</translation>
    </message>
    <message>
        <source>Wijk: {wijk}. Vrijwilliger: {vrijwilliger}.</source>
        <translation>Neighbourhood: {wijk}. Volunteer: {vrijwilliger}.</translation>
    </message>
    <message>
        <source>Toestemming voor verwijzing naar: {dienst}</source>
        <translation>Consent to refer to: {dienst}</translation>
    </message>
    <message>
        <source>Afgesproken: {afspraak}</source>
        <translation>Agreed: {afspraak}</translation>
    </message>
    <message>
        <source>Pijltjes: een ander signaal. Rechts past u het aan.</source>
        <translation>Arrow keys: another signal. Change it on the right.</translation>
    </message>
    <message>
        <source>Pijltjes: een andere keuze. De lijst past zich meteen aan.</source>
        <translation>Arrow keys: another choice. The list follows at once.</translation>
    </message>
    <message>
        <source>Ook signalen die klaar zijn in de lijst.</source>
        <translation>Also signals that are done, in the list.</translation>
    </message>
    <message>
        <source>Hoe ver de opvolging is.</source>
        <translation>How far the follow-up is.</translation>
    </message>
    <message>
        <source>Dienst</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Welke organisatie het signaal oppakt.</source>
        <translation>Which organisation takes up the signal.</translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation>Outcome</translation>
    </message>
    <message>
        <source>Hoe de opvolging afliep.</source>
        <translation>How the follow-up ended.</translation>
    </message>
    <message>
        <source>Nog geen uitkomst</source>
        <translation>No outcome yet</translation>
    </message>
    <message>
        <source>Hulp gestart</source>
        <translation>Help started</translation>
    </message>
    <message>
        <source>Wilde niet</source>
        <translation>Did not want it</translation>
    </message>
    <message>
        <source>Niet nodig</source>
        <translation>Not needed</translation>
    </message>
    <message>
        <source>Wie het signaal oppakt.</source>
        <translation>Who takes up the signal.</translation>
    </message>
    <message>
        <source>Zet aan om een datum te kiezen.</source>
        <translation>Switch on to choose a date.</translation>
    </message>
    <message>
        <source>Voor welke datum het klaar moet zijn.</source>
        <translation>The date by which it must be done.</translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Een notitie bij de opvolging.</source>
        <translation>A note on the follow-up.</translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Verwijsbrief maken…</source>
        <translation>Write a referral letter…</translation>
    </message>
    <message>
        <source>Doorverwezen naar</source>
        <translation>Referred to</translation>
    </message>
    <message>
        <source>Ik licht de dienst in</source>
        <translation>I will tell the service</translation>
    </message>
    <message>
        <source>Dienst inlichten is niet nodig</source>
        <translation>No need to tell the service</translation>
    </message>
    <message>
        <source>Opvolging</source>
        <translation>Follow-up</translation>
    </message>
    <message>
        <source>Kies een signaal in de lijst.</source>
        <extracomment>What was typed for the chosen signal when the window locked; put back on unlock.</extracomment>
        <translation>Choose a signal in the list.</translation>
    </message>
    <message>
        <source>Verwijsbrief opslaan</source>
        <translation>Save referral letter</translation>
    </message>
</context>
<context>
    <name>Organisatie</name>
    <message>
        <source>Organisatie toegevoegd</source>
        <translation>Organisation added</translation>
    </message>
    <message>
        <source>Organisatie: {naam}
Vingerafdruk: {vingerafdruk}

Vergelijk de vingerafdruk met wat de coördinator u door de telefoon voorleest.</source>
        <translation>Organisation: {naam}
Fingerprint: {vingerafdruk}

Compare the fingerprint with what the coordinator reads to you over the phone.</translation>
    </message>
    <message>
        <source>Instellingenbestand van de organisatie kiezen</source>
        <translation>Choose the organisation&apos;s settings file</translation>
    </message>
</context>
<context>
    <name>Overzicht</name>
    <message>
        <source>Grafiek: bereik per wijk</source>
        <translation>Chart: reach per neighbourhood</translation>
    </message>
    <message>
        <source>{wijk}: {bezocht} bezocht van {totaal}</source>
        <translation>{wijk}: {bezocht} visited of {totaal}</translation>
    </message>
    <message>
        <source>uitgenodigd</source>
        <translation>invited</translation>
    </message>
    <message>
        <source>in de ronde</source>
        <translation>in the round</translation>
    </message>
    <message>
        <source>bezocht</source>
        <translation>visited</translation>
    </message>
    <message>
        <source>Grafiek: voortgang tegen de planning</source>
        <translation>Chart: progress against the plan</translation>
    </message>
    <message>
        <source>Uitgenodigd {deel}, planning {doel}</source>
        <translation>Invited {deel}, plan {doel}</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>In leeftijdsgroep</source>
        <translation>In the age band</translation>
    </message>
    <message>
        <source>Uitgenodigd</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Bereikt</source>
        <translation>Reached</translation>
    </message>
    <message>
        <source>Wil bezoek</source>
        <translation>Wants a visit</translation>
    </message>
    <message>
        <source>Afgezien</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Verhuisd of overleden</source>
        <translation>Moved or died</translation>
    </message>
    <message>
        <source>Mensen met signaal</source>
        <translation>People with a signal</translation>
    </message>
    <message>
        <source>Mensen met een signaal per onderwerp</source>
        <translation>People with a signal per topic</translation>
    </message>
    <message>
        <source>{van} tot en met {tot}</source>
        <translation>{van} to {tot}</translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>{deel} van de bewoners van {band} jaar is uitgenodigd. Volgens de planning (klaar op {einde}) zou dat nu {doel} zijn. {oordeel}</source>
        <translation>{deel} of the residents aged {band} have been invited. By the plan (done by {einde}) that should now be {doel}. {oordeel}</translation>
    </message>
    <message>
        <source>Bezocht</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>Respons</source>
        <translation>Response</translation>
    </message>
    <message>
        <source>Bereik per wijk</source>
        <translation>Reach per neighbourhood</translation>
    </message>
    <message>
        <source>Dat loopt op schema.</source>
        <translation>That is on schedule.</translation>
    </message>
    <message>
        <source>Dat loopt achter op schema.</source>
        <translation>That is behind schedule.</translation>
    </message>
    <message>
        <source>Nog geen signalen.</source>
        <translation>No signals yet.</translation>
    </message>
</context>
<context>
    <name>Pakket</name>
    <message>
        <source>{n} nieuwe bewoners staan nu in uw lijst.</source>
        <translation>{n} new residents are now in your list.</translation>
    </message>
    <message>
        <source>{n} stonden er al in.</source>
        <translation>{n} were already there.</translation>
    </message>
    <message>
        <source>De coördinator heeft {n} zending(en) van u ontvangen.</source>
        <translation>The coordinator has received {n} batch(es) from you.</translation>
    </message>
    <message>
        <source>{n} bewoner(s) op verzoek gewist bij de coördinator, nu ook op deze laptop.</source>
        <translation>{n} resident(s) erased on request at the coordinator, now also on this laptop.</translation>
    </message>
    <message>
        <source>Pakket ingelezen</source>
        <translation>Package imported</translation>
    </message>
    <message>
        <source>Pakket niet ingelezen</source>
        <translation>Package not imported</translation>
    </message>
    <message>
        <source>Pakket van de coördinator kiezen</source>
        <translation>Choose a package from the coordinator</translation>
    </message>
</context>
<context>
    <name>Pakketten</name>
    <message>
        <source>Adreslijst van de gemeente inlezen…</source>
        <translation>Import the municipality&apos;s address list…</translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation>Neighbourhood</translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation>Residents</translation>
    </message>
    <message>
        <source>Toegewezen</source>
        <translation>Assigned</translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Wijken en vrijwilligers</source>
        <translation>Neighbourhoods and volunteers</translation>
    </message>
    <message>
        <source>Vrijwilliger</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Voor wie het pakket is.</source>
        <translation>Who the package is for.</translation>
    </message>
    <message>
        <source>Gekozen wijk geven aan deze vrijwilliger</source>
        <translation>Give the chosen neighbourhood to this volunteer</translation>
    </message>
    <message>
        <source>Toewijzingspakket opslaan…</source>
        <translation>Save assignment package…</translation>
    </message>
    <message>
        <source>Configuratiepakket maken…</source>
        <translation>Make configuration package…</translation>
    </message>
    <message>
        <source>Adreslijst en pakketten</source>
        <translation>Address list and packages</translation>
    </message>
    <message>
        <source>Lees de adreslijst in (CSV met naam, straat, huisnummer, postcode, woonplaats, geboortedatum en wijk). Geef daarna elke wijk aan een vrijwilliger en sla het pakket voor die vrijwilliger op. Alleen die vrijwilliger kan het openen.</source>
        <translation>Import the address list (CSV with name, street, house number, postcode, town, date of birth and neighbourhood). Then give each neighbourhood to a volunteer and save the package for that volunteer. Only that volunteer can open it.</translation>
    </message>
    <message>
        <source>Configuratie voor alle vrijwilligers</source>
        <translation>Configuration for all volunteers</translation>
    </message>
    <message>
        <source>Kies de map met formulieren, folders en de sociale kaart. Het pakket is ondertekend door de organisatie.</source>
        <translation>Choose the folder with forms, leaflets and the services directory. The package is signed by the organisation.</translation>
    </message>
    <message>
        <source>Adreslijst kiezen</source>
        <translation>Choose address list</translation>
    </message>
    <message>
        <source>Ingelezen: {nieuw} nieuw, {bij} bijgewerkt.</source>
        <translation>Imported: {nieuw} new, {bij} updated.</translation>
    </message>
    <message>
        <source>Kies een wijk in de lijst en een vrijwilliger.</source>
        <translation>Choose a neighbourhood in the list and a volunteer.</translation>
    </message>
    <message>
        <source>{n} bewoners in {wijk} toegewezen.</source>
        <translation>{n} residents in {wijk} assigned.</translation>
    </message>
    <message>
        <source>Toewijzingspakket opslaan</source>
        <translation>Save assignment package</translation>
    </message>
    <message>
        <source>Kies een vrijwilliger.</source>
        <translation>Choose a volunteer.</translation>
    </message>
    <message>
        <source>Pakket met {n} bewoners opgeslagen: {naam}.</source>
        <translation>Package with {n} residents saved: {naam}.</translation>
    </message>
    <message>
        <source>Map met de inhoud</source>
        <translation>Folder with the contents</translation>
    </message>
    <message>
        <source>Configuratiepakket opslaan</source>
        <translation>Save configuration package</translation>
    </message>
    <message>
        <source>Configuratiepakket opgeslagen: {naam}.</source>
        <translation>Configuration package saved: {naam}.</translation>
    </message>
</context>
<context>
    <name>Rapport</name>
    <message>
        <source>Rapport voor de gemeente opslaan…</source>
        <translation>Save report for the municipality…</translation>
    </message>
    <message>
        <source>Over welke periode het rapport gaat.</source>
        <translation>Which period the report covers.</translation>
    </message>
    <message>
        <source>Periode van het rapport</source>
        <translation>Period of the report</translation>
    </message>
    <message>
        <source> maanden</source>
        <translation> months</translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation>Retention period</translation>
    </message>
    <message>
        <source>Hoeveel maanden signalen bewaard blijven.</source>
        <translation>How many months signals are kept.</translation>
    </message>
    <message>
        <source>Toon wat gewist wordt</source>
        <translation>Show what will be erased</translation>
    </message>
    <message>
        <source>Ik weet dat wissen niet terug kan</source>
        <translation>I know erasing cannot be undone</translation>
    </message>
    <message>
        <source>Zet aan voordat u wist.</source>
        <translation>Switch on before you erase.</translation>
    </message>
    <message>
        <source>Nu wissen</source>
        <translation>Erase now</translation>
    </message>
    <message>
        <source>Naam van de bewoner</source>
        <translation>Name of the resident</translation>
    </message>
    <message>
        <source>Precies zoals de bewoner in de signalen staat.</source>
        <translation>Exactly as the resident appears in the signals.</translation>
    </message>
    <message>
        <source>Postcode van de bewoner</source>
        <translation>Postcode of the resident</translation>
    </message>
    <message>
        <source>Vier cijfers en twee letters.</source>
        <translation>Four digits and two letters.</translation>
    </message>
    <message>
        <source>Alles over deze bewoner opslaan…</source>
        <translation>Save everything about this resident…</translation>
    </message>
    <message>
        <source>Zet aan voordat u de bewoner wist.</source>
        <translation>Switch on before you erase the resident.</translation>
    </message>
    <message>
        <source>Deze bewoner helemaal wissen</source>
        <translation>Erase this resident completely</translation>
    </message>
    <message>
        <source>Rapport voor de gemeente</source>
        <translation>Report for the municipality</translation>
    </message>
    <message>
        <source>Een PDF en een CSV-bestand met de cijfers per wijk, zonder namen. Aantallen onder de 5 staan er niet in.</source>
        <translation>A PDF and a CSV file with the figures per neighbourhood, without names. Numbers below 5 are left out.</translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>Na deze termijn worden naam, adres en notities van afgeronde signalen gewist. De tellingen blijven.</source>
        <translation>After this period the name, address and notes of finished signals are erased. The counts stay.</translation>
    </message>
    <message>
        <source>Bewaren</source>
        <translation>Retention</translation>
    </message>
    <message>
        <source>Eén bewoner: inzien of wissen</source>
        <translation>One resident: view or erase</translation>
    </message>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Map voor het rapport</source>
        <translation>Folder for the report</translation>
    </message>
    <message>
        <source>Opgeslagen: {pdf} en {csv}.</source>
        <translation>Saved: {pdf} and {csv}.</translation>
    </message>
    <message>
        <source>Er is nu niets om te wissen.</source>
        <translation>There is nothing to erase now.</translation>
    </message>
    <message>
        <source>Van {n} afgeronde signalen (afgesloten vóór {datum}) worden naam, adres, tekst en notities gewist; {met_naam} daarvan hebben een naam. Per onderwerp: {lijst}.</source>
        <translation>Of {n} finished signals (closed before {datum}) the name, address, text and notes are erased; {met_naam} of them have a name. Per topic: {lijst}.</translation>
    </message>
    <message>
        <source>Gewist: {n} signalen.</source>
        <translation>Erased: {n} signals.</translation>
    </message>
    <message>
        <source>Overzicht opslaan</source>
        <translation>Save overview</translation>
    </message>
    <message>
        <source>Opgeslagen: {naam}.</source>
        <translation>Saved: {naam}.</translation>
    </message>
    <message>
        <source>Gewist: {a} op de adreslijst, {s} signalen.</source>
        <translation>Erased: {a} on the address list, {s} signals.</translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>Huisbezoek werkt</source>
        <translation>Huisbezoek works</translation>
    </message>
</context>
<context>
    <name>Signaal</name>
    <message>
        <source>Informatie</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Aandacht</source>
        <translation>Attention</translation>
    </message>
    <message>
        <source>Zorg</source>
        <translation>Concern</translation>
    </message>
    <message>
        <source>Direct actie</source>
        <translation>Act now</translation>
    </message>
    <message>
        <source>⚠ DIRECT ACTIE</source>
        <translation>⚠ ACT NOW</translation>
    </message>
    <message>
        <source>✚ ZORG</source>
        <translation>✚ CONCERN</translation>
    </message>
    <message>
        <source>● AANDACHT</source>
        <translation>● ATTENTION</translation>
    </message>
    <message>
        <source>ℹ INFORMATIE</source>
        <translation>ℹ INFORMATION</translation>
    </message>
    <message>
        <source>Direct actie nodig</source>
        <translation>Act now</translation>
    </message>
    <message>
        <source>⚠ Direct actie nodig</source>
        <translation>⚠ Act now</translation>
    </message>
    <message>
        <source>Wat doet u nu:
1. Is er direct gevaar? Bel 112.
2. Anders: bespreek met de bewoner wie u nu belt. Overdag is dat de eigen huisarts, &apos;s avonds en in het weekend de huisartsenpost.
3. Blijf bij de bewoner tot de hulp geregeld is. Bel daarna de coördinator.</source>
        <translation>What to do now:
1. Is there immediate danger? Call 112.
2. Otherwise: discuss with the resident whom you call now. In the daytime that is their own GP, in the evening and at the weekend the GP out-of-hours service.
3. Stay with the resident until help is arranged. Then call the coordinator.</translation>
    </message>
    <message>
        <source>Alle &amp;nummers…</source>
        <translation>All &amp;numbers…</translation>
    </message>
    <message>
        <source>Wat u nu doet en alle nummers</source>
        <translation>What to do now and all numbers</translation>
    </message>
    <message>
        <source>⚠ Direct actie nodig: {tekst} {stap}</source>
        <translation>⚠ Act now: {tekst} {stap}</translation>
    </message>
    <message>
        <source>Direct gevaar: bel 112. Anders bespreekt u met de bewoner wie u nu belt, bijvoorbeeld {naam}: {nummer}.</source>
        <translation>Immediate danger: call 112. Otherwise discuss with the resident whom you call now, for example {naam}: {nummer}.</translation>
    </message>
    <message>
        <source>Direct gevaar: bel 112.</source>
        <translation>Immediate danger: call 112.</translation>
    </message>
</context>
<context>
    <name>Spinnenweb</name>
    <message>
        <source>Lichaam</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Gevoel</source>
        <translation>Feelings</translation>
    </message>
    <message>
        <source>Zingeving</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Kwaliteit van leven</source>
        <translation>Quality of life</translation>
    </message>
    <message>
        <source>Meedoen</source>
        <translation>Taking part</translation>
    </message>
    <message>
        <source>Dagelijks leven</source>
        <translation>Daily life</translation>
    </message>
    <message>
        <source>Zin</source>
        <translation>Meaning</translation>
    </message>
    <message>
        <source>Leven</source>
        <translation>Life</translation>
    </message>
    <message>
        <source>Dagelijks</source>
        <translation>Daily</translation>
    </message>
    <message>
        <source>Spinnenweb van de zes cijfers</source>
        <translation>Spider web chart of the six scores</translation>
    </message>
</context>
<context>
    <name>Stand</name>
    <message>
        <source>Nog uitnodigen</source>
        <translation>Still to invite</translation>
    </message>
    <message>
        <source>Uitgenodigd</source>
        <translation>Invited</translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation>Appointment</translation>
    </message>
    <message>
        <source>Bezocht</source>
        <translation>Visited</translation>
    </message>
    <message>
        <source>Afgezien</source>
        <translation>Declined</translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation>Not reached</translation>
    </message>
    <message>
        <source>Vertrokken</source>
        <translation>Left</translation>
    </message>
</context>
<context>
    <name>Thema</name>
    <message>
        <source>Eenzaamheid en contacten</source>
        <extracomment>A theme id: what a signal is about. Any lower-case slug; a form declares the ones that are not built in (``themes:`` in the form file), so an organisation can add one without a release. A leaflet id: the name of a file ``&lt;id&gt;.yaml`` in the leaflets folder.</extracomment>
        <translation>Loneliness and contacts</translation>
    </message>
    <message>
        <source>Vallen</source>
        <translation>Falls</translation>
    </message>
    <message>
        <source>Eten en gewicht</source>
        <translation>Food and weight</translation>
    </message>
    <message>
        <source>Mantelzorg</source>
        <translation>Informal care</translation>
    </message>
    <message>
        <source>Geldzaken</source>
        <translation>Money matters</translation>
    </message>
    <message>
        <source>Dagelijks functioneren</source>
        <translation>Daily functioning</translation>
    </message>
    <message>
        <source>Wonen en veiligheid</source>
        <translation>Housing and safety</translation>
    </message>
    <message>
        <source>Hulp thuis (Wmo)</source>
        <translation>Help at home (Wmo)</translation>
    </message>
    <message>
        <source>Gezondheid</source>
        <translation>Health</translation>
    </message>
    <message>
        <source>Andere zorg</source>
        <translation>Other care</translation>
    </message>
</context>
<context>
    <name>Toestemming</name>
    <message>
        <source>Mondeling</source>
        <translation>Spoken</translation>
    </message>
    <message>
        <source>Schriftelijk (getekend)</source>
        <translation>In writing (signed)</translation>
    </message>
</context>
<context>
    <name>Verbinding</name>
    <message>
        <source>Verbinding met de organisatie</source>
        <translation>Connection to the organisation</translation>
    </message>
    <message>
        <source>Adres van de uitwisselmap</source>
        <translation>Address of the exchange folder</translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Map op deze computer</source>
        <translation>Folder on this computer</translation>
    </message>
    <message>
        <source>&amp;Map kiezen…</source>
        <translation>&amp;Choose folder…</translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation>&amp;Address:</translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation>&amp;User name:</translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation>&amp;Password:</translation>
    </message>
    <message>
        <source>Of een ma&amp;p:</source>
        <translation>Or a &amp;folder:</translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation>&amp;Save</translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation>Ca&amp;ncel</translation>
    </message>
    <message>
        <source>De coördinator geeft u het adres en een wachtwoord voor de uitwisselmap. Of kies de map die de organisatie met u deelt.</source>
        <translation>The coordinator gives you the address and a password for the exchange folder. Or choose the folder the organisation shares with you.</translation>
    </message>
    <message>
        <source>Kies de gedeelde map</source>
        <translation>Choose the shared folder</translation>
    </message>
</context>
<context>
    <name>Vergrendelen</name>
    <message>
        <source>Waarschuwing: de kluis gaat op slot</source>
        <translation>Warning: the vault is about to lock</translation>
    </message>
    <message>
        <source>Over {n} seconden gaat de kluis op slot, omdat er even niets gebeurde. Beweeg de muis of druk op een toets om verder te werken.</source>
        <translation>In {n} seconds the vault locks, because nothing happened for a while. Move the mouse or press a key to keep working.</translation>
    </message>
</context>
<context>
    <name>Versturen</name>
    <message>
        <source>Signalen klaarzetten voor de coördinator</source>
        <translation>Preparing signals for the coordinator</translation>
    </message>
    <message>
        <source>Er waren geen nieuwe signalen om te delen. Het bestand {bestand} bevat alleen de tellingen per wijk, zonder namen.</source>
        <translation>There were no new signals to share. The file {bestand} holds only the counts per neighbourhood, without names.</translation>
    </message>
    <message>
        <source>{n} signalen staan versleuteld in het bestand {bestand}. Geef dit bestand aan de coördinator, bijvoorbeeld op een USB-stick of per e-mail.</source>
        <translation>{n} signals are encrypted in the file {bestand}. Give this file to the coordinator, for example on a USB stick or by e-mail.</translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Kies de map (bijvoorbeeld de USB-stick)</source>
        <translation>Choose the folder (for example the USB stick)</translation>
    </message>
    <message>
        <source>Uitgaande post</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <source>Wat er klaarstaat om naar de coördinator te gaan.</source>
        <translation>What is ready to go to the coordinator.</translation>
    </message>
    <message>
        <source>Nu versturen</source>
        <translation>Send now</translation>
    </message>
    <message>
        <source>Verstuur de zendingen die wachten en haal pakketten op</source>
        <translation>Send the waiting batches and fetch packages</translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Bezig met versturen…</source>
        <translation>Sending…</translation>
    </message>
    <message>
        <source>Er is nog geen uitwisselmap ingesteld. Kies in het menu Bestand &apos;Verbinding met de organisatie&apos;.</source>
        <translation>No exchange folder has been set up yet. In the File menu, choose &apos;Connection to the organisation&apos;.</translation>
    </message>
</context>
<context>
    <name>Verwijzing</name>
    <message>
        <source>Dienst waarnaar de bewoner verwezen wil worden</source>
        <translation>Service the resident wants to be referred to</translation>
    </message>
    <message>
        <source>Typ om te zoeken in de sociale kaart</source>
        <translation>Type to search the services directory</translation>
    </message>
</context>
<context>
    <name>Voortgang</name>
    <message>
        <source>Bezig…</source>
        <translation>Working…</translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation>Progress</translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Stoppen… even geduld.</source>
        <translation>Stopping… one moment.</translation>
    </message>
</context>
<context>
    <name>Vraag</name>
    <message>
        <source>✱ Verplichte vraag</source>
        <translation>✱ Required question</translation>
    </message>
    <message>
        <source>{vraag} (verplicht)</source>
        <translation>{vraag} (required)</translation>
    </message>
    <message>
        <source>Tip: {tekst}</source>
        <translation>Tip: {tekst}</translation>
    </message>
    <message>
        <source>Wil ik niet zeggen</source>
        <translation>Prefer not to say</translation>
    </message>
    <message>
        <source>Wil ik niet zeggen: {vraag}</source>
        <translation>Prefer not to say: {vraag}</translation>
    </message>
    <message>
        <source>Niet gevraagd</source>
        <translation>Not asked</translation>
    </message>
    <message>
        <source>Niet gevraagd: {vraag}</source>
        <translation>Not asked: {vraag}</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nee</source>
        <translation>No</translation>
    </message>
    <message>
        <source>getal</source>
        <translation>number</translation>
    </message>
    <message>
        <source>bijvoorbeeld 15-3-1949</source>
        <translation>for example 15-3-1949</translation>
    </message>
    <message>
        <source>Pijltjestoetsen: naar een ander antwoord. Spatie: kiezen.</source>
        <translation>Arrow keys: to another answer. Space: choose.</translation>
    </message>
    <message>
        <source>Meer antwoorden mogelijk. Pijltjestoetsen: verder. Spatie: aan of uit.</source>
        <translation>More than one answer possible. Arrow keys: move on. Space: on or off.</translation>
    </message>
    <message>
        <source>Typ het antwoord.</source>
        <translation>Type the answer.</translation>
    </message>
    <message>
        <source>Typ het antwoord. Tab gaat naar de volgende vraag.</source>
        <translation>Type the answer. Tab goes to the next question.</translation>
    </message>
    <message>
        <source>Typ de datum, bijvoorbeeld 15-3-1949 of 15 maart 1949.</source>
        <translation>Type the date, for example 15-3-1949 or 15 March 1949.</translation>
    </message>
    <message>
        <source>Als de bewoner niet wil antwoorden of de vraag niet gesteld is. {hoe}</source>
        <translation>When the resident does not want to answer or the question was not asked. {hoe}</translation>
    </message>
</context>
<context>
    <name>Vrijwilligers</name>
    <message>
        <source>Naam</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Laatste zending</source>
        <translation>Last batch</translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation>Volunteers</translation>
    </message>
    <message>
        <source>Vingerafdruk</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Vergelijk deze met wat de vrijwilliger voorleest.</source>
        <translation>Compare it with what the volunteer reads out.</translation>
    </message>
    <message>
        <source>Aanmeldbestand inlezen…</source>
        <translation>Import enrolment file…</translation>
    </message>
    <message>
        <source>Vingerafdruk klopt: goedkeuren</source>
        <translation>Fingerprint matches: approve</translation>
    </message>
    <message>
        <source>Intrekken</source>
        <translation>Revoke</translation>
    </message>
    <message>
        <source>Bestand voor vrijwilligers opslaan…</source>
        <translation>Save file for volunteers…</translation>
    </message>
    <message>
        <source>Lees het aanmeldbestand van een vrijwilliger in. Bel de vrijwilliger en laat de vingerafdruk voorlezen. Klopt elk teken? Keur dan goed.</source>
        <translation>Import a volunteer&apos;s enrolment file. Call the volunteer and have them read out the fingerprint. Does every character match? Then approve.</translation>
    </message>
    <message>
        <source>nr. {nr}</source>
        <translation>no. {nr}</translation>
    </message>
    <message>
        <source>Vingerafdruk van {naam}: {vingerafdruk}</source>
        <translation>Fingerprint of {naam}: {vingerafdruk}</translation>
    </message>
    <message>
        <source>Kies een vrijwilliger om de vingerafdruk te zien.</source>
        <translation>Choose a volunteer to see the fingerprint.</translation>
    </message>
    <message>
        <source>Aanmeldbestand kiezen</source>
        <translation>Choose enrolment file</translation>
    </message>
    <message>
        <source>Bestand voor vrijwilligers opslaan</source>
        <translation>Save file for volunteers</translation>
    </message>
    <message>
        <source>Opgeslagen: {bestand}. Vingerafdruk van de organisatie: {vingerafdruk}</source>
        <translation>Saved: {bestand}. Fingerprint of the organisation: {vingerafdruk}</translation>
    </message>
</context>
<context>
    <name>Wissen</name>
    <message>
        <source>Bewoner wissen</source>
        <translation>Erase resident</translation>
    </message>
    <message>
        <source>{naam} wissen?</source>
        <translation>Erase {naam}?</translation>
    </message>
    <message>
        <source>Doe dit alleen als de bewoner erom vraagt. Dit haalt alles over deze bewoner van de laptop. Het kan niet ongedaan worden gemaakt.</source>
        <translation>Only do this when the resident asks for it. This removes everything about this resident from the laptop. It cannot be undone.</translation>
    </message>
    <message>
        <source>Wat er wordt gewist</source>
        <translation>What will be erased</translation>
    </message>
    <message>
        <source>De coördinator heeft {n} signaal of signalen van deze bewoner. Bij uw volgende export krijgt de coördinator het bericht om die ook te wissen.</source>
        <translation>The coordinator holds {n} signal(s) of this resident. With your next export the coordinator is told to erase them too.</translation>
    </message>
    <message>
        <source>Reservekopieën die u eerder maakte, bevatten de bewoner nog. Gooi die weg of maak na het wissen een nieuwe.</source>
        <translation>Backups you made before still hold the resident. Delete them, or make a new one after erasing.</translation>
    </message>
    <message>
        <source>&amp;Niet wissen</source>
        <translation>&amp;Do not erase</translation>
    </message>
    <message>
        <source>&amp;Ja, alles wissen</source>
        <translation>&amp;Yes, erase everything</translation>
    </message>
    <message>
        <source>Ja, alles over {naam} wissen</source>
        <translation>Yes, erase everything about {naam}</translation>
    </message>
    <message>
        <source>Dit wordt gewist</source>
        <translation>This will be erased</translation>
    </message>
</context>
</TS>

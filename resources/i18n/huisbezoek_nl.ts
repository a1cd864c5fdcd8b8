<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="nl_NL">
<context>
    <name>Afdrukken</name>
    <message>
        <source>Pagina {n} van {totaal} is klaar.</source>
        <extracomment>Highest resolution we rasterise for a printer: sharp on paper, about 26 MB per A4 page.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukken</source>
        <extracomment>``choose(parent, printer, page_count, then)``: ask where to print, call ``then()`` to go on. Tests put a function here that sets up a PDF printer without showing the dialog.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bladzijden zoals ze op papier komen. Pijltjes: verder bladeren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{titel}, pagina {n} van {totaal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan als &amp;PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: deze contactgegevens zijn meer dan een jaar niet nagekeken. Klopt het nog? Vraag het anders aan de coördinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>• {folder}: {dienst} (nagekeken op {datum})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukken voor de bewoner</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``). Asks before a summary with the demo sociale kaart goes out for a real resident.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Samenvatting van het gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samenvatting van het gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een overzicht van het gesprek voor de bewoner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met het spinnen&amp;web</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met het spinnenweb</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing over contactgegevens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles in één keer afdrukken (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld van de pagina&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat geeft u mee?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeldadressen</source>
        <extracomment>How long the preview waits after a tick before it renders (several quick ticks, one render).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze sociale kaart is een voorbeeld. De organisaties en telefoonnummers zijn verzonnen. Vraag uw coördinator om de echte sociale kaart.

Wilt u toch afdrukken?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toch afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Is papier bij de bewoner thuis niet veilig, bijvoorbeeld bij geweld of geldmisbruik? Geef dan geen samenvatting mee.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing: papier thuis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing: voorbeeldadressen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen als de bewoner dat wil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De zes cijfers als tekening op de samenvatting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat staat op de samenvatting?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haal het vinkje weg bij wat niet op papier mag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aangevinkt zijn de folders die bij de signalen horen, en de folders die u al gaf.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zo ziet het eruit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld: deze sociale kaart is verzonnen. Op elke pagina staat &apos;VOORBEELD&apos;. Vraag uw coördinator om de echte sociale kaart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Let op: bij dit gesprek kan papier thuis onveilig zijn. De samenvatting staat daarom uit. Zet hem alleen aan als de bewoner dat zelf veilig vindt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op de samenvatting: {deel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spatie: dit deel wel of niet op de samenvatting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder {titel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spatie: deze folder wel of niet afdrukken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies eerst wat u wilt afdrukken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek: voor de bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een map voor de PDF-bestanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bestanden opgeslagen in {map}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Afronden</name>
    <message>
        <source>zelf toegevoegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uit de antwoorden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met naam en telefoon, zodat de coördinator kan terugbellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doorverwijzen naar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(nog niet afgesproken)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bewoner belt zelf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik bel, als vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinator belt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De organisatie belt de bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uiterlijk op:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>korte notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wat is afgesproken, wie doet wat</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam en telefoon delen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doorverwijzen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar welke organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie belt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met een datum waarop uiterlijk gebeld is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uiterlijk op welke datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe gaf de bewoner toestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer gaf de bewoner toestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie bij het signaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen als de bewoner dat goed vindt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dan kan de coördinator de bewoner terugbellen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet aan en typ naar welke organisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De naam van de organisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie de bewoner belt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet aan om een datum te kiezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De datum waarop uiterlijk gebeld is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mondeling, op papier of anders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum en tijd van de toestemming.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat is afgesproken, wie doet wat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signaal toevoe&amp;gen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folders en samenvatting af&amp;drukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie belt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer bellen:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, delen met de coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nee, niet delen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nee, niet delen met de coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinator ziet dit signaal dan niet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mag de coördinator dit signaal zien?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signaal wegha&amp;len</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delen, met naam en telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delen, zonder naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet delen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen keuze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>doorverwijzen naar {naam}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond, alleen lezen. Toestemming: {keuze}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies: delen of niet delen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Opgeslagen: {keuze}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schrijf op naar welke organisatie de bewoner doorverwezen wil worden. Daarna wordt de doorverwijzing opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signaal toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe dringend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waar gaat het om</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waar het signaal over gaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe snel iemand iets moet doen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Beschrijf het signaal in een paar woorden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Onderwerp:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hoe dringend:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waar gaat het om:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notitie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toevoegen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek afronden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na het afronden kunt u niets meer veranderen, tenzij u het gesprek opnieuw opent. Kijk nog één keer wat de bewoner over elk signaal heeft gezegd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit gesprek heeft geen signalen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, gesprek &amp;afronden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Naar het signaal zonder keuze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A&amp;nnuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afronden kan nog niet. Bij {n} van de {totaal} signalen is nog niet gekozen of de coördinator het mag zien:
{namen}
Kies bij elk signaal: &apos;Ja, delen&apos; of &apos;Nee, niet delen&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen en toestemming</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Terug naar de &amp;vragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open vragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vraag bij elk signaal of de coördinator het mag zien. Wat u kiest of typt, wordt meteen opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar de coördinator &amp;sturen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek &amp;afronden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek opnieuw &amp;openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afronden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor de bewoner en de coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open vragen, signalen en afronden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle vragen zijn beantwoord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog {n} open. Klik op een vraag om erheen te gaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit gesprek is afgerond op {wanneer}. U kunt het alleen lezen. Iets veranderen? Open het gesprek dan opnieuw.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De antwoorden geven geen signalen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Afspraak</name>
    <message>
        <source>Afspraak met {naam}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum en tijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bij de bewoner thuis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leeg laten als het bij de bewoner thuis is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Datum en tijd:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Waar:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze datum is al voorbij. Kies een datum in de toekomst.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Algemeen</name>
    <message>
        <source>ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: door de rijen en kolommen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bestand</name>
    <message>
        <source>Doorgaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reservekopie maken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sleutel van de organisatie bewaren…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin wijzigen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet bij de gedeelde database: de beheerder van de server maakt reservekopieën en beheert de wachtwoorden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet gelukt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservekopie opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De reservekopie staat in {pad}. Hij opent met de wachtwoordzin of de herstelsleutel van nu.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een wachtwoord voor het sleutelbestand (minstens 10 tekens). Bewaar het bestand en het wachtwoord apart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog een keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De twee wachtwoorden verschillen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutelbestand opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De sleutel staat versleuteld in {pad}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin van nu en twee keer de nieuwe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin van nu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe nog een keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De nieuwe wachtwoordzinnen verschillen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw nieuwe wachtwoordzin is ingesteld.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bewaren</name>
    <message>
        <source>Bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat weg mag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoners die worden weggehaald</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu &amp;weghalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;luiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw organisatie bewaart gegevens op deze laptop {n} maanden. Bewoners die geen bezoek wilden of niet bereikt zijn, en gesprekken die de coördinator heeft ontvangen, worden daarna weggehaald. Dat gebeurt vanzelf als u de kluis opent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{naam}: {reden} (laatst iets gedaan op {datum})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er hoeft nu niets weg.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bewoner</name>
    <message>
        <source>Nieuwe bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoner aanpassen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geboortedatum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voornaam en achternaam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Straat en huisnummer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vier cijfers en twee letters, bijvoorbeeld 1234 AB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alleen cijfers, spaties, + en -.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat u wilt onthouden. Tab gaat naar het volgende veld.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Naam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Postcode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wijk:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Geboortedatum:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Telefoon:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die geboortedatum begrijp ik niet. Typ dag, maand en jaar, bijvoorbeeld 15-3-1949 of 15 maart 1949.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een wijk met de pijltjes of typ de naam. Anders: een nieuwe wijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anders, namelijk…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Terug naar de lijst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegevens aan&amp;passen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Contact vastleggen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afspraak maken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gesprek beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Inzage afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles wat deze laptop over de bewoner bewaart, in grote letters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoner wi&amp;ssen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles over deze bewoner van de laptop halen, op verzoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contactpogingen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer en hoe u contact had, en wat het opleverde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een afspraak om die af te zeggen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: het gesprek openen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak af&amp;zeggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon: {nummer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geboren: {datum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stand: {stand}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen contact.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>afgezegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen afspraken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen gesprek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verder met het gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{naam} is van deze laptop gewist.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bewoners</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatste contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoek op naam, adres of postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ een naam, adres of postcode. De lijst past zich meteen aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter op stand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toon alleen bewoners met deze stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle standen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter op wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toon alleen bewoners uit deze wijk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst van bewoners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: een andere bewoner. Enter: openen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe bewoner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressen &amp;inlezen (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{shown} van {total} bewoners</source>
        <extracomment>Rows measured for the column widths; beyond this the widest text is rarely new.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressenlijst kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV-bestand (*.csv *.txt)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressen inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bewoners ingelezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} stonden er al in en zijn overgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Contact</name>
    <message>
        <source>Brief</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aan de deur</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitnodiging gestuurd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil een bezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil geen bezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen gehoor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Later terugbellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verhuisd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overleden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen behoefte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Krijgt al hulp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen tijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrouwt het niet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gezondheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact met {naam}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— kies een reden —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wanneer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon, aan de deur, brief of anders.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat het contact opleverde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarom de bewoner geen bezoek wil.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een korte notitie, als u wilt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hoe:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wanneer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Uitkomst:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reden:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otitie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies waarom de bewoner geen bezoek wil. Weet u het niet, kies dan &apos;Anders&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Coördinatie</name>
    <message>
        <source>Coördinatie op slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coördinatie openen</source>
        <extracomment>The shared PostgreSQL store&apos;s address (no password), or None for the local vault. Key-derivation parameters for a new passphrase; None calibrates (tests: the floor). Idle-lock time for the window this dialog opens; None: from the settings.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De naam waaronder u werkt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin en druk op Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Typ uw wachtwoordzin om verder te gaan waar u was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw naam komt bij elke wijziging in de opvolging te staan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;vergeten?</source>
        <extracomment>Server mode: whether the last successful connection needed the typed password.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De sleutel die u op papier heeft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin nog een keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pak het vel met de herstelsleutel van de organisatie. Typ de sleutel over en kies een nieuwe wachtwoordzin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog een &amp;keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dienst {dienst} uit pg_service.conf</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server {server}, database {database}, account {account}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uw computeraccount</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U werkt in de gedeelde database van de organisatie. Wat u doet, komt op naam van uw account in het logboek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Typ het wachtwoord van de database om verder te gaan waar u was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinatie staat op slot. Druk op Verbinden om verder te gaan waar u was. Het wachtwoord van de database staat op deze computer (pgpass): vergrendel daarom ook de computer als u weggaat (Windows-toets + L).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord van de database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het wachtwoord van uw account op de server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul uw naam in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De server vraagt uw wachtwoord. Typ het in en druk op Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinden lukte niet. Probeer het nog eens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiervoor is de sleutel van de organisatie nodig. Typ de wachtwoordzin van de organisatiesleutel. Alle coördinatoren gebruiken dezelfde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin organisatiesleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleutel van de organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de wachtwoordzin en druk op Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de wachtwoordzin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Openen lukte niet. Probeer het nog eens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek — coördinatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderdelen</source>
        <extracomment>The coordinator vault behind the store, or None on the shared PostgreSQL store. PostgreSQL: the server asked the typed password (the lock asks it again).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Tab of de pijltjestoetsen: naar een ander onderdeel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opvolging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overzicht per wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport en bewaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adreslijst en pakketten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilligers aanmelden en hun vingerafdruk controleren.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendingen van vrijwilligers inlezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen oppakken en afronden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoeveel bewoners per wijk bereikt en bezocht zijn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport voor de gemeente, bewaren en wissen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adreslijsten inlezen en pakketten maken.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gegevens van de organisatie en bewaartermijnen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek — coördinatie op {server}, database {database}, account {account}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Datum</name>
    <message>
        <source>ma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>di</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>wo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>za</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: andere dag. Page Up, Page Down: andere maand. Enter: kiezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijvoorbeeld 15-3-1949</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de datum als dag, maand, jaar: 15031949, 15-3-1949 of 15 maart 1949.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kalender voor {veld}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{veld}: datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{veld}: tijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de tijd, bijvoorbeeld 10:30.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uu:mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Dialoog</name>
    <message>
        <source>Opslaan</source>
        <extracomment>Dialogs that show personal data are hidden while the vault is locked.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Die datum of tijd begrijp ik niet. Typ bijvoorbeeld 15-3-2027 en 10:30.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Eerste start</name>
    <message>
        <source>Bezig met de kluis maken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vor&amp;ige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;olgende</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik ben &amp;vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik ben vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U bezoekt bewoners en houdt uw gesprekken bij. Pijltjes: andere keuze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik ben &amp;coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik ben coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U leest de gegevens van vrijwilligers in en volgt signalen op.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welkom bij Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie gaat met dit programma werken op deze computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U bezoekt ouderen thuis en legt uw gesprekken vast.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>U werkt voor de organisatie. U leest de zendingen van de vrijwilligers in en zorgt voor de opvolging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van de organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoals vrijwilligers de organisatie kennen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw voornaam en achternaam.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van de &amp;organisatie:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw &amp;naam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We maken nu een kluis voor de organisatie, met een eigen sleutel. Daarmee lezen alleen u en uw collega&apos;s de zendingen van de vrijwilligers. Uw naam komt bij elke wijziging in de opvolging te staan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog niet opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand &amp;opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het bestand voor de vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elke vrijwilliger leest dit bestand in. Daarmee kunnen zij zendingen naar uw organisatie sturen. Er staat niets geheims in. Sla het op, bijvoorbeeld op een USB-stick. Lees de vingerafdruk door de telefoon voor aan de vrijwilliger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw voornaam en achternaam. Die komt op de papieren voor de bewoner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met dit programma legt u uw gesprekken met ouderen vast. Alles blijft op deze computer, in een kluis op slot. We zetten die kluis nu samen klaar. Dat duurt een paar minuten.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw voornaam komt op de papieren die u bij de bewoner laat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin nog een keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;laten zien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laat zien wat u typt, als niemand meekijkt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog een &amp;keer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een wachtwoordzin is een paar gewone woorden achter elkaar, bijvoorbeeld &apos;{voorbeeld}&apos;. Dat onthoudt u makkelijk en is toch sterk. Kies wel uw eigen woorden, niet dit voorbeeld. Gebruik minstens {n} tekens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schrijf deze sleutel op papier en bewaar die goed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afdrukken of opslaan als PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik heb de sleutel opge&amp;schreven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet dit aan als de sleutel op papier staat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand kie&amp;zen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergeet u uw wachtwoordzin? Dan opent deze sleutel de kluis. U ziet hem maar één keer. Schrijf hem over of druk hem af, en bewaar het vel op een veilige plek thuis, niet bij de laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatste groep van de herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de laatste vier tekens van de sleutel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Laatste groep:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even controleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kijk op uw papier en typ de laatste groep van vier tekens van de herstelsleutel over. Zo weten we dat u hem goed heeft.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen bestand gekozen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uw organisatie (mag ook later)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heeft de coördinator u een instellingenbestand gegeven? Kies het hier. Vergelijk dan de vingerafdruk met wat de coördinator u door de telefoon voorleest. Heeft u het bestand nog niet, klik dan op Klaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stap {n} van {totaal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Klaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sla eerst het bestand voor de vrijwilligers op. Zonder dat bestand kunnen zij niets naar u sturen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schrijf de herstelsleutel eerst op of druk hem af. Zet dan het vinkje.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat is niet de laatste groep. Kijk nog eens goed op uw papier. Ga terug als u de sleutel nog niet heeft opgeschreven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afdrukken kan nog niet in deze versie. Schrijf hem over.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstelsleutel opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-bestand (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen. Druk het bestand af en bewaar het vel goed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingenbestand van de organisatie kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisatie: {naam}
Vingerafdruk: {vingerafdruk}
Klopt de vingerafdruk met wat de coördinator zegt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand voor de vrijwilligers opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingenbestand (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {bestand}
Organisatie: {naam}
Vingerafdruk: {vingerafdruk}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Folders</name>
    <message>
        <source>Folders afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lijst van folders</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: een andere folder. Rechts ziet u hoe die eruitziet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waarschuwing over contactgegevens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld van de folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze folder afdrukken (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met de pijltjes kiest u een folder. Enter drukt hem af.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zo ziet de folder eruit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek: folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {pad}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Fout</name>
    <message>
        <source>Er ging iets mis dat we niet verwachtten. Wat al was opgeslagen, blijft bewaard. Probeer het nog eens. Lukt het niet, bel dan de coördinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat lukte niet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Gesprek</name>
    <message>
        <source>Nog bezig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← &amp;Terug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderwerpen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vorig onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V&amp;olgend onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afronden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cijfers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De vragen van dit onderwerp.</source>
        <extracomment>Quiet time before the next hidden section page is built.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjestoetsen: naar een ander onderwerp. Tab: naar de vragen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gesprek met {naam} — {datum}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hier {is} nog {n} {vraag} open. Kies nog eens &apos;Volgend onderwerp&apos; om toch verder te gaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>vragen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{titel}
(na een eerdere vraag)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{titel}
(overgeslagen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{vink}{titel}
{klaar} van {totaal} beantwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgerond (alleen lezen)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Alles opgeslagen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is vandaag al een gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met deze bewoner is vandaag al een gesprek. Het is afgerond. Wilt u dat gesprek bekijken, of echt een tweede gesprek beginnen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met deze bewoner is vandaag al een gesprek, nog niet afgerond. Gaat u met dat gesprek verder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat gesprek &amp;bekijken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verder met dat gesprek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuw gesprek beginnen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Hoofdvenster</name>
    <message>
        <source>Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DEMO (verzonnen bewoners)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bij het openen zijn {n} bewoner(s) van de laptop gehaald: de bewaartermijn was voorbij. Zie Bewoners &gt; Bewaartermijn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek — op slot</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inlezen</name>
    <message>
        <source>Zendingen kiezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ophalen uit de uitwisselmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Haal nieuwe zendingen op uit de uitwisselmap en lees ze in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verslag van het inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat er bij het inlezen gebeurde.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendingen van vrijwilligers inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sleep de zendingen (bestanden) hierheen, of kies ze. Een zending die niet klopt, wordt geweigerd; de rest wordt gewoon ingelezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendingen kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zendingen inlezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ophalen uit de uitwisselmap</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Instellingen</name>
    <message>
        <source>Naam van de organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoonnummer op brieven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start van de ronde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> jaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duur van de ronde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jongste leeftijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oudste leeftijd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> maanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingen opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leeftijd van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tot en met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingen</source>
        <extracomment>Each language by its own name, as language choosers do (so never translated).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam en telefoon staan op verwijsbrieven en rapporten. De leeftijdsgroep geldt voor de adreslijst, het overzicht en het rapport.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wordt bewaard als u op Opslaan drukt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres van de server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bijvoorbeeld postgresql://account@server:5432/database. Zonder wachtwoord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinding &amp;testen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server &amp;opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adres</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Werkt uw organisatie met een gedeelde database? Vul dan het adres in dat de beheerder u gaf. Zet er geen wachtwoord in: Huisbezoek vraagt het, of leest het uit ~/.pgpass. Leeg laten en opslaan: u werkt weer met het bestand op deze computer. Het geldt vanaf de volgende start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vul eerst een adres in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De server is bereikbaar en vraagt een wachtwoord. Huisbezoek vraagt het als u de coördinatie opent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinding gelukt: organisatie {organisatie}, account {account}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbinden lukte niet. Probeer het nog eens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even geduld: verbinden…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: geen server. Vanaf de volgende start werkt u met het bestand op deze computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen. Vanaf de volgende start werkt u op deze server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tekstgrootte</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van 100 tot 200 procent. Pijltjes: kleiner of groter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoog contrast (zwart op wit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoog contrast</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zwart op wit met dikke randen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minuten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatisch vergrendelen na</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minuten zonder muis of toetsenbord, daarna gaat de kluis op slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taal van het programma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldt na een nieuwe start van Huisbezoek.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een andere taal ziet u nadat u Huisbezoek opnieuw hebt gestart. Wat u afdrukt voor de bewoner blijft Nederlands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tekstgrootte:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vergrendelen na:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Als u een tijd niets doet, gaat de kluis op slot. Dan vraagt het programma opnieuw om uw wachtwoordzin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;aal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{pct}% van de normale grootte</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inzage</name>
    <message>
        <source>Inzage: wat de laptop over {naam} bewaart</source>
        <extracomment>Asks for the printer; tests replace it (see ``pdf_print.PrinterChooser``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit overzicht is voor de bewoner. Het bevat alles wat deze laptop over de bewoner bewaart. Druk het af of sla het op en geef het aan de bewoner.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voorbeeld van het overzicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Even geduld…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Het overzicht afdrukken (Ctrl+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat wij over u bewaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek: inzage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar: {n} pagina&apos;s naar de printer gestuurd.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met afdrukken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overzicht opslaan als PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF-bestanden (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {pad}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Menu</name>
    <message>
        <source>&amp;Bestand</source>
        <extracomment>Below this available height (logical pixels) the status line is hidden. The size the window opens at when it fits the screen (else it opens maximised).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Vergrendelen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet de coördinatie op slot (Ctrl+L). Niemand ziet dan nog gegevens van bewoners. Met uw wachtwoordzin gaat u verder waar u was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Afsluiten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Instellingen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naar de &amp;coördinator sturen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Organisatie-instellingen inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pakket van de coördinator inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nu versturen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verbin&amp;ding met de organisatie…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewone&amp;rs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Lijst van bewoners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe bewoner…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Zoeken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adressen &amp;inlezen (CSV)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Bewaartermijn: wat weg mag…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Hulp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Over Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over Huisbezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huisbezoek {versie}
Voor vrijwilligers die ouderen thuis bezoeken. Alles blijft op deze computer, in een kluis op slot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folders afdrukken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Folders</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Ontgrendelen</name>
    <message>
        <source>De kluis is op slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin om verder te gaan. Alles wat u deed, staat nog klaar.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ uw wachtwoordzin en druk op Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met openen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoordzin &amp;vergeten?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoordzin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit is een demokluis met verzonnen bewoners. De wachtwoordzin is: {wachtwoord}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ eerst uw wachtwoordzin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstellen met uw herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pak het vel met uw herstelsleutel. Typ de sleutel over en kies een nieuwe wachtwoordzin. Streepjes en spaties mogen, hoofdletters maakt niet uit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstelsleutel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De sleutel die u op papier heeft, met of zonder streepjes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>XXXX-XXXX-XXXX-…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een paar woorden die alleen u weet, minstens vier.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwe wachtwoordzin nog een keer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ dezelfde wachtwoordzin nog een keer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstellen en o&amp;penen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Herstel&amp;sleutel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met herstellen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Terug</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nieuwe wachtwoordzin:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog een &amp;keer:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Opvolging</name>
    <message>
        <source>Zoeken op naam, postcode of nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoek op naam, postcode of nummer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle onderwerpen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elke urgentie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle wijken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle open signalen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termijn verlopen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termijn deze week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zonder termijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgorde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meest dringend eerst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Oudste eerst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nieuwste eerst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op termijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Op wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ Vorige</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vorige bladzijde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgende ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Volgende bladzijde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geen signalen gevonden.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen {van} tot en met {tot} van {totaal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Datum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgepakt door</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Termijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signalen om op te volgen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ook afgeronde signalen tonen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{bewoner}. {onderwerp}, {urgentie}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De bewoner heeft de toestemming ingetrokken na de verwijzing. Laat u de dienst weten dat die vervalt?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres: {adres}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Telefoon: {telefoon}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk: {wijk}. Vrijwilliger: {vrijwilliger}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toestemming voor verwijzing naar: {dienst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgesproken: {afspraak}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: een ander signaal. Rechts past u het aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjes: een andere keuze. De lijst past zich meteen aan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ook signalen die klaar zijn in de lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe ver de opvolging is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dienst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welke organisatie het signaal oppakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoe de opvolging afliep.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen uitkomst</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulp gestart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wilde niet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wie het signaal oppakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet aan om een datum te kiezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor welke datum het klaar moet zijn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notitie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een notitie bij de opvolging.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verwijsbrief maken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doorverwezen naar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik licht de dienst in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dienst inlichten is niet nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opvolging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een signaal in de lijst.</source>
        <extracomment>What was typed for the chosen signal when the window locked; put back on unlock.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verwijsbrief opslaan</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Organisatie</name>
    <message>
        <source>Organisatie toegevoegd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisatie: {naam}
Vingerafdruk: {vingerafdruk}

Vergelijk de vingerafdruk met wat de coördinator u door de telefoon voorleest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Instellingenbestand van de organisatie kiezen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Overzicht</name>
    <message>
        <source>Grafiek: bereik per wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{wijk}: {bezocht} bezocht van {totaal}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uitgenodigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in de ronde</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bezocht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grafiek: voortgang tegen de planning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgenodigd {deel}, planning {doel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In leeftijdsgroep</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgenodigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil bezoek</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgezien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verhuisd of overleden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mensen met signaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mensen met een signaal per onderwerp</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{van} tot en met {tot}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Totaal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{deel} van de bewoners van {band} jaar is uitgenodigd. Volgens de planning (klaar op {einde}) zou dat nu {doel} zijn. {oordeel}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezocht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bereik per wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat loopt op schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dat loopt achter op schema.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nog geen signalen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pakket</name>
    <message>
        <source>{n} nieuwe bewoners staan nu in uw lijst.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} stonden er al in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinator heeft {n} zending(en) van u ontvangen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bewoner(s) op verzoek gewist bij de coördinator, nu ook op deze laptop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakket ingelezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakket niet ingelezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakket van de coördinator kiezen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pakketten</name>
    <message>
        <source>Adreslijst van de gemeente inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewoners</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toegewezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wijken en vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voor wie het pakket is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gekozen wijk geven aan deze vrijwilliger</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toewijzingspakket opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuratiepakket maken…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adreslijst en pakketten</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lees de adreslijst in (CSV met naam, straat, huisnummer, postcode, woonplaats, geboortedatum en wijk). Geef daarna elke wijk aan een vrijwilliger en sla het pakket voor die vrijwilliger op. Alleen die vrijwilliger kan het openen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuratie voor alle vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies de map met formulieren, folders en de sociale kaart. Het pakket is ondertekend door de organisatie.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adreslijst kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ingelezen: {nieuw} nieuw, {bij} bijgewerkt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een wijk in de lijst en een vrijwilliger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} bewoners in {wijk} toegewezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toewijzingspakket opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een vrijwilliger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pakket met {n} bewoners opgeslagen: {naam}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map met de inhoud</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuratiepakket opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configuratiepakket opgeslagen: {naam}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Rapport</name>
    <message>
        <source>Rapport voor de gemeente opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over welke periode het rapport gaat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode van het rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> maanden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaartermijn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hoeveel maanden signalen bewaard blijven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toon wat gewist wordt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ik weet dat wissen niet terug kan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet aan voordat u wist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam van de bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Precies zoals de bewoner in de signalen staat.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode van de bewoner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vier cijfers en twee letters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alles over deze bewoner opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zet aan voordat u de bewoner wist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deze bewoner helemaal wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rapport voor de gemeente</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Een PDF en een CSV-bestand met de cijfers per wijk, zonder namen. Aantallen onder de 5 staan er niet in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Periode:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Na deze termijn worden naam, adres en notities van afgeronde signalen gewist. De tellingen blijven.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bewaren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eén bewoner: inzien of wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Postcode</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map voor het rapport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {pdf} en {csv}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is nu niets om te wissen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Van {n} afgeronde signalen (afgesloten vóór {datum}) worden naam, adres, tekst en notities gewist; {met_naam} daarvan hebben een naam. Per onderwerp: {lijst}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gewist: {n} signalen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overzicht opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {naam}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gewist: {a} op de adreslijst, {s} signalen.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SelfCheck</name>
    <message>
        <source>Huisbezoek werkt</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Signaal</name>
    <message>
        <source>Informatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aandacht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct actie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ DIRECT ACTIE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✚ ZORG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● AANDACHT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ℹ INFORMATIE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct actie nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Direct actie nodig</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat doet u nu:
1. Is er direct gevaar? Bel 112.
2. Anders: bespreek met de bewoner wie u nu belt. Overdag is dat de eigen huisarts, &apos;s avonds en in het weekend de huisartsenpost.
3. Blijf bij de bewoner tot de hulp geregeld is. Bel daarna de coördinator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alle &amp;nummers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat u nu doet en alle nummers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⚠ Direct actie nodig: {tekst} {stap}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct gevaar: bel 112. Anders bespreekt u met de bewoner wie u nu belt, bijvoorbeeld {naam}: {nummer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Direct gevaar: bel 112.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Spinnenweb</name>
    <message>
        <source>Lichaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gevoel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zingeving</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kwaliteit van leven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meedoen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagelijks leven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leven</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagelijks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spinnenweb van de zes cijfers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Stand</name>
    <message>
        <source>Nog uitnodigen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgenodigd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afspraak</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezocht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Afgezien</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet bereikt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertrokken</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Thema</name>
    <message>
        <source>Eenzaamheid en contacten</source>
        <extracomment>A theme id: what a signal is about. Any lower-case slug; a form declares the ones that are not built in (``themes:`` in the form file), so an organisation can add one without a release. A leaflet id: the name of a file ``&lt;id&gt;.yaml`` in the leaflets folder.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vallen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eten en gewicht</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mantelzorg</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Geldzaken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dagelijks functioneren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wonen en veiligheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hulp thuis (Wmo)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gezondheid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Andere zorg</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Toestemming</name>
    <message>
        <source>Mondeling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Schriftelijk (getekend)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verbinding</name>
    <message>
        <source>Verbinding met de organisatie</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adres van de uitwisselmap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gebruikersnaam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wachtwoord</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Map op deze computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Map kiezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Adres:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Gebruikersnaam:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wachtwoord:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of een ma&amp;p:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annu&amp;leren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinator geeft u het adres en een wachtwoord voor de uitwisselmap. Of kies de map die de organisatie met u deelt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies de gedeelde map</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vergrendelen</name>
    <message>
        <source>Waarschuwing: de kluis gaat op slot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over {n} seconden gaat de kluis op slot, omdat er even niets gebeurde. Beweeg de muis of druk op een toets om verder te werken.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Versturen</name>
    <message>
        <source>Signalen klaarzetten voor de coördinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er waren geen nieuwe signalen om te delen. Het bestand {bestand} bevat alleen de tellingen per wijk, zonder namen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{n} signalen staan versleuteld in het bestand {bestand}. Geef dit bestand aan de coördinator, bijvoorbeeld op een USB-stick of per e-mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Klaar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies de map (bijvoorbeeld de USB-stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Uitgaande post</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat er klaarstaat om naar de coördinator te gaan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nu versturen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verstuur de zendingen die wachten en haal pakketten op</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bezig met versturen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Er is nog geen uitwisselmap ingesteld. Kies in het menu Bestand &apos;Verbinding met de organisatie&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Verwijzing</name>
    <message>
        <source>Dienst waarnaar de bewoner verwezen wil worden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ om te zoeken in de sociale kaart</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Voortgang</name>
    <message>
        <source>Bezig…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voortgang</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annuleren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stoppen… even geduld.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vraag</name>
    <message>
        <source>✱ Verplichte vraag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{vraag} (verplicht)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: {tekst}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil ik niet zeggen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wil ik niet zeggen: {vraag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet gevraagd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Niet gevraagd: {vraag}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>getal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bijvoorbeeld 15-3-1949</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pijltjestoetsen: naar een ander antwoord. Spatie: kiezen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meer antwoorden mogelijk. Pijltjestoetsen: verder. Spatie: aan of uit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ het antwoord.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ het antwoord. Tab gaat naar de volgende vraag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Typ de datum, bijvoorbeeld 15-3-1949 of 15 maart 1949.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Als de bewoner niet wil antwoorden of de vraag niet gesteld is. {hoe}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Vrijwilligers</name>
    <message>
        <source>Naam</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Laatste zending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vrijwilligers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vingerafdruk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vergelijk deze met wat de vrijwilliger voorleest.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmeldbestand inlezen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vingerafdruk klopt: goedkeuren</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intrekken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand voor vrijwilligers opslaan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lees het aanmeldbestand van een vrijwilliger in. Bel de vrijwilliger en laat de vingerafdruk voorlezen. Klopt elk teken? Keur dan goed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nr. {nr}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vingerafdruk van {naam}: {vingerafdruk}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kies een vrijwilliger om de vingerafdruk te zien.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Aanmeldbestand kiezen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bestand voor vrijwilligers opslaan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opgeslagen: {bestand}. Vingerafdruk van de organisatie: {vingerafdruk}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wissen</name>
    <message>
        <source>Bewoner wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{naam} wissen?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doe dit alleen als de bewoner erom vraagt. Dit haalt alles over deze bewoner van de laptop. Het kan niet ongedaan worden gemaakt.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wat er wordt gewist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>De coördinator heeft {n} signaal of signalen van deze bewoner. Bij uw volgende export krijgt de coördinator het bericht om die ook te wissen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reservekopieën die u eerder maakte, bevatten de bewoner nog. Gooi die weg of maak na het wissen een nieuwe.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Niet wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Ja, alles wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ja, alles over {naam} wissen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dit wordt gewist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>

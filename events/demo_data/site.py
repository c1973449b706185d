# ruff: noqa: E501 (prose stays on one line per paragraph, as coordinators would paste it)
"""BETTER's identity and legal pages, as coordinators would enter them in the admin."""

import datetime as dt

IDENTITY = {
    "acronym": "BETTER",
    "slug": "better",
    "name": {
        "en": "Better e-services through interregional learning",
        "it": "Servizi digitali migliori grazie all'apprendimento interregionale",
        "et": "Paremad e-teenused piirkondadevahelise õppimise kaudu",
        "hu": "Jobb e-szolgáltatások interregionális tanulással",
        "sv": "Bättre e-tjänster genom interregionalt lärande",
        "el": "Καλύτερες ηλεκτρονικές υπηρεσίες μέσω διαπεριφερειακής μάθησης",
    },
    "tagline": {
        "en": "Five cities – Genoa, Birmingham, Gävle, Tartu and Nyíregyháza – learn from each "
        "other how to improve public e-services.",
        "it": "Cinque città – Genova, Birmingham, Gävle, Tartu e Nyíregyháza – imparano l’una "
        "dall’altra come migliorare i servizi pubblici digitali.",
        "et": "Viis linna – Genova, Birmingham, Gävle, Tartu ja Nyíregyháza – õpivad üksteiselt, "
        "kuidas avalikke e-teenuseid paremaks muuta.",
        "hu": "Öt város – Genova, Birmingham, Gävle, Tartu és Nyíregyháza – egymástól tanulja, "
        "hogyan javíthatók a közszolgáltatások elektronikus formái.",
        "sv": "Fem städer – Genua, Birmingham, Gävle, Tartu och Nyíregyháza – lär av varandra hur "
        "offentliga e-tjänster kan förbättras.",
        "el": "Πέντε πόλεις – Γένοβα, Μπέρμιγχαμ, Γιαίβλε, Τάρτου και Νιρεγκιχάζα – μαθαίνουν η "
        "μία από την άλλη πώς να βελτιώσουν τις δημόσιες ηλεκτρονικές υπηρεσίες.",
    },
    "description": {
        "en": "BETTER is an Interreg Europe project of Genoa, Birmingham, Gävle, Tartu and "
        "Nyíregyháza: five cities improving public e-services together.",
        "it": "BETTER è un progetto Interreg Europe di Genova, Birmingham, Gävle, Tartu e "
        "Nyíregyháza: cinque città che insieme migliorano i servizi pubblici digitali.",
        "et": "BETTER on Genova, Birminghami, Gävle, Tartu ja Nyíregyháza Interreg Europe projekt: "
        "viis linna parendavad üheskoos avalikke e-teenuseid.",
        "hu": "A BETTER Genova, Birmingham, Gävle, Tartu és Nyíregyháza közös Interreg Europe "
        "projektje: öt város közösen fejleszti az elektronikus közszolgáltatásokat.",
        "sv": "BETTER är ett Interreg Europe-projekt med Genua, Birmingham, Gävle, Tartu och "
        "Nyíregyháza: fem städer som tillsammans förbättrar offentliga e-tjänster.",
        "el": "Το BETTER είναι έργο Interreg Europe των πόλεων Γένοβα, Μπέρμιγχαμ, Γιαίβλε, Τάρτου "
        "και Νιρεγκιχάζα: πέντε πόλεις βελτιώνουν μαζί τις δημόσιες ηλεκτρονικές υπηρεσίες.",
    },
    "programme_name": {lang: "Interreg Europe" for lang in ("en", "it", "et", "hu", "sv", "el")},
    "contact_address": "BETTER project, Comune di Genova\nVia Garibaldi 9\n16124 Genova\nItaly",
    "contact_email": "info@better.example",
    "social_links": "https://www.interregeurope.eu/better",
    # The developer's machine: `make run` serves BETTER on http://localhost:8000/ (and on any
    # other host, as the first project), OPEN TOWNS on http://open-towns.localhost:8000/.
    "domain": "localhost",
}

ACCESSIBILITY = {
    "en": """The partners of the BETTER project are committed to making this portal accessible, in accordance with Directive (EU) 2016/2102 of the European Parliament and of the Council and the national laws that transpose it.

This accessibility statement applies to the BETTER portal.

## Compliance status
This website is partially compliant with EN 301 549 V3.2.1 because of the non-compliance listed below. Its pages are built and tested to the Web Content Accessibility Guidelines (WCAG) 2.2, level AA.

## Non-accessible content
Some documents that partners upload (presentation slides and reports in PDF) may not be fully accessible. Ask us and we send you an accessible version.

## Preparation of this accessibility statement
The method used to prepare this statement is a self-assessment by the project team: automated checks of every page type with axe-core, and manual checks with the keyboard, a screen reader and at 400 % zoom.

## Feedback and contact information
Tell us about any accessibility problem, or ask for information in an accessible format, at the address below. We answer within 15 working days.

## Enforcement procedure
If our answer does not satisfy you, you may turn to the body that enforces the Web Accessibility Directive in your country.""",
    "it": """I partner del progetto BETTER si impegnano a rendere accessibile questo portale, conformemente alla direttiva (UE) 2016/2102 del Parlamento europeo e del Consiglio e alle leggi nazionali che la recepiscono.

La presente dichiarazione di accessibilità si applica al portale BETTER.

## Stato di conformità
Questo sito web è parzialmente conforme alla norma EN 301 549 V3.2.1 a causa della non conformità elencata di seguito. Le sue pagine sono realizzate e verificate secondo le linee guida WCAG 2.2, livello AA.

## Contenuti non accessibili
Alcuni documenti caricati dai partner (presentazioni e rapporti in PDF) potrebbero non essere del tutto accessibili. Su richiesta ne inviamo una versione accessibile.

## Redazione della presente dichiarazione
La dichiarazione è stata redatta tramite un’autovalutazione del gruppo di progetto: verifiche automatiche di ogni tipo di pagina con axe-core e verifiche manuali con la tastiera, un lettore di schermo e lo zoom al 400 %.

## Feedback e recapiti
Segnalateci qualsiasi problema di accessibilità, o chiedete informazioni in un formato accessibile, all’indirizzo indicato sotto. Rispondiamo entro 15 giorni lavorativi.

## Procedura di attuazione
Se la nostra risposta non vi soddisfa, potete rivolgervi all’organismo che nel vostro paese vigila sull’applicazione della direttiva sull’accessibilità del web.""",
    "et": """BETTER projekti partnerid on võtnud kohustuse muuta see portaal ligipääsetavaks kooskõlas Euroopa Parlamendi ja nõukogu direktiiviga (EL) 2016/2102 ja selle üle võtnud riiklike õigusaktidega.

See ligipääsetavuse teatis kehtib BETTER portaali kohta.

## Vastavuse staatus
See veebisait vastab osaliselt standardile EN 301 549 V3.2.1 allpool loetletud mittevastavuse tõttu. Selle lehed on tehtud ja testitud veebisisu juurdepääsetavuse suuniste (WCAG) 2.2 AA-taseme järgi.

## Ligipääsmatu sisu
Mõned partnerite üles laaditud dokumendid (esitlused ja PDF-aruanded) ei pruugi olla täielikult ligipääsetavad. Küsige meilt ja saadame teile ligipääsetava versiooni.

## Teatise koostamine
Teatis on koostatud projektimeeskonna enesehindamise põhjal: iga lehetüübi automaatne kontroll axe-core’iga ning käsitsi kontroll klaviatuuri, ekraanilugeja ja 400 % suurendusega.

## Tagasiside ja kontaktandmed
Teatage meile igast ligipääsetavuse probleemist või küsige teavet ligipääsetavas vormingus allpool toodud aadressil. Vastame 15 tööpäeva jooksul.

## Jõustamismenetlus
Kui meie vastus teid ei rahulda, võite pöörduda oma riigi asutuse poole, kes teostab järelevalvet veebi ligipääsetavuse direktiivi täitmise üle.""",
    "hu": """A BETTER projekt partnerei elkötelezettek amellett, hogy ez a portál akadálymentes legyen, összhangban az Európai Parlament és a Tanács (EU) 2016/2102 irányelvével és az azt átültető nemzeti jogszabályokkal.

Ez az akadálymentességi nyilatkozat a BETTER portálra vonatkozik.

## Megfelelőségi státusz
Ez a honlap az alább felsorolt eltérés miatt részben megfelel az EN 301 549 V3.2.1 szabványnak. Oldalai a Webes tartalmak akadálymentesítési irányelvei (WCAG) 2.2 AA szintje szerint készültek és ellenőrzöttek.

## Nem akadálymentes tartalom
A partnerek által feltöltött egyes dokumentumok (bemutatók és PDF-jelentések) nem feltétlenül teljesen akadálymentesek. Kérésre elküldjük akadálymentes változatukat.

## A nyilatkozat elkészítése
A nyilatkozat a projektcsapat önértékelése alapján készült: minden oldaltípus automatikus ellenőrzése axe-core eszközzel, valamint kézi ellenőrzés billentyűzettel, képernyőolvasóval és 400 %-os nagyítással.

## Visszajelzés és elérhetőség
Bármilyen akadálymentességi problémát, illetve akadálymentes formátumú tájékoztatás iránti kérést az alábbi címen jelezhet. 15 munkanapon belül válaszolunk.

## Végrehajtási eljárás
Ha válaszunkkal nem elégedett, fordulhat az országában a webes akadálymentességi irányelv betartását felügyelő szervhez.""",
    "sv": """Partnerna i BETTER-projektet står bakom att göra den här portalen tillgänglig i enlighet med Europaparlamentets och rådets direktiv (EU) 2016/2102 och de nationella lagar som genomför det.

Denna tillgänglighetsredogörelse gäller BETTER-portalen.

## Överensstämmelsestatus
Webbplatsen är delvis förenlig med EN 301 549 V3.2.1 på grund av den brist som anges nedan. Sidorna är byggda och testade enligt riktlinjerna för tillgängligt webbinnehåll (WCAG) 2.2, nivå AA.

## Innehåll som inte är tillgängligt
Vissa dokument som partnerna laddar upp (presentationer och rapporter i PDF) är kanske inte helt tillgängliga. Hör av dig så skickar vi en tillgänglig version.

## Hur redogörelsen har tagits fram
Redogörelsen bygger på projektgruppens egen bedömning: automatiska kontroller av varje sidtyp med axe-core och manuella kontroller med tangentbord, skärmläsare och 400 % förstoring.

## Återkoppling och kontaktuppgifter
Berätta för oss om tillgänglighetsproblem, eller be om information i tillgängligt format, på adressen nedan. Vi svarar inom 15 arbetsdagar.

## Tillsyn
Om du inte är nöjd med vårt svar kan du vända dig till den myndighet som har tillsyn över webbtillgänglighetsdirektivet i ditt land.""",
    "el": """Οι εταίροι του έργου BETTER δεσμεύονται να καταστήσουν προσβάσιμη αυτή την πύλη, σύμφωνα με την οδηγία (ΕΕ) 2016/2102 του Ευρωπαϊκού Κοινοβουλίου και του Συμβουλίου και τους εθνικούς νόμους που την ενσωματώνουν.

Η παρούσα δήλωση προσβασιμότητας ισχύει για την πύλη BETTER.

## Κατάσταση συμμόρφωσης
Ο παρών ιστότοπος συμμορφώνεται εν μέρει με το πρότυπο EN 301 549 V3.2.1 λόγω της μη συμμόρφωσης που αναφέρεται παρακάτω. Οι σελίδες του έχουν κατασκευαστεί και ελεγχθεί σύμφωνα με τις οδηγίες WCAG 2.2, επίπεδο AA.

## Μη προσβάσιμο περιεχόμενο
Ορισμένα έγγραφα που ανεβάζουν οι εταίροι (παρουσιάσεις και εκθέσεις σε PDF) ενδέχεται να μην είναι πλήρως προσβάσιμα. Ζητήστε το και θα σας στείλουμε προσβάσιμη εκδοχή.

## Κατάρτιση της παρούσας δήλωσης
Η δήλωση καταρτίστηκε με αυτοαξιολόγηση της ομάδας του έργου: αυτόματους ελέγχους κάθε τύπου σελίδας με το axe-core και χειροκίνητους ελέγχους με πληκτρολόγιο, αναγνώστη οθόνης και μεγέθυνση 400 %.

## Παρατηρήσεις και στοιχεία επικοινωνίας
Αναφέρετέ μας οποιοδήποτε πρόβλημα προσβασιμότητας ή ζητήστε πληροφορίες σε προσβάσιμη μορφή στη διεύθυνση που ακολουθεί. Απαντούμε εντός 15 εργάσιμων ημερών.

## Διαδικασία εφαρμογής
Αν η απάντησή μας δεν σας ικανοποιεί, μπορείτε να απευθυνθείτε στον φορέα που εποπτεύει την εφαρμογή της οδηγίας για την προσβασιμότητα του ιστού στη χώρα σας.""",
}

PRIVACY = {
    "en": """This notice says what personal data the BETTER portal stores, why, for how long, and whom to ask. The controller is the lead partner, the Municipality of Genoa (contact below).

## Readers
Reading the portal needs no account. There is no tracking and there are no analytics cookies. A cookie remembers the time zone you chose for event times, and nothing else. The server's logs keep addresses of requests for up to 14 days, to keep the service secure.

## Partner staff and coordinators
For each login: name, e-mail address, organisation, and who changed what and when. They are kept while the project and the programme's audit period last.

## People and photos on public pages
Experts and contact persons are shown with name, organisation and role only; e-mail addresses are never public. Photos from events are published only when the people shown have agreed.

## Your rights
Under the General Data Protection Regulation (EU) 2016/679 you may ask to see, correct or erase your data, object to its use, and complain to your data protection authority. Write to the contact address.""",
    "it": """Questa informativa spiega quali dati personali conserva il portale BETTER, perché, per quanto tempo e a chi rivolgersi. Il titolare del trattamento è il capofila, il Comune di Genova (recapiti sotto).

## Lettori
Per leggere il portale non serve un account. Non c’è tracciamento e non ci sono cookie di analisi. Un cookie ricorda il fuso orario scelto per gli orari degli eventi, e nient’altro. I log del server conservano gli indirizzi delle richieste per un massimo di 14 giorni, per la sicurezza del servizio.

## Personale dei partner e coordinatori
Per ogni accesso: nome, indirizzo e-mail, organizzazione, e chi ha modificato cosa e quando. Sono conservati per la durata del progetto e del periodo di audit del programma.

## Persone e foto nelle pagine pubbliche
Esperti e referenti compaiono solo con nome, organizzazione e ruolo; gli indirizzi e-mail non sono mai pubblici. Le foto degli eventi sono pubblicate solo con il consenso delle persone ritratte.

## I vostri diritti
In base al Regolamento generale sulla protezione dei dati (UE) 2016/679 potete chiedere di accedere ai vostri dati, di rettificarli o cancellarli, opporvi al loro uso e presentare reclamo all’autorità di protezione dei dati. Scrivete all’indirizzo di contatto.""",
    "et": """See teade selgitab, milliseid isikuandmeid BETTER portaal säilitab, miks, kui kaua ja kelle poole pöörduda. Vastutav töötleja on juhtpartner, Genova linn (kontaktandmed allpool).

## Lugejad
Portaali lugemiseks ei ole kontot vaja. Jälgimist ega analüüsiküpsiseid ei ole. Üks küpsis jätab meelde ürituste aegade jaoks valitud ajavööndi ja mitte midagi muud. Serveri logid hoiavad päringute aadresse kuni 14 päeva teenuse turvalisuse huvides.

## Partnerite töötajad ja koordinaatorid
Iga kasutajakonto kohta: nimi, e-posti aadress, organisatsioon ning kes mida ja millal muutis. Neid hoitakse projekti ja programmi auditiperioodi vältel.

## Inimesed ja fotod avalikel lehtedel
Eksperte ja kontaktisikuid näidatakse ainult nime, organisatsiooni ja rolliga; e-posti aadressid ei ole kunagi avalikud. Ürituste fotosid avaldatakse ainult siis, kui pildil olevad inimesed on nõustunud.

## Teie õigused
Isikuandmete kaitse üldmääruse (EL) 2016/679 alusel võite taotleda oma andmetega tutvumist, nende parandamist või kustutamist, esitada vastuväite nende kasutamisele ja kaevata andmekaitseasutusele. Kirjutage kontaktaadressil.""",
    "hu": """Ez a tájékoztató elmondja, milyen személyes adatokat tárol a BETTER portál, miért, meddig, és kihez lehet fordulni. Az adatkezelő a vezető partner, Genova városa (elérhetőség lent).

## Olvasók
A portál olvasásához nincs szükség fiókra. Nincs követés és nincsenek elemző sütik. Egy süti megjegyzi az események időpontjaihoz választott időzónát, mást nem. A szerver naplói a kérések címeit legfeljebb 14 napig őrzik a szolgáltatás biztonsága érdekében.

## A partnerek munkatársai és a koordinátorok
Minden fiókról: név, e-mail-cím, szervezet, valamint hogy ki mit és mikor módosított. Ezeket a projekt és a program ellenőrzési időszakának végéig őrizzük.

## Személyek és fényképek a nyilvános oldalakon
A szakértők és kapcsolattartók csak névvel, szervezettel és szereppel jelennek meg; e-mail-címük soha nem nyilvános. Az eseményekről készült fényképeket csak a rajtuk szereplők hozzájárulásával tesszük közzé.

## Az Ön jogai
Az (EU) 2016/679 általános adatvédelmi rendelet alapján kérheti adatai megismerését, helyesbítését vagy törlését, tiltakozhat felhasználásuk ellen, és panaszt tehet az adatvédelmi hatóságnál. Írjon a kapcsolattartási címre.""",
    "sv": """Den här informationen berättar vilka personuppgifter BETTER-portalen sparar, varför, hur länge och vem du kan fråga. Personuppgiftsansvarig är den ledande partnern, Genuas kommun (kontaktuppgifter nedan).

## Läsare
Du behöver inget konto för att läsa portalen. Det finns ingen spårning och inga analyskakor. En kaka minns den tidszon du valt för evenemangens tider, inget annat. Serverns loggar sparar förfrågningarnas adresser i högst 14 dagar för tjänstens säkerhet.

## Partnernas personal och samordnare
För varje inloggning: namn, e-postadress, organisation samt vem som ändrade vad och när. Uppgifterna sparas så länge projektet och programmets granskningsperiod pågår.

## Personer och foton på publika sidor
Experter och kontaktpersoner visas bara med namn, organisation och roll; e-postadresser är aldrig publika. Foton från evenemang publiceras bara om de som syns på dem har samtyckt.

## Dina rättigheter
Enligt dataskyddsförordningen (EU) 2016/679 kan du begära att få se, rätta eller radera dina uppgifter, invända mot att de används och klaga hos dataskyddsmyndigheten. Skriv till kontaktadressen.""",
    "el": """Η παρούσα ενημέρωση εξηγεί ποια προσωπικά δεδομένα αποθηκεύει η πύλη BETTER, γιατί, για πόσο και σε ποιον να απευθυνθείτε. Υπεύθυνος επεξεργασίας είναι ο επικεφαλής εταίρος, ο Δήμος της Γένοβας (στοιχεία επικοινωνίας παρακάτω).

## Αναγνώστες
Για την ανάγνωση της πύλης δεν χρειάζεται λογαριασμός. Δεν υπάρχει παρακολούθηση ούτε cookies ανάλυσης. Ένα cookie θυμάται τη ζώνη ώρας που επιλέξατε για τις ώρες των εκδηλώσεων και τίποτε άλλο. Τα αρχεία καταγραφής του διακομιστή κρατούν τις διευθύνσεις των αιτημάτων έως 14 ημέρες, για την ασφάλεια της υπηρεσίας.

## Προσωπικό των εταίρων και συντονιστές
Για κάθε λογαριασμό: όνομα, διεύθυνση ηλεκτρονικού ταχυδρομείου, οργανισμός, καθώς και ποιος άλλαξε τι και πότε. Διατηρούνται όσο διαρκούν το έργο και η περίοδος ελέγχου του προγράμματος.

## Πρόσωπα και φωτογραφίες στις δημόσιες σελίδες
Οι εμπειρογνώμονες και οι υπεύθυνοι επικοινωνίας εμφανίζονται μόνο με όνομα, οργανισμό και ρόλο· οι διευθύνσεις ηλεκτρονικού ταχυδρομείου δεν δημοσιεύονται ποτέ. Οι φωτογραφίες από εκδηλώσεις δημοσιεύονται μόνο με τη συγκατάθεση όσων εικονίζονται.

## Τα δικαιώματά σας
Βάσει του Γενικού Κανονισμού για την Προστασία Δεδομένων (ΕΕ) 2016/679 μπορείτε να ζητήσετε πρόσβαση, διόρθωση ή διαγραφή των δεδομένων σας, να αντιταχθείτε στη χρήση τους και να υποβάλετε καταγγελία στην αρχή προστασίας δεδομένων. Γράψτε στη διεύθυνση επικοινωνίας.""",
}

CONTACT = {
    "en": """The BETTER portal is published by the partners of the BETTER project, co-funded by the European Union through the Interreg Europe programme.

## Responsible for the content
The lead partner, the Municipality of Genoa, on behalf of the partners: Genoa, Birmingham, Gävle, Tartu and Nyíregyháza.

## Disclaimer
The content of this portal reflects only its authors’ views. The Interreg Europe programme authorities are not liable for any use that may be made of the information it contains.""",
    "it": """Il portale BETTER è pubblicato dai partner del progetto BETTER, cofinanziato dall’Unione europea tramite il programma Interreg Europe.

## Responsabile dei contenuti
Il capofila, il Comune di Genova, per conto dei partner: Genova, Birmingham, Gävle, Tartu e Nyíregyháza.

## Esclusione di responsabilità
I contenuti di questo portale riflettono soltanto le opinioni dei loro autori. Le autorità del programma Interreg Europe non sono responsabili dell’uso che può essere fatto delle informazioni in esso contenute.""",
    "et": """BETTER portaali avaldavad BETTER projekti partnerid; projekti kaasrahastab Euroopa Liit Interreg Europe programmi kaudu.

## Sisu eest vastutab
Juhtpartner Genova linn partnerite nimel: Genova, Birmingham, Gävle, Tartu ja Nyíregyháza.

## Vastutusest loobumine
Portaali sisu kajastab üksnes selle autorite seisukohti. Interreg Europe programmi asutused ei vastuta selles sisalduva teabe mis tahes kasutamise eest.""",
    "hu": """A BETTER portált a BETTER projekt partnerei adják ki; a projektet az Európai Unió az Interreg Europe programon keresztül társfinanszírozza.

## A tartalomért felelős
A vezető partner, Genova városa, a partnerek nevében: Genova, Birmingham, Gävle, Tartu és Nyíregyháza.

## Felelősségkizárás
A portál tartalma kizárólag szerzői véleményét tükrözi. Az Interreg Europe program hatóságai nem felelősek az abban foglalt információk bármilyen felhasználásáért.""",
    "sv": """BETTER-portalen ges ut av partnerna i BETTER-projektet, som medfinansieras av Europeiska unionen genom programmet Interreg Europe.

## Ansvarig för innehållet
Den ledande partnern, Genuas kommun, för partnernas räkning: Genua, Birmingham, Gävle, Tartu och Nyíregyháza.

## Ansvarsfriskrivning
Innehållet på portalen återspeglar endast upphovspersonernas åsikter. Myndigheterna för programmet Interreg Europe ansvarar inte för hur informationen på portalen används.""",
    "el": """Η πύλη BETTER δημοσιεύεται από τους εταίρους του έργου BETTER, το οποίο συγχρηματοδοτείται από την Ευρωπαϊκή Ένωση μέσω του προγράμματος Interreg Europe.

## Υπεύθυνος για το περιεχόμενο
Ο επικεφαλής εταίρος, ο Δήμος της Γένοβας, εκ μέρους των εταίρων: Γένοβα, Μπέρμιγχαμ, Γιαίβλε, Τάρτου και Νιρεγκιχάζα.

## Αποποίηση ευθύνης
Το περιεχόμενο της πύλης αντανακλά μόνο τις απόψεις των συντακτών του. Οι αρχές του προγράμματος Interreg Europe δεν ευθύνονται για οποιαδήποτε χρήση των πληροφοριών που περιέχει.""",
}

LEGAL_PAGES = [
    {
        "kind": "accessibility",
        "title": {
            "en": "Accessibility statement",
            "it": "Dichiarazione di accessibilità",
            "et": "Ligipääsetavuse teatis",
            "hu": "Akadálymentességi nyilatkozat",
            "sv": "Tillgänglighetsredogörelse",
            "el": "Δήλωση προσβασιμότητας",
        },
        "body": ACCESSIBILITY,
        "last_reviewed": dt.date(2026, 12, 1),
    },
    {
        "kind": "privacy",
        "title": {
            "en": "Privacy notice",
            "it": "Informativa sulla privacy",
            "et": "Privaatsusteade",
            "hu": "Adatvédelmi tájékoztató",
            "sv": "Integritetsmeddelande",
            "el": "Ενημέρωση για την προστασία προσωπικών δεδομένων",
        },
        "body": PRIVACY,
        "last_reviewed": None,
    },
    {
        "kind": "contact",
        "title": {
            "en": "Contact and imprint",
            "it": "Contatti e note legali",
            "et": "Kontakt ja impressum",
            "hu": "Kapcsolat és impresszum",
            "sv": "Kontakt och utgivare",
            "el": "Επικοινωνία και στοιχεία έκδοσης",
        },
        "body": CONTACT,
        "last_reviewed": None,
    },
]

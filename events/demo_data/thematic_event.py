# ruff: noqa: E501 (prose stays on one line per paragraph, to compare with the seeds)
"""Thematic event #3, its three workshops and its move online (seeds 000 and 001)."""

import datetime as dt

from .prose import paragraphs

# Hosted by Birmingham but held online. Its zone is Europe/Rome, not the host's Europe/London: the
# items give the times in CET (Swedish, "10.30 - 12.00 CET") and in Tallinn time (Estonian,
# 11:30 – 13:00), and Central European time is the project's working zone, the lead partner's.
# Either way the instants are 08:30–10:00 UTC.

# The items' timetables (date, time, topic, expert of each workshop) are the workshops below, not
# prose in the body: the page shows them in the reader's chosen zone. Their facts: the topics are
# the workshop titles, the experts the workshop experts, and "16 juni, 10.30 - 12.00 CET"
# (Swedish; CEST in fact, June) and "16 Juuni, 11:30 – 13:00" (Estonian, Tallinn time) are the
# same instants, 08:30–10:00 UTC. The items' paragraphs on each workshop are its description.

# Workshop titles are the quoted topics of the items' tables, as written; the items' labels
# ("Workshop 2:", and "Seminar 1:" in the Estonian item) are the session number, kept in `order`.
TE3_WORKSHOPS = [
    {
        "order": 1,
        "start": dt.datetime(2020, 6, 16, 8, 30, tzinfo=dt.UTC),
        "end": dt.datetime(2020, 6, 16, 10, 0, tzinfo=dt.UTC),
        "experts": ["Lauri Sock"],
        "title": {
            "sv": "Bygga samarbete för datainsamling: Tillhandahålla stöd för att stimulera effektivt arbete i offentlig och privat sektor",
            "et": "Partnerluse kujundamine andmete kogumiseks: näited, kuidas soodustada edukat koostööd avaliku ja erasektori vahel.",
            "en": "Building partnerships for data collection: supporting effective cooperation between the public and private sectors",
        },
        "description": {
            "sv": 'Deltagarna undersökte hur man kunde koppla samman privata och offentliga intressenter i arbetet med att samla in data för det allmännas bästa och på så sätt skapa en "win-win" situation.',
            "et": "Seminaril 1 uurisid osalejad, kuidas ühendada avaliku ja erasektori huvigruppe andmete kogumiseks suurema eesmärgi nimel ning saavutada võit-võit olukord.",
            "en": "Participants explored how to bring private and public stakeholders together to collect data for the common good, and so create a win-win situation.",
        },
    },
    {
        "order": 2,
        "start": dt.datetime(2020, 6, 17, 8, 30, tzinfo=dt.UTC),
        "end": dt.datetime(2020, 6, 17, 10, 0, tzinfo=dt.UTC),
        "experts": ["Henrik Mazzanti"],
        "title": {
            "sv": "Datavisualisering: Ett sätt att effektivt interagera med våra medborgare och i offentlig och privat sektor",
            "et": "Andmete visualiseerimine: meetodid kaasamiseks linnaelanikke ja avalikku ning erasektorit.",
            "en": "Data visualisation: a way to interact effectively with our citizens and with the public and private sectors",
        },
        "description": {
            "sv": "Experter ledde en diskussion om städers dataplattformar som hjälper oss utnyttja existerande data och om hur visualiserad data kan förenkla beslutsprocesser.",
            "et": "Seminaril 2 juhtisid eksperdid arutelu linnaplatvormide näitel, mis rakendavad olemasolevaid suurandmeid ja tutvustasid, kuidas visualiseeritud andmed saavad olla abiks otsuste tegemise protsessides.",
            "en": "Experts led a discussion of city data platforms that help us make use of existing (big) data, and of how visualised data can simplify decision-making.",
        },
    },
    {
        "order": 3,
        "start": dt.datetime(2020, 6, 18, 8, 30, tzinfo=dt.UTC),
        "end": dt.datetime(2020, 6, 18, 10, 0, tzinfo=dt.UTC),
        "experts": ["Steve Harding"],
        "title": {
            "sv": "Reform i offentlig sektor: Hur data kan användas för att stödja den offentliga förvaltningens mål och främja mer integrerade arbets- och styrningsmodeller",
            "et": "Avaliku sektori reform: kuidas kasutada andmeid, et toetada avaliku sektori eesmärkide saavutamist, soodustada tugevamalt integreeritud tegevust ning juhtimismudeleid.",
            "en": "Public sector reform: how data can be used to support the goals of public administration and to foster more integrated working and governance models",
        },
        "description": {
            "sv": "Better-teamet och intressenterna diskuterade hur designtänkande som en kognitiv, strategisk och praktisk metod kan användas för att hjälpa offentlig förvaltning att möta de utmaningar de står inför.",
            "et": "Seminaril 3 arutlesid projekti partnerid ja huvirühmade esindajad, kuidas disainmõtlemine kui tunnetuslik, strateegiline ja praktiline protsess toimib ning kuidas ja millal seda rakendada avalikus sektoris.",
            "en": "The BETTER team and stakeholders discussed how design thinking, as a cognitive, strategic and practical process, works and can help public administrations meet the challenges they face, and when to apply it.",
        },
    },
]

THEMATIC_EVENT_3 = {
    "kind": "thematic",
    "number": 3,
    "slug": "thematic-event-3",
    "title": {
        "sv": "BETTER:s virtuella tematiska evenemang",
        "et": "BETTER projekti virtuaalne temaatiline üritus",
        "en": "BETTER virtual thematic event",
    },
    "summary": {
        "sv": "BETTER-teamet genomförde sitt tematiska evenemang #3 digitalt på grund av fortsatta folkhälsoproblem kopplat till Covid-19/coronaviruset och med hänsyn till våra intressenters, leverantörers och andra mötesdeltagares hälsa och välmående. Mötet skulle ursprungligen hållits i Birmingham (UK) i form av ett fysiskt möte.",
        "et": "BETTER projekti kolmas temaatiline üritus toimus Covid-19 põhjustatud olukorrast tingituna virtuaalselt. Algselt juba märtsis 2020.a Inglismaal Birminghamis kavandatud traditsiooniline kokkusaamine leidis aset aga alles juunis.",
        "en": "The BETTER team held its thematic event #3 online because of the continuing public-health concerns over COVID-19, the coronavirus, and out of regard for the health and well-being of our stakeholders, suppliers and other participants. The meeting was originally to be held in Birmingham (UK) as a physical meeting.",
    },
    "body": {
        "sv": paragraphs(
            "Det slutliga virtuella evenemanget innehöll en serie workshops och hölls under tre dagar enligt följande:",
            "Samtliga workshops genomfördes på plattformen WEBEX. Mötena visade sig vara framgångsrika i att möta parternas kunskapsbehov och utgör en plattform för de interregionala utbildningsaktiviteter som startar i augusti 2020.",
            "Om BETTER",
            "BETTER är ett Interreg Europa-projekt som involverar fem kommuner (Genua i Italien, Tartu i Estland, Nyíregyháza i Ungern, Birmingham i Storbritannien och Gävle i Sverige) vars uppdrag är att stödja myndigheter i utvecklandet av regionala innovationsstrategier och förbättra offentliga e-tjänster för att stimulera den regionala innovationskedjan.",
            "För mer information om BETTER, besök oss på https://www.interregeurope.eu/better/",
        ),
        "et": paragraphs(
            "Pärast mitmeid edasilükkasimisi ja põhjalikku eeltööd otsustati virtuaalse kogemuste jagamise kasuks, mis kulmineerus seminaridega alljärgnevate teemade raames kolme sessioonina.",
            "Kolm sessiooni toimusid Webex platvormi vahendusel, kusjuures kõik teemad ja ettekanded olid eelnevalt kõigile osalejatele kättesaadavad veebikeskkonnas (google classroom). Samas oli enne ja pärast seminare võimalik ekspertidele esitada küsimusi ja saada ka vastuseid. Seminarid hinnati edukaks. Need toetasid oluliselt partnerite tegevusplaanide täpsustamist ja õppimisvajaduste välja selgitamist, samuti räägiti läbi järgmise perioodi - alates augustist 2020 - tegevused ja muudatused seoses eriolukorraga.",
            "BETTER",
            "BETTER on Interreg Europe projekt, kus osalevad viis linnavalitsust (Genoa- IT, Tartu-EE, Nyíregyháza-HU, Birmingham- UK ja Gävle - SE), kes otsivad lahendust ühisele väljakutsele - kuidas toetada avalikku sektorit regionaalsete innovatsioonistrateegiate arendamisel läbi paremate e-valitsemise lahenduste.",
            "Rohkem informatsiooni projektist BETTER: https://www.interregeurope.eu/better/",
        ),
        "en": paragraphs(
            "After several postponements and thorough preparation, the final virtual event was a series of workshops held over three days, as follows:",
            "All the workshops were held on the Webex platform; the topics and presentations were available to all participants beforehand in an online classroom (Google Classroom), and participants could put questions to the experts before and after the workshops. The meetings proved successful in meeting the partners' knowledge needs: they helped the partners refine their action plans and identify their learning needs, and they are a platform for the interregional learning activities starting in August 2020.",
            "About BETTER",
            "BETTER is an Interreg Europe project involving five municipalities (Genoa in Italy, Tartu in Estonia, Nyíregyháza in Hungary, Birmingham in the United Kingdom and Gävle in Sweden) whose mission is to support public authorities in developing regional innovation strategies and to improve public e-services so as to stimulate the regional innovation chain.",
            "For more information about BETTER, visit https://www.interregeurope.eu/better/",
        ),
    },
    "host": "birmingham",
    "participations": [
        ("birmingham", "host"),
        ("genoa", "participant"),
        ("gavle", "participant"),
        ("tartu", "participant"),
        ("nyiregyhaza", "participant"),
    ],
    "start_date": dt.date(2020, 6, 16),
    "end_date": dt.date(2020, 6, 18),
    "start_time": dt.time(10, 30),
    "end_time": dt.time(12, 0),
    "timezone": "Europe/Rome",
    "format": "online",
    "online_platform": "Webex",
    "status": "moved_online",
    "is_published": True,
    "workshops": TE3_WORKSHOPS,
    "changes": [
        {
            "previous_start_date": dt.date(2020, 3, 1),
            "previous_end_date": dt.date(2020, 3, 31),
            "previous_date_precision": "month",
            "previous_city": {"en": "Birmingham"},
            "previous_format": "in_person",
            "reason": {
                "sv": "Evenemanget genomfördes digitalt på grund av fortsatta folkhälsoproblem kopplat till Covid-19/coronaviruset.",
                "et": "Üritus toimus Covid-19 põhjustatud olukorrast tingituna virtuaalselt.",
                "en": "Moved online because of the continuing public-health concerns over COVID-19.",
            },
        },
    ],
}

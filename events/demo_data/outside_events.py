# ruff: noqa: E501 (prose stays on one line per paragraph, to compare with the seeds)
"""Outside events: Offentliga Rummet 2018 (seed 003) and the hubs' webinar (seed 004)."""

import datetime as dt

from .organisations import HUBS
from .prose import paragraphs

# Seed 003, published 7 December 2017 by the hosts.
OFFENTLIGA_RUMMET_2018 = {
    "kind": "outside",
    "slug": "offentliga-rummet-2018",
    "title": {"en": "Offentliga Rummet 2018", "sv": "Offentliga Rummet 2018"},
    "summary": {
        "sv": "Värdar för Offentliga Rummet 2018 är Västra Götalandsregionen, VästKom och Göteborgs Stad. Vi ser fram emot att hysa värdskapet för Sveriges största och mest besökta konferens inom digitalisering.",
        "en": "The hosts of Offentliga Rummet 2018 are Region Västra Götaland, VästKom and the City of Gothenburg. We look forward to hosting Sweden's largest and most visited conference on digitalisation.",
    },
    "body": {
        "sv": paragraphs(
            "I Västra Götaland har ett samarbete inom digitalisering funnits sedan år 2009 mellan landstinget och kommunerna när det gäller utveckling av gemensamma digitaliseringsprojekt. Sedan november 2015 finns också en länsgemensam digitaliseringsstrategi, den ”regionala digitala agendan”, vilken beslutats i regionstyrelsen. Agendan beskriver samverkan och samarbete som en nyckelfråga. Digitalisering ska åstadkomma bättre tjänster för invånare och näringsliv i länet, samt bidra till effektivare intern verksamhet.",
            "– Genom detta värdskap vill vi förtydliga länets ambitioner att arbeta tillsammans inom området. Vi vill åstadkomma ett snabbare införande av digitaliseringens positiva effekter i våra verksamheter för att ge våra invånare nya och bättre möjligheter att umgås med oss inom offentlig sektor, säger Helena L Nilsson, regionutvecklingsdirektör i Västra Götalandsregionen.",
            "70 procent av invånarkontakterna",
            "I Västra Götaland finns 49 kommuner som sedan många år samarbetat på ett strukturerat sätt med verksamhetsutveckling med stöd av IT. Kommunerna och Västra Götalandsregionen står för 70 procent av alla invånarkontakter hos de 1,7 miljoner människor som bor här.",
            "– Vi ser så klart stora möjligheter med det samarbete mellan parterna som sker i länet och hoppas på ett utökat sådant framöver. Vi skulle också gärna se en ökad nationell styrning inom vissa områden för att underlätta för enskilda kommuner till exempel inom standardframtagning för kommunikation och tydligare införande av nationella tjänster, säger Thomas Jungbeck, direktör på VästKom, som har fyra kommunalförbund, ett stort landsting och 49 kommuner i sin samarbetssfär.",
            "Nya digitala tjänster",
            "– För oss är det självklart att vara delaktiga i arbetet med en digitaliserad modern offentlig sektor. Vi har arbetat med detta själva under många år, kommit långt inom flera områden och en stor kompetens finns inom staden. Nu lanseras flera nya digitala tjänster och flera mer servicevänliga tjänster, som efterfrågas av våra brukare, testas för införande just nu, säger Helena Mehner, Kommunikationsdirektör på Göteborgs Stad.",
            "Varmt välkommen till Västra Götaland och Göteborg den 23 maj - 25 maj!",
        ),
        "en": paragraphs(
            "In Västra Götaland the county council and the municipalities have cooperated on digitalisation since 2009, developing joint digitalisation projects. Since November 2015 there has also been a county-wide digitalisation strategy, the “regional digital agenda”, adopted by the regional executive board. The agenda describes collaboration and cooperation as a key issue. Digitalisation is to bring better services to the county's residents and businesses, and to make internal operations more efficient.",
            "– By hosting the conference we want to make clear the county's ambition to work together in this field. We want the positive effects of digitalisation to reach our operations faster, to give our residents new and better ways of dealing with us in the public sector, says Helena L Nilsson, Director of Regional Development at Region Västra Götaland.",
            "70 per cent of contacts with residents",
            "Västra Götaland's 49 municipalities have for many years cooperated in a structured way on developing their operations with the support of IT. The municipalities and Region Västra Götaland account for 70 per cent of all contacts with the 1.7 million people who live here.",
            "– Of course we see great opportunities in the cooperation between the parties in the county, and we hope it will grow. We would also like to see more national steering in some areas to make things easier for individual municipalities, for example in developing standards for communication and in introducing national services more clearly, says Thomas Jungbeck, Director of VästKom, which has four local authority federations, a large county council and 49 municipalities in its sphere of cooperation.",
            "New digital services",
            "– For us it goes without saying that we take part in the work on a digitalised, modern public sector. We have worked on this ourselves for many years, have come a long way in several areas, and there is great expertise within the city. Several new digital services are being launched now, and several more user-friendly services that our users have asked for are being tested for introduction right now, says Helena Mehner, Director of Communications at the City of Gothenburg.",
            "A warm welcome to Västra Götaland and Gothenburg from 23 to 25 May!",
        ),
    },
    "host": "vastra-gotalandsregionen",
    "participations": [
        ("vastra-gotalandsregionen", "host"),
        ("vastkom", "host"),
        ("goteborgs-stad", "host"),
    ],
    "start_date": dt.date(2018, 5, 23),
    "end_date": dt.date(2018, 5, 25),
    "timezone": "Europe/Stockholm",
    "format": "in_person",
    "city": {"en": "Gothenburg", "sv": "Göteborg"},
    "country": "SE",
    "is_published": True,
    # “Publicerad: 7 december 2017”: the day only; noon UTC keeps that day in every time zone.
    "published_at": dt.datetime(2017, 12, 7, 12, tzinfo=dt.UTC),
}

# Seed 004, Greek. The item gives neither times nor the meeting software: it calls the event an
# online discussion (a webinar) without naming its platform, so none is recorded.
NEXT_GENERATION_OF_PUBLIC_SERVICES = {
    "kind": "outside",
    "slug": "next-generation-of-public-services-2021",
    "title": {
        "el": "Επόμενη γενιά δημόσιων υπηρεσιών – Διεθνής συζήτηση για τον ψηφιακό μετασχηματισμό των δημόσιων υπηρεσιών και τα οφέλη του για τις κοινότητες και τους πολίτες",
        "en": "Next generation of public services – international discussion on the digital transformation of public services and its benefits for communities and citizens",
    },
    "summary": {
        "el": "Με μεγάλη επιτυχία ολοκληρώθηκε η διαδικτυακή συζήτηση με θέμα «Επόμενη γενιά δημόσιων υπηρεσιών – Διεθνής συζήτηση για τον ψηφιακό μετασχηματισμό των δημόσιων υπηρεσιών και τα οφέλη του για τις κοινότητες και τους πολίτες», η οποία πραγματοποιήθηκε την Πέμπτη 15 Ιουλίου 2021 και στην οποία συμμετείχαν 9 Ευρωπαϊκοί Κόμβοι Ψηφιακής Καινοτομίας από 8 χώρες.",
        "en": "The online discussion “Next generation of public services – international discussion on the digital transformation of public services and its benefits for communities and citizens”, held on Thursday 15 July 2021 with 9 European Digital Innovation Hubs from 8 countries, was a great success.",
    },
    "body": {
        "el": paragraphs(
            "Από την Ελλάδα συμμετείχε ο Κόμβος Καινοτομίας για την Ψηφιακη Διακυβέρνηση – GR DigiGOV-InnoHUB, που συντονίζει το Εθνικό Δίκτυο Υποδομών Τεχνολογίας και Έρευνας (ΕΔΥΤΕ Α.Ε.) και το οποίο είχε την πρωτοβουλία της συνδιοργάνωσης.",
            "Οι συμμετέχοντες μοιράστηκαν με το διεθνές κοινό του εργαστηρίου την εμπειρία από τη συμβολή τους στον ψηφιακό μετασχηματισμό της δημόσιας διοίκησης στη χώρα τους, ενώ παρουσίασαν επιτυχημένα παραδείγματα από τη μέχρι τώρα πορεία τους. Συζήτησαν, επίσης, για τις κοινές ανάγκες μεταξύ των χωρών και περιφερειών, καθώς και για τις προκλήσεις που αντιμετώπισαν και τις λύσεις που προσέφεραν.",
            "Οι συμμετέχοντες κόμβοι εξέφρασαν την επιθυμία τους για περαιτέρω ανταλλαγή εμπειριών σχετικά με λύσεις ψηφιοποίησης για τον δημόσιο τομέα (υποδομές, επιχειρηματικά μοντέλα για την απόδοση επενδύσεων, success stories κλπ.), τη παρουσίαση βέλτιστων πρακτικών για τη χρήση της τεχνητής νοημοσύνης σε δημόσιες υπηρεσίες, καθώς και την επιθυμία τους να ενημερώσουν και να ενεργοποιήσουν το οικοσύστημα της Ψηφιακής Καινοτομίας.",
            "Τέλος, δεσμεύτηκαν να οργανώσουν την επόμενη διαδικτυακή συνάντηση στα μέσα του Σεπτέμβρη για να μοιραστούν και να μελετήσουν περαιτέρω συγκεκριμένες περιπτώσεις (case studies) από την «Επόμενη Γενιά Δημόσιων Υπηρεσιών».",
            "Στο εργαστήριο συμμετείχαν οι κόμβοι καινοτομίας από την Ελλάδα (GR DigiGOV-InnoHUB), τη Ρουμανία (DIH4Society), τη Λιθουανία (GOVTech Lab – EDIH Vilnius), την Ιταλία (EDIH4DT & MAXXI CDIH EDIH), την Ισπανία (Connected Mobility HUB EDIH), την Πολωνία (Smart Secure Cities), τη Βουλγαρία (Innovation Amp EDIH) και την Κύπρο (DiGiNN Cyprus EDIH).",
        ),
        "en": paragraphs(
            "Greece was represented by the Innovation Hub for Digital Governance – GR DigiGOV-InnoHUB, coordinated by GRNET, the National Infrastructures for Research and Technology (ΕΔΥΤΕ Α.Ε.), which took the initiative of co-organising the discussion.",
            "The participants shared with the workshop's international audience their experience of contributing to the digital transformation of public administration in their countries, and presented successful examples from their work so far. They also discussed the needs that countries and regions have in common, the challenges they faced and the solutions they offered.",
            "The participating hubs expressed their wish to exchange more experience of digitalisation solutions for the public sector (infrastructure, business models for the return on investment, success stories, etc.), to present best practices in the use of artificial intelligence in public services, and to inform and activate the digital innovation ecosystem.",
            "Finally, they committed to organising the next online meeting in mid-September, to share and study further specific case studies of the “Next Generation of Public Services”.",
            "The workshop brought together the innovation hubs of Greece (GR DigiGOV-InnoHUB), Romania (DIH4Society), Lithuania (GOVTech Lab – EDIH Vilnius), Italy (EDIH4DT & MAXXI CDIH EDIH), Spain (Connected Mobility HUB EDIH), Poland (Smart Secure Cities), Bulgaria (Innovation Amp EDIH) and Cyprus (DiGiNN Cyprus EDIH).",
        ),
    },
    "host": "gr-digigov-innohub",
    "participations": [("gr-digigov-innohub", "host")]
    + [(hub["slug"], "participant") for hub in HUBS[1:]],
    "start_date": dt.date(2021, 7, 15),
    "end_date": dt.date(2021, 7, 15),
    "timezone": "Europe/Athens",
    "format": "online",
    "online_platform": "",
    "is_published": True,
}

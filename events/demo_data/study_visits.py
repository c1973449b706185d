# ruff: noqa: E501 (prose stays on one line per paragraph, to compare with the seeds)
"""The three study visits of 2021 (seed 002, Estonian)."""

import datetime as dt

from .prose import paragraphs

# Date-only, in the host's zone. The item does not say whether they were held in person or online.
# Its general paragraphs (before and after the table) are told once, in SEMESTER_5_SUMMARY.

SEMESTER_5_CONTEXT_ET = [
    "BETTER pöörab järk-järgult fookuse heade praktikatega tutvumiselt nende rakendamisele. Tulenevalt projekti eesmärgist peavad linnad arendama piirkondlikke innovatsioonistrateegiaid e-teenuste parendamise kaudu. Möödunud poolaastal korraldasid partnerlinnad kolm õppevisiiti.",
]
SEMESTER_5_LATER_ET = [
    "Kui varasemates etappides, temaatiliste ürituste ja õppevisiitide kaudu, tutvusid ja uurisid partnerid häid praktikaid oma innovatsiooniprobleemide lahendamiseks, siis nüüd on osalevate linnade peamine eesmärk õppida, kuidas neid kõige paremini kohalike tingimusi arvestades kasutusele võtta. See protsess viiakse läbi nõu import-töötubade kaudu, kus praktika omanik ja kogemuse kasutamisest huvitatud partner töötavad koos, et rakendada head praktikat õppiva partneri kohalikus keskkonnas.",
    "Viienda semestriga lõpeb ka ettevalmistustööde periood ning BETTER jõuab peagi oma kolmeaastase rahvusvahelise õppefaasi viimasesse semestrisse. Järgmised kuud on kindlasti projekti kõige tömahukam etapp. Muude tegevuste hulgas korraldavad partnerlinnad veel viis õppekülastust, viis import-töötuba ja viis kohalikku üritust – kõik selleks, et kujundada, viia lõpule ja levitada oma piirkondlikke tegevuskavasid, mis koostatakse innovatsioonistrateegiate rakendamiseks.",
    "COVID-19-ga seotud jätkuvate probleemide tõttu toimuvad mittevirtuaalsed koosolekud ainult juhul, kui reisimis- ja sisenemiskiirangud enam ei kehti.",
    "BETTER on Interreg Europe projekt, kus osalevad viis kohalikku omavalitsust (Genoa Itaaliast, Gävle Rootsist, Birmingham Suurbritanniast, Tartu Eestist, Nyíregyháza Ungarist). Projekti eesmärk on arendada piirkondlikke innovatsioonistrateegiaid, parendades neid läbi e-teenuste arendamise. Lisainfo saamiseks külasta https://www.interregeurope.eu/better/ või https://www.tartu.ee/et/projekt-better.",
]
SEMESTER_5_CONTEXT_EN = [
    "BETTER is gradually shifting its focus from getting to know good practices to putting them into practice. In line with the project's aim, the cities are to develop regional innovation strategies by improving e-services. In the past half-year the partner cities organised three study visits.",
]
SEMESTER_5_LATER_EN = [
    "In the earlier stages, through thematic events and study visits, the partners got to know and studied good practices that could solve their innovation problems; now the main aim of the participating cities is to learn how best to adopt them under local conditions. This is done in so-called import workshops, where the owner of a practice and the partner interested in its experience work together to put the good practice in place in the learning partner's local environment.",
    "The fifth semester also closes the period of preparatory work, and BETTER will soon reach the last semester of its three-year international learning phase. The coming months will certainly be the project's most demanding stage. Among other activities, the partner cities will organise five more study visits, five import workshops and five local events, all to design, complete and disseminate their regional action plans for putting the innovation strategies into practice.",
    "Because of the continuing problems related to COVID-19, meetings will be held in person only when travel and entry restrictions no longer apply.",
    "BETTER is an Interreg Europe project of five local authorities (Genoa from Italy, Gävle from Sweden, Birmingham from the United Kingdom, Tartu from Estonia, Nyíregyháza from Hungary). The project aims to develop regional innovation strategies and to improve them through the development of e-services. For more information visit https://www.interregeurope.eu/better/ or https://www.tartu.ee/et/projekt-better.",
]


SEMESTER_5_SUMMARY = {
    "et": paragraphs(*SEMESTER_5_CONTEXT_ET, *SEMESTER_5_LATER_ET),
    "en": paragraphs(*SEMESTER_5_CONTEXT_EN, *SEMESTER_5_LATER_EN),
}


def _study_visit(number, day, host, participants, examined, practices, themes, title, summary):
    """A study visit: one row of the item's table, inside the item's text."""
    return {
        "kind": "study_visit",
        "number": number,
        "slug": f"study-visit-{host}-{day:%Y-%m}",
        "title": title,
        "summary": summary,
        # The visit's own row of the item: its practices (date, host and participants are fields).
        # The item's general paragraphs are the semester's summary (demo_data/__init__.py).
        "body": {
            "et": "\n".join(["Uuritud head praktikad:", *examined["et"]]),
            "en": "\n".join(["Good practices examined:", *examined["en"]]),
        },
        "host": host,
        "participations": [(host, "host")] + [(slug, "participant") for slug in participants],
        "practices": practices,
        "themes": themes,
        "start_date": day,
        "end_date": day,
        # The item does not say whether the visits were held in person or online.
        "format": "",
        "is_published": True,
    }


STUDY_VISITS = [
    _study_visit(
        1,
        dt.date(2021, 7, 17),
        "genoa",
        ["birmingham", "gavle", "nyiregyhaza"],
        examined={
            "et": [
                '- DIGITEENUSED KODANIKELE - "Digitaalne kodaniku kaust" - "Segnalaci"',
                '- DIGITEENUSED ETTEVÕTETELE - "Tööpoliitika platvorm"',
                '- TURVALISUS JA VASTUPIDAVUS - "Kohaliku politsei juhtimiskeskuse tehnoloogiline uuendus" ja "Vihma ja hüdromeetrilise taseme andmete digitaalmudel"',
            ],
            "en": [
                '- DIGITAL SERVICES FOR CITIZENS - "Digital citizen folder" - "Segnalaci"',
                '- DIGITAL SERVICES FOR BUSINESSES - "Job policy platform"',
                '- SECURITY AND RESILIENCE - "Technological innovation of the local police control centre" and "Digital model of rain and hydrometric level data"',
            ],
        },
        practices=[
            "digital-citizen-folder",
            "segnalaci",
            "job-policy-platform",
            "local-police-control-centre-innovation",
            "digital-model-of-rain-and-hydrometric-data",
        ],
        themes=[
            "digital-services-for-citizens",
            "digital-services-for-businesses",
            "security-and-resilience",
        ],
        title={"et": "Õppevisiit – Genoa", "en": "Study visit to Genoa"},
        summary={
            "et": "Korraldaja Genoa. Osalesid Birmingham, Gävle ja Nyíregyháza.",
            "en": "Hosted by Genoa, with Birmingham, Gävle and Nyíregyháza taking part.",
        },
    ),
    _study_visit(
        2,
        dt.date(2021, 9, 13),
        "nyiregyhaza",
        ["genoa", "birmingham", "gavle"],
        examined={
            "et": [
                "- LEGO HARIDUSE INNOVATSIOONISTUUDIO",
                "- LEGO® töövahendite kasutamise võimalused hariduslikel ja andekuse arendamise eesmärkidel",
                "- DIGITAALNE PUU – Innovatsiooni elupaik – suurandmete, masinõppe ja andmeteandustega seotud kultuuri arendamine",
            ],
            "en": [
                "- LEGO EDUCATION INNOVATION STUDIO",
                "- Ways of using LEGO® tools for educational and talent-development purposes",
                "- DIGITAL TREE – Habitat of innovation – developing a culture of big data, machine learning and data science",
            ],
        },
        practices=["lego-education-innovation-studio", "digital-tree"],
        themes=[],  # the item names no theme for this visit
        title={"et": "Õppevisiit – Nyíregyháza", "en": "Study visit to Nyíregyháza"},
        summary={
            "et": "Korraldaja Nyíregyháza. Osalesid Genoa, Birmingham ja Gävle.",
            "en": "Hosted by Nyíregyháza, with Genoa, Birmingham and Gävle taking part.",
        },
    ),
    _study_visit(
        3,
        dt.date(2021, 10, 27),
        "gavle",
        ["tartu", "birmingham", "genoa"],
        examined={
            "et": [
                "- TEENUSEDISAIN JA E-TEENUSTE ARENDAMINE – Gävle omavalitsuse teenuste digitaliseerimine, e-teenuste arendamise põhimõtted ja omavalitsuse innovatsiooniüksus",
            ],
            "en": [
                "- SERVICE DESIGN AND E-SERVICE DEVELOPMENT – the digitalisation of Gävle municipality's services, principles of e-service development and the municipality's innovation unit",
            ],
        },
        practices=["service-design-and-e-services-in-gavle"],
        themes=["service-design-and-e-service-development"],
        title={"et": "Õppevisiit – Gävle", "en": "Study visit to Gävle"},
        summary={
            "et": "Korraldaja Gävle. Osalesid Tartu, Birmingham ja Genoa.",
            "en": "Hosted by Gävle, with Tartu, Birmingham and Genoa taking part.",
        },
    ),
]

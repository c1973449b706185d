"""A second, small project of the demo, made up to show one portal serving several projects:
OPEN TOWNS, of Tartu (a partner in BETTER too, with one record for both). Its texts are
in English and Estonian; nothing here comes from the seeds, and the pages say so."""

import datetime as dt

IDENTITY = {
    "acronym": "OPEN TOWNS",
    "slug": "open-towns",
    "name": {
        "en": "Open towns: city data shared across the Baltic",
        "et": "Avatud linnad: linnaandmed jagatud üle Läänemere",
    },
    "tagline": {
        "en": "Tartu learns how to open its data, and tells the others.",
        "et": "Tartu õpib oma andmeid avama ja jagab kogemust teistega.",
    },
    "description": {
        "en": "OPEN TOWNS is a made-up project of this demonstration, to show one portal serving "
        "several Interreg projects. Tartu takes part in it and in BETTER.",
        "et": "OPEN TOWNS on selle näidise väljamõeldud projekt, mis näitab, kuidas üks portaal "
        "teenindab mitut Interregi projekti. Tartu osaleb selles ja BETTERis.",
    },
    "programme_name": {lang: "Interreg Europe" for lang in ("en", "it", "et", "hu", "sv", "el")},
    "contact_address": (
        "OPEN TOWNS project, Tartu City Government\nRaekoja plats 1\n50089 Tartu\nEstonia"
    ),
    "contact_email": "info@open-towns.example",
    "social_links": "",
    # Served on its own domain; on a developer's machine http://open-towns.localhost:8000/
    # (browsers send *.localhost to this machine).
    "domain": "open-towns.localhost",
    "languages": ["en", "et"],
}

# Tartu is BETTER's organisation record: one record, a partner in both projects.
ORGANISATIONS = []
# (organisation slug, partner number, role) in OPEN TOWNS.
PARTNERS = [("tartu", 1, "lead")]

PRACTICES = [
    {
        "slug": "open-data-register",
        "title": {
            "en": "One register of the city's open data",
            "et": "Linna avaandmete ühine register",
        },
        "summary": {
            "en": "A made-up practice of the demonstration: every data set the city opens is "
            "listed in one register, with its owner and how often it changes.",
            "et": "Näidise väljamõeldud hea tava: iga linna avatud andmestik on ühes registris, "
            "koos omaniku ja uuendamise sagedusega.",
        },
        "owner": "tartu",
        "themes": ["digital-services-for-citizens"],
        "status": "published",
    },
]

SEMESTERS = [{"number": 1, "start": dt.date(2027, 1, 1), "end": dt.date(2027, 6, 30)}]

EVENTS = [
    {
        "kind": "thematic",
        "number": 1,
        "slug": "kick-off-tartu-2027",
        "title": {
            "en": "Kick-off meeting: open data in small cities",
            "et": "Avakohtumine: avaandmed väikelinnades",
        },
        "summary": {
            "en": "A made-up event of the demonstration: the partners meet in Tartu to start the "
            "project.",
            "et": "Näidise väljamõeldud sündmus: partnerid kohtuvad Tartus, et projekti alustada.",
        },
        "host": "tartu",
        "participations": [("tartu", "host")],
        "practices": ["open-data-register"],
        "themes": ["digital-services-for-citizens"],
        "start_date": dt.date(2027, 3, 10),
        "end_date": dt.date(2027, 3, 10),
        "start_time": dt.time(10, 0),
        "end_time": dt.time(12, 0),
        "timezone": "Europe/Tallinn",
        "format": "hybrid",
        "status": "confirmed",
        "city": {"en": "Tartu", "et": "Tartu"},
        "country": "EE",
        "online_platform": "Zoom",
        "is_published": True,
        "workshops": [
            {
                "order": 1,
                "title": {
                    "en": "What each city opens first",
                    "et": "Mida iga linn esimesena avab",
                },
                "start": dt.datetime(2027, 3, 10, 8, 0, tzinfo=dt.UTC),
                "end": dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC),
                "experts": [],
            },
        ],
    },
]

LEGAL_PAGES = [
    {
        "kind": "accessibility",
        "title": {"en": "Accessibility statement", "et": "Ligipääsetavuse teatis"},
        "body": {
            "en": "OPEN TOWNS is a made-up project of this demonstration: its pages are those of "
            "the portal, whose accessibility statement applies.\n\n## Feedback\nWrite to the "
            "address on the contact page.",
            "et": "OPEN TOWNS on selle näidise väljamõeldud projekt: selle lehed on portaali "
            "lehed, mille ligipääsetavuse teatis kehtib.\n\n## Tagasiside\nKirjutage "
            "kontaktilehel olevale aadressile.",
        },
        "last_reviewed": dt.date(2026, 12, 1),
    },
    {
        "kind": "privacy",
        "title": {"en": "Privacy notice", "et": "Privaatsusteade"},
        "body": {
            "en": "The portal keeps the data of people who register for an event only as long "
            "as the event needs it.",
            "et": "Portaal hoiab üritusele registreerunute andmeid ainult nii kaua, kui üritus "
            "seda vajab.",
        },
        "last_reviewed": None,
    },
    {
        "kind": "contact",
        "title": {"en": "Contact and imprint", "et": "Kontakt ja impressum"},
        "body": {
            "en": "OPEN TOWNS project, Tartu City Government, Raekoja plats 1, 50089 Tartu, "
            "Estonia.",
            "et": "Projekt OPEN TOWNS, Tartu Linnavalitsus, Raekoja plats 1, 50089 Tartu.",
        },
        "last_reviewed": None,
    },
]

# ruff: noqa: E501 (prose stays on one line per paragraph, to compare with the seeds)
"""Partners, outside organisations and people of the demo content."""

# NUTS 2016 level-3 codes, the classification in force while the project ran.

# The partner cities as each language writes them (the footer's “Genua” on Swedish pages).
CITY_NAMES = {
    "Genoa": {
        "en": "Genoa",
        "it": "Genova",
        "et": "Genova",
        "hu": "Genova",
        "sv": "Genua",
        "el": "Γένοβα",
    },
    "Birmingham": {
        "en": "Birmingham",
        "it": "Birmingham",
        "et": "Birmingham",
        "hu": "Birmingham",
        "sv": "Birmingham",
        "el": "Μπέρμιγχαμ",
    },
    "Gävle": {
        "en": "Gävle",
        "it": "Gävle",
        "et": "Gävle",
        "hu": "Gävle",
        "sv": "Gävle",
        "el": "Γιαίβλε",
    },
    "Tartu": {
        "en": "Tartu",
        "it": "Tartu",
        "et": "Tartu",
        "hu": "Tartu",
        "sv": "Tartu",
        "el": "Τάρτου",
    },
    "Nyíregyháza": {
        "en": "Nyíregyháza",
        "it": "Nyíregyháza",
        "et": "Nyíregyháza",
        "hu": "Nyíregyháza",
        "sv": "Nyíregyháza",
        "el": "Νιρεγκιχάζα",
    },
}

PARTNERS = [
    {
        "partner_number": 1,
        "partner_role": "lead",
        "slug": "genoa",
        "name": {"en": "Municipality of Genoa", "it": "Comune di Genova"},
        "short_name": CITY_NAMES["Genoa"],
        "city": CITY_NAMES["Genoa"],
        "country": "IT",
        "nuts_code": "ITC33",
        "timezone": "Europe/Rome",
        "website": "https://www.comune.genova.it/",
    },
    {
        "partner_number": 2,
        "partner_role": "partner",
        "slug": "birmingham",
        "name": {"en": "Birmingham City Council"},
        "short_name": CITY_NAMES["Birmingham"],
        "city": CITY_NAMES["Birmingham"],
        "country": "GB",
        "nuts_code": "UKG31",
        "timezone": "Europe/London",
        "website": "https://www.birmingham.gov.uk/",
    },
    {
        "partner_number": 3,
        "partner_role": "partner",
        "slug": "gavle",
        "name": {"en": "Municipality of Gävle", "sv": "Gävle kommun"},
        "short_name": CITY_NAMES["Gävle"],
        "city": CITY_NAMES["Gävle"],
        "country": "SE",
        "nuts_code": "SE313",
        "timezone": "Europe/Stockholm",
        "website": "https://www.gavle.se/",
    },
    {
        "partner_number": 4,
        "partner_role": "partner",
        "slug": "tartu",
        "name": {"en": "Tartu City Government", "et": "Tartu Linnavalitsus"},
        "short_name": CITY_NAMES["Tartu"],
        "city": CITY_NAMES["Tartu"],
        "country": "EE",
        "nuts_code": "EE008",
        "timezone": "Europe/Tallinn",
        "website": "https://www.tartu.ee/",
    },
    {
        "partner_number": 5,
        "partner_role": "partner",
        "slug": "nyiregyhaza",
        "name": {
            "en": "Municipality of Nyíregyháza",
            "hu": "Nyíregyháza Megyei Jogú Város Önkormányzata",
        },
        "short_name": CITY_NAMES["Nyíregyháza"],
        "city": CITY_NAMES["Nyíregyháza"],
        "country": "HU",
        "nuts_code": "HU323",
        "timezone": "Europe/Budapest",
        "website": "https://www.nyiregyhaza.hu/",
    },
]

# The hosts of Offentliga Rummet 2018 (seed 003).
SWEDISH_HOSTS = [
    {
        "slug": "vastra-gotalandsregionen",
        "name": {"en": "Region Västra Götaland", "sv": "Västra Götalandsregionen"},
        "short_name": "Västra Götalandsregionen",
        "organisation_type": "region",
        "country": "SE",
        "timezone": "Europe/Stockholm",
        "website": "https://www.vgregion.se/",
    },
    {
        "slug": "vastkom",
        "name": {"en": "VästKom", "sv": "VästKom"},
        "short_name": "VästKom",
        "organisation_type": "association",
        "description": {
            "sv": "VästKom har fyra kommunalförbund, ett stort landsting och 49 kommuner i sin samarbetssfär.",
            "en": "VästKom has four local authority federations, a large county council and 49 municipalities in its sphere of cooperation.",
        },
        "country": "SE",
        "timezone": "Europe/Stockholm",
        "website": "https://www.vastkom.se/",
    },
    {
        "slug": "goteborgs-stad",
        "name": {"en": "City of Gothenburg", "sv": "Göteborgs Stad"},
        "short_name": "Göteborgs Stad",
        "city": "Gothenburg",
        "country": "SE",
        "timezone": "Europe/Stockholm",
        "website": "https://goteborg.se/",
    },
]

# The nine Digital Innovation Hubs of the Greek item (seed 004), from eight countries. Their cities
# are not given (Vilnius is in the hub's name); the zone is left empty where a country has several.
HUBS = [
    {
        "slug": "gr-digigov-innohub",
        "name": {"en": "GR DigiGOV-InnoHUB"},
        "description": {
            "el": "Κόμβος Καινοτομίας για την Ψηφιακη Διακυβέρνηση, που συντονίζει το Εθνικό Δίκτυο Υποδομών Τεχνολογίας και Έρευνας (ΕΔΥΤΕ Α.Ε.).",
            "en": "The Innovation Hub for Digital Governance, coordinated by GRNET, the National Infrastructures for Research and Technology (ΕΔΥΤΕ Α.Ε.).",
        },
        "country": "GR",
        "timezone": "Europe/Athens",
    },
    {
        "slug": "dih4society",
        "name": {"en": "DIH4Society"},
        "country": "RO",
        "timezone": "Europe/Bucharest",
    },
    {
        "slug": "govtech-lab-edih-vilnius",
        "name": {"en": "GOVTech Lab – EDIH Vilnius"},
        "city": "Vilnius",
        "country": "LT",
        "timezone": "Europe/Vilnius",
    },
    {"slug": "edih4dt", "name": {"en": "EDIH4DT"}, "country": "IT", "timezone": "Europe/Rome"},
    {
        "slug": "maxxi-cdih-edih",
        "name": {"en": "MAXXI CDIH EDIH"},
        "country": "IT",
        "timezone": "Europe/Rome",
    },
    {
        "slug": "connected-mobility-hub-edih",
        "name": {"en": "Connected Mobility HUB EDIH"},
        "country": "ES",
    },
    {
        "slug": "smart-secure-cities",
        "name": {"en": "Smart Secure Cities"},
        "country": "PL",
        "timezone": "Europe/Warsaw",
    },
    {
        "slug": "innovation-amp-edih",
        "name": {"en": "Innovation Amp EDIH"},
        "country": "BG",
        "timezone": "Europe/Sofia",
    },
    {
        "slug": "diginn-cyprus-edih",
        "name": {"en": "DiGiNN Cyprus EDIH"},
        "country": "CY",
        "timezone": "Asia/Nicosia",
    },
]
for _hub in HUBS:
    _hub["organisation_type"] = "hub"

# --- People --------------------------------------------------------------------------------------
# Keyed by name. The experts' roles are not given in the seeds, so they are left empty.

PEOPLE = [
    {"name": "Lauri Sock", "organisation": "tartu"},
    {"name": "Henrik Mazzanti", "organisation": "gavle"},
    {"name": "Steve Harding", "honorific": "Dr", "organisation": "birmingham"},
    {
        "name": "Helena L Nilsson",
        "organisation": "vastra-gotalandsregionen",
        "role": {"sv": "regionutvecklingsdirektör", "en": "Director of Regional Development"},
    },
    {
        "name": "Thomas Jungbeck",
        "organisation": "vastkom",
        "role": {"sv": "direktör", "en": "Director"},
    },
    {
        "name": "Helena Mehner",
        "organisation": "goteborgs-stad",
        "role": {"sv": "Kommunikationsdirektör", "en": "Director of Communications"},
    },
]

ORGANISATIONS = PARTNERS + SWEDISH_HOSTS + HUBS

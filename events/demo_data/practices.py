# ruff: noqa: E501 (prose stays on one line per paragraph, to compare with the seeds)
"""Themes and the good practices examined at the 2021 study visits (seed 002)."""

# The item names the themes of the Genoa visit and of the Gävle visit; the Nyíregyháza visit's
# practices have no theme heading there, so they have no theme.

THEMES = [
    {
        "slug": "digital-services-for-citizens",
        "name": {"en": "Digital services for citizens", "et": "Digiteenused kodanikele"},
    },
    {
        "slug": "digital-services-for-businesses",
        "name": {"en": "Digital services for businesses", "et": "Digiteenused ettevõtetele"},
    },
    {
        "slug": "security-and-resilience",
        "name": {"en": "Security and resilience", "et": "Turvalisus ja vastupidavus"},
    },
    {
        "slug": "service-design-and-e-service-development",
        "name": {
            "en": "Service design and e-service development",
            "et": "Teenusedisain ja e-teenuste arendamine",
        },
    },
]


# The item names the Genoa visit's practices without describing them: they have no summary.
_NOT_GIVEN = {}

PRACTICES = [
    {
        "slug": "digital-citizen-folder",
        "owner": "genoa",
        "themes": ["digital-services-for-citizens"],
        "title": {"en": "Digital citizen folder", "et": "Digitaalne kodaniku kaust"},
        "summary": _NOT_GIVEN,
    },
    {
        "slug": "segnalaci",
        "owner": "genoa",
        "themes": ["digital-services-for-citizens"],
        "title": {"en": "Segnalaci", "it": "Segnalaci", "et": "Segnalaci"},
        "summary": _NOT_GIVEN,
    },
    {
        "slug": "job-policy-platform",
        "owner": "genoa",
        "themes": ["digital-services-for-businesses"],
        "title": {"en": "Job policy platform", "et": "Tööpoliitika platvorm"},
        "summary": _NOT_GIVEN,
    },
    {
        "slug": "local-police-control-centre-innovation",
        "owner": "genoa",
        "themes": ["security-and-resilience"],
        "title": {
            "en": "Technological innovation of the local police control centre",
            "et": "Kohaliku politsei juhtimiskeskuse tehnoloogiline uuendus",
        },
        "summary": _NOT_GIVEN,
    },
    {
        "slug": "digital-model-of-rain-and-hydrometric-data",
        "owner": "genoa",
        "themes": ["security-and-resilience"],
        "title": {
            "en": "Digital model of rain and hydrometric level data",
            "et": "Vihma ja hüdromeetrilise taseme andmete digitaalmudel",
        },
        "summary": _NOT_GIVEN,
    },
    {
        "slug": "lego-education-innovation-studio",
        "owner": "nyiregyhaza",
        "themes": [],
        "title": {
            "en": "LEGO Education Innovation Studio",
            "et": "LEGO hariduse innovatsioonistuudio",
        },
        "summary": {
            "en": "Ways of using LEGO® tools for educational and talent-development purposes.",
            "et": "LEGO® töövahendite kasutamise võimalused hariduslikel ja andekuse arendamise eesmärkidel.",
        },
    },
    {
        "slug": "digital-tree",
        "owner": "nyiregyhaza",
        "themes": [],
        "title": {
            "en": "Digital Tree – habitat of innovation",
            "et": "Digitaalne puu – innovatsiooni elupaik",
        },
        "summary": {
            "en": "Developing a culture of big data, machine learning and data science.",
            "et": "Suurandmete, masinõppe ja andmeteandustega seotud kultuuri arendamine.",
        },
    },
    {
        "slug": "service-design-and-e-services-in-gavle",
        "owner": "gavle",
        "themes": ["service-design-and-e-service-development"],
        "title": {
            "en": "Service design and e-service development in Gävle municipality",
            "et": "Teenusedisain ja e-teenuste arendamine",
        },
        "summary": {
            "en": "The digitalisation of Gävle municipality's services, its principles of e-service development and the municipality's innovation unit.",
            "et": "Gävle omavalitsuse teenuste digitaliseerimine, e-teenuste arendamise põhimõtted ja omavalitsuse innovatsiooniüksus.",
        },
    },
]
for _practice in PRACTICES:
    _practice["status"] = "published"

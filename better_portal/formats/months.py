"""Django's month names, declared again so that our catalogues can correct them where Django's
differ from the language's usage: Italian writes months in lowercase (“27 ottobre 2021”), Django's
Italian catalogue capitalises them. The other languages keep Django's own words."""

from django.utils.translation import gettext_noop

MONTHS = [
    gettext_noop("January"),
    gettext_noop("February"),
    gettext_noop("March"),
    gettext_noop("April"),
    gettext_noop("May"),
    gettext_noop("June"),
    gettext_noop("July"),
    gettext_noop("August"),
    gettext_noop("September"),
    gettext_noop("October"),
    gettext_noop("November"),
    gettext_noop("December"),
]

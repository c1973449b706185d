"""Django's month names, declared again so that our catalogues can correct them where Django's
differ from the language's usage: Italian writes months in lowercase (“27 ottobre 2021”), Django's
Italian catalogue capitalises them. The other languages keep Django's own words."""

from django.utils.translation import gettext_noop, pgettext_lazy

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

# A month after a preposition (“planned for March 2020”): Greek takes the accusative there
# (“για Μάρτιο 2020”), where Django's catalogue has only the nominative and the genitive. Each
# language translates these with the form its change notices need; events' previous_when uses them.
MONTHS_AFTER_PREPOSITION = [
    pgettext_lazy("month after a preposition", "January"),
    pgettext_lazy("month after a preposition", "February"),
    pgettext_lazy("month after a preposition", "March"),
    pgettext_lazy("month after a preposition", "April"),
    pgettext_lazy("month after a preposition", "May"),
    pgettext_lazy("month after a preposition", "June"),
    pgettext_lazy("month after a preposition", "July"),
    pgettext_lazy("month after a preposition", "August"),
    pgettext_lazy("month after a preposition", "September"),
    pgettext_lazy("month after a preposition", "October"),
    pgettext_lazy("month after a preposition", "November"),
    pgettext_lazy("month after a preposition", "December"),
]

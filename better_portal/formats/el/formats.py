# Greek as written: a full date takes the month in the genitive (“2 Δεκεμβρίου 2026”, Django's
# "E"), a month with its year stands alone in the nominative (“Μάρτιος 2020”, "F"). Django's Greek
# formats write full dates as “02/12/2026” and times on a 12-hour clock (“2:05 μμ.”).
DATE_FORMAT = "j E Y"
TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j E Y, H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j E"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."

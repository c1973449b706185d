# Estonian as written: a 24-hour clock everywhere (Django's Estonian formats leave DATETIME_FORMAT
# unset, so the default's 12-hour “p.m.” showed on workspace pages).
DATE_FORMAT = "j. F Y"
TIME_FORMAT = "G:i"
DATETIME_FORMAT = "j. F Y, H:i"
MONTH_DAY_FORMAT = "j. F"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # non-breaking space

#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "better_portal.settings")
    from django.core.management import execute_from_command_line
    from django_scopes import scopes_disabled

    # A command works at the programme level: it sees every project's rows (a server's
    # requests, in their own threads, are each scoped to their project by the middleware).
    with scopes_disabled():
        execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()

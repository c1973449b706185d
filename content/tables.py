"""Tables as CSV and XLSX downloads: the exports and reports of every app."""

import csv
import io
import re
from dataclasses import dataclass, field

import openpyxl
from django.http import HttpResponse
from django.utils.functional import Promise
from django.utils.translation import gettext
from openpyxl.styles import Font

XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Table:
    """A titled table with translated column headers; `name` is its file name, without extension."""

    name: str
    title: str
    columns: list
    rows: list = field(default_factory=list)

    @property
    def header(self):
        return [str(column) for column in self.columns]


def _plain(value):
    """A cell value a writer accepts: lazy strings resolved, None as an empty cell."""
    if value is None:
        return ""
    if isinstance(value, Promise):
        return str(value)
    return value


def _defused(value):
    """Text that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def csv_response(table):
    """The table as a UTF-8 CSV download with a byte-order mark, so that Excel reads the accents."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{table.name}.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(table.header)
    for row in table.rows:
        writer.writerow([_defused(_plain(value)) for value in row])
    return response


def _sheet_title(title):
    """An Excel sheet name: at most 31 characters and none of []:*?/\\."""
    return re.sub(r"[\[\]:*?/\\]", " ", str(title))[:31].strip() or "Sheet"


def xlsx_response(table):
    """The table as an XLSX download: one sheet, a bold frozen header, numbers and dates typed."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = _sheet_title(table.title)
    sheet.append(table.header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table.rows:
        sheet.append([_plain(value) for value in row])
        for cell in sheet[sheet.max_row]:
            if cell.data_type == "f":  # text that merely looks like a formula stays text
                cell.data_type = "s"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{table.name}.xlsx"'
    return response


WRITERS = {"csv": csv_response, "xlsx": xlsx_response}


def table_response(table, fmt):
    """The table as a download in `fmt` ("csv" or "xlsx")."""
    return WRITERS[fmt](table)


def yes_no(value):
    return gettext("Yes") if value else gettext("No")

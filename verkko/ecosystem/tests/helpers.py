"""Helpers shared by the test modules: running commands, files to upload and import."""

import csv
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from openpyxl import Workbook

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
IMPORT_URL = "/fi/oulu/ecosystem/import/"
CONFIRM_URL = "/fi/oulu/ecosystem/import/confirm/"
ORGANISATIONS = [
    ["name", "type", "municipality_code", "business_id", "target_groups", "role"],
    ["Oulun Työpaja ry", "ngo", "564", "0187690-1", "young_people; immigrants", "Työpajat nuorille."],
    ["Kempeleen Yrityskeskus", "yritys", "244", "", "", ""],
]
PEOPLE = [
    ["organisation", "first_name", "last_name", "email", "show_publicly"],
    ["Organisaatio A", "Iida", "Importti", "iida@example.org", "kyllä"],
    ["Organisaatio A", "Ossi", "Otos", "", "ei"],
]


def run_command(*args):
    """Run a management command and return what it printed."""
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def pdf(name="esityslista.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def csv_file(rows, name="tiedosto.csv", delimiter=","):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter).writerows(rows)
    return SimpleUploadedFile(name, buffer.getvalue().encode("utf-8-sig"), content_type="text/csv")


def xlsx_file(rows, name="tiedosto.xlsx"):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def preview(client, upload, kind="organisations"):
    return client.post(IMPORT_URL, {"kind": kind, "file": upload})


def confirm(client, response):
    return client.post(CONFIRM_URL, {"token": response.context["token"]})

"""Uploaded files are what their content says, whatever their name."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.lib.exports import write_xlsx
from verkko.lib.uploads import content_matches


def _xlsx():
    buffer = io.BytesIO()
    write_xlsx(buffer, ["nimi"], [["Oulu"]])
    return buffer.getvalue()


def _odt():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def _zip_without_office_parts():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("payload.exe", b"MZ")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("extension", "content"),
    [
        (".pdf", b"%PDF-1.7\n..."),
        (".png", b"\x89PNG\r\n\x1a\n...."),
        (".jpg", b"\xff\xd8\xff\xe0...."),
        (".xlsx", _xlsx()),
        (".odt", _odt()),
        (".txt", "Pöytäkirja\n".encode()),
        (".csv", "kunta;määrä\r\nIi;4\r\n".encode("cp1252")),
    ],
)
def test_a_file_whose_content_is_what_its_name_says_is_accepted(extension, content):
    assert content_matches(extension, SimpleUploadedFile(f"liite{extension}", content))


@pytest.mark.parametrize(
    ("extension", "content"),
    [
        (".pdf", b"MZ\x90\x00 a program"),
        (".png", b"<?php system($_GET['c']); ?>"),
        (".docx", b"PK\x03\x04 only the first bytes of a zip"),
        (".docx", _xlsx()),
        (".xlsx", _zip_without_office_parts()),
        (".ods", _odt()),
        (".txt", b"MZ\x90\x00\x03\x00\x00\x00"),
        (".csv", b"\x7fELF\x02\x01\x01"),
        (".exe", b"MZ"),
    ],
)
def test_a_file_whose_content_is_not_what_its_name_says_is_refused(extension, content):
    upload = SimpleUploadedFile(f"liite{extension}", content)
    assert not content_matches(extension, upload)
    assert upload.tell() == 0

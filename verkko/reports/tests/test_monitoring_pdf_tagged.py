"""The monitoring report's PDF is tagged (PDF/UA-1), drafts and published reports alike: its
structure tree (read with poppler's pdfinfo), its language, title and the charts' alternative texts
(read from the file's objects: pypdf is not among the project's tools)."""

import re
import subprocess
import zlib

import pytest

from verkko.reports import actions
from verkko.stats.periods import Period

PERIOD = "2025M11"


def _structure(content):
    return subprocess.run(["pdfinfo", "-struct", "-"], input=content, capture_output=True, check=True).stdout.decode()


def _info(content):
    return subprocess.run(["pdfinfo", "-"], input=content, capture_output=True, check=True).stdout.decode()


def _objects(content):
    """The file's bytes followed by every stream it compresses (WeasyPrint packs its objects in streams)."""
    parts = [content]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", content, re.S):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # not deflated (or an image): holds no dictionary that matters here
    return b"\n".join(parts)


def _pdf_string(token):
    """A PDF string as text: (literal) or <FEFF…> UTF-16 hex."""
    if token.startswith(b"<"):
        raw = bytes.fromhex(token[1:-1].decode())
        return raw[2:].decode("utf-16-be") if raw.startswith(b"\xfe\xff") else raw.decode("latin-1")
    return re.sub(rb"\\(.)", rb"\1", token[1:-1]).decode("latin-1")


_STRING = rb"\s*(\((?:\\.|[^\\)])*\)|<[0-9a-fA-F]*>)"


def _strings_of(objects, key):
    return [_pdf_string(token) for token in re.findall(rb"/" + key + _STRING, objects)]


def _assert_tagged(content, *, language, title, chart_name):
    structure = _structure(content)
    for element in ("Document", "H1", "H2", "H3", "Table", "TH", "TD", "Figure"):
        assert re.search(rf"^\s*{element}\b", structure, re.M), element
    assert "Tagged:          yes" in _info(content)
    objects = _objects(content)
    assert re.search(rb"/StructTreeRoot \d+ 0 R", objects)
    assert re.search(rb"/MarkInfo\s*<<\s*/Marked true\s*>>", objects)
    assert _strings_of(objects, b"Lang") == [language]
    assert title in _strings_of(objects, b"Title")
    assert f"Title:           {title}" in _info(content)
    alternatives = _strings_of(objects, b"Alt")
    assert alternatives
    assert all(chart_name in text for text in alternatives)
    assert all(re.search(r"\d+\.\d{3,}", text) is None for text in alternatives)  # no raw float


def test_a_draft_report_pdf_is_tagged_in_finnish(client_for, goal):
    response = client_for(None).get(f"/fi/oulu/reports/monitoring/{PERIOD}.pdf")
    assert response.status_code == 200
    _assert_tagged(
        response.content, language="fi", title="Seurantaraportti 11/2025", chart_name="Koulutukseen ohjatut nuoret"
    )


def test_a_published_report_pdf_is_tagged_in_the_readers_language(client_for, goal, coordinator, area):
    actions.publish_report(coordinator, area, Period.parse(PERIOD))
    response = client_for(None).get(f"/sv/oulu/reports/monitoring/{PERIOD}.pdf")
    assert response.status_code == 200
    _assert_tagged(
        response.content,
        language="sv",
        title="Uppföljningsrapport 11/2025",
        chart_name="Koulutukseen ohjatut nuoret",
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("fi", "Kaavio: Koulutukseen ohjatut nuoret, toteumat ja tavoitepolku. Lähtötaso Q1/2025: 40 %."),
        ("sv", "Diagram: Koulutukseen ohjatut nuoret, utfall och målbana. Utgångsnivå Q1/2025: 40 %."),
        ("en", "Chart: Koulutukseen ohjatut nuoret, actual values and the target path. Baseline Q1/2025: 40 %."),
    ],
)
def test_the_charts_alternative_text_says_its_figures_in_the_pdfs_language(client_for, goal, language, words):
    content = client_for(None).get(f"/{language}/oulu/reports/monitoring/{PERIOD}.pdf").content
    (alternative,) = _strings_of(_objects(content), b"Alt")
    assert alternative.startswith(words)
    latest = {
        "fi": "Viimeisin arvo Q4/2025: 43 %.",
        "sv": "Senaste värde Q4/2025: 43 %.",
        "en": "Latest value Q4/2025: 43 %.",
    }
    assert latest[language] in alternative

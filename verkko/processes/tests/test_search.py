"""The small rule that reads plain Finnish: municipalities in inflected forms and target-group words."""

import pytest

from verkko.ecosystem.models import Municipality, TargetGroup
from verkko.processes.search import municipality_stem, read_query

G = TargetGroup.Code
AREA = [
    Municipality(code="564", name_fi="Oulu", name_sv="Uleåborg"),
    Municipality(code="244", name_fi="Kempele", name_sv="Kempele"),
    Municipality(code="425", name_fi="Liminka", name_sv="Limingo"),
    Municipality(code="072", name_fi="Hailuoto", name_sv="Karlö"),
    Municipality(code="494", name_fi="Muhos", name_sv=""),
    Municipality(code="139", name_fi="Ii", name_sv="Ijo"),
    Municipality(code="889", name_fi="Utajärvi", name_sv=""),
    Municipality(code="436", name_fi="Lumijoki", name_sv=""),
]


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("Kempeleessä", "244"),
        ("kempeleen", "244"),
        ("Oulussa", "564"),
        ("Oulun", "564"),
        ("Ouluun", "564"),
        ("Uleåborg", "564"),
        ("Limingassa", "425"),
        ("Hailuodossa", "072"),
        ("Muhoksella", "494"),
        ("Iissä", "139"),
        ("Utajärvellä", "889"),
        ("Lumijoella", "436"),
    ],
)
def test_inflected_municipality_names_are_found(word, code):
    assert [m.code for m in read_query(word, AREA).municipalities] == [code]


@pytest.mark.parametrize(
    ("word", "group"),
    [
        ("nuorelle", G.YOUNG_PEOPLE),
        ("nuorille", G.YOUNG_PEOPLE),
        ("nuorten", G.YOUNG_PEOPLE),
        ("työttömälle", G.JOB_SEEKERS),
        ("työnhakijalle", G.JOB_SEEKERS),
        ("maahanmuuttajille", G.IMMIGRANTS),
        ("osatyökykyiselle", G.PARTIAL_WORK_ABILITY),
        ("työnantajalle", G.EMPLOYERS),
        ("yrittäjille", G.ENTREPRENEURS),
        ("opiskelijoille", G.STUDENTS),
    ],
)
def test_target_group_words_are_read(word, group):
    assert read_query(word, AREA).target_groups == [group]


def test_the_question_of_the_issue_reads_as_a_young_person_in_kempele():
    reading = read_query("palvelut nuorelle Kempeleessä", AREA)
    assert [m.name_fi for m in reading.municipalities] == ["Kempele"]
    assert reading.target_groups == [G.YOUNG_PEOPLE]
    assert reading.free_words == []


def test_other_words_are_searched_as_they_are():
    reading = read_query("työpaja Oulussa", AREA)
    assert reading.free_words == ["työpaja"]


def test_stems_keep_short_names_whole():
    assert municipality_stem("Ii") == "ii"
    assert municipality_stem("Oulu") == "oul"
    assert municipality_stem("Kempele") == "kempe"


def test_an_empty_query_reads_as_nothing():
    assert read_query("", AREA).is_empty

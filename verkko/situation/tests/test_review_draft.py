"""The monthly review's draft: written from the month's figures and signals, in three languages."""

import pytest
from django.utils import translation
from django.utils.translation import gettext

from verkko.situation.review import _compared, draft
from verkko.situation.tests.conftest import LATEST, add_figures


def test_finnish_draft_names_the_figures_and_the_municipality_whose_rate_rose_most(table, area):
    title, text = draft(table, area, LATEST)["fi"]

    assert title == "Työllisyyskatsaus 10/2026 – Oulun työllisyysalue"
    assert "lokakuussa 2026 työttömiä työnhakijoita oli 10\xa0900 eli 12,2 % työvoimasta" in text
    assert "(koko maassa 11,5 %)" in text
    # 10 900 on September's 10 680 and on October 2025's 9 950 (+9,5 %); rate 12,2 % on 11,2 %.
    assert "Heitä oli 220 enemmän kuin edellisenä kuukautena ja 950 (9,5 %) enemmän kuin vuotta aiemmin." in text
    assert "Työttömyysaste oli 1,1 prosenttiyksikköä korkeampi kuin vuotta aiemmin." in text
    assert "(päivitetty 25.11.2026)" in text
    # Oulu 11,25 % → 12,5 % (+1,25 points); Kempele 10,6 % → 10,0 % (−0,6 points).
    assert "Kunnista työttömyysaste nousi vuodessa eniten: Oulu (+1,3 prosenttiyksikköä, nyt 12,5 %)" in text
    assert "Eniten se laski: Kempele (−0,6 prosenttiyksikköä" in text


def test_draft_says_what_rose_and_what_fell(table, area):
    _title, text = draft(table, area, LATEST)["fi"]

    assert "kasvoivat: alle 25-vuotiaat työttömät +9,2 %." in text  # 1 310 on 1 200
    assert "Vähenivät: avoimet työpaikat −19,6 %." in text  # 2 250 on 2 800
    assert "ulkomaalaiset työttömät +" not in text  # incomplete, so not compared
    assert "Vajaita lukuja, koska jonkin kunnan luku on salattu: ulkomaalaiset työttömät" in text


def test_swedish_and_english_drafts_use_their_own_number_formats(table, area):
    add_figures(table, {"KU564": {"PITKAAIKAISTYOTTOMAT": {LATEST: 12345}}})
    texts = draft(table, area, LATEST)

    _title, swedish = texts["sv"]
    _title, english = texts["en"]
    assert "Uleåborgs sysselsättningsområde: i oktober 2026 fanns det 10\xa0900 arbetslösa" in swedish
    assert "12,2 % av arbetskraften" in swedish
    assert "Det var 220 fler än föregående månad och 950 (9,5 %) fler än ett år tidigare." in swedish
    assert "There were 220 more than in the previous month and 950 (9.5 %) more than a year earlier." in english
    assert "The unemployment rate was 1.1 percentage points higher than a year earlier." in english
    assert "in October 2026 there were 10,900 unemployed job seekers, 12.2 % of the labour force" in english
    assert "steg arbetslöshetsgraden mest under året i Uleåborg (+1,3 procentenheter" in swedish
    assert "rose most over the year in Oulu (+1.3 percentage points, to 12.5 %)" in english


def test_draft_lists_the_months_verified_public_signals_only(table, area, make_signal):
    make_signal(kind="layoffs", headcount=1200, industry="C")
    make_signal(kind="closure", visibility="partners")
    make_signal(kind="opening", status="submitted")

    _title, finnish = draft(table, area, LATEST)["fi"]
    _title, english = draft(table, area, LATEST)["en"]

    assert "Kumppanit ilmoittivat kuukaudelta 1 vahvistetun signaalin" in finnish
    assert "Lomautukset tai muutosneuvottelut, Oulu, C Teollisuus, 1\xa0200 henkilöä" in finnish
    assert "Lay-offs or change negotiations, Oulu, C Manufacturing, 1,200 people" in english
    assert "lopetus" not in finnish
    assert "avaus" not in finnish


def test_draft_from_demo_figures_says_they_are_invented(demo_table, area):
    _title, text = draft(demo_table, area, LATEST)["fi"]

    assert "Luvut ovat keksittyjä esimerkkilukuja" in text


@pytest.mark.parametrize(
    ("change", "percent", "expected"),
    [
        (-331, -1.8, "331 (1,8 %) vähemmän kuin vuotta aiemmin"),
        (961, 5.6, "961 (5,6 %) enemmän kuin vuotta aiemmin"),
        (0.2, 0.0, "yhtä paljon kuin vuotta aiemmin"),  # rounds to no change
    ],
)
def test_a_change_reads_as_fewer_more_or_as_many_in_finnish(change, percent, expected):
    with translation.override("fi"):
        words = _compared(
            change,
            gettext("%(count)s (%(percent)s %%) more than a year earlier"),
            gettext("%(count)s (%(percent)s %%) fewer than a year earlier"),
            gettext("as many as a year earlier"),
            percent=percent,
        )

    assert words == expected

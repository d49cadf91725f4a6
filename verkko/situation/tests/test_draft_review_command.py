"""manage.py draft_review: the monthly draft for each area after the statistics are refreshed."""

import io

import pytest
from django.core.management import CommandError, call_command

from verkko.situation.models import Review
from verkko.situation.tests.conftest import LATEST


def _run(*args):
    output = io.StringIO()
    call_command("draft_review", *args, stdout=output)
    return output.getvalue()


def test_drafts_the_latest_month_of_each_area_once(table, area):
    assert "oulu: drafted the review of 2026-10; edit it at /fi/oulu/situation/reviews/" in _run()
    assert "already has a review" in _run()

    review = Review.objects.get()
    assert (review.month, review.status) == (LATEST, Review.Status.DRAFT)
    assert "10\xa0900" in review.text_fi


def test_drafts_a_chosen_month(table, area):
    _run("--area", "oulu", "--month", "2026-09")

    assert Review.objects.get().month.isoformat() == "2026-09-01"


def test_bad_arguments_are_refused_and_nothing_is_drafted(table, area):
    with pytest.raises(CommandError):
        _run("--month", "syyskuu")
    with pytest.raises(CommandError):
        _run("--area", "ei-ole")
    assert Review.objects.count() == 0


def test_without_statistics_the_command_says_so(area):
    with pytest.raises(CommandError, match="No statistics table"):
        _run()


def test_a_month_without_figures_is_not_drafted(table, area):
    assert "no figures, nothing drafted" in _run("--month", "2001-01")
    assert Review.objects.count() == 0

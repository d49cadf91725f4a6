"""Goals, indicators and actions in Finnish, Swedish and English (verkko.lib.translated)."""

import re

import pytest
from django.utils import translation

from verkko.goals.models import Goal


@pytest.fixture(autouse=True)
def finnish_while_the_fixtures_are_made():
    """A request of an earlier test leaves its language active, and a text given plainly (title=…) is
    written in the active language: the fixtures' texts are Finnish only."""
    translation.activate("fi")


def _swedish(goal, indicator):
    goal.title_sv = "Minskad ungdomsarbetslöshet"
    goal.description_sv = "Fler unga i arbete."
    goal.save()
    indicator.name_sv = "Unga som vägletts till utbildning"
    indicator.unit_sv = "procent"
    indicator.unit_en = "per cent"
    indicator.save()


def _form(forum, indicator, **changes):
    return {
        "title_fi": "Työllisyysasteen nosto",
        "title_sv": "Högre sysselsättningsgrad",
        "title_en": "A higher employment rate",
        "slug": "tyollisyysaste",
        "description_fi": "Yhteinen päätavoite.",
        "description_sv": "",
        "description_en": "Our shared main goal.",
        "owner_forum": forum.pk,
        "starts_on": "2025-01-01",
        "ends_on": "2027-12-31",
        "visibility": "public",
        "indicators": [indicator.pk],
        **changes,
    }


def test_a_swedish_speaking_partner_reads_the_goal_its_indicator_and_unit_in_swedish(
    client_for, partner_member, goal, indicator
):
    _swedish(goal, indicator)
    html = client_for(partner_member).get("/sv/oulu/goals/nuorisotyottomyys/").content.decode()
    assert "<h1>Minskad ungdomsarbetslöshet</h1>" in html
    assert "Fler unga i arbete." in html
    assert "Unga som vägletts till utbildning" in html
    assert "<h1>Nuorisotyöttömyyden vähentäminen" not in html  # (the history keeps the name it had then)
    unit = client_for(partner_member).get("/sv/oulu/indicators/koulutukseen-ohjatut/").content.decode()
    assert "<dd>procent</dd>" in unit


def test_a_text_without_a_translation_shows_in_finnish_marked_as_finnish(client_for, partner_member, goal):
    html = client_for(partner_member).get("/sv/oulu/goals/nuorisotyottomyys/").content.decode()
    assert (
        '<h1><span lang="fi">Nuorisotyöttömyyden vähentäminen</span> '
        '<small class="fallback-marker">(på finska)</small></h1>'
    ) in html
    english = client_for(partner_member).get("/en/oulu/goals/nuorisotyottomyys/").content.decode()
    assert '<small class="fallback-marker">(in Finnish)</small>' in english


def test_a_finnish_page_never_marks_its_finnish_texts(client_for, partner_member, goal):
    html = client_for(partner_member).get("/fi/oulu/goals/nuorisotyottomyys/").content.decode()
    assert "<h1>Nuorisotyöttömyyden vähentäminen</h1>" in html
    assert "fallback-marker" not in html


def test_the_goal_form_asks_each_text_in_three_languages_with_their_lang(client_for, coordinator):
    html = client_for(coordinator).get("/sv/oulu/goals/new/").content.decode()
    assert '<fieldset class="languages"><legend>Rubrik</legend>' in html
    assert 'name="title_fi"' in html
    assert 'name="title_sv"' in html
    assert 'name="title_en"' in html
    assert re.search(r'<input type="text" name="title_sv"[^>]* lang="sv"', html)
    assert '<span lang="en">English</span> (valfri)' in html


def test_the_goal_form_saves_all_three_languages(client_for, coordinator, forum, indicator):
    response = client_for(coordinator).post("/sv/oulu/goals/new/", _form(forum, indicator))
    assert response.status_code == 302
    goal = Goal.objects.get(slug="tyollisyysaste")
    assert (goal.title_fi, goal.title_sv, goal.title_en) == (
        "Työllisyysasteen nosto",
        "Högre sysselsättningsgrad",
        "A higher employment rate",
    )
    assert (goal.description_fi, goal.description_sv, goal.description_en) == (
        "Yhteinen päätavoite.",
        "",
        "Our shared main goal.",
    )


@pytest.mark.parametrize("bad", [{"title_fi": ""}, {"title_sv": "x" * 201}])
def test_a_goal_without_its_finnish_title_or_with_too_long_a_translation_is_not_saved(
    client_for, coordinator, forum, indicator, goal, bad
):
    response = client_for(coordinator).post(
        "/fi/oulu/goals/nuorisotyottomyys/edit/", _form(forum, indicator, slug=goal.slug, **bad)
    )
    assert response.status_code == 400
    goal.refresh_from_db()
    assert goal.title_fi == "Nuorisotyöttömyyden vähentäminen"
    assert not goal.title_sv
    assert not goal.title_en

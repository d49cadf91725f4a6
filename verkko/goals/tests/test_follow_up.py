"""Issue 13 on the goal pages: measures that mean what they say, a target pointing the wrong way,
target changes, milestones that can be finished, a forecast, provenance and readable history."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from verkko.goals import actions
from verkko.goals.models import Indicator, IndicatorValue, Milestone, Target
from verkko.goals.tests.conftest import OUTSIDERS, ROLES

# --- measures that mean what they say ------------------------------------------------------------


@pytest.fixture
def falling(area, goal):
    """Lower is better, off track: the figure rose from the baseline 220 (target 100)."""
    indicator = Indicator.objects.create(
        area=area,
        slug="pitkaaikaiset",
        name="Pitkäaikaistyöttömät",
        unit="henkilöä",
        polarity=Indicator.Polarity.LOWER,
        frequency="Q",
        baseline_period=date(2025, 1, 1),
        baseline_value=220.0,
    )
    Target.objects.create(indicator=indicator, period=date(2026, 1, 1), value=100.0)
    IndicatorValue.objects.create(indicator=indicator, period=date(2025, 7, 1), value=230.0)
    goal.indicators.add(indicator)
    return indicator


def test_lower_is_better_off_track_never_reads_as_success(client_for, falling):
    content = client_for(None).get(f"/fi/oulu/indicators/{falling.slug}/").content.decode()
    assert "jäljessä" in content
    assert "106 %" not in content
    assert "\u22128 %" in content  # progress: 10 the wrong way out of the 120 to cover
    assert "160 henkilöä" in content  # expected now, with its unit
    assert "+70 henkilöä" in content  # difference to expected, with its unit
    assert "+130 henkilöä" in content  # variance to target


def test_a_rate_difference_is_in_percentage_points(client_for, goal, indicator):
    content = client_for(None).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "%-yks." in content
    assert "43 %" in content


def test_an_indicator_without_values_still_shows_its_target(client_for, area, goal):
    empty = Indicator.objects.create(area=area, slug="tyhja", name="Tyhjä", unit="%", frequency="Y")
    Target.objects.create(indicator=empty, period=date(2027, 1, 1), value=50.0)
    goal.indicators.add(empty)
    content = client_for(None).get(f"/fi/oulu/indicators/{empty.slug}/").content.decode()
    assert "ei tavoitetta" not in content
    assert "50 % (2027)" in content


# --- a target pointing the wrong way -----------------------------------------------------------


def test_a_target_pointing_the_wrong_way_is_refused_until_confirmed(client_for, coordinator, falling):
    client = client_for(coordinator)
    url = f"/fi/oulu/indicators/{falling.slug}/targets/"
    response = client.post(url, {"period": "2027Q1", "value": "250"})
    assert response.status_code == 400
    assert "osoittaa väärään suuntaan" in response.content.decode()
    assert not Target.objects.filter(indicator=falling, period=date(2027, 1, 1)).exists()
    assert client.post(url, {"period": "2027Q1", "value": "250", "allow_worse": "on"}).status_code == 302
    assert Target.objects.get(indicator=falling, period=date(2027, 1, 1)).value == 250.0
    assert client.post(url, {"period": "2027Q2", "value": "90"}).status_code == 302  # the right way


# --- target changes on the indicator page -------------------------------------------------------


def test_target_changes_are_shown_on_the_indicator_page(client_for, coordinator, goal, indicator):
    target = indicator.targets.get()
    actions.set_target(coordinator, indicator, target.period, 49.0)
    actions.set_target(coordinator, indicator, date(2027, 1, 1), 52.0)
    actions.delete_target(coordinator, Target.objects.get(indicator=indicator, period=date(2027, 1, 1)))
    content = client_for(None).get(f"/fi/oulu/indicators/{indicator.slug}/").content.decode()
    assert "Tavoitteiden muutokset" in content
    assert "48 % → 49 %" in content
    assert "asetettu: 52 %" in content
    assert "poistettu (oli 52 %)" in content
    assert "Q1/2027" in content
    assert "coordinator@example.com" not in content  # the public does not see who


# --- milestones -------------------------------------------------------------------------------


@pytest.fixture
def milestone(action):
    return Milestone.objects.create(action=action, title="Ensimmäiset sopimukset", due_on=date(2026, 3, 31))


def _milestone_url(action, milestone, what):
    return f"/fi/oulu/actions/{action.uuid}/milestones/{milestone.pk}/{what}/"


def test_a_milestone_is_marked_done_and_not_done(client_for, partner_editor, action, milestone):
    client = client_for(partner_editor)  # an editor of the lead organisation
    page = client.get(f"/fi/oulu/actions/{action.uuid}/").content.decode()
    assert "Merkitse valmiiksi" in page
    assert client.post(_milestone_url(action, milestone, "done"), {"done": "1"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on == timezone.localdate()
    assert client.post(_milestone_url(action, milestone, "done"), {"done": "0"}).status_code == 302
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_bad_done_value_changes_nothing(client_for, partner_editor, action, milestone):
    client_for(partner_editor).post(_milestone_url(action, milestone, "done"), {"done": "maybe"})
    milestone.refresh_from_db()
    assert milestone.done_on is None


def test_coordinator_edits_and_removes_a_milestone(client_for, coordinator, action, milestone):
    client = client_for(coordinator)
    url = _milestone_url(action, milestone, "edit")
    assert "Ensimmäiset sopimukset" in client.get(url).content.decode()
    response = client.post(url, {"title": "Kymmenen sopimusta", "due_on": "2026-04-30", "done_on": ""})
    assert response.status_code == 302
    milestone.refresh_from_db()
    assert (milestone.title, milestone.due_on) == ("Kymmenen sopimusta", date(2026, 4, 30))
    assert client.post(_milestone_url(action, milestone, "delete")).status_code == 302
    assert not Milestone.objects.filter(pk=milestone.pk).exists()


def test_a_bad_milestone_edit_changes_nothing(client_for, coordinator, action, milestone):
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    url = _milestone_url(action, milestone, "edit")
    for data in [{"title": "", "due_on": "2026-04-30"}, {"title": "X", "due_on": "2026-04-30", "done_on": future}]:
        assert client_for(coordinator).post(url, data).status_code == 400
    milestone.refresh_from_db()
    assert (milestone.title, milestone.done_on) == ("Ensimmäiset sopimukset", None)


@pytest.mark.parametrize("role", ROLES)
def test_who_may_do_what_with_a_milestone(client_for, user_for, goal, action, milestone, role):
    client = client_for(user_for(role))
    done = client.post(_milestone_url(action, milestone, "done"), {"done": "1"})
    edit = client.post(_milestone_url(action, milestone, "edit"), {"title": "X", "due_on": "2026-04-30"})
    delete = client.post(_milestone_url(action, milestone, "delete"))
    if role is None:
        assert all(r.status_code == 302 and "/accounts/login/" in r["Location"] for r in (done, edit, delete))
    elif role == "coordinator":
        assert (done.status_code, edit.status_code, delete.status_code) == (302, 302, 302)
        return
    elif role == "partner_editor":  # edits the lead organisation: checks in and marks milestones done
        assert (done.status_code, edit.status_code, delete.status_code) == (302, 403, 403)
        milestone.refresh_from_db()
        assert milestone.title == "Ensimmäiset sopimukset"
        return
    else:
        assert (done.status_code, edit.status_code, delete.status_code) == (403, 403, 403)
    milestone.refresh_from_db()
    assert (milestone.title, milestone.done_on) == ("Ensimmäiset sopimukset", None)


@pytest.mark.parametrize("role", ["coordinator", *OUTSIDERS])
def test_a_milestone_of_another_action_or_area_is_not_found(client_for, user_for, action, other_action, role):
    theirs = Milestone.objects.create(action=other_action, title="Rannikon", due_on=date(2026, 3, 31))
    response = client_for(user_for(role)).post(_milestone_url(action, theirs, "done"), {"done": "1"})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.done_on is None


def test_milestone_actions_refuse_get(client_for, coordinator, action, milestone):
    client = client_for(coordinator)
    assert client.get(_milestone_url(action, milestone, "done")).status_code == 405
    assert client.get(_milestone_url(action, milestone, "delete")).status_code == 405
    assert Milestone.objects.filter(pk=milestone.pk).exists()


# --- forecast and provenance --------------------------------------------------------------------


def test_the_forecast_and_its_method_are_named_on_the_page(client_for, area, goal):
    monthly = Indicator.objects.create(area=area, slug="kk", name="Kuukausittain", unit="henkilöä", frequency="M")
    for month in range(24):
        period = date(2024 + month // 12, month % 12 + 1, 1)
        IndicatorValue.objects.create(indicator=monthly, period=period, value=100.0 + month)
    Target.objects.create(indicator=monthly, period=date(2026, 6, 1), value=120.0)
    goal.indicators.add(monthly)
    content = client_for(None).get(f"/fi/oulu/indicators/{monthly.slug}/").content.decode()
    # June 2025 was 117; +12 a year: 129 against the target 120 (higher is better): on course.
    assert "Ennuste 6/2026: 129 henkilöä (tavoite 120 henkilöä)" in content
    assert "tavoite on saavutettavissa" in content
    assert "viimeisten kahdentoista kuukauden keskimääräinen muutos vuodentakaisesta (+12 henkilöä vuodessa)" in content


def test_goal_page_and_monitoring_view_say_where_the_figures_come_from(client_for, goal, area_indicator):
    goal.indicators.add(area_indicator)
    for url in (f"/fi/oulu/goals/{goal.slug}/", "/fi/oulu/goals/"):
        content = client_for(None).get(url).content.decode()
        assert 'class="provenance"' in content
        assert "12r5 Työnvälitystilasto" in content
        assert "KU244, KU564" in content
        assert "TYOTTOMATLOPUSSA" in content
        assert "2026M01–2026M03" in content
        assert "Arvot on syötetty käsin" in content  # the hand-entered indicator says so too


# --- history people can read ----------------------------------------------------------------------


def test_history_reads_as_the_pages_do(client_for, coordinator, partner_member, goal, area_indicator):
    from verkko.goals.forms import IndicatorForm

    form = IndicatorForm(
        {
            "name_fi": area_indicator.name,
            "slug": area_indicator.slug,
            "unit_fi": "henkilöä",
            "decimals": "0",
            "polarity": "lower",
            "kind": "rate",
            "measure": "12r5|TYOTTOMATLOPUSSA",
            "denominator": "12r5|TYOVOIMATK",
            "place": "area",
            "baseline_period_text": "12/2025",
            "baseline_value": "1662",
        },
        instance=area_indicator,
        area=area_indicator.area,
    )
    assert form.is_valid(), form.errors
    actions.update_indicator(coordinator, area_indicator, form.cleaned_data)
    goal.indicators.add(area_indicator)
    page = client_for(partner_member).get(f"/fi/oulu/indicators/{area_indicator.slug}/").content.decode()
    history = page.split("history-heading")[-1]
    assert "lähtötason arvo: 1 100 → 1 662" in history.replace("\xa0", " ")
    assert "lähtötason jakso: tammikuu 2026 → joulukuu 2025" in history
    assert "TYOVOIMATK" not in history
    assert "nimittäjän suureen koodi" not in history
    assert "1662.0" not in history
    public = client_for(None).get(f"/fi/oulu/indicators/{area_indicator.slug}/").content.decode()
    history = public.split("history-heading")[-1]
    assert f"muutettu {timezone.localdate():%-d.%-m.%Y}" in history
    assert "1 662" not in history.replace("\xa0", " ")  # the public sees that and when, not what

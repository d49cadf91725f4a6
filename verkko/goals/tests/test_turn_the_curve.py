import pytest

from verkko.goals.models import TurnTheCurve
from verkko.goals.tests.conftest import OUTSIDERS

DATA = {"story": "Nuorten työttömyys kasvoi.", "partners": "OSAO", "what_works": "Ohjaamo", "next_steps": "Kesätyöt"}


def test_coordinator_writes_and_rewrites_the_note(client_for, coordinator, indicator):
    client = client_for(coordinator)
    url = f"/fi/oulu/indicators/{indicator.slug}/turn-the-curve/"
    assert "Käyrän taustalla oleva tarina" in client.get(url).content.decode()
    assert client.post(url, DATA).status_code == 302
    assert client.post(url, {**DATA, "next_steps": "Oppisopimukset"}).status_code == 302
    assert TurnTheCurve.objects.get(indicator=indicator).next_steps == "Oppisopimukset"


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "editor_b", *OUTSIDERS])
def test_partners_and_outsiders_may_not_edit_the_note(client_for, user_for, role, goal, indicator):
    assert (
        client_for(user_for(role)).post(f"/fi/oulu/indicators/{indicator.slug}/turn-the-curve/", DATA).status_code
        == 403
    )
    assert not TurnTheCurve.objects.exists()


def test_public_may_not_edit_the_note(client_for, goal, indicator):
    response = client_for(None).post(f"/fi/oulu/indicators/{indicator.slug}/turn-the-curve/", DATA)
    assert response.status_code == 302
    assert not TurnTheCurve.objects.exists()


def test_too_long_note_is_refused_and_nothing_saved(client_for, coordinator, indicator):
    response = client_for(coordinator).post(
        f"/fi/oulu/indicators/{indicator.slug}/turn-the-curve/", {"story": "x" * 4001}
    )
    assert response.status_code == 400
    assert not TurnTheCurve.objects.exists()


def test_note_form_refuses_other_methods(client_for, coordinator, indicator):
    assert client_for(coordinator).put(f"/fi/oulu/indicators/{indicator.slug}/turn-the-curve/").status_code == 405

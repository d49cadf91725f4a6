"""The coordinators' queue of signals waiting for verification: /fi/<area>/signals/queue/ (GET),
with its count in the navigation, and verification that may change a signal's visibility."""

import re

import pytest

from verkko.situation.models import Signal
from verkko.situation.tests.conftest import ROLES

QUEUE = "/fi/oulu/signals/queue/"
EXPECTED = dict(zip(ROLES, [200, 403, 403, 403, 302, 403, 403, 403], strict=True))


@pytest.mark.parametrize("role", ROLES)
def test_only_the_areas_coordinators_see_the_queue(role, client_as, make_signal):
    make_signal(status="submitted", description="Odottaa tarkistusta")

    response = client_as(role).get(QUEUE)

    assert response.status_code == EXPECTED[role]
    if role == "public":
        assert response["Location"].startswith("/fi/accounts/login/?next=")
    if response.status_code == 200:
        assert "Odottaa tarkistusta" in response.content.decode()


def test_the_queue_holds_the_waiting_signals_of_this_area_only(
    client_as, make_signal, make_other_signal, django_assert_max_num_queries
):
    make_signal(status="submitted", description="Ensimmäinen odottava")
    make_signal(status="submitted", description="Toinen odottava", visibility="partners")
    make_signal(status="verified", description="Jo tarkistettu")
    make_signal(status="rejected", description="Hylätty", check_note="Vanha")
    make_other_signal(status="submitted", description="Rannikon odottava")
    client = client_as("coordinator")

    with django_assert_max_num_queries(12):
        page = client.get(QUEUE).content.decode()

    for waiting in ("Ensimmäinen odottava", "Toinen odottava"):
        assert waiting in page
    for other in ("Jo tarkistettu", "Hylätty", "Rannikon odottava"):
        assert other not in page
    assert "2 signaalia odottaa tarkistusta." in page
    assert "vain kumppaneille" in page


def test_the_navigation_shows_coordinators_the_waiting_count(client_as, make_signal):
    for _ in range(3):
        make_signal(status="submitted")
    make_signal(status="verified")

    page = client_as("coordinator").get("/fi/oulu/signals/").content.decode()

    assert f'href="{QUEUE}">Tarkistettavat signaalit <span class="count">3' in page


@pytest.mark.parametrize("role", ["partner_editor", "partner_member", "public", "outsider_coordinator"])
def test_others_have_no_queue_in_the_navigation(role, client_as, make_signal):
    make_signal(status="submitted")

    assert QUEUE not in client_as(role).get("/fi/oulu/signals/").content.decode()


def test_the_queue_accepts_only_get(client_as):
    assert client_as("coordinator").post(QUEUE).status_code == 405


def test_verification_makes_a_partner_only_signal_public_and_returns_to_the_queue(client_as, make_signal, coordinator):
    signal = make_signal(status="submitted", visibility="partners")
    client = client_as("coordinator")
    form = client.get(f"/fi/oulu/signals/{signal.uuid}/?from=queue").content.decode()
    assert 'name="from" value="queue"' in form
    assert re.search(r'<input[^>]*name="visibility" value="partners"[^>]*checked', form)

    response = client.post(
        f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified", "visibility": "public", "from": "queue"}
    )

    signal.refresh_from_db()
    assert response["Location"] == QUEUE
    assert (signal.status, signal.visibility, signal.checked_by) == (Signal.Status.VERIFIED, "public", coordinator)
    assert client_as("public").get(f"/fi/oulu/signals/{signal.uuid}/").status_code == 200


def test_verification_without_a_visibility_keeps_it(client_as, make_signal):
    signal = make_signal(status="submitted", visibility="partners")

    client_as("coordinator").post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified"})

    signal.refresh_from_db()
    assert (signal.status, signal.visibility) == (Signal.Status.VERIFIED, "partners")


def test_a_bad_visibility_changes_nothing(client_as, make_signal):
    signal = make_signal(status="submitted", visibility="partners")

    response = client_as("coordinator").post(
        f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified", "visibility": "kaikille"}
    )

    signal.refresh_from_db()
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert (signal.status, signal.visibility) == (Signal.Status.SUBMITTED, "partners")


@pytest.mark.parametrize("role", ["partner_editor", "outsider_coordinator"])
def test_others_may_not_change_the_visibility(role, client_as, make_signal):
    signal = make_signal(status="verified", visibility="partners")

    response = client_as(role).post(
        f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified", "visibility": "public"}
    )

    signal.refresh_from_db()
    assert response.status_code in (403, 404)
    assert signal.visibility == "partners"

"""A coordinator checks a signal: /fi/<area>/signals/<uuid>/check/ (POST)."""

from auditlog.models import LogEntry

from verkko.situation.models import Signal


def test_coordinator_verifies_a_signal(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    response = client_for(coordinator).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified"})

    signal.refresh_from_db()
    assert response.status_code == 302
    assert signal.status == Signal.Status.VERIFIED
    assert signal.checked_by == coordinator
    assert LogEntry.objects.get_for_object(signal).filter(actor=coordinator).exists()


def test_coordinator_rejects_a_signal_with_a_reason(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    client_for(coordinator).post(
        f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected", "note": "Vanha tieto"}
    )

    signal.refresh_from_db()
    assert (signal.status, signal.check_note) == (Signal.Status.REJECTED, "Vanha tieto")


def test_rejection_without_a_reason_is_refused_and_nothing_changes(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    response = client_for(coordinator).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected"})

    signal.refresh_from_db()
    assert response.status_code == 200
    assert "Kerro, miksi signaali hylätään." in response.content.decode()
    assert signal.status == Signal.Status.SUBMITTED


def test_a_bad_decision_is_refused(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    response = client_for(coordinator).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "kyllä"})

    signal.refresh_from_db()
    assert "error-summary" in response.content.decode()
    assert "Valitse oikea vaihtoehto. kyllä ei ole vaihtoehtojen joukossa." in response.content.decode()
    assert signal.status == Signal.Status.SUBMITTED


def test_reporter_may_not_verify_their_own_signal(client_for, make_signal, partner_editor):
    signal = make_signal(status="submitted", reporter=partner_editor)

    response = client_for(partner_editor).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified"})

    signal.refresh_from_db()
    assert response.status_code == 403
    assert signal.status == Signal.Status.SUBMITTED


def test_others_pending_signal_is_not_found_for_a_partner(client_for, make_signal, editor_b, partner_editor):
    signal = make_signal(status="submitted", reporter=partner_editor)

    response = client_for(editor_b).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "verified"})

    assert response.status_code == 404


def test_the_public_may_not_check(client_for, make_signal):
    signal = make_signal()

    assert client_for(None).post(f"/fi/oulu/signals/{signal.uuid}/check/", {"decision": "rejected"}).status_code == 403


def test_check_accepts_only_post(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    assert client_for(coordinator).get(f"/fi/oulu/signals/{signal.uuid}/check/").status_code == 405

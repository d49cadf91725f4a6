"""One signal: /fi/<area>/signals/<uuid>/."""


def test_public_sees_a_verified_public_signal(client_for, make_signal):
    signal = make_signal(description="Hitsaajia tarvitaan.")

    response = client_for(None).get(f"/fi/oulu/signals/{signal.uuid}/")

    assert response.status_code == 200
    content = response.content.decode()
    assert "Rekrytointitarve" in content
    assert "Hitsaajia tarvitaan." in content
    assert "Tarkista signaali" not in content


def test_partner_only_signal_is_hidden_from_the_public(client_for, make_signal, partner_member):
    signal = make_signal(visibility="partners")

    assert client_for(None).get(f"/fi/oulu/signals/{signal.uuid}/")["Location"].startswith("/fi/accounts/login/")
    assert client_for(partner_member).get(f"/fi/oulu/signals/{signal.uuid}/").status_code == 200


def test_pending_signal_is_seen_by_its_reporter_but_not_by_other_partners(
    client_for, make_signal, partner_editor, editor_b
):
    signal = make_signal(status="submitted", reporter=partner_editor)

    assert client_for(partner_editor).get(f"/fi/oulu/signals/{signal.uuid}/").status_code == 200
    assert client_for(editor_b).get(f"/fi/oulu/signals/{signal.uuid}/").status_code == 404


def test_coordinator_gets_the_check_form_and_the_history(client_for, make_signal, coordinator):
    signal = make_signal(status="submitted")

    content = client_for(coordinator).get(f"/fi/oulu/signals/{signal.uuid}/").content.decode()

    assert "Tarkista signaali" in content
    assert 'class="history"' in content


def test_unknown_signal_is_not_found(client_for, area):
    assert client_for(None).get("/fi/oulu/signals/00000000-0000-0000-0000-000000000000/").status_code == 404


def test_signal_page_refuses_writes(client_for, make_signal):
    signal = make_signal()

    assert client_for(None).post(f"/fi/oulu/signals/{signal.uuid}/").status_code == 405

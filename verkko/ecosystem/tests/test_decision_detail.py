from verkko.ecosystem.models import Decision


def test_a_decisions_address_leads_to_its_place_on_the_meeting_page(as_role, decision):
    response = as_role("public").get(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/")
    assert response.status_code == 302
    assert response["Location"] == f"/fi/oulu/ecosystem/meetings/{decision.meeting.uuid}/#decision-{decision.uuid}"


def test_a_decision_of_a_partner_forum_asks_the_public_to_sign_in(as_role, partner_meeting, outsider_member):
    decision = Decision.objects.create(meeting=partner_meeting, text="Sisäinen päätös")
    response = as_role("public").get(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/")
    assert response["Location"].startswith("/fi/accounts/login/?next=")
    assert as_role("outsider_member").get(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/").status_code == 404


def test_decision_address_refuses_post(as_role, decision):
    assert as_role("public").post(f"/fi/oulu/ecosystem/decisions/{decision.uuid}/").status_code == 405

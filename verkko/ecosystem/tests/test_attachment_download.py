from verkko.ecosystem.tests.helpers import PDF, pdf


def test_anyone_who_sees_the_meeting_downloads_its_attachment(as_role, attachment):
    meeting_page = as_role("public").get(f"/fi/oulu/ecosystem/meetings/{attachment.meeting.uuid}/").content.decode()
    assert f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/" in meeting_page
    response = as_role("public").get(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == PDF


def test_attachments_of_partner_forums_ask_the_public_to_sign_in_and_are_not_found_for_outsiders(
    as_role, coordinator, partner_member, partner_meeting, outsider_member
):
    from verkko.ecosystem import actions

    attachment = actions.add_attachment(coordinator, partner_meeting, {"title": "Sisäinen", "file": pdf()})
    response = as_role("public").get(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/fi/accounts/login/?next=")
    assert as_role("outsider_member").get(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/").status_code == 404
    assert as_role("partner_member").get(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/").status_code == 200


def test_download_refuses_post(as_role, attachment):
    assert as_role("public").post(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/").status_code == 405


def test_an_unknown_attachment_is_not_found(as_role, area):
    assert (
        as_role("public").get("/fi/oulu/ecosystem/attachments/00000000-0000-0000-0000-000000000000/").status_code == 404
    )

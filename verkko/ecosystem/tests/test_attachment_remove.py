import pytest

from verkko.ecosystem.models import MeetingAttachment
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.helpers import pdf


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_remove_attachments(as_role, everyone, attachment, role, status):
    assert as_role(role).post(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/remove/").status_code == status
    assert MeetingAttachment.objects.filter(pk=attachment.pk).exists() is (status != 302)


def test_removing_refuses_get(as_role, coordinator, attachment):
    assert as_role("coordinator").get(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/remove/").status_code == 405


def test_removing_an_attachment_of_a_partner_forum_is_not_found_for_the_public(as_role, coordinator, partner_meeting):
    from verkko.ecosystem import actions

    attachment = actions.add_attachment(coordinator, partner_meeting, {"title": "Sisäinen", "file": pdf()})
    assert as_role("public").post(f"/fi/oulu/ecosystem/attachments/{attachment.uuid}/remove/").status_code == 404

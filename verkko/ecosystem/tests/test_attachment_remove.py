import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.ecosystem.models import MeetingAttachment
from verkko.ecosystem.tests.conftest import by_role

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def pdf(name="esityslista.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@pytest.fixture
def attachment(coordinator, meeting):
    from verkko.ecosystem import actions

    return actions.add_attachment(coordinator, meeting, {"title": "Esityslista", "file": pdf()})


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403))
def test_coordinators_remove_attachments(as_role, everyone, attachment, role, status):
    assert as_role(role).post(f"/fi/ecosystem/attachments/{attachment.uuid}/remove/").status_code == status
    assert MeetingAttachment.objects.filter(pk=attachment.pk).exists() is (status != 302)


def test_removing_refuses_get(as_role, coordinator, attachment):
    assert as_role("coordinator").get(f"/fi/ecosystem/attachments/{attachment.uuid}/remove/").status_code == 405


def test_removing_an_attachment_of_a_partner_forum_is_not_found_for_the_public(as_role, coordinator, partner_meeting):
    from verkko.ecosystem import actions

    attachment = actions.add_attachment(coordinator, partner_meeting, {"title": "Sisäinen", "file": pdf()})
    assert as_role("public").post(f"/fi/ecosystem/attachments/{attachment.uuid}/remove/").status_code == 404

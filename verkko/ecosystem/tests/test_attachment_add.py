import pytest

from verkko.ecosystem import forms
from verkko.ecosystem.models import MeetingAttachment
from verkko.ecosystem.tests.conftest import by_role
from verkko.ecosystem.tests.helpers import pdf

pytestmark = pytest.mark.usefixtures("media_in_tmp")


def upload_url(meeting):
    return f"/fi/oulu/ecosystem/meetings/{meeting.uuid}/attachments/"


@pytest.mark.parametrize(("role", "status"), by_role(302, 403, 403, 403, 403, 403, 403, 403))
def test_coordinators_upload_attachments(as_role, everyone, meeting, role, status):
    response = as_role(role).post(upload_url(meeting), {"title": "Esityslista", "file": pdf()})
    assert response.status_code == status
    assert MeetingAttachment.objects.exists() is (status == 302)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ohjelma.exe", b"MZ\x90\x00", "Tyypin ”.exe” tiedostoja ei hyväksytä."),
        ("valepdf.pdf", b"<html>ei pdf</html>", "Tiedoston sisältö ei vastaa sen päätettä ”.pdf”."),
        ("tyhja.pdf", b"", "Lähetetty tiedosto on tyhjä."),
        ("binaari.txt", b"abc\x00def", "Tiedoston sisältö ei vastaa sen päätettä ”.txt”."),
    ],
)
def test_files_that_are_not_allowed_are_refused_with_a_clear_error(
    as_role, coordinator, meeting, name, content, message
):
    response = as_role("coordinator").post(upload_url(meeting), {"title": "Liite", "file": pdf(name, content)})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not MeetingAttachment.objects.exists()


def test_a_file_over_the_size_limit_is_refused(as_role, coordinator, meeting, monkeypatch):
    monkeypatch.setattr(forms, "MAX_ATTACHMENT_BYTES", 10)
    response = as_role("coordinator").post(upload_url(meeting), {"title": "Iso", "file": pdf()})
    assert response.status_code == 400
    assert "enintään 10" in response.content.decode()
    assert not MeetingAttachment.objects.exists()


def test_uploading_refuses_get(as_role, coordinator, meeting):
    client = as_role("coordinator")
    assert client.get(upload_url(meeting)).status_code == 405

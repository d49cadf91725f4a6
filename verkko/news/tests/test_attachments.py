"""Attachments of news items: served only through the access check, with the meeting attachments' limits."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from verkko.ecosystem.tests.helpers import PDF, pdf
from verkko.news import actions
from verkko.news.models import NewsAttachment
from verkko.news.tests.conftest import by_role

pytestmark = pytest.mark.usefixtures("media_in_tmp")


def _attach(coordinator, item, title="Ohjelma"):
    return actions.add_news_attachment(coordinator, item, title=title, file=pdf())


@pytest.mark.parametrize(("role", "expected"), by_role(200, 200, 200, 200, 302, 404, 404, 404))
def test_attachments_of_partner_news_are_for_partners(as_role, everyone, coordinator, role, expected, partner_news):
    attachment = _attach(coordinator, partner_news)
    response = as_role(role).get(f"/fi/oulu/news/attachments/{attachment.uuid}/")
    assert response.status_code == expected
    if expected == 200:
        assert response["Content-Type"] == "application/pdf"
        assert "attachment" in response["Content-Disposition"]
        assert b"".join(response.streaming_content) == PDF


def test_anyone_downloads_the_attachment_of_public_news(as_role, coordinator, public_news):
    attachment = _attach(coordinator, public_news)
    assert (
        f"/fi/oulu/news/attachments/{attachment.uuid}/"
        in as_role("public").get(f"/fi/oulu/news/{public_news.uuid}/").content.decode()
    )
    assert as_role("public").get(f"/fi/oulu/news/attachments/{attachment.uuid}/").status_code == 200
    assert as_role("public").post(f"/fi/oulu/news/attachments/{attachment.uuid}/").status_code == 405


def test_attachments_of_scheduled_news_are_hidden_until_published(as_role, coordinator, scheduled_news, partner_member):
    attachment = _attach(coordinator, scheduled_news)
    assert as_role("partner_member").get(f"/fi/oulu/news/attachments/{attachment.uuid}/").status_code == 404


def test_another_areas_attachment_is_not_found_here(as_role, other_area_news, outsider_coordinator):
    attachment = _attach(outsider_coordinator, other_area_news)
    assert as_role("public").get(f"/fi/oulu/news/attachments/{attachment.uuid}/").status_code == 404
    assert as_role("public").get(f"/fi/rannikko/news/attachments/{attachment.uuid}/").status_code == 200


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_the_author_and_coordinators_add_attachments(as_role, everyone, role, expected, public_news):
    response = as_role(role).post(f"/fi/oulu/news/{public_news.uuid}/attachments/", {"title": "Esite", "file": pdf()})
    assert response.status_code == expected
    assert NewsAttachment.objects.exists() == (role in ("coordinator", "partner_editor"))


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("ohjelma.exe", b"MZ\x90\x00", content_type="application/octet-stream"),
        SimpleUploadedFile("ohjelma.pdf", b"not a pdf", content_type="application/pdf"),
        SimpleUploadedFile("tyhja.pdf", b"", content_type="application/pdf"),
    ],
)
def test_bad_files_are_refused(as_role, coordinator, public_news, upload):
    response = as_role("coordinator").post(
        f"/fi/oulu/news/{public_news.uuid}/attachments/", {"title": "X", "file": upload}
    )
    assert response.status_code == 400
    assert not NewsAttachment.objects.exists()


def test_files_over_the_limit_are_refused(as_role, coordinator, public_news, monkeypatch):
    from verkko.ecosystem import forms as ecosystem_forms

    monkeypatch.setattr(ecosystem_forms, "MAX_ATTACHMENT_BYTES", 10)
    response = as_role("coordinator").post(
        f"/fi/oulu/news/{public_news.uuid}/attachments/", {"title": "X", "file": pdf()}
    )
    assert response.status_code == 400
    assert not NewsAttachment.objects.exists()


@pytest.mark.parametrize(("role", "expected"), by_role(302, 302, 403, 403, 302, 403, 403, 403))
def test_removing_an_attachment(as_role, everyone, coordinator, role, expected, public_news):
    attachment = _attach(coordinator, public_news)
    response = as_role(role).post(f"/fi/oulu/news/attachments/{attachment.uuid}/remove/")
    assert response.status_code == expected
    assert NewsAttachment.objects.filter(pk=attachment.pk).exists() != (role in ("coordinator", "partner_editor"))
    assert as_role("coordinator").get(f"/fi/oulu/news/attachments/{attachment.uuid}/remove/").status_code == 405


def test_files_are_kept_under_news(coordinator, public_news, settings):
    attachment = _attach(coordinator, public_news)
    assert attachment.file.name.startswith("news/")

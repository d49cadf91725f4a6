"""Uploaded files are never served from MEDIA_ROOT by address, not even with DEBUG on: attachments
are partner-only, and only the views that check access send them."""

import pytest
from django.test import override_settings
from django.urls import resolve
from django.urls.exceptions import Resolver404

from verkko.urls import build_urlpatterns


@override_settings(DEBUG=True)
def test_no_route_serves_the_media_folder_with_debug_on(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "attachments").mkdir()
    (tmp_path / "attachments" / "salainen.pdf").write_bytes(b"%PDF-1.4 SALAINEN")
    patterns = build_urlpatterns("oulu")
    assert not any(str(pattern.pattern).startswith("^media") for pattern in patterns)
    with pytest.raises(Resolver404):
        resolve("/media/attachments/salainen.pdf")


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_a_guessed_attachment_address_is_not_found(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "salainen.pdf").write_bytes(b"%PDF-1.4 SALAINEN")
    response = client.get("/media/salainen.pdf")
    assert response.status_code == 404
    assert b"SALAINEN" not in response.content

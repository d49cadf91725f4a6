"""Fixtures of the site-wide tests."""

import pytest

from verkko.tests.urlwalk import partner_only_objects


@pytest.fixture
def partner_only_by_name(area, organization_a, partner_editor, coordinator, settings, tmp_path):
    """One partner-only object of every kind the area holds, marked SALAINEN, by name (see urlwalk)."""
    settings.MEDIA_ROOT = tmp_path
    return partner_only_objects(area, organization_a, partner_editor, coordinator)

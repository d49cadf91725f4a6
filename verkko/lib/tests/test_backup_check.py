"""manage.py backup_check: a backup that restores with every row and every file, or a failure."""

import io

import pytest
from django.core.management import CommandError, call_command

from verkko.ecosystem.tests.factories import OrganizationFactory
from verkko.lib import backups


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "meetings" / "2026").mkdir(parents=True)
    (settings.MEDIA_ROOT / "meetings" / "2026" / "liite.txt").write_bytes(b"esityslista")
    return settings.MEDIA_ROOT


def _check(folder):
    out = io.StringIO()
    call_command("backup_check", output=str(folder), stdout=out)
    return out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_backup_restores_every_table_and_file(area, media, tmp_path):
    OrganizationFactory(name="Varmuuskopioitu", area=area)
    output = _check(tmp_path / "backup")
    assert "The backup restores with nothing lost." in output
    organizations = next(line for line in output.splitlines() if line.startswith("ecosystem_organization "))
    assert organizations.split()[1:] == ["1", "1", "same"]
    assert "media/meetings/2026/liite.txt" in output
    assert (tmp_path / "backup" / "media.tar").is_file()
    assert any(path.name.startswith("verkko.") for path in (tmp_path / "backup").iterdir())


@pytest.mark.django_db(transaction=True)
def test_a_file_lost_on_the_way_fails_the_check(area, media, tmp_path, monkeypatch):
    restore = backups.restore_media

    def losing_one(archive, scratch):
        folder = restore(archive, scratch)
        (folder / "meetings" / "2026" / "liite.txt").unlink()
        return folder

    monkeypatch.setattr(backups, "restore_media", losing_one)
    out = io.StringIO()
    with pytest.raises(CommandError, match="differs in 1"):
        call_command("backup_check", output=str(tmp_path / "backup"), stdout=out)
    assert "DIFFERENT" in out.getvalue()


def test_a_lost_row_a_changed_row_or_a_lost_table_is_a_difference():
    original = {"a": (2, "x"), "b": (1, "y"), "c": (1, "z")}
    restored = {"a": (1, "w"), "b": (1, "v")}
    assert [line.same for line in backups.compare(original, restored)] == [False, False, False]
    assert all(line.same for line in backups.compare(original, dict(original)))

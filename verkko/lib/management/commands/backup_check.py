import subprocess
import tempfile

from django.core.management.base import BaseCommand, CommandError

from verkko.lib.backups import backup_check


class Command(BaseCommand):
    help = (
        "Backs up the database (pg_dump, or SQLite's backup API) and the media folder, restores both into "
        "a scratch database and folder, and compares every table's row count and checksum and every file: "
        "exits non-zero on any difference. With --output the backup is kept there."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", help="folder to keep the backup in (default: a temporary folder, removed)")

    def handle(self, *args, output=None, **options):
        if output:
            self._check(output)
        else:
            with tempfile.TemporaryDirectory(prefix="verkko-backup-") as folder:
                self._check(folder)

    def _check(self, folder):
        try:
            tables, media = backup_check(folder)
        except subprocess.CalledProcessError as failure:
            raise CommandError(f"{failure.cmd[0]} failed: {failure.stderr.strip()}") from failure
        except FileNotFoundError as missing:
            raise CommandError(str(missing)) from missing
        differences = [line for line in tables + media if not line.same]
        self.stdout.write(f"{'table or file':<60} {'rows/bytes':>12} {'restored':>12}  checksum")
        for line in tables + media:
            verdict = "same" if line.same else "DIFFERENT"
            self.stdout.write(f"{line.name:<60} {_shown(line.rows):>12} {_shown(line.restored_rows):>12}  {verdict}")
        self.stdout.write(
            f"{len(tables)} tables, {sum(line.rows or 0 for line in tables)} rows; {len(media)} media files; "
            f"backup in {folder}"
        )
        if differences:
            raise CommandError(f"The restored backup differs in {len(differences)} tables or files.")
        self.stdout.write("The backup restores with nothing lost.")


def _shown(value):
    return "missing" if value is None else str(value)

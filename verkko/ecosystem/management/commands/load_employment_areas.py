from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from verkko.ecosystem import actions
from verkko.ecosystem.classification import CLASSIFICATION_CSV, ClassificationError, read_classification


class Command(BaseCommand):
    help = (
        "Loads Finland's employment areas and their municipalities from Statistics Finland's "
        "classification (the shipped 2025 file by default). Safe to run again when it changes."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(CLASSIFICATION_CSV), help="a classification CSV file")

    def handle(self, *args, file, **options):
        try:
            classified = read_classification(file)
        except ClassificationError as error:
            raise CommandError(
                _("%(file)s: %(error)s Nothing was changed.") % {"file": file, "error": error}
            ) from error
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(
                _("%(file)s cannot be read as a UTF-8 CSV file (%(error)s). Nothing was changed.")
                % {"file": file, "error": error}
            ) from error
        counts = actions.load_classification(None, classified)
        self.stdout.write(
            _("%(areas)d employment areas, %(municipalities)d municipalities.")
            % {"areas": counts["areas"], "municipalities": counts["municipalities"]}
        )

from django.core.management.base import BaseCommand, CommandError

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
        except (ClassificationError, OSError, UnicodeDecodeError) as error:
            raise CommandError(f"{file}: {error}") from error
        counts = actions.load_classification(None, classified)
        self.stdout.write(f"{counts['areas']} employment areas, {counts['municipalities']} municipalities.")

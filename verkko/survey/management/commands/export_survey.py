"""Export a survey round: its network (GraphML, GEXF, Kumu JSON) or a table (CSV, XLSX)."""

import io

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from verkko.lib.exports import write_csv, write_xlsx
from verkko.survey import exports, results
from verkko.survey.models import SurveyRound

FORMATS = ["graphml", "gexf", "kumu", "csv", "xlsx"]


class Command(BaseCommand):
    help = "Export a survey round's network or answers: manage.py export_survey ROUND_ID --format graphml."

    def add_arguments(self, parser):
        parser.add_argument("round_id", help="The round's number (id) or UUID.")
        parser.add_argument("--format", choices=FORMATS, default="graphml")
        parser.add_argument(
            "--table", choices=list(exports.TABLES), default="ties", help="For csv and xlsx: which table."
        )
        parser.add_argument("--output", help="The file to write; standard output when not given.")

    def handle(self, *args, round_id, format, table, output, **options):
        survey_round = self._round(round_id)
        data = results.load(survey_round)
        if format in exports.WRITERS:
            content = exports.WRITERS[format](data)
        elif format == "csv":
            buffer = io.StringIO()
            write_csv(buffer, *exports.TABLES[table](data))
            content = buffer.getvalue().encode("utf-8")
        else:
            buffer = io.BytesIO()
            write_xlsx(buffer, *exports.TABLES[table](data), sheet_title=table)
            content = buffer.getvalue()
        if output:
            with open(output, "wb") as stream:
                stream.write(content)
            self.stdout.write(f"{survey_round}: {format} written to {output}")
        elif format == "xlsx":
            raise CommandError("Give --output for an XLSX file.")
        else:
            self.stdout.write(content.decode("utf-8"), ending="")

    def _round(self, round_id):
        rounds = SurveyRound.objects.select_related("area")
        try:
            if round_id.isdigit():
                return rounds.get(pk=int(round_id))
            return rounds.get(uuid=round_id)
        except (SurveyRound.DoesNotExist, ValidationError, ValueError):
            raise CommandError(f"No survey round {round_id}.") from None

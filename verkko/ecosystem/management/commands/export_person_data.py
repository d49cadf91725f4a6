import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from verkko.ecosystem.personal_data import people_with_email, person_data, user_with_email


class Command(BaseCommand):
    help = "Prints as JSON everything held about the person with this e-mail address (GDPR access request)."

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        if not people_with_email(email).exists() and user_with_email(email) is None:
            raise CommandError(f"Nobody with the e-mail address {email} is held.")
        self.stdout.write(json.dumps(person_data(email), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2))

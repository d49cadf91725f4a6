from django.core.management.base import BaseCommand, CommandError

from verkko.ecosystem import actions
from verkko.ecosystem.personal_data import people_with_email, user_with_email


class Command(BaseCommand):
    help = (
        "Anonymises the person with this e-mail address: name, e-mail, phone and title go, the rows that "
        "refer to them (forum seats, decisions) stay; a linked user account is deactivated."
    )

    def add_arguments(self, parser):
        parser.add_argument("email")

    def handle(self, *args, email, **options):
        people = list(people_with_email(email).filter(erased_at__isnull=True))
        account = user_with_email(email)
        if not people and account is None:
            raise CommandError(f"Nobody with the e-mail address {email} is held.")
        for person in people:
            actions.erase_person(None, person)
        if account is not None and not any(person.user_id == account.pk for person in people):
            actions.erase_account(None, account)
        self.stdout.write(f"Anonymised {len(people)} contact person record(s) of {email}.")

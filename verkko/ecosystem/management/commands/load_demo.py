import importlib

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import translation


class Command(BaseCommand):
    help = "Loads the demo data of the Oulu employment area. Safe to run again."

    def handle(self, *args, **options):
        # Each Verkko app may have a demo module; they load in INSTALLED_APPS order, so the
        # ecosystem (the area and its organisations) comes before the apps that build on it.
        # The demo's texts are Finnish first, and its look-ups by name read the Finnish names
        # (modeltranslation reads `name` in the active language), whatever language is active.
        with transaction.atomic(), translation.override(settings.LANGUAGE_CODE):
            for app_config in apps.get_app_configs():
                if not app_config.name.startswith("verkko."):
                    continue
                try:
                    demo = importlib.import_module(f"{app_config.name}.demo")
                except ModuleNotFoundError as error:
                    if error.name != f"{app_config.name}.demo":
                        raise
                    continue
                demo.load(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo data loaded."))

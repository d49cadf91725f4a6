from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LibConfig(AppConfig):
    name = "verkko.lib"
    label = "lib"
    verbose_name = _("Helpers")

    def ready(self):
        # Every date and time any form takes lies in the years Python, the database and the period
        # arithmetic can hold (verkko.lib.validation): a meeting on 1.1.0001 at 0.00 in Helsinki is
        # in year 0 in UTC. Django's number fields already refuse NaN and infinity.
        from django import forms

        from verkko.lib.validation import guard_multiple_choice_keys, validate_year

        for field in (forms.DateField, forms.DateTimeField):
            field.default_validators = [*field.default_validators, validate_year]
        guard_multiple_choice_keys()

        from django.db.models.signals import pre_save

        from verkko.lib.translated import store_missing_translations_as_empty

        pre_save.connect(store_missing_translations_as_empty, dispatch_uid="verkko-missing-translations-empty")

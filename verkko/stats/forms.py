import re

from django import forms
from django.core.validators import MinValueValidator
from django.utils.translation import gettext_lazy as _

from .models import Source

TABLE_ID = re.compile(r"[A-Za-z0-9_]{1,60}")
CODE = re.compile(r"[A-Za-z0-9_.-]{1,40}")


class CodeListField(forms.CharField):
    """Codes separated by commas, spaces or line breaks, kept as a list."""

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        text = super().to_python(value)
        codes = [code for code in re.split(r"[\s,;]+", text) if code]
        bad = [code for code in codes if not CODE.fullmatch(code)]
        if bad:
            raise forms.ValidationError(
                _(
                    "Not a valid code: %(codes)s. A code is letters, digits, dots, dashes or underscores, "
                    "for example KU564."
                ),
                params={"codes": ", ".join(bad)},
            )
        return list(dict.fromkeys(codes))


class SourceForm(forms.ModelForm):
    area_codes = CodeListField(
        label=_("Area codes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Statistics Finland area codes such as KU564 and SSS (the whole country). Empty keeps all."),
    )
    measure_codes = CodeListField(
        label=_("Content codes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Content codes such as TYOTTOMATLOPUSSA. Empty keeps all."),
    )

    class Meta:
        model = Source
        # The area is the request's (the page's address), never a choice.
        fields = ["table_id", "title", "area_codes", "measure_codes", "latest_periods", "keeps_breakdowns", "active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        periods = self.fields["latest_periods"]
        periods.validators.append(MinValueValidator(1))
        periods.widget.attrs["min"] = 1

    def clean_table_id(self):
        table_id = self.cleaned_data["table_id"].strip().removesuffix(".px")
        if not TABLE_ID.fullmatch(table_id):
            raise forms.ValidationError(_("A table id is letters and digits, for example 12r5."))
        return table_id

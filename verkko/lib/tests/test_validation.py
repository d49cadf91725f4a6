"""The checks every form shares (verkko.lib.validation, installed in verkko.lib.apps)."""

import pytest
from django import forms

from verkko.ecosystem.models import Organization


class _Choice(forms.Form):
    organisations = forms.ModelMultipleChoiceField(queryset=Organization.objects.all())
    day = forms.DateField()
    moment = forms.DateTimeField()
    number = forms.FloatField()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("organisations", ["99999999999999999999999999"]),
        ("organisations", ["-99999999999999999999"]),
        ("day", "0001-01-01"),
        ("day", "9999-12-31"),
        ("moment", "0001-01-01T00:00"),
        ("number", "inf"),
        ("number", "1e400"),
        ("number", "NaN"),
    ],
)
def test_an_impossible_value_is_a_form_error(organization_a, field, value):
    data = {"organisations": [organization_a.pk], "day": "2026-06-01", "moment": "2026-06-01T10:00", "number": "1"}
    form = _Choice({**data, field: value})
    assert not form.is_valid()
    assert list(form.errors) == [field]

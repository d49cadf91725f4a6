from django import forms
from django.utils.translation import gettext_lazy as _

from verkko.api.models import ApiToken


class TokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name", "read_only"]
        labels = {"read_only": _("Read only: the token cannot change anything")}

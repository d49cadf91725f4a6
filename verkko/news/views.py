"""Views of the news app."""

# --- Digest e-mail: the choice of frequency and the one-click unsubscribe (RFC 8058) ---------------

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from verkko.accounts.access import is_partner
from verkko.news import digests
from verkko.news.models import Reading


class DigestFrequencyForm(forms.Form):
    frequency = forms.ChoiceField(
        label=gettext_lazy("Digest by e-mail"), choices=Reading.Frequency.choices, widget=forms.RadioSelect
    )


@login_required
@require_http_methods(["GET", "POST"])
def digest_settings(request):
    """A partner chooses how often the area's digest comes: weekly, monthly or never."""
    area = request.area
    if not is_partner(request.user, area):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = DigestFrequencyForm(data, initial={"frequency": digests.frequency_of(request.user, area)})
    if request.method == "POST" and form.is_valid():
        digests.set_digest_frequency(request.user, area, form.cleaned_data["frequency"])
        messages.success(request, _("Your choice of digest is saved."))
        return redirect("news:digest_settings")
    return render(request, "news/digest_settings.html", {"form": form})


# A mail client unsubscribes with a POST of its own, without a session or a CSRF token (RFC 8058);
# GET only shows the button.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The signed link of a digest: GET asks to confirm, POST stops the area's digests for its user."""
    found = digests.read_unsubscribe_token(token)
    if found is None or found[1] != request.area.pk:
        raise Http404
    user = get_object_or_404(get_user_model(), pk=found[0], is_active=True)
    if request.method == "POST":
        digests.set_digest_frequency(user, request.area, Reading.Frequency.NEVER)
        return render(request, "news/unsubscribed.html", {"email": user.email})
    return render(request, "news/unsubscribe.html", {"email": user.email})

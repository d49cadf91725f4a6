"""The user's own API tokens, on the profile page: create one (its key is shown once), revoke one."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods, require_POST

from verkko.api import actions
from verkko.api.forms import TokenForm
from verkko.api.models import ApiToken


@require_http_methods(["GET", "POST"])
@login_required
def token_create(request):
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        token, key = actions.create_token(request.user, form.cleaned_data["name"], form.cleaned_data["read_only"])
        # Shown on this page only: it is not stored and cannot be shown again.
        response = render(request, "api/token_created.html", {"token": token, "key": key})
        response["Cache-Control"] = "no-store"
        return response
    return render(request, "api/token_form.html", {"form": form}, status=400 if form.errors else 200)


@require_POST
@login_required
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    actions.revoke_token(request.user, token)
    messages.success(request, gettext("The token “%(name)s” was revoked.") % {"name": token.name})
    return redirect("accounts:profile")

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_safe

from verkko.accounts import access


@require_safe
@login_required
def profile(request):
    return render(request, "accounts/profile.html", {"memberships": access.memberships(request.user)})

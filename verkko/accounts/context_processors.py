from verkko.accounts import access


def verkko(request):
    """What the layout needs on every page: the signed-in user's standing."""
    user = request.user
    return {
        "is_coordinator": access.is_coordinator(user),
        "is_partner": access.is_partner(user),
        "edits_an_organization": bool(access.edited_organization_ids(user)),
    }

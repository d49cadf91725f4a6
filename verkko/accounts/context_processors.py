from verkko.accounts import access


def verkko(request):
    """What the layout needs on every page: the signed-in user's role in the area of the address."""
    area = getattr(request, "area", None)
    role = access.role_in(request.user, area)
    return {
        "role": role,
        "is_coordinator": role == access.Role.COORDINATOR,
        "is_partner": role >= access.Role.MEMBER,
        "edits_an_organization": area is not None and bool(access.edited_organization_ids(request.user, area)),
    }

from django.utils.functional import SimpleLazyObject

from verkko.news import start


def news(request):
    """needs_you: the counts in the header of what waits for the signed-in user in the area (read
    only when a template shows them)."""
    area = getattr(request, "area", None)
    if area is None or not request.user.is_authenticated:
        return {"needs_you": None}
    return {"needs_you": SimpleLazyObject(lambda: start.needs_you(request.user, area))}

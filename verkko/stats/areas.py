"""What stats needs to know of an employment area, told by the app that owns the areas.

A source keeps its area as a plain id, and stats imports no domain app (DESIGN); the app that
owns the areas (ecosystem) registers, when it is ready, the StatFin codes of an area's
municipalities (KU564 …) by the area's id.
"""

_municipality_codes = None


def register_municipality_codes(codes_of_area):
    """`codes_of_area(area_id)` gives the StatFin codes of the area's member municipalities."""
    global _municipality_codes
    _municipality_codes = codes_of_area


def municipality_codes(area_id):
    """The StatFin codes of the area's municipalities, sorted."""
    if _municipality_codes is None:
        raise RuntimeError("No employment areas registered: is verkko.ecosystem installed?")
    return sorted(_municipality_codes(area_id))

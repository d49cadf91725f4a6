"""The monthly review in Finnish, Swedish and English (verkko.lib.translated)."""

from modeltranslation.translator import register

from verkko.lib.translated import ContentTranslation
from verkko.situation.models import Review


@register(Review)
class ReviewTranslation(ContentTranslation):
    fields = ("title", "text")
    # Verkko drafts the review in all three languages, so none may be emptied.
    required_languages = ("fi", "sv", "en")

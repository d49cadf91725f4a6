"""Services in Finnish, Swedish and English (verkko.lib.translated)."""

from modeltranslation.translator import register

from verkko.lib.translated import ContentTranslation
from verkko.processes.models import Service


@register(Service)
class ServiceTranslation(ContentTranslation):
    fields = ("name", "description")

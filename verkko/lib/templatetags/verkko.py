from django import template
from django.urls import translate_url

register = template.Library()


@register.simple_tag(takes_context=True)
def url_in_language(context, language):
    """The current page's address in another language (for the language switcher)."""
    request = context["request"]
    return translate_url(request.get_full_path(), language)

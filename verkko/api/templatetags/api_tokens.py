from django import template

from verkko.api.models import ApiToken

register = template.Library()


@register.simple_tag
def tokens_of(user):
    """The user's API tokens, newest first (revoked ones too, marked)."""
    return list(ApiToken.objects.filter(user=user)) if user.is_authenticated else []

from django import template
from django.contrib.contenttypes.models import ContentType

from verkko.lib.history import readable_changes
from verkko.news import access
from verkko.news.markdown import render_markdown
from verkko.news.models import Follow

register = template.Library()


@register.filter
def markdown(text):
    """{{ item.body|markdown }}: Markdown rendered and sanitised (verkko.news.markdown)."""
    return render_markdown(text)


@register.inclusion_tag("news/_follow_button.html", takes_context=True)
def follow_button(context, subject):
    """The follow / unfollow button of a forum, goal, indicator or organisation (signed-in users only)."""
    request = context["request"]
    following = None
    if request.user.is_authenticated:
        following = Follow.objects.filter(
            user=request.user, subject_type=ContentType.objects.get_for_model(subject), subject_id=subject.pk
        ).exists()
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "subject": subject,
        "kind": access.kind_of(subject),
        "following": following,
    }


@register.filter
def entry_kind(entry):
    """{{ entry|entry_kind }}: what a history entry is about ("meeting", "check-in" …) in the user's language."""
    model = entry.content_type.model_class()
    return model._meta.verbose_name if model is not None else ""


@register.filter
def plain_changes(entry):
    """(field label, change) pairs of a history entry as the history shows them (verkko.lib.history),
    without reading the database: links to other objects by their label only."""
    return readable_changes(entry, read_objects=False)

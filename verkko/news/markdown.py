"""Markdown of news items and events, rendered with Python-Markdown and sanitised with nh3.

Writers are partners, not all of them careful: whatever HTML or links the text holds, only
plain formatting survives (no scripts, no event handlers, no javascript: links, no images).
"""

import markdown as python_markdown
import nh3
from django.utils.safestring import mark_safe

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "a", "blockquote", "code", "pre",
    "h2", "h3", "h4", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
ALLOWED_SCHEMES = {"http", "https", "mailto"}


def render_markdown(text):
    """The text as safe HTML: Markdown first, then only the allowed tags, attributes and link schemes."""
    html = python_markdown.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    cleaned = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return mark_safe(cleaned)  # nh3 has just removed everything that is not plain formatting

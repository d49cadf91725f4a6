"""The Atom feed of an area's public news."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from verkko.news import access
from verkko.news.markdown import render_markdown

FEED_LENGTH = 50


class PublicNewsFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, *args, **kwargs):
        return request.area

    def title(self, area):
        return _("News of %(area)s") % {"area": area.name}

    def subtitle(self, area):
        return _("Public news of the employment area in Verkko.")

    def link(self, area):
        return reverse("news:list")

    def feed_url(self, area):
        return reverse("news:feed")

    def items(self, area):
        return (
            access.public_news(area).select_related("author_organization", "area").order_by("-publish_at")[:FEED_LENGTH]
        )

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return render_markdown(item.body)

    def item_link(self, item):
        return reverse("news:detail", args=[item.uuid])

    def item_guid(self, item):
        return f"urn:uuid:{item.uuid}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_author_name(self, item):
        return item.author_organization.name if item.author_organization else item.area.name

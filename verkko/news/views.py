"""Pages of news, events, follows, "what's new" and the personal start page: thin views that check
access, validate a form and call one action."""

from pathlib import PurePath

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from verkko.accounts.access import areas_of, is_partner
from verkko.ecosystem.access import visible_forums
from verkko.ecosystem.forms import ATTACHMENT_TYPES
from verkko.ecosystem.models import EmploymentArea, Meeting, Visibility
from verkko.lib.access import PartnerOnly
from verkko.lib.history import history_of
from verkko.news import access, actions, calendar, digests, forms, start, whats_new
from verkko.news.models import CalendarToken, NewsAttachment, Reading, Registration

NEWS_PER_PAGE = 20


def _require(allowed):
    if not allowed:
        raise PermissionDenied


def _history(user, area, obj):
    """Only partners of the area see who changed what."""
    return list(history_of(obj)) if is_partner(user, area) else None


def _form_values(cleaned, names):
    """The plain values an action takes: the named fields, and the chosen forums as a list."""
    values = {name: cleaned[name] for name in names if name in cleaned}
    values["forums"] = list(cleaned.get("forums") or [])
    return values


# The personal start page and "what's new"


@require_safe
@login_required
def start_page(request):
    return render(request, "news/start.html", {"page": start.start_page(request.user, request.area)})


@require_safe
@login_required
def whats_new_page(request):
    user, area = request.user, request.area
    now = timezone.now()
    previous = whats_new.last_seen(user, area)
    since = previous or whats_new.default_since(now)
    subjects = whats_new.followed(user, area)
    groups = whats_new.changes(user, area, since, now, subjects=subjects)
    actions.mark_whats_new_read(user, area, now)
    return render(
        request,
        "news/whats_new.html",
        {
            "groups": groups,
            "since": since,
            "first_visit": previous is None,
            "followed": subjects,
            "show_actors": is_partner(user, area),
        },
    )


@require_POST
@login_required
def follow(request, kind, key):
    subject = get_object_or_404(access.followable(request.user, request.area, kind), slug=key)
    wanted = request.POST.get("follow")
    if wanted not in ("1", "0"):
        return HttpResponseBadRequest()
    if wanted == "1":
        actions.follow(request.user, request.area, subject)
    else:
        actions.unfollow(request.user, subject)
    if request.htmx:
        return render(
            request, "news/_follow_button.html", {"subject": subject, "kind": kind, "following": wanted == "1"}
        )
    messages.success(request, _("You follow this now.") if wanted == "1" else _("You no longer follow this."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = subject.get_absolute_url()
    return redirect(target)


# News


@require_safe
def news_list(request):
    user, area = request.user, request.area
    items = access.visible_news(user, area).select_related("author_organization").order_by("-publish_at")
    page = Paginator(items, NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "news/news_list.html",
        {"page": page, "can_write": access.can_write(user, area), "now": timezone.now()},
    )


@require_safe
def news_detail(request, uuid):
    return _render_news(request, access.get_visible_news_or_404(request.user, request.area, uuid))


def _render_news(request, item, *, attachment_form=None, status=200):
    user = request.user
    can_edit = access.can_edit_item(user, item)
    return render(
        request,
        "news/news_detail.html",
        {
            "item": item,
            "forums": item.forums.order_by("name") if item.audience == "forums" else [],
            "attachments": item.attachments.order_by("title"),
            "can_edit": can_edit,
            "attachment_form": attachment_form or (forms.NewsAttachmentForm() if can_edit else None),
            "scheduled": item.publish_at > timezone.now(),
            "history": _history(user, item.area_id, item),
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def news_create(request):
    user, area = request.user, request.area
    _require(access.can_write(user, area))
    form = forms.NewsItemForm(request.POST or None, user=user, area=area, initial={"publish_at": timezone.now()})
    if request.method == "POST":
        if form.is_valid():
            item = actions.create_news_item(user, area, **_form_values(form.cleaned_data, actions.NEWS_FIELDS))
            messages.success(request, _("The news item was saved."))
            return redirect("news:detail", item.uuid)
        status = 400
    else:
        status = 200
    return render(request, "news/form.html", {"form": form, "title": _("New news item")}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def news_edit(request, uuid):
    user, area = request.user, request.area
    item = access.get_visible_news_or_404(user, area, uuid)
    _require(access.can_edit_item(user, item))
    form = forms.NewsItemForm(request.POST or None, instance=item, user=user, area=area)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            actions.update_news_item(user, item, **_form_values(form.cleaned_data, actions.NEWS_FIELDS))
            messages.success(request, _("The changes were saved."))
            return redirect("news:detail", item.uuid)
        status = 400
    back = reverse("news:detail", args=[item.uuid])
    return render(
        request,
        "news/form.html",
        {"form": form, "title": _("Edit %(title)s") % {"title": item.title}, "back": back},
        status=status,
    )


@require_http_methods(["GET", "POST"])
@login_required
def news_delete(request, uuid):
    user, area = request.user, request.area
    item = access.get_visible_news_or_404(user, area, uuid)
    _require(access.can_edit_item(user, item))
    if request.method == "POST":
        actions.delete_news_item(user, item)
        messages.success(request, _("The news item was deleted."))
        return redirect("news:list")
    return render(request, "news/news_delete.html", {"item": item})


@require_POST
@login_required
def attachment_add(request, uuid):
    item = access.get_visible_news_or_404(request.user, request.area, uuid)
    _require(access.can_edit_item(request.user, item))
    form = forms.NewsAttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render_news(request, item, attachment_form=form, status=400)
    actions.add_news_attachment(request.user, item, title=form.cleaned_data["title"], file=form.cleaned_data["file"])
    messages.success(request, _("The attachment was added."))
    return redirect("news:detail", item.uuid)


def _attachment_or_404(request, uuid):
    attachment = get_object_or_404(
        NewsAttachment.objects.select_related("news_item__area"), uuid=uuid, news_item__area=request.area
    )
    if not access.visible_news(request.user, request.area).filter(pk=attachment.news_item_id).exists():
        raise PartnerOnly
    return attachment


@require_safe
def attachment_download(request, uuid):
    """Served only through this check, never straight from MEDIA_ROOT."""
    attachment = _attachment_or_404(request, uuid)
    extension = PurePath(attachment.file.name).suffix.lower()
    content_type = ATTACHMENT_TYPES.get(extension, ("application/octet-stream", None))[0]
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as missing:
        raise Http404 from missing
    return FileResponse(
        handle, as_attachment=True, filename=f"{attachment.title}{extension}", content_type=content_type
    )


@require_POST
@login_required
def attachment_remove(request, uuid):
    attachment = _attachment_or_404(request, uuid)
    item = attachment.news_item
    _require(access.can_edit_item(request.user, item))
    actions.remove_news_attachment(request.user, attachment)
    messages.success(request, _("The attachment was removed."))
    return redirect("news:detail", item.uuid)


# Events and the calendar


def _meetings_of(forums, since):
    return (
        Meeting.objects.filter(forum__in=forums, forum__archived_at__isnull=True, starts_at__gte=since)
        .select_related("forum__area")
        .order_by("starts_at")
    )


@require_safe
def event_list(request):
    """The calendar: the area's events and the meetings of the forums the user may see."""
    user, area = request.user, request.area
    now = timezone.now()
    events = access.visible_events(user, area).select_related("forum")
    upcoming = [("event", event.starts_at, event) for event in events.filter(ends_at__gte=now)]
    upcoming += [("meeting", meeting.starts_at, meeting) for meeting in _meetings_of(visible_forums(user, area), now)]
    upcoming.sort(key=lambda entry: entry[1])
    return render(
        request,
        "news/event_list.html",
        {
            "upcoming": upcoming,
            "past": events.filter(ends_at__lt=now).order_by("-starts_at")[:10],
            "can_write": access.can_write(user, area),
        },
    )


@require_safe
def event_detail(request, uuid):
    user = request.user
    event = access.get_visible_event_or_404(user, request.area, uuid)
    registrations = event.registrations.select_related("user").order_by("created_at")
    taken = registrations.count()
    return render(
        request,
        "news/event_detail.html",
        {
            "event": event,
            "taken": taken,
            "seats_left": None if event.seat_limit is None else max(event.seat_limit - taken, 0),
            "signed_up": user.is_authenticated and registrations.filter(user=user).exists(),
            "can_sign_up": access.can_sign_up(user, event),
            "can_edit": access.can_edit_item(user, event),
            "registrations": registrations if access.can_see_registrations(user, event) else None,
            "audience_forums": event.forums.order_by("name") if event.audience == "forums" else [],
            "history": _history(user, event.area_id, event),
        },
    )


@require_http_methods(["GET", "POST"])
@login_required
def event_create(request):
    user, area = request.user, request.area
    _require(access.can_write(user, area))
    form = forms.EventForm(request.POST or None, user=user, area=area)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            event = actions.create_event(user, area, **_form_values(form.cleaned_data, actions.EVENT_FIELDS))
            messages.success(request, _("The event was saved."))
            return redirect("news:event", event.uuid)
        status = 400
    return render(request, "news/form.html", {"form": form, "title": _("New event")}, status=status)


@require_http_methods(["GET", "POST"])
@login_required
def event_edit(request, uuid):
    user, area = request.user, request.area
    event = access.get_visible_event_or_404(user, area, uuid)
    _require(access.can_edit_item(user, event))
    form = forms.EventForm(request.POST or None, instance=event, user=user, area=area)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            actions.update_event(user, event, **_form_values(form.cleaned_data, actions.EVENT_FIELDS))
            messages.success(request, _("The changes were saved."))
            return redirect("news:event", event.uuid)
        status = 400
    back = reverse("news:event", args=[event.uuid])
    return render(
        request,
        "news/form.html",
        {"form": form, "title": _("Edit %(title)s") % {"title": event.title}, "back": back},
        status=status,
    )


@require_POST
@login_required
def event_cancel(request, uuid):
    event = access.get_visible_event_or_404(request.user, request.area, uuid)
    _require(access.can_edit_item(request.user, event))
    actions.cancel_event(request.user, event)
    messages.success(request, _("The event was cancelled."))
    return redirect("news:event", event.uuid)


@require_POST
@login_required
def event_sign_up(request, uuid):
    event = access.get_visible_event_or_404(request.user, request.area, uuid)
    try:
        actions.sign_up(request.user, event)
    except actions.EventFull:
        messages.error(request, _("Sorry, the event is full: your sign-up was not taken."))
    except actions.SignUpClosed:
        messages.error(request, _("This event takes no sign-ups."))
    else:
        messages.success(request, _("You have signed up."))
    return redirect("news:event", event.uuid)


@require_POST
@login_required
def event_sign_up_cancel(request, uuid):
    event = access.get_visible_event_or_404(request.user, request.area, uuid)
    if not Registration.objects.filter(event=event, user=request.user).exists():
        messages.error(request, _("You had not signed up for this event."))
    else:
        actions.cancel_sign_up(request.user, event)
        messages.success(request, _("Your sign-up was cancelled."))
    return redirect("news:event", event.uuid)


# Feeds


def _ics_response(content, filename):
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response


@require_safe
def public_calendar(request):
    """The area's public events and the meetings of its public forums."""
    area = request.area
    since = calendar.feed_window_start()
    events = access.public_events(area).filter(ends_at__gte=since).select_related("area")
    meetings = _meetings_of(area.forums.filter(visibility=Visibility.PUBLIC), since)
    name = _("Events of %(area)s") % {"area": area.name}
    return _ics_response(calendar.calendar_bytes(name, events, meetings, request.build_absolute_uri), area.slug)


@require_http_methods(["GET", "POST"])
@login_required
def calendar_address(request):
    """The user's private calendar address, and renewing it (the old address then stops working)."""
    if request.method == "POST":
        actions.renew_calendar_token(request.user)
        messages.success(request, _("Your calendar has a new address; the old one no longer works."))
        return redirect("news:calendar")
    token = actions.calendar_token_of(request.user)
    address = request.build_absolute_uri(reverse("private_calendar", args=[token.token]))
    return render(request, "news/calendar_address.html", {"address": address})


def areas_for_private_calendar(user):
    """The areas whose events and meetings go into the user's private calendar: where they have a role,
    and where they have signed up for an event."""
    if user.is_superuser:
        return list(EmploymentArea.objects.order_by("name"))
    signed_up = EmploymentArea.objects.filter(events__registrations__user=user).distinct()
    return sorted({*areas_of(user), *signed_up}, key=lambda area: area.name)


@require_safe
def private_calendar(request, token):
    """What the user may see in their areas, for their calendar program; the token is the key."""
    found = get_object_or_404(CalendarToken.objects.select_related("user"), token=token)
    user = found.user
    if not user.is_active:
        raise Http404
    since = calendar.feed_window_start()
    events, meetings = [], []
    for area in areas_for_private_calendar(user):
        events += list(access.visible_events(user, area).filter(ends_at__gte=since).select_related("area"))
        meetings += list(_meetings_of(visible_forums(user, area), since))
    response = _ics_response(
        calendar.calendar_bytes(_("Verkko: my calendar"), events, meetings, request.build_absolute_uri), "verkko"
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


# Digest e-mail: the choice of frequency and the one-click unsubscribe (RFC 8058)


@login_required
@require_http_methods(["GET", "POST"])
def digest_settings(request):
    """A partner chooses how often the area's digest comes: weekly, monthly or never."""
    area = request.area
    if not is_partner(request.user, area):
        raise PermissionDenied
    data = request.POST if request.method == "POST" else None
    form = forms.DigestFrequencyForm(data, initial={"frequency": digests.frequency_of(request.user, area)})
    if request.method == "POST" and form.is_valid():
        actions.set_digest_frequency(request.user, area, form.cleaned_data["frequency"])
        messages.success(request, _("Your choice of digest is saved."))
        return redirect("news:digest_settings")
    return render(request, "news/digest_settings.html", {"form": form})


# A mail client unsubscribes with a POST of its own, without a session or a CSRF token (RFC 8058);
# GET only shows the button.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The signed link of a digest: GET asks to confirm, POST stops the area's digests for its user."""
    found = digests.read_unsubscribe_token(token)
    if found is None or found[1] != request.area.pk:
        raise Http404
    user = get_object_or_404(get_user_model(), pk=found[0], is_active=True)
    if request.method == "POST":
        actions.set_digest_frequency(user, request.area, Reading.Frequency.NEVER)
        return render(request, "news/unsubscribed.html", {"email": user.email})
    return render(request, "news/unsubscribe.html", {"email": user.email})

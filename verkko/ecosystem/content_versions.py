"""Each area's content version: raised by every write of the area's content, so that pages cached
by it (verkko.lib.page_cache) last exactly until their data change.

Every saved, deleted or re-linked object is traced to its area: its own `area`, or the area of
the first object it points to that has one (a check-in's action's lead organisation's area).
A write inside an action (verkko.lib.history.recorded_action) that leads to no area, such as a
person's name, may show in any area and raises them all; such writes outside actions (sign-ins,
sessions) change no content. Statistics are versioned by their imports (verkko.stats.versions).
"""

from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete

from verkko.ecosystem.models import EmploymentArea
from verkko.lib.history import in_recorded_action

# Rows that are no one's content: the history itself, sessions, sign-in attempts, permissions.
IGNORED_APPS = {"auditlog", "sessions", "contenttypes", "admin", "axes", "auth"}
MAX_DEPTH = 4
_AREA_IDS_ATTRIBUTE = "_verkko_area_ids"


def area_ids_of(instance, depth=0):
    """The ids of the areas an object belongs to, or None when it leads to no area."""
    if isinstance(instance, EmploymentArea):
        return {instance.pk}
    meta = instance._meta
    try:
        field = meta.get_field("area")
    except FieldDoesNotExist:
        field = None
    if field is not None and field.many_to_one and field.related_model is EmploymentArea:
        return {instance.area_id} if instance.area_id is not None else None
    if depth >= MAX_DEPTH:
        return None
    for field in meta.concrete_fields:
        if not field.many_to_one or field.related_model._meta.app_label in IGNORED_APPS:
            continue
        if getattr(instance, field.attname) is None:
            continue
        try:
            parent = getattr(instance, field.name)
        except ObjectDoesNotExist:
            continue
        found = area_ids_of(parent, depth + 1)
        if found:
            return found
    return None


def raise_versions(area_ids):
    """Raise the content version of these areas; None: of every area."""
    areas = EmploymentArea.objects.all() if area_ids is None else EmploymentArea.objects.filter(pk__in=area_ids)
    areas.update(content_version=F("content_version") + 1)


def _written(instance, area_ids):
    if area_ids:
        raise_versions(area_ids)
    elif in_recorded_action():
        raise_versions(None)


def _is_content(sender):
    return sender._meta.app_label not in IGNORED_APPS


def _saved(sender, instance, raw=False, **kwargs):
    if raw or not _is_content(sender):
        return
    _written(instance, area_ids_of(instance))


def _deleting(sender, instance, **kwargs):
    # Traced before the row goes, while the objects it points to are all still there.
    if _is_content(sender):
        setattr(instance, _AREA_IDS_ATTRIBUTE, area_ids_of(instance))


def _deleted(sender, instance, **kwargs):
    if _is_content(sender):
        _written(instance, getattr(instance, _AREA_IDS_ATTRIBUTE, None))


def _relinked(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear") and _is_content(type(instance)):
        _written(instance, area_ids_of(instance))


def connect():
    post_save.connect(_saved, dispatch_uid="verkko-content-version-save")
    pre_delete.connect(_deleting, dispatch_uid="verkko-content-version-deleting")
    post_delete.connect(_deleted, dispatch_uid="verkko-content-version-delete")
    m2m_changed.connect(_relinked, dispatch_uid="verkko-content-version-m2m")

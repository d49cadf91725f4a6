"""Personal API tokens: a user names one, sees its key once, and revokes it; only its hash is kept."""

import hashlib

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX_LENGTH = 8


def hash_key(key):
    """The SHA-256 of a key, as stored and looked up (the key itself is never stored)."""
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A personal key to the API, acting as its user with the user's roles; optionally read-only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the token is for, e.g. Power BI report."))
    key_hash = models.CharField(_("hash of the key"), max_length=64, unique=True, editable=False)
    prefix = models.CharField(_("beginning of the key"), max_length=PREFIX_LENGTH, editable=False)
    read_only = models.BooleanField(_("read only"), default=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None

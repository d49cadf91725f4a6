"""Every write of the API app: tokens created and revoked (with history)."""

import secrets

from django.utils import timezone

from verkko.api.models import PREFIX_LENGTH, ApiToken, hash_key
from verkko.lib.history import recorded_action


@recorded_action
def create_token(user, name, read_only):
    """A new token of the user; returns (token, key). The key is shown once and never stored."""
    key = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, read_only=read_only, key_hash=hash_key(key), prefix=key[:PREFIX_LENGTH]
    )
    return token, key


@recorded_action
def revoke_token(user, token):
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token

"""Rate limits: per token (its own budget whoever holds it) and per address (everyone else)."""

from rest_framework.throttling import SimpleRateThrottle

from verkko.api.models import ApiToken


class TokenRateThrottle(SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}


class AddressRateThrottle(SimpleRateThrottle):
    """Requests without a token, counted per address (signed-in sessions included)."""

    scope = "address"

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

"""Throttling of failed sign-ins (django-axes): per account and client address, and per address alone.

A lock per e-mail address and client address stops guessing one account's password; a higher
limit per client address alone stops password spraying, one or two guesses at many accounts
from one address. Settings: AXES_FAILURE_LIMIT, AXES_IP_FAILURE_LIMIT (README).
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


def _limit_of(parameter):
    return settings.AXES_IP_FAILURE_LIMIT if parameter == "ip_address" else settings.AXES_FAILURE_LIMIT


class AccountAndAddressHandler(AxesDatabaseHandler):
    """django-axes' database handler with a limit of its own for each lockout parameter.

    django-axes compares the largest count of its lockout parameters with one limit
    (AXES_FAILURE_LIMIT); here each count is first scaled to that limit, so that the address alone
    locks at AXES_IP_FAILURE_LIMIT failures and the account at its address at AXES_FAILURE_LIMIT.
    """

    def get_failures(self, request, credentials=None):
        counts = [
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        ]
        limit = settings.AXES_FAILURE_LIMIT
        return max(
            (count * limit // _limit_of(parameter) for parameter, count in zip(_parameters(), counts, strict=True)),
            default=0,
        )

    def reset_user_attempts(self, request, credentials=None):
        """A successful sign-in clears the failures of that account only, not of its whole address.

        Otherwise one's own account would reset the count of an address that sprays others.
        """
        count = 0
        for parameter, attempts in zip(_parameters(), self.filter_user_attempts(request, credentials), strict=True):
            if parameter != "ip_address":
                count += attempts.delete()[0]
        return count


def _parameters():
    return list(settings.AXES_LOCKOUT_PARAMETERS)


def client_address(request):
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the one they saw.

    Each trusted proxy (a load balancer) appends the address it was reached from to
    X-Forwarded-For; the entries before those are the client's to invent, so they are not read.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if proxies and len(forwarded) >= proxies:
        return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")

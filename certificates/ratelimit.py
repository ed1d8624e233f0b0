"""A small per-client limit for the public verification page, so codes cannot be guessed
by trying many. Counts live in the cache (Redis when REDIS_URL is set), keyed by the
client's pseudonym, never its address."""

from django.conf import settings
from django.core.cache import cache

from elearn.client_address import client_pseudonym


def over_limit(request, scope: str) -> bool:
    """Count this request; True once the client passed the limit for this window."""
    limit, window = settings.CERTIFICATE_VERIFY_LIMIT
    key = f"ratelimit:{scope}:{client_pseudonym(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit

"""Small per-client limits (the public certificate check), so codes cannot be guessed by
trying many. Counts live in the cache (Redis when REDIS_URL is set, shared by every
worker), keyed by the client's pseudonym, never its address."""

from django.core.cache import cache

from .client_address import client_pseudonym


def over_limit(request, scope: str, *, limit: int, window: int) -> bool:
    """Count this request; True once the client passed `limit` requests in `window` seconds."""
    key = f"ratelimit:{scope}:{client_pseudonym(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit

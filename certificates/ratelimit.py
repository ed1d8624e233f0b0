"""A small per-client limit for the public verification page, so codes cannot be guessed
by trying many. Counts live in the cache (Redis when REDIS_URL is set); the client address
is hashed, never stored as it is."""

import hashlib

from django.conf import settings
from django.core.cache import cache


def client_address(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Behind our own proxy: the last address it added is the client's.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def over_limit(request, scope: str) -> bool:
    """Count this request; True once the client passed the limit for this window."""
    limit, window = settings.CERTIFICATE_VERIFY_LIMIT
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{client_address(request)}".encode()).hexdigest()[:24]
    key = f"ratelimit:{scope}:{digest}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit

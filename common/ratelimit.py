"""Small per-client limits (the public certificate check, sign-up), so codes cannot be
guessed by trying many. Counts live in the "limits" cache, which every worker shares (Redis
when REDIS_URL is set, else a file cache: common/file_cache.py), keyed by the client's
pseudonym or a keyed hash of what is counted (a join code), never an address or a code
itself.

A count starts with the first try and lasts `window` seconds from it (a fixed window)."""

import contextlib
import hashlib
import hmac

from django.conf import settings
from django.core.cache import caches

from .client_address import client_pseudonym


def _cache():
    return caches["limits"]


def _key(scope: str, subject: str) -> str:
    return f"ratelimit:{scope}:{subject}"


def hit(scope: str, subject: str, *, window: int) -> int:
    """Count one try of `subject` in `scope`; the number of tries in the current window."""
    key = _key(scope, subject)
    cache = _cache()
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window)
        return 1


def hits(scope: str, subject: str) -> int:
    """Tries of `subject` in `scope` counted so far in the current window."""
    return _cache().get(_key(scope, subject), 0)


def forget_hit(scope: str, subject: str) -> None:
    """Take back one counted try (it turned out to be no abuse: a trainee joined)."""
    with contextlib.suppress(ValueError):  # the window ended meanwhile
        _cache().decr(_key(scope, subject))


def keyed_hash(value: str) -> str:
    """A stand-in for `value` in cache keys: the same value gives the same key, and a copy
    of the cache does not show the value."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:32]


def over_limit(request, scope: str, *, limit: int, window: int) -> bool:
    """Count this request; True once the client passed `limit` requests in `window` seconds."""
    return hit(scope, client_pseudonym(request), window=window) > limit

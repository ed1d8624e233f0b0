"""Who is asking, as far as throttling needs to know, without keeping anyone's address.

The login lock (django-axes), the sign-up limits and the certificate check's limit count
per client. They get a pseudonym: a hash of the address keyed with a random key of the
day, so a lock still tells clients apart while the database and the cache name no
address, and the database alone (with or without SECRET_KEY) cannot be reversed. The key
is in the "client_key" cache, which every worker shares (Redis, else a file cache), so that
every worker gives one address the same pseudonym; a cache of its own, so that making room
for counts never drops it (a new key mid-day would undo every lock by address)."""

import datetime
import hashlib
import hmac
import ipaddress
import secrets

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone


def client_address(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Behind our own proxy: the last address it added is the client's.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_pseudonym(request) -> str:
    """A unique-local IPv6 address (fd00::/8) made from the client's address and today's
    key: django-axes stores it where it would store the address (an IP address column).

    The key is random, made the first time it is needed each day and kept only in the
    cache, never in the database and never derived from SECRET_KEY: a copy of the database
    with the secret key cannot turn pseudonyms back into addresses by trying all of them,
    and once a day's key has expired nobody can (docs/decisions.md)."""
    digest = hmac.new(_todays_key(), client_address(request).encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))


KEY_LIFETIME = 26 * 3600  # a day, and a little more for requests around midnight


def _key_name(day: datetime.date) -> str:
    return f"client-pseudonym-key:{day.isoformat()}"


def _todays_key() -> bytes:
    cache = caches["client_key"]
    today = timezone.now().date()
    name = _key_name(today)
    if cache.add(name, secrets.token_hex(32), timeout=KEY_LIFETIME):  # the first worker's wins
        # A new day: yesterday's key is of no more use. Delete it, and in file caches
        # whatever has expired (older keys, old counts), which would otherwise stay on disk
        # until read again.
        cache.delete(_key_name(today - datetime.timedelta(days=1)))
        for store in (cache, caches["limits"]):
            if hasattr(store, "delete_expired"):  # common/file_cache.py; Redis drops them itself
                store.delete_expired()
    key = cache.get(name)
    if key is None:  # the cache lost it between the two calls
        key = secrets.token_hex(32)
        cache.set(name, key, timeout=KEY_LIFETIME)
    return bytes.fromhex(key)

"""Who is asking, as far as throttling needs to know, without keeping anyone's address.

The login lock (django-axes) and the certificate check's limit count per client. Both get a
pseudonym: a keyed hash of the address, so a lock still tells clients apart while the
database and the cache name no address. A seized copy of either shows none."""

import hashlib
import hmac
import ipaddress

from django.conf import settings


def client_address(request) -> str:
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        # Behind our own proxy: the last address it added is the client's.
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded:
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "")


def client_pseudonym(request) -> str:
    """A unique-local IPv6 address (fd00::/8) made from the client's address and the secret
    key: django-axes stores it where it would store the address (an IP address column)."""
    digest = hmac.new(settings.SECRET_KEY.encode(), client_address(request).encode(), hashlib.sha256).digest()
    return str(ipaddress.IPv6Address(b"\xfd" + digest[:15]))

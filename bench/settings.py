"""Production settings for the throughput benchmark on loopback: plain HTTP, plus one bare
view to compare against (see bench/urls.py)."""

from elearn.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# A `__Host-` cookie needs Secure, so plain HTTP keeps Django's cookie names.
SESSION_COOKIE_NAME = "sessionid"
CSRF_COOKIE_NAME = "csrftoken"

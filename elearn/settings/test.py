"""Tests: fast password hashing, no manifest needed for static files."""

from .base import *  # noqa: F403
from .base import BASE_DIR, CACHES, REDIS_URL, env, env_bool

SECRET_KEY = "test-only-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = env("TEST_MEDIA_ROOT", str(BASE_DIR / "media" / "test"))
# Browser tests must never leave this machine: the quick exit lands on a host that the
# tests answer themselves.
QUICK_EXIT_URL = "https://neutral.example/"
# The tests read the site's own words; discreet mode, the default elsewhere, has tests of
# its own (tests/elearn/test_discreet_mode.py).
DISCREET_MODE = env_bool("DISCREET_MODE", False)
# Serve static files straight from the app folders, without collectstatic.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# One process (live-server tests are threads of it): the content version in its memory.
CACHES["content_version"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "content-version",
}
# And the throttling counts and the pseudonyms' key, which the tests empty between tests
# with every other cache (tests/conftest.py); in Redis when the run has REDIS_URL, as in
# production. tests/common/test_limits_cache.py runs the workers' file caches.
if not REDIS_URL:
    for name in ("limits", "client_key"):
        CACHES[name] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}
# The live server's request threads share one in-memory SQLite connection: the editor's
# background requests (editing-session pings, preview refreshes) landing inside a form post's
# transaction broke its savepoints on a loaded machine. The browser tests make no use of them.
WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10 * 60 * 1000
WAGTAIL_AUTO_UPDATE_PREVIEW_INTERVAL = 0

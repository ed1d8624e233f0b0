"""With REDIS_URL set (CI runs this file against the Redis at 127.0.0.1:6379), the cache
and the sessions use Redis. Skipped when REDIS_URL is not set."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")


def test_the_cache_is_redis_and_holds_values():
    assert settings.CACHES["default"]["BACKEND"] == "django_redis.cache.RedisCache"
    cache.set("conecta-test", {"x": 1}, 30)
    assert cache.get("conecta-test") == {"x": 1}
    cache.delete("conecta-test")


def test_a_signed_in_session_lives_in_redis_and_the_database(client, trainee):
    from django.contrib.sessions.models import Session

    client.force_login(trainee)
    key = client.session.session_key

    assert settings.SESSION_ENGINE == "django.contrib.sessions.backends.cached_db"
    assert cache.get(f"django.contrib.sessions.cached_db{key}") is not None
    assert Session.objects.filter(session_key=key).exists()
    assert client.get("/uk/accounts/").status_code == 200


def test_the_certificate_check_limit_counts_in_redis(client, settings, db):
    settings.CERTIFICATE_VERIFY_LIMIT = (2, 600)
    cache.clear()
    answers = [client.get("/uk/certificates/verify/AAAA-AAAA-AAAA/").status_code for _ in range(3)]
    assert answers == [404, 404, 429]
    cache.clear()

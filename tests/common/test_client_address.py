"""Client pseudonyms tell clients apart today and cannot be turned back into addresses."""

import datetime
import hashlib
import hmac
import ipaddress
from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.test import RequestFactory
from django.utils import timezone

from common.client_address import client_pseudonym


def request_from(address):
    return RequestFactory().get("/", REMOTE_ADDR=address)


def test_the_same_client_gets_the_same_pseudonym_today_and_another_client_another():
    caches["client_key"].clear()
    first = client_pseudonym(request_from("203.0.113.7"))

    assert client_pseudonym(request_from("203.0.113.7")) == first
    assert client_pseudonym(request_from("203.0.113.8")) != first
    assert ipaddress.IPv6Address(first) in ipaddress.IPv6Network("fd00::/8")


def test_the_secret_key_does_not_reverse_a_pseudonym():
    """Trying every address keyed with SECRET_KEY (what a seized database and settings
    allow) finds nothing: today's key is random and lives only in the cache."""
    caches["client_key"].clear()
    pseudonym = client_pseudonym(request_from("198.51.100.23"))

    candidates = (f"198.51.100.{n}" for n in range(256))
    guesses = {
        str(
            ipaddress.IPv6Address(
                b"\xfd" + hmac.new(settings.SECRET_KEY.encode(), a.encode(), hashlib.sha256).digest()[:15]
            )
        )
        for a in candidates
    }
    assert pseudonym not in guesses


def test_the_key_changes_every_day():
    caches["client_key"].clear()
    today = client_pseudonym(request_from("192.0.2.1"))
    tomorrow = timezone.now() + datetime.timedelta(days=1)

    with mock.patch("common.client_address.timezone.now", return_value=tomorrow):
        assert client_pseudonym(request_from("192.0.2.1")) != today


def test_a_days_key_is_gone_from_the_workers_file_cache_once_a_new_one_is_made(settings, tmp_path):
    """Without Redis the keys are files, and Django's file cache deletes an expired one only
    when it is read again: after a day's key, and one after a day without visitors, only
    the newest is on disk (docs/decisions.md: an expired key reverses nothing)."""
    files = "common.file_cache.CountingFileCache"
    settings.CACHES = {
        **settings.CACHES,
        "limits": {"BACKEND": files, "LOCATION": str(tmp_path / "limits")},
        "client_key": {"BACKEND": files, "LOCATION": str(tmp_path / "key")},
    }
    now = timezone.now()
    client_pseudonym(request_from("192.0.2.1"))
    for days in (1, 3):  # the next day; then two days later, after a day without visitors
        later = now + datetime.timedelta(days=days)
        with (
            mock.patch("common.client_address.timezone.now", return_value=later),
            mock.patch("time.time", return_value=later.timestamp()),
        ):
            client_pseudonym(request_from("192.0.2.1"))

        assert len(list((tmp_path / "key").glob("*.djcache"))) == 1

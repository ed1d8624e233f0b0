"""Deleting an account leaves nothing that names or describes the trainee: a trainee who
touched every table deletes their account through the page, and then no column of any
table, no session and no cache entry holds their nickname, what they typed, or a PDF of
their certificate. Runs on SQLite and PostgreSQL (DATABASE_URL), with the memory cache or
Redis (REDIS_URL)."""

import json
import pickle
import uuid
from importlib import import_module

import pytest
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.core.cache import caches
from django.db import connection
from django.test import Client

from accounts.erased import ERASED_PREFIX
from accounts.models import User
from certificates.models import Certificate
from courses.models import CourseCompletion, ModuleProgress
from h5p.models import ActivityStatement
from quizzes.models import Answer, Attempt
from tests.elearn.privacy_journey import KEPT_NAME, MARKER, NICKNAME, PASSWORD, live

REVOKED = "Сертифікат відкликано"


# The caches a request may write to (the rendered pages of common/page_cache.py hold content
# only, never a person: docs/privacy.md).
SCANNED_CACHES = ("default", "limits", "client_key")


@pytest.fixture
def own_cache_keys(settings):
    """A key prefix of this test's own, so that only its entries are read from a Redis
    that other test runs share."""
    prefix = f"privacy-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        **{name: {**settings.CACHES[name], "KEY_PREFIX": f"{prefix}-{name}"} for name in SCANNED_CACHES},
    }
    return prefix


def _text(value) -> str:
    if isinstance(value, bytes | memoryview):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def database_mentions(*needles) -> list[str]:
    """table.column for every value, in every table, that contains one of `needles`
    (ignoring case)."""
    wanted = [needle.lower() for needle in needles]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 (our own names)
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    text = _text(value).lower() if value is not None else ""
                    found += [f"{table}.{column}: {needle}" for needle in wanted if needle in text]
    return found


def sessions_of(user) -> list[str]:
    """Session rows that sign `user` in, read the way Django reads them."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT session_key, session_data FROM django_session")
        rows = cursor.fetchall()
    store = import_module(settings.SESSION_ENGINE).SessionStore()
    return [key for key, data in rows if store.decode(data).get(SESSION_KEY) == str(user.pk)]


def _raw_cache(prefix) -> dict[str, bytes]:
    """This test's cache entries as stored: key -> the stored (pickled) bytes, from every
    scanned cache (the throttling counts and the pseudonyms' key included)."""
    entries = {}
    for name in SCANNED_CACHES:
        store = caches[name]
        if hasattr(store, "_cache"):  # the memory cache
            entries |= {key: value for key, value in store._cache.items() if key.startswith(prefix)}
        else:  # django-redis: one Redis holds them all, each under its own prefix
            client = store.client.get_client()
            entries |= {key.decode(): client.get(key) for key in client.scan_iter(match=f"{prefix}*")}
    return entries


def cache_mentions(prefix, user, *needles) -> list[str]:
    found = []
    for key, raw in _raw_cache(prefix).items():
        raw = raw if isinstance(raw, bytes) else str(raw).encode()
        found += [f"{key}: {needle}" for needle in needles if needle.lower().encode() in raw.lower()]
        if b"%PDF-" in raw:
            found.append(f"{key}: a PDF")
        if "sessions" in key and pickle.loads(raw).get(SESSION_KEY) == str(user.pk):  # noqa: S301 (ours)
            found.append(f"{key}: a session")
    return found


@pytest.mark.django_db
def test_deleting_an_account_leaves_no_trace_in_any_table_or_cache(
    own_cache_keys, group, final_course, admin_user
):
    page, modules, final = final_course
    journey = live(group=group, course=(page, modules), final=final, admin=admin_user)
    user, certificate = journey.user, journey.certificate
    needles = (NICKNAME, MARKER, KEPT_NAME)
    # The scans find what is there to find: in the tables, the sessions and the cache.
    before = database_mentions(*needles)
    for place in ("accounts_user.nickname", "h5p_activitystatement.payload", "h5p_activitystate.state"):
        assert any(hit.startswith(place) for hit in before), (place, before)
    assert any(hit.startswith("axes_accessattempt.username") for hit in before)
    assert any(hit.startswith("wagtailcore_modellogentry.label") for hit in before)
    assert any(hit.startswith("certificates_certificate.kept_name") for hit in before)
    assert len(sessions_of(user)) == 2
    cached = cache_mentions(own_cache_keys, user)
    scanned = _raw_cache(own_cache_keys)
    assert any(key.startswith(f"{own_cache_keys}-limits") for key in scanned)  # scanned too
    assert any(key.startswith(f"{own_cache_keys}-client_key") for key in scanned)
    assert sum("a PDF" in hit for hit in cached) == 2
    if settings.SESSION_ENGINE.endswith("cached_db"):  # with Redis: in the cache too
        assert sum("a session" in hit for hit in cached) == 2
    kept = {
        "attempts": Attempt.objects.filter(user=user, finished_at__isnull=False).count(),
        "answers": Answer.objects.filter(attempt__user=user, attempt__finished_at__isnull=False).count(),
        "progress": ModuleProgress.objects.filter(user=user).count(),
        "completions": CourseCompletion.objects.filter(user=user).count(),
        "results": ActivityStatement.objects.filter(user=user, completes_activity=True).count(),
    }

    phone = journey.devices[0]
    response = phone.post("/uk/accounts/delete/", {"password": PASSWORD}, follow=True)

    assert "Ваш обліковий запис видалено." in response.content.decode()
    assert database_mentions(*needles) == []
    assert sessions_of(user) == []
    assert cache_mentions(own_cache_keys, user, *needles) == []
    # What the aggregates count stays, on a placeholder that cannot be used or typed.
    placeholder = User.objects.get(pk=user.pk)
    assert placeholder.nickname.startswith(ERASED_PREFIX)
    assert not placeholder.is_active and not placeholder.has_usable_password()
    assert (placeholder.organisation, placeholder.training_group) == (group.organisation, group)
    assert kept == {
        "attempts": Attempt.objects.filter(user=user).count(),  # the unfinished one is gone
        "answers": Answer.objects.filter(attempt__user=user).count(),
        "progress": ModuleProgress.objects.filter(user=user).count(),
        "completions": CourseCompletion.objects.filter(user=user).count(),
        "results": ActivityStatement.objects.filter(user=user).count(),  # completing ones only
    }
    assert Certificate.objects.get(pk=certificate.pk).code == certificate.code
    # No device is still signed in.
    for device in journey.devices:
        assert device.get("/uk/accounts/").status_code == 302


@pytest.mark.django_db
def test_a_coordinators_reason_for_revoking_goes_with_the_account(group, final_course, admin_user):
    """A reason typed by staff may describe the trainee; it is free text, and it goes too,
    from the certificate and from the admin's history."""
    from certificates.services import certificate_revoke

    page, modules, final = final_course
    journey = live(group=group, course=(page, modules), final=final, admin=admin_user)
    certificate_revoke(certificate=journey.certificate, reason=f"Shared it with {MARKER}", by=admin_user)
    assert any("modellogentry.data" in hit for hit in database_mentions(MARKER))

    journey.devices[0].post("/uk/accounts/delete/", {"password": PASSWORD})

    assert database_mentions(NICKNAME, MARKER, KEPT_NAME) == []
    verified = Client().get(f"/uk/certificates/verify/{journey.certificate.code}/").content.decode()
    assert REVOKED in verified and MARKER not in verified and NICKNAME not in verified

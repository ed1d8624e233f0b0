"""Public content kept rendered, under the site's content version.

Everything cached here is the same for every visitor: a route to a page, a module's
rendered blocks, a whole page as an anonymous visitor sees it. It lives in each process's
memory (the "pages" cache) under a key that starts with the current content version. The
version is shared by every process and instance (the "content_version" cache: Redis, or
a small file cache on one machine) and changes whenever content that pages show changes
(courses/page_cache_signals.py): the next request of any process then misses and renders
afresh, and old entries age out."""

import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import caches
from django.db import transaction

VERSION_KEY = "content-version"
_pinned: ContextVar[str | None] = ContextVar("content_version", default=None)


def _pages():
    return caches["pages"]


def content_version() -> str:
    pinned = _pinned.get()
    if pinned is not None:
        return pinned
    version = caches["content_version"].get(VERSION_KEY)
    if version is None:
        caches["content_version"].add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = caches["content_version"].get(VERSION_KEY)
    return version


def content_changed(**_ignored) -> None:
    """A new version: nothing cached before it is used again. Takes a signal's arguments.

    Again once the change is committed: until then other processes still read the old rows
    and would keep them under the new version (course limits too, which decide access)."""
    _new_version()
    transaction.on_commit(_new_version)


def _new_version() -> None:
    caches["content_version"].set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
    _pinned.set(None)


@contextmanager
def one_version():
    """The whole block (a page's request) reads the version once and uses it throughout."""
    token = _pinned.set(content_version())
    try:
        yield
    finally:
        _pinned.reset(token)


def _key(parts) -> str:
    return ":".join(str(part) for part in (content_version(), *parts))


def get(*parts):
    return _pages().get(_key(parts))


def put(value, *parts, timeout=24 * 3600) -> None:
    _pages().set(_key(parts), value, timeout=timeout)


def get_or_build(build, *parts):
    """The cached value under `parts`, else build() stored there."""
    key = _key(parts)
    value = _pages().get(key)
    if value is None:
        value = build()
        _pages().set(key, value, timeout=24 * 3600)
    return value

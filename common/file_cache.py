"""Django's file cache in a private folder, and made fit for counting between processes
(the "limits" cache when there is no Redis: settings, docs/decisions.md).

The folders' defaults are in the shared temporary folder, where another local user could
make the folder first, then read what is cached or plant a pickle the cache would load: a
folder that is not this user's alone is refused.

Every gunicorn worker of a machine sees the same files, but Django's `add` (look, then
write) and `incr` (read, then write) are not atomic: two workers counting one try each at
the same instant would both write n+1. Here both hold a lock file while they run. Django's
`incr` also writes the new count with the default timeout, which would move a counting
window's end with every try; here the entry keeps the expiry it had."""

import os
import pickle
import time
import zlib
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.filebased import FileBasedCache
from django.core.exceptions import ImproperlyConfigured
from django.core.files import locks


class PrivateFileCache(FileBasedCache):
    def _createdir(self):  # on start and before each write
        super()._createdir()
        folder = os.stat(self._dir)
        if folder.st_uid != os.getuid() or folder.st_mode & 0o077:
            raise ImproperlyConfigured(
                f"The cache folder {self._dir} must belong to the site's user and be closed to "
                "everyone else (chmod 700)."
            )


class CountingFileCache(PrivateFileCache):
    @contextmanager
    def _one_at_a_time(self):
        self._createdir()
        # Not a cache file (no .djcache suffix): clear() leaves it alone.
        with open(os.path.join(self._dir, "counting.lock"), "ab") as lock:
            locks.lock(lock, locks.LOCK_EX)
            try:
                yield
            finally:
                locks.unlock(lock)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._one_at_a_time():
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):  # decr() calls it too
        with self._one_at_a_time():
            fname = self._key_to_file(key, version)
            try:
                # As FileBasedCache writes (and reads) its files: the expiry, then the value.
                with open(fname, "rb") as f:
                    expiry = pickle.load(f)  # noqa: S301 (this cache's own files)
                    value = pickle.loads(zlib.decompress(f.read()))  # noqa: S301
            except (FileNotFoundError, EOFError):
                raise ValueError(f"Key '{key}' not found") from None
            left = None if expiry is None else expiry - time.time()
            if left is not None and left <= 0:
                self._delete(fname)
                raise ValueError(f"Key '{key}' not found")
            self.set(key, value + delta, timeout=left, version=version)
            return value + delta

    def _cull(self):
        # Once the folder holds MAX_ENTRIES, Django drops a random third of the entries, live
        # counts too: the expired ones go first, and often that is room enough.
        if len(self._list_cache_files()) < self._max_entries:
            return  # the usual case: one listing of the folder per write, as Django's
        self._delete_expired_files()
        super()._cull()

    def delete_expired(self) -> None:
        """Remove every entry that has expired: Django's file cache deletes one only when it
        is read again, so an entry nobody asks for again would stay on disk."""
        with self._one_at_a_time():  # not a count another worker has just renewed
            self._delete_expired_files()

    def _delete_expired_files(self) -> None:
        for fname in self._list_cache_files():
            try:
                with open(fname, "rb") as f:
                    self._is_expired(f)  # deletes the file when it has expired
            except FileNotFoundError:  # another process removed it meanwhile
                pass

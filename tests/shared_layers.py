"""Data that many tests build on, built once and shared, with every test still isolated.

Loading the demo or building a translated course takes seconds, and most tests only read it
or write a little on top. So each is a *layer*: an open `transaction.atomic()` block around
the data, kept open from one test to the next. pytest-django opens each test's own atomic
block (a savepoint) on top and rolls it back afterwards, so what a test writes never reaches
another: Django's `TestCase.setUpTestData` does the same for a class.

Before each test the stack is cut back to the longest run of layers, from the bottom, that
the test asked for, and the missing ones are built: a test sees exactly the data it asked
for, whatever ran before it (random order included). Tests that need transactions of their
own (live server, races) get no layers: their fixtures build the data inside the test.
The cut happens as soon as the previous test is torn down, before the next one sets up
anything: Playwright's event loop makes Django hand out another connection object, and a
layer must be rolled back on the connection that opened it.

To build each layer about once per session, `cluster()` brings the tests that want the same
layers together, keeping the (random) order within each cluster and the order in which the
clusters first appear, as pytest-django keeps the order within its database groups.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction

# Bottom to top. A test gets the layers whose fixture (same name) it uses, directly or not.
ORDER = ("demo", "home_pages", "course", "preview_pages")


def _transactional(transaction=False, reset_sequences=False, *args, **kwargs) -> bool:
    return transaction or reset_sequences


def runs_in_own_transactions(item: pytest.Item) -> bool:
    """As pytest-django chooses between Django's TransactionTestCase and TestCase."""
    marker = item.get_closest_marker("django_db")
    if marker and _transactional(*marker.args, **marker.kwargs):
        return True
    return bool({"transactional_db", "live_server", "django_db_reset_sequences"} & set(item.fixturenames))


def layers_for(item: pytest.Item) -> list[str]:
    if runs_in_own_transactions(item):
        return []
    return [name for name in ORDER if name in item.fixturenames]


def cluster(items: list[pytest.Item]) -> None:
    def key(item):
        uses_db = item.get_closest_marker("django_db") is not None or "db" in item.fixturenames
        return runs_in_own_transactions(item), uses_db, tuple(layers_for(item))

    first_seen = {}
    for position, item in enumerate(items):
        first_seen.setdefault(key(item), position)
    items.sort(key=lambda item: first_seen[key(item)])


class SharedLayers:
    def __init__(self, builders: dict[str, Callable[["SharedLayers"], Any]]):
        self._builders = builders
        self._stack: list[tuple[str, transaction.Atomic, Any]] = []
        self._connection = None  # the one the layers are open on
        self.builds = Counter()

    def __contains__(self, name: str) -> bool:
        return any(layer_name == name for layer_name, _, _ in self._stack)

    def __getitem__(self, name: str) -> Any:
        for layer_name, _, value in self._stack:
            if layer_name == name:
                return value
        raise KeyError(name)

    def prepare(self, wanted: list[str]) -> None:
        """Leave exactly the layers `wanted` (bottom to top) in place."""
        keep = self.cut(wanted)
        for name in wanted[keep:]:
            self._push(name)

    def cut(self, wanted: list[str]) -> int:
        """Roll back the layers above those `wanted` has at the bottom; return how many stay."""
        names = [name for name, _, _ in self._stack]
        keep = 0
        while keep < min(len(names), len(wanted)) and names[keep] == wanted[keep]:
            keep += 1
        self._cut(keep)
        return keep

    def clear(self) -> None:
        self._cut(0)

    def _push(self, name: str) -> None:
        self._check_connection()
        self._connection = connections[DEFAULT_DB_ALIAS]
        block = transaction.atomic()
        block.__enter__()
        try:
            value = self._builders[name](self)
        except BaseException as error:
            block.__exit__(type(error), error, error.__traceback__)
            raise
        self._stack.append((name, block, value))
        self.builds[name] += 1

    def _check_connection(self) -> None:
        if self._stack and connections[DEFAULT_DB_ALIAS] is not self._connection:
            raise RuntimeError("shared test data is open on another connection object than this test's")

    def _cut(self, keep: int) -> None:
        if len(self._stack) > keep:
            self._check_connection()
        while len(self._stack) > keep:
            _, block, _ = self._stack.pop()
            transaction.set_rollback(True)
            block.__exit__(None, None, None)

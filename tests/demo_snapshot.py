"""The demo loaded once per test session, then put back from a copy in a fraction of the time.

The first `load()` runs `load_demo` on a freshly migrated database and copies, row for row,
every table the command changed. Later `load()`s, on a freshly migrated database again (in
a rolled-back layer, or after a transactional test's flush and restore), empty those tables
and write the copied rows back: plain SQL, so nothing runs that `load_demo` did not (no
signals, no tree bookkeeping). The first restore checks that it gives exactly the database
`load_demo` gave, so the copy cannot drift from the command. Both refuse a database that a
fixture has already written to: ask for `demo` before fixtures that write.

Files the demo writes (its H5P packages) are copied too, and put back with the rows: a
test that replaces or deletes a demo package removes its files from the shared media folder.
"""

import shutil
import tempfile
from io import StringIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction


def _tables() -> dict[str, list[str]]:
    """Every table of a model (many-to-many ones included), with its columns as the model
    names them (a full-text index's `rowid` is not in `SELECT *`)."""
    existing = set(connection.introspection.table_names())
    return {
        model._meta.db_table: [field.column for field in model._meta.local_concrete_fields]
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy and model._meta.db_table in existing
    }


def _read(table: str, columns: list[str]) -> list[tuple]:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(map(quote, columns))} FROM {quote(table)}")
        return [tuple(row) for row in cursor.fetchall()]


def _same_rows(one: list[tuple], other: list[tuple]) -> bool:
    return sorted(map(repr, one)) == sorted(map(repr, other))


class DemoSnapshot:
    def __init__(self, migrated_rows: str):
        self._migrated_rows = migrated_rows  # the freshly migrated database, serialized
        self._tables: dict[str, tuple[list[str], list[tuple]]] | None = None
        self._expected: str | None = None  # the whole database after load_demo, until checked once
        self._fresh_counts: dict[str, int] = {}  # rows in the tables the demo changes, before it
        self.restores = 0
        self._media_copy: Path | None = None  # the media folder as load_demo left it

    def load(self) -> None:
        if self._tables is None:
            self._take()
        else:
            self._restore()

    def _take(self) -> None:
        fresh = connection.creation.serialize_db_to_string() == self._migrated_rows
        assert fresh, "load_demo's copy is taken on a freshly migrated database: ask for `demo` first"
        tables = _tables()
        before = {table: _read(table, columns) for table, columns in tables.items()}
        call_command("load_demo", stdout=StringIO())
        self._tables = {}
        for table, columns in tables.items():
            rows = _read(table, columns)
            if not _same_rows(rows, before[table]):
                self._tables[table] = (columns, rows)
                self._fresh_counts[table] = len(before[table])
        self._expected = connection.creation.serialize_db_to_string()
        self._media_copy = Path(tempfile.mkdtemp(prefix="demo-media-")) / "media"
        shutil.copytree(settings.MEDIA_ROOT, self._media_copy, dirs_exist_ok=True)

    def _restore(self) -> None:
        quote = connection.ops.quote_name
        with transaction.atomic(), connection.cursor() as cursor:
            for table, count in self._fresh_counts.items():
                cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")
                assert cursor.fetchone()[0] == count, f"{table} was written to before the demo was put back"
            for table, (columns, rows) in self._tables.items():
                cursor.execute(f"DELETE FROM {quote(table)}")
                if rows:
                    names, values = ", ".join(map(quote, columns)), ", ".join(["%s"] * len(columns))
                    cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({values})", rows)
            connection.check_constraints(table_names=list(self._tables))
        shutil.copytree(self._media_copy, settings.MEDIA_ROOT, dirs_exist_ok=True)
        self.restores += 1
        if self._expected is not None:
            restored = connection.creation.serialize_db_to_string()
            assert restored == self._expected, "the demo snapshot no longer gives what load_demo gives"
            self._expected = None

"""docs/backup.md's method, run for real: back up the database, restore the copy, count."""

import shutil
import sqlite3
import subprocess

import pytest
from django.db import connection

from certificates.models import Certificate
from courses.models import ModuleProgress
from quizzes.models import Attempt
from tests.certificates.conftest import finish_modules, take_final

TABLES = {
    "accounts_user": None,
    "wagtailcore_page": None,
    "courses_moduleprogress": ModuleProgress,
    "quizzes_attempt": Attempt,
    "certificates_certificate": Certificate,
}


def counts_in(cursor):
    result = {}
    for table in TABLES:
        cursor.execute(f"SELECT COUNT(*) FROM {table}")  # noqa: S608 (our own table names)
        result[table] = cursor.fetchone()[0]
    return result


@pytest.mark.slow  # a transaction of its own, and sqlite3 in new processes
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_backup_restores_with_the_same_counts(trainee, final_course, tmp_path):
    _page, modules, final = final_course
    finish_modules(trainee, modules)
    take_final(trainee, final)
    with connection.cursor() as cursor:
        original = counts_in(cursor)
    assert original["certificates_certificate"] == 1 and original["courses_moduleprogress"] == 3

    if connection.vendor == "sqlite":
        copy = tmp_path / "backup.sqlite3"
        connection.ensure_connection()
        with sqlite3.connect(copy) as target:
            connection.connection.backup(target)  # what `sqlite3 db.sqlite3 ".backup ..."` does
        restored = counts_in(sqlite3.connect(copy).cursor())
    else:
        if not shutil.which("pg_dump"):
            pytest.fail("pg_dump is missing (Debian: postgresql-client)")
        settings = connection.settings_dict
        url = f"postgresql://{settings['USER']}@{settings['HOST']}:{settings['PORT']}"
        dump = tmp_path / "backup.dump"
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", f"{url}/{settings['NAME']}"],
            check=True,
        )
        restored_name = f"{settings['NAME']}_restored"
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')
            cursor.execute(f'CREATE DATABASE "{restored_name}"')
        try:
            subprocess.run(
                ["pg_restore", "--no-owner", f"--dbname={url}/{restored_name}", str(dump)], check=True
            )
            import psycopg

            with psycopg.connect(f"{url}/{restored_name}") as restored_connection:
                restored = counts_in(restored_connection.cursor())
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{restored_name}"')

    assert restored == original

"""What a module page shows of the signed-in trainee's own, read in one query: their
progress in the module, whether they completed the course, their standing in each of its
tests and their progress in each of its H5P activities.

Raw SQL, on purpose: this runs on every signed-in module view, and building the same
reads with the ORM (subqueries, filtered aggregates, a union) cost about 3 ms of CPU per
page on a 2-core server, more than running them; on PostgreSQL each separate query is
also a round trip. The statement is a UNION ALL of one small select per part, each on
an indexed (user, ...) lookup, so it stays the same size as trainees and attempts grow.
Table and column names come from the models."""

from datetime import UTC

from django.db import connection
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from h5p.models import ActivityState, ActivityStatement
from quizzes.models import Attempt

from .models import DONE, IN_PROGRESS, NEW, NOT_STARTED, CourseCompletion, ModuleProgress

# Every branch returns: kind, number (a test or package id), text (a block id or a saved
# state), best, used, passes, open, completed_at, last_opened_at.
# The first branch names each column's type (PostgreSQL matches a union's types pairwise,
# left to right, and would take a bare NULL for text).
_PROGRESS = """SELECT 'progress', CAST(NULL AS BIGINT), CAST(NULL AS TEXT), CAST(NULL AS INTEGER),
    CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), {completed_at}, {last_opened_at}
FROM {table} WHERE {user} = %s AND {module_key} = %s"""
_COURSE = """SELECT 'course', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM {table} WHERE {user} = %s AND {course_key} = %s"""
_TESTS = """SELECT 'test', {quiz}, NULL,
    MAX(CASE WHEN {finished_at} IS NOT NULL THEN {percent} END),
    COUNT(CASE WHEN {finished_at} IS NOT NULL THEN 1 END),
    COUNT(CASE WHEN {finished_at} IS NOT NULL AND {passed} THEN 1 END),
    MAX(CASE WHEN {finished_at} IS NULL THEN {id} END), NULL, NULL
FROM {table} WHERE {user} = %s AND {quiz} IN ({ids}) GROUP BY {quiz}"""
_ACTIVITIES_DONE = """SELECT 'done', NULL, {block_id}, NULL, NULL, NULL, NULL, NULL, NULL
FROM {table} WHERE {user} = %s AND {module_key} = %s AND {completes_activity} GROUP BY {block_id}"""
_ACTIVITY_STATES = """SELECT 'state', {content}, {state}, NULL, NULL, NULL, NULL, NULL, NULL
FROM {table} WHERE {user} = %s AND {content} IN ({ids})"""


def _names(model, *fields) -> dict:
    """The model's table and the named fields' columns, quoted for the SQL above."""
    quote = connection.ops.quote_name
    return {"table": quote(model._meta.db_table)} | {
        name: quote(model._meta.get_field(name).column) for name in fields
    }


def _key(model, field, value):
    """A UUID as the database stores it (SQLite: hex text)."""
    return model._meta.get_field(field).get_db_prep_value(value, connection)


def _datetime(value):
    if isinstance(value, str):  # SQLite hands back text for a computed column
        value = parse_datetime(value)
    if value is not None and timezone.is_naive(value):
        value = timezone.make_aware(value, UTC)
    return value


def trainee_parts(user, module, course, *, quiz_ids=(), activities=False, content_ids=()) -> dict:
    """{"reading": {"status", "last_opened_at"}, "quiz_standings": {quiz id: standing},
    "h5p_progress": {"completed": block ids, "states": {package id: state}}} for a
    signed-in trainee, in one query. Tests never tried are absent from the standings."""
    parts = [
        _PROGRESS.format(**_names(ModuleProgress, "user", "module_key", "completed_at", "last_opened_at")),
        _COURSE.format(**_names(CourseCompletion, "user", "course_key")),
    ]
    params = [
        user.pk,
        _key(ModuleProgress, "module_key", module.translation_key),
        user.pk,
        _key(CourseCompletion, "course_key", course.translation_key),
    ]
    quiz_ids, content_ids = [int(pk) for pk in quiz_ids], [int(pk) for pk in content_ids]
    if quiz_ids:
        names = _names(Attempt, "user", "quiz", "finished_at", "percent", "passed", "id")
        parts.append(_TESTS.format(ids=", ".join(["%s"] * len(quiz_ids)), **names))
        params += [user.pk, *quiz_ids]
    if activities:
        names = _names(ActivityStatement, "user", "module_key", "block_id", "completes_activity")
        parts.append(_ACTIVITIES_DONE.format(**names))
        params += [user.pk, _key(ActivityStatement, "module_key", module.translation_key)]
    if activities and content_ids:
        names = _names(ActivityState, "user", "content", "state")
        parts.append(_ACTIVITY_STATES.format(ids=", ".join(["%s"] * len(content_ids)), **names))
        params += [user.pk, *content_ids]

    with connection.cursor() as cursor:
        cursor.execute("\nUNION ALL\n".join(parts), params)
        rows = cursor.fetchall()

    opened = completed_at = last_opened_at = None
    course_done = False
    standings, progress = {}, {"completed": set(), "states": {}}
    for kind, number, text, best, used, passes, open_id, completed, last_opened in rows:
        if kind == "progress":
            opened, completed_at, last_opened_at = True, _datetime(completed), _datetime(last_opened)
        elif kind == "course":
            course_done = True
        elif kind == "test":
            standings[number] = {"best": best, "passed": passes > 0, "used": used, "open": open_id}
        elif kind == "done":
            progress["completed"].add(text)
        else:
            progress["states"].setdefault(number, text)

    status = DONE if completed_at else IN_PROGRESS if opened else NOT_STARTED
    if course_done and status != DONE:
        status = NEW
    return {
        "reading": {"status": status, "last_opened_at": last_opened_at},
        "quiz_standings": standings,
        "h5p_progress": progress,
    }

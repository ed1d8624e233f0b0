"""Sessions that slide without a write on every request.

A signed-in session ends 30 idle minutes after the last request (SESSION_COOKIE_AGE), so
its expiry must move forward while the trainee reads. Saving the session on every request
did that with a database write per page view. This middleware marks the session for
saving at most once every REFRESH_SECONDS: a session then lasts between 25 and 30 minutes
after the last request, and a trainee reading a module writes nothing most of the time."""

import time

from django.conf import settings

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

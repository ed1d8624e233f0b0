"""Every route to a test asks first whether the test is open to the visitor: a test of a
course limited to some organisations is closed to everyone else (docs/access.md). The
rule is the courses' (courses/access.py); quizzes sits below courses and asks it through
common.content_access."""

from functools import wraps

from common import page_cache
from common.content_access import may_open_page, may_take_quiz, refusal

from .models import Attempt


def open_quiz(view):
    """For the routes that name the test (and the module it is opened from, if any)."""

    @wraps(view)
    def guarded(request, quiz_id, **kwargs):
        module_id = str((request.POST if request.method == "POST" else request.GET).get("module") or "")
        from_closed_module = module_id.isdigit() and not may_open_page(request.user, int(module_id))
        if from_closed_module or not may_take_quiz(request.user, quiz_id):
            return refusal(request)
        return view(request, quiz_id, **kwargs)

    return guarded


def open_attempt(view):
    """For the routes that name one of the trainee's attempts: its test, and the module it
    was started from, must still be open to them."""

    @wraps(view)
    @page_cache.one_version()  # the content cache's version, read once for the request
    def guarded(request, token, **kwargs):
        started = (
            Attempt.objects.select_related("quiz").filter(token=token, user_id=request.user.pk).first()
            if request.user.is_authenticated
            else None
        )  # anyone else's attempt, or none: the view's own 404 or log-in page
        if started and not may_take_quiz(request.user, started.quiz_id, module_key=started.module_key):
            return refusal(request)
        request.own_attempt = started  # read once: the view takes it from here
        return view(request, token, **kwargs)

    return guarded

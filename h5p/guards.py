"""The activity endpoints ask first whether the module page is open to the trainee: an
activity in a course limited to some organisations is closed to everyone else
(docs/access.md). The rule is the courses' (courses/access.py); h5p sits below courses and
asks it through common.content_access."""

from functools import wraps

from django.http import JsonResponse
from django.utils.translation import gettext as _

from common.content_access import may_open_page


def open_activity(view):
    @wraps(view)
    def guarded(request, page_id, block_id):
        # Visitors who are not signed in get the view's own answer: log in again.
        if request.user.is_authenticated and not may_open_page(request.user, page_id):
            return JsonResponse({"error": _("This activity was not found.")}, status=404)
        return view(request, page_id, block_id)

    return guarded

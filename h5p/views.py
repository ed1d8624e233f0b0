"""Where the module page's script sends what an H5P activity reported. JSON in, JSON out;
CSRF-checked like any form. Refusals are 400 with a translated reason, nothing stored."""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .results import state_save, statement_record
from .selectors import activity_for
from .xapi import StatementRefused


def _activity_or_error(request, page_id, block_id):
    if not request.user.is_authenticated:  # a JSON 403, not a redirect to the login page
        return None, JsonResponse({"error": _("Please log in again to keep your results.")}, status=403)
    activity = activity_for(page_id=page_id, block_id=block_id)
    if activity is None:
        return None, JsonResponse({"error": _("This activity was not found.")}, status=404)
    return activity, None


@require_POST
def statement(request, page_id, block_id):
    activity, error = _activity_or_error(request, page_id, block_id)
    if error:
        return error
    try:
        recorded = statement_record(user=request.user, activity=activity, body=request.body)
    except StatementRefused as refused:
        return JsonResponse({"error": str(refused.message)}, status=400)
    return JsonResponse({"stored": recorded.stored, "module_complete": recorded.outcome.module_completed})


@require_POST
def state(request, page_id, block_id):
    activity, error = _activity_or_error(request, page_id, block_id)
    if error:
        return error
    try:
        state_save(user=request.user, activity=activity, body=request.body)
    except StatementRefused as refused:
        return JsonResponse({"error": str(refused.message)}, status=400)
    return JsonResponse({"stored": True})

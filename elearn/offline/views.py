"""The reading copy's service worker (worker.js beside this file), served from the site's
root so that it may answer for every page. Its name and its caches' names are neutral, as
in discreet mode. What it keeps and when it is removed: worker.js, elearn/static/js/offline.js."""

from pathlib import Path

from django.http import HttpResponse
from django.views.decorators.http import require_GET

WORKER = (Path(__file__).parent / "worker.js").read_bytes()


@require_GET
def worker(request):
    response = HttpResponse(WORKER, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"  # a changed worker reaches phones on their next visit
    return response

from django.conf import settings
from django.contrib.auth import logout
from django.db import DatabaseError, connection
from django.http import HttpResponse, HttpResponseRedirect
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST


@never_cache
@require_GET
def healthz(request):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


# CSRF is not checked: the worst a forged request can do is sign someone out, while a
# stale token must never stop a person who needs to leave the page now.
@csrf_exempt
@require_POST
def quick_exit(request):
    """End the session, tell the browser to forget this site, and go somewhere neutral.

    The page's script calls this in the background and replaces the location itself; the
    plain form (no JavaScript) follows the redirect."""
    logout(request)
    response = HttpResponseRedirect(settings.QUICK_EXIT_URL, status=303)
    # "storage" also unregisters any service worker of the site (there is none yet).
    response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
    response["Cache-Control"] = "no-store"
    return response

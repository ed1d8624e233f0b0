"""Wagtail's page view (wagtail.views.serve), with routing from the content cache and whole
pages for anonymous visitors kept rendered (common/page_cache.py).

Routing a module's address walks the page tree a level at a time and finds the site: a
dozen queries that give the same answer until content changes. The route (site and page)
is kept under the content version, per host, language and path.

An anonymous visitor's page is the same for every anonymous visitor: it is kept whole for
a few minutes (the H5P player's signed addresses in it stay valid for hours). Only a
request that carries no session or messages cookie is answered from it, and only a page
that set no cookie and used no CSRF token is kept, so no kept page holds a token or
anything of a signed-in person."""

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils.cache import patch_vary_headers
from django.utils.translation import get_language
from wagtail import hooks
from wagtail.models import Page
from wagtail.views import serve_chain

from common import page_cache

ANONYMOUS_PAGE_SECONDS = 10 * 60
MESSAGES_COOKIE = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")


def _anonymous(request) -> bool:
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and MESSAGES_COOKIE not in cookies


def _keepable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page holds a CSRF token
        and not getattr(request, "is_preview", False)
    )


def _route(request, path):
    """(site, (page, args, kwargs)) for this request, from the cache when it can be."""
    parts = ("route", request._get_raw_host(), get_language(), path)
    cached = page_cache.get(*parts)
    if cached is not None:
        site, route = cached
        request._wagtail_site, request._wagtail_route_for_request = site, route
        return route
    route = Page.route_for_request(request, path)
    if route is not None:
        page = route[0]
        page.locale  # noqa: B018  (kept with the page: no query for it later)
        # Wagtail's own before_serve_page hook asks for these on every request.
        page.get_view_restrictions = KnownRestrictions(list(page.get_view_restrictions()))
        page_cache.put((request._wagtail_site, route), *parts)
    return route


class KnownRestrictions:
    """A page's view restrictions, read when its route was cached (and cached with it)."""

    def __init__(self, restrictions):
        self.restrictions = restrictions

    def __call__(self):
        return self.restrictions


def serve(request, path):
    with page_cache.one_version():
        return _serve(request, path)


def _serve(request, path):
    anonymous = _anonymous(request) and request.method in ("GET", "HEAD") and not request.GET
    whole_page = ("anonymous-page", request._get_raw_host(), request.path)
    if anonymous:
        kept = page_cache.get(*whole_page)
        if kept is not None:
            response = HttpResponse(kept["content"], content_type=kept["content_type"])
            patch_vary_headers(response, ("Cookie",))
            return response

    route = _route(request, path)
    if route is None:
        raise Http404
    page, args, kwargs = route

    on_serve_chain = serve_chain
    for fn in reversed(hooks.get_hooks("on_serve_page")):
        on_serve_chain = fn(on_serve_chain)
    for fn in hooks.get_hooks("before_serve_page"):
        result = fn(page, request, args, kwargs)
        if isinstance(result, HttpResponse):
            return result
    response = on_serve_chain(page, request, args, kwargs)

    if anonymous and hasattr(response, "render"):
        response.render()
        if _keepable(request, response):
            kept = {"content": response.content, "content_type": response["Content-Type"]}
            page_cache.put(kept, *whole_page, timeout=ANONYMOUS_PAGE_SECONDS)
        patch_vary_headers(response, ("Cookie",))
    return response

from urllib.parse import urlsplit

from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class SiteLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, except that a 404 under the admin or another path that
    has no language prefix stays a 404 instead of being redirected to /uk/... (Wagtail's
    catch-all page route would make every such redirect look valid)."""

    unprefixed_paths = ("/admin/", "/documents/", "/static/", "/media/", "/healthz", "/quick-exit/", "/h5p/")

    def process_response(self, request, response):
        if request.path_info.startswith(self.unprefixed_paths):
            return response
        return super().process_response(request, response)


def permissions_policy(get_response):
    """No page of the site may use the camera, the microphone or the phone's location,
    whatever a package or an embed asks for."""

    def middleware(request):
        response = get_response(request)
        response.headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
        return response

    return middleware


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def is_wagtail_preview(request) -> bool:
    """Whether this is Wagtail rendering a page for an editor's preview: the page editor's
    preview panel, a translation's or a revision's preview, "view draft". Wagtail builds a
    request of its own for the page's URL (Page.make_preview_request) and runs it through
    this middleware; only that request has `is_preview` set true. The admin view that asked
    for it checked the editor's permission first."""
    return getattr(request, "is_preview", False) is True


def content_security_policy(get_response):
    """A strict policy for every page a trainee sees: scripts, styles, media and frames
    from this site only, no inline script or style, no plugins, never framed elsewhere.
    Forms may post here and to the quick exit's neutral site (its 303 lands there).

    A preview of a page gets the same policy, so an editor sees what a trainee will, except
    that this site may frame it (the page editor's preview panel): X-Frame-Options says
    SAMEORIGIN instead of Django's DENY, as Wagtail's own preview views set it. The admin
    view that returns the preview keeps both headers.

    The Wagtail admin still has inline scripts (panels, date widgets, wagtail-localize's
    editor), so its policy allows those but, like the trainees', loads and sends nothing
    to another host. Responses that set their own policy (the sandboxed H5P player,
    package files) keep it."""
    own_host_only = [
        "default-src 'self'",
        "media-src 'self'",
        "font-src 'self'",
        "connect-src 'self'",
        "frame-src 'self'",
        "object-src 'none'",
    ]
    trainee_directives = [
        *own_host_only,
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        f"form-action 'self' {_origin(settings.QUICK_EXIT_URL)}",
    ]
    trainee_policy = "; ".join([*trainee_directives, "frame-ancestors 'none'"])
    preview_policy = "; ".join([*trainee_directives, "frame-ancestors 'self'"])
    admin_policy = "; ".join(
        [
            *own_host_only,
            "script-src 'self' 'unsafe-inline'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",  # the page editor's preview panel
        ]
    )

    def middleware(request):
        response = get_response(request)
        if response.get("Content-Type", "").startswith("text/html"):
            if is_wagtail_preview(request):
                policy = preview_policy
                response.headers["X-Frame-Options"] = "SAMEORIGIN"
            elif request.path_info.startswith("/admin/"):
                policy = admin_policy
            else:
                policy = trainee_policy
            response.headers.setdefault("Content-Security-Policy", policy)
        return response

    return middleware

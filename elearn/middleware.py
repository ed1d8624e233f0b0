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


def content_security_policy(get_response):
    """A strict policy for every page a trainee sees: scripts, styles, media and frames
    from this site only, no inline script or style, no plugins, never framed elsewhere.
    Forms may post here and to the quick exit's neutral site (its 303 lands there).

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
    trainee_policy = "; ".join(
        [
            *own_host_only,
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "base-uri 'none'",
            f"form-action 'self' {_origin(settings.QUICK_EXIT_URL)}",
            "frame-ancestors 'none'",
        ]
    )
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
            is_admin = request.path_info.startswith("/admin/")
            response.headers.setdefault(
                "Content-Security-Policy", admin_policy if is_admin else trainee_policy
            )
        return response

    return middleware

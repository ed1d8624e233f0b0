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

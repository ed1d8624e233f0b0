"""Django's CSRF check for a site that never sends a Referer.

The site sends `Referrer-Policy: no-referrer`, so no page, not even our own, tells the next
one where the trainee came from. Browsers then post forms with `Origin: null` and without
a Referer (Fetch standard), and Django's origin and referer checks would refuse every form.

Fetch metadata tells our own posts apart: `Sec-Fetch-Site` is set by the browser and no
page can change it. A null-origin post is let through to the token check when the browser
says `same-origin`, and refused when it says anything else (another site, a sandboxed
frame such as the H5P player). Browsers without fetch metadata (Safari before 16.4) send
no such header; for them the token alone decides, as it does for every browser on plain
HTTP. In production the token's cookie is a `__Host-` cookie, which no other host and no
plain-HTTP page can set, so an attacker cannot plant a token of their own.
"""

from django.middleware.csrf import CsrfViewMiddleware


def _sent_by_own_page(request) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    return fetch_site is None or fetch_site == "same-origin"


class NoReferrerCsrfViewMiddleware(CsrfViewMiddleware):
    def _origin_verified(self, request):
        if request.META["HTTP_ORIGIN"] == "null":
            return _sent_by_own_page(request)
        return super()._origin_verified(request)

    def _check_referer(self, request):
        if "HTTP_REFERER" not in request.META and _sent_by_own_page(request):
            return
        super()._check_referer(request)

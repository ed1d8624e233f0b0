"""The document that plays one H5P package, inside <iframe sandbox="allow-scripts">.

It runs at an opaque origin: no cookies go with its requests and it can read nothing of
the site. Its own CSP lets it load only the player (static files) and this package's
signed files, and sandboxes it even if someone opens it on its own. What the package
reports crosses to the module page by postMessage (h5p/static/h5p/player.js)."""

from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from .assets import asset_base_url, content_for_token


def object_iri(content) -> str:
    """The xAPI object id of a package's top-level activity; sub-content ids extend it."""
    return f"urn:conecta:h5p:{content.pk}"


def player_policy(origin: str) -> str:
    assets = f"{origin}/h5p/assets/"
    return "; ".join(
        [
            "default-src 'none'",
            f"script-src {origin}/static/ {assets}",
            # H5P content types set inline styles as they lay themselves out.
            f"style-src {origin}/static/ {assets} 'unsafe-inline'",
            f"img-src {origin}/static/ {assets} data: blob:",
            f"media-src {assets} blob:",
            f"font-src {origin}/static/ {assets} data:",
            f"connect-src {assets}",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {origin}",
            "sandbox allow-scripts",
        ]
    )


@require_GET
@xframe_options_sameorigin
def play(request, token):
    content = content_for_token(token)
    origin = request.build_absolute_uri("/").rstrip("/")
    config = {
        "assets": asset_base_url(content),
        "frameJs": static("h5p-standalone/frame.bundle.js"),
        "frameCss": static("h5p-standalone/styles/h5p.css"),
        "parentOrigin": origin,
        "objectIri": object_iri(content),
    }
    response = TemplateResponse(request, "h5p/player.html", {"content": content, "config": config})
    response["Content-Security-Policy"] = player_policy(origin)
    response["Cache-Control"] = "private, no-store"
    return response

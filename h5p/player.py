"""The document that plays one H5P package, inside <iframe sandbox="allow-scripts">.

It runs at an opaque origin: no cookies go with its requests and it can read nothing of
the site. Its own CSP lets it load only the player (static files) and this package's
signed files, and sandboxes it even if someone opens it on its own. What the package
reports crosses to the module page by postMessage (h5p/static/h5p/player.js).

The document itself is asked for by the module page, with the trainee's session: its
address names the package and the module page it plays on, and it is served only to
someone that page is open to (a course limited to some organisations is closed to
everyone else). The signed file URLs it hands the player are therefore given out only
here, and work without a session until they expire."""

import base64
import hashlib
import re

from django.conf import settings
from django.core import signing
from django.http import Http404
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from common.content_access import may_open_page

from .assets import asset_base_url, player_files, static_text
from .models import H5PContent

# The player's own files that the module page fetches for it.
PLAYER_STATIC = (
    "h5p-standalone/main.bundle.js",
    "h5p-standalone/frame.bundle.js",
    "h5p-standalone/styles/h5p.css",
)

PLAY_SALT = "conecta.h5p.play"
LEADING_SPACE = re.compile(r"\n\s+")
COMMENT_LINE = re.compile(r"^[ \t]*//.*\n", re.MULTILINE)


def play_token(content: H5PContent, page_id: int | None) -> str:
    """The player's address for `content` on the page `page_id` (None: a module not yet
    saved, in the page editor's preview)."""
    return signing.dumps([content.pk, page_id], salt=PLAY_SALT)


def _played(token) -> tuple[H5PContent, int | None]:
    try:
        content_id, page_id = signing.loads(token, salt=PLAY_SALT, max_age=settings.H5P_ASSET_MAX_AGE)
    except (signing.BadSignature, TypeError, ValueError):  # also SignatureExpired
        raise Http404 from None
    # Code waiting for an administrator never plays, even from an address given out before.
    content = H5PContent.objects.filter(pk=content_id, awaiting_approval=False).first()
    if content is None:
        raise Http404
    return content, page_id


def object_iri(content) -> str:
    """The xAPI object id of a package's top-level activity; sub-content ids extend it."""
    return f"urn:conecta:h5p:{content.pk}"


def player_script() -> tuple[str, str]:
    """player.js, written into the document, and its CSP hash. The frame's own requests are
    never cached (an opaque origin), so a file of its own would be fetched on every open:
    in the document, which is fetched anyway, it costs no request of its own."""
    # Lines that are only a comment are left out: they are for readers of the source,
    # and would be most of what a trainee downloads again on each open.
    text = COMMENT_LINE.sub("", static_text("h5p/player.js"))
    # Indentation left out too: the site's compression drops it from every HTML page
    # (elearn/compression.py), and the hash must be of the script the browser receives.
    text = LEADING_SPACE.sub("\n", text)
    if "</" in text:  # it would end the <script> element early
        raise ValueError("h5p/player.js must not contain '</'")
    digest = base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()
    return text, f"'sha256-{digest}'"


def player_policy(origin: str, script_hash: str = "") -> str:
    assets = f"{origin}/h5p/assets/"
    return "; ".join(
        [
            "default-src 'none'",
            # blob: for the files the module page hands over (player.js); the hash: player.js.
            f"script-src {origin}/static/ {assets} blob: {script_hash}".rstrip(),
            # H5P content types set inline styles as they lay themselves out.
            f"style-src {origin}/static/ {assets} blob: 'unsafe-inline'",
            f"img-src {origin}/static/ {assets} data: blob:",
            f"media-src {assets} blob:",
            f"font-src {origin}/static/ {assets} data: blob:",
            f"connect-src {assets}",
            # No frame, worker or plugin of its own: each would be a fresh realm, with
            # WebRTC that player.js removed from this one (see player.js). Worker falls
            # back to script-src, not to default-src, so every one is named.
            "frame-src 'none'",
            "child-src 'none'",
            "worker-src 'none'",
            "object-src 'none'",
            "manifest-src 'none'",
            # Every HTML string goes through player.js's policy, which refuses srcdoc.
            "require-trusted-types-for 'script'",
            "trusted-types default",
            "base-uri 'none'",
            "form-action 'none'",
            f"frame-ancestors {origin}",
            "sandbox allow-scripts",
        ]
    )


@require_GET
@xframe_options_sameorigin
def play(request, token):
    content, page_id = _played(token)
    if page_id is not None and not may_open_page(request.user, page_id):
        raise Http404
    origin = request.build_absolute_uri("/").rstrip("/")
    base = asset_base_url(content)
    player = {name: static(name) for name in PLAYER_STATIC}
    config = {
        "assets": base,
        "mainJs": player["h5p-standalone/main.bundle.js"],
        "frameJs": player["h5p-standalone/frame.bundle.js"],
        "frameCss": player["h5p-standalone/styles/h5p.css"],
        "parentOrigin": origin,
        "objectIri": object_iri(content),
        # For the module page to fetch (into its cache) and hand over: see player.js.
        "files": player_files(content, base, player),
    }
    script, script_hash = player_script()
    context = {"content": content, "config": config, "script": script, "style": static_text("h5p/player.css")}
    response = TemplateResponse(request, "h5p/player.html", context)
    response["Content-Security-Policy"] = player_policy(origin, script_hash)
    response["Cache-Control"] = "private, no-store"
    return response

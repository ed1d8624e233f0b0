"""Serving an H5P package's files to the sandboxed player.

The player runs in an <iframe sandbox="allow-scripts"> without allow-same-origin: its
origin is opaque, it sends no cookies and reads nothing of the site. Its files are
therefore reached by signed, expiring URLs that need no session:

  /h5p/assets/<token>/h5p.json, /h5p/assets/<token>/content/...   (the package)
  /h5p/assets/<token>/libraries/<Machine.Name-1.0>/...             (its libraries only)

CORS is allowed on these responses alone, since the opaque origin reads them
cross-origin."""

import mimetypes

from django.conf import settings
from django.core import signing
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from .models import H5PContent

SALT = "conecta.h5p.assets"


def asset_token(content: H5PContent) -> str:
    return signing.dumps(content.pk, salt=SALT)


def asset_base_url(content: H5PContent) -> str:
    return f"/h5p/assets/{asset_token(content)}/"


def content_for_token(token) -> H5PContent:
    try:
        content_id = signing.loads(token, salt=SALT, max_age=settings.H5P_ASSET_MAX_AGE)
    except signing.BadSignature:  # also SignatureExpired
        raise Http404 from None
    content = H5PContent.objects.prefetch_related("libraries").filter(pk=content_id).first()
    if content is None:
        raise Http404
    return content


def _storage_name(content: H5PContent, path: str) -> str:
    parts = path.split("/")
    if not path or "\\" in path or any(part in ("", ".", "..") or part.startswith(".") for part in parts):
        raise Http404
    if parts[0] == "libraries":
        folders = {str(library): library for library in content.libraries.all()}
        library = folders.get(parts[1]) if len(parts) > 2 else None
        if library is None:
            raise Http404
        return library.storage_path + "/".join(parts[2:])
    if parts[0] != "content" and path != "h5p.json":
        raise Http404
    return content.storage_path + path


@require_GET
def asset(request, token, path):
    content = content_for_token(token)
    name = _storage_name(content, path)
    if not default_storage.exists(name):
        raise Http404
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(name), content_type=content_type)
    response["Access-Control-Allow-Origin"] = "*"
    response["Cross-Origin-Resource-Policy"] = "cross-origin"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    # Opened on its own, a package file can run nothing and reach nothing.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response

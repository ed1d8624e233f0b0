from pathlib import Path

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.utils.urlpatterns import decorate_urlpatterns

from accounts import admin_urls as scoped_admin_urls
from accounts.views import AdminSignOutView
from courses import admin_urls as course_admin_urls
from courses import serving as page_serving
from courses.admin_access import closed_content_not_found
from h5p.assets import asset, library_file
from h5p.player import play

from . import privacy_views, views
from .offline import views as offline_views

privacy_urls = (
    [
        path("my-data.json", privacy_views.my_data, name="my_data"),
        path("my-data.html", privacy_views.my_data_page, name="my_data_page"),
        path("delete/", privacy_views.delete_account, name="delete"),
    ],
    "privacy",
)

# Wagtail's admin views (its hooks' too), in place: one that names a page or a document a
# course keeps for other organisations is "not found" for their staff (courses/admin_access.py).
decorate_urlpatterns(wagtailadmin_urls.urlpatterns, closed_content_not_found)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("quick-exit/", views.quick_exit, name="quick_exit"),
    path("reading.js", offline_views.worker, name="reading_worker"),
    # Organisation-scoped versions of some of Wagtail's own admin URLs, at the same
    # addresses: they must come first (accounts/admin_urls.py).
    path("admin/logout/", AdminSignOutView.as_view(), name="admin_logout"),  # and the CSRF cookie
    path("admin/", include(scoped_admin_urls)),
    path("admin/", include(course_admin_urls)),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Signed, cookie-less files for the sandboxed H5P player (no language prefix).
    path("h5p/assets/lib/<str:folder>/<str:digest>/<path:path>", library_file, name="h5p_library_file"),
    path("h5p/assets/<str:token>/<path:path>", asset, name="h5p_asset"),
    path("h5p/play/<str:token>/", play, name="h5p_play"),
]


def debug_media_urls():
    """For `runserver` only: what the production proxy serves from /media/ (docs/deploy.md),
    image renditions and nothing else. Documents and H5P files go through their own views,
    which check who may see them; any other /media/ path is a 404, as in production."""
    from django.views.static import serve

    def image(request, path):
        return serve(request, path, document_root=Path(settings.MEDIA_ROOT) / "images")

    return [re_path(r"^media/images/(?P<path>.+)$", image)]


if settings.DEBUG:
    urlpatterns += debug_media_urls()

# Everything a visitor reads lives under /uk/ or /ru/. A bare "/" is redirected by
# LocaleMiddleware according to the browser's Accept-Language (ru -> /ru/, else /uk/).
urlpatterns += i18n_patterns(
    path("accounts/", include("accounts.urls")),
    path("accounts/", include(privacy_urls)),
    path("learning/", include("courses.urls")),
    path("tests/", include("quizzes.urls")),
    path("activities/", include("h5p.urls")),
    path("certificates/", include("certificates.urls")),
    # Wagtail's page view, with routes and anonymous pages from the cache (courses/serving.py).
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", page_serving.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

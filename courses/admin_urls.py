"""Wagtail admin URLs served by views that leave out what courses limited to other
organisations keep (courses/admin_access.py): at Wagtail's addresses, so elearn/urls.py
includes them ahead of Wagtail's admin, decorated as Wagtail decorates its own."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_access import OpenDocumentsIndexView, OpenTranslationsReport

urlpatterns = [
    path("documents/", OpenDocumentsIndexView.as_view()),
    path("documents/results/", OpenDocumentsIndexView.as_view(results_only=True)),
    path("localize/reports/translations/", OpenTranslationsReport.as_view()),
    path("localize/reports/translations/results/", OpenTranslationsReport.as_view(results_only=True)),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)

"""Wagtail admin URLs served by views of ours: views that leave out what courses limited to
other organisations keep (courses/admin_access.py), and wagtail-localize's "Sync translated
pages", which publishes only complete translations here (translation_publish.py). At
Wagtail's addresses, so elearn/urls.py includes them ahead of Wagtail's admin, decorated as
Wagtail decorates its own."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_access import (
    OpenDocumentsIndexView,
    OpenDocumentUsageView,
    OpenImageUsageView,
    OpenPageTypesUsageReport,
    OpenPageUsageView,
    OpenTranslationsReport,
    closed_content_not_found,
)
from .translation_publish import SyncPublishesOnlyCompleteTranslations

urlpatterns = [
    path("documents/", OpenDocumentsIndexView.as_view()),
    path("documents/results/", OpenDocumentsIndexView.as_view(results_only=True)),
    # Usage screens: the document's or the page's own guard as at Wagtail's address.
    path(
        "documents/usage/<int:document_id>/",
        closed_content_not_found(OpenDocumentUsageView.as_view(), "wagtaildocs:document_usage"),
    ),
    path("images/usage/<int:image_id>/", OpenImageUsageView.as_view()),
    path(
        "pages/<int:page_id>/usage/",
        closed_content_not_found(OpenPageUsageView.as_view(), "wagtailadmin_pages:usage"),
    ),
    path("reports/page-types-usage/", OpenPageTypesUsageReport.as_view()),
    path("reports/page-types-usage/results/", OpenPageTypesUsageReport.as_view(results_only=True)),
    path("localize/reports/translations/", OpenTranslationsReport.as_view()),
    path("localize/reports/translations/results/", OpenTranslationsReport.as_view(results_only=True)),
    # "Sync translated pages" publishes only complete translations (translation_publish.py).
    path(
        "localize/update/<int:translation_source_id>/",
        closed_content_not_found(
            SyncPublishesOnlyCompleteTranslations.as_view(), "wagtail_localize:update_translations"
        ),
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)

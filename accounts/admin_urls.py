"""Wagtail admin URLs served by organisation-scoped views instead of Wagtail's.

Wagtail's core admin URLs (its reports) come before any URL a hook adds, so no hook can
replace them: elearn/urls.py includes these patterns ahead of Wagtail's admin, at the same
addresses, decorated as Wagtail decorates its own (admin access required, the admin's 404
page, never cached). Wagtail keeps its URL names; reversing them gives these addresses.

Checked by tests/accounts/test_admin_boundaries.py, which fails when Wagtail adds a report
that is not listed here or in NAMING_NO_ONE."""

from django.urls import path
from django.views.decorators.cache import never_cache
from wagtail.admin.auth import require_admin_access
from wagtail.admin.urls import display_custom_404
from wagtail.utils.urlpatterns import decorate_urlpatterns

from .admin_history_views import (
    ScopedAgingPagesView,
    ScopedLockedPagesView,
    ScopedSiteHistoryView,
    ScopedWorkflowTasksView,
    ScopedWorkflowView,
)
from .admin_scoping import ScopedSnippetsAPI

REPORTS = {
    "reports/locked/": ScopedLockedPagesView,
    "reports/workflow/": ScopedWorkflowView,
    "reports/workflow_tasks/": ScopedWorkflowTasksView,
    "reports/site-history/": ScopedSiteHistoryView,
    "reports/aging-pages/": ScopedAgingPagesView,
}
# Wagtail's reports that name no person and no organisation's object: not scoped here (the
# page types report leaves out pages of courses kept for other organisations: courses/admin_urls.py).
NAMING_NO_ONE = {"reports/page-types-usage/"}

urlpatterns = [
    url
    for prefix, view_class in REPORTS.items()
    for url in (
        path(prefix, view_class.as_view()),
        path(f"{prefix}results/", view_class.as_view(results_only=True)),
    )
] + [
    path(
        "localize/api/snippets/<slug:app_label>/<slug:model_name>/",
        ScopedSnippetsAPI.as_view({"get": "list"}),
    ),
    path(
        "localize/api/snippets/<slug:app_label>/<slug:model_name>/<str:pk>/",
        ScopedSnippetsAPI.as_view({"get": "retrieve"}),
    ),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, display_custom_404)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)

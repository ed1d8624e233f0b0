"""The few places where Wagtail and wagtail-localize show English that no catalog can
translate: a label written into the code, or data Wagtail creates itself.

- The page tree's root page is created by Wagtail's first migration with the title "Root",
  which every page's breadcrumbs show first. It is renamed after migrating to the site's
  name (a product name, the same in every language).
- The translations report's language filters take their labels from field names
  ("Source locale", "Target locale"): given translated labels here."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail_localize.views.report import TranslationsReportFilterSet

ROOT_TITLE = "Root"  # what Wagtail's migration names it


def rename_root_page(**kwargs):
    """post_migrate: the root page is called by the site's name, not "Root"."""
    Page.objects.filter(depth=1, title=ROOT_TITLE).update(
        title=settings.WAGTAIL_SITE_NAME, draft_title=settings.WAGTAIL_SITE_NAME
    )


def label_report_filters():
    filters = TranslationsReportFilterSet.base_filters
    filters["source_locale"].label = _("Source language")
    filters["target_locale"].label = _("Target language")

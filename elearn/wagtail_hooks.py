"""Wagtail's own admin screens, held to organisation boundaries: the wiring that hooks can
do (the views are in accounts/admin_history_views.py and accounts/user_admin_guard.py; Wagtail's
reports are replaced by URL in accounts/admin_urls.py)."""

import calendar

from django.templatetags.static import static
from django.urls import include, path, reverse
from django.utils.dates import MONTHS_ALT
from django.utils.html import format_html, json_script
from django.utils.translation import gettext, gettext_lazy
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from accounts.admin_history_views import ScopedPageViewSet, ScopedWorkflowObjectsToModeratePanel
from accounts.user_admin_guard import USER_BULK_ACTIONS

from . import guides


# After Wagtail's own page viewset (order 0), so that this one serves every page type.
@hooks.register("register_admin_viewset", order=1)
def register_scoped_page_viewset():
    return ScopedPageViewSet()


@hooks.register("construct_homepage_panels")
def scope_reviews_awaiting(request, panels):
    panels[:] = [
        ScopedWorkflowObjectsToModeratePanel() if type(panel) is WorkflowObjectsToModeratePanel else panel
        for panel in panels
    ]


# After Wagtail's own user bulk actions (order 0), so that these (admins only) replace them.
for action in USER_BULK_ACTIONS:
    hooks.register("register_bulk_action", action, order=1)


@hooks.register("insert_global_admin_js")
def translation_editor_words():
    """What elearn/static/js/admin-language.js puts in place of the translation editor's
    English, in the admin's language (month names as dates say them: "1 грудня 2026")."""
    words = {
        "moreActions": gettext("More actions"),
        "heading": gettext("Translation from %(source)s into %(target)s"),
        "months": {
            english: str(MONTHS_ALT[number]) for number, english in enumerate(calendar.month_name) if number
        },
    }
    return json_script(words, "admin-language-words") + format_html(
        '<script src="{}" defer></script>', static("js/admin-language.js")
    )


guide_urls = (
    [path("", guides.guides_index, name="index"), path("<slug:guide>/", guides.guide, name="guide")],
    "elearn_guides",
)


@hooks.register("register_admin_urls")
def register_guide_urls():
    return [path("guides/", include(guide_urls))]


@hooks.register("register_help_menu_item")
def register_guides_menu_item():
    return MenuItem(gettext_lazy("Guides"), reverse("elearn_guides:index"), icon_name="help", order=900)


@hooks.register("construct_help_menu")
def no_help_from_another_host(request, menu_items):
    """Wagtail's "Editor Guide" and "What's new" lead to guide.wagtail.org, in English: the
    help menu keeps our guides (elearn/guides.py) and the keyboard shortcuts."""
    menu_items[:] = [item for item in menu_items if not item.url.startswith(("http://", "https://"))]

"""Wagtail's own admin screens, held to organisation boundaries: the wiring that hooks can
do (the views are in accounts/admin_history_views.py and accounts/user_admin_guard.py; Wagtail's
reports are replaced by URL in accounts/admin_urls.py)."""

from wagtail import hooks
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel

from accounts.admin_history_views import ScopedPageViewSet, ScopedWorkflowObjectsToModeratePanel
from accounts.user_admin_guard import USER_BULK_ACTIONS


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

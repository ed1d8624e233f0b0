"""Wagtail's user admin (admin → Settings → Users) is for admins only.

It lists and edits the people of every organisation, and who holds which role, so only
those who see every organisation may open it, whatever permissions someone else is given:
each of its views and bulk actions refuses anyone else (the admin's "no permission", back
on the dashboard). Staff see their own organisation's trainees in admin → Trainees."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction

from .access import sees_every_organisation
from .admin_users import UserViewSet


def _admins_only(view):
    @wraps(view)
    def guarded(request, *args, **kwargs):
        if not sees_every_organisation(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


class AdminsOnlyUserViewSet(UserViewSet):
    """The project's user admin (accounts/admin_users.py), every view admins only."""

    def construct_view(self, view_class, **kwargs):
        return _admins_only(super().construct_view(view_class, **kwargs))


class _AdminsOnlyBulkAction:
    def dispatch(self, request, *args, **kwargs):
        if not sees_every_organisation(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# Registered after Wagtail's own (elearn/wagtail_hooks.py), so that these replace them.
USER_BULK_ACTIONS = [
    type(f"AdminsOnly{action.__name__}", (_AdminsOnlyBulkAction, action), {})
    for action in (AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction)
]

"""Wagtail's user admin (admin → Settings → Users) is for admins only.

It lists and edits the people of every organisation, and who holds which role, so only
those who see every organisation may open it, whatever permissions someone else is given:
each of its views and bulk actions refuses anyone else (the admin's "no permission", back
on the dashboard). Staff see their own organisation's trainees in admin → Trainees. The
bulk actions, like the list, leave out erased placeholders (accounts/admin_users.py)."""

from functools import wraps

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_list_or_404
from wagtail.users.views.bulk_actions.assign_role import AssignRoleBulkAction
from wagtail.users.views.bulk_actions.delete import DeleteBulkAction
from wagtail.users.views.bulk_actions.set_active_state import SetActiveStateBulkAction
from wagtail.users.views.users import UserFilterSet

from .access import sees_every_organisation
from .admin_users import UserViewSet, users_listed


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
    """Admins only, and only on the users the list shows."""

    def dispatch(self, request, *args, **kwargs):
        if not sees_every_organisation(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @classmethod
    def get_queryset(cls, model, object_ids):
        # Never an erased placeholder: switched back on, given a role or deleted (with the
        # records it keeps for the aggregates), whatever ids the URL names.
        return get_list_or_404(users_listed(model.objects.all()), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        # "Select all": the users the list showed, searched and filtered as it was (Wagtail's
        # own query ignores the filters, and the search too for a model without a username
        # field, so would take everyone).
        users = users_listed(self.model.objects.all(), self.request.GET.get("q", "").strip())
        users = UserFilterSet(self.request.GET, queryset=users, request=self.request).qs
        return users.values_list("pk", flat=True)


# Registered after Wagtail's own (elearn/wagtail_hooks.py), so that these replace them.
USER_BULK_ACTIONS = [
    type(f"AdminsOnly{action.__name__}", (_AdminsOnlyBulkAction, action), {})
    for action in (AssignRoleBulkAction, DeleteBulkAction, SetActiveStateBulkAction)
]

"""Wagtail snippet viewsets for organisation-scoped models, held to accounts.access.

Wagtail generates many views per snippet (list, edit, delete, copy, history, usage,
chooser, and more with each release), each fetching its object its own way. Rather than
patch each one, every URL the viewset (and its chooser) generates is classified below by
how it is held to the user's organisation: a list shows only the user's rows, an object
outside the user's organisation is a 404, the add form offers only the user's
organisation. A URL not classified (one a new Wagtail release adds, or a feature switched
on for the model) is refused until someone classifies it. The history also hides what
people of another organisation did (accounts/admin_history.py). The bulk delete
(/admin/bulk/..., outside the viewset's URLs) and wagtail-localize's snippet API
(/admin/localize/api/snippets/..., which checks no permission of its own) are scoped the
same way."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.utils.functional import classproperty
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.models import get_snippet_models
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
    SnippetChosenMultipleView,
)
from wagtail.snippets.views.snippets import CopyView, SnippetViewSet, UsageView
from wagtail_localize.views.snippets_api import SnippetViewSet as LocalizeSnippetsAPI

from common.admin_usage import OpenUsageMixin

from .access import scope_to_organisation
from .admin_history import organisation_field
from .admin_history_views import ScopedSnippetHistoryView

# How each generated URL is held to the user's organisation.
LIST = "its rows come from the scoped queryset"
OBJECT = "the object in its URL must be one of the user's (404 otherwise)"
FORM = "its form offers only the user's organisation"

SNIPPET_URLS = {
    "list": LIST,
    "list_results": LIST,
    "add": FORM,
    "edit": OBJECT,
    "copy": OBJECT,
    "delete": OBJECT,
    "usage": OBJECT,
    "history": OBJECT,  # and its entries are those the user may see
    "history_results": OBJECT,
    "inspect": OBJECT,
}
# The chooser's "create" is not here: its form would not be scoped (and is not offered).
CHOOSER_URLS = {"choose": LIST, "choose_results": LIST, "chosen": OBJECT, "chosen_multiple": LIST}


def _refusing(view):
    @wraps(view)
    def refused(request, *args, **kwargs):
        raise PermissionDenied  # the admin's "no permission", back on the dashboard

    return refused


def _classified(urlpatterns, classification):
    """`urlpatterns` with every URL the classification does not name refused."""
    for pattern in urlpatterns:
        if pattern.name not in classification:
            pattern.callback = _refusing(pattern.callback)
    return urlpatterns


def _scoped(user, queryset):
    return scope_to_organisation(user, queryset, field=organisation_field(queryset.model))


def _guard_object_views(view, scoped_queryset):
    """`view`, answering 404 when its URL names an object the user may not see."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not scoped_queryset(request).filter(pk=unquote(str(pk))).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _viewset_scoped(request, model, queryset):
    """`queryset` held to the snippet viewset's own scope (ScopedSnippetViewSet)."""
    return queryset.filter(pk__in=model.snippet_viewset.scoped_queryset(request).values("pk"))


class _ScopedChooserList:
    def get_object_list(self):
        return _viewset_scoped(self.request, self.model, super().get_object_list())


class _ScopedChooseView(_ScopedChooserList, ChooseView):
    pass


class _ScopedChooseResultsView(_ScopedChooserList, ChooseResultsView):
    pass


class _ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        # `?id=` comes straight from the URL: a non-number (or one too big for the database)
        # made the lookup fail with a 500, whose DEBUG page listed every organisation's rows.
        pks = [pk for pk in pks if pk.isascii() and pk.isdigit() and len(pk) <= 18]
        return _viewset_scoped(self.request, self.model, super().get_objects(pks))


class _ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = _ScopedChooseView
    choose_results_view_class = _ScopedChooseResultsView
    chosen_multiple_view_class = _ScopedChosenMultipleView

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        return _guard_object_views(view, self.model.snippet_viewset.scoped_queryset)

    def get_urlpatterns(self):
        return _classified(super().get_urlpatterns(), self.model.snippet_viewset.chooser_urls)


class _OpenUsageView(OpenUsageMixin, UsageView):
    pass


class CopyFormOnlyView(CopyView):
    """The copy screen only shows the add form prefilled from an object, and that form posts
    to the add view. Wagtail's copy view would also take a POST and save it over the copied
    object itself (its form's instance), with no more than view permission on it."""

    http_method_names = ["get", "head", "options"]


class ScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view (and chooser, and wagtail-localize's snippet API)
    sees only the rows `scoped_queryset` gives the user: an object outside them is a 404.
    Its usage screen leaves out the pages closed to the user (common/admin_usage.py)."""

    chooser_viewset_class = _ScopedChooserViewSet
    chooser_urls = CHOOSER_URLS
    history_view_class = ScopedSnippetHistoryView
    usage_view_class = _OpenUsageView
    copy_view_class = CopyFormOnlyView

    def scoped_queryset(self, request):
        raise NotImplementedError

    def get_queryset(self, request):  # the list view's rows
        return self.scoped_queryset(request)

    def construct_view(self, view_class, **kwargs):
        return _guard_object_views(super().construct_view(view_class, **kwargs), self.scoped_queryset)

    def get_urlpatterns(self):
        return _classified(super().get_urlpatterns(), SNIPPET_URLS)


class OrganisationScopedSnippetViewSet(ScopedSnippetViewSet):
    """A snippet viewset whose every view sees only the rows of the user's organisation
    (admins: all), through the model's `organisation` foreign key (or, for organisations
    themselves, their own key)."""

    def scoped_queryset(self, request):
        return _scoped(request.user, self.model._default_manager.all())


class ScopedDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete for the organisation-scoped snippets: it finds only the user's
    rows, so another organisation's group can be neither listed nor deleted."""

    @classproperty
    def models(cls):
        return [
            model
            for model in get_snippet_models()
            if isinstance(model.snippet_viewset, OrganisationScopedSnippetViewSet)
        ]

    def _rows(self):
        return self.model.snippet_viewset.scoped_queryset(self.request)

    def get_queryset(self, model, object_ids):  # the base class's classmethod knows no user
        return get_list_or_404(self._rows(), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return self._rows().values_list("pk", flat=True)


class ScopedSnippetsAPI(LocalizeSnippetsAPI):
    """wagtail-localize's list of a snippet model's objects, for its translation editor.
    It checks no permission of its own; here it lists only snippets the user may work with,
    and organisation data only of the user's organisation."""

    def get_queryset(self):
        model = self.get_model()
        objects = model._default_manager.all()
        policy = model.snippet_viewset.permission_policy
        if not policy.user_has_any_permission(self.request.user, ["add", "change", "delete", "view"]):
            return objects.none()
        if isinstance(model.snippet_viewset, ScopedSnippetViewSet):
            return _viewset_scoped(self.request, model, objects)
        return _scoped(self.request.user, objects) if organisation_field(model) else objects

"""Wagtail snippet viewsets for organisation-scoped models, held to accounts.access.

Wagtail generates many views per snippet (list, edit, delete, copy, history, usage,
chooser, and more with each release), each fetching its object its own way. Rather than
patch each one, every view the viewset (and its chooser) constructs is wrapped: an object
outside the user's organisation is a 404, and the lists show only the user's rows. The
bulk delete (/admin/bulk/..., outside the viewset's URLs) is scoped the same way."""

from functools import wraps

from django.contrib.admin.utils import unquote
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
from wagtail.snippets.views.snippets import SnippetViewSet

from .access import scope_to_organisation


def _guard_object_views(view, scoped_queryset):
    """`view`, answering 404 when its URL names an object the user may not see."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and not scoped_queryset(request).filter(pk=unquote(str(pk))).exists():
            raise Http404
        return view(request, *args, **kwargs)

    return guarded


class _ScopedChooserList:
    def get_object_list(self):
        return scope_to_organisation(self.request.user, super().get_object_list())


class _ScopedChooseView(_ScopedChooserList, ChooseView):
    pass


class _ScopedChooseResultsView(_ScopedChooserList, ChooseResultsView):
    pass


class _ScopedChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return scope_to_organisation(self.request.user, super().get_objects(pks))


class _ScopedChooserViewSet(SnippetChooserViewSet):
    choose_view_class = _ScopedChooseView
    choose_results_view_class = _ScopedChooseResultsView
    chosen_multiple_view_class = _ScopedChosenMultipleView

    def construct_view(self, view_class, **kwargs):
        view = super().construct_view(view_class, **kwargs)
        model = self.model

        def scoped_queryset(request):
            return scope_to_organisation(request.user, model._default_manager.all())

        return _guard_object_views(view, scoped_queryset)


class OrganisationScopedSnippetViewSet(SnippetViewSet):
    """A snippet viewset whose every view sees only the rows of the user's organisation
    (admins: all), through the model's `organisation` foreign key."""

    chooser_viewset_class = _ScopedChooserViewSet

    def scoped_queryset(self, request):
        return scope_to_organisation(request.user, self.model._default_manager.all())

    def get_queryset(self, request):  # the list view's rows
        return self.scoped_queryset(request)

    def construct_view(self, view_class, **kwargs):
        return _guard_object_views(super().construct_view(view_class, **kwargs), self.scoped_queryset)


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

    def _scoped(self):
        return self.model.snippet_viewset.scoped_queryset(self.request)

    def get_queryset(self, model, object_ids):  # the base class's classmethod knows no user
        return get_list_or_404(self._scoped(), pk__in=object_ids)

    def get_all_objects_in_listing_query(self, parent_id):
        return self._scoped().values_list("pk", flat=True)

"""Wagtail's own admin screens that show who did what, held to the viewer's organisation
by the rules in accounts/admin_history.py.

- Site history, and Wagtail's reports: Locked pages, Workflows, Workflow tasks, Aging
  pages. Their URLs are Wagtail's core admin URLs, which no hook can replace, so
  accounts/admin_urls.py serves these views at the same addresses, ahead of Wagtail's
  (elearn/urls.py). Page types usage names no one and is left as it is.
- Page history and workflow history, and the "Owner" and "Edited by" filters of the page
  listings: a page viewset for every page type (elearn/wagtail_hooks.py).
- Snippet history: `history_view_class` of each snippet viewset.
- The dashboard's "Awaiting your review" panel (elearn/wagtail_hooks.py).

Their filters offer only the people the viewer may see, and their exports hold what the
screen holds."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from wagtail.admin.views.home import WorkflowObjectsToModeratePanel
from wagtail.admin.views.pages.history import (
    PageHistoryView,
    WorkflowHistoryDetailView,
    WorkflowHistoryView,
)
from wagtail.admin.views.pages.listing import GenericPageFilterSet
from wagtail.admin.views.reports.aging_pages import AgingPagesView
from wagtail.admin.views.reports.audit_logging import LogEntriesView, SiteHistoryReportFilterSet
from wagtail.admin.views.reports.locked_pages import LockedPagesReportFilterSet, LockedPagesView
from wagtail.admin.views.reports.workflows import (
    WorkflowReportFilterSet,
    WorkflowTasksView,
    WorkflowView,
)
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, TaskState, WorkflowState
from wagtail.snippets.views.snippets import HistoryView as SnippetHistoryView

from .access import sees_every_organisation
from .admin_history import (
    locked_pages_visible_to,
    log_entries_visible_to,
    people_hidden_from,
    people_visible_to,
    task_states_visible_to,
    workflow_states_visible_to,
)
from .shown_names import ANOTHER_ORGANISATION


def _offer_only_visible_people(filterset, name):
    """Limit the choices of the filter `name` (a choice of users) to those the viewer may see."""
    user_filter = filterset.filters.get(name)
    if user_filter is None:
        return
    everyone = user_filter.queryset

    def visible(request):
        people = everyone(request) if callable(everyone) else everyone
        return people_visible_to(request.user, people)

    user_filter.queryset = visible


# Object history: pages and snippets.


class ScopedLogEntriesMixin:
    """A history view whose entries (and "User" filter, built from them) are those the
    viewer may see."""

    def get_base_queryset(self):
        return log_entries_visible_to(self.request.user, super().get_base_queryset())


class ScopedSnippetHistoryView(ScopedLogEntriesMixin, SnippetHistoryView):
    pass


class ScopedPageHistoryView(ScopedLogEntriesMixin, PageHistoryView):
    pass


class ScopedPageWorkflowHistoryView(WorkflowHistoryView):
    def get_base_queryset(self):
        return workflow_states_visible_to(self.request.user, super().get_base_queryset())


class ScopedPageWorkflowHistoryDetailView(WorkflowHistoryDetailView):
    @cached_property
    def workflow_state(self):
        states = workflow_states_visible_to(
            self.request.user, WorkflowState.objects.for_instance(self.object)
        )
        return get_object_or_404(
            states.filter(id=self.kwargs[self.workflow_state_url_kwarg]).select_related(
                "requested_by", "requested_by__wagtail_userprofile"
            )
        )


class ScopedPageFilterSet(GenericPageFilterSet):
    """The page listings' filters, offering as "Owner" and "Edited by" only the people the
    viewer may see (Wagtail offers everyone who ever owned or edited a page)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_only_visible_people(self, "owner")
        _offer_only_visible_people(self, "edited_by")


class ScopedPageViewSet(PageViewSet):
    """Wagtail's views for every page type, with the history screens and the listings'
    filters of people scoped."""

    model = Page
    name = "scoped_pages"
    filterset_class = ScopedPageFilterSet
    history_view_class = ScopedPageHistoryView
    workflow_history_view_class = ScopedPageWorkflowHistoryView
    workflow_history_detail_view_class = ScopedPageWorkflowHistoryDetailView


# Site history.


def _visible_entries(user):
    for log_model in log_registry.get_log_entry_models():
        yield log_entries_visible_to(user, log_model.objects.viewable_by_user(user))


class ScopedSiteHistoryFilterSet(SiteHistoryReportFilterSet):
    """Actions, users and types offered are those of the entries the viewer may see (Wagtail
    offers every user who ever edited a page)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        object_type = self.filters.get("object_type")
        if object_type is not None:
            object_type.queryset = self._content_types

    @staticmethod
    def _content_types(request):
        ids = set().union(*(entries.get_content_type_ids() for entries in _visible_entries(request.user)))
        return ContentType.objects.filter(pk__in=ids).order_by("model")

    def get_action_choices(self):
        actions = set().union(*(entries.get_actions() for entries in _visible_entries(self.request.user)))
        return [choice for choice in log_registry.get_choices() if choice[0] in actions]

    def get_users_queryset(self):
        ids = set().union(*(entries.get_user_ids() for entries in _visible_entries(self.request.user)))
        User = get_user_model()
        return User.objects.filter(pk__in=ids).order_by(User.USERNAME_FIELD)


class ScopedSiteHistoryView(LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):  # once for each log model's entries
        return super().filter_queryset(log_entries_visible_to(self.request.user, queryset))


# Wagtail's other reports.


class ScopedLockedPagesFilterSet(LockedPagesReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_only_visible_people(self, "locked_by")


class ScopedLockedPagesView(LockedPagesView):
    """Locks taken by people of another organisation are not listed."""

    filterset_class = ScopedLockedPagesFilterSet

    def filter_queryset(self, queryset):
        return super().filter_queryset(locked_pages_visible_to(self.request.user, queryset))


class ScopedWorkflowFilterSet(WorkflowReportFilterSet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _offer_only_visible_people(self, "requested_by")


class ScopedWorkflowView(WorkflowView):
    """Reviews asked for by people of another organisation are not listed."""

    filterset_class = ScopedWorkflowFilterSet

    def filter_queryset(self, queryset):
        return super().filter_queryset(workflow_states_visible_to(self.request.user, queryset))


class ScopedWorkflowTasksView(WorkflowTasksView):
    def filter_queryset(self, queryset):
        return super().filter_queryset(task_states_visible_to(self.request.user, queryset))


class ScopedAgingPagesView(AgingPagesView):
    """Every page the viewer may publish stays listed (they are shared content); who last
    published it is shown as "staff of another organisation" when that person belongs to
    another organisation (Wagtail shows the nickname here, not the user's full name)."""

    def decorate_paginated_queryset(self, queryset):
        pages = super().decorate_paginated_queryset(queryset)
        publishers = {
            self.user_id_to_python(page.last_published_by) for page in pages if page.last_published_by
        }
        hidden = people_hidden_from(self.request.user, publishers)
        for page in pages:
            if page.last_published_by and self.user_id_to_python(page.last_published_by) in hidden:
                page.last_published_by_user = str(ANOTHER_ORGANISATION)
        return pages


# The dashboard.


class ScopedWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """ "Awaiting your review", without the reviews of another organisation's people."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        if not sees_every_organisation(user) and context["states"]:
            shown = set(
                task_states_visible_to(
                    user,
                    TaskState.objects.filter(pk__in=[item["task_state"].pk for item in context["states"]]),
                ).values_list("pk", flat=True)
            )
            context["states"] = [item for item in context["states"] if item["task_state"].pk in shown]
        return context

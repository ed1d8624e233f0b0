"""Who did what in the admin, as far as the viewer may see it (docs/access.md).

Wagtail's audit log (site history, page and snippet history), its workflow records and
page locks name the person who acted and the object they acted on. Staff see only what
concerns their own organisation: an entry is hidden when the person who acted belongs to
another organisation, or when its object is organisation data (a model with an
`organisation`, or an organisation itself) that is not theirs, or is gone and can no
longer be placed. Admins see everything. Pages are the shared course content: their
entries are hidden only for who acted.

Rules only: the Wagtail views that apply them are in accounts/admin_history_views.py."""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Q, QuerySet
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry

from .access import scope_to_organisation, sees_every_organisation
from .models import Organisation


def organisation_field(model) -> str | None:
    """The field through which rows of `model` belong to an organisation (as
    scope_to_organisation takes it), or None when they are not organisation data."""
    if issubclass(model, Organisation):
        return "pk"
    try:
        field = model._meta.get_field("organisation")
    except FieldDoesNotExist:
        return None
    belongs = field.many_to_one or field.one_to_one  # one row per organisation is theirs too
    return "organisation" if belongs and field.related_model is Organisation else None


def organisation_models() -> list:
    """Every model whose rows belong to one organisation: groups, users, certificates..."""
    return [model for model in apps.get_models() if organisation_field(model)]


def scoped_objects(viewer, model) -> QuerySet:
    return scope_to_organisation(viewer, model._default_manager.all(), field=organisation_field(model))


def people_within(viewer, field: str) -> Q:
    """Rows whose person in `field` (who acted, asked for review, locked) is nobody (the
    system), someone of no organisation (an admin) or someone of the viewer's own."""
    within = Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__organisation__isnull": True})
    if viewer.organisation_id is not None:
        within |= Q(**{f"{field}__organisation": viewer.organisation_id})
    return within


def people_visible_to(viewer, people: QuerySet) -> QuerySet:
    """`people` (users, e.g. a filter's choices) without those of other organisations."""
    if sees_every_organisation(viewer):
        return people
    return people.filter(Q(organisation__isnull=True) | Q(organisation=viewer.organisation_id))


def people_hidden_from(viewer, user_ids) -> set:
    """Which of `user_ids` belong to another organisation than the viewer's."""
    if sees_every_organisation(viewer):
        return set()
    users = apps.get_model("accounts", "User").objects.filter(pk__in=[pk for pk in user_ids if pk])
    others = users.exclude(Q(organisation__isnull=True) | Q(organisation=viewer.organisation_id))
    return set(others.values_list("pk", flat=True))


def _own_objects(viewer) -> Q:
    """Log entries about objects that are not organisation data, or are the viewer's."""
    organisation_types, own = [], Q()
    for model in organisation_models():
        content_type = ContentType.objects.get_for_model(model, for_concrete_model=False)
        organisation_types.append(content_type.pk)
        # object_id is text: compare it with the primary keys as text.
        keys = scoped_objects(viewer, model).annotate(key=Cast("pk", CharField())).values("key")
        own |= Q(content_type=content_type, object_id__in=keys)
    return ~Q(content_type_id__in=organisation_types) | own


def log_entries_visible_to(viewer, entries: QuerySet) -> QuerySet:
    """Log entries (of any log model, values() querysets too) the viewer may see."""
    if sees_every_organisation(viewer):
        return entries
    visible = people_within(viewer, "user")
    if issubclass(entries.model, ModelLogEntry):
        visible &= _own_objects(viewer)
    return entries.filter(visible)


def workflow_states_visible_to(viewer, states: QuerySet) -> QuerySet:
    """Workflow runs (whose request names the person who asked for review)."""
    if sees_every_organisation(viewer):
        return states
    return states.filter(people_within(viewer, "requested_by"))


def task_states_visible_to(viewer, task_states: QuerySet) -> QuerySet:
    """Review tasks: who asked, who submitted the revision and who finished the task."""
    if sees_every_organisation(viewer):
        return task_states
    return task_states.filter(
        people_within(viewer, "workflow_state__requested_by")
        & people_within(viewer, "revision__user")
        & people_within(viewer, "finished_by")
    )


def locked_pages_visible_to(viewer, pages: QuerySet) -> QuerySet:
    if sees_every_organisation(viewer):
        return pages
    return pages.filter(people_within(viewer, "locked_by"))

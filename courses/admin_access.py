"""The admin, held to the courses' limits (courses/access.py; docs/access.md, "Courses for
some organisations"): staff of an organisation a course is not for do not find it, its
modules, or the documents only they use, in the admin either.

Wagtail has a hook for some page actions (edit, delete, move...) but not for others
(view draft, preview, revisions, history, workflow actions, wagtail-localize's screens),
and none for a document's edit, delete and usage screens. So every admin URL that names a
page, a translation of one or a document is checked before its view runs
(`closed_content_not_found`, applied to Wagtail's admin URLs in elearn/urls.py), and the
listings that no URL names leave them out: the page explorer and chooser (hooks in
courses/wagtail_hooks.py), the documents list and the translations report
(admin_urls.py), the document chooser, the bulk actions, and every list Wagtail builds
from its page permissions (OpenPagesPermissionPolicy: the page search and a type's list
of pages, the admin API, reports, site history). The usage screens of documents, images,
snippets and pages, and the page types report, leave out the closed pages that use them
(admin_urls.py, common/admin_usage.py). Admins see everything."""

from functools import wraps

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, OuterRef, Q, Subquery
from django.http import Http404
from django.views.defaults import page_not_found
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages import bulk_actions as page_bulk_actions
from wagtail.admin.views.pages.usage import UsageView as PageUsageView
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView
from wagtail.documents import get_document_model
from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.documents.views import bulk_actions as document_bulk_actions
from wagtail.documents.views.documents import IndexView as DocumentsIndexView
from wagtail.documents.views.documents import UsageView as DocumentUsageView
from wagtail.images.views.images import UsageView as ImageUsageView
from wagtail.models import Page, ReferenceIndex
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views.report import TranslationsReportView

from accounts.access import sees_every_organisation
from common.admin_usage import OpenUsageMixin

from .access import closed_courses, may_open, modules_open_to
from .media_access import may_download

# Arguments of Wagtail's (and wagtail-localize's) admin URLs that are a page's id: the page
# worked on, the parent a page is added under, where a page is moved to.
PAGE_ARGUMENTS = {"page_id", "parent_page_id", "page_to_move_id", "destination_id", "page_pk"}
# An editing session's ping names its object by model and id (a page's, for pages).
EDITING_SESSION_PING = "wagtailadmin_editing_sessions:ping"
# Views whose `pk` is a page's.
PAGE_PK_VIEWS = {
    "wagtailadmin_pages:revisions_compare",
    "wagtailadmin_api:pages:detail",
    "wagtailadmin_api:pages:action",
}
# Document views and which of their arguments is the document's id.
DOCUMENT_ARGUMENTS = {"wagtaildocs": {"document_id", "doc_id"}}
DOCUMENT_PK_VIEWS = {"wagtaildocs_chooser:chosen", "wagtailadmin_api:documents:detail"}
# A POST field that names a page: where a copy goes.
PAGE_FIELDS = {"wagtailadmin_pages:copy": "new_parent_page"}


def _number(value) -> int | None:
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() else None


def _page_open(user, page_id) -> bool:
    page = Page.objects.filter(pk=page_id).only("path").first()
    return page is None or may_open(user, page)  # a missing page is the view's own 404


def _document_open(user, document_id) -> bool:
    document = get_document_model().objects.filter(pk=document_id).first()
    return document is None or may_download(user, document)


def _translated_page_open(user, source: TranslationSource | None) -> bool:
    """A translation's source page: a course's language versions share its limit."""
    if source is None or not issubclass(source.specific_content_type.model_class(), Page):
        return True
    page = Page.objects.filter(translation_key=source.object_id).only("path").first()
    return page is None or may_open(user, page)


def _bulk_ids(request, model) -> list[int]:
    ids = [_number(value) for value in request.GET.getlist("id")]
    parent = _number(request.GET.get("childOf"))
    if "all" in request.GET.getlist("id") and parent is not None and issubclass(model, Page):
        return [parent]  # every page under it: the hook below checks each (before_bulk_action)
    return [pk for pk in ids if pk is not None]


def is_closed(request, view_name: str, kwargs: dict) -> bool:
    """The admin URL resolved to `view_name` with `kwargs` names a page (or a translation
    of one) or a document that is closed to the signed-in user."""
    user = request.user
    namespace = view_name.rpartition(":")[0]
    pages = [kwargs[name] for name in PAGE_ARGUMENTS & kwargs.keys()]
    documents = [kwargs[name] for name in DOCUMENT_ARGUMENTS.get(namespace, set()) & kwargs.keys()]
    if view_name in PAGE_PK_VIEWS:
        pages.append(kwargs.get("pk"))
    if view_name in DOCUMENT_PK_VIEWS:
        documents.append(kwargs.get("pk"))
    if view_name == EDITING_SESSION_PING and issubclass(_model_named(kwargs) or object, Page):
        pages.append(kwargs.get("object_id"))
    if view_name in PAGE_FIELDS and request.method == "POST":
        pages.append(request.POST.get(PAGE_FIELDS[view_name]))
    if view_name == "wagtail_bulk_action":
        model = _model_named(kwargs)
        if model is not None and issubclass(model, Page):
            pages.extend(_bulk_ids(request, model))
        elif model is get_document_model():
            documents.extend(_bulk_ids(request, model))
    if namespace == "wagtail_localize" and "translation_id" in kwargs:
        translations = Translation.objects.filter(pk=_number(kwargs["translation_id"]))
        if any(not _translated_page_open(user, t.source) for t in translations.select_related("source")):
            return True
    if namespace == "wagtail_localize" and "translation_source_id" in kwargs:
        source = TranslationSource.objects.filter(pk=_number(kwargs["translation_source_id"])).first()
        if not _translated_page_open(user, source):
            return True
    if any(not _page_open(user, pk) for pk in map(_number, pages) if pk is not None):
        return True
    return any(not _document_open(user, pk) for pk in map(_number, documents) if pk is not None)


def _model_named(kwargs):
    """The model an admin URL names by app_label and model_name, if any."""
    natural_key = (kwargs.get("app_label"), kwargs.get("model_name"))
    try:
        return ContentType.objects.get_by_natural_key(*natural_key).model_class()
    except ContentType.DoesNotExist:
        return None


@require_admin_access  # as Wagtail's own views: sign-in first, in the user's admin language
def _not_found(request):
    return page_not_found(request, Http404(), template_name="wagtailadmin/404.html")


def closed_content_not_found(view, view_name: str | None = None):
    """`view` (one of Wagtail's admin views), answering the admin's 404 when its URL names
    content closed to the user. `view_name`: the Wagtail URL name of the view it stands
    in for, when it is served ahead of Wagtail's (admin_urls.py)."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        user = request.user
        match = request.resolver_match
        staff = user.is_authenticated and not sees_every_organisation(user)
        name = view_name or (match and match.view_name)
        if staff and name and is_closed(request, name, kwargs):
            return _not_found(request)
        return view(request, *args, **kwargs)

    return guarded


def closed_document_ids(user) -> set[int]:
    """Documents that only pages closed to `user` use (as media_access.may_download says
    for one): left out of the admin's documents list and chooser."""
    if sees_every_organisation(user) or not closed_courses(user).exists():
        return set()  # the usual case: one query
    references = ReferenceIndex.objects.filter(
        to_content_type=ReferenceIndex._get_base_content_type(get_document_model()),
        base_content_type=ContentType.objects.get_for_model(Page),
    ).values_list("to_object_id", "object_id")
    used_by = {}
    for document_id, page_id in references:
        used_by.setdefault(int(document_id), set()).add(int(page_id))
    pages = Page.objects.filter(pk__in={pk for ids in used_by.values() for pk in ids})
    open_pages = set(modules_open_to(user, pages).values_list("pk", flat=True))
    return {document_id for document_id, ids in used_by.items() if not ids & open_pages}


class OpenDocumentsIndexView(DocumentsIndexView):
    """Wagtail's documents list without the documents only closed pages use."""

    def get_base_queryset(self):
        return super().get_base_queryset().exclude(pk__in=closed_document_ids(self.request.user))


class OpenDocumentUsageView(OpenUsageMixin, DocumentUsageView):
    """Where a document is used, without the pages closed to the user."""


class OpenImageUsageView(OpenUsageMixin, ImageUsageView):
    """Where an image is used, without the pages closed to the user."""


class OpenPageUsageView(OpenUsageMixin, PageUsageView):
    """What links to a page, without the pages closed to the user."""


class OpenPageTypesUsageReport(PageTypesUsageReportView):
    """Reports > Page types usage: each type's count and last edited page, of the pages
    open to the user (a closed module may be the last edited one)."""

    def get_queryset(self):
        page_types = super().get_queryset()
        user = self.request.user
        if sees_every_organisation(user) or not closed_courses(user).exists():
            return page_types
        filters = self.filters.form.cleaned_data
        language, site_path = filters.get("page_locale"), filters.get("site")
        pages = modules_open_to(user, Page.objects.all())
        if language:
            pages = pages.filter(locale__language_code=language)
        if site_path:
            pages = pages.filter(path__startswith=site_path)
        last_edited = pages.filter(content_type=OuterRef("pk")).order_by(
            F("latest_revision_created_at").desc(nulls_last=True), "title", "-pk"
        )
        # Replaces Wagtail's two annotations of the same names, ordering by the new count.
        return page_types.annotate(
            count=Count("pages", filter=Q(pages__in=pages.values("pk"))),
            last_edited_page_id=Subquery(last_edited.values("pk")[:1]),
        )


class OpenPagesPermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, whose lists of pages leave out the pages closed to the
    user: the admin API's page listings (and their child_of, descendant_of, search), the
    page search's count of matches, the site history, the Aging pages, Locked pages and
    Workflow reports all build their rows from these two (registered in apps.py). Whether
    the user may open one page is the URL guard's (closed_content_not_found)."""

    def instances_user_has_any_permission_for(self, user, actions):
        return modules_open_to(user, super().instances_user_has_any_permission_for(user, actions))

    def explorable_instances(self, user):
        return modules_open_to(user, super().explorable_instances(user))


class OpenDocumentsAdminAPIViewSet(DocumentsAdminAPIViewSet):
    """The admin API's documents, without those only closed pages use."""

    def get_queryset(self):
        return super().get_queryset().exclude(pk__in=closed_document_ids(self.request.user))


class OpenTranslationsReport(TranslationsReportView):
    """wagtail-localize's list of translations, without those of closed pages."""

    def get_queryset(self):
        translations = super().get_queryset()
        user = self.request.user
        if sees_every_organisation(user):
            return translations
        open_pages = modules_open_to(user, Page.objects.all()).values("pk")
        closed_keys = Page.objects.exclude(pk__in=open_pages).values("translation_key")
        return translations.exclude(source__object_id__in=closed_keys)


class _OpenInListing:
    """A bulk action on "every item of the listing" (`?id=all`): Wagtail takes every page
    (or every child of `childOf`) or every document, and its confirmation page lists their
    titles. Here only those open to the user, as the listing they chose from showed them."""

    def get_all_objects_in_listing_query(self, parent_id):
        ids = list(super().get_all_objects_in_listing_query(parent_id))
        if issubclass(self.model, Page):
            pages = modules_open_to(self.request.user, Page.objects.filter(pk__in=ids))
            return list(pages.values_list("pk", flat=True))
        closed = closed_document_ids(self.request.user)
        return [pk for pk in ids if pk not in closed]


# Registered after Wagtail's own (courses/wagtail_hooks.py), so that these replace them.
OPEN_CONTENT_BULK_ACTIONS = [
    type(f"Open{action.__name__}", (_OpenInListing, action), {})
    for actions in (page_bulk_actions, document_bulk_actions)
    for action in (getattr(actions, name) for name in actions.__all__)
]

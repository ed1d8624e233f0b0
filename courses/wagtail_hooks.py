from django.http import Http404
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.documents.models import AbstractDocument
from wagtail.models import Page

from common.content_access import refusal

from . import local_help_admin, translation_publish, translation_review  # noqa: F401 (they register admin views and hooks)
from .access import may_open, may_open_cached, modules_open_to
from .admin_access import OPEN_CONTENT_BULK_ACTIONS, OpenDocumentsAdminAPIViewSet, closed_document_ids
from .media_access import may_download
from .models import CoursePage, ModulePage
from .selectors import translations_to_publish


@hooks.register("before_serve_page")
def private_pages_are_not_found(page, request, serve_args, serve_kwargs):
    """A restricted page the visitor may not see is a 404, not a login prompt: its address
    should not even tell that it exists."""
    for restriction in page.get_view_restrictions():  # from the route cache (courses/serving.py)
        if not restriction.accept_request(request):
            raise Http404


@hooks.register("before_serve_page")
def courses_for_some_organisations_are_closed_to_others(page, request, serve_args, serve_kwargs):
    """A course limited to organisations, and its modules, open only to their people and
    admins (courses/access.py); before the page records anything (ModulePage.serve)."""
    if isinstance(page, CoursePage | ModulePage) and not may_open_cached(request.user, page):
        return refusal(request)
    return None


@hooks.register("before_serve_document")
def documents_of_closed_courses_are_closed(document, request):
    """A document used only in courses closed to the visitor: log-in page or 404, as the
    course's own pages answer (courses/media_access.py)."""
    if not may_download(request.user, document):
        return refusal(request)
    return None


@hooks.register("construct_explorer_page_queryset")
def closed_pages_not_listed(parent_page, pages, request):
    """The explorer (and the admin API behind its menu) leaves out courses kept for other
    organisations and their modules; their every URL is a 404 (admin_access.py)."""
    return modules_open_to(request.user, pages)


@hooks.register("construct_admin_api", order=1)  # after Wagtail's documents endpoint
def closed_documents_not_in_the_admin_api(router):
    router.register_endpoint("documents", OpenDocumentsAdminAPIViewSet)


@hooks.register("construct_page_chooser_queryset")
def closed_pages_not_chosen(pages, request):
    return modules_open_to(request.user, pages)


@hooks.register("construct_document_chooser_queryset")
def closed_documents_not_chosen(documents, request):
    return documents.exclude(pk__in=closed_document_ids(request.user))


# After Wagtail's page and document bulk actions (order 0), so that these replace them.
for action in OPEN_CONTENT_BULK_ACTIONS:
    hooks.register("register_bulk_action", action, order=1)


@hooks.register("before_bulk_action")
def no_bulk_action_on_closed_content(request, action_type, objects, action_class_instance):
    """A bulk action on every page of a listing ("select all") reaches pages no URL names."""
    for item in objects:
        if isinstance(item, Page) and not may_open(request.user, item):
            raise Http404
        if isinstance(item, AbstractDocument) and not may_download(request.user, item):
            raise Http404


class TranslationsToPublishPanel(Component):
    """On the dashboard of whoever may publish them: translations that wait for it."""

    name = "translations_to_publish"
    template_name = "courses/admin/translations_to_publish.html"
    order = 230  # right after Wagtail's "awaiting your review" (220)

    def __init__(self, pages):
        self.pages = pages

    def get_context_data(self, parent_context):
        return {"pages": self.pages}


@hooks.register("construct_homepage_panels")
def add_translations_to_publish(request, panels):
    pages = translations_to_publish(request.user)
    if pages:
        panels.append(TranslationsToPublishPanel(pages))

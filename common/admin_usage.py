"""Wagtail's "usage" screens (where a document, an image, a snippet or a page is used),
without the rows of pages closed to the user: a course kept for some organisations
(courses/access.py) does not show its modules' titles to the others' staff when they look
up something both courses use. Every usage screen builds its rows from the references
that get_queryset returns, before counting and paging them."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from . import content_access


def open_references(user, references):
    """`references` (ReferenceIndex rows) without those from pages closed to `user`."""
    page_type = ContentType.objects.get_for_model(Page)
    from_pages = references.filter(base_content_type=page_type).values_list("object_id", flat=True)
    page_ids = {int(pk) for pk in from_pages}
    closed = page_ids - content_access.open_page_ids(user, page_ids)
    if not closed:
        return references
    return references.exclude(base_content_type=page_type, object_id__in=[str(pk) for pk in closed])


class OpenUsageMixin:
    """For a subclass of Wagtail's generic UsageView."""

    def get_queryset(self):
        references = ReferenceIndex.get_references_to(self.object)
        return open_references(self.request.user, references).group_by_source_object()

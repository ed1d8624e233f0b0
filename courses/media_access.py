"""Who may download a Wagtail document (audio, video, captions, PDF) that a course limited
to some organisations uses: the course's rule (courses/access.py) applied to the pages
that use the document (docs/access.md, "Courses for some organisations").

Wagtail's reference index knows which pages use a document, through a chooser block or a
link in rich text. A document is closed to someone when every page that uses it is in a
course closed to them; one used by a page open to them, or by no page at all, stays open,
as a test shared with an open course does. Images are not held to this rule
(docs/decisions.md)."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, ReferenceIndex

from accounts.access import sees_every_organisation

from .access import closed_courses, modules_open_to


def may_download(user, document) -> bool:
    if sees_every_organisation(user) or not closed_courses(user).exists():
        return True  # the usual case: one query
    page_type = ContentType.objects.get_for_model(Page)
    page_ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    pages = Page.objects.filter(pk__in=[int(pk) for pk in page_ids.values_list("object_id", flat=True)])
    if not pages.exists():
        return True
    return modules_open_to(user, pages).exists()

"""When content that pages show changes, the rendered pages kept in common.page_cache
are dropped: a page published, unpublished, moved or deleted (with its translations,
parent and siblings, whose menus and pagers show it), a site or locale, and what module
blocks show besides the page itself (tests' titles, H5P packages, images, documents), and
what tests are scored with (their questions and choices)."""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from common.page_cache import content_changed
from h5p.models import H5PContent
from quizzes.models import Choice, Question, Quiz

SHOWN_ON_PAGES = (
    Page,
    PageViewRestriction,
    Site,
    Locale,
    Quiz,
    Quiz._parler_meta.root_model,  # a test's title and introduction
    Question,  # kinds, points and order (Quiz.question_keys)
    Choice,  # which choices are correct
    H5PContent,
    get_image_model(),
    get_document_model(),
)

page_published.connect(content_changed, dispatch_uid="page_cache_published")
page_unpublished.connect(content_changed, dispatch_uid="page_cache_unpublished")
post_page_move.connect(content_changed, dispatch_uid="page_cache_moved")


@receiver(post_save, dispatch_uid="page_cache_saved")
@receiver(post_delete, dispatch_uid="page_cache_deleted")
def shown_content_changed(sender, instance, **kwargs):
    if isinstance(instance, SHOWN_ON_PAGES):
        content_changed()


@receiver(m2m_changed, dispatch_uid="page_cache_relations")
def shown_relations_changed(sender, instance, action, **kwargs):
    """A view restriction's groups, a course's organisations saved outside a revision."""
    if action.startswith("post_") and isinstance(instance, SHOWN_ON_PAGES):
        content_changed()

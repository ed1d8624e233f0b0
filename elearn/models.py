from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from courses.access import courses_open_to
from courses.models import CoursePage


class HomePage(Page):
    """The site's front page, one per language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = CoursePage.objects.descendant_of(self).live().public().order_by("path")
        context["courses"] = courses_open_to(request.user, courses)
        return context

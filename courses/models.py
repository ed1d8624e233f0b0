"""Courses as Wagtail pages: CourseIndexPage -> CoursePage -> ModulePage.

Pages say how content is shown and where it may sit in the tree. Progress is stored per
trainee and module `translation_key`, so it is the same in Ukrainian and Russian."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import ModuleBodyBlock, media_bytes


class CourseIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["elearn.HomePage"]
    subpage_types = ["courses.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("course list")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.child_of(self).live().public()
        return context


class CoursePage(Page):
    summary = models.TextField(_("summary"), max_length=500)
    objectives = RichTextField(
        _("learning objectives"),
        features=["ul", "bold"],
        help_text=_("What a trainee can do after the course, as a list."),
    )
    organisations = ParentalManyToManyField(
        "accounts.Organisation",
        blank=True,
        verbose_name=_("organisations"),
        help_text=_("Leave empty if the course is for everyone."),
    )
    estimated_hours = models.DecimalField(_("estimated hours"), max_digits=4, decimal_places=1)
    pre_test = models.ForeignKey(
        "quizzes.Quiz",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("pre-test"),
        help_text=_("Taken before the course, to measure what trainees learn."),
    )
    show_score_on_certificate = models.BooleanField(
        _("show the final test score on certificates"), default=True
    )
    final_test = models.ForeignKey(
        "quizzes.Quiz",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("final test"),
        help_text=_("Passing it, with every module done, completes the course."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("objectives"),
        FieldPanel("estimated_hours"),
        FieldPanel("organisations"),
        FieldPanel("pre_test"),
        FieldPanel("final_test"),
        FieldPanel("show_score_on_certificate"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")

    def modules(self):
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_statuses

        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules())
        statuses = module_statuses(request.user, modules)
        context["modules"] = [(module, statuses[module.translation_key]) for module in modules]
        context["progress_percent"] = course_percent(statuses.values())
        if request.user.is_authenticated:
            from certificates.models import Certificate

            mine = Certificate.objects.filter(user=request.user, course_key=self.translation_key)
            context["certificate"] = mine.first()
        return context


class ModulePage(Page):
    summary = models.TextField(_("summary"), max_length=500)
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"))
    body = StreamField(ModuleBodyBlock(), verbose_name=_("content"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("estimated_minutes"),
        FieldPanel("body"),
    ]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("module")

    def required_quizzes(self) -> list:
        blocks = [block for block in self.body if block.block_type == "quiz" and block.value["required"]]
        return [block.value["quiz"] for block in blocks]

    def required_h5p_block_ids(self) -> list[str]:
        """Interactive activities count by block id, which both language versions share."""
        return [block.id for block in self.body if block.block_type == "h5p" and block.value["required"]]

    def required_activities(self) -> list:
        """What a trainee must pass or complete to finish this module. A module without
        any is finished with a button."""
        return self.required_quizzes() + self.required_h5p_block_ids()

    def has_h5p(self) -> bool:
        return any(block.block_type == "h5p" for block in self.body)

    def serve(self, request, *args, **kwargs):
        from .services import module_check_complete, module_open

        if request.method == "GET" and request.user.is_authenticated:
            progress = module_open(user=request.user, module=self)
            if progress.completed_at is None:  # a finished module needs no re-check
                module_check_complete(user=request.user, module=self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from .selectors import module_statuses

        context = super().get_context(request, *args, **kwargs)
        siblings = list(ModulePage.objects.sibling_of(self).live().public().order_by("path"))
        position = next(i for i, module in enumerate(siblings) if module.pk == self.pk)
        context["previous_module"] = siblings[position - 1] if position > 0 else None
        context["next_module"] = siblings[position + 1] if position + 1 < len(siblings) else None
        context["position"], context["module_count"] = position + 1, len(siblings)
        context["course"] = self.get_parent()
        context["status"] = module_statuses(request.user, [self])[self.translation_key]
        context["media_bytes"] = media_bytes(self.body)
        return context


class ModuleProgress(models.Model):
    """One trainee's progress in one module, in whichever language they read it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="module_progress"
    )
    module_key = models.UUIDField(_("module"), db_index=True)
    first_opened_at = models.DateTimeField(_("first opened"))
    last_opened_at = models.DateTimeField(_("last opened"))
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)

    class Meta:
        verbose_name = _("module progress")
        verbose_name_plural = _("module progress")
        constraints = [
            models.UniqueConstraint(fields=["user", "module_key"], name="courses_progress_once_per_module")
        ]

    def __str__(self):
        return f"{self.user_id}:{self.module_key}"


NOT_STARTED, IN_PROGRESS, DONE = "not_started", "in_progress", "done"


def course_percent(statuses) -> int:
    statuses = list(statuses)
    if not statuses:
        return 0
    return round(100 * sum(status == DONE for status in statuses) / len(statuses))

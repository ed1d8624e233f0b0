"""Courses as Wagtail pages: CourseIndexPage -> CoursePage -> ModulePage.

Pages say how content is shown and where it may sit in the tree. Progress is stored per
trainee and module `translation_key`, so it is the same in Ukrainian and Russian."""

from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from common import page_cache
from h5p.blocks import content_for_language

from .blocks import ModuleBodyBlock, media_bytes
from .durations import duration_label
from .search import DRAFT_SEARCH_FIELDS, DraftSearchable


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
        from .access import courses_open_to  # access reads these models

        context["courses"] = courses_open_to(request.user, CoursePage.objects.child_of(self).live().public())
        return context


class CoursePage(DraftSearchable, Page):
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
    search_fields = Page.search_fields + DRAFT_SEARCH_FIELDS

    class Meta:
        verbose_name = _("course")

    def modules(self):
        return ModulePage.objects.child_of(self).live().public().order_by("path")

    def duration(self) -> str:
        """About how long the course takes: its live modules' minutes added up."""
        minutes = self.modules().aggregate(total=Sum("estimated_minutes"))["total"] or 0
        return duration_label(minutes)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        modules = list(self.modules())
        completed = course_completed(request.user, self)
        statuses = module_statuses(request.user, modules, course_completed=completed)
        context["modules"] = [(module, statuses[module.translation_key]) for module in modules]
        context["duration"] = duration_label(sum(module.estimated_minutes for module in modules))
        context["course_completed"] = completed
        context["progress_percent"] = 100 if completed else course_percent(statuses.values())
        return context


class ModulePage(DraftSearchable, Page):
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
    search_fields = Page.search_fields + DRAFT_SEARCH_FIELDS

    class Meta:
        verbose_name = _("module")

    # Read from the stored blocks, not their values: no test is loaded to learn its id.
    def _raw_blocks(self, block_type) -> list[dict]:
        return [block for block in self.body.raw_data if block["type"] == block_type]

    def quiz_ids(self) -> list[int]:
        """Every test in the module, required or for practice."""
        return [b["value"]["quiz"] for b in self._raw_blocks("quiz")]

    def required_quiz_ids(self) -> list[int]:
        return [b["value"]["quiz"] for b in self._raw_blocks("quiz") if b["value"].get("required", True)]

    def required_h5p_block_ids(self) -> list[str]:
        """Interactive activities count by block id, which every language version shares. A
        block with no package in this version's language is not required here: its
        readers could not do it."""
        required = {b["id"] for b in self._raw_blocks("h5p") if b["value"].get("required", True)}
        if not required:
            return []
        language = self.locale.language_code
        return [
            block.id
            for block in self.body
            if block.id in required and content_for_language(block.value, language) is not None
        ]

    def required_activities(self) -> list:
        """What a trainee must pass or complete to finish this module. A module without
        any is finished with a button."""
        known = getattr(self, "_required_activities", None)  # from the content cache
        if known is not None:
            return known
        return self.required_quiz_ids() + self.required_h5p_block_ids()

    def has_h5p(self) -> bool:
        return bool(self._raw_blocks("h5p"))

    def serve(self, request, *args, **kwargs):
        # A GET records only that the trainee opened the module (at most every few minutes);
        # completing it is the learning pipeline's business, on the events that can complete it.
        is_preview = getattr(request, "is_preview", False)
        if request.method == "GET" and request.user.is_authenticated and not is_preview:
            from .services import module_open  # services import this module

            parts = self._trainee_parts(request.user, self._surroundings(request)["course"])
            reading = parts["reading"]
            opened = module_open(user=request.user, module=self, last_opened_at=reading["last_opened_at"])
            if opened is not None and reading["status"] == NOT_STARTED:
                reading["status"] = IN_PROGRESS  # read before this visit recorded it
            request.module_trainee_parts = parts
            response = super().serve(request, *args, **kwargs)
            response["X-Reading-Copy"] = "keep"  # the trainee's own page (elearn/offline/worker.js)
            return response
        return super().serve(request, *args, **kwargs)

    def _find_surroundings(self) -> dict:
        # A draft (or, in the add form's preview, a not yet saved) module is not among its
        # live siblings: preview it where it will stand once published.
        live = ModulePage.objects.sibling_of(self).live().public().exclude(pk=self.pk)
        siblings = sorted([*live, self], key=lambda module: module.path)
        position = siblings.index(self)
        return {
            "previous_module": siblings[position - 1] if position > 0 else None,
            "next_module": siblings[position + 1] if position + 1 < len(siblings) else None,
            "position": position + 1,
            "module_count": len(siblings),
            "course": self.get_parent().specific,
            "media_bytes": media_bytes(self.body),
            "required_activities": self.required_activities(),
        }

    def _surroundings(self, request) -> dict:
        """The course, the modules before and after, what media weigh: the same for everyone
        until content changes, so kept in the content cache (not for a preview)."""
        if getattr(request, "is_preview", False) or self.pk is None:
            return self._find_surroundings()
        if not hasattr(request, "_module_surroundings"):
            request._module_surroundings = page_cache.get_or_build(
                self._find_surroundings, "module-surroundings", self.pk, self.latest_revision_id
            )
        return request._module_surroundings

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(self._surroundings(request))
        self._required_activities = context["required_activities"]
        context["status"] = NOT_STARTED
        if request.user.is_authenticated:
            # The trainee's own parts of the page and its blocks, read once (one query).
            parts = getattr(request, "module_trainee_parts", None)
            if parts is None:
                parts = self._trainee_parts(request.user, context["course"])
            context["status"] = parts["reading"]["status"]
            if self.quiz_ids():
                context["quiz_standings"] = parts["quiz_standings"]
            if self.has_h5p():
                context["h5p_progress"] = parts["h5p_progress"]
        return context

    def _trainee_parts(self, user, course) -> dict:
        from .reading import trainee_parts  # reading imports this module

        has_h5p = self.has_h5p()
        return trainee_parts(
            user,
            self,
            course,
            quiz_ids=[pk for pk in self.quiz_ids() if pk],
            activities=has_h5p,
            content_ids=self._h5p_content_ids() if has_h5p else (),
        )

    def _h5p_content_ids(self) -> list[int]:
        items = [item for b in self._raw_blocks("h5p") for item in b["value"].get("packages") or []]
        # A list block stores {"type": "item", "value": id, "id": ...} (older rows: the bare id).
        ids = [item.get("value") if isinstance(item, dict) else item for item in items]
        return [pk for pk in ids if pk]


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


class CourseCompletion(models.Model):
    """A trainee completed a course: every module it had then. A recorded fact: modules
    added, changed or reordered later do not take it away, and the report counts it at the
    date it happened."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_completions"
    )
    course_key = models.UUIDField(_("course"), db_index=True)
    completed_at = models.DateTimeField(_("completed"))

    class Meta:
        verbose_name = _("course completion")
        verbose_name_plural = _("course completions")
        constraints = [
            models.UniqueConstraint(fields=["user", "course_key"], name="courses_completed_once_per_course")
        ]

    def __str__(self):
        return f"{self.user_id}:{self.course_key}"


# A module's status for one trainee. NEW: a module published after they completed the
# course; it is optional for them.
NOT_STARTED, IN_PROGRESS, DONE, NEW = "not_started", "in_progress", "done", "new"


def course_completed(user, course) -> bool:
    if not user.is_authenticated:
        return False
    return CourseCompletion.objects.filter(user=user, course_key=course.translation_key).exists()


def module_statuses(user, modules, *, course_completed=False) -> dict:
    """translation_key -> not started / in progress / done (/ new, once the course is
    complete), in one query."""
    statuses = {module.translation_key: NOT_STARTED for module in modules}
    if not user.is_authenticated or not statuses:
        return statuses
    rows = ModuleProgress.objects.filter(user=user, module_key__in=statuses).values_list(
        "module_key", "completed_at"
    )
    for key, completed_at in rows:
        statuses[key] = DONE if completed_at else IN_PROGRESS
    if course_completed:
        statuses = {key: status if status == DONE else NEW for key, status in statuses.items()}
    return statuses


def course_percent(statuses) -> int:
    statuses = list(statuses)
    if not statuses:
        return 0
    return round(100 * sum(status == DONE for status in statuses) / len(statuses))

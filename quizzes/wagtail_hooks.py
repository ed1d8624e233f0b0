"""Tests in the Wagtail admin: the quiz's settings as a snippet (its title and introduction
per language with wagtail-parler), so a module's test block can choose it. Its questions
are one click away: a column in the list, buttons on the test's page and in the message
after saving; a new test opens on its questions."""

from django.db.models import Count
from django.http import Http404
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, EditView
from wagtail_parler.handlers import ParlerSnippetAdminMixin

from accounts.access import EDIT_TESTS, GRANT_ATTEMPTS, may
from accounts.admin_history_views import ScopedSnippetHistoryView
from accounts.admin_scoping import CHOOSER_URLS, FORM, ScopedSnippetViewSet
from common.content_access import closed_quiz_ids, may_take_quiz

from . import admin_views
from .models import Quiz


def _questions_url(quiz):
    return reverse("quizzes_admin:questions", args=[quiz.pk])


def _preview_buttons(quiz):
    """A preview button per language: the test as trainees see it."""
    return [
        Button(
            label, url=reverse("quizzes_admin:preview", args=[quiz.pk, code]), icon_name="view", priority=n
        )
        for n, (code, label) in enumerate(admin_views.preview_labels(), start=1)
    ]


class QuestionsColumn(Column):
    """How many questions, as a link to them: not hidden in the row's menu."""

    cell_template_name = "quizzes/admin/questions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        count = getattr(instance, "question_count", None)
        if count is None:
            count = instance.questions.count()
        context["url"] = _questions_url(instance)
        context["value"] = ngettext("%(count)s question", "%(count)s questions", count) % {"count": count}
        return context


class QuizCreateView(CreateView):
    def get_success_url(self):
        return _questions_url(self.object)  # the next thing to do with a new test

    def get_success_message(self, instance):
        return _("Test “%(test)s” created. Now add its questions.") % {"test": instance}

    def get_success_buttons(self):
        return [messages.button(self.get_edit_url(), _("Edit the test"))]


class QuizEditView(EditView):
    @property
    def header_buttons(self):
        count = self.object.questions.count()
        label = ngettext("%(count)s question", "%(count)s questions", count) % {"count": count}
        return [HeaderButton(label, url=_questions_url(self.object), icon_name="list-ul")]

    @property
    def header_more_buttons(self):
        return [*_preview_buttons(self.object), *super().header_more_buttons]

    def get_success_buttons(self):
        return [
            messages.button(_questions_url(self.object), _("Questions")),
            *super().get_success_buttons(),
        ]


class QuizViewSet(ParlerSnippetAdminMixin, ScopedSnippetViewSet):
    model = Quiz
    icon = "tick-inverse"
    menu_label = gettext_lazy("Tests")
    add_to_admin_menu = True
    menu_order = 230
    add_view_class = QuizCreateView
    edit_view_class = QuizEditView
    list_display = [
        "__str__",
        QuestionsColumn("question_count", label=gettext_lazy("Questions")),
        "kind",
        "pass_mark",
        "max_attempts",
    ]

    # A test created from a module's chooser belongs to no course yet: open to all staff.
    chooser_urls = {**CHOOSER_URLS, "create": FORM}

    def scoped_queryset(self, request):
        """Every test, except one that belongs only to courses kept for another
        organisation (courses/access.py): not listed, not chosen, and its every screen
        (copy, usage, history, the translation API...) is not found."""
        closed = closed_quiz_ids(request.user)
        return Quiz.objects.exclude(pk__in=closed) if closed else Quiz.objects.all()

    def get_queryset(self, request):
        return self.scoped_queryset(request).annotate(question_count=Count("questions"))

    # Tests are shared by every organisation; what another organisation's people did to
    # one is not shown (accounts/admin_history.py).
    history_view_class = ScopedSnippetHistoryView


register_snippet(QuizViewSet)


quiz_admin_urls = (
    [
        path("<int:quiz_id>/questions/", admin_views.questions, name="questions"),
        path("<int:quiz_id>/questions/new/", admin_views.question_edit, name="question_add"),
        path("<int:quiz_id>/questions/<int:question_id>/", admin_views.question_edit, name="question_edit"),
        path(
            "<int:quiz_id>/questions/<int:question_id>/move/<str:direction>/",
            admin_views.question_move,
            name="question_move",
        ),
        path(
            "<int:quiz_id>/questions/<int:question_id>/delete/",
            admin_views.question_delete,
            name="question_delete",
        ),
        path("<int:quiz_id>/preview/<str:language>/", admin_views.preview, name="preview"),
        path("<int:quiz_id>/statistics/", admin_views.statistics, name="statistics"),
        path("<int:quiz_id>/attempts/", admin_views.attempts, name="attempts"),
    ],
    "quizzes_admin",
)


@hooks.register("register_admin_urls")
def register_quiz_admin_urls():
    return [path("tests/", include(quiz_admin_urls))]


@hooks.register("before_edit_snippet")
def test_kept_for_another_organisation(request, instance):
    """A test that belongs only to courses kept for another organisation is not found, as
    on its questions' screens (admin_views._quiz)."""
    if isinstance(instance, Quiz) and not may_take_quiz(request.user, instance.pk):
        raise Http404


@hooks.register("before_delete_snippet")
def tests_kept_for_another_organisation(request, instances):
    for instance in instances:
        test_kept_for_another_organisation(request, instance)


@hooks.register("register_snippet_listing_buttons")
def quiz_listing_buttons(snippet, user, next_url=None):
    if isinstance(snippet, Quiz) and may(user, EDIT_TESTS):
        yield Button(
            gettext_lazy("Questions"), reverse("quizzes_admin:questions", args=[snippet.pk]), priority=5
        )
    if isinstance(snippet, Quiz) and snippet.max_attempts and may(user, GRANT_ATTEMPTS):
        yield Button(
            gettext_lazy("Attempts"), reverse("quizzes_admin:attempts", args=[snippet.pk]), priority=6
        )


class GrantAttemptsLog(LogFormatter):
    """How a grant reads in the trainee's history: which test, how many attempts."""

    label = gettext_lazy("Give extra attempts")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Extra attempts at “%(test)s”: %(extra)s.") % {
            "test": data.get("title", "—"),
            "extra": data.get("extra", "—"),
        }


@hooks.register("register_log_actions")
def register_grant_log_action(actions):
    actions.register_action("quizzes.grant_attempts")(GrantAttemptsLog)

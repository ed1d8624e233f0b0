"""Tests in the Wagtail admin: the quiz's settings as a snippet (its title and introduction
per language with wagtail-parler), so a module's test block can choose it."""

from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_parler.handlers import ParlerSnippetAdminMixin

from accounts.access import EDIT_TESTS, GRANT_ATTEMPTS, may
from accounts.admin_history_views import ScopedSnippetHistoryView

from . import admin_views
from .models import Quiz


class QuizViewSet(ParlerSnippetAdminMixin, SnippetViewSet):
    model = Quiz
    icon = "tick-inverse"
    menu_label = gettext_lazy("Tests")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["__str__", "kind", "pass_mark", "max_attempts"]
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

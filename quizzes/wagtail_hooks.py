"""Tests in the Wagtail admin: the quiz's settings as a snippet (its title and introduction
per language with wagtail-parler), so a module's test block can choose it."""

from django.utils.translation import gettext_lazy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_parler.handlers import ParlerSnippetAdminMixin

from .models import Quiz


class QuizViewSet(ParlerSnippetAdminMixin, SnippetViewSet):
    model = Quiz
    icon = "tick-inverse"
    menu_label = gettext_lazy("Tests")
    add_to_admin_menu = True
    menu_order = 230
    list_display = ["__str__", "kind", "pass_mark", "max_attempts"]


register_snippet(QuizViewSet)

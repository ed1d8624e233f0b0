"""Whether someone may open learning content that a higher app may keep for some
organisations, asked by the apps below it.

A course can be limited to organisations; courses/access.py holds the rule. A course's
modules hold tests (quizzes) and interactive activities (h5p), which are served by apps
that sit below courses and may not import it. They ask here, and courses answers: it
registers its rule when the app is ready (courses/apps.py). Until a rule is registered
every question raises, so a missing registration cannot open everything."""

from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlencode
from uuid import UUID

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.core.exceptions import ImproperlyConfigured
from django.http import Http404
from django.shortcuts import redirect, resolve_url
from django.utils.translation import gettext_lazy as _

LOG_IN_TO_OPEN = _("Log in to open this page.")


@dataclass(frozen=True)
class QuizLock:
    """Why a test cannot be started yet: the modules (title, url) still to complete."""

    modules_left: tuple[tuple[str, str], ...]


class ContentRule(Protocol):
    def may_open_page(self, user, page_id: int) -> bool:
        """The page (a course, a module) with this id is open to `user`."""

    def open_page_ids(self, user, page_ids: set[int]) -> set[int]:
        """Those of these pages that are open to `user`, in one query (or none)."""

    def may_take_quiz(self, user, quiz_id: int, *, module_key: UUID | None = None) -> bool:
        """The test is open to `user`, taken from the module with this translation_key
        (or from no module)."""

    def quiz_lock(self, user, quiz_id: int) -> QuizLock | None:
        """Why `user` cannot start this test yet (a final test before the course's
        modules are complete), or None when they can."""

    def closed_quiz_ids(self, user) -> set[int]:
        """The ids of the tests closed to `user` however they are opened: those that
        belong only to courses closed to them (for the admin's lists and screens)."""


_rule: ContentRule | None = None


def answer_with(rule: ContentRule) -> None:
    global _rule
    _rule = rule


def _registered() -> ContentRule:
    if _rule is None:
        raise ImproperlyConfigured(
            "No rule for learning content is registered (courses registers it when ready)."
        )
    return _rule


def may_open_page(user, page_id: int) -> bool:
    return _registered().may_open_page(user, page_id)


def open_page_ids(user, page_ids: set[int]) -> set[int]:
    return _registered().open_page_ids(user, page_ids)


def may_take_quiz(user, quiz_id: int, *, module_key: UUID | None = None) -> bool:
    return _registered().may_take_quiz(user, quiz_id, module_key=module_key)


def quiz_lock(user, quiz_id: int) -> QuizLock | None:
    return _registered().quiz_lock(user, quiz_id)


def closed_quiz_ids(user) -> set[int]:
    return _registered().closed_quiz_ids(user)


def refusal(request):
    """The answer for someone who may not open the content: the log-in page when they
    are not signed in (it may be theirs once they are), otherwise "not found", which says
    nothing about what is there."""
    if not request.user.is_authenticated:
        messages.info(request, LOG_IN_TO_OPEN)
        query = urlencode({REDIRECT_FIELD_NAME: request.get_full_path()})
        return redirect(f"{resolve_url(settings.LOGIN_URL)}?{query}")
    raise Http404

"""Admin screens for a test's questions: list and reorder, edit every language side by
side, preview as a trainee sees it, and item statistics."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Max, OuterRef, ProtectedError, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.access import (
    EDIT_TESTS,
    GRANT_ATTEMPTS,
    NO_ORGANISATION,
    refusals_to_admin_home,
    require,
    scope_to_organisation,
    sees_every_organisation,
)
from accounts.erased import without_erased
from accounts.models import User
from common import disclosure, page_cache
from common.content_access import may_take_quiz
from common.languages import is_configured, language_codes, language_name

from .forms import (
    ChoiceFormSet,
    QuestionForm,
    choices_initial,
    question_initial,
    save_question,
    true_false_initial,
    true_false_texts,
)
from .models import Attempt, AttemptGrant, Question, Quiz
from .selectors import item_statistics, missing_translations
from .services import GrantRefused, attempts_grant

# Blank answer rows a new choice question opens with (blank rows are not saved): four
# answers need no "add" click; the page's script adds more in place.
NEW_QUESTION_ROWS = 4


def _quiz(request, quiz_id):
    """The test, for staff who write tests, unless it belongs only to courses kept for
    another organisation (courses/access.py): then, as for its trainees, not found."""
    require(request.user, EDIT_TESTS)
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    if not may_take_quiz(request.user, quiz.pk):
        raise Http404
    return quiz


def preview_labels():
    """(language code, "Preview: <language>") for every configured language."""
    return [
        (code, _("Preview: %(language)s") % {"language": capfirst(language_name(code))})
        for code in language_codes()
    ]


@refusals_to_admin_home
def questions(request, quiz_id):
    quiz = _quiz(request, quiz_id)
    context = {
        "quiz": quiz,
        "questions": quiz.questions.prefetch_related("translations", "choices"),
        "missing": missing_translations(quiz),
        "kinds": Question.Kind.choices,
        "previews": preview_labels(),
    }
    return TemplateResponse(request, "quizzes/admin/questions.html", context)


def _new_choices(kind):
    """A new question's answer rows: true-or-false has its two answers written already,
    in every language; any other type opens with blank rows."""
    if kind == Question.Kind.TRUE_OR_FALSE:
        formset = ChoiceFormSet(initial=true_false_initial(), prefix="choices", kind=kind)
        formset.extra = 0
        return formset
    formset = ChoiceFormSet(prefix="choices", kind=kind)
    formset.extra = NEW_QUESTION_ROWS
    return formset


@refusals_to_admin_home
def question_edit(request, quiz_id, question_id=None):
    quiz = _quiz(request, quiz_id)
    question = get_object_or_404(quiz.questions, pk=question_id) if question_id else Question(quiz=quiz)
    if request.method == "POST":
        form = QuestionForm(request.POST)
        kind = request.POST.get("kind")
        choices = ChoiceFormSet(request.POST, prefix="choices", kind=kind)
        if form.is_valid() and choices.is_valid():
            if question.pk is None:
                question.order = (
                    quiz.questions.order_by("-order").values_list("order", flat=True).first() or 0
                ) + 1
            with transaction.atomic():
                save_question(question, form, choices)
            messages.success(request, _("The question is saved."))
            if request.POST.get("then") == "add":
                return redirect("quizzes_admin:question_add", quiz_id=quiz.pk)
            return redirect("quizzes_admin:questions", quiz_id=quiz.pk)
    elif question.pk:
        form = QuestionForm(initial=question_initial(question))
        choices = ChoiceFormSet(initial=choices_initial(question), prefix="choices", kind=question.kind)
        choices.extra = 1  # a blank row to add an answer without the script
    else:  # "?kind=" from the list's buttons chooses the type already
        kind = request.GET.get("kind")
        kind = kind if kind in Question.Kind.values else Question.Kind.SINGLE_CHOICE
        form = QuestionForm(initial={"kind": kind})
        choices = _new_choices(kind)
    context = {
        "quiz": quiz,
        "question": question,
        "form": form,
        "choices": choices,
        "true_false": {code: true_false_texts(code) for code in language_codes()},
        "one_correct": f"{Question.Kind.SINGLE_CHOICE} {Question.Kind.TRUE_OR_FALSE}",
        "true_or_false": Question.Kind.TRUE_OR_FALSE,
        "previews": preview_labels(),
    }
    return TemplateResponse(request, "quizzes/admin/question_edit.html", context)


@require_POST
@refusals_to_admin_home
def question_move(request, quiz_id, question_id, direction):
    quiz = _quiz(request, quiz_id)
    ordered = list(quiz.questions.all())
    index = next((i for i, q in enumerate(ordered) if q.pk == question_id), None)
    if index is None:  # a question of another test, or none
        raise Http404
    other = index - 1 if direction == "up" else index + 1
    if 0 <= other < len(ordered):
        ordered[index], ordered[other] = ordered[other], ordered[index]
        with transaction.atomic():
            for position, item in enumerate(ordered):
                Question.objects.filter(pk=item.pk).update(order=position)
            page_cache.content_changed()  # update() sends no signal: renew the cached question keys
    return redirect("quizzes_admin:questions", quiz_id=quiz.pk)


@require_POST
@refusals_to_admin_home
def question_delete(request, quiz_id, question_id):
    quiz = _quiz(request, quiz_id)
    question = get_object_or_404(quiz.questions, pk=question_id)
    try:
        question.delete()
    except ProtectedError:
        messages.error(request, _("Trainees have answered this question, so it stays for their results."))
    return redirect("quizzes_admin:questions", quiz_id=quiz.pk)


@refusals_to_admin_home
def preview(request, quiz_id, language):
    """The test as a trainee sees it in `language`, with nothing marked as correct."""
    quiz = _quiz(request, quiz_id)
    if not is_configured(language):
        raise PermissionDenied
    with translation.override(language):
        context = {"quiz": quiz, "questions": quiz.ordered_questions(), "previews": preview_labels()}
        response = TemplateResponse(request, "quizzes/admin/preview.html", context)
        response.render()
    return response


def _whose_statistics(user) -> str:
    """Whose answers the statistics count, said on the screen."""
    if sees_every_organisation(user):
        return _("Trainees of every organisation.")
    if user.organisation_id is None:
        return str(NO_ORGANISATION)
    return _("Trainees of %(organisation)s only.") % {"organisation": user.organisation}


@refusals_to_admin_home
def statistics(request, quiz_id):
    quiz = _quiz(request, quiz_id)
    items = item_statistics(quiz, viewer=request.user)
    context = {
        "quiz": quiz,
        "items": items,
        "headings": [_("All"), *(capfirst(language_name(code)) for code in items["languages"])],
        "whose": _whose_statistics(request.user),
        "legend": [
            _("Cells for fewer than %(n)s people are shown as “<%(n)s”.") % {"n": disclosure.threshold()},
            _("“x”: hidden so that a small cell cannot be worked out from the total."),
        ],
    }
    return TemplateResponse(request, "quizzes/admin/statistics.html", context)


def _people_who_tried(request, quiz):
    """The viewer's organisation's people who started this test, with their attempts and
    the extra attempts granted them. An erased account's attempts stay for the statistics,
    but it is no one to list or to grant an attempt to."""
    tried = without_erased(User.objects.filter(pk__in=Attempt.objects.filter(quiz=quiz).values("user_id")))
    mine = Q(quiz_attempts__quiz=quiz)
    granted = (
        AttemptGrant.objects.filter(quiz=quiz, user=OuterRef("pk"))
        .values("user")
        .annotate(total=Sum("extra"))
        .values("total")
    )
    return (
        scope_to_organisation(request.user, tried)
        .annotate(
            used=Count("quiz_attempts", filter=mine & Q(quiz_attempts__finished_at__isnull=False)),
            best=Max("quiz_attempts__percent", filter=mine),
            passes=Count("quiz_attempts", filter=mine & Q(quiz_attempts__passed=True)),
            granted=Coalesce(Subquery(granted), 0),
        )
        .order_by("nickname")
    )


@refusals_to_admin_home
def attempts(request, quiz_id):
    """Who of the viewer's organisation took a test with a maximum of attempts, and one
    more attempt for a trainee who needs it (logged in the trainee's history)."""
    require(request.user, GRANT_ATTEMPTS)
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    if not may_take_quiz(request.user, quiz.pk):
        raise Http404  # a test kept for another organisation, as on its other screens
    people = _people_who_tried(request, quiz)
    if request.method == "POST":
        chosen = str(request.POST.get("trainee", "")).strip()
        trainee = people.filter(pk=int(chosen)).first() if chosen.isascii() and chosen.isdigit() else None
        if trainee is None:  # not theirs, or not a number: nothing said about who exists
            messages.error(request, _("Choose a trainee from the list."))
        else:
            try:
                attempts_grant(trainee=trainee, quiz=quiz, extra=1, by=request.user)
            except GrantRefused as refused:
                messages.error(request, refused.message)
            else:
                messages.success(
                    request, _("%(nickname)s has one more attempt.") % {"nickname": trainee.nickname}
                )
        return redirect("quizzes_admin:attempts", quiz_id=quiz.pk)
    context = {
        "quiz": quiz,
        "people": people,
        "whose": _whose_statistics(request.user),
        "key_after_last": quiz.answer_key_policy == Quiz.AnswerKey.AFTER_LAST_ATTEMPT,
    }
    return TemplateResponse(request, "quizzes/admin/attempts.html", context)

"""Taking a test: plain HTML forms that work without JavaScript. The server scores every
answer; nothing sent to the browser before an answer says which choice is correct."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from common import next_steps
from common.content_access import quiz_lock

from .answers import InvalidAnswers, parse_answers
from .models import Attempt, Quiz
from .scoring import question_outcome, score_question
from .selectors import quiz_standing
from .services import AttemptsExhausted, answer_record, attempt_start, attempt_submit


def _module_for(quiz, module_id):
    """The live module page this test was opened from, if it really contains this test."""
    if not str(module_id or "").isdigit():
        return None
    page = Page.objects.live().public().filter(pk=module_id).first()
    module = page.specific if page else None
    blocks = getattr(module, "body", None) or []
    if any(b.block_type == "quiz" and b.value["quiz"] == quiz for b in blocks):
        # A link from the other language's module (or a language switch on this page)
        # shows the module in the language the trainee reads now.
        return _module_in_language(module.translation_key) or module
    return None


def _module_in_language(module_key):
    """The module page (any page type holding tests) in the trainee's language, else any."""
    if module_key is None:
        return None
    pages = Page.objects.live().public().filter(translation_key=module_key)
    page = pages.filter(locale__language_code=get_language()).first() or pages.first()
    return page.specific if page else None


def quiz_detail(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    module = _module_for(quiz, request.GET.get("module"))
    context = {
        "quiz": quiz,
        "module": module,
        "question_count": quiz.questions.count(),
        "standing": quiz_standing(user=request.user, quiz=quiz),
        "lock": quiz_lock(request.user, quiz.pk),
    }
    return render(request, "quizzes/quiz_detail.html", context)


@login_required
@require_POST
def quiz_start(request, quiz_id):
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    module = _module_for(quiz, request.POST.get("module"))
    url = reverse("quizzes:detail", args=[quiz.pk])
    url = f"{url}?module={module.pk}" if module else url
    if quiz_lock(request.user, quiz.pk) is not None:  # nothing is started, no attempt spent
        messages.error(request, _("Complete every module of the course first."))
        return redirect(url)
    try:
        attempt = attempt_start(
            user=request.user,
            quiz=quiz,
            language=get_language(),
            module_key=module.translation_key if module else None,
        )
    except AttemptsExhausted as refused:
        messages.error(request, refused.message)
        return redirect(url)
    return redirect("quizzes:take", token=attempt.token)


def _own_attempt(request, token):
    """Another trainee's attempt is not found, whatever its token. The route's guard
    (guards.open_attempt) has read it already."""
    attempt = getattr(request, "own_attempt", None)
    if attempt is None or attempt.token != token or attempt.user_id != request.user.pk:
        attempt = get_object_or_404(Attempt.objects.select_related("quiz"), token=token, user=request.user)
    attempt.user = request.user  # known already: the services need not read it again
    return attempt


@login_required
def attempt_take(request, token):
    attempt = _own_attempt(request, token)
    if attempt.finished_at is not None:
        return redirect("quizzes:result", token=attempt.token)
    if attempt.quiz.layout == Quiz.Layout.ALL_ON_ONE_PAGE:
        return _take_all(request, attempt)
    return _take_one(request, attempt)


def _take_all(request, attempt):
    quiz, error = attempt.quiz, None
    if request.method == "POST":
        try:
            answers = parse_answers(request.POST, quiz.question_keys())
        except InvalidAnswers as refused:
            error = refused.message
        else:
            return _finish(request, attempt, answers)
    context = {
        "attempt": attempt,
        "questions": quiz.ordered_questions(seed=attempt.token.int),
        "answered": dict(attempt.answers.values_list("question_id", "choice_ids")),
        "error": error,
    }
    return render(request, "quizzes/take_all.html", context, status=400 if error else 200)


def _take_one(request, attempt):
    """The first unanswered question. A post answers it; only a page to show loads the
    questions' texts."""
    quiz, error = attempt.quiz, None
    order = quiz.question_order(seed=attempt.token.int)
    answered = set(attempt.answers.values_list("question_id", flat=True))
    unanswered = [i for i, question_id in enumerate(order) if question_id not in answered]
    position = unanswered[0] if unanswered else len(order) - 1
    question_id = order[position]
    if request.method == "POST":
        key = next(key for key in quiz.question_keys() if key.id == question_id)
        try:
            answers = parse_answers(request.POST, [key])
        except InvalidAnswers as refused:
            error = refused.message
        else:
            if len(unanswered) <= 1:
                return _finish(request, attempt, answers)
            answer_record(attempt=attempt, answers=answers)
            if quiz.feedback == quiz.Feedback.AFTER_EACH and quiz.answer_key_policy == quiz.AnswerKey.ALWAYS:
                return redirect("quizzes:feedback", token=attempt.token, question_id=question_id)
            return redirect("quizzes:take", token=attempt.token)
    context = {
        "attempt": attempt,
        "question": quiz.ordered_questions(seed=attempt.token.int)[position],
        "position": position + 1,
        "count": len(order),
        "error": error,
    }
    return render(request, "quizzes/take_one.html", context, status=400 if error else 200)


def _finish(request, attempt, answers):
    """Score the attempt; the learning pipeline answers what it completed: a new
    certificate shows its congratulation page, anything else the result."""
    attempt, outcome = attempt_submit(attempt=attempt, answers=answers)
    if outcome.certificate_id:
        return redirect("certificates:detail", pk=outcome.certificate_id)
    return redirect("quizzes:result", token=attempt.token)


def _points(score) -> Decimal:
    """A question's score (a fraction) as shown: at most two decimals."""
    return (Decimal(score.numerator) / Decimal(score.denominator)).quantize(Decimal("0.01"))


def _marked(key, choice_ids) -> dict:
    """How one answer did: right, partly right (with its points) or wrong."""
    score = score_question(key, frozenset(choice_ids))
    return {"outcome": question_outcome(key, score), "points": _points(score), "of": key.points}


@login_required
def attempt_feedback(request, token, question_id):
    """After each question, when the test says so and shows its answers after every
    attempt: was it right, and why."""
    attempt = _own_attempt(request, token)
    if attempt.quiz.answer_key_policy != Quiz.AnswerKey.ALWAYS:
        raise Http404
    answer = get_object_or_404(attempt.answers.select_related("question"), question_id=question_id)
    key = next(k for k in attempt.quiz.question_keys() if k.id == answer.question_id)
    question = next(q for q in attempt.quiz.ordered_questions() if q.pk == answer.question_id)
    context = {
        "attempt": attempt,
        "question": question,
        "selected": set(answer.choice_ids),
        "mark": _marked(key, answer.choice_ids),
    }
    return render(request, "quizzes/feedback.html", context)


@login_required
def attempt_result(request, token):
    """The score; the trainee's answers marked, with the correct ones and explanations,
    only when the test's answer-key policy shows them to this trainee now."""
    attempt = _own_attempt(request, token)
    if attempt.finished_at is None:
        return redirect("quizzes:take", token=attempt.token)
    quiz = attempt.quiz
    standing = quiz_standing(user=request.user, quiz=quiz)
    review = []
    if standing["key_shown"]:
        given = dict(attempt.answers.values_list("question_id", "choice_ids"))
        keys = {key.id: key for key in quiz.question_keys()}
        review = [
            {
                "question": question,
                "selected": set(given.get(question.pk, [])),
                "mark": _marked(keys[question.pk], given.get(question.pk, [])),
            }
            for question in quiz.ordered_questions(seed=attempt.token.int)
        ]
    module = _module_in_language(attempt.module_key)
    context = {
        "attempt": attempt,
        "quiz": quiz,
        "review": review,
        "module": module,
        "standing": standing,
        "next_steps": next_steps.after_test(
            request.user, quiz_id=quiz.pk, module_key=attempt.module_key, passed=attempt.passed
        ),
    }
    return render(request, "quizzes/result.html", context)

"""Reading a trainee's answers from a posted form, trusting nothing in it.

Answers come as fields named q<question id> whose values are choice ids. Anything else
(an unknown question, a choice of another question, a non-number, two answers to a
single-choice question, an unexpected field) is refused as a whole, with a message the
trainee can read; nothing is stored."""

from collections.abc import Sequence

from django.utils.translation import gettext_lazy as _

from .scoring import MULTIPLE, QuestionKey

ALLOWED_FIELDS = {"csrfmiddlewaretoken", "token", "action"}
MAX_FIELDS = 200  # far above any real test, far below what would cost us


class InvalidAnswers(ValueError):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def parse_answers(data, keys: Sequence[QuestionKey], require_all: bool = True) -> dict[int, frozenset[int]]:
    """`data` is a QueryDict (request.POST). Returns question id -> selected choice ids."""
    if len(data) > MAX_FIELDS:
        raise InvalidAnswers(_("This form has far more answers than the test has questions."))
    by_id = {key.id: key for key in keys}
    answers = {}
    for name in data:
        if name in ALLOWED_FIELDS:
            continue
        question_id = _integer(name[1:]) if name.startswith("q") else None
        key = by_id.get(question_id)
        if key is None:
            raise InvalidAnswers(_("This form has an answer to a question that is not in this test."))
        values = data.getlist(name)
        choice_ids = {_integer(value) for value in values}
        if None in choice_ids:
            raise InvalidAnswers(_("An answer in this form could not be read."))
        if len(choice_ids) != len(values) or (key.kind != MULTIPLE and len(values) > 1):
            raise InvalidAnswers(_("A question that takes one answer got several."))
        if not choice_ids <= key.choices:
            raise InvalidAnswers(_("An answer in this form belongs to another question."))
        answers[key.id] = frozenset(choice_ids)
    if require_all and set(answers) != set(by_id):
        raise InvalidAnswers(_("Please answer every question."))
    return answers


def _integer(text):
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None
